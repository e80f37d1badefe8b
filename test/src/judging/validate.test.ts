import { expect } from '@esm-bundle/chai';
import { computeMac, TEST_KEY, TEST_KVV, validateFields, type ValidationRow, verdict } from '../../../src/index.ts';
import { PAY_DIRECT } from '../../support/pay-direct.ts';
import { webMac } from '../../support/webcrypto.ts';

const GOOD = {
  ...PAY_DIRECT,
  NB_RETURN: 'https://shop.example/return.html',
  NB_CANCEL: 'https://shop.example/cancel.html?o=1',
  NB_REJECT: 'https://shop.example/reject.html?o=1',
  NB_HMAC: '26D07B3BF8A133425FEFFC79B1AAA4B5',
  NB_KVV: TEST_KVV,
};

function rowOf(fields: Record<string, string>, name: string, kind: Parameters<typeof validateFields>[0] = 'payDirect'): ValidationRow {
  const row = validateFields(kind, fields, { key: TEST_KEY }).find((r) => r.name === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('validateFields: the test page’s table', () => {
  it('passes a correct form, one OK row per field with value and length', () => {
    const rows = validateFields('payDirect', GOOD, { key: TEST_KEY });
    expect(rows.map((r) => r.name)).to.deep.equal(Object.keys(GOOD));
    expect(rows.every((r) => r.level === 'ok' && r.ok && r.message.en === 'OK')).to.equal(true);
    expect(rows.find((r) => r.name === 'NB_RETURN')!.length).to.equal(GOOD.NB_RETURN.length);
    expect(verdict(rows)).to.equal('ok');
  });

  const cases: Array<[string, Record<string, string>, string, 'error' | 'warning', RegExp, string?]> = [
    ['amount with a decimal point', { NB_DB_AMOUNT: '550.00' }, 'NB_DB_AMOUNT', 'error', /NB_DB_AMOUNT must use a decimal comma: 550,00/, '550,00'],
    ['amount without decimals', { NB_DB_AMOUNT: '550' }, 'NB_DB_AMOUNT', 'error', /decimal comma and two decimals: 550,00/, '550,00'],
    ['amount with a no-break space as thousands separator', { NB_DB_AMOUNT: '1\u00a0234,50' }, 'NB_DB_AMOUNT', 'warning', /thousands separator \(a no-break space/, '1234,50'],
    ['amount with grouping and a decimal point', { NB_DB_AMOUNT: '1 234.50' }, 'NB_DB_AMOUNT', 'error', /must use a decimal comma: 1234,50/, '1234,50'],
    ['amount with comma grouping and a decimal point', { NB_DB_AMOUNT: '1,234.50' }, 'NB_DB_AMOUNT', 'error', /must use a decimal comma: 1234,50/, '1234,50'],
    ['amount with point grouping and a decimal comma', { NB_DB_AMOUNT: '1.234,50' }, 'NB_DB_AMOUNT', 'warning', /thousands separator/, '1234,50'],
    ['amount that is not one', { NB_DB_AMOUNT: 'abc' }, 'NB_DB_AMOUNT', 'error', /is not an amount/],
    ['currency in lower case', { NB_DB_CUR: 'sek' }, 'NB_DB_CUR', 'error', /must be written exactly SEK/, 'SEK'],
    ['currency not offered', { NB_DB_CUR: 'USD' }, 'NB_DB_CUR', 'error', /the bank takes SEK or EUR/],
    ['reference with a leading zero', { NB_DB_REF: '0123' }, 'NB_DB_REF', 'error', /NB_DB_REF may not start with 0: 123/, '123'],
    ['reference with a letter', { NB_DB_REF: '12A3' }, 'NB_DB_REF', 'error', /digits only; "A" at position 3/, '123'],
    ['version other than 0002', { NB_VERSION: '0003' }, 'NB_VERSION', 'error', /exactly 0002/, '0002'],
    ['version 0001, explained both ways', { NB_VERSION: '0001' }, 'NB_VERSION', 'warning', /older version.*felaktigt angiven version.*try 0001/, '0002'],
    ['relative return URL', { NB_RETURN: '/return.html' }, 'NB_RETURN', 'error', /NB_RETURN is relative/],
    ['javascript: return URL', { NB_CANCEL: 'javascript:alert(1)' }, 'NB_CANCEL', 'error', /must be an absolute http\(s\) URL/],
    ['plain http return URL', { NB_REJECT: 'http://shop.example/r.html' }, 'NB_REJECT', 'warning', /plain http/, 'https://shop.example/r.html'],
    ['return URL of a site, not a page', { NB_RETURN: 'https://shop.example/' }, 'NB_RETURN', 'warning', /not a page/],
    ['stamp too long', { NB_STAMP: 'x'.repeat(23) }, 'NB_STAMP', 'error', /NB_STAMP is 23 characters; at most 20/],
    ['stamp with trailing space', { NB_STAMP: '00002 ' }, 'NB_STAMP', 'warning', /trailing whitespace/, '00002'],
    ['a tab in a value', { NB_RCV_ID: '9999\t99' }, 'NB_RCV_ID', 'error', /a tab at position 5/, '999999'],
    ['MAC in lower case', { NB_HMAC: GOOD.NB_HMAC.toLowerCase() }, 'NB_HMAC', 'warning', /lower case/, GOOD.NB_HMAC],
    ['the full 64-character HMAC', { NB_HMAC: `${GOOD.NB_HMAC}${'0'.repeat(32)}` }, 'NB_HMAC', 'error', /full 64-character HMAC/, GOOD.NB_HMAC],
    ['a MAC of the wrong length', { NB_HMAC: 'ABC' }, 'NB_HMAC', 'error', /3 hexadecimal characters; it must be exactly 32/],
    ['a MAC that does not verify (no bare suggested MAC: the doctor explains)', { NB_DB_AMOUNT: '898,00' }, 'NB_HMAC', 'error', /does not match: with the key and UTF-8 the MAC of "999999&00002&898,00&SEK&123450" is MAC by WebCrypto/],
    ['the KVV of the key used as text', { NB_KVV: '05CD81829E26F44089FD91A9CFBC75DB' }, 'NB_KVV', 'error', /KVV of the key used as text/, TEST_KVV],
    ['a KVV of another key', { NB_KVV: '00112233445566778899AABBCCDDEEFF' }, 'NB_KVV', 'error', /not the KVV of the key used \(FF36/, TEST_KVV],
    ['a MAC in groups of four', { NB_HMAC: GOOD.NB_HMAC.replace(/(.{4})(?=.)/g, '$1 ') }, 'NB_HMAC', 'warning', /written with spaces/, GOOD.NB_HMAC],
    ['the KVV of the key used as lower-case text', { NB_KVV: '0A38553961AEC841746892D934A1244E' }, 'NB_KVV', 'error', /KVV of the key used as text/, TEST_KVV],
    ['an empty mandatory field', { NB_RCV_ID: '' }, 'NB_RCV_ID', 'error', /NB_RCV_ID is empty; it is mandatory/],
    ['a misspelled field', { NB_STAMPP: '1' }, 'NB_STAMPP', 'error', /did you mean NB_STAMP\?/, 'NB_STAMP'],
    ['an unknown field', { COLOR: 'red' }, 'COLOR', 'warning', /not part of Pay direct/],
  ];

  for (const [title, change, field, level, message, suggestion] of cases) {
    it(title, async () => {
      const row = rowOf({ ...GOOD, ...change }, field);
      expect(row.level).to.equal(level);
      expect(row.ok).to.equal(level !== 'error');
      const mac = await webMac(TEST_KEY, '999999&00002&898,00&SEK&123450');
      expect(row.message.en).to.match(new RegExp(message.source.replace('MAC by WebCrypto', mac)));
      expect(row.message.sv).to.be.a('string').and.not.equal(row.message.en);
      expect(row.suggestion).to.equal(suggestion);
    });
  }

  it('adds a row for each missing mandatory field', () => {
    const { NB_CANCEL: _c, NB_KVV: _k, ...rest } = GOOD;
    const rows = validateFields('payDirect', rest);
    const missing = rows.filter((r) => r.value === null);
    expect(missing.map((r) => [r.name, r.code])).to.deep.equal([
      ['NB_CANCEL', 'missing'],
      ['NB_KVV', 'kvv-missing'],
    ]);
    expect(missing[0]!.value).to.equal(null);
    expect(verdict(rows)).to.equal('error');
  });

  it('flags a field posted twice', () => {
    const rows = validateFields('payDirect', [...Object.entries(GOOD).map(([name, value]) => ({ name, value })), { name: 'NB_STAMP', value: '9' }]);
    expect(rows.filter((r) => r.name === 'NB_STAMP').map((r) => r.code)).to.deep.equal(['ok', 'duplicate']);
  });

  it('reports a bad key as its own row instead of failing', () => {
    const rows = validateFields('payDirect', GOOD, { key: '1234' });
    expect(rows.at(-1)!.name).to.equal('key');
    expect(rows.at(-1)!.message.en).to.match(/needs exactly 32/);
  });
});

describe('validateFields: answers from the bank', () => {
  it('accepts the bank’s own format changes (" SEK") as the policy says: noted, not a warning', async () => {
    const fields = { NB_RETURN_STAMP: '00002', NB_RETURN_DB_AMOUNT: '899,00', NB_RETURN_DB_CUR: ' SEK', NB_RETURN_DB_REF: '123450', NB_PAID: '20261123101010' };
    const mac = await webMac(TEST_KEY, '00002&899,00& SEK&123450&20261123101010');
    expect(computeMac('payDirectReturn', fields, TEST_KEY)).to.equal(mac);
    const rows = validateFields('payDirectReturn', { ...fields, NB_HMAC: mac, NB_KVV: TEST_KVV }, { key: TEST_KEY });
    const cur = rows.find((r) => r.name === 'NB_RETURN_DB_CUR')!;
    expect([cur.level, cur.code]).to.deep.equal(['ok', 'currency-space']);
    expect(cur.message.en).to.contain('as in the handbook’s own answers');
    expect(verdict(rows)).to.equal('ok');
  });

  it('expects no MAC and no KVV on ERR, and warns when a MAC is there anyway', () => {
    const err = { NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '1', NB_HMAC: '', NB_KVV: '', NB_ERR_DESCR: 'Tekniskt fel' };
    const rows = validateFields('paymentCheckResponse', err, { key: TEST_KEY });
    expect(rows.filter((r) => r.level === 'error')).to.deep.equal([]);
    expect(rows.find((r) => r.name === 'NB_ERR_DESCR')!.code).to.equal('alias');
    const withMac = validateFields('paymentCheckResponse', { ...err, NB_HMAC: GOOD.NB_HMAC });
    expect(withMac.find((r) => r.name === 'NB_HMAC')!.code).to.equal('mac-on-unsigned');
  });

  it('rejects an unknown status', () => {
    const row = rowOf({ NB_VERIFIED: 'MAYBE', NB_RETURN_STAMP: '1', NB_HMAC: GOOD.NB_HMAC, NB_KVV: TEST_KVV }, 'NB_VERIFIED', 'paymentCheckResponse');
    expect(row.message.en).to.match(/expected YES, NO, ERR/);
  });
});

describe('validateFields: warnings that trip integrations', () => {
  it('warns when a reference fails the check digit the shop opted into (Luhn, 7-3-1), and only then', () => {
    // Luhn of 4711 is 8 → 47118; 7-3-1 of 4711 is 5 → 47115.
    const codeOf = (ref: string, checkDigit?: 'luhn' | '731' | 'none') =>
      validateFields('payDirect', { ...GOOD, NB_DB_REF: ref }, checkDigit ? { checkDigit } : {}).find((r) => r.name === 'NB_DB_REF')!;
    expect(codeOf('47118', 'luhn').code).to.equal('ok');
    expect(codeOf('47115', '731').code).to.equal('ok');
    const luhn = codeOf('47113', 'luhn');
    expect([luhn.level, luhn.code, luhn.suggestion]).to.deep.equal(['warning', 'reference-check-digit', '47118']);
    expect(luhn.message.en).to.match(/Luhn/);
    expect(luhn.message.sv).to.match(/kontrollsiffra/);
    expect(codeOf('47118', '731').suggestion).to.equal('47115');
    expect(codeOf('47113').code).to.equal('ok');
    expect(codeOf('47113', 'none').code).to.equal('ok');
    expect(codeOf('0123', 'luhn').code).to.equal('reference-leading-zero');
  });

  it('warns when a pay direct’s NB_STAMP was already used by an earlier payment, not for a check of it', () => {
    const usedStamps = new Map([['00002', '2026-11-23T10:00:00.000Z']]);
    const rows = validateFields('payDirect', GOOD, { key: TEST_KEY, usedStamps });
    const stamp = rows.find((r) => r.name === 'NB_STAMP')!;
    expect([stamp.level, stamp.ok, stamp.code]).to.deep.equal(['warning', true, 'stamp-used']);
    expect(stamp.message.en).to.match(/already used on 2026-11-23 11:00 Swedish time, in an earlier payment;.*double billing/);
    expect(stamp.message.sv).to.match(/användes redan 2026-11-23 11\.00 svensk tid, i en tidigare betalning;.*dubbel fakturering/);
    // With what used it: the refused attempt is named as such, its time in Swedish time (CET in November).
    const refused = new Map([['00002', { at: '2026-11-23T10:00:00.000Z', in: { en: 'in the attempt made then (payment refused)', sv: 'i försöket som gjordes då (betalningen nekad)' } }]]);
    const named = validateFields('payDirect', GOOD, { key: TEST_KEY, usedStamps: refused }).find((r) => r.name === 'NB_STAMP')!;
    expect(named.message.en).to.contain('already used on 2026-11-23 11:00 Swedish time, in the attempt made then (payment refused);');
    expect(named.message.sv).to.contain('användes redan 2026-11-23 11.00 svensk tid, i försöket som gjordes då (betalningen nekad);');
    expect(verdict(rows)).to.equal('warning');
    const check = validateFields('paymentCheck', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002' }, { usedStamps });
    expect(check.find((r) => r.name === 'NB_STAMP')!.code).to.equal('ok');
  });

  it('warns of plain http on every return address, and says a receipt travels only to NB_RETURN', () => {
    const http = { ...GOOD, NB_RETURN: 'http://shop.example/ok.html', NB_CANCEL: 'http://shop.example/cancel.html', NB_REJECT: 'http://shop.example/reject.html' };
    const [ok, cancel, reject] = (['NB_RETURN', 'NB_CANCEL', 'NB_REJECT'] as const).map((name) => rowOf(http, name));
    expect([ok!.code, cancel!.code, reject!.code]).to.deep.equal(['url-http', 'url-http', 'url-http']);
    expect(ok!.message.en).to.contain('the bank’s answer then travels unencrypted');
    expect(ok!.message.sv).to.contain('bankens svar skickas då okrypterat');
    for (const row of [cancel!, reject!]) {
      expect(row.message.en).to.contain('nothing is posted to it').and.not.match(/receipt|answer/);
      expect(row.message.sv).to.contain('inget skickas dit').and.not.match(/kvitto|svar/);
    }
  });
});
