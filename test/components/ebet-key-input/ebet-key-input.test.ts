import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/ebet-key-input/define.ts';
import type { EbetKeyInput } from '../../../components/ebet-key-input/ebet-key-input.ts';
import { setPageLang } from '../../../components/shared/locale.ts';
import { TEST_KEY } from '../../../src/index.ts';
import { webMac } from '../../support/webcrypto.ts';
import { nextEvent } from '../../support/events.ts';

/** Tests that switch the page to Swedish leave it in English for the next. */
afterEach(() => setPageLang('en'));

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('<ebet-key-input>', () => {
  it('shows the KVV of a typed key, computed independently', async () => {
    const el = await fixture<EbetKeyInput>(html`<ebet-key-input></ebet-key-input>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input.key')!;
    const event = nextEvent(el, 'ebet-key-change');
    type(input, '0011 2233 4455 6677 8899 aabb ccdd eeff');
    const { detail } = await event;
    expect(detail.keys).to.equal('00112233445566778899AABBCCDDEEFF');
    expect(detail.error).to.equal(null);
    await el.updateComplete;
    const kvv = (await webMac('00112233445566778899AABBCCDDEEFF', '00000000')).replace(/(.{4})(?=.)/g, '$1 ');
    expect(el.shadowRoot!.querySelector('[part=kvv]')!.textContent).to.contain(kvv);
  });

  it('says what is wrong with a bad key, at the field, and keeps what was typed', async () => {
    const el = await fixture<EbetKeyInput>(html`<ebet-key-input></ebet-key-input>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input.key')!;
    type(input, '1234 567');
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(error.textContent).to.match(/7 hexadecimal characters; it needs exactly 32/);
    expect(input.value).to.equal('1234 567');
    expect(el.keys).to.equal(null);
  });

  it('checks the key against an expected KVV', async () => {
    const el = await fixture<EbetKeyInput>(html`<ebet-key-input test-key expected-kvv="FF36 5893 D899 291C 3BF5 05FB 3175 E880"></ebet-key-input>`);
    expect(el.shadowRoot!.querySelector('[part=kvv]')!.textContent).to.match(/matches the expected KVV/);
    el.expectedKvv = '05CD81829E26F44089FD91A9CFBC75DB';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=kvv]')!.textContent).to.match(/does NOT match/);
    expect(el.keys).to.equal(TEST_KEY);
  });

  it('holds a key ring with validity dates', async () => {
    const el = await fixture<EbetKeyInput>(html`<ebet-key-input ring></ebet-key-input>`);
    el.setKeys([
      { key: TEST_KEY, from: '2026-01-01', to: '2026-06-30' },
      { key: '00112233445566778899AABBCCDDEEFF', from: '2026-07-01' },
    ]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('input.key').length).to.equal(2);
    expect(el.keys).to.deep.equal([
      { key: TEST_KEY, from: '2026-01-01', to: '2026-06-30' },
      { key: '00112233445566778899AABBCCDDEEFF', from: '2026-07-01' },
    ]);
  });

  it('never writes the key to storage', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const el = await fixture<EbetKeyInput>(html`<ebet-key-input></ebet-key-input>`);
    type(el.shadowRoot!.querySelector<HTMLInputElement>('input.key')!, 'A1B2C3D4E5F60718293A4B5C6D7E8F90');
    await el.updateComplete;
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie + location.href;
    expect(stored).not.to.contain('A1B2C3D4E5F6');
  });

  it('speaks Swedish and is accessible', async () => {
    await setPageLang('sv');
    const el = await fixture<EbetKeyInput>(html`<ebet-key-input ring></ebet-key-input>`);
    expect(el.shadowRoot!.querySelector('legend')!.textContent).to.equal('Hemlig nyckel');
    await expect(el).to.be.accessible();
  });
});

describe('<ebet-key-input> feedback timing', () => {
  it('shows no error on an untouched field, and shows it once the field is left empty', async () => {
    const el = await fixture<EbetKeyInput>(html`<ebet-key-input></ebet-key-input>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input.key')!;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.querySelector('.field-error')).to.equal(null);
    expect(el.keys).to.equal(null);
    input.dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.field-error')!.textContent).to.match(/The key is empty/);
  });
});
