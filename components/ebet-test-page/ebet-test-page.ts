import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { MESSAGES } from '../../src/fields.ts';
import { TEST_KEY } from '../../src/key.ts';
import { SIMULATOR_ENDPOINTS, type SimulatorEndpoint } from '../../src/simulator.ts';
import { text, type Text } from '../../src/text.ts';
import '../ebet-bank-ledger/ebet-bank-ledger.ts';
import '../ebet-bank-simulator/ebet-bank-simulator.ts';
import type { EbetBankSimulator } from '../ebet-bank-simulator/ebet-bank-simulator.ts';
import { loadRequest } from '../ebet-bank-simulator/ledger-db.ts';
import '../ebet-copy-button/ebet-copy-button.ts';
import '../ebet-form-builder/ebet-form-builder.ts';
import '../ebet-key-input/ebet-key-input.ts';
import type { KeyChangeDetail } from '../ebet-key-input/ebet-key-input.ts';
import type { FormCheckDetail } from '../ebet-form-builder/ebet-form-builder.ts';
import { LocaleController } from '../shared/locale.ts';
import { siteWorker, workersAvailable } from '../shared/register-site-worker.ts';
import { baseStyles } from '../shared/styles.ts';

const S = {
  title: text('Test page mirror', 'Testsidans spegel'),
  lead: text(
    'What the bank’s test page gave (handbook section 4), in your browser: post or paste a shop’s form, see every field checked, and simulate the bank’s answers signed with the published test key. Nothing is sent anywhere.',
    'Det som bankens testsida gav (handboken avsnitt 4), i din webbläsare: posta eller klistra in en butiks formulär, se varje fält kontrolleras och simulera bankens svar signerade med den publicerade testnyckeln. Inget skickas någonstans.',
  ),
  addresses: text('Point your shop’s form here', 'Låt butikens formulär posta hit'),
  addressesLead: text(
    'A shop’s form posts (method="post") to these addresses of this site; the simulator’s service worker receives the form in this browser and shows it below. Open this page once first so that the worker installs: without it a static host answers a POST with “405 Method Not Allowed”.',
    'Butikens formulär postar (method="post") till dessa adresser på den här webbplatsen; simulatorns service worker tar emot formuläret i den här webbläsaren och visar det nedan. Öppna den här sidan en gång först så att workern installeras: utan den svarar en statisk webbplats på en POST med ”405 Method Not Allowed”.',
  ),
  copyAddress: text('address', 'adress'),
  worker: {
    off: text('The simulator’s service worker is not used on this page.', 'Simulatorns service worker används inte på den här sidan.'),
    installing: text('Installing the simulator’s service worker…', 'Installerar simulatorns service worker…'),
    ready: text('The simulator is ready: forms posted to these addresses arrive here.', 'Simulatorn är klar: formulär som postas till dessa adresser kommer hit.'),
    unsupported: text(
      'This browser offers no service workers here (they need https or localhost, and are off in some private windows): paste forms instead.',
      'Den här webbläsaren erbjuder inga service workers här (de kräver https eller localhost och är avstängda i vissa privata fönster): klistra in formulär i stället.',
    ),
    failed: text('The simulator’s service worker could not be installed', 'Simulatorns service worker kunde inte installeras'),
  } as Record<WorkerStatus, Text>,
  missing: text(
    'This request is not stored in this browser (it was received by another browser, or the simulator was cleared).',
    'Förfrågan finns inte sparad i den här webbläsaren (den togs emot av en annan webbläsare, eller så tömdes simulatorn).',
  ),
  storeFailed: text('The received request could not be read', 'Den mottagna förfrågan kunde inte läsas'),
  keyHint: text(
    'This key signs the forms you build, checks the MAC and KVV of the requests, and signs the simulated bank’s answers. The test page is meant for the published test key; a key you type here is used only in this page and never stored.',
    'Nyckeln signerar formulären du bygger, kontrollerar förfrågornas MAC och KVV och signerar den simulerade bankens svar. Testsidan är till för den publicerade testnyckeln; en nyckel du skriver här används bara på den här sidan och sparas aldrig.',
  ),
};

type WorkerStatus = 'off' | 'installing' | 'ready' | 'unsupported' | 'failed';

/**
 * @summary The test page mirror: the simulator's addresses (served by its service worker), the request checked and answered by the simulated bank, its ledger, and the form builder.
 * @csspart addresses - The simulator's addresses and the worker's status.
 * @csspart key - The key used by the builder and the simulator (the published test key by default).
 * @csspart simulator - The simulator.
 * @csspart ledger - The ledger.
 * @csspart builder - The form builder.
 */
@customElement('ebet-test-page')
export class EbetTestPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      section.panel { background: var(--ebet-color-surface, #fff); border: 1px solid var(--ebet-color-border, #d0d5db);
        border-radius: var(--ebet-radius, 6px); padding: 0.8em 1em; margin: 0 0 1em; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1em; align-items: center; }
      dd { margin: 0; }
      h2 { margin: 0.2em 0 0.5em; }
    `,
  ];

  /** Shows the state of the site's service worker (registered by `<ebet-shell>`), which receives the forms posted to the simulator's addresses. */
  @property({ type: Boolean }) worker = false;
  /** The worker's state, for test drivers. */
  @property({ reflect: true, attribute: 'data-worker' }) workerStatus: WorkerStatus = 'off';

  @state() private problem: Text | null = null;
  @state() private key: string | null = TEST_KEY;
  @query('ebet-bank-simulator') private simulator!: EbetBankSimulator;
  private readonly locale = new LocaleController(this);

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
      this.problem = text(`${S.worker.failed.en}: ${String(error)}`, `${S.worker.failed.sv}: ${String(error)}`);
    }
  }

  /** Shows the request named by `?request=` (stored by the service worker). */
  private async loadReceived(): Promise<void> {
    const id = new URLSearchParams(window.location.search).get('request');
    if (!id) return;
    try {
      const stored = await loadRequest(id);
      await this.updateComplete;
      if (stored) this.simulator.load(stored);
      else this.problem = S.missing;
    } catch (error) {
      this.problem = text(`${S.storeFailed.en}: ${String(error)}`, `${S.storeFailed.sv}: ${String(error)}`);
    }
  }

  private address(endpoint: SimulatorEndpoint): string {
    return new URL(`bank/${endpoint}`, window.location.href).href;
  }

  override render() {
    const { t } = this.locale;
    return html`<h1>${t(S.title)}</h1>
      <p>${t(S.lead)}</p>
      <section class="panel" part="addresses" aria-labelledby="addresses-heading">
        <h2 id="addresses-heading">${t(S.addresses)}</h2>
        <p class="hint">${t(S.addressesLead)}</p>
        <dl>
          ${(Object.keys(SIMULATOR_ENDPOINTS) as SimulatorEndpoint[]).map(
            (endpoint) => html`<dt>${t(MESSAGES[SIMULATOR_ENDPOINTS[endpoint]].title)}</dt>
              <dd data-endpoint=${endpoint}><code>${this.address(endpoint)}</code>
                <ebet-copy-button .value=${this.address(endpoint)} .label=${S.copyAddress}></ebet-copy-button></dd>`,
          )}
        </dl>
        <p aria-live="polite" class=${this.workerStatus === 'ready' ? 'level-ok' : this.workerStatus === 'failed' || this.workerStatus === 'unsupported' ? 'level-warning' : 'hint'}>
          ${this.workerStatus === 'failed' ? nothing : t(S.worker[this.workerStatus])}
        </p>
        ${this.problem ? html`<p class="field-error" role="alert">${t(this.problem)}</p>` : nothing}
      </section>
      <section class="panel" part="key">
        <ebet-key-input
          test-key
          @ebet-key-change=${(e: CustomEvent<KeyChangeDetail>) => (this.key = typeof e.detail.keys === 'string' ? e.detail.keys : null)}
        ></ebet-key-input>
        <p id="key-hint" class="hint">${t(S.keyHint)}</p>
      </section>
      <ebet-bank-simulator part="simulator" .key=${this.key}></ebet-bank-simulator>
      <section class="panel" part="ledger"><ebet-bank-ledger></ebet-bank-ledger></section>
      <section class="panel" part="builder">
        <ebet-form-builder
          .key=${this.key}
          endpoint-base=${new URL('bank/', window.location.href).href}
          @ebet-form-check=${(e: CustomEvent<FormCheckDetail>) => {
            this.simulator.check(e.detail.html, e.detail.kind);
            this.simulator.scrollIntoView({ block: 'start' });
          }}
        ></ebet-form-builder>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-test-page': EbetTestPage;
  }
}
