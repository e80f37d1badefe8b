import { text } from '../../protocol/text.ts';
import type { Piece } from '../bytes.ts';
import type { CauseContext, Shape, StructureCause } from '../types.ts';
import { example } from './example.ts';

function* permutations(n: number): Generator<number[]> {
  const order = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  let i = 0;
  // Stryker disable next-line EqualityOperator: at i = n, c[n] is undefined: one more step that yields nothing
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [order[j], order[i]] = [order[i]!, order[j]!];
      yield [...order];
      c[i]!++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

/** The Solo bank-link's MAC order (VERSION&STAMP&RCV_ID&AMOUNT&REF&DATE&CUR), by the end of a field's name. */
const SOLO_ORDER = ['STAMP', 'RCV_ID', 'AMOUNT', 'REF', 'PAID', 'CUR'];
const soloRank = (name: string): number => {
  const rank = SOLO_ORDER.findIndex((end) => name.endsWith(end));
  return rank < 0 ? SOLO_ORDER.length : rank;
};

/**
 * Orders: every permutation for up to 6 fields, else every swap; the form's order, alphabetical,
 * reversed and the Solo bank-link's order always. The named orders and single swaps pair with
 * other mistakes.
 */
function shapes({ base, formEntries }: CauseContext): { shapes: Shape[] } {
  const n = base.length;
  // Every signed field is in the form (the signed values are read from it).
  const formIndex = new Map<string, number>();
  formEntries.forEach((e, i) => {
    if (!formIndex.has(e.name)) formIndex.set(e.name, i);
  });
  const orders = new Map<string, number[]>();
  const addOrder = (order: number[]) => {
    if (order.some((v, i) => v !== i)) orders.set(order.join(','), order);
  };
  // Sorted by a key no two fields share: a place in the form, a name, a Solo rank then the handbook's place.
  const byKey = (key: (name: string, i: number) => string | number) =>
    // Stryker disable next-line EqualityOperator: no two fields share a key
    base.map((e, i) => ({ i, k: key(e.name, i) })).sort((a, b) => (a.k < b.k ? -1 : 1)).map((x) => x.i);
  const special = [byKey((name) => formIndex.get(name)!), byKey((name) => name), base.map((_, i) => n - 1 - i), byKey((name, i) => soloRank(name) * n + i)];
  special.forEach(addOrder);
  if (n <= 6) for (const p of permutations(n)) addOrder(p);
  else {
    // Stryker disable next-line EqualityOperator: at i = n the inner loop does not run
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) addOrder(base.map((_, k) => (k === i ? j : k === j ? i : k)));
  }
  const specialKeys = new Set(special.map((o) => o.join(',')));
  const expected = base.map((e) => e.name).join(', ');
  return {
    shapes: [...orders].map(([key, order]) => ({
      cause: 'field-order',
      step: 'select',
      pairable: specialKeys.has(key) || order.filter((v, i) => v !== i).length === 2 ? 'all' : 'none',
      parts: (values: readonly Piece[], out: Piece[]) => {
        for (let k = 0; k < order.length; k++) out.push(values[order[k]!]!);
      },
      say: () => {
        const used = order.map((i) => base[i]!.name).join(', ');
        return text(`The values were signed in the order ${used}; the handbook’s order is ${expected}.`, `Värdena signerades i ordningen ${used}; handbokens ordning är ${expected}.`);
      },
    })),
  };
}

export const fieldOrder: StructureCause = {
  code: 'field-order',
  layer: 'structure',
  title: text('Fields signed in the wrong order', 'Fälten signerade i fel ordning'),
  tries: text(
    'the signed values in other orders (all orders for up to 6 fields; the form’s, the alphabetical, the reversed and the Solo bank-link’s order always)',
    'de signerade värdena i annan ordning (alla ordningsföljder för upp till 6 fält; dessutom alltid formulärets ordning, alfabetisk och omvänd ordning och Solo-banklänkens ordning)',
  ),
  pairsWith: ['amount-format', 'whitespace', 'extra-field', 'separator'],
  example: example('HMAC-SHA256 of "00002&999999&899,00&SEK&123450" (NB_STAMP and NB_RCV_ID swapped)', '1AD12E5AAAC55BA61F4A4470C3BED549'),
  shapes,
};
