import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../../../components/ebet-receipt/define.ts';
import type { EbetReceipt, ReceiptDetail } from '../../../components/ebet-receipt/ebet-receipt.ts';
import { setPageLang } from '../../../components/shared/locale.ts';
import { webMac } from '../../support/webcrypto.ts';
import { nextEvent } from '../../support/events.ts';

/** Tests that switch the page to Swedish leave it in English for the next. */
afterEach(() => setPageLang('en'));

const TEST_KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';
const TEST_KVV = 'FF365893D899291C3BF505FB3175E880';

async function signedReceipt(amount = '550,00'): Promise<Record<string, string>> {
  const fields = { NB_RETURN_STAMP: 'ST42', NB_RETURN_DB_AMOUNT: amount, NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '1042', NB_PAID: '20261123101600' };
  return { ...fields, NB_HMAC: await webMac(TEST_KEY_HEX, Object.values(fields).join('&')), NB_KVV: TEST_KVV };
}

/** The element once it has decided what the page shows. */
async function shown(template: ReturnType<typeof html>): Promise<{ el: EbetReceipt; detail: ReceiptDetail }> {
  const holder = fixtureSync<HTMLDivElement>(html`<div></div>`);
  const event = nextEvent(holder, 'ebet-receipt');
  const { render } = await import('lit');
  render(template, holder);
  const detail = (await event).detail;
  const el = holder.querySelector('ebet-receipt')!;
  await el.updateComplete;
  return { el, detail };
}

const textOf = (el: EbetReceipt) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** The outcome line's hooks: `data-verdict` and `data-codes`. */
const hooks = (el: Element): Array<string | null> => {
  const line = el.shadowRoot!.querySelector('[data-verdict-line]')!;
  return [line.getAttribute('data-verdict'), line.getAttribute('data-codes')];
};

describe('<ebet-receipt>', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    sessionStorage.clear();
  });

  it('in test mode verifies a receipt signed with the test key and shows its values, accessibly', async () => {
    const { el, detail } = await shown(html`<ebet-receipt mode="test" .fields=${await signedReceipt()}></ebet-receipt>`);
    expect(detail.state).to.equal('verified');
    expect(el.getAttribute('data-state')).to.equal('verified');
    expect(hooks(el)).to.deep.equal(['ok', '']);
    expect(textOf(el)).to.contain('Payment received');
    expect(textOf(el)).to.contain('550,00 SEK');
    expect(textOf(el)).to.contain('20261123101600');
    // A buyer reads the outcome; the protocol's values are folded away for customer service.
    const technical = el.shadowRoot!.querySelector<HTMLDetailsElement>('details[part=technical]')!;
    expect(technical.open).to.equal(false);
    expect(technical.querySelector('summary')!.textContent).to.equal('Details for the shop’s customer service');
    // NB_RETURN_STAMP is the payment id the shop chose, not its order number.
    expect(technical.querySelector('dt')!.textContent).to.equal('Payment id (NB_RETURN_STAMP)');
    await expect(el).to.be.accessible();
  });

  it('catches a receipt whose amount was changed after the bank signed it', async () => {
    const tampered = { ...(await signedReceipt()), NB_RETURN_DB_AMOUNT: '5,00' };
    const { el, detail } = await shown(html`<ebet-receipt mode="test" .fields=${tampered}></ebet-receipt>`);
    expect(detail.state).to.equal('invalid');
    expect(hooks(el)[0]).to.equal('error');
    expect(hooks(el)[1]!.split(' ')).to.include.members(['receipt-invalid', 'mac-mismatch']);
    expect(textOf(el)).to.contain('not valid: do not deliver');
    expect(textOf(el)).to.contain('NB_HMAC');
  });

  it('compares the receipt with the order the checkout noted', async () => {
    sessionStorage.setItem('ebet-order:ST42', JSON.stringify({ NB_STAMP: 'ST42', NB_DB_AMOUNT: '990,00', NB_DB_CUR: 'SEK', NB_DB_REF: '1042' }));
    const { el, detail } = await shown(html`<ebet-receipt mode="test" .fields=${await signedReceipt()}></ebet-receipt>`);
    expect(detail.state).to.equal('mismatch');
    expect(hooks(el)).to.deep.equal(['error', 'order-different']);
    expect(textOf(el)).to.contain('but the order was 990,00');
  });

  it('without test mode or verify-url it says "not verified", never trusting the receipt', async () => {
    const { el, detail } = await shown(html`<ebet-receipt .fields=${await signedReceipt()}></ebet-receipt>`);
    expect(detail.state).to.equal('unverified');
    expect(hooks(el)).to.deep.equal(['warning', 'not-verified']);
    expect(textOf(el)).to.contain('not verified');
  });

  it('asks the shop’s verify-url, and reports its refusal or its failure', async () => {
    const original = window.fetch;
    let answer = () => new Response(JSON.stringify({ verified: true }));
    const bodies: unknown[] = [];
    window.fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return answer();
    };
    try {
      const fields = await signedReceipt();
      expect((await shown(html`<ebet-receipt verify-url="/api/verify" .fields=${fields}></ebet-receipt>`)).detail.state).to.equal('verified');
      expect(bodies[0]).to.deep.equal(fields);
      answer = () => new Response(JSON.stringify({ verified: false }));
      expect((await shown(html`<ebet-receipt verify-url="/api/verify" .fields=${fields}></ebet-receipt>`)).detail.state).to.equal('invalid');
      answer = () => new Response('no', { status: 502 });
      const failed = await shown(html`<ebet-receipt verify-url="/api/verify" .fields=${fields}></ebet-receipt>`);
      expect(failed.detail.state).to.equal('unverified');
      expect(textOf(failed.el)).to.contain('HTTP 502');
    } finally {
      window.fetch = original;
    }
  });

  it('reads a receipt the worker kept, by the id in the page’s query', async () => {
    const fields = await signedReceipt();
    const cache = await caches.open('ebet-receipts');
    await cache.put(new URL('/.ebet-receipts/abc', location.href).href, new Response(JSON.stringify({ entries: Object.entries(fields) })));
    history.replaceState(null, '', '?ebet-receipt=abc');
    const { detail } = await shown(html`<ebet-receipt mode="test"></ebet-receipt>`);
    expect(detail.state).to.equal('verified');
    expect(detail.fields).to.deep.equal(fields);
    history.replaceState(null, '', '?ebet-receipt=gone');
    const gone = await shown(html`<ebet-receipt mode="test"></ebet-receipt>`);
    expect(gone.detail.state).to.equal('missing');
    expect(textOf(gone.el)).to.contain('no longer on this device');
    await cache.delete(new URL('/.ebet-receipts/abc', location.href).href);
  });

  it('shows the cancel or reject message the query names, with the order’s stamp, in both languages', async () => {
    history.replaceState(null, '', '?order=1042&ebet-outcome=cancel&ebet-stamp=ST42');
    const cancelled = await shown(html`<ebet-receipt mode="test" outcome="reject"></ebet-receipt>`);
    expect(cancelled.detail.state).to.equal('cancelled');
    expect(textOf(cancelled.el)).to.contain('You cancelled the payment of order ST42');
    history.replaceState(null, '', '?ebet-outcome=reject&ebet-stamp=ST42');
    await setPageLang('sv');
    const rejected = await shown(html`<ebet-receipt mode="test"></ebet-receipt>`);
    expect(rejected.detail.state).to.equal('rejected');
    expect(textOf(rejected.el)).to.contain('Banken avvisade betalningen av order ST42');
    await expect(rejected.el).to.be.accessible();
  });

  it('falls back on its outcome attribute, and says so plainly when no receipt came', async () => {
    expect((await shown(html`<ebet-receipt outcome="cancel"></ebet-receipt>`)).detail.state).to.equal('cancelled');
    const none = await shown(html`<ebet-receipt mode="test"></ebet-receipt>`);
    expect(none.detail.state).to.equal('missing');
    expect(textOf(none.el)).to.contain('No receipt reached this page');
  });

  it('follows the page’s <html lang>, as on a shop’s page without the toolkit’s shell', async () => {
    history.replaceState(null, '', '?ebet-outcome=cancel&ebet-stamp=ST7');
    const { el } = await shown(html`<ebet-receipt mode="test"></ebet-receipt>`);
    expect(textOf(el)).to.contain('You cancelled the payment of order ST7.');
    document.documentElement.lang = 'sv-SE';
    await waitUntil(() => textOf(el).includes('Du avbröt betalningen av order ST7.'), 'the receipt stayed in English');
    expect(textOf(el)).to.contain('Betalningen avbröts');
    document.documentElement.lang = 'en';
    await waitUntil(() => textOf(el).includes('You cancelled the payment of order ST7.'), 'the receipt stayed in Swedish');
  });

  it('switches language live with setPageLang (the toolkit’s switch): a shown receipt’s every text changes, without loading it again', async () => {
    const { el } = await shown(html`<ebet-receipt mode="test" .fields=${await signedReceipt()}></ebet-receipt>`);
    let loads = 0;
    el.addEventListener('ebet-receipt', () => loads++);
    expect(textOf(el)).to.contain('Payment received');
    await setPageLang('sv');
    await el.updateComplete;
    expect(textOf(el)).to.contain('Betalningen är mottagen');
    expect(textOf(el)).to.contain('Verifierat: bankens signatur');
    expect(textOf(el)).to.contain('Uppgifter för butikens kundtjänst');
    expect(textOf(el)).to.not.contain('Payment received');
    await setPageLang('en');
    await el.updateComplete;
    expect(textOf(el)).to.contain('Details for the shop’s customer service');
    expect(loads, 'the receipt was not verified again').to.equal(0);
  });
});
