// Property tests: random and mutated inputs to the parser and the validator. Whatever comes in,
// nothing throws, nothing hangs, and every rejection names a field or a position.
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { MESSAGE_KINDS, MESSAGES, parseFields, toHtmlForm, toUrlEncoded, validateFields } from '../../../src/index.ts';
import { anyMessage, checkParse, checkRows, digits, FUZZ_RUNS, fuzzSuite, fuzzTitle, hex, mutated, nasty } from '../../support/fuzz.ts';

const RUNS = FUZZ_RUNS.parser;

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

/** Mutations of a valid serialisation: a cut, a doubled slice, a replaced character. */
function mutate(source: string, cut: number, at: number, char: string): string {
  const i = source.length ? at % source.length : 0;
  return [source.slice(0, i) + source.slice(i + (cut % 5)), source.slice(0, i) + char + source.slice(i), source + source.slice(i)][cut % 3]!;
}

const TITLE = fuzzTitle('the parser and the validator', 'parser');

fuzzSuite(TITLE, () => {
  // The count in the run's log, not only in a failure's title.
  before(() => console.log(TITLE));

  it('parses any string without throwing, and every problem is well formed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: fc.constantFrom('<', '>', '=', '&', '"', "'", '%', '\n', ' ', 'N', 'B', '_', 'a', '{', '}', ':', '0', 'i', 'n', 'p', 'u', 't', '/', '-', '\\', '$') }), (s) => {
        checkParse(parseFields(s));
      }),
      { numRuns: RUNS.strings },
    );
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (s) => checkParse(parseFields(s))), { numRuns: RUNS.binary });
  });

  it('reads back exactly the fields it wrote, as HTML and as a URL-encoded body', () => {
    fc.assert(
      fc.property(fields, (entries) => {
        const named = entries.filter((e) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(e.name) && !/[\x00-\x08\x0e-\x1f]/.test(e.value));
        const html = parseFields(toHtmlForm(named, 'https://bank.example/pay'));
        // A form reads back when it is an E-betalning form (it sends an NB_ field); else the page says it has none.
        if (named.some((e) => /^nb_/i.test(e.name))) expect(html.entries).to.deep.equal(named);
        else if (named.length) expect(html.problems.map((p) => p.code)).to.include('no-ebet-form');
        const body = parseFields(toUrlEncoded(named));
        if (named.length && !named.some((e) => /[\ud800-\udfff]/.test(e.value))) expect(body.entries).to.deep.equal(named);
      }),
      { numRuns: RUNS.roundTrip },
    );
  });

  it('survives mutated forms and bodies', () => {
    fc.assert(
      fc.property(fields, fc.nat(), fc.nat(), fc.constantFrom('<', '"', '%', '&', '=', '\u0000', '>', "'"), (entries, cut, at, char) => {
        checkParse(parseFields(mutate(toHtmlForm(entries, 'x'), cut, at, char)));
        checkParse(parseFields(mutate(toUrlEncoded(entries), cut, at, char)));
        checkParse(parseFields(mutate(JSON.stringify(Object.fromEntries(entries.map((e) => [e.name, e.value]))), cut, at, char)));
      }),
      { numRuns: RUNS.mutated },
    );
  });

  it('validates any fields of any kind without throwing; every non-OK row names its field and says why', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_KINDS), fields, fc.constantFrom(undefined, '1234 5678 90AB CDEF 1234 5678 90AB CDEF', 'nothex'), (kind, entries, key) => {
        checkRows(validateFields(kind, entries, key === undefined ? {} : { key }), entries);
      }),
      { numRuns: RUNS.validate },
    );
  });

  it(`validates ${RUNS.validateMutated} rule-following and mutated messages of every kind, with and without a key, in both encodings and with every option`, () => {
    const options = fc.record(
      {
        key: fc.oneof(hex(32), fc.constantFrom('1234 5678 90AB CDEF 1234 5678 90AB CDEF', '', 'nothex'), nasty),
        encoding: fc.constantFrom('utf-8', 'iso-8859-1' as const),
        checkDigit: fc.constantFrom('none', 'luhn', '731' as const),
        usedStamps: fc.array(fc.tuple(digits(1, 20), fc.constant('2026-11-23T10:15:00')), { maxLength: 3 }).map((pairs) => new Map(pairs)),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_KINDS), fc.oneof(anyMessage, mutated), options, (kind, entries, opts) => {
        checkRows(validateFields(kind, entries, opts), entries);
      }),
      { numRuns: RUNS.validateMutated },
    );
  });

  it(`parses ${RUNS.forms} messages pasted in every form (HTML, URL-encoded, lines, JSON, cURL, fetch), whole or mutated`, () => {
    const pasted = fc.tuple(fc.oneof(anyMessage, mutated), fc.constantFrom('html', 'url', 'lines', 'colon', 'json', 'curl', 'fetch'), fc.nat(), nasty).map(([entries, form, at, junk]) => {
      const body = toUrlEncoded(entries);
      const text = {
        html: toHtmlForm(entries, 'https://bank.example/pay'),
        url: body,
        lines: entries.map((e) => `${e.name}=${e.value}`).join('\n'),
        colon: entries.map((e) => `${e.name}: ${e.value}`).join('\n'),
        json: JSON.stringify(Object.fromEntries(entries.map((e) => [e.name, e.value]))),
        curl: `curl 'https://bank.example/pay' -X POST --data-raw '${body}'`,
        fetch: `fetch("https://bank.example/pay", { method: "POST", body: ${JSON.stringify(body)} });`,
      }[form]!;
      const i = text.length ? at % text.length : 0;
      return at % 3 === 0 ? text.slice(0, i) + junk + text.slice(i) : at % 3 === 1 ? text.slice(0, i) : text;
    });
    fc.assert(
      fc.property(pasted, (s) => checkParse(parseFields(s))),
      { numRuns: RUNS.forms },
    );
  });
});
