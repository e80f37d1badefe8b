import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type * as Core from '../../src/checkout.ts';
import { parseAmount } from '../../src/amount.ts';
import { orderStorageKey, withOutcome } from '../../src/shop-return.ts';
import { generateStamp } from '../../src/stamp.ts';
import { text, type Text } from '../../src/text.ts';
import { emit } from '../shared/events.ts';
import { LocaleController } from '../shared/locale.ts';
import { postJson } from '../shared/post-json.ts';

type CoreModule = typeof Core;

/** What a shop's own signer gives back for the fields it is handed. */
export type Signer = (fields: Readonly<Record<string, string>>) => Promise<{ NB_HMAC: string; NB_KVV: string }>;

/** One thing that stops the payment, at the field (or attribute) concerned. */
export interface CheckoutProblem {
  /** The protocol field (`NB_DB_AMOUNT`) or setting (`key`, `sign-url`, `action`, `frame`…). */
  readonly field: string;
  readonly code: string;
  readonly message: Text;
}

export interface CheckoutSubmitDetail {
  /** Every field posted to the bank, signed, in order. */
  readonly fields: Readonly<Record<string, string>>;
  /** Where they are posted. */
  readonly action: string;
}

export interface CheckoutErrorDetail {
  readonly problems: readonly CheckoutProblem[];
}

const S = {
  pay: (amount: string, currency: string) => text(`Pay ${amount} ${currency}`, `Betala ${amount} ${currency}`),
  payPlain: text('Pay', 'Betala'),
  working: text('Preparing the payment…', 'Förbereder betalningen…'),
  submitted: text('Taking you to the bank…', 'Du skickas till banken…'),
  test: text('Test mode: signed with the published test key, no money is moved', 'Testläge: signeras med den publicerade testnyckeln, inga pengar flyttas'),
  problems: text('The payment cannot start:', 'Betalningen kan inte starta:'),
  frame: text(
    'The bank does not allow payments inside a frame. Open this page in its own window. Nothing was sent.',
    'Banken tillåter inte betalningar i en ram. Öppna sidan i ett eget fönster. Inget skickades.',
  ),
  noSigner: text(
    'Nothing signs this payment: set mode="test" for the test page, or sign-url (your server) or the signer property for real payments. Nothing was sent.',
    'Inget signerar betalningen: sätt mode="test" för testsidan, eller sign-url (er server) eller egenskapen signer för riktiga betalningar. Inget skickades.',
  ),
  noAction: text(
    'action is missing: set it to the bank’s payment address. Nothing was sent.',
    'action saknas: sätt den till bankens betalningsadress. Inget skickades.',
  ),
  core: (url: string) =>
    text(
      `The checkout could not load its protocol core from ${url}: ebet-checkout-core.js must sit beside ebet-checkout.js. Nothing was sent.`,
      `Kassan kunde inte läsa in sin protokollkärna från ${url}: ebet-checkout-core.js ska ligga bredvid ebet-checkout.js. Inget skickades.`,
    ),
  signUrl: (url: string, why: string) =>
    text(`The signing endpoint ${url} failed (${why}). Nothing was sent.`, `Signeringstjänsten ${url} misslyckades (${why}). Inget skickades.`),
  signerFailed: (why: string) => text(`The signer failed: ${why}. Nothing was sent.`, `Signeraren misslyckades: ${why}. Inget skickades.`),
  worker: (url: string, why: string) =>
    text(
      `The receipt worker ${url} could not be installed (${why}): the return page will not receive the bank’s receipt.`,
      `Kvittoarbetaren ${url} kunde inte installeras (${why}): retursidan kommer inte att få bankens kvitto.`,
    ),
};

/** Which attribute sets which field, so that a message names what the shop wrote. */
const ATTRIBUTES: Readonly<Record<string, string>> = {
  NB_RCV_ID: 'rcv-id',
  NB_STAMP: 'stamp',
  NB_DB_AMOUNT: 'amount',
  NB_DB_CUR: 'currency',
  NB_DB_REF: 'reference',
  NB_RETURN: 'return-url',
  NB_CANCEL: 'cancel-url',
  NB_REJECT: 'reject-url',
};

/** The protocol core, loaded once per address. */
const cores = new Map<string, Promise<CoreModule>>();
function loadCore(url: string): Promise<CoreModule> {
  let core = cores.get(url);
  if (!core) {
    core = import(/* @vite-ignore */ url) as Promise<CoreModule>;
    cores.set(url, core);
    core.catch(() => cores.delete(url));
  }
  return core;
}

/** Resolves once the worker of a registration is active, or after `ms` at the latest. */
function activated(registration: ServiceWorkerRegistration, ms: number): Promise<void> {
  const worker = registration.installing ?? registration.waiting;
  if (registration.active || !worker) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated' || worker.state === 'redundant') {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A problem out of anything thrown: a problem itself, an `EbetError` of the core (recognised by its
 * shape: the core is another module, with its own copy of the class), or anything else.
 */
function toProblem(error: unknown): CheckoutProblem {
  const e = (error ?? {}) as { field?: unknown; code?: unknown; message?: unknown; text?: unknown };
  const field = typeof e.field === 'string' ? e.field : 'signer';
  if (typeof e.code === 'string' && e.text && typeof e.text === 'object') return { field, code: e.code, message: e.text as Text };
  if (typeof e.code === 'string' && e.message && typeof e.message === 'object') return { field, code: e.code, message: e.message as Text };
  return { field, code: 'unexpected', message: S.signerFailed(message(error)) };
}

/**
 * @summary A pay button for a static shop: validates the payment with the protocol core, signs
 * it (test key in test mode, the shop's server otherwise), and posts it to the bank as a
 * top-level form. A real secret key is never accepted in the page.
 *
 * @event ebet-checkout-submit - Cancelable; `{ fields, action }` just before the form is posted.
 * @event ebet-checkout-error - `{ problems: [{ field, code, message: { en, sv } }] }` when the payment cannot start.
 * @slot - The button's content (default: "Pay 550,00 SEK").
 * @csspart button - The pay button.
 * @csspart status - The progress line (an `aria-live` region).
 * @csspart problems - The list of what stops the payment.
 * @csspart test-badge - The test-mode notice.
 * @cssproperty --ebet-checkout-background - The button's background (default `--ebet-color-accent`).
 * @cssproperty --ebet-checkout-color - The button's text colour.
 * @cssproperty --ebet-checkout-padding - The button's padding.
 * @cssproperty --ebet-checkout-font-size - The button's font size.
 * @cssproperty --ebet-checkout-radius - The button's corner radius.
 */
@customElement('ebet-checkout')
export class EbetCheckout extends LitElement {
  /** @internal Takes part in a surrounding `<form>` (its stamp under `name`, its validity). */
  static formAssociated = true;

  /**
   * Where the checkout's part of the protocol core (validation, field table, signing: `src/checkout.ts`)
   * is loaded from when the element connects: `ebet-checkout-core.js` beside this script. Kept out of
   * this module so that the element stays within 12 kB gzip.
   */
  static coreUrl = new URL('ebet-checkout-core.js', import.meta.url).href;
  /** The test-mode default action: the toolkit's bank simulator (this script lives in `<toolkit>/lib/`). */
  static simulatorUrl = new URL('../tools/test-page/bank/pay', import.meta.url).href;

  // Its own small style sheet rather than the toolkit's base styles: this element lives on shops' pages and
  // in a bundle of at most 12 kB. The same custom properties theme it.
  static override styles = css`
    :host {
      display: inline-block;
      font-family: var(--ebet-font, inherit);
      color: var(--ebet-color-text, inherit);
    }
    button {
      font: inherit;
      font-size: var(--ebet-checkout-font-size, 1.05em);
      cursor: pointer;
      padding: var(--ebet-checkout-padding, 0.6em 1.4em);
      border: 1px solid var(--ebet-checkout-background, var(--ebet-color-accent, #0b57d0));
      border-radius: var(--ebet-checkout-radius, var(--ebet-radius, 6px));
      background: var(--ebet-checkout-background, var(--ebet-color-accent, #0b57d0));
      color: var(--ebet-checkout-color, var(--ebet-color-on-accent, #fff));
    }
    button:disabled,
    button[aria-disabled='true'] {
      opacity: 0.6;
      cursor: not-allowed;
    }
    button:focus-visible {
      outline: 3px solid var(--ebet-color-focus, #f29900);
      outline-offset: 2px;
    }
    p {
      margin: 0.35em 0 0;
    }
    [part='status'],
    [part='test-badge'] {
      color: var(--ebet-color-muted, #4d5660);
      font-size: 0.9em;
    }
    [part='problems'] {
      color: var(--ebet-color-error, #b3261e);
    }
    ul {
      margin: 0.2em 0 0;
      padding-left: 1.2em;
    }
  `;

  /** NB_RCV_ID, the shop's id at the bank. */
  @property({ attribute: 'rcv-id' }) rcvId = '';
  /** `550,00`, `550.00` or `550`; sent as `550,00`. */
  @property() amount = '';
  /** NB_DB_CUR: `SEK` or `EUR`. */
  @property() currency = 'SEK';
  /** NB_DB_REF, the shop's order reference: digits, no leading zero. */
  @property() reference = '';
  /** NB_STAMP; a unique one is generated when absent. */
  @property() stamp = '';
  /** NB_RETURN, where the bank posts the receipt; a relative URL is made absolute. */
  @property({ attribute: 'return-url' }) returnUrl = '';
  /** NB_CANCEL; the checkout adds `ebet-outcome=cancel&ebet-stamp=<NB_STAMP>` (the shop's own query is kept). */
  @property({ attribute: 'cancel-url' }) cancelUrl = '';
  /** NB_REJECT; the checkout adds `ebet-outcome=reject&ebet-stamp=<NB_STAMP>` (the shop's own query is kept). */
  @property({ attribute: 'reject-url' }) rejectUrl = '';
  /** The bank's payment address; in test mode the toolkit's simulator by default. */
  @property() action = '';
  /** `test` signs in the page with the published test key. */
  @property() mode = '';
  /** The shop's signing endpoint: POSTed the fields as JSON, answers `{NB_HMAC, NB_KVV}`. */
  @property({ attribute: 'sign-url' }) signUrl = '';
  /** The KVV of the shop's key (not secret): a signer's NB_KVV must equal it. */
  @property() kvv = '';
  /** Only the published test key is accepted here; any other key is refused and nothing is sent. */
  @property() key = '';
  /** A receipt service worker to install (e.g. `ebet-receipt-sw.js`), so a static return page gets the receipt. */
  @property({ attribute: 'receipt-worker' }) receiptWorker = '';
  /** Inside a frame that may navigate the whole window: post to `_top` instead of refusing. */
  @property({ type: Boolean, attribute: 'target-top' }) targetTop = false;
  /** No payment can start (a disabled surrounding `<fieldset>` does the same). */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** The name under which the stamp is part of a surrounding `<form>`'s data. */
  @property() name = '';
  /** An async function that signs the fields (instead of sign-url). */
  @property({ attribute: false }) signer: Signer | null = null;

  /** `idle`, `working`, `submitted` or `error`, for styling (`:host([data-state=…])`) and tests. */
  @property({ reflect: true, attribute: 'data-state' }) state: 'idle' | 'working' | 'submitted' | 'error' = 'idle';

  @state() private problems: CheckoutProblem[] = [];
  @state() private workerProblem: Text | null = null;
  @state() private formDisabled = false;
  /** The signed fields being posted, rendered as the hidden form. */
  @state() private posting: CheckoutSubmitDetail | null = null;

  @query('form') private form!: HTMLFormElement | null;
  @query('button') private button!: HTMLButtonElement;

  private readonly locale = new LocaleController(this);
  private readonly internals = this.attachInternals();
  private generatedStamp = '';
  private core: CoreModule | null = null;
  private registration: Promise<ServiceWorkerRegistration | null> = Promise.resolve(null);
  private readonly onPageShow = (event: PageTransitionEvent) => {
    // Back from the bank through the back/forward cache: ready again, with the same stamp (the bank refuses a stamp twice).
    if (event.persisted && this.state === 'submitted') {
      this.state = 'idle';
      this.posting = null;
    }
  };

  /** The payment's NB_STAMP: the attribute, else one generated for this element and kept. */
  get paymentStamp(): string {
    if (this.stamp.trim()) return this.stamp.trim();
    this.generatedStamp ||= generateStamp();
    return this.generatedStamp;
  }

  private get testMode(): boolean {
    return this.mode.trim().toLowerCase() === 'test';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.onPageShow);
    loadCore(EbetCheckout.coreUrl).then(
      (core) => {
        this.core = core;
        this.precheck();
      },
      () => (this.problems = [{ field: 'core', code: 'core', message: S.core(EbetCheckout.coreUrl) }]),
    );
    if (this.receiptWorker && 'serviceWorker' in navigator) {
      const url = new URL(this.receiptWorker, document.baseURI).href;
      this.registration = navigator.serviceWorker.register(url).catch((error: unknown) => {
        this.workerProblem = S.worker(url, message(error));
        return null;
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.onPageShow);
  }

  /** @internal Called by the browser when a surrounding `<fieldset>` is disabled or enabled. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const own = ['problems', 'posting', 'state', 'workerProblem', 'formDisabled'];
    if ([...changed.keys()].some((k) => !own.includes(String(k)))) this.precheck();
  }

  protected override updated(): void {
    this.internals.setFormValue(this.name ? this.paymentStamp : null);
    const first = this.problems[0];
    if (first) this.internals.setValidity({ customError: true }, this.locale.t(first.message), this.button);
    else this.internals.setValidity({});
  }

  /** Checks the settings as soon as the core is there, so a wrong attribute shows at once. */
  private precheck(): void {
    if (!this.core || this.state === 'working' || this.state === 'submitted') return;
    this.problems = this.findProblems(this.core).problems;
  }

  private absolute(url: string): string {
    if (!url.trim()) return '';
    try {
      return new URL(url.trim(), document.baseURI).href;
    } catch {
      return url;
    }
  }

  /** The unsigned fields, and everything that stops them from being signed and sent. */
  private findProblems(core: CoreModule): { fields: Record<string, string>; problems: CheckoutProblem[] } {
    const stamp = this.paymentStamp;
    const cancel = this.absolute(this.cancelUrl);
    const reject = this.absolute(this.rejectUrl);
    const fields = core.payDirectFields({
      rcvId: this.rcvId,
      amount: this.amount,
      currency: this.currency,
      reference: this.reference,
      stamp,
      returnUrl: this.absolute(this.returnUrl),
      cancelUrl: cancel && withOutcome(cancel, 'cancel', stamp),
      rejectUrl: reject && withOutcome(reject, 'reject', stamp),
    });
    const problems: CheckoutProblem[] = [];
    if (this.key) {
      try {
        core.refuseNonTestKey(this.key);
      } catch (error) {
        problems.push(toProblem(error));
      }
    }
    if (!this.testMode && !this.key && !this.signUrl && !this.signer) problems.push({ field: 'sign-url', code: 'no-signer', message: S.noSigner });
    if (!this.testMode && !this.key && !this.action) problems.push({ field: 'action', code: 'no-action', message: S.noAction });
    if (window.top !== window.self && !this.targetTop) problems.push({ field: 'frame', code: 'frame', message: S.frame });
    for (const row of core.checkoutProblems(fields)) problems.push({ field: row.name, code: row.code, message: row.message });
    return { fields, problems };
  }

  /** The answer of the shop's signer: its function, else its endpoint. */
  private async signature(fields: Record<string, string>): Promise<unknown> {
    if (this.signer) {
      try {
        return await this.signer(Object.freeze({ ...fields }));
      } catch (error) {
        throw { field: 'signer', code: 'signer', message: S.signerFailed(message(error)) } satisfies CheckoutProblem;
      }
    }
    const url = this.absolute(this.signUrl);
    try {
      return await postJson(url, fields);
    } catch (error) {
      throw { field: 'sign-url', code: 'sign-url', message: S.signUrl(url, message(error)) } satisfies CheckoutProblem;
    }
  }

  /** The fields with NB_HMAC and NB_KVV: from the test key, or from the shop's signer once its answer is checked. */
  private async sign(core: CoreModule, fields: Record<string, string>): Promise<Record<string, string>> {
    if (!this.signer && !this.signUrl) return core.signWithTestKey(fields);
    const answer = await this.signature(fields);
    try {
      return core.applySignature(fields, answer, { test: this.testMode || Boolean(this.key), expectedKvv: this.kvv || undefined });
    } catch (error) {
      throw toProblem(error);
    }
  }

  /** Starts the payment: validate, sign, announce, post. Does nothing while one is under way. */
  async pay(): Promise<void> {
    if (this.state === 'working' || this.state === 'submitted' || this.disabled || this.formDisabled) return;
    this.state = 'working';
    let detail: CheckoutSubmitDetail;
    try {
      const core = await loadCore(EbetCheckout.coreUrl).catch(() => {
        throw { field: 'core', code: 'core', message: S.core(EbetCheckout.coreUrl) } satisfies CheckoutProblem;
      });
      this.core = core;
      const { fields, problems } = this.findProblems(core);
      if (problems.length > 0) throw problems;
      const signed = await this.sign(core, fields);
      const action = this.action ? this.absolute(this.action) : EbetCheckout.simulatorUrl;
      detail = Object.freeze({ fields: Object.freeze(signed), action });
    } catch (error) {
      this.fail(Array.isArray(error) ? error : [toProblem(error)]);
      return;
    }
    await this.registration.then((r) => r && activated(r, 3000));
    this.problems = [];
    this.posting = detail;
    await this.updateComplete;
    if (!emit<CheckoutSubmitDetail>(this, 'ebet-checkout-submit', detail, { cancelable: true })) {
      this.posting = null;
      this.state = 'idle';
      return;
    }
    try {
      sessionStorage.setItem(
        orderStorageKey(detail.fields.NB_STAMP ?? ''),
        JSON.stringify({
          NB_STAMP: detail.fields.NB_STAMP,
          NB_DB_AMOUNT: detail.fields.NB_DB_AMOUNT,
          NB_DB_CUR: detail.fields.NB_DB_CUR,
          NB_DB_REF: detail.fields.NB_DB_REF,
        }),
      );
    } catch {
      // without session storage the return page cannot compare the receipt with the order; the payment goes on
    }
    this.state = 'submitted';
    this.form?.submit();
  }

  private fail(problems: CheckoutProblem[]): void {
    this.problems = problems;
    this.state = 'error';
    emit<CheckoutErrorDetail>(this, 'ebet-checkout-error', { problems });
  }

  private label(field: string): string {
    const attribute = ATTRIBUTES[field];
    return attribute ? `${attribute} (${field})` : field;
  }

  override render() {
    const { t } = this.locale;
    const amount = parseAmount(this.amount)?.canonical;
    const busy = this.state === 'working' || this.state === 'submitted';
    const target = window.top !== window.self && this.targetTop ? '_top' : '_self';
    return html`<button
        part="button"
        type="button"
        aria-describedby="status problems"
        aria-disabled=${busy ? 'true' : 'false'}
        ?disabled=${this.disabled || this.formDisabled}
        @click=${this.pay}
      >
        <slot>${amount ? t(S.pay(amount, this.currency.toUpperCase())) : t(S.payPlain)}</slot>
      </button>
      ${this.testMode || this.key ? html`<p part="test-badge">${t(S.test)}</p>` : nothing}
      <p part="status" id="status" role="status">
        ${this.state === 'working' ? t(S.working) : this.state === 'submitted' ? t(S.submitted) : ''}
      </p>
      <div part="problems" id="problems" role="alert">
        ${this.problems.length > 0 || this.workerProblem
          ? html`${this.problems.length > 0 ? html`<p>${t(S.problems)}</p>` : nothing}
              <ul>
                ${this.problems.map((p) => html`<li data-field=${p.field} data-code=${p.code}><code>${this.label(p.field)}</code>: ${t(p.message)}</li>`)}
                ${this.workerProblem ? html`<li data-field="receipt-worker">${t(this.workerProblem)}</li>` : nothing}
              </ul>`
          : nothing}
      </div>
      ${this.posting
        ? html`<form method="post" action=${this.posting.action} target=${target} accept-charset="UTF-8" hidden>
            ${Object.entries(this.posting.fields).map(([name, value]) => html`<input type="hidden" name=${name} .value=${value} />`)}
          </form>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-checkout': EbetCheckout;
  }
}
