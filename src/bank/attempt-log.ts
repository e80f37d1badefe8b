/**
 * The simulator's attempt log: every request that reached the simulated bank, with its kind,
 * verdict, encoding, fields, the exact signed strings of the request and of the answer, the
 * outcome and why it failed. Pure functions over a list of `Attempt`s; the page keeps the list
 * (IndexedDB). An attempt never holds a key: only what was posted and answered.
 */
import { calculatorCase } from '../doctor/index.ts';
import { ENCODINGS, type Encoding } from '../protocol/encoding.ts';
import { macString, toRecord, type FieldEntry } from '../protocol/message.ts';
import { SIMULATOR_ENDPOINTS, type Ledger, type RequestKind, type SimulatedAnswer } from './simulator.ts';
import { EbetError, quoted, text, type Text } from '../protocol/text.ts';
import { verdict, type Level, type UsedStamp, type ValidationRow } from '../judging/validate.ts';
import { newestWithin, valueCutter, type CutValue } from './bounds.ts';

export type { CutValue } from './bounds.ts';

/** What became of an attempt: not answered yet, or the answer chosen. */
export const ATTEMPT_OUTCOMES = ['received', 'paid', 'receipt', 'refused', 'cancelled', 'rejected', 'answered', 'not-found'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export const ATTEMPT_OUTCOME_NAMES: Readonly<Record<AttemptOutcome, Text>> = {
  received: text('received, not answered', 'mottagen, inte besvarad'),
  paid: text('paid, receipt posted to NB_RETURN', 'betald, kvittot skickat till NB_RETURN'),
  receipt: text('paid, receipt shown', 'betald, kvitto visat'),
  refused: text('payment refused', 'betalningen nekad'),
  cancelled: text('cancelled', 'avbruten'),
  rejected: text('rejected', 'avvisad'),
  answered: text('answered', 'besvarad'),
  'not-found': text('answered “Not Found” (MAC)', 'besvarad ”Not Found” (MAC)'),
};

/** A finding of the request's validation, as kept in the log. */
export interface AttemptProblem {
  readonly name: string;
  readonly level: Exclude<Level, 'ok'>;
  readonly code: string;
  readonly message: Text;
}

export interface AttemptAnswer {
  readonly kind: string;
  /** NB_VERIFIED, or `YES` for a pay direct receipt; absent for "Not Found". */
  readonly status?: 'YES' | 'NO' | 'ERR';
  readonly fields: Readonly<Record<string, string>>;
  /** The exact string the answer's MAC was computed over; `null` when unsigned. */
  readonly macString: string | null;
}

export interface Attempt {
  readonly id: string;
  /** When it arrived, as an ISO date-time. */
  readonly at: string;
  /** `posted` through the simulator's address, or `pasted` into the page. */
  readonly source: 'posted' | 'pasted';
  readonly kind: RequestKind;
  readonly encoding: Encoding;
  /** The worst level of the request's validation rows. */
  readonly verdict: Level;
  /** Each field as posted, in order (duplicates kept). */
  readonly fields: readonly FieldEntry[];
  /** The exact string the request's MAC is computed over; `null` when it cannot be made (a signed field missing). */
  readonly requestString: string | null;
  /** Every row that was not OK. */
  readonly problems: readonly AttemptProblem[];
  readonly outcome: AttemptOutcome;
  readonly answer?: AttemptAnswer;
  /** Why it failed, or what the answer said. */
  readonly reason?: Text;
  /** What was cut to keep the record small (see `ATTEMPT_LIMITS`): absent when nothing was. */
  readonly cut?: AttemptCut;
}

/** How large one attempt may be, and the whole log: a paste of 100,000 inputs never makes a 30 MB record. */
export const ATTEMPT_LIMITS = {
  /** Fields kept per attempt (the rest are counted). */
  fields: 300,
  /** Characters kept of a name, a value or the request's string. */
  chars: 1000,
  /** Problems kept per attempt. */
  problems: 100,
  /** The whole log, in characters of its JSON: beyond it the oldest attempts are dropped. */
  log: 4 * 1024 * 1024,
} as const;

export interface AttemptCut {
  /** How many fields were posted (more than were kept). */
  readonly fields?: number;
  /** How many problems there were (more than were kept). */
  readonly problems?: number;
  /** The names, values and request string kept cut (the request string's field is `""`). */
  readonly values: readonly CutValue[];
}

/**
 * The attempt as the log keeps it: at most `ATTEMPT_LIMITS` fields, problems and characters, what
 * was cut noted; the attempt itself when nothing needs cutting.
 */
export function boundAttempt(attempt: Attempt): Attempt {
  const { fields: maxFields, chars, problems: maxProblems } = ATTEMPT_LIMITS;
  const values: CutValue[] = [];
  const cut = valueCutter(chars, values);
  const fields = attempt.fields.slice(0, maxFields).map(({ name, value }) => ({ name: cut(name, name), value: cut(name, value) }));
  const requestString = attempt.requestString === null ? null : cut('', attempt.requestString);
  // Messages may quote a value: they are cut too.
  const words = (t: Text): Text => (t.en.length <= chars && t.sv.length <= chars ? t : text(`${t.en.slice(0, chars - 1)}…`, `${t.sv.slice(0, chars - 1)}…`));
  const problems = attempt.problems.slice(0, maxProblems).map((p) => ({ ...p, name: p.name.slice(0, chars), message: words(p.message) }));
  const reason = attempt.reason && words(attempt.reason);
  // The answer echoes the request's values (a reference of a megabyte comes back in the receipt).
  const answer = attempt.answer && {
    ...attempt.answer,
    fields: Object.fromEntries(Object.entries(attempt.answer.fields).map(([name, value]) => [name, cut(name, value)])),
    macString: attempt.answer.macString === null ? null : cut('', attempt.answer.macString),
  };
  const more = attempt.fields.length > maxFields || attempt.problems.length > maxProblems || reason !== attempt.reason || problems.some((p, i) => p.message !== attempt.problems[i]!.message);
  if (!values.length && !more) return attempt;
  return {
    ...attempt,
    fields,
    requestString,
    problems,
    ...(reason ? { reason } : {}),
    ...(answer ? { answer } : {}),
    cut: {
      ...(attempt.fields.length > maxFields ? { fields: attempt.fields.length } : {}),
      ...(attempt.problems.length > maxProblems ? { problems: attempt.problems.length } : {}),
      values,
    },
  };
}

/**
 * The attempts the log keeps within its budget (`ATTEMPT_LIMITS.log` characters of JSON): the
 * newest first, the oldest dropped. `attempts` is oldest first, as the log reads them.
 */
export function withinBudget(attempts: readonly Attempt[], budget: number = ATTEMPT_LIMITS.log): Attempt[] {
  return newestWithin(attempts, budget);
}

/** A new attempt from a checked request (not answered yet). */
export function newAttempt(
  id: string,
  at: Date,
  source: Attempt['source'],
  kind: RequestKind,
  encoding: Encoding,
  fields: readonly FieldEntry[],
  rows: readonly ValidationRow[],
): Attempt {
  let requestString: string | null;
  try {
    requestString = macString(kind, fields);
  } catch (error) {
    if (!(error instanceof EbetError)) throw error;
    requestString = null;
  }
  return boundAttempt({
    id,
    at: at.toISOString(),
    source,
    kind,
    encoding,
    verdict: verdict(rows),
    fields: fields.map(({ name, value }) => ({ name, value })),
    requestString,
    // A row about the key itself is left out: the log holds what was posted, never anything of a key.
    problems: rows.filter((r) => r.level !== 'ok' && r.name !== 'key').map((r) => ({ name: r.name, level: r.level as AttemptProblem['level'], code: r.code, message: r.message })),
    outcome: 'received',
  });
}

/** The attempt after the simulated bank answered it. */
export function withAnswer(attempt: Attempt, answer: SimulatedAnswer, sent = true): Attempt {
  if (answer.outcome === 'notFound') return { ...attempt, outcome: 'not-found', reason: answer.reason };
  const refused = answer.kind === 'payDirectReturn' && answer.status !== 'YES';
  return boundAttempt({
    ...attempt,
    outcome: answer.kind === 'payDirectReturn' ? (refused ? 'refused' : sent ? 'paid' : 'receipt') : 'answered',
    reason: answer.reason,
    ...(refused ? {} : { answer: { kind: answer.kind, status: answer.status, fields: answer.fields, macString: answer.macString } }),
  });
}

/** The attempt after the buyer cancelled or the bank rejected it (nothing is signed). */
export function withExit(attempt: Attempt, outcome: 'cancelled' | 'rejected'): Attempt {
  const { answer: _answer, reason: _reason, ...rest } = attempt;
  return { ...rest, outcome };
}

/** Whether an attempt failed: an error in the request, a refused payment, an ERR answer or "Not Found". */
export function attemptFailed(attempt: Attempt): boolean {
  return attempt.verdict === 'error' || attempt.outcome === 'refused' || attempt.outcome === 'not-found' || attempt.answer?.status === 'ERR';
}

/** Why an attempt failed, in words: the answer's reason, else the request's first error. */
export function failureReason(attempt: Attempt): Text | null {
  if (!attemptFailed(attempt)) return null;
  if (attempt.reason && attempt.outcome !== 'received') return attempt.reason;
  return attempt.problems.find((p) => p.level === 'error')?.message ?? attempt.reason ?? null;
}

export interface AttemptFilter {
  /** `failed`, a verdict, or everything. */
  readonly result?: 'all' | 'failed' | Level;
  readonly kind?: RequestKind | 'all';
  /** Text looked for in the fields' names and values, the outcome and the problems (case-insensitive). */
  readonly query?: string;
}

/** The attempts that match a filter, newest first. */
export function filterAttempts(attempts: readonly Attempt[], filter: AttemptFilter = {}): Attempt[] {
  const query = (filter.query ?? '').trim().toLowerCase();
  return attempts
    .filter((a) => {
      if (filter.kind && filter.kind !== 'all' && a.kind !== filter.kind) return false;
      const result = filter.result ?? 'all';
      if (result === 'failed' ? !attemptFailed(a) : result !== 'all' && a.verdict !== result) return false;
      if (!query) return true;
      const haystack = [
        a.outcome,
        ...a.fields.flatMap((f) => [f.name, f.value]),
        ...a.problems.flatMap((p) => [p.code, p.message.en, p.message.sv]),
        a.reason?.en ?? '',
        a.reason?.sv ?? '',
      ];
      return haystack.some((s) => s.toLowerCase().includes(query));
    })
    .sort((x, y) => byTime(y, x));
}

/** Orders attempts oldest first (for `Array.prototype.sort`). */
export function byTime(x: Attempt, y: Attempt): number {
  return x.at < y.at ? -1 : x.at > y.at ? 1 : 0;
}

/**
 * The NB_STAMPs a shop already used for a payment, each with when and in what: every earlier pay direct
 * attempt of the shop in the log (other than `exceptId` and those only pasted, never answered) and every payment in the ledger.
 * For `validateFields`' `usedStamps`.
 */
export function usedStamps(attempts: readonly Attempt[], ledger: Ledger, rcvId: string, exceptId?: string): Map<string, UsedStamp> {
  const used = new Map<string, UsedStamp>();
  for (const p of ledger.payments) if (p.rcvId === rcvId) used.set(p.stamp, { at: p.at, in: text('in a payment the simulated bank paid', 'i en betalning som den simulerade banken har betalat') });
  for (const a of attempts) {
    // A request only pasted here and never answered did not reach a bank: its stamp is not used.
    if (a.id === exceptId || a.kind !== 'payDirect' || (a.source === 'pasted' && a.outcome === 'received')) continue;
    const record = toRecord(a.fields);
    if (record.NB_RCV_ID === rcvId && record.NB_STAMP !== undefined && !used.has(record.NB_STAMP)) {
      const outcome = ATTEMPT_OUTCOME_NAMES[a.outcome];
      used.set(record.NB_STAMP, { at: a.at, in: text(`in the attempt made then (${outcome.en})`, `i försöket som gjordes då (${outcome.sv})`) });
    }
  }
  return used;
}

/** The `#case=` fragment that opens an attempt's request in the calculator and mismatch doctor (fields and MAC, never a key). */
export function attemptCase(attempt: Attempt): string {
  return calculatorCase(attempt.kind, attempt.fields, attempt.encoding);
}

/** The log as JSON, for export. */
export function attemptsToJson(attempts: readonly Attempt[]): string {
  return JSON.stringify({ format: 'ebet-attempts', version: 1, attempts }, null, 2);
}

const shapeError = (en: string, sv: string) => new EbetError('attempts-shape', text(en, sv));

const isText = (v: unknown): v is Text => typeof v === 'object' && v !== null && typeof (v as Text).en === 'string' && typeof (v as Text).sv === 'string';
const isStringRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

function readAttempt(item: unknown, i: number): Attempt {
  const n = i + 1;
  const a = item as Record<string, unknown> | null;
  const bad = (what: string, sv: string) => shapeError(`Attempt ${n}: ${what}`, `Försök ${n}: ${sv}`);
  if (typeof a !== 'object' || a === null) throw bad('not an object', 'inget objekt');
  for (const key of ['id', 'at'] as const) if (typeof a[key] !== 'string') throw bad(`no text "${key}"`, `saknar texten ”${key}”`);
  if (a.source !== 'posted' && a.source !== 'pasted') throw bad('"source" must be "posted" or "pasted"', '"source" ska vara "posted" eller "pasted"');
  if (!Object.values(SIMULATOR_ENDPOINTS).includes(a.kind as RequestKind)) throw bad(`unknown "kind" ${JSON.stringify(a.kind)}`, `okänt värde i "kind": ${quoted(String(a.kind), 'sv')}`);
  if (!ENCODINGS.includes(a.encoding as Encoding)) throw bad('"encoding" must be "utf-8" or "iso-8859-1"', '"encoding" ska vara "utf-8" eller "iso-8859-1"');
  if (!['ok', 'warning', 'error'].includes(a.verdict as string)) throw bad('"verdict" must be ok, warning or error', '"verdict" ska vara ok, warning eller error');
  if (!ATTEMPT_OUTCOMES.includes(a.outcome as AttemptOutcome)) throw bad(`unknown "outcome" ${JSON.stringify(a.outcome)}`, `okänt värde i "outcome": ${quoted(String(a.outcome), 'sv')}`);
  if (!Array.isArray(a.fields) || !a.fields.every((f) => typeof f?.name === 'string' && typeof f?.value === 'string')) {
    throw bad('"fields" must be a list of {name, value} texts', '"fields" ska vara en lista med {name, value}-texter');
  }
  if (a.requestString !== null && typeof a.requestString !== 'string') throw bad('"requestString" must be a text or null', '"requestString" ska vara en text eller null');
  if (!Array.isArray(a.problems) || !a.problems.every((p) => typeof p?.name === 'string' && typeof p?.code === 'string' && (p?.level === 'warning' || p?.level === 'error') && isText(p?.message))) {
    throw bad('"problems" must be a list of {name, level, code, message}', '"problems" ska vara en lista med {name, level, code, message}');
  }
  if (a.reason !== undefined && !isText(a.reason)) throw bad('"reason" must be {en, sv}', '"reason" ska vara {en, sv}');
  const answer = a.answer as Record<string, unknown> | undefined;
  if (answer !== undefined && (typeof answer?.kind !== 'string' || !isStringRecord(answer.fields) || (answer.macString !== null && typeof answer.macString !== 'string'))) {
    throw bad('"answer" must have a kind, fields and a macString', '"answer" ska ha kind, fields och macString');
  }
  // An imported attempt is held to the same bounds as a new one.
  return boundAttempt({
    id: a.id as string,
    at: a.at as string,
    source: a.source,
    kind: a.kind as RequestKind,
    encoding: a.encoding as Encoding,
    verdict: a.verdict as Level,
    fields: (a.fields as FieldEntry[]).map(({ name, value }) => ({ name, value })),
    requestString: a.requestString as string | null,
    problems: (a.problems as AttemptProblem[]).map(({ name, level, code, message }) => ({ name, level, code, message: text(message.en, message.sv) })),
    outcome: a.outcome as AttemptOutcome,
    ...(answer
      ? {
          answer: {
            kind: answer.kind as string,
            ...(answer.status === 'YES' || answer.status === 'NO' || answer.status === 'ERR' ? { status: answer.status } : {}),
            fields: { ...(answer.fields as Record<string, string>) },
            macString: answer.macString as string | null,
          },
        }
      : {}),
    ...(a.reason ? { reason: text((a.reason as Text).en, (a.reason as Text).sv) } : {}),
  });
}

/** Reads an exported log; throws an `EbetError` saying what is wrong and where. */
export function attemptsFromJson(json: string): Attempt[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new EbetError(
      'attempts-json',
      text(
        `This is not JSON (${(error as Error).message}); import a file exported from the attempt log`,
        `Det här är inte JSON (${(error as Error).message}); importera en fil som du har exporterat från försöksloggen`,
      ),
    );
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== 'ebet-attempts') {
    throw shapeError('This JSON is not an attempt log (no "format": "ebet-attempts")', 'Den här JSON-filen är ingen försökslogg (den saknar "format": "ebet-attempts")');
  }
  const list = (data as { attempts?: unknown }).attempts;
  if (!Array.isArray(list)) throw shapeError('"attempts" must be a list', '"attempts" ska vara en lista');
  return list.map(readAttempt);
}

/** How many attempts the log keeps (the oldest are dropped). */
export const KEEP_ATTEMPTS = 500;
