import { text } from '../../protocol/text.ts';
import type { WritingCause } from '../types.ts';
import { example } from './example.ts';

export const lowercaseHex: WritingCause = {
  code: 'lowercase-hex',
  layer: 'writing',
  title: text('MAC sent in lower case', 'MAC:en skickad med gemener'),
  tries: text('read off the given MAC: the bank writes MACs in upper-case hexadecimal', 'avläses i den angivna MAC:en: banken skriver MAC-värden med versaler'),
  pairsWith: 'any',
  example: example('HMAC-SHA256 of "999999|00002|899,00|SEK|123450" (joined by "|"), written in lower case', 'b3c87b0360a174d08d54f8307f37e327'),
  says: (given) =>
    given.lowercase ? text('The MAC was sent in lower case; the bank writes it in upper case.', 'MAC:en skickades med gemener; banken skriver den med versaler.') : null,
};
