import { LitElement, css, html, isServer, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { orderMismatches, RECEIPT_VERDICTS, receiptFields, testKeyProblems, verifyAnswer, type ReceiptState, type SentOrder } from '../../src/shop/receipt.ts';
import { orderStorageKey, outcomeOf, RECEIPT_CACHE, receiptCachePath, RETURN_PARAMS } from '../../src/shop/shop-return.ts';
import { EbetError, type Text } from '../../src/protocol/text.ts';
import { emit } from '../shared/events.ts';
import { localized, msg, str, t } from '../shared/locale.ts';
import { postJson } from '../shared/post-json.ts';
import { baseStyles } from '../shared/styles.ts';
import { visibleText } from '../shared/visible-value.ts';

export type { ReceiptState };

export interface ReceiptDetail {
  readonly state: ReceiptState;
  /** The receipt's fields as the bank sent them; `null` on cancel, reject or when none arrived. */
  readonly fields: Readonly<Record<string, string>> | null;
  /** Why it is not verified or does not match the order, in the page's language. */
  readonly problems: readonly string[];
}

const S = {
  title: {
    get loading() { return msg('Reading the receipt…'); },
    get verified() { return msg('Payment received'); },
    get invalid() { return msg('This receipt is not valid: do not deliver'); },
    get mismatch() { return msg('The payment does not match the order: do not deliver'); },
    get unverified() { return msg('Receipt received, not verified'); },
    get cancelled() { return msg('Payment cancelled'); },
    get rejected() { return msg('Payment rejected'); },
    get missing() { return msg('No receipt'); },
  } satisfies Record<ReceiptState, string>,
  verifiedTest: () => msg('Verified: the bank’s signature (NB_HMAC) matches under the published test key. Test mode: no money was moved.'),
  verifiedShop: () => msg('Verified by the shop’s server.'),
  notVerified: () => msg('This page cannot check the bank’s signature by itself (the shop’s key never enters a web page). Confirm the payment on your server (verify-url) or with a payment check before delivering.'),
  verifyFailed: (url: string, why: string) =>
    () => msg(str`The shop’s verify endpoint ${url} could not be asked (${why}).`),
  shopRefused: () => msg('The shop’s server says this receipt is not genuine.'),
  cancelled: (stamp: string) => () =>
    stamp
      ? msg(str`You cancelled the payment of order ${stamp}. Nothing was charged; you can try again whenever you like.`)
      : msg('You cancelled the payment. Nothing was charged; you can try again whenever you like.'),
  rejected: (stamp: string) => () =>
    stamp
      ? msg(str`The bank rejected the payment of order ${stamp}. Nothing was charged; try again or choose another way to pay.`)
      : msg('The bank rejected the payment. Nothing was charged; try again or choose another way to pay.'),
  gone: () => msg('The receipt is no longer on this device (receipts are kept for 24 hours). Check the payment with a payment check.'),
  none: () => msg('No receipt reached this page. If you paid, the shop’s receipt worker was not installed when the bank sent you back: the payment can still be confirmed with a payment check.'),
  unreadable: () => msg('The stored receipt could not be read.'),
  get order() { return msg('Payment id (NB_RETURN_STAMP)'); },
  get amount() { return msg('Amount'); },
  get reference() { return msg('Reference'); },
  get paid() { return msg('Bank confirmation (NB_PAID)'); },
  get technical() { return msg('Details for the shop’s customer service'); },
};

/** A message to show, made when it is shown so that it follows the page's language. */
type Shown = () => string;
const core = (message: Text): Shown => () => t(message);


/**
 * @summary The shop's return page: shows the bank's receipt, verified with the published test key
 * in test mode, through the shop's `verify-url` in production, or plainly marked "not verified" —
 * never silently trusted. On cancel and reject pages it shows the matching message from the query
 * string the checkout put in NB_CANCEL / NB_REJECT (else from its `outcome` attribute).
 *
 * The receipt comes from the `fields` property, else from the receipt worker (`?ebet-receipt=<id>`),
 * else from NB_… fields in the page's query string.
 *
 * @event ebet-receipt - `{ state, fields, problems }` once the page's outcome is known.
 * @csspart title - The outcome line. Hooks (once the outcome is known): `data-verdict-line`, `data-verdict` (`ok` verified, `warning` not verified, cancelled or no receipt, `error` invalid, not the order or rejected) and `data-codes` (space-separated: `receipt-invalid` with its fields' error codes, `order-different`, `not-verified`, `cancelled`, `rejected`, `no-receipt`; none when verified).
 * @csspart message - What it means and what to do.
 * @csspart problems - Why a receipt is not valid or not the order.
 * @csspart technical - The folded technical details (a `<details>` a buyer opens only when customer service asks).
 * @csspart details - The receipt's values.
 * @cssproperty --ebet-color-ok - Colour of a verified receipt.
 * @cssproperty --ebet-color-error - Colour of an invalid receipt or a rejected payment.
 * @cssproperty --ebet-color-warning - Colour of a receipt not verified, a cancel, or no receipt.
 * @tagname ebet-receipt
 */
@localized()
export class EbetReceipt extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      [part='title'] {
        font-size: 1.25em;
        margin: 0 0 0.3em;
      }
      [part='message'] {
        margin: 0 0 0.6em;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
        gap: 0.2em 1em;
        margin: 0.5em 0 0;
      }
      /* On a phone each value goes under its name. */
      @media (max-width: 30rem) {
        dl {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  /** `test` verifies with the published test key. */
  @property() mode = '';
  /** The shop's endpoint that verifies a receipt: POSTed its fields as JSON, answers `{"verified": true|false}`. */
  @property({ attribute: 'verify-url' }) verifyUrl = '';
  /** The page's outcome when its query names none: `cancel` on a cancel page, `reject` on a reject page. */
  @property() outcome: '' | 'cancel' | 'reject' = '';
  /** A receipt given directly, instead of the one the page was sent. */
  @property({ attribute: false }) fields: Record<string, string> | null = null;
  /** The outcome, for styling (`:host([data-state=verified])`) and tests. */
  @property({ reflect: true, attribute: 'data-state' }) state: ReceiptState = 'loading';

  @state() private receipt: Record<string, string> | null = null;
  @state() private message: Shown | null = null;
  @state() private problems: readonly Shown[] = [];
  /** The codes of the fields' errors of an invalid receipt (test mode). */
  @state() private fieldCodes: readonly string[] = [];
  private run = 0;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // The receipt is the page's address (and the worker's cache): read in the browser, never in a server-side render.
    if (isServer) return;
    if (changed.has('fields') || changed.has('mode') || changed.has('verifyUrl') || changed.has('outcome')) void this.load();
  }

  private async load(): Promise<void> {
    const run = ++this.run;
    const params = new URLSearchParams(location.search);
    let fields = this.fields;
    let state: ReceiptState = 'missing';
    let message: Shown | null = S.none;
    let problems: readonly Shown[] = [];
    let codes: readonly string[] = [];
    const id = params.get(RETURN_PARAMS.receipt);
    if (!fields && id) {
      try {
        fields = await this.stored(id);
        if (!fields) message = S.gone;
      } catch {
        message = S.unreadable;
      }
    }
    fields ??= id ? null : receiptFields(params);
    const outcome = outcomeOf(Object.fromEntries(params)) ?? (this.outcome ? { outcome: this.outcome, stamp: '' } : null);
    if (fields) {
      ({ state, message, problems, codes = [] } = await this.verify(fields));
    } else if (outcome) {
      state = outcome.outcome === 'cancel' ? 'cancelled' : 'rejected';
      message = outcome.outcome === 'cancel' ? S.cancelled(outcome.stamp) : S.rejected(outcome.stamp);
    }
    if (run !== this.run) return;
    this.receipt = fields;
    this.message = message;
    this.problems = problems;
    this.fieldCodes = codes;
    this.state = state;
    emit(this, 'ebet-receipt', { state, fields, problems: problems.map((p) => p()) });
  }

  /** A receipt the worker kept, by its id; `null` when it is no longer there. */
  private async stored(id: string): Promise<Record<string, string> | null> {
    if (!('caches' in window)) return null;
    const cache = await caches.open(RECEIPT_CACHE);
    const response = await cache.match(new URL(receiptCachePath(id), location.href).href);
    if (!response) return null;
    const record = (await response.json()) as { entries?: Array<[string, string]> };
    return receiptFields(Array.isArray(record.entries) ? record.entries.filter((e) => Array.isArray(e) && e.length === 2).map(([n, v]) => [String(n), String(v)] as const) : []);
  }

  private async verify(fields: Record<string, string>): Promise<{ state: ReceiptState; message: Shown | null; problems: readonly Shown[]; codes?: readonly string[] }> {
    if (this.mode.trim().toLowerCase() === 'test') {
      const errors = testKeyProblems(fields);
      if (errors.length > 0) return { state: 'invalid', message: null, problems: errors.map((row) => () => `${row.name}: ${t(row.message)}`), codes: errors.map((row) => row.code) };
      const mismatches = this.orderMismatches(fields);
      if (mismatches.length > 0) return { state: 'mismatch', message: S.verifiedTest, problems: mismatches.map(core) };
      return { state: 'verified', message: S.verifiedTest, problems: [] };
    }
    if (this.verifyUrl) {
      const url = new URL(this.verifyUrl, document.baseURI).href;
      let verified: boolean;
      try {
        verified = verifyAnswer(await postJson(url, fields));
      } catch (error) {
        const why = error instanceof EbetError ? core(error.text) : S.verifyFailed(url, error instanceof Error ? error.message : String(error));
        return { state: 'unverified', message: S.notVerified, problems: [why] };
      }
      if (!verified) return { state: 'invalid', message: null, problems: [S.shopRefused] };
      const mismatches = this.orderMismatches(fields);
      return mismatches.length > 0 ? { state: 'mismatch', message: S.verifiedShop, problems: mismatches.map(core) } : { state: 'verified', message: S.verifiedShop, problems: [] };
    }
    return { state: 'unverified', message: S.notVerified, problems: this.orderMismatches(fields).map(core) };
  }

  /** The receipt against the order the checkout noted in this tab, when there is one. */
  private orderMismatches(fields: Record<string, string>): Text[] {
    let order: SentOrder | null;
    try {
      const raw = sessionStorage.getItem(orderStorageKey(fields.NB_RETURN_STAMP ?? ''));
      order = raw ? (JSON.parse(raw) as SentOrder) : null;
    } catch {
      order = null;
    }
    return order ? orderMismatches(fields, order) : [];
  }

  override render() {
    const r = this.receipt;
    const verdict = RECEIPT_VERDICTS[this.state];
    return html`<div role="status">
      <h2
        part="title"
        class=${verdict.level ? `level-${verdict.level}` : ''}
        ?data-verdict-line=${verdict.level !== null}
        data-verdict=${verdict.level ?? nothing}
        data-codes=${verdict.level ? [...new Set([...verdict.codes, ...this.fieldCodes])].join(' ') : nothing}
      >${S.title[this.state]}</h2>
      ${this.message ? html`<p part="message">${this.message()}</p>` : nothing}
      ${this.problems.length > 0 ? html`<ul part="problems" class="level-error">${this.problems.map((p) => html`<li>${visibleText(p())}</li>`)}</ul>` : nothing}
      ${r
        ? html`<details part="technical"><summary>${S.technical}</summary><dl part="details">
            <dt>${S.order}</dt>
            <dd class="mono">${r.NB_RETURN_STAMP ?? ''}</dd>
            <dt>${S.amount}</dt>
            <dd class="mono amount">${r.NB_RETURN_DB_AMOUNT ?? ''}\u00a0${(r.NB_RETURN_DB_CUR ?? '').trim()}</dd>
            <dt>${S.reference}</dt>
            <dd class="mono">${r.NB_RETURN_DB_REF ?? ''}</dd>
            <dt>${S.paid}</dt>
            <dd class="mono">${r.NB_PAID ?? ''}</dd>
          </dl></details>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-receipt': EbetReceipt;
  }
  interface HTMLElementEventMap {
    'ebet-receipt': CustomEvent<ReceiptDetail>;
  }
}
