import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/ebet-bank-ledger/define.ts';
import type { EbetBankLedger } from '../../../components/ebet-bank-ledger/ebet-bank-ledger.ts';
import { readLedger, replaceLedger, updateLedger, useDatabase } from '../../../components/ebet-bank-simulator/ledger-db.ts';
import { EMPTY_LEDGER, type Ledger } from '../../../src/index.ts';
import { hashHex } from '../../../src/bank/bounds.ts';
import { LEDGER_LIMITS } from '../../../src/bank/simulator.ts';

/** The ledger record as IndexedDB holds it (not as `readLedger` reads it). */
function storedLedger(): Promise<Ledger | undefined> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('test-ebet-bank-ledger');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const get = req.result.transaction('ledger').objectStore('ledger').get('ledger');
      get.onerror = () => reject(get.error);
      get.onsuccess = () => {
        req.result.close();
        resolve(get.result as Ledger | undefined);
      };
    };
  });
}

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

  it('stores an imported ledger bounded: a 2 MB reference cut with its length and hash, the oldest of 8,000 payments dropped, both said; the newest 100 shown (issue 25)', async function () {
    this.timeout(120_000);
    const reference = 'R'.repeat(2_000_000);
    const payments = Array.from({ length: 8000 }, (_, i) => ({
      rcvId: '999999', stamp: `S${i}`, amount: '10,00', currency: 'SEK', reference: i === 7999 ? reference : '11', paid: `P${i}`,
      at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    }));
    const el = await fixture<EbetBankLedger>(html`<ebet-bank-ledger></ebet-bank-ledger>`);
    await waitUntil(() => $(el, '[data-ledger=empty]'));
    await importText(el, JSON.stringify({ format: 'ebet-ledger', version: 1, payments, repayments: [] }));
    await waitUntil(() => $(el, '[data-dropped]'), 'what was dropped is said', { timeout: 100_000 });

    const stored = (await storedLedger())!;
    expect(JSON.stringify(stored).length).to.be.at.most(LEDGER_LIMITS.ledger + 100);
    expect(stored.payments.at(-1)!.stamp).to.equal('S7999');
    expect(stored.payments.at(-1)!.cut).to.deep.equal([{ field: 'reference', length: 2_000_000, sha256: hashHex(reference) }]);
    const dropped = 8000 - stored.payments.length;
    expect(dropped).to.be.above(0);
    expect(stored.payments[0]!.stamp).to.equal(`S${dropped}`);
    expect(stored.dropped).to.deep.equal({ payments: dropped, repayments: 0 });
    expect($(el, '[data-dropped]')!.dataset.dropped).to.equal(String(dropped));
    expect($(el, '[data-cut-value]')!.dataset.cutValue).to.equal('2000000');
    expect($(el, '[data-cut-value]')!.textContent).to.contain(hashHex(reference));

    // The newest 100 are shown; "Show more" adds the next 100.
    expect(el.shadowRoot!.querySelectorAll('tr[data-stamp]')).to.have.length(100);
    expect($(el, 'tr[data-stamp]')!.dataset.stamp).to.equal('S7900');
    const more = $(el, '[data-action=more]') as HTMLButtonElement;
    expect(more.dataset.more).to.equal(String(stored.payments.length - 100));
    more.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('tr[data-stamp]')).to.have.length(200);

    // Cleared, nothing is said any more.
    ($(el, '[data-action=clear]') as HTMLButtonElement).click();
    await el.updateComplete;
    ($(el, '[data-action=confirm-clear]') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[data-ledger=empty]'), 'cleared');
    expect($(el, '[data-dropped]')).to.equal(null);
    expect($(el, '[data-cut]')).to.equal(null);
  });
});
