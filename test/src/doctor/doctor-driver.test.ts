// The doctor's driver (diagnoseMac) on the smallest signed message, a payment check of two values,
// where a whole search takes milliseconds: every field of the result asserted whole — status,
// words in both languages, the expected MAC, the key and date chosen, the policy's notes, each
// finding as a reader would redo it (WebCrypto), and how many candidates each cause was tried in.
import { expect } from '@esm-bundle/chai';
import { diagnoseMac, type Diagnosis, type DoctorCause } from '../../../src/doctor/index.ts';
import { TEST_KEY, TEST_KVV } from '../../../src/protocol/key.ts';
import { hexToBase64, hexToBytes, latin1, webHmac, webMac } from '../../support/webcrypto.ts';

const KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';
const OTHER_KEY = '00112233445566778899AABBCCDDEEFF';
const CHECK = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002' };
/** HMAC-SHA256 of "999999&00002" under the test key, first 32 characters (also the other-kind example's, by node:crypto). */
const RIGHT_MAC = '63E109CFCDA75E201847F6926FBA47E0';
const KVV_GROUPED = 'FF36 5893 D899 291C 3BF5 05FB 3175 E880';
/** The other key's KVV by node:crypto: createHmac('sha256', Buffer.from(key, 'hex')).update('00000000'), first 32 characters. */
const OTHER_KVV = '1C53FD715A183AC598D3FEF45719C96F';
const OTHER_KVV_GROUPED = '1C53 FD71 5A18 3AC5 98D3 FEF4 5719 C96F';
const THE_KEY = { en: `the key, its 16 decoded bytes (KVV ${KVV_GROUPED})`, sv: `nyckeln, dess 16 avkodade byte (KVV ${KVV_GROUPED})` };
const DATE = { date: '2026-01-01' };

/** What a whole result on CHECK says when nothing explains or changes it: the test key, dated, no NB_KVV. */
const ON_CHECK = {
  kind: 'paymentCheck',
  encoding: 'utf-8',
  expectedString: '999999&00002',
  expectedMac: RIGHT_MAC,
  keyIndex: 0,
  date: '2026-01-01',
  notes: [['kvv-missing', 'error', 'NB_KVV']],
  findings: [],
  leftOut: [],
  warnings: [],
};

/** The result without its timing, `tried` as the causes tried at all. */
function whole(result: Diagnosis) {
  const { elapsedMs, candidatesPerSecond, tried, notes, ...rest } = result;
  expect(elapsedMs).to.be.at.least(0);
  expect(candidatesPerSecond).to.be.at.least(0);
  for (const t of tried) expect(t.detail.en.length, t.cause).to.be.greaterThan(10);
  return { ...rest, notes: notes.map((n) => [n.code, n.level, n.field]), tried: Object.fromEntries(tried.filter((t) => t.candidates > 0).map((t) => [t.cause, t.candidates])) };
}

const causesOf = (result: Diagnosis): DoctorCause[][] => result.findings.map((f) => [...f.causes]);

describe('diagnoseMac: a MAC that verifies', () => {
  it('says so, with the string, the encoding and the key, and has tried nothing else', async () => {
    expect(await webMac(KEY_HEX, '999999&00002')).to.equal(RIGHT_MAC);
    expect(whole(diagnoseMac('paymentCheck', CHECK, RIGHT_MAC, TEST_KEY, DATE))).to.deep.equal({
      status: 'correct',
      message: {
        en: `The MAC is correct: it verifies for "999999&00002" in UTF-8 with ${THE_KEY.en}.`,
        sv: `MAC:en är korrekt: den stämmer för ”999999&00002” i UTF-8 med ${THE_KEY.sv}.`,
      },
      ...ON_CHECK,
      givenMac: RIGHT_MAC,
      candidates: 1,
      tried: {},
    });
  });

  it('names the character set the input declares, and the verifying key of an undated ring', async () => {
    const stamp = { ...CHECK, NB_STAMP: 'Å1', NB_KVV: OTHER_KVV };
    const given = await webMac(OTHER_KEY, latin1('999999&Å1'));
    const result = diagnoseMac('paymentCheck', stamp, given, [TEST_KEY, OTHER_KEY], { ...DATE, declared: { encoding: 'iso-8859-1', source: 'content-type' } });
    expect(result.status).to.equal('correct');
    expect(result.encoding).to.equal('iso-8859-1');
    expect(result.keyIndex).to.equal(1);
    expect(result.expectedMac).to.equal(given);
    // NB_KVV is checked against the key that verifies, as verifyMessage does.
    expect(result.notes).to.deep.equal([]);
    expect(result.message).to.deep.equal({
      en: `The MAC is correct: it verifies for "999999&Å1" in ISO-8859-1 (Latin-1) (declared by its Content-Type) with key 2 of the ring, its 16 decoded bytes (KVV ${OTHER_KVV_GROUPED}).`,
      sv: `MAC:en är korrekt: den stämmer för ”999999&Å1” i ISO-8859-1 (Latin-1) (angiven i Content-Type) med nyckel 2 i nyckelringen, dess 16 avkodade byte (KVV ${OTHER_KVV_GROUPED}).`,
    });
  });

  it('the policy’s notes: how NB_HMAC and NB_KVV are written, an "&" in a signed value, NB_KVV against the key', async () => {
    const fields = { ...CHECK, NB_STAMP: 'a&b', NB_KVV: `${TEST_KVV.slice(0, 16).toLowerCase()} ${TEST_KVV.slice(16)}` };
    const given = (await webMac(KEY_HEX, '999999&a&b')).toLowerCase();
    const result = diagnoseMac('paymentCheck', fields, given, TEST_KEY, DATE);
    expect(result.status).to.equal('correct');
    expect(result.notes.map((n) => [n.code, n.level, n.field])).to.deep.equal([
      ['hex-case', 'warning', 'NB_HMAC'],
      ['hex-spacing', 'warning', 'NB_KVV'],
      ['hex-case', 'warning', 'NB_KVV'],
      ['signed-ampersand', 'info', 'NB_STAMP'],
    ]);
    const wrongKvv = diagnoseMac('paymentCheck', { ...CHECK, NB_KVV: OTHER_KVV }, RIGHT_MAC, TEST_KEY, DATE);
    expect(wrongKvv.notes.map((n) => [n.code, n.level, n.field])).to.deep.equal([['kvv-mismatch', 'error', 'NB_KVV']]);
  });
});

describe('diagnoseMac: the right MAC written otherwise, explained without a search', () => {
  it('the full 64 characters, or base64: one finding, the KVV not compared', async () => {
    const full = await webHmac(hexToBytes(KEY_HEX), '999999&00002');
    for (const [given, causes] of [
      [full, ['untruncated']],
      [hexToBase64(RIGHT_MAC), ['base64']],
      [hexToBase64(full, true), ['untruncated', 'base64']],
    ] as const) {
      const result = diagnoseMac('paymentCheck', CHECK, given, TEST_KEY, DATE);
      expect(result.status, given).to.equal('explained');
      expect(causesOf(result), given).to.deep.equal([causes]);
      expect(result.findings[0]!.mac).to.equal(given);
      expect(result.findings[0]!.digest).to.equal(full);
      expect(result.expectedMac, given).to.equal(RIGHT_MAC);
      expect(result.candidates, given).to.equal(1);
      expect(whole(result).tried, given).to.deep.equal({});
    }
  });
});

describe('diagnoseMac: the KVV sent as the MAC', () => {
  it('names the key whose KVV it is, in any case, and says what NB_HMAC must be', () => {
    const given = TEST_KVV.toLowerCase();
    const result = diagnoseMac('paymentCheck', CHECK, given, [OTHER_KEY, TEST_KEY], DATE);
    const expectedMac = result.expectedMac!;
    expect(whole(result)).to.deep.equal({
      status: 'explained',
      message: { en: 'The MAC does not verify; one explanation was found, and it reproduces the MAC exactly.', sv: 'MAC:en stämmer inte; en förklaring hittades, och den ger exakt samma MAC.' },
      kind: 'paymentCheck',
      encoding: 'utf-8',
      givenMac: given,
      expectedString: '999999&00002',
      expectedMac,
      keyIndex: 0,
      date: '2026-01-01',
      notes: [
        ['kvv-missing', 'error', 'NB_KVV'],
        ['hex-case', 'warning', 'NB_HMAC'],
      ],
      findings: [
        {
          causes: ['kvv-as-mac'],
          explanation: {
            en: `The given MAC is the KVV of key 2 of the ring, its 16 decoded bytes (KVV ${KVV_GROUPED}): NB_KVV's value was put in NB_HMAC.`,
            sv: `Den angivna MAC:en är KVV:n för nyckel 2 i nyckelringen, dess 16 avkodade byte (KVV ${KVV_GROUPED}): värdet i NB_KVV har skickats i NB_HMAC.`,
          },
          fix: { en: `NB_HMAC must be the MAC of the fields: ${expectedMac}.`, sv: `NB_HMAC ska vara fältens MAC: ${expectedMac}.` },
          string: '00000000',
          encoding: 'utf-8',
          bytesHex: '3030303030303030',
          key: {
            index: 1,
            use: 'bytes',
            kvv: TEST_KVV,
            label: { en: `key 2 of the ring, its 16 decoded bytes (KVV ${KVV_GROUPED})`, sv: `nyckel 2 i nyckelringen, dess 16 avkodade byte (KVV ${KVV_GROUPED})` },
          },
          algorithm: 'HMAC-SHA256',
          digest: TEST_KVV,
          mac: given,
        },
      ],
      leftOut: [],
      warnings: [],
      // The verification under both keys of the undated ring, then both KVVs.
      candidates: 4,
      tried: { 'kvv-as-mac': 2 },
    });
  });

  it('searches nothing else once the KVV explains it: no field of a page left out', () => {
    const page: Record<string, string> = { ...CHECK };
    for (let i = 0; i < 12; i++) page[`input_${i}`] = String(i);
    const result = diagnoseMac('paymentCheck', page, TEST_KVV, TEST_KEY, DATE);
    expect([causesOf(result), result.leftOut, result.candidates]).to.deep.equal([[['kvv-as-mac']], [], 2]);
  });

  it('with no key valid on the date, the fix says there is no MAC to give', () => {
    const ring = [{ key: TEST_KEY, to: '2025-12-31' }, { key: OTHER_KEY, from: '2026-02-01' }];
    const result = diagnoseMac('paymentCheck', CHECK, TEST_KVV, ring, DATE);
    expect(result.expectedMac).to.equal(null);
    expect(result.keyIndex).to.equal(-1);
    expect(result.findings[0]!.fix).to.deep.equal({ en: 'NB_HMAC must be the MAC of the fields: —.', sv: 'NB_HMAC ska vara fältens MAC: —.' });
    expect(result.findings[0]!.explanation.en).to.contain('the KVV of key 1 of the ring');
    expect(result.warnings).to.deep.equal([{ en: 'No key in the ring is valid on 2026-01-01', sv: 'Ingen nyckel i nyckelringen gäller 2026-01-01' }]);
  });
});

describe('diagnoseMac: the search, bounded and counted', () => {
  it('nothing explains it: every stage up to three mistakes, each cause counted', () => {
    // NB_HMAC in the form is never a candidate field.
    const result = diagnoseMac('paymentCheck', { ...CHECK, NB_HMAC: '0123456789ABCDEF0123456789ABCDEF' }, '0123456789ABCDEF0123456789ABCDEF', TEST_KEY, DATE);
    // What is tried for "999999&00002" under one key typed with spaces, a 16-byte MAC, all ASCII:
    // key variants — 0 mistakes: the key's bytes under HMAC-SHA256 (1); 1 mistake: the key as text
    // in its 3 spellings, HMAC-MD5, HMAC-SHA512 (5) and 30 plain hashes (plain-hash: 3 arrangements
    // x 4 spellings; key-appended: 6 x 3 text spellings); 2 mistakes: 3 spellings x MD5/SHA-512 (6);
    // with two string mistakes only the 3 spellings under HMAC-SHA256.
    // Strings — 10 whitespace tweaks; 23 shapes: 1 order, 3 left out (2 pair), 4 extra (NB_VERSION
    // at 3 places, the whole form; 3 pair), 15 separators (14 pair with shapes, all with tweaks).
    // Two mistakes: 10 x 21 tweak+shape, 93 shape pairs = 303.
    // Stage 0: 1 (+ 1 KVV); stage 1: 33 x 1 + 1 x 35; stage 2: 303 x 1 + (31 x 35 + 2 x 5) + 1 x 6;
    // stage 3: 303 x 3 + 33 x 6.
    expect(whole(result)).to.deep.equal({
      status: 'unexplained',
      message: {
        en: 'The MAC does not verify and none of the 2,581 candidates tried explains it: check the key (compare its KVV), then the values character by character.',
        sv: 'MAC:en stämmer inte, och ingen av de 2\u00a0581 kandidater som prövades förklarar varför: kontrollera nyckeln (jämför dess KVV) och sedan värdena tecken för tecken.',
      },
      ...ON_CHECK,
      givenMac: '0123456789ABCDEF0123456789ABCDEF',
      candidates: 2581,
      tried: {
        'key-as-text': 1215,
        whitespace: 1260,
        'field-order': 150,
        'missing-field': 312,
        'extra-field': 462,
        separator: 1566,
        'plain-hash': 384,
        'kvv-as-mac': 1,
        'hmac-md5': 136,
        'hmac-sha512': 136,
        'key-appended': 576,
      },
    });
  });

  it('a value ISO-8859-1 cannot hold: the other encoding is tried for no candidate', () => {
    const result = diagnoseMac('paymentCheck', { ...CHECK, NB_STAMP: '€1' }, '0123456789ABCDEF0123456789ABCDEF', TEST_KEY, DATE);
    expect([result.status, result.candidates]).to.deep.equal(['unexplained', 2581]);
    expect(result.tried.find((t) => t.cause === 'encoding')!.candidates).to.equal(0);
  });

  it('a string two mistakes make alike is one finding (NB_VERSION signed first is also the whole form here)', async () => {
    const given = await webMac(KEY_HEX, '0002&999999&00002');
    const result = diagnoseMac('paymentCheck', CHECK, given, TEST_KEY, DATE);
    expect(result.findings.map((f) => [f.causes, f.explanation.en])).to.deep.equal([
      [['extra-field'], 'NB_VERSION ("0002") was signed as well, as value 1 of 3; it is not part of this message’s MAC.'],
    ]);
  });

  it('unexplained in a declared character set says which, and tries the other encoding where a candidate is not ASCII', () => {
    const result = diagnoseMac('paymentCheck', { ...CHECK, NB_STAMP: 'Å' }, '0123456789ABCDEF0123456789ABCDEF', TEST_KEY, { ...DATE, declared: { encoding: 'iso-8859-1', source: 'meta' } });
    expect(result.status).to.equal('unexplained');
    // The 2,581 of the ASCII case in ISO-8859-1, and in UTF-8 every candidate that keeps "Å" (31 of 33 strings with one
    // mistake, 276 of 303 with two; all but NB_STAMP or both left out): stage 1: 1 x 1; stage 2: 31 x 1 + 1 x 35;
    // stage 3: 276 x 1 + 31 x 3 (another encoding and a string mistake: the common key mistakes only) + 1 x 6.
    expect([result.candidates, result.tried.find((t) => t.cause === 'encoding')!.candidates]).to.deep.equal([2581 + 442, 442]);
    expect(result.message.en).to.match(/^The MAC does not verify in ISO-8859-1 \(Latin-1\) \(declared by the page’s <meta charset>\) and none of the [\d,]+ candidates/);
    expect(result.message.sv).to.match(/^MAC:en stämmer inte i ISO-8859-1 \(Latin-1\) \(angiven i sidans <meta charset>\), och ingen av de [\d\u00a0]+ kandidater/);
    // Not ASCII: the other encoding is tried as well.
    expect(result.tried.find((t) => t.cause === 'encoding')!.candidates).to.be.greaterThan(0);
  });

  it('a MAC in base64 is not compared with the KVV', async () => {
    const given = hexToBase64(await webMac(KEY_HEX, '999999|00002'), true);
    const result = diagnoseMac('paymentCheck', CHECK, given, TEST_KEY, DATE);
    expect([causesOf(result), result.candidates]).to.deep.equal([[['separator', 'base64']], 1 + 68]);
    expect(result.findings[0]!.explanation).to.deep.equal({
      en: 'The values were joined by "|" instead of "&". The MAC was sent in base64url instead of hexadecimal: NB_HMAC is written as upper-case hexadecimal characters.',
      sv: 'Värdena sammanfogades med ”|” i stället för ”&”. MAC:en skickades i base64url i stället för hexadecimalt: NB_HMAC skrivs med versala hexadecimala tecken.',
    });
  });

  it('stops after the stage that explains it: one mistake found among 68 candidates of stage 1', async () => {
    const given = await webMac(KEY_HEX, '999999|00002');
    const result = diagnoseMac('paymentCheck', CHECK, given, TEST_KEY, DATE);
    expect(result.candidates).to.equal(1 + 1 + 68);
    expect(whole(result).findings).to.deep.equal([
      {
        causes: ['separator'],
        explanation: { en: 'The values were joined by "|" instead of "&".', sv: 'Värdena sammanfogades med ”|” i stället för ”&”.' },
        fix: {
          en: `Sign "999999&00002" in UTF-8 with ${THE_KEY.en}: NB_HMAC = ${RIGHT_MAC}.`,
          sv: `Signera ”999999&00002” i UTF-8 med ${THE_KEY.sv}: NB_HMAC = ${RIGHT_MAC}.`,
        },
        string: '999999|00002',
        encoding: 'utf-8',
        bytesHex: '3939393939397C3030303032',
        key: { index: 0, use: 'bytes', kvv: TEST_KVV, label: THE_KEY },
        algorithm: 'HMAC-SHA256',
        digest: await webHmac(hexToBytes(KEY_HEX), '999999|00002'),
        mac: given,
      },
    ]);
  });

  it('every explanation of the stage, counted in the message', async () => {
    // The same key typed twice in an undated ring: its text is the MAC's key under either entry.
    const given = (await webHmac(latin1(KEY_HEX), '999999&00002')).slice(0, 32);
    const result = diagnoseMac('paymentCheck', CHECK, given, [KEY_HEX, KEY_HEX.toLowerCase()], DATE);
    expect(result.findings.map((f) => [f.causes, f.key.index, f.key.use])).to.deep.equal([
      [['key-as-text'], 0, 'text-upper'],
      [['key-as-text'], 1, 'text-upper'],
    ]);
    expect(result.findings[1]!.explanation.en).to.equal(
      'The key was used as its 32 characters of text (upper case) instead of the 16 bytes its hexadecimal digits stand for: decode the key from hex before using it.',
    );
    expect(result.findings[1]!.key.label.en).to.equal(`key 2 of the ring, its 32 characters as ASCII text, upper case (KVV ${KVV_GROUPED})`);
    expect(result.message).to.deep.equal({
      en: 'The MAC does not verify; 2 explanations were found, each reproducing the MAC exactly.',
      sv: 'MAC:en stämmer inte; 2 förklaringar hittades, och var och en ger exakt samma MAC.',
    });
  });

  it('labels each key use in both languages', async () => {
    const lower = (await webHmac(latin1(KEY_HEX.toLowerCase()), '999999&00002')).slice(0, 32);
    expect(diagnoseMac('paymentCheck', CHECK, lower, TEST_KEY, DATE).findings[0]!.key.label).to.deep.equal({
      en: `the key, its 32 characters as ASCII text, lower case (KVV ${KVV_GROUPED})`,
      sv: `nyckeln, dess 32 tecken som ASCII-text, gemener (KVV ${KVV_GROUPED})`,
    });
    const typed = (await webHmac(latin1(TEST_KEY), '999999&00002')).slice(0, 32);
    expect(diagnoseMac('paymentCheck', CHECK, typed, TEST_KEY, DATE).findings[0]!.key.label).to.deep.equal({
      en: `the key, its characters as typed (with spaces) as ASCII text (KVV ${KVV_GROUPED})`,
      sv: `nyckeln, dess tecken som de skrevs in (med mellanslag), som ASCII-text (KVV ${KVV_GROUPED})`,
    });
    const upper = (await webHmac(latin1(KEY_HEX), '999999&00002')).slice(0, 32);
    expect(diagnoseMac('paymentCheck', CHECK, upper, TEST_KEY, DATE).findings[0]!.key.label.sv).to.equal(`nyckeln, dess 32 tecken som ASCII-text, versaler (KVV ${KVV_GROUPED})`);
  });
});

describe('diagnoseMac: what the MAC’s length and writing allow', () => {
  // "999999&00021": its HMAC-SHA256 under the test key starts with one 0 (WebCrypto checks it below).
  const ZERO_LED = { ...CHECK, NB_STAMP: '00021' };

  it('a leading zero dropped: the 32 characters after it explain the MAC, with its digest in full', async () => {
    const full = await webHmac(hexToBytes(KEY_HEX), '999999&00021');
    expect(full).to.match(/^0[1-9A-F]/);
    const result = diagnoseMac('paymentCheck', ZERO_LED, full.slice(1, 33), TEST_KEY, DATE);
    expect(result.findings.map((f) => [f.causes, f.digest, f.mac])).to.deep.equal([[['dropped-zero'], full, full.slice(1, 33)]]);
    expect(result.candidates).to.equal(1);
  });

  it('not when its last character is not the digest’s next one', async () => {
    const full = await webHmac(hexToBytes(KEY_HEX), '999999&00021');
    const last = full[33] === 'F' ? 'E' : 'F';
    const result = diagnoseMac('paymentCheck', ZERO_LED, `${full.slice(1, 32)}${last}`, TEST_KEY, DATE);
    expect(result.status).to.equal('unexplained');
  });

  it('a dropped zero is read off 32 characters only: 64 characters shifted by one are not the full HMAC', async () => {
    const full = await webHmac(hexToBytes(KEY_HEX), '999999&00021');
    const result = diagnoseMac('paymentCheck', ZERO_LED, `${full.slice(1)}A`, TEST_KEY, DATE);
    expect(result.status).to.equal('unexplained');
  });

  it('40 characters: HMAC-SHA1 only, and SHA-1 with the key appended', async () => {
    const given = await webHmac(hexToBytes(KEY_HEX), '999999&00002', 'SHA-1');
    const result = diagnoseMac('paymentCheck', CHECK, given, TEST_KEY, DATE);
    expect(causesOf(result)).to.deep.equal([['hmac-sha1']]);
    // Stage 1 on the string as given: HMAC-SHA1 under the key's bytes, SHA-1 with each of 3 text spellings appended 4 ways
    // (HMAC-SHA1 under a text spelling is two mistakes).
    expect([result.candidates, whole(result).tried]).to.deep.equal([13, { 'hmac-sha1': 1, 'key-appended': 12 }]);
  });

  it('40 characters nothing explains: every stage with the variants a 20-byte MAC allows', () => {
    const result = diagnoseMac('paymentCheck', CHECK, '0123456789ABCDEF0123456789ABCDEF01234567', TEST_KEY, DATE);
    // Variants: 0 mistakes none; 1: HMAC-SHA1 under the bytes, 12 SHA-1 appended; 2: HMAC-SHA1 under the 3 spellings.
    // Stage 1: 1 x 13; stage 2: (31 x 13 + 2 x 1) + 1 x 3; stage 3: 303 x 1 + 33 x 3.
    expect(result.candidates).to.equal(823);
    const tried = whole(result).tried;
    expect([tried['hmac-sha1'], tried['key-as-text'], tried['key-appended'], tried.whitespace]).to.deep.equal([439, 102, 384, 370]);
  });
});

describe('diagnoseMac: the key for the date, and what the fix says', () => {
  const ring = [
    { key: TEST_KEY, to: '2026-06-30' },
    { key: OTHER_KEY, from: '2026-07-01' },
  ];

  it('a request: today in Sweden (after midnight there while it is still the day before in UTC)', async () => {
    const given = await webMac(OTHER_KEY, '999999&00002');
    const now = new Date('2026-06-30T22:30:00Z');
    const result = diagnoseMac('paymentCheck', CHECK, given, ring, { now });
    expect([result.status, result.date, result.keyIndex]).to.deep.equal(['correct', '2026-07-01', 1]);
    expect(result.warnings.map((w) => w.en)).to.deep.equal([
      '2026-07-01 is a key change-over day: keys change at the date boundary with no overlap, so a message from near midnight may be signed with the neighbouring key',
    ]);
    // A date given wins over the clock.
    expect(diagnoseMac('paymentCheck', CHECK, given, ring, { now, date: '2026-06-01' }).keyIndex).to.equal(0);
  });

  it('a ring with one dated key: only the undated one is valid after the other’s period', async () => {
    const ring = [{ key: OTHER_KEY, to: '2025-12-31' }, TEST_KEY];
    expect(diagnoseMac('paymentCheck', CHECK, RIGHT_MAC, ring, DATE).keyIndex).to.equal(1);
    const expired = diagnoseMac('paymentCheck', CHECK, await webMac(OTHER_KEY, '999999&00002'), ring, DATE);
    expect([expired.keyIndex, causesOf(expired), expired.warnings]).to.deep.equal([1, [['other-key']], []]);
  });

  it('one key with a period is the key, whatever the date', async () => {
    const result = diagnoseMac('paymentCheck', CHECK, RIGHT_MAC, [{ key: TEST_KEY, from: '2027-01-01' }], DATE);
    expect([result.status, result.keyIndex, result.warnings]).to.deep.equal(['correct', 0, []]);
  });

  it('an answer: the date of its NB_PAID, and a fix that says the bank signed right', async () => {
    const answer = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: '7', NB_PAID: '20260701120000' };
    const given = await webMac(OTHER_KEY, 'YES&7&20260701120000 ');
    const result = diagnoseMac('paymentCheckResponse', answer, given, ring);
    expect([result.date, result.keyIndex, result.expectedString]).to.deep.equal(['2026-07-01', 1, 'YES&7&20260701120000']);
    const expected = await webMac(OTHER_KEY, 'YES&7&20260701120000');
    expect(result.findings.map((f) => [f.causes, f.string])).to.deep.equal([[['whitespace'], 'YES&7&20260701120000 ']]);
    expect(result.findings[0]!.fix).to.deep.equal({
      en: `The bank signed right: NB_HMAC is the MAC of "YES&7&20260701120000 ". Verify the answer exactly as the bank posted it (no trimming, reformatting or re-encoding on your side); as you have it, the string is "YES&7&20260701120000" and its MAC would be ${expected}.`,
      sv: `Banken signerade rätt: NB_HMAC är MAC:en för ”YES&7&20260701120000 ”. Kontrollera svaret exakt som banken skickade det (utan att något hos dig tar bort blanktecken, formaterar om eller byter teckenkodning); i din kopia är strängen ”YES&7&20260701120000” och MAC:en blir ${expected}.`,
    });
  });

  it('no key valid on the date: the MAC made with another key of the ring, and a fix that asks for the key', async () => {
    const given = await webMac(OTHER_KEY, '999999&00002');
    const result = diagnoseMac('paymentCheck', CHECK, given, [{ key: TEST_KEY, to: '2025-12-31' }, { key: OTHER_KEY, from: '2026-02-01' }], DATE);
    expect([result.expectedMac, result.keyIndex]).to.deep.equal([null, -1]);
    expect(result.findings.map((f) => [f.causes, f.key.index])).to.deep.equal([[['other-key'], 1]]);
    expect(result.findings[0]!.fix).to.deep.equal({
      en: 'No key of the ring is valid on 2026-01-01: add the key for that date, then sign "999999&00002".',
      sv: 'Ingen nyckel i nyckelringen gäller 2026-01-01: lägg till nyckeln för det datumet och signera sedan ”999999&00002”.',
    });
  });

  it('an answer whose key is not valid on its date: the fix asks for the key too', async () => {
    const answer = { NB_VERIFIED: 'NO', NB_RETURN_STAMP: '7' };
    const given = await webMac(TEST_KEY, 'NO|7');
    const result = diagnoseMac('paymentCheckResponse', answer, given, [{ key: TEST_KEY, to: '2025-12-31' }, { key: OTHER_KEY, from: '2026-02-01' }], DATE);
    expect(result.findings.map((f) => f.causes)).to.deep.equal([['separator', 'other-key']]);
    expect(result.findings[0]!.fix.en).to.equal('No key of the ring is valid on 2026-01-01: add the key for that date, then sign "NO&7".');
  });
});

describe('diagnoseMac: an answer without a MAC', () => {
  it('says NB_VERIFIED is ERR, naming the field', () => {
    let thrown: unknown = null;
    try {
      diagnoseMac('repaymentResponse', { NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '7' }, RIGHT_MAC, TEST_KEY, DATE);
    } catch (error) {
      thrown = error;
    }
    const error = thrown as { code: string; field: string; text: { en: string; sv: string } };
    expect([error.code, error.field, error.text]).to.deep.equal([
      'no-mac',
      'NB_VERIFIED',
      {
        en: 'NB_VERIFIED is ERR: the bank computes no MAC for this answer, so there is nothing to check',
        sv: 'NB_VERIFIED är ERR: banken beräknar ingen MAC för detta svar, så det finns inget att kontrollera',
      },
    ]);
  });
});

describe('diagnoseMac: what the values say about how they were read', () => {
  it('a U+FFFD warns after the ring’s own warnings', async () => {
    const ring = [{ key: TEST_KEY, to: '2026-01-01' }, { key: OTHER_KEY, from: '2026-01-02' }];
    const result = diagnoseMac('paymentCheck', { ...CHECK, NB_STAMP: '\ufffd' }, await webMac(KEY_HEX, '999999&\ufffd'), ring, DATE);
    expect(result.status).to.equal('correct');
    expect(result.warnings.map((w) => w.en.split(':')[0])).to.deep.equal(['2026-01-01 is a key change-over day', 'NB_STAMP holds U+FFFD (�), the replacement character']);
  });
});

describe('diagnoseMac: its speed, from the clock it reads', () => {
  function withClock<T>(times: number[], run: () => T): T {
    const clock = globalThis.performance;
    const original = Object.getOwnPropertyDescriptor(clock, 'now');
    Object.defineProperty(clock, 'now', { configurable: true, value: () => times.shift() });
    try {
      return run();
    } finally {
      if (original) Object.defineProperty(clock, 'now', original);
      else delete (clock as { now?: unknown }).now;
    }
  }

  it('candidates per second over the time the diagnosis took', () => {
    const result = withClock([1000, 1250], () => diagnoseMac('paymentCheck', CHECK, TEST_KVV, [TEST_KEY, OTHER_KEY], DATE));
    expect([result.candidates, result.elapsedMs, result.candidatesPerSecond]).to.deep.equal([4, 250, 16]);
    const instant = withClock([5, 5], () => diagnoseMac('paymentCheck', CHECK, TEST_KVV, [TEST_KEY, OTHER_KEY], DATE));
    expect([instant.elapsedMs, instant.candidatesPerSecond]).to.deep.equal([0, 4000]);
  });
});
