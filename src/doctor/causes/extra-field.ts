import { messageSpec } from '../../protocol/fields.ts';
import type { FieldEntry } from '../../protocol/message.ts';
import { quoted, text } from '../../protocol/text.ts';
import type { Piece } from '../bytes.ts';
import type { CauseContext, Shape, StructureCause } from '../types.ts';
import { example } from './example.ts';

/**
 * How many fields of the form the search tries as signed extras: the likely ones (NB_ fields, in
 * the form's order) first, then the page's other inputs up to this bound; the rest are left out
 * (and listed), so a page with a hundred inputs is diagnosed as fast as a message. Only the
 * likely ones are combined with other mistakes.
 */
const EXTRA_FIELDS_TRIED = 8;
const likelyExtra = (name: string): boolean => /^NB_/i.test(name);
const names = (entries: readonly FieldEntry[]): string => entries.map((e) => e.name).join(', ');

/** `extra` inserted at place `at` (or last, when fewer values are given). */
function inserted(extra: FieldEntry, value: Piece, at: number, n: number): Shape {
  return {
    cause: 'extra-field',
    step: 'select',
    pairable: likelyExtra(extra.name) ? 'all' : 'none',
    parts: (values, out) => {
      const place = Math.min(at, values.length);
      for (let k = 0; k < place; k++) out.push(values[k]!);
      out.push(value);
      for (let k = place; k < values.length; k++) out.push(values[k]!);
    },
    say: () =>
      text(
        `${extra.name} (${quoted(extra.value)}) was signed as well, as value ${at + 1} of ${n + 1}; it is not part of this message’s MAC.`,
        `${extra.name} (${quoted(extra.value, 'sv')}) signerades också, som värde ${at + 1} av ${n + 1}; fältet ingår inte i meddelandets MAC.`,
      ),
  };
}

/** Every field of the form signed, in the form's order (with and without NB_KVV), each list once and never the signed fields themselves. */
function wholeForm({ base, formEntries, pieces }: CauseContext): Shape[] {
  const expected = names(base);
  const listed = new Set([expected]);
  const signedIndex = new Map(base.map((e, i) => [e.name, i]));
  const found: Shape[] = [];
  for (const withKvv of [true, false]) {
    const all = withKvv ? formEntries : formEntries.filter((e) => e.name !== 'NB_KVV');
    const list = names(all);
    if (listed.has(list)) continue;
    listed.add(list);
    // Each field of the form: its signed value's place (a tweak applies there), or its own piece.
    const refs = all.map((e) => signedIndex.get(e.name) ?? pieces.of(e.value));
    found.push({
      cause: 'extra-field',
      step: 'select',
      pairable: 'none',
      parts: (values, out) => {
        for (const ref of refs) out.push(typeof ref === 'number' ? values[ref]! : ref);
      },
      say: () =>
        text(
          `Every field of the form was signed, in the form’s order (${list}); only ${expected} are part of the MAC.`,
          `Alla fält i formuläret signerades, i den ordning de står i formuläret (${list}); bara ${expected} ingår i MAC:en.`,
        ),
    });
  }
  return found;
}

/**
 * A field signed that is not part of the MAC, at every position: NB_VERSION and the form's other
 * fields, the likely ones first and at most EXTRA_FIELDS_TRIED; every field of the form.
 */
function shapes(context: CauseContext): { shapes: Shape[]; leftOut: string[] } {
  const { kind, base, formEntries, pieces } = context;
  const signedNames = new Set(base.map((e) => e.name));
  const others = new Map<string, FieldEntry>();
  if (!formEntries.some((e) => e.name === 'NB_VERSION') && messageSpec(kind).fields.some((f) => f.name === 'NB_VERSION')) {
    const version = { name: 'NB_VERSION', value: '0002' };
    others.set(version.name, version);
  }
  for (const e of formEntries) if (!signedNames.has(e.name) && !others.has(e.name)) others.set(e.name, e);
  const likely = [...others.values()].sort((a, b) => Number(!likelyExtra(a.name)) - Number(!likelyExtra(b.name)));
  const found: Shape[] = [];
  for (const extra of likely.slice(0, EXTRA_FIELDS_TRIED)) {
    const value = pieces.of(extra.value);
    for (let at = 0; at <= base.length; at++) found.push(inserted(extra, value, at, base.length));
  }
  found.push(...wholeForm(context));
  return { shapes: found, leftOut: likely.slice(EXTRA_FIELDS_TRIED).map((e) => e.name) };
}

export const extraField: StructureCause = {
  code: 'extra-field',
  layer: 'structure',
  title: text('A field signed that is not part of the MAC', 'Ett fält som inte ingår i MAC:en har signerats'),
  tries: text(
    'each other field of the message (NB_VERSION, URLs, NB_KVV…) inserted at every position, and every field of the form',
    'varje annat fält i meddelandet (NB_VERSION, URL:er, NB_KVV…) insatt på varje position, och alla formulärets fält',
  ),
  pairsWith: ['amount-format', 'whitespace', 'field-order', 'missing-field', 'separator'],
  example: example('HMAC-SHA256 of "0002&999999&00002&899,00&SEK&123450" (NB_VERSION signed first)', '8A089B807D94924AF8A1FAC7FAE8970E'),
  shapes,
};
