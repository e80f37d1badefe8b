import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  decodeMessages,
  isSessionPaste,
  outcomeWords,
  splitMessages,
  supportSummary,
  type DecodedList,
  type DecodedMessage,
  type MessageBlock,
} from '../../src/verdict/decode.ts';
import { calculatorCase } from '../../src/doctor/index.ts';
import { ENCODING_NAMES, ENCODINGS, type Encoding } from '../../src/protocol/encoding.ts';
import { MESSAGE_KINDS, MESSAGES, type MessageKind } from '../../src/protocol/fields.ts';
import { groupHex } from '../../src/protocol/key.ts';
import type { Keys } from '../../src/protocol/key-ring.ts';
import type { FieldEntry } from '../../src/protocol/message.ts';
import type { ValidationRow } from '../../src/judging/validate.ts';
import { CROSS_CHECK_LEVELS, fieldLevel, overallVerdict } from '../../src/verdict/verdict.ts';
import { EbetCopyButton } from '../ebet-copy-button/ebet-copy-button.ts';
import { EbetFieldTable } from '../ebet-field-table/ebet-field-table.ts';
import { EbetFieldsInput, type FieldsChangeDetail } from '../ebet-fields-input/ebet-fields-input.ts';
import { EbetKeyInput, type KeyChangeDetail } from '../ebet-key-input/ebet-key-input.ts';
import type { EbetSession } from '../ebet-session/ebet-session.ts';
import { emit } from '../shared/events.ts';
import { largePasteNotice } from '../shared/large-paste.ts';
import { loadOrOffer, loadWhenVisible, retryable } from '../shared/load-when-visible.ts';
import { currentLang, localized, msg, str, t } from '../shared/locale.ts';
import { isOne } from '../shared/plural.ts';
import { baseStyles } from '../shared/styles.ts';
import { summaryLine, summaryStyles } from '../shared/summary.ts';
import { visibleValue, visibleText } from '../shared/visible-value.ts';

/** The mismatch doctor's module, loaded when a doctor is first opened (and again after a failure). */
const loadDoctor = retryable(() => import('../ebet-mac-doctor/define.ts'));

const S = {
  get title() { return msg('Response decoder'); },
  get lead() { return msg('Paste what the bank sent back — the POST to your return page from a log, the answer page of a payment check or repayment, a query string, JSON or NAME=value lines. Several receipts at once: one per line or per block. Each is verified and explained.'); },
  get paste() { return msg('What the bank sent back'); },
  get order() { return msg('The order to cross-check against (optional): the original request, or NB_STAMP, NB_DB_REF, NB_DB_AMOUNT, NB_DB_CUR'); },
  get encoding() { return msg('Character encoding of the signed string'); },
  get kind() { return msg('Message kind'); },
  get detect() { return msg('Detect from the field names'); },
  get encodingHint() { return msg('The handbook names none; UTF-8 and ISO-8859-1 differ as soon as a value holds å, ä, ö.'); },
  get results() { return msg('Results'); },
  get nothing() { return msg('Paste something above to decode it.'); },
  messages: (n: number, shown: number): string => {
    const count = isOne(n) ? msg(str`${n} message`) : msg(str`${n} messages`);
    return shown < n ? msg(str`${count} (showing 1–${shown})`) : count;
  },
  tally: (ok: number, bad: number, unknown: number): string =>
    msg(str`MAC verified: ${ok}; not verified: ${bad}; proves nothing or not checked: ${unknown}`),
  get message() { return msg('Message'); },
  get line() { return msg('line'); },
  get unknownKind() { return msg('Unknown message'); },
  get signed() { return msg('Signed fields, in MAC order'); },
  get string() { return msg('The exact string that is signed'); },
  get copyString() { return msg('the signed string'); },
  get noString() { return msg('No string is signed for this message.'); },
  get mac() { return msg('MAC'); },
  get expected() { return msg('Expected with the key'); },
  get given() { return msg('Received (NB_HMAC)'); },
  get none() { return msg('(none)'); },
  caseSeen: { get upper() { return msg('upper case'); }, get lower() { return msg('lower case'); }, get mixed() { return msg('mixed case'); }, get none() { return ''; } },
  get keyUsed() { return msg('Key used'); },
  keyOf: (i: number, n: number): string => (n > 1 ? msg(str`key ${i + 1} of ${n}`) : msg('the key')),
  chosenBy: {
    get date() { return msg('valid on the date in NB_PAID'); },
    get kvv() { return msg('its KVV is NB_KVV'); },
    get mac() { return msg('its MAC matches'); },
    get first() { return msg('the first key: nothing else could tell'); },
  } as Record<string, string>,
  get kvvOk() { return msg('NB_KVV matches the key’s KVV'); },
  get kvvBad() { return msg('NB_KVV does NOT match the key’s KVV'); },
  get findings() { return msg('Findings'); },
  levels: { get error() { return msg('Error'); }, get warning() { return msg('Warning'); }, get info() { return msg('Note'); } } as Record<string, string>,
  get crossCheck() { return msg('Cross-check against the order'); },
  get orderGiven() { return msg('the order given above'); },
  get orderListed() { return msg('the request with the same stamp in this paste'); },
  get field() { return msg('Field'); },
  get received() { return msg('Received'); },
  get inOrder() { return msg('In the order'); },
  get result() { return msg('Result'); },
  results3: { get same() { return msg('Same'); }, get 'same-meaning'() { return msg('Same meaning'); }, get different() { return msg('Different'); } } as Record<string, string>,
  get replay() { return msg('Replay warnings'); },
  get allFields() { return msg('Every field, as on the bank’s test page'); },
  get doctor() { return msg('Diagnose the mismatch'); },
  get doctorLink() { return msg('Open this case in the calculator (fields and MAC only, never the key)'); },
  get more() { return msg('Show the next messages'); },
  get handedOff() { return msg('This is a HAR file or a log, not one message: it is read as a whole session, with every message in it, in the session view below.'); },
  get toSession() { return msg('Go to the session view'); },
  get copy() { return msg('Copy the result for a support ticket (without the key)'); },
  get copyLabel() { return msg('the result as text'); },
  okMany: (n: number): string => msg(str`No errors in the ${n} messages shown.`),
  inMessage: (n: number, words: string): string => msg(str`Message ${n}: ${words}`),
  get toMessage() { return msg('See the message'); },
  toField: (field: string): string => msg(str`See ${field}`),
  get toDoctor() { return msg('See why'); },
  get cancelNote() { return msg('A cancel/reject return carries no fields and proves nothing: the buyer only comes back to NB_CANCEL or NB_REJECT. Only a receipt, or a payment check answered YES, with a verified MAC proves a payment.'); },
  clipped: (n: number): string => msg(str`… (${n} more characters not shown)`),
  large: (mb: string, many: boolean): string =>
    many
      ? msg(str`A large paste (${mb}): messages are shown ${PAGE} at a time; replays are checked over all of them.`)
      : msg(str`A large paste (${mb}): long values are shown cut short; the MAC is computed over them whole.`),
};

/** Whether a message's MAC was checked and failed, so the mismatch doctor can say why. */
const failed = (m: DecodedMessage): boolean => m.verification.outcome === 'mismatch' || m.verification.outcome === 'malformed-mac';

/** Messages rendered at a time, so a huge paste keeps the page responsive. */
const PAGE = 50;
/** Characters of one value shown before it is clipped (the whole value is still verified). */
const SHOWN_CHARS = 2000;

export interface DecodeDetail {
  /** The decoded messages (no key in them). */
  readonly list: DecodedList;
}

/**
 * @summary The response decoder: paste what the bank sent back (one message or many), give the key or a key ring, and see each message's kind, signed string, expected against received MAC, KVV check, status in words, cross-check against the order and replay warnings. The key never leaves the page and is never in what is copied.
 *
 * Every MAC that fails offers the mismatch doctor in one click: `<ebet-mac-doctor>` inline, with the
 * message's kind, fields, MAC, encoding, date and the keys filled in, and a link that opens the case in
 * the calculator (`#case=`: fields and MAC only, never the key).
 *
 * A message whose page declares its character set (`<meta charset>`), or whose percent-escapes the
 * parser read as ISO-8859-1, is checked in that charset rather than the chosen encoding, and says so
 * under its signed string (`[data-charset]`, `[data-charset-source]`: `meta` or `latin1-escapes`), in
 * the mismatch doctor's words.
 *
 * A HAR file or a log pasted into the main box is handed to the session view below (`<ebet-session>`), and a note
 * (`[data-handoff]`) says so, with a link to it.
 *
 * @event ebet-decode - `DecodeDetail` after each decoding.
 * @csspart message - One decoded message. Hooks, from its verdict (`judgeMessage`): `data-message` (its number, 1-based), `data-verdict` (`ok`, `warning`, `error`), `data-codes` (the verdict's codes, space-separated: policy codes, field finding codes, `mac-mismatch` and the doctor's causes); also `data-kind` and `data-outcome` (the MAC's outcome).
 * @csspart verdict-line - A message's verdict in words (cause, then fix), coloured by its level.
 * @csspart verdict - What the message says (its status in words, `data-level`).
 * @csspart mac - The expected and received MAC side by side.
 * @csspart verdict-summary - The verdict first, at the top of the tool above the paste box (as the calculator's): the first message with an error (else a warning) in its verdict's words — the cause (the doctor's, run at once on a failing MAC), then the fix — linking to the mismatch doctor, the finding or the field's row. Hooks: `data-verdict-line`, `data-verdict` (the worst level), `data-codes` (every message's codes, space-separated); also `data-summary`.
 * @csspart summary - The overview above the messages.
 * @cssproperty --ebet-color-ok / --ebet-color-warning / --ebet-color-error - Verdict colours.
 * @tagname ebet-decoder
 */
@localized()
export class EbetDecoder extends LitElement {
  /** @internal The elements it renders, registered with it (`../shared/define.ts`). */
  static readonly dependencies = { 'ebet-copy-button': EbetCopyButton, 'ebet-field-table': EbetFieldTable, 'ebet-fields-input': EbetFieldsInput, 'ebet-key-input': EbetKeyInput };

  static override styles = [
    baseStyles,
    summaryStyles,
    css`
      :host { display: block; }
      section, article { margin: 1em 0; }
      article { background: var(--ebet-color-surface, #fff); border: 1px solid var(--ebet-color-border, #d0d5db);
        border-radius: var(--ebet-radius, 6px); padding: 0.8em 1em; }
      h3 { margin: 0 0 0.5em; font-size: 1.1em; }
      h4 { margin: 0.9em 0 0.3em; font-size: 1em; }
      .verdict { font-weight: 700; padding: 0.5em 0.7em; border-left: 6px solid currentColor; background: var(--ebet-color-page, #f4f6f8);
        border-radius: var(--ebet-radius, 6px); margin: 0.3em 0; }
      .level-unknown { color: var(--ebet-color-muted, #4d5660); }
      .string { padding: 0.4em 0.6em; background: var(--ebet-color-page, #f4f6f8); border-radius: var(--ebet-radius, 6px); }
      table { border-collapse: collapse; max-width: 100%; }
      th, td { text-align: left; vertical-align: top; padding: 0.25em 0.6em 0.25em 0; }
      td { overflow-wrap: anywhere; }
      ol { padding-left: 1.6em; margin: 0.3em 0; }
      ul { padding-left: 1.2em; margin: 0.3em 0; }
      .options { display: flex; flex-wrap: wrap; gap: 1em; align-items: end; }
      .options > div { display: flex; flex-direction: column; min-width: 0; max-width: 100%; }
      ebet-fields-input.multi::part(problems) { display: none; }
      .note { border-left: 4px solid var(--ebet-color-accent, #0b57d0); padding-left: 0.7em; }
      a { color: var(--ebet-color-accent, #0b57d0); }
      .actions { display: flex; flex-wrap: wrap; gap: 0.4em 1em; align-items: center; }
    `,
  ];

  /** The calculator page, relative to this page, for the mismatch doctor link. */
  @property() calculator = '../calculator/';

  @state() private blocks: MessageBlock[] = [];
  @state() private pasteSize = 0;
  @state() private orderFields: FieldEntry[] = [];
  @state() private keys: Keys | null = null;
  @state() private encoding: Encoding = 'utf-8';
  /** The kind every message is read as, or `''` to detect each one's. */
  @state() private kind: MessageKind | '' = '';
  /** Messages (by index) whose table of every field is open. */
  @state() private tables = new Set<number>();
  @state() private shown = PAGE;
  @state() private list: DecodedList | null = null;
  /** Messages (by index) whose mismatch doctor is open. */
  @state() private doctors = new Set<number>();
  /** Whether the paste was a HAR file or a log, handed to the session view. */
  @state() private handedOff = false;

  /** The latest decoding, or `null` before anything was pasted. */
  get decoded(): DecodedList | null {
    return this.list;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (['blocks', 'orderFields', 'keys', 'encoding', 'kind', 'shown'].some((k) => changed.has(k))) {
      const pasted = this.blocks.some((b) => b.parsed.entries.length > 0);
      this.list = pasted
        ? decodeMessages(this.blocks, this.keys, {
            encoding: this.encoding,
            order: this.orderFields,
            limit: this.shown,
            ...(this.kind ? { kind: this.kind } : {}),
          })
        : null;
      if (this.list) emit(this, 'ebet-decode', { list: this.list });
    }
  }

  private onPaste(e: CustomEvent<FieldsChangeDetail>): void {
    e.stopPropagation();
    const pasted = e.detail.text;
    this.pasteSize = pasted.length;
    this.shown = PAGE;
    this.doctors = new Set();
    this.tables = new Set();
    // One message is not read again: the paste box (or its worker, for a large paste) has read it.
    const blocks = splitMessages(pasted, e.detail.result);
    // A HAR file or a log is a whole session: the session view below reads it, and the paste box says so.
    this.handedOff = isSessionPaste(pasted, blocks);
    this.blocks = this.handedOff ? [] : blocks;
    if (this.handedOff) void this.toSession(pasted);
  }

  /** Hands a HAR file or a log to the session view (loaded now if it is not yet). */
  private async toSession(pasted: string): Promise<void> {
    await import('../ebet-session/define.ts');
    await this.updateComplete;
    this.renderRoot.querySelector<EbetSession>('ebet-session')!.open(pasted);
  }

  private onOrder(e: CustomEvent<FieldsChangeDetail>): void {
    e.stopPropagation();
    this.orderFields = e.detail.result.entries;
  }

  private onKeys(e: CustomEvent<KeyChangeDetail>): void {
    e.stopPropagation();
    this.keys = e.detail.keys;
  }

  private calculatorUrl(): string {
    return new URL(this.calculator, window.location.href).href;
  }

  override updated(): void {
    // The doctor is loaded the first time one is opened, by its button or by the verdict's link; a failed load says so in it.
    if (this.doctors.size) for (const doctor of this.renderRoot.querySelectorAll('ebet-mac-doctor:not(:defined)')) loadOrOffer(doctor, loadDoctor);
  }

  override firstUpdated(): void {
    // The session view (with its virtualizer) is below the fold: it loads as it comes into view.
    loadWhenVisible(this.renderRoot.querySelector('ebet-session')!, () => import('../ebet-session/define.ts'));
  }

  override render() {
    const lang = currentLang();
    const list = this.list;
    return html`<h1>${S.title}</h1>
      <p>${S.lead}</p>
      ${list ? this.renderVerdict(list) : nothing}
      <ebet-fields-input
        class=${this.blocks.length > 1 || this.handedOff ? 'multi' : ''}
        .label=${S.paste}
        rows="10"
        @ebet-fields-change=${this.onPaste}
      ></ebet-fields-input>
      <div aria-live="polite">
        ${this.handedOff
          ? html`<p class="note" data-handoff>${S.handedOff} <a href="#session" @click=${this.showSession}>${S.toSession}</a></p>`
          : nothing}
      </div>
      <ebet-key-input ring @ebet-key-change=${this.onKeys}></ebet-key-input>
      <div class="options">
        <div>
          <label for="kind">${S.kind}</label>
          <select id="kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as MessageKind | '')}>
            <option value="" ?selected=${this.kind === ''}>${S.detect}</option>
            ${MESSAGE_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${t(MESSAGES[kind].title)}</option>`)}
          </select>
        </div>
        <div>
          <label for="encoding">${S.encoding}</label>
          <select id="encoding" aria-describedby="encoding-hint" @change=${(e: Event) => (this.encoding = (e.target as HTMLSelectElement).value as Encoding)}>
            ${ENCODINGS.map((enc) => html`<option value=${enc} ?selected=${enc === this.encoding}>${t(ENCODING_NAMES[enc])}</option>`)}
          </select>
          <span id="encoding-hint" class="hint">${S.encodingHint}</span>
        </div>
      </div>
      <ebet-fields-input class="order" .label=${S.order} rows="3" @ebet-fields-change=${this.onOrder}></ebet-fields-input>
      <p class="note hint">${S.cancelNote}</p>
      <section aria-labelledby="results-title">
        <h2 id="results-title">${S.results}</h2>
        <div part="summary" role="status" aria-live="polite">${list ? this.renderOverview(list) : html`<p class="hint">${S.nothing}</p>`}</div>
        ${list ? list.messages.map((m) => this.renderMessage(m)) : nothing}
        ${list && list.messages.length < list.total
          ? html`<button type="button" class="secondary" @click=${() => (this.shown += PAGE)}>${S.more}</button>`
          : nothing}
        ${list
          ? html`<p>
              ${S.copy}
              <ebet-copy-button class="summary-copy" .value=${supportSummary(list, { calculatorUrl: this.calculatorUrl() })[lang]} .label=${S.copyLabel}></ebet-copy-button>
            </p>`
          : nothing}
      </section>
      <section>
        <ebet-session id="session" .keys=${this.keys} .encoding=${this.encoding}></ebet-session>
      </section>`;
  }

  /**
   * The verdict first, from the messages' verdicts (`overallVerdict`): the first message with an
   * error (else a warning) in its verdict's words — cause, then fix — linking to where the cause
   * is (the mismatch doctor, the finding, the field's row, the cross-check); else that there is none.
   */
  private renderVerdict(list: DecodedList) {
    const overall = overallVerdict(list.messages.map((x) => x.verdict));
    const m = list.messages[overall.index]!;
    const v = m.verdict;
    const n = m.block.index + 1;
    const many = list.messages.length > 1;
    const words = t(v.line);
    const text = !many ? words : overall.level === 'ok' ? S.okMany(list.messages.length) : S.inMessage(n, words);
    const cause = v.cause;
    const link =
      cause?.source === 'doctor' || (cause?.code === 'mac-mismatch' && v.kind && failed(m))
        ? { label: S.toDoctor, href: `#doctor-${n}`, target: () => this.openDoctor(m) }
        : cause?.source === 'field' && cause.field
          ? { label: S.toField(cause.field), href: `#m${n}`, target: () => this.openRow(m, cause.field!) }
          : cause?.source === 'order'
            ? { label: S.toMessage, href: `#m${n}`, target: () => this.article(m)?.querySelector(`tr[data-field="${CSS.escape(cause.field ?? '')}"]`) ?? this.article(m) }
            : { label: S.toMessage, href: `#m${n}`, target: () => this.article(m)?.querySelector(`li[data-code="${CSS.escape(cause?.code ?? '')}"]`) ?? this.article(m) };
    return summaryLine({ part: 'verdict-summary', state: overall.level, text, link, verdict: overall });
  }

  private showSession(e: Event): void {
    e.preventDefault();
    const session = this.renderRoot.querySelector<HTMLElement>('ebet-session')!;
    session.scrollIntoView({ block: 'start' });
    session.shadowRoot?.querySelector<HTMLElement>('#paste')?.focus({ preventScroll: true });
  }

  private article(m: DecodedMessage): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#m${m.block.index + 1}`);
  }

  /** Opens a message's mismatch doctor and gives it, once rendered. */
  private async openDoctor(m: DecodedMessage): Promise<Element | null> {
    this.doctors = new Set([...this.doctors, m.block.index]);
    await this.updateComplete;
    return this.renderRoot.querySelector(`#doctor-${m.block.index + 1}`);
  }

  /** Opens a message's table of every field and gives the field's row, once rendered. */
  private async openRow(m: DecodedMessage, field: string): Promise<Element | null> {
    this.tables = new Set([...this.tables, m.block.index]);
    await this.updateComplete;
    const table = this.article(m)?.querySelector<EbetFieldTable>('ebet-field-table');
    await table?.updateComplete;
    return table?.rowOf(field) ?? null;
  }

  private renderOverview(list: DecodedList) {
    const ok = list.messages.filter((m) => m.verification.verified === true).length;
    const bad = list.messages.filter((m) => m.verification.verified === false && ['mismatch', 'missing-mac', 'malformed-mac'].includes(m.verification.outcome)).length;
    return html`<p><strong>${S.messages(list.total, list.messages.length)}</strong> — ${S.tally(ok, bad, list.messages.length - ok - bad)}</p>
      ${largePasteNotice(this.pasteSize, (mb) => S.large(mb, list.total > PAGE))}
      ${list.replays.length
        ? html`<ul>
            ${list.replays.map((r) => html`<li class=${`level-${r.level === 'info' ? 'ok' : 'warning'}`} data-code=${r.code}>${visibleText(t(r.message))}</li>`)}
          </ul>`
        : nothing}`;
  }

  private clip(value: string, separators = false): TemplateResult {
    if (value.length <= SHOWN_CHARS) return visibleValue(value, separators);
    return html`${visibleValue(value.slice(0, SHOWN_CHARS), separators)}<span class="hint">${S.clipped(value.length - SHOWN_CHARS)}</span>`;
  }

  private renderMessage(m: DecodedMessage) {
    const v = m.verification;
    const n = m.block.index + 1;
    const id = `m${n}`;
    const title = v.kind ? t(MESSAGES[v.kind].title) : S.unknownKind;
    const rows: ValidationRow[] = v.rows.map((r) =>
      r.value !== null && r.value.length > SHOWN_CHARS ? { ...r, value: `${r.value.slice(0, SHOWN_CHARS)}…` } : r,
    );
    const verdict = m.verdict;
    return html`<article id=${id} part="message" aria-labelledby=${`${id}-title`} data-kind=${v.kind ?? 'unknown'} data-outcome=${v.outcome} data-message=${n} data-verdict=${verdict.level} data-codes=${verdict.codes.join(' ')}>
      <h3 id=${`${id}-title`}>${S.message} ${n}${m.block.line ? html` (${S.line} ${m.block.line})` : nothing}: ${title}</h3>
      <p part="verdict-line" class=${`verdict level-${verdict.level}`} data-verdict-text>${visibleText(t(verdict.line))}</p>
      <p part="verdict" data-level=${m.explanation.level}>${visibleText(t(m.explanation.headline))}</p>
      ${m.explanation.details.length ? html`<ul>${m.explanation.details.map((d) => html`<li>${visibleText(t(d))}</li>`)}</ul>` : nothing}
      ${this.blocks.length > 1 ? this.renderParseProblems(m) : nothing}
      ${v.kind ? this.renderSigned(m) : nothing}
      ${this.renderFindings(m)}
      ${m.crossCheck.length ? this.renderCrossCheck(m) : nothing}
      ${m.replays.length
        ? html`<h4>${S.replay}</h4>
            <ul>${m.replays.map((r) => html`<li class=${`level-${r.level === 'info' ? 'ok' : 'warning'}`} data-code=${r.code}>${visibleText(t(r.message))}</li>`)}</ul>`
        : nothing}
      ${rows.length
        ? html`<details
            ?open=${this.tables.has(m.block.index)}
            @toggle=${(e: Event) => this.toggleTable(m.block.index, (e.target as HTMLDetailsElement).open)}
          >
            <summary>${S.allFields}</summary>
            ${this.tables.has(m.block.index) ? html`<ebet-field-table .rows=${rows}></ebet-field-table>` : nothing}
          </details>`
        : nothing}
    </article>`;
  }

  /** The table of every field is rendered only while open: a long list stays light. */
  private toggleTable(index: number, open: boolean): void {
    if (open === this.tables.has(index)) return;
    const next = new Set(this.tables);
    if (open) next.add(index);
    else next.delete(index);
    this.tables = next;
  }

  private renderParseProblems(m: DecodedMessage) {
    const problems = m.block.parsed.problems;
    if (!problems.length) return nothing;
    return html`<ul>
      ${problems.map((p) => html`<li class=${`level-${p.level === 'info' ? 'ok' : p.level}`} data-code=${p.code}>${visibleText(t(p.message))}</li>`)}
    </ul>`;
  }

  private renderSigned(m: DecodedMessage) {
    const v = m.verification;
    return html`${v.signedFields
        ? html`<h4>${S.signed}</h4>
            <ol class="signed">
              ${v.signedFields.map((f) => html`<li><span class="mono">${f.name}</span> = ${this.clip(f.value)}</li>`)}
            </ol>
            <h4>${S.string} (${t(ENCODING_NAMES[v.encoding])})</h4>
            <p class="string" data-string>${this.clip(v.macString ?? '', true)}</p>
            <ebet-copy-button .value=${v.macString ?? ''} .label=${S.copyString}></ebet-copy-button>
            ${m.charset ? html`<p class="note" data-charset=${m.charset.encoding} data-charset-source=${m.charset.source}>${t(m.charset.words)}</p>` : nothing}`
        : v.outcome === 'unsigned'
          ? html`<p class="hint">${S.noString}</p>`
          : nothing}
      <h4>${S.mac}: <span data-mac-outcome>${t(outcomeWords(v.outcome))}</span></h4>
      <table part="mac">
        <tbody>
          <tr>
            <th scope="row">${S.expected}</th>
            <td class="mono" data-expected>${v.expectedMac ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">${S.given}</th>
            <td class="mono" data-given>
              ${v.givenMac ? this.clip(v.givenMac) : html`<em class="hint">${S.none}</em>`}
              ${v.givenMacCase !== 'none' && v.givenMacCase !== 'upper' ? html`<span class="hint">(${S.caseSeen[v.givenMacCase]})</span>` : nothing}
            </td>
          </tr>
          ${v.key
            ? html`<tr>
                <th scope="row">${S.keyUsed}</th>
                <td>${S.keyOf(v.key.index, v.key.ringSize)}${v.key.chosenBy === 'only' ? '' : ` (${S.chosenBy[v.key.chosenBy]})`}, KVV <span class="mono">${groupHex(v.key.kvv)}</span></td>
              </tr>`
            : nothing}
          ${v.kvv.matches !== null
            ? html`<tr>
                <th scope="row">NB_KVV</th>
                <td class=${`level-${fieldLevel(m.verdict, 'NB_KVV')}`} data-kvv=${v.kvv.matches ? 'match' : 'mismatch'}>
                  ${v.kvv.matches ? '✓' : '✗'} ${v.kvv.matches ? S.kvvOk : S.kvvBad}
                </td>
              </tr>`
            : nothing}
        </tbody>
      </table>
      ${v.kind && failed(m) ? this.renderDoctor(m, v.kind) : nothing}`;
  }

  private renderDoctor(m: DecodedMessage, kind: MessageKind) {
    const v = m.verification;
    const id = `doctor-${m.block.index + 1}`;
    const open = this.doctors.has(m.block.index);
    const toggle = () => {
      const next = new Set(this.doctors);
      if (open) next.delete(m.block.index);
      else next.add(m.block.index);
      this.doctors = next;
    };
    return html`<p class="actions">
        <button type="button" class="secondary" data-doctor-toggle aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} @click=${toggle}>
          ${S.doctor}
        </button>
        <a data-doctor href=${`${this.calculator}#${calculatorCase(kind, m.block.parsed.entries, v.encoding)}`}>${S.doctorLink}</a>
      </p>
      <div id=${id}>
        ${open
          ? html`<ebet-mac-doctor
              .kind=${kind}
              .fields=${m.block.parsed.entries}
              .givenMac=${v.givenMac ?? ''}
              .keys=${this.keys}
              .encoding=${v.encoding}
              .declared=${m.charset}
              .date=${v.date ?? ''}
            ></ebet-mac-doctor>`
          : nothing}
      </div>`;
  }

  private renderFindings(m: DecodedMessage) {
    const v = m.verification;
    if (!v.findings.length && !v.keyWarnings.length) return nothing;
    return html`<h4>${S.findings}</h4>
      <ul>
        ${v.findings.map(
          (f) => html`<li class=${`level-${f.level === 'info' ? 'ok' : f.level}`} data-code=${f.code}>
            <strong>${S.levels[f.level]}:</strong> ${visibleText(t(f.message))}
          </li>`,
        )}
        ${v.keyWarnings.map((w) => html`<li class="level-warning" data-code="key-date"><strong>${S.levels.warning}:</strong> ${visibleText(t(w))}</li>`)}
      </ul>`;
  }

  private renderCrossCheck(m: DecodedMessage) {
    return html`<h4>${S.crossCheck} (${m.orderSource === 'given' ? S.orderGiven : S.orderListed})</h4>
      <table class="cross">
        <thead>
          <tr><th scope="col">${S.field}</th><th scope="col">${S.received}</th><th scope="col">${S.inOrder}</th><th scope="col">${S.result}</th></tr>
        </thead>
        <tbody>
          ${m.crossCheck.map(
            (c) => html`<tr data-field=${c.field} data-result=${c.result}>
              <th scope="row" class="mono">${c.field}</th>
              <td>${visibleValue(c.received)}</td>
              <td>${visibleValue(c.expected)}</td>
              <td class=${`level-${CROSS_CHECK_LEVELS[c.result]}`}>
                <strong>${S.results3[c.result]}</strong>${c.result === 'same' ? nothing : html`: ${visibleText(t(c.message))}`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-decoder': EbetDecoder;
  }
  interface HTMLElementEventMap {
    'ebet-decode': CustomEvent<DecodeDetail>;
  }
}
