import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/ebet-mac-doctor/define.ts';
import type { EbetMacDoctor } from '../../../components/ebet-mac-doctor/ebet-mac-doctor.ts';
import { setPageLang } from '../../../components/shared/locale.ts';
import { TEST_KEY, TEST_KVV, verifyMessage } from '../../../src/index.ts';
import { latin1, webHmac, webMac } from '../../support/webcrypto.ts';
import { nextEvent } from '../../support/events.ts';

/** Tests that switch the page to Swedish leave it in English for the next. */
afterEach(() => setPageLang('en'));

const KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';
const FIELDS = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_AMOUNT: '899,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' };

async function doctor(givenMac: string, lang: 'en' | 'sv' = 'en'): Promise<EbetMacDoctor> {
  await setPageLang(lang);
  return fixture<EbetMacDoctor>(
    html`<ebet-mac-doctor kind="payDirect" .fields=${FIELDS} .givenMac=${givenMac} .keys=${TEST_KEY}></ebet-mac-doctor>`,
  );
}

const status = (el: EbetMacDoctor) => el.shadowRoot!.querySelector<HTMLElement>('[part=status]')!;

describe('<ebet-mac-doctor>', () => {
  it('says a MAC that verifies is correct, and fires ebet-diagnosis', async () => {
    const given = await webMac(KEY_HEX, '999999&00002&899,00&SEK&123450');
    const el = await fixture<EbetMacDoctor>(html`<ebet-mac-doctor></ebet-mac-doctor>`);
    const event = nextEvent(el, 'ebet-diagnosis');
    el.kind = 'payDirect';
    el.fields = FIELDS;
    el.keys = TEST_KEY;
    el.givenMac = given;
    const { detail } = await event;
    expect(detail.diagnosis?.status).to.equal('correct');
    await el.updateComplete;
    expect(status(el).dataset.status).to.equal('correct');
    expect(status(el).textContent).to.match(/The MAC is correct/);
    expect(el.diagnosis?.status).to.equal('correct');
  });

  it('calls a right MAC in lower case correct, with the policy’s note in the words verifyMessage uses', async () => {
    const given = (await webMac(KEY_HEX, '999999&00002&899,00&SEK&123450')).toLowerCase();
    const fields = { ...FIELDS, NB_KVV: TEST_KVV };
    const el = await fixture<EbetMacDoctor>(html`<ebet-mac-doctor kind="payDirect" .fields=${fields} .givenMac=${given} .keys=${TEST_KEY}></ebet-mac-doctor>`);
    expect(status(el).dataset.status).to.equal('correct');
    const notes = el.shadowRoot!.querySelectorAll<HTMLElement>('[part=note]');
    expect([...notes].map((n) => [n.dataset.code, n.dataset.field])).to.deep.equal([['hex-case', 'NB_HMAC']]);
    const note = notes[0]!;
    const verified = verifyMessage({ ...fields, NB_HMAC: given }, TEST_KEY);
    expect(note.textContent).to.equal(verified.findings.find((f) => f.code === 'hex-case')!.message.en);
    expect(el.shadowRoot!.querySelector('[part=finding]')).to.equal(null);
  });

  it('names the amount-format mistake and shows how to reproduce the given MAC', async () => {
    const given = await webMac(KEY_HEX, '999999&00002&899.00&SEK&123450');
    const el = await doctor(given);
    const finding = el.shadowRoot!.querySelector<HTMLElement>('[part=finding]')!;
    expect(finding.dataset.causes).to.equal('amount-format');
    expect(finding.textContent).to.contain('Amount signed in another format');
    expect(finding.textContent).to.contain('NB_DB_AMOUNT was signed as "899.00"');
    expect(finding.querySelector('[data-mac]')!.textContent).to.equal(given);
    expect(finding.querySelector('.v')!.textContent).to.equal('999999&00002&899.00&SEK&123450');
    await expect(el).to.be.accessible();
  });

  it('names a pair: amount format and encoding', async () => {
    const fields = { ...FIELDS, NB_STAMP: 'Öl-7' };
    const given = await webMac(KEY_HEX, latin1('999999&Öl-7&899.00&SEK&123450'));
    const el = await fixture<EbetMacDoctor>(
      html`<ebet-mac-doctor kind="payDirect" .fields=${fields} .givenMac=${given} .keys=${TEST_KEY}></ebet-mac-doctor>`,
    );
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part=finding]')!.dataset.causes).to.equal('amount-format encoding');
  });

  it('never shows the key, even when the key was used as text', async () => {
    const given = (await webHmac(latin1(KEY_HEX), '999999&00002&899,00&SEK&123450')).slice(0, 32);
    const el = await doctor(given);
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part=finding]')!.dataset.causes).to.equal('key-as-text');
    const shown = el.shadowRoot!.textContent!.replace(/\s+/g, '');
    expect(shown).to.not.contain(KEY_HEX);
    expect(shown.toUpperCase()).to.not.contain(KEY_HEX);
  });

  it('lists what was tried when nothing explains the MAC, with candidates per second', async () => {
    const el = await doctor('0123456789ABCDEF0123456789ABCDEF');
    expect(status(el).dataset.status).to.equal('unexplained');
    const rows = el.shadowRoot!.querySelectorAll('[part=tried] tbody tr');
    expect(rows.length).to.be.greaterThan(12);
    expect(el.shadowRoot!.querySelector('[data-cause=plain-hash]')).to.not.equal(null);
    const stats = el.shadowRoot!.querySelector<HTMLElement>('[part=stats]')!;
    expect(Number(stats.dataset.candidates)).to.be.greaterThan(1000);
    expect(stats.textContent).to.match(/candidates\/s/);
    await expect(el).to.be.accessible();
  });

  it('shows a bad MAC as an error naming NB_HMAC', async () => {
    const el = await doctor('26D07B3BF8A133425FEFFC79B1AAA4BX');
    expect(status(el).dataset.status).to.equal('error');
    expect(status(el).dataset.field).to.equal('NB_HMAC');
    expect(status(el).getAttribute('role')).to.equal('alert');
    expect(status(el).textContent).to.contain('"X" at position 32 is not hexadecimal');
  });

  it('waits for a key, a MAC and a kind before it runs', async () => {
    const el = await fixture<EbetMacDoctor>(html`<ebet-mac-doctor kind="payDirect" .fields=${FIELDS} given-mac="26D07B3BF8A133425FEFFC79B1AAA4B5"></ebet-mac-doctor>`);
    expect(status(el).dataset.status).to.equal('waiting');
    expect(status(el).textContent).to.match(/valid key/);
    el.keys = TEST_KEY;
    await el.updateComplete;
    expect(status(el).dataset.status).to.equal('correct');
  });

  it('lists the inputs of a big page it left out of the search, in English and Swedish', async () => {
    const fields: Record<string, string> = { ...FIELDS };
    for (let i = 0; i < 110; i++) fields[`input_${i}`] = `value ${i}`;
    for (const lang of ['en', 'sv'] as const) {
      await setPageLang(lang);
      const el = await fixture<EbetMacDoctor>(
        html`<ebet-mac-doctor kind="payDirect" .fields=${fields} given-mac="0123456789ABCDEF0123456789ABCDEF" .keys=${TEST_KEY}></ebet-mac-doctor>`,
      );
      const leftOut = el.shadowRoot!.querySelector<HTMLElement>('[data-left-out]')!;
      expect(Number(leftOut.dataset.leftOut)).to.equal(el.diagnosis!.leftOut.length);
      expect(el.diagnosis!.leftOut.length).to.be.greaterThan(90);
      expect(leftOut.textContent).to.contain('input_109');
      expect(leftOut.textContent).to.contain(lang === 'en' ? 'Left out of the search' : 'Prövades inte som signerade extrafält');
    }
  });

  it('shows nothing left out for a message alone', async () => {
    const el = await doctor('0123456789ABCDEF0123456789ABCDEF');
    expect(el.shadowRoot!.querySelector('[data-left-out]')).to.equal(null);
  });

  it('speaks Swedish', async () => {
    const el = await doctor(await webMac(KEY_HEX, '999999&00002&899.00&SEK&123450'), 'sv');
    expect(el.shadowRoot!.textContent).to.contain('Beloppet signerat i ett annat format');
    expect(el.shadowRoot!.textContent).to.contain('NB_DB_AMOUNT signerades som ”899.00”, men i meddelandet står det ”899,00”');
  });
});
