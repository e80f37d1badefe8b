import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { INPUT_FORMAT_NAMES, parseFields, type ParseResult } from '../../src/reading/parse.ts';
import type { SessionReply, SessionRequest } from '../ebet-session/analyse.ts';
import { startSessionWorker } from '../ebet-session/start-worker.ts';
import { emit } from '../shared/events.ts';
import { loadHtmlReader, readableNow } from '../shared/html-reader.ts';
import { LARGE_PASTE, megabytes } from '../shared/large-paste.ts';
import { LOAD_FAILED } from '../shared/load-when-visible.ts';
import { localized, msg, str, t } from '../shared/locale.ts';
import { baseStyles } from '../shared/styles.ts';
import { visibleText } from '../shared/visible-value.ts';

/** Problems listed at most: a form of 100,000 odd inputs makes a short list. */
const LISTED_PROBLEMS = 50;

const S = {
  get label() { return msg('Paste fields'); },
  get hint() { return msg('An HTML form or answer page, a POST body or query string, NAME=value lines, JSON, or a devtools “copy as cURL / fetch”.'); },
  get read() { return msg('Read as'); },
  get fields() { return msg('fields'); },
  get reading() { return msg('Reading…'); },
  held: (mb: string): string => msg(str`${mb} pasted: too much to show here, but all of it is read. Paste or type here to replace it.`),
  get clear() { return msg('Clear'); },
  more: (n: number): string => msg(str`…and ${n} more`),
  levels: { get error() { return msg('Error'); }, get warning() { return msg('Warning'); }, get info() { return msg('Note'); } } as Record<string, string>,
};

export interface FieldsChangeDetail {
  readonly text: string;
  readonly result: ParseResult;
}

/**
 * @summary A paste box that reads fields from anything the core's parser accepts and lists every problem it found. Pasted HTML is tokenized, never inserted. A paste over 256 kB is not shown in the box (its size is, with a Clear button) and is read in a worker, so the page answers clicks meanwhile.
 * @event ebet-fields-change - `FieldsChangeDetail` after each edit (debounced while typing).
 * @csspart textarea - The text area.
 * @csspart problems - The list of problems.
 * @tagname ebet-fields-input
 */
@localized()
export class EbetFieldsInput extends LitElement {
  static override styles = [baseStyles, css`:host { display: block; } textarea { min-height: 9em; } ul { margin: 0.3em 0; padding-left: 1.2em; }`];

  /** The pasted text. Setting it parses it at once. */
  @property() value = '';
  /** Overrides the label (in the page's language). */
  @property({ attribute: false }) label: string | null = null;
  /** Rows of the text area. */
  @property({ type: Number }) rows = 8;

  @state() private result: ParseResult | null = null;
  /** The HTML reader is loading for the value (which is read once it is there). */
  @state() private reading = false;
  /** The HTML reader could not be loaded: said, with a button that tries again. */
  @state() private readerFailed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Reads a large value (over `LARGE_PASTE`) off the main thread; `null` when none is being read. */
  @state() private worker: Worker | null = null;
  /** The worker could not read the large value: said, with a button that tries again. */
  @state() private workerFailed = false;

  /** The latest parse of `value`, or `null` while it is empty and untouched. */
  get parsed(): ParseResult | null {
    return this.result;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('value') && (this.value !== '' || this.result)) this.parseNow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWorker();
  }

  private parseNow(): void {
    this.stopWorker();
    this.workerFailed = false;
    if (this.value.length > LARGE_PASTE) {
      // The worker loads the HTML reader itself: a load for an earlier value is not waited for.
      this.reading = false;
      this.readInWorker(this.value);
      return;
    }
    if (!readableNow(this.value)) {
      if (!this.reading) void loadHtmlReader().then(() => this.reading && this.parseNow(), () => (this.readerFailed = true));
      this.reading = true;
      return;
    }
    this.reading = false;
    this.result = parseFields(this.value);
    emit(this, 'ebet-fields-change', { text: this.value, result: this.result });
  }

  /** Reads `text` in the session's worker (which loads the HTML reader itself); the result is emitted as for any other value. */
  private readInWorker(text: string): void {
    const worker = startSessionWorker();
    this.worker = worker;
    const failed = (): void => {
      if (this.worker !== worker) return;
      this.stopWorker();
      this.workerFailed = true;
      // What is shown is not the read of an earlier value.
      this.result = null;
    };
    worker.addEventListener('message', (e: MessageEvent<SessionReply>) => {
      if (this.worker !== worker) return;
      if (e.data.type === 'failed') failed();
      if (e.data.type !== 'fields') return;
      this.stopWorker();
      this.result = e.data.result;
      emit(this, 'ebet-fields-change', { text, result: this.result });
    });
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      failed();
    });
    worker.addEventListener('messageerror', failed);
    worker.postMessage({ type: 'fields', input: text } satisfies SessionRequest);
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /**
   * A paste (or a drop) over `LARGE_PASTE` characters never goes into the text area, whose layout of a
   * few MB would block the page for seconds: it becomes the value at once, shown by its size only.
   */
  private onPaste(e: ClipboardEvent | DragEvent): void {
    const data = e instanceof ClipboardEvent ? e.clipboardData : e.dataTransfer;
    const text = data?.getData('text/plain') ?? '';
    if (text.length <= LARGE_PASTE) return;
    e.preventDefault();
    clearTimeout(this.timer);
    this.value = text;
  }

  private clear(): void {
    clearTimeout(this.timer);
    this.value = '';
    this.renderRoot.querySelector('textarea')?.focus();
  }

  private retryReader(): void {
    this.readerFailed = false;
    this.reading = false;
    this.parseNow();
  }

  private onInput(e: Event): void {
    const box = e.target as HTMLTextAreaElement;
    const value = box.value;
    clearTimeout(this.timer);
    if (value.length > LARGE_PASTE) {
      // Come in some other way than a paste event (e.g. by a script): taken out of the box, held as a paste is.
      box.value = '';
      this.value = value;
      return;
    }
    // Large pastes parse once typing pauses, so the page stays responsive.
    this.timer = setTimeout(() => (this.value = value), value.length > 20000 ? 250 : 60);
  }

  override render() {
    const r = this.result;
    const problems = r?.problems ?? [];
    const held = this.value.length > LARGE_PASTE;
    const pending = this.reading || this.worker !== null;
    const failed = this.readerFailed || this.workerFailed;
    return html`<label for="paste">${this.label ?? S.label}</label>
      <p id="paste-hint" class="hint">${S.hint}</p>
      <textarea
        id="paste"
        part="textarea"
        rows=${this.rows}
        spellcheck="false"
        autocomplete="off"
        .value=${held ? '' : this.value}
        aria-describedby="paste-hint paste-status"
        aria-invalid=${problems.some((p) => p.level === 'error') ? 'true' : 'false'}
        @input=${this.onInput}
        @paste=${this.onPaste}
        @drop=${this.onPaste}
      ></textarea>
      <div id="paste-status" aria-live="polite">
        ${held
          ? html`<p class="hint" data-held=${this.value.length}>${S.held(megabytes(this.value.length))} <button type="button" data-action="clear-paste" @click=${this.clear}>${S.clear}</button></p>`
          : nothing}
        ${(this.reading && !this.readerFailed) || this.worker ? html`<p class="hint">${S.reading}</p>` : nothing}
        ${failed
          ? html`<p class="level-error" role="alert">${LOAD_FAILED.message} <button type="button" @click=${this.workerFailed ? this.parseNow : this.retryReader}>${LOAD_FAILED.retry}</button></p>`
          : nothing}
        ${!pending && r?.format ? html`<p class="hint">${S.read}: ${t(INPUT_FORMAT_NAMES[r.format])}, ${r.entries.length} ${S.fields}</p>` : nothing}
        ${!pending && problems.length
          ? html`<ul part="problems">
              ${problems.slice(0, LISTED_PROBLEMS).map(
                (p) => html`<li class=${`level-${p.level === 'info' ? 'ok' : p.level}`} data-code=${p.code}>
                  <strong>${S.levels[p.level]}:</strong> ${visibleText(t(p.message))}
                </li>`,
              )}
              ${problems.length > LISTED_PROBLEMS ? html`<li data-more=${problems.length - LISTED_PROBLEMS}>${S.more(problems.length - LISTED_PROBLEMS)}</li>` : nothing}
            </ul>`
          : nothing}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-fields-input': EbetFieldsInput;
  }
  interface HTMLElementEventMap {
    'ebet-fields-change': CustomEvent<FieldsChangeDetail>;
  }
}
