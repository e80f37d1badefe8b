/** Which message a set of fields is, from the field names present. */
import { MESSAGE_KINDS, MESSAGES, type MessageKind } from './fields.ts';
import type { FieldEntry, FieldInput } from './message.ts';

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

/** The names given (entries whose value is undefined or null are not fields, as in toEntries). */
function namesOf(fields: FieldInput): Set<string> {
  const names = new Set<string>();
  if (Array.isArray(fields)) {
    for (const e of fields as readonly FieldEntry[]) if (e.value !== undefined && e.value !== null) names.add(e.name);
  } else for (const [name, value] of Object.entries(fields)) if (value !== undefined && value !== null) names.add(name);
  return names;
}

/** Every kind ranked by how well the field names fit it, best first. */
export function rankKinds(fields: FieldInput): KindScore[] {
  return rank(namesOf(fields)).map(({ matched: _, ...score }) => score);
}

function rank(names: ReadonlySet<string>): Array<KindScore & { matched: number }> {
  return MESSAGE_KINDS.map((kind) => {
    const own = OWN.get(kind)!;
    let matched = 0;
    const foreign: string[] = [];
    for (const n of names) {
      if (own.has(n)) matched++;
      else if (n.startsWith('NB_')) foreign.push(n);
    }
    const missing: string[] = [];
    for (const f of MESSAGES[kind].fields) if (f.use === 'mandatory' && !names.has(f.name)) missing.push(f.name);
    return { kind, score: matched * 2 - foreign.length * 3 - missing.length, missing, foreign, matched };
  }).sort((a, b) => b.score - a.score);
}

/** The message kind the fields most likely are, or `null` when no NB_ field fits any message. */
export function detectKind(fields: FieldInput): MessageKind | null {
  const [best] = rank(namesOf(fields));
  return best && best.matched > 0 ? best.kind : null;
}
