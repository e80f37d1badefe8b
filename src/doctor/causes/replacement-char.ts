import { quoted, text } from '../../protocol/text.ts';
import { LIKELY_LATIN1 } from '../charset.ts';
import type { CauseContext, Tweak, ValueCause } from '../types.ts';
import { example } from './example.ts';

/** Each value holding U+FFFD with the replacement characters read back as a likely Latin-1 letter (å, ä, ö…). */
function tweaks({ base, pieces, fromBank }: CauseContext): Tweak[] {
  const found: Tweak[] = [];
  base.forEach((entry, index) => {
    if (!entry.value.includes('\ufffd')) return;
    for (const letter of LIKELY_LATIN1) {
      const original = entry.value.replaceAll('\ufffd', letter);
      found.push({
        cause: 'replacement-char',
        index,
        changes: [[index, pieces.of(original)]],
        say: text(
          `${entry.name} was signed as ${quoted(original)}; the message as ${fromBank ? 'you have it' : 'given'} holds ${quoted(entry.value)}: it was read with the wrong character set (ISO-8859-1 bytes decoded as UTF-8), which turned "${letter}" into U+FFFD. Read it in the character set it was sent in.`,
          `${entry.name} signerades som ${quoted(original, 'sv')}, men i ${fromBank ? 'ditt meddelande' : 'meddelandet'} står det ${quoted(entry.value, 'sv')}: meddelandet har lästs med fel teckenuppsättning (byte i ISO-8859-1 avkodade som UTF-8), så att ”${letter}” blev U+FFFD. Läs meddelandet med den teckenuppsättning som det skickades med.`,
        ),
      });
    }
  });
  return found;
}

export const replacementChar: ValueCause = {
  code: 'replacement-char',
  layer: 'value',
  title: text('A value read with the wrong character set (U+FFFD)', 'Ett värde läst med fel teckenuppsättning (U+FFFD)'),
  tries: text(
    'each value holding U+FFFD (�) with it read back as a likely ISO-8859-1 letter (å, ä, ö, Å, Ä, Ö, é)',
    'varje värde med U+FFFD (�), med tecknet ersatt av en bokstav som det troligen var i ISO-8859-1 (å, ä, ö, Å, Ä, Ö, é)',
  ),
  pairsWith: ['field-order', 'missing-field', 'extra-field', 'separator'],
  example: example('HMAC-SHA256 of the ISO-8859-1 bytes of "999999&Månsson&899,00&SEK&123450" while the form holds NB_STAMP "M\ufffdnsson"', '731A33AEA4D6028C6673B46652C8C994', { NB_STAMP: 'M\ufffdnsson' }),
  tweaks,
};
