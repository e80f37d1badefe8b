import { text } from '../../protocol/text.ts';
import type { WritingCause } from '../types.ts';
import { example } from './example.ts';

export const untruncated: WritingCause = {
  code: 'untruncated',
  layer: 'writing',
  title: text('Full HMAC sent instead of the first 32 characters', 'Hela HMAC:en skickad i stället för de första 32 tecknen'),
  tries: text('read off the given MAC: 64 characters where the protocol sends 32', 'avläses i den angivna MAC:en: 64 tecken där protokollet skickar 32'),
  pairsWith: 'any',
  example: example('HMAC-SHA256 of "999999&00002&899,00&SEK&123450", all 64 characters', '26D07B3BF8A133425FEFFC79B1AAA4B5A0495D8B590F92E3F30F31F87250DAC8'),
  says: (given) => {
    if (!given.untruncated) return null;
    return given.form === 'hex'
      ? text('The full 64-character HMAC was sent; NB_HMAC is only its first 32 characters.', 'Hela HMAC:en på 64 tecken skickades; NB_HMAC är bara de första 32 tecknen.')
      : text(
          'The full 32-byte HMAC was sent; NB_HMAC is only its first 16 bytes (32 hexadecimal characters).',
          'Hela HMAC:en på 32 byte skickades; NB_HMAC är bara de första 16 byten (32 hexadecimala tecken).',
        );
  },
};
