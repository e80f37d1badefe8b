import { SEPARATOR } from '../../protocol/message.ts';
import { text, type Text } from '../../protocol/text.ts';
import { joinInto } from '../bytes.ts';
import type { CauseContext, Shape, StructureCause } from '../types.ts';
import { example } from './example.ts';

const SEPARATORS: ReadonlyArray<[string, Text]> = [
  ['', text('nothing', 'ingenting')],
  ['|', text('"|"', '”|”')],
  [';', text('";"', '”;”')],
  [',', text('","', '”,”')],
  [':', text('":"', '”:”')],
  [' ', text('a space', 'ett mellanslag')],
  ['\t', text('a tab', 'en tabb')],
  ['\n', text('a line break', 'en radbrytning')],
  ['\r\n', text('CR LF line breaks', 'CR LF-radbrytningar')],
  ['+', text('"+"', '”+”')],
  ['&&', text('"&&"', '”&&”')],
  ['&amp;', text('"&amp;" (the HTML-escaped &)', '”&amp;” (HTML-kodat &)')],
];
const FRAMINGS: ReadonlyArray<[boolean, Text]> = [
  [false, text('with a trailing "&"', 'med ett avslutande ”&”')],
  [true, text('with a leading "&"', 'med ett inledande ”&”')],
];

function shapes({ base, pieces }: CauseContext): { shapes: Shape[] } {
  const amp = pieces.of(SEPARATOR);
  const found: Shape[] = SEPARATORS.map(([sep, name]) => {
    const piece = pieces.of(sep);
    return {
      cause: 'separator',
      step: 'join',
      pairable: 'all',
      parts: (values, out) => joinInto(values, piece, out),
      say: () => text(`The values were joined by ${name.en} instead of "&".`, `Värdena sammanfogades med ${name.sv} i stället för ”&”.`),
    } satisfies Shape;
  });
  for (const [leading, how] of FRAMINGS) {
    found.push({
      cause: 'separator',
      step: 'join',
      pairable: 'all',
      parts: (values, out) => {
        if (leading) out.push(amp);
        joinInto(values, amp, out);
        if (!leading) out.push(amp);
      },
      say: () => text(`The string was signed ${how.en}.`, `Strängen signerades ${how.sv}.`),
    });
  }
  // NAME=value pairs name the values by their place: with tweaks only, not after another shape.
  const prefixes = base.map((e) => pieces.of(`${e.name}=`));
  found.push({
    cause: 'separator',
    step: 'join',
    pairable: 'tweaks',
    parts: (values, out) => {
      for (let k = 0; k < values.length; k++) {
        if (k > 0) out.push(amp);
        out.push(prefixes[k]!, values[k]!);
      }
    },
    say: () =>
      text(
        'The fields were signed as NAME=value pairs (a query string); only the values are signed, joined by "&".',
        'Fälten signerades som NAMN=värde-par (en query string); bara värdena signeras, sammanfogade med ”&”.',
      ),
  });
  return { shapes: found };
}

export const separator: StructureCause = {
  code: 'separator',
  layer: 'structure',
  title: text('Another separator', 'Annan avgränsare'),
  tries: text(
    'the values joined by nothing, |, ;, ,, :, space, tab, line breaks, +, &&, with a leading or trailing &, or as NAME=value pairs',
    'värdena sammanfogade utan avgränsare, med |, ;, ,, :, mellanslag, tabb, radbrytningar, +, &&, med inledande eller avslutande &, eller som NAMN=värde-par',
  ),
  pairsWith: ['amount-format', 'whitespace', 'field-order', 'missing-field', 'extra-field'],
  example: example('HMAC-SHA256 of "999999|00002|899,00|SEK|123450"', 'B3C87B0360A174D08D54F8307F37E327'),
  shapes,
};
