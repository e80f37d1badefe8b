/**
 * `<ebet-receipt>`'s logic without a DOM: the receipt (pay direct, bank → shop) out of what the
 * bank posted, verified with the published test key, the answer of a shop's verify endpoint, and
 * the receipt compared with the order the checkout sent.
 */
import { sameAmount, sameCurrency } from '../protocol/amount.ts';
import { messageSpec } from '../protocol/fields.ts';
import { TEST_KEY } from '../protocol/key.ts';
import { compareEcho } from '../judging/policy.ts';
import { EbetError, text, type Text } from '../protocol/text.ts';
import { validateFields, type Level, type ValidationRow } from '../judging/validate.ts';

/** What a shop's return page shows: a receipt (verified, invalid, not verified, not the order), a cancel or reject, nothing, or still reading. */
export type ReceiptState = 'loading' | 'verified' | 'invalid' | 'mismatch' | 'unverified' | 'cancelled' | 'rejected' | 'missing';

/**
 * The verdict of each state, as `<ebet-receipt>`'s hooks carry it: its level (`null` while reading)
 * and its codes (an invalid receipt adds the codes of its fields' errors).
 */
export const RECEIPT_VERDICTS: Readonly<Record<ReceiptState, { readonly level: Level | null; readonly codes: readonly string[] }>> = {
  loading: { level: null, codes: [] },
  verified: { level: 'ok', codes: [] },
  invalid: { level: 'error', codes: ['receipt-invalid'] },
  mismatch: { level: 'error', codes: ['order-different'] },
  unverified: { level: 'warning', codes: ['not-verified'] },
  cancelled: { level: 'warning', codes: ['cancelled'] },
  rejected: { level: 'error', codes: ['rejected'] },
  missing: { level: 'warning', codes: ['no-receipt'] },
};

/** The fields of a receipt, in the handbook's order (table 2). */
export const RECEIPT_FIELDS: readonly string[] = messageSpec('payDirectReturn').fields.map((f) => f.name);

/** The order as the checkout sent it: the signed pay direct fields. */
export interface SentOrder {
  readonly NB_STAMP: string;
  readonly NB_DB_AMOUNT: string;
  readonly NB_DB_CUR: string;
  readonly NB_DB_REF: string;
}

/**
 * The receipt's fields out of posted or queried name/value pairs (first occurrence of a name
 * wins); `null` when none of them is there, i.e. this is no receipt at all.
 */
export function receiptFields(entries: Iterable<readonly [string, string]>): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (RECEIPT_FIELDS.includes(name) && !(name in fields)) fields[name] = value;
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

/**
 * The receipt checked as the bank's test page would, with the published test key: every field's
 * format, then NB_HMAC and NB_KVV. The errors found; an empty list means verified.
 */
export function testKeyProblems(fields: Readonly<Record<string, string>>): ValidationRow[] {
  return validateFields('payDirectReturn', fields, { key: TEST_KEY }).filter((row) => row.level === 'error');
}

/** The answer of a shop's verify endpoint: JSON `{"verified": true}` or `{"verified": false}`. */
export function verifyAnswer(answer: unknown): boolean {
  const verified = answer && typeof answer === 'object' ? (answer as Record<string, unknown>).verified : undefined;
  if (typeof verified !== 'boolean') {
    throw new EbetError(
      'verify-answer',
      text(
        'The verify endpoint answered something else than {"verified": true} or {"verified": false}',
        'Verifieringstjänsten svarade något annat än {"verified": true} eller {"verified": false}',
      ),
      'verify-url',
    );
  }
  return verified;
}

/**
 * Where the receipt differs from the order sent: another stamp or reference (compared exactly, as
 * the bank echoes them, in the policy's words), another currency, or another amount by meaning
 * (the bank may write `550,00` as `550.00`, which is the same amount).
 */
export function orderMismatches(fields: Readonly<Record<string, string>>, order: SentOrder): Text[] {
  const found: Text[] = [];
  const echo = (field: string, orderField: 'NB_STAMP' | 'NB_DB_REF') => {
    const differs = compareEcho(field, orderField, fields[field] ?? '', order[orderField]);
    if (differs) found.push(differs.message);
  };
  echo('NB_RETURN_STAMP', 'NB_STAMP');
  if (!sameAmount(fields.NB_RETURN_DB_AMOUNT ?? '', order.NB_DB_AMOUNT)) {
    found.push(
      text(
        `The amount paid is "${fields.NB_RETURN_DB_AMOUNT ?? ''}", but the order was ${order.NB_DB_AMOUNT}`,
        `Betalt belopp är ”${fields.NB_RETURN_DB_AMOUNT ?? ''}”, men ordern var ${order.NB_DB_AMOUNT}`,
      ),
    );
  }
  if (!sameCurrency(fields.NB_RETURN_DB_CUR ?? '', order.NB_DB_CUR)) {
    found.push(
      text(
        `The currency is "${fields.NB_RETURN_DB_CUR ?? ''}", but the order was in ${order.NB_DB_CUR}`,
        `Valutan är ”${fields.NB_RETURN_DB_CUR ?? ''}”, men ordern var i ${order.NB_DB_CUR}`,
      ),
    );
  }
  echo('NB_RETURN_DB_REF', 'NB_DB_REF');
  return found;
}
