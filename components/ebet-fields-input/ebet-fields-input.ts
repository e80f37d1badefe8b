import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { INPUT_FORMAT_NAMES, parseFields, type ParseResult } from '../../src/reading/parse.ts';
import { emit } from '../shared/events.ts';
import { loadHtmlReader, readableNow } from '../shared/html-reader.ts';
import { LOAD_FAILED } from '../shared/load-when-visible.ts';
import { localized, msg, str, t } from '../shared/locale.ts';
import { baseStyles } from '../shared/styles.ts';

/** Problems listed at most: a form of 100,000 odd inputs makes a short list. */
const LISTED_PROBLEMS = 50;

const S = {
  get label() { return msg('Paste fields'); },
  get hint() { return msg('An HTML form or answer page, a POST body or query string, NAME=value lines, JSON, or a devtools “copy as cURL / fetch”.'); },
  get read() { return msg('Read as'); },
  get fields() { return msg('fields'); },
  get reading() { return msg('Reading…'); },
  more: (n: number): string => msg(str`…and ${n} more`),
  levels: { get error() { return msg('Error'); }, get warning() { return msg('Warning'); }, get info() { return msg('Note'); } } as Record<string, string>,
};

export interface FieldsChangeDetail {
  readonly text: string;
  readonly result: ParseResult;
}

/**
 * @summary A paste box that reads fields from anything the core's parser accepts and lists every problem it found. Pasted HTML is tokenized, never inserted.
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

  /** The latest parse of `value`, or `null` while it is empty and untouched. */
  get parsed(): ParseResult | null {
    return this.result;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('value') && (this.value !== '' || this.result)) this.parseNow();
  }

  private parseNow(): void {
    if (!readableNow(this.value)) {
      if (!this.reading) void loadHtmlReader().then(() => this.reading && this.parseNow(), () => (this.readerFailed = true));
      this.reading = true;
      return;
    }
    this.reading = false;
    this.result = parseFields(this.value);
    emit(this, 'ebet-fields-change', { text: this.value, result: this.result });
  }

  private retryReader(): void {
    this.readerFailed = false;
    this.reading = false;
    this.parseNow();
  }

  private onInput(e: Event): void {
    const value = (e.target as HTMLTextAreaElement).value;
    clearTimeout(this.timer);
    // Large pastes parse once typing pauses, so the page stays responsive.
    this.timer = setTimeout(() => (this.value = value), value.length > 20000 ? 250 : 60);
  }

  override render() {
    const r = this.result;
    const problems = r?.problems ?? [];
    return html`<label for="paste">${this.label ?? S.label}</label>
      <p id="paste-hint" class="hint">${S.hint}</p>
      <textarea
        id="paste"
        part="textarea"
        rows=${this.rows}
        spellcheck="false"
        autocomplete="off"
        .value=${this.value}
        aria-describedby="paste-hint paste-status"
        aria-invalid=${problems.some((p) => p.level === 'error') ? 'true' : 'false'}
        @input=${this.onInput}
      ></textarea>
      <div id="paste-status" aria-live="polite">
        ${this.reading && !this.readerFailed ? html`<p class="hint">${S.reading}</p>` : nothing}
        ${this.readerFailed
          ? html`<p class="level-error" role="alert">${LOAD_FAILED.message} <button type="button" @click=${this.retryReader}>${LOAD_FAILED.retry}</button></p>`
          : nothing}
        ${!this.reading && r?.format ? html`<p class="hint">${S.read}: ${t(INPUT_FORMAT_NAMES[r.format])}, ${r.entries.length} ${S.fields}</p>` : nothing}
        ${!this.reading && problems.length
          ? html`<ul part="problems">
              ${problems.slice(0, LISTED_PROBLEMS).map(
                (p) => html`<li class=${`level-${p.level === 'info' ? 'ok' : p.level}`} data-code=${p.code}>
                  <strong>${S.levels[p.level]}:</strong> ${t(p.message)}
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
