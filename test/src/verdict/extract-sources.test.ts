// extractMessages piece by piece: what it reports instead of messages (empty, too large, binary or
// compressed, a broken or cut HAR, a broken JSON line, nothing found) in both languages; where each
// message was found (a line, or a HAR entry's method, URL, time and part); how a log's lines are read
// (query strings without a sentence's punctuation, NAME: value blocks that end where a name comes
// again, a field whose value holds an &, forms, loose inputs, JSON in a line); and the progress calls.
import { expect } from '@esm-bundle/chai';
import { findOrder } from '../../../src/judging/pairing.ts';
import { extractMessages, sourceText, type ExtractResult } from '../../../src/verdict/extract.ts';
import '../../../src/reading/html-reader.ts';

const found = (r: ExtractResult) => r.messages.map((m) => [m.kind, m.source, m.fields.map((f) => `${f.name}=${f.value}`).join('&')]);
const only = (r: ExtractResult) => {
  expect(r.problems.length, JSON.stringify(r.problems)).to.equal(1);
  return r.problems[0]!;
};

describe('extractMessages: what it says instead of messages', () => {
  it('nothing to read', () => {
    for (const input of ['', '  \n\t']) {
      const r = extractMessages(input);
      expect([r.format, r.messages, r.stamps]).to.deep.equal([null, [], []]);
      expect(only(r)).to.deep.equal({
        level: 'error',
        code: 'empty',
        message: { en: 'Nothing to read: open a HAR file or a log, or paste one', sv: 'Inget att läsa: öppna en HAR-fil eller en logg, eller klistra in en' },
      });
    }
  });

  it('too large, with the sizes in MB', () => {
    const input = `NB_RETURN_STAMP=1&NB_VERIFIED=NO${' '.repeat(3 * 1048576)}`;
    expect(extractMessages(input, { maxLength: input.length }).messages.length).to.equal(1);
    const r = extractMessages(input, { maxLength: input.length - 1 });
    expect([r.format, r.messages.length]).to.deep.equal([null, 0]);
    expect(only(r)).to.deep.equal({
      level: 'error',
      code: 'too-large',
      message: {
        en: 'This is 3.0 MB; at most 3.0 MB is read. Keep the lines about the payment (e.g. grep NB_ shop.log > payment.log) or save a HAR of the checkout alone',
        sv: 'Detta är 3.0 MB; högst 3.0 MB läses. Behåll raderna om betalningen (t.ex. grep NB_ shop.log > betalning.log) eller spara en HAR-fil med bara kassan',
      },
    });
  });

  it('binary data, counted; compressed data, named', () => {
    const binary = extractMessages('abc\0def NB_RETURN_STAMP=1&NB_VERIFIED=NO');
    expect([binary.format, binary.messages.length]).to.deep.equal([null, 0]);
    expect(only(binary)).to.deep.equal({
      level: 'error',
      code: 'binary',
      message: {
        en: 'This is binary data, not text (1 control characters in the first 40 characters): open a HAR file, a log or a text file',
        sv: 'Detta är binärdata, inte text (1 styrtecken bland de första 40 tecknen): öppna en HAR-fil, en logg eller en textfil',
      },
    });
    // One control character in a hundred is still text; two are not.
    const text = `${'a'.repeat(99)}\x01\nNB_RETURN_STAMP=1&NB_VERIFIED=NO`;
    expect(extractMessages(text).messages.length).to.equal(1);
    expect(extractMessages(`\x01${text}`).problems[0]!.code).to.equal('binary');
    for (const zip of ['\x1f\x8b\x08\x00rest', '\x1f\ufffd\x08rest', 'PK\x03\x04rest\0']) {
      expect(only(extractMessages(zip)).message).to.deep.equal({
        en: 'This file is compressed (gzip or zip), not text: unpack it first and open the HAR or log inside',
        sv: 'Filen är komprimerad (gzip eller zip), inte text: packa upp den först och öppna HAR-filen eller loggen i den',
      });
    }
  });

  it('nothing found, with the size', () => {
    const r = extractMessages('hello world\nNB_RETURN_STAMP=1 only one field');
    expect([r.format, r.messages.length]).to.deep.equal(['text', 0]);
    expect(only(r)).to.deep.equal({
      level: 'info',
      code: 'none-found',
      message: {
        en: 'No E-betalning message found in 0.0 MB: nothing here has two of the handbook\'s NB_ fields. Open the HAR of the checkout (with "Preserve log" on) or the part of the log around the payment',
        sv: 'Inget E-betalningsmeddelande hittades i 0.0 MB: inget här har två av handbokens NB_-fält. Öppna HAR-filen från kassan (med ”Preserve log” påslaget) eller den del av loggen som gäller betalningen',
      },
    });
    // Two fields that are not the handbook's are no message either.
    expect(extractMessages('NB_FOO=1&NB_BAR=2').problems[0]!.code).to.equal('none-found');
  });

  it('a HAR that is not valid JSON, or cut off: where, and the text that could be read', () => {
    const broken = extractMessages('{"log": {"entries": [ {"request": } ] } }');
    const bad = only(broken);
    expect([broken.format, bad.level, bad.code, bad.source]).to.deep.equal(['text', 'error', 'har-invalid', { line: 1 }]);
    expect(bad.message.en).to.match(/^This HAR file is not valid JSON \(line 1, position 35\): .+\. What could be read as text is shown; save the HAR again from the network panel \("Save all as HAR"\) rather than editing it$/);
    expect(bad.message.sv).to.match(/^HAR-filen är inte giltig JSON \(rad 1, position 35\): .+\. Det som gick att läsa som text visas; spara HAR-filen igen från nätverkspanelen \(”Save all as HAR”\) i stället för att redigera den$/);
    const cut = extractMessages('{\n"log": {"entries": [ {"request": {"url": "https://x/?NB_RETURN_STAMP=1&NB_VERIFIED=NO"');
    expect(found(cut)).to.deep.equal([['paymentCheckResponse', { line: 2 }, 'NB_RETURN_STAMP=1&NB_VERIFIED=NO']]);
    expect(cut.problems.map((p) => [p.code, p.source])).to.deep.equal([['har-truncated', { line: 2 }]]);
    expect(cut.problems[0]!.message).to.deep.equal({
      en: 'This HAR file ends before its JSON does (line 2, position 88): it was cut off while saving or copying. What could be read as text is shown; save the HAR again from the network panel ("Save all as HAR") for the whole session',
      sv: 'HAR-filen slutar mitt i JSON-innehållet (rad 2, position 88): den klipptes av när den sparades eller kopierades. Det som gick att läsa som text visas; spara HAR-filen igen från nätverkspanelen (”Save all as HAR”) för hela sessionen',
    });
    // JSON that is no HAR and not valid is read as text, without a HAR problem.
    const json = extractMessages('{"a": NB_RETURN_STAMP=1&NB_VERIFIED=NO');
    expect([json.format, json.messages.length, json.problems.length]).to.deep.equal(['text', 1, 0]);
  });

  it('a broken JSON object in a log line is skipped, saying which line', () => {
    const r = extractMessages('line one\n2026 INFO {"NB_RETURN_STAMP": "1", "NB_VERIFIED": NO}\nNB_RETURN_STAMP=2&NB_VERIFIED=NO');
    expect(found(r)).to.deep.equal([['paymentCheckResponse', { line: 3 }, 'NB_RETURN_STAMP=2&NB_VERIFIED=NO']]);
    const bad = only(r);
    expect([bad.level, bad.code, bad.source]).to.deep.equal(['warning', 'bad-json', { line: 2 }]);
    expect(bad.message.en).to.match(/^A JSON object with NB_ fields at line 2 is not valid JSON \(.+\); it was skipped — paste that object alone in the decoder to see where it breaks$/);
    expect(bad.message.sv).to.match(/^Ett JSON-objekt med NB_-fält på rad 2 är inte giltig JSON \(.+\); det hoppades över — klistra in objektet ensamt i avkodaren för att se var felet finns$/);
  });
});

describe('extractMessages: where each message was found', () => {
  it('a log: query strings, NAME: value blocks, a field holding &, forms, loose inputs and JSON in a line, each at its line', () => {
    const log = [
      'start',
      'GET /ok?NB_RETURN_STAMP=1&NB_VERIFIED=NO, then.',
      'NB_VERIFIED: YES',
      'NB_RETURN_STAMP = 2',
      'NB_VERIFIED=NO',
      'NB_RETURN_STAMP=3',
      'nothing',
      'NB_RETURN=https://x/?a=1&b=2',
      'NB_STAMP=9',
      '<form><input name=NB_RETURN_STAMP value=4>',
      '<input name=NB_VERIFIED value=NO></form>',
      '<input name=NB_RETURN_STAMP value=5>',
      '<input name=NB_VERIFIED value=YES>',
      'after',
      '2026 {"x": {"NB_RETURN_STAMP": "6", "NB_VERIFIED": "NO"}} tail',
      'info: see "nb_return_stamp=7&nb_verified=NO".',
    ].join('\n');
    const r = extractMessages(log);
    expect([r.format, r.problems]).to.deep.equal(['text', []]);
    expect(found(r)).to.deep.equal([
      ['paymentCheckResponse', { line: 2 }, 'NB_RETURN_STAMP=1&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { line: 3 }, 'NB_VERIFIED=YES&NB_RETURN_STAMP=2'],
      ['paymentCheckResponse', { line: 5 }, 'NB_VERIFIED=NO&NB_RETURN_STAMP=3'],
      ['paymentCheck', { line: 8 }, 'NB_RETURN=https://x/?a=1&b=2&NB_STAMP=9'],
      ['paymentCheckResponse', { line: 10 }, 'NB_RETURN_STAMP=4&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { line: 12 }, 'NB_RETURN_STAMP=5&NB_VERIFIED=YES'],
      ['paymentCheckResponse', { line: 15 }, 'NB_RETURN_STAMP=6&NB_VERIFIED=NO'],
    ]);
    expect(r.messages.map((m) => [m.index, m.stamp])).to.deep.equal([
      [0, '1'],
      [1, '2'],
      [2, '3'],
      [3, '9'],
      [4, '4'],
      [5, '5'],
      [6, '6'],
    ]);
  });

  it('JSON in a line: the whole object, else the flat object around the first NB_ key, else a warning', () => {
    const r = extractMessages('2026 {"a": 1} data {"NB_RETURN_STAMP":"1","NB_VERIFIED":"NO"}\nx {"NB_RETURN_STAMP":"2","NB_VERIFIED":NO} {"b":2}');
    expect(found(r)).to.deep.equal([['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=1&NB_VERIFIED=NO']]);
    expect(r.problems.map((p) => [p.code, p.source])).to.deep.equal([['bad-json', { line: 2 }]]);
  });

  it('CR LF lines, a block cut by a line without a field, and a lone field is no message', () => {
    const r = extractMessages('NB_VERIFIED=NO\r\nNB_RETURN_STAMP=1\r\nx\r\nNB_VERIFIED=YES\r\n\r\nNB_RETURN_STAMP=2\r\n');
    expect(found(r)).to.deep.equal([['paymentCheckResponse', { line: 1 }, 'NB_VERIFIED=NO&NB_RETURN_STAMP=1']]);
  });

  it('a JSON document: objects of fields, name/value lists and URL-encoded strings inside it', () => {
    const r = extractMessages(
      '  {"answer": {"NB_RETURN_STAMP": "1", "NB_VERIFIED": "NO"}, "list": [{"name":"NB_RETURN_STAMP","value":"2"},{"name":"NB_VERIFIED","value":"YES"}], "s": "NB_VERIFIED=NO&NB_RETURN_STAMP=3", "n": [1, "x=1"]}',
    );
    expect([r.format, r.problems]).to.deep.equal(['json', []]);
    expect(found(r)).to.deep.equal([
      ['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=1&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=2&NB_VERIFIED=YES'],
      ['paymentCheckResponse', { line: 1 }, 'NB_VERIFIED=NO&NB_RETURN_STAMP=3'],
    ]);
    expect(found(extractMessages('[{"NB_RETURN_STAMP": "1", "NB_VERIFIED": "NO"}]'))).to.deep.equal([['paymentCheckResponse', { line: 1 }, 'NB_RETURN_STAMP=1&NB_VERIFIED=NO']]);
  });

  it('a HAR: query strings without their fragment, posted parameters and bodies, answer pages; never a base64 body', () => {
    const har = {
      log: {
        entries: [
          { startedDateTime: '2026-11-23T10:00:00Z', request: { method: 'GET', url: 'https://bank/x?NB_RETURN_STAMP=1&NB_VERIFIED=NO#frag' } },
          {
            request: { method: 'POST', url: 'https://bank/pay', postData: { params: [{ name: 'NB_RETURN_STAMP', value: '2' }, { name: 'NB_VERIFIED', value: 'YES' }] } },
            response: { content: { text: '<html><form><input name=NB_RETURN_STAMP value=3><input name=NB_VERIFIED value=NO></form></html>' } },
          },
          { request: { url: 'https://shop/ok', postData: { text: 'NB_RETURN_STAMP=4&NB_VERIFIED=NO' } }, response: { content: { encoding: 'base64', text: 'NB_RETURN_STAMP=5&NB_VERIFIED=NO' } } },
          { request: { url: 'https://shop/q?a=1', postData: { text: '', params: [{ name: 'x', value: 'NB_' }] } } },
          null,
        ],
      },
    };
    const progress: Array<[number, number]> = [];
    const r = extractMessages(JSON.stringify(har), { onProgress: (done, total) => progress.push([done, total]) });
    expect([r.format, r.problems, progress]).to.deep.equal([
      'har',
      [
        {
          level: 'warning',
          code: 'har-malformed',
          source: { entry: 4 },
          message: {
            en: 'This HAR file does not follow the HAR format: log.entries[4] (entry 5) is null, where an object belongs. The rest of it was read. Save the HAR again from the network panel ("Save all as HAR") rather than editing it',
            sv: 'HAR-filen följer inte HAR-formatet: log.entries[4] (post 5) är null, där ska det vara ett objekt. Resten av den lästes. Spara HAR-filen igen från nätverkspanelen (”Save all as HAR”) i stället för att redigera den',
          },
        },
        {
          level: 'info',
          code: 'har-skipped',
          source: { entry: 2 },
          message: {
            en: '1 HAR body or entry was skipped: a response body that is binary (no MIME type), not a page or a form (entry 3)',
            sv: '1 innehåll eller post i HAR-filen hoppades över: ett svarsinnehåll som är binärt (ingen MIME-typ), inte en sida eller ett formulär (post 3)',
          },
        },
      ],
      [],
    ]);
    expect(found(r)).to.deep.equal([
      ['paymentCheckResponse', { entry: 0, url: 'https://bank/x?NB_RETURN_STAMP=1&NB_VERIFIED=NO#frag', method: 'GET', time: '2026-11-23T10:00:00Z', part: 'query' }, 'NB_RETURN_STAMP=1&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { entry: 1, url: 'https://bank/pay', method: 'POST', part: 'request' }, 'NB_RETURN_STAMP=2&NB_VERIFIED=YES'],
      ['paymentCheckResponse', { entry: 1, url: 'https://bank/pay', method: 'POST', part: 'response' }, 'NB_RETURN_STAMP=3&NB_VERIFIED=NO'],
      ['paymentCheckResponse', { entry: 2, url: 'https://shop/ok', part: 'request' }, 'NB_RETURN_STAMP=4&NB_VERIFIED=NO'],
    ]);
    expect(r.messages.map((m) => sourceText(m.source).en)).to.deep.equal([
      'HAR entry 1: GET https://bank/x?NB_RETURN_STAMP=1&NB_VERIFIED=NO#frag, 2026-11-23T10:00:00Z, query string',
      'HAR entry 2: POST https://bank/pay, request body',
      'HAR entry 2: POST https://bank/pay, response body',
      'HAR entry 3: https://shop/ok, request body',
    ]);
    expect(r.messages.map((m) => sourceText(m.source).sv)).to.deep.equal([
      'HAR-post 1: GET https://bank/x?NB_RETURN_STAMP=1&NB_VERIFIED=NO#frag, 2026-11-23T10:00:00Z, query string',
      'HAR-post 2: POST https://bank/pay, förfrågans POST-data',
      'HAR-post 2: POST https://bank/pay, svarets innehåll',
      'HAR-post 3: https://shop/ok, förfrågans POST-data',
    ]);
  });

  it('says a line as a line, and nothing for no source', () => {
    expect(sourceText({ line: 3 })).to.deep.equal({ en: 'line 3', sv: 'rad 3' });
    expect(sourceText({})).to.deep.equal({ en: '', sv: '' });
  });

  it('reports progress through a HAR every 200 entries (through a long log: extract-reading.test.ts)', () => {
    const entries = Array.from({ length: 401 }, () => ({ request: { url: 'https://x/' } }));
    const har: Array<[number, number]> = [];
    extractMessages(JSON.stringify({ log: { entries } }), { onProgress: (done, total) => har.push([done, total]) });
    expect(har).to.deep.equal([
      [200, 401],
      [400, 401],
    ]);
  });
});

describe('pairing answers with their requests (issue 21: each of these one-line faults must fail a test)', () => {
  it('pairs each answer with the request of its own kind, not with any request of the stamp; a stamp with spaces is the stamp', () => {
    const log = [
      'NB_VERSION=0002&NB_RCV_ID=999999&NB_STAMP=S1&NB_DB_AMOUNT=1,00&NB_DB_CUR=SEK&NB_DB_REF=1&NB_RETURN=https://x/a.html&NB_CANCEL=https://x/c.html&NB_REJECT=https://x/r.html',
      'NB_VERSION=0002&NB_RCV_ID=999999&NB_STAMP=S1&NB_RETURN=https://x/a.html',
      'NB_VERIFIED=YES&NB_RETURN_STAMP=%20S1%20',
      'NB_RETURN_STAMP=S1%20&NB_RETURN_DB_AMOUNT=1,00&NB_RETURN_DB_CUR=SEK&NB_RETURN_DB_REF=1&NB_PAID=2026',
    ].join('\n');
    const r = extractMessages(log);
    // Pay direct ↔ its receipt, payment check ↔ its answer: by kind and stamp, not by stamp alone.
    expect(r.messages.map((m) => [m.kind, m.stamp, m.pair])).to.deep.equal([
      ['payDirect', 'S1', 3],
      ['paymentCheck', 'S1', 2],
      ['paymentCheckResponse', 'S1', 1],
      ['payDirectReturn', 'S1', 0],
    ]);
    expect(r.stamps).to.deep.equal([{ stamp: 'S1', messages: [0, 1, 2, 3] }]);
  });

  it('finds the order of an answer by its stamp loosely (case, spaces), so that the cross-check can say how they differ', () => {
    expect(findOrder({ NB_RETURN_STAMP: ' s1 ' }, [{ NB_STAMP: 'S2' }, { NB_STAMP: 'S1' }])).to.deep.equal({ NB_STAMP: 'S1' });
    expect(findOrder({ NB_RETURN_STAMP: 'S3' }, [{ NB_STAMP: 'S1' }])).to.equal(null);
    expect(findOrder({}, [{ NB_STAMP: 'S1' }])).to.equal(null);
    expect(findOrder({ NB_RETURN_STAMP: '' }, [{}])).to.equal(null);
  });
});
