/**
 * `<ebet-receipt>`'s logic without a DOM: the receipt (pay direct, bank → shop) out of what the
 * bank posted, verified with the published test key, the answer of a shop's verify endpoint, and
 * the receipt compared with the order the checkout sent.
 */
import { parseAmount } from './amount.ts';
import { messageSpec } from './fields.ts';
import { TEST_KEY } from './key.ts';
import { EbetError, text, type Text } from './text.ts';
import { validateFields, type ValidationRow } from './validate.ts';

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
 * Where the receipt differs from the order sent: another stamp, reference or currency, or another
 * amount by meaning (the bank may write `550,00` as `550.00`, which is the same amount).
 */
export function orderMismatches(fields: Readonly<Record<string, string>>, order: SentOrder): Text[] {
  const found: Text[] = [];
  const same = (a: string | undefined, b: string) => (a ?? '').trim().toUpperCase() === b.trim().toUpperCase();
  if (!same(fields.NB_RETURN_STAMP, order.NB_STAMP)) {
    found.push(
      text(
        `NB_RETURN_STAMP is "${fields.NB_RETURN_STAMP ?? ''}", but the order sent was ${order.NB_STAMP}`,
        `NB_RETURN_STAMP är ”${fields.NB_RETURN_STAMP ?? ''}”, men ordern som skickades var ${order.NB_STAMP}`,
      ),
    );
  }
  const paid = parseAmount(fields.NB_RETURN_DB_AMOUNT ?? '');
  const ordered = parseAmount(order.NB_DB_AMOUNT);
  if (!paid || !ordered || paid.hundredths !== ordered.hundredths) {
    found.push(
      text(
        `The amount paid is "${fields.NB_RETURN_DB_AMOUNT ?? ''}", but the order was ${order.NB_DB_AMOUNT}`,
        `Betalt belopp är ”${fields.NB_RETURN_DB_AMOUNT ?? ''}”, men ordern var ${order.NB_DB_AMOUNT}`,
      ),
    );
  }
  if (!same(fields.NB_RETURN_DB_CUR, order.NB_DB_CUR)) {
    found.push(
      text(
        `The currency is "${fields.NB_RETURN_DB_CUR ?? ''}", but the order was in ${order.NB_DB_CUR}`,
        `Valutan är ”${fields.NB_RETURN_DB_CUR ?? ''}”, men ordern var i ${order.NB_DB_CUR}`,
      ),
    );
  }
  if (!same(fields.NB_RETURN_DB_REF, order.NB_DB_REF)) {
    found.push(
      text(
        `NB_RETURN_DB_REF is "${fields.NB_RETURN_DB_REF ?? ''}", but the order's reference was ${order.NB_DB_REF}`,
        `NB_RETURN_DB_REF är ”${fields.NB_RETURN_DB_REF ?? ''}”, men orderns referens var ${order.NB_DB_REF}`,
      ),
    );
  }
  return found;
}
