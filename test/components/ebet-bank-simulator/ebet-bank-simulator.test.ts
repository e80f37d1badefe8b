import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/ebet-bank-simulator/define.ts';
import type { EbetBankSimulator } from '../../../components/ebet-bank-simulator/ebet-bank-simulator.ts';
import { loadRequest, readAttempts, readLedger, replaceLedger, REQUEST_LIMITS, saveAttempts, saveRequest, useDatabase, type StoredRequest } from '../../../components/ebet-bank-simulator/ledger-db.ts';
import { EMPTY_LEDGER, TEST_KEY, TEST_KVV, toUrlEncoded } from '../../../src/index.ts';
import { hashHex } from '../../../src/bank/bounds.ts';
import { webMac } from '../../support/webcrypto.ts';

const KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';

async function payFields(stamp: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const fields = {
    NB_VERSION: '0002',
    NB_RCV_ID: '999999',
    NB_STAMP: stamp,
    NB_DB_AMOUNT: '200,00',
    NB_DB_CUR: 'SEK',
    NB_DB_REF: '4711',
    NB_RETURN: 'https://shop.example/return.html',
    NB_CANCEL: 'https://shop.example/cancel.html?o=1',
    NB_REJECT: 'https://shop.example/reject.html?o=1',
    ...extra,
  };
  const string = `999999&${stamp}&${fields.NB_DB_AMOUNT}&${fields.NB_DB_CUR}&${fields.NB_DB_REF}`;
  return { ...fields, NB_HMAC: await webMac(KEY_HEX, string), NB_KVV: TEST_KVV };
}

async function simulatorWith(fields: Record<string, string>): Promise<EbetBankSimulator> {
  const el = await fixture<EbetBankSimulator>(html`<ebet-bank-simulator></ebet-bank-simulator>`);
  el.check(toUrlEncoded(fields));
  await waitUntil(() => el.dataset.state !== 'empty', 'the request was read');
  await el.updateComplete;
  return el;
}

const $ = (el: EbetBankSimulator, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const table = (el: EbetBankSimulator) => el.shadowRoot!.querySelector('ebet-field-table')!.shadowRoot!;
const answerField = (el: EbetBankSimulator, name: string) => $(el, `[data-fields=answer] input[name=${name}]`)?.getAttribute('value');

async function press(el: EbetBankSimulator, action: string, until: () => boolean): Promise<void> {
  $(el, `[data-action=${action}]`)!.click();
  await waitUntil(until, `after ${action}`);
  await el.updateComplete;
}

describe('<ebet-bank-simulator>', () => {
  before(() => useDatabase('test-ebet-bank-simulator'));
  beforeEach(async () => {
    await replaceLedger(EMPTY_LEDGER);
    await saveAttempts([], true);
  });

  it('checks a pasted request field by field, rule by rule, with the verdict on top', async () => {
    const good = await payFields('S1');
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ NB_DB_AMOUNT: '550.00' }, 'NB_DB_AMOUNT', 'amount-decimal-point'],
      [{ NB_DB_REF: '0123' }, 'NB_DB_REF', 'reference-leading-zero'],
      [{ NB_RETURN: 'javascript:alert(1)' }, 'NB_RETURN', 'url-scheme'],
      [{ NB_STAMP: 'x'.repeat(23) }, 'NB_STAMP', 'too-long'],
      [{ NB_KVV: '05CD81829E26F44089FD91A9CFBC75DB' }, 'NB_KVV', 'kvv-key-as-text'],
      [{ NB_KVV: '00112233445566778899AABBCCDDEEFF' }, 'NB_KVV', 'kvv-mismatch'],
      [{ NB_HMAC: '0'.repeat(32) }, 'NB_HMAC', 'mac-mismatch'],
      [{ COLOUR: 'red' }, 'COLOUR', 'unknown-field'],
    ];
    for (const [change, name, code] of cases) {
      const el = await simulatorWith({ ...good, ...change });
      const row = table(el).querySelector(`tr[data-field=${name}]`)!;
      expect(row.getAttribute('data-code'), name).to.equal(code);
      expect(table(el).querySelector('[data-verdict]')!.getAttribute('data-verdict')).to.equal(code === 'unknown-field' ? 'warning' : 'error');
    }
    const { NB_CANCEL: _dropped, ...missing } = good;
    const el = await simulatorWith(missing);
    expect(table(el).querySelector('tr[data-field=NB_CANCEL]')!.getAttribute('data-code')).to.equal('missing');
    expect(el.dataset.state).to.equal('error');
    await expect(el).to.be.accessible();
  });

  it('the verdict comes first: a summary above the table names the first error in the validator’s words and its link (by keyboard) shows that row, the doctor in it', async () => {
    const good = await simulatorWith(await payFields('S9'));
    const summary = (el: EbetBankSimulator) => $(el, '[part=summary]')!;
    expect(summary(good).dataset.summary).to.equal('ok');
    expect(summary(good).textContent).to.contain('OK: no errors; the MAC verifies');
    expect([summary(good).hasAttribute('data-verdict-line'), summary(good).dataset.verdict, summary(good).dataset.codes]).to.deep.equal([true, 'ok', '']);
    expect(summary(good).compareDocumentPosition($(good, 'ebet-field-table')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    // Said once: the table below gives its own verdict, not the same words again.
    expect(table(good).textContent).to.contain('Every field is OK.');
    expect(summary(good).textContent).not.to.contain('Every field is OK.');

    const el = await simulatorWith(await payFields('S9', { NB_DB_AMOUNT: '200.00', NB_CANCEL: 'javascript:alert(1)' }));
    const line = summary(el);
    expect(line.dataset.summary).to.equal('error');
    const first = table(el).querySelector('tr[data-level=error]')!;
    const name = first.getAttribute('data-field')!;
    const words = first.querySelector('td:last-child')!.textContent!.replace(/^\s*Error:\s*/, '').trim();
    expect(line.textContent).to.contain(`Error: ${words.startsWith(name) ? '' : `${name}: `}${words.split('\n')[0]!.trim()}`);
    expect(line.textContent).to.contain('(and 1 more problem)');

    const mac = await simulatorWith({ ...(await payFields('S9')), NB_HMAC: '0'.repeat(32) });
    const link = summary(mac).querySelector('a')!;
    expect(link.textContent).to.equal('See why');
    expect(summary(mac).textContent).to.contain('NB_HMAC does not match');
    link.focus();
    await sendKeys({ press: 'Enter' });
    const row = table(mac).querySelector<HTMLElement>('tr[data-field=NB_HMAC]')!;
    await waitUntil(() => table(mac).activeElement === row, 'the link did not move the focus to the NB_HMAC row');
    expect(row.querySelector('slot')!.assignedElements()[0]!.localName).to.equal('ebet-mac-doctor');
    expect(location.hash).to.equal('');
    await expect(mac).to.be.accessible();
  });

  it('offers "successful payment" only when every field is OK, and refuses javascript: targets', async () => {
    const bad = await simulatorWith(await payFields('S2', { NB_CANCEL: 'javascript:alert(1)', NB_DB_AMOUNT: '200.00' }));
    expect(bad.dataset.state).to.equal('error');
    expect(($(bad, '[data-action=pay]') as HTMLButtonElement).disabled).to.equal(true);
    expect(($(bad, '[data-action=cancel]') as HTMLButtonElement).disabled).to.equal(true);
    expect(($(bad, '[data-action=reject]') as HTMLButtonElement).disabled).to.equal(false);
    expect($(bad, '[data-target=NB_CANCEL]')!.textContent).to.contain('will not go there');

    const good = await simulatorWith(await payFields('S3'));
    expect(good.dataset.state).to.equal('preview');
    expect(($(good, '[data-action=pay]') as HTMLButtonElement).disabled).to.equal(false);
    expect($(good, '[data-fields=request] input[name=NB_STAMP]')!.getAttribute('value')).to.equal('S3');
    await expect(good).to.be.accessible();
  });

  it('"successful payment" posts the signed receipt to NB_RETURN as a real form (MAC checked with WebCrypto)', async () => {
    const el = await simulatorWith(await payFields('S4'));
    const submitted: HTMLFormElement[] = [];
    const original = HTMLFormElement.prototype.submit;
    HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
      submitted.push(this);
    };
    try {
      await press(el, 'pay', () => submitted.length === 1);
    } finally {
      HTMLFormElement.prototype.submit = original;
    }
    const form = submitted[0]!;
    expect(form.method).to.equal('post');
    expect(form.action).to.equal('https://shop.example/return.html');
    const fields = Object.fromEntries([...form.querySelectorAll('input')].map((i) => [i.name, i.value]));
    expect(Object.keys(fields)).to.deep.equal(['NB_RETURN_STAMP', 'NB_RETURN_DB_AMOUNT', 'NB_RETURN_DB_CUR', 'NB_RETURN_DB_REF', 'NB_PAID', 'NB_HMAC', 'NB_KVV']);
    expect(fields.NB_HMAC).to.equal(await webMac(KEY_HEX, `S4&200,00&SEK&4711&${fields.NB_PAID}`));
    expect(el.dataset.state).to.equal('paid');
    expect((await readLedger()).payments.map((p) => p.stamp)).to.deep.equal(['S4']);
  });

  it('explains at the NB_HMAC row: the mismatch doctor runs there with the key, and no bare suggested MAC', async () => {
    const good = await payFields('DOC1', { NB_DB_AMOUNT: '899,00' });
    const el = await simulatorWith({ ...good, NB_HMAC: await webMac(KEY_HEX, '999999&DOC1&899.00&SEK&4711') });
    const row = table(el).querySelector('tr[data-field=NB_HMAC]')!;
    expect(row.getAttribute('data-code')).to.equal('mac-mismatch');
    expect(row.textContent).not.to.contain('Suggested');
    const doctor = $(el, 'ebet-field-table > ebet-mac-doctor[slot=detail-NB_HMAC]')!;
    const slot = row.querySelector<HTMLSlotElement>('slot[name=detail-NB_HMAC]')!;
    expect(slot.assignedElements()).to.deep.equal([doctor]);
    await waitUntil(() => doctor.shadowRoot!.querySelector('[part=finding][data-causes]'), 'the doctor found the cause');
    expect(doctor.shadowRoot!.querySelector('[part=finding]')!.getAttribute('data-causes')).to.equal('amount-format');
    // The KVV of the key used as text is named as such.
    const asText = await simulatorWith({ ...(await payFields('DOC2')), NB_KVV: '05CD81829E26F44089FD91A9CFBC75DB' });
    const kvv = table(asText).querySelector('tr[data-field=NB_KVV]')!;
    expect(kvv.getAttribute('data-code')).to.equal('kvv-key-as-text');
    expect(kvv.textContent).to.contain('key used as text');
    expect($(asText, 'ebet-mac-doctor')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('answers a payment check YES, NO, ERR or Not Found from the stored ledger (a new element sees it: it survives reloads)', async () => {
    const payer = await simulatorWith(await payFields('S5'));
    await press(payer, 'receipt', () => payer.dataset.state === 'paid');
    const paid = answerField(payer, 'NB_PAID')!;

    const check = async (stamp: string, extra: Record<string, string> = {}) => {
      const fields = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: stamp, NB_HMAC: await webMac(KEY_HEX, `999999&${stamp}`), NB_KVV: TEST_KVV, ...extra };
      const el = await simulatorWith(fields);
      await press(el, 'answer', () => el.dataset.state === 'answered');
      return el;
    };
    const yes = await check('S5');
    expect(yes.dataset.verified).to.equal('YES');
    expect(answerField(yes, 'NB_HMAC')).to.equal(await webMac(KEY_HEX, `YES&S5&200,00&SEK&4711&${paid}`));
    const no = await check('S6');
    expect(no.dataset.verified).to.equal('NO');
    expect(answerField(no, 'NB_HMAC')).to.equal(await webMac(KEY_HEX, 'NO&S6'));
    const err = await check('S5', { NB_VERSION: '0003' });
    expect(err.dataset.verified).to.equal('ERR');
    expect(answerField(err, 'NB_HMAC')).to.equal('');
    expect(answerField(err, 'NB_ERROR_DESCR')).to.equal('Felaktigt angiven version från butiken');
    // An ERR answer's own status is its verdict: no "every field is OK" beside it; no answer carries a Pay button.
    expect($(err, '[part=answer] ebet-field-table')!.shadowRoot!.querySelector('[part=verdict]')).to.equal(null);
    for (const answered of [yes, no, err]) expect($(answered, '[part=answer] pre')!.textContent).not.to.contain('<button');
    const notFound = await check('S5', { NB_HMAC: '0'.repeat(32) });
    expect(notFound.dataset.verified).to.equal('not-found');
    expect($(notFound, '[data-answer=not-found]')!.textContent).to.contain('Not Found');
    await expect(notFound).to.be.accessible();
  });

  it('carries out repayments in parts with the exchange fields, never twice and never above the payment', async () => {
    const payer = await simulatorWith(await payFields('S7'));
    await press(payer, 'receipt', () => payer.dataset.state === 'paid');
    const paid = answerField(payer, 'NB_PAID')!;
    const repay = async (amount: string, paidId: string, currency = 'SEK') => {
      const fields = {
        NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'S7', NB_DB_REF: '4711', NB_PAID: paidId, NB_REPAY_AMOUNT: amount, NB_REPAY_CUR: currency,
        NB_HMAC: await webMac(KEY_HEX, `999999&S7&4711&${paidId}&${amount}&${currency}`), NB_KVV: TEST_KVV,
      };
      return simulatorWith(fields);
    };
    const first = await repay('150,00', paid);
    const exchange = $(first, 'input[type=checkbox]') as HTMLInputElement;
    exchange.click();
    await first.updateComplete;
    const rate = $(first, '#exchange-rate') as HTMLInputElement;
    rate.value = '0,10';
    rate.dispatchEvent(new Event('input'));
    await press(first, 'answer', () => first.dataset.state === 'answered');
    expect(first.dataset.verified).to.equal('YES');
    const paid2 = answerField(first, 'NB_PAID')!;
    expect(answerField(first, 'NB_WITHDRAWAL_AMOUNT')).to.equal('15,00');
    const dates = `${answerField(first, 'NB_WITHDRAWAL_DATE')}&${answerField(first, 'NB_DEPOSIT_DATE')}`;
    expect(answerField(first, 'NB_HMAC')).to.equal(await webMac(KEY_HEX, `YES&S7&4711&150,00&SEK&15,00&EUR&${dates}&0,10&${paid2}`));

    const again = await repay('150,00', paid);
    await press(again, 'answer', () => again.dataset.state === 'answered');
    expect(again.dataset.verified).to.equal('ERR');
    expect($(again, '[part=answer]')!.textContent).to.contain('already carried out');

    const over = await repay('60,00', paid2);
    await press(over, 'answer', () => over.dataset.state === 'answered');
    expect($(over, '[part=answer]')!.textContent).to.contain('at most 50,00\u00a0SEK remains');

    const euro = await repay('10,00', paid2, 'EUR');
    await press(euro, 'answer', () => euro.dataset.state === 'answered');
    expect(answerField(euro, 'NB_ERROR_DESCR')).to.contain('är inte betalningens valuta SEK');
    expect((await readLedger()).repayments).to.have.length(1);
    await expect(euro).to.be.accessible();
  });

  it('checks with and signs by the key it is given, and says when there is none', async () => {
    const el = await simulatorWith(await payFields('S8'));
    el.key = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    await el.updateComplete;
    expect(table(el).querySelector('tr[data-field=NB_KVV]')!.getAttribute('data-code')).to.equal('kvv-mismatch');
    el.key = null;
    await el.updateComplete;
    expect($(el, '[role=alert]')!.textContent).to.contain('Type a valid key');
    expect(($(el, '[data-action=pay]') as HTMLButtonElement).disabled).to.equal(true);
    el.key = TEST_KEY;
    await el.updateComplete;
    expect(el.dataset.state).to.equal('preview');
  });

  it('shows each warning the handbook allows but integrations trip on, and still offers the payment', async () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ NB_DB_AMOUNT: '1\u00a0200,00' }, 'NB_DB_AMOUNT', 'amount-grouping'],
      [{ NB_DB_AMOUNT: '1.200,00' }, 'NB_DB_AMOUNT', 'amount-grouping'],
      [{ NB_RETURN: 'http://shop.example/return.html' }, 'NB_RETURN', 'url-http'],
    ];
    for (const [change, name, code] of cases) {
      const el = await simulatorWith(await payFields('W1', change));
      const row = table(el).querySelector(`tr[data-field=${name}]`)!;
      expect([row.getAttribute('data-level'), row.getAttribute('data-code')], name).to.deep.equal(['warning', code]);
      expect(table(el).querySelector('[data-verdict]')!.getAttribute('data-verdict')).to.equal('warning');
      expect(el.dataset.state).to.equal('preview');
      expect(($(el, '[data-action=pay]') as HTMLButtonElement).disabled).to.equal(false);
    }
  });

  it('warns about a reference whose check digit fails once the shop’s scheme is chosen', async () => {
    const el = await simulatorWith(await payFields('W2', { NB_DB_REF: '47113' }));
    const ref = () => table(el).querySelector('tr[data-field=NB_DB_REF]')!;
    expect(ref().getAttribute('data-code')).to.equal('ok');
    const events: string[] = [];
    el.addEventListener('ebet-check-digit-change', (e) => events.push(e.detail.checkDigit));
    const select = $(el, '#check-digit') as HTMLSelectElement;
    select.value = 'luhn';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect([ref().getAttribute('data-level'), ref().getAttribute('data-code')]).to.deep.equal(['warning', 'reference-check-digit']);
    expect(ref().textContent).to.contain('47118');
    expect(events).to.deep.equal(['luhn']);
    el.checkDigit = '731';
    await el.updateComplete;
    expect(ref().getAttribute('data-code')).to.equal('reference-check-digit');
    await expect(el).to.be.accessible();
  });

  it('warns when NB_STAMP was already used by an earlier payment in the log, paid or not', async () => {
    const first = await simulatorWith(await payFields('W3'));
    expect(table(first).querySelector('tr[data-field=NB_STAMP]')!.getAttribute('data-code')).to.equal('ok');
    await press(first, 'receipt', () => first.dataset.state === 'paid');
    const again = await simulatorWith(await payFields('W3', { NB_DB_AMOUNT: '300,00' }));
    const row = table(again).querySelector('tr[data-field=NB_STAMP]')!;
    expect([row.getAttribute('data-level'), row.getAttribute('data-code')]).to.deep.equal(['warning', 'stamp-used']);
    expect(row.textContent).to.contain('double billing');
    expect(row.textContent).to.match(/already used on \d{4}-\d\d-\d\d \d\d:\d\d Swedish time, in a payment the simulated bank paid;/);

    // An attempt that was only received (never paid) used its stamp too.
    const received = await simulatorWith(await payFields('W4'));
    await received.load(stored('req-w4', toUrlEncoded(await payFields('W4'))));
    const later = await simulatorWith(await payFields('W4'));
    expect(table(later).querySelector('tr[data-field=NB_STAMP]')!.getAttribute('data-code')).to.equal('stamp-used');
    expect(table(later).querySelector('tr[data-field=NB_STAMP]')!.textContent).to.contain('in the attempt made then (received, not answered)');
    // The request itself, shown again, is not its own earlier payment.
    await later.load(stored('req-w4', toUrlEncoded(await payFields('W4'))));
    expect(table(later).querySelector('tr[data-field=NB_STAMP]')!.getAttribute('data-code')).to.equal('ok');
  });

  it('logs a received request when it arrives and again with its answer; a pasted one at once', async () => {
    const el = await fixture<EbetBankSimulator>(html`<ebet-bank-simulator></ebet-bank-simulator>`);
    await el.load(stored('req-1', toUrlEncoded(await payFields('LOG1'))));
    expect(el.dataset.attempt).to.equal('req-1');
    let log = await readAttempts();
    expect(log.map((a) => [a.id, a.source, a.kind, a.outcome, a.verdict, a.requestString])).to.deep.equal([
      ['req-1', 'posted', 'payDirect', 'received', 'ok', '999999&LOG1&200,00&SEK&4711'],
    ]);
    await press(el, 'receipt', () => el.dataset.state === 'paid');
    log = await readAttempts();
    expect(log[0]!.outcome).to.equal('receipt');
    expect(log[0]!.answer!.macString).to.equal(`LOG1&200,00&SEK&4711&${answerField(el, 'NB_PAID')}`);
    expect(log[0]!.answer!.fields.NB_HMAC).to.equal(await webMac(KEY_HEX, log[0]!.answer!.macString!));
    expect(JSON.stringify(log)).not.to.contain(KEY_HEX);

    const pasted = await simulatorWith(await payFields('LOG2', { NB_DB_AMOUNT: '2.00' }));
    expect(pasted.dataset.state).to.equal('error');
    let rows = await readAttempts();
    expect(rows.map((a) => [a.id, a.source, a.outcome, a.verdict])).to.deep.include([pasted.dataset.attempt, 'pasted', 'received', 'error']);
    // Typed into the paste box: logged as it is edited, one attempt however many keystrokes.
    const typed = await fixture<EbetBankSimulator>(html`<ebet-bank-simulator></ebet-bank-simulator>`);
    const box = typed.shadowRoot!.querySelector('ebet-fields-input')!.shadowRoot!.querySelector('textarea')!;
    for (const text of ['NB_VERSION=0002\nNB_RCV_ID=999999', 'NB_VERSION=0002\nNB_RCV_ID=999999\nNB_STAMP=LOG3']) {
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await waitUntil(async () => (await readAttempts()).some((a) => a.id === typed.dataset.attempt && a.fields.some((f) => f.value === 'LOG3') === text.includes('LOG3')), 'the typed request is logged');
    }
    rows = await readAttempts();
    expect(rows).to.have.length(3);
    const check = await simulatorWith({ NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'LOG1', NB_HMAC: '0'.repeat(32), NB_KVV: TEST_KVV });
    await press(check, 'answer', () => check.dataset.verified === 'not-found');
    await waitUntil(async () => (await readAttempts()).some((a) => a.id === check.dataset.attempt && a.outcome === 'not-found'), 'the answered check is logged');
    expect(await readAttempts()).to.have.length(4);
    const logged = (await readAttempts()).find((a) => a.id === check.dataset.attempt)!;
    expect([logged.source, logged.outcome]).to.deep.equal(['pasted', 'not-found']);
    expect(logged.reason!.en).to.contain('NB_HMAC does not match');
  });

  it('answers a received request at once with the outcome chosen up front, and not again when shown again', async () => {
    const submitted: HTMLFormElement[] = [];
    const original = HTMLFormElement.prototype.submit;
    HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
      submitted.push(this);
    };
    try {
      const el = await fixture<EbetBankSimulator>(html`<ebet-bank-simulator auto-outcome="pay"></ebet-bank-simulator>`);
      expect(el.autoOutcome).to.equal('pay');
      const request = stored('req-auto', toUrlEncoded(await payFields('AUTO1')));
      await el.load(request);
      expect(submitted).to.have.length(1);
      expect(submitted[0]!.action).to.equal('https://shop.example/return.html');
      expect(el.dataset.state).to.equal('paid');
      expect((await readAttempts())[0]!.outcome).to.equal('paid');
      expect((await readLedger()).payments.map((p) => p.stamp)).to.deep.equal(['AUTO1']);

      const back = await fixture<EbetBankSimulator>(html`<ebet-bank-simulator auto-outcome="pay"></ebet-bank-simulator>`);
      await back.load(request);
      expect(submitted).to.have.length(1);
      expect(back.dataset.state).to.equal('preview');

      const bad = await fixture<EbetBankSimulator>(html`<ebet-bank-simulator auto-outcome="pay"></ebet-bank-simulator>`);
      await bad.load(stored('req-auto-bad', toUrlEncoded(await payFields('AUTO2', { NB_DB_AMOUNT: '1.00' }))));
      expect(submitted).to.have.length(1);
      expect(bad.dataset.state).to.equal('error');

      const checker = await fixture<EbetBankSimulator>(html`<ebet-bank-simulator auto-outcome="cancel"></ebet-bank-simulator>`);
      const check = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'AUTO1', NB_HMAC: await webMac(KEY_HEX, '999999&AUTO1'), NB_KVV: TEST_KVV };
      await checker.load({ ...stored('req-auto-check', toUrlEncoded(check)), endpoint: 'check', kind: 'paymentCheck' });
      expect(checker.dataset.verified).to.equal('YES');
    } finally {
      HTMLFormElement.prototype.submit = original;
    }
  });

  it('warns once about a large paste and renders a capped request: 300 hidden fields of 20,011 (issue 25)', async function () {
    this.timeout(120_000);
    const extra = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`EXTRA_${i}`, `value number ${i}`]));
    const small = await simulatorWith(await payFields('BIG1'));
    expect($(small, '[data-code=large-paste]')).to.equal(null);
    const el = await simulatorWith({ ...(await payFields('BIG2')), ...extra });
    expect(el.shadowRoot!.querySelectorAll('[data-code=large-paste]')).to.have.length(1);
    const hooks = $(el, '[data-fields=request]')!;
    expect(hooks.querySelectorAll('input')).to.have.length(300);
    expect(hooks.dataset.more).to.equal(String(20_000 + 11 - 300));
    expect(hooks.querySelector('input[name=NB_STAMP]')!.getAttribute('value')).to.equal('BIG2');
  });

  it('stores a received request bounded: its text cut with its size and hash, the oldest dropped beyond the budget (issue 25)', async function () {
    this.timeout(120_000);
    const received = (text: string): Omit<StoredRequest, 'id'> => ({
      endpoint: 'pay', kind: 'payDirect', method: 'POST', contentType: 'application/x-www-form-urlencoded', receivedAt: new Date().toISOString(), text, charset: 'utf-8',
    });
    const long = `NB_VERSION=0002&NB_DB_REF=${'1'.repeat(3_000_000)}`;
    const id = await saveRequest(received(long));
    const kept = (await loadRequest(id))!;
    expect(kept.text).to.have.length(REQUEST_LIMITS.chars);
    expect(kept.text.startsWith('NB_VERSION=0002&NB_DB_REF=111')).to.equal(true);
    expect(kept.truncated).to.equal(true);
    expect(kept.size).to.equal(long.length);
    expect(kept.cut).to.deep.equal({ field: '', length: long.length, sha256: hashHex(long) });
    const short = (await loadRequest(await saveRequest(received('NB_VERSION=0002'))))!;
    expect(short.text).to.equal('NB_VERSION=0002');
    expect(short.cut).to.equal(undefined);
    // Each cut request takes 64 k characters: beyond the 4 MB budget the oldest go first.
    const ids: string[] = [];
    for (let i = 0; i < REQUEST_LIMITS.store / REQUEST_LIMITS.chars + 2; i++) ids.push(await saveRequest(received(`${i}`.padEnd(REQUEST_LIMITS.chars + 10, 'x'))));
    expect(await loadRequest(id)).to.equal(undefined);
    expect(await loadRequest(ids[0]!)).to.equal(undefined);
    expect((await loadRequest(ids.at(-1)!))!.text.startsWith(`${ids.length - 1}x`)).to.equal(true);
  });
});

function stored(id: string, body: string): StoredRequest {
  return { id, endpoint: 'pay', kind: 'payDirect', method: 'POST', contentType: 'application/x-www-form-urlencoded', receivedAt: new Date().toISOString(), text: body, charset: 'utf-8' };
}
