import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import '@lit-labs/virtualizer';
import type { Encoding } from '../../src/protocol/encoding.ts';
import { sourceText, type MessageSource } from '../../src/verdict/extract.ts';
import { MESSAGE_KINDS, MESSAGES, type MessageKind } from '../../src/protocol/fields.ts';
import type { Keys } from '../../src/protocol/key-ring.ts';
import { excerpt, type Text } from '../../src/protocol/text.ts';
import { plainVisible } from '../../src/protocol/visible.ts';
import { download } from '../shared/download.ts';
import { loadHtmlReader, readableNow } from '../shared/html-reader.ts';
import { LOAD_FAILED } from '../shared/load-when-visible.ts';
import { localized, msg, str, t } from '../shared/locale.ts';
import { isOne } from '../shared/plural.ts';
import { baseStyles } from '../shared/styles.ts';
import { visibleText, visibleValue } from '../shared/visible-value.ts';
import { startSessionWorker } from './start-worker.ts';
import type { FieldEntry } from '../../src/protocol/message.ts';
import {
  analyse,
  packRows,
  rowFailed,
  type RowBatch,
  type RowMark,
  type SessionCounts,
  type SessionDiagnosis,
  type SessionPhase,
  type SessionReply,
  type SessionRequest,
  type SessionRow,
  type SessionSummary,
} from './analyse.ts';

/** The largest file opened (the core reads 50 MiB at most). */
export const MAX_FILE = 50 * 1024 * 1024;
/** Inputs up to this many characters are read on the page itself, at once; larger ones in the worker. */
export const SMALL_INPUT = 64 * 1024;
/** Characters of a message's fields shown in its row (names and values; each cut value says its length). */
const ROW_CHARS = 400;
/** Problems listed at most (a log of 100,000 broken JSON lines makes a short list). */
const LISTED_PROBLEMS = 50;

type OutcomeFilter = '' | 'verified' | 'failed' | 'unchecked';

const emptyRows = (): RowBatch => ({ kinds: [], marks: [], json: [] });

const S = {
  get title() { return msg('Whole session: a HAR file or a shop log'); },
  get lead() { return msg('Open the network export of a checkout (DevTools: "Save all as HAR") or your shop’s log, or paste it. Every E-betalning message in it is found, verified with the key above, and failing ones are diagnosed. Large files are read in the background; the key stays in this page’s memory.'); },
  get file() { return msg('Open a file (HAR, log or text, up to 50 MB)'); },
  get drop() { return msg('…or drop it here'); },
  get paste() { return msg('…or paste the HAR or log'); },
  pastedAside: (mb: string): string => msg(str`Pasted ${mb}: read in the background and kept out of the text box so the page stays fast.`),
  tooLarge: (name: string, mb: string): string =>
    msg(str`"${name}" is ${mb}; at most 50 MB is read. Keep the lines about the payment (e.g. grep NB_ shop.log > payment.log) or save a HAR of the checkout alone, then open that.`),
  workerFailed: (what: string): string => msg(str`Reading stopped with an error (${what}). What you typed or opened is kept: try again, or open a smaller part.`),
  more: (n: number): string => msg(str`…and ${n} more`),
  get cancel() { return msg('Cancel'); },
  get cancelled() { return msg('Cancelled. What you typed or opened is kept; open or paste again to read it.'); },
  phases: {
    get read() { return msg('Reading the file'); },
    get extract() { return msg('Finding messages'); },
    get verify() { return msg('Verifying'); },
    get diagnose() { return msg('Diagnosing failing MACs'); },
  } as Record<SessionPhase, string>,
  summary: (n: number, verified: number, failed: number, replays: number): string => {
    const count = isOne(n) ? msg(str`${n} message`) : msg(str`${n} messages`);
    return msg(str`${count}: verified ${verified}, failed ${failed}, replay warnings ${replays}`);
  },
  get noKey() { return msg('No key given above: the MACs are not checked.'); },
  get view() { return msg('Show'); },
  get byMessage() { return msg('Messages'); },
  get byStamp() { return msg('Timeline per stamp'); },
  get kind() { return msg('Kind'); },
  get allKinds() { return msg('All kinds'); },
  get outcome() { return msg('MAC'); },
  outcomes: {
    get ''() { return msg('All'); },
    get verified() { return msg('Verified'); },
    get failed() { return msg('Failed'); },
    get unchecked() { return msg('Not checked or proves nothing'); },
  } as Record<OutcomeFilter, string>,
  get search() { return msg('Stamp or text'); },
  shown: (n: number, total: number): string => msg(str`${n} of ${total} shown`),
  get doctor() { return msg('Doctor'); },
  get diagnosing() { return msg('Diagnosing…'); },
  get stamp() { return msg('Stamp'); },
  get noStamp() { return msg('(no stamp)'); },
  get problems() { return msg('What could not be read'); },
  get replays() { return msg('Replay warnings'); },
  get export() { return msg('Save the summary as text for a ticket (never the key)'); },
  marks: {
    get verified() { return msg('verified'); },
    get failed() { return msg('FAILED'); },
    get other() { return msg('not checked'); },
  },
  message: (n: number): string => msg(str`Message ${n}`),
  pairedWith: (n: number): string => msg(str`(pairs with message ${n}, same stamp)`),
  exportHead: (name: string): string => msg(str`E-betalning session: ${name}`),
};

/**
 * @summary A whole session at once: open a HAR file or a shop's log (file field, drag and drop or paste, up to 50 MB), and see every E-betalning message in it verified, a timeline per stamp, failing MACs diagnosed, filters, and a summary to export for a ticket. Large inputs are read in a module worker with progress and cancel; the key is handed to it in memory only.
 *
 * @csspart summary - The counts (`data-summary`, `data-messages`, `data-verified`, `data-failed`, `data-replays`).
 * @csspart list - The scrolling list of messages or stamps. Each message row carries the hooks of its verdict (`judgeMessage`; once the doctor has diagnosed a failing MAC, with its causes): `data-message` (its number, 1-based), `data-verdict` (`ok`, `warning`, `error`) and `data-codes` (space-separated); also `data-kind`, `data-outcome`. Its colour is the verdict's level, never the MAC's status alone.
 * @tagname ebet-session
 */
@localized()
export class EbetSession extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .drop { border: 2px dashed var(--ebet-color-border, #8a939d); border-radius: var(--ebet-radius, 6px); padding: 0.8em 1em; }
      .drop.over { border-color: var(--ebet-color-accent, #0b57d0); background: var(--ebet-color-page, #f4f6f8); }
      .bar { display: flex; flex-wrap: wrap; gap: 0.6em 1em; align-items: end; margin: 0.6em 0; }
      .bar > div { display: flex; flex-direction: column; min-width: 0; max-width: 100%; }
      progress { width: 16em; }
      lit-virtualizer { height: 32em; border: 1px solid var(--ebet-color-border, #d0d5db); border-radius: var(--ebet-radius, 6px); }
      .row { width: 100%; box-sizing: border-box; padding: 0.45em 0.7em; border-bottom: 1px solid var(--ebet-color-border, #d0d5db); }
      .row p { margin: 0.15em 0; overflow-wrap: anywhere; }
      .fields { font-size: 0.85em; }
      .chain { display: flex; flex-wrap: wrap; gap: 0.3em; align-items: baseline; }
      .step { border: 1px solid currentColor; border-radius: var(--ebet-radius, 6px); padding: 0 0.4em; }
      [role='alert'] { color: var(--ebet-color-error, #b3261e); }
    `,
  ];

  /** The key or key ring to verify with (held in memory, handed to the worker in memory, never stored). */
  @property({ attribute: false }) keys: Keys | null = null;
  /** How values become bytes for the MAC (`utf-8` or `iso-8859-1`). */
  @property() encoding: Encoding = 'utf-8';

  @state() private working: { phase: SessionPhase; done: number; total: number } | null = null;
  /** The rows, packed (see `RowBatch`); `version` counts their changes. */
  private rows: RowBatch = emptyRows();
  @state() private version = 0;
  @state() private summary: SessionSummary | null = null;
  @state() private counts: SessionCounts | null = null;
  @state() private diagnoses = new Map<number, SessionDiagnosis>();
  /** What went wrong (file refused, worker error, cancelled); the input is kept. */
  @state() private notice: string | null = null;
  /** Whether the notice is a failure that reading again may mend (it offers a retry). */
  @state() private retryable = false;
  /** A paste kept out of the text box (its size). */
  @state() private pastedAside: number | null = null;
  @state() private view: 'messages' | 'stamps' = 'messages';
  @state() private kindFilter: MessageKind | '' = '';
  @state() private outcomeFilter: OutcomeFilter = '';
  @state() private query = '';
  @state() private over = false;

  private worker: Worker | null = null;
  /** The last input read (text or file), to read again when the key changes. */
  private input: string | Blob | null = null;
  private inputName = '';
  /** Indexes of the rows the filters keep. */
  private filtered: number[] = [];
  /** Rows read from their JSON as they are shown. */
  private parsed = new Map<number, SessionRow>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWorker();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('keys') || changed.has('encoding')) && this.input !== null && this.hasUpdated) this.read(this.input, this.inputName);
    // A new list (also when diagnoses arrive) makes the virtualizer render the rows in view again.
    if (['version', 'summary', 'diagnoses', 'kindFilter', 'outcomeFilter', 'query'].some((k) => changed.has(k))) {
      const q = this.query.trim();
      const mark: RowMark | '' = this.outcomeFilter === 'unchecked' ? 'other' : this.outcomeFilter;
      const { kinds, marks, json } = this.rows;
      const filtered: number[] = [];
      for (let i = 0; i < kinds.length; i++) {
        if ((!this.kindFilter || kinds[i] === this.kindFilter) && (!mark || marks[i] === mark) && (!q || json[i]!.includes(q))) filtered.push(i);
      }
      this.filtered = filtered;
    }
  }

  /** Reads a text or a file: small ones here at once, large ones in the worker. */
  private read(input: string | Blob, name: string): void {
    this.stopWorker();
    this.input = input;
    this.inputName = name;
    this.notice = null;
    this.retryable = false;
    this.diagnoses = new Map();
    const size = typeof input === 'string' ? input.length : input.size;
    if (typeof input === 'string' && size <= SMALL_INPUT) {
      if (!readableNow(input)) {
        // Read once the HTML reader is there; until then nothing is shown but "reading".
        this.setRows(emptyRows());
        this.summary = null;
        this.counts = null;
        this.working = { phase: 'read', done: 0, total: 0 };
        void loadHtmlReader().then(
          () => this.input === input && this.read(input, name),
          () => {
            if (this.input !== input) return;
            this.working = null;
            this.notice = LOAD_FAILED.message;
            this.retryable = true;
          },
        );
        return;
      }
      const { rows, summary, counts } = analyse(input, this.keys, { encoding: this.encoding });
      this.setRows(packRows(rows));
      this.summary = summary;
      this.counts = counts;
      this.working = null;
      const failing = rows.filter(rowFailed);
      if (this.keys && failing.length) this.startWorker({ type: 'diagnose', rows: failing, keys: this.keys });
      return;
    }
    if (typeof input !== 'string' && size <= SMALL_INPUT) {
      void input.text().then((text) => {
        if (this.input === input) this.read(text, name);
      });
      return;
    }
    this.setRows(emptyRows());
    this.summary = null;
    this.counts = null;
    this.startWorker({ type: 'analyse', input, keys: this.keys, encoding: this.encoding });
  }

  private startWorker(request: SessionRequest): void {
    const worker = startSessionWorker();
    this.worker = worker;
    this.working = { phase: request.type === 'diagnose' ? 'diagnose' : 'read', done: 0, total: 0 };
    const rows = emptyRows();
    worker.addEventListener('message', (e: MessageEvent<SessionReply>) => {
      if (this.worker !== worker) return;
      const reply = e.data;
      if (reply.type === 'progress') this.working = { phase: reply.phase, done: reply.done, total: reply.total };
      else if (reply.type === 'rows') {
        rows.kinds.push(...reply.batch.kinds);
        rows.marks.push(...reply.batch.marks);
        rows.json.push(...reply.batch.json);
      } else if (reply.type === 'done') {
        this.setRows(rows);
        this.summary = reply.summary;
        this.counts = reply.counts;
      } else if (reply.type === 'diagnoses') {
        const next = new Map(this.diagnoses);
        for (const { index, diagnosis } of reply.items) next.set(index, diagnosis);
        this.diagnoses = next;
      } else if (reply.type === 'failed') {
        this.fail(reply.error);
      } else {
        this.stopWorker();
      }
    });
    // The worker could not start or run its script, or a reply could not be read: the page says so.
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      if (this.worker === worker) this.fail(e.message || 'worker');
    });
    worker.addEventListener('messageerror', () => {
      if (this.worker === worker) this.fail('messageerror');
    });
    try {
      worker.postMessage(request);
    } catch (error) {
      this.fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }

  /** Stops the work and says what went wrong, with a retry; what was typed or opened is kept. */
  private fail(error: string): void {
    this.stopWorker();
    this.clearFileField();
    this.notice = S.workerFailed(t(excerpt(error)));
    this.retryable = true;
  }

  /** Reads the last input again (after a failure). */
  private retry(): void {
    if (this.input !== null) this.read(this.input, this.inputName);
  }

  /** Empties the file field, so that choosing the same file again reads it (else Chromium fires no change). */
  private clearFileField(): void {
    const field = this.renderRoot.querySelector<HTMLInputElement>('#file');
    if (field) field.value = '';
  }

  private setRows(rows: RowBatch): void {
    this.rows = rows;
    this.parsed = new Map();
    this.version++;
  }

  /** Row `i`, read from its JSON when first shown (a few hundred are kept). */
  private row(i: number): SessionRow {
    let row = this.parsed.get(i);
    if (!row) {
      if (this.parsed.size > 500) this.parsed.clear();
      row = JSON.parse(this.rows.json[i]!) as SessionRow;
      this.parsed.set(i, row);
    }
    return row;
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = null;
    this.working = null;
  }

  private cancel(): void {
    this.stopWorker();
    this.clearFileField();
    this.notice = S.cancelled;
    this.retryable = false;
  }

  /** Reads a text handed over by another tool (the decoder's paste box holding a HAR file or a log), as if it were pasted here. */
  open(text: string): void {
    this.pastedAside = null;
    this.read(text, msg('pasted text'));
  }

  private openFile(file: File | undefined): void {
    if (!file) return;
    if (file.size > MAX_FILE) {
      this.notice = S.tooLarge(file.name, `${(file.size / 1048576).toFixed(1)} MB`);
      this.retryable = false;
      return;
    }
    this.pastedAside = null;
    this.read(file, file.name);
  }

  private onPaste(e: ClipboardEvent): void {
    const pasted = e.clipboardData?.getData('text/plain') ?? '';
    if (pasted.length <= SMALL_INPUT) return;
    // A large paste never enters the text box (laying out megabytes of text would block the page).
    e.preventDefault();
    this.pastedAside = pasted.length;
    this.read(pasted, msg('pasted text'));
  }

  private onInput(e: Event): void {
    this.pastedAside = null;
    this.read((e.target as HTMLTextAreaElement).value, msg('pasted text'));
  }

  private onDrop(e: DragEvent): void {
    e.preventDefault();
    this.over = false;
    this.openFile(e.dataTransfer?.files[0]);
  }

  override render() {
    const counts = this.counts;
    return html`<h2 id="session-title">${S.title}</h2>
      <p>${S.lead}</p>
      <div
        class=${this.over ? 'drop over' : 'drop'}
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          this.over = true;
        }}
        @dragleave=${() => (this.over = false)}
        @drop=${this.onDrop}
      >
        <label for="file">${S.file}</label>
        <input id="file" type="file" accept=".har,.log,.txt,.json,.html,text/*,application/json" @change=${(e: Event) => this.openFile((e.target as HTMLInputElement).files?.[0])} />
        <span class="hint">${S.drop}</span>
      </div>
      <p><label for="paste">${S.paste}</label></p>
      <textarea id="paste" rows="5" spellcheck="false" @paste=${this.onPaste} @input=${this.onInput}></textarea>
      ${this.pastedAside !== null ? html`<p class="hint" data-pasted-aside>${S.pastedAside(`${(this.pastedAside / 1048576).toFixed(1)} MB`)}</p>` : nothing}
      <div aria-live="polite">
        ${this.working
          ? html`<p class="bar" data-working=${this.working.phase}>
              <span>${S.phases[this.working.phase]}${this.working.total ? ` ${Math.round((100 * this.working.done) / this.working.total)} %` : ''}</span>
              <progress max=${this.working.total || 1} .value=${this.working.total ? this.working.done : 0}></progress>
              <button type="button" class="secondary" data-cancel @click=${this.cancel}>${S.cancel}</button>
            </p>`
          : nothing}
      </div>
      ${this.notice
        ? html`<p role="alert" data-notice>
            ${this.notice}
            ${this.retryable ? html`<button type="button" class="secondary" data-retry @click=${this.retry}>${LOAD_FAILED.retry}</button>` : nothing}
          </p>`
        : nothing}
      ${counts && this.summary ? this.renderResult(counts, this.summary) : nothing}
      <lit-virtualizer
        part="list"
        scroller
        ?hidden=${!counts}
        .items=${!counts ? [] : this.view === 'messages' ? this.filtered : this.stampList()}
        .renderItem=${this.view === 'messages' ? this.renderRow : this.renderStamp}
      ></lit-virtualizer>
      ${counts
        ? html`<p class="bar">
            <button type="button" class="secondary" data-export @click=${this.exportSession}>${S.export}</button>
          </p>`
        : nothing}`;
  }

  private renderResult(counts: SessionCounts, summary: SessionSummary) {
    return html`<p
        part="summary"
        data-summary
        data-messages=${counts.messages}
        data-verified=${counts.verified}
        data-failed=${counts.failed}
        data-replays=${counts.replays}
      >
        <strong>${S.summary(counts.messages, counts.verified, counts.failed, counts.replays)}</strong>
        ${this.keys ? nothing : html`<span class="hint">${S.noKey}</span>`}
      </p>
      ${summary.problems.length
        ? html`<h3>${S.problems}</h3>
            <ul>
              ${summary.problems.slice(0, LISTED_PROBLEMS).map((p) => html`<li class=${`level-${p.level === 'info' ? 'ok' : p.level}`} data-code=${p.code}>${visibleText(t(p.message))}</li>`)}
              ${summary.problems.length > LISTED_PROBLEMS ? html`<li data-more=${summary.problems.length - LISTED_PROBLEMS}>${S.more(summary.problems.length - LISTED_PROBLEMS)}</li>` : nothing}
            </ul>`
        : nothing}
      ${summary.replays.some((r) => r.level === 'warning')
        ? html`<h3>${S.replays}</h3>
            <ul>
              ${summary.replays.filter((r) => r.level === 'warning').slice(0, 20).map((r) => html`<li class="level-warning" data-code="replay">${visibleText(t(r.message))}</li>`)}
            </ul>`
        : nothing}
      <div class="bar">
        <div>
          <label for="view">${S.view}</label>
          <select id="view" @change=${(e: Event) => (this.view = (e.target as HTMLSelectElement).value as 'messages' | 'stamps')}>
            <option value="messages" ?selected=${this.view === 'messages'}>${S.byMessage}</option>
            <option value="stamps" ?selected=${this.view === 'stamps'}>${S.byStamp}</option>
          </select>
        </div>
        <div>
          <label for="kind">${S.kind}</label>
          <select id="kind" @change=${(e: Event) => (this.kindFilter = (e.target as HTMLSelectElement).value as MessageKind | '')}>
            <option value="">${S.allKinds}</option>
            ${MESSAGE_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kindFilter}>${t(MESSAGES[k].title)}</option>`)}
          </select>
        </div>
        <div>
          <label for="outcome">${S.outcome}</label>
          <select id="outcome" @change=${(e: Event) => (this.outcomeFilter = (e.target as HTMLSelectElement).value as OutcomeFilter)}>
            ${(['', 'verified', 'failed', 'unchecked'] as const).map((o) => html`<option value=${o} ?selected=${o === this.outcomeFilter}>${S.outcomes[o]}</option>`)}
          </select>
        </div>
        <div>
          <label for="search">${S.search}</label>
          <input id="search" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
        </div>
        <span class="hint" data-shown=${this.filtered.length}>${S.shown(this.filtered.length, counts.messages)}</span>
      </div>
`;
  }

  private stampList(): Array<{ stamp: string; messages: number[] }> {
    const visible = new Set(this.filtered);
    return (this.summary?.stamps ?? []).filter((s) => s.messages.some((i) => visible.has(i)));
  }

  private mark(i: number): { cls: string; word: string } {
    // The word says what became of the MAC; the colour is the verdict's.
    const mark = this.rows.marks[i]!;
    return { cls: `level-${this.row(i).level}`, word: S.marks[mark] };
  }

  /** One message in the list (an arrow function: the virtualizer gets the same one each render). */
  private renderRow = (i: number | object | undefined) => {
    // While the list shrinks, the virtualizer may ask once more for a place that is gone.
    if (typeof i !== 'number' || i >= this.rows.json.length) return nothing;
    const r = this.row(i);
    const mark = this.mark(i);
    const d = this.diagnoses.get(r.index);
    // The verdict: the row's own, or once the doctor has spoken, the row judged with it.
    const verdict = d ?? r;
    return html`<div class="row" data-index=${r.index} data-kind=${r.kind} data-outcome=${r.outcome} data-message=${r.index + 1} data-verdict=${verdict.level} data-codes=${verdict.codes.join(' ')}>
      <p>
        <strong>${S.message(r.index + 1)}: ${t(MESSAGES[r.kind].title)}</strong> — <span class=${mark.cls}>${mark.word}</span>
        <span class="hint" data-source>${renderSource(r.source)}</span>
        ${r.pair !== null ? html`<span class="hint" data-pair=${r.pair}>${S.pairedWith(r.pair + 1)}</span>` : nothing}
      </p>
      <p class=${`level-${verdict.level}`} data-verdict-text>${visibleText(t(verdict.line))}</p>
      <p class="hint" data-status>${visibleText(t(r.headline))}</p>
      <p class="mono fields" data-fields>${renderFields(r.fields)}</p>
      ${rowFailed(r) && this.keys
        ? html`<p data-diagnosis=${d?.status ?? 'pending'}><strong>${S.doctor}:</strong> ${d ? visibleText(t(d.message)) : S.diagnosing}${d?.fix ? html` — ${visibleText(t(d.fix))}` : nothing}</p>`
        : nothing}
    </div>`;
  };

  /** One stamp's timeline. */
  private renderStamp = (s: { stamp: string; messages: number[] } | number | undefined) => {
    if (typeof s !== 'object') return nothing;
    return html`<div class="row" data-stamp=${s.stamp}>
      <p><strong>${S.stamp} ${s.stamp ? visibleValue(s.stamp) : S.noStamp}</strong></p>
      <p class="chain">
        ${s.messages.map((i, n) => {
          const r = this.row(i);
          const mark = this.mark(i);
          return html`${n ? '→' : nothing} <span class=${`step ${mark.cls}`} title=${plainVisible(t(sourceText(r.source)))}>${t(MESSAGES[r.kind].title)}: ${mark.word}</span>`;
        })}
      </p>
    </div>`;
  };

  /** Saves the session as plain text for a support ticket: counts, problems, replays, each stamp's timeline and each failure with the doctor's word, direction and control characters written as their code points (`plainVisible`). Never a key. */
  private exportSession = async (): Promise<void> => {
    const summary = this.summary;
    const counts = this.counts;
    if (!summary || !counts) return;
    const version = this.version;
    const lines: string[] = [S.exportHead(this.inputName), S.summary(counts.messages, counts.verified, counts.failed, counts.replays)];
    const list = (title: string, items: Text[]) => {
      if (items.length) lines.push('', title, ...items.map((i) => `- ${plainVisible(t(i))}`));
    };
    list(S.problems, summary.problems.map((p) => p.message));
    list(S.replays, summary.replays.filter((r) => r.level === 'warning').map((r) => r.message));
    lines.push('', S.byStamp);
    // Long sessions are written a slice at a time, so the page stays responsive.
    const slice = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      return this.version === version;
    };
    for (let n = 0; n < summary.stamps.length; n++) {
      if (n % 300 === 299 && !(await slice())) return;
      const s = summary.stamps[n]!;
      const chain = s.messages.map((i) => `${t(MESSAGES[this.rows.kinds[i]!].title)} (${S.message(i + 1)}, ${plainVisible(t(sourceText(this.row(i).source)))}): ${this.mark(i).word}`);
      lines.push(`${S.stamp} ${plainVisible(s.stamp)}: ${chain.join(' → ')}`);
    }
    if (counts.failed) lines.push('', S.outcomes.failed);
    for (let i = 0; i < this.rows.marks.length; i++) {
      if (i % 1000 === 999 && !(await slice())) return;
      if (this.rows.marks[i] !== 'failed') continue;
      const r = this.row(i);
      const d = this.diagnoses.get(i);
      lines.push(`${S.message(i + 1)} (${plainVisible(t(sourceText(r.source)))}): ${plainVisible(r.fields.map((f) => `${f.name}=${f.value}`).join('&'))}`);
      if (d) lines.push(`  ${S.doctor}: ${plainVisible(t(d.message))}${d.fix ? ` — ${plainVisible(t(d.fix))}` : ''}`);
    }
    download(this.renderRoot, 'e-betalning-session.txt', lines.join('\n'), 'text/plain;charset=utf-8');
  };
}

/**
 * A message's fields as `NAME=value&…`, each name and value isolated with what a person cannot see
 * made visible (`visibleValue`: U+202E 054321 shows as a marker and 054321, never as 123450), at
 * most `ROW_CHARS` characters of them: the value where they run out is cut with its length, the
 * fields after it are left out.
 */
function renderFields(fields: readonly FieldEntry[]) {
  let left = ROW_CHARS;
  let count = 0;
  const shown: Array<TemplateResult | string> = [];
  for (const f of fields) {
    if (left <= 0) break;
    if (count++) shown.push('&');
    shown.push(visibleValue(f.name, false, left), '=');
    left -= f.name.length + 1;
    shown.push(left > 0 ? visibleValue(f.value, false, left) : '…');
    left -= f.value.length + 1;
  }
  if (count < fields.length) shown.push('&…');
  return shown;
}

/** Where a message was found (`sourceText`), its HAR entry's URL shown as a value (`visibleValue`). */
function renderSource(source: MessageSource) {
  const words = t(sourceText(source));
  const at = source.url ? words.indexOf(source.url) : -1;
  if (at < 0) return visibleText(words);
  return html`${visibleText(words.slice(0, at))}${visibleValue(source.url!)}${visibleText(words.slice(at + source.url!.length))}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-session': EbetSession;
  }
}
