import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/ebet-fields-input/define.ts';
import type { EbetFieldsInput } from '../../../components/ebet-fields-input/ebet-fields-input.ts';
import { setPageLang } from '../../../components/shared/locale.ts';
import { hasHtmlReader, parseFields } from '../../../src/reading/parse.ts';
import { nextEvent } from '../../support/events.ts';

/** Tests that switch the page to Swedish leave it in English for the next. */
afterEach(() => setPageLang('en'));

describe('<ebet-fields-input>', () => {
  it('parses what is pasted and reports the format and every problem', async () => {
    const el = await fixture<EbetFieldsInput>(html`<ebet-fields-input></ebet-fields-input>`);
    const area = el.shadowRoot!.querySelector('textarea')!;
    const event = nextEvent(el, 'ebet-fields-change');
    area.value = 'NB_STAMP=1&NB_STAMP=2&nb_paid=3';
    area.dispatchEvent(new Event('input'));
    const { detail } = await event;
    expect(detail.result.fields).to.deep.equal({ NB_STAMP: '1', nb_paid: '3' });
    await el.updateComplete;
    const text = el.shadowRoot!.textContent!;
    expect(text).to.contain('URL-encoded body / query string, 3 fields');
    expect(text).to.contain('NB_STAMP appears 2 times');
    expect(text).to.contain('did you mean NB_PAID?');
    await expect(el).to.be.accessible();
  });

  it('loads the HTML reader only for a paste that may hold HTML, says it is reading until it is there, then reads as the package does', async () => {
    // This file imports no module that registers the reader, and the paste above held no HTML.
    expect(hasHtmlReader()).to.equal(false);
    const el = await fixture<EbetFieldsInput>(html`<ebet-fields-input></ebet-fields-input>`);
    const event = nextEvent(el, 'ebet-fields-change');
    el.value = '<form action="https://bank.example/pay" method="post"><input name="NB_STAMP" value="1"><input name="NB_RCV_ID" value="999999"></form>';
    await el.updateComplete;
    expect(el.parsed).to.equal(null);
    expect(el.shadowRoot!.querySelector('#paste-status')!.textContent!.trim()).to.equal('Reading…');
    const { detail } = await event;
    expect(hasHtmlReader()).to.equal(true);
    expect(detail.result).to.deep.equal(parseFields(el.value));
    expect(detail.result.fields).to.deep.equal({ NB_STAMP: '1', NB_RCV_ID: '999999' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#paste-status')!.textContent).to.contain('HTML form, 2 fields');
    await expect(el).to.be.accessible();
  });

  it('never inserts pasted HTML: a script in it does not run and no element is created', async () => {
    const el = await fixture<EbetFieldsInput>(html`<ebet-fields-input></ebet-fields-input>`);
    const read = nextEvent(el, 'ebet-fields-change');
    el.value = '<img src=x onerror="window.__pasted=1"><input name="NB_STAMP" value="<b>x</b>">';
    await read;
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

  it('lists at most 50 problems and says how many more (issue 25)', async () => {
    // 100,000 unknown fields: 100 named warnings and one for the rest, 101 problems.
    const value = Array.from({ length: 100_000 }, (_, i) => `F${i}=1`).join('&');
    const el = await fixture<EbetFieldsInput>(html`<ebet-fields-input></ebet-fields-input>`);
    // Over 256 kB: read in the worker, its result told as for any value.
    const read = nextEvent(el, 'ebet-fields-change');
    el.value = value;
    await read;
    await el.updateComplete;
    const items = el.shadowRoot!.querySelectorAll('ul[part=problems] li');
    expect(items.length).to.equal(51);
    expect(items[50]!.textContent).to.equal('…and 51 more');
  });

  /** A paste event as the browser fires it, carrying `text`; whether the element took it (prevented the default insertion). */
  function paste(area: HTMLTextAreaElement, text: string): boolean {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    return !area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }));
  }

  it('holds a paste over 256 kB out of the text area: says its size, reads all of it in the worker as the package does, and Clear empties it (issue 25)', async () => {
    const el = await fixture<EbetFieldsInput>(html`<ebet-fields-input></ebet-fields-input>`);
    const area = el.shadowRoot!.querySelector('textarea')!;
    const value = `NB_STAMP=HELD&${Array.from({ length: 30_000 }, (_, i) => `EXTRA_${i}=value`).join('&')}`;
    expect(value.length).to.be.above(256 * 1024);
    const read = nextEvent(el, 'ebet-fields-change');
    expect(paste(area, value)).to.equal(true);
    expect(el.value).to.equal(value);
    await el.updateComplete;
    expect(area.value).to.equal('');
    const held = el.shadowRoot!.querySelector<HTMLElement>('[data-held]')!;
    expect(held.dataset.held).to.equal(String(value.length));
    expect(held.textContent).to.contain('0.5 MB pasted: too much to show here');
    const { detail } = await read;
    expect(detail.text).to.equal(value);
    expect(detail.result).to.deep.equal(parseFields(value));
    expect(detail.result.fields.NB_STAMP).to.equal('HELD');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#paste-status')!.textContent).to.contain('30001 fields');
    await expect(el).to.be.accessible();

    const cleared = nextEvent(el, 'ebet-fields-change');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=clear-paste]')!.click();
    expect((await cleared).detail.text).to.equal('');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-held]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(area);
  });

  it('leaves a paste of 256 kB or less to the text area as before, and a large paste replaced by typing is read as typed', async () => {
    const el = await fixture<EbetFieldsInput>(html`<ebet-fields-input></ebet-fields-input>`);
    const area = el.shadowRoot!.querySelector('textarea')!;
    expect(paste(area, 'NB_STAMP=1')).to.equal(false);
    expect(paste(area, 'x'.repeat(256 * 1024))).to.equal(false);
    expect(el.value).to.equal('');

    // Dropped text is held the same way.
    const data = new DataTransfer();
    data.setData('text/plain', `NB_STAMP=DROPPED&${'z'.repeat(256 * 1024)}`);
    const dropped = nextEvent(el, 'ebet-fields-change');
    expect(area.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, composed: true, cancelable: true }))).to.equal(false);
    expect((await dropped).detail.result.fields.NB_STAMP).to.equal('DROPPED');

    // Typed over a large paste while it is still being read: what was typed is read, and the large paste's reading is dropped.
    expect(paste(area, 'y'.repeat(256 * 1024 + 1))).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#paste-status')!.textContent).to.contain('Reading…');
    area.value = 'NB_STAMP=TYPED';
    area.dispatchEvent(new Event('input'));
    // (The large paste may have been read before the typing pause ended: what counts is the last read.)
    await waitUntil(() => el.parsed?.fields.NB_STAMP === 'TYPED', 'what was typed is not read');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-held]')).to.equal(null);
    expect(area.value).to.equal('NB_STAMP=TYPED');
    expect(el.shadowRoot!.querySelector('#paste-status')!.textContent).not.to.contain('Reading…');
    expect(el.parsed!.fields).to.deep.equal({ NB_STAMP: 'TYPED' });
  });

  it('says so when the worker reading a large paste fails, and reads it on "Try again" (issue 25)', async () => {
    const el = await fixture<EbetFieldsInput>(html`<ebet-fields-input></ebet-fields-input>`);
    const real = window.Worker;
    // A worker whose script cannot run: its error event, as Chromium fires it for a failed load.
    class FailingWorker extends EventTarget {
      postMessage(): void {
        setTimeout(() => this.dispatchEvent(new ErrorEvent('error', { message: 'failed to load', cancelable: true })));
      }
      terminate(): void {}
    }
    window.Worker = FailingWorker as unknown as typeof Worker;
    try {
      el.value = `NB_STAMP=RETRY&${'w'.repeat(256 * 1024)}`;
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert] button'), 'the failure is not shown');
    } finally {
      window.Worker = real;
    }
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('could not be loaded');
    expect(el.parsed).to.equal(null);
    const read = nextEvent(el, 'ebet-fields-change');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    expect((await read).detail.result.fields.NB_STAMP).to.equal('RETRY');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });
});
