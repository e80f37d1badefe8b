import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ENCODING_NAMES, ENCODINGS, type Encoding } from '../../src/protocol/encoding.ts';
import { MESSAGES, type FieldSpec } from '../../src/protocol/fields.ts';
import { TEST_KEY } from '../../src/protocol/key.ts';
import { signMessage } from '../../src/protocol/message.ts';
import { toHtmlForm, toJson, toUrlEncoded } from '../../src/protocol/output.ts';
import { generateReference, type CheckDigitScheme } from '../../src/protocol/reference.ts';
import { formatAmount } from '../../src/protocol/amount.ts';
import { EMPTY_LEDGER, remainingHundredths, requestFor, SIMULATOR_ENDPOINTS, type Ledger, type LedgerPayment, type RequestKind, type SimulatorEndpoint } from '../../src/bank/simulator.ts';
import { generateStamp } from '../../src/protocol/stamp.ts';
import { EbetError, type Text } from '../../src/protocol/text.ts';
import { validateFields, type ValidationRow } from '../../src/judging/validate.ts';
import { EbetCopyButton } from '../ebet-copy-button/ebet-copy-button.ts';
import { emit } from '../shared/events.ts';
import { httpUrl, postForm } from '../shared/post-form.ts';
import { localized, msg, str, t } from '../shared/locale.ts';
import { submitLabel } from '../shared/submit-label.ts';
import { baseStyles } from '../shared/styles.ts';
import { visibleText } from '../shared/visible-value.ts';

const ENDPOINTS = Object.entries(SIMULATOR_ENDPOINTS) as Array<[SimulatorEndpoint, RequestKind]>;
/** The fields that name a payment of the ledger (the amount and currency of a repayment may be changed). */
const NAMING = new Set(['NB_RCV_ID', 'NB_STAMP', 'NB_DB_REF', 'NB_PAID']);
/** Fields the builder computes rather than asks for. */
const COMPUTED = new Set(['NB_HMAC', 'NB_KVV']);

const S = {
  get heading() { return msg('Build a request'); },
  get kind() { return msg('Request'); },
  get fields() { return msg('Fields'); },
  get mandatory() { return msg('mandatory'); },
  get optional() { return msg('optional'); },
  get format() { return msg('format'); },
  get newStamp() { return msg('New NB_STAMP'); },
  get newReference() { return msg('New reference'); },
  get scheme() { return msg('Check digit of new references'); },
  schemes: {
    get none() { return msg('none (digits only)'); },
    get luhn() { return msg('Luhn (Swedish OCR)'); },
    get '731'() { return msg('7-3-1 (Finnish reference)'); },
  } as Record<CheckDigitScheme, string>,
  get encoding() { return msg('Character encoding for the MAC'); },
  get action() { return msg('Where the form posts (action)'); },
  get actionHint() { return msg('The simulator’s address on this site by default; the handbook’s test page no longer exists.'); },
  get output() { return msg('Signed request'); },
  get htmlForm() { return msg('HTML form (hidden inputs)'); },
  get body() { return msg('URL-encoded body'); },
  get json() { return msg('JSON'); },
  get send() { return msg('Post it to the simulator'); },
  get check() { return msg('Check it on this page'); },
  get noKey() { return msg('Type a valid key, or use the test key, to sign.'); },
  get badAction() { return msg('The action must be an http(s) URL'); },
  get pick() { return msg('Payment from the simulator’s ledger'); },
  get choose() { return msg('Choose a paid purchase…'); },
  pickHint: (repay: boolean): string =>
    repay
      ? msg('Fills in its NB_STAMP, reference, NB_PAID (the newest, after any repayment) and the amount still repayable; change the amount for a partial repayment.')
      : msg('Fills in its shop id and NB_STAMP.'),
  option: (stamp: string, amount: string, reference: string) => msg(str`NB_STAMP ${stamp}: ${amount}, reference ${reference}`),
  left: (amount: string) => msg(str`${amount} repayable`),
  get repaid() { return msg('fully repaid'); },
  get noPayments() { return msg('The simulator’s ledger has no paid purchase yet. Make one first: choose the request “Pay direct” above, post it to the simulator (or check it on this page) and answer with “Successful payment”. The purchase then appears here.'); },
};

/** Starting values: the handbook's examples, a fresh stamp and reference; check and repayment name an earlier payment. */
function defaults(kind: RequestKind): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of MESSAGES[kind].fields) {
    if (COMPUTED.has(field.name)) continue;
    values[field.name] = kind === 'payDirect' || !['NB_STAMP', 'NB_DB_REF'].includes(field.name) ? (field.example ?? '') : '';
  }
  if (kind === 'payDirect') {
    values.NB_STAMP = generateStamp();
    values.NB_DB_REF = generateReference();
  } else {
    values.NB_RETURN = '';
  }
  return values;
}

export interface FormCheckDetail {
  readonly kind: RequestKind;
  /** The signed request as an HTML form. */
  readonly html: string;
}

/**
 * @summary The form builder: every field of a pay direct, payment check or repayment request with inline help, generators for NB_STAMP and NB_DB_REF, signing with the test key or the user's key, and the result as an HTML form, a URL-encoded body and JSON.
 * @event ebet-form-check - `FormCheckDetail` when the user asks to check the signed request on the page.
 * @csspart pick - For a payment check or repayment: the choice of a paid purchase from `ledger` (or, while it has none, how to make one).
 * @csspart fields - The field inputs.
 * @csspart output - The signed request.
 * @tagname ebet-form-builder
 */
@localized()
export class EbetFormBuilder extends LitElement {
  /** @internal The elements it renders, registered with it (`../shared/define.ts`). */
  static readonly dependencies = { 'ebet-copy-button': EbetCopyButton };

  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr)); gap: 0.8em 1.2em; }
      .field { display: flex; flex-direction: column; gap: 0.15em; min-width: 0; }
      .field input { width: 100%; font-family: var(--ebet-mono, ui-monospace, Menlo, Consolas, monospace); }
      .row { display: flex; gap: 0.4em; }
      .row input { flex: 1; min-width: 0; }
      .controls { display: flex; flex-wrap: wrap; gap: 1em; align-items: end; margin: 0.6em 0; }
      .controls > div { display: flex; flex-direction: column; min-width: 0; max-width: 100%; }
      .controls input { width: min(30em, 100%); }
      .actions { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 0.6em 0; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--ebet-color-page, #f4f6f8); padding: 0.5em; border-radius: var(--ebet-radius, 6px); margin: 0.3em 0; }
      .level-warning.field-error { color: var(--ebet-color-warning, #8a5300); }
      h2, h3 { margin: 0.2em 0 0.5em; }
    `,
  ];

  /** The simulator's address for requests, ending in `/`: `bank/pay`, `bank/check`, `bank/repay` are added. */
  @property({ attribute: 'endpoint-base' }) endpointBase = 'bank/';

  @state() private kind: RequestKind = 'payDirect';
  @state() private values: Partial<Record<RequestKind, Record<string, string>>> = {};
  @state() private actions: Partial<Record<RequestKind, string>> = {};
  @state() private scheme: CheckDigitScheme = 'none';
  @state() private encoding: Encoding = 'utf-8';
  /** The key that signs the request (the published test key unless set); `null` while none is valid. Never stored. */
  @property({ attribute: false }) key: string | null = TEST_KEY;
  /** The simulator's ledger: a payment check or repayment can name one of its payments. */
  @property({ attribute: false }) ledger: Ledger = EMPTY_LEDGER;
  private get current(): Record<string, string> {
    return (this.values[this.kind] ??= defaults(this.kind));
  }

  private get action(): string {
    const endpoint = ENDPOINTS.find(([, kind]) => kind === this.kind)![0];
    return this.actions[this.kind] ?? `${this.endpointBase}${endpoint}`;
  }

  /** The fields to send: every field with a value, and the mandatory ones even when empty. */
  private get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const field of MESSAGES[this.kind].fields) {
      const value = this.current[field.name];
      if (COMPUTED.has(field.name) || value === undefined) continue;
      if (value !== '' || field.use === 'mandatory') out[field.name] = value;
    }
    return out;
  }

  /** The signed fields, or the error that stops signing (naming its field). */
  private sign(): { signed: Record<string, string> | null; error: EbetError | null } {
    if (!this.key) return { signed: null, error: null };
    try {
      return { signed: signMessage(this.kind, this.fields, this.key, { encoding: this.encoding }), error: null };
    } catch (error) {
      if (error instanceof EbetError) return { signed: null, error };
      throw error;
    }
  }

  private set(name: string, value: string): void {
    this.values = { ...this.values, [this.kind]: { ...this.current, [name]: value } };
  }

  /** The resolved http(s) URL of the action, or `null`. */
  private actionUrl(): string | null {
    return httpUrl(this.action, document.baseURI);
  }

  /** Derived in `willUpdate`, once per change: the signed fields (or what stops signing) and every field's check. */
  private signed: Record<string, string> | null = null;
  private signError: EbetError | null = null;
  private rows: ValidationRow[] = [];

  protected override willUpdate(): void {
    ({ signed: this.signed, error: this.signError } = this.sign());
    this.rows = this.signed ? validateFields(this.kind, this.signed, { encoding: this.encoding, ...(this.key ? { key: this.key } : {}) }) : validateFields(this.kind, this.fields);
  }

  override render() {
    const { signed, signError: error, rows } = this;
    return html`<h2>${S.heading}</h2>
      <div class="controls">
        <div>
          <label for="kind">${S.kind}</label>
          <select id="kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as RequestKind)}>
            ${ENDPOINTS.map(([, kind]) => html`<option value=${kind} ?selected=${this.kind === kind}>${t(MESSAGES[kind].title)}</option>`)}
          </select>
        </div>
        <div>
          <label for="encoding">${S.encoding}</label>
          <select id="encoding" @change=${(e: Event) => (this.encoding = (e.target as HTMLSelectElement).value as Encoding)}>
            ${ENCODINGS.map((enc) => html`<option value=${enc} ?selected=${this.encoding === enc}>${t(ENCODING_NAMES[enc])}</option>`)}
          </select>
        </div>
      </div>
      ${this.kind === 'payDirect' ? nothing : this.renderPick(this.kind)}
      <fieldset part="fields" data-kind=${this.kind}>
        <legend>${S.fields}: ${t(MESSAGES[this.kind].title)}</legend>
        <div class="grid">
          ${MESSAGES[this.kind].fields.filter((f) => !COMPUTED.has(f.name)).map((f) => this.renderField(f, rows, error))}
        </div>
      </fieldset>
      <div class="controls">
        <div>
          <label for="action">${S.action}</label>
          <input id="action" .value=${this.action} aria-describedby="action-hint" aria-invalid=${this.actionUrl() ? 'false' : 'true'}
            @input=${(e: Event) => (this.actions = { ...this.actions, [this.kind]: (e.target as HTMLInputElement).value })} />
          <span id="action-hint" class="hint">${S.actionHint}</span>
          ${this.actionUrl() ? nothing : html`<p class="field-error" role="alert">${S.badAction}</p>`}
        </div>
      </div>
      ${this.renderOutput(signed, rows)}`;
  }

  private renderField(f: FieldSpec, rows: ValidationRow[], error: EbetError | null) {
    const id = `f-${f.name}`;
    const row = rows.find((r) => r.name === f.name && r.level !== 'ok');
    const problem: { level: string; text: Text } | null =
      error?.field === f.name ? { level: 'error', text: error.text } : row ? { level: row.level, text: row.message } : null;
    // A check or repayment names an earlier payment: its stamp and reference are that payment's, never new ones.
    const generator = this.kind !== 'payDirect'
      ? nothing
      : f.name === 'NB_STAMP'
        ? html`<button type="button" class="secondary" data-action="new-stamp" @click=${() => this.set('NB_STAMP', generateStamp())}>${S.newStamp}</button>`
        : f.name === 'NB_DB_REF'
          ? html`<button type="button" class="secondary" data-action="new-reference" @click=${() => this.set('NB_DB_REF', generateReference(this.scheme))}>${S.newReference}</button>`
          : nothing;
    return html`<div class="field" data-field=${f.name}>
      <label for=${id}><span class="mono">${f.name}</span> <span class="hint">(${f.use === 'mandatory' ? S.mandatory : S.optional}, ${S.format} ${f.format.type}${f.format.max})</span></label>
      <div class="row">
        <input
          id=${id}
          name=${f.name}
          .value=${this.current[f.name] ?? ''}
          spellcheck="false"
          autocomplete="off"
          aria-describedby=${`${id}-help${problem ? ` ${id}-problem` : ''}`}
          aria-invalid=${problem?.level === 'error' ? 'true' : 'false'}
          @input=${(e: Event) => this.set(f.name, (e.target as HTMLInputElement).value)}
        />
        ${generator}
      </div>
      <span id=${`${id}-help`} class="hint">${t(f.description)}</span>
      ${f.name === 'NB_DB_REF' ? this.renderScheme() : nothing}
      ${problem ? html`<p id=${`${id}-problem`} class=${`field-error level-${problem.level}`}>${visibleText(t(problem.text))}</p>` : nothing}
    </div>`;
  }

  /** A payment check or repayment names a paid purchase of the ledger: choosing one fills in its values (kept until changed by hand). */
  private renderPick(kind: Exclude<RequestKind, 'payDirect'>) {
    const payments = this.ledger.payments;
    if (!payments.length) return html`<p class="hint" part="pick" data-ledger="empty">${S.noPayments}</p>`;
    // The purchase the fields name as the ledger has it now (a repayment since moves NB_PAID on: choose it again to take the newest).
    const chosen = payments.findIndex((p) => Object.entries(requestFor(kind, this.ledger, p)).every(([name, value]) => !NAMING.has(name) || this.current[name] === value));
    const label = (p: LedgerPayment) => {
      const named = S.option(p.stamp, `${p.amount} ${p.currency}`, p.reference);
      if (kind !== 'repayment') return named;
      const left = remainingHundredths(this.ledger, p);
      return `${named} (${left > 0 ? S.left(`${formatAmount(left)} ${p.currency}`) : S.repaid})`;
    };
    return html`<div class="controls" part="pick">
      <div>
        <label for="payment">${S.pick}</label>
        <select id="payment" aria-describedby="payment-hint" @change=${(e: Event) => {
          const payment = payments[Number((e.target as HTMLSelectElement).value)];
          if (payment) this.values = { ...this.values, [kind]: { ...this.current, ...requestFor(kind, this.ledger, payment) } };
        }}>
          <option value="" ?selected=${chosen < 0}>${S.choose}</option>
          ${payments.map((p, i) => html`<option value=${i} ?selected=${i === chosen} ?disabled=${kind === 'repayment' && remainingHundredths(this.ledger, p) <= 0}>${label(p)}</option>`)}
        </select>
        <span id="payment-hint" class="hint">${S.pickHint(kind === 'repayment')}</span>
      </div>
    </div>`;
  }

  private renderScheme() {
    return html`<label for="scheme" class="hint">${S.scheme}</label>
      <select id="scheme" @change=${(e: Event) => (this.scheme = (e.target as HTMLSelectElement).value as CheckDigitScheme)}>
        ${(Object.keys(S.schemes) as CheckDigitScheme[]).map((s) => html`<option value=${s} ?selected=${this.scheme === s}>${S.schemes[s]}</option>`)}
      </select>`;
  }

  private renderOutput(signed: Record<string, string> | null, rows: ValidationRow[]) {
    if (!this.key) return html`<p class="field-error" part="output">${S.noKey}</p>`;
    if (!signed) return nothing;
    const form = toHtmlForm(signed, this.action, submitLabel(this.kind));
    const body = toUrlEncoded(signed, this.encoding);
    const json = toJson(signed);
    const macRow = rows.find((r) => r.name === 'NB_HMAC');
    return html`<section part="output" aria-labelledby="output-heading" data-mac=${signed.NB_HMAC ?? ''}>
      <h3 id="output-heading">${S.output}: NB_HMAC <span class="mono">${signed.NB_HMAC}</span>, NB_KVV <span class="mono">${signed.NB_KVV}</span></h3>
      ${macRow && macRow.level !== 'ok' ? html`<p class="field-error">${visibleText(t(macRow.message))}</p>` : nothing}
      ${this.renderBlock('form', S.htmlForm, form)} ${this.renderBlock('body', S.body, body)} ${this.renderBlock('json', S.json, json)}
      <div class="actions">
        <button type="button" data-action="send" ?disabled=${!this.actionUrl()} @click=${() => postForm(this.renderRoot, this.action, signed, this.encoding)}>${S.send}</button>
        <button type="button" class="secondary" data-action="check" @click=${() => emit(this, 'ebet-form-check', { kind: this.kind, html: form })}>${S.check}</button>
      </div>
    </section>`;
  }

  private renderBlock(id: string, label: string, value: string) {
    return html`<h4 id=${`${id}-label`}>${label} <ebet-copy-button .value=${value} .label=${label}></ebet-copy-button></h4>
      <pre aria-labelledby=${`${id}-label`} data-output=${id}>${value}</pre>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-form-builder': EbetFormBuilder;
  }
  interface HTMLElementEventMap {
    'ebet-form-check': CustomEvent<FormCheckDetail>;
  }
}
