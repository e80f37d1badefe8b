// "Did you mean" for the first unknown field names only (issue 25): a paste of 100,000 made-up names
// is judged without 100,000 spelling searches, every name still reported; a form with up to
// SUGGESTED_UNKNOWN unknown names is judged as before.
import { expect } from '@esm-bundle/chai';
import { judgeMessage, validateFields } from '../../../src/index.ts';
import { SUGGESTED_UNKNOWN } from '../../../src/judging/validate.ts';

const ORDER = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_AMOUNT: '550,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' };

/** The form with `before` made-up names (none near a field of the handbook), then a misspelled NB_DB_REFF. */
function form(before: number, after = 0): Array<{ name: string; value: string }> {
  const made = (n: number, from: number) => Array.from({ length: n }, (_, i) => ({ name: `COLOUR_${from + i}`, value: 'red' }));
  return [...Object.entries(ORDER).map(([name, value]) => ({ name, value })), ...made(before, 0), { name: 'NB_DB_REFF', value: '1' }, ...made(after, before)];
}

const rowOf = (fields: ReturnType<typeof form>, name: string) => validateFields('payDirect', fields).find((r) => r.name === name)!;

describe('unknown field names: a suggestion for the first ones only (issue 25)', () => {
  it('suggests the field for a misspelled name among the first SUGGESTED_UNKNOWN unknown names, as before', () => {
    expect(SUGGESTED_UNKNOWN).to.equal(50);
    for (const before of [0, 1, SUGGESTED_UNKNOWN - 1]) {
      const row = rowOf(form(before, 3), 'NB_DB_REFF');
      expect([row.code, row.level, row.suggestion], `after ${before} unknown names`).to.deep.equal(['misspelled-field', 'error', 'NB_DB_REF']);
      expect(row.message.en).to.equal('NB_DB_REFF is not a field of this message; did you mean NB_DB_REF?');
    }
  });

  it('past them, reports a misspelled name as unknown, without a suggestion', () => {
    const row = rowOf(form(SUGGESTED_UNKNOWN), 'NB_DB_REFF');
    expect([row.code, row.level, row.suggestion]).to.deep.equal(['unknown-field', 'warning', undefined]);
    expect(row.message.en).to.equal('NB_DB_REFF is not part of Pay direct: shop → bank; it is not signed and the bank ignores it');
  });

  it('reports every one of 100,000 unknown names, and the verdict still names the misspelled one near the top', () => {
    const fields = form(2, 100_000);
    const rows = validateFields('payDirect', fields);
    const unknown = rows.filter((r) => r.code === 'unknown-field' || r.code === 'misspelled-field');
    expect(unknown).to.have.length(100_003);
    expect(unknown.filter((r) => r.code === 'misspelled-field').map((r) => r.name)).to.deep.equal(['NB_DB_REFF']);
    expect(rows.find((r) => r.name === 'COLOUR_100001')!.message.en).to.contain('COLOUR_100001 is not part of Pay direct: shop → bank');
    const verdict = judgeMessage(fields);
    expect(verdict.codes).to.include.members(['misspelled-field', 'unknown-field']);
    expect(verdict.level).to.equal('error');
  });
});
