import { LitElement, css, html, nothing } from 'lit';
import { parseAmount } from '../../src/protocol/amount.ts';
import { acceptSignature, payDirectFields, payDirectReady, settingsReady, type CheckoutProblem, type CheckoutSettings } from '../../src/shop/checkout.ts';
import type * as Core from '../../src/shop/checkout-core.ts';
import { orderStorageKey, withOutcome } from '../../src/shop/shop-return.ts';
import { generateStamp } from '../../src/protocol/stamp.ts';
import { text, type Lang, type Text } from '../../src/protocol/text.ts';
import { emit } from '../shared/events.ts';
import { postJson } from '../shared/post-json.ts';
import { requestFragment } from '../shared/request-fragment.ts';

type CoreModule = typeof Core;

/** What a shop's own signer gives back for the fields it is handed. */
export type Signer = (fields: Readonly<Record<string, string>>) => Promise<{ NB_HMAC: string; NB_KVV: string }>;

export type { CheckoutProblem } from '../../src/shop/checkout.ts';

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
  core: (url: string) =>
    text(
      `The checkout could not load its protocol core from ${url}: ebet-checkout-core.js must sit beside ebet-checkout.js. Nothing was sent.`,
      `Kassan kunde inte läsa in sin protokollkärna från ${url}: ebet-checkout-core.js ska ligga bredvid ebet-checkout.js. Inget skickades.`,
    ),
  unexpected: (why: string) => text(`Unexpected error: ${why}. Nothing was sent.`, `Oväntat fel: ${why}. Inget skickades.`),
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

/** The simulated bank's pay address, on this toolkit (`simulatorUrl`) or one hosted elsewhere (`action`). */
const SIMULATOR_PAY = /\/tools\/test-page\/bank\/pay$/;

/**
 * Whether the simulated bank's worker (the toolkit's, at its root: `url` is `<root>/tools/test-page/bank/pay`)
 * answers `url` in this browser; not a shop's receipt worker whose scope holds the toolkit's folder.
 * It can only be asked on its own origin.
 */
async function simulatorInstalled(url: string): Promise<boolean> {
  try {
    const registration = await navigator.serviceWorker.getRegistration(url);
    return !!registration?.active && registration.scope === new URL('../../../', url).href;
  } catch {
    return false;
  }
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
  return { field, code: 'unexpected', message: S.unexpected(message(error)) };
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
 * @csspart problems - The list of what stops the payment. Its error state's first line carries the hooks `data-verdict-line`, `data-verdict="error"` and `data-codes` (the problems' codes, space-separated).
 * @csspart test-badge - The test-mode notice.
 * @cssproperty --ebet-checkout-background - The button's background (default `--ebet-color-accent`).
 * @cssproperty --ebet-checkout-color - The button's text colour.
 * @cssproperty --ebet-checkout-padding - The button's padding.
 * @cssproperty --ebet-checkout-font-size - The button's font size.
 * @cssproperty --ebet-checkout-radius - The button's corner radius.
 * @tagname ebet-checkout
 */
export class EbetCheckout extends LitElement {
  /** @internal Takes part in a surrounding `<form>` (its stamp under `name`, its validity). */
  static formAssociated = true;

  /**
   * Where the rest of the checkout's protocol core (`src/shop/checkout-core.ts`: the full validation with its
   * messages, signing with the test key) is loaded from, only when needed: in test mode, or when a
   * setting or a signer's answer does not surely pass. A correct production checkout never loads it.
   * `ebet-checkout-core.js` beside this script; kept out of this module so that it stays within 12 kB gzip.
   */
  static coreUrl = new URL('ebet-checkout-core.js', import.meta.url).href;
  /** The test-mode default action: the toolkit's bank simulator (this script lives in `<toolkit>/lib/`). */
  static simulatorUrl = new URL(/* @vite-ignore */ '../tools/test-page/bank/pay', import.meta.url).href;

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

  static override properties = {
    rcvId: { attribute: 'rcv-id' },
    amount: {},
    currency: {},
    reference: {},
    stamp: {},
    returnUrl: { attribute: 'return-url' },
    cancelUrl: { attribute: 'cancel-url' },
    rejectUrl: { attribute: 'reject-url' },
    action: {},
    mode: {},
    signUrl: { attribute: 'sign-url' },
    kvv: {},
    key: {},
    receiptWorker: { attribute: 'receipt-worker' },
    targetTop: { type: Boolean, attribute: 'target-top' },
    disabled: { type: Boolean, reflect: true },
    name: {},
    signer: { attribute: false },
    state: { reflect: true, attribute: 'data-state' },
    problems: { state: true, attribute: false },
    workerProblem: { state: true, attribute: false },
    formDisabled: { state: true, attribute: false },
    posting: { state: true, attribute: false },
  };

  /** NB_RCV_ID, the shop's id at the bank. */
  rcvId = '';
  /** `550,00`, `550.00` or `550`; sent as `550,00`. */
  amount = '';
  /** NB_DB_CUR: `SEK` or `EUR`. */
  currency = 'SEK';
  /** NB_DB_REF, the shop's order reference: digits, no leading zero. */
  reference = '';
  /** NB_STAMP; a unique one is generated when absent. */
  stamp = '';
  /** NB_RETURN, where the bank posts the receipt; a relative URL is made absolute. */
  returnUrl = '';
  /** NB_CANCEL; the checkout adds `ebet-outcome=cancel&ebet-stamp=<NB_STAMP>` (the shop's own query is kept). */
  cancelUrl = '';
  /** NB_REJECT; the checkout adds `ebet-outcome=reject&ebet-stamp=<NB_STAMP>` (the shop's own query is kept). */
  rejectUrl = '';
  /** The bank's payment address; in test mode the toolkit's simulator by default. */
  action = '';
  /** `test` signs in the page with the published test key. */
  mode = '';
  /** The shop's signing endpoint: POSTed the fields as JSON, answers `{NB_HMAC, NB_KVV}`. */
  signUrl = '';
  /** The KVV of the shop's key (not secret): a signer's NB_KVV must equal it. */
  kvv = '';
  /** Only the published test key is accepted here; any other key is refused and nothing is sent. */
  key = '';
  /** A receipt service worker to install (e.g. `ebet-receipt-sw.js`), so a static return page gets the receipt. */
  receiptWorker = '';
  /** Inside a frame that may navigate the whole window: post to `_top` instead of refusing. */
  targetTop = false;
  /** No payment can start (a disabled surrounding `<fieldset>` does the same). */
  disabled = false;
  /** The name under which the stamp is part of a surrounding `<form>`'s data. */
  name = '';
  /** An async function that signs the fields (instead of sign-url). */
  signer: Signer | null = null;

  /** `idle`, `working`, `submitted` or `error`, for styling (`:host([data-state=…])`) and tests. */
  state: 'idle' | 'working' | 'submitted' | 'error' = 'idle';

  private problems: CheckoutProblem[] = [];
  private workerProblem: Text | null = null;
  private formDisabled = false;
  /** The signed fields being posted, rendered as the hidden form. */
  private posting: CheckoutSubmitDetail | null = null;


  private readonly internals = this.attachInternals();
  private generatedStamp = '';
  private core: CoreModule | null = null;
  private checks = 0;
  /** The latest check of the settings, settled once its problems (if any) are set. */
  private checking: Promise<void> = Promise.resolve();
  private registration: Promise<ServiceWorkerRegistration | null> = Promise.resolve(null);
  private readonly onPageShow = (event: PageTransitionEvent) => {
    // Back from the bank through the back/forward cache: ready again, with the same stamp (the bank refuses a stamp twice).
    if (event.persisted && this.state === 'submitted') {
      this.state = 'idle';
      this.posting = null;
    }
  };
  // The language is the nearest `lang` attribute's; a page that switches its <html lang> is followed.
  // Made when connected: a server-side render (SSR) constructs the element without a DOM.
  private langObserver: MutationObserver | undefined;

  /** The payment's NB_STAMP: the attribute, else one generated for this element and kept. */
  get paymentStamp(): string {
    if (this.stamp.trim()) return this.stamp.trim();
    this.generatedStamp ||= generateStamp();
    return this.generatedStamp;
  }

  /** Signed with the published test key: `mode="test"`, or a key on the element (which may only be the test key). */
  private get testKeyed(): boolean {
    return this.mode.trim().toLowerCase() === 'test' || Boolean(this.key);
  }

  /** The page is inside a frame (the bank refuses to be framed). */
  private get framed(): boolean {
    return typeof window !== 'undefined' && window.top !== window.self; // no window in a server-side render
  }

  /** Signed in the page with the published test key: test mode, or a key given on the element (which must be the test key). */
  private get signsInPage(): boolean {
    return !this.signer && !this.signUrl;
  }

  private t(value: Text): string {
    const lang = (this.closest?.('[lang]') ?? this).getAttribute('lang')?.slice(0, 2).toLowerCase();
    return value[lang === 'sv' ? 'sv' : ('en' satisfies Lang)];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.onPageShow);
    (this.langObserver ??= new MutationObserver(() => this.requestUpdate())).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    // Test mode signs in the page with the rest of the core: load it now, so a click is quick and a missing file shows at once.
    if (this.testKeyed) this.coreModule().catch((problem: CheckoutProblem) => (this.problems = [problem]));
    if (this.receiptWorker && 'serviceWorker' in navigator) {
      const url = new URL(this.receiptWorker, document.baseURI).href;
      this.registration = navigator.serviceWorker.register(url).catch(async (error: unknown) => {
        const core = await this.coreModule().catch(() => null);
        this.workerProblem = core ? core.workerFailure(url, message(error)) : S.core(EbetCheckout.coreUrl);
        return null;
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.onPageShow);
    this.langObserver?.disconnect();
  }

  /** @internal Called by the browser when a surrounding `<fieldset>` is disabled or enabled. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const own = ['problems', 'posting', 'state', 'workerProblem', 'formDisabled'];
    if ([...changed.keys()].some((k) => !own.includes(String(k)))) void this.precheck();
  }

  protected override updated(): void {
    this.internals.setFormValue(this.name ? this.paymentStamp : null);
    const first = this.problems[0];
    if (first) this.internals.setValidity({ customError: true }, this.t(first.message), this.renderRoot.querySelector('button')!);
    else this.internals.setValidity({});
  }

  /**
   * Checks the settings whenever they change, so a wrong attribute shows at once: in the same update
   * when the rest of the core is loaded (or not needed), else as soon as it is (the latest check wins).
   */
  private precheck(): void {
    const check = ++this.checks;
    const show = (problems: CheckoutProblem[]) => {
      if (check === this.checks && this.state !== 'working' && this.state !== 'submitted') this.problems = problems;
    };
    const found = this.findProblems(this.core);
    if (found.problems) show(found.problems);
    else this.checking = this.coreModule().then((core) => show(this.findProblems(core).problems ?? []), (problem: CheckoutProblem) => show([problem]));
  }

  /**
   * `updateComplete` also waits for the check of the settings that needs the rest of the core: once
   * it resolves, every problem of the current settings is shown (and the element's validity set).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let check: Promise<void>;
    let done: boolean;
    do {
      check = this.checking;
      await check;
      done = await super.getUpdateComplete();
    } while (check !== this.checking);
    return done;
  }

  /** The rest of the core: loaded once, and only when needed. */
  private async coreModule(): Promise<CoreModule> {
    return (this.core ??= await loadCore(EbetCheckout.coreUrl).catch(() => {
      throw { field: 'core', code: 'core', message: S.core(EbetCheckout.coreUrl) } satisfies CheckoutProblem;
    }));
  }

  private absolute(url: string): string {
    if (!url.trim()) return '';
    try {
      return new URL(url.trim(), document.baseURI).href;
    } catch {
      return url;
    }
  }

  /**
   * The unsigned fields, and everything that stops them from being signed and sent. The rest of the
   * core says what is wrong only when the fields or settings do not surely pass, or a key is given:
   * without it, `problems` is then `null` (load it and ask again).
   */
  private findProblems(core: CoreModule | null): { fields: Record<string, string>; problems: CheckoutProblem[] | null } {
    const stamp = this.paymentStamp;
    const cancel = this.absolute(this.cancelUrl);
    const reject = this.absolute(this.rejectUrl);
    const fields = payDirectFields({
      rcvId: this.rcvId,
      amount: this.amount,
      currency: this.currency,
      reference: this.reference,
      stamp,
      returnUrl: this.absolute(this.returnUrl),
      cancelUrl: cancel && withOutcome(cancel, 'cancel', stamp),
      rejectUrl: reject && withOutcome(reject, 'reject', stamp),
    });
    const settings: CheckoutSettings = {
      test: this.testKeyed,
      signer: Boolean(this.signUrl || this.signer),
      action: Boolean(this.action),
      framed: this.framed,
      targetTop: this.targetTop,
    };
    if (!this.key && settingsReady(settings) && payDirectReady(fields)) return { fields, problems: [] };
    if (!core) return { fields, problems: null };
    const problems: CheckoutProblem[] = [];
    if (this.key) {
      try {
        core.refuseNonTestKey(this.key);
      } catch (error) {
        problems.push(toProblem(error));
      }
    }
    problems.push(...core.settingProblems(settings));
    // A value quoted in a problem is written with its direction controls as code points (U+202E 054321 never reads as 123450).
    for (const row of core.checkoutProblems(fields)) problems.push({ field: row.name, code: row.code, message: text(core.plainVisible(row.message.en), core.plainVisible(row.message.sv)) });
    return { fields, problems };
  }

  /** The answer of the shop's signer: its function, else its endpoint. */
  private async signature(fields: Record<string, string>): Promise<unknown> {
    if (this.signer) {
      try {
        return await this.signer(Object.freeze({ ...fields }));
      } catch (error) {
        throw (await this.coreModule()).signerFailure(message(error));
      }
    }
    const url = this.absolute(this.signUrl);
    try {
      return await postJson(url, fields);
    } catch (error) {
      throw (await this.coreModule()).signerFailure(message(error), url);
    }
  }

  /**
   * The fields with NB_HMAC and NB_KVV: from the test key, or from the shop's signer once its answer
   * is checked — in the page for a production signer whose answer surely passes, by the core otherwise.
   */
  private async sign(fields: Record<string, string>): Promise<Record<string, string>> {
    if (this.signsInPage) return (await this.coreModule()).signWithTestKey(fields);
    const answer = await this.signature(fields);
    const test = this.testKeyed;
    const accepted = test ? null : acceptSignature(fields, answer, this.kvv || undefined);
    if (accepted) return accepted;
    const core = await this.coreModule();
    try {
      return core.applySignature(fields, answer, { test, expectedKvv: this.kvv || undefined });
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
      const { fields, problems: found } = this.findProblems(this.core);
      const problems = found ?? this.findProblems(await this.coreModule()).problems ?? [];
      if (problems.length > 0) throw problems;
      const signed = await this.sign(fields);
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
    if (!emit(this, 'ebet-checkout-submit', detail, { cancelable: true })) {
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
    if (this.testKeyed && SIMULATOR_PAY.test(new URL(detail.action).pathname) && !(await simulatorInstalled(detail.action))) {
      // The simulated bank's worker is not installed here (or the toolkit is on another site, where it cannot be asked):
      // a POST would meet the static host's error page. The test page takes the request from its fragment
      // instead, as its worker would (and installs the worker).
      const received = { endpoint: 'pay', kind: 'payDirect', method: 'POST', contentType: 'application/x-www-form-urlencoded', charset: 'utf-8' } as const;
      const body = new URLSearchParams(detail.fields).toString();
      window.location.assign(`${new URL('../', detail.action).href}#${requestFragment({ ...received, receivedAt: new Date().toISOString(), text: body })}`);
      return;
    }
    this.renderRoot.querySelector('form')?.submit();
  }

  private fail(problems: CheckoutProblem[]): void {
    this.problems = problems;
    this.state = 'error';
    emit(this, 'ebet-checkout-error', { problems });
  }

  private label(field: string): string {
    const attribute = ATTRIBUTES[field];
    return attribute ? `${attribute} (${field})` : field;
  }

  override render() {
    const t = (value: Text) => this.t(value);
    const amount = parseAmount(this.amount)?.canonical;
    const busy = this.state === 'working' || this.state === 'submitted';
    const target = this.framed && this.targetTop ? '_top' : '_self';
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
      ${this.testKeyed ? html`<p part="test-badge">${t(S.test)}</p>` : nothing}
      <p part="status" id="status" role="status">
        ${this.state === 'working' ? t(S.working) : this.state === 'submitted' ? t(S.submitted) : ''}
      </p>
      <div part="problems" id="problems" role="alert">
        ${this.problems.length > 0 || this.workerProblem
          ? html`${this.problems.length > 0
                ? html`<p data-verdict-line data-verdict="error" data-codes=${[...new Set(this.problems.map((p) => p.code))].join(' ')}>${t(S.problems)}</p>`
                : nothing}
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
  interface HTMLElementEventMap {
    'ebet-checkout-submit': CustomEvent<CheckoutSubmitDetail>;
    'ebet-checkout-error': CustomEvent<CheckoutErrorDetail>;
  }
}
