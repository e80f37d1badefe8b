// A value hidden behind U+202E in every place a tool quotes it (issue 25): the verdict lines,
// problems and tooltips show the control as its code point, so "\u202E054321" reads as a marker and
// 054321, never as 123450; the session view's text export writes it as <U+202E>.
import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../../../components/ebet-decoder/define.ts';
import '../../../components/ebet-calculator/define.ts';
import '../../../components/ebet-bank-simulator/define.ts';
import '../../../components/ebet-receipt/define.ts';
import '../../../components/ebet-session/define.ts';
import { EbetCheckout } from '../../../components/ebet-checkout/define.ts';
import type { EbetDecoder } from '../../../components/ebet-decoder/ebet-decoder.ts';
import type { EbetCalculator } from '../../../components/ebet-calculator/ebet-calculator.ts';
import type { EbetBankSimulator } from '../../../components/ebet-bank-simulator/ebet-bank-simulator.ts';
import type { EbetReceipt } from '../../../components/ebet-receipt/ebet-receipt.ts';
import type { EbetSession } from '../../../components/ebet-session/ebet-session.ts';
import '../../../components/ebet-fields-input/define.ts';
import '../../../components/ebet-form-builder/define.ts';
import type { EbetFormBuilder } from '../../../components/ebet-form-builder/ebet-form-builder.ts';
import type { EbetFieldsInput } from '../../../components/ebet-fields-input/ebet-fields-input.ts';
import type { EbetKeyInput } from '../../../components/ebet-key-input/ebet-key-input.ts';
import { TEST_KEY, TEST_KVV, toUrlEncoded } from '../../../src/index.ts';
import { body, signedReceipt } from '../../support/receipt.ts';
import { webMac } from '../../support/webcrypto.ts';

// From source the checkout's core is the TypeScript module.
EbetCheckout.coreUrl = new URL('../../../src/shop/checkout-core.ts', import.meta.url).href;

const HIDDEN = '\u202e054321';
const KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';
const OTHER_KEY = '00112233445566778899AABBCCDDEEFF';
const ORDER = 'NB_STAMP=00002\nNB_DB_AMOUNT=550,00\nNB_DB_CUR=SEK\nNB_DB_REF=123450';
/** A pay direct request whose amount is the hidden value: its verdict quotes it as "not an amount". */
const REQUEST = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_AMOUNT: HIDDEN, NB_DB_CUR: 'SEK', NB_DB_REF: '4711', NB_RETURN: 'https://shop.example/r', NB_CANCEL: 'https://shop.example/c', NB_REJECT: 'https://shop.example/x' };

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** The element's text shows the value as the marker and its digits, and never holds the control itself. */
function expectMarked(shown: Element | null, what: string): void {
  expect(shown, what).to.not.equal(null);
  expect(shown!.textContent, what).to.contain('U+202E054321');
  expect(shown!.textContent, what).not.to.contain('\u202e');
  expect(shown!.querySelector('.v-bidi')?.textContent, what).to.equal('U+202E');
}

async function paste(box: EbetFieldsInput, value: string): Promise<void> {
  box.value = value;
  await box.updateComplete;
}

describe('a value behind U+202E wherever a tool quotes it (issue 25)', () => {
  it('the decoder: the top verdict line, the message’s verdict line and the cross-check', async () => {
    const el = await fixture<EbetDecoder>(html`<ebet-decoder></ebet-decoder>`);
    $<EbetKeyInput>(el, 'ebet-key-input')!.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await paste($<EbetFieldsInput>(el, 'ebet-fields-input:not(.order)')!, body(await signedReceipt(TEST_KEY, { NB_RETURN_DB_REF: HIDDEN })));
    await paste($<EbetFieldsInput>(el, 'ebet-fields-input.order')!, ORDER);
    await el.updateComplete;
    expectMarked($(el, '[part=verdict-summary]'), 'the top verdict line');
    expectMarked($(el, 'article [data-verdict-text]'), 'the message’s verdict line');
    expectMarked($(el, 'table.cross tr[data-field=NB_RETURN_DB_REF] td:last-child'), 'the cross-check');
  });

  it('the calculator: the top verdict line', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    const box = $<EbetFieldsInput>(el, 'ebet-fields-input')!;
    const area = box.shadowRoot!.querySelector('textarea')!;
    const text = Object.entries(REQUEST).map(([n, v]) => `${n}=${v}`).join('\n');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => $(el, '[data-verdict-line]')?.dataset.codes?.includes('amount-invalid'), 'the amount is judged');
    expectMarked($(el, '[data-verdict-line]'), 'the top verdict line');
  });

  it('the test page’s simulated bank: the summary line above the request and the field table’s finding', async () => {
    const fields = { ...REQUEST, NB_HMAC: await webMac(KEY_HEX, `999999&00002&${HIDDEN}&SEK&4711`), NB_KVV: TEST_KVV };
    const el = await fixture<EbetBankSimulator>(html`<ebet-bank-simulator></ebet-bank-simulator>`);
    el.check(toUrlEncoded(fields));
    await waitUntil(() => el.dataset.state !== 'empty', 'the request was read');
    await el.updateComplete;
    expectMarked($(el, '[part=summary]'), 'the summary line');
    const table = $(el, 'ebet-field-table')!;
    await (table as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expectMarked(table.shadowRoot!.querySelector('tr[data-field=NB_DB_AMOUNT] td.level-error'), 'the field’s finding in the table');
  });

  it('the paste box: a problem of the read quoting a value', async () => {
    const el = await fixture<EbetFieldsInput>(html`<ebet-fields-input></ebet-fields-input>`);
    el.value = `NB_DB_REF=${HIDDEN}&NB_DB_REF=2`;
    await waitUntil(() => $(el, '[part=problems] li'), 'the duplicate is reported');
    expectMarked($(el, '[part=problems] li'), 'the problem');
  });

  it('the form builder: the problem under a field quoting its value', async () => {
    const el = await fixture<EbetFormBuilder>(html`<ebet-form-builder></ebet-form-builder>`);
    const field = $<HTMLInputElement>(el, 'input[name=NB_DB_AMOUNT]')!;
    field.value = HIDDEN;
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expectMarked($(el, '#f-NB_DB_AMOUNT-problem'), 'the field’s problem');
  });

  it('the receipt: the problems of a receipt that is not valid', async () => {
    const fields = { NB_RETURN_STAMP: 'ST42', NB_RETURN_DB_AMOUNT: HIDDEN, NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '1042', NB_PAID: '20261123101600' };
    const signed = { ...fields, NB_HMAC: await webMac(KEY_HEX, Object.values(fields).join('&')), NB_KVV: TEST_KVV };
    const el = fixtureSync<EbetReceipt>(html`<ebet-receipt mode="test" .fields=${signed}></ebet-receipt>`);
    await waitUntil(() => el.getAttribute('data-state') === 'invalid', 'the receipt is judged');
    await el.updateComplete;
    expectMarked($(el, '[part=problems]'), 'the problems');
  });

  it('the checkout: a problem quoting the shop’s value (plain text, the control as <U+202E>)', async () => {
    const el = await fixture<EbetCheckout>(html`<ebet-checkout mode="test" rcv-id="999999" amount="5" reference=${HIDDEN} return-url="r.html" cancel-url="c.html" reject-url="j.html"></ebet-checkout>`);
    await el.updateComplete;
    const problem = $(el, 'li[data-field=NB_DB_REF]');
    expect(problem).to.not.equal(null);
    expect(problem!.textContent).to.contain('"<U+202E>" at position 1 is not a digit');
    expect(problem!.textContent).not.to.contain('\u202e');
  });

  it('the session view: the stamp timeline’s tooltips and the text export', async () => {
    const receipt = await signedReceipt(OTHER_KEY, { NB_RETURN_DB_REF: HIDDEN });
    const entry = {
      startedDateTime: '2026-11-23T10:00:00.000Z',
      request: { method: 'POST', url: `https://shop.example/${HIDDEN}`, headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', text: body(receipt) } },
      response: { status: 200, headers: [], content: { text: '' } },
    };
    const el = await fixture<EbetSession>(html`<ebet-session .keys=${TEST_KEY}></ebet-session>`);
    const box = $<HTMLTextAreaElement>(el, '#paste')!;
    box.value = JSON.stringify({ log: { version: '1.2', entries: [entry] } });
    box.dispatchEvent(new Event('input'));
    await el.updateComplete;
    await waitUntil(() => $(el, '[data-summary]'), 'the session is read');
    const view = $<HTMLSelectElement>(el, '#view')!;
    view.value = 'stamps';
    view.dispatchEvent(new Event('change'));
    await el.updateComplete;
    $(el, 'lit-virtualizer')!.scrollIntoView();
    await waitUntil(() => $(el, '[data-stamp] .step'), 'the stamp’s timeline is shown');
    const title = $(el, '[data-stamp] .step')!.title;
    expect(title).to.contain('https://shop.example/<U+202E>054321');
    expect(title).not.to.contain('\u202e');
    // The export: the link the element clicks, read back.
    const original = HTMLAnchorElement.prototype.click;
    const links: HTMLAnchorElement[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      links.push(this);
    };
    try {
      $(el, '[data-export]')!.click();
      await waitUntil(() => links.length > 0, 'the summary is offered for download');
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    const exported = await (await fetch(links[0]!.href)).text();
    expect(exported).to.contain('NB_RETURN_DB_REF=<U+202E>054321&');
    expect(exported).to.contain('https://shop.example/<U+202E>054321');
    expect(exported).not.to.contain('\u202e');
  });
});
