import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { computeKvv, computeMac, computeMacDetails, EbetError, macString, signMessage, TEST_KEY, TEST_KVV } from '../../../src/index.ts';
import { encodeText } from '../../../src/protocol/encoding.ts';
import { hmacSha256, keyBytes, keyedHmac, toHex } from '../../../src/protocol/key.ts';
import { readVectors } from '../../support/vectors.ts';
import { hexToBytes, latin1, webHmac, webMac } from '../../support/webcrypto.ts';

interface Vector {
  kind: 'payDirect';
  fields: Record<string, string>;
  key: string;
  macString: string;
  mac: string;
}

const KEY = '00112233445566778899AABBCCDDEEFF';

function vectors(): Promise<{ testKey: string; testKvv: string; vectors: Vector[] }> {
  return readVectors('public.json');
}

describe('MAC: the published vectors', () => {
  it('reproduces every published vector, string and MAC', async () => {
    const data = await vectors();
    expect(data.vectors.length).to.be.greaterThan(0);
    for (const v of data.vectors) {
      expect(macString(v.kind, v.fields)).to.equal(v.macString);
      expect(computeMac(v.kind, v.fields, v.key)).to.equal(v.mac);
      expect(await webMac(v.key, v.macString)).to.equal(v.mac);
    }
  });

  it('computes the test key’s published KVV, by the rule HMAC-SHA256-128("00000000")', async () => {
    const data = await vectors();
    expect(computeKvv(TEST_KEY)).to.equal(TEST_KVV);
    expect(TEST_KVV).to.equal(data.testKvv);
    expect(await webMac(TEST_KEY, '00000000')).to.equal(TEST_KVV);
  });

  it('gives the known wrong KVV when the key is used as 32 ASCII characters', async () => {
    const asText = await webHmac(latin1('1234567890ABCDEF1234567890ABCDEF'), '00000000');
    expect(asText.slice(0, 32)).to.equal('05CD81829E26F44089FD91A9CFBC75DB');
    expect(computeKvv(TEST_KEY)).not.to.equal(asText.slice(0, 32));
  });
});

describe('MAC string of every message kind (handbook tables 1–6)', () => {
  const cases: Array<[string, Parameters<typeof macString>[0], Record<string, string>, string | null]> = [
    [
      'pay direct: fields 2, 3, 4a–c (NB_VERSION, URLs, MAC and KVV are not signed)',
      'payDirect',
      {
        NB_VERSION: '0002',
        NB_RCV_ID: '55082',
        NB_STAMP: 'A1',
        NB_DB_AMOUNT: '550,00',
        NB_DB_CUR: 'SEK',
        NB_DB_REF: '1001',
        NB_RETURN: 'https://s.example/ok.html',
        NB_CANCEL: 'https://s.example/c.html',
        NB_REJECT: 'https://s.example/r.html',
        NB_HMAC: 'X',
        NB_KVV: 'Y',
      },
      '55082&A1&550,00&SEK&1001',
    ],
    [
      'pay direct receipt: 1, 2a–c, 3 with values exactly as received (" SEK")',
      'payDirectReturn',
      { NB_RETURN_STAMP: 'A1', NB_RETURN_DB_AMOUNT: '550,00', NB_RETURN_DB_CUR: ' SEK', NB_RETURN_DB_REF: '1001', NB_PAID: '20261123101010' },
      'A1&550,00& SEK&1001&20261123101010',
    ],
    ['payment check: 2, 3', 'paymentCheck', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'A1', NB_RETURN: 'https://s.example/x.html' }, '999999&A1'],
    [
      'payment check answer YES: 1, 2, 3a–c, BB_REF used, PAID; unused optional fields dropped with their &',
      'paymentCheckResponse',
      {
        NB_VERIFIED: 'YES',
        NB_RETURN_STAMP: 'A1',
        NB_RETURN_DB_AMOUNT: '550,00',
        NB_RETURN_DB_CUR: 'SEK',
        NB_RETURN_DB_REF: '1001',
        NB_RETURN_BB_REF2: 'B2',
        NB_RETURN_BB_REF1: 'B1',
        NB_RETURN_BB_REF3: '',
        NB_PAID: 'P1',
        NB_ERROR_DESCR: 'ignored',
      },
      'YES&A1&550,00&SEK&1001&B1&B2&P1',
    ],
    [
      'payment check answer YES without any optional field',
      'paymentCheckResponse',
      { NB_VERIFIED: 'YES', NB_RETURN_STAMP: 'A1' },
      'YES&A1',
    ],
    [
      'payment check answer NO: fields 1, 2 only, even when others are present',
      'paymentCheckResponse',
      { NB_VERIFIED: 'NO', NB_RETURN_STAMP: 'A1', NB_RETURN_DB_AMOUNT: '550,00', NB_PAID: 'P1' },
      'NO&A1',
    ],
    ['payment check answer ERR: no MAC', 'paymentCheckResponse', { NB_VERIFIED: 'ERR', NB_RETURN_STAMP: 'A1', NB_ERROR_DESCR: 'Tekniskt fel' }, null],
    [
      'repayment: 2, 3, 4, 5, 6, 7',
      'repayment',
      { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'A1', NB_DB_REF: '1001', NB_PAID: 'P1', NB_REPAY_AMOUNT: '120,00', NB_REPAY_CUR: 'SEK' },
      '999999&A1&1001&P1&120,00&SEK',
    ],
    [
      'repayment answer YES without exchange: 1, 2, 3, 4a, 4b, 6',
      'repaymentResponse',
      { NB_VERIFIED: 'YES', NB_RETURN_STAMP: 'A1', NB_RETURN_DB_REF: '1001', NB_RETURN_REPAY_AMOUNT: '120,00', NB_RETURN_REPAY_CUR: 'SEK', NB_PAID: 'P2' },
      'YES&A1&1001&120,00&SEK&P2',
    ],
    [
      'repayment answer YES with exchange fields 5a–e, in table order',
      'repaymentResponse',
      {
        NB_PAID: 'P2',
        NB_VERIFIED: 'YES',
        NB_RETURN_STAMP: 'A1',
        NB_RETURN_DB_REF: '1001',
        NB_RETURN_REPAY_AMOUNT: '120,00',
        NB_RETURN_REPAY_CUR: 'EUR',
        NB_RATE: '8,91',
        NB_WITHDRAWAL_AMOUNT: '1069,20',
        NB_WITHDRAWAL_CUR: 'SEK',
        NB_WITHDRAWAL_DATE: '2026-11-23',
        NB_DEPOSIT_DATE: '2026-11-24',
      },
      'YES&A1&1001&120,00&EUR&1069,20&SEK&2026-11-23&2026-11-24&8,91&P2',
    ],
    [
      'repayment answer YES with only some exchange fields: the absent ones are dropped',
      'repaymentResponse',
      { NB_VERIFIED: 'YES', NB_RETURN_STAMP: 'A1', NB_RETURN_DB_REF: '1001', NB_RETURN_REPAY_AMOUNT: '120,00', NB_RETURN_REPAY_CUR: 'EUR', NB_RATE: '8,91', NB_PAID: 'P2' },
      'YES&A1&1001&120,00&EUR&8,91&P2',
    ],
    ['repayment answer ERR: no MAC', 'repaymentResponse', { NB_VERIFIED: 'ERR', NB_RETURN_STAMP: 'A1', NB_ERROR_DESCR: 'Beloppet överstiger betalningen' }, null],
  ];

  for (const [title, kind, fields, expected] of cases) {
    it(title, async () => {
      expect(macString(kind, fields)).to.equal(expected);
      if (expected === null) {
        expect(() => computeMac(kind, fields, KEY)).to.throw(EbetError).with.property('code', 'no-mac');
      } else {
        expect(computeMac(kind, fields, KEY)).to.equal(await webMac(KEY, expected));
      }
    });
  }

  it('never trims or reformats a value', () => {
    expect(macString('payDirectReturn', { NB_RETURN_STAMP: ' A1 ', NB_RETURN_DB_AMOUNT: '550.0', NB_RETURN_DB_CUR: 'sek', NB_RETURN_DB_REF: '1', NB_PAID: 'p' })).to.equal(
      ' A1 &550.0&sek&1&p',
    );
  });

  it('reads the handbook example’s NB_ERR_DESCR spelling without signing it', () => {
    expect(macString('paymentCheckResponse', { NB_VERIFIED: 'ERR', NB_RETURN_STAMP: 'A1', NB_ERR_DESCR: 'x' })).to.equal(null);
  });
});

describe('MAC details, encodings and signing', () => {
  it('says which encoding it used; ISO-8859-1 and UTF-8 differ for å, ä, ö', async () => {
    const fields = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'Åsa-ö', NB_DB_AMOUNT: '1,00', NB_DB_CUR: 'SEK', NB_DB_REF: '1' };
    const utf8 = computeMacDetails('payDirect', fields, KEY)!;
    const iso = computeMacDetails('payDirect', fields, KEY, { encoding: 'iso-8859-1' })!;
    expect(utf8.encoding).to.equal('utf-8');
    expect(iso.encoding).to.equal('iso-8859-1');
    expect(utf8.mac).to.equal(await webMac(KEY, '999999&Åsa-ö&1,00&SEK&1'));
    expect(iso.mac).to.equal(await webMac(KEY, latin1('999999&Åsa-ö&1,00&SEK&1')));
    expect(utf8.mac).not.to.equal(iso.mac);
    expect(utf8.hmac.slice(0, 32)).to.equal(utf8.mac);
    expect(utf8.hmac).to.have.length(64);
    expect([...iso.bytes.slice(7, 8)]).to.deep.equal([0xc5]);
  });

  it('refuses a character ISO-8859-1 cannot hold, naming it and its position', () => {
    expect(() => encodeText('ab€', 'iso-8859-1')).to.throw(EbetError, /"€" at position 3/);
  });

  it('signMessage adds NB_HMAC and NB_KVV; an ERR answer gets both empty', async () => {
    const signed = signMessage('paymentCheck', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'A1' }, TEST_KEY);
    expect(signed.NB_HMAC).to.equal(await webMac(TEST_KEY, '999999&A1'));
    expect(signed.NB_KVV).to.equal(TEST_KVV);
    const err = signMessage('repaymentResponse', { NB_VERIFIED: 'ERR', NB_RETURN_STAMP: 'A1' }, TEST_KEY);
    expect(err.NB_HMAC).to.equal('');
    expect(err.NB_KVV).to.equal('');
  });

  it('keyedHmac (cloned keyed state) equals a fresh HMAC', () => {
    const key = keyBytes(KEY);
    const sign = keyedHmac(key);
    for (const s of ['', 'a', '999999&00002&899,00&SEK&123450', 'x'.repeat(200)]) {
      expect(toHex(sign(encodeText(s)))).to.equal(toHex(hmacSha256(key, encodeText(s))));
    }
  });
});

describe('MAC: property test against WebCrypto', () => {
  it('equals WebCrypto’s HMAC for random keys and strings, ASCII and non-ASCII, in both encodings', async () => {
    const hex = fc.stringMatching(/^[0-9a-fA-F]{32}$/);
    const value = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('Åsa', 'ärende öl', '1 234,50', '\u00a0'));
    await fc.assert(
      fc.asyncProperty(hex, value, value, async (key, stamp, ref) => {
        const fields = { NB_RETURN_STAMP: stamp || 'S', NB_RETURN_DB_AMOUNT: '1,00', NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: ref || '1', NB_PAID: 'P' };
        const string = `${stamp || 'S'}&1,00&SEK&${ref || '1'}&P`;
        expect(computeMac('payDirectReturn', fields, key)).to.equal(await webMac(key, string));
        if (/^[\u0000-\u00ff]*$/.test(string)) {
          expect(computeMac('payDirectReturn', fields, key, { encoding: 'iso-8859-1' })).to.equal(await webMac(key, latin1(string)));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('accepts a key in any case and with group spaces, and decodes it to 16 bytes', async () => {
    const spaced = '0011 2233 4455 6677 8899 aabb ccdd eeff';
    expect(computeKvv(spaced)).to.equal(await webMac(KEY, '00000000'));
    expect([...keyBytes(spaced)]).to.deep.equal([...hexToBytes(KEY)]);
  });
});

describe('MAC: bad input is refused with the field and the fix, never a wrong MAC', () => {
  const fields = { NB_RCV_ID: '1', NB_STAMP: '2', NB_DB_AMOUNT: '1,00', NB_DB_CUR: 'SEK', NB_DB_REF: '1' };
  const cases: Array<[string, () => unknown, RegExp, string | undefined]> = [
    ['a key with a non-hex character', () => computeMac('payDirect', fields, '0011 2233 4455 6677 8899 AABB CCDD EEFG'), /"G" at position 39 is not hexadecimal/, 'key'],
    ['a key of the wrong length', () => computeKvv('0011223344556677'), /16 hexadecimal characters; it needs exactly 32/, 'key'],
    ['an empty key', () => computeKvv('   '), /key is empty/, 'key'],
    ['an unknown kind', () => macString('payLater' as never, fields), /Unknown message kind "payLater"; expected one of payDirect/, undefined],
    ['a missing mandatory field', () => macString('payDirect', { ...fields, NB_DB_CUR: undefined as never }), /NB_DB_CUR is missing; it is mandatory/, 'NB_DB_CUR'],
    ['an empty mandatory field', () => macString('payDirect', { ...fields, NB_STAMP: '' }), /NB_STAMP is empty/, 'NB_STAMP'],
    ['a response without NB_VERIFIED', () => macString('paymentCheckResponse', { NB_RETURN_STAMP: 'A' }), /NB_VERIFIED is missing/, 'NB_VERIFIED'],
    ['an unknown status', () => macString('repaymentResponse', { NB_VERIFIED: 'NO', NB_RETURN_STAMP: 'A' }), /NB_VERIFIED is "NO"; expected YES, ERR/, 'NB_VERIFIED'],
  ];
  for (const [title, call, message, field] of cases) {
    it(title, () => {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(EbetError);
      expect((caught as EbetError).message).to.match(message);
      expect((caught as EbetError).field).to.equal(field);
      expect((caught as EbetError).text.sv).to.be.a('string').and.not.equal((caught as EbetError).text.en);
    });
  }
});
