import { expect } from '@esm-bundle/chai';
import { diagnoseMac, extractMessages, judgeMessage, parseFields, POLICY, TEST_KEY, TEST_KVV } from '../../../src/index.ts';
import { DOCTOR_CAUSES } from '../../../src/doctor/index.ts';
import { corpus, K2, REQUEST } from '../../support/verdict-corpus.ts';
import { decodeMessages, findOrder, findReplays, splitMessages } from '../../../src/verdict/decode.ts';
import { pairMessages } from '../../../src/judging/pairing.ts';
import { keyForMessage } from '../../../src/verdict/verdict.ts';
import { answerPage } from '../../support/session.ts';
import { latin1, webHmac, webMac } from '../../support/webcrypto.ts';
import { body, signedReceipt } from '../../support/receipt.ts';

const requestString = (r: Record<string, string>) => [r.NB_RCV_ID, r.NB_STAMP, r.NB_DB_AMOUNT, r.NB_DB_CUR, r.NB_DB_REF].join('&');
/** A pay direct request signed as sent (WebCrypto), with `overrides`. */
async function signedRequest(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const r = { ...REQUEST, ...overrides };
  return { ...r, NB_HMAC: await webMac(TEST_KEY, requestString(r)), NB_KVV: TEST_KVV };
}

describe('judgeMessage: the level, the codes and the top line', () => {
  it('a request signed right is ok, and its line says so in both languages', async () => {
    const v = judgeMessage(await signedRequest(), { keys: TEST_KEY });
    expect(v.level).to.equal('ok');
    expect(v.codes).to.deep.equal([]);
    expect(v.line.en).to.match(/^OK: no errors; the MAC verifies/);
    expect(v.line.sv).to.match(/^OK: inga fel; MAC:en stämmer/);
  });

  it('899.00 signed as sent: the MAC matches, yet the verdict is an error naming the amount', async () => {
    const v = judgeMessage(await signedRequest({ NB_DB_AMOUNT: '899.00' }), { keys: TEST_KEY });
    expect(v.verification.outcome).to.equal('verified');
    expect(v.level).to.equal('error');
    expect(v.codes).to.include('amount-decimal-point');
    expect(v.fields.map((f) => f.field)).to.include('NB_DB_AMOUNT');
    expect(v.cause).to.include({ field: 'NB_DB_AMOUNT', source: 'field' });
    expect(v.line.en).to.match(/^Error: NB_DB_AMOUNT/);
    expect(v.line.sv).to.match(/^Fel: NB_DB_AMOUNT/);
  });

  it('a lower-case MAC is a warning in a request and a note (level ok, code kept) in an answer', async () => {
    const request = await signedRequest();
    const v = judgeMessage({ ...request, NB_HMAC: request.NB_HMAC!.toLowerCase() }, { keys: TEST_KEY });
    expect([v.level, v.policy]).to.deep.equal(['warning', ['hex-case']]);
    expect(v.line.en).to.match(/^Warning: NB_HMAC/);
    const receipt = await signedReceipt(TEST_KEY);
    const a = judgeMessage({ ...receipt, NB_HMAC: receipt.NB_HMAC!.toLowerCase() }, { keys: TEST_KEY });
    expect(a.level).to.equal('ok');
    // " SEK" as the bank pads it is the policy's note too.
    expect(a.codes).to.deep.equal(['hex-case', 'currency-space']);
  });

  it('a receipt signed right without NB_KVV is an error (kvv-missing), not "paid"', async () => {
    const { NB_KVV: _, ...receipt } = await signedReceipt(TEST_KEY);
    const v = judgeMessage(receipt, { keys: TEST_KEY });
    expect(v.verification.verified).to.equal(true);
    expect(v.level).to.equal('error');
    expect(v.codes).to.include('kvv-missing');
    expect(v.line.en).to.match(/^Error: NB_KVV/);
  });

  it('a mismatch is diagnosed at once: mac-mismatch and the doctor’s cause, its explanation and fix on the line', async () => {
    const mac = (await webHmac(latin1(TEST_KEY), requestString(REQUEST))).slice(0, 32);
    const v = judgeMessage({ ...REQUEST, NB_HMAC: mac, NB_KVV: TEST_KVV }, { keys: TEST_KEY });
    expect(v.level).to.equal('error');
    expect(v.codes).to.include.members(['mac-mismatch', 'key-as-text']);
    expect(v.doctor!.status).to.equal('explained');
    expect(v.cause!.source).to.equal('doctor');
    expect(v.line.en).to.equal(`Error: ${v.doctor!.explanation!.en} ${v.doctor!.fix!.en}`);
    expect(v.line.sv).to.match(/^Fel: Nyckelns \d+ tecken \([^)]*\) användes som text/);
    const later = judgeMessage({ ...REQUEST, NB_HMAC: mac, NB_KVV: TEST_KVV }, { keys: TEST_KEY, diagnose: false });
    expect(later.doctor!.status).to.equal('pending');
    expect(later.codes).not.to.include('key-as-text');
  });

  it('no key: a warning that the MAC was not checked', async () => {
    const v = judgeMessage(await signedRequest(), {});
    expect([v.level, v.codes]).to.deep.equal(['warning', ['no-key']]);
  });

  it('an answer against its order: an echo differing in case is an error with the policy’s code', async () => {
    const receipt = await signedReceipt(TEST_KEY, { NB_RETURN_STAMP: 'ab12' });
    const v = judgeMessage(receipt, { keys: TEST_KEY, order: { NB_STAMP: 'AB12', NB_DB_AMOUNT: '550,00', NB_DB_REF: '123450' } });
    expect(v.level).to.equal('error');
    expect(v.codes).to.include('echo-case');
    expect(v.line.en).to.match(/^Error: NB_RETURN_STAMP "ab12" differs/);
  });
});

describe('keyForMessage: the key a request is signed with is the one valid today in Sweden', () => {
  const ring = [
    { key: TEST_KEY, to: '2026-11-30' },
    { key: K2, from: '2026-12-01' },
  ];
  it('picks by the date in Stockholm, not the machine’s (23:30 UTC on 30 November is 1 December in Sweden)', () => {
    const choice = keyForMessage(REQUEST, ring, { now: new Date('2026-11-30T23:30:00Z') });
    expect([choice.index, choice.date]).to.deep.equal([1, '2026-12-01']);
    expect(keyForMessage(REQUEST, ring, { now: new Date('2026-11-30T22:30:00Z') }).index).to.equal(0);
  });
  it('an answer’s key by the date in NB_PAID', () => {
    expect(keyForMessage({ NB_RETURN_STAMP: 'S1', NB_RETURN_DB_AMOUNT: '1,00', NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '1', NB_PAID: '20261201000000000001' }, ring).index).to.equal(1);
  });
});

describe('pairing: which kinds pair, how stamps compare, how an order is found', () => {
  const check = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'S1' };
  const checkAnswer = { NB_VERIFIED: 'NO', NB_RETURN_STAMP: 'S1' };
  it('a payment check answer pairs with the payment check, never with the pay direct request of its stamp', () => {
    const p = pairMessages([
      { kind: 'payDirect', fields: REQUEST },
      { kind: 'paymentCheckResponse', fields: checkAnswer },
      { kind: 'paymentCheck', fields: check },
      { kind: 'paymentCheckResponse', fields: checkAnswer },
    ]);
    expect(p.pairs).to.deep.equal([null, null, 3, 2]);
    expect(p.stamps).to.deep.equal([{ stamp: 'S1', messages: [0, 1, 2, 3] }]);
  });

  it('stamps pair without the spaces around them and without regard to case', () => {
    const p = pairMessages([
      { kind: 'paymentCheck', fields: check },
      { kind: 'paymentCheckResponse', fields: { NB_VERIFIED: 'NO', NB_RETURN_STAMP: ' s1 ' } },
    ]);
    expect(p.pairs).to.deep.equal([1, 0]);
    const extracted = extractMessages(`${body(check)}\n${body({ NB_VERIFIED: 'NO', NB_RETURN_STAMP: 'S1 ' })}`);
    expect(extracted.messages.map((m) => m.pair)).to.deep.equal([1, 0]);
  });

  it('finds the order of an answer whose echo differs in case or spaces, of the answer’s own request kind first', () => {
    const order = { ...REQUEST, NB_STAMP: 'AB12' };
    const checkOrder = { ...check, NB_STAMP: 'AB12' };
    expect(findOrder({ NB_RETURN_STAMP: 'ab12' }, [{ NB_STAMP: 'X' }, order])).to.equal(order);
    expect(findOrder({ NB_RETURN_STAMP: ' AB12' }, [order])).to.equal(order);
    expect(findOrder({ NB_RETURN_STAMP: 'AB12' }, [order, checkOrder], 'paymentCheckResponse')).to.equal(checkOrder);
    expect(findOrder({ NB_RETURN_STAMP: 'AB13' }, [order])).to.equal(null);
  });

  it('the decoder cross-checks an answer whose stamp differs in case against the request in the same paste', async () => {
    const receipt = await signedReceipt(TEST_KEY, { NB_RETURN_STAMP: 's1', NB_RETURN_DB_AMOUNT: '899,00', NB_RETURN_DB_CUR: 'SEK' });
    const list = decodeMessages(splitMessages(`${body(await signedRequest())}\n${body(receipt)}`), TEST_KEY);
    expect(list.messages[1]!.orderSource).to.equal('list');
    expect(list.messages[1]!.verdict.codes).to.include('echo-case');
  });

  it('the bank’s answer page and the browser’s POST of that form to the shop are one delivery, not a replay', async () => {
    const receipt = await signedReceipt(TEST_KEY);
    const entry = (url: string, extra: Record<string, unknown>) => ({ startedDateTime: '2026-11-23T10:00:00Z', request: { method: 'POST', url, ...extra }, response: { content: { text: '' } } });
    const har = (posts: number) =>
      JSON.stringify({
        log: {
          entries: [
            { ...entry('https://bank.example/pay', { postData: { text: body({ ...REQUEST, NB_STAMP: '00002' }) } }), response: { content: { text: answerPage(receipt) } } },
            ...Array.from({ length: posts }, () => entry('https://shop.example/return', { postData: { text: body(receipt) } })),
          ],
        },
      });
    const once = extractMessages(har(1));
    expect(once.messages.map((m) => [m.source.part, m.delivery, m.pair])).to.deep.equal([
      ['request', 0, 1],
      ['response', 1, 0],
      ['request', 1, 0],
    ]);
    expect(findReplays(once.messages.map((m) => m.fields), once.messages.map((m) => m.kind), once.messages.map((m) => m.delivery))).to.deep.equal([]);
    // Posted to the shop twice: the second POST is a replay.
    const twice = extractMessages(har(2));
    expect(twice.messages.map((m) => m.delivery)).to.deep.equal([0, 1, 1, 3]);
    expect(findReplays(twice.messages.map((m) => m.fields), twice.messages.map((m) => m.kind), twice.messages.map((m) => m.delivery)).map((r) => r.code)).to.deep.equal(['replay-paid']);
  });
});

describe('the doctor and the HTML reader, as the verdict relies on them', () => {
  it('the doctor names an amount signed with a no-break space as thousands separator (amount-format)', async () => {
    const sent = { ...REQUEST, NB_DB_AMOUNT: '1234,50' };
    const mac = await webMac(TEST_KEY, requestString({ ...sent, NB_DB_AMOUNT: '1\u00a0234,50' }));
    const d = diagnoseMac('payDirect', { ...sent, NB_HMAC: mac }, mac, TEST_KEY);
    expect(d.status).to.equal('explained');
    expect(d.findings[0]!.causes).to.deep.equal(['amount-format']);
    expect(judgeMessage({ ...sent, NB_HMAC: mac, NB_KVV: TEST_KVV }, { keys: TEST_KEY }).codes).to.include('amount-format');
  });

  it('an <input type=image> sends no value (without being the submitter), in either HTML reader', () => {
    const html = (extra: string) =>
      `<form method="post" action="https://bank.example/pay"><input type="hidden" name="NB_STAMP" value="S1"><input type="image" name="NB_HMAC" value="00" src="pay.png" alt="Pay">${extra}</form>`;
    // A short form is read by the plain reader; one with a table (and a comment) goes through parse5.
    for (const page of [html(''), `<!doctype html><table><tr><td>${html('<!-- x -->')}</td></tr></table>`]) {
      const parsed = parseFields(page);
      expect(parsed.entries.map((e) => e.name), page).to.deep.equal(['NB_STAMP']);
    }
  });
});

describe('judgeMessage on the tools’ corpus (test/support/verdict-corpus.ts)', () => {
  const cases = corpus();
  it('covers every policy code in both directions where it applies, and every cause the doctor names', () => {
    const named = new Set(cases.flatMap((c) => c.expect));
    for (const code of Object.keys(POLICY)) expect(named.has(code), code).to.equal(true);
    for (const cause of Object.keys(DOCTOR_CAUSES)) expect(named.has(cause), cause).to.equal(true);
    for (const code of ['mac-missing', 'mac-mismatch', 'hex-case', 'hex-spacing', 'kvv-missing', 'kvv-mismatch', 'kvv-key-as-text', 'amount-grouping', 'currency-space']) {
      expect(cases.filter((c) => c.expect.includes(code)).map((c) => c.direction), code).to.include.members(['shopToBank', 'bankToShop']);
    }
  });
  for (const c of cases) {
    it(c.name, () => {
      const v = judgeMessage(c.fields, { keys: c.keys, order: c.order ?? null });
      expect(v.codes, v.line.en).to.include.members([...c.expect]);
      if (c.level || c.expect.length === 0) expect(v.level, v.line.en).to.equal(c.level ?? 'ok');
    });
  }
});
