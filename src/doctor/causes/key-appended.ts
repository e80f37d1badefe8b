import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, type CHash } from '@noble/hashes/utils.js';
import { text } from '../../protocol/text.ts';
import { AMP, NONE, PlainMac } from '../bytes.ts';
import type { HashCause, KeyUseOf, PlainVariant } from '../types.ts';
import { example } from './example.ts';

const HASHES: ReadonlyArray<readonly [string, CHash, (length: number) => boolean]> = [
  ['SHA-256', sha256, (length) => length === 16 || length === 32],
  ['SHA-1', sha1, (length) => length === 20],
  ['MD5', md5, (length) => length === 16],
];

/**
 * The Solo bank-link's way: the key appended to the string as text, `v1&v2&…&vn&KEY&`, with or
 * without the "&" before the key and the trailing "&", under SHA-256, SHA-1 or MD5 (as the MAC's
 * length allows). SHA-256 without the trailing "&" is `plain-hash`'s.
 */
function variants(keys: readonly KeyUseOf[], length: number): PlainVariant[] {
  const found: PlainVariant[] = [];
  for (const [name, hash, fits] of HASHES) {
    if (!fits(length)) continue;
    for (const key of keys) {
      if (key.interpretation.use === 'bytes') continue;
      for (const before of [true, false]) {
        for (const after of [true, false]) {
          if (name === 'SHA-256' && !after) continue;
          const algorithm = `${name}(string${before ? ' + "&"' : ''} + key${after ? ' + "&"' : ''})`;
          const say = text(
            `${name} was computed of the string with the key appended as text (${algorithm}), the Solo bank-link’s way, instead of HMAC-SHA256 with the key’s 16 bytes: use HMAC (FIPS 198, RFC 4868), over the values joined by "&" only.`,
            `MAC:en är en ${name}-summa av strängen med nyckeln tillagd som text (${algorithm}), som i Solo-banklänken, i stället för HMAC-SHA256 med nyckelns 16 byte: använd HMAC (FIPS 198, RFC 4868) och signera bara värdena, sammanfogade med ”&”.`,
          );
          found.push({ cause: 'key-appended', algorithm, say, mac: new PlainMac(hash, NONE, concatBytes(before ? AMP : NONE, key.raw, after ? AMP : NONE)), key });
        }
      }
    }
  }
  return found;
}

export const keyAppended: HashCause = {
  code: 'key-appended',
  layer: 'hash',
  title: text('Key appended as text, the Solo bank-link way', 'Nyckeln tillagd som text, som i Solo-banklänken'),
  tries: text(
    'SHA-256, SHA-1 or MD5 (as the MAC’s length allows) of the string with the key as text appended, v1&…&vn&KEY&: with or without the "&" before the key and the trailing "&"',
    'SHA-256, SHA-1 eller MD5 (beroende på MAC:ens längd) av strängen med nyckeln tillagd som text, v1&…&vn&NYCKEL&: med eller utan ”&” före nyckeln och med eller utan avslutande ”&”',
  ),
  pairsWith: ['amount-format', 'whitespace', 'field-order', 'missing-field', 'extra-field', 'separator', 'encoding'],
  example: example('MD5 of "999999&00002&899,00&SEK&123450&1234567890ABCDEF1234567890ABCDEF&" (Solo’s v1&…&vn&KEY&)', 'B520028ECCD648C6E85270B620D4AE8E'),
  variants,
};
