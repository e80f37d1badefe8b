import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/ebet-field-table/define.ts';
import { TEST_KEY, validateFields } from '../../../src/index.ts';

describe('<ebet-field-table>', () => {
  it('shows one row per field with visible whitespace, length, status and fix, and a verdict', async () => {
    const rows = validateFields('payDirect', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: ' 1', NB_DB_AMOUNT: '550.00' }, { key: TEST_KEY });
    const el = await fixture(html`<ebet-field-table .rows=${rows}></ebet-field-table>`);
    const trs = el.shadowRoot!.querySelectorAll('tbody tr');
    expect(trs.length).to.equal(rows.length);
    expect(el.shadowRoot!.querySelector('[part=verdict]')!.getAttribute('data-verdict')).to.equal('error');
    const stamp = el.shadowRoot!.querySelector('tr[data-field=NB_STAMP]')!;
    expect(stamp.querySelector('.v-space')!.textContent).to.equal('·');
    expect(stamp.children[2]!.textContent!.trim()).to.equal('2');
    const amount = el.shadowRoot!.querySelector('tr[data-field=NB_DB_AMOUNT]')!;
    expect(amount.getAttribute('data-level')).to.equal('error');
    expect(amount.textContent).to.contain('must use a decimal comma: 550,00');
    expect(el.shadowRoot!.querySelector('tr[data-field=NB_CANCEL]')!.textContent).to.contain('(missing)');
    await expect(el).to.be.accessible();
  });

  it('shows at most 300 rows of a form of 10,000 fields, says how many more, and judges them all (issue 25)', async () => {
    const fields = { NB_VERSION: '0002', ...Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`X${i}`, 'v'])) };
    const rows = validateFields('payDirect', fields, { key: TEST_KEY });
    const el = await fixture(html`<ebet-field-table .rows=${rows}></ebet-field-table>`);
    expect(el.shadowRoot!.querySelectorAll('tbody tr[data-field]').length).to.equal(300);
    expect(el.shadowRoot!.querySelector('tr[data-more]')!.textContent!.trim()).to.equal(`…and ${rows.length - 300} more`);
    expect(el.shadowRoot!.querySelector('[part=verdict]')!.getAttribute('data-verdict')).to.equal('error');
  });
});

