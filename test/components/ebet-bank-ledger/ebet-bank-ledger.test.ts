import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/ebet-bank-ledger/define.ts';
import type { EbetBankLedger } from '../../../components/ebet-bank-ledger/ebet-bank-ledger.ts';
import { readLedger, replaceLedger, updateLedger, useDatabase } from '../../../components/ebet-bank-simulator/ledger-db.ts';
import { EMPTY_LEDGER, type Ledger } from '../../../src/index.ts';

const LEDGER: Ledger = {
  payments: [{ rcvId: '999999', stamp: 'L1', amount: '300,00', currency: 'SEK', reference: '11', paid: '2026-11-23-10.00.00.000000', at: '2026-11-23T10:00:00.000Z' }],
  repayments: [
    { rcvId: '999999', stamp: 'L1', reference: '11', requestPaid: '2026-11-23-10.00.00.000000', amount: '100,00', currency: 'SEK', paid: '2026-11-23-11.00.00.000000', at: '2026-11-23T11:00:00.000Z' },
  ],
};

const $ = (el: EbetBankLedger, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

async function importText(el: EbetBankLedger, content: string): Promise<void> {
  const file = $(el, '#import') as HTMLInputElement;
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], 'ledger.json', { type: 'application/json' }));
  file.files = transfer.files;
  file.dispatchEvent(new Event('change'));
}

describe('<ebet-bank-ledger>', () => {
  before(() => useDatabase('test-ebet-bank-ledger'));
  beforeEach(() => replaceLedger(EMPTY_LEDGER));

  it('imports a ledger, shows what remains and the NB_PAID for the next repayment, and refuses a bad file', async () => {
    const el = await fixture<EbetBankLedger>(html`<ebet-bank-ledger></ebet-bank-ledger>`);
    await waitUntil(() => $(el, '[data-ledger=empty]'));
    await importText(el, JSON.stringify({ format: 'ebet-ledger', version: 1, ...LEDGER }));
    await waitUntil(() => $(el, 'tr[data-stamp=L1]'), 'the imported payment is shown');
    expect($(el, 'tr[data-stamp=L1]')!.dataset.paid).to.equal('2026-11-23-11.00.00.000000');
    expect($(el, '[data-remaining]')!.dataset.remaining).to.equal('200,00');
    expect(await readLedger()).to.deep.equal(LEDGER);

    await importText(el, '{"payments": 3}');
    await waitUntil(() => $(el, '.level-error'), 'the bad file is reported');
    expect($(el, '.level-error')!.textContent).to.contain('not a simulator ledger');
    expect(await readLedger()).to.deep.equal(LEDGER);
    await expect(el).to.be.accessible();
  });

  it('clears only after a confirmation', async () => {
    await replaceLedger(LEDGER);
    const el = await fixture<EbetBankLedger>(html`<ebet-bank-ledger></ebet-bank-ledger>`);
    await waitUntil(() => $(el, 'tr[data-stamp=L1]'));
    $(el, '[data-action=clear]')!.click();
    await el.updateComplete;
    expect((await readLedger()).payments).to.have.length(1);
    $(el, '[data-action=confirm-clear]')!.click();
    await waitUntil(() => $(el, '[data-ledger=empty]'), 'cleared');
    expect(await readLedger()).to.deep.equal(EMPTY_LEDGER);
  });

  it('follows changes made elsewhere (another tab broadcasts them)', async () => {
    const el = await fixture<EbetBankLedger>(html`<ebet-bank-ledger></ebet-bank-ledger>`);
    await waitUntil(() => $(el, '[data-ledger=empty]'));
    await updateLedger(() => ({ ledger: LEDGER, result: null }));
    await waitUntil(() => $(el, 'tr[data-stamp=L1]'), 'the change arrived by broadcast');
  });
});
