/**
 * The session view's work, without DOM: extraction, verification and diagnosis of a whole HAR or
 * log. The worker (`session-worker.ts`) runs it for large inputs; the element runs `analyse` itself
 * for small ones. Results are plain data (structured-clone safe) and never hold a key.
 */
import { explainStatus, findReplays } from '../../src/verdict/decode.ts';
import type { Encoding } from '../../src/protocol/encoding.ts';
import { extractMessages, type ExtractProblem, type MessageSource, type StampTimeline } from '../../src/verdict/extract.ts';
import { MESSAGES, type MessageKind } from '../../src/protocol/fields.ts';
import type { Keys } from '../../src/protocol/key-ring.ts';
import type { FieldEntry } from '../../src/protocol/message.ts';
import type { ParseResult } from '../../src/reading/parse.ts';
import type { Text } from '../../src/protocol/text.ts';
import type { Level } from '../../src/judging/validate.ts';
import { judgeMessage, type Verdict } from '../../src/verdict/verdict.ts';
import type { MacOutcome } from '../../src/judging/verify.ts';

/** One message of the session, verified. */
export interface SessionRow {
  readonly index: number;
  readonly kind: MessageKind;
  readonly fields: FieldEntry[];
  readonly source: MessageSource;
  readonly stamp: string | null;
  readonly pair: number | null;
  readonly outcome: MacOutcome;
  /** `true` verified, `false` failed (mismatch, malformed or missing MAC), `null` not checked or proves nothing by design. */
  readonly verified: boolean | null;
  readonly givenMac: string | null;
  readonly encoding: Encoding;
  readonly date: string | null;
  /** The status in words (`explainStatus`). */
  readonly headline: Text;
  /** The verdict's level, codes and top line (`judgeMessage`, the doctor not run yet). */
  readonly level: Level;
  readonly codes: string[];
  readonly line: Text;
  /** The request an answer pairs with, which it is cross-checked against; `null` for none. */
  readonly order: FieldEntry[] | null;
  /** Indexes of the replay warnings about this message. */
  readonly replays: number[];
}

/** The doctor's word on a failing MAC, and the row's verdict with it (level, codes, top line). */
export interface SessionDiagnosis {
  readonly status: 'correct' | 'explained' | 'unexplained' | 'error';
  readonly message: Text;
  readonly fix?: Text;
  readonly level: Level;
  readonly codes: string[];
  readonly line: Text;
}

export interface SessionReplay {
  readonly level: 'warning' | 'info';
  readonly message: Text;
  readonly messages: number[];
}

export interface SessionSummary {
  readonly format: 'har' | 'json' | 'text' | null;
  readonly stamps: StampTimeline[];
  readonly problems: ExtractProblem[];
  readonly replays: SessionReplay[];
}

export interface SessionCounts {
  readonly messages: number;
  readonly verified: number;
  readonly failed: number;
  /** Replay warnings (a receipt or NB_PAID seen twice); repeated checks are only notes. */
  readonly replays: number;
}

/** Where the work is: reading, finding messages, verifying them, diagnosing failures. */
export type SessionPhase = 'read' | 'extract' | 'verify' | 'diagnose';

export interface AnalyseOptions {
  readonly encoding?: Encoding;
  readonly onProgress?: (phase: SessionPhase, done: number, total: number) => void;
}

const FAILED: ReadonlySet<MacOutcome> = new Set(['mismatch', 'malformed-mac', 'missing-mac']);

/** Whether the row's MAC was checked and does not hold, so the doctor should look at it. */
export const rowFailed = (row: SessionRow): boolean => row.verified === false && FAILED.has(row.outcome);

/** A row in one word, from its verdict: verified (MAC verified, no error), failed (an error: a MAC that fails, NB_KVV missing…), or other (not checked, or proves nothing by design). */
export type RowMark = 'verified' | 'failed' | 'other';

export const markOf = (row: SessionRow): RowMark => (row.level === 'error' ? 'failed' : row.verified === true ? 'verified' : 'other');

/**
 * Rows as the page keeps them: what filters need (kind, mark) side by side, and each row as
 * JSON, read only when it is shown. Few objects cross to the page, so taking them in stays short.
 */
export interface RowBatch {
  readonly kinds: MessageKind[];
  readonly marks: RowMark[];
  readonly json: string[];
}

export function packRows(rows: readonly SessionRow[]): RowBatch {
  return {
    kinds: rows.map((r) => r.kind),
    marks: rows.map(markOf),
    json: rows.map((r) => JSON.stringify(r)),
  };
}

/** Every message of the text, verified with the keys (none: not checked), replays found over all. */
export function analyse(input: string, keys: Keys | null, options: AnalyseOptions = {}): { rows: SessionRow[]; summary: SessionSummary; counts: SessionCounts } {
  const progress = options.onProgress;
  const extracted = extractMessages(input, progress ? { onProgress: (done, total) => progress('extract', done, total) } : {});
  const { messages } = extracted;
  const warnings = findReplays(
    messages.map((m) => m.fields),
    messages.map((m) => m.kind),
    messages.map((m) => m.delivery),
  );
  const replaysOf = new Map<number, number[]>();
  warnings.forEach((w, i) => w.messages.forEach((m) => replaysOf.set(m, [...(replaysOf.get(m) ?? []), i])));
  const rows = messages.map((m, i): SessionRow => {
    if (progress && i % 500 === 499) progress('verify', i + 1, messages.length);
    const paired = m.pair === null ? null : messages[m.pair]!;
    const order = paired && MESSAGES[m.kind].direction === 'bankToShop' ? paired.fields : null;
    // A charset the HAR entry declares for the body is verified in first (the doctor names it).
    const encoding = m.source.charset ?? options.encoding;
    const verdict = judgeMessage(m.fields, { keys, kind: m.kind, order, diagnose: false, ...(encoding ? { encoding } : {}) });
    const v = verdict.verification;
    return {
      index: m.index,
      kind: m.kind,
      fields: m.fields,
      source: m.source,
      stamp: m.stamp,
      pair: m.pair,
      outcome: v.outcome,
      verified: v.verified,
      givenMac: v.givenMac,
      encoding: v.encoding,
      date: v.date,
      headline: explainStatus(m.fields, v).headline,
      ...hooks(verdict),
      order,
      replays: replaysOf.get(m.index) ?? [],
    };
  });
  const marks = rows.map(markOf);
  return {
    rows,
    summary: {
      format: extracted.format,
      stamps: extracted.stamps,
      problems: extracted.problems,
      replays: warnings.map((w) => ({ level: w.level, message: w.message, messages: w.messages })),
    },
    counts: {
      messages: rows.length,
      verified: marks.filter((m) => m === 'verified').length,
      failed: marks.filter((m) => m === 'failed').length,
      replays: warnings.filter((w) => w.level === 'warning').length,
    },
  };
}

const hooks = (verdict: Verdict): { level: Level; codes: string[]; line: Text } => ({ level: verdict.level, codes: verdict.codes, line: verdict.line });

/** The mismatch doctor on a failing row (the row judged again, with the doctor): what explains the MAC received, and what would be right. */
export function diagnoseRow(row: SessionRow, keys: Keys): SessionDiagnosis {
  const declared = row.source.charset ? { declared: { encoding: row.source.charset, source: 'content-type' as const } } : {};
  const verdict = judgeMessage(row.fields, { keys, kind: row.kind, encoding: row.encoding, order: row.order, ...declared, ...(row.date ? { date: row.date } : {}) });
  const d = verdict.doctor;
  const status = !d || d.status === 'pending' || d.status === 'failed' ? 'error' : d.status;
  return { status, message: d?.explanation ?? verdict.line, ...(d?.fix ? { fix: d.fix } : {}), ...hooks(verdict) };
}

// ---------------------------------------------------------------- the worker's messages

/** To the worker: analyse a text or a file (keys in memory only, never stored), or diagnose rows. */
export type SessionRequest =
  | { readonly type: 'analyse'; readonly input: string | Blob; readonly keys: Keys | null; readonly encoding: Encoding }
  | { readonly type: 'diagnose'; readonly rows: SessionRow[]; readonly keys: Keys }
  /** A paste box's large paste: its fields read (`parseFields`), answered as one `fields` reply. */
  | { readonly type: 'fields'; readonly input: string };

/** From the worker: progress, the rows in batches, the summary, then the diagnoses of failing rows. */
export type SessionReply =
  | { readonly type: 'progress'; readonly phase: SessionPhase; readonly done: number; readonly total: number }
  | { readonly type: 'rows'; readonly batch: RowBatch }
  | { readonly type: 'done'; readonly summary: SessionSummary; readonly counts: SessionCounts }
  | { readonly type: 'diagnoses'; readonly items: ReadonlyArray<{ readonly index: number; readonly diagnosis: SessionDiagnosis }> }
  | { readonly type: 'fields'; readonly result: ParseResult }
  | { readonly type: 'finished' }
  /** Anything that went wrong in the worker (its name and message): the page says so and offers a retry. */
  | { readonly type: 'failed'; readonly error: string };
