import { expect } from '@esm-bundle/chai';
import { EbetError, EMPTY_LEDGER, type FieldInput, payDirectAnswer, paymentCheckAnswer, signMessage, TEST_KEY, validateFields } from '../../../src/index.ts';
import { ATTEMPT_LIMITS, ATTEMPT_OUTCOME_NAMES, type Attempt, boundAttempt, attemptCase, attemptFailed, attemptsFromJson, attemptsToJson, failureReason, filterAttempts, newAttempt, usedStamps, withAnswer, withExit, withinBudget } from '../../../src/bank/attempt-log.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { readCalculatorCase } from '../../../src/doctor/index.ts';
import { toEntries } from '../../../src/protocol/message.ts';
import { type RequestKind } from '../../../src/bank/simulator.ts';
import { webMac } from '../../support/webcrypto.ts';

const KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';

const payFields = (stamp: string, extra: Record<string, string> = {}) => ({
  ...signMessage('payDirect', {
    NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: stamp, NB_DB_AMOUNT: '200,00', NB_DB_CUR: 'SEK', NB_DB_REF: '4711',
    NB_RETURN: 'https://shop.example/return.html', NB_CANCEL: 'https://shop.example/c.html', NB_REJECT: 'https://shop.example/r.html',
  }, TEST_KEY),
  ...extra,
});

function attempt(id: string, at: string, fields: FieldInput, kind: RequestKind = 'payDirect', key: string | undefined = TEST_KEY): Attempt {
  const entries = toEntries(fields);
  return newAttempt(id, new Date(at), 'posted', kind, 'utf-8', entries, validateFields(kind, entries, key ? { key } : {}));
}

describe('attempt log (core)', () => {
  it('keeps a bounded record of a huge request: 300 fields, long values cut with their length and SHA-256, and the log within its budget (issue 25)', () => {
    const ref = 'R'.repeat(1_000_000);
    const many = { ...payFields('77', { NB_DB_REF: ref }), ...Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`X${i}`, 'v'])) };
    const big = attempt('big', '2026-01-02T10:00:00Z', many);
    expect(big.fields).to.have.length(ATTEMPT_LIMITS.fields);
    expect(big.cut!.fields).to.equal(100_000 + Object.keys(payFields('77')).length);
    const cutRef = big.cut!.values.find((v) => v.field === 'NB_DB_REF')!;
    expect(cutRef.length).to.equal(1_000_000);
    expect(cutRef.sha256).to.equal(bytesToHex(sha256(utf8ToBytes(ref))));
    expect(big.fields.find((f) => f.name === 'NB_DB_REF')!.value).to.equal(`${'R'.repeat(ATTEMPT_LIMITS.chars - 1)}…`);
    expect(big.requestString!.length).to.equal(ATTEMPT_LIMITS.chars);
    // Read again, a bounded record is kept as it is.
    expect(boundAttempt(big)).to.equal(big);
    expect(JSON.stringify(big).length).to.be.below(100_000);
    // The receipt echoes the reference: it is cut there too.
    const answered = withAnswer(big, payDirectAnswer(payFields('77', { NB_DB_REF: ref }), TEST_KEY, EMPTY_LEDGER));
    expect(JSON.stringify(answered).length).to.be.below(100_000);
    // A small attempt is kept whole, with no note of a cut.
    expect(attempt('small', '2026-01-02T10:00:00Z', payFields('1')).cut).to.equal(undefined);
    // The log keeps the newest attempts that fit its budget, dropping the oldest.
    const log = Array.from({ length: 10 }, (_, i) => ({ ...big, id: String(i) }));
    const size = JSON.stringify(big).length;
    expect(withinBudget(log, size * 3 + 1).map((a) => a.id)).to.deep.equal(['7', '8', '9']);
    expect(withinBudget(log).length).to.equal(Math.min(10, Math.floor(ATTEMPT_LIMITS.log / size)));
  });

  it('keeps each field, the verdict, the problems and the exact signed string of the request', () => {
    const a = attempt('a1', '2026-11-23T10:00:00Z', payFields('ST1', { NB_DB_AMOUNT: '1\u00a0200,00' }));
    expect(a.fields.find((f) => f.name === 'NB_DB_AMOUNT')!.value).to.equal('1\u00a0200,00');
    expect(a.requestString).to.equal('999999&ST1&1\u00a0200,00&SEK&4711');
    expect(a.verdict).to.equal('error'); // the MAC was made over 200,00
    expect(a.problems.map((p) => [p.name, p.level, p.code])).to.deep.equal([
      ['NB_DB_AMOUNT', 'warning', 'amount-grouping'],
      ['NB_HMAC', 'error', 'mac-mismatch'],
    ]);
    expect(a.outcome).to.equal('received');
    expect(attemptFailed(a)).to.equal(true);
    expect(failureReason(a)!.en).to.match(/NB_HMAC does not match/);
  });

  it('never keeps anything of a key, not even the row saying the key is bad', () => {
    const a = attempt('k', '2026-11-23T10:00:00Z', payFields('ST2'), 'payDirect', 'GGGG5678 90AB CDEF 1234 5678 90AB CDEF');
    expect(JSON.stringify(a)).not.to.contain('GGGG');
    expect(a.problems.some((p) => p.name === 'key')).to.equal(false);
  });

  it('a request whose signed fields are missing has no signed string', () => {
    const a = attempt('m', '2026-11-23T10:00:00Z', { NB_VERSION: '0002', NB_RCV_ID: '999999' });
    expect(a.requestString).to.equal(null);
  });

  it('records the answer: its fields and signed string (MAC checked with WebCrypto), refusals and "Not Found"', async () => {
    const fields = payFields('ST3');
    const base = attempt('p', '2026-11-23T10:00:00Z', fields);
    const answer = payDirectAnswer(fields, TEST_KEY, EMPTY_LEDGER, { now: new Date('2026-11-23T10:00:01Z') });
    const paid = withAnswer(base, answer, true);
    expect(paid.outcome).to.equal('paid');
    expect(withAnswer(base, answer, false).outcome).to.equal('receipt');
    expect(paid.answer!.macString).to.equal(`ST3&200,00&SEK&4711&${paid.answer!.fields.NB_PAID}`);
    expect(paid.answer!.fields.NB_HMAC).to.equal(await webMac(KEY_HEX, paid.answer!.macString!));
    expect(attemptFailed(paid)).to.equal(false);

    const again = withAnswer(base, payDirectAnswer(fields, TEST_KEY, answer.ledger));
    expect(again.outcome).to.equal('refused');
    expect(again.answer).to.equal(undefined);
    expect(failureReason(again)!.en).to.match(/already paid/);

    const check = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'ST3', NB_HMAC: '0'.repeat(32), NB_KVV: fields.NB_KVV };
    const notFound = withAnswer(attempt('c', '2026-11-23T10:01:00Z', check, 'paymentCheck'), paymentCheckAnswer(check, TEST_KEY, answer.ledger));
    expect(notFound.outcome).to.equal('not-found');
    expect(attemptFailed(notFound)).to.equal(true);

    const cancelled = withExit(paid, 'cancelled');
    expect(cancelled.outcome).to.equal('cancelled');
    expect(cancelled.answer).to.equal(undefined);
  });

  it('filters by result, message and text, newest first', () => {
    const log = [
      attempt('1', '2026-11-23T10:00:00Z', payFields('OLD')),
      attempt('2', '2026-11-23T11:00:00Z', payFields('BAD', { NB_DB_AMOUNT: '200.00' })),
      attempt('3', '2026-11-23T12:00:00Z', payFields('WARN', { NB_RETURN: 'http://shop.example/return.html' })),
      attempt('4', '2026-11-23T13:00:00Z', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'OLD' }, 'paymentCheck'),
    ];
    const ids = (filter: Parameters<typeof filterAttempts>[1]) => filterAttempts(log, filter).map((a) => a.id);
    expect(ids({})).to.deep.equal(['4', '3', '2', '1']);
    expect(ids({ result: 'ok' })).to.deep.equal(['1']);
    expect(ids({ result: 'warning' })).to.deep.equal(['3']);
    expect(ids({ result: 'failed' })).to.deep.equal(['4', '2']);
    expect(ids({ kind: 'paymentCheck' })).to.deep.equal(['4']);
    expect(ids({ query: 'old' })).to.deep.equal(['4', '1']);
    expect(ids({ query: 'decimal comma' })).to.deep.equal(['2']);
  });

  it('lists the stamps a shop already used: earlier pay direct attempts and ledger payments, not this one, not other shops', () => {
    const log = [
      attempt('1', '2026-11-23T10:00:00Z', payFields('A')),
      attempt('2', '2026-11-23T11:00:00Z', payFields('B', { NB_RCV_ID: '111111' })),
      attempt('3', '2026-11-23T12:00:00Z', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'C' }, 'paymentCheck'),
      attempt('4', '2026-11-23T13:00:00Z', payFields('D')),
    ];
    const ledger = { payments: [{ rcvId: '999999', stamp: 'L', amount: '1,00', currency: 'SEK', reference: '1', paid: 'x', at: '2026-11-22T09:00:00.000Z' }], repayments: [] };
    const used = usedStamps(log, ledger, '999999', '4');
    expect([...used.keys()].sort()).to.deep.equal(['A', 'L']);
    expect(used.get('A')!.at).to.equal('2026-11-23T10:00:00.000Z');
    expect(used.get('A')!.in.en).to.equal(`in the attempt made then (${ATTEMPT_OUTCOME_NAMES[log[0]!.outcome].en})`);
    expect(used.get('L')!.in.sv).to.equal('i en betalning som den simulerade banken har betalat');
  });

  it('exports and imports as JSON (round trip), and names what is wrong in a bad file', () => {
    const log = [
      withAnswer(attempt('1', '2026-11-23T10:00:00Z', payFields('R1')), payDirectAnswer(payFields('R1'), TEST_KEY, EMPTY_LEDGER)),
      attempt('2', '2026-11-23T11:00:00Z', payFields('R2', { NB_DB_AMOUNT: '2.00' })),
    ];
    expect(attemptsFromJson(attemptsToJson(log))).to.deep.equal(log);
    const bad = (json: string) => {
      try {
        attemptsFromJson(json);
      } catch (error) {
        expect(error).to.be.instanceOf(EbetError);
        return (error as EbetError).text.en;
      }
      throw new Error('accepted');
    };
    expect(bad('{')).to.match(/not JSON/);
    expect(bad('{"format":"ebet-ledger"}')).to.match(/not an attempt log/);
    const broken = JSON.parse(attemptsToJson(log));
    broken.attempts[1].kind = 'payDirectReturn';
    expect(bad(JSON.stringify(broken))).to.match(/^Attempt 2: unknown "kind"/);
  });

  it('opens a request in the mismatch doctor by a #case= link: fields, MAC and encoding, never a key', () => {
    const a = attempt('1', '2026-11-23T10:00:00Z', payFields('DOC', { NB_DB_AMOUNT: '200.00' }));
    const { case: opened } = readCalculatorCase(`#${attemptCase(a)}`);
    expect(opened!.kind).to.equal('payDirect');
    expect(opened!.fields.NB_DB_AMOUNT).to.equal('200.00');
    expect(opened!.mac).to.equal(a.fields.find((f) => f.name === 'NB_HMAC')!.value);
    expect(opened!.encoding).to.equal('utf-8');
    expect(JSON.stringify(opened)).not.to.match(/1234567890ABCDEF/i);
  });
});
