/**
 * The handbook's tables 1–6 as bare rows: every field, its format, whether it is mandatory and
 * whether it is signed, in MAC order, without any text. `fields.ts` adds what each field means
 * and builds the message specs everything else uses; this module stays free of text (and of
 * top-level calls) so that a small bundle, such as `<ebet-checkout>`'s, can carry the table.
 */
import { AMOUNT_PATTERN } from './amount.ts';

export const MESSAGE_KINDS = [
  'payDirect',
  'payDirectReturn',
  'paymentCheck',
  'paymentCheckResponse',
  'repayment',
  'repaymentResponse',
] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Stricter value rules beyond AN/N and length, each checked by `validateFields`. */
export type FieldRule =
  | 'version'
  | 'shopId'
  | 'stamp'
  | 'amount'
  | 'currency'
  | 'reference'
  | 'url'
  | 'mac'
  | 'kvv'
  | 'paid'
  | 'status'
  | 'rate'
  | 'date'
  | 'text';

/** One row of a table: number, name, format (`AN20`, `N25`), use, part of the MAC (always, when NB_VERIFIED is YES, or never), and the rule its value follows. */
export type Row = readonly [
  number: string,
  name: string,
  format: string,
  use: 'mandatory' | 'optional',
  mac: 'always' | 'YES' | '',
  rule: FieldRule,
];

export interface Table {
  /** The handbook's table number. */
  readonly table: number;
  readonly direction: 'shopToBank' | 'bankToShop';
  /** Allowed NB_VERIFIED values, and the ones for which the bank computes no MAC. */
  readonly statuses?: { readonly values: readonly string[]; readonly unsigned: readonly string[] };
  readonly rows: readonly Row[];
}

export interface FieldFormat {
  /** `AN`: any printable characters; `N`: digits only. */
  readonly type: 'AN' | 'N';
  readonly max: number;
}

/** A row's format, `AN20` read as `{ type: 'AN', max: 20 }`. */
export function formatOf(row: Row): FieldFormat {
  const [, type = 'AN', max = '0'] = /^(AN|N)(\d+)$/.exec(row[2]) ?? [];
  return { type: type as FieldFormat['type'], max: Number(max) };
}

/** The only service version the bank takes (NB_VERSION). */
export const VERSION = '0002';

/** Table 1, pay direct: shop → bank. */
export const PAY_DIRECT: Table = {
  table: 1,
  direction: 'shopToBank',
  rows: [
    ['1', 'NB_VERSION', 'N4', 'mandatory', '', 'version'],
    ['2', 'NB_RCV_ID', 'AN9', 'mandatory', 'always', 'shopId'],
    ['3', 'NB_STAMP', 'AN20', 'mandatory', 'always', 'stamp'],
    ['4a', 'NB_DB_AMOUNT', 'AN19', 'mandatory', 'always', 'amount'],
    ['4b', 'NB_DB_CUR', 'AN3', 'mandatory', 'always', 'currency'],
    ['4c', 'NB_DB_REF', 'N25', 'mandatory', 'always', 'reference'],
    ['5', 'NB_RETURN', 'AN240', 'mandatory', '', 'url'],
    ['6', 'NB_CANCEL', 'AN240', 'mandatory', '', 'url'],
    ['7', 'NB_REJECT', 'AN240', 'mandatory', '', 'url'],
    ['8', 'NB_HMAC', 'AN32', 'mandatory', '', 'mac'],
    ['9', 'NB_KVV', 'AN32', 'mandatory', '', 'kvv'],
  ],
};

/** Table 2, pay direct receipt: bank → shop. */
export const PAY_DIRECT_RETURN: Table = {
  table: 2,
  direction: 'bankToShop',
  rows: [
    ['1', 'NB_RETURN_STAMP', 'AN20', 'mandatory', 'always', 'stamp'],
    ['2a', 'NB_RETURN_DB_AMOUNT', 'AN19', 'mandatory', 'always', 'amount'],
    ['2b', 'NB_RETURN_DB_CUR', 'AN3', 'mandatory', 'always', 'currency'],
    ['2c', 'NB_RETURN_DB_REF', 'N25', 'mandatory', 'always', 'reference'],
    ['3', 'NB_PAID', 'AN26', 'mandatory', 'always', 'paid'],
    ['4', 'NB_HMAC', 'AN32', 'mandatory', '', 'mac'],
    ['5', 'NB_KVV', 'AN32', 'mandatory', '', 'kvv'],
  ],
};

/** Table 3, payment check: shop → bank. */
export const PAYMENT_CHECK: Table = {
  table: 3,
  direction: 'shopToBank',
  rows: [
    ['1', 'NB_VERSION', 'AN4', 'mandatory', '', 'version'],
    ['2', 'NB_RCV_ID', 'AN9', 'mandatory', 'always', 'shopId'],
    ['3', 'NB_STAMP', 'AN20', 'mandatory', 'always', 'stamp'],
    ['4', 'NB_RETURN', 'AN240', 'optional', '', 'url'],
    ['5', 'NB_HMAC', 'AN32', 'mandatory', '', 'mac'],
    ['6', 'NB_KVV', 'AN32', 'mandatory', '', 'kvv'],
  ],
};

/** Table 4, payment check answer: bank → shop. */
export const PAYMENT_CHECK_RESPONSE: Table = {
  table: 4,
  direction: 'bankToShop',
  statuses: { values: ['YES', 'NO', 'ERR'], unsigned: ['ERR'] },
  rows: [
    ['1', 'NB_VERIFIED', 'AN3', 'mandatory', 'always', 'status'],
    ['2', 'NB_RETURN_STAMP', 'AN20', 'mandatory', 'always', 'stamp'],
    ['3a', 'NB_RETURN_DB_AMOUNT', 'AN19', 'optional', 'YES', 'amount'],
    ['3b', 'NB_RETURN_DB_CUR', 'AN3', 'optional', 'YES', 'currency'],
    ['3c', 'NB_RETURN_DB_REF', 'N25', 'optional', 'YES', 'reference'],
    ['4', 'NB_RETURN_BB_REF1', 'AN25', 'optional', 'YES', 'text'],
    ['4', 'NB_RETURN_BB_REF2', 'AN25', 'optional', 'YES', 'text'],
    ['4', 'NB_RETURN_BB_REF3', 'AN25', 'optional', 'YES', 'text'],
    ['4', 'NB_RETURN_BB_REF4', 'AN25', 'optional', 'YES', 'text'],
    ['4', 'NB_RETURN_BB_REF5', 'AN25', 'optional', 'YES', 'text'],
    ['4', 'NB_RETURN_BB_REF6', 'AN25', 'optional', 'YES', 'text'],
    ['4', 'NB_RETURN_BB_REF7', 'AN25', 'optional', 'YES', 'text'],
    ['4', 'NB_RETURN_BB_REF8', 'AN25', 'optional', 'YES', 'text'],
    ['5', 'NB_PAID', 'AN26', 'optional', 'YES', 'paid'],
    ['6', 'NB_HMAC', 'AN32', 'mandatory', '', 'mac'],
    ['7', 'NB_KVV', 'AN32', 'mandatory', '', 'kvv'],
    ['8', 'NB_ERROR_DESCR', 'AN50', 'optional', '', 'text'],
  ],
};

/** Table 5, repayment: shop → bank. */
export const REPAYMENT: Table = {
  table: 5,
  direction: 'shopToBank',
  rows: [
    ['1', 'NB_VERSION', 'AN4', 'mandatory', '', 'version'],
    ['2', 'NB_RCV_ID', 'AN9', 'mandatory', 'always', 'shopId'],
    ['3', 'NB_STAMP', 'AN20', 'mandatory', 'always', 'stamp'],
    ['4', 'NB_DB_REF', 'N25', 'mandatory', 'always', 'reference'],
    ['5', 'NB_PAID', 'AN26', 'mandatory', 'always', 'paid'],
    ['6', 'NB_REPAY_AMOUNT', 'AN19', 'mandatory', 'always', 'amount'],
    ['7', 'NB_REPAY_CUR', 'AN3', 'mandatory', 'always', 'currency'],
    ['8', 'NB_RETURN', 'AN240', 'optional', '', 'url'],
    ['9', 'NB_HMAC', 'AN32', 'mandatory', '', 'mac'],
    ['10', 'NB_KVV', 'AN32', 'mandatory', '', 'kvv'],
  ],
};

/** Table 6, repayment answer: bank → shop. */
export const REPAYMENT_RESPONSE: Table = {
  table: 6,
  direction: 'bankToShop',
  statuses: { values: ['YES', 'ERR'], unsigned: ['ERR'] },
  rows: [
    ['1', 'NB_VERIFIED', 'AN3', 'mandatory', 'always', 'status'],
    ['2', 'NB_RETURN_STAMP', 'AN20', 'mandatory', 'always', 'stamp'],
    ['3', 'NB_RETURN_DB_REF', 'N25', 'mandatory', 'always', 'reference'],
    ['4a', 'NB_RETURN_REPAY_AMOUNT', 'AN19', 'mandatory', 'always', 'amount'],
    ['4b', 'NB_RETURN_REPAY_CUR', 'AN3', 'mandatory', 'always', 'currency'],
    ['5a', 'NB_WITHDRAWAL_AMOUNT', 'AN19', 'optional', 'always', 'amount'],
    ['5b', 'NB_WITHDRAWAL_CUR', 'AN3', 'optional', 'always', 'currency'],
    ['5c', 'NB_WITHDRAWAL_DATE', 'AN10', 'optional', 'always', 'date'],
    ['5d', 'NB_DEPOSIT_DATE', 'AN10', 'optional', 'always', 'date'],
    ['5e', 'NB_RATE', 'AN12', 'optional', 'always', 'rate'],
    ['6', 'NB_PAID', 'AN26', 'mandatory', 'always', 'paid'],
    ['7', 'NB_HMAC', 'AN32', 'mandatory', '', 'mac'],
    ['8', 'NB_KVV', 'AN32', 'mandatory', '', 'kvv'],
    ['9', 'NB_ERROR_DESCR', 'AN120', 'optional', '', 'text'],
  ],
};

/** Tables 1–6 of the handbook, row by row, in MAC order. */
export const TABLES: Readonly<Record<MessageKind, Table>> = {
  payDirect: PAY_DIRECT,
  payDirectReturn: PAY_DIRECT_RETURN,
  paymentCheck: PAYMENT_CHECK,
  paymentCheckResponse: PAYMENT_CHECK_RESPONSE,
  repayment: REPAYMENT,
  repaymentResponse: REPAYMENT_RESPONSE,
};

/** A MAC or KVV as sent: 32 hexadecimal characters. */
export const HEX32 = /^[0-9A-Fa-f]{32}$/;

/** An absolute http(s) URL without spaces: scheme, optional user info, host, optional port, then path, query or fragment. */
export const PAGE_URL = /^(https?):\/\/([^/?#\s:@]+(?::[^/?#\s@]*)?@)?([^/?#\s:]+)(:\d{1,5})?([/?#]\S*)?$/i;

/** Values that surely pass a rule, whichever side sends them (what `validateFields` may still warn about aside). */
const RULE_PATTERNS: Partial<Readonly<Record<FieldRule, RegExp>>> = {
  version: new RegExp(`^${VERSION}$`),
  amount: AMOUNT_PATTERN,
  currency: /^(SEK|EUR)$/,
  reference: /^[1-9][0-9]*$/,
  url: PAGE_URL,
  mac: HEX32,
  kvv: HEX32,
};

/**
 * Whether a shop's message (tables 1, 3, 5; any other is `false`) surely passes validation: only the table's fields, every mandatory one
 * there and not empty, each within its format (length, digits, no control characters) and its
 * rule's pattern. Strict on purpose — `true` means `validateFields` finds no error (a property
 * test holds it to that); `false` means: ask `validateFields` what is wrong. Before signing
 * (`signed: false`) NB_HMAC and NB_KVV must be absent rather than present.
 */
export function conforms(table: Table, fields: Readonly<Record<string, string>>, options: { readonly signed?: boolean } = {}): boolean {
  const { direction, rows } = table;
  if (direction !== 'shopToBank') return false;
  const names = Object.keys(fields);
  if (names.some((name) => !rows.some((row) => row[1] === name))) return false;
  return rows.every((row) => {
    const [, name, , use, , rule] = row;
    const value = fields[name];
    if ((rule === 'mac' || rule === 'kvv') && options.signed === false) return value === undefined;
    if (value === undefined || value === '') return use === 'optional';
    const { type, max } = formatOf(row);
    return (
      [...value].length <= max &&
      !/[\x00-\x1f\x7f]/.test(value) &&
      (type !== 'N' || /^[0-9]+$/.test(value)) &&
      (RULE_PATTERNS[rule]?.test(value) ?? true)
    );
  });
}
