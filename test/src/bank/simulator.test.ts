import { expect } from '@esm-bundle/chai';
import { EbetError, EMPTY_LEDGER, type Ledger, payDirectAnswer, paymentCheckAnswer, repaymentAnswer, signMessage, type SimulatedAnswer, TEST_KEY, TEST_KVV, validateFields } from '../../../src/index.ts';
import { boundLedger, currentPaid, LEDGER_LIMITS, ledgerFromJson, ledgerToJson, newPaid, remainingHundredths, requestFor, returnTarget } from '../../../src/bank/simulator.ts';
import { hashHex, newestWithin } from '../../../src/bank/bounds.ts';
import { PAY_DIRECT } from '../../support/pay-direct.ts';
import { latin1, webMac } from '../../support/webcrypto.ts';

const KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';
const NOW = new Date('2026-11-23T10:15:30.123Z');

const PAY = signMessage(
  'payDirect',
  {
    ...PAY_DIRECT,
    NB_RETURN: 'https://shop.example/return.html',
    NB_CANCEL: 'https://shop.example/cancel.html?o=2',
    NB_REJECT: 'https://shop.example/reject.html?o=2',
  },
  TEST_KEY,
);

function answer(a: SimulatedAnswer) {
  if (a.outcome !== 'answer') throw new Error(`expected an answer, got Not Found: ${a.reason.en}`);
  return a;
}

function paidLedger(): { ledger: Ledger; paid: string } {
  const a = answer(payDirectAnswer(PAY, TEST_KEY, EMPTY_LEDGER, { now: NOW }));
  return { ledger: a.ledger, paid: a.fields.NB_PAID! };
}

function repayRequest(paid: string, amount: string, extra: Record<string, string> = {}) {
  return signMessage(
    'repayment',
    { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_REF: '123450', NB_PAID: paid, NB_REPAY_AMOUNT: amount, NB_REPAY_CUR: 'SEK', ...extra },
    TEST_KEY,
  );
}

describe('simulator: pay direct receipt (table 2)', () => {
  it('signs NB_RETURN_STAMP&amount&currency&reference&NB_PAID with the key (checked with WebCrypto)', async () => {
    const a = answer(payDirectAnswer(PAY, TEST_KEY, EMPTY_LEDGER, { now: NOW }));
    expect(a.status).to.equal('YES');
    expect(a.fields.NB_PAID).to.equal('2026-11-23-11.15.30.123000');
    expect(a.fields.NB_PAID!.length).to.equal(26);
    expect(Object.keys(a.fields)).to.deep.equal(['NB_RETURN_STAMP', 'NB_RETURN_DB_AMOUNT', 'NB_RETURN_DB_CUR', 'NB_RETURN_DB_REF', 'NB_PAID', 'NB_HMAC', 'NB_KVV']);
    expect(a.macString).to.equal('00002&899,00&SEK&123450&2026-11-23-11.15.30.123000');
    expect(a.fields.NB_HMAC).to.equal(await webMac(KEY_HEX, '00002&899,00&SEK&123450&2026-11-23-11.15.30.123000'));
    expect(a.fields.NB_KVV).to.equal(TEST_KVV);
    expect(validateFields('payDirectReturn', a.fields, { key: TEST_KEY }).every((r) => r.level === 'ok')).to.equal(true);
    expect(a.ledger.payments).to.have.length(1);
    expect(a.ledger.payments[0]).to.include({ stamp: '00002', amount: '899,00', currency: 'SEK', paid: a.fields.NB_PAID });
  });

  it('signs in ISO-8859-1 when the request came so', async () => {
    const key = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const request = signMessage('payDirect', { ...PAY, NB_STAMP: 'Å1' }, key, { encoding: 'iso-8859-1' });
    const a = answer(payDirectAnswer(request, key, EMPTY_LEDGER, { now: NOW, encoding: 'iso-8859-1' }));
    expect(a.fields.NB_HMAC).to.equal(await webMac(key, latin1('Å1&899,00&SEK&123450&2026-11-23-11.15.30.123000')));
  });

  it('offers no successful payment when any field has an error, naming the fields', () => {
    const a = answer(payDirectAnswer({ ...PAY, NB_DB_AMOUNT: '899.00' }, TEST_KEY, EMPTY_LEDGER));
    expect(a.status).to.equal('ERR');
    expect(a.fields).to.deep.equal({});
    expect(a.reason.en).to.match(/NB_DB_AMOUNT, NB_HMAC/);
    expect(a.ledger).to.equal(EMPTY_LEDGER);
  });

  it('refuses a second payment with the same NB_STAMP (double billing)', () => {
    const { ledger } = paidLedger();
    const a = answer(payDirectAnswer(PAY, TEST_KEY, ledger));
    expect(a.status).to.equal('ERR');
    expect(a.reason.en).to.match(/NB_STAMP 00002 was already paid/);
    expect(a.ledger.payments).to.have.length(1);
  });

  it('gives unique NB_PAIDs even at the same microsecond', () => {
    const first = newPaid(NOW);
    expect(newPaid(NOW, new Set([first]))).to.equal('2026-11-23-11.15.30.123001');
  });
});

describe('simulator: payment check (table 4)', () => {
  const check = (stamp: string, key = TEST_KEY) =>
    signMessage('paymentCheck', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: stamp }, key);

  it('answers YES with the payment’s fields, signed over fields 1, 2, 3a–c and 5', async () => {
    const { ledger, paid } = paidLedger();
    const a = answer(paymentCheckAnswer(check('00002'), TEST_KEY, ledger));
    expect(a.status).to.equal('YES');
    expect(a.fields).to.include({ NB_VERIFIED: 'YES', NB_RETURN_STAMP: '00002', NB_RETURN_DB_AMOUNT: '899,00', NB_PAID: paid });
    expect(a.fields.NB_HMAC).to.equal(await webMac(KEY_HEX, `YES&00002&899,00&SEK&123450&${paid}`));
    expect(a.ledger).to.equal(ledger);
  });

  it('answers NO for an unknown stamp, signed over fields 1 and 2', async () => {
    const a = answer(paymentCheckAnswer(check('77'), TEST_KEY, EMPTY_LEDGER));
    expect(a.status).to.equal('NO');
    expect(a.fields.NB_HMAC).to.equal(await webMac(KEY_HEX, 'NO&77'));
  });

  it('answers ERR without a MAC for another error, with the reason in NB_ERROR_DESCR (AN50)', () => {
    const request = signMessage('paymentCheck', { NB_VERSION: '0003', NB_RCV_ID: '999999', NB_STAMP: '00002' }, TEST_KEY);
    const a = answer(paymentCheckAnswer(request, TEST_KEY, EMPTY_LEDGER));
    expect(a.status).to.equal('ERR');
    expect(a.fields.NB_HMAC).to.equal('');
    expect(a.fields.NB_ERROR_DESCR).to.equal('Felaktigt angiven version från butiken');
    expect(a.macString).to.equal(null);
    const long = answer(paymentCheckAnswer({ ...check('1'), NB_RETURN: 'ftp://x.example/r.html' }, TEST_KEY, EMPTY_LEDGER));
    expect(long.reason.sv).to.match(/^NB_RETURN ska vara en fullständig http\(s\)-URL/);
    expect([...long.fields.NB_ERROR_DESCR!].length).to.equal(50);
    expect(long.fields.NB_ERROR_DESCR!.endsWith('…')).to.equal(true);
  });

  it('answers "Not Found" when the request’s MAC is wrong or missing', () => {
    const { ledger } = paidLedger();
    const other = check('00002', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const a = paymentCheckAnswer(other, TEST_KEY, ledger);
    expect(a.outcome).to.equal('notFound');
    expect(a.reason.en).to.match(/does not match: with the key and UTF-8 the MAC of "999999&00002" is/);
    expect(paymentCheckAnswer({ NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '1' }, TEST_KEY, ledger).outcome).to.equal('notFound');
  });
});

describe('simulator: repayment (table 6) and the ledger rules', () => {
  it('repays in parts with a new NB_PAID each time, never above the payment', async () => {
    const { ledger, paid } = paidLedger();
    const first = answer(repaymentAnswer(repayRequest(paid, '500,00'), TEST_KEY, ledger, { now: new Date('2026-11-24T08:00:00Z') }));
    expect(first.status).to.equal('YES');
    const paid2 = first.fields.NB_PAID!;
    expect(paid2, 'NB_PAID is written in Swedish time (CET in November)').to.equal('2026-11-24-09.00.00.000000');
    expect(first.fields.NB_HMAC).to.equal(await webMac(KEY_HEX, `YES&00002&123450&500,00&SEK&${paid2}`));
    expect(remainingHundredths(first.ledger, first.ledger.payments[0]!)).to.equal(39900);
    expect(currentPaid(first.ledger, first.ledger.payments[0]!)).to.equal(paid2);

    const over = answer(repaymentAnswer(repayRequest(paid2, '400,00'), TEST_KEY, first.ledger));
    expect(over.status).to.equal('ERR');
    expect(over.reason.en).to.match(/may not exceed the payment \(899,00\u00a0SEK\): at most 399,00\u00a0SEK remains/);
    expect(over.fields.NB_HMAC).to.equal('');
    expect(over.ledger).to.equal(first.ledger);

    const rest = answer(repaymentAnswer(repayRequest(paid2, '399,00'), TEST_KEY, first.ledger));
    expect(rest.status).to.equal('YES');
    expect(remainingHundredths(rest.ledger, rest.ledger.payments[0]!)).to.equal(0);
  });

  it('names a payment of the ledger for a check or a further repayment: its stamp, reference, current NB_PAID and what remains', () => {
    const { ledger, paid } = paidLedger();
    const payment = ledger.payments[0]!;
    expect(requestFor('paymentCheck', ledger, payment)).to.deep.equal({ NB_RCV_ID: '999999', NB_STAMP: '00002' });
    const whole = requestFor('repayment', ledger, payment);
    expect(whole).to.deep.equal({ NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_REF: '123450', NB_PAID: paid, NB_REPAY_AMOUNT: '899,00', NB_REPAY_CUR: 'SEK' });
    const part = answer(repaymentAnswer(repayRequest(paid, '500,00'), TEST_KEY, ledger));
    const rest = requestFor('repayment', part.ledger, payment);
    expect(rest).to.include({ NB_PAID: part.fields.NB_PAID, NB_REPAY_AMOUNT: '399,00' });
    // What it names is what the simulated bank carries out.
    expect(answer(repaymentAnswer(signMessage('repayment', { NB_VERSION: '0002', ...rest }, TEST_KEY), TEST_KEY, part.ledger)).status).to.equal('YES');
  });

  it('never carries out the same repayment request twice', () => {
    const { ledger, paid } = paidLedger();
    const request = repayRequest(paid, '100,00');
    const once = answer(repaymentAnswer(request, TEST_KEY, ledger));
    const twice = answer(repaymentAnswer(request, TEST_KEY, once.ledger));
    expect(twice.status).to.equal('ERR');
    expect(twice.reason.en).to.match(/already carried out with NB_PAID/);
    expect(twice.ledger.repayments).to.have.length(1);
  });

  it('requires the payment’s currency, reference and NB_PAID', () => {
    const { ledger, paid } = paidLedger();
    const eur = answer(repaymentAnswer(repayRequest(paid, '10,00', { NB_REPAY_CUR: 'EUR' }), TEST_KEY, ledger));
    expect(eur.reason.en).to.equal('NB_REPAY_CUR EUR is not the payment\'s currency SEK');
    const ref = answer(repaymentAnswer(repayRequest(paid, '10,00', { NB_DB_REF: '999' }), TEST_KEY, ledger));
    expect(ref.reason.en).to.match(/NB_DB_REF 999 is not the payment's reference/);
    const strange = answer(repaymentAnswer(repayRequest('2020-01-01-00.00.00.000000', '10,00'), TEST_KEY, ledger));
    expect(strange.reason.en).to.match(/does not belong to this payment; give/);
    const none = answer(repaymentAnswer(repayRequest(paid, '10,00'), TEST_KEY, EMPTY_LEDGER));
    expect(none.reason.en).to.match(/No payment with NB_STAMP 00002/);
    expect(none.fields.NB_VERIFIED).to.equal('ERR');
  });

  it('answers "Not Found" for a wrong MAC and changes nothing', () => {
    const { ledger, paid } = paidLedger();
    const a = repaymentAnswer({ ...repayRequest(paid, '10,00'), NB_REPAY_AMOUNT: '800,00' }, TEST_KEY, ledger);
    expect(a.outcome).to.equal('notFound');
    expect(a.ledger).to.equal(ledger);
  });

  it('adds the exchange fields 5a–e to the answer and its MAC when asked', async () => {
    const { ledger, paid } = paidLedger();
    const a = answer(repaymentAnswer(repayRequest(paid, '100,00'), TEST_KEY, ledger, { now: NOW, exchange: { currency: 'EUR', rate: '0,09' } }));
    expect(a.fields).to.include({ NB_WITHDRAWAL_AMOUNT: '9,00', NB_WITHDRAWAL_CUR: 'EUR', NB_WITHDRAWAL_DATE: '2026-11-23', NB_DEPOSIT_DATE: '2026-11-24', NB_RATE: '0,09' });
    expect(a.fields.NB_HMAC).to.equal(
      await webMac(KEY_HEX, `YES&00002&123450&100,00&SEK&9,00&EUR&2026-11-23&2026-11-24&0,09&${a.fields.NB_PAID}`),
    );
    expect(() => repaymentAnswer(repayRequest(paid, '1,00'), TEST_KEY, ledger, { exchange: { currency: 'EUR', rate: '0.09' } })).to.throw(EbetError, /like 8,91/);
  });
});

describe('simulator: return targets and the ledger as JSON', () => {
  it('takes only absolute http(s) return addresses', () => {
    expect(returnTarget('payDirect', PAY, 'NB_RETURN')).to.equal('https://shop.example/return.html');
    expect(returnTarget('payDirect', { NB_CANCEL: 'javascript:alert(1)' }, 'NB_CANCEL')).to.equal(null);
    expect(returnTarget('payDirect', { NB_REJECT: '/reject.html' }, 'NB_REJECT')).to.equal(null);
    expect(returnTarget('payDirect', { NB_REJECT: 'data:text/html,x' }, 'NB_REJECT')).to.equal(null);
    expect(returnTarget('paymentCheck', {}, 'NB_RETURN')).to.equal(null);
    expect(returnTarget('payDirect', { NB_RETURN: 'http://127.0.0.1:8080/r' }, 'NB_RETURN')).to.equal('http://127.0.0.1:8080/r');
  });

  it('exports and imports the ledger, refusing what is not one', () => {
    const { ledger } = paidLedger();
    const again = answer(repaymentAnswer(repayRequest(ledger.payments[0]!.paid, '1,00'), TEST_KEY, ledger)).ledger;
    expect(ledgerFromJson(ledgerToJson(again))).to.deep.equal(again);
    expect(() => ledgerFromJson('{')).to.throw(EbetError, /not JSON/);
    expect(() => ledgerFromJson('{"payments":[]}')).to.throw(EbetError, /not a simulator ledger/);
    expect(() => ledgerFromJson('{"format":"ebet-ledger","payments":[{"stamp":"1"}]}')).to.throw(EbetError, /Payment 1 has no text "rcvId"/);
    expect(() => ledgerFromJson('{"format":"ebet-ledger","repayments":5}')).to.throw(EbetError, /"repayments" must be a list/);
  });
});

describe('simulator: the stored ledger is bounded (issue 25)', () => {
  const payment = (stamp: string, at: string, reference = '123450') => ({ rcvId: '999999', stamp, amount: '10,00', currency: 'SEK', reference, paid: `P${stamp}`, at });
  const repayment = (stamp: string, at: string) => ({ rcvId: '999999', stamp, reference: '123450', requestPaid: `P${stamp}`, amount: '1,00', currency: 'SEK', paid: `R${stamp}`, at });

  it('cuts a long value with its length and SHA-256, once; a small ledger is kept as it is', () => {
    const small: Ledger = { payments: [payment('1', '2026-01-01T10:00:00Z')], repayments: [repayment('1', '2026-01-02T10:00:00Z')] };
    expect(boundLedger(small)).to.equal(small);
    const reference = 'R'.repeat(2_000_000);
    const big = boundLedger({ payments: [payment('1', '2026-01-01T10:00:00Z', reference)], repayments: [] });
    const kept = big.payments[0]!;
    expect(kept.reference).to.equal(`${'R'.repeat(LEDGER_LIMITS.chars - 1)}…`);
    expect(kept.cut).to.deep.equal([{ field: 'reference', length: 2_000_000, sha256: hashHex(reference) }]);
    expect(kept.stamp).to.equal('1');
    expect(JSON.stringify(big).length).to.be.below(2 * LEDGER_LIMITS.chars);
    expect(boundLedger(big)).to.equal(big);
    expect(big.dropped).to.equal(undefined);
  });

  it('keeps the newest payments within its budget, dropping the oldest with their repayments, and counts what it dropped', () => {
    const ledger: Ledger = {
      payments: ['1', '2', '3', '4'].map((s) => payment(s, `2026-01-0${s}T10:00:00Z`)),
      repayments: [repayment('1', '2026-01-05T10:00:00Z'), repayment('4', '2026-01-06T10:00:00Z')],
    };
    const size = (records: unknown[]) => JSON.stringify(records).length;
    // Room for payment 4 with its repayment, and payment 3: 1 and 2 go, and 1's repayment with it.
    const budget = size([ledger.payments[3], ledger.repayments[1]]) + size([ledger.payments[2]]);
    const bounded = boundLedger(ledger, { chars: LEDGER_LIMITS.chars, ledger: budget });
    expect(bounded.payments.map((p) => p.stamp)).to.deep.equal(['3', '4']);
    expect(bounded.repayments.map((r) => r.stamp)).to.deep.equal(['4']);
    expect(bounded.dropped).to.deep.equal({ payments: 2, repayments: 1 });
    // Dropped again later, the counts add up.
    const again = boundLedger({ ...bounded, payments: [...bounded.payments, payment('5', '2026-01-07T10:00:00Z')] }, { chars: LEDGER_LIMITS.chars, ledger: budget });
    expect(again.payments.map((p) => p.stamp)).to.deep.equal(['4', '5']);
    expect(again.dropped).to.deep.equal({ payments: 3, repayments: 1 });
  });

  it('newestWithin keeps the newest records that fit, in their order', () => {
    expect(newestWithin(['aa', 'bb', 'cc', 'dd'], 11)).to.deep.equal(['cc', 'dd']);
    expect(newestWithin(['aa'], 3)).to.deep.equal([]);
    expect(newestWithin(['aa', 'bb'], 100)).to.deep.equal(['aa', 'bb']);
  });
});
