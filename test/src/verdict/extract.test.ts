import { expect } from '@esm-bundle/chai';
import { extractMessages, MESSAGE_KINDS, TEST_KEY, verifyMessage } from '../../../src/index.ts';
import { sourceText } from '../../../src/verdict/extract.ts';
import { body, RECEIPT, signedReceipt } from '../../support/receipt.ts';
import { answerPage, base64AnswerHar, generateHar, generateLog } from '../../support/session.ts';

describe('extractMessages', () => {
  it('finds every message of a shop log, in order, with line numbers, and pairs them by stamp', () => {
    const log = generateLog(20_000);
    const result = extractMessages(log.text);
    expect(result.format).to.equal('text');
    expect(result.problems).to.deep.equal([]);
    expect(result.messages.length).to.equal(log.messages);
    // A stamp's six messages: each request followed by its answer, the handbook's order of kinds.
    expect(result.messages.slice(0, 6).map((m) => m.kind)).to.deep.equal([...MESSAGE_KINDS]);
    const lines = result.messages.map((m) => m.source.line!);
    expect(lines).to.deep.equal([...lines].sort((a, b) => a - b));
    const textLines = log.text.split('\n');
    // Each message's line holds its stamp (an answer page starts with <!doctype, its stamp is below).
    for (const m of result.messages.filter((x) => x.kind !== 'paymentCheckResponse' && x.kind !== 'repayment')) {
      expect(textLines[m.source.line! - 1]).to.include(m.stamp!);
    }
    expect(result.messages[0]!.pair).to.equal(1);
    expect(result.messages[1]!.pair).to.equal(0);
    expect(result.messages[2]!.pair).to.equal(3);
    expect(result.messages[4]!.pair).to.equal(5);
    expect(result.stamps.length).to.equal(log.stamps);
    expect(result.stamps[0]).to.deep.equal({ stamp: 'S00000000', messages: [0, 1, 2, 3, 4, 5] });
    // Values come through exactly: the padded currency, the answer page's hidden inputs.
    expect(result.messages[1]!.fields.find((f) => f.name === 'NB_RETURN_DB_CUR')!.value).to.equal(' SEK');
    expect(verifyMessage(result.messages[3]!.fields, TEST_KEY).verified).to.equal(true);
    expect(verifyMessage(result.messages[4]!.fields, TEST_KEY).verified).to.equal(true);
  });

  it('reads a HAR: request bodies (text and params), query strings and answer pages, with entry, URL, method and time', () => {
    const har = generateHar(3);
    const result = extractMessages(har.text);
    expect(result.format).to.equal('har');
    expect(result.messages.length).to.equal(har.messages);
    const [pay, receipt, check, checkAnswer, repay, repayAnswer] = result.messages;
    expect(pay!.source).to.include({ entry: 2, method: 'POST', url: 'https://bank.example/pay', part: 'request' });
    expect(pay!.source.time).to.match(/^2026-11-23T10:00:02/);
    expect(receipt!.source).to.include({ entry: 3, part: 'request' });
    expect(check!.source).to.include({ entry: 4, method: 'GET', part: 'query' });
    expect(checkAnswer!.source).to.include({ entry: 4, part: 'response' });
    expect(checkAnswer!.kind).to.equal('paymentCheckResponse');
    expect(repay!.source).to.include({ entry: 5, part: 'request' });
    expect(repayAnswer!.source).to.include({ entry: 5, part: 'response' });
    expect(sourceText(pay!.source).en).to.equal(`HAR entry 3: POST https://bank.example/pay, ${pay!.source.time}, request body`);
    expect(sourceText(pay!.source).sv).to.match(/^HAR-post 3: POST/);
  });

  it('finds messages in JSON inside log lines, in JSON documents and in NAME=value blocks split where a field repeats', async () => {
    const a = await signedReceipt(TEST_KEY);
    const b = await signedReceipt(TEST_KEY, { NB_RETURN_STAMP: '00003' });
    const blocks = [...Object.entries(a), ...Object.entries(b)].map(([k, v]) => `${k}=${v}`).join('\n');
    expect(extractMessages(blocks).messages.map((m) => m.source.line)).to.deep.equal([1, 8]);
    const jsonLine = `12:00:01 app.INFO: return {"ctx":{"post":${JSON.stringify(a)}},"user":"x"}`;
    expect(extractMessages(jsonLine).messages[0]!.fields.find((f) => f.name === 'NB_RETURN_DB_CUR')!.value).to.equal(' SEK');
    const doc = JSON.stringify([a, b]);
    const json = extractMessages(doc);
    expect(json.format).to.equal('json');
    expect(json.messages.map((m) => m.stamp)).to.deep.equal(['00002', '00003']);
    const urlInJson = extractMessages(JSON.stringify({ body: body(a) }));
    expect(urlInJson.messages.length).to.equal(1);
    const page = extractMessages(`before\n${answerPage({ NB_VERIFIED: 'NO', NB_RETURN_STAMP: '7' })}\nafter ${body(b)}`);
    expect(page.messages.map((m) => [m.kind, m.source.line])).to.deep.equal([
      ['paymentCheckResponse', 2],
      ['payDirectReturn', 13], // the page's 11 lines are lines 2–12
    ]);
  });

  it('reads a NAME=value block whose return URLs carry a query string (with &) as one message', () => {
    const lines = [
      'NB_VERSION=0002',
      'NB_RCV_ID=999999',
      'NB_STAMP=S1',
      'NB_DB_AMOUNT=899,00',
      'NB_DB_CUR=SEK',
      'NB_DB_REF=123450',
      'NB_RETURN=https://shop.example/ok.html',
      'NB_CANCEL=https://shop.example/cancel.html?order=S1&session=abc',
      'NB_REJECT=https://shop.example/reject.html?order=S1',
      'NB_HMAC=26D07B3BF8A133425FEFFC79B1AAA4B5',
      'NB_KVV=FF365893D899291C3BF505FB3175E880',
    ];
    const { messages } = extractMessages(lines.join('\n'));
    expect(messages.map((m) => m.kind)).to.deep.equal(['payDirect']);
    expect(messages[0]!.fields.map((f) => f.name)).to.deep.equal(lines.map((l) => l.slice(0, l.indexOf('='))));
    expect(messages[0]!.fields.find((f) => f.name === 'NB_CANCEL')!.value).to.equal('https://shop.example/cancel.html?order=S1&session=abc');
  });

  it('yields nothing from noise, and says so', () => {
    const noise = [
      'GET /assets/app.css?v=3&x=1 200',
      '{"event":"page_view","page":"/checkout"}',
      '<html><body><form><input name="q" value="shoes"></form></body></html>',
      'console.log("NB_ is a prefix"); a=1&b=2',
      'NB_STAMP=00002',
    ].join('\n');
    const result = extractMessages(noise);
    expect(result.messages).to.deep.equal([]);
    expect(result.problems.map((p) => p.code)).to.deep.equal(['none-found']);
    const har = extractMessages(JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'https://x.example/a.js' }, response: { content: { text: 'x' } } }] } }));
    expect(har.format).to.equal('har');
    expect(har.messages).to.deep.equal([]);
  });

  it('reads a HAR answer page stored in base64 with the charset of its MIME type (ISO-8859-1), verified; lists what it skipped and why', async () => {
    const result = extractMessages(await base64AnswerHar());
    const found = result.messages.find((m) => m.kind === 'paymentCheckResponse');
    expect(found, JSON.stringify(result.problems)).to.not.equal(undefined);
    expect(found!.source.charset).to.equal('iso-8859-1');
    expect(found!.fields.find((f) => f.name === 'NB_RETURN_BB_REF1')!.value).to.equal('Åsa Öberg');
    expect(verifyMessage(found!.fields, TEST_KEY, { encoding: found!.source.charset! }).verified).to.equal(true);
    // Every skipped body is listed, with why; an entry that is not an object breaks the HAR format, and is named so.
    const skipped = result.problems.filter((p) => p.code === 'har-skipped').map((p) => p.message.en);
    expect(skipped).to.have.length(1);
    expect(skipped[0]).to.match(/binary \(image\/png\).*entry 1\)/);
    expect(result.problems.find((p) => p.code === 'har-malformed')!.message.en).to.contain('log.entries[2] (entry 3) is null, where an object belongs');
  });

  it('reports bad input clearly instead of throwing: empty, too large, binary, compressed, invalid and truncated HAR, broken JSON in a line', async () => {
    const codes = (input: string, max?: number) => extractMessages(input, max ? { maxLength: max } : {}).problems.map((p) => p.code);
    expect(codes('  \n ')).to.deep.equal(['empty']);
    expect(codes('x'.repeat(2000), 1000)).to.deep.equal(['too-large']);
    const large = extractMessages('x'.repeat(2000), { maxLength: 1000 }).problems[0]!;
    expect(large.message.en).to.match(/0\.0 MB; at most 0\.0 MB is read\. Keep the lines/);
    expect(large.message.sv).to.include('högst');
    expect(codes(`\0\x01\x02binary${'\x03'.repeat(50)}`)).to.deep.equal(['binary']);
    expect(extractMessages('\x1f\ufffd\x08\0gzip').problems[0]!.message.en).to.include('compressed');
    const har = generateHar(2).text;
    const truncated = extractMessages(har.slice(0, Math.floor(har.length * 0.6)));
    expect(truncated.problems[0]!.code).to.equal('har-truncated');
    expect(truncated.problems[0]!.message.en).to.match(/ends before its JSON does \(line \d+, position \d+\).*Save all as HAR/);
    // What was complete before the cut is still read, as text.
    expect(truncated.messages.length).to.be.greaterThan(0);
    const invalid = extractMessages(har.replace('"entries"', '"entries" oops'));
    expect(invalid.problems[0]!.code).to.equal('har-invalid');
    expect(invalid.problems[0]!.source!.line).to.be.greaterThan(1);
    const a = await signedReceipt(TEST_KEY);
    const broken = extractMessages(`ok\n12:00 return {"NB_RETURN_STAMP":"00002","NB_PAID":}\n${body(a)}`);
    expect(broken.problems.map((p) => [p.code, p.source?.line])).to.deep.equal([['bad-json', 2]]);
    expect(broken.messages.length).to.equal(1);
  });

  it('pairs each answer with the latest open request of its kind and stamp', async () => {
    const order = new URLSearchParams({ NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_AMOUNT: '550,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' }).toString();
    const receipt = body(await signedReceipt(TEST_KEY));
    const other = body({ ...RECEIPT, NB_RETURN_STAMP: '00009' });
    const result = extractMessages([order, other, receipt, receipt].join('\n'));
    expect(result.messages.map((m) => m.pair)).to.deep.equal([2, null, 0, null]);
    expect(result.stamps.map((s) => [s.stamp, s.messages])).to.deep.equal([
      ['00002', [0, 2, 3]],
      ['00009', [1]],
    ]);
  });
});
