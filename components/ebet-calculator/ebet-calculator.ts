import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { calculatorCase } from '../../src/doctor/index.ts';
import { detectKind } from '../../src/reading/detect.ts';
import { readCalculatorCase, readHexValue } from '../../src/doctor/index.ts';
import { ENCODING_NAMES, ENCODINGS, encodeText, type Encoding } from '../../src/protocol/encoding.ts';
import { extractMessages, sourceText } from '../../src/verdict/extract.ts';
import { isMessageKind, MESSAGE_KINDS, MESSAGES, type MessageKind } from '../../src/protocol/fields.ts';
import { computeKvv, groupHex } from '../../src/protocol/key.ts';
import type { Keys } from '../../src/protocol/key-ring.ts';
import { computeMacDetails, macString, signedFields, toRecord, type FieldEntry, type MacComputation } from '../../src/protocol/message.ts';
import { toHtmlForm, toJson } from '../../src/protocol/output.ts';
import { parseFields, type ParseResult } from '../../src/reading/parse.ts';
import { EbetError, text, type Text } from '../../src/protocol/text.ts';
import { judgeMessage, keyForMessage, type Verdict } from '../../src/verdict/verdict.ts';
import { EbetCopyButton } from '../ebet-copy-button/ebet-copy-button.ts';
import { EbetFieldsInput, type FieldsChangeDetail } from '../ebet-fields-input/ebet-fields-input.ts';
import { EbetKeyInput, type KeyChangeDetail } from '../ebet-key-input/ebet-key-input.ts';
import { EbetMacDoctor } from '../ebet-mac-doctor/ebet-mac-doctor.ts';
import { emit } from '../shared/events.ts';
import { LARGE_PASTE, largePasteNotice } from '../shared/large-paste.ts';
import { localized, msg, str, t } from '../shared/locale.ts';
import { submitLabel } from '../shared/submit-label.ts';
import { baseStyles } from '../shared/styles.ts';
import { summaryLine, summaryStyles } from '../shared/summary.ts';
import { visibleValue, visibleText } from '../shared/visible-value.ts';

const S = {
  get title() { return msg('MAC/KVV calculator and mismatch doctor'); },
  get lead() { return msg('Paste or type a message’s fields, give the key, and see the exact string that is signed, its bytes, the HMAC, the MAC and the KVV. Give the MAC that was sent, and the doctor says why it differs.'); },
  get message() { return msg('1. The message'); },
  get kind() { return msg('Message kind'); },
  get auto() { return msg('Detect from the fields'); },
  get detected() { return msg('Detected'); },
  get notDetected() { return msg('No message kind fits these fields: choose one.'); },
  get editFields() { return msg('Type the fields one by one'); },
  get chooseToType() { return msg('To type the fields one by one, choose the message kind (or type NAME=value lines in the box above).'); },
  get editHint() { return msg('Editing a field here rewrites the paste box above as JSON, which keeps every value exactly.'); },
  get key() { return msg('2. The key'); },
  get ringToggle() { return msg('Several keys with validity dates (key ring)'); },
  get date() { return msg('Date of the message (picks the key of the ring)'); },
  get dateHint() { return msg('From NB_PAID when the message has one, else today in Sweden.'); },
  keyChosen: (n: number, kvv: string) => msg(str`Key ${n} of the ring is valid on that date (KVV ${kvv}).`),
  get kvvInput() { return msg('Expected KVV (typed, or NB_KVV from the paste)'); },
  get kvvMatch() { return msg('✓ The key matches this KVV: it was typed in correctly.'); },
  get kvvMismatch() { return msg('✗ The key does NOT match this KVV: it is mistyped, or it is another key (another period, or the test key).'); },
  get encoding() { return msg('3. Character encoding'); },
  get encodingLabel() { return msg('Encode the string as'); },
  get encodingHint() { return msg('The handbook names no character set; UTF-8 and ISO-8859-1 differ only for non-ASCII characters such as å, ä, ö.'); },
  get result() { return msg('4. String, MAC and KVV'); },
  get noFields() { return msg('Paste or type the fields to see the string that is signed.'); },
  get fixFields() { return msg('Fix the fields named above to see the string that is signed.'); },
  get noMac() { return msg('NB_VERIFIED is ERR: the bank computes no MAC for this answer.'); },
  get needKey() { return msg('Give a valid key to compute the MAC and KVV.'); },
  get string() { return msg('String signed'); },
  get signedFields() { return msg('Fields signed, in order'); },
  bytes: (encoding: string, n: number) => msg(str`Its ${n} bytes in ${encoding} (hex)`),
  get hmac() { return msg('HMAC-SHA256 (full)'); },
  get mac() { return msg('MAC (NB_HMAC: the first 32 characters)'); },
  get kvv() { return msg('KVV of the key'); },
  get copyMac() { return msg('the MAC'); },
  get copyString() { return msg('the string signed'); },
  get copyForm() { return msg('Copy the complete signed form'); },
  get copyFormLabel() { return msg('the signed HTML form'); },
  get action() { return msg('Form action (where the form posts)'); },
  get check() { return msg('5. Check a MAC'); },
  summaryMac: (mac: string) => msg(str`MAC: ${mac}.`),
  get toDiagnosis() { return msg('See why'); },
  get toDetails() { return msg('How it was computed'); },
  get givenMac() { return msg('MAC that was sent (NB_HMAC)'); },
  picked: (n: number, where: string): string =>
    n === 1
      ? msg(str`The paste is a HAR file or a log: its message, at ${where}, is used.`)
      : msg(str`The paste holds ${n} messages (a HAR file or a log): the first, at ${where}, is used. To see them all, open it in the response decoder’s session view.`),
  get givenMacHint() { return msg('Filled from the paste’s NB_HMAC; type or paste another to check it.'); },
  get share() { return msg('Link to this case'); },
  get shareHint() { return msg('The link holds the fields and the MAC only, never the key.'); },
  get copyLink() { return msg('the link to this case'); },
};

/** The largest HAR file or log the calculator reads on the page; the decoder's session view reads larger ones off the main thread. */
const PICK_MAX = 128 * 1024;

/** The `ebet-mac-change` event's detail. */
export interface MacChangeDetail {
  readonly kind: MessageKind | null;
  /** The computation for the key in use, or `null` while something is missing or wrong. */
  readonly computation: MacComputation | null;
}

interface Computed {
  kind: MessageKind | null;
  entries: FieldEntry[];
  record: Record<string, string>;
  /** The string signed; `null` where no MAC exists (ERR); `undefined` until there are fields and a kind. */
  string: string | null | undefined;
  signedNames: string;
  fieldsError: { field: string | null; text: Text } | null;
  key: string | null;
  /** The KVV of the key in use (from `details` when there is a MAC: one HMAC, not two). */
  kvv: string | null;
  keyNote: string | null;
  warnings: Text[];
  date: string;
  details: MacComputation | null;
  encodingError: Text | null;
  /** The signed HTML form to copy, `''` without a MAC. */
  signedForm: string;
}

/** The state the computation reads: a change of anything else (a typed MAC or KVV, an open editor) computes nothing. */
const COMPUTED_FROM = new Set<PropertyKey>(['parsed', 'kindChoice', 'keys', 'dateChoice', 'encoding', 'action']);

/** The state the verdict reads besides the computation: the MAC and KVV typed or pasted. */
const JUDGED_FROM = new Set<PropertyKey>([...COMPUTED_FROM, 'givenMac', 'expectedKvv', 'dateChoice', 'ring']);

/** What is wrong with a MAC or KVV typed by hand, or `null` (also while it is empty). */
function hexProblem(value: string, field: 'NB_HMAC' | 'NB_KVV'): Text | null {
  if (!value.trim()) return null;
  try {
    readHexValue(value, field);
    return null;
  } catch (error) {
    return error instanceof EbetError ? error.text : text(String(error), String(error));
  }
}

/**
 * @summary The MAC/KVV calculator: the exact string that is signed (separators and invisibles shown), its bytes, the full HMAC-SHA256, the MAC and the key's KVV, with copy buttons, a KVV check, a key ring with dates, and the mismatch doctor. Opens a case from `#case=<base64url JSON {kind, fields, mac, encoding}>`; never puts a key in a URL, storage or anything copyable.
 * @event ebet-mac-change - `MacChangeDetail` whenever the computed MAC changes.
 * @csspart summary - The verdict at the top, from `judgeMessage` on the message as sent (the fields, the MAC sent and the KVV; without a MAC sent, as this page signs it): the verdict, its cause (on a mismatch the doctor's, run at once) and the fix, linking to the details. Hooks: `data-verdict-line`, `data-verdict` (`ok`, `warning`, `error`), `data-codes` (space-separated policy, field and doctor codes); `data-summary="mac|match|mismatch"` says whether a MAC was sent and verifies.
 * @csspart section - Each numbered section.
 * @csspart string - The signed string.
 * @csspart bytes - The string's bytes in hex.
 * @csspart hmac - The full HMAC.
 * @csspart mac - The MAC.
 * @csspart kvv - The KVV line and check.
 * @csspart doctor - The `<ebet-mac-doctor>`.
 * @cssproperty --ebet-color-accent - The `&` separators and buttons.
 * @cssproperty --ebet-color-surface - Background of the sections.
 * @tagname ebet-calculator
 */
@localized()
export class EbetCalculator extends LitElement {
  /** @internal The elements it renders, registered with it (`../shared/define.ts`). */
  static readonly dependencies = { 'ebet-copy-button': EbetCopyButton, 'ebet-fields-input': EbetFieldsInput, 'ebet-key-input': EbetKeyInput, 'ebet-mac-doctor': EbetMacDoctor };

  static override styles = [
    baseStyles,
    summaryStyles,
    css`
      :host { display: block; }
      section { background: var(--ebet-color-surface, #fff); border: 1px solid var(--ebet-color-border, #d0d5db);
        border-radius: var(--ebet-radius, 6px); padding: 0.8em 1em; margin: 0 0 1em; }
      h2 { font-size: 1.15em; margin: 0 0 0.5em; }
      .field { display: flex; flex-direction: column; gap: 0.2em; margin: 0.5em 0; max-width: 40em; }
      .inline { display: flex; gap: 0.4em; align-items: center; font-weight: 400; }
      .editors { display: grid; grid-template-columns: max-content minmax(10em, 32em); gap: 0.3em 0.8em; align-items: center; }
      .editors .field-error { grid-column: 2; }
      dl.result { display: grid; grid-template-columns: minmax(10em, max-content) 1fr; gap: 0.5em 1em; }
      dt { font-weight: 600; }
      dd { margin: 0; overflow-wrap: anywhere; }
      .value { font-size: 1.05em; }
      .big { font-size: 1.15em; font-weight: 700; letter-spacing: 0.03em; }
      input.mono { width: 100%; }
      @media (max-width: 40em) {
        .editors, dl.result { grid-template-columns: minmax(0, 1fr); }
        .editors .field-error { grid-column: 1; }
      }
    `,
  ];

  /** Shop id etc. can start pre-filled: the paste box's initial text. */
  @property({ attribute: 'initial-fields' }) initialFields = '';

  @state() private pasteText = '';
  @state() private parsed: ParseResult | null = null;
  @state() private kindChoice: MessageKind | 'auto' = 'auto';
  @state() private keys: Keys | null = null;
  @state() private ring = false;
  @state() private dateChoice = '';
  @state() private encoding: Encoding = 'utf-8';
  @state() private expectedKvv = '';
  @state() private givenMac = '';
  @state() private action = '';
  @state() private caseError: Text | null = null;
  @state() private editorsOpen = false;
  /** Set when the paste is a HAR file or a log and its first message is used. */
  @state() private picked: string | null = null;
  @query('ebet-key-input') private keyInput!: EbetKeyInput;
  private lastPasted: { mac?: string; kvv?: string; action?: string } = {};
  private lastEmitted = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.pasteText = this.initialFields;
    this.openCase();
    window.addEventListener('hashchange', this.openCase);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.openCase);
  }

  /** Opens the case in the URL fragment, if there is one (fields and MAC; a key is never read from a URL). */
  private readonly openCase = (): void => {
    const { case: linked, error } = readCalculatorCase(location.hash);
    this.caseError = error;
    if (!linked) return;
    this.lastPasted = { mac: linked.fields.NB_HMAC ?? linked.mac };
    this.pasteText = toJson(linked.fields);
    this.kindChoice = linked.kind ?? 'auto';
    this.encoding = linked.encoding;
    this.givenMac = linked.mac;
  };

  private onFields(e: CustomEvent<FieldsChangeDetail>): void {
    this.pasteText = e.detail.text;
    this.parsed = this.firstMessage(e.detail.text, e.detail.result);
    const f = this.parsed.fields;
    // A new NB_HMAC / NB_KVV / form action in the paste fills its input, and one the paste no longer
    // has empties the input it filled; what was typed stays otherwise. (These compare the paste's
    // text with the text pasted before, to see it changed — never whether a MAC or KVV is right.)
    // eslint-disable-next-line no-restricted-syntax
    if (f.NB_HMAC !== this.lastPasted.mac && (f.NB_HMAC !== undefined || this.givenMac === this.lastPasted.mac)) this.givenMac = f.NB_HMAC ?? '';
    // eslint-disable-next-line no-restricted-syntax
    if (f.NB_KVV !== this.lastPasted.kvv && (f.NB_KVV !== undefined || this.expectedKvv === this.lastPasted.kvv)) this.expectedKvv = f.NB_KVV ?? '';
    if (this.parsed.action !== undefined && this.parsed.action !== this.lastPasted.action) this.action = this.parsed.action;
    this.lastPasted = { mac: f.NB_HMAC, kvv: f.NB_KVV, action: this.parsed.action };
  }

  /**
   * A HAR file or a log pasted here (several messages, or a message inside other data) gives its
   * first message, as the decoder's session view reads it; the paste itself stays as it was.
   */
  private firstMessage(pasted: string, result: ParseResult): ParseResult {
    this.picked = null;
    if (pasted.length > PICK_MAX || !pasted.includes('NB_')) return result;
    const { messages } = extractMessages(pasted);
    const first = messages[0];
    const same = (a: readonly FieldEntry[], b: readonly FieldEntry[]) => a.length === b.length && a.every((e, i) => e.name === b[i]!.name && e.value === b[i]!.value);
    if (!first || (messages.length === 1 && same(first.fields, result.entries))) return result;
    this.picked = S.picked(messages.length, t(sourceText(first.source)));
    return parseFields(toJson(first.fields));
  }

  private onKey(e: CustomEvent<KeyChangeDetail>): void {
    this.keys = e.detail.keys;
  }

  private async toggleRing(on: boolean): Promise<void> {
    this.ring = on;
    await this.updateComplete;
    await this.keyInput.updateComplete;
    this.keys = this.keyInput.keys;
  }

  private editField(name: string, value: string): void {
    const record = { ...(this.parsed?.fields ?? {}), [name]: value };
    this.pasteText = toJson(record);
  }

  /** Everything shown that takes work (the HMAC and the KVV included): once per change of what it reads. */
  private compute(): Computed {
    const entries = this.parsed?.entries ?? [];
    const record = this.parsed?.fields ?? {};
    const kind = this.kindChoice === 'auto' ? (entries.length ? detectKind(entries) : null) : this.kindChoice;
    const c: Computed = { kind, entries, record, string: undefined, signedNames: '', fieldsError: null, key: null, kvv: null, keyNote: null, warnings: [], date: '', details: null, encodingError: null, signedForm: '' };
    if (kind && entries.length) {
      try {
        c.string = macString(kind, entries);
        c.signedNames = (signedFields(kind, entries) ?? []).map((f) => f.name).join(' & ');
      } catch (error) {
        const e = error instanceof EbetError ? error : null;
        c.fieldsError = { field: e?.field ?? null, text: e?.text ?? text(String(error), String(error)) };
      }
    }
    let ringIndex = -1;
    if (typeof this.keys === 'string') c.key = this.keys;
    else if (this.keys) {
      // The key valid on the date, as the verdict picks it: NB_PAID's, else today's in Sweden.
      const choice = keyForMessage(entries, this.keys, { ...(kind ? { kind } : {}), ...(this.dateChoice ? { date: this.dateChoice } : {}) });
      c.date = choice.date ?? '';
      c.warnings = choice.warnings;
      if (choice.entry) {
        c.key = choice.entry.key;
        ringIndex = choice.index;
      }
    }
    if (typeof c.string === 'string') {
      try {
        encodeText(c.string, this.encoding);
        if (c.key) c.details = computeMacDetails(kind!, entries, c.key, { encoding: this.encoding });
      } catch (error) {
        c.encodingError = error instanceof EbetError ? error.text : text(String(error), String(error));
      }
    }
    const d = c.details;
    if (c.key) c.kvv = d ? d.kvv : computeKvv(c.key);
    if (c.kvv && ringIndex >= 0) c.keyNote = S.keyChosen(ringIndex + 1, groupHex(c.kvv));
    if (d) c.signedForm = toHtmlForm({ ...toRecord(entries), NB_HMAC: d.mac, NB_KVV: d.kvv }, this.action, submitLabel(c.kind));
    return c;
  }

  /** The computation, derived in `willUpdate` and read by `render` and `updated`. */
  private c!: Computed;
  /** The verdict on the message as sent, or `null` without fields or a kind. */
  private verdict: Verdict | null = null;
  /** What is wrong with the typed KVV and MAC, or `null`. */
  private kvvProblem: Text | null = null;
  private macProblem: Text | null = null;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this.hasUpdated || [...changed.keys()].some((k) => COMPUTED_FROM.has(k))) this.c = this.compute();
    if (!this.hasUpdated || [...changed.keys()].some((k) => JUDGED_FROM.has(k))) this.verdict = this.judge();
    if (changed.has('expectedKvv')) this.kvvProblem = hexProblem(this.expectedKvv, 'NB_KVV');
    if (changed.has('givenMac')) this.macProblem = hexProblem(this.givenMac, 'NB_HMAC');
  }

  /**
   * The message as sent: the fields with the MAC sent and the KVV given (as typed, also when wrong);
   * without a MAC sent, the message as this page signs it (its MAC and KVV).
   */
  private judge(): Verdict | null {
    const c = this.c;
    if (!c.kind || !c.entries.length) return null;
    const fields: Record<string, string> = { ...c.record };
    delete fields.NB_HMAC;
    delete fields.NB_KVV;
    const sent = this.givenMac.trim();
    if (sent) fields.NB_HMAC = this.givenMac;
    else if (c.details) fields.NB_HMAC = c.details.mac;
    if (this.expectedKvv.trim()) fields.NB_KVV = this.expectedKvv;
    else if (!sent && c.details) fields.NB_KVV = c.details.kvv;
    return judgeMessage(fields, { keys: this.keys, kind: c.kind, encoding: this.encoding, ...(this.ring && this.dateChoice ? { date: this.dateChoice } : {}) });
  }

  protected override updated(): void {
    const c = this.c;
    const signature = `${c.kind}|${c.details?.mac ?? ''}|${c.details?.macString ?? ''}`;
    if (signature !== this.lastEmitted) {
      this.lastEmitted = signature;
      emit(this, 'ebet-mac-change', { kind: c.kind, computation: c.details });
    }
  }

  override render() {
    const c = this.c;
    return html`<h1>${S.title}</h1>
      <p>${S.lead}</p>
      ${this.caseError ? html`<p class="level-error" role="alert" data-error="case">${visibleText(t(this.caseError))}</p>` : nothing}
      ${this.renderSummary(c)} ${this.renderMessage(c)} ${this.renderKey(c)} ${this.renderEncoding(c)} ${this.renderResult(c)} ${this.renderCheck(c)}`;
  }

  /** The verdict first, in its words (cause, then fix), linking to the doctor on a mismatch, else to the details below. */
  private renderSummary(c: Computed) {
    const v = this.verdict;
    if (!v) return nothing;
    const to = (id: string, label: string) => ({ label, href: `#${id}`, target: () => this.renderRoot.querySelector(`#${id}`) });
    const outcome = v.verification.outcome;
    const state = !this.givenMac.trim() ? 'mac' : outcome === 'verified' ? 'match' : outcome === 'mismatch' || outcome === 'malformed-mac' ? 'mismatch' : 'mac';
    // Without a MAC sent, the line is on the message as signed here: an ok one names its MAC, another gets it added.
    const words = state === 'mac' && c.details && v.level !== 'ok' ? `${t(v.line)} ${S.summaryMac(c.details.mac)}` : t(v.line);
    return summaryLine({ part: 'summary', state, text: words, link: state === 'mismatch' ? to('h-check', S.toDiagnosis) : to('h-result', S.toDetails), verdict: v });
  }

  private renderMessage(c: Computed) {
    const fieldError = c.fieldsError;
    return html`<section part="section" aria-labelledby="h-message">
      <h2 id="h-message">${S.message}</h2>
      <div class="field">
        <label for="kind">${S.kind}</label>
        <select
          id="kind"
          aria-describedby="kind-note"
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            this.kindChoice = isMessageKind(value) ? value : 'auto';
            if (this.kindChoice !== 'auto' && !this.pasteText.trim()) this.editorsOpen = true;
          }}
        >
          <option value="auto" ?selected=${this.kindChoice === 'auto'}>${S.auto}</option>
          ${MESSAGE_KINDS.map((k) => html`<option value=${k} ?selected=${this.kindChoice === k}>${t(MESSAGES[k].title)}</option>`)}
        </select>
        <span id="kind-note" class="hint" aria-live="polite">
          ${this.kindChoice === 'auto' && c.entries.length
            ? c.kind
              ? html`${S.detected}: <span data-kind=${c.kind}>${t(MESSAGES[c.kind].title)}</span>`
              : html`<span class="level-error">${S.notDetected}</span>`
            : nothing}
        </span>
      </div>
      <ebet-fields-input .value=${this.pasteText} @ebet-fields-change=${this.onFields}></ebet-fields-input>
      ${largePasteNotice(this.pasteText.length)}
      ${this.picked ? html`<p class="hint" data-picked>${this.picked}</p>` : nothing}
      ${fieldError
        ? html`<p class="field-error" role="alert" data-field=${fieldError.field ?? nothing}>${visibleText(t(fieldError.text))}</p>`
        : nothing}
      ${c.kind ? this.renderEditors(c.kind, c) : html`<p class="hint">${S.chooseToType}</p>`}
    </section>`;
  }

  private renderEditors(kind: MessageKind, c: Computed) {
    const specs = MESSAGES[kind].fields.filter((f) => f.name !== 'NB_HMAC' && f.name !== 'NB_KVV');
    return html`<details ?open=${this.editorsOpen} @toggle=${(e: Event) => (this.editorsOpen = (e.target as HTMLDetailsElement).open)}>
      <summary>${S.editFields}</summary>
      <p class="hint">${S.editHint}</p>
      <div class="editors">
        ${specs.map((f) => {
          const id = `edit-${f.name}`;
          const error = c.fieldsError?.field === f.name ? c.fieldsError.text : null;
          return html`<label for=${id} class="mono">${f.name}</label>
            <input
              id=${id}
              class="mono"
              data-field=${f.name}
              .value=${c.record[f.name] ?? ''}
              placeholder=${f.example ?? ''}
              autocomplete="off"
              spellcheck="false"
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? `${id}-error` : nothing}
              @input=${(e: Event) => this.editField(f.name, (e.target as HTMLInputElement).value)}
            />
            ${error ? html`<p id=${`${id}-error`} class="field-error">${visibleText(t(error))}</p>` : nothing}`;
        })}
      </div>
    </details>`;
  }

  private renderKey(c: Computed) {
    const problem = this.kvvProblem;
    // NB_KVV against the key, as the verdict has it, in the verdict's words when they name a cause.
    const matches = this.expectedKvv.trim() ? (this.verdict?.verification.kvv.matches ?? null) : null;
    const kvvWords = this.verdict?.verification.findings.find((f) => f.field === 'NB_KVV' && f.level === 'error')?.message;
    return html`<section part="section" aria-labelledby="h-key">
      <h2 id="h-key">${S.key}</h2>
      <label class="inline"><input type="checkbox" .checked=${this.ring} @change=${(e: Event) => this.toggleRing((e.target as HTMLInputElement).checked)} />${S.ringToggle}</label>
      <ebet-key-input ?ring=${this.ring} @ebet-key-change=${this.onKey}></ebet-key-input>
      ${this.ring
        ? html`<div class="field">
            <label for="date">${S.date}</label>
            <input id="date" type="date" .value=${c.date} aria-describedby="date-hint date-status" @input=${(e: Event) => (this.dateChoice = (e.target as HTMLInputElement).value)} />
            <span id="date-hint" class="hint">${S.dateHint}</span>
            <div id="date-status" aria-live="polite">
              ${c.keyNote ? html`<p data-key-note>${c.keyNote}</p>` : nothing}
              ${c.warnings.map((w) => html`<p class="level-warning" data-warning>${visibleText(t(w))}</p>`)}
            </div>
          </div>`
        : nothing}
      <div class="field">
        <label for="kvv">${S.kvvInput}</label>
        <input
          id="kvv"
          class="mono"
          .value=${this.expectedKvv}
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby="kvv-status"
          @input=${(e: Event) => (this.expectedKvv = (e.target as HTMLInputElement).value)}
        />
        <div id="kvv-status" part="kvv" aria-live="polite">
          ${problem
            ? html`<p class="field-error" data-kvv="bad">${visibleText(t(problem))}</p>`
            : matches === true
              ? html`<p class="level-ok" data-kvv="match">${S.kvvMatch}</p>`
              : matches === false
                ? html`<p class="level-error" data-kvv="mismatch">${kvvWords ? t(kvvWords) : S.kvvMismatch}</p>`
                : nothing}
        </div>
      </div>
    </section>`;
  }

  private renderEncoding(c: Computed) {
    return html`<section part="section" aria-labelledby="h-encoding">
      <h2 id="h-encoding">${S.encoding}</h2>
      <div class="field">
        <label for="encoding">${S.encodingLabel}</label>
        <select
          id="encoding"
          aria-describedby="encoding-hint encoding-error"
          aria-invalid=${c.encodingError ? 'true' : 'false'}
          @change=${(e: Event) => (this.encoding = (e.target as HTMLSelectElement).value as Encoding)}
        >
          ${ENCODINGS.map((enc) => html`<option value=${enc} ?selected=${this.encoding === enc}>${t(ENCODING_NAMES[enc])}</option>`)}
        </select>
        <span id="encoding-hint" class="hint">${S.encodingHint}</span>
        <span id="encoding-error" aria-live="polite">${c.encodingError ? html`<span class="field-error">${visibleText(t(c.encodingError))}</span>` : nothing}</span>
      </div>
    </section>`;
  }

  private renderResult(c: Computed) {
    const d = c.details;
    const note = !c.entries.length || !c.kind
      ? S.noFields
      : c.fieldsError
        ? S.fixFields
        : c.string === null
          ? S.noMac
          : c.string && !c.key
            ? S.needKey
            : null;
    return html`<section part="section" aria-labelledby="h-result">
      <h2 id="h-result">${S.result}</h2>
      <div aria-live="polite">${note ? html`<p class="hint" data-note>${note}</p>` : nothing}</div>
      ${typeof c.string === 'string'
        ? html`<dl class="result">
            <dt>${S.signedFields}</dt>
            <dd class="mono">${c.signedNames}</dd>
            <dt>${S.string}</dt>
            <dd class="value" part="string" data-string=${c.string}>
              ${visibleValue(c.string, true)} <ebet-copy-button .value=${c.string} .label=${S.copyString}></ebet-copy-button>
            </dd>
            ${d
              ? html`<dt>${S.bytes(t(ENCODING_NAMES[d.encoding]), d.bytes.length)}</dt>
                  <dd class="mono" part="bytes">${[...d.bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')}</dd>
                  <dt>${S.hmac}</dt>
                  <dd class="mono" part="hmac">${d.hmac}</dd>
                  <dt>${S.mac}</dt>
                  <dd><span class="mono big" part="mac" data-mac>${d.mac}</span> <ebet-copy-button .value=${d.mac} .label=${S.copyMac}></ebet-copy-button></dd>
                  <dt>${S.kvv}</dt>
                  <dd class="mono" data-kvv-value>${groupHex(d.kvv)}</dd>`
              : nothing}
          </dl>`
        : nothing}
      ${d
        ? html`<div class="field">
              <label for="action">${S.action}</label>
              <input id="action" class="mono" .value=${this.action} autocomplete="off" spellcheck="false" @input=${(e: Event) => (this.action = (e.target as HTMLInputElement).value)} />
            </div>
            <p>${S.copyForm}: <ebet-copy-button data-copy="form" .value=${c.signedForm} .label=${S.copyFormLabel}></ebet-copy-button></p>`
        : nothing}
    </section>`;
  }

  private renderCheck(c: Computed) {
    const problem = this.macProblem;
    // A paste over 256 kB gets no link: a URL of megabytes opens nowhere, and making it blocked the page.
    const link = c.kind && this.pasteText.length <= LARGE_PASTE
      ? `${location.href.replace(/#.*$/, '')}#${calculatorCase(c.kind, { ...c.record, NB_HMAC: this.givenMac.replace(/\s+/g, '') }, this.encoding)}`
      : '';
    return html`<section part="section" aria-labelledby="h-check">
      <h2 id="h-check">${S.check}</h2>
      <div class="field">
        <label for="given-mac">${S.givenMac}</label>
        <input
          id="given-mac"
          class="mono"
          .value=${this.givenMac}
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby="given-mac-hint given-mac-error"
          @input=${(e: Event) => (this.givenMac = (e.target as HTMLInputElement).value)}
        />
        <span id="given-mac-hint" class="hint">${S.givenMacHint}</span>
        <span id="given-mac-error" aria-live="polite">${problem ? html`<span class="field-error" data-field="NB_HMAC">${visibleText(t(problem))}</span>` : nothing}</span>
      </div>
      <ebet-mac-doctor
        part="doctor"
        .kind=${c.kind ?? ''}
        .fields=${c.entries}
        .givenMac=${problem ? '' : this.givenMac}
        .keys=${this.keys}
        .encoding=${this.encoding}
        .date=${this.ring ? c.date : ''}
      ></ebet-mac-doctor>
      ${link
        ? html`<p>${S.share}: <ebet-copy-button data-copy="link" .value=${link} .label=${S.copyLink}></ebet-copy-button>
            <span class="hint">${S.shareHint}</span></p>`
        : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-calculator': EbetCalculator;
  }
  interface HTMLElementEventMap {
    'ebet-mac-change': CustomEvent<MacChangeDetail>;
  }
}
