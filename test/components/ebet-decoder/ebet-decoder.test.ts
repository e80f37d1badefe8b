import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/ebet-decoder/define.ts';
import type { EbetDecoder } from '../../../components/ebet-decoder/ebet-decoder.ts';
import { setPageLang } from '../../../components/shared/locale.ts';
import type { EbetCopyButton } from '../../../components/ebet-copy-button/ebet-copy-button.ts';
import type { EbetFieldsInput } from '../../../components/ebet-fields-input/ebet-fields-input.ts';
import type { EbetMacDoctor } from '../../../components/ebet-mac-doctor/ebet-mac-doctor.ts';
import type { EbetKeyInput } from '../../../components/ebet-key-input/ebet-key-input.ts';
import { computeKvv, normalizeKey, TEST_KEY } from '../../../src/index.ts';
import { body, RECEIPT, RECEIPT_STRING, signedReceipt } from '../../support/receipt.ts';
import { latin1, webHmac, webMac } from '../../support/webcrypto.ts';
import { nextEvent } from '../../support/events.ts';
import { generateHar, generateLog } from '../../support/session.ts';
import type { EbetSession } from '../../../components/ebet-session/ebet-session.ts';

/** Tests that switch the page to Swedish leave it in English for the next. */
afterEach(() => setPageLang('en'));

const K2 = '00112233445566778899AABBCCDDEEFF';
const STRING = RECEIPT_STRING;
const receipt = (key = TEST_KEY, overrides: Record<string, string> = {}) => signedReceipt(key, overrides);

const root = (el: EbetDecoder) => el.shadowRoot!;
const pasteBox = (el: EbetDecoder) => root(el).querySelector<EbetFieldsInput>('ebet-fields-input:not(.order)')!;
const keyInput = (el: EbetDecoder) => root(el).querySelector<EbetKeyInput>('ebet-key-input')!;
const articles = (el: EbetDecoder) => [...root(el).querySelectorAll<HTMLElement>('article')];

async function paste(el: EbetDecoder, value: string, box = pasteBox(el)): Promise<void> {
  box.value = value;
  await box.updateComplete;
  await el.updateComplete;
}

async function useTestKey(el: EbetDecoder): Promise<void> {
  const check = keyInput(el).shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
  check.click();
  await el.updateComplete;
}

async function decoder(lang: 'en' | 'sv' = 'en'): Promise<EbetDecoder> {
  await setPageLang(lang);
  return fixture<EbetDecoder>(html`<ebet-decoder></ebet-decoder>`);
}

describe('<ebet-decoder>', () => {
  it('verifies a pasted receipt with the test key: kind, signed fields, exact string, MACs side by side, KVV', async () => {
    const el = await decoder();
    await useTestKey(el);
    const event = nextEvent(el, 'ebet-decode');
    await paste(el, body(await receipt()));
    const { detail } = await event;
    expect(detail.list.messages[0]!.verification.verified).to.equal(true);
    const [article] = articles(el);
    expect(article!.dataset.kind).to.equal('payDirectReturn');
    expect(article!.dataset.outcome).to.equal('verified');
    expect(article!.querySelector('h3')!.textContent).to.contain('Pay direct receipt');
    expect(article!.querySelector('[part=verdict]')!.textContent).to.contain('Paid: the bank');
    // One key: named once, not "the key (the only key)".
    expect(article!.querySelector('table[part=mac]')!.textContent!.replace(/\s+/g, ' ')).to.match(/the key, KVV/);
    expect(article!.querySelector('table[part=mac]')!.textContent).not.to.contain('only key');
    expect([...article!.querySelectorAll('ol.signed li')].map((li) => li.textContent!.split('=')[0]!.trim())).to.deep.equal([
      'NB_RETURN_STAMP', 'NB_RETURN_DB_AMOUNT', 'NB_RETURN_DB_CUR', 'NB_RETURN_DB_REF', 'NB_PAID',
    ]);
    // The exact string, with the padding space made visible as ·
    expect(article!.querySelector('[data-string]')!.textContent!.replace(/\s+/g, '')).to.equal('00002&550,00&·SEK&123450&20261123101500123456');
    const mac = await webMac(TEST_KEY, STRING);
    expect(article!.querySelector('[data-expected]')!.textContent!.trim()).to.equal(mac);
    expect(article!.querySelector('[data-given]')!.textContent!.trim()).to.equal(mac);
    expect(article!.querySelector('[data-kvv]')!.getAttribute('data-kvv')).to.equal('match');
    expect(article!.querySelector('[data-doctor]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers the mismatch doctor in one click for a failed MAC, with the case filled in and never the key', async () => {
    const el = await decoder();
    await useTestKey(el);
    await paste(el, body({ ...(await receipt()), NB_RETURN_DB_AMOUNT: '5500,00' }));
    const [article] = articles(el);
    expect(article!.dataset.outcome).to.equal('mismatch');
    expect(article!.querySelector('[part=verdict]')!.getAttribute('data-level')).to.equal('error');
    expect(article!.querySelector('[data-code=mac-mismatch]')).not.to.equal(null);
    const link = article!.querySelector<HTMLAnchorElement>('a[data-doctor]')!;
    const href = link.getAttribute('href')!;
    expect(href.startsWith('../calculator/#case=')).to.equal(true);
    const b64 = href.split('#case=')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0)));
    const data = JSON.parse(json);
    expect(data.kind).to.equal('payDirectReturn');
    expect(data.fields.NB_RETURN_DB_AMOUNT).to.equal('5500,00');
    expect(data.mac).to.equal(await webMac(TEST_KEY, STRING));
    expect(json).not.to.contain(normalizeKey(TEST_KEY));
    const copy = root(el).querySelector<EbetCopyButton>('ebet-copy-button.summary-copy')!;
    expect(copy.value).to.contain('MAC: DOES NOT MATCH');
    expect(copy.value).to.match(/Mismatch doctor: https?:\/\/\S+\/calculator\/#case=[A-Za-z0-9_-]+/);
    expect(copy.value).not.to.contain(normalizeKey(TEST_KEY));
    expect(copy.value).not.to.contain(TEST_KEY);
  });

  it('opens the mismatch doctor inline with the case filled in, and it names the cause', async () => {
    const el = await decoder();
    await useTestKey(el);
    // A classic bug: the key's 32 characters used as ASCII text instead of its 16 bytes.
    const asText = (await webHmac(latin1('1234567890ABCDEF1234567890ABCDEF'), STRING)).slice(0, 32);
    await paste(el, body({ ...RECEIPT, NB_HMAC: asText, NB_KVV: computeKvv(TEST_KEY) }));
    const [article] = articles(el);
    expect(article!.dataset.outcome).to.equal('mismatch');
    expect(article!.querySelector('ebet-mac-doctor')).to.equal(null);
    const toggle = article!.querySelector<HTMLButtonElement>('[data-doctor-toggle]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const diagnosed = nextEvent(el, 'ebet-diagnosis');
    toggle.click();
    const { detail } = await diagnosed;
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const doctor = article!.querySelector<EbetMacDoctor>('ebet-mac-doctor')!;
    expect(doctor.kind).to.equal('payDirectReturn');
    expect(doctor.givenMac).to.equal(asText);
    expect(detail.diagnosis!.status).to.equal('explained');
    expect(detail.diagnosis!.findings[0]!.causes).to.include('key-as-text');
    await expect(el).to.be.accessible();
  });

  it('decodes several receipts at once and warns about a replay', async () => {
    const el = await decoder();
    await useTestKey(el);
    const a = body(await receipt());
    const b = body(await receipt(TEST_KEY, { NB_RETURN_STAMP: '00003', NB_PAID: '20261123111500000000' }));
    await paste(el, `${a}\n${b}\n${a}`);
    expect(articles(el)).to.have.length(3);
    expect(articles(el).map((x) => x.dataset.outcome)).to.deep.equal(['verified', 'verified', 'verified']);
    expect(pasteBox(el).classList.contains('multi')).to.equal(true);
    const overview = root(el).querySelector('[part=summary]')!;
    expect(overview.textContent).to.contain('3 messages');
    expect(overview.querySelector('[data-code=replay-paid]')!.textContent).to.contain('Messages 1, 3');
    expect(articles(el)[2]!.querySelector('[data-code=replay-paid]')).not.to.equal(null);
    expect(articles(el)[1]!.querySelector('[data-code=replay-paid]')).to.equal(null);
    expect(articles(el)[2]!.querySelector('h3')!.textContent).to.contain('line 3');
    await expect(el).to.be.accessible();
  });

  it('explains ERR: no MAC by design, proves nothing, check again later', async () => {
    const el = await decoder();
    await useTestKey(el);
    await paste(el, 'NB_VERIFIED=ERR\nNB_RETURN_STAMP=00002\nNB_HMAC=\nNB_KVV=\nNB_ERROR_DESCR=Tekniskt fel');
    const [article] = articles(el);
    expect(article!.dataset.outcome).to.equal('unsigned');
    const verdict = article!.querySelector('[part=verdict]')!;
    expect(verdict.getAttribute('data-level')).to.equal('unknown');
    expect(verdict.textContent).to.contain('proves nothing');
    expect(verdict.textContent).to.contain('check again later');
    expect(article!.textContent).to.contain('Tekniskt fel');
    expect(article!.querySelector('[data-string]')).to.equal(null);
    expect(article!.querySelector('[data-doctor]')).to.equal(null);
  });

  it('reads every message as the kind chosen, and shows the test page’s table of a message on demand', async () => {
    const el = await decoder();
    await paste(el, 'NB_VERIFIED=ERR\nNB_RETURN_STAMP=00002\nNB_ERROR_DESCR=Beloppet är för stort');
    expect(articles(el)[0]!.dataset.kind).to.equal('paymentCheckResponse');
    const select = root(el).querySelector<HTMLSelectElement>('#kind')!;
    select.value = 'repaymentResponse';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const [article] = articles(el);
    expect(article!.dataset.kind).to.equal('repaymentResponse');
    expect(article!.querySelector('[part=verdict]')!.textContent).to.contain('treat the repayment as unknown');
    expect(article!.querySelector('ebet-field-table')).to.equal(null);
    const details = article!.querySelector('details')!;
    details.open = true;
    await new Promise((r) => details.addEventListener('toggle', r, { once: true }));
    await el.updateComplete;
    const table = article!.querySelector('ebet-field-table')!;
    await table.updateComplete;
    expect(table.shadowRoot!.querySelector('tr[data-field=NB_RETURN_REPAY_AMOUNT]')!.getAttribute('data-code')).to.equal('missing');
  });

  it('cross-checks against the order typed in, by meaning, showing the difference', async () => {
    const el = await decoder();
    await useTestKey(el);
    await paste(el, body(await receipt()));
    await paste(el, 'NB_STAMP=00002\nNB_DB_AMOUNT=550.00\nNB_DB_CUR=SEK\nNB_DB_REF=123451', root(el).querySelector<EbetFieldsInput>('ebet-fields-input.order')!);
    const rows = [...articles(el)[0]!.querySelectorAll<HTMLElement>('table.cross tbody tr')];
    expect(rows.map((r) => [r.dataset.field, r.dataset.result])).to.deep.equal([
      ['NB_RETURN_STAMP', 'same'],
      ['NB_RETURN_DB_AMOUNT', 'same-meaning'],
      ['NB_RETURN_DB_CUR', 'same-meaning'],
      ['NB_RETURN_DB_REF', 'different'],
    ]);
    expect(rows[2]!.textContent).to.contain('exactly as received');
    expect(rows[3]!.textContent).to.contain('Do not deliver on it');
  });

  it('picks the key of a ring by the date in NB_PAID', async () => {
    const el = await decoder();
    keyInput(el).setKeys([{ key: TEST_KEY, to: '2026-06-30' }, { key: K2, from: '2026-07-01' }]);
    await paste(el, `${body(await receipt(K2))}\n${body(await receipt(TEST_KEY, { NB_PAID: '20260301120000', NB_RETURN_STAMP: '00001' }))}`);
    await el.updateComplete;
    const [autumn, spring] = articles(el);
    expect(autumn!.dataset.outcome).to.equal('verified');
    expect(autumn!.querySelector('table[part=mac]')!.textContent).to.contain('key 2 of 2');
    expect(autumn!.querySelector('table[part=mac]')!.textContent).to.contain('valid on the date in NB_PAID');
    expect(spring!.dataset.outcome).to.equal('verified');
    expect(spring!.querySelector('table[part=mac]')!.textContent).to.contain('key 1 of 2');
  });

  it('signs in the chosen encoding', async () => {
    const el = await decoder();
    await useTestKey(el);
    const fields = { ...RECEIPT, NB_RETURN_STAMP: 'Åsa' };
    await paste(el, JSON.stringify({ ...fields, NB_HMAC: await webMac(TEST_KEY, latin1(`Åsa&550,00& SEK&123450&20261123101500123456`)) }));
    expect(articles(el)[0]!.dataset.outcome).to.equal('mismatch');
    const select = root(el).querySelector<HTMLSelectElement>('#encoding')!;
    select.value = 'iso-8859-1';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(articles(el)[0]!.dataset.outcome).to.equal('verified');
    expect(articles(el)[0]!.textContent).to.contain('ISO-8859-1');
  });

  it('gives a binary paste its message, and a paste without bank fields the cancel/reject note', async () => {
    const el = await decoder();
    await paste(el, '\u0089PNG\r\n\u001a\n\u0000\u0000');
    expect(articles(el)).to.have.length(0);
    expect(pasteBox(el).shadowRoot!.querySelector('[data-code=binary]')!.textContent).to.contain('binary data');
    expect(root(el).querySelector('[part=summary]')!.textContent).to.contain('Paste something above');
    await paste(el, 'https://shop.example/cancel.html?order=17');
    const [article] = articles(el);
    expect(article!.dataset.outcome).to.equal('unknown-kind');
    expect(article!.querySelector('[part=verdict]')!.textContent).to.contain('A cancel/reject return carries no fields and proves nothing');
  });

  it('names unknown fields, missing mandatory ones and a MAC of the wrong length', async () => {
    const el = await decoder();
    await useTestKey(el);
    const { NB_PAID: _paid, ...noPaid } = RECEIPT;
    await paste(el, `${body({ ...noPaid, NB_HMAC: 'A'.repeat(32), NB_FOO: '1' })}\n${body({ ...RECEIPT, NB_HMAC: 'ABC' })}`);
    const [missing, short] = articles(el);
    expect(missing!.dataset.outcome).to.equal('incomplete');
    expect(missing!.querySelector('[data-code=missing-field]')!.textContent).to.contain('NB_PAID is missing');
    expect(missing!.querySelector('[data-code=unknown-field]')!.textContent).to.contain('NB_FOO');
    expect(short!.dataset.outcome).to.equal('malformed-mac');
    expect(short!.querySelector('[data-code=hex-length]')!.textContent).to.contain('it must be exactly 32');
  });

  it('the verdict comes first: one line atop the tool says verified, or names the first error in the verification’s words and links to its doctor (by keyboard)', async () => {
    const el = await decoder();
    await useTestKey(el);
    const line = () => root(el).querySelector<HTMLElement>('[part=verdict-summary]')!;
    expect(root(el).querySelector('[part=verdict-summary]')).to.equal(null);
    await paste(el, body(await receipt()));
    expect(line().dataset.summary).to.equal('ok');
    // The receipt's " SEK", as the bank pads it, is the policy's note: the level stays ok.
    expect([line().dataset.verdict, line().dataset.codes]).to.deep.equal(['ok', 'currency-space']);
    expect(line().textContent).to.match(/OK: no errors; the MAC verifies \([0-9A-F]{32}\)/);
    // At the top of the tool: before the paste box, not a screen or two below it.
    expect(line().compareDocumentPosition(root(el).querySelector('ebet-fields-input')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);

    const good = body(await receipt());
    const altered = body(await receipt(TEST_KEY)).replace('NB_RETURN_DB_AMOUNT=', 'NB_RETURN_DB_AMOUNT=1');
    await paste(el, `${good}\n${altered}`);
    const [, second] = articles(el);
    expect(second!.dataset.verdict).to.equal('error');
    expect(line().dataset.summary).to.equal('error');
    const finding = second!.querySelector('li[data-code=mac-mismatch]')!.textContent!.replace(/\s+/g, ' ').replace(/^ ?Error: /, '').trim();
    expect(line().textContent!.replace(/\s+/g, ' ')).to.contain(`Message 2: Error: ${finding}`);
    const link = line().querySelector('a')!;
    expect(link.textContent).to.equal('See why');
    expect(second!.querySelector('ebet-mac-doctor')).to.equal(null);
    link.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'doctor-2', 'the link did not move the focus to the doctor');
    expect(root(el).querySelector('#doctor-2 ebet-mac-doctor')).to.not.equal(null);
    expect(location.hash).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows a long list a page at a time', async () => {
    const el = await decoder();
    const line = body(await receipt());
    await paste(el, `${line}\n`.repeat(60));
    expect(articles(el)).to.have.length(50);
    expect(root(el).querySelector('[part=summary]')!.textContent).to.contain('60 messages (showing 1–50)');
    const more = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes('Show the next'))!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(articles(el)).to.have.length(60);
  });

  it('is usable from the keyboard: the test key switches on with Space', async () => {
    const el = await decoder();
    await paste(el, body(await receipt()));
    expect(articles(el)[0]!.dataset.outcome).to.equal('no-key');
    keyInput(el).shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(articles(el)[0]!.dataset.outcome).to.equal('verified');
  });

  it('speaks Swedish', async () => {
    const el = await decoder('sv');
    await useTestKey(el);
    await paste(el, body(await receipt()));
    expect(root(el).querySelector('h1')!.textContent).to.equal('Svarsavkodare');
    expect(articles(el)[0]!.querySelector('[part=verdict]')!.textContent).to.contain('Betald: bankens kvitto');
    expect(root(el).textContent).to.contain('Exakt den sträng som signeras');
  });

  it('each card and the top line carry the verdict’s hooks: a receipt signed right without NB_KVV is an error, never a green "Paid"', async () => {
    const el = await decoder();
    await useTestKey(el);
    const { NB_KVV: _, ...withoutKvv } = await receipt();
    await paste(el, `${body(await receipt())}\n${body(withoutKvv)}`);
    const [good, bad] = articles(el);
    expect([good!.dataset.message, good!.dataset.verdict, good!.dataset.codes]).to.deep.equal(['1', 'ok', 'currency-space']);
    expect([bad!.dataset.message, bad!.dataset.verdict, bad!.dataset.outcome]).to.deep.equal(['2', 'error', 'verified']);
    expect(bad!.dataset.codes!.split(' ')).to.include('kvv-missing');
    expect(bad!.querySelector('[part=verdict-line]')!.className).to.contain('level-error');
    expect(bad!.querySelector('[part=verdict]')!.textContent).not.to.match(/^\s*Paid/);
    const line = root(el).querySelector<HTMLElement>('[data-verdict-line]')!;
    expect(line.dataset.verdict).to.equal('error');
    expect(line.dataset.codes!.split(' ')).to.include('kvv-missing');
    expect(line.textContent).to.contain('Message 2: Error: NB_KVV');
  });

  it('runs the doctor at once on a failing MAC: the top line names its cause and the codes carry it', async () => {
    const el = await decoder();
    await useTestKey(el);
    const mac = (await webHmac(latin1(TEST_KEY), STRING)).slice(0, 32);
    await paste(el, body({ ...RECEIPT, NB_HMAC: mac, NB_KVV: computeKvv(TEST_KEY) }));
    const line = root(el).querySelector<HTMLElement>('[data-verdict-line]')!;
    expect(line.dataset.codes!.split(' ')).to.include.members(['mac-mismatch', 'key-as-text']);
    expect(line.textContent).to.contain('Error: The key was used as its');
    expect(articles(el)[0]!.dataset.codes).to.equal(line.dataset.codes);
  });

  it('a HAR file pasted into the main box goes to the session view, saying so — never a JSON error', async () => {
    const el = await decoder();
    const har = generateHar(2);
    await paste(el, har.text);
    const note = root(el).querySelector('[data-handoff]')!;
    expect(note.textContent).to.contain('read as a whole session');
    expect(root(el).textContent).not.to.contain('must be a string');
    expect(articles(el)).to.have.length(0);
    const session = root(el).querySelector<EbetSession>('ebet-session')!;
    await waitUntil(() => session.shadowRoot?.querySelector('[data-summary]')?.getAttribute('data-messages') === String(har.messages), 'the session view did not read the HAR');
    // A log too.
    await paste(el, generateLog(3000).text);
    expect(root(el).querySelector('[data-handoff]')).to.not.equal(null);
  });

  it('shows a reference hidden behind U+202E as such, isolated, and flags it (issue 25)', async () => {
    const el = await decoder();
    await useTestKey(el);
    // Displayed raw, U+202E 054321 reads as 123450: the order's reference.
    await paste(el, body(await receipt(TEST_KEY, { NB_RETURN_DB_REF: '\u202e054321' })));
    const [article] = articles(el);
    const flagged = article!.querySelector('li[data-code="bidi-control"]')!;
    expect(flagged.textContent).to.contain('NB_RETURN_DB_REF holds the direction control U+202E (at position 1)');
    const ref = [...article!.querySelectorAll('ol.signed li')].find((li) => li.textContent!.includes('NB_RETURN_DB_REF'))!;
    const marker = ref.querySelector('.v-bidi')!;
    expect(marker.textContent).to.equal('U+202E');
    expect(marker.closest('.v')!.textContent).to.equal('U+202E054321');
    expect(getComputedStyle(marker.closest('.v')!).unicodeBidi).to.equal('isolate');
    // The marker is text, not the control: nothing in the row is reordered.
    expect(ref.textContent).not.to.contain('\u202e');
  });
});
