import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../components/ebet-fields-input/ebet-fields-input.ts';
import type { EbetFieldsInput, FieldsChangeDetail } from '../../../components/ebet-fields-input/ebet-fields-input.ts';
import { setPageLang } from '../../../components/shared/locale.ts';

/** Tests that switch the page to Swedish leave it in English for the next. */
afterEach(() => setPageLang('en'));

describe('<ebet-fields-input>', () => {
  it('parses what is pasted and reports the format and every problem', async () => {
    const el = await fixture<EbetFieldsInput>(html`<ebet-fields-input></ebet-fields-input>`);
    const area = el.shadowRoot!.querySelector('textarea')!;
    const event = oneEvent(el, 'ebet-fields-change');
    area.value = 'NB_STAMP=1&NB_STAMP=2&nb_paid=3';
    area.dispatchEvent(new Event('input'));
    const { detail } = (await event) as CustomEvent<FieldsChangeDetail>;
    expect(detail.result.fields).to.deep.equal({ NB_STAMP: '1', nb_paid: '3' });
    await el.updateComplete;
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('URL-encoded body / query string, 3 fields');
    expect(text).to.contain('NB_STAMP appears 2 times');
    expect(text).to.contain('did you mean NB_PAID?');
    await expect(el).to.be.accessible();
  });

  it('never inserts pasted HTML: a script in it does not run and no element is created', async () => {
    const el = await fixture<EbetFieldsInput>(html`<ebet-fields-input></ebet-fields-input>`);
    el.value = '<img src=x onerror="window.__pasted=1"><input name="NB_STAMP" value="<b>x</b>">';
    await el.updateComplete;
    // Once an image at the payload's address has failed to load, its onerror would have run had it been inserted.
    await new Promise((resolve) => {
      const probe = new Image();
      probe.addEventListener('error', resolve);
      probe.src = 'x';
    });
    expect((window as unknown as { __pasted?: number }).__pasted).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(el.parsed!.fields.NB_STAMP).to.equal('<b>x</b>');
  });

  it('says what is wrong with an empty paste and keeps the text area', async () => {
    await setPageLang('sv');
    const el = await fixture<EbetFieldsInput>(html`<ebet-fields-input></ebet-fields-input>`);
    el.value = '   ';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-code=empty]')!.textContent).to.contain('Inget att läsa');
    expect(el.shadowRoot!.querySelector('textarea')!.getAttribute('aria-invalid')).to.equal('true');
  });
});
