import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatAmount } from '../../src/amount.ts';
import {
  currentPaid,
  EMPTY_LEDGER,
  ledgerFromJson,
  ledgerToJson,
  remainingHundredths,
  repaymentsOf,
  type Ledger,
} from '../../src/simulator.ts';
import { EbetError, text, type Text } from '../../src/text.ts';
import { onLedgerChange, readLedger, replaceLedger } from '../ebet-bank-simulator/ledger-db.ts';
import '../ebet-copy-button/ebet-copy-button.ts';
import { download } from '../shared/download.ts';
import { emit } from '../shared/events.ts';
import { LocaleController } from '../shared/locale.ts';
import { baseStyles } from '../shared/styles.ts';

const S = {
  heading: text('The simulator’s ledger', 'Simulatorns reskontra'),
  lead: text(
    'Payments and repayments simulated in this browser (kept in IndexedDB, shared by every tab). A payment check finds these payments; a further repayment gives the current NB_PAID.',
    'Betalningar och återbetalningar som simulerats i den här webbläsaren (sparas i IndexedDB, delas av alla flikar). En betalningskontroll hittar dessa betalningar; en ytterligare återbetalning anger aktuellt NB_PAID.',
  ),
  empty: text('No simulated payments yet.', 'Inga simulerade betalningar ännu.'),
  caption: text('Simulated payments', 'Simulerade betalningar'),
  shop: text('Shop', 'Butik'),
  stamp: text('NB_STAMP', 'NB_STAMP'),
  amount: text('Amount', 'Belopp'),
  reference: text('NB_DB_REF', 'NB_DB_REF'),
  repaid: text('Repayments', 'Återbetalningar'),
  remaining: text('Remaining', 'Återstår'),
  current: text('NB_PAID for the next repayment', 'NB_PAID för nästa återbetalning'),
  copyPaid: text('NB_PAID', 'NB_PAID'),
  exportJson: text('Export as JSON', 'Exportera som JSON'),
  importJson: text('Import JSON', 'Importera JSON'),
  clear: text('Clear the ledger', 'Töm reskontran'),
  confirmClear: text('Really clear every simulated payment?', 'Verkligen tömma alla simulerade betalningar?'),
  yes: text('Yes, clear', 'Ja, töm'),
  no: text('Keep it', 'Behåll'),
  imported: text('Ledger imported.', 'Reskontran importerad.'),
  cleared: text('Ledger cleared.', 'Reskontran tömd.'),
  unavailable: text('The ledger cannot be read in this browser', 'Reskontran kan inte läsas i den här webbläsaren'),
};

/**
 * @summary The bank simulator's ledger: every simulated payment with its repayments, what remains and the NB_PAID a further repayment must give; export, import and clear. Follows changes made in other tabs.
 * @event ebet-ledger-change - `{ ledger: Ledger }` after an import or a clear.
 * @csspart table - The payments table.
 * @csspart actions - Export, import and clear.
 */
@customElement('ebet-bank-ledger')
export class EbetBankLedger extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; vertical-align: top; padding: 0.3em 0.5em; border-bottom: 1px solid var(--ebet-color-border, #d0d5db); }
      .actions { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: center; margin: 0.6em 0; }
      ul { margin: 0; padding-left: 1.1em; }
    `,
  ];

  @state() private ledger: Ledger = EMPTY_LEDGER;
  @state() private status: { level: 'ok' | 'error'; text: Text } | null = null;
  @state() private confirming = false;
  private readonly locale = new LocaleController(this);
  private stop: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stop = onLedgerChange(() => void this.refresh());
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
    this.stop = null;
  }

  /** Reads the stored ledger again. */
  async refresh(): Promise<void> {
    try {
      this.ledger = await readLedger();
    } catch (error) {
      this.status = { level: 'error', text: text(`${S.unavailable.en}: ${String(error)}`, `${S.unavailable.sv}: ${String(error)}`) };
    }
  }

  private download(): void {
    download(this.renderRoot, 'ebet-simulator-ledger.json', ledgerToJson(this.ledger), 'application/json');
  }

  private async import(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      await this.store(ledgerFromJson(await file.text()), S.imported);
    } catch (error) {
      this.status = { level: 'error', text: error instanceof EbetError ? error.text : text(String(error), String(error)) };
    }
  }

  private async store(ledger: Ledger, done: Text): Promise<void> {
    await replaceLedger(ledger);
    this.ledger = ledger;
    this.confirming = false;
    this.status = { level: 'ok', text: done };
    emit(this, 'ebet-ledger-change', { ledger });
  }

  override render() {
    const { t } = this.locale;
    const { payments } = this.ledger;
    return html`<h2>${t(S.heading)}</h2>
      <p class="hint">${t(S.lead)}</p>
      ${payments.length === 0
        ? html`<p data-ledger="empty">${t(S.empty)}</p>`
        : html`<table part="table">
            <caption class="visually-hidden">${t(S.caption)}</caption>
            <thead>
              <tr>
                <th scope="col">${t(S.shop)}</th><th scope="col">${t(S.stamp)}</th><th scope="col">${t(S.amount)}</th>
                <th scope="col">${t(S.reference)}</th><th scope="col">${t(S.repaid)}</th><th scope="col">${t(S.remaining)}</th>
                <th scope="col">${t(S.current)}</th>
              </tr>
            </thead>
            <tbody>
              ${payments.map((p) => {
                const repayments = repaymentsOf(this.ledger, p);
                const paid = currentPaid(this.ledger, p);
                return html`<tr data-stamp=${p.stamp} data-paid=${paid}>
                  <td class="mono">${p.rcvId}</td>
                  <td class="mono">${p.stamp}</td>
                  <td class="mono">${p.amount} ${p.currency}</td>
                  <td class="mono">${p.reference}</td>
                  <td>${repayments.length
                    ? html`<ul>${repayments.map((r) => html`<li class="mono" data-repaid=${r.amount}>${r.amount} ${r.currency}</li>`)}</ul>`
                    : '—'}</td>
                  <td class="mono" data-remaining=${formatAmount(remainingHundredths(this.ledger, p))}>${formatAmount(remainingHundredths(this.ledger, p))} ${p.currency}</td>
                  <td class="mono">${paid} <ebet-copy-button .value=${paid} .label=${S.copyPaid}></ebet-copy-button></td>
                </tr>`;
              })}
            </tbody>
          </table>`}
      <div part="actions" class="actions">
        <button type="button" class="secondary" data-action="export" @click=${this.download}>${t(S.exportJson)}</button>
        <label for="import">${t(S.importJson)}</label>
        <input id="import" type="file" accept="application/json,.json" data-action="import" @change=${this.import} />
        ${this.confirming
          ? html`<span role="group" aria-label=${t(S.confirmClear)}>${t(S.confirmClear)}
              <button type="button" data-action="confirm-clear" @click=${() => this.store(EMPTY_LEDGER, S.cleared)}>${t(S.yes)}</button>
              <button type="button" class="secondary" @click=${() => (this.confirming = false)}>${t(S.no)}</button></span>`
          : html`<button type="button" class="secondary" data-action="clear" @click=${() => (this.confirming = true)}>${t(S.clear)}</button>`}
      </div>
      <p aria-live="polite" class=${this.status ? `level-${this.status.level}` : nothing}>${this.status ? t(this.status.text) : nothing}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-bank-ledger': EbetBankLedger;
  }
}
