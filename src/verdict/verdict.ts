/**
 * The verdict on one message, the one object every tool renders its top line and each message card
 * or row from: the level (ok | warning | error), the policy's codes, the field findings, the
 * cross-check against the order and, on a MAC mismatch, the mismatch doctor's explanation (run at
 * once, bounded by the doctor's own search). `codes` lists them all for the tools' `data-codes`
 * hooks, and `line` says the verdict, its cause and the fix in words, in English and Swedish.
 */
import { detectKind } from '../reading/detect.ts';
import { diagnoseMac, type Diagnosis, type DoctorCause, type DoctorOptions } from '../doctor/index.ts';
import { MESSAGES, type MessageKind } from '../protocol/fields.ts';
import { keyForDate, normalizeKeys, type KeyRingEntry, type Keys } from '../protocol/key-ring.ts';
import { toEntries, toRecord, type FieldInput } from '../protocol/message.ts';
import { crossCheck, type CrossCheckRow } from '../judging/pairing.ts';
import { POLICY, type Direction, type PolicyCode } from '../judging/policy.ts';
import { text, type Text } from '../protocol/text.ts';
import type { Level } from '../judging/validate.ts';
import { keyDate, verifyMessage, type Verification, type VerifyOptions } from '../judging/verify.ts';

/** What a message is judged with: `verifyMessage`'s options (encoding, kind, date, now, check digit, earlier stamps), and: */
export interface VerdictContext extends VerifyOptions {
  /** One key or a key ring; none: the MAC is not checked (`no-key`). */
  readonly keys?: Keys | null;
  /** The order an answer is checked against (its request, or some of its fields). */
  readonly order?: FieldInput | null;
  /** Whether a MAC mismatch is diagnosed at once (default `true`); `false` leaves `doctor` `pending`, for `withDiagnosis` later. */
  readonly diagnose?: boolean;
  /** A charset the message's page or request declares: the doctor verifies in it first and names it. */
  readonly declared?: DoctorOptions['declared'];
}

/** A field that is not right, as the bank's test page says it. */
export interface FieldFinding {
  readonly field: string;
  readonly code: string;
  readonly level: 'warning' | 'error';
  readonly message: Text;
  readonly suggestion?: string;
}

/** The mismatch doctor's word on a failing MAC. */
export interface VerdictDoctor {
  /** `explained`: `causes` say why; `unexplained`: nothing tried explains it; `pending`: not run yet; `failed`: it could not run (bad input). */
  readonly status: 'explained' | 'unexplained' | 'pending' | 'failed';
  readonly causes: readonly DoctorCause[];
  readonly explanation: Text | null;
  readonly fix: Text | null;
}

/** The cause the top line names, and where it is. */
export interface VerdictCause {
  readonly code: string;
  readonly field?: string;
  readonly message: Text;
  /** Where its details are: the doctor, a finding, a field's row, the cross-check. */
  readonly source: 'doctor' | 'finding' | 'field' | 'order';
}

export interface Verdict {
  readonly level: Level;
  readonly kind: MessageKind | null;
  readonly direction: Direction | null;
  readonly verification: Verification;
  /** The policy's codes among the findings (`hex-case`, `kvv-missing`, `mac-mismatch`…), at any level. */
  readonly policy: PolicyCode[];
  /** Every field that is not right (warning or error). */
  readonly fields: FieldFinding[];
  /** The answer against its order (empty without one). */
  readonly crossCheck: CrossCheckRow[];
  /** On a failing MAC (mismatch, malformed), the doctor's word; `null` otherwise. */
  readonly doctor: VerdictDoctor | null;
  /** Every code, each once: policy and other findings, field findings, the cross-check's, and the doctor's causes. */
  readonly codes: string[];
  /** What the top line names first (`null` when the level is ok). */
  readonly cause: VerdictCause | null;
  /** The fix, when one is known. */
  readonly fix: Text | null;
  /** The top line: the verdict, the cause, then the fix. */
  readonly line: Text;
}

/** The level's word on a top line. */
const LEVEL_WORDS: Readonly<Record<Level, Text>> = {
  ok: text('OK', 'OK'),
  warning: text('Warning', 'Varning'),
  error: text('Error', 'Fel'),
};

const isPolicyCode = (code: string): code is PolicyCode => Object.hasOwn(POLICY, code);
const FAILED = new Set<Verification['outcome']>(['mismatch', 'malformed-mac']);
/** The level of a cross-check row: written differently with the same meaning is no problem (the bank pads " SEK"); another value is an error. */
export const CROSS_CHECK_LEVELS: Readonly<Record<CrossCheckRow['result'], Level>> = { same: 'ok', 'same-meaning': 'ok', different: 'error' };

/** The level of the doctor's diagnosis: a MAC that verifies is ok; one explained or not is an error. */
export const DIAGNOSIS_LEVELS: Readonly<Record<Diagnosis['status'], Level>> = { correct: 'ok', explained: 'error', unexplained: 'error' };
const worst = (levels: readonly Level[]): Level => (levels.includes('error') ? 'error' : levels.includes('warning') ? 'warning' : 'ok');

/** Words named by their field unless they start with it: `NB_KVV: …`. */
function named(field: string | undefined, words: Text): Text {
  const put = (w: string) => (field && !w.startsWith(field) ? `${field}: ${w}` : w);
  return text(put(words.en), put(words.sv));
}

function okWords(v: Verification): Text {
  if (v.outcome === 'verified') {
    return text(`no errors; the MAC verifies (${v.expectedMac}).`, `inga fel; MAC:en stämmer (${v.expectedMac}).`);
  }
  return text('no errors.', 'inga fel.');
}

/** Puts a verdict's parts together: level, codes, cause, fix and line. */
function assemble(verification: Verification, cross: CrossCheckRow[], doctor: VerdictDoctor | null): Verdict {
  const v = verification;
  const kind = v.kind;
  const direction = kind ? MESSAGES[kind].direction : null;
  const fields: FieldFinding[] = v.rows
    .filter((r) => r.level !== 'ok')
    .map((r) => ({ field: r.name, code: r.code, level: r.level as 'warning' | 'error', message: r.message, ...(r.suggestion !== undefined ? { suggestion: r.suggestion } : {}) }));
  // The policy's codes at any level: a finding's, or a field row's (its `info` leaves the row ok: " SEK" in an answer).
  const policy = [...new Set([...v.findings.map((f) => f.code), ...v.rows.map((r) => r.code)].filter(isPolicyCode))];
  const crossCodes = cross.filter((c) => c.result === 'different').map((c) => c.code ?? 'order-different');
  const codes = [
    ...new Set([
      ...v.findings.filter((f) => f.level !== 'info' || isPolicyCode(f.code)).map((f) => f.code),
      ...policy,
      ...fields.map((f) => f.code),
      ...crossCodes,
      ...(doctor?.causes ?? []),
    ]),
  ];
  const level = worst([v.verdict, ...cross.map((c) => CROSS_CHECK_LEVELS[c.result])]);

  let cause: VerdictCause | null = null;
  let fix: Text | null = null;
  if (level !== 'ok') {
    const finding = v.findings.find((f) => f.level === level);
    const row = fields.find((f) => f.level === level);
    const order = cross.find((c) => c.result === 'different');
    if (doctor?.status === 'explained' && level === 'error' && doctor.explanation) {
      cause = { code: doctor.causes[0] ?? 'mac-mismatch', field: 'NB_HMAC', message: doctor.explanation, source: 'doctor' };
      fix = doctor.fix;
    } else if (finding) {
      cause = { code: finding.code, ...(finding.field ? { field: finding.field } : {}), message: finding.message, source: 'finding' };
    } else if (row) {
      cause = { code: row.code, field: row.field, message: row.message, source: 'field' };
      if (row.suggestion !== undefined && !row.message.en.includes(row.suggestion)) {
        fix = text(`Write ${row.field} as "${row.suggestion}".`, `Skriv ${row.field} som ”${row.suggestion}”.`);
      }
    } else if (order) {
      cause = { code: order.code ?? 'order-different', field: order.field, message: order.message, source: 'order' };
    }
  }
  const word = LEVEL_WORDS[level];
  const words = cause ? named(cause.source === 'doctor' ? undefined : cause.field, cause.message) : okWords(v);
  const line = text(`${word.en}: ${words.en}${fix ? ` ${fix.en}` : ''}`, `${word.sv}: ${words.sv}${fix ? ` ${fix.sv}` : ''}`);
  return { level, kind, direction, verification: v, policy, fields, crossCheck: cross, doctor, codes, cause, fix, line };
}

/** The doctor on a verification whose MAC failed, with the keys it was checked with; `null` when it did not fail. */
function diagnose(fields: FieldInput, v: Verification, keys: Keys | null | undefined, run: boolean, declared?: DoctorOptions['declared']): VerdictDoctor | null {
  if (!v.kind || !FAILED.has(v.outcome) || !keys) return null;
  if (!run) return { status: 'pending', causes: [], explanation: null, fix: null };
  try {
    const d = diagnoseMac(v.kind, fields, v.givenMac ?? '', keys, { encoding: v.encoding, ...(declared ? { declared } : {}), ...(v.date ? { date: v.date } : {}) });
    const first = d.findings[0];
    return first
      ? { status: 'explained', causes: [...first.causes], explanation: first.explanation, fix: first.fix }
      : { status: 'unexplained', causes: [], explanation: d.message, fix: null };
  } catch (error) {
    const message = (error as { text?: Text }).text ?? text(String(error), String(error));
    return { status: 'failed', causes: [], explanation: message, fix: null };
  }
}

/**
 * Judges one message: `verifyMessage` (kind, status, MAC, KVV, the policy, every field), the
 * cross-check against `context.order` for an answer, and on a failing MAC the mismatch doctor at
 * once (unless `context.diagnose` is `false`). Never throws on bad input.
 */
export function judgeMessage(fields: FieldInput, context: VerdictContext = {}): Verdict {
  const { keys, order, diagnose: run = true, declared, ...options } = context;
  const v = verifyMessage(fields, keys, options);
  const answer = v.kind !== null && MESSAGES[v.kind].direction === 'bankToShop';
  const cross = answer && order && toEntries(order).length ? crossCheck(v.kind!, fields, order) : [];
  return assemble(v, cross, diagnose(fields, v, keys, run, declared));
}

/** A verdict judged with `diagnose: false`, now with the doctor's word (the same verdict when its MAC did not fail). */
export function withDiagnosis(verdict: Verdict, fields: FieldInput, keys: Keys | null | undefined, declared?: DoctorOptions['declared']): Verdict {
  if (verdict.doctor?.status !== 'pending') return verdict;
  return assemble(verdict.verification, verdict.crossCheck, diagnose(fields, verdict.verification, keys, true, declared));
}

/** The key of a ring a message is signed with, as `verifyMessage` picks it by date (`null` when none is valid then). */
export interface KeyChoice {
  readonly entry: KeyRingEntry | null;
  readonly index: number;
  /** The date it was picked for: given, an answer's NB_PAID, or a request's today in Sweden. */
  readonly date: string | null;
  readonly warnings: Text[];
}

/**
 * Which key of `keys` signs `fields`, and for which date — the calculator's choice, made as
 * `verifyMessage` makes it (the date in Sweden, never the browser's local date).
 */
export function keyForMessage(fields: FieldInput, keys: Keys, context: Pick<VerdictContext, 'kind' | 'date' | 'now'> = {}): KeyChoice {
  const ring = normalizeKeys(keys);
  const kind = context.kind ?? detectKind(fields);
  const { date } = kind ? keyDate(MESSAGES[kind].direction, toRecord(fields), context) : { date: null };
  if (ring.length === 1 || !date || !ring.some((e) => e.from || e.to)) return { entry: ring[0] ?? null, index: ring.length ? 0 : -1, date, warnings: [] };
  const selection = keyForDate(ring, date);
  return { entry: selection.entry ?? null, index: selection.index, date, warnings: selection.warnings };
}

/** The worst level the verdict gives a field (its findings and its row): `ok` when nothing is wrong with it. */
export function fieldLevel(verdict: Verdict, field: string): Level {
  const v = verdict.verification;
  return worst([...v.findings.filter((f) => f.field === field && f.level !== 'info').map((f) => f.level as Level), ...v.rows.filter((r) => r.name === field).map((r) => r.level)]);
}

/** Several messages' verdicts as one top line: the first with an error (else a warning, else the first), the worst level, and every code. */
export interface OverallVerdict {
  readonly level: Level;
  readonly codes: string[];
  /** The position of the verdict the line names, in the list given (`-1` for an empty list). */
  readonly index: number;
}

export function overallVerdict(verdicts: readonly Pick<Verdict, 'level' | 'codes'>[]): OverallVerdict {
  const level = worst(verdicts.map((v) => v.level));
  const index = verdicts.findIndex((v) => v.level === level);
  return { level, codes: [...new Set(verdicts.flatMap((v) => v.codes))], index };
}
