import { normalizeKey } from '../../protocol/key.ts';
import { text } from '../../protocol/text.ts';
import type { KeyCause, KeyUse, KeyUseOf, RingContext } from '../types.ts';
import { example } from './example.ts';

const HOW: Readonly<Record<Exclude<KeyUse, 'bytes'>, readonly [string, string]>> = {
  'text-upper': ['upper case', 'versaler'],
  'text-lower': ['lower case', 'gemener'],
  'text-as-typed': ['as typed', 'som den skrevs in'],
};

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/**
 * The spellings of a key as text, each once: upper case, lower case, and as typed when that is
 * neither (a key typed exactly in upper or lower case is that spelling, not a third one).
 */
export function keySpellings(typed: string): Array<[string, Exclude<KeyUse, 'bytes'>]> {
  const hex = normalizeKey(typed);
  const spellings = new Map<string, Exclude<KeyUse, 'bytes'>>();
  for (const [value, use] of [[hex, 'text-upper'], [hex.toLowerCase(), 'text-lower'], [typed.trim(), 'text-as-typed']] as const) {
    if (!spellings.has(value)) spellings.set(value, use);
  }
  return [...spellings];
}

/** Each spelling of each right key, as ASCII bytes. */
function keys({ ring, acceptable, interpretation }: RingContext): KeyUseOf[] {
  return acceptable.flatMap((index) =>
    keySpellings(ring[index]!.key).map(([value, use]) => ({
      interpretation: interpretation(index, use),
      cause: 'key-as-text' as const,
      raw: ascii(value),
      say: text(
        `The key was used as its ${value.length} characters of text (${HOW[use][0]}) instead of the 16 bytes its hexadecimal digits stand for: decode the key from hex before using it.`,
        `Nyckelns ${value.length} tecken (${HOW[use][1]}) användes som text i stället för de 16 byte som hexsiffrorna står för: avkoda nyckeln från hex innan du använder den.`,
      ),
    })),
  );
}

export const keyAsText: KeyCause = {
  code: 'key-as-text',
  layer: 'key',
  title: text('Key used as text', 'Nyckeln använd som text'),
  tries: text(
    'the key’s 32 characters as ASCII bytes (upper case, lower case, as typed), each spelling once, instead of its 16 decoded bytes',
    'nyckelns 32 tecken som ASCII-byte (versaler, gemener, som den skrevs in; varje stavning en gång) i stället för de 16 byte som hexsiffrorna står för',
  ),
  pairsWith: 'any',
  example: example('HMAC-SHA256 of "999999&00002&899,00&SEK&123450" with the key’s 32 characters "1234567890ABCDEF1234567890ABCDEF" as key', 'C9D20F22AB08044C7149012A10AE3DBA'),
  keys,
};
