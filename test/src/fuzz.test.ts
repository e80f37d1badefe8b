// Property tests: random and mutated inputs to the parser and the validator. Whatever comes in,
// nothing throws, nothing hangs, and every rejection names a field or a position.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MESSAGE_KINDS, MESSAGES, parseFields, toHtmlForm, toUrlEncoded, validateFields, type ParseResult } from '../../src/index.ts';

const RUNS = 4000;

const fieldName = fc.oneof(
  fc.constantFrom(...MESSAGE_KINDS.flatMap((k) => MESSAGES[k].fields.map((f) => f.name))),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const fieldValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom('550,00', '550.00', ' SEK', '0123', 'javascript:alert(1)', '<script>x</script>', '%', '%E5', '"\'<>&', '\u00a0', ''),
);
const fields = fc.array(fc.record({ name: fieldName, value: fieldValue }), { maxLength: 14 });

function wellFormed(result: ParseResult): void {
  expect(result.entries).to.be.an('array');
  for (const p of result.problems) {
    expect(['error', 'warning', 'info']).to.include(p.level);
    expect(p.message.en.length).to.be.greaterThan(0);
    expect(p.message.sv.length).to.be.greaterThan(0);
    if (p.level === 'error' && !['empty', 'binary', 'not-found', 'no-fields', 'json-shape'].includes(p.code)) {
      expect(p.field !== undefined || p.position !== undefined, `${p.code} names a field or position`).to.equal(true);
    }
  }
}

/** Mutations of a valid serialisation: a cut, a doubled slice, a replaced character. */
function mutate(source: string, cut: number, at: number, char: string): string {
  const i = source.length ? at % source.length : 0;
  return [source.slice(0, i) + source.slice(i + (cut % 5)), source.slice(0, i) + char + source.slice(i), source + source.slice(i)][cut % 3]!;
}

describe('fuzzing the parser and the validator', () => {
  it('parses any string without throwing, and every problem is well formed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: fc.constantFrom('<', '>', '=', '&', '"', "'", '%', '\n', ' ', 'N', 'B', '_', 'a', '{', '}', ':', '0', 'i', 'n', 'p', 'u', 't', '/', '-', '\\', '$') }), (s) => {
        wellFormed(parseFields(s));
      }),
      { numRuns: RUNS },
    );
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (s) => wellFormed(parseFields(s))), { numRuns: RUNS });
  });

  it('reads back exactly the fields it wrote, as HTML and as a URL-encoded body', () => {
    fc.assert(
      fc.property(fields, (entries) => {
        const named = entries.filter((e) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(e.name) && !/[\x00-\x08\x0e-\x1f]/.test(e.value));
        const html = parseFields(toHtmlForm(named, 'https://bank.example/pay'));
        if (named.length) expect(html.entries).to.deep.equal(named);
        const body = parseFields(toUrlEncoded(named));
        if (named.length && !named.some((e) => /[\ud800-\udfff]/.test(e.value))) expect(body.entries).to.deep.equal(named);
      }),
      { numRuns: RUNS },
    );
  });

  it('survives mutated forms and bodies', () => {
    fc.assert(
      fc.property(fields, fc.nat(), fc.nat(), fc.constantFrom('<', '"', '%', '&', '=', '\u0000', '>', "'"), (entries, cut, at, char) => {
        wellFormed(parseFields(mutate(toHtmlForm(entries, 'x'), cut, at, char)));
        wellFormed(parseFields(mutate(toUrlEncoded(entries), cut, at, char)));
        wellFormed(parseFields(mutate(JSON.stringify(Object.fromEntries(entries.map((e) => [e.name, e.value]))), cut, at, char)));
      }),
      { numRuns: RUNS },
    );
  });

  it('validates any fields of any kind without throwing; every non-OK row names its field and says why', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_KINDS), fields, fc.constantFrom(undefined, '1234 5678 90AB CDEF 1234 5678 90AB CDEF', 'nothex'), (kind, entries, key) => {
        const rows = validateFields(kind, entries, key === undefined ? {} : { key });
        for (const row of rows) {
          expect(row.name.length).to.be.greaterThan(0);
          expect(row.ok).to.equal(row.level !== 'error');
          if (row.level !== 'ok') expect(row.message.en).to.not.equal('OK');
        }
        expect(rows.length).to.be.greaterThanOrEqual(new Set(entries.map((e) => e.name)).size);
      }),
      { numRuns: RUNS },
    );
  });
});
