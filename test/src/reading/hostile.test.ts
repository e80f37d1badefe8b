// Hostile and huge input (issue 25): every reader of the core answers any string, at any size and
// depth, with a result or a named problem, and never throws. The large inputs are sized so that a
// quadratic path would need minutes or hours while a linear one needs milliseconds; the time limit
// is generous (a 100-fold margin either way), so a loaded machine cannot flip the result.
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { decodeMessages, extractMessages, normalizeKey, parseFields, splitMessages, TEST_KEY, verifyMessage, type ParseResult } from '../../../src/index.ts';
import { jsonErrorPosition, MAX_HTML_DEPTH } from '../../../src/reading/parse.ts';
import { EbetError, EXCERPT_LENGTH, excerpt } from '../../../src/protocol/text.ts';
import { visibleSegments } from '../../../src/protocol/visible.ts';

const MB = 1024 * 1024;
/** Far above what a linear read of these inputs needs, far below what a quadratic one would. */
const LIMIT = 60_000;

/** Every message of a result is short: it quotes an excerpt, never the input. */
function shortMessages(problems: ReadonlyArray<{ message: { en: string; sv: string } }>): void {
  for (const p of problems) {
    expect(p.message.en.length, p.message.en.slice(0, 200)).to.be.below(1000);
    expect(p.message.sv.length, p.message.sv.slice(0, 200)).to.be.below(1000);
  }
}

const codes = (r: { problems: ReadonlyArray<{ code: string }> }) => r.problems.map((p) => p.code);

describe('hostile input: linear readers', function () {
  this.timeout(LIMIT);

  it('reads 2 MB of NB_NB_NB_… (a run of name characters without =) as one field, quoted by an excerpt', () => {
    // The former regex search for the first name= took 14 s for 120 kB here: 2 MB would take an hour.
    const input = 'NB_'.repeat((2 * MB) / 3);
    const r = parseFields(input);
    expect(r.format).to.equal('urlencoded');
    expect(r.entries).to.have.length(1);
    expect(r.entries[0]!.name).to.equal(input);
    const noEquals = r.problems.find((p) => p.code === 'no-equals')!;
    expect(noEquals.message.en).to.include(`(${input.length.toLocaleString('en-US')} characters)`);
    shortMessages(r.problems);
  });

  it('reads 2 MB of letters, of a JWT-like run and of hex, before and after a field, in the decoder’s split too', () => {
    const letters = 'a'.repeat(2 * MB);
    for (const input of [letters, `${letters}&NB_STAMP=1`, `x ${'eyJhbGciOi.'.repeat(MB / 5)}=1`, `curl -d ${'0123456789abcdef'.repeat(MB / 8)}`]) {
      const r = parseFields(input);
      expect(r.entries.length, input.slice(0, 20)).to.be.above(0);
      shortMessages(r.problems);
      expect(splitMessages(input)).to.have.length(1);
    }
    const led = parseFields(`${'a-'.repeat(MB)} NB_STAMP=1&NB_RCV_ID=2`);
    expect(led.entries.map((e) => e.name)).to.deep.equal(['NB_STAMP', 'NB_RCV_ID']);
    expect(codes(led)).to.include('leading-text');
    shortMessages(led.problems);
  });

  it('reads 2 MB of percent escapes that are not UTF-8 (one run of bytes) as ISO-8859-1', () => {
    const r = parseFields(`NB_A=${'%E5'.repeat((2 * MB) / 3)}&NB_B=1`);
    expect(r.entries[0]!.value).to.equal('å'.repeat((2 * MB) / 3));
    expect(codes(r)).to.include('latin1-escapes');
  });

  it('reads a log of 1 MB of fields on one line broken by a lone CR (the field regex no longer retries each field to the end)', () => {
    const r = extractMessages(`${' NB_STAMP=1'.repeat(MB / 11)}\r x`);
    expect(r.format).to.equal('text');
    expect(codes(r)).to.deep.equal(['none-found']);
  });

  it('reads JSON and HAR nested 100,000 levels deep, and says where a deep JSON text breaks', () => {
    const depth = 100_000;
    const deepList = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const deepObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    for (const input of [deepList, deepObject, `[{"NB_STAMP":"1","NB_RCV_ID":"2","x":${deepList}}]`, `x {"NB_STAMP":"1","b":${deepList}}`]) {
      const r = extractMessages(input);
      shortMessages(r.problems);
      expect(() => splitMessages(input), input.slice(0, 30)).not.to.throw();
      parseFields(input);
    }
    const inArray = splitMessages(`[{"NB_STAMP":"1","NB_RCV_ID":"2","x":${deepList}}]`);
    expect(inArray[0]!.parsed.entries.map((e) => e.name)).to.deep.equal(['NB_STAMP', 'NB_RCV_ID']);
    expect(codes(inArray[0]!.parsed)).to.include('json-nested');
    // A HAR entry holding a message, beside a value nested 100,000 deep.
    const har = `{"log":{"entries":[{"request":{"method":"POST","url":"https://x.se/?NB_STAMP=1&NB_RCV_ID=2"},"x":${deepList}}]}}`;
    const read = extractMessages(har);
    expect(read.format).to.equal('har');
    expect(read.messages.map((m) => m.source.part)).to.deep.equal(['query']);
    const truncated = `{"log":{"entries":[${'['.repeat(depth)}`;
    expect(jsonErrorPosition(truncated)).to.equal(truncated.length - 1);
    expect(codes(extractMessages(truncated))).to.include('har-truncated');
    expect(jsonErrorPosition(`${'['.repeat(depth)}1,}`)).to.equal(depth + 2);
    expect(jsonErrorPosition(`${'{"a":'.repeat(depth)}1}}x`)).to.equal(5 * depth + 3);
  });

  it('refuses a page nested deeper than a browser builds it, with a named problem at its position, and reads a deep page of plain forms', () => {
    for (const tag of ['div', 'b', 'span']) {
      const page = `<form><input name="NB_STAMP" value="1"><select name=x></select>${`<${tag}>`.repeat(100_000)}`;
      const r = parseFields(page);
      const deep = r.problems.find((p) => p.code === 'html-too-deep')!;
      expect(deep, tag).not.to.equal(undefined);
      expect(deep.position).to.be.above(60);
      expect(deep.message.en).to.include(`more than ${MAX_HTML_DEPTH} deep`);
    }
    // Closed elements, voids and elements the next of their kind closes never count.
    const wide = `<form><select name=x>${'<option>a'.repeat(50_000)}</select>${'<div><input name="NB_STAMP" value="1"></div><p><br>'.repeat(10_000)}</form>`;
    expect(codes(parseFields(wide))).not.to.include('html-too-deep');
    expect(parseFields(wide).fields.NB_STAMP).to.equal('1');
  });

  it('quotes at most an excerpt of a 5 MB paste of <, a 1 MB field name and 100,000 unknown fields', () => {
    const lt = parseFields('<'.repeat(5 * MB));
    shortMessages(lt.problems);
    const name = `N${'x'.repeat(MB)}`;
    const named = parseFields(`NB_STAMP=1\n${name}=2\n${name}=3`);
    shortMessages(named.problems);
    expect(named.problems.find((p) => p.code === 'unknown-field')!.message.en).to.include(`(${(MB + 1).toLocaleString('en-US')} characters)`);
    const many = parseFields(Array.from({ length: 100_000 }, (_, i) => `F${i}=1`).join('&'));
    expect(many.problems.length).to.be.below(110);
    expect(many.problems.at(-1)!.message.en).to.match(/^99,?900 more fields/);
  });
});

describe('hostile input: bidi controls, zero-width characters and lone surrogates', () => {
  it('shows each as a marker with its code point, and the text around it as it is', () => {
    expect(visibleSegments('\u202e054321').map((s) => [s.kind, s.shown])).to.deep.equal([['bidi', 'U+202E'], ['text', '054321']]);
    expect(visibleSegments('a\u200b\u2066b\ud800').map((s) => s.shown)).to.deep.equal(['a', 'U+200B', 'U+2066', 'b', 'U+D800']);
    expect(visibleSegments('😀').map((s) => s.kind)).to.deep.equal(['nonAscii']);
  });

  it('flags a message carrying them with bidi-control and lone-surrogate, naming the code points', () => {
    const v = verifyMessage({ NB_RETURN_STAMP: '1', NB_RETURN_DB_REF: '\u202e054321', NB_PAID: 'x\udc00', NB_HMAC: '0'.repeat(32) }, TEST_KEY, { kind: 'payDirectReturn' });
    const found = v.findings.filter((f) => f.code === 'bidi-control' || f.code === 'lone-surrogate').map((f) => [f.code, f.field, f.level]);
    expect(found).to.deep.equal([
      ['bidi-control', 'NB_RETURN_DB_REF', 'warning'],
      ['lone-surrogate', 'NB_PAID', 'warning'],
    ]);
    expect(v.findings.find((f) => f.code === 'lone-surrogate')!.message.en).to.contain('half a surrogate pair, U+DC00 (at position 2)');
    expect(verifyMessage({ NB_RETURN_STAMP: '1', NB_RETURN_DB_REF: '054321' }, TEST_KEY).findings.map((f) => f.code)).not.to.include('bidi-control');
  });

  it('names a key’s invisible character by its code point', () => {
    const key = `\u202e${TEST_KEY.replace(/\s/g, '').slice(1)}`;
    let error: unknown;
    try {
      normalizeKey(key);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(EbetError);
    expect((error as EbetError).text.en).to.equal('The key\'s character U+202E at position 1 is not hexadecimal; use only 0–9 and A–F');
    expect((error as EbetError).text.sv).to.contain('Nyckelns tecken U+202E på position 1');
  });
});

describe('excerpt', () => {
  it('quotes a short value whole and a long one cut, with its length, never halving a surrogate pair', () => {
    expect(excerpt('abc')).to.deep.equal({ en: 'abc', sv: 'abc' });
    const long = `${'a'.repeat(EXCERPT_LENGTH - 1)}😀${'b'.repeat(100)}`;
    const cut = excerpt(long);
    expect(cut.en).to.equal(`${'a'.repeat(EXCERPT_LENGTH - 1)}… (${long.length} characters)`);
    expect(cut.sv).to.equal(`${'a'.repeat(EXCERPT_LENGTH - 1)}… (${long.length} tecken)`);
    expect(excerpt('x'.repeat(1_234_567)).sv).to.equal(`${'x'.repeat(EXCERPT_LENGTH)}… (1\u00a0234\u00a0567 tecken)`);
  });
});

describe('hostile input: no reader throws (property)', function () {
  this.timeout(0);
  /** Pieces of every format, repeated: deep nesting, long runs, broken escapes, bidi controls, lone surrogates. */
  const piece = fc.constantFrom(
    'NB_', 'nb_', '=', '&', '%', '%E5', '%C3', '+', '?', '<', '>', '</', '<form>', '<input name=NB_STAMP value=1>', '<select>', '<!--', '-->',
    '<script>', '"', "'", '=\'', '{', '}', '[', ']', ':', ',', '{"NB_STAMP":', '"NB_RCV_ID":"1"', '{"log":{"entries":[', '{"request":', '"postData":{"params":[null,{}]}',
    '\n', '\r', '\r\n', '\u2028', ' ', '\t', 'curl ', '-d ', '--data-urlencode ', '$\'', '\\', 'fetch(', 'body:', 'a', '1', '.', '-', '\u202e', '\u200b', '\ud800', '\udc00', '\0', '\x1f', 'Not Found',
  );
  const run = fc.tuple(piece, fc.integer({ min: 1, max: 3000 })).map(([p, n]) => p.repeat(n));
  const hostile = fc.oneof(
    fc.array(fc.oneof({ weight: 4, arbitrary: piece }, run), { maxLength: 30 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );

  it('parseFields, splitMessages, decodeMessages, extractMessages and jsonErrorPosition answer any string', () => {
    fc.assert(
      fc.property(hostile, (input) => {
        const parsed: ParseResult = parseFields(input);
        shortMessages(parsed.problems);
        const blocks = splitMessages(input);
        decodeMessages(blocks, null);
        shortMessages(extractMessages(input).problems);
        const at = jsonErrorPosition(input);
        expect(at).to.be.within(0, Math.max(0, input.length - 1));
      }),
      { numRuns: 1500, seed: 25 },
    );
  });
});
