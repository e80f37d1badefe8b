import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { MESSAGES } from '../../src/protocol/fields.ts';
import { TEST_KEY } from '../../src/protocol/key.ts';
import type { CheckDigitScheme } from '../../src/protocol/reference.ts';
import { EMPTY_LEDGER, SIMULATOR_ENDPOINTS, type Ledger, type SimulatorEndpoint } from '../../src/bank/simulator.ts';
import { AUTO_OUTCOMES, type AutoOutcome } from '../ebet-bank-simulator/auto-outcome.ts';
import type { CheckDigitChangeDetail, EbetBankSimulator, PastedRequest, RequestChangeDetail } from '../ebet-bank-simulator/ebet-bank-simulator.ts';
import { loadRequest, onLedgerChange, readLedger, REQUEST_LIMITS, saveRequest } from '../ebet-bank-simulator/ledger-db.ts';
import { readRequestFragment } from '../shared/request-fragment.ts';
import { EbetCopyButton } from '../ebet-copy-button/ebet-copy-button.ts';
import { EbetKeyInput, type KeyChangeDetail } from '../ebet-key-input/ebet-key-input.ts';
import { bookmarkletUrl } from './bookmarklet.ts';
import type { FormCheckDetail } from '../ebet-form-builder/ebet-form-builder.ts';
import { loadWhenVisible, retryable } from '../shared/load-when-visible.ts';
import { localized, msg, str, t } from '../shared/locale.ts';
import { siteWorker, workersAvailable } from '../shared/register-site-worker.ts';
import { StoredValue } from '../shared/stored-value.ts';
import { baseStyles } from '../shared/styles.ts';

const S = {
  get title() { return msg('Test page mirror'); },
  get lead() { return msg('What the bank’s test page gave (handbook section 4), in your browser: post or paste a shop’s form, see every field checked, and simulate the bank’s answers signed with the published test key. Nothing is sent anywhere.'); },
  get addresses() { return msg('Point your shop’s form here'); },
  get addressesLead() { return msg('A shop’s form posts (method="post") to these addresses of this site; the simulator’s service worker receives the form in this browser and shows it below. Open this page once first so that the worker installs: without it a static host answers a POST with “405 Method Not Allowed”.'); },
  get copyAddress() { return msg('address'); },
  worker: {
    get off() { return msg('The simulator’s service worker is not used on this page.'); },
    get installing() { return msg('Installing the simulator’s service worker…'); },
    get ready() { return msg('The simulator is ready: forms posted to these addresses arrive here.'); },
    get unsupported() { return msg('This browser offers no service workers here (they need https or localhost, and are off in some private windows): paste forms instead.'); },
    get failed() { return msg('The simulator’s service worker could not be installed'); },
  } as Record<WorkerStatus, string>,
  get bookmarkletHeading() { return msg('Check a shop’s checkout from its own page'); },
  get bookmarklet() { return msg('Check this form'); },
  get bookmarkletHint() { return msg('Drag this link to your bookmarks bar. On a shop’s checkout page, click the bookmark: it takes the form with NB_ fields as the browser would send it and opens this page in a new tab with those fields, checked at once. Nothing is sent anywhere, and a form holds no key. Some sites’ security policy blocks bookmarks like this one: then copy the form’s fields (the browser’s developer tools, Elements) and paste them below.'); },
  get bookmarkletNoForm() { return msg('This page has no form with NB_ fields: open the page with the Pay button (the checkout), then click the bookmark again.'); },
  get missing() { return msg(str`This request is not stored in this browser: it was received by another browser, the simulator was cleared, or it was among the oldest (only the newest ${REQUEST_LIMITS.keep} requests, ${REQUEST_LIMITS.store / 1048576} MB at most, are kept).`); },
  get storeFailed() { return msg('The received request could not be read'); },
  get keyHint() { return msg('This key signs the forms you build, checks the MAC and KVV of the requests, and signs the simulated bank’s answers. The test page is meant for the published test key; a key you type here is used only in this page and never stored.'); },
  get autoLabel() { return msg('Answer every form that arrives automatically (for automated tests)'); },
  get autoOff() { return msg('off: choose the answer by hand'); },
  autoOutcomes: {
    get pay() { return msg('successful payment'); },
    get cancel() { return msg('cancelled payment'); },
    get reject() { return msg('rejected payment'); },
  } as Record<AutoOutcome, string>,
  get autoHint() { return msg('Off by default. Kept in this browser (localStorage: the outcome only, never a key). A test run switches it on by opening this page once as …/tools/test-page/?outcome=pay (or cancel, reject), and off with ?outcome=off. Payment checks and repayments are then answered at once too.'); },
  autoOn: (outcome: string) =>
    msg(str`Automatic answers are ON: every form posted to the simulator’s addresses is answered at once with “${outcome}”, without a click.`),
  badSetting: (name: string, value: string, allowed: readonly string[]) =>
    msg(str`?${name}=${value} is not understood: use ${allowed.join(', ')}; the setting kept in this browser is used`),
  get storeSetting() { return msg('The setting could not be kept in this browser (localStorage is off)'); },
};

/** A problem to show, made when shown so that it follows the page's language. */
type Problem = () => string;

const loadSimulator = retryable(() => import('../ebet-bank-simulator/define.ts'));

const OUTCOME_STORAGE = 'ebet-simulator-outcome';
const CHECK_DIGIT_STORAGE = 'ebet-simulator-check-digit';
const CHECK_DIGITS: readonly CheckDigitScheme[] = ['none', 'luhn', '731'];

/** Keeps a setting for automated tests in localStorage (`null` forgets it); `false` when storage is off. */
function keep(storageKey: string, value: string | null): boolean {
  try {
    if (value === null) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * A setting for automated tests: from the page's query parameter `name` (then kept in this
 * browser; `off` forgets it), else as kept. Only these settings are stored: never a key.
 */
function setting<T extends string>(name: string, storageKey: string, allowed: readonly T[], off: string): { value: T | null; problem: Problem | null } {
  const given = new URLSearchParams(window.location.search).get(name);
  let stored: string | null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    stored = null;
  }
  const known = (v: string | null): T | null => (allowed.find((a) => a === v) ?? null);
  if (given === null) return { value: known(stored), problem: null };
  if (given === off) return { value: null, problem: keep(storageKey, null) ? null : () => S.storeSetting };
  const value = known(given);
  if (!value) return { value: known(stored), problem: () => S.badSetting(name, given, [...allowed, off]) };
  return { value, problem: keep(storageKey, value) ? null : () => S.storeSetting };
}

/** What the page keeps in `history.state`: the pasted request shown (never a key), so that going back shows it again. */
interface PageState {
  readonly pasted?: PastedRequest | null;
}

type WorkerStatus = 'off' | 'installing' | 'ready' | 'unsupported' | 'failed';

/**
 * @summary The test page mirror: the simulator's addresses (served by its service worker), the request checked and answered by the simulated bank, its ledger, and the form builder. When a form arrives (posted by a shop, from the builder, the bookmarklet, or on going back), the focus and the scroll go to its verdict line, and to the answer once answered (without smooth scrolling when reduced motion is preferred).
 * @csspart addresses - The simulator's addresses and the worker's status.
 * @csspart key - The key used by the builder and the simulator (the published test key by default).
 * @csspart simulator - The simulator.
 * @csspart ledger - The ledger.
 * @csspart attempts - The attempt log.
 * @csspart auto-on - The notice shown while automatic answers are on.
 * @csspart builder - The form builder.
 * @csspart bookmarklet - The support bookmarklet (`a[data-bookmarklet]`) and how to use it.
 * @tagname ebet-test-page
 */
@localized()
export class EbetTestPage extends LitElement {
  /** @internal The elements it renders, registered with it (`../shared/define.ts`). */
  static readonly dependencies = { 'ebet-copy-button': EbetCopyButton, 'ebet-key-input': EbetKeyInput };

  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      section.panel { background: var(--ebet-color-surface, #fff); border: 1px solid var(--ebet-color-border, #d0d5db);
        border-radius: var(--ebet-radius, 6px); padding: 0.8em 1em; margin: 0 0 1em; }
      dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 0.3em 1em; align-items: center; }
      dd { margin: 0; min-width: 0; }
      @media (max-width: 40em) {
        dl { grid-template-columns: minmax(0, 1fr); }
        dd { margin-bottom: 0.5em; }
      }
      h2 { margin: 0.2em 0 0.5em; }
      a.bookmarklet { display: inline-block; padding: 0.3em 0.8em; border: 1px dashed var(--ebet-color-accent, #0b57d0); border-radius: var(--ebet-radius, 6px);
        color: var(--ebet-color-accent, #0b57d0); font-weight: 600; text-decoration: none; cursor: grab; }
      .automation { display: flex; flex-direction: column; gap: 0.2em; margin-top: 0.8em; }
      .automation select { align-self: start; }
      .auto-on { font-weight: 700; padding: 0.6em 0.8em; border-radius: var(--ebet-radius, 6px); border: 2px solid var(--ebet-color-warning, #8a5300);
        color: var(--ebet-color-warning, #8a5300); background: var(--ebet-color-surface, #fff); }
    `,
  ];

  /** Shows the state of the site's service worker (registered by `<ebet-shell>`), which receives the forms posted to the simulator's addresses. */
  @property({ type: Boolean }) worker = false;
  /** The worker's state, for test drivers. */
  @property({ reflect: true, attribute: 'data-worker' }) workerStatus: WorkerStatus = 'off';

  @state() private problem: Problem | null = null;
  @state() private key: string | null = TEST_KEY;
  private readonly outcomeSetting = setting('outcome', OUTCOME_STORAGE, AUTO_OUTCOMES, 'off');
  private readonly checkDigitSetting = setting('check-digit', CHECK_DIGIT_STORAGE, CHECK_DIGITS, 'none');
  /** The outcome chosen up front for automated tests (`off` unless chosen), for test drivers. */
  @property({ reflect: true, attribute: 'data-outcome' }) autoOutcome: AutoOutcome | 'off' = this.outcomeSetting.value ?? 'off';
  @state() private checkDigit: CheckDigitScheme = this.checkDigitSetting.value ?? 'none';
  @state() private settingProblem: Problem | null = this.outcomeSetting.problem ?? this.checkDigitSetting.problem;
  @query('ebet-bank-simulator') private simulator!: EbetBankSimulator;
  /** The simulator's ledger, for the builder's payment checks and repayments (its own element shows it and says when it cannot be read). */
  private readonly ledger = new StoredValue<Ledger>(this, { read: readLedger, watch: onLedgerChange }, EMPTY_LEDGER, () => undefined);
  override connectedCallback(): void {
    super.connectedCallback();
    void this.watchWorker();
    void this.loadReceived();
  }

  private async watchWorker(): Promise<void> {
    if (!this.worker) return;
    if (!workersAvailable()) {
      this.workerStatus = 'unsupported';
      return;
    }
    this.workerStatus = 'installing';
    try {
      await siteWorker();
      this.workerStatus = 'ready';
    } catch (error) {
      this.workerStatus = 'failed';
      this.problem = () => `${S.worker.failed}: ${String(error)}`;
    }
  }

  /**
   * Shows the request named by `?request=` (stored by the service worker), or the one carried in
   * the fragment (`request-fragment.ts`): a received one is kept as the worker would and named in
   * the address; fields (from the bookmarklet) are checked as pasted. The fragment is then dropped.
   * Else a pasted request kept in `history.state` (on going back to the page, or reloading it) is shown again.
   */
  private async loadReceived(): Promise<void> {
    const carried = readRequestFragment(window.location.hash, SIMULATOR_ENDPOINTS);
    if (carried) history.replaceState(history.state, '', window.location.pathname + window.location.search);
    if (carried && 'fields' in carried) {
      const simulator = await this.loadedSimulator();
      await simulator.check(carried.fields);
      await simulator.showArrival();
      return;
    }
    let id = new URLSearchParams(window.location.search).get('request');
    const pasted = (history.state as PageState | null)?.pasted;
    if (!carried && !id && pasted) {
      const simulator = await this.loadedSimulator();
      await simulator.restore(pasted);
      await simulator.showArrival();
      return;
    }
    if (!carried && !id) return;
    if (carried) {
      try {
        id = await saveRequest(carried.received);
        history.replaceState(history.state, '', `${window.location.pathname}?request=${encodeURIComponent(id)}`);
      } catch (error) {
        this.problem = () => `${S.storeFailed}: ${String(error)}`;
        return;
      }
    }
    if (!id) return;
    try {
      const stored = await loadRequest(id);
      if (stored) {
        const simulator = await this.loadedSimulator();
        await simulator.load(stored);
        await simulator.showArrival();
      } else this.problem = () => S.missing;
    } catch (error) {
      this.problem = () => `${S.storeFailed}: ${String(error)}`;
    }
  }

  private address(endpoint: SimulatorEndpoint): string {
    return new URL(`bank/${endpoint}`, window.location.href).href;
  }

  /** The simulator, once defined: it loads when it comes into view or when a request is to be shown. */
  private async loadedSimulator(): Promise<EbetBankSimulator> {
    await this.updateComplete;
    await loadSimulator();
    return this.simulator;
  }

  override firstUpdated(): void {
    // Below the fold: the simulator, the ledger, the attempt log and the form builder load as they come into view.
    const root = this.renderRoot;
    loadWhenVisible(this.simulator, loadSimulator);
    loadWhenVisible(root.querySelector('ebet-bank-ledger')!, () => import('../ebet-bank-ledger/define.ts'));
    loadWhenVisible(root.querySelector('ebet-attempt-log')!, () => import('../ebet-attempt-log/define.ts'));
    loadWhenVisible(root.querySelector('ebet-form-builder')!, () => import('../ebet-form-builder/define.ts'));
  }

  override render() {
    return html`<h1>${S.title}</h1>
      <p>${S.lead}</p>
      ${this.autoOutcome === 'off'
        ? nothing
        : html`<p class="auto-on" part="auto-on" role="status" data-auto-outcome=${this.autoOutcome}>${S.autoOn(S.autoOutcomes[this.autoOutcome])}</p>`}
      <section class="panel" part="addresses" aria-labelledby="addresses-heading">
        <h2 id="addresses-heading">${S.addresses}</h2>
        <p class="hint">${S.addressesLead}</p>
        <dl>
          ${(Object.keys(SIMULATOR_ENDPOINTS) as SimulatorEndpoint[]).map(
            (endpoint) => html`<dt>${t(MESSAGES[SIMULATOR_ENDPOINTS[endpoint]].title)}</dt>
              <dd data-endpoint=${endpoint}><code>${this.address(endpoint)}</code>
                <ebet-copy-button .value=${this.address(endpoint)} .label=${S.copyAddress}></ebet-copy-button></dd>`,
          )}
        </dl>
        <p aria-live="polite" class=${this.workerStatus === 'ready' ? 'level-ok' : this.workerStatus === 'failed' || this.workerStatus === 'unsupported' ? 'level-warning' : 'hint'}>
          ${this.workerStatus === 'failed' ? nothing : S.worker[this.workerStatus]}
        </p>
        ${this.problem ? html`<p class="field-error" role="alert">${this.problem()}</p>` : nothing}
        ${this.renderAutomation()}
      </section>
      <section class="panel" part="bookmarklet" aria-labelledby="bookmarklet-heading">
        <h2 id="bookmarklet-heading">${S.bookmarkletHeading}</h2>
        <p><a class="bookmarklet" data-bookmarklet href=${bookmarkletUrl(window.location.href.replace(/[?#].*$/, ''), S.bookmarkletNoForm)}
          @click=${(e: Event) => e.preventDefault()}>${S.bookmarklet}</a></p>
        <p class="hint">${S.bookmarkletHint}</p>
      </section>
      <section class="panel" part="key">
        <ebet-key-input
          test-key
          @ebet-key-change=${(e: CustomEvent<KeyChangeDetail>) => (this.key = typeof e.detail.keys === 'string' ? e.detail.keys : null)}
        ></ebet-key-input>
        <p id="key-hint" class="hint">${S.keyHint}</p>
      </section>
      <ebet-bank-simulator
        part="simulator"
        .key=${this.key}
        .autoOutcome=${this.autoOutcome === 'off' ? null : this.autoOutcome}
        check-digit=${this.checkDigit}
        @ebet-request-change=${(e: CustomEvent<RequestChangeDetail>) => {
          try {
            history.replaceState({ ...(history.state as PageState | null), pasted: e.detail.pasted } satisfies PageState, '');
          } catch {
            // A browser may refuse a write (Firefox after many in a row, or a state too large): Back then shows the page without it.
          }
        }}
        @ebet-check-digit-change=${(e: CustomEvent<CheckDigitChangeDetail>) => {
          this.checkDigit = e.detail.checkDigit;
          this.settingProblem = keep(CHECK_DIGIT_STORAGE, this.checkDigit === 'none' ? null : this.checkDigit) ? null : () => S.storeSetting;
        }}
      ></ebet-bank-simulator>
      <section class="panel" part="ledger"><ebet-bank-ledger></ebet-bank-ledger></section>
      <section class="panel" part="attempts"><ebet-attempt-log calculator="../calculator/"></ebet-attempt-log></section>
      <section class="panel" part="builder">
        <ebet-form-builder
          .key=${this.key}
          .ledger=${this.ledger.value}
          endpoint-base=${new URL('bank/', window.location.href).href}
          @ebet-form-check=${(e: CustomEvent<FormCheckDetail>) => {
            void this.loadedSimulator().then(async (simulator) => {
              await simulator.check(e.detail.html, e.detail.kind);
              await simulator.showArrival();
            });
          }}
        ></ebet-form-builder>
      </section>`;
  }

  private renderAutomation() {
    return html`<div class="automation">
      <label for="auto-outcome">${S.autoLabel}</label>
      <select id="auto-outcome" aria-describedby="auto-hint" @change=${(e: Event) => {
        const value = (e.target as HTMLSelectElement).value as AutoOutcome | 'off';
        this.autoOutcome = value;
        this.settingProblem = keep(OUTCOME_STORAGE, value === 'off' ? null : value) ? null : () => S.storeSetting;
      }}>
        <option value="off" ?selected=${this.autoOutcome === 'off'}>${S.autoOff}</option>
        ${AUTO_OUTCOMES.map((o) => html`<option value=${o} ?selected=${this.autoOutcome === o}>${S.autoOutcomes[o]}</option>`)}
      </select>
      <p id="auto-hint" class="hint">${S.autoHint}</p>
      ${this.settingProblem ? html`<p class="field-error" role="alert" data-setting-problem>${this.settingProblem()}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-test-page': EbetTestPage;
  }
}
