/**
 * Pairing, the one place that says which messages belong together: a request and its answer
 * (which kinds pair, by stamp), an answer and the order it is checked against (found by stamp,
 * compared field by field under the policy), and which answers are one delivery (the bank's
 * answer page and the browser's POST of that same form to the shop). The extract, the decoder and
 * the session view all pair with these functions; docs/session.md states the rules.
 */
import { sameAmount, sameCurrency } from '../protocol/amount.ts';
import { detectKind } from '../reading/detect.ts';
import { MESSAGES, messageSpec, type MessageKind } from '../protocol/fields.ts';
import { fieldValue, toRecord, type FieldInput } from '../protocol/message.ts';
import { compareEcho, type PolicyCode } from './policy.ts';
import { text, type Text } from '../protocol/text.ts';

// ---------------------------------------------------------------- which kinds pair, by which stamp

/** The request each answer answers: pay direct → its receipt, payment check → its answer, repayment → its answer. */
export const REQUEST_OF: Readonly<Partial<Record<MessageKind, MessageKind>>> = {
  payDirectReturn: 'payDirect',
  paymentCheckResponse: 'paymentCheck',
  repaymentResponse: 'repayment',
};

/**
 * A stamp as messages are paired by it: without spaces around it and without regard to case, so
 * that an answer whose echo differs only so still finds its request, and the cross-check (under
 * the policy: `echo-case`, `echo-whitespace`) says how it differs.
 */
export function stampKey(stamp: string): string {
  return stamp.trim().toUpperCase();
}

/** A message's stamp as written: NB_STAMP of a request, NB_RETURN_STAMP of an answer; `null` when absent. */
export function stampOf(kind: MessageKind, fields: FieldInput): string | null {
  const record = toRecord(fields);
  return (MESSAGES[kind].direction === 'shopToBank' ? record.NB_STAMP : record.NB_RETURN_STAMP) ?? null;
}

/** One message to pair: its kind (`null` when unknown: never paired), fields and, from a HAR, which part of an entry it was in. */
export interface PairInput {
  readonly kind: MessageKind | null;
  readonly fields: FieldInput;
  readonly source?: { readonly part?: 'query' | 'request' | 'response' };
}

/** The messages of one stamp, in the order they occur: request → receipt → checks and repayments. */
export interface StampTimeline {
  readonly stamp: string;
  readonly messages: number[];
}

export interface Pairing {
  /** For each message, the one it pairs with (a request's answer, an answer's request), or `null`. */
  readonly pairs: Array<number | null>;
  /**
   * For each message, the first message of its delivery: itself, or for the browser's POST of a
   * bank answer page to the shop, that answer page (the same delivery seen twice, not a replay).
   */
  readonly delivery: number[];
  /** The messages of each stamp (as written first, trimmed), in order. */
  readonly stamps: StampTimeline[];
}

const sameFields = (a: FieldInput, b: FieldInput): boolean => {
  const x = toRecord(a);
  const y = toRecord(b);
  const names = Object.keys(x);
  return names.length === Object.keys(y).length && names.every((n) => y[n] === x[n]);
};

/**
 * Pairs a list of messages in the order they occur. A request waits for the first later answer of
 * its own kind (`REQUEST_OF`) with its stamp (`stampKey`); a payment check answer never pairs with
 * a pay direct request, nor a receipt with a check. An answer read from a HAR entry's response
 * (the bank's answer page) and the next answer of the same kind with the very same fields in a
 * request body or query string (the browser posting that form on to the shop) are one delivery:
 * the POST pairs with the same request and is no replay.
 */
export function pairMessages(list: readonly PairInput[]): Pairing {
  const pairs: Array<number | null> = list.map(() => null);
  const delivery = list.map((_, i) => i);
  const timelines = new Map<string, { stamp: string; messages: number[] }>();
  const open = new Map<string, number>();
  // Answer pages not yet posted on, by kind, MAC and stamp (then compared field by field).
  const pages = new Map<string, number[]>();
  list.forEach(({ kind, fields, source }, index) => {
    if (!kind) return;
    const stamp = stampOf(kind, fields);
    const answer = MESSAGES[kind].direction === 'bankToShop';
    const page = answer && source?.part ? `${kind}\u0000${toRecord(fields).NB_HMAC ?? ''}\u0000${stamp ?? ''}` : null;
    if (page !== null && source?.part === 'response') pages.set(page, [...(pages.get(page) ?? []), index]);
    else if (page !== null) {
      const waiting = pages.get(page) ?? [];
      const at = waiting.findIndex((p) => sameFields(list[p]!.fields, fields));
      if (at >= 0) {
        delivery[index] = waiting[at]!;
        pairs[index] = pairs[waiting[at]!]!;
        waiting.splice(at, 1);
      }
    }
    if (stamp === null) return;
    const key = stampKey(stamp);
    const timeline = timelines.get(key) ?? { stamp: stamp.trim(), messages: [] };
    timeline.messages.push(index);
    timelines.set(key, timeline);
    if (delivery[index] !== index) return;
    const request = answer ? REQUEST_OF[kind] : kind;
    const waiting = `${request}\u0000${key}`;
    if (!answer) open.set(waiting, index);
    else if (open.has(waiting)) {
      const r = open.get(waiting)!;
      pairs[index] = r;
      pairs[r] = index;
      open.delete(waiting);
    }
  });
  return { pairs, delivery, stamps: [...timelines.values()] };
}

// ---------------------------------------------------------------- an answer against its order

export interface CrossCheckRow {
  /** The field of the answer, e.g. NB_RETURN_DB_AMOUNT. */
  readonly field: string;
  /** The field of the order it is compared with, e.g. NB_DB_AMOUNT. */
  readonly orderField: string;
  /** The value as received (and signed). */
  readonly received: string;
  /** The value of the order. */
  readonly expected: string;
  /** `same`: identical; `same-meaning`: written differently, same meaning; `different`: not the same. */
  readonly result: 'same' | 'same-meaning' | 'different';
  /** Why a stamp or reference differs, in the policy's words (`echo-case`, `echo-whitespace`, `echo-different`). */
  readonly code?: PolicyCode;
  readonly message: Text;
}

const RETURN_PREFIX = 'NB_RETURN_';

/** Amounts and currencies compared by meaning (the bank may write them otherwise); anything else exactly, as the bank echoes it. */
function sameMeaning(rule: string, a: string, b: string): boolean {
  if (rule === 'amount') return sameAmount(a, b);
  if (rule === 'currency') return sameCurrency(a, b);
  return a === b;
}

/**
 * Compares an answer with the order it answers: each `NB_RETURN_X` of the answer against `NB_X` of the
 * order (stamp, reference, amount, currency; derived from the field table). Amounts and currencies are
 * compared by meaning (`550,00` = `550.00`, ` SEK` = `SEK`), while the MAC still uses them exactly as
 * received; the difference is shown.
 */
export function crossCheck(kind: MessageKind, fields: FieldInput, order: FieldInput): CrossCheckRow[] {
  const record = toRecord(fields);
  const orderRecord = toRecord(order);
  const rows: CrossCheckRow[] = [];
  for (const spec of messageSpec(kind).fields) {
    if (!spec.name.startsWith(RETURN_PREFIX)) continue;
    const orderField = `NB_${spec.name.slice(RETURN_PREFIX.length)}`;
    const received = fieldValue(spec, record);
    const expected = orderRecord[orderField];
    if (received === undefined || received === '' || expected === undefined || expected === '') continue;
    const echo = spec.rule === 'amount' || spec.rule === 'currency' ? null : compareEcho(spec.name, orderField, received, expected);
    if (echo) {
      rows.push({ field: spec.name, orderField, received, expected, result: 'different', code: echo.code, message: echo.message });
    } else if (received === expected) {
      rows.push({
        field: spec.name,
        orderField,
        received,
        expected,
        result: 'same',
        message: text(`${spec.name} is the order's ${orderField}`, `${spec.name} är orderns ${orderField}`),
      });
    } else if (sameMeaning(spec.rule, received, expected)) {
      rows.push({
        field: spec.name,
        orderField,
        received,
        expected,
        result: 'same-meaning',
        message: text(
          `${spec.name} "${received}" means the same as the order's "${expected}"; it is written differently, and the MAC uses "${received}" exactly as received`,
          `${spec.name} ”${received}” betyder samma sak som orderns ”${expected}” men är skrivet på ett annat sätt; MAC:en beräknas på ”${received}” exakt som det togs emot`,
        ),
      });
    } else {
      rows.push({
        field: spec.name,
        orderField,
        received,
        expected,
        result: 'different',
        message: text(
          `${spec.name} is "${received}" but the order's ${orderField} is "${expected}": this answer is not for this order as given — do not deliver on it`,
          `${spec.name} är ”${received}” men orderns ${orderField} är ”${expected}”: svaret gäller inte den här ordern — leverera inte`,
        ),
      });
    }
  }
  return rows;
}

/**
 * Of several candidate orders, the one an answer is for: the first whose NB_STAMP is the answer's
 * NB_RETURN_STAMP under `stampKey` (so the cross-check can say when only case or spaces differ),
 * of the request kind the answer answers when one such is there, else of any kind (a receipt's
 * pay direct order is also what a payment check answer is checked against).
 */
export function findOrder(answer: FieldInput, orders: readonly FieldInput[], kind?: MessageKind | null): FieldInput | null {
  const stamp = toRecord(answer).NB_RETURN_STAMP;
  if (stamp === undefined) return null;
  const key = stampKey(stamp);
  const matching = orders.filter((o) => {
    const own = toRecord(o).NB_STAMP;
    return own !== undefined && stampKey(own) === key;
  });
  const request = kind ? REQUEST_OF[kind] : undefined;
  return (request && matching.find((o) => detectKind(o) === request)) || (matching[0] ?? null);
}
