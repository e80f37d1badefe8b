// The session view on misleading input (issue 25): a value hidden behind U+202E is shown as a marker
// and its characters, isolated, and flagged in the row's data-codes; a JSON file shaped wrong for a
// HAR is named as a malformed HAR (where, and what belongs there), in English and Swedish, in the
// session view and when it is pasted into the decoder.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/ebet-session/define.ts';
import '../../../components/ebet-decoder/define.ts';
import type { EbetDecoder } from '../../../components/ebet-decoder/ebet-decoder.ts';
import type { EbetFieldsInput } from '../../../components/ebet-fields-input/ebet-fields-input.ts';
import type { EbetSession } from '../../../components/ebet-session/ebet-session.ts';
import { setPageLang } from '../../../components/shared/locale.ts';
import { TEST_KEY } from '../../../src/index.ts';
import { body, signedReceipt } from '../../support/receipt.ts';
import { allowResizeObserverNotices } from '../../support/virtualizer.ts';

afterEach(() => setPageLang('en'));

allowResizeObserverNotices();

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

function type(el: EbetSession, text: string): void {
  const box = $<HTMLTextAreaElement>(el, '#paste')!;
  box.value = text;
  box.dispatchEvent(new Event('input'));
}

/** The order the receipt answers: its NB_DB_REF is 123450, what the hidden reference reads as when shown raw. */
const ORDER = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_AMOUNT: '550,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' };

describe('ebet-session on misleading input (issue 25)', () => {
  it('shows a reference behind U+202E as a marker and 054321, isolated, never as 123450, and flags it in data-codes', async () => {
    const el = await fixture<EbetSession>(html`<ebet-session .keys=${TEST_KEY}></ebet-session>`);
    const receipt = await signedReceipt(TEST_KEY, { NB_RETURN_DB_REF: '\u202e054321' });
    type(el, `${body(ORDER)}\n${body(receipt)}`);
    await el.updateComplete;
    $(el, 'lit-virtualizer')!.scrollIntoView();
    await waitUntil(() => $(el, '[data-kind="payDirectReturn"]'), 'the receipt row is shown');
    const row = $(el, '[data-kind="payDirectReturn"]')!;
    // Signed right, and still flagged: the value is not what it looks like (and not the order's).
    expect(row.dataset.outcome).to.equal('verified');
    expect(row.dataset.codes!.split(' ')).to.include.members(['bidi-control', 'echo-different']);
    const values = [...row.querySelectorAll('[data-fields] > .v')];
    const ref = values[values.findIndex((v) => v.textContent === 'NB_RETURN_DB_REF') + 1]!;
    expect(ref.textContent).to.equal('U+202E054321');
    expect(ref.querySelector('.v-bidi')!.textContent).to.equal('U+202E');
    expect(getComputedStyle(ref).unicodeBidi).to.equal('isolate');
    // Nowhere in the row is the control itself: the fields, the verdict line quoting the value, the status.
    expect(row.textContent).not.to.contain('\u202e');
    expect(row.querySelector('[data-fields]')!.textContent).to.contain('NB_RETURN_DB_REF=U+202E054321&NB_PAID=');
    expect(row.querySelector('[data-fields]')!.textContent).not.to.contain('123450');
    expect(row.querySelector('[data-verdict-text]')!.textContent).to.contain('NB_RETURN_DB_REF "U+202E054321" differs from the order’s NB_DB_REF "123450"');
    expect(row.querySelector('[data-verdict-text] .v-bidi')!.getAttribute('title')).to.contain('direction control');
  });

  it('cuts a long value in a row, saying its length, and leaves out the fields after it', async () => {
    const el = await fixture<EbetSession>(html`<ebet-session></ebet-session>`);
    type(el, body({ NB_RETURN_STAMP: 'x'.repeat(5000), NB_VERIFIED: 'NO', NB_RETURN_DB_REF: '1' }));
    await el.updateComplete;
    $(el, 'lit-virtualizer')!.scrollIntoView();
    await waitUntil(() => $(el, '[data-fields]'), 'the row is shown');
    const fields = $(el, '[data-fields]')!;
    expect(fields.querySelector('.v-cut')!.getAttribute('data-cut')).to.equal('5000');
    expect(fields.textContent).to.contain('… (5000 characters)');
    expect(fields.textContent).to.match(/&…$/);
    expect(fields.textContent).not.to.contain('NB_VERIFIED');
  });

  it('names a HAR of the wrong shape as malformed, with the path and what belongs there, in English and in Swedish', async () => {
    const el = await fixture<EbetSession>(html`<ebet-session></ebet-session>`);
    type(el, '{"log":{"entries":{}}}');
    await el.updateComplete;
    const problem = $(el, '[data-code="har-malformed"]')!;
    expect(problem.className).to.equal('level-error');
    expect(problem.textContent).to.contain('This HAR file does not follow the HAR format: log.entries is an object, where an array of entries belongs');
    expect($(el, '[data-code="none-found"]')).to.equal(null);
    await setPageLang('sv');
    const sv = await fixture<EbetSession>(html`<ebet-session></ebet-session>`);
    type(sv, JSON.stringify({ log: { entries: [{ request: { url: 5 } }] } }));
    await sv.updateComplete;
    expect($(sv, '[data-code="har-malformed"]')!.textContent).to.contain('HAR-filen följer inte HAR-formatet: log.entries[0].request.url (post 1) är ett tal, där ska det vara en sträng');
  });

  it('the decoder hands a HAR of the wrong shape to the session view, which names it as malformed', async () => {
    const el = await fixture<EbetDecoder>(html`<ebet-decoder></ebet-decoder>`);
    const box = $<EbetFieldsInput>(el, 'ebet-fields-input:not(.order)')!;
    box.value = '{"log":{}}';
    await box.updateComplete;
    await el.updateComplete;
    expect($(el, '[data-handoff]')!.textContent).to.contain('read as a whole session');
    const session = $<EbetSession>(el, 'ebet-session')!;
    await waitUntil(() => session.shadowRoot?.querySelector('[data-code="har-malformed"]'), 'the session view names the malformed HAR');
    expect(session.shadowRoot!.querySelector('[data-code="har-malformed"]')!.textContent).to.contain('log.entries is missing, where an array of entries belongs');
  });
});
