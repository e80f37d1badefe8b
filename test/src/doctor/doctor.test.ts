import { expect } from '@esm-bundle/chai';
import { diagnoseMac, type Diagnosis, EbetError, TEST_KEY, TEST_KVV } from '../../../src/index.ts';
import { calculatorCase } from '../../../src/doctor/index.ts';
import { DOCTOR_CAUSES, type DoctorCause, type DoctorFinding, readCalculatorCase, readHexValue } from '../../../src/doctor/index.ts';
import { PAY_DIRECT, PAY_DIRECT_STRING as RIGHT, PAY_DIRECT_URLS } from '../../support/pay-direct.ts';
import { handHmacMd5, hexToBase64, hexToBytes, latin1, sha256Hex, webHmac, webMac } from '../../support/webcrypto.ts';

// Every wrong MAC below is made by WebCrypto from a string written out by hand with the mistake in
// it: none comes from the code under test.
const KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';
const OTHER_KEY = '00112233445566778899AABBCCDDEEFF';
const FORM = { ...PAY_DIRECT, NB_RETURN: PAY_DIRECT_URLS.NB_RETURN, NB_KVV: TEST_KVV };

function bytesOf(value: string, encoding: string): Uint8Array {
  return encoding === 'iso-8859-1' ? latin1(value) : new TextEncoder().encode(value);
}

/** Re-computes a finding with WebCrypto from what it says (string, encoding, key use), as a reader would. */
async function reproduce(finding: DoctorFinding, ring: string[]): Promise<void> {
  const hex = ring[finding.key.index]!.replace(/\s+/g, '').toUpperCase();
  const keyBytes =
    finding.key.use === 'bytes' ? hexToBytes(hex) : latin1(finding.key.use === 'text-lower' ? hex.toLowerCase() : hex);
  const bytes = bytesOf(finding.string, finding.encoding);
  expect([...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase()).to.equal(finding.bytesHex);
  if (finding.algorithm === 'HMAC-SHA256') {
    expect(await webHmac(keyBytes, bytes)).to.equal(finding.digest);
  }
}

function only(result: Diagnosis, causes: DoctorCause[]): DoctorFinding {
  expect(result.status, JSON.stringify(result.findings.map((f) => f.causes))).to.equal('explained');
  const match = result.findings.find((f) => f.causes.length === causes.length && causes.every((c) => f.causes.includes(c)));
  expect(match, `findings: ${JSON.stringify(result.findings.map((f) => f.causes))}`).to.not.equal(undefined);
  return match!;
}

describe('diagnoseMac: the cause list', () => {
  it('documents every cause with a title and what it tries, in both languages', () => {
    const required: DoctorCause[] = [
      'amount-format', 'key-as-text', 'lowercase-hex', 'untruncated', 'encoding', 'whitespace', 'field-order',
      'missing-field', 'extra-field', 'separator', 'plain-hash', 'other-key', 'other-kind',
    ];
    for (const cause of required) expect(Object.keys(DOCTOR_CAUSES)).to.include(cause);
    for (const info of Object.values(DOCTOR_CAUSES)) {
      expect(info.title.en).to.not.equal(info.title.sv);
      expect(info.tries.en.length).to.be.greaterThan(10);
      expect(info.tries.sv.length).to.be.greaterThan(10);
    }
  });
});

describe('diagnoseMac: a MAC that verifies', () => {
  it('says the MAC is correct, with no findings', async () => {
    const result = diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, RIGHT), TEST_KEY);
    expect(result.status).to.equal('correct');
    expect(result.findings).to.deep.equal([]);
    expect(result.message.en).to.match(/^The MAC is correct/);
    expect(result.message.sv).to.match(/^MAC:en är korrekt: den stämmer för ”999999&00002&899,00&SEK&123450” i /); // ”…” in Swedish
    expect(result.expectedString).to.equal(RIGHT);
    expect(result.expectedMac).to.equal('26D07B3BF8A133425FEFFC79B1AAA4B5');
  });

  it('names the key of an undated ring that verifies (an undated ring is a list of candidates)', async () => {
    const result = diagnoseMac('payDirect', FORM, await webMac(OTHER_KEY, RIGHT), [TEST_KEY, OTHER_KEY]);
    expect(result.status).to.equal('correct');
    expect(result.keyIndex).to.equal(1);
    expect(result.message.en).to.contain('key 2 of the ring');
  });
});

describe('diagnoseMac: each cause alone, from a MAC made with that mistake', () => {
  it('amount-format: signed with a decimal point while the form sends the comma', async () => {
    const given = await webMac(KEY_HEX, '999999&00002&899.00&SEK&123450');
    const result = diagnoseMac('payDirect', FORM, given, TEST_KEY);
    const finding = only(result, ['amount-format']);
    expect(finding.string).to.equal('999999&00002&899.00&SEK&123450');
    expect(finding.mac).to.equal(given);
    expect(finding.explanation.en).to.contain('NB_DB_AMOUNT was signed as "899.00"');
    expect(finding.explanation.sv).to.contain('NB_DB_AMOUNT signerades som ”899.00”, men i meddelandet står det ”899,00”'); // Swedish quotes, values as quoted() shows them
    expect(finding.fix.en).to.contain(`NB_HMAC = ${await webMac(KEY_HEX, RIGHT)}`);
    await reproduce(finding, [TEST_KEY]);
  });

  it('amount-format: signed without decimals', async () => {
    const finding = only(diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, '999999&00002&899&SEK&123450'), TEST_KEY), ['amount-format']);
    expect(finding.string).to.equal('999999&00002&899&SEK&123450');
  });

  it('key-as-text: the key’s 32 characters used as ASCII bytes', async () => {
    const given = (await webHmac(latin1(KEY_HEX), RIGHT)).slice(0, 32);
    const finding = only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['key-as-text']);
    expect(finding.key.use).to.equal('text-upper');
    expect(finding.key.label.en).to.contain('32 characters as ASCII text');
    expect(finding.key.label.en).to.not.contain(KEY_HEX);
    await reproduce(finding, [TEST_KEY]);
  });

  it('key-as-text in lower case', async () => {
    const given = (await webHmac(latin1(KEY_HEX.toLowerCase()), RIGHT)).slice(0, 32);
    expect(only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['key-as-text']).key.use).to.equal('text-lower');
  });

  it('the right MAC in lower case or in groups is correct, with the policy’s notes (as verifyMessage says)', async () => {
    const right = await webMac(KEY_HEX, RIGHT);
    for (const [given, code] of [
      [right.toLowerCase(), 'hex-case'],
      [right.replace(/(.{4})(?=.)/g, '$1 '), 'hex-spacing'],
      [`  ${right} `, 'hex-spacing'],
    ] as const) {
      const result = diagnoseMac('payDirect', FORM, given, TEST_KEY);
      expect(result.status, given).to.equal('correct');
      expect(result.findings).to.deep.equal([]);
      expect(result.expectedMac).to.equal(right);
      expect(result.notes.map((n) => [n.code, n.level])).to.deep.equal([[code, 'warning']]);
    }
  });

  it('untruncated: the full 64-character HMAC', async () => {
    const given = await webHmac(hexToBytes(KEY_HEX), RIGHT);
    const finding = only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['untruncated']);
    expect(finding.mac).to.equal(given);
    expect(finding.digest).to.equal(given);
  });

  it('encoding: ISO-8859-1 bytes where UTF-8 was expected', async () => {
    const fields = { ...FORM, NB_STAMP: 'Åsa-00002' };
    const given = await webMac(KEY_HEX, latin1('999999&Åsa-00002&899,00&SEK&123450'));
    const finding = only(diagnoseMac('payDirect', fields, given, TEST_KEY), ['encoding']);
    expect(finding.encoding).to.equal('iso-8859-1');
    await reproduce(finding, [TEST_KEY]);
  });

  it('encoding: UTF-8 bytes where ISO-8859-1 was chosen', async () => {
    const fields = { ...FORM, NB_STAMP: 'Åsa-00002' };
    const given = await webMac(KEY_HEX, '999999&Åsa-00002&899,00&SEK&123450');
    const finding = only(diagnoseMac('payDirect', fields, given, TEST_KEY, { encoding: 'iso-8859-1' }), ['encoding']);
    expect(finding.encoding).to.equal('utf-8');
  });

  it('whitespace: a value sent with a trailing space and signed trimmed', async () => {
    const given = await webMac(KEY_HEX, RIGHT);
    const finding = only(diagnoseMac('payDirect', { ...FORM, NB_DB_CUR: 'SEK ' }, given, TEST_KEY), ['whitespace']);
    expect(finding.explanation.en).to.contain('NB_DB_CUR was signed trimmed');
  });

  it('whitespace: a value signed with a leading space', async () => {
    const finding = only(diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, '999999&00002&899,00& SEK&123450'), TEST_KEY), ['whitespace']);
    expect(finding.string).to.equal('999999&00002&899,00& SEK&123450');
  });

  it('field-order: two values swapped', async () => {
    const finding = only(diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, '00002&999999&899,00&SEK&123450'), TEST_KEY), ['field-order']);
    expect(finding.explanation.en).to.contain('in the order NB_STAMP, NB_RCV_ID, NB_DB_AMOUNT, NB_DB_CUR, NB_DB_REF');
  });

  it('missing-field: the reference left out', async () => {
    const finding = only(diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, '999999&00002&899,00&SEK'), TEST_KEY), ['missing-field']);
    expect(finding.explanation.en).to.contain('NB_DB_REF was left out');
  });

  it('extra-field: NB_VERSION signed first', async () => {
    const finding = only(diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, `0002&${RIGHT}`), TEST_KEY), ['extra-field']);
    expect(finding.explanation.en).to.contain('NB_VERSION');
  });

  it('extra-field: the return URL signed last', async () => {
    const finding = only(diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, `${RIGHT}&https://shop.example/ok.html`), TEST_KEY), ['extra-field']);
    expect(finding.explanation.en).to.contain('NB_RETURN');
  });

  it('extra-field: NB_KVV signed last', async () => {
    const finding = only(diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, `${RIGHT}&${TEST_KVV}`), TEST_KEY), ['extra-field']);
    expect(finding.explanation.en).to.contain('NB_KVV');
  });

  it('separator: values joined by "|"', async () => {
    const finding = only(diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, '999999|00002|899,00|SEK|123450'), TEST_KEY), ['separator']);
    expect(finding.string).to.equal('999999|00002|899,00|SEK|123450');
  });

  it('separator: NAME=value pairs', async () => {
    const string = 'NB_RCV_ID=999999&NB_STAMP=00002&NB_DB_AMOUNT=899,00&NB_DB_CUR=SEK&NB_DB_REF=123450';
    expect(only(diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, string), TEST_KEY), ['separator']).string).to.equal(string);
  });

  it('plain-hash: SHA-256 of the string followed by the key text', async () => {
    const given = (await sha256Hex(`${RIGHT}${KEY_HEX}`)).slice(0, 32);
    const finding = only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['plain-hash']);
    expect(finding.algorithm).to.equal('SHA-256(string + key)');
    expect(finding.key.use).to.equal('text-upper');
  });

  it('plain-hash: SHA-256 of the string followed by the key text, the key typed exactly as the shop stores it', async () => {
    for (const typed of [KEY_HEX, KEY_HEX.toLowerCase()]) {
      const given = (await sha256Hex(`${RIGHT}${typed}`)).slice(0, 32);
      const finding = only(diagnoseMac('payDirect', FORM, given, typed), ['plain-hash']);
      expect(finding.algorithm, typed).to.equal('SHA-256(string + key)');
      expect(finding.key.use, typed).to.equal(typed === KEY_HEX ? 'text-upper' : 'text-lower');
    }
  });

  it('other-key: the neighbouring key of the ring (wrong validity period)', async () => {
    const ring = [
      { key: TEST_KEY, from: '2026-01-01', to: '2026-06-30' },
      { key: OTHER_KEY, from: '2026-07-01' },
    ];
    const given = await webMac(OTHER_KEY, RIGHT);
    const result = diagnoseMac('payDirect', FORM, given, ring, { date: '2026-06-30' });
    const finding = only(result, ['other-key']);
    expect(finding.key.index).to.equal(1);
    expect(finding.explanation.en).to.contain('key 2 of the ring');
    expect(result.keyIndex).to.equal(0);
    expect(result.warnings.map((w) => w.en).join(' ')).to.contain('change-over');
    await reproduce(finding, [TEST_KEY, OTHER_KEY]);
  });

  it('other-key: the date is read from NB_PAID of a receipt', async () => {
    const receipt = { NB_RETURN_STAMP: '00002', NB_RETURN_DB_AMOUNT: '899,00', NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '123450', NB_PAID: '20260812101500' };
    const given = await webMac(KEY_HEX, '00002&899,00&SEK&123450&20260812101500');
    const result = diagnoseMac('payDirectReturn', receipt, given, [{ key: TEST_KEY, to: '2026-06-30' }, { key: OTHER_KEY, from: '2026-07-01' }]);
    expect(result.date).to.equal('2026-08-12');
    expect(only(result, ['other-key']).key.index).to.equal(0);
  });

  it('other-kind: the payment check’s MAC put on a pay direct form', async () => {
    const finding = only(diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, '999999&00002'), TEST_KEY), ['other-kind']);
    expect(finding.explanation.en).to.contain('Payment check');
  });

  it('kvv-as-mac: the KVV sent as the MAC', () => {
    only(diagnoseMac('payDirect', FORM, TEST_KVV, TEST_KEY), ['kvv-as-mac']);
  });
});

describe('diagnoseMac: pairs of causes', () => {
  it('amount-format + encoding', async () => {
    const fields = { ...FORM, NB_STAMP: 'Åsa-00002' };
    const given = await webMac(KEY_HEX, latin1('999999&Åsa-00002&899.00&SEK&123450'));
    const finding = only(diagnoseMac('payDirect', fields, given, TEST_KEY), ['amount-format', 'encoding']);
    await reproduce(finding, [TEST_KEY]);
  });

  it('whitespace + other-key', async () => {
    const given = await webMac(OTHER_KEY, '999999&00002&899,00&SEK&123450 ');
    const ring = [{ key: TEST_KEY, to: '2026-06-30' }, { key: OTHER_KEY, from: '2026-07-01' }];
    const finding = only(diagnoseMac('payDirect', FORM, given, ring, { date: '2026-05-01' }), ['whitespace', 'other-key']);
    await reproduce(finding, [TEST_KEY, OTHER_KEY]);
  });

  it('amount-format + field-order', async () => {
    only(diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, '00002&999999&899.00&SEK&123450'), TEST_KEY), ['amount-format', 'field-order']);
  });

  it('missing-field + key-as-text', async () => {
    const given = (await webHmac(latin1(KEY_HEX), '999999&00002&899,00&SEK')).slice(0, 32);
    only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['missing-field', 'key-as-text']);
  });

  it('separator + lowercase-hex', async () => {
    const given = (await webMac(KEY_HEX, '999999;00002;899,00;SEK;123450')).toLowerCase();
    only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['separator', 'lowercase-hex']);
  });
});

describe('diagnoseMac: three causes at once', () => {
  it('amount-format + field-order + key-as-text', async () => {
    const given = (await webHmac(latin1(KEY_HEX), '00002&999999&899.00&SEK&123450')).slice(0, 32);
    const finding = only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['amount-format', 'field-order', 'key-as-text']);
    expect(finding.string).to.equal('00002&999999&899.00&SEK&123450');
    expect(finding.explanation.en).to.contain('NB_DB_AMOUNT was signed as "899.00"');
    await reproduce(finding, [TEST_KEY]);
  });

  // Three mistakes on a payment check (two signed values): the same search, a fortieth of the candidates of a pay direct.
  it('whitespace + separator + encoding', async () => {
    const fields = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'Åsa-00002' };
    const given = await webMac(KEY_HEX, latin1('999999 |Åsa-00002'));
    const finding = only(diagnoseMac('paymentCheck', fields, given, TEST_KEY), ['whitespace', 'separator', 'encoding']);
    expect(finding.string).to.equal('999999 |Åsa-00002');
    await reproduce(finding, [TEST_KEY]);
  });

  it('stops at the simplest explanation: one cause that explains leaves no pairs or threes', async () => {
    const given = await webMac(KEY_HEX, '999999&00002&899,00&SEK');
    const result = diagnoseMac('payDirect', FORM, given, TEST_KEY);
    expect(result.findings.every((f) => f.causes.length === 1)).to.equal(true);
  });
});

describe('diagnoseMac: the algorithm told from the MAC', () => {
  it('hmac-sha1: a 40-character MAC is an HMAC-SHA1 (WebCrypto)', async () => {
    const given = await webHmac(hexToBytes(KEY_HEX), RIGHT, 'SHA-1');
    expect(given).to.have.length(40);
    const finding = only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['hmac-sha1']);
    expect(finding.algorithm).to.equal('HMAC-SHA1');
    expect(finding.digest).to.equal(given);
    expect(finding.mac).to.equal(given);
    expect(finding.explanation.en).to.contain('HMAC-SHA1');
    expect(finding.explanation.sv).to.contain('HMAC-SHA1');
    expect(finding.fix.en).to.contain(`NB_HMAC = ${await webMac(KEY_HEX, RIGHT)}`);
  });

  it('hmac-sha1 with a string mistake, in lower case', async () => {
    const given = (await webHmac(hexToBytes(KEY_HEX), '999999&00002&899.00&SEK&123450', 'SHA-1')).toLowerCase();
    const finding = only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['amount-format', 'hmac-sha1', 'lowercase-hex']);
    expect(finding.mac).to.equal(given);
  });

  it('the hand-written HMAC-MD5 of the tests gives RFC 2104’s test vector', () => {
    expect(handHmacMd5(new Uint8Array(16).fill(0x0b), 'Hi There')).to.equal('9294727A3638BB1C13F48EF8158BFC9D');
  });

  it('hmac-md5: 32 characters that are an HMAC-MD5', async () => {
    const given = handHmacMd5(hexToBytes(KEY_HEX), RIGHT);
    const finding = only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['hmac-md5']);
    expect(finding.algorithm).to.equal('HMAC-MD5');
    expect(finding.digest).to.equal(given);
  });

  it('hmac-md5 with a separator mistake', async () => {
    const given = handHmacMd5(hexToBytes(KEY_HEX), '999999;00002;899,00;SEK;123450');
    only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['separator', 'hmac-md5']);
  });

  it('hmac-sha512: an HMAC-SHA512 cut to 32 characters (WebCrypto)', async () => {
    const full = await webHmac(hexToBytes(KEY_HEX), RIGHT, 'SHA-512');
    const finding = only(diagnoseMac('payDirect', FORM, full.slice(0, 32), TEST_KEY), ['hmac-sha512']);
    expect(finding.digest).to.equal(full);
    expect(finding.mac).to.equal(full.slice(0, 32));
  });

  it('hmac-sha512 with the key as text and NB_VERSION signed (a payment check)', async () => {
    const given = (await webHmac(latin1(KEY_HEX), '0002&999999&00002', 'SHA-512')).slice(0, 32);
    only(diagnoseMac('paymentCheck', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002' }, given, TEST_KEY), ['extra-field', 'key-as-text', 'hmac-sha512']);
  });

  it('base64: the full HMAC-SHA256 in base64', async () => {
    const given = hexToBase64(await webHmac(hexToBytes(KEY_HEX), RIGHT));
    expect(given).to.have.length(44);
    const result = diagnoseMac('payDirect', FORM, given, TEST_KEY);
    const finding = only(result, ['untruncated', 'base64']);
    expect(finding.mac).to.equal(given);
    expect(result.status).to.equal('explained');
    expect(result.message.sv).to.equal('MAC:en stämmer inte; en förklaring hittades, och den ger exakt samma MAC.');
    expect(result.expectedMac).to.equal(await webMac(KEY_HEX, RIGHT));
    expect(finding.explanation.en).to.contain('base64');
  });

  it('base64url: the cut MAC in base64url, without padding', async () => {
    const given = hexToBase64(await webMac(KEY_HEX, RIGHT), true);
    expect(given).to.have.length(22);
    const finding = only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['base64']);
    expect(finding.mac).to.equal(given);
    expect(finding.explanation.en).to.contain('base64url');
  });

  it('base64url of the full HMAC with a field left out', async () => {
    const given = hexToBase64(await webHmac(hexToBytes(KEY_HEX), '999999&00002&899,00&SEK'), true);
    only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['missing-field', 'untruncated', 'base64']);
  });

  it('base64 of the cut MAC with the amount signed with a point', async () => {
    const given = hexToBase64(await webMac(KEY_HEX, '999999&00002&899.00&SEK&123450'));
    expect(given).to.match(/==$/);
    const finding = only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['amount-format', 'base64']);
    expect(finding.mac).to.equal(given);
  });
});

describe('diagnoseMac: a page with many inputs', () => {
  const page = (extra: Record<string, string> = {}) => {
    const fields: Record<string, string> = { ...FORM, ...extra };
    for (let i = 0; i < 120; i++) fields[`input_${i}`] = `value ${i}`;
    return fields;
  };

  it('tries the message’s fields and the likely extras, finds a likely extra signed, and lists the inputs it left out', async () => {
    const result = diagnoseMac('payDirect', page(), await webMac(KEY_HEX, `${RIGHT}&https://shop.example/ok.html`), TEST_KEY);
    const finding = only(result, ['extra-field']);
    expect(finding.explanation.en).to.contain('NB_RETURN');
    // NB_VERSION, NB_RETURN, NB_KVV and the first five inputs are tried; the other 115 inputs are listed.
    expect(result.leftOut).to.deep.equal(Array.from({ length: 115 }, (_, i) => `input_${i + 5}`));
  });

});

describe('diagnoseMac: nothing explains it', () => {
  it('returns no findings, says so, and lists what was tried', () => {
    const result = diagnoseMac('payDirect', FORM, '0123456789ABCDEF0123456789ABCDEF', TEST_KEY);
    expect(result.status).to.equal('unexplained');
    expect(result.findings).to.deep.equal([]);
    expect(result.message.en).to.match(/none of the [\d,]+ candidates tried explains it/);
    expect(result.message.sv).to.match(/^MAC:en stämmer inte, och ingen av de [\d\u00a0]+ kandidater som prövades förklarar varför/);
    expect(result.candidates).to.be.greaterThan(1000);
    expect(result.candidatesPerSecond).to.be.greaterThan(0);
    const tried = result.tried.filter((t) => t.candidates > 0).map((t) => t.cause);
    for (const cause of ['amount-format', 'key-as-text', 'whitespace', 'field-order', 'missing-field', 'extra-field', 'separator', 'plain-hash', 'other-kind', 'key-appended'])
      expect(tried).to.include(cause);
    // Bounded: it stops after three mistakes; a message alone leaves none of its fields out.
    expect(result.candidates).to.be.lessThan(400_000);
    expect(result.leftOut).to.deep.equal([]);
  });
});

describe('diagnoseMac: bad input', () => {
  const fail = (fn: () => unknown): EbetError => {
    try {
      fn();
    } catch (error) {
      expect(error).to.be.instanceOf(EbetError);
      return error as EbetError;
    }
    throw new Error('expected an EbetError');
  };

  it('a MAC that is not hex names NB_HMAC and the character', () => {
    const error = fail(() => diagnoseMac('payDirect', FORM, '26D07B3BF8A13342 5FEFFC79B1AAA4BZ', TEST_KEY));
    expect(error.field).to.equal('NB_HMAC');
    expect(error.text.en).to.contain('"Z"');
  });

  it('readHexValue names what is wrong with a typed MAC or KVV', () => {
    expect(readHexValue('ff36 5893 d899 291c 3bf5 05fb 3175 e880', 'NB_KVV')).to.equal('ff365893d899291c3bf505fb3175e880');
    expect(fail(() => readHexValue('FF36 5893', 'NB_KVV')).text.en).to.equal('The KVV has 8 hexadecimal characters; it needs exactly 32');
    expect(fail(() => readHexValue('FF36 589Q', 'NB_KVV')).text.sv).to.contain('KVV:ns tecken ”Q” på position 8');
    expect(fail(() => readHexValue(TEST_KVV + TEST_KVV, 'NB_KVV')).field).to.equal('NB_KVV');
    expect(readHexValue(TEST_KVV + TEST_KVV, 'NB_HMAC')).to.have.length(64);
    expect(readHexValue(`${TEST_KVV}ABCDEF01`, 'NB_HMAC')).to.have.length(40);
    expect(readHexValue('JtB7O/ihM0Jf7/x5saqktQ==', 'NB_HMAC')).to.equal('JtB7O/ihM0Jf7/x5saqktQ==');
    expect(readHexValue('JtB7O_ihM0Jf7_x5saqktQ', 'NB_HMAC')).to.equal('JtB7O_ihM0Jf7_x5saqktQ');
    expect(fail(() => readHexValue('JtB7O/ihM0Jf7/x5saqktQ==', 'NB_KVV')).code).to.equal('kvv-not-hex');
    // All hexadecimal digits: read as a hexadecimal MAC of the wrong length, never as base64.
    expect(fail(() => readHexValue('0123456789ABCDEF012345', 'NB_HMAC')).code).to.equal('mac-length');
    expect(fail(() => readHexValue(' ', 'NB_HMAC')).code).to.equal('mac-missing');
  });

  it('a MAC of the wrong length', () => {
    expect(fail(() => diagnoseMac('payDirect', FORM, 'ABCDEF', TEST_KEY)).code).to.equal('mac-length');
  });

  it('a key of the wrong length names the key', () => {
    expect(fail(() => diagnoseMac('payDirect', FORM, TEST_KVV, '1234')).field).to.equal('key');
  });

  it('an ERR answer has no MAC to diagnose', () => {
    const error = fail(() => diagnoseMac('paymentCheckResponse', { NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '1' }, TEST_KVV, TEST_KEY));
    expect(error.code).to.equal('no-mac');
  });
});

describe('readCalculatorCase: the calculator’s #case= link', () => {
  const b64url = (json: string) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(json))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  it('reads what calculatorCase writes, non-ASCII included', () => {
    const fields = { ...FORM, NB_STAMP: 'Åsa-1', NB_HMAC: '26D07B3BF8A133425FEFFC79B1AAA4B5' };
    const { case: opened, error } = readCalculatorCase(`#${calculatorCase('payDirect', fields, 'iso-8859-1')}`);
    expect(error).to.equal(null);
    expect(opened).to.deep.equal({ kind: 'payDirect', fields, mac: '26D07B3BF8A133425FEFFC79B1AAA4B5', encoding: 'iso-8859-1' });
  });

  it('reads a link written by another tool (standard base64url), and ignores a key in it', () => {
    const json = JSON.stringify({ kind: 'paymentCheck', fields: { NB_RCV_ID: '999999' }, mac: 'AB', encoding: 'utf-8', key: KEY_HEX });
    const { case: opened } = readCalculatorCase(`#case=${b64url(json)}`);
    expect(opened).to.deep.equal({ kind: 'paymentCheck', fields: { NB_RCV_ID: '999999' }, mac: 'AB', encoding: 'utf-8' });
    expect(JSON.stringify(opened)).to.not.contain(KEY_HEX);
  });

  it('returns no case for another fragment, and an error for a broken one', () => {
    expect(readCalculatorCase('#top')).to.deep.equal({ case: null, error: null });
    expect(readCalculatorCase('')).to.deep.equal({ case: null, error: null });
    expect(readCalculatorCase('#case=%%%').error?.en).to.contain('could not be read');
    expect(readCalculatorCase(`#case=${b64url('{"kind":')}`).error?.sv).to.contain('kunde inte läsas');
    expect(readCalculatorCase(`#case=${b64url('[1]')}`).case?.fields).to.deep.equal({});
  });
});
