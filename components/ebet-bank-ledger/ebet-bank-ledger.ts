import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { formatAmount } from '../../src/protocol/amount.ts';
import {
  currentPaid,
  EMPTY_LEDGER,
  LEDGER_LIMITS,
  ledgerFromJson,
  ledgerToJson,
  remainingHundredths,
  repaymentsOf,
  type Ledger,
} from '../../src/bank/simulator.ts';
import { EbetError } from '../../src/protocol/text.ts';
import { onLedgerChange, readLedger, replaceLedger } from '../ebet-bank-simulator/ledger-db.ts';
import { EbetCopyButton } from '../ebet-copy-button/ebet-copy-button.ts';
import { download } from '../shared/download.ts';
import { emit } from '../shared/events.ts';
import { localized, msg, str, t } from '../shared/locale.ts';
import { StoredValue } from '../shared/stored-value.ts';
import { baseStyles } from '../shared/styles.ts';

const S = {
  get heading() { return msg('The simulator’s ledger'); },
  get lead() { return msg('Payments and repayments simulated in this browser (kept in IndexedDB, shared by every tab). A payment check finds these payments; a further repayment gives the current NB_PAID.'); },
  get empty() { return msg('No simulated payments yet.'); },
  get caption() { return msg('Simulated payments'); },
  get shop() { return msg('Shop'); },
  get stamp() { return msg('NB_STAMP'); },
  get amount() { return msg('Amount'); },
  get reference() { return msg('NB_DB_REF'); },
  get repaid() { return msg('Repayments'); },
  get remaining() { return msg('Remaining'); },
  get current() { return msg('NB_PAID for the next repayment'); },
  get copyPaid() { return msg('NB_PAID'); },
  get exportJson() { return msg('Export as JSON'); },
  get importJson() { return msg('Import JSON'); },
  get clear() { return msg('Clear the ledger'); },
  get confirmClear() { return msg('Really clear every simulated payment?'); },
  get yes() { return msg('Yes, clear'); },
  get no() { return msg('Keep it'); },
  get imported() { return msg('Ledger imported.'); },
  get cleared() { return msg('Ledger cleared.'); },
  get unavailable() { return msg('The ledger cannot be read in this browser'); },
  dropped: (payments: number, repayments: number, mb: number) =>
    msg(str`To keep the ledger within ${mb} MB, the oldest payments were dropped with their repayments: ${payments} payments and ${repayments} repayments so far.`),
  get cutHeading() { return msg('Values kept cut, so that the ledger stays small'); },
  cutValue: (stamp: string, field: string, length: number) => msg(str`${stamp}, ${field}: ${length} characters; SHA-256`),
  showMore: (n: number) => msg(str`Show more (${n} not shown)`),
  more: (n: number): string => msg(str`…and ${n} more`),
};

/** Cut values listed at most. */
const LISTED_CUTS = 50;

/** Payments shown at first (the newest), and more at each "Show more". */
const PAGE = 100;

/** Detail of `ebet-ledger-change`. */
export interface LedgerChangeDetail {
  readonly ledger: Ledger;
}

/**
 * @summary The bank simulator's ledger: every simulated payment with its repayments, what remains and the NB_PAID a further repayment must give; export, import and clear. Follows changes made in other tabs.
 * @event ebet-ledger-change - `{ ledger: Ledger }` after an import or a clear.
 * @csspart table - The payments table.
 * @csspart actions - Export, import and clear.
 * @tagname ebet-bank-ledger
 */
@localized()
export class EbetBankLedger extends LitElement {
  /** @internal The elements it renders, registered with it (`../shared/define.ts`). */
  static readonly dependencies = { 'ebet-copy-button': EbetCopyButton };

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

  /** The ledger, read from IndexedDB and kept current while connected. */
  private readonly stored = new StoredValue<Ledger>(this, { read: readLedger, watch: onLedgerChange }, EMPTY_LEDGER, (error) => {
    this.status = { level: 'error', text: () => `${S.unavailable}: ${String(error)}` };
  });
  /** The last action's outcome; `text` makes the message when shown, so it follows the page's language. */
  @state() private status: { level: 'ok' | 'error'; text: () => string } | null = null;
  @state() private confirming = false;
  /** How many of the newest payments are shown. */
  @state() private showing = PAGE;

  /** Reads the stored ledger again. */
  async refresh(): Promise<void> {
    await this.stored.refresh();
  }

  /** Each payment's row (its repayments, the NB_PAID now due and what remains): derived in `willUpdate` when the ledger changes. */
  private rows: Array<{ payment: Ledger['payments'][number]; repayments: ReturnType<typeof repaymentsOf>; paid: string; remaining: string }> = [];
  private rowsFrom: Ledger | null = null;

  protected override willUpdate(): void {
    const ledger = this.ledger;
    if (ledger === this.rowsFrom) return;
    this.rowsFrom = ledger;
    this.rows = ledger.payments.map((payment) => ({
      payment,
      repayments: repaymentsOf(ledger, payment),
      paid: currentPaid(ledger, payment),
      remaining: formatAmount(remainingHundredths(ledger, payment)),
    }));
  }

  private get ledger(): Ledger {
    return this.stored.value;
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
      await this.store(ledgerFromJson(await file.text()), () => S.imported);
    } catch (error) {
      this.status = { level: 'error', text: () => (error instanceof EbetError ? t(error.text) : String(error)) };
    }
  }

  private async store(ledger: Ledger, done: () => string): Promise<void> {
    await replaceLedger(ledger);
    // As stored: bounded.
    await this.stored.refresh();
    this.confirming = false;
    this.status = { level: 'ok', text: done };
    emit(this, 'ebet-ledger-change', { ledger: this.ledger });
  }

  override render() {
    const { dropped } = this.ledger;
    const hidden = Math.max(0, this.rows.length - this.showing);
    return html`<h2>${S.heading}</h2>
      <p class="hint">${S.lead}</p>
      ${dropped
        ? html`<p class="hint level-warning" data-dropped=${dropped.payments}>${S.dropped(dropped.payments, dropped.repayments, LEDGER_LIMITS.ledger / 1048576)}</p>`
        : nothing}
      ${hidden
        ? html`<p><button type="button" class="secondary" data-action="more" data-more=${hidden} @click=${() => (this.showing += PAGE)}>${S.showMore(hidden)}</button></p>`
        : nothing}
      ${this.rows.length === 0
        ? html`<p data-ledger="empty">${S.empty}</p>`
        : html`<table part="table">
            <caption class="visually-hidden">${S.caption}</caption>
            <thead>
              <tr>
                <th scope="col">${S.shop}</th><th scope="col">${S.stamp}</th><th scope="col">${S.amount}</th>
                <th scope="col">${S.reference}</th><th scope="col">${S.repaid}</th><th scope="col">${S.remaining}</th>
                <th scope="col">${S.current}</th>
              </tr>
            </thead>
            <tbody>
              ${this.rows.slice(hidden).map(({ payment: p, repayments, paid, remaining }) => {
                return html`<tr data-stamp=${p.stamp} data-paid=${paid}>
                  <td class="mono">${p.rcvId}</td>
                  <td class="mono">${p.stamp}</td>
                  <td class="mono amount">${p.amount}\u00a0${p.currency}</td>
                  <td class="mono">${p.reference}</td>
                  <td>${repayments.length
                    ? html`<ul>${repayments.map((r) => html`<li class="mono amount" data-repaid=${r.amount}>${r.amount}\u00a0${r.currency}</li>`)}</ul>`
                    : '—'}</td>
                  <td class="mono" data-remaining=${remaining}>${remaining} ${p.currency}</td>
                  <td class="mono">${paid} <ebet-copy-button .value=${paid} .label=${S.copyPaid}></ebet-copy-button></td>
                </tr>`;
              })}
            </tbody>
          </table>`}
      ${this.renderCut()}
      <div part="actions" class="actions">
        <button type="button" class="secondary" data-action="export" @click=${this.download}>${S.exportJson}</button>
        <label for="import">${S.importJson}</label>
        <input id="import" type="file" accept="application/json,.json" data-action="import" @change=${this.import} />
        ${this.confirming
          ? html`<span role="group" aria-label=${S.confirmClear}>${S.confirmClear}
              <button type="button" data-action="confirm-clear" @click=${() => this.store(EMPTY_LEDGER, () => S.cleared)}>${S.yes}</button>
              <button type="button" class="secondary" @click=${() => (this.confirming = false)}>${S.no}</button></span>`
          : html`<button type="button" class="secondary" data-action="clear" @click=${() => (this.confirming = true)}>${S.clear}</button>`}
      </div>
      <p aria-live="polite" class=${this.status ? `level-${this.status.level}` : nothing}>${this.status ? this.status.text() : nothing}</p>`;
  }

  /** The values kept cut (a stamp or reference pasted a megabyte long): each with its length and hash. */
  private renderCut() {
    const cut = [...this.ledger.payments, ...this.ledger.repayments].flatMap((r) => (r.cut ?? []).map((v) => ({ stamp: r.stamp, ...v })));
    if (!cut.length) return nothing;
    return html`<div data-cut=${cut.length}>
      <h3>${S.cutHeading}</h3>
      <ul>
        ${cut.slice(0, LISTED_CUTS).map((v) => html`<li data-cut-value=${v.length}>${S.cutValue(v.stamp.slice(0, 40), v.field, v.length)} <span class="mono">${v.sha256}</span></li>`)}
        ${cut.length > LISTED_CUTS ? html`<li data-more=${cut.length - LISTED_CUTS}>${S.more(cut.length - LISTED_CUTS)}</li>` : nothing}
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-bank-ledger': EbetBankLedger;
  }
  interface HTMLElementEventMap {
    'ebet-ledger-change': CustomEvent<LedgerChangeDetail>;
  }
}
