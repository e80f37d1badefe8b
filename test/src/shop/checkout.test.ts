import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { acceptSignature, payDirectFields, payDirectReady, SETTING_RULES, settingsReady, signatureFields, type CheckoutInput, type CheckoutSettings } from '../../../src/shop/checkout.ts';
import { applySignature, checkoutProblems, refuseNonTestKey, settingProblems, signWithTestKey } from '../../../src/shop/checkout-core.ts';
import { conforms, TABLES } from '../../../src/protocol/field-table.ts';
import { validateFields } from '../../../src/judging/validate.ts';
import { orderMismatches, receiptFields, testKeyProblems, verifyAnswer } from '../../../src/shop/receipt.ts';
import { orderStorageKey, outcomeOf, receiptCachePath, withOutcome } from '../../../src/shop/shop-return.ts';
import { EbetError } from '../../../src/protocol/text.ts';
import { webMac } from '../../support/webcrypto.ts';

const TEST_KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';
const TEST_KVV = 'FF365893D899291C3BF505FB3175E880';
const INPUT: CheckoutInput = {
  rcvId: '999999',
  amount: '550.00',
  currency: 'sek',
  reference: '1042',
  stamp: '20261123101500ABC123',
  returnUrl: 'https://shop.example/return.html',
  cancelUrl: 'https://shop.example/cancel.html',
  rejectUrl: 'https://shop.example/reject.html',
};

function thrown(fn: () => unknown): EbetError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(EbetError);
    return error as EbetError;
  }
  throw new Error('expected an EbetError');
}

describe('checkout: the pay direct fields', () => {
  it('builds every field in the handbook’s order, the amount in comma form and the currency upper-cased', () => {
    const fields = payDirectFields(INPUT);
    expect(Object.keys(fields)).to.deep.equal(['NB_VERSION', 'NB_RCV_ID', 'NB_STAMP', 'NB_DB_AMOUNT', 'NB_DB_CUR', 'NB_DB_REF', 'NB_RETURN', 'NB_CANCEL', 'NB_REJECT']);
    expect(fields.NB_VERSION).to.equal('0002');
    expect(fields.NB_DB_AMOUNT).to.equal('550,00');
    expect(fields.NB_DB_CUR).to.equal('SEK');
    expect(checkoutProblems(fields)).to.deep.equal([]);
  });

  it('accepts 550,00, 550.00 and 550 alike, and keeps anything else as written so validation names it', () => {
    for (const amount of ['550,00', '550.00', '550', ' 550 ']) expect(payDirectFields({ ...INPUT, amount }).NB_DB_AMOUNT, amount).to.equal('550,00');
    const fields = payDirectFields({ ...INPUT, amount: 'five hundred' });
    expect(fields.NB_DB_AMOUNT).to.equal('five hundred');
    const [problem] = checkoutProblems(fields);
    expect(problem?.name).to.equal('NB_DB_AMOUNT');
    expect(problem?.message.en).to.contain('not an amount');
    expect(problem?.message.sv).to.contain('inget belopp');
  });

  it('reports each wrong field once, by name, and never the missing signature before signing', () => {
    const problems = checkoutProblems(payDirectFields({ ...INPUT, rcvId: '', reference: '0042', returnUrl: 'return.html', currency: 'NOK' }));
    expect(problems.map((p) => p.name).sort()).to.deep.equal(['NB_DB_CUR', 'NB_DB_REF', 'NB_RCV_ID', 'NB_RETURN']);
  });
});

describe('checkout: keys and signing', () => {
  it('signs with the published test key: the MAC WebCrypto computes over the five signed values', async () => {
    const signed = signWithTestKey(payDirectFields(INPUT));
    expect(signed.NB_HMAC).to.equal(await webMac(TEST_KEY_HEX, '999999&20261123101500ABC123&550,00&SEK&1042'));
    expect(signed.NB_KVV).to.equal(TEST_KVV);
    expect(checkoutProblems(signed, '1234 5678 90AB CDEF 1234 5678 90AB CDEF')).to.deep.equal([]);
  });

  it('accepts the test key however it is grouped, and refuses any other key without echoing it', () => {
    refuseNonTestKey('1234 5678 90ab cdef 1234 5678 90AB CDEF');
    for (const key of ['00112233445566778899AABBCCDDEEFF', 'not a key', '']) {
      const error = thrown(() => refuseNonTestKey(key));
      expect(error.code).to.equal('production-key');
      expect(error.field).to.equal('key');
      if (key) expect(error.text.en).not.to.contain(key);
      expect(error.text.en).to.contain('Nothing was sent');
      expect(error.text.sv).to.contain('Inget skickades');
    }
  });
});

describe('checkout: a signer’s answer', () => {
  const fields = payDirectFields(INPUT);

  it('is taken when it is the test key’s MAC in test mode', async () => {
    const mac = await webMac(TEST_KEY_HEX, '999999&20261123101500ABC123&550,00&SEK&1042');
    const signed = applySignature(fields, { NB_HMAC: mac, NB_KVV: TEST_KVV }, { test: true });
    expect(signed.NB_HMAC).to.equal(mac);
  });

  it('is refused when a field is missing, malformed, of another key, or the wrong MAC', async () => {
    expect(thrown(() => applySignature(fields, { NB_HMAC: 'A'.repeat(32) }, { test: false })).field).to.equal('NB_KVV');
    expect(thrown(() => applySignature(fields, 'nonsense', { test: false })).code).to.equal('signer-answer');
    const shortMac = thrown(() => applySignature(fields, { NB_HMAC: 'ABC', NB_KVV: 'B'.repeat(32) }, { test: false }));
    expect([shortMac.code, shortMac.field]).to.deep.equal(['signer-answer', 'NB_HMAC']);
    expect(shortMac.text.en).to.contain('32');
    const other = thrown(() => applySignature(fields, { NB_HMAC: 'A'.repeat(32), NB_KVV: 'B'.repeat(32) }, { test: false, expectedKvv: 'C'.repeat(32) }));
    expect(other.code).to.equal('signer-kvv');
    const wrongMac = thrown(() => applySignature(fields, { NB_HMAC: 'A'.repeat(32), NB_KVV: TEST_KVV }, { test: true }));
    expect(wrongMac.code).to.equal('signer-mac');
    expect(wrongMac.text.en).to.contain(await webMac(TEST_KEY_HEX, '999999&20261123101500ABC123&550,00&SEK&1042'));
  });

  it('refuses the test key’s signature for a real payment', () => {
    const error = thrown(() => applySignature(fields, { NB_HMAC: 'A'.repeat(32), NB_KVV: TEST_KVV }, { test: false }));
    expect(error.code).to.equal('signer-test-key');
  });

  it('takes a production signature of the expected KVV, in any group spacing', () => {
    const signed = applySignature(fields, { NB_HMAC: 'A'.repeat(32), NB_KVV: 'B'.repeat(32) }, { test: false, expectedKvv: 'bbbb '.repeat(8) });
    expect(signed.NB_KVV).to.equal('B'.repeat(32));
  });
});

describe('checkout: what the element decides without the rest of the core', () => {
  // Values that are right, nearly right and wrong, for every rule of the shop's messages.
  const value = fc.oneof(
    fc.constantFrom('0002', '2', '999999', '550,00', '550.00', '1 550,00', '550', 'SEK', 'sek', 'EUR', 'NOK', '1042', '0042', '10 42'),
    fc.constantFrom('https://shop.example/r.html', 'http://shop.example/r.html', 'https://shop.example', 'r.html', 'javascript:alert(1)', 'https://s.example/a b'),
    fc.constantFrom('A'.repeat(32), 'a'.repeat(32), 'A'.repeat(31), 'G'.repeat(32), 'A'.repeat(64), TEST_KVV, '20261123101600', ' 999', '9\t9', ''),
    fc.string({ maxLength: 30 }),
    fc.string({ minLength: 200, maxLength: 260 }),
  );

  for (const kind of ['payDirect', 'paymentCheck', 'repayment'] as const) {
    it(`conforms() is never laxer than validateFields for ${kind}: true means no error`, () => {
      const names = TABLES[kind].rows.map(([, name]) => name);
      const fields = fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.constantFrom('NB_OTHER', 'NB_RCVID')), value, { maxKeys: names.length + 1 });
      fc.assert(
        fc.property(fields, (record) => {
          if (!conforms(TABLES[kind], record)) return;
          expect(validateFields(kind, record).filter((row) => row.level === 'error'), JSON.stringify(record)).to.deep.equal([]);
        }),
        { numRuns: 3000 },
      );
      // A complete, right message must pass, or the fast path would never be taken.
      const right = Object.fromEntries(
        TABLES[kind].rows.map(([, name, , , , rule]) => [
          name,
          { version: '0002', shopId: '999999', stamp: 'S1', amount: '550,00', currency: 'SEK', reference: '1042', url: 'https://shop.example/r.html', mac: 'A'.repeat(32), kvv: 'B'.repeat(32), paid: '20261123101600' }[rule as string] ?? 'x',
        ]),
      );
      expect(conforms(TABLES[kind], right), JSON.stringify(right)).to.equal(true);
    });
  }

  it('payDirectReady() passes a shop’s usual fields, and never what checkoutProblems() refuses', () => {
    expect(payDirectReady(payDirectFields(INPUT))).to.equal(true);
    const input = fc.record({
      rcvId: fc.constantFrom('999999', '', '1234567890', ' 99 '),
      amount: fc.constantFrom('550', '550,00', '550.00', '5,5', 'five', '-1', '1 550,00'),
      currency: fc.constantFrom('SEK', 'eur', 'NOK', ''),
      reference: fc.constantFrom('1042', '0042', '10a', ''),
      stamp: fc.constantFrom('S1', '', 'X'.repeat(21)),
      returnUrl: fc.constantFrom('https://shop.example/r.html', 'r.html', ''),
      cancelUrl: fc.constantFrom('https://shop.example/c.html', 'javascript:x'),
      rejectUrl: fc.constantFrom('https://shop.example/j.html', 'http://shop.example/j.html'),
    });
    fc.assert(
      fc.property(input, (i) => {
        const fields = payDirectFields(i);
        expect(payDirectReady(fields) && checkoutProblems(fields).length > 0, JSON.stringify(fields)).to.equal(false);
        // Every refusal by the gate that the core would let pass must be a value the core warns about.
        if (!payDirectReady(fields) && checkoutProblems(fields).length === 0) {
          expect(validateFields('payDirect', fields).some((row) => row.level === 'warning'), JSON.stringify(fields)).to.equal(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('acceptSignature() takes an answer only when applySignature() would, with the same result', () => {
    const fields = payDirectFields(INPUT);
    const hex = fc.constantFrom('A'.repeat(32), 'b'.repeat(32), 'C'.repeat(31), TEST_KVV, 'not hex at all, thirty-two chars', 'D'.repeat(64));
    const answer = fc.oneof(fc.record({ NB_HMAC: hex, NB_KVV: hex }), fc.constantFrom(null, 'x', {}, { NB_HMAC: 'A'.repeat(32) }, { NB_HMAC: 1, NB_KVV: 2 }));
    fc.assert(
      fc.property(answer, fc.constantFrom(undefined, 'B'.repeat(32), 'bbbb '.repeat(8), 'C'.repeat(32)), (a, expectedKvv) => {
        let full: Record<string, string> | null;
        try {
          full = applySignature(fields, a, { test: false, expectedKvv });
        } catch {
          full = null;
        }
        expect(acceptSignature(fields, a, expectedKvv), JSON.stringify([a, expectedKvv])).to.deep.equal(full);
      }),
      { numRuns: 500 },
    );
  });

  it('a setting rule that does not hold is explained, and only then', () => {
    const flags = fc.record({ test: fc.boolean(), signer: fc.boolean(), action: fc.boolean(), framed: fc.boolean(), targetTop: fc.boolean() });
    fc.assert(
      fc.property(flags, (s: CheckoutSettings) => {
        const problems = settingProblems(s);
        expect(problems.length === 0).to.equal(settingsReady(s));
        for (const p of problems) expect([p.message.en.length > 20, p.message.sv.length > 20, SETTING_RULES.some((r) => r.code === p.code)]).to.deep.equal([true, true, true]);
      }),
    );
    expect(settingProblems({ test: false, signer: false, action: true, framed: true, targetTop: false }).map((p) => p.field)).to.deep.equal(['sign-url', 'frame']);
    expect(signatureFields()).to.deep.equal(['NB_HMAC', 'NB_KVV']);
  });
});

describe('return pages', () => {
  it('adds the outcome and stamp to a cancel URL, keeping the shop’s query and fragment', () => {
    expect(withOutcome('https://s.example/c.html', 'cancel', 'ST 1')).to.equal('https://s.example/c.html?ebet-outcome=cancel&ebet-stamp=ST%201');
    expect(withOutcome('https://s.example/c.html?order=7#top', 'reject', 'S')).to.equal('https://s.example/c.html?order=7&ebet-outcome=reject&ebet-stamp=S#top');
    expect(withOutcome('https://s.example/c.html?', 'cancel', 'S')).to.equal('https://s.example/c.html?ebet-outcome=cancel&ebet-stamp=S');
  });

  it('reads the outcome back, and nothing from a query that names none', () => {
    expect(outcomeOf({ 'ebet-outcome': 'reject', 'ebet-stamp': 'S' })).to.deep.equal({ outcome: 'reject', stamp: 'S' });
    expect(outcomeOf({ 'ebet-outcome': 'paid' })).to.equal(null);
    expect(outcomeOf({})).to.equal(null);
    expect(receiptCachePath('a/b')).to.equal('/.ebet-receipts/a%2Fb');
    expect(orderStorageKey('S')).to.equal('ebet-order:S');
  });
});

describe('receipts', () => {
  async function receipt(amount = '550,00') {
    const fields = { NB_RETURN_STAMP: '20261123101500ABC123', NB_RETURN_DB_AMOUNT: amount, NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '1042', NB_PAID: '20261123101600' };
    const mac = await webMac(TEST_KEY_HEX, Object.values(fields).join('&'));
    return { ...fields, NB_HMAC: mac, NB_KVV: TEST_KVV };
  }

  it('picks the receipt’s fields out of what was posted, and nothing from a post that has none', () => {
    expect(receiptFields([['NB_PAID', '1'], ['other', 'x'], ['NB_PAID', '2']])).to.deep.equal({ NB_PAID: '1' });
    expect(receiptFields([['q', 'x']])).to.equal(null);
  });

  it('verifies a receipt signed with the test key, and catches a changed amount', async () => {
    expect(testKeyProblems(await receipt())).to.deep.equal([]);
    const tampered = { ...(await receipt()), NB_RETURN_DB_AMOUNT: '5,00' };
    expect(testKeyProblems(tampered).map((r) => r.code)).to.deep.equal(['mac-mismatch']);
  });

  it('compares the receipt with the order by meaning', async () => {
    const order = { NB_STAMP: '20261123101500ABC123', NB_DB_AMOUNT: '550,00', NB_DB_CUR: 'SEK', NB_DB_REF: '1042' };
    expect(orderMismatches(await receipt('550.00'), order)).to.deep.equal([]);
    expect(orderMismatches({ ...(await receipt('5,00')), NB_RETURN_DB_CUR: ' SEK' }, order).map((t) => t.en)).to.deep.equal([
      'The amount paid is "5,00", but the order was 550,00',
    ]);
    expect(orderMismatches({}, order)).to.have.length(4);
  });

  it('reads a verify endpoint’s answer, and refuses anything but a boolean', () => {
    expect(verifyAnswer({ verified: true })).to.equal(true);
    expect(verifyAnswer({ verified: false })).to.equal(false);
    for (const answer of [null, 'yes', { verified: 'true' }]) expect(thrown(() => verifyAnswer(answer)).code).to.equal('verify-answer');
  });
});
