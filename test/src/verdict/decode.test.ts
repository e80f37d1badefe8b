import { expect } from '@esm-bundle/chai';
import { decodeMessages, normalizeKey, splitMessages, TEST_KEY, TEST_KVV, verifyMessage } from '../../../src/index.ts';
import { calculatorCase } from '../../../src/doctor/index.ts';
import { crossCheck, explainStatus, findReplays, findOrder, supportSummary } from '../../../src/verdict/decode.ts';
import { readCalculatorCase } from '../../../src/doctor/index.ts';
import { body, RECEIPT, signedReceipt } from '../../support/receipt.ts';
import { webMac } from '../../support/webcrypto.ts';

const signed = (overrides: Record<string, string> = {}) => signedReceipt(TEST_KEY, overrides);
const lines = (fields: Record<string, string>) => Object.entries(fields).map(([k, v]) => `${k}=${v}`).join('\n');

describe('splitMessages', () => {
  it('reads one POST body per log line, with its line number', async () => {
    const a = await signed();
    const b = await signed({ NB_RETURN_STAMP: '00003', NB_PAID: '20261123111500000001' });
    const blocks = splitMessages(`${body(a)}\n${body(b)}\r\n\n${body(a)}\n`);
    expect(blocks.map((x) => x.line)).to.deep.equal([1, 2, 4]);
    expect(blocks.map((x) => x.parsed.fields.NB_RETURN_STAMP)).to.deep.equal(['00002', '00003', '00002']);
    expect(blocks[0]!.parsed.fields.NB_RETURN_DB_CUR).to.equal(' SEK');
  });

  it('reads NAME=value blocks separated by blank lines, and keeps one block as one message', async () => {
    const a = await signed();
    expect(splitMessages(lines(a))).to.have.length(1);
    const blocks = splitMessages(`Receipts of Monday:\n\n${lines(a)}\n\n\n${lines({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '00002' })}`);
    expect(blocks).to.have.length(2);
    expect(blocks[0]!.line).to.equal(3);
    expect(blocks[1]!.line).to.equal(12);
    expect(blocks[1]!.parsed.fields).to.deep.equal({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '00002' });
  });

  it('reads a JSON array of objects, JSON lines, and several HTML answer pages', async () => {
    const a = await signed();
    const json = splitMessages(JSON.stringify([a, { NB_VERIFIED: 'NO', NB_RETURN_STAMP: '9' }]));
    expect(json.map((x) => x.parsed.fields.NB_RETURN_STAMP)).to.deep.equal(['00002', '9']);
    expect(splitMessages(`${JSON.stringify(a)}\n${JSON.stringify(a)}`)).to.have.length(2);
    const page = (stamp: string) =>
      `<html><body><table><tr><td>Stämpel</td><td>${stamp}</td></tr></table>\n\n<form><input type="hidden" name="NB_VERIFIED" value="NO">\n<input type="hidden" name="NB_RETURN_STAMP" value="${stamp}"></form></body></html>`;
    const html = splitMessages(`${page('1')}\n${page('2')}`);
    expect(html.map((x) => x.parsed.fields.NB_RETURN_STAMP)).to.deep.equal(['1', '2']);
    expect(html[1]!.line).to.equal(5);
    // A single page with blank lines inside stays one message.
    expect(splitMessages(page('1'))).to.have.length(1);
    // The parser's own list of {name, value} is one message.
    expect(splitMessages(JSON.stringify([{ name: 'NB_VERIFIED', value: 'NO' }]))).to.have.length(1);
  });

  it('leaves the parser’s own message for an empty or binary paste', () => {
    expect(splitMessages('  \n ')[0]!.parsed.problems[0]!.code).to.equal('empty');
    expect(splitMessages('\u0000\u0001PNG\u0002')[0]!.parsed.problems[0]!.code).to.equal('binary');
    const prose = decodeMessages(splitMessages('hello\n\nworld'), TEST_KEY);
    expect(prose.total).to.equal(1);
    expect(prose.messages[0]!.verification.outcome).to.equal('unknown-kind');
  });

  it('splits a 1 MB paste of receipts and decodes a page of them (how fast is the bench’s business)', async () => {
    const line = body(await signed());
    const big = `${line}\n`.repeat(Math.ceil(1_000_000 / (line.length + 1)));
    const blocks = splitMessages(big);
    const list = decodeMessages(blocks, TEST_KEY, { limit: 50 });
    expect(blocks.length).to.be.greaterThan(3000);
    expect(list.messages).to.have.length(50);
    expect(list.total).to.equal(blocks.length);
    expect(list.replays[0]!.messages).to.have.length(blocks.length);
  });
});

describe('findReplays', () => {
  it('warns on the same NB_PAID twice, and on the same stamp in two receipts', () => {
    const kinds = ['payDirectReturn', 'payDirectReturn', 'payDirectReturn'] as const;
    const replays = findReplays([RECEIPT, RECEIPT, { ...RECEIPT, NB_PAID: '20261123120000000000' }], kinds);
    expect(replays.map((r) => [r.code, r.messages])).to.deep.equal([
      ['replay-paid', [0, 1]],
      ['replay-stamp', [0, 1, 2]],
    ]);
    expect(replays[0]!.level).to.equal('warning');
    expect(replays[0]!.message.sv).to.contain('NB_PAID 20261123101500123456');
  });

  it('only notes the same stamp in payment check answers, and ignores requests and unknown messages', () => {
    const check = { NB_VERIFIED: 'NO', NB_RETURN_STAMP: '7' };
    const replays = findReplays([check, check, { NB_STAMP: '7' }, { NB_STAMP: '7' }], ['paymentCheckResponse', 'paymentCheckResponse', 'paymentCheck', null]);
    expect(replays).to.have.length(1);
    expect(replays[0]).to.deep.include({ code: 'repeat-stamp', level: 'info' });
    expect(findReplays([RECEIPT], ['payDirectReturn'])).to.deep.equal([]);
  });
});

describe('crossCheck against the order', () => {
  it('compares amounts and currencies by meaning and says the MAC uses the value as received', () => {
    const rows = crossCheck('payDirectReturn', RECEIPT, { NB_STAMP: '00002', NB_DB_AMOUNT: '550.00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' });
    expect(rows.map((r) => [r.field, r.orderField, r.result])).to.deep.equal([
      ['NB_RETURN_STAMP', 'NB_STAMP', 'same'],
      ['NB_RETURN_DB_AMOUNT', 'NB_DB_AMOUNT', 'same-meaning'],
      ['NB_RETURN_DB_CUR', 'NB_DB_CUR', 'same-meaning'],
      ['NB_RETURN_DB_REF', 'NB_DB_REF', 'same'],
    ]);
    expect(rows[2]!.message.en).to.contain('the MAC uses " SEK" exactly as received');
  });

  it('flags a different amount, reference or stamp', () => {
    const rows = crossCheck('payDirectReturn', RECEIPT, { NB_STAMP: '00003', NB_DB_AMOUNT: '5 500,00', NB_DB_REF: '0123450' });
    expect(rows.map((r) => r.result)).to.deep.equal(['different', 'different', 'different']);
    expect(rows[1]!.message.en).to.contain('do not deliver');
  });

  it('compares a repayment answer with its request, and finds the order with the same stamp', () => {
    const answer = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: '00002', NB_RETURN_DB_REF: '123450', NB_RETURN_REPAY_AMOUNT: '120,00', NB_RETURN_REPAY_CUR: 'SEK', NB_PAID: '2' };
    const request = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_REF: '123450', NB_PAID: '1', NB_REPAY_AMOUNT: '120', NB_REPAY_CUR: 'SEK' };
    expect(crossCheck('repaymentResponse', answer, request).map((r) => r.result)).to.deep.equal(['same', 'same', 'same-meaning', 'same']);
    expect(findOrder(answer, [{ NB_STAMP: '1' }, request])).to.equal(request);
    expect(findOrder(answer, [{ NB_STAMP: '1' }])).to.equal(null);
  });
});

describe('explainStatus', () => {
  const explain = (fields: Record<string, string>, key: string | null = TEST_KEY) => explainStatus(fields, verifyMessage(fields, key));

  it('a verified receipt is paid; a failed one is not proven; a verified one with an error (no NB_KVV) is not to be acted on', async () => {
    const good = explain(await signed());
    expect(good.level).to.equal('ok');
    expect(good.headline.en).to.match(/^Paid: the bank's receipt for stamp 00002, 550,00\u00a0SEK/);
    const bad = explain({ ...(await signed()), NB_RETURN_DB_AMOUNT: '5,00' });
    expect(bad.level).to.equal('error');
    expect(bad.headline.en).to.match(/^The MAC does not verify/);
    expect(explain(await signed(), null).level).to.equal('warning');
    const { NB_KVV: _, ...withoutKvv } = await signed();
    const incomplete = explain(withoutKvv);
    expect(incomplete.level).to.equal('error');
    expect(incomplete.headline.en).to.match(/^The MAC verifies, but the message has an error/);
  });

  it('YES, NO and ERR of a payment check in words', async () => {
    const yes = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: '00002' };
    expect(explain({ ...yes, NB_HMAC: await webMac(TEST_KEY, 'YES&00002') }).headline.en).to.contain('YES: stamp 00002 is paid');
    const no = explain({ NB_VERIFIED: 'NO', NB_RETURN_STAMP: '00002', NB_HMAC: await webMac(TEST_KEY, 'NO&00002'), NB_KVV: TEST_KVV });
    expect(no.level).to.equal('warning');
    expect(no.headline.sv).to.contain('banken har ingen betalning med betalnings-ID 00002');
    const err = explain({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '00002', NB_HMAC: '', NB_ERR_DESCR: 'Tekniskt fel' });
    expect(err.level).to.equal('unknown');
    expect(err.headline.en).to.contain('ERR carries no MAC by design, so it proves nothing — treat the payment as unknown and check again later');
    expect(err.errorDescription).to.equal('Tekniskt fel');
  });

  it('a repayment gives the new NB_PAID and the exchange when present', async () => {
    const fields = {
      NB_VERIFIED: 'YES', NB_RETURN_STAMP: '00002', NB_RETURN_DB_REF: '123450', NB_RETURN_REPAY_AMOUNT: '120,00', NB_RETURN_REPAY_CUR: 'EUR',
      NB_WITHDRAWAL_AMOUNT: '1290,00', NB_WITHDRAWAL_CUR: 'SEK', NB_WITHDRAWAL_DATE: '2026-11-24', NB_DEPOSIT_DATE: '2026-11-26', NB_RATE: '10,75',
      NB_PAID: '20261124090000000001',
    };
    const mac = await webMac(TEST_KEY, 'YES&00002&123450&120,00&EUR&1290,00&SEK&2026-11-24&2026-11-26&10,75&20261124090000000001');
    const e = explain({ ...fields, NB_HMAC: mac, NB_KVV: TEST_KVV });
    expect(e.level).to.equal('ok');
    expect(e.newPaid).to.equal('20261124090000000001');
    expect(e.exchange!.map((x) => x.name)).to.deep.equal(['NB_WITHDRAWAL_AMOUNT', 'NB_WITHDRAWAL_CUR', 'NB_WITHDRAWAL_DATE', 'NB_DEPOSIT_DATE', 'NB_RATE']);
    expect(e.details.map((d) => d.en).join(' ')).to.contain('rate 10,75');
    const plain = { ...fields, NB_RETURN_REPAY_CUR: 'SEK' } as Record<string, string>;
    for (const k of ['NB_WITHDRAWAL_AMOUNT', 'NB_WITHDRAWAL_CUR', 'NB_WITHDRAWAL_DATE', 'NB_DEPOSIT_DATE', 'NB_RATE']) delete plain[k];
    const noExchange = explain({ ...plain, NB_HMAC: await webMac(TEST_KEY, 'YES&00002&123450&120,00&SEK&20261124090000000001') });
    expect(noExchange.exchange).to.equal(undefined);
    expect(noExchange.details[0]!.en).to.contain('New NB_PAID 20261124090000000001');
    const err = explain({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '00002', NB_RETURN_DB_REF: '1', NB_RETURN_REPAY_AMOUNT: '1,00', NB_RETURN_REPAY_CUR: 'SEK', NB_PAID: '' });
    expect(err.headline.en).to.contain('treat the repayment as unknown');
  });

  it('a request is the order, not an answer; nothing known is nothing to act on', () => {
    expect(explain({ NB_VERSION: '0002', NB_RCV_ID: '1', NB_STAMP: '2' }).headline.en).to.contain('A request from the shop');
    expect(explain({ order: '1' }).headline.en).to.contain('A cancel/reject return carries no fields and proves nothing');
  });
});

describe('decodeMessages and the support summary', () => {
  it('cross-checks an answer against a request with its stamp in the same paste', async () => {
    const request = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_AMOUNT: '550.00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' };
    const list = decodeMessages(splitMessages(`${body(request)}\n${body(await signed())}`), TEST_KEY);
    expect(list.messages[0]!.crossCheck).to.deep.equal([]);
    expect(list.messages[1]!.orderSource).to.equal('list');
    expect(list.messages[1]!.crossCheck.map((r) => r.result)).to.deep.equal(['same', 'same-meaning', 'same-meaning', 'same']);
    const given = decodeMessages(splitMessages(body(await signed())), TEST_KEY, { order: { NB_STAMP: '9' } });
    expect(given.messages[0]!.orderSource).to.equal('given');
    expect(given.messages[0]!.crossCheck[0]!.result).to.equal('different');
  });

  it('pages through a long list with offset and limit, finding replays over all of it', async () => {
    const a = body(await signed());
    const list = decodeMessages(splitMessages(`${a}\n`.repeat(7)), TEST_KEY, { offset: 5, limit: 5 });
    expect(list.total).to.equal(7);
    expect(list.messages.map((m) => m.block.index)).to.deep.equal([5, 6]);
    expect(list.messages[0]!.replays[0]!.messages).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
  });

  it('summarises for a support ticket in both languages, with the doctor link for a failed MAC and never the key', async () => {
    const bad = { ...(await signed()), NB_RETURN_DB_AMOUNT: '5,00' };
    const list = decodeMessages(splitMessages(`${body(await signed())}\n${body(bad)}`), [{ key: TEST_KEY }], {});
    const summary = supportSummary(list, { calculatorUrl: 'https://tools.example/tools/calculator/' });
    for (const lang of ['en', 'sv'] as const) {
      expect(summary[lang]).not.to.contain(normalizeKey(TEST_KEY));
      expect(summary[lang]).not.to.contain(TEST_KEY);
    }
    expect(summary.en).to.contain('"00002&550,00& SEK&123450&20261123101500123456"');
    expect(summary.sv).to.contain('”00002&550,00& SEK&123450&20261123101500123456”'); // Swedish quotes
    expect(summary.sv).to.contain('MAC: stämmer');
    expect(summary.en).to.contain('MAC: verified');
    expect(summary.en).to.contain('MAC: DOES NOT MATCH');
    expect(summary.sv).to.contain('MAC: STÄMMER INTE');
    const link = /Mismatch doctor: (\S+)/.exec(summary.en)![1]!;
    expect(link.startsWith('https://tools.example/tools/calculator/#case=')).to.equal(true);
    expect(summary.en.match(/#case=/g)).to.have.length(1);
  });

  it('encodes the calculator case as base64url JSON of kind, fields, MAC and encoding, without the key', async () => {
    const fields: Record<string, string> = { ...(await signed()), NB_RETURN_STAMP: 'Åsa?' };
    const fragment = calculatorCase('payDirectReturn', fields, 'iso-8859-1');
    expect(fragment).to.match(/^case=[A-Za-z0-9_-]+$/);
    const b64 = fragment.slice(5).replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const data = JSON.parse(new TextDecoder().decode(bytes));
    expect(data).to.deep.equal({ kind: 'payDirectReturn', fields, mac: fields.NB_HMAC, encoding: 'iso-8859-1' });
    expect(JSON.stringify(data)).not.to.contain(normalizeKey(TEST_KEY));
    // The calculator reads it back as it was written.
    expect(readCalculatorCase(`#${fragment}`)).to.deep.equal({ case: data, error: null });
  });
});
