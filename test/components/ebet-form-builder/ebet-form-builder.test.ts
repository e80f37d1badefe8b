import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/ebet-form-builder/define.ts';
import type { EbetFormBuilder } from '../../../components/ebet-form-builder/ebet-form-builder.ts';
import { MESSAGES, parseFields, TEST_KVV, type Ledger } from '../../../src/index.ts';
import { webMac } from '../../support/webcrypto.ts';
import { nextEvent } from '../../support/events.ts';
import { setPageLang } from '../../../components/shared/locale.ts';

const KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';

const $ = (el: EbetFormBuilder, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const input = (el: EbetFormBuilder, name: string) => $(el, `input[name=${name}]`) as HTMLInputElement;

async function type(el: EbetFormBuilder, name: string, value: string): Promise<void> {
  const field = input(el, name);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function choose(el: EbetFormBuilder, kind: string): Promise<void> {
  const select = $(el, '#kind') as HTMLSelectElement;
  select.value = kind;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Luhn (modulus 10) written out here, apart from the core. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((d, i) => {
    let n = Number(d) * (i % 2 === 1 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  });
  return sum % 10 === 0;
}

describe('<ebet-form-builder>', () => {
  it('has an input with inline help for every field of each request, from the field table', async () => {
    const el = await fixture<EbetFormBuilder>(html`<ebet-form-builder></ebet-form-builder>`);
    for (const kind of ['payDirect', 'paymentCheck', 'repayment'] as const) {
      await choose(el, kind);
      const names = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('fieldset input')].map((i) => i.name);
      expect(names, kind).to.deep.equal(MESSAGES[kind].fields.map((f) => f.name).filter((n) => n !== 'NB_HMAC' && n !== 'NB_KVV'));
      const amount = MESSAGES[kind].fields.find((f) => f.name === 'NB_RCV_ID')!;
      expect($(el, '#f-NB_RCV_ID-help')!.textContent).to.equal(amount.description.en);
    }
    await expect(el).to.be.accessible();
  });

  it('signs with the test key and writes the form, the body and JSON (MAC checked with WebCrypto)', async () => {
    const el = await fixture<EbetFormBuilder>(html`<ebet-form-builder endpoint-base="https://toolkit.example/tools/test-page/bank/"></ebet-form-builder>`);
    await type(el, 'NB_STAMP', 'ORDER-17');
    await type(el, 'NB_DB_AMOUNT', '1234,50');
    await type(el, 'NB_DB_REF', '4711');
    const mac = await webMac(KEY_HEX, '999999&ORDER-17&1234,50&SEK&4711');
    expect($(el, '[part=output]')!.dataset.mac).to.equal(mac);
    const form = $(el, '[data-output=form]')!.textContent!;
    expect(form).to.match(/^<form method="post" action="https:\/\/toolkit.example\/tools\/test-page\/bank\/pay">/);
    expect(parseFields(form).fields).to.include({ NB_STAMP: 'ORDER-17', NB_HMAC: mac, NB_KVV: TEST_KVV });
    expect($(el, '[data-output=body]')!.textContent).to.contain('NB_DB_AMOUNT=1234%2C50');
    expect(JSON.parse($(el, '[data-output=json]')!.textContent!)).to.include({ NB_DB_REF: '4711', NB_HMAC: mac });
    // The form's button says what it does, in the page's language (not "Betala / Pay").
    expect(form).to.contain('<button type="submit">Pay</button>');
    await setPageLang('sv');
    await el.updateComplete;
    expect($(el, '[data-output=form]')!.textContent).to.contain('<button type="submit">Betala</button>');
    await setPageLang('en');

    el.key = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    await el.updateComplete;
    expect($(el, '[part=output]')!.dataset.mac).to.equal(await webMac('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '999999&ORDER-17&1234,50&SEK&4711'));
  });

  it('generates unique stamps and references without leading zeros, with a Luhn or 7-3-1 check digit on request', async () => {
    const el = await fixture<EbetFormBuilder>(html`<ebet-form-builder></ebet-form-builder>`);
    const stamp = input(el, 'NB_STAMP').value;
    ($(el, '[data-action=new-stamp]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(input(el, 'NB_STAMP').value).to.have.length(20).and.not.equal(stamp);
    const scheme = $(el, '#scheme') as HTMLSelectElement;
    scheme.value = 'luhn';
    scheme.dispatchEvent(new Event('change'));
    for (let i = 0; i < 20; i++) {
      ($(el, '[data-action=new-reference]') as HTMLButtonElement).click();
      await el.updateComplete;
      const reference = input(el, 'NB_DB_REF').value;
      expect(reference).to.match(/^[1-9][0-9]*$/);
      expect(luhnValid(reference), reference).to.equal(true);
    }
  });

  it('shows what is wrong at the field concerned and keeps what was typed', async () => {
    const el = await fixture<EbetFormBuilder>(html`<ebet-form-builder></ebet-form-builder>`);
    await type(el, 'NB_DB_AMOUNT', '550.00');
    expect($(el, '#f-NB_DB_AMOUNT-problem')!.textContent).to.contain('NB_DB_AMOUNT must use a decimal comma: 550,00');
    expect(input(el, 'NB_DB_AMOUNT').getAttribute('aria-invalid')).to.equal('true');
    await choose(el, 'repayment');
    expect($(el, '#f-NB_STAMP-problem')!.textContent).to.contain('NB_STAMP is empty; it is mandatory and signed');
    expect($(el, '[part=output]')).to.equal(null);
    await choose(el, 'payDirect');
    expect(input(el, 'NB_DB_AMOUNT').value).to.equal('550.00');
    el.key = null;
    await el.updateComplete;
    expect($(el, '[part=output]')!.textContent).to.contain('Type a valid key');
    await expect(el).to.be.accessible();
  });

  it('hands the signed form to the page for checking', async () => {
    const el = await fixture<EbetFormBuilder>(html`<ebet-form-builder></ebet-form-builder>`);
    await choose(el, 'paymentCheck');
    await type(el, 'NB_STAMP', 'ORDER-9');
    const event = nextEvent(el, 'ebet-form-check');
    ($(el, '[data-action=check]') as HTMLButtonElement).click();
    const { detail } = await event;
    expect(detail.kind).to.equal('paymentCheck');
    expect(parseFields(detail.html).fields.NB_HMAC).to.equal(await webMac(KEY_HEX, '999999&ORDER-9'));
  });

  it('a payment check or repayment picks a paid purchase from the ledger and keeps its values; an empty ledger says how to make one', async () => {
    const el = await fixture<EbetFormBuilder>(html`<ebet-form-builder></ebet-form-builder>`);
    await choose(el, 'repayment');
    expect($(el, '[part=pick][data-ledger=empty]')!.textContent).to.contain('Make one first');
    expect($(el, '[data-action=new-stamp]'), 'no new stamp for a payment that exists').to.equal(null);
    expect($(el, '[data-action=new-reference]')).to.equal(null);

    const at = '2026-11-23T10:15:00.000Z';
    const ledger: Ledger = {
      payments: [
        { rcvId: '999999', stamp: 'A-1', amount: '100,00', currency: 'SEK', reference: '4711', paid: '2026-11-23-11.15.00.000001', at },
        { rcvId: '999999', stamp: 'B-2', amount: '899,00', currency: 'EUR', reference: '123450', paid: '2026-11-23-11.15.00.000002', at },
      ],
      repayments: [
        { rcvId: '999999', stamp: 'A-1', reference: '4711', requestPaid: '2026-11-23-11.15.00.000001', amount: '100,00', currency: 'SEK', paid: '2026-11-23-12.00.00.000000', at },
        { rcvId: '999999', stamp: 'B-2', reference: '123450', requestPaid: '2026-11-23-11.15.00.000002', amount: '99,00', currency: 'EUR', paid: '2026-11-23-12.30.00.000000', at },
      ],
    };
    el.ledger = ledger;
    await el.updateComplete;
    const pick = $(el, '#payment') as HTMLSelectElement;
    const options = [...pick.options];
    expect(options.map((o) => o.disabled)).to.deep.equal([false, true, false]);
    expect(options[2]!.textContent).to.contain('NB_STAMP B-2: 899,00 EUR, reference 123450 (800,00 EUR repayable)');
    pick.value = '1';
    pick.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const shown = () => Object.fromEntries(['NB_STAMP', 'NB_DB_REF', 'NB_PAID', 'NB_REPAY_AMOUNT', 'NB_REPAY_CUR'].map((n) => [n, input(el, n).value]));
    const picked = { NB_STAMP: 'B-2', NB_DB_REF: '123450', NB_PAID: '2026-11-23-12.30.00.000000', NB_REPAY_AMOUNT: '800,00', NB_REPAY_CUR: 'EUR' };
    expect(shown()).to.deep.equal(picked);
    expect(($(el, '#payment') as HTMLSelectElement).value).to.equal('1');
    const signed = parseFields($(el, '[data-output=json]')!.textContent!).fields;
    expect(signed.NB_HMAC).to.equal(await webMac(KEY_HEX, `999999&B-2&123450&${picked.NB_PAID}&800,00&EUR`));

    // Kept: across a change of request, and when the ledger is read again.
    await choose(el, 'payDirect');
    await choose(el, 'repayment');
    el.ledger = { ...ledger };
    await el.updateComplete;
    expect(shown()).to.deep.equal(picked);

    // A partial repayment: the amount is changed, the purchase stays chosen.
    await type(el, 'NB_REPAY_AMOUNT', '300,00');
    expect(($(el, '#payment') as HTMLSelectElement).value).to.equal('1');
    // Once repaid in part, the purchase's NB_PAID moves on: the old one no longer names it, and choosing it again takes the newest.
    const repaid = { rcvId: '999999', stamp: 'B-2', reference: '123450', requestPaid: picked.NB_PAID, amount: '300,00', currency: 'EUR', paid: '2026-11-23-13.00.00.000000', at };
    el.ledger = { ...ledger, repayments: [...ledger.repayments, repaid] };
    await el.updateComplete;
    expect(input(el, 'NB_PAID').value, 'kept as typed until chosen again').to.equal(picked.NB_PAID);
    expect(($(el, '#payment') as HTMLSelectElement).value).to.equal('');
    pick.value = '1';
    pick.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(shown()).to.deep.equal({ ...picked, NB_PAID: repaid.paid, NB_REPAY_AMOUNT: '500,00' });

    // A payment check names the purchase by its shop and stamp.
    await choose(el, 'paymentCheck');
    const check = $(el, '#payment') as HTMLSelectElement;
    expect([...check.options].every((o) => !o.disabled)).to.equal(true);
    check.value = '0';
    check.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(input(el, 'NB_STAMP').value).to.equal('A-1');
    expect($(el, '[data-action=new-stamp]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
