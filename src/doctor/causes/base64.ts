import { text } from '../../protocol/text.ts';
import type { WritingCause } from '../types.ts';
import { example } from './example.ts';

export const base64: WritingCause = {
  code: 'base64',
  layer: 'writing',
  title: text('MAC sent in base64', 'MAC:en skickad i base64'),
  tries: text(
    'read off the given MAC: base64 or base64url of the HMAC (cut or full) where the protocol sends hexadecimal',
    'avläses i den angivna MAC:en: base64 eller base64url av HMAC:en (avkortad eller hel) där protokollet skickar hexadecimalt',
  ),
  pairsWith: 'any',
  example: example('HMAC-SHA256 of "999999&00002&899,00&SEK&123450", its first 16 bytes in base64url', 'JtB7O_ihM0Jf7_x5saqktQ'),
  says: (given) =>
    given.form === 'hex'
      ? null
      : text(
          `The MAC was sent in ${given.form} instead of hexadecimal: NB_HMAC is written as upper-case hexadecimal characters.`,
          `MAC:en skickades i ${given.form} i stället för hexadecimalt: NB_HMAC skrivs med versala hexadecimala tecken.`,
        ),
};
