import { text } from '../../protocol/text.ts';
import type { Piece } from '../bytes.ts';
import type { CauseContext, Shape, StructureCause } from '../types.ts';
import { example } from './example.ts';

/** The values without those at the `skip` places (of the values given, whatever their number). */
const without =
  (skip: readonly number[]) =>
  (values: readonly Piece[], out: Piece[]): void => {
    for (let k = 0; k < values.length; k++) if (!skip.includes(k)) out.push(values[k]!);
  };

function shapes({ base }: CauseContext): { shapes: Shape[] } {
  const found: Shape[] = [];
  const n = base.length;
  for (let i = 0; i < n; i++) {
    found.push({
      cause: 'missing-field',
      step: 'select',
      pairable: 'all',
      parts: without([i]),
      say: () => text(`${base[i]!.name} was left out of the signed string; it is part of the MAC.`, `${base[i]!.name} utelämnades ur den signerade strängen; fältet ingår i MAC:en.`),
    });
    for (let j = i + 1; j < n; j++) {
      found.push({
        cause: 'missing-field',
        step: 'select',
        pairable: 'none',
        parts: without([i, j]),
        say: () =>
          text(
            `${base[i]!.name} and ${base[j]!.name} were left out of the signed string; both are part of the MAC.`,
            `${base[i]!.name} och ${base[j]!.name} utelämnades ur den signerade strängen; båda ingår i MAC:en.`,
          ),
      });
    }
  }
  return { shapes: found };
}

export const missingField: StructureCause = {
  code: 'missing-field',
  layer: 'structure',
  title: text('A signed field left out', 'Ett signerat fält utelämnat'),
  tries: text('the string without one, or without two, of the signed values', 'strängen utan ett, eller utan två, av de signerade värdena'),
  pairsWith: ['amount-format', 'whitespace', 'extra-field', 'separator'],
  example: example('HMAC-SHA256 of "999999&00002&899,00&SEK" (NB_DB_REF left out)', '4045FD68F310723B15A90F4695BE076E'),
  shapes,
};
