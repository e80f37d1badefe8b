import { quoted, text, type Text } from '../../protocol/text.ts';
import type { CauseContext, Tweak, ValueCause } from '../types.ts';
import { example } from './example.ts';

const WHITESPACE_FORMS: ReadonlyArray<[(v: string) => string, Text]> = [
  [(v) => ` ${v}`, text('with a leading space', 'med ett inledande mellanslag')],
  [(v) => `${v} `, text('with a trailing space', 'med ett avslutande mellanslag')],
  [(v) => `${v}\n`, text('with a trailing line break', 'med en avslutande radbrytning')],
  [(v) => `${v}\r\n`, text('with a trailing CR LF line break', 'med en avslutande CR LF-radbrytning')],
  [(v) => `${v}\t`, text('with a trailing tab', 'med en avslutande tabb')],
];

const BANK_TRIMMED_ALL = text(
  'The bank signed every value trimmed; the message as you have it carries whitespace around some: your side (its log, its parser or a copy) added it. Read the answer exactly as the bank posted it.',
  'Banken signerade alla värden utan blanktecken runt dem; i ditt meddelande har några värden blanktecken runt sig: något hos dig (loggen, parsern eller en kopia) har lagt till dem. Läs svaret exakt som banken skickade det.',
);
const TRIMMED_ALL = text(
  'Every value was signed trimmed while the message carries whitespace around some: sign values exactly as sent.',
  'Alla värden signerades utan blanktecken runt dem, men i meddelandet har några värden blanktecken runt sig: signera värden exakt som de skickas.',
);

function trimmedSay(name: string, value: string, trimmed: string, fromBank: boolean): Text {
  return fromBank
    ? text(
        `The bank signed ${name} as ${quoted(trimmed)}; the message as you have it carries ${quoted(value)}: your side (its log, its parser or a copy) added the whitespace. Read the answer exactly as the bank posted it.`,
        `Banken signerade ${name} som ${quoted(trimmed, 'sv')}; i ditt meddelande står det ${quoted(value, 'sv')}: något hos dig (loggen, parsern eller en kopia) har lagt till blanktecknen. Läs svaret exakt som banken skickade det.`,
      )
    : text(
        `${name} was signed trimmed, ${quoted(trimmed)}, while the message carries ${quoted(value)} with whitespace: sign values exactly as sent, never trimmed.`,
        `${name} signerades utan blanktecken runt värdet, ${quoted(trimmed, 'sv')}, men i meddelandet står det ${quoted(value, 'sv')} med blanktecken: signera värden exakt som de skickas, utan att ta bort något.`,
      );
}

function addedSay(name: string, value: string, form: string, how: Text, fromBank: boolean): Text {
  return fromBank
    ? text(
        `The bank signed ${name} ${how.en}, ${quoted(form)}; the message as you have it carries ${quoted(value)}: your side (its log, its parser or a copy) removed it. Read the answer exactly as the bank posted it.`,
        `Banken signerade ${name} ${how.sv}, ${quoted(form, 'sv')}; i ditt meddelande står det ${quoted(value, 'sv')}: något hos dig (loggen, parsern eller en kopia) har tagit bort tecknet. Läs svaret exakt som banken skickade det.`,
      )
    : text(`${name} was signed ${how.en}, ${quoted(form)}, while the message carries ${quoted(value)}.`, `${name} signerades ${how.sv}, ${quoted(form, 'sv')}, men i meddelandet står det ${quoted(value, 'sv')}.`);
}

function tweaks({ base, pieces, fromBank }: CauseContext): Tweak[] {
  const found: Tweak[] = [];
  base.forEach((entry, index) => {
    const trimmed = entry.value.trim();
    if (trimmed !== entry.value) {
      found.push({ cause: 'whitespace', index, changes: [[index, pieces.of(trimmed)]], say: trimmedSay(entry.name, entry.value, trimmed, fromBank) });
    }
    for (const [form, how] of WHITESPACE_FORMS) {
      const value = form(entry.value);
      found.push({ cause: 'whitespace', index, changes: [[index, pieces.of(value)]], say: addedSay(entry.name, entry.value, value, how, fromBank) });
    }
  });
  if (base.filter((e) => e.value.trim() !== e.value).length > 1) {
    found.push({ cause: 'whitespace', index: -1, changes: base.map((e, i) => [i, pieces.of(e.value.trim())] as const), say: fromBank ? BANK_TRIMMED_ALL : TRIMMED_ALL });
  }
  return found;
}

export const whitespace: ValueCause = {
  code: 'whitespace',
  layer: 'value',
  title: text('Whitespace around a value', 'Blanktecken runt ett värde'),
  tries: text(
    'each value trimmed, or with a leading or trailing space, tab or line break',
    'varje värde utan blanktecken runt, eller med inledande eller avslutande mellanslag, tabb eller radbrytning',
  ),
  pairsWith: ['amount-format', 'field-order', 'missing-field', 'extra-field', 'separator'],
  example: example('HMAC-SHA256 of "999999&00002&899,00&SEK&123450" while the form sends NB_DB_CUR as "SEK " (signed trimmed)', '26D07B3BF8A133425FEFFC79B1AAA4B5', { NB_DB_CUR: 'SEK ' }),
  tweaks,
};
