import { ENCODING_NAMES } from '../../protocol/encoding.ts';
import { text } from '../../protocol/text.ts';
import type { EncodingCause } from '../types.ts';
import { example } from './example.ts';

export const encoding: EncodingCause = {
  code: 'encoding',
  layer: 'encoding',
  title: text('Other character encoding', 'Annan teckenkodning'),
  tries: text(
    'the string’s bytes in the other encoding (UTF-8 or ISO-8859-1) when a value is not ASCII; a declared character set is verified in first',
    'strängens byte i den andra teckenkodningen (UTF-8 eller ISO-8859-1) när ett värde inte är ASCII; en angiven teckenuppsättning prövas först',
  ),
  pairsWith: 'any',
  example: example('HMAC-SHA256 of the ISO-8859-1 bytes of "999999&Å0002&899,00&SEK&123450" where UTF-8 was expected', '2CACFFA2E1814207E1D88A4E92406B66', { NB_STAMP: 'Å0002' }),
  say: (used, expected) =>
    text(
      `The string was encoded as ${ENCODING_NAMES[used].en}, not ${ENCODING_NAMES[expected].en}: both sides must use the same character set (the handbook names none).`,
      `Strängen kodades som ${ENCODING_NAMES[used].sv}, inte ${ENCODING_NAMES[expected].sv}: båda sidor måste använda samma teckenuppsättning (handboken anger ingen).`,
    ),
};
