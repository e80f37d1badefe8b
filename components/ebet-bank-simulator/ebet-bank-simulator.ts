import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { newAttempt, usedStamps, withAnswer, withExit, type Attempt } from '../../src/bank/attempt-log.ts';
import { detectKind } from '../../src/reading/detect.ts';
import { ENCODING_NAMES, ENCODINGS, type Encoding } from '../../src/protocol/encoding.ts';
import { TEST_KEY } from '../../src/protocol/key.ts';
import { toRecord, type FieldEntry } from '../../src/protocol/message.ts';
import { toHtmlForm, toUrlEncoded } from '../../src/protocol/output.ts';
import { parseFields, type ParseResult } from '../../src/reading/parse.ts';
import type { CheckDigitScheme } from '../../src/protocol/reference.ts';
import {
  canPay,
  payDirectAnswer,
  paymentCheckAnswer,
  repaymentAnswer,
  returnTarget,
  SIMULATOR_ENDPOINTS,
  EMPTY_LEDGER,
  type Ledger,
  type RequestKind,
  type SimulatedAnswer,
} from '../../src/bank/simulator.ts';
import { EbetError } from '../../src/protocol/text.ts';
import { localTime } from '../../src/protocol/time.ts';
import { validateFields, type ValidationRow } from '../../src/judging/validate.ts';
import { judgeMessage, type Verdict } from '../../src/verdict/verdict.ts';
import { MESSAGES } from '../../src/protocol/fields.ts';
import { EbetCopyButton } from '../ebet-copy-button/ebet-copy-button.ts';
import { EbetFieldTable } from '../ebet-field-table/ebet-field-table.ts';
import { EbetFieldsInput, type FieldsChangeDetail } from '../ebet-fields-input/ebet-fields-input.ts';
import { EbetMacDoctor } from '../ebet-mac-doctor/ebet-mac-doctor.ts';
import type { AutoOutcome } from './auto-outcome.ts';
import { emit } from '../shared/events.ts';
import { loadHtmlReader, readableNow } from '../shared/html-reader.ts';
import { LARGE_PASTE, largePasteNotice } from '../shared/large-paste.ts';
import { httpUrl, postForm } from '../shared/post-form.ts';
import { currentLang, localized, msg, str, t } from '../shared/locale.ts';
import { isOne } from '../shared/plural.ts';
import { baseStyles } from '../shared/styles.ts';
import { summaryLine, summaryStyles } from '../shared/summary.ts';
import { visibleValue, visibleText } from '../shared/visible-value.ts';
import { loadAttempt, readAttempts, readLedger, saveAttempts, updateLedger, type StoredRequest } from './ledger-db.ts';

const REQUEST_KINDS = Object.values(SIMULATOR_ENDPOINTS) as RequestKind[];

/** The request's fields given as hidden inputs (the test hook) at most: a form of 100,000 inputs renders a few hundred. */
const HOOKED_FIELDS = 300;

const S = {
  get heading() { return msg('Check a request and simulate the bank'); },
  get paste() { return msg('The shop’s request'); },
  get kind() { return msg('Message'); },
  get autoKind() { return msg('Recognise from the fields'); },
  get detected() { return msg('Recognised as'); },
  get notRequest() { return msg('These fields look like an answer from the bank, not a request to it: read it in the response decoder. Checked here as the message chosen below.'); },
  get encoding() { return msg('Character encoding of the values'); },
  get encodingAuto() { return msg('As the request was sent'); },
  get encodingUsed() { return msg('Values read and signed as'); },
  get received() { return msg('Received by the simulator'); },
  get truncated() { return msg('The body was longer than the simulator keeps; only its start is shown.'); },
  cut: (size: string): string => msg(str`It was ${size}; the first 64 kB are kept.`),
  get noKey() { return msg('Type a valid key (or use the test key) to check the MAC and to sign answers.'); },
  get answers() { return msg('Simulated answers'); },
  get pay() { return msg('Successful payment'); },
  get payHint() { return msg('Signs the receipt and posts it to NB_RETURN, as the bank does after a payment.'); },
  get receipt() { return msg('Just show the receipt'); },
  get cancel() { return msg('Cancelled payment'); },
  get reject() { return msg('Rejected payment'); },
  get goesTo() { return msg('goes to'); },
  get noTarget() { return msg('is not an absolute http(s) URL: the simulator will not go there'); },
  get cannotPay() { return msg('Successful payment is offered only when every field is OK (handbook 4.3). Cancel and reject are always possible.'); },
  get answerCheck() { return msg('Answer the payment check'); },
  get answerRepay() { return msg('Carry out the repayment'); },
  get exchange() { return msg('Currency was exchanged (adds fields 5a–e)'); },
  get exchangeCurrency() { return msg('Currency withdrawn from the shop'); },
  get exchangeRate() { return msg('Exchange rate (withdrawn per unit repaid, e.g. 8,91)'); },
  get returnButton() { return msg('Send the answer to NB_RETURN'); },
  get answer() { return msg('The bank’s answer'); },
  get notFound() { return msg('The bank answers with a plain page: Not Found'); },
  get signed() { return msg('Signed string'); },
  get unsigned() { return msg('No MAC: the bank signs no ERR answer.'); },
  get copyForm() { return msg('the answer as an HTML form'); },
  get copyBody() { return msg('the answer as a URL-encoded body'); },
  get formHtml() { return msg('As the bank’s hidden form'); },
  outcomes: {
    get paid() { return msg('Paid: the receipt is signed.'); },
    get cancelled() { return msg('Cancelled: going to NB_CANCEL with nothing added.'); },
    get rejected() { return msg('Rejected: going to NB_REJECT with nothing added.'); },
  },
  get storeFailed() { return msg('The simulator’s ledger could not be used'); },
  get toTable() { return msg('See every field'); },
  more: (n: number): string => (isOne(n) ? msg(str`(and ${n} more problem)`) : msg(str`(and ${n} more problems)`)),
  toRow: (field: string): string => msg(str`See ${field}`),
  get toDoctor() { return msg('See why'); },
  get logFailed() { return msg('The attempt could not be written to the attempt log'); },
  large: (mb: string): string =>
    msg(str`A large paste (${mb}): long values are shown cut short; the MAC is computed over them whole. It is not kept for going back to this page: paste it again then.`),
  get checkDigit() { return msg('The shop’s references end in a check digit'); },
  checkDigits: {
    get none() { return msg('no (not checked)'); },
    get luhn() { return msg('Luhn / modulus 10 (Swedish OCR)'); },
    get '731'() { return msg('7-3-1 weights (Finnish reference)'); },
  } as Record<CheckDigitScheme, string>,
};

export { AUTO_OUTCOMES, type AutoOutcome } from './auto-outcome.ts';

export interface CheckDigitChangeDetail {
  readonly checkDigit: CheckDigitScheme;
}

const newId = () => `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;

/** The page's state for test drivers (`data-state`). */
export type SimulatorState = 'empty' | 'preview' | 'error' | 'paid' | 'cancelled' | 'rejected' | 'answered';

/** A pasted (not posted) request as shown, enough to show it again (e.g. on going back to the page): never a key. */
export interface PastedRequest {
  /** The text in the paste box. */
  readonly text: string;
  readonly kind: RequestKind | 'auto';
  readonly encoding: Encoding | 'auto';
  /** Its attempt's id in the log, and when it arrived (ISO). */
  readonly id: string;
  readonly at: string;
}

/** Detail of `ebet-request-change`: the pasted request shown, or `null` (none, one posted, which its address names, or a paste over 256 kB, not kept). */
export interface RequestChangeDetail {
  readonly pasted: PastedRequest | null;
}

/** Detail of `ebet-answer`. */
export interface AnswerDetail {
  readonly answer: SimulatedAnswer;
}

/**
 * @summary The bank test page: the shop's request (pasted or received by the service worker) checked field by field, and the bank's simulated answers — successful payment (a signed receipt posted to NB_RETURN), cancel, reject, payment check and repayment — kept in a ledger in this browser.
 * Test hooks: `data-state` (see the property), `data-encoding` (how the values are read and signed), `data-verified`
 * (`YES`, `NO`, `ERR`, `not-found` once a check or repayment is answered), `data-attempt` (the attempt's id in the log),
 * `auto-outcome` (when set), buttons `data-action="pay|receipt|cancel|reject|answer|return"`, and the request's and the
 * answer's fields as hidden inputs (`name`, `value`) in `[data-fields=request]` (the first 300; `data-more` counts the rest) and `[data-fields=answer]`. Never a key.
 * A paste over 256 kB gets one notice, `[data-code=large-paste]`.
 * Every request, posted or pasted, is written to the attempt log (IndexedDB) when it arrives (a pasted one as it is edited) and again when it is answered.
 * @event ebet-answer - `{ answer: SimulatedAnswer }` after each simulated answer.
 * @event ebet-request-change - `RequestChangeDetail` when the request shown changes: the page can keep a pasted one (in `history.state`) and `restore` it.
 * @event ebet-check-digit-change - `{ checkDigit }` when the user chooses the shop's check digit scheme.
 * @csspart request - The request: paste box, message and encoding.
 * @csspart summary - The request line: the verdict first, above the request's table, from `judgeMessage` — the verdict, its cause (on a mismatch the doctor's, run at once) and the fix — linking to the cause's row (where the mismatch doctor stands for a MAC). Hooks: `data-verdict-line`, `data-verdict` (`ok`, `warning`, `error`), `data-codes` (space-separated); also `data-summary`.
 * @csspart table - The request's validation table.
 * @csspart answers - The buttons for the simulated answers.
 * @csspart answer - The bank's answer.
 * @cssproperty --ebet-color-surface - Background of the panels.
 * @tagname ebet-bank-simulator
 */
@localized()
export class EbetBankSimulator extends LitElement {
  /** @internal The elements it renders, registered with it (`../shared/define.ts`). */
  static readonly dependencies = { 'ebet-copy-button': EbetCopyButton, 'ebet-field-table': EbetFieldTable, 'ebet-fields-input': EbetFieldsInput, 'ebet-mac-doctor': EbetMacDoctor };

  static override styles = [
    baseStyles,
    summaryStyles,
    css`
      :host { display: block; }
      section { background: var(--ebet-color-surface, #fff); border: 1px solid var(--ebet-color-border, #d0d5db);
        border-radius: var(--ebet-radius, 6px); padding: 0.8em 1em; margin: 0 0 1em; }
      .controls { display: flex; flex-wrap: wrap; gap: 1em; align-items: end; margin: 0.6em 0; }
      .controls > div { display: flex; flex-direction: column; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 0.6em 0; }
      .target { margin: 0.2em 0; }
      .notice { font-weight: 600; }
      .check { display: flex; gap: 0.4em; align-items: center; font-weight: 400; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--ebet-color-page, #f4f6f8); padding: 0.5em; border-radius: var(--ebet-radius, 6px); }
      h2, h3 { margin: 0.2em 0 0.5em; }
    `,
  ];

  /** The state, for test drivers: `empty`, `preview`, `error` (pay direct with errors), `paid`, `cancelled`, `rejected`, `answered`. */
  @property({ reflect: true, attribute: 'data-state' }) simulatorState: SimulatorState = 'empty';
  /** An outcome chosen up front: a request received through the simulator's address is answered so at once, without a click (checks and repayments are answered). Off when `null`. */
  @property({ reflect: true, attribute: 'auto-outcome' }) autoOutcome: AutoOutcome | null = null;
  /** The shop's check digit scheme for NB_DB_REF: a reference whose check digit fails is a warning. */
  @property({ attribute: 'check-digit' }) checkDigit: CheckDigitScheme = 'none';

  @state() private text = '';
  @state() private parsed: ParseResult | null = null;
  @state() private kindChoice: RequestKind | 'auto' = 'auto';
  @state() private encodingChoice: Encoding | 'auto' = 'auto';
  /** The key that checks the request's MAC and KVV and signs the answers (the published test key unless set); `null` while none is valid. Never stored. */
  @property({ attribute: false }) key: string | null = TEST_KEY;
  @state() private source: StoredRequest | null = null;
  @state() private outcome: Exclude<SimulatorState, 'empty' | 'preview' | 'error'> | null = null;
  @state() private answer: SimulatedAnswer | null = null;
  /** What went wrong, made when shown so that it follows the page's language. */
  @state() private notice: (() => string) | null = null;
  @state() private exchangeOn = false;
  @state() private exchangeCurrency = 'EUR';
  @state() private exchangeRate = '';
  @state() private busy = false;
  /** The log and the ledger as they were when the request arrived: its NB_STAMP is checked against them. */
  @state() private earlier: { attempts: readonly Attempt[]; ledger: Ledger } = { attempts: [], ledger: EMPTY_LEDGER };
  /** The id of the request's attempt in the log, and when it arrived. */
  private attemptId = newId();
  private arrivedAt = new Date();
  /**
   * Shows a request the service worker received and writes it to the attempt log; with an
   * `autoOutcome`, answers it at once unless it was answered before (e.g. on going back to it).
   */
  async load(stored: StoredRequest): Promise<void> {
    this.source = stored;
    this.kindChoice = stored.kind;
    this.encodingChoice = 'auto';
    const logged = await this.arrive(stored.id, new Date(stored.receivedAt), stored.text);
    if (logged && logged.outcome !== 'received') return;
    if (!logged) await this.record((a) => a);
    if (this.autoOutcome) await this.autoAnswer(this.autoOutcome);
  }

  /** Checks fields given as text (anything the paste box reads), e.g. from the form builder, and writes it to the attempt log. */
  async check(value: string, kind?: RequestKind): Promise<void> {
    this.source = null;
    this.kindChoice = kind ?? 'auto';
    await this.arrive(newId(), new Date(), value);
    if (this.entries.length) await this.record((a) => a);
  }

  /** Shows a pasted request again (as `ebet-request-change` gave it), under its attempt in the log: written there only if it is not yet. */
  async restore(pasted: PastedRequest): Promise<void> {
    this.source = null;
    this.kindChoice = pasted.kind;
    this.encodingChoice = pasted.encoding;
    const logged = await this.arrive(pasted.id, new Date(pasted.at), pasted.text);
    if (!logged && this.entries.length) await this.record((a) => a);
  }

  /**
   * Brings what a person came for into view and focuses it: the answer once answered, else the
   * request's verdict line. Smooth scrolling unless the person prefers reduced motion. The test page
   * calls it when a form arrives (shop POST, builder, bookmarklet, going back).
   */
  async showArrival(): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(this.answer ? '[part=answer]' : '[data-verdict-line]');
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
    target.focus({ preventScroll: true });
  }

  /** Takes a new request: reads the log and ledger it is checked against, then shows it; returns its attempt if already logged. */
  private async arrive(id: string, at: Date, value: string): Promise<Attempt | undefined> {
    this.attemptId = id;
    this.arrivedAt = at;
    let logged: Attempt | undefined;
    try {
      const [attempts, ledger] = await Promise.all([readAttempts(), readLedger()]);
      this.earlier = { attempts, ledger };
      logged = attempts.find((a) => a.id === id) ?? (await loadAttempt(id));
    } catch (error) {
      this.earlier = { attempts: [], ledger: EMPTY_LEDGER };
      this.notice = () => `${S.logFailed}: ${String(error)}`;
    }
    if (!readableNow(value)) await loadHtmlReader();
    this.text = value;
    this.parsed = parseFields(value);
    this.outcome = null;
    this.answer = null;
    await this.updateComplete;
    return logged;
  }

  private async autoAnswer(outcome: AutoOutcome): Promise<void> {
    if (this.kind !== 'payDirect') return this.answerRequest();
    if (outcome === 'pay') {
      if (this.key && canPay(this.rows)) await this.pay(true);
      return;
    }
    await this.leave(outcome === 'cancel' ? 'cancelled' : 'rejected');
  }

  /** Writes the request's attempt, changed by `change`, to the log; a failure is shown, never thrown. */
  private async record(change: (attempt: Attempt) => Attempt): Promise<void> {
    const attempt = newAttempt(this.attemptId, this.arrivedAt, this.source ? 'posted' : 'pasted', this.kind, this.encoding, this.entries, this.rows);
    try {
      await saveAttempts([change(attempt)]);
    } catch (error) {
      this.notice = () => `${S.logFailed}: ${String(error)}`;
    }
  }

  private reset(): void {
    this.outcome = null;
    this.answer = null;
    this.notice = null;
  }

  private get entries(): FieldEntry[] {
    return this.parsed?.entries ?? [];
  }

  /** The kind the fields read as (`detectKind`), found once for each list of fields: a pasted form of 100,000 fields is asked often. */
  private get detected() {
    const entries = this.entries;
    if (this.detectedFor?.entries !== entries) this.detectedFor = { entries, kind: entries.length ? detectKind(entries) : null };
    return this.detectedFor.kind;
  }

  private detectedFor: { entries: FieldEntry[]; kind: ReturnType<typeof detectKind> } | null = null;

  private get kind(): RequestKind {
    if (this.kindChoice !== 'auto') return this.kindChoice;
    const detected = this.detected;
    return REQUEST_KINDS.find((k) => k === detected) ?? 'payDirect';
  }

  private get encoding(): Encoding {
    if (this.encodingChoice !== 'auto') return this.encodingChoice;
    if (this.parsed?.problems.some((p) => p.code === 'latin1-escapes')) return 'iso-8859-1';
    return this.source?.charset ?? 'utf-8';
  }

  /** The verdict on the request (`judgeMessage`), judged once for what it reads. */
  private get verdict(): Verdict | null {
    if (!this.entries.length) return null;
    const inputs = [this.entries, this.kind, this.encoding, this.key, this.checkDigit, this.earlier, this.attemptId];
    if (this.judged && inputs.every((x, i) => x === this.judged!.inputs[i])) return this.judged.verdict;
    const rcvId = toRecord(this.entries).NB_RCV_ID ?? '';
    const verdict = judgeMessage(this.entries, {
      kind: this.kind,
      encoding: this.encoding,
      checkDigit: this.checkDigit,
      usedStamps: usedStamps(this.earlier.attempts, this.earlier.ledger, rcvId, this.attemptId),
      keys: this.key,
    });
    this.judged = { inputs, verdict };
    return verdict;
  }

  private judged: { inputs: unknown[]; verdict: Verdict } | null = null;

  /** The request's fields as the bank's test page checks them: the verdict's rows. */
  private get rows(): ValidationRow[] {
    return this.verdict?.verification.rows ?? [];
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('key') && changed.get('key') !== undefined) this.reset();
    const rows = this.rows;
    this.simulatorState = !rows.length
      ? 'empty'
      : (this.outcome ?? (this.kind === 'payDirect' && !(this.key && canPay(rows)) ? 'error' : 'preview'));
    this.dataset.encoding = this.encoding;
    if (this.answer) this.dataset.verified = this.answer.outcome === 'notFound' ? 'not-found' : this.answer.status;
    else delete this.dataset.verified;
    if (rows.length) this.dataset.attempt = this.attemptId;
    else delete this.dataset.attempt;
  }

  /** The request last told by `ebet-request-change` (none at first: an empty simulator tells nothing). */
  private lastRequest = 'null';

  protected override updated(): void {
    // A large paste is not kept (in the page's history): the next visit would read it all again.
    const pasted: PastedRequest | null =
      this.source || !this.text || this.text.length > LARGE_PASTE ? null : { text: this.text, kind: this.kindChoice, encoding: this.encodingChoice, id: this.attemptId, at: this.arrivedAt.toISOString() };
    const signature = JSON.stringify(pasted);
    if (signature === this.lastRequest) return;
    this.lastRequest = signature;
    emit(this, 'ebet-request-change', { pasted });
  }

  /** Runs a simulated answer against the stored ledger; repayments and payments change it atomically. */
  private async simulate(): Promise<SimulatedAnswer | null> {
    const key = this.key;
    if (!key) return null;
    const entries = this.entries;
    const options = { encoding: this.encoding };
    this.busy = true;
    try {
      if (this.kind === 'paymentCheck') return paymentCheckAnswer(entries, key, await readLedger(), options);
      const exchange = this.exchangeOn ? { currency: this.exchangeCurrency, rate: this.exchangeRate.trim() } : undefined;
      const kind = this.kind;
      return await updateLedger((ledger) => {
        const answer = kind === 'payDirect' ? payDirectAnswer(entries, key, ledger, options) : repaymentAnswer(entries, key, ledger, { ...options, ...(exchange ? { exchange } : {}) });
        return { ledger: answer.ledger, result: answer };
      });
    } catch (error) {
      this.notice =
        error instanceof EbetError ? () => t(error.text) : () => `${S.storeFailed}: ${String(error)}`;
      return null;
    } finally {
      this.busy = false;
    }
  }

  private async pay(send: boolean): Promise<void> {
    const answer = await this.simulate();
    if (!answer) return;
    this.answer = answer;
    await this.record((a) => withAnswer(a, answer, send));
    emit(this, 'ebet-answer', { answer });
    if (answer.outcome !== 'answer' || answer.status !== 'YES') {
      this.notice = () => t(answer.reason);
      return;
    }
    this.notice = null;
    this.outcome = 'paid';
    if (send) await this.sendAnswer();
    else await this.showArrival();
  }

  private async answerRequest(): Promise<void> {
    const answer = await this.simulate();
    if (!answer) return;
    this.answer = answer;
    this.notice = null;
    this.outcome = 'answered';
    await this.record((a) => withAnswer(a, answer));
    emit(this, 'ebet-answer', { answer });
    await this.showArrival();
  }

  /** An http(s) URL of a return field, checked twice: by the validator's rule and by the browser's URL parser. */
  private target(name: 'NB_RETURN' | 'NB_CANCEL' | 'NB_REJECT'): string | null {
    const value = returnTarget(this.kind, this.entries, name);
    return value ? httpUrl(value) : null;
  }

  /** A real top-level POST of the answer's fields to NB_RETURN, in the request's encoding. */
  private async sendAnswer(): Promise<void> {
    const target = this.target('NB_RETURN');
    if (!target || !this.answer || this.answer.outcome !== 'answer') return;
    await this.updateComplete;
    postForm(this.renderRoot, target, this.answer.fields, this.encoding);
  }

  private async leave(outcome: 'cancelled' | 'rejected'): Promise<void> {
    const target = this.target(outcome === 'cancelled' ? 'NB_CANCEL' : 'NB_REJECT');
    if (!target) return;
    this.answer = null;
    this.notice = null;
    this.outcome = outcome;
    await this.record((a) => withExit(a, outcome));
    await this.updateComplete;
    window.location.assign(target);
  }

  override render() {
    return html`<section part="request" aria-labelledby="request-heading">
        <h2 id="request-heading">${S.heading}</h2>
        ${this.source ? this.renderSource(this.source) : nothing}
        <ebet-fields-input
          .value=${this.text}
          .label=${S.paste}
          @ebet-fields-change=${(e: CustomEvent<FieldsChangeDetail>) => {
            this.parsed = e.detail.result;
            if (e.detail.text === this.text) return;
            // Typed or pasted by hand: a new attempt (not the one that arrived or was answered), logged as it is edited.
            if (this.source || this.outcome || this.answer) {
              this.attemptId = newId();
              this.arrivedAt = new Date();
            }
            this.text = e.detail.text;
            this.source = null;
            this.reset();
            if (this.entries.length) void this.record((a) => a);
          }}
        ></ebet-fields-input>
        ${largePasteNotice(this.text.length, S.large)}
        ${this.renderControls()}
        ${this.key ? nothing : html`<p class="field-error" role="alert">${S.noKey}</p>`}
      </section>
      ${this.entries.length ? this.renderChecked() : nothing}`;
  }

  private renderSource(source: StoredRequest) {
    const lang = currentLang();
    const when = localTime(new Date(source.receivedAt), lang);
    return html`<p class="hint" data-request=${source.id}>
      ${S.received}: <code>${source.method} bank/${source.endpoint}</code>, ${when}, <code>${source.contentType}</code>
      ${source.truncated
        ? html`<br /><strong class="level-warning" data-cut>${S.truncated}${source.size ? ` ${S.cut(`${(source.size / 1024).toFixed(0)} kB`)}` : ''}</strong>`
        : nothing}
    </p>`;
  }

  private renderControls() {
    const detected = this.detected;
    return html`<div class="controls">
        <div>
          <label for="kind">${S.kind}</label>
          <select id="kind" @change=${(e: Event) => {
            this.kindChoice = (e.target as HTMLSelectElement).value as RequestKind | 'auto';
            this.reset();
          }}>
            <option value="auto" ?selected=${this.kindChoice === 'auto'}>${S.autoKind}</option>
            ${REQUEST_KINDS.map((k) => html`<option value=${k} ?selected=${this.kindChoice === k}>${t(MESSAGES[k].title)}</option>`)}
          </select>
        </div>
        <div>
          <label for="encoding">${S.encoding}</label>
          <select id="encoding" @change=${(e: Event) => {
            this.encodingChoice = (e.target as HTMLSelectElement).value as Encoding | 'auto';
            this.reset();
          }}>
            <option value="auto" ?selected=${this.encodingChoice === 'auto'}>${S.encodingAuto}</option>
            ${ENCODINGS.map((enc) => html`<option value=${enc} ?selected=${this.encodingChoice === enc}>${t(ENCODING_NAMES[enc])}</option>`)}
          </select>
        </div>
        <div>
          <label for="check-digit">${S.checkDigit}</label>
          <select id="check-digit" @change=${(e: Event) => {
            this.checkDigit = (e.target as HTMLSelectElement).value as CheckDigitScheme;
            emit(this, 'ebet-check-digit-change', { checkDigit: this.checkDigit });
          }}>
            ${(Object.keys(S.checkDigits) as CheckDigitScheme[]).map((c) => html`<option value=${c} ?selected=${this.checkDigit === c}>${S.checkDigits[c]}</option>`)}
          </select>
        </div>
      </div>
      <p class="hint" aria-live="polite">
        ${this.entries.length ? html`${S.detected}: <strong data-kind=${this.kind}>${t(MESSAGES[this.kind].title)}</strong>. ${S.encodingUsed} ${t(ENCODING_NAMES[this.encoding])}.` : nothing}
        ${detected && !REQUEST_KINDS.some((k) => k === detected) ? html`<br /><span class="level-warning">${S.notRequest}</span>` : nothing}
      </p>`;
  }

  private renderChecked() {
    const rows = this.rows;
    return html`<section aria-labelledby="table-heading">
        <h2 id="table-heading" class="visually-hidden">${t(MESSAGES[this.kind].title)}</h2>
        ${this.renderSummary()}
        <ebet-field-table part="table" .rows=${rows} .caption=${MESSAGES[this.kind].title}>${this.renderDoctor(rows)}</ebet-field-table>
        <div hidden data-fields="request" data-more=${Math.max(0, this.entries.length - HOOKED_FIELDS)}>
          ${this.entries.slice(0, HOOKED_FIELDS).map((f) => html`<input type="hidden" name=${f.name} .value=${f.value} />`)}
        </div>
      </section>
      <section part="answers" aria-labelledby="answers-heading">
        <h2 id="answers-heading">${S.answers}</h2>
        ${this.kind === 'payDirect' ? this.renderPayActions(rows) : this.renderAnswerAction()}
        <div aria-live="polite">
          ${this.outcome === 'cancelled' || this.outcome === 'rejected' || this.outcome === 'paid'
            ? html`<p class="notice level-ok">${S.outcomes[this.outcome]}</p>`
            : nothing}
          ${this.notice ? html`<p class="notice level-error" role="alert">${this.notice()}</p>` : nothing}
        </div>
      </section>
      ${this.answer ? this.renderAnswer(this.answer) : nothing}`;
  }

  /** The verdict first, in its words (cause, then fix), linking to the cause's row (where the doctor stands for a MAC). */
  private renderSummary() {
    const table = () => this.renderRoot.querySelector<EbetFieldTable>('[part=table]');
    const v = this.verdict!;
    const field = v.cause?.field;
    if (v.level === 'ok' || !field) {
      return summaryLine({ part: 'summary', state: v.level, text: t(v.line), verdict: v, link: { label: S.toTable, href: '#table-heading', target: table } });
    }
    const others = v.fields.filter((f) => f.field !== field).length;
    const doctor = !!this.key && field === 'NB_HMAC' && v.codes.includes('mac-mismatch');
    return summaryLine({
      part: 'summary',
      state: v.level,
      text: `${t(v.line)}${others > 0 ? ` ${S.more(others)}` : ''}`,
      verdict: v,
      link: { label: doctor ? S.toDoctor : S.toRow(field), href: `#field-${field}`, target: () => table()?.rowOf(field) },
    });
  }

  /** With a key, a MAC that does not verify is explained at its row: the mismatch doctor runs on the request. */
  private renderDoctor(rows: ValidationRow[]) {
    const mac = rows.find((r) => r.name === 'NB_HMAC');
    if (!this.key || mac?.code !== 'mac-mismatch') return nothing;
    return html`<ebet-mac-doctor slot="detail-NB_HMAC" .kind=${this.kind} .fields=${this.entries} .givenMac=${mac.value ?? ''} .keys=${this.key} .encoding=${this.encoding}></ebet-mac-doctor>`;
  }

  private renderTarget(name: 'NB_RETURN' | 'NB_CANCEL' | 'NB_REJECT') {
    const value = this.entries.find((e) => e.name === name)?.value;
    if (value === undefined) return nothing;
    const target = this.target(name);
    return html`<p class="target hint" data-target=${name}>
      <code>${name}</code> ${target ? html`${S.goesTo} <code>${target}</code>` : html`<span class="level-error">${S.noTarget}</span>`}
    </p>`;
  }

  private renderPayActions(rows: ValidationRow[]) {
    const payable = !!this.key && canPay(rows) && this.outcome !== 'paid';
    const done = this.outcome !== null;
    return html`${canPay(rows) ? nothing : html`<p class="level-error">${S.cannotPay}</p>`}
      <div class="actions">
        <button type="button" data-action="pay" ?disabled=${!payable || this.busy} aria-describedby="pay-hint" @click=${() => this.pay(true)}>${S.pay}</button>
        <button type="button" class="secondary" data-action="receipt" ?disabled=${!payable || this.busy} @click=${() => this.pay(false)}>${S.receipt}</button>
        <button type="button" class="secondary" data-action="cancel" ?disabled=${done || !this.target('NB_CANCEL')} @click=${() => this.leave('cancelled')}>${S.cancel}</button>
        <button type="button" class="secondary" data-action="reject" ?disabled=${done || !this.target('NB_REJECT')} @click=${() => this.leave('rejected')}>${S.reject}</button>
      </div>
      <p id="pay-hint" class="hint">${S.payHint}</p>
      ${this.renderTarget('NB_RETURN')}${this.renderTarget('NB_CANCEL')}${this.renderTarget('NB_REJECT')}`;
  }

  private renderAnswerAction() {
    const repay = this.kind === 'repayment';
    return html`${repay ? this.renderExchange() : nothing}
      <div class="actions">
        <button type="button" data-action="answer" ?disabled=${!this.key || this.busy || this.outcome === 'answered'} @click=${this.answerRequest}>
          ${repay ? S.answerRepay : S.answerCheck}
        </button>
      </div>
      ${this.renderTarget('NB_RETURN')}`;
  }

  private renderExchange() {
    return html`<div class="controls">
      <label class="check"><input type="checkbox" .checked=${this.exchangeOn} @change=${(e: Event) => (this.exchangeOn = (e.target as HTMLInputElement).checked)} /> ${S.exchange}</label>
      ${this.exchangeOn
        ? html`<div>
              <label for="exchange-currency">${S.exchangeCurrency}</label>
              <select id="exchange-currency" @change=${(e: Event) => (this.exchangeCurrency = (e.target as HTMLSelectElement).value)}>
                ${['EUR', 'SEK'].map((c) => html`<option ?selected=${this.exchangeCurrency === c}>${c}</option>`)}
              </select>
            </div>
            <div>
              <label for="exchange-rate">${S.exchangeRate}</label>
              <input id="exchange-rate" .value=${this.exchangeRate} placeholder="8,91" @input=${(e: Event) => (this.exchangeRate = (e.target as HTMLInputElement).value)} />
            </div>`
        : nothing}
    </div>`;
  }

  private renderAnswer(answer: SimulatedAnswer) {
    if (answer.outcome === 'notFound') {
      return html`<section part="answer" aria-labelledby="answer-heading" data-answer="not-found">
        <h2 id="answer-heading">${S.answer}</h2>
        <p class="notice level-error">${S.notFound}</p>
        <p>${visibleText(t(answer.reason))}</p>
      </section>`;
    }
    if (!Object.keys(answer.fields).length) return nothing;
    const target = this.target('NB_RETURN');
    const rows = validateFields(answer.kind, answer.fields, { encoding: this.encoding, ...(this.key ? { key: this.key } : {}) });
    return html`<section part="answer" aria-labelledby="answer-heading" data-answer=${answer.kind} data-status=${answer.status}>
      <h2 id="answer-heading">${S.answer}: ${t(MESSAGES[answer.kind].title)}</h2>
      <p class=${answer.status === 'ERR' ? 'notice level-error' : 'notice level-ok'}><code>${answer.status}</code> — ${visibleText(t(answer.reason))}</p>
      <ebet-field-table .rows=${rows} .caption=${MESSAGES[answer.kind].title} ?no-verdict=${answer.status === 'ERR'}></ebet-field-table>
      <p>${answer.macString === null ? S.unsigned : html`${S.signed}: ${visibleValue(answer.macString, true)}`}</p>
      <form hidden data-fields="answer" method="post" action=${target ?? nothing}>
        ${Object.entries(answer.fields).map(([name, value]) => html`<input type="hidden" name=${name} .value=${value} />`)}
      </form>
      <h3>${S.formHtml}</h3>
      <pre>${toHtmlForm(answer.fields, target ?? '', null)}</pre>
      <div class="actions">
        <ebet-copy-button .value=${toHtmlForm(answer.fields, target ?? '', null)} .label=${S.copyForm}></ebet-copy-button>
        <ebet-copy-button .value=${toUrlEncoded(answer.fields, this.encoding)} .label=${S.copyBody}></ebet-copy-button>
        ${target ? html`<button type="button" data-action="return" @click=${this.sendAnswer}>${S.returnButton}</button>` : nothing}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-bank-simulator': EbetBankSimulator;
  }
  interface HTMLElementEventMap {
    'ebet-answer': CustomEvent<AnswerDetail>;
    'ebet-check-digit-change': CustomEvent<CheckDigitChangeDetail>;
    'ebet-request-change': CustomEvent<RequestChangeDetail>;
  }
}
