// The doctor's candidate strings by number of mistakes (src/doctor/strings.ts), from a handful of
// made-up tweaks and shapes over three values: which are combined, in which order, and the string
// each combination signs. No HMAC is computed.
import { expect } from '@esm-bundle/chai';
import { Pieces, type Piece } from '../../../src/doctor/bytes.ts';
import { Strings } from '../../../src/doctor/strings.ts';
import type { DoctorCause, Shape, Tweak } from '../../../src/doctor/types.ts';
import { text } from '../../../src/protocol/text.ts';

const say = text('', '');
/** The pieces of the fixture in use, made afresh by each fixture (nothing one test run leaves behind reaches the next). */
let pieces = new Pieces();

function tweak(name: string, cause: DoctorCause, index: number, changes: Array<[number, string]>): Tweak & { name: string } {
  return { name, cause, index, changes: changes.map(([at, value]) => [at, pieces.of(value)] as const), say };
}

function shape(name: string, cause: DoctorCause, step: Shape['step'], pairable: Shape['pairable'], parts: Shape['parts']): Shape & { name: string } {
  return { name, cause, step, pairable, parts, say: () => say };
}

const reversed: Shape['parts'] = (values, out) => {
  for (let k = values.length - 1; k >= 0; k--) out.push(values[k]!);
};
const withExtra: Shape['parts'] = (values, out) => {
  out.push(...values, pieces.of('E'));
};
const joinedBy =
  (separator: string): Shape['parts'] =>
  (values, out) =>
    values.forEach((v, k) => out.push(...(k > 0 ? [pieces.of(separator)] : []), v));

/** Every candidate of `mistakes` mistakes: the names of what made it and the string it signs. */
function candidates(strings: Strings, mistakes: number): string[] {
  const found: string[] = [];
  strings.each(mistakes, () => {
    const names = strings.made.map((m) => (m as { name?: string }).name).join('+');
    found.push(`${names || '-'}: ${strings.parts.map((p: Piece) => p.text).join('')}`);
  });
  return found;
}

function fixture(): Strings {
  pieces = new Pieces();
  const strings = new Strings(['a', 'b', 'c'].map((v) => pieces.of(v)), pieces);
  strings.tweaks = [
    tweak('amount0', 'amount-format', 0, [[0, 'A']]),
    tweak('amount2', 'amount-format', 2, [[2, 'C']]),
    tweak('space1', 'whitespace', 1, [[1, 'B']]),
    tweak('space0', 'whitespace', 0, [[0, 'a ']]),
    tweak('trimAll', 'whitespace', -1, [
      [0, 'x'],
      [1, 'y'],
      [2, 'z'],
    ]),
    tweak('amount1', 'amount-format', 1, [[1, 'B1']]),
    tweak('fffd2', 'replacement-char', 2, [[2, 'Ç']]),
  ];
  strings.shapes = [
    shape('order', 'field-order', 'select', 'all', reversed),
    shape('extra', 'extra-field', 'select', 'all', withExtra),
    shape('skip', 'missing-field', 'select', 'none', (values, out) => out.push(...values.slice(1))),
    shape('pipe', 'separator', 'join', 'all', joinedBy('|')),
    shape('pairs', 'separator', 'join', 'tweaks', joinedBy(';')),
    shape('kind', 'other-kind', 'join', 'none', (_, out) => out.push(pieces.of('K'))),
  ];
  return strings;
}

describe('Strings: the candidate strings by number of mistakes', () => {
  it('none: the values joined by "&"', () => {
    expect(candidates(fixture(), 0)).to.deep.equal(['-: a&b&c']);
  });

  it('one: each tweak on the values as given, then each shape', () => {
    expect(candidates(fixture(), 1)).to.deep.equal([
      'amount0: A&b&c',
      'amount2: a&b&C',
      'space1: a&B&c',
      'space0: a &b&c',
      'trimAll: x&y&z',
      'amount1: a&B1&c',
      'fffd2: a&b&Ç',
      'order: c&b&a',
      'extra: a&b&c&E',
      'skip: b&c',
      'pipe: a|b|c',
      'pairs: a;b;c',
      'kind: K',
    ]);
  });

  it('two: a tweak with each shape that pairs with it, two tweaks of paired causes at two places, two shapes that pair', () => {
    const strings = fixture();
    expect(candidates(strings, 2)).to.deep.equal([
      // amount-format pairs with order, extra, separators (not with a shape that pairs with nothing), and with
      // whitespace at another place (not with itself, nor with whitespace at its place or at every place).
      'amount0+order: c&b&A',
      'amount0+extra: A&b&c&E',
      'amount0+pipe: A|b|c',
      'amount0+pairs: A;b;c',
      'amount0+space1: A&B&c',
      'amount2+order: C&b&a',
      'amount2+extra: a&b&C&E',
      'amount2+pipe: a|b|C',
      'amount2+pairs: a;b;C',
      'amount2+space1: a&B&C',
      'amount2+space0: a &b&C',
      'space1+order: c&B&a',
      'space1+extra: a&B&c&E',
      'space1+pipe: a|B|c',
      'space1+pairs: a;B;c',
      'space0+order: c&b&a ',
      'space0+extra: a &b&c&E',
      'space0+pipe: a |b|c',
      'space0+pairs: a ;b;c',
      'space0+amount1: a &B1&c',
      'trimAll+order: z&y&x',
      'trimAll+extra: x&y&z&E',
      'trimAll+pipe: x|y|z',
      'trimAll+pairs: x;y;z',
      'amount1+order: c&B1&a',
      'amount1+extra: a&B1&c&E',
      'amount1+pipe: a|B1|c',
      'amount1+pairs: a;B1;c',
      'fffd2+order: Ç&b&a',
      'fffd2+extra: a&b&Ç&E',
      'fffd2+pipe: a|b|Ç',
      'fffd2+pairs: a;b;Ç',
      // Shapes: a select, then a select or a join.
      'order+extra: c&b&a&E',
      'order+pipe: c|b|a',
      'extra+pipe: a|b|c|E',
    ]);
    // The pairs are listed once and walked again at the next stage, the values reset between candidates.
    expect(candidates(strings, 2)).to.have.length(35);
    expect(candidates(strings, 0)).to.deep.equal(['-: a&b&c']);
  });
});
