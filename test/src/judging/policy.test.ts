import { expect } from '@esm-bundle/chai';
import { computeKvv, decodeMessages, diagnoseMac, parseFields, POLICY, splitMessages, TEST_KEY, TEST_KVV, validateFields, verdict, verifyMessage, type MessageKind } from '../../../src/index.ts';
import { checkoutProblems } from '../../../src/shop/checkout-core.ts';
import { crossCheck } from '../../../src/verdict/decode.ts';
import { swedishDate, type PolicyCode, type PolicyFinding } from '../../../src/judging/policy.ts';
import { orderMismatches } from '../../../src/shop/receipt.ts';
import { verifyRequestMac } from '../../../src/bank/simulator.ts';
import { PAY_DIRECT as PAY, PAY_DIRECT_STRING as RIGHT_PAY, PAY_DIRECT_URLS as URLS } from '../../support/pay-direct.ts';
import { latin1, webHmac, webMac } from '../../support/webcrypto.ts';

// One corpus, every entry point. Every MAC is WebCrypto's over a string written out by hand.
const RECEIPT_STRING = '00002&899,00& SEK&123450&2026-11-23-11.15.00.000000';
const POLICY_CODES = new Set(Object.keys(POLICY));

interface Case {
  readonly title: string;
  readonly kind: MessageKind;
  readonly fields: () => Promise<Record<string, string>>;
  /** The policy codes every entry point must report, with their level. */
  readonly expect: ReadonlyArray<readonly [PolicyCode, PolicyFinding['level']]>;
  /** Whether the MAC counts as verified. */
  readonly verified: boolean;
}

const RECEIPT = { NB_RETURN_STAMP: '00002', NB_RETURN_DB_AMOUNT: '899,00', NB_RETURN_DB_CUR: ' SEK', NB_RETURN_DB_REF: '123450', NB_PAID: '2026-11-23-11.15.00.000000' };
const group = (hex: string) => hex.replace(/(.{4})(?=.)/g, '$1 ');
const payMac = () => webMac(TEST_KEY, RIGHT_PAY);
const receiptMac = () => webMac(TEST_KEY, RECEIPT_STRING);
/** The KVV of the test key used as its 32 characters of text (shared/protocol.md; checked by WebCrypto below). */
const KVV_AS_TEXT = '05CD81829E26F44089FD91A9CFBC75DB';

const CASES: Case[] = [
  { title: 'a right request', kind: 'payDirect', fields: async () => ({ ...PAY, ...URLS, NB_HMAC: await payMac(), NB_KVV: TEST_KVV }), expect: [], verified: true },
  {
    title: 'a request MAC in lower case',
    kind: 'payDirect',
    fields: async () => ({ ...PAY, ...URLS, NB_HMAC: (await payMac()).toLowerCase(), NB_KVV: TEST_KVV }),
    expect: [['hex-case', 'warning']],
    verified: true,
  },
  {
    title: 'a request MAC in groups of four',
    kind: 'payDirect',
    fields: async () => ({ ...PAY, ...URLS, NB_HMAC: group(await payMac()), NB_KVV: TEST_KVV }),
    expect: [['hex-spacing', 'warning']],
    verified: true,
  },
  {
    title: 'a request MAC with spaces around it',
    kind: 'payDirect',
    fields: async () => ({ ...PAY, ...URLS, NB_HMAC: ` ${await payMac()}  `, NB_KVV: TEST_KVV }),
    expect: [['hex-spacing', 'warning']],
    verified: true,
  },
  {
    title: 'a request with "&" inside a signed value (NB_STAMP): an info, the MAC verifies as sent',
    kind: 'payDirect',
    fields: async () => ({ ...PAY, NB_STAMP: 'A&B2', ...URLS, NB_HMAC: await webMac(TEST_KEY, '999999&A&B2&899,00&SEK&123450'), NB_KVV: TEST_KVV }),
    expect: [['signed-ampersand', 'info']],
    verified: true,
  },
  {
    title: 'a request without NB_KVV',
    kind: 'payDirect',
    fields: async () => ({ ...PAY, ...URLS, NB_HMAC: await payMac() }),
    expect: [['kvv-missing', 'error']],
    verified: true,
  },
  {
    title: 'a request with the KVV of the key used as text',
    kind: 'payDirect',
    fields: async () => ({ ...PAY, ...URLS, NB_HMAC: await payMac(), NB_KVV: KVV_AS_TEXT }),
    expect: [['kvv-key-as-text', 'error']],
    verified: true,
  },
  {
    title: 'a request with another key’s KVV',
    kind: 'payDirect',
    fields: async () => ({ ...PAY, ...URLS, NB_HMAC: await payMac(), NB_KVV: '00112233445566778899AABBCCDDEEFF' }),
    expect: [['kvv-mismatch', 'error']],
    verified: true,
  },
  {
    // Signed over 899.00 where 899,00 is sent: a mismatch the doctor explains in its first layer,
    // so this case (which every judging mutant's tests reach) does not search thousands of HMACs.
    title: 'a request MAC that does not match',
    kind: 'payDirect',
    fields: async () => ({ ...PAY, ...URLS, NB_HMAC: await webMac(TEST_KEY, RIGHT_PAY.replace('899,00', '899.00')), NB_KVV: TEST_KVV }),
    expect: [['mac-mismatch', 'error']],
    verified: false,
  },
  {
    title: 'a receipt in lower case, without NB_KVV',
    kind: 'payDirectReturn',
    fields: async () => ({ ...RECEIPT, NB_HMAC: (await receiptMac()).toLowerCase() }),
    expect: [
      ['kvv-missing', 'error'],
      ['hex-case', 'info'],
    ],
    verified: true,
  },
  {
    title: 'a receipt with a KVV in groups',
    kind: 'payDirectReturn',
    fields: async () => ({ ...RECEIPT, NB_HMAC: await receiptMac(), NB_KVV: group(TEST_KVV) }),
    expect: [['hex-spacing', 'warning']],
    verified: true,
  },
];

/** What an entry point says about the policy: code, level and English and Swedish words, per field. */
const said = (findings: ReadonlyArray<{ code: string; level: string; field?: string; message: { en: string; sv: string } }>) =>
  findings.filter((f) => POLICY_CODES.has(f.code)).map((f) => `${f.field} ${f.code} ${f.level} ${f.message.en} | ${f.message.sv}`);

describe('policy: one corpus, the same verdict from every entry point', () => {
  for (const c of CASES) {
    it(c.title, async () => {
      const fields = await c.fields();
      const v = verifyMessage(fields, TEST_KEY);
      const d = diagnoseMac(c.kind, fields, fields.NB_HMAC!, TEST_KEY);
      const rows = validateFields(c.kind, fields, { key: TEST_KEY });
      const pasted = Object.entries(fields)
        .map(([n, val]) => `${n}=${encodeURIComponent(val)}`)
        .join('&');
      const decoded = decodeMessages(splitMessages(pasted), TEST_KEY).messages[0]!.verification;

      // The verdict on the MAC.
      expect(v.kind).to.equal(c.kind);
      expect(v.verified, 'verifyMessage').to.equal(c.verified);
      expect(d.status === 'correct', 'diagnoseMac').to.equal(c.verified);
      expect(decoded.verified, 'decoder').to.equal(c.verified);
      const codes = said(v.findings);
      expect(codes.map((s) => s.split(' ').slice(1, 3).join(' ')), 'verifyMessage').to.have.members(c.expect.map(([code, level]) => `${code} ${level}`));

      // The same words from the doctor (the MAC's writing and NB_KVV), the decoder, and the field table.
      expect(said(d.notes), 'diagnoseMac').to.have.members(codes.filter((s) => !s.includes(' mac-mismatch ')));
      expect(said(decoded.findings), 'decoder').to.deep.equal(codes);
      const rowSaid = rows.map((r) => ({ code: r.code, level: r.level === 'ok' ? 'info' : r.level, field: r.name, message: r.message }));
      for (const field of ['NB_HMAC', 'NB_KVV']) {
        const first = codes.find((s) => s.startsWith(`${field} `));
        const row = said(rowSaid).find((s) => s.startsWith(`${field} `));
        expect(row, `the field table’s ${field} row`).to.equal(first);
      }
      // The verdict on the whole message: the worst level of the field table and of the findings.
      const worst = c.expect.some(([, l]) => l === 'error') || !c.verified ? 'error' : c.expect.some(([, l]) => l === 'warning') ? 'warning' : 'ok';
      expect(v.verdict, 'verifyMessage.verdict').to.equal(worst);
      expect(verdict(rows), 'the field table').to.equal(worst);
      expect(decoded.verdict, 'decoder').to.equal(worst);

      // The checkout core and the simulated bank take a request's errors from the same table.
      if (c.kind === 'payDirect') {
        const problems = checkoutProblems(fields, TEST_KEY);
        expect(said(problems.map((r) => ({ code: r.code, level: r.level, field: r.name, message: r.message }))), 'checkout').to.deep.equal(
          codes.filter((s) => s.split(' ')[2] === 'error'),
        );
        const bank = verifyRequestMac('payDirect', fields, TEST_KEY);
        expect(bank === null, 'simulated bank').to.equal(c.verified);
        if (bank) expect(bank).to.deep.equal(v.findings.find((f) => f.code === 'mac-mismatch')!.message);
      }
    });
  }

  it('05CD… is WebCrypto’s KVV of the test key used as text', async () => {
    expect((await webHmac(latin1('1234567890ABCDEF1234567890ABCDEF'), '00000000')).slice(0, 32)).to.equal(KVV_AS_TEXT);
  });

  it('every policy entry has both languages, a level per direction and says whether the bank’s behaviour is known', () => {
    for (const [code, entry] of Object.entries(POLICY)) {
      for (const t of [entry.seen, entry.bank.does, entry.conclusion]) {
        expect(t.en.length, code).to.be.above(0);
        expect(t.sv.length, code).to.be.above(0);
        if (!/^NB_\w+ \d+$/.test(t.en)) expect(t.sv, code).not.to.equal(t.en);
      }
      expect(['error', 'warning', 'info']).to.include(entry.level.shopToBank);
      expect(['error', 'warning', 'info']).to.include(entry.level.bankToShop);
      expect(entry.bank.known).to.be.a('boolean');
    }
  });
});

describe('policy: stamps and references the bank echoes', () => {
  const order = { NB_STAMP: 'AB12', NB_DB_AMOUNT: '899,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' };
  const receipt = (stamp: string) => ({ ...RECEIPT, NB_RETURN_STAMP: stamp });

  for (const [stamp, code] of [
    ['ab12', 'echo-case'],
    [' AB12', 'echo-whitespace'],
    ['XY99', 'echo-different'],
  ] as const) {
    it(`${JSON.stringify(stamp)} against AB12 is ${code}: the decoder and the shop’s return page say the same, and neither delivers`, () => {
      const decoder = crossCheck('payDirectReturn', receipt(stamp), { ...PAY, ...order }).find((r) => r.field === 'NB_RETURN_STAMP')!;
      expect(decoder.result).to.equal('different');
      expect(decoder.code).to.equal(code);
      const shop = orderMismatches(receipt(stamp), order);
      expect(shop).to.deep.include(decoder.message);
    });
  }

  it('an identical stamp is the same, and a receipt with " SEK" and 899.00 is the order by meaning', () => {
    expect(crossCheck('payDirectReturn', receipt('AB12'), { ...PAY, ...order }).map((r) => r.result)).to.deep.equal(['same', 'same', 'same-meaning', 'same']);
    expect(orderMismatches({ ...receipt('AB12'), NB_RETURN_DB_AMOUNT: '899.00' }, order)).to.deep.equal([]);
  });
});

describe('policy: dates in Swedish time', () => {
  const K2 = '00112233445566778899AABBCCDDEEFF';
  const ring = [
    { key: K2, from: '2026-01-01', to: '2026-11-29' },
    { key: TEST_KEY, from: '2026-11-30', to: '2027-12-31' },
  ];

  it('swedishDate is the date in Stockholm, not UTC, around midnight and in summer time', () => {
    expect(swedishDate(new Date('2026-11-29T23:30:00Z'))).to.equal('2026-11-30');
    expect(swedishDate(new Date('2026-11-29T22:59:59Z'))).to.equal('2026-11-29');
    expect(swedishDate(new Date('2026-06-30T22:30:00Z'))).to.equal('2026-07-01');
  });

  it('a request signed with last period’s key is other-key, checked against today’s key in Sweden, and says which date', async () => {
    const fields = { ...PAY, ...URLS, NB_HMAC: await webMac(K2, RIGHT_PAY), NB_KVV: computeKvv(K2) };
    const now = new Date('2026-11-29T23:30:00Z'); // already 30 November in Sweden
    const v = verifyMessage(fields, ring, { now });
    expect(v.date).to.equal('2026-11-30');
    expect(v.dateSource).to.equal('today');
    expect(v.verified).to.equal(false);
    expect(v.key).to.deep.include({ index: 1, chosenBy: 'date' });
    expect(v.findings.map((f) => f.code)).to.include.members(['mac-mismatch', 'other-key', 'kvv-mismatch']);
    expect(v.findings.find((f) => f.code === 'other-key')!.message.en).to.contain('2026-11-30 (today in Sweden');
    const d = diagnoseMac('payDirect', fields, fields.NB_HMAC, ring, { now });
    expect(d.status).to.equal('explained');
    expect(d.findings[0]!.causes).to.deep.equal(['other-key']);
    // The day before in Sweden, the same request is right.
    expect(verifyMessage(fields, ring, { now: new Date('2026-11-29T22:30:00Z') }).verified).to.equal(true);
    expect(verifyMessage(fields, ring, { date: '2026-11-29' })).to.deep.include({ verified: true, dateSource: 'given' });
  });

  it('an answer is checked with the key of the date in its NB_PAID', async () => {
    const fields = { ...RECEIPT, NB_PAID: '2026-11-29-23.59.00.000000' };
    const mac = await webMac(K2, '00002&899,00& SEK&123450&2026-11-29-23.59.00.000000');
    const v = verifyMessage({ ...fields, NB_HMAC: mac, NB_KVV: computeKvv(K2) }, ring, { now: new Date('2026-12-01T12:00:00Z') });
    expect(v).to.deep.include({ date: '2026-11-29', dateSource: 'paid', verified: true });
  });
});

describe('policy: the doctor speaks to the shop’s side about an answer', () => {
  it('a receipt whose amount the shop’s log turned into 899.00: the bank signed right', async () => {
    const fields = { ...RECEIPT, NB_RETURN_DB_AMOUNT: '899.00', NB_HMAC: await receiptMac(), NB_KVV: TEST_KVV };
    const d = diagnoseMac('payDirectReturn', fields, fields.NB_HMAC, TEST_KEY);
    expect(d.status).to.equal('explained');
    const finding = d.findings.find((f) => f.causes.includes('amount-format'))!;
    expect(finding.explanation.en).to.contain('your side (its log, its parser or a copy) turned "899,00" into "899.00"');
    expect(finding.explanation.en).not.to.contain('sign the value');
    expect(finding.fix.en).to.match(/^The bank signed right/);
    expect(finding.fix.sv).to.match(/^Banken signerade rätt/);
  });

  it('a request with the same mistake is told to sign the value exactly as sent', async () => {
    const fields = { ...PAY, ...URLS, NB_DB_AMOUNT: '899,00', NB_HMAC: await webMac(TEST_KEY, '999999&00002&899.00&SEK&123450'), NB_KVV: TEST_KVV };
    const finding = diagnoseMac('payDirect', fields, fields.NB_HMAC, TEST_KEY).findings[0]!;
    expect(finding.explanation.en).to.contain('sign the value exactly as sent');
    expect(finding.fix.en).to.match(/^Sign "/);
  });
});

describe('policy: shops as they really are (a public .NET provider for the Swedish Nordea service)', () => {
  // From our reading of that provider: NB_STAMP and NB_DB_REF are one reference with a 7-3-1 check
  // digit, the amount is formatted with the Swedish culture (U+00A0 thousands grouping, `&#160;`
  // in its HTML), NB_CANCEL equals NB_REJECT, the key is hex-decoded, the string UTF-8, the MAC upper
  // case; the receipt's MAC is compared case-sensitively with an upper-case expected MAC.
  const reference = '1232'; // 123 with its 7-3-1 check digit
  const amount = '1\u00a0234,50';
  const form = async () => {
    const mac = await webMac(TEST_KEY, `999999&${reference}&${amount}&SEK&${reference}`);
    return `<form action="https://bank.example/pay" method="post">
      <input type="hidden" name="NB_VERSION" value="0002"><input type="hidden" name="NB_RCV_ID" value="999999">
      <input type="hidden" name="NB_STAMP" value="${reference}"><input type="hidden" name="NB_DB_AMOUNT" value="1&#160;234,50">
      <input type="hidden" name="NB_DB_CUR" value="SEK"><input type="hidden" name="NB_DB_REF" value="${reference}">
      <input type="hidden" name="NB_RETURN" value="https://shop.example/ok.aspx"><input type="hidden" name="NB_CANCEL" value="https://shop.example/error.aspx">
      <input type="hidden" name="NB_REJECT" value="https://shop.example/error.aspx"><input type="hidden" name="NB_HMAC" value="${mac}">
      <input type="hidden" name="NB_KVV" value="${TEST_KVV}"></form>`;
  };

  it('its form reads with the no-break space, verifies, and warns only that the bank’s view of the grouping is unknown', async () => {
    const parsed = parseFields(await form());
    const fields = Object.fromEntries(parsed.entries.map((e) => [e.name, e.value]));
    expect(fields.NB_DB_AMOUNT).to.equal(amount);
    const v = verifyMessage(fields, TEST_KEY);
    expect(v.verified).to.equal(true);
    expect(v.verdict).to.equal('warning');
    const warnings = v.rows.filter((r) => r.level !== 'ok');
    expect(warnings.map((r) => [r.name, r.code])).to.deep.equal([['NB_DB_AMOUNT', 'amount-grouping']]);
    expect(warnings[0]!.message.en).to.contain('whether the bank accepts a separator is unknown');
    expect(validateFields('payDirect', fields, { key: TEST_KEY, checkDigit: '731' }).filter((r) => r.level !== 'ok').map((r) => r.code)).to.deep.equal([
      'amount-grouping',
    ]);
  });

  it('its receipt verifies; in lower case it would be refused by that provider, and the toolkit says so', async () => {
    const paid = '2026-11-30-10.00.00.000000';
    const string = `${reference}&${amount}&SEK&${reference}&${paid}`;
    const mac = await webMac(TEST_KEY, string);
    const receipt = { NB_RETURN_STAMP: reference, NB_RETURN_DB_AMOUNT: amount, NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: reference, NB_PAID: paid, NB_KVV: TEST_KVV };
    expect(verifyMessage({ ...receipt, NB_HMAC: mac }, TEST_KEY)).to.deep.include({ verified: true, verdict: 'ok' });
    const lower = verifyMessage({ ...receipt, NB_HMAC: mac.toLowerCase() }, TEST_KEY);
    expect(lower.verified).to.equal(true);
    expect(lower.findings.find((f) => f.code === 'hex-case')!.message.en).to.contain('a shop that compares case-sensitively refuses it');
  });
});
