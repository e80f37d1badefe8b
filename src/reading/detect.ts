/** Which message a set of fields is, from the field names present. */
import { MESSAGE_KINDS, MESSAGES, type MessageKind } from '../protocol/fields.ts';
import type { FieldEntry, FieldInput } from '../protocol/message.ts';

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

/** Each kind's mandatory fields, built once. */
const MANDATORY = new Map(MESSAGE_KINDS.map((kind) => [kind, MESSAGES[kind].fields.filter((f) => f.use === 'mandatory').map((f) => f.name)]));

/** How well the names fit a kind: its names count for it, other NB_ names and its missing mandatory fields against it. */
function fit(kind: MessageKind, names: ReadonlySet<string>): { score: number; matched: number } {
  const own = OWN.get(kind)!;
  let matched = 0;
  let foreign = 0;
  let missing = 0;
  for (const n of names) {
    if (own.has(n)) matched++;
    else if (n.startsWith('NB_')) foreign++;
  }
  for (const name of MANDATORY.get(kind)!) if (!names.has(name)) missing++;
  return { score: matched * 2 - foreign * 3 - missing, matched };
}

/** The message kind the fields most likely are, or `null` when no NB_ field fits any message. */
export function detectKind(fields: FieldInput): MessageKind | null {
  // The first kind with the best score.
  const names = namesOf(fields);
  let best: MessageKind | null = null;
  let bestScore = -Infinity;
  let matched = 0;
  for (const kind of MESSAGE_KINDS) {
    const f = fit(kind, names);
    if (f.score > bestScore) {
      best = kind;
      bestScore = f.score;
      matched = f.matched;
    }
  }
  return matched > 0 ? best : null;
}
