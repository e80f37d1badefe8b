import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/ebet-decoder/define.ts';
import type { EbetDecoder } from '../../../components/ebet-decoder/ebet-decoder.ts';
import type { EbetFieldsInput } from '../../../components/ebet-fields-input/ebet-fields-input.ts';
import type { EbetKeyInput } from '../../../components/ebet-key-input/ebet-key-input.ts';
import type { EbetMacDoctor } from '../../../components/ebet-mac-doctor/ebet-mac-doctor.ts';
import { setPageLang } from '../../../components/shared/locale.ts';
import { TEST_KEY } from '../../../src/index.ts';
import { A_RING_RECEIPT, A_RING_STRING, answerPage } from '../../support/receipt.ts';
import { latin1, webMac } from '../../support/webcrypto.ts';

afterEach(() => setPageLang('en'));


async function decoder(lang: 'en' | 'sv' = 'en'): Promise<EbetDecoder> {
  await setPageLang(lang);
  const el = await fixture<EbetDecoder>(html`<ebet-decoder></ebet-decoder>`);
  el.shadowRoot!.querySelector<EbetKeyInput>('ebet-key-input')!.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
  await el.updateComplete;
  return el;
}

async function paste(el: EbetDecoder, value: string): Promise<HTMLElement> {
  const box = el.shadowRoot!.querySelector<EbetFieldsInput>('ebet-fields-input:not(.order)')!;
  box.value = value;
  await box.updateComplete;
  await el.updateComplete;
  return el.shadowRoot!.querySelector<HTMLElement>('article')!;
}

describe('<ebet-decoder>: the charset a pasted page declares', () => {
  it('verifies a page with <meta charset="iso-8859-1"> signed over ISO-8859-1 bytes, with UTF-8 chosen, and says which charset it used', async () => {
    const el = await decoder();
    const article = await paste(el, answerPage({ ...A_RING_RECEIPT, NB_HMAC: await webMac(TEST_KEY, latin1(A_RING_STRING)) }, '<meta charset="iso-8859-1">'));
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#encoding')!.value).to.equal('utf-8');
    expect(article.dataset.outcome).to.equal('verified');
    const note = article.querySelector<HTMLElement>('[data-charset]')!;
    expect(note.dataset.charset).to.equal('iso-8859-1');
    expect(note.dataset.charsetSource).to.equal('meta');
    expect(note.textContent!.trim()).to.equal('The MAC was checked in ISO-8859-1 (Latin-1) (declared by the page’s <meta charset>).');
    expect(article.querySelector('h4:has(+ [data-string])')!.textContent).to.contain('ISO-8859-1');
    await expect(el).to.be.accessible();
  });

  it('says it in Swedish too, and the same page without the declaration does not verify in UTF-8 and says nothing of a charset', async () => {
    const el = await decoder('sv');
    const mac = await webMac(TEST_KEY, latin1(A_RING_STRING));
    let article = await paste(el, answerPage({ ...A_RING_RECEIPT, NB_HMAC: mac }, '<meta charset="iso-8859-1">'));
    expect(article.querySelector('[data-charset]')!.textContent!.trim()).to.equal('MAC:en kontrollerades i ISO-8859-1 (Latin-1) (angiven i sidans <meta charset>).');
    article = await paste(el, answerPage({ ...A_RING_RECEIPT, NB_HMAC: mac }, ''));
    expect(article.dataset.outcome).to.equal('mismatch');
    expect(article.dataset.codes!.split(' ')).to.include('encoding');
    expect(article.querySelector('[data-charset]')).to.equal(null);
  });

  it('checks a MAC nothing explains in the declared charset, and says so', async () => {
    const el = await decoder();
    const article = await paste(el, answerPage({ ...A_RING_RECEIPT, NB_HMAC: '0123456789ABCDEF0123456789ABCDEF' }, '<meta charset="iso-8859-1">'));
    expect(article.dataset.outcome).to.equal('mismatch');
    expect(article.querySelector('[data-verdict-text]')!.textContent).to.contain(`with the key and ISO-8859-1 (Latin-1) the MAC of "${A_RING_STRING}" is ${await webMac(TEST_KEY, latin1(A_RING_STRING))}`);
    expect(article.querySelector('[data-charset]')!.textContent!.trim()).to.equal('The MAC was checked in ISO-8859-1 (Latin-1) (declared by the page’s <meta charset>).');
  });

  it('hands the declared charset and where it was declared to the doctor opened under the message', async () => {
    const el = await decoder();
    const article = await paste(el, answerPage({ ...A_RING_RECEIPT, NB_HMAC: '0123456789ABCDEF0123456789ABCDEF' }, '<meta charset="iso-8859-1">'));
    article.querySelector<HTMLButtonElement>('[data-doctor-toggle]')!.click();
    await el.updateComplete;
    const doctor = article.querySelector<EbetMacDoctor>('ebet-mac-doctor')!;
    await customElements.whenDefined('ebet-mac-doctor');
    await waitUntil(() => doctor.diagnosis !== null, 'the doctor did not run');
    expect(doctor.diagnosis!.encoding).to.equal('iso-8859-1');
    expect(doctor.diagnosis!.message.en).to.match(/^The MAC does not verify in ISO-8859-1 \(Latin-1\) \(declared by the page’s <meta charset>\) and none of the [\d,]+ candidates tried explains it/);
    await doctor.updateComplete;
    expect(doctor.shadowRoot!.textContent).to.contain('declared by the page’s <meta charset>');
  });
});
