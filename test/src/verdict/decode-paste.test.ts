import { expect } from '@esm-bundle/chai';
import { TEST_KEY, TEST_KVV } from '../../../src/index.ts';
import { decodeMessages, DIAGNOSED_AT_ONCE, findReplays, isSessionPaste, splitMessages } from '../../../src/verdict/decode.ts';
import { REQUEST } from '../../support/verdict-corpus.ts';
import { body, signedReceipt } from '../../support/receipt.ts';
import { latin1, webHmac, webMac } from '../../support/webcrypto.ts';

/** A whole paste in the decoder: when it is a session, how many mismatches the doctor explains at once, which order an answer is checked against. */

const requestString = (r: Record<string, string>) => [r.NB_RCV_ID, r.NB_STAMP, r.NB_DB_AMOUNT, r.NB_DB_CUR, r.NB_DB_REF].join('&');
const CHECK = 'NB_VERIFIED=NO&NB_RETURN_STAMP=7';
const session = (input: string) => isSessionPaste(input, splitMessages(input));

describe('isSessionPaste: a paste the session view reads better than the decoder’s split', () => {
  it('a HAR, by its start or an "entries" list in its first 4096 characters', () => {
    expect(session('{"log": {"entries": []}, "x": "nb_"}')).to.equal(true);
    expect(session(' \n{ "log" :1} NB_')).to.equal(true);
    expect(session('{"a":1, "entries" : [ "NB_" ]}')).to.equal(true);
    // Further on, "entries" is just a name: the JSON object holding the message is one message either way.
    const late = `{"a":"${'x'.repeat(5000)}", "entries": [], "NB_VERIFIED":"NO","NB_RETURN_STAMP":"7"}`;
    expect(splitMessages(late).length).to.equal(1);
    expect(session(late)).to.equal(false);
  });

  it('a log whose messages sit among other lines: the extract finds more than the split', () => {
    expect(session(`GET /a?${CHECK} HTTP/1.1\nprose\nPOST body ${CHECK}`)).to.equal(true);
  });

  it('not one message, nor messages one per line, nor text without NB_ fields, nor what is not a string', () => {
    expect(session(CHECK)).to.equal(false);
    expect(session(`${CHECK}\n${CHECK}`)).to.equal(false);
    expect(session(`hello\n${CHECK}\nbye`)).to.equal(false);
    expect(session('{"note": "hello", "list": []}')).to.equal(false);
    expect(isSessionPaste(42 as unknown as string, [])).to.equal(false);
  });

  it('a HAR, even one without NB_ fields, so that the session view says what is in it or wrong with it', () => {
    expect(session('{"log": {"entries": []}}')).to.equal(true);
    expect(session('  {\n  "log": {"entries": {}}}')).to.equal(true);
    expect(session('{"log": {"entries": []}, "x": "Nb_"}')).to.equal(true);
    expect(session('{"version": "1.2", "entries": []}')).to.equal(true);
  });
});

describe('decodeMessages: the doctor at once, for the first mismatches only', () => {
  it(`explains the first ${DIAGNOSED_AT_ONCE} failing MACs and leaves the others pending`, async () => {
    expect(DIAGNOSED_AT_ONCE).to.equal(10);
    const mac = (await webHmac(latin1(TEST_KEY), requestString(REQUEST))).slice(0, 32);
    const good = { ...REQUEST, NB_HMAC: await webMac(TEST_KEY, requestString(REQUEST)), NB_KVV: TEST_KVV };
    const bad = { ...REQUEST, NB_HMAC: mac, NB_KVV: TEST_KVV };
    const lines = [body(good), ...Array.from({ length: DIAGNOSED_AT_ONCE + 2 }, () => body(bad))];
    const list = decodeMessages(splitMessages(lines.join('\n')), TEST_KEY);
    expect(list.messages.map((m) => m.verdict.doctor?.status ?? null)).to.deep.equal([null, ...Array<string>(DIAGNOSED_AT_ONCE).fill('explained'), 'pending', 'pending']);
    expect(list.messages[1]!.verdict.codes).to.deep.equal(['mac-mismatch', 'key-as-text']);
    expect(list.messages[11]!.verdict.codes).to.deep.equal(['mac-mismatch']);
    // A page further on gets its own first ones.
    const later = decodeMessages(splitMessages(lines.join('\n')), TEST_KEY, { offset: 11, limit: 2 });
    expect(later.messages.map((m) => [m.block.index, m.verdict.doctor?.status])).to.deep.equal([
      [11, 'explained'],
      [12, 'explained'],
    ]);
  });
});

describe('decodeMessages: the order each answer is checked against', () => {
  it('a request of the paste with the answer’s stamp, unless an order is given; never for a request', async () => {
    const receipt = await signedReceipt(TEST_KEY, { NB_RETURN_STAMP: 'S1', NB_RETURN_DB_AMOUNT: '899,00', NB_RETURN_DB_CUR: 'SEK' });
    const paste = `${body(REQUEST)}\n${body({ ...REQUEST, NB_STAMP: 'S2' })}\n${body(receipt)}`;
    const listed = decodeMessages(splitMessages(paste), TEST_KEY);
    expect(listed.messages.map((m) => m.orderSource)).to.deep.equal([null, null, 'list']);
    expect(listed.messages[2]!.crossCheck.map((c) => [c.field, c.expected, c.result])).to.deep.equal([
      ['NB_RETURN_STAMP', 'S1', 'same'],
      ['NB_RETURN_DB_AMOUNT', '899,00', 'same'],
      ['NB_RETURN_DB_CUR', 'SEK', 'same'],
      ['NB_RETURN_DB_REF', '123450', 'same'],
    ]);
    expect(listed.messages[2]!.verdict.crossCheck).to.equal(listed.messages[2]!.crossCheck);
    const given = decodeMessages(splitMessages(paste), TEST_KEY, { order: { NB_STAMP: 'S1', NB_DB_AMOUNT: '1,00' } });
    expect(given.messages.map((m) => m.orderSource)).to.deep.equal([null, null, 'given']);
    expect(given.messages[2]!.crossCheck.map((c) => c.result)).to.deep.equal(['same', 'different']);
    // An empty order is no order: the paste's request is used.
    const empty = decodeMessages(splitMessages(paste), TEST_KEY, { order: {} });
    expect(empty.messages.map((m) => m.orderSource)).to.deep.equal([null, null, 'list']);
    // An answer with no request of its stamp in the paste is checked against nothing.
    const alone = decodeMessages(splitMessages(`${body({ ...REQUEST, NB_STAMP: 'S2' })}\n${body(receipt)}`), TEST_KEY);
    expect(alone.messages.map((m) => [m.orderSource, m.crossCheck.length])).to.deep.equal([
      [null, 0],
      [null, 0],
    ]);
  });

  it('a kind given for every message is the kind each is judged as', async () => {
    const receipt = await signedReceipt(TEST_KEY);
    const list = decodeMessages(splitMessages(`${body(receipt)}\n${body(receipt)}`), TEST_KEY, { kind: 'paymentCheckResponse' });
    expect(list.messages.map((m) => m.verification.kind)).to.deep.equal(['paymentCheckResponse', 'paymentCheckResponse']);
    // Replays are found among the kinds as given: one NB_PAID twice in check answers (its stamp's note would repeat it).
    expect(list.replays.map((r) => [r.code, r.messages, r.message.en])).to.deep.equal([
      ['replay-paid', [0, 1], 'Messages 1, 2 (Payment check answer: bank → shop) carry the same NB_PAID 20261123101500123456: a receipt can be replayed — act on it once only'],
    ]);
  });

  it('each message carries the replays it is part of', async () => {
    const receipt = body(await signedReceipt(TEST_KEY));
    const list = decodeMessages(splitMessages(`${receipt}\n${CHECK}\n${receipt}`), TEST_KEY);
    expect(list.messages.map((m) => m.replays.map((r) => r.code))).to.deep.equal([['replay-paid'], [], ['replay-paid']]);
  });
});

describe('findReplays: one delivery seen twice is no replay', () => {
  it('a message whose delivery is another (the POST of an answer page) is left out; without deliveries every one counts', () => {
    const receipt = { NB_RETURN_STAMP: 'S1', NB_PAID: 'P1' };
    const kinds = ['payDirectReturn', 'payDirectReturn', 'payDirectReturn'] as const;
    expect(findReplays([receipt, receipt, receipt], kinds, [0, 0, 2]).map((r) => [r.code, r.messages])).to.deep.equal([['replay-paid', [0, 2]]]);
    expect(findReplays([receipt, receipt], kinds.slice(0, 2), [0, 0])).to.deep.equal([]);
    expect(findReplays([receipt, receipt], kinds.slice(0, 2)).map((r) => [r.code, r.messages])).to.deep.equal([['replay-paid', [0, 1]]]);
  });

  it('requests, unknown messages and empty values are never replays', () => {
    expect(findReplays([{ NB_STAMP: 'S1' }, { NB_STAMP: 'S1' }], ['payDirect', 'payDirect'])).to.deep.equal([]);
    expect(findReplays([{ NB_RETURN_STAMP: 'S1' }, { NB_RETURN_STAMP: 'S1' }], [null, null])).to.deep.equal([]);
    expect(findReplays([{ NB_RETURN_STAMP: '', NB_PAID: '' }, { NB_RETURN_STAMP: '', NB_PAID: '' }], ['payDirectReturn', 'payDirectReturn'])).to.deep.equal([]);
  });

  it('the same NB_PAID in answers of different kinds is no replay; receipts sharing a stamp but not all of NB_PAID get the stamp warning too', () => {
    const paid = { NB_PAID: 'P1' };
    expect(findReplays([{ ...paid, NB_RETURN_STAMP: 'A' }, { ...paid, NB_RETURN_STAMP: 'B' }], ['payDirectReturn', 'paymentCheckResponse'])).to.deep.equal([]);
    const replays = findReplays(
      [
        { NB_RETURN_STAMP: 'S1', NB_PAID: 'P1' },
        { NB_RETURN_STAMP: 'S1', NB_PAID: 'P1' },
        { NB_RETURN_STAMP: 'S2', NB_PAID: 'P2' },
        { NB_RETURN_STAMP: 'S2', NB_PAID: 'P3' },
      ],
      ['payDirectReturn', 'payDirectReturn', 'payDirectReturn', 'payDirectReturn'],
    );
    expect(replays.map((r) => [r.code, r.value, r.messages])).to.deep.equal([
      ['replay-paid', 'P1', [0, 1]],
      ['replay-stamp', 'S2', [2, 3]],
    ]);
  });
});
