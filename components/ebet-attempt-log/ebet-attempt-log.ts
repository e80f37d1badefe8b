import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ATTEMPT_LIMITS,
  ATTEMPT_OUTCOME_NAMES,
  attemptCase,
  attemptFailed,
  attemptsFromJson,
  attemptsToJson,
  byTime,
  failureReason,
  filterAttempts,
  KEEP_ATTEMPTS,
  type Attempt,
  type AttemptFilter,
} from '../../src/bank/attempt-log.ts';
import { encodeText, ENCODING_NAMES } from '../../src/protocol/encoding.ts';
import { MESSAGES } from '../../src/protocol/fields.ts';
import { toRecord } from '../../src/protocol/message.ts';
import { SIMULATOR_ENDPOINTS, type RequestKind } from '../../src/bank/simulator.ts';
import { EbetError } from '../../src/protocol/text.ts';
import { localTime } from '../../src/protocol/time.ts';
import type { Level } from '../../src/judging/validate.ts';
import { attemptsDropped, onAttemptsChange, readAttemptsNewestFirst, saveAttempts } from '../ebet-bank-simulator/ledger-db.ts';
import { download } from '../shared/download.ts';
import { emit } from '../shared/events.ts';
import { currentLang, localized, msg, str, t } from '../shared/locale.ts';
import { isOne } from '../shared/plural.ts';
import { baseStyles } from '../shared/styles.ts';
import { visibleValue } from '../shared/visible-value.ts';

const REQUEST_KINDS = Object.values(SIMULATOR_ENDPOINTS) as RequestKind[];

const S = {
  get heading() { return msg('Attempt log'); },
  get lead() { return msg('Every request that reached the simulator in this browser: when, which message, the verdict, the encoding, each field, the exact signed strings of the request and of the answer, and why it failed. Kept in IndexedDB (the newest 500), never with a key.'); },
  get empty() { return msg('No attempts yet.'); },
  get none() { return msg('No attempt matches the filter.'); },
  shown: (shown: number, all: number) => msg(str`${shown} of ${all} attempts shown`),
  get result() { return msg('Show'); },
  results: {
    get all() { return msg('all attempts'); },
    get failed() { return msg('failed attempts'); },
    get ok() { return msg('every field OK'); },
    get warning() { return msg('with warnings'); },
    get error() { return msg('with errors'); },
  } as Record<NonNullable<AttemptFilter['result']>, string>,
  get kind() { return msg('Message'); },
  get allKinds() { return msg('every message'); },
  get search() { return msg('Search fields, outcomes and problems'); },
  verdicts: { get ok() { return msg('OK'); }, get warning() { return msg('warnings'); }, get error() { return msg('errors'); } } as Record<Level, string>,
  get failed() { return msg('failed'); },
  get posted() { return msg('posted'); },
  get pasted() { return msg('pasted'); },
  get field() { return msg('Field'); },
  get value() { return msg('Value'); },
  get fields() { return msg('Fields of the request'); },
  get problems() { return msg('Problems'); },
  get requestString() { return msg('Signed string of the request'); },
  get noString() { return msg('cannot be made: a signed field is missing'); },
  get answerString() { return msg('Signed string of the answer'); },
  get unsigned() { return msg('none: the answer is not signed (ERR)'); },
  get answerFields() { return msg('Fields of the answer'); },
  get why() { return msg('Why it failed'); },
  get encoding() { return msg('Encoding'); },
  get downloadString() { return msg('Download the signed string'); },
  get doctor() { return msg('Open in the mismatch doctor'); },
  get exportJson() { return msg('Export as JSON'); },
  get importJson() { return msg('Import JSON'); },
  get clear() { return msg('Clear the log'); },
  get confirmClear() { return msg('Really clear every logged attempt?'); },
  get yes() { return msg('Yes, clear'); },
  get no() { return msg('Keep it'); },
  imported: (n: number) => (isOne(n) ? msg(str`${n} attempt imported.`) : msg(str`${n} attempts imported.`)),
  get cleared() { return msg('Log cleared.'); },
  get unavailable() { return msg('The attempt log cannot be used in this browser'); },
  reading: (n: number) => msg(str`Reading the log… ${n} read so far, the newest first.`),
  dropped: (n: number, mb: number, keep: number) =>
    isOne(n)
      ? msg(str`${n} older attempt was dropped to keep the log within ${mb} MB and ${keep} attempts.`)
      : msg(str`${n} older attempts were dropped to keep the log within ${mb} MB and ${keep} attempts.`),
  showMore: (n: number) => msg(str`Show more (${n} not shown)`),
  get cutHeading() { return msg('Kept cut, so that the log stays small'); },
  cutFields: (all: number, kept: number) => msg(str`${all} fields were posted; the first ${kept} are kept.`),
  cutProblems: (all: number, kept: number) => msg(str`${all} problems were found; the first ${kept} are kept.`),
  cutValue: (length: number) => msg(str`${length} characters; SHA-256`),
  get requestStringName() { return msg('the signed string'); },
};

/** Attempts shown at first, and more at each "Show more". */
const PAGE = 50;

/** Detail of `ebet-attempts-change`. */
export interface AttemptsChangeDetail {
  readonly attempts: readonly Attempt[];
}

/**
 * @summary The simulator's attempt log: every request that arrived, filterable by result, message and text; each with its fields, problems, signed strings and outcome. A failed attempt offers its signed string for download and opens in the mismatch doctor. Export, import and clear; follows other tabs.
 * Test hooks: each attempt is a `details[data-attempt=<id>]` with `data-kind`, `data-verdict`, `data-outcome`, `data-failed`;
 * its fields are `tr[data-field][data-value]`; buttons `data-action="export|import|clear|confirm-clear|download-string"`, link `[data-action=doctor]`.
 * @event ebet-attempts-change - `{ attempts: Attempt[] }` after an import or a clear.
 * @csspart filters - The filter controls.
 * @csspart attempt - One attempt.
 * @csspart actions - Export, import and clear.
 * @cssproperty --ebet-color-surface - Background of an opened attempt.
 * @tagname ebet-attempt-log
 */
@localized()
export class EbetAttemptLog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .filters, .actions { display: flex; flex-wrap: wrap; gap: 0.8em; align-items: end; margin: 0.6em 0; }
      .filters > div { display: flex; flex-direction: column; min-width: 0; max-width: 100%; }
      .filters > *, .actions > * { max-width: 100%; }
      details { border-bottom: 1px solid var(--ebet-color-border, #d0d5db); padding: 0.3em 0; }
      details[open] { background: var(--ebet-color-surface, #fff); }
      summary { cursor: pointer; display: flex; flex-wrap: wrap; gap: 0.3em 1em; }
      .body { padding: 0.4em 0 0.6em 1.2em; }
      table { border-collapse: collapse; max-width: 100%; }
      td { overflow-wrap: anywhere; }
      th, td { text-align: left; vertical-align: top; padding: 0.2em 0.5em; border-bottom: 1px solid var(--ebet-color-border, #d0d5db); }
      h3 { font-size: 1em; margin: 0.6em 0 0.2em; }
      ul { margin: 0; padding-left: 1.1em; }
    `,
  ];

  /** The calculator page (with its mismatch doctor), relative to the page: a failed attempt links to `<calculator>#case=…`. */
  @property() calculator = '../calculator/';

  /** The log, newest first: read from IndexedDB in batches after the first render, and kept current while connected. */
  @state() private attempts: readonly Attempt[] = [];
  /** Whether the whole log has been read once (until then batches arrive). */
  @state() private loaded = false;
  /** How many of the oldest attempts were dropped to keep the log within its bounds. */
  @state() private dropped = 0;
  /** How many of the attempts the filter lets through are shown. */
  @state() private showing = PAGE;
  /** Counts the reads: a read overtaken by a newer one stops. */
  private reads = 0;
  private stopWatching: (() => void) | null = null;
  @state() private filter: Required<AttemptFilter> = { result: 'all', kind: 'all', query: '' };
  /** The last action's outcome; `text` makes the message when shown, so it follows the page's language. */
  @state() private status: { level: 'ok' | 'error'; text: () => string } | null = null;
  @state() private confirming = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatching = onAttemptsChange(() => void this.refresh());
    // Read after the first render, so that the page (and "Clear the log") is there at once.
    if (this.hasUpdated) void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
    this.stopWatching = null;
    this.reads++;
  }

  protected override firstUpdated(): void {
    void this.refresh();
  }

  /**
   * Reads the stored log again, newest first in batches (`readAttemptsNewestFirst`); until it was
   * read once, each batch is shown as it comes. Resolves once it is read.
   */
  async refresh(): Promise<void> {
    const read = ++this.reads;
    const newest: Attempt[] = [];
    try {
      await readAttemptsNewestFirst((batch) => {
        if (read !== this.reads) return false;
        newest.push(...batch);
        if (!this.loaded) this.attempts = [...newest];
        return true;
      });
      const dropped = await attemptsDropped();
      if (read !== this.reads) return;
      this.attempts = newest;
      this.dropped = dropped;
      this.loaded = true;
    } catch (error) {
      this.fail(error);
    }
  }

  /** The attempts the filter lets through: derived in `willUpdate` when the log or the filter changes. */
  private shown: readonly Attempt[] = [];
  private shownFrom: readonly Attempt[] | null = null;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('filter')) this.showing = PAGE;
    if (this.attempts === this.shownFrom && !changed.has('filter')) return;
    this.shownFrom = this.attempts;
    this.shown = filterAttempts(this.attempts, this.filter);
  }

  private fail(error: unknown): void {
    this.status = {
      level: 'error',
      text: () => (error instanceof EbetError ? t(error.text) : `${S.unavailable}: ${String(error)}`),
    };
  }

  private async import(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const imported = attemptsFromJson(await file.text());
      await saveAttempts(imported);
      await this.changed(() => S.imported(imported.length));
    } catch (error) {
      this.fail(error);
    }
  }

  private async clear(): Promise<void> {
    try {
      await saveAttempts([], true);
      await this.changed(() => S.cleared);
    } catch (error) {
      this.fail(error);
    }
  }

  private async changed(done: () => string): Promise<void> {
    await this.refresh();
    this.confirming = false;
    this.status = { level: 'ok', text: done };
    emit(this, 'ebet-attempts-change', { attempts: this.attempts });
  }

  private downloadString(attempt: Attempt): void {
    const string = attempt.requestString ?? '';
    let bytes: Uint8Array;
    try {
      bytes = encodeText(string, attempt.encoding);
    } catch {
      bytes = encodeText(string, 'utf-8');
    }
    download(this.renderRoot, `ebet-signed-string-${attempt.id}.txt`, new Uint8Array(bytes), 'text/plain');
  }

  private setFilter(change: Partial<AttemptFilter>): void {
    this.filter = { ...this.filter, ...change };
  }

  override render() {
    const { shown } = this;
    return html`<h2>${S.heading}</h2>
      <p class="hint">${S.lead}</p>
      <div part="filters" class="filters">
        <div>
          <label for="result">${S.result}</label>
          <select id="result" @change=${(e: Event) => this.setFilter({ result: (e.target as HTMLSelectElement).value as AttemptFilter['result'] })}>
            ${(Object.keys(S.results) as Array<keyof typeof S.results>).map((r) => html`<option value=${r} ?selected=${this.filter.result === r}>${S.results[r]}</option>`)}
          </select>
        </div>
        <div>
          <label for="kind">${S.kind}</label>
          <select id="kind" @change=${(e: Event) => this.setFilter({ kind: (e.target as HTMLSelectElement).value as AttemptFilter['kind'] })}>
            <option value="all">${S.allKinds}</option>
            ${REQUEST_KINDS.map((k) => html`<option value=${k} ?selected=${this.filter.kind === k}>${t(MESSAGES[k].title)}</option>`)}
          </select>
        </div>
        <div>
          <label for="query">${S.search}</label>
          <input id="query" type="search" .value=${this.filter.query} @input=${(e: Event) => this.setFilter({ query: (e.target as HTMLInputElement).value })} />
        </div>
      </div>
      <p class="hint" aria-live="polite" data-shown=${shown.length}>
        ${this.attempts.length === 0 ? S.empty : shown.length === 0 ? S.none : S.shown(shown.length, this.attempts.length)}
      </p>
      ${this.loaded ? nothing : html`<p class="hint" data-reading=${this.attempts.length}>${S.reading(this.attempts.length)}</p>`}
      ${this.dropped ? html`<p class="hint level-warning" data-dropped=${this.dropped}>${S.dropped(this.dropped, ATTEMPT_LIMITS.log / 1048576, KEEP_ATTEMPTS)}</p>` : nothing}
      ${shown.slice(0, this.showing).map((a) => this.renderAttempt(a))}
      ${shown.length > this.showing
        ? html`<p><button type="button" class="secondary" data-action="more" data-more=${shown.length - this.showing}
            @click=${() => (this.showing += PAGE)}>${S.showMore(shown.length - this.showing)}</button></p>`
        : nothing}
      <div part="actions" class="actions">
        <button type="button" class="secondary" data-action="export" ?disabled=${!this.attempts.length}
          @click=${() => download(this.renderRoot, 'ebet-simulator-attempts.json', attemptsToJson([...this.attempts].sort(byTime)), 'application/json')}>${S.exportJson}</button>
        <span><label for="import">${S.importJson}</label>
          <input id="import" type="file" accept="application/json,.json" data-action="import" @change=${this.import} /></span>
        ${this.confirming
          ? html`<span role="group" aria-label=${S.confirmClear}>${S.confirmClear}
              <button type="button" data-action="confirm-clear" @click=${this.clear}>${S.yes}</button>
              <button type="button" class="secondary" @click=${() => (this.confirming = false)}>${S.no}</button></span>`
          : html`<button type="button" class="secondary" data-action="clear" ?disabled=${this.loaded && !this.attempts.length} @click=${() => (this.confirming = true)}>${S.clear}</button>`}
      </div>
      <p aria-live="polite" data-status class=${this.status ? `level-${this.status.level}` : nothing}>${this.status ? this.status.text() : nothing}</p>`;
  }

  private renderAttempt(a: Attempt) {
    const lang = currentLang();
    const failed = attemptFailed(a);
    const why = failureReason(a);
    const stamp = toRecord(a.fields).NB_STAMP;
    const when = localTime(new Date(a.at), lang);
    return html`<details part="attempt" data-attempt=${a.id} data-kind=${a.kind} data-verdict=${a.verdict} data-outcome=${a.outcome} data-failed=${String(failed)}>
      <summary>
        <span>${when}</span>
        <strong>${t(MESSAGES[a.kind].title)}</strong>
        ${stamp !== undefined ? html`<span class="mono">NB_STAMP ${stamp}</span>` : nothing}
        <span class=${`level-${a.verdict}`}>${S.verdicts[a.verdict]}</span>
        <span>${t(ATTEMPT_OUTCOME_NAMES[a.outcome])}${failed ? html` — <strong class="level-error">${S.failed}</strong>` : nothing}</span>
      </summary>
      <div class="body">
        <p class="hint">${a.source === 'posted' ? S.posted : S.pasted}; ${S.encoding}: ${t(ENCODING_NAMES[a.encoding])}</p>
        ${why ? html`<p class="level-error" data-why><strong>${S.why}:</strong> ${t(why)}</p>` : nothing}
        ${failed ? this.renderFailed(a) : nothing}
        ${a.cut ? this.renderCut(a) : nothing}
        <h3>${S.fields}</h3>
        ${this.renderFields(a.fields.map((f) => [f.name, f.value]))}
        <h3>${S.requestString}</h3>
        <p data-string="request">${a.requestString === null ? html`<em class="hint">${S.noString}</em>` : visibleValue(a.requestString, true)}</p>
        ${a.problems.length
          ? html`<h3>${S.problems}</h3>
              <ul>${a.problems.map((p) => html`<li class=${`level-${p.level}`} data-code=${p.code}><span class="mono">${p.name}</span>: ${t(p.message)}</li>`)}</ul>`
          : nothing}
        ${a.answer
          ? html`<h3>${S.answerFields} (${a.answer.status ?? ''})</h3>
              ${this.renderFields(Object.entries(a.answer.fields))}
              <h3>${S.answerString}</h3>
              <p data-string="answer">${a.answer.macString === null ? html`<em class="hint">${S.unsigned}</em>` : visibleValue(a.answer.macString, true)}</p>`
          : nothing}
      </div>
    </details>`;
  }

  /** What was cut of the attempt to keep the log small: how many fields and problems there were, and each long value's length and hash. */
  private renderCut(a: Attempt) {
    const cut = a.cut!;
    return html`<div data-cut>
      <h3>${S.cutHeading}</h3>
      ${cut.fields ? html`<p class="hint" data-cut-fields=${cut.fields}>${S.cutFields(cut.fields, a.fields.length)}</p>` : nothing}
      ${cut.problems ? html`<p class="hint" data-cut-problems=${cut.problems}>${S.cutProblems(cut.problems, a.problems.length)}</p>` : nothing}
      ${cut.values.length
        ? html`<ul>${cut.values.map((v) => html`<li data-cut-value=${v.length}><span class="mono">${v.field ? visibleValue(v.field) : S.requestStringName}</span>: ${S.cutValue(v.length)} <span class="mono">${v.sha256}</span></li>`)}</ul>`
        : nothing}
    </div>`;
  }

  private renderFailed(a: Attempt) {
    return html`<div class="actions">
      ${a.requestString !== null
        ? html`<button type="button" class="secondary" data-action="download-string" @click=${() => this.downloadString(a)}>${S.downloadString}</button>`
        : nothing}
      <a data-action="doctor" href=${`${this.calculator}#${attemptCase(a)}`}>${S.doctor}</a>
    </div>`;
  }

  private renderFields(fields: Array<[string, string]>) {
    return html`<table>
      <thead><tr><th scope="col">${S.field}</th><th scope="col">${S.value}</th></tr></thead>
      <tbody>${fields.map(([name, value]) => html`<tr data-field=${name} data-value=${value}><th scope="row" class="mono">${name}</th><td>${visibleValue(value)}</td></tr>`)}</tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-attempt-log': EbetAttemptLog;
  }
  interface HTMLElementEventMap {
    'ebet-attempts-change': CustomEvent<AttemptsChangeDetail>;
  }
}
