import { text } from '../../protocol/text.ts';
import type { WritingCause } from '../types.ts';
import { example } from './example.ts';

export const droppedZero: WritingCause = {
  code: 'dropped-zero',
  layer: 'writing',
  title: text('A leading zero dropped from the MAC', 'En inledande nolla saknas i MAC:en'),
  tries: text(
    'read off the given MAC: a digest that starts with 0 written without it (Java’s new BigInteger(1, mac).toString(16)), so the MAC is one character short or shifted by one',
    'avläses i den angivna MAC:en: en summa som börjar med 0 men skrevs utan nollan (Javas new BigInteger(1, mac).toString(16)), så att MAC:en är ett tecken för kort eller förskjuten ett steg',
  ),
  pairsWith: 'any',
  example: example('HMAC-SHA256 of "999999&00002&899,00&SEK&12348" (NB_DB_REF 12348), written without its leading zero and cut to 32 characters', 'DA3BD9BBF5E76CB11BDAA7D426E7F19C', { NB_DB_REF: '12348' }),
  says: (given, shifted) =>
    given.oddLength || shifted
      ? text(
          'The MAC’s leading zero was dropped: the digest was written as a number (as Java’s new BigInteger(1, mac).toString(16) does), so every character moved one place. Write each byte as two hexadecimal characters, its zero included (e.g. with Java’s HexFormat).',
          'MAC:ens inledande nolla har fallit bort: summan skrevs som ett tal (så som Javas new BigInteger(1, mac).toString(16) gör), så alla tecken hamnade ett steg fel. Skriv varje byte som två hexadecimala tecken, även när det första är en nolla (t.ex. med Javas HexFormat).',
        )
      : null,
};
