// The doctor's key, hash, algorithm and writing causes read straight off their modules: which key
// spellings and ring keys they try, which plain hashes they build (each digest checked against
// WebCrypto, or node:crypto's MD5 written out), which HMAC fits which MAC length, and what they say
// about a MAC as written. No search runs here, so each test takes milliseconds.
import { expect } from '@esm-bundle/chai';
import { CandidateBytes, Pieces, type Mac } from '../../../src/doctor/bytes.ts';
import { base64 } from '../../../src/doctor/causes/base64.ts';
import { droppedZero } from '../../../src/doctor/causes/dropped-zero.ts';
import { encoding } from '../../../src/doctor/causes/encoding.ts';
import { hmacMd5 } from '../../../src/doctor/causes/hmac-md5.ts';
import { hmacSha1 } from '../../../src/doctor/causes/hmac-sha1.ts';
import { hmacSha512 } from '../../../src/doctor/causes/hmac-sha512.ts';
import { keyAppended } from '../../../src/doctor/causes/key-appended.ts';
import { keyAsText, keySpellings } from '../../../src/doctor/causes/key-as-text.ts';
import { lowercaseHex } from '../../../src/doctor/causes/lowercase-hex.ts';
import { otherKey } from '../../../src/doctor/causes/other-key.ts';
import { plainHash } from '../../../src/doctor/causes/plain-hash.ts';
import { untruncated } from '../../../src/doctor/causes/untruncated.ts';
import { readGivenMac } from '../../../src/doctor/given.ts';
import { causeIndex, causesOf, CAUSE_CODES, pairs, REGISTRY } from '../../../src/doctor/registry.ts';
import type { KeyUse, KeyUseOf, RingContext } from '../../../src/doctor/types.ts';
import { computeKvv, TEST_KEY, TEST_KVV } from '../../../src/protocol/key.ts';
import { text } from '../../../src/protocol/text.ts';
import { digestHex, hexToBytes, latin1 } from '../../support/webcrypto.ts';

const KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';
const OTHER_KEY = '00112233445566778899AABBCCDDEEFF';
const RIGHT = '999999&00002&899,00&SEK&123450';
const KVV_GROUPED = 'FF36 5893 D899 291C 3BF5 05FB 3175 E880';
/** The other key's KVV by node:crypto (HMAC-SHA256 of "00000000"), grouped. */
const OTHER_KVV_GROUPED = '1C53 FD71 5A18 3AC5 98D3 FEF4 5719 C96F';

/** A ring as the key causes see it; a key's label names its place and use only. */
function ringContext(ring: RingContext['ring'], acceptable: number[], date: string | null): RingContext {
  const kvvs = ring.map((e) => computeKvv(e.key));
  return {
    ring,
    acceptable,
    keyIndex: acceptable[0] ?? -1,
    date,
    kvvs,
    interpretation: (index: number, use: KeyUse) => ({ index, use, kvv: kvvs[index]!, label: text(`key ${index} ${use}`, `nyckel ${index} ${use}`) }),
  };
}

/** A candidate's digest under a MAC, in upper-case hexadecimal (the whole digest). */
function digestOf(mac: Mac, string: string): string {
  const bytes = new CandidateBytes();
  const length = bytes.write([new Pieces().of(string)], 'utf-8');
  return [...mac.compute(bytes, length).subarray(0, mac.outputLen)].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

const asText = (value: string, use: KeyUse): KeyUseOf => ({
  interpretation: { index: 0, use, kvv: TEST_KVV, label: text('k', 'n') },
  cause: use === 'bytes' ? null : 'key-as-text',
  raw: use === 'bytes' ? hexToBytes(value) : latin1(value),
  say: null,
});

describe('key-as-text: each spelling of the key once', () => {
  it('upper case, lower case, and as typed only when that is a third spelling', () => {
    const upper = KEY_HEX;
    const lower = KEY_HEX.toLowerCase();
    expect(keySpellings(TEST_KEY)).to.deep.equal([
      [upper, 'text-upper'],
      [lower, 'text-lower'],
      [TEST_KEY, 'text-as-typed'],
    ]);
    expect(keySpellings(KEY_HEX)).to.deep.equal([
      [upper, 'text-upper'],
      [lower, 'text-lower'],
    ]);
    expect(keySpellings(` ${lower}\n`)).to.deep.equal([
      [upper, 'text-upper'],
      [lower, 'text-lower'],
    ]);
    const mixed = `${lower.slice(0, 16)}${upper.slice(16)}`;
    expect(keySpellings(mixed)).to.deep.equal([
      [upper, 'text-upper'],
      [lower, 'text-lower'],
      [mixed, 'text-as-typed'],
    ]);
  });

  it('the keys valid on the date only, as ASCII bytes, each saying how many characters were used', () => {
    const ring = ringContext([{ key: OTHER_KEY }, { key: TEST_KEY }], [1], null);
    const keys = keyAsText.keys(ring);
    expect(keys.map((k) => [k.interpretation.index, k.interpretation.use, k.cause, new TextDecoder().decode(k.raw)])).to.deep.equal([
      [1, 'text-upper', 'key-as-text', KEY_HEX],
      [1, 'text-lower', 'key-as-text', KEY_HEX.toLowerCase()],
      [1, 'text-as-typed', 'key-as-text', TEST_KEY],
    ]);
    expect(keys[0]!.interpretation.label.en).to.equal('key 1 text-upper');
    expect(keys[1]!.say).to.deep.equal({
      en: 'The key was used as its 32 characters of text (lower case) instead of the 16 bytes its hexadecimal digits stand for: decode the key from hex before using it.',
      sv: 'Nyckelns 32 tecken (gemener) användes som text i stället för de 16 byte som hexsiffrorna står för: avkoda nyckeln från hex innan du använder den.',
    });
    expect(keys[2]!.say).to.deep.equal({
      en: 'The key was used as its 39 characters of text (as typed) instead of the 16 bytes its hexadecimal digits stand for: decode the key from hex before using it.',
      sv: 'Nyckelns 39 tecken (som den skrevs in) användes som text i stället för de 16 byte som hexsiffrorna står för: avkoda nyckeln från hex innan du använder den.',
    });
    expect(keys[0]!.say!.sv).to.contain('(versaler)');
    expect(keyAsText.keys(ringContext([{ key: TEST_KEY }], [], '2026-01-01'))).to.deep.equal([]);
  });
});

describe('other-key: the ring’s keys not valid on the date', () => {
  const ring = [
    { key: TEST_KEY, from: '2026-01-01', to: '2026-06-30' },
    { key: OTHER_KEY, from: '2026-07-01' },
    { key: KEY_HEX.toLowerCase(), to: '2025-12-31' },
  ];

  it('every other key as its bytes, naming its period, its KVV and the key that is valid', () => {
    const keys = otherKey.keys(ringContext(ring, [1], '2026-07-01'));
    expect(keys.map((k) => [k.interpretation.index, k.interpretation.use, k.cause, [...k.raw]])).to.deep.equal([
      [0, 'bytes', 'other-key', [...hexToBytes(KEY_HEX)]],
      [2, 'bytes', 'other-key', [...hexToBytes(KEY_HEX)]],
    ]);
    expect(keys[0]!.say).to.deep.equal({
      en: `It was made with key 1 of the ring (2026-01-01 – 2026-06-30, KVV ${KVV_GROUPED}), not key 2, the key valid on 2026-07-01.`,
      sv: `Den gjordes med nyckel 1 i nyckelringen (2026-01-01 – 2026-06-30, KVV ${KVV_GROUPED}), inte nyckel 2 som gäller 2026-07-01.`,
    });
    expect(keys[1]!.say!.en).to.equal(
      `It was made with key 3 of the ring (… – 2025-12-31, KVV ${KVV_GROUPED}), not key 2, the key valid on 2026-07-01.`,
    );
  });

  it('names the valid key by its place, the first one included, in both languages', () => {
    const [second] = otherKey.keys(ringContext(ring.slice(0, 2), [0], '2026-06-01'));
    expect(second!.say).to.deep.equal({
      en: `It was made with key 2 of the ring (2026-07-01 – …, KVV ${OTHER_KVV_GROUPED}), not key 1, the key valid on 2026-06-01.`,
      sv: `Den gjordes med nyckel 2 i nyckelringen (2026-07-01 – …, KVV ${OTHER_KVV_GROUPED}), inte nyckel 1 som gäller 2026-06-01.`,
    });
    const [third] = otherKey.keys(ringContext([ring[2]!, ring[1]!], [1], '2026-07-01'));
    expect(third!.say!.sv).to.equal(`Den gjordes med nyckel 1 i nyckelringen (… – 2025-12-31, KVV ${KVV_GROUPED}), inte nyckel 2 som gäller 2026-07-01.`);
  });

  it('when no key is valid on the date, every key, saying so', () => {
    const keys = otherKey.keys(ringContext(ring.slice(0, 2), [], '2030-01-01'));
    expect(keys.map((k) => k.interpretation.index)).to.deep.equal([0, 1]);
    expect(keys[1]!.say).to.deep.equal({
      en: `It was made with key 2 of the ring (2026-07-01 – …, KVV ${OTHER_KVV_GROUPED}), while no key of the ring is valid on 2030-01-01.`,
      sv: `Den gjordes med nyckel 2 i nyckelringen (2026-07-01 – …, KVV ${OTHER_KVV_GROUPED}), medan ingen nyckel i nyckelringen gäller 2030-01-01.`,
    });
  });
});

describe('plain-hash: SHA-256 of the string with the key around it', () => {
  it('three arrangements per key spelling, for a MAC of 16 or 32 bytes only; each digest is WebCrypto’s', async () => {
    const keys = [asText(KEY_HEX, 'bytes'), asText(KEY_HEX, 'text-upper')];
    expect(plainHash.variants(keys, 20)).to.deep.equal([]);
    expect(plainHash.variants(keys, 64)).to.deep.equal([]);
    expect(plainHash.variants(keys, 32).map((v) => v.algorithm)).to.have.length(6);
    const found = plainHash.variants(keys, 16);
    expect(found.map((v) => [v.cause, v.algorithm, v.key.interpretation.use])).to.deep.equal([
      ['plain-hash', 'SHA-256(string + key)', 'bytes'],
      ['plain-hash', 'SHA-256(key + string)', 'bytes'],
      ['plain-hash', 'SHA-256(string + "&" + key)', 'bytes'],
      ['plain-hash', 'SHA-256(string + key)', 'text-upper'],
      ['plain-hash', 'SHA-256(key + string)', 'text-upper'],
      ['plain-hash', 'SHA-256(string + "&" + key)', 'text-upper'],
    ]);
    const key = hexToBytes(KEY_HEX);
    const string = new TextEncoder().encode(RIGHT);
    const joined = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
    const amp = new TextEncoder().encode('&');
    expect(found.map((v) => digestOf(v.mac, RIGHT))).to.deep.equal([
      await digestHex('SHA-256', joined(string, key)),
      await digestHex('SHA-256', joined(key, string)),
      await digestHex('SHA-256', joined(string, amp, key)),
      await digestHex('SHA-256', `${RIGHT}${KEY_HEX}`),
      await digestHex('SHA-256', `${KEY_HEX}${RIGHT}`),
      await digestHex('SHA-256', `${RIGHT}&${KEY_HEX}`),
    ]);
    expect(found[4]!.say).to.deep.equal({
      en: 'A plain SHA-256(key + string) was computed instead of HMAC-SHA256 with the key: use HMAC (FIPS 198, RFC 4868).',
      sv: 'En vanlig SHA-256(key + string) beräknades i stället för HMAC-SHA256 med nyckeln: använd HMAC (FIPS 198, RFC 4868).',
    });
  });
});

describe('key-appended: the key appended as text, the Solo bank-link way', () => {
  const keys = [asText(KEY_HEX, 'bytes'), asText(KEY_HEX, 'text-upper')];

  it('by the MAC’s length: SHA-256 and MD5 for 16 bytes, SHA-1 for 20, SHA-256 for 32; never with the key’s bytes', () => {
    expect(keyAppended.variants(keys, 16).map((v) => [v.cause, v.algorithm, v.key.interpretation.use])).to.deep.equal([
      ['key-appended', 'SHA-256(string + "&" + key + "&")', 'text-upper'],
      ['key-appended', 'SHA-256(string + key + "&")', 'text-upper'],
      ['key-appended', 'MD5(string + "&" + key + "&")', 'text-upper'],
      ['key-appended', 'MD5(string + "&" + key)', 'text-upper'],
      ['key-appended', 'MD5(string + key + "&")', 'text-upper'],
      ['key-appended', 'MD5(string + key)', 'text-upper'],
    ]);
    expect(keyAppended.variants(keys, 20).map((v) => v.algorithm)).to.deep.equal([
      'SHA-1(string + "&" + key + "&")',
      'SHA-1(string + "&" + key)',
      'SHA-1(string + key + "&")',
      'SHA-1(string + key)',
    ]);
    expect(keyAppended.variants(keys, 32).map((v) => v.algorithm)).to.deep.equal(['SHA-256(string + "&" + key + "&")', 'SHA-256(string + key + "&")']);
    expect(keyAppended.variants(keys, 64)).to.deep.equal([]);
  });

  it('each digest as WebCrypto (SHA) or node:crypto (MD5, written out) computes it', async () => {
    const sha1 = keyAppended.variants(keys, 20).map((v) => digestOf(v.mac, RIGHT));
    expect(sha1).to.deep.equal([
      await digestHex('SHA-1', `${RIGHT}&${KEY_HEX}&`),
      await digestHex('SHA-1', `${RIGHT}&${KEY_HEX}`),
      await digestHex('SHA-1', `${RIGHT}${KEY_HEX}&`),
      await digestHex('SHA-1', `${RIGHT}${KEY_HEX}`),
    ]);
    const short = keyAppended.variants(keys, 16).map((v) => digestOf(v.mac, RIGHT));
    expect(short).to.deep.equal([
      await digestHex('SHA-256', `${RIGHT}&${KEY_HEX}&`),
      await digestHex('SHA-256', `${RIGHT}${KEY_HEX}&`),
      // node:crypto: createHash('md5').update(string).digest('hex').toUpperCase()
      'B520028ECCD648C6E85270B620D4AE8E',
      '02542FACC2D50230D46C32079A476AFA',
      'C74B4578949E7CF97DBB21AEBB72EAC0',
      '515BBD5E267AA41DCDB0DCBFC7F77ED4',
    ]);
  });

  it('says which hash and arrangement, in both languages', () => {
    expect(keyAppended.variants(keys, 16)[3]!.say).to.deep.equal({
      en: 'MD5 was computed of the string with the key appended as text (MD5(string + "&" + key)), the Solo bank-link’s way, instead of HMAC-SHA256 with the key’s 16 bytes: use HMAC (FIPS 198, RFC 4868), over the values joined by "&" only.',
      sv: 'MAC:en är en MD5-summa av strängen med nyckeln tillagd som text (MD5(string + "&" + key)), som i Solo-banklänken, i stället för HMAC-SHA256 med nyckelns 16 byte: använd HMAC (FIPS 198, RFC 4868) och signera bara värdena, sammanfogade med ”&”.',
    });
  });
});

describe('another HMAC: which fits which MAC length (in bytes)', () => {
  it('HMAC-SHA1 for 20 bytes; HMAC-MD5 and HMAC-SHA512 (cut) for 16', () => {
    const fits = (cause: { fits: (n: number) => boolean }) => [16, 20, 32, 64].map((n) => cause.fits(n));
    expect(fits(hmacSha1)).to.deep.equal([false, true, false, false]);
    expect(fits(hmacMd5)).to.deep.equal([true, false, false, false]);
    expect(fits(hmacSha512)).to.deep.equal([true, false, false, false]);
  });
});

describe('what the MAC as written says', () => {
  const says = (mac: string, shifted = false) =>
    Object.fromEntries([lowercaseHex, untruncated, base64, droppedZero].map((cause) => [cause.code, cause.says(readGivenMac(mac), shifted)?.en ?? null]));
  const upper = 'EE5D4EB44A60F24889C624A267671A0B';

  it('nothing for a MAC written right', () => {
    expect(says(upper)).to.deep.equal({ 'lowercase-hex': null, untruncated: null, base64: null, 'dropped-zero': null });
  });

  it('lower case, the full 64 characters, a dropped zero (odd length, or shifted)', () => {
    expect(says(`${upper}${upper}`.toLowerCase())).to.deep.equal({
      'lowercase-hex': 'The MAC was sent in lower case; the bank writes it in upper case.',
      untruncated: 'The full 64-character HMAC was sent; NB_HMAC is only its first 32 characters.',
      base64: null,
      'dropped-zero': null,
    });
    const zero =
      'The MAC’s leading zero was dropped: the digest was written as a number (as Java’s new BigInteger(1, mac).toString(16) does), so every character moved one place. Write each byte as two hexadecimal characters, its zero included (e.g. with Java’s HexFormat).';
    expect(says(`${upper}${upper}`.slice(1))['dropped-zero']).to.equal(zero);
    expect(says(upper, true)['dropped-zero']).to.equal(zero);
    expect(droppedZero.says(readGivenMac(upper), true)!.sv).to.contain('inledande nolla har fallit bort');
    expect(lowercaseHex.says(readGivenMac(upper.toLowerCase()), false)!.sv).to.equal('MAC:en skickades med gemener; banken skriver den med versaler.');
    expect(untruncated.says(readGivenMac(`${upper}${upper}`), false)!.sv).to.equal('Hela HMAC:en på 64 tecken skickades; NB_HMAC är bara de första 32 tecknen.');
  });

  it('base64 and base64url, cut or full', () => {
    expect(says('7l1OtEpg8kiJxiSiZ2caCw==')).to.deep.equal({
      'lowercase-hex': null,
      untruncated: null,
      base64: 'The MAC was sent in base64 instead of hexadecimal: NB_HMAC is written as upper-case hexadecimal characters.',
      'dropped-zero': null,
    });
    const full = says('JtB7O_ihM0Jf7_x5saqktaBJXYtZD5Lj8w8x-HJQ2sg');
    expect(full.base64).to.equal('The MAC was sent in base64url instead of hexadecimal: NB_HMAC is written as upper-case hexadecimal characters.');
    expect(full.untruncated).to.equal('The full 32-byte HMAC was sent; NB_HMAC is only its first 16 bytes (32 hexadecimal characters).');
    expect(untruncated.says(readGivenMac('JtB7O_ihM0Jf7_x5saqktaBJXYtZD5Lj8w8x-HJQ2sg'), false)!.sv).to.equal(
      'Hela HMAC:en på 32 byte skickades; NB_HMAC är bara de första 16 byten (32 hexadecimala tecken).',
    );
    expect(base64.says(readGivenMac('7l1OtEpg8kiJxiSiZ2caCw=='), false)!.sv).to.equal('MAC:en skickades i base64 i stället för hexadecimalt: NB_HMAC skrivs med versala hexadecimala tecken.');
  });

  it('the other encoding, named both ways', () => {
    expect(encoding.say('iso-8859-1', 'utf-8')).to.deep.equal({
      en: 'The string was encoded as ISO-8859-1 (Latin-1), not UTF-8: both sides must use the same character set (the handbook names none).',
      sv: 'Strängen kodades som ISO-8859-1 (Latin-1), inte UTF-8: båda sidor måste använda samma teckenuppsättning (handboken anger ingen).',
    });
    expect(encoding.say('utf-8', 'iso-8859-1').en).to.equal(
      'The string was encoded as UTF-8, not ISO-8859-1 (Latin-1): both sides must use the same character set (the handbook names none).',
    );
  });
});

describe('the registry: places, layers and pairs', () => {
  it('a cause’s place is its row; a layer lists its causes in the registry’s order', () => {
    expect(CAUSE_CODES.map(causeIndex)).to.deep.equal(CAUSE_CODES.map((_, i) => i));
    expect(causesOf('writing').map((c) => c.code)).to.deep.equal(['lowercase-hex', 'untruncated', 'base64', 'dropped-zero']);
    expect(causesOf('key').map((c) => c.code)).to.deep.equal(['key-as-text', 'other-key']);
    expect(causesOf('hash').map((c) => c.code)).to.deep.equal(['plain-hash', 'key-appended']);
    expect(causesOf('value').map((c) => c.code)).to.deep.equal(['amount-format', 'whitespace', 'replacement-char']);
    expect(REGISTRY.length).to.equal(CAUSE_CODES.length);
  });

  it('two causes pair when either lists the other or pairs with any', () => {
    expect(pairs('amount-format', 'field-order')).to.equal(true);
    expect(pairs('field-order', 'replacement-char')).to.equal(true); // only replacement-char lists field-order
    expect(pairs('replacement-char', 'field-order')).to.equal(true);
    expect(pairs('field-order', 'missing-field')).to.equal(false);
    expect(pairs('other-kind', 'separator')).to.equal(false);
    expect(pairs('other-kind', 'key-as-text')).to.equal(true);
  });
});
