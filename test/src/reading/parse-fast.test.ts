// The fast paths of parseFields and extractMessages read what the plain ones read: an already
// parsed JSON value as its text, names that are Object.prototype's own, blank lines of any
// whitespace, CR LF line ends.
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { detectKind, parseFields } from '../../../src/index.ts';
import { KNOWN_FIELDS, MESSAGE_KINDS, MESSAGES, type MessageKind } from '../../../src/protocol/fields.ts';
import { decodeFormComponent, parseJsonFields } from '../../../src/reading/parse.ts';

describe('parseFields: fast paths', () => {
  it('reads a parsed JSON value as parseFields reads its text', () => {
    const name = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('NB_STAMP', 'NB_DB_AMOUNT', '0', '10', '01', '4294967295', '__proto__', 'toString', 'constructor', 'a"b\\c'));
    const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('\u2028', '\0', '\ud800', 'a\r\nb'));
    const value = fc.oneof({ weight: 4, arbitrary: scalar }, fc.constantFrom({}, [1], { a: 'b' }));
    const object = fc.array(fc.tuple(name, value), { maxLength: 8 }).map((members) => JSON.parse(`{${members.map(([n, v]) => `${JSON.stringify(n)}:${JSON.stringify(v)}`).join(',')}}`) as unknown);
    const list = fc.array(fc.oneof({ weight: 4, arbitrary: fc.record({ name, value }) }, fc.record({ name })), { maxLength: 5 });
    // extractMessages hands it objects and lists only.
    const data = fc.oneof(object, list, fc.array(scalar, { maxLength: 2 }));
    fc.assert(
      fc.property(data, (v) => {
        expect(parseJsonFields(v), JSON.stringify(v)).to.deep.equal(parseFields(JSON.stringify(v)));
      }),
      { numRuns: 1000, seed: 15 },
    );
  });

  it('reads a JSON object’s text as its parsed value: repeated names, array indices, __proto__ and non-strings included', () => {
    const name = fc.constantFrom('NB_STAMP', 'NB_RCV_ID', 'x', '0', '7', '01', '4294967295', '__proto__', 'toString', 'a\\"b');
    const value = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('"1"', '"a\\u00e5"', '""') }, fc.constantFrom('1', '-2.5e3', 'true', 'null', '{}', '[1]'));
    const text = fc.array(fc.tuple(name, value), { maxLength: 6 }).map((members) => `{ ${members.map(([n, v]) => `"${n}": ${v}`).join(', ')} }`);
    fc.assert(
      fc.property(text, (json) => {
        expect(parseFields(json), json).to.deep.equal(parseJsonFields(JSON.parse(json)));
      }),
      { numRuns: 1000, seed: 15 },
    );
  });

  it('keeps the first value of a name, Object.prototype’s names and __proto__ included', () => {
    const r = parseFields('toString=a\nconstructor=b\n__proto__=c\ntoString=d\nhasOwnProperty=e\n__proto__=f\ntoString=g\ntoString=h\ntoString=i');
    expect(r.entries.length).to.equal(9);
    expect(Object.keys(r.fields)).to.deep.equal(['toString', 'constructor', '__proto__', 'hasOwnProperty']);
    expect(Object.getOwnPropertyDescriptor(r.fields, '__proto__')!.value).to.equal('c');
    expect(r.fields.toString).to.equal('a');
    expect(r.duplicates).to.deep.equal(['toString', '__proto__']);
    expect(r.unknown).to.deep.equal(['toString', 'constructor', '__proto__', 'hasOwnProperty']);
    const duplicate = r.problems.find((p) => p.code === 'duplicate' && p.field === 'toString')!;
    expect(duplicate.message.en).to.equal('toString appears 5 times ("a", "d", "g" and 2 more); the first is used — remove the others');
  });

  it('reads lines ended by CR LF, skips blank lines of any whitespace, and tells lines from a URL-encoded body as before', () => {
    const r = parseFields('NB_STAMP=1\r\n\u00a0\t\r\n\u2028\nNB_RCV_ID: 2\r\n# note\r\nnot a field\r\n');
    expect(r.format).to.equal('lines');
    expect(r.entries).to.deep.equal([
      { name: 'NB_STAMP', value: '1' },
      { name: 'NB_RCV_ID', value: '2' },
    ]);
    expect(r.problems.filter((p) => p.code === 'bad-line').map((p) => p.message.en)).to.deep.equal(['Line 6 is not NAME=value or NAME: value and was skipped: "not a field"']);
    // One line: lines only for NAME: value, never for a URL.
    expect(parseFields('NB_STAMP: 1\r\n').format).to.equal('lines');
    expect(parseFields('https://x.se/?NB_STAMP=1\r\n').format).to.equal('urlencoded');
    // As many other lines as fields: still lines; more: a body.
    expect(parseFields('NB_STAMP=1\r\nNB_RCV_ID=2\r\nx\r\ny').format).to.equal('lines');
    expect(parseFields('NB_STAMP=1&NB_RCV_ID=2\r\nx\r\ny\r\nz').format).to.equal('urlencoded');
  });

  it('decodes a form component as decodeURIComponent does, + a space, and reads a run of bytes that is not UTF-8 (all of it) as ISO-8859-1', () => {
    const token = fc.oneof(
      fc.constantFrom('a', 'NB_STAMP', '+', ' ', 'å', '=', '😀', '%', '%4', '%zz', '%%41'),
      fc.string({ maxLength: 3, unit: 'binary' }).map((t) => encodeURIComponent(t.replace(/[\ud800-\udfff]/g, 'x'))),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (tokens) => {
        const raw = tokens.join('');
        const d = decodeFormComponent(raw);
        const bad = /%(?![0-9a-fA-F]{2})/.exec(raw);
        expect(d.badEscape, raw).to.equal(bad ? bad.index : -1);
        expect(d.latin1, raw).to.equal(false);
        if (!bad) expect(d.value, raw).to.equal(decodeURIComponent(raw.replaceAll('+', ' ')));
      }),
      { numRuns: 1000, seed: 15 },
    );
    expect(decodeFormComponent('a%E5+b%C3%A5%E5%E4c%C3')).to.deep.equal({ value: 'aå bÃ¥åäcÃ', latin1: true, badEscape: -1 });
    expect(decodeFormComponent('%%41+%4')).to.deep.equal({ value: '%A %4', latin1: false, badEscape: 0 });
  });

  /** The plain way, as detectKind once was: every kind scored (own names +2, other NB_ names −3, missing mandatory fields −1), sorted, the first kept. */
  const ranked = (entries: ReadonlyArray<{ name: string; value: string }>): MessageKind[] => {
    const names = new Set(entries.map((e) => e.name));
    const score = (kind: MessageKind) => {
      const own = new Set(MESSAGES[kind].fields.flatMap((f) => [f.name, ...(f.aliases ?? [])]));
      const mine = [...names].filter((n) => own.has(n)).length;
      const foreign = [...names].filter((n) => !own.has(n) && n.startsWith('NB_')).length;
      const missing = MESSAGES[kind].fields.filter((f) => f.use === 'mandatory' && !names.has(f.name)).length;
      return mine * 2 - foreign * 3 - missing;
    };
    return [...MESSAGE_KINDS].sort((a, b) => score(b) - score(a));
  };

  it('detectKind names the plainly ranked first kind when one of its fields is there, without ranking them all', () => {
    const name = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...KNOWN_FIELDS) }, fc.constantFrom('NB_FOREIGN', 'nb_stamp', 'q', 'toString'));
    const fields = fc.array(fc.record({ name, value: fc.constantFrom('1', '') }), { maxLength: 9 });
    fc.assert(
      fc.property(fields, (entries) => {
        const [best] = ranked(entries);
        const own = new Set(MESSAGES[best!].fields.flatMap((f) => [f.name, ...(f.aliases ?? [])]));
        expect(detectKind(entries), JSON.stringify(entries)).to.equal(entries.some((e) => own.has(e.name)) ? best : null);
      }),
      { numRuns: 2000, seed: 15 },
    );
  });
});
