// A HAR file whose JSON is valid but whose shape is not a HAR's (issue 25): it is named as a malformed
// HAR, with the path that breaks the format and what belongs there, in both languages — never as
// "no E-betalning message found" — and what can still be read is read. Never a throw.
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { extractMessages, type ExtractResult } from '../../../src/verdict/extract.ts';

const codes = (r: ExtractResult) => r.problems.map((p) => p.code);
const malformed = (r: ExtractResult) => {
  const found = r.problems.filter((p) => p.code === 'har-malformed');
  expect(found, JSON.stringify(r.problems)).to.have.length(1);
  return found[0]!;
};
const SAVE_AGAIN = {
  en: 'Save the HAR again from the network panel ("Save all as HAR") rather than editing it',
  sv: 'Spara HAR-filen igen från nätverkspanelen (”Save all as HAR”) i stället för att redigera den',
};
const RECEIPT = { NB_RETURN_STAMP: '1', NB_VERIFIED: 'NO' };

describe('extractMessages: a HAR of the wrong shape', () => {
  it('entries that are not an array: an error naming log.entries and what belongs there, in both languages', () => {
    const r = extractMessages('{"log":{"entries":{}}}');
    expect([r.format, r.messages, codes(r)]).to.deep.equal(['har', [], ['har-malformed']]);
    expect(r.problems[0]).to.deep.equal({
      level: 'error',
      code: 'har-malformed',
      message: {
        en: `This HAR file does not follow the HAR format: log.entries is an object, where an array of entries belongs. Its entries could not be found; what holds NB_ fields was read as JSON. ${SAVE_AGAIN.en}`,
        sv: `HAR-filen följer inte HAR-formatet: log.entries är ett objekt, där ska det vara en array med poster. Dess poster gick inte att hitta; det som har NB_-fält lästes som JSON. ${SAVE_AGAIN.sv}`,
      },
    });
  });

  it('a log without entries, and a log that is not an object', () => {
    const cases: Array<[string, string, string]> = [
      ['{"log":{}}', 'log.entries is missing, where an array of entries belongs', 'log.entries saknas, där ska det vara en array med poster'],
      ['{"log":{"version":"1.2","entries":null}}', 'log.entries is null, where an array of entries belongs', 'log.entries är null, där ska det vara en array med poster'],
      ['{"log":{"entries":"[]"}}', 'log.entries is a string, where an array of entries belongs', 'log.entries är en sträng, där ska det vara en array med poster'],
      ['{"log":[]}', 'log is an array, where an object belongs', 'log är en array, där ska det vara ett objekt'],
      ['{"log":7}', 'log is a number, where an object belongs', 'log är ett tal, där ska det vara ett objekt'],
      [' {"log":true}', 'log is a boolean, where an object belongs', 'log är ett booleskt värde, där ska det vara ett objekt'],
    ];
    for (const [input, en, sv] of cases) {
      const r = extractMessages(input);
      expect([r.format, codes(r)], input).to.deep.equal(['har', ['har-malformed']]);
      const p = malformed(r);
      expect(p.level, input).to.equal('error');
      expect(p.message.en, input).to.contain(`format: ${en}.`);
      expect(p.message.sv, input).to.contain(`formatet: ${sv}.`);
    }
  });

  it('a HAR whose entries cannot be found still has its NB_ objects read as JSON', () => {
    const r = extractMessages(JSON.stringify({ log: { entries: { first: RECEIPT } } }));
    expect(r.messages.map((m) => [m.kind, m.source])).to.deep.equal([['paymentCheckResponse', { line: 1 }]]);
    expect(codes(r)).to.deep.equal(['har-malformed']);
  });

  it('entries and parts of the wrong type: a warning naming the first three paths, counting the rest; the good entries are read', () => {
    const entries = [
      { request: { method: 'GET', url: `https://bank/x?${new URLSearchParams(RECEIPT)}` } },
      'GET https://shop/',
      { request: { url: 5, method: 'POST', postData: 'NB_RETURN_STAMP=2&NB_VERIFIED=NO' } },
      { request: { url: 'https://shop/', headers: [null], postData: { params: [7] } }, response: { content: { text: ['x'] } } },
      { startedDateTime: 0 },
    ];
    const r = extractMessages(JSON.stringify({ log: { entries } }));
    expect(r.format).to.equal('har');
    expect(r.messages.map((m) => m.source.entry)).to.deep.equal([0]);
    expect(codes(r)).to.deep.equal(['har-malformed']);
    expect(r.problems[0]).to.deep.equal({
      level: 'warning',
      code: 'har-malformed',
      source: { entry: 1 },
      message: {
        en: `This HAR file does not follow the HAR format: log.entries[1] (entry 2) is a string, where an object belongs; log.entries[2].request.url (entry 3) is a number, where a string belongs; log.entries[2].request.postData (entry 3) is a string, where an object belongs; and 4 more. The rest of it was read. ${SAVE_AGAIN.en}`,
        sv: `HAR-filen följer inte HAR-formatet: log.entries[1] (post 2) är en sträng, där ska det vara ett objekt; log.entries[2].request.url (post 3) är ett tal, där ska det vara en sträng; log.entries[2].request.postData (post 3) är en sträng, där ska det vara ett objekt; och 4 till. Resten av den lästes. ${SAVE_AGAIN.sv}`,
      },
    });
  });

  it('names list items that are not objects, and nothing inside a part of the wrong type', () => {
    const one = (entry: unknown) => malformed(extractMessages(JSON.stringify({ log: { entries: [entry] } }))).message.en;
    expect(one({ request: { headers: [{ name: 'a', value: 'b' }, null] } })).to.contain('log.entries[0].request.headers[1] (entry 1) is null, where an object belongs.');
    expect(one({ request: { postData: { params: [{ name: 'NB_X', value: '1' }, 'NB_Y=2'] } } })).to.contain('log.entries[0].request.postData.params[1] (entry 1) is a string, where an object belongs.');
    expect(one({ response: { content: { encoding: 64 } } })).to.contain('log.entries[0].response.content.encoding (entry 1) is a number, where a string belongs.');
    // A request that is a string is named once; what it would hold is not looked for in it.
    expect(one({ request: 'GET /', response: { content: [] } })).to.contain(
      'format: log.entries[0].request (entry 1) is a string, where an object belongs; log.entries[0].response.content (entry 1) is an array, where an object belongs. The rest',
    );
  });

  it('absent or null optional parts are no problem; nor is another JSON document with a "log"', () => {
    const entries = [{ request: { url: 'https://x/', postData: null, headers: null }, response: null }, { response: { content: { text: null } } }, {}];
    expect(codes(extractMessages(JSON.stringify({ log: { version: '1.2', entries } })))).to.deep.equal(['none-found']);
    const json = extractMessages(JSON.stringify({ log: 'checkout done', level: 'info', fields: RECEIPT }));
    expect([json.format, json.messages.length, codes(json)]).to.deep.equal(['json', 1, []]);
    expect(extractMessages(JSON.stringify({ logs: { entries: {} } })).problems.map((p) => p.code)).to.deep.equal(['none-found']);
  });

  it('never throws on what a HAR may hold in place of a string (objects without a usable toString, nulls in lists)', () => {
    const entries = [
      {
        request: {
          url: 'https://shop/ok',
          headers: [null, 3, { name: { toString: 1 } }],
          postData: { params: [{ name: 'NB_RETURN_STAMP', value: { toString: 1 } }, { name: 'NB_VERIFIED', value: 'NO' }, null, { name: { valueOf: 1, toString: 1 } }] },
        },
      },
    ];
    const r = extractMessages(JSON.stringify({ log: { entries } }));
    expect(malformed(r).message.en).to.contain('log.entries[0].request.headers[0] (entry 1) is null');
    // The parameters are read; a name or value that is no string, number or boolean is empty.
    expect(r.messages.map((m) => m.fields.map((f) => `${f.name}=${f.value}`).join('&'))).to.deep.equal(['NB_RETURN_STAMP=&NB_VERIFIED=NO&=&=']);
  });

  it('any JSON in any part of a HAR: never a throw; a har-malformed problem exactly when a part has the wrong type', () => {
    const part = fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }), fc.string(), fc.constant('NB_RETURN_STAMP=1&NB_VERIFIED=NO'));
    const entry = fc.oneof(
      { weight: 4, arbitrary: fc.record({ startedDateTime: part, request: fc.oneof(part, fc.record({ url: part, method: part, headers: part, postData: fc.oneof(part, fc.record({ text: part, params: part, mimeType: part })) })), response: fc.oneof(part, fc.record({ content: fc.oneof(part, fc.record({ text: part, encoding: part, mimeType: part })) })) }) },
      fc.jsonValue({ maxDepth: 1 }),
    );
    // `log` is always there (an absent one is no HAR); what it holds is anything.
    const log = fc.oneof({ weight: 4, arbitrary: fc.record({ entries: fc.oneof({ weight: 4, arbitrary: fc.array(entry, { maxLength: 6 }) }, part) }) }, fc.jsonValue({ maxDepth: 2 }));
    const wrong = (v: unknown, want: 'object' | 'string' | 'list') =>
      v !== undefined && v !== null && (want === 'string' ? typeof v !== 'string' : want === 'list' ? !Array.isArray(v) || v.some((i) => i === null || typeof i !== 'object' || Array.isArray(i)) : typeof v !== 'object' || Array.isArray(v));
    const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
    /** Whether an entry breaks the format, written out independently of extract.ts's table. */
    const broken = (e: unknown): boolean => {
      if (!isObj(e)) return true;
      const { request: q, response: r } = e;
      if (wrong(e['startedDateTime'], 'string') || wrong(q, 'object') || wrong(r, 'object')) return true;
      if (isObj(q)) {
        if (wrong(q['url'], 'string') || wrong(q['method'], 'string') || wrong(q['headers'], 'list') || wrong(q['postData'], 'object')) return true;
        const p = q['postData'];
        if (isObj(p) && (wrong(p['text'], 'string') || wrong(p['mimeType'], 'string') || wrong(p['params'], 'list'))) return true;
      }
      const c = isObj(r) ? r['content'] : undefined;
      if (wrong(c, 'object')) return true;
      return isObj(c) && (wrong(c['text'], 'string') || wrong(c['encoding'], 'string') || wrong(c['mimeType'], 'string'));
    };
    fc.assert(
      fc.property(log, (value) => {
        const r = extractMessages(JSON.stringify({ log: value }));
        const found = r.problems.filter((p) => p.code === 'har-malformed');
        const entries = isObj(value) ? value['entries'] : undefined;
        const expected = !isObj(value) || !Array.isArray(entries) ? 'error' : entries.some(broken) ? 'warning' : null;
        expect(found.map((p) => p.level), JSON.stringify(value)).to.deep.equal(expected ? [expected] : []);
        expect(r.format).to.equal('har');
      }),
      { numRuns: 1500, seed: 25 },
    );
  });
});
