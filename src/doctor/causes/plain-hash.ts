import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { text, type Text } from '../../protocol/text.ts';
import { AMP, NONE, PlainMac } from '../bytes.ts';
import type { HashCause, KeyUseOf, PlainVariant } from '../types.ts';
import { example } from './example.ts';


/** SHA-256 of the string with the key (its bytes, or a spelling as text) after it, before it, or after an "&". */
function variants(keys: readonly KeyUseOf[], length: number): PlainVariant[] {
  if (length !== 16 && length !== 32) return [];
  const say = (algorithm: string): Text =>
    text(
      `A plain ${algorithm} was computed instead of HMAC-SHA256 with the key: use HMAC (FIPS 198, RFC 4868).`,
      `En vanlig ${algorithm} beräknades i stället för HMAC-SHA256 med nyckeln: använd HMAC (FIPS 198, RFC 4868).`,
    );
  return keys.flatMap((key) =>
    (
      [
        ['SHA-256(string + key)', NONE, key.raw],
        ['SHA-256(key + string)', key.raw, NONE],
        ['SHA-256(string + "&" + key)', NONE, concatBytes(AMP, key.raw)],
      ] as const
    ).map(([algorithm, before, after]) => ({ cause: 'plain-hash' as const, algorithm, say: say(algorithm), mac: new PlainMac(sha256, before, after), key })),
  );
}

export const plainHash: HashCause = {
  code: 'plain-hash',
  layer: 'hash',
  title: text('Plain SHA-256 instead of HMAC', 'Vanlig SHA-256 i stället för HMAC'),
  tries: text(
    'SHA-256 of the string followed or preceded by the key (as bytes, or each spelling of it as text once)',
    'SHA-256 av strängen med nyckeln före eller efter (som byte, eller som text i varje stavning, en gång var)',
  ),
  pairsWith: ['amount-format', 'whitespace', 'field-order', 'missing-field', 'extra-field', 'separator', 'encoding'],
  example: example('SHA-256 of "999999&00002&899,00&SEK&1234501234567890ABCDEF1234567890ABCDEF" (the key as text after the string), first 32 characters', '63E015F2CA5EA5876054AF61FF507FE1'),
  variants,
};
