import { MESSAGE_KINDS, MESSAGES } from '../../protocol/fields.ts';
import { SEPARATOR, signedFields, toRecord, type FieldEntry } from '../../protocol/message.ts';
import { text } from '../../protocol/text.ts';
import { joinInto } from '../bytes.ts';
import type { CauseContext, Shape, StructureCause } from '../types.ts';
import { example } from './example.ts';

const names = (entries: readonly FieldEntry[]): string => entries.map((e) => e.name).join(', ');
const join = (entries: readonly FieldEntry[]): string => entries.map((e) => e.value).join(SEPARATOR);

/** The MAC string of another message kind formed from the same fields (NB_X read as NB_RETURN_X and back). */
function shapes({ kind, base, fields, pieces }: CauseContext): { shapes: Shape[] } {
  const amp = pieces.of(SEPARATOR);
  const record = toRecord(fields);
  const augmented: Record<string, string> = { ...record };
  for (const [name, value] of Object.entries(record)) {
    const twin = name.startsWith('NB_RETURN_') ? `NB_${name.slice('NB_RETURN_'.length)}` : `NB_RETURN_${name.slice(3)}`;
    if (!(twin in augmented)) augmented[twin] = value;
  }
  const baseString = join(base);
  const found: Shape[] = [];
  for (const other of MESSAGE_KINDS) {
    let signed: FieldEntry[] | null = null;
    try {
      signed = signedFields(other, augmented);
    } catch {
      // The fields cannot form this kind (a signed field or NB_VERIFIED missing).
    }
    // Not a kind that signs nothing (ERR), nor one whose string is this message's own (this kind among them).
    if (!signed || join(signed) === baseString) continue;
    const otherSigned = signed;
    const otherPieces = signed.map((e) => pieces.of(e.value));
    const title = MESSAGES[other].title;
    found.push({
      cause: 'other-kind',
      step: 'join',
      pairable: 'none',
      parts: (_, out) => joinInto(otherPieces, amp, out),
      say: () =>
        text(
          `This is the MAC of another message, ${title.en} (${names(otherSigned)}), not of ${MESSAGES[kind].title.en}.`,
          `Detta är MAC för ett annat meddelande, ${title.sv} (${names(otherSigned)}), inte för ${MESSAGES[kind].title.sv}.`,
        ),
    });
  }
  return { shapes: found };
}

export const otherKind: StructureCause = {
  code: 'other-kind',
  layer: 'structure',
  title: text('The MAC of another message kind', 'MAC för en annan meddelandetyp'),
  tries: text('the MAC string of every other message kind the fields can form', 'MAC-strängen för varje annan meddelandetyp som fälten kan bilda'),
  pairsWith: [],
  example: example('HMAC-SHA256 of "999999&00002" (the payment check’s MAC string)', '63E109CFCDA75E201847F6926FBA47E0'),
  shapes,
};
