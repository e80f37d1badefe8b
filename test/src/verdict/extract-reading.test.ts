// extractMessages, the readers' corners: a HAR body in base64 (its charset, a broken one, an unknown
// one, a binary type), the charset a request declares, skipped bodies counted and named, posted
// parameters that are not strings; JSON values nested in any shape; a log's lines after long runs of
// noise (counted, never read), loose inputs cut by a line without a tag, a line broken by CR or U+2028;
// the progress of a long log. Each expectation is written out by hand.
import { expect } from '@esm-bundle/chai';
import { extractMessages, type ExtractResult } from '../../../src/verdict/extract.ts';
import '../../../src/reading/html-reader.ts';

const found = (r: ExtractResult) => r.messages.map((m) => [m.kind, m.source, m.fields.map((f) => `${f.name}=${f.value}`).join('&')]);
const CHECK = 'NB_RETURN_STAMP=1&NB_VERIFIED=NO';
const base64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));
const latin1Bytes = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const har = (...entries: unknown[]) => JSON.stringify({ log: { entries } });
const answer = (text: string, mimeType?: string, encoding = 'base64') => ({ request: { url: 'https://bank/pay' }, response: { content: { text, encoding, ...(mimeType === undefined ? {} : { mimeType }) } } });
const problems = (r: ExtractResult) => r.problems.map((p) => [p.code, p.source, p.message.en, p.message.sv]);

describe('extractMessages: a HAR’s bodies', () => {
  it('a base64 answer page in the charset its MIME type names: ISO-8859-1 byte for byte, UTF-8, or UTF-8 when it names none', () => {
    const page = (stamp: string) => `<form><input name=NB_RETURN_STAMP value="${stamp}"><input name=NB_VERIFIED value=NO></form>`;
    const r = extractMessages(
      har(
        answer(base64(latin1Bytes(page('Åsa'))), 'text/html; charset="ISO-8859-1"'),
        answer(base64([...new TextEncoder().encode(page('Åke'))]), 'text/html;charset=utf-8'),
        answer(base64([...new TextEncoder().encode(page('Örn'))]), 'application/xhtml+xml'),
      ),
    );
    expect([r.format, r.problems]).to.deep.equal(['har', []]);
    expect(found(r)).to.deep.equal([
      ['paymentCheckResponse', { entry: 0, url: 'https://bank/pay', part: 'response', charset: 'iso-8859-1' }, 'NB_RETURN_STAMP=Åsa&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { entry: 1, url: 'https://bank/pay', part: 'response', charset: 'utf-8' }, 'NB_RETURN_STAMP=Åke&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { entry: 2, url: 'https://bank/pay', part: 'response' }, 'NB_RETURN_STAMP=Örn&NB_VERIFIED=NO'],
    ]);
  });

  it('skips, counting and naming the entries: broken base64, an unknown charset, a binary type; more than 12 entries end in …', () => {
    const binary = Array.from({ length: 13 }, () => answer('AAEC', 'image/png; name=x'));
    const r = extractMessages(har(answer('!!!*', 'text/html'), answer(btoa(CHECK), 'text/plain; charset=x-klingon'), ...binary, answer(btoa(CHECK), 'text/plain')));
    expect(found(r)).to.deep.equal([['paymentCheckResponse', { entry: 15, url: 'https://bank/pay', part: 'response' }, CHECK]]);
    expect(problems(r)).to.deep.equal([
      [
        'har-skipped',
        { entry: 0 },
        '1 HAR body or entry was skipped: a response body whose base64 is broken (entry 1)',
        '1 innehåll eller post i HAR-filen hoppades över: ett svarsinnehåll vars base64 är trasig (post 1)',
      ],
      [
        'har-skipped',
        { entry: 1 },
        '1 HAR body or entry was skipped: a response body whose charset "x-klingon" is unknown (entry 2)',
        '1 innehåll eller post i HAR-filen hoppades över: ett svarsinnehåll vars teckenuppsättning ”x-klingon” är okänd (post 2)',
      ],
      [
        'har-skipped',
        { entry: 2 },
        '13 HAR bodies or entries were skipped: a response body that is binary (image/png), not a page or a form (entries 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14…)',
        '13 innehåll eller poster i HAR-filen hoppades över: ett svarsinnehåll som är binärt (image/png), inte en sida eller ett formulär (post 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14…)',
      ],
    ]);
  });

  it('a request body in the charset its request declares (postData.mimeType, else the Content-Type header); posted values that are numbers or booleans as written', () => {
    const post = (postData: object, headers?: unknown) => ({ request: { method: 'POST', url: 'https://shop/ok', ...(headers ? { headers } : {}), postData } });
    const r = extractMessages(
      har(
        post({ text: CHECK, mimeType: 'application/x-www-form-urlencoded; charset=ISO-8859-1' }, [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }]),
        post({ text: CHECK }, [{ name: 'Accept', value: 'text/html; charset=utf-8' }, { name: 'content-TYPE', value: 'application/x-www-form-urlencoded; charset=windows-1252' }]),
        post({ text: CHECK }, [null, { value: 'x' }]),
        post({ params: [{ name: 'NB_RETURN_STAMP', value: 7 }, { name: 'NB_VERIFIED', value: true }, { name: 'NB_RETURN_DB_REF', value: { a: 1 } }, null] }),
      ),
    );
    expect(r.problems.map((p) => [p.code, p.source])).to.deep.equal([['har-malformed', { entry: 2 }]]);
    expect(found(r)).to.deep.equal([
      ['paymentCheckResponse', { entry: 0, url: 'https://shop/ok', method: 'POST', part: 'request', charset: 'iso-8859-1' }, CHECK],
      ['paymentCheckResponse', { entry: 1, url: 'https://shop/ok', method: 'POST', part: 'request', charset: 'iso-8859-1' }, CHECK],
      ['paymentCheckResponse', { entry: 2, url: 'https://shop/ok', method: 'POST', part: 'request' }, CHECK],
      ['paymentCheckResponse', { entry: 3, url: 'https://shop/ok', method: 'POST', part: 'request' }, 'NB_RETURN_STAMP=7&NB_VERIFIED=true&NB_RETURN_DB_REF=&='],
    ]);
  });

  it('a query string at the start of a URL and one without NB_ fields; a HAR whose opening has spaces around its names', () => {
    const r = extractMessages(`{ "log" : { "entries" : [${JSON.stringify({ request: { url: `?${CHECK}` } })}, ${JSON.stringify({ request: { url: 'https://shop/?a=1&b=2' } })}] } }`);
    expect(r.format).to.equal('har');
    expect(found(r)).to.deep.equal([['paymentCheckResponse', { entry: 0, url: `?${CHECK}`, part: 'query' }, CHECK]]);
    // Cut off: a HAR by its opening, with any white space in it.
    for (const opening of ['{"version": 1, "entries"  :  [ ', '{ \n "log"  : { "entries": [']) {
      const cut = extractMessages(`${opening}{"request": {"url": "https://x/?${CHECK}"}}, `);
      expect(cut.problems.map((p) => p.code), opening).to.deep.equal(['har-truncated']);
      expect(found(cut)).to.deep.equal([['paymentCheckResponse', { line: opening.includes('\n') ? 2 : 1 }, CHECK]]);
    }
  });
});

describe('extractMessages: JSON values in any shape', () => {
  it('reads objects and name/value lists at any depth in document order, then the strings that hold a body (at the value’s line); skips lists and objects without NB_', () => {
    const r = extractMessages(
      JSON.stringify([
        { meta: { user: 'a', tags: ['x=1', 'NB_ alone'] } },
        [{ name: 'a', value: '1' }, { name: 'b', value: '2' }],
        [{ name: 'nb_return_stamp', value: '1' }, { name: 'NB_VERIFIED', value: 'NO' }],
        { deep: [{ deeper: { NB_RETURN_STAMP: '2', NB_VERIFIED: 'YES', other: 1 } }] },
        null,
        5,
        'first line\nNB_RETURN_STAMP=3&NB_VERIFIED=NO',
        { log: 'sent NB_RETURN_STAMP=4&NB_VERIFIED=NO' },
        [{ name: 'NB_RETURN_STAMP', value: '5' }, { NB_RETURN_STAMP: '6', NB_VERIFIED: 'NO' }],
        [{ name: 'NB_RETURN_STAMP', value: '7' }, { name: 'NB_VERIFIED', value: 'YES' }, { name: 'note', value: 'x' }],
      ]),
    );
    expect([r.format, r.problems]).to.deep.equal(['json', []]);
    expect(found(r)).to.deep.equal([
      ['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=2&NB_VERIFIED=YES&other=1'],
      ['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=6&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=7&NB_VERIFIED=YES&note=x'],
      ['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=3&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=4&NB_VERIFIED=NO'],
    ]);
  });

  it('a log line whose first brace opens no JSON: the flat object around the first NB_ key; else a warning naming the line and the error of the whole object', () => {
    const lines = ['x {"a": 1} {"NB_RETURN_STAMP":"5","NB_VERIFIED":"NO"} {', '"NB_RETURN_STAMP":"6" {x}', 'y {"a":} {"NB_RETURN_STAMP":"7"', '{bad, "NB_RETURN_STAMP":"8"}', '{"NB_RETURN_STAMP":"9"} x}'];
    const r = extractMessages(lines.join('\n'));
    expect(found(r)).to.deep.equal([['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=5&NB_VERIFIED=NO']]);
    // What JSON.parse says of the line from its first brace to its last, in this runtime.
    const errorOf = (line: string) => {
      try {
        JSON.parse(line.slice(line.indexOf('{'), line.lastIndexOf('}') + 1));
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`${line} parsed`);
    };
    expect(r.problems.map((p) => [p.code, p.source, p.message.en])).to.deep.equal(
      [2, 3, 4, 5].map((line) => [
        'bad-json',
        { line },
        `A JSON object with NB_ fields at line ${line} is not valid JSON (${errorOf(lines[line - 1]!)}); it was skipped — paste that object alone in the decoder to see where it breaks`,
      ]),
    );
  });
});

describe('extractMessages: a log’s lines', () => {
  const NOISE = 'GET /static/app.js 200 (cached)\n'.repeat(40);

  it('counts the lines of long runs of noise it skips, before NB_, nb_ and a tag, so that each message keeps its line', () => {
    const log = `${NOISE}NB_RETURN_STAMP=1\nNB_VERIFIED=NO\n${NOISE}NB_RETURN_STAMP=2\nnb_note=kept in the block\nNB_VERIFIED=YES\n${NOISE}a < b\n${NOISE}<form><input name=NB_RETURN_STAMP value=3>\n${NOISE}<input name=NB_VERIFIED value=NO></form>\n${NOISE}`;
    const r = extractMessages(log);
    expect([r.format, r.problems]).to.deep.equal(['text', []]);
    expect(found(r)).to.deep.equal([
      ['paymentCheckResponse', { line: 41 }, 'NB_RETURN_STAMP=1&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { line: 83 }, 'NB_RETURN_STAMP=2&nb_note=kept in the block&NB_VERIFIED=YES'],
      ['paymentCheckResponse', { line: 167 }, 'NB_RETURN_STAMP=3&NB_VERIFIED=NO'],
    ]);
  });

  it('loose inputs end at a line without a tag, so the next loose inputs are the next message; a form without its end tag ends with the text', () => {
    const inputs = (stamp: string) => `<input name=NB_RETURN_STAMP value=${stamp}>\n<input name=NB_VERIFIED value=NO>`;
    const r = extractMessages(
      `${inputs('1')}\nthe shop wrote this\n${inputs('2')}\n<p>see NB_STAMP</p>\nNB_RETURN_STAMP=8&NB_FOO=9\n<form>\n<input name=NB_RETURN_STAMP value=3>\nplain text\n<input name=NB_VERIFIED value=YES>`,
    );
    // A page with NB_ but no field, and one known field beside an unknown one, are no messages and no problems.
    expect(r.problems).to.deep.equal([]);
    expect(found(r)).to.deep.equal([
      ['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=1&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { line: 4 }, 'NB_RETURN_STAMP=2&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { line: 8 }, 'NB_RETURN_STAMP=3&NB_VERIFIED=YES'],
    ]);
  });

  it('a field line cut by a lone CR or a line separator reads the field after it; a value’s one leading space is dropped, the rest kept', () => {
    const r = extractMessages('junk\rNB_RETURN_STAMP=1\nold NB_X=1\u2028NB_VERIFIED=NO\nNB_RETURN_DB_REF:   5\n');
    expect(found(r)).to.deep.equal([['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=1&NB_VERIFIED=NO&NB_RETURN_DB_REF=  5']]);
  });

  it('reports progress at the first line to start each MB, through noise it skips; never without a listener', () => {
    const chunk = `${'noise without markers, a line of the shop log\n'.repeat(2000)}NB_X=1\n`;
    const log = `${chunk.repeat(Math.ceil((2.5 * 1048576) / chunk.length))}${CHECK}\n`;
    const calls: Array<[number, number]> = [];
    const r = extractMessages(log, { onProgress: (done, total) => calls.push([done, total]) });
    expect(found(r)).to.deep.equal([['paymentCheckResponse', { line: log.split('\n').length - 1 }, CHECK]]);
    expect(calls.length, JSON.stringify(calls)).to.equal(2);
    const steps = calls.map(([done], i) => done - (i ? calls[i - 1]![0] : 0));
    expect(steps.every((step) => step >= 1048576 && step < 1048576 + chunk.length), JSON.stringify(calls)).to.equal(true);
    expect(calls.every(([done, total]) => total === log.length && log[done - 1] === '\n' && log.startsWith('NB_X=1', done))).to.equal(true);
    expect(found(extractMessages(log))).to.deep.equal(found(r));
  });
});
