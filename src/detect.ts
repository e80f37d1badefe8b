/** Which message a set of fields is, from the field names present. */
import { MESSAGE_KINDS, MESSAGES, type MessageKind } from './fields.ts';
import { toEntries, type FieldInput } from './message.ts';

export interface KindScore {
  readonly kind: MessageKind;
  readonly score: number;
  /** Mandatory fields of this kind that are absent. */
  readonly missing: string[];
  /** Fields present that this kind does not have. */
  readonly foreign: string[];
}

/** Each kind's field names and their aliases, built once. */
const OWN = new Map(MESSAGE_KINDS.map((kind) => [kind, new Set(MESSAGES[kind].fields.flatMap((f) => [f.name, ...(f.aliases ?? [])]))]));

/** Every kind ranked by how well the field names fit it, best first. */
export function rankKinds(fields: FieldInput): KindScore[] {
  const names = new Set(toEntries(fields).map((e) => e.name));
  return MESSAGE_KINDS.map((kind) => {
    const spec = MESSAGES[kind];
    const own = OWN.get(kind)!;
    const matched = [...names].filter((n) => own.has(n)).length;
    const foreign = [...names].filter((n) => !own.has(n) && n.startsWith('NB_'));
    const missing = spec.fields.filter((f) => f.use === 'mandatory' && !names.has(f.name)).map((f) => f.name);
    return { kind, score: matched * 2 - foreign.length * 3 - missing.length, missing, foreign };
  }).sort((a, b) => b.score - a.score);
}

/** The message kind the fields most likely are, or `null` when no NB_ field fits any message. */
export function detectKind(fields: FieldInput): MessageKind | null {
  const [best] = rankKinds(fields);
  const names = toEntries(fields).map((e) => e.name);
  if (!best || !names.some((n) => OWN.get(best.kind)!.has(n))) {
    return null;
  }
  return best.kind;
}
