/**
 * The protocol as data: every message of the handbook (tables 1–6), every field, its format,
 * whether it is mandatory, whether and when it is part of the MAC, and what it means. Validation,
 * MAC strings, builders and decoders are all derived from this one table: its rows live in
 * `field-table.ts` (adding a field is one row there), what each field means here.
 *
 * MAC order is the order of the rows. A field marked `mac: 'always'` is signed whenever the
 * message carries a MAC; `mac: 'YES'` only when NB_VERIFIED is YES (payment check response).
 * Optional fields that are absent or empty are left out of the MAC string with their `&`.
 */
import { formatOf, MESSAGE_KINDS, TABLES, type FieldFormat, type FieldRule, type MessageKind, type Row } from './field-table.ts';
import { EbetError, text, type Text } from './text.ts';

export { MESSAGE_KINDS, type FieldFormat, type FieldRule, type MessageKind } from './field-table.ts';

export interface FieldSpec {
  /** The handbook's row number within its table, e.g. `4a`. */
  readonly number: string;
  readonly name: string;
  readonly description: Text;
  readonly format: FieldFormat;
  readonly rule: FieldRule;
  readonly use: 'mandatory' | 'optional';
  /** Part of the MAC: always, only when NB_VERIFIED is YES, or never (absent). */
  readonly mac?: 'always' | 'YES';
  /** An example value from the handbook. */
  readonly example?: string;
  /** Other spellings seen in the handbook itself (read as this field, reported as such). */
  readonly aliases?: readonly string[];
}

export interface MessageSpec {
  readonly kind: MessageKind;
  /** The handbook's table number. */
  readonly table: number;
  readonly title: Text;
  readonly direction: 'shopToBank' | 'bankToShop';
  readonly fields: readonly FieldSpec[];
  /** Allowed NB_VERIFIED values, and the ones for which the bank computes no MAC. */
  readonly statuses?: { readonly values: readonly string[]; readonly unsigned: readonly string[] };
}

/** What each field means, the same wherever it appears. */
const DESCRIPTIONS: Record<string, Text> = {
  NB_VERSION: text('Service version, always 0002', 'Tjänstens versionsnummer, alltid 0002'),
  NB_RCV_ID: text('Shop id (agreement number)', 'Butiks-ID (avtalsnummer)'),
  NB_STAMP: text(
    'Payment id, unique per payment: it is what prevents double billing',
    'Betalnings-ID, unikt för varje betalning: det förhindrar dubbel fakturering',
  ),
  NB_DB_AMOUNT: text('Amount with a decimal comma, e.g. 990,00', 'Belopp med decimalkomma, t.ex. 990,00'),
  NB_DB_CUR: text('Currency: SEK or EUR', 'Valuta: SEK eller EUR'),
  NB_DB_REF: text(
    'Reference number of the payment: digits, no leading zeros',
    'Betalningens referensnummer: siffror utan inledande nollor',
  ),
  NB_RETURN: text(
    'Return URL: a complete URL of one page',
    'Returadress: en fullständig URL till en specifik sida',
  ),
  NB_CANCEL: text(
    'Return URL when the buyer cancels: a complete URL of one page',
    'Returadress när köparen avbryter: en fullständig URL till en specifik sida',
  ),
  NB_REJECT: text(
    'Return URL when the payment is rejected: a complete URL of one page',
    'Returadress när betalningen avvisas: en fullständig URL till en specifik sida',
  ),
  NB_HMAC: text(
    'MAC: the first 32 hexadecimal characters of HMAC-SHA256 over the signed fields',
    'MAC: de första 32 hexadecimala tecknen i HMAC-SHA256 av de signerade fälten',
  ),
  NB_KVV: text(
    'Key verification value of the key used (not secret)',
    'Nyckelverifieringsvärde för nyckeln som användes (inte hemligt)',
  ),
  NB_RETURN_STAMP: text('The shop’s payment id (NB_STAMP)', 'Butikens betalnings-ID (NB_STAMP)'),
  NB_RETURN_DB_AMOUNT: text(
    'Amount paid (its format may differ from what the shop sent)',
    'Betalt belopp (formatet kan skilja sig från det butiken skickade)',
  ),
  NB_RETURN_DB_CUR: text(
    'Currency (its format may differ from what the shop sent)',
    'Valuta (formatet kan skilja sig från det butiken skickade)',
  ),
  NB_RETURN_DB_REF: text('The shop’s reference number (NB_DB_REF)', 'Butikens referensnummer (NB_DB_REF)'),
  NB_PAID: text(
    'The bank’s confirmation id of the payment (a timestamp)',
    'Bankens bekräftelse-ID för betalningen (en tidsstämpel)',
  ),
  NB_VERIFIED: text('Status: YES, NO or ERR', 'Status: YES, NO eller ERR'),
  NB_RETURN_BB_REF: text('Reference value of a monitored payment', 'Referensvärde för en bevakad betalning'),
  NB_ERROR_DESCR: text('Description of the error', 'Beskrivning av felet'),
  NB_REPAY_AMOUNT: text(
    'Amount to repay with a decimal comma, e.g. 120,00',
    'Belopp att återbetala, med decimalkomma, t.ex. 120,00',
  ),
  NB_REPAY_CUR: text(
    'Currency of the repayment: must be the purchase’s currency',
    'Återbetalningens valuta: måste vara köpets valuta',
  ),
  NB_RETURN_REPAY_AMOUNT: text('Amount repaid', 'Återbetalt belopp'),
  NB_RETURN_REPAY_CUR: text('Currency of the amount repaid', 'Valuta för det återbetalda beloppet'),
  NB_WITHDRAWAL_AMOUNT: text(
    'Amount withdrawn from the shop’s account (only when currency was exchanged)',
    'Belopp som dras från butikens konto (endast vid växling)',
  ),
  NB_WITHDRAWAL_CUR: text(
    'Currency of the withdrawal (only when currency was exchanged)',
    'Uttagsbeloppets valuta (endast vid växling)',
  ),
  NB_WITHDRAWAL_DATE: text(
    'Date of the withdrawal from the shop’s account (only when currency was exchanged)',
    'Datum för uttag från butikens konto (endast vid växling)',
  ),
  NB_DEPOSIT_DATE: text(
    'Date the amount is available on the buyer’s account (only when currency was exchanged)',
    'Datum då beloppet finns på köparens konto (endast vid växling)',
  ),
  NB_RATE: text('Exchange rate, e.g. 8,91 (only when currency was exchanged)', 'Avropskurs, t.ex. 8,91 (endast vid växling)'),
};

const EXAMPLES: Record<string, string> = {
  NB_VERSION: '0002',
  NB_RCV_ID: '999999',
  NB_STAMP: '00002',
  NB_DB_AMOUNT: '899,00',
  NB_DB_CUR: 'SEK',
  NB_DB_REF: '123450',
  NB_RETURN: 'https://shop.example/return.html',
  NB_CANCEL: 'https://shop.example/cancel.html?order=00002',
  NB_REJECT: 'https://shop.example/reject.html?order=00002',
  NB_REPAY_AMOUNT: '120,00',
  NB_REPAY_CUR: 'SEK',
  NB_RATE: '8,91',
};

function field(row: Row): FieldSpec {
  const [number, name, , use, mac, rule] = row;
  const baseName = name.replace(/\d+$/, '');
  const spec: FieldSpec = {
    number,
    name,
    description: DESCRIPTIONS[name] ?? DESCRIPTIONS[baseName] ?? text(name, name),
    format: formatOf(row),
    rule,
    use,
    ...(mac ? { mac } : {}),
    ...(EXAMPLES[name] ? { example: EXAMPLES[name] } : {}),
    ...(name === 'NB_ERROR_DESCR' ? { aliases: ['NB_ERR_DESCR'] } : {}),
  };
  return spec;
}

const TITLES: Readonly<Record<MessageKind, Text>> = {
  payDirect: text('Pay direct: shop → bank', 'Betala direkt: butik → bank'),
  payDirectReturn: text('Pay direct receipt: bank → shop', 'Kvitto för Betala direkt: bank → butik'),
  paymentCheck: text('Payment check: shop → bank', 'Betalningskontroll: butik → bank'),
  paymentCheckResponse: text('Payment check answer: bank → shop', 'Svar på betalningskontroll: bank → butik'),
  repayment: text('Repayment: shop → bank', 'Återbetalning: butik → bank'),
  repaymentResponse: text('Repayment answer: bank → shop', 'Svar på återbetalning: bank → butik'),
};

/** Tables 1–6 of the handbook (`field-table.ts`), each field with what it means, in MAC order. */
export const MESSAGES: Readonly<Record<MessageKind, MessageSpec>> = Object.fromEntries(
  MESSAGE_KINDS.map((kind): [MessageKind, MessageSpec] => {
    const { table, direction, statuses, rows } = TABLES[kind];
    return [kind, { kind, table, title: TITLES[kind], direction, ...(statuses ? { statuses } : {}), fields: rows.map(field) }];
  }),
) as Record<MessageKind, MessageSpec>;

/** Every field name the handbook defines, in any message. */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set(
  MESSAGE_KINDS.flatMap((kind) => MESSAGES[kind].fields.flatMap((f) => [f.name, ...(f.aliases ?? [])])),
);

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (MESSAGE_KINDS as readonly string[]).includes(value);
}

/** The spec of a message; throws a clear error for an unknown kind. */
export function messageSpec(kind: string): MessageSpec {
  if (!isMessageKind(kind)) {
    const list = MESSAGE_KINDS.join(', ');
    throw new EbetError(
      'unknown-kind',
      text(`Unknown message kind "${kind}"; expected one of ${list}`, `Okänd meddelandetyp ”${kind}”; tillåtna typer: ${list}`),
    );
  }
  return MESSAGES[kind];
}

/** The spec of a field within a message, by its name or one of its aliases. */
export function fieldSpec(kind: MessageKind, name: string): FieldSpec | undefined {
  return MESSAGES[kind].fields.find((f) => f.name === name || f.aliases?.includes(name));
}

/** A known field name within two edits (or a case difference) of the name, for "did you mean". */
export function closestKnown(name: string): string | null {
  const upper = name.toUpperCase().replace(/[\s-]/g, '_');
  let best: string | null = null;
  let bestDistance = 3;
  for (const known of KNOWN_FIELDS) {
    const d = known === upper ? 0 : editDistance(upper, known, bestDistance);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** Two rows of the edit-distance table, reused across calls (names are short; they grow when needed). */
let rows = [new Int32Array(64), new Int32Array(64)] as const;

/** Levenshtein distance of a and b, or `limit` as soon as it is certain to be at least that. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length * 2 + 2), new Int32Array(b.length * 2 + 2)];
  let [previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1));
      current[j] = d;
      if (d < best) best = d;
    }
    if (best >= limit) return limit;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, limit);
}
