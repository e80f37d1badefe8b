import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { _HMAC } from '@noble/hashes/hmac.js';
import '../../../components/ebet-calculator/define.ts';
import type { EbetCalculator } from '../../../components/ebet-calculator/ebet-calculator.ts';
import { setPageLang } from '../../../components/shared/locale.ts';
import type { EbetKeyInput } from '../../../components/ebet-key-input/ebet-key-input.ts';
import type { EbetMacDoctor } from '../../../components/ebet-mac-doctor/ebet-mac-doctor.ts';
import type { EbetCopyButton } from '../../../components/ebet-copy-button/ebet-copy-button.ts';
import { computeMacDetails, judgeMessage, TEST_KEY } from '../../../src/index.ts';
import { calculatorCase } from '../../../src/doctor/index.ts';
import { readCalculatorCase } from '../../../src/doctor/index.ts';
import { generateHar, generateLog } from '../../support/session.ts';
import { latin1, webHmac, webMac } from '../../support/webcrypto.ts';

/** Tests that switch the page to Swedish leave it in English for the next. */
afterEach(() => setPageLang('en'));

const KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';
const OTHER_KEY = '00112233445566778899AABBCCDDEEFF';
const LINES = ['NB_VERSION=0002', 'NB_RCV_ID=999999', 'NB_STAMP=00002', 'NB_DB_AMOUNT=899,00', 'NB_DB_CUR=SEK', 'NB_DB_REF=123450'].join('\n');

const root = (el: EbetCalculator) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: EbetCalculator, selector: string) => root(el).querySelector<T>(selector)!;
const keyInput = (el: EbetCalculator) => $<EbetKeyInput>(el, 'ebet-key-input');
const doctor = (el: EbetCalculator) => $<EbetMacDoctor>(el, 'ebet-mac-doctor');
const shownMac = (el: EbetCalculator) => root(el).querySelector('[part=mac]')?.textContent ?? null;
const shownString = (el: EbetCalculator) => root(el).querySelector<HTMLElement>('[part=string]')?.dataset.string ?? null;

function type(input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string, event = 'input'): void {
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true, composed: true }));
}

async function paste(el: EbetCalculator, value: string): Promise<void> {
  const fields = root(el).querySelector('ebet-fields-input')!;
  type(fields.shadowRoot!.querySelector('textarea')!, value);
  await waitUntil(() => fields.value === value, 'the paste box did not take the text');
  await el.updateComplete;
}

async function useTestKey(el: EbetCalculator): Promise<void> {
  const box = keyInput(el).shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
  box.click();
  await keyInput(el).updateComplete;
  await el.updateComplete;
}

async function settle(el: EbetCalculator): Promise<void> {
  await el.updateComplete;
  await doctor(el).updateComplete;
}

/** Counts the HMAC-SHA256 digests finished while `run` runs (every HMAC of the toolkit ends in noble's `digest`). */
async function countHmacs(run: () => unknown): Promise<number> {
  const digest = _HMAC.prototype.digest;
  let count = 0;
  _HMAC.prototype.digest = function (this: typeof _HMAC.prototype) {
    count++;
    return digest.call(this);
  };
  try {
    await run();
  } finally {
    _HMAC.prototype.digest = digest;
  }
  return count;
}

describe('<ebet-calculator>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('computes the MAC and the KVV once per change and judges the message once; a change they do not read computes nothing', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, LINES);
    await useTestKey(el);
    await settle(el);
    // What one computation costs: the MAC and the key's KVV.
    const once = await countHmacs(() => computeMacDetails('payDirect', [{ name: 'NB_RCV_ID', value: '999999' }, { name: 'NB_STAMP', value: '1' }, { name: 'NB_DB_AMOUNT', value: '1,00' }, { name: 'NB_DB_CUR', value: 'SEK' }, { name: 'NB_DB_REF', value: '13' }], KEY_HEX));
    expect(once).to.equal(2);
    // What one judgment costs: the message as the calculator signs it (its MAC and KVV), judged.
    const fields = Object.fromEntries(LINES.split('\n').map((l) => l.split('=') as [string, string]));
    const signed = { ...fields, NB_HMAC: await webMac(KEY_HEX, latin1('999999&00002&899,00&SEK&123450')), NB_KVV: 'FF365893D899291C3BF505FB3175E880' };
    const judged = await countHmacs(() => judgeMessage(signed, { keys: KEY_HEX, kind: 'payDirect', encoding: 'iso-8859-1' }));
    const encoding = await countHmacs(async () => {
      type($<HTMLSelectElement>(el, '#encoding'), 'iso-8859-1', 'change');
      await settle(el);
    });
    expect(encoding, 'HMACs for one change of the encoding').to.equal(once + judged);
    expect(shownMac(el)).to.equal(await webMac(KEY_HEX, '999999&00002&899,00&SEK&123450'));
    const opened = await countHmacs(async () => {
      root(el).querySelector('details')!.open = true;
      await settle(el);
    });
    expect(opened, 'HMACs for an opened editor').to.equal(0);
    const rejudged = await countHmacs(() => judgeMessage({ ...signed, NB_KVV: 'FF36 5893' }, { keys: KEY_HEX, kind: 'payDirect', encoding: 'iso-8859-1' }));
    const typed = await countHmacs(async () => {
      type($<HTMLInputElement>(el, '#kvv'), 'FF36 5893');
      await settle(el);
    });
    expect(typed, 'HMACs for a typed KVV: the verdict only').to.equal(rejudged);
    expect($(el, '#kvv').getAttribute('aria-invalid')).to.equal('true');
  });

  it('pasting fields shows the exact string, its bytes, the HMAC, the MAC and the KVV (checked with WebCrypto)', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, LINES);
    await useTestKey(el);
    expect(shownString(el)).to.equal('999999&00002&899,00&SEK&123450');
    expect(shownMac(el)).to.equal(await webMac(KEY_HEX, '999999&00002&899,00&SEK&123450'));
    expect($(el, '[part=bytes]').textContent).to.equal('39 39 39 39 39 39 26 30 30 30 30 32 26 38 39 39 2C 30 30 26 53 45 4B 26 31 32 33 34 35 30');
    expect($(el, '[part=hmac]').textContent!.slice(0, 32)).to.equal(shownMac(el));
    expect($(el, '[data-kvv-value]').textContent).to.equal('FF36 5893 D899 291C 3BF5 05FB 3175 E880');
    expect(root(el).querySelectorAll('[part=string] .v-separator').length).to.equal(4);
    expect($(el, '[data-kind]').dataset.kind).to.equal('payDirect');
    await expect(el).to.be.accessible();
  });

  it('a pasted HAR file or log gives its first message, and the paste stays as it was', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    const har = generateHar(2).text;
    await paste(el, har);
    await useTestKey(el);
    expect($(el, '[data-picked]').textContent).to.match(/holds 12 messages .* the first, at HAR entry 3: POST https:\/\/bank\.example\/pay/);
    expect(shownString(el)).to.equal('999999&S00000000&550,00&SEK&123450');
    expect(shownMac(el)).to.equal(await webMac(KEY_HEX, '999999&S00000000&550,00&SEK&123450'));
    expect(root(el).querySelector('ebet-fields-input')!.value).to.equal(har);
    await paste(el, generateLog(1000).text);
    expect($(el, '[data-picked]').textContent).to.match(/at line 3/);
    await paste(el, LINES);
    expect(root(el).querySelector('[data-picked]')).to.equal(null);
  });

  it('the verdict comes first: a summary above the paste box says whether the MAC sent matches and links to the details', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    expect(root(el).querySelector('[part=summary]')).to.equal(null);
    const right = await webMac(KEY_HEX, '999999&00002&899,00&SEK&123450');
    await paste(el, `${LINES}\nNB_HMAC=${right}`);
    await useTestKey(el);
    const summary = () => $(el, '[part=summary]');
    expect(summary().dataset.summary).to.equal('match');
    expect(summary().compareDocumentPosition(root(el).querySelector('ebet-fields-input')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await paste(el, `${LINES}\nNB_HMAC=${await webMac(KEY_HEX, '999999&00002&899.00&SEK&123450')}`);
    await waitUntil(() => summary().dataset.summary === 'mismatch', 'the summary did not report the mismatch');
    const link = summary().querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#h-check');
    let scrolled = false;
    $(el, '#h-check').scrollIntoView = () => { scrolled = true; };
    link.click();
    expect(scrolled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('typing a field updates the string and the MAC', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, LINES);
    await useTestKey(el);
    const amount = $<HTMLInputElement>(el, 'input[data-field=NB_DB_AMOUNT]');
    type(amount, '100,50');
    await waitUntil(() => shownString(el) === '999999&00002&100,50&SEK&123450', 'the string did not follow the typed amount');
    await el.updateComplete;
    expect(shownMac(el)).to.equal(await webMac(KEY_HEX, '999999&00002&100,50&SEK&123450'));
  });

  it('types a message from scratch, field by field, after choosing its kind', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await useTestKey(el);
    expect(root(el).textContent).to.contain('choose the message kind');
    type($<HTMLSelectElement>(el, '#kind'), 'paymentCheck', 'change');
    await el.updateComplete;
    expect(root(el).querySelector('details')!.open).to.equal(true);
    type($<HTMLInputElement>(el, 'input[data-field=NB_RCV_ID]'), '999999');
    await el.updateComplete;
    type($<HTMLInputElement>(el, 'input[data-field=NB_STAMP]'), '00002');
    await waitUntil(() => shownString(el) === '999999&00002', 'the typed fields did not make the string');
    expect(root(el).querySelector('details')!.open).to.equal(true);
    expect(shownMac(el)).to.equal(await webMac(KEY_HEX, '999999&00002'));
  });

  it('makes spaces and non-ASCII characters visible, and encodes as chosen', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, '{"NB_VERSION":"0002","NB_RCV_ID":"999999","NB_STAMP":"Åsa 1","NB_DB_AMOUNT":"899,00","NB_DB_CUR":"SEK","NB_DB_REF":"123450"}');
    await useTestKey(el);
    expect(root(el).querySelector('[part=string] .v-space')).to.not.equal(null);
    expect(root(el).querySelector('[part=string] .v-nonAscii')!.textContent).to.equal('Å');
    expect(shownMac(el)).to.equal(await webMac(KEY_HEX, '999999&Åsa 1&899,00&SEK&123450'));
    type($<HTMLSelectElement>(el, '#encoding'), 'iso-8859-1', 'change');
    await el.updateComplete;
    expect(shownMac(el)).to.equal(await webMac(KEY_HEX, latin1('999999&Åsa 1&899,00&SEK&123450')));
    expect($(el, '[part=bytes]').textContent).to.contain('26 C5 73 61 20 31 26');
  });

  it('says at the encoding when ISO-8859-1 cannot hold a character, and keeps the rest', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, '{"NB_RCV_ID":"999999","NB_STAMP":"€1","NB_DB_AMOUNT":"899,00","NB_DB_CUR":"SEK","NB_DB_REF":"123450"}');
    await useTestKey(el);
    type($<HTMLSelectElement>(el, '#encoding'), 'iso-8859-1', 'change');
    await el.updateComplete;
    expect($(el, '#encoding').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#encoding-error').textContent).to.contain('"€" at position 8 cannot be written in ISO-8859-1');
    expect(shownString(el)).to.equal('999999&€1&899,00&SEK&123450');
  });

  it('checks the key against the pasted NB_KVV, and against a typed KVV', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, `${LINES}\nNB_KVV=FF365893D899291C3BF505FB3175E880`);
    await useTestKey(el);
    expect($<HTMLInputElement>(el, '#kvv').value).to.equal('FF365893D899291C3BF505FB3175E880');
    expect($(el, '[part=kvv] [data-kvv]').dataset.kvv).to.equal('match');
    type($<HTMLInputElement>(el, '#kvv'), '05CD 8182 9E26 F440 89FD 91A9 CFBC 75DB');
    await el.updateComplete;
    expect($(el, '[part=kvv] [data-kvv]').dataset.kvv).to.equal('mismatch');
    type($<HTMLInputElement>(el, '#kvv'), 'FF36 5893');
    await el.updateComplete;
    expect($(el, '#kvv').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[part=kvv]').textContent).to.contain('The KVV has 8 hexadecimal characters; it needs exactly 32');
    expect($<HTMLInputElement>(el, '#kvv').value).to.equal('FF36 5893');
    expect(shownMac(el)).to.not.equal(null);
  });

  it('picks the key of the ring valid on the chosen date, and warns on a change-over', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, LINES);
    const toggle = root(el).querySelector<HTMLInputElement>('label.inline input')!;
    toggle.click();
    await waitUntil(() => keyInput(el).ring, 'the key input did not switch to a ring');
    keyInput(el).setKeys([
      { key: TEST_KEY, from: '2026-01-01', to: '2026-06-30' },
      { key: OTHER_KEY, from: '2026-07-01' },
    ]);
    await el.updateComplete;
    type($<HTMLInputElement>(el, '#date'), '2026-08-01');
    await el.updateComplete;
    expect(shownMac(el)).to.equal(await webMac(OTHER_KEY, '999999&00002&899,00&SEK&123450'));
    expect($(el, '[data-key-note]').textContent).to.contain('Key 2 of the ring');
    type($<HTMLInputElement>(el, '#date'), '2026-03-01');
    await el.updateComplete;
    expect(shownMac(el)).to.equal(await webMac(KEY_HEX, '999999&00002&899,00&SEK&123450'));
    type($<HTMLInputElement>(el, '#date'), '2026-07-01');
    await el.updateComplete;
    expect($(el, '[data-warning]').textContent).to.contain('change-over');
  });

  it('runs the doctor on the pasted NB_HMAC and names the cause', async () => {
    const given = await webMac(KEY_HEX, '999999&00002&899.00&SEK&123450');
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, `${LINES}\nNB_HMAC=${given}`);
    await useTestKey(el);
    await settle(el);
    expect($<HTMLInputElement>(el, '#given-mac').value).to.equal(given);
    const finding = doctor(el).shadowRoot!.querySelector<HTMLElement>('[part=finding]')!;
    expect(finding.dataset.causes).to.equal('amount-format');
    expect(doctor(el).diagnosis?.findings[0]?.mac).to.equal(given);
  });

  it('says at the MAC field what is wrong with a typed MAC, keeps it, and keeps computing', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, LINES);
    await useTestKey(el);
    type($<HTMLInputElement>(el, '#given-mac'), '26D07B3BF8A13342');
    await settle(el);
    expect($(el, '#given-mac').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#given-mac-error').textContent).to.contain('The MAC has 16 hexadecimal characters');
    expect($<HTMLInputElement>(el, '#given-mac').value).to.equal('26D07B3BF8A13342');
    expect(shownMac(el)).to.equal('26D07B3BF8A133425FEFFC79B1AAA4B5');
    type($<HTMLInputElement>(el, '#given-mac'), '26D07B3BF8A133425FEFFC79B1AAA4G5');
    await settle(el);
    expect($(el, '#given-mac-error').textContent).to.contain('"G" at position 31 is not hexadecimal');
  });

  it('names a missing signed field at the field, keeping the paste', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    const text = LINES.replace('NB_DB_REF=123450', 'NB_DB_REF=');
    await paste(el, text);
    const error = $(el, 'p.field-error[data-field=NB_DB_REF]');
    expect(error.textContent).to.contain('NB_DB_REF is empty');
    expect($(el, 'input[data-field=NB_DB_REF]').getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).querySelector('ebet-fields-input')!.value).to.equal(text);
    expect($(el, '[data-note]').textContent).to.contain('Fix the fields named above');
  });

  it('names duplicate and unknown fields at the paste box, and signs the first occurrence', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, `${LINES}\nNB_STAMP=99999\nNB_STAMPP=1`);
    await useTestKey(el);
    const fields = root(el).querySelector('ebet-fields-input')!;
    await fields.updateComplete;
    expect(fields.shadowRoot!.querySelector('[data-code=duplicate]')!.textContent).to.contain('NB_STAMP');
    expect(fields.shadowRoot!.querySelector('[data-code=unknown-field]')!.textContent).to.contain('NB_STAMPP');
    expect(shownString(el)).to.equal('999999&00002&899,00&SEK&123450');
    expect(shownMac(el)).to.equal(await webMac(KEY_HEX, '999999&00002&899,00&SEK&123450'));
  });

  it('reports an empty paste at the paste box', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, LINES);
    await paste(el, '   ');
    const fields = root(el).querySelector('ebet-fields-input')!;
    await fields.updateComplete;
    expect(fields.shadowRoot!.querySelector('[data-code=empty]')).to.not.equal(null);
    expect($(el, '[data-note]').textContent).to.contain('Paste or type the fields');
  });

  it('opens a case from #case= and links back to it without the key', async () => {
    const given = await webMac(KEY_HEX, '00002&999999&899,00&SEK&123450');
    const fields = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_AMOUNT: '899,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450', NB_HMAC: given };
    history.replaceState(null, '', `#${calculatorCase('payDirect', fields)}`);
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await waitUntil(() => shownString(el) === '999999&00002&899,00&SEK&123450', 'the case did not open');
    await useTestKey(el);
    await settle(el);
    expect($<HTMLSelectElement>(el, '#kind').value).to.equal('payDirect');
    expect($<HTMLInputElement>(el, '#given-mac').value).to.equal(given);
    expect(doctor(el).shadowRoot!.querySelector<HTMLElement>('[part=finding]')!.dataset.causes).to.equal('field-order');
    const link = $<EbetCopyButton>(el, 'ebet-copy-button[data-copy=link]').value;
    expect(link.replace(/[^A-F0-9]/gi, '')).to.not.contain(KEY_HEX);
    const opened = readCalculatorCase(new URL(link).hash);
    expect(opened.case?.mac).to.equal(given);
    expect(JSON.stringify(opened.case)).to.not.contain(KEY_HEX);
    expect(location.hash).to.not.contain(KEY_HEX);
  });

  it('opens a new case when the fragment changes', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, LINES);
    location.hash = calculatorCase('paymentCheck', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '77', NB_HMAC: '' });
    await waitUntil(() => shownString(el) === '999999&77', 'the new case did not open');
    expect($<HTMLSelectElement>(el, '#kind').value).to.equal('paymentCheck');
  });

  it('says so when the #case= link is broken, and still works', async () => {
    history.replaceState(null, '', '#case=%%%');
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    expect($(el, '[data-error=case]').textContent).to.contain('could not be read');
    await paste(el, LINES);
    await useTestKey(el);
    expect(shownMac(el)).to.equal('26D07B3BF8A133425FEFFC79B1AAA4B5');
  });

  it('copies the complete signed form with NB_HMAC and NB_KVV, never the key', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, `<form action="https://bank.example/pay" method="post"><input name="NB_VERSION" value="0002"><input name="NB_RCV_ID" value="999999"><input name="NB_STAMP" value="00002"><input name="NB_DB_AMOUNT" value="899,00"><input name="NB_DB_CUR" value="SEK"><input name="NB_DB_REF" value="123450"></form>`);
    await useTestKey(el);
    const form = $<EbetCopyButton>(el, 'ebet-copy-button[data-copy=form]').value;
    expect(form).to.contain('action="https://bank.example/pay"');
    expect(form).to.contain('name="NB_HMAC" value="26D07B3BF8A133425FEFFC79B1AAA4B5"');
    expect(form).to.contain('name="NB_KVV" value="FF365893D899291C3BF505FB3175E880"');
    expect(form.toUpperCase().replace(/\s+/g, '')).to.not.contain(KEY_HEX);
  });

  it('is usable in Swedish', async () => {
    await setPageLang('sv');
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await paste(el, LINES);
    await useTestKey(el);
    expect(root(el).textContent).to.contain('Signerad sträng');
    await expect(el).to.be.accessible();
  });

  it('tells the verdict the decoder tells: 899.00 signed as sent is an error, a lower-case MAC a warning, in the core’s words', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await useTestKey(el);
    const form = (amount: string, mac: string) => `${LINES.replace('899,00', amount)}\nNB_RETURN=https://shop.example/r\nNB_CANCEL=https://shop.example/c\nNB_REJECT=https://shop.example/x\nNB_HMAC=${mac}\nNB_KVV=FF365893D899291C3BF505FB3175E880`;
    const line = () => $(el, '[data-verdict-line]');
    const point = form('899.00', await webMac(KEY_HEX, '999999&00002&899.00&SEK&123450'));
    await paste(el, point);
    const core = judgeMessage(Object.fromEntries(point.split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])), { keys: TEST_KEY });
    expect(core.level).to.equal('error');
    expect([line().dataset.summary, line().dataset.verdict, line().dataset.codes]).to.deep.equal(['match', 'error', core.codes.join(' ')]);
    expect(line().dataset.codes!.split(' ')).to.include('amount-decimal-point');
    expect(line().textContent).to.contain(core.line.en);
    await paste(el, form('899,00', (await webMac(KEY_HEX, '999999&00002&899,00&SEK&123450')).toLowerCase()));
    await waitUntil(() => line().dataset.verdict === 'warning', 'a lower-case MAC is not a warning');
    expect(line().dataset.codes).to.equal('hex-case');
    expect(line().className).to.contain('level-warning');
  });

  it('names the doctor’s cause on the top line at once, and the KVV line says the key was used as text', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    await useTestKey(el);
    const asText = await webHmac(latin1(KEY_HEX), '999999&00002&899,00&SEK&123450');
    await paste(el, `${LINES}\nNB_HMAC=${asText.slice(0, 32)}\nNB_KVV=05CD81829E26F44089FD91A9CFBC75DB`);
    const line = $(el, '[data-verdict-line]');
    expect(line.dataset.codes!.split(' ')).to.include.members(['mac-mismatch', 'key-as-text', 'kvv-key-as-text']);
    expect(line.textContent).to.contain('The key was used as its');
    expect($(el, '[part=kvv] [data-kvv]').textContent).to.contain('as text');
  });

  it('warns once about a large paste and shows a megabyte-long field name cut, with its length (issue 25)', async () => {
    const el = await fixture<EbetCalculator>(html`<ebet-calculator></ebet-calculator>`);
    const name = `NB_${'X'.repeat(1024 * 1024)}`;
    const text = `NB_VERSION=0002\nNB_RCV_ID=999999\nNB_STAMP=1\n${name}=1`;
    await paste(el, text);
    // Over 256 kB: held out of the text area, which shows its size, and read in the worker.
    const box = root(el).querySelector('ebet-fields-input')!.shadowRoot!;
    expect(box.querySelector<HTMLElement>('[data-held]')!.dataset.held).to.equal(String(text.length));
    expect(box.querySelector('textarea')!.value).to.equal('');
    await waitUntil(() => root(el).querySelector('[data-code="large-paste"]'), 'the large paste was not read');
    const large = root(el).querySelectorAll('[data-code="large-paste"]');
    expect(large.length).to.equal(1);
    expect(large[0]!.textContent).to.contain('A large paste (1.0 MB): long values are shown cut short');
    const warning = [...root(el).querySelector('ebet-fields-input')!.shadowRoot!.querySelectorAll('li[data-code="unknown-field"]')].map((li) => li.textContent!);
    expect(warning.join(' ')).to.contain(`(${name.length.toLocaleString('en-US')} characters) is not a field of the handbook`);
    expect(warning.join(' ').length).to.be.below(1000);
  });
});

