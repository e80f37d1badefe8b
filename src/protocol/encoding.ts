/** How values are turned into bytes before hashing. The handbook names no character set. */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { EbetError, text, type Text } from './text.ts';

export const ENCODINGS = ['utf-8', 'iso-8859-1'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const ENCODING_NAMES: Readonly<Record<Encoding, Text>> = {
  'utf-8': text('UTF-8', 'UTF-8'),
  'iso-8859-1': text('ISO-8859-1 (Latin-1)', 'ISO-8859-1 (Latin-1)'),
};

/** Encodes a string in the given character set; throws naming the first character ISO-8859-1 cannot hold. */
export function encodeText(value: string, encoding: Encoding = 'utf-8'): Uint8Array {
  if (encoding === 'utf-8') return utf8ToBytes(value);
  const bytes = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff) {
      const char = String.fromCodePoint(value.codePointAt(i) ?? code);
      throw new EbetError(
        'not-latin1',
        text(
          `"${char}" at position ${i + 1} cannot be written in ISO-8859-1; use UTF-8 or remove it`,
          `”${char}” på position ${i + 1} kan inte skrivas i ISO-8859-1; använd UTF-8 eller ta bort tecknet`,
        ),
      );
    }
    bytes[i] = code;
  }
  return bytes;
}

/** Whether every character of the string is 7-bit ASCII (then both encodings give the same bytes). */
export function isAscii(value: string): boolean {
  return /^[\x00-\x7f]*$/.test(value);
}
