/**
 * The doctor's cause modules seen from outside, cheaply: the context a cause makes its candidates
 * from (a real message's signed fields), and each candidate written out as the string it signs, so
 * a test can compare what a cause tries with strings written by hand, without any HMAC search.
 */
import { Pieces, type Piece } from '../../src/doctor/bytes.ts';
import type { CauseContext, Shape, Tweak } from '../../src/doctor/types.ts';
import { messageSpec, type MessageKind } from '../../src/protocol/fields.ts';
import { signedFields, toEntries, type FieldInput } from '../../src/protocol/message.ts';

export interface TestContext extends CauseContext {
  /** One piece per signed value, in the handbook's order. */
  readonly values: readonly Piece[];
}

/** What the doctor hands its causes for a message (the same fields it derives in `diagnoseMac`). */
export function contextOf(kind: MessageKind, fields: FieldInput): TestContext {
  const pieces = new Pieces();
  const base = signedFields(kind, fields)!;
  return {
    kind,
    base,
    fields,
    formEntries: toEntries(fields).filter((e) => e.name !== 'NB_HMAC'),
    pieces,
    fromBank: messageSpec(kind).direction === 'bankToShop',
    values: base.map((e) => pieces.of(e.value)),
  };
}

const textOf = (parts: readonly Piece[]): string => parts.map((p) => p.text).join('');

/** The string a shape signs on its own: a select's values joined by "&", or a join's pieces. */
export function shapeString(shape: Shape, values: readonly Piece[]): string {
  const out: Piece[] = [];
  shape.parts(values, out);
  return shape.step === 'select' ? out.map((p) => p.text).join('&') : textOf(out);
}

/** The string a tweak signs: the values with its changes, joined by "&". */
export function tweakString(tweak: Tweak, values: readonly Piece[]): string {
  const changed = values.map((v) => v.text);
  for (const [at, piece] of tweak.changes) changed[at] = piece.text;
  return changed.join('&');
}
