/**
 * The simulated bank of the test page (handbook section 4.3, tables 2, 4 and 6): the signed
 * answers the bank would give to a pay direct, a payment check and a repayment, and the ledger
 * rules behind them. Pure functions over a `Ledger` value (the payments and repayments made so
 * far): they never store anything; the page keeps the ledger (IndexedDB) and passes it in.
 */
import { parseAmount, formatAmount } from '../protocol/amount.ts';
import type { Encoding } from '../protocol/encoding.ts';
import { messageSpec, type MessageKind } from '../protocol/fields.ts';
import { computeMacDetails, signMessage, toRecord, type FieldInput, type MacComputation } from '../protocol/message.ts';
import { macMismatch, macMissing, swedishDate, swedishTime } from '../judging/policy.ts';
import { compactHex } from '../protocol/key.ts';
import { pad } from '../protocol/time.ts';
import { EbetError, text, type Text } from '../protocol/text.ts';
import { validateFields, type ValidationRow } from '../judging/validate.ts';
import { newestWithin, storedSize, valueCutter, type CutValue } from './bounds.ts';

/** The simulator's addresses (relative to the test page) and the request each one receives. */
export const SIMULATOR_ENDPOINTS = { pay: 'payDirect', check: 'paymentCheck', repay: 'repayment' } as const;
export type SimulatorEndpoint = keyof typeof SIMULATOR_ENDPOINTS;
export type RequestKind = (typeof SIMULATOR_ENDPOINTS)[SimulatorEndpoint];

/** A payment the simulated bank carried out (a pay direct answered with a receipt). */
export interface LedgerPayment {
  readonly rcvId: string;
  readonly stamp: string;
  /** NB_DB_AMOUNT as the shop sent it. */
  readonly amount: string;
  readonly currency: string;
  readonly reference: string;
  /** The bank's confirmation id (NB_PAID) of the payment. */
  readonly paid: string;
  /** When, as an ISO date-time. */
  readonly at: string;
  /** The values kept cut (see `LEDGER_LIMITS`); absent when none was. */
  readonly cut?: readonly CutValue[];
}

/** A repayment the simulated bank carried out. */
export interface LedgerRepayment {
  readonly rcvId: string;
  readonly stamp: string;
  readonly reference: string;
  /** The NB_PAID the request gave: the payment's, or the previous repayment's. */
  readonly requestPaid: string;
  readonly amount: string;
  readonly currency: string;
  /** The new NB_PAID this repayment was answered with. */
  readonly paid: string;
  readonly at: string;
  /** The values kept cut (see `LEDGER_LIMITS`); absent when none was. */
  readonly cut?: readonly CutValue[];
}

export interface Ledger {
  readonly payments: readonly LedgerPayment[];
  readonly repayments: readonly LedgerRepayment[];
  /** How many of the oldest payments and repayments were dropped to keep the ledger within its budget; absent when none was. */
  readonly dropped?: { readonly payments: number; readonly repayments: number };
}

export const EMPTY_LEDGER: Ledger = { payments: [], repayments: [] };

export interface SimulatorOptions {
  /** The time of the answer (NB_PAID, dates); now unless given. */
  readonly now?: Date;
  /** How the request's values were encoded; the answer is signed the same way. UTF-8 unless given. */
  readonly encoding?: Encoding;
}

/**
 * An answer of the simulated bank. `notFound`: the request's MAC did not verify, and the bank
 * answers with a plain "Not Found" page. Otherwise the answer's fields (signed unless ERR).
 */
export type SimulatedAnswer =
  | { readonly outcome: 'notFound'; readonly reason: Text; readonly ledger: Ledger }
  | {
      readonly outcome: 'answer';
      readonly kind: MessageKind;
      /** NB_VERIFIED for checks and repayments; `YES` for a pay direct receipt. */
      readonly status: 'YES' | 'NO' | 'ERR';
      readonly fields: Record<string, string>;
      /** Why, for a person (the answer's NB_ERROR_DESCR is its Swedish text, clipped to the field's length). */
      readonly reason: Text;
      /** The exact string that was signed, `null` on ERR. */
      readonly macString: string | null;
      /** The ledger after the answer (with the new payment or repayment). */
      readonly ledger: Ledger;
    };


/**
 * A new NB_PAID: the time in Sweden (Europe/Stockholm, as the bank writes it and as key rings are
 * dated) as a 26-character timestamp `YYYY-MM-DD-HH.MM.SS.ffffff`, one microsecond later for as
 * long as it is taken, so that every id in the ledger is unique.
 */
export function newPaid(now: Date, taken: ReadonlySet<string> = new Set()): string {
  let micro = now.getUTCMilliseconds() * 1000;
  const base = `${swedishTime(now).replace(' ', '-').replace(/:/g, '.')}.`;
  let paid = base + pad(micro, 6);
  while (taken.has(paid)) paid = base + pad(++micro % 1_000_000, 6);
  return paid;
}

function paidIds(ledger: Ledger): Set<string> {
  return new Set([...ledger.payments.map((p) => p.paid), ...ledger.repayments.map((r) => r.paid)]);
}

/** The payment of a shop with that NB_STAMP (the stamp compared exactly, as the handbook asks). */
export function findPayment(ledger: Ledger, rcvId: string, stamp: string): LedgerPayment | undefined {
  return ledger.payments.find((p) => p.rcvId === rcvId && p.stamp === stamp);
}

/** The repayments made on a payment, in order. */
export function repaymentsOf(ledger: Ledger, payment: LedgerPayment): LedgerRepayment[] {
  return ledger.repayments.filter((r) => r.rcvId === payment.rcvId && r.stamp === payment.stamp);
}

/** How much of a payment has been repaid, in hundredths. */
export function repaidHundredths(ledger: Ledger, payment: LedgerPayment): number {
  return repaymentsOf(ledger, payment).reduce((sum, r) => sum + (parseAmount(r.amount)?.hundredths ?? 0), 0);
}

/** What can still be repaid on a payment, in hundredths. */
export function remainingHundredths(ledger: Ledger, payment: LedgerPayment): number {
  return (parseAmount(payment.amount)?.hundredths ?? 0) - repaidHundredths(ledger, payment);
}

/** The NB_PAID a further repayment must give: the payment's, or the latest repayment's new one. */
export function currentPaid(ledger: Ledger, payment: LedgerPayment): string {
  return repaymentsOf(ledger, payment).at(-1)?.paid ?? payment.paid;
}

/**
 * The fields of a payment check or a repayment that name a payment of the ledger: its shop and
 * NB_STAMP; for a repayment also its reference, the NB_PAID a further repayment must give, and
 * what can still be repaid (the payment less what was repaid) in its currency.
 */
export function requestFor(kind: Exclude<RequestKind, 'payDirect'>, ledger: Ledger, payment: LedgerPayment): Record<string, string> {
  const named = { NB_RCV_ID: payment.rcvId, NB_STAMP: payment.stamp };
  if (kind === 'paymentCheck') return named;
  return {
    ...named,
    NB_DB_REF: payment.reference,
    NB_PAID: currentPaid(ledger, payment),
    NB_REPAY_AMOUNT: formatAmount(remainingHundredths(ledger, payment)),
    NB_REPAY_CUR: payment.currency,
  };
}

/** "Successful payment" is offered only when every field was verified without an error (section 4.3). */
export function canPay(rows: readonly ValidationRow[]): boolean {
  return rows.length > 0 && rows.every((r) => r.ok);
}

/**
 * A return address the simulator may send the browser to: the field's value when it is an
 * absolute http(s) URL (by the validator's own rule), else `null` (never `javascript:` etc.).
 */
export function returnTarget(kind: RequestKind, fields: FieldInput, name: 'NB_RETURN' | 'NB_CANCEL' | 'NB_REJECT'): string | null {
  const value = toRecord(fields)[name];
  if (!value) return null;
  const row = validateFields(kind, { [name]: value }).find((r) => r.name === name);
  return row && row.ok && row.spec?.rule === 'url' ? value : null;
}

/** A Swedish reason as the bank's NB_ERROR_DESCR, within the field's length. */
function errorDescription(kind: MessageKind, reason: Text): string {
  const max = messageSpec(kind).fields.find((f) => f.name === 'NB_ERROR_DESCR')?.format.max ?? 50;
  const chars = [...reason.sv];
  return chars.length <= max ? reason.sv : `${chars.slice(0, max - 1).join('')}…`;
}

function signed(
  kind: MessageKind,
  status: 'YES' | 'NO',
  fields: Record<string, string>,
  key: string,
  reason: Text,
  ledger: Ledger,
  options: SimulatorOptions,
): SimulatedAnswer {
  const encoding = options.encoding ? { encoding: options.encoding } : {};
  const details = computeMacDetails(kind, fields, key, encoding);
  return {
    outcome: 'answer',
    kind,
    status,
    fields: signMessage(kind, fields, key, encoding),
    reason,
    macString: details?.macString ?? null,
    ledger,
  };
}

function errAnswer(kind: 'paymentCheckResponse' | 'repaymentResponse', fields: Record<string, string>, reason: Text, ledger: Ledger): SimulatedAnswer {
  return {
    outcome: 'answer',
    kind,
    status: 'ERR',
    fields: { NB_VERIFIED: 'ERR', ...fields, NB_HMAC: '', NB_KVV: '', NB_ERROR_DESCR: errorDescription(kind, reason) },
    reason,
    macString: null,
    ledger,
  };
}

/**
 * Whether the request's NB_HMAC is the MAC of its fields under the key; the reason when not.
 * The bank answers a check or repayment whose MAC does not verify with "Not Found".
 */
export function verifyRequestMac(kind: RequestKind, fields: FieldInput, key: string, options: SimulatorOptions = {}): Text | null {
  const raw = toRecord(fields).NB_HMAC;
  const encoding = options.encoding ?? 'utf-8';
  let details: MacComputation | null;
  try {
    details = computeMacDetails(kind, fields, key, { encoding });
  } catch (error) {
    if (!(error instanceof EbetError)) throw error;
    return text(`The MAC cannot be verified: ${error.text.en}`, `MAC:en kan inte verifieras: ${error.text.sv}`);
  }
  if (!details) return null;
  if (raw === undefined || raw.trim() === '') return macMissing('shopToBank', raw, null).message;
  if (compactHex(raw) !== details.mac) {
    return macMismatch('shopToBank', { mac: raw, expected: details.mac, macString: details.macString, encoding }, text('the key', 'nyckeln')).message;
  }
  return null;
}

/** The first error of the request's own fields (format, mandatory, KVV), as a reason; `null` when none. */
function firstError(kind: RequestKind, fields: FieldInput, key: string, options: SimulatorOptions): Text | null {
  const rows = validateFields(kind, fields, { key, ...(options.encoding ? { encoding: options.encoding } : {}) });
  const bad = rows.find((r) => !r.ok);
  if (!bad) return null;
  if (bad.code === 'version') return text('Wrong NB_VERSION from the shop', 'Felaktigt angiven version från butiken');
  return bad.message.en.includes(bad.name) ? bad.message : text(`${bad.name}: ${bad.message.en}`, `${bad.name}: ${bad.message.sv}`);
}

/**
 * The pay direct receipt (table 2) for a request, signed with the key, and the ledger with the new
 * payment. Refused (status ERR, no fields) when a field has an error — the bank's test page then
 * offers no successful payment — or when the shop's NB_STAMP was already paid (double billing).
 */
export function payDirectAnswer(request: FieldInput, key: string, ledger: Ledger, options: SimulatorOptions = {}): SimulatedAnswer {
  const rows = validateFields('payDirect', request, { key, ...(options.encoding ? { encoding: options.encoding } : {}) });
  const fields = toRecord(request);
  const refuse = (reason: Text): SimulatedAnswer => ({ outcome: 'answer', kind: 'payDirectReturn', status: 'ERR', fields: {}, reason, macString: null, ledger });
  if (!canPay(rows)) {
    const bad = rows.filter((r) => !r.ok).map((r) => r.name);
    return refuse(
      text(
        `No successful payment: ${bad.length === 1 ? 'a field has an error' : `${bad.length} fields have errors`} (${bad.join(', ')}); fix them first`,
        `Ingen lyckad betalning: ${bad.length === 1 ? 'ett fält har fel' : `${bad.length} fält har fel`} (${bad.join(', ')}); rätta dem först`,
      ),
    );
  }
  const earlier = findPayment(ledger, fields.NB_RCV_ID!, fields.NB_STAMP!);
  if (earlier) {
    return refuse(
      text(
        `NB_STAMP ${earlier.stamp} was already paid (NB_PAID ${earlier.paid}); the stamp is unique per payment and stops double billing — give each payment a new NB_STAMP`,
        `NB_STAMP ${earlier.stamp} är redan betalt (NB_PAID ${earlier.paid}); betalnings-ID:t är unikt för varje betalning och förhindrar dubbel fakturering — ge varje betalning ett nytt NB_STAMP`,
      ),
    );
  }
  const now = options.now ?? new Date();
  const paid = newPaid(now, paidIds(ledger));
  const payment: LedgerPayment = {
    rcvId: fields.NB_RCV_ID!,
    stamp: fields.NB_STAMP!,
    amount: fields.NB_DB_AMOUNT!,
    currency: fields.NB_DB_CUR!,
    reference: fields.NB_DB_REF!,
    paid,
    at: now.toISOString(),
  };
  const receipt = {
    NB_RETURN_STAMP: payment.stamp,
    NB_RETURN_DB_AMOUNT: payment.amount,
    NB_RETURN_DB_CUR: payment.currency,
    NB_RETURN_DB_REF: payment.reference,
    NB_PAID: paid,
  };
  return signed(
    'payDirectReturn',
    'YES',
    receipt,
    key,
    text(`Paid ${payment.amount}\u00a0${payment.currency}`, `Betalt ${payment.amount}\u00a0${payment.currency}`),
    { ...ledger, payments: [...ledger.payments, payment] },
    options,
  );
}

/**
 * The payment check answer (table 4): YES with the payment's fields, NO when the stamp is unknown,
 * ERR (unsigned, with NB_ERROR_DESCR) when the request has another error; "Not Found" when its MAC
 * does not verify. The ledger is not changed.
 */
export function paymentCheckAnswer(request: FieldInput, key: string, ledger: Ledger, options: SimulatorOptions = {}): SimulatedAnswer {
  const macProblem = verifyRequestMac('paymentCheck', request, key, options);
  if (macProblem) return { outcome: 'notFound', reason: macProblem, ledger };
  const fields = toRecord(request);
  const stamp = fields.NB_STAMP ?? '';
  const problem = firstError('paymentCheck', request, key, options);
  if (problem) return errAnswer('paymentCheckResponse', { NB_RETURN_STAMP: stamp }, problem, ledger);
  const payment = findPayment(ledger, fields.NB_RCV_ID!, stamp);
  if (!payment) {
    return signed(
      'paymentCheckResponse',
      'NO',
      { NB_VERIFIED: 'NO', NB_RETURN_STAMP: stamp },
      key,
      text(`No payment with NB_STAMP ${stamp} for shop ${fields.NB_RCV_ID}`, `Ingen betalning med NB_STAMP ${stamp} för butik ${fields.NB_RCV_ID}`),
      ledger,
      options,
    );
  }
  return signed(
    'paymentCheckResponse',
    'YES',
    {
      NB_VERIFIED: 'YES',
      NB_RETURN_STAMP: stamp,
      NB_RETURN_DB_AMOUNT: payment.amount,
      NB_RETURN_DB_CUR: payment.currency,
      NB_RETURN_DB_REF: payment.reference,
      NB_PAID: payment.paid,
    },
    key,
    text(`Paid ${payment.amount}\u00a0${payment.currency} (NB_PAID ${payment.paid})`, `Betalt ${payment.amount}\u00a0${payment.currency} (NB_PAID ${payment.paid})`),
    ledger,
    options,
  );
}

/** Fields 5a–e of a repayment answer, for when currency was exchanged. */
export interface ExchangeOptions {
  /** The currency withdrawn from the shop's account. */
  readonly currency: string;
  /** Exchange rate: units of the withdrawal currency per unit repaid, written like 8,91. */
  readonly rate: string;
}

function exchangeFields(amount: string, exchange: ExchangeOptions, now: Date): Record<string, string> {
  if (!/^\d+,\d+$/.test(exchange.rate)) {
    throw new EbetError(
      'bad-rate',
      text(`The exchange rate "${exchange.rate}" must be written like 8,91`, `Avropskursen ”${exchange.rate}” ska skrivas som 8,91`),
      'NB_RATE',
    );
  }
  const hundredths = Math.round((parseAmount(amount)?.hundredths ?? 0) * Number(exchange.rate.replace(',', '.')));
  const day = (offset: number) => swedishDate(new Date(now.getTime() + offset * 86_400_000));
  return {
    NB_WITHDRAWAL_AMOUNT: formatAmount(hundredths),
    NB_WITHDRAWAL_CUR: exchange.currency,
    NB_WITHDRAWAL_DATE: day(0),
    NB_DEPOSIT_DATE: day(1),
    NB_RATE: exchange.rate,
  };
}

/**
 * The repayment answer (table 6) and the ledger after it. YES with a new NB_PAID when the request
 * names a paid payment (NB_STAMP, NB_DB_REF) by its current NB_PAID, in its currency, for no more
 * than what remains; the same request is never carried out twice (its NB_PAID is then used up).
 * ERR with a reason otherwise; "Not Found" when its MAC does not verify.
 */
export function repaymentAnswer(
  request: FieldInput,
  key: string,
  ledger: Ledger,
  options: SimulatorOptions & { readonly exchange?: ExchangeOptions } = {},
): SimulatedAnswer {
  const macProblem = verifyRequestMac('repayment', request, key, options);
  if (macProblem) return { outcome: 'notFound', reason: macProblem, ledger };
  const fields = toRecord(request);
  const echo = {
    NB_RETURN_STAMP: fields.NB_STAMP ?? '',
    NB_RETURN_DB_REF: fields.NB_DB_REF ?? '',
    NB_RETURN_REPAY_AMOUNT: fields.NB_REPAY_AMOUNT ?? '',
    NB_RETURN_REPAY_CUR: fields.NB_REPAY_CUR ?? '',
    NB_PAID: '',
  };
  const fail = (reason: Text) => errAnswer('repaymentResponse', echo, reason, ledger);
  const problem = firstError('repayment', request, key, options);
  if (problem) return fail(problem);
  const payment = findPayment(ledger, fields.NB_RCV_ID!, fields.NB_STAMP!);
  if (!payment) {
    return fail(text(`No payment with NB_STAMP ${fields.NB_STAMP} to repay`, `Ingen betalning med NB_STAMP ${fields.NB_STAMP} att återbetala`));
  }
  if (fields.NB_DB_REF !== payment.reference) {
    return fail(
      text(
        `NB_DB_REF ${fields.NB_DB_REF} is not the payment's reference (${payment.reference})`,
        `NB_DB_REF ${fields.NB_DB_REF} är inte betalningens referens (${payment.reference})`,
      ),
    );
  }
  const chain = [payment.paid, ...repaymentsOf(ledger, payment).map((r) => r.paid)];
  const head = chain.at(-1)!;
  if (fields.NB_PAID !== head) {
    const used = ledger.repayments.find((r) => r.rcvId === payment.rcvId && r.stamp === payment.stamp && r.requestPaid === fields.NB_PAID);
    return fail(
      used
        ? text(
            `This repayment was already carried out with NB_PAID ${fields.NB_PAID} (${used.amount}\u00a0${used.currency}); a further repayment gives the newest NB_PAID ${head}`,
            `Återbetalningen är redan genomförd med NB_PAID ${fields.NB_PAID} (${used.amount}\u00a0${used.currency}); för en ny återbetalning anger du det senaste NB_PAID, ${head}`,
          )
        : text(
            `NB_PAID ${fields.NB_PAID} does not belong to this payment; give ${head}`,
            `NB_PAID ${fields.NB_PAID} hör inte till den här betalningen; ange ${head}`,
          ),
    );
  }
  if (fields.NB_REPAY_CUR !== payment.currency) {
    return fail(
      text(
        `NB_REPAY_CUR ${fields.NB_REPAY_CUR} is not the payment's currency ${payment.currency}`,
        `NB_REPAY_CUR ${fields.NB_REPAY_CUR} är inte betalningens valuta ${payment.currency}`,
      ),
    );
  }
  const amount = parseAmount(fields.NB_REPAY_AMOUNT!)?.hundredths ?? 0;
  const remaining = remainingHundredths(ledger, payment);
  if (amount <= 0) {
    return fail(text('NB_REPAY_AMOUNT must be more than 0,00', 'NB_REPAY_AMOUNT måste vara mer än 0,00'));
  }
  if (amount > remaining) {
    const left = `${formatAmount(remaining)}\u00a0${payment.currency}`;
    return fail(
      text(
        `The total repaid may not exceed the payment (${payment.amount}\u00a0${payment.currency}): at most ${left} remains`,
        `Det totala återbetalda beloppet får inte vara större än betalningen (${payment.amount}\u00a0${payment.currency}): högst ${left} återstår`,
      ),
    );
  }
  const now = options.now ?? new Date();
  const paid = newPaid(now, paidIds(ledger));
  const repayment: LedgerRepayment = {
    rcvId: payment.rcvId,
    stamp: payment.stamp,
    reference: payment.reference,
    requestPaid: fields.NB_PAID!,
    amount: fields.NB_REPAY_AMOUNT!,
    currency: fields.NB_REPAY_CUR!,
    paid,
    at: now.toISOString(),
  };
  const answer: Record<string, string> = {
    NB_VERIFIED: 'YES',
    NB_RETURN_STAMP: payment.stamp,
    NB_RETURN_DB_REF: payment.reference,
    NB_RETURN_REPAY_AMOUNT: repayment.amount,
    NB_RETURN_REPAY_CUR: repayment.currency,
    ...(options.exchange ? exchangeFields(repayment.amount, options.exchange, now) : {}),
    NB_PAID: paid,
  };
  return signed(
    'repaymentResponse',
    'YES',
    answer,
    key,
    text(
      `Repaid ${repayment.amount}\u00a0${repayment.currency}; ${formatAmount(remaining - amount)}\u00a0${payment.currency} remains`,
      `Återbetalt ${repayment.amount}\u00a0${repayment.currency}; ${formatAmount(remaining - amount)}\u00a0${payment.currency} återstår`,
    ),
    { ...ledger, repayments: [...ledger.repayments, repayment] },
    options,
  );
}

const PAYMENT_KEYS = ['rcvId', 'stamp', 'amount', 'currency', 'reference', 'paid', 'at'] as const;
const REPAYMENT_KEYS = ['rcvId', 'stamp', 'reference', 'requestPaid', 'amount', 'currency', 'paid', 'at'] as const;

function entriesOf<K extends string>(list: unknown, keys: readonly K[], name: string, what: Text): Array<Record<K, string>> {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new EbetError('ledger-shape', text(`"${name}" must be a list`, `”${name}” ska vara en lista`));
  return list.map((item, i) => {
    const missing = keys.find((k) => typeof (item as Record<string, unknown> | null)?.[k] !== 'string');
    if (missing) {
      throw new EbetError(
        'ledger-shape',
        text(`${what.en} ${i + 1} has no text "${missing}"`, `${what.sv} ${i + 1} saknar texten ”${missing}”`),
      );
    }
    return Object.fromEntries(keys.map((k) => [k, (item as Record<string, string>)[k]])) as Record<K, string>;
  });
}

/** The ledger as JSON, for export. */
export function ledgerToJson(ledger: Ledger): string {
  return JSON.stringify({ format: 'ebet-ledger', version: 1, ...ledger }, null, 2);
}

/** Reads an exported ledger; throws an `EbetError` saying what is wrong and where. */
export function ledgerFromJson(json: string): Ledger {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new EbetError(
      'ledger-json',
      text(`This is not JSON (${(error as Error).message}); import a file exported from the simulator`, `Det här är inte JSON (${(error as Error).message}); importera en fil som du har exporterat från simulatorn`),
    );
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== 'ebet-ledger') {
    throw new EbetError(
      'ledger-shape',
      text('This JSON is not a simulator ledger (no "format": "ebet-ledger")', 'Den här JSON-filen är ingen reskontra från simulatorn (den saknar "format": "ebet-ledger")'),
    );
  }
  const record = data as { payments?: unknown; repayments?: unknown };
  return {
    payments: entriesOf(record.payments, PAYMENT_KEYS, 'payments', text('Payment', 'Betalning')),
    repayments: entriesOf(record.repayments, REPAYMENT_KEYS, 'repayments', text('Repayment', 'Återbetalning')),
  };
}

/** How large the stored ledger may be: a value pasted a megabyte long never makes a megabyte record. */
export const LEDGER_LIMITS = {
  /** Characters kept of a value (a stamp, a reference, an amount as given). */
  chars: 1000,
  /** The whole ledger, in characters of its JSON: beyond it the oldest payments (with their repayments) are dropped. */
  ledger: 1024 * 1024,
} as const;

type LedgerRecord = LedgerPayment | LedgerRepayment;

/** A payment with its repayments (a repayment whose payment is not in the ledger stands alone), dropped together. */
interface LedgerUnit {
  readonly at: string;
  readonly records: LedgerRecord[];
}

/**
 * The ledger as it is stored: each value at most `LEDGER_LIMITS.chars` long (cut with its length and
 * hash noted in the record's `cut`), and within `LEDGER_LIMITS.ledger` characters, the oldest
 * payments dropped first with their repayments (counted in `dropped`). The ledger itself when
 * nothing needs cutting.
 */
export function boundLedger(ledger: Ledger, limits: { chars: number; ledger: number } = LEDGER_LIMITS): Ledger {
  let cutSome = false;
  const bound = <T extends LedgerRecord>(record: T): T => {
    const cuts: CutValue[] = [];
    const cut = valueCutter(limits.chars, cuts);
    const kept = Object.fromEntries(Object.entries(record).map(([name, value]) => [name, typeof value === 'string' ? cut(name, value) : value]));
    if (!cuts.length) return record;
    cutSome = true;
    return { ...record, ...kept, cut: [...(record.cut ?? []), ...cuts] };
  };
  const payments = ledger.payments.map(bound);
  const repayments = ledger.repayments.map(bound);
  const units = new Map<string, LedgerUnit>();
  const named = (r: LedgerRecord) => JSON.stringify([r.rcvId, r.stamp]);
  payments.forEach((p, i) => units.set(units.has(named(p)) ? `payment ${i}` : named(p), { at: p.at, records: [p] }));
  repayments.forEach((r, i) => {
    const unit = units.get(named(r));
    if (unit) unit.records.push(r);
    else units.set(`repayment ${i}`, { at: r.at, records: [r] });
  });
  const ordered = [...units.values()].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  const within = newestWithin(ordered, limits.ledger, (unit) => storedSize(unit.records));
  if (within.length === ordered.length) return cutSome ? { ...ledger, payments, repayments } : ledger;
  const kept = new Set(within.flatMap((unit) => unit.records));
  const keptPayments = payments.filter((p) => kept.has(p));
  const keptRepayments = repayments.filter((r) => kept.has(r));
  return {
    payments: keptPayments,
    repayments: keptRepayments,
    dropped: {
      payments: (ledger.dropped?.payments ?? 0) + payments.length - keptPayments.length,
      repayments: (ledger.dropped?.repayments ?? 0) + repayments.length - keptRepayments.length,
    },
  };
}
