/**
 * `<ebet-checkout>`'s logic without a DOM, the part small enough to ship inside the element: the
 * pay direct fields from a shop's attributes, and whether they and a shop signer's answer surely
 * pass the core's validation. When anything is doubtful the element loads `checkout-core.ts`,
 * which says exactly what is wrong (and signs in test mode).
 */
import { parseAmount } from '../protocol/amount.ts';
import { conforms, PAY_DIRECT, VERSION } from '../protocol/field-table.ts';
import { compactHex, TEST_KVV } from '../protocol/key.ts';
import type { Text } from '../protocol/text.ts';

/** What a shop writes on the element, URLs already made absolute. */
export interface CheckoutInput {
  readonly rcvId: string;
  readonly amount: string;
  readonly currency: string;
  readonly reference: string;
  readonly stamp: string;
  readonly returnUrl: string;
  readonly cancelUrl: string;
  readonly rejectUrl: string;
}

/** One thing that stops a payment, at the field (or setting) concerned. */
export interface CheckoutProblem {
  /** The protocol field (`NB_DB_AMOUNT`) or setting (`key`, `sign-url`, `action`, `frame`…). */
  readonly field: string;
  readonly code: string;
  readonly message: Text;
}

/** How a checkout is set up: which of its settings are present. */
export interface CheckoutSettings {
  /** `mode="test"`, or a key on the element (which may only be the published test key). */
  readonly test: boolean;
  /** `sign-url` or the `signer` property. */
  readonly signer: boolean;
  readonly action: boolean;
  /** The page is inside a frame… */
  readonly framed: boolean;
  /** …and the element may post to the top window (`target-top`). */
  readonly targetTop: boolean;
}

/** What a checkout's settings need, one rule each; `checkout-core.ts` says what each means when broken. */
export const SETTING_RULES: readonly { readonly field: string; readonly code: string; readonly holds: (s: CheckoutSettings) => boolean }[] = [
  { field: 'sign-url', code: 'no-signer', holds: (s) => s.test || s.signer },
  { field: 'action', code: 'no-action', holds: (s) => s.test || s.action },
  { field: 'frame', code: 'frame', holds: (s) => !s.framed || s.targetTop },
];

/** Whether every setting rule holds; when not, `settingProblems` (checkout-core.ts) says what is missing. */
export function settingsReady(settings: CheckoutSettings): boolean {
  return SETTING_RULES.every((rule) => rule.holds(settings));
}

/** The signature a signer gives back. */
export interface Signature {
  readonly NB_HMAC: string;
  readonly NB_KVV: string;
}

/** NB_HMAC and NB_KVV: the pay direct fields a signer adds (the rows whose rule is `mac` or `kvv`). */
export function signatureFields(): string[] {
  return PAY_DIRECT.rows.filter(([, , , , , rule]) => rule === 'mac' || rule === 'kvv').map(([, name]) => name);
}

/**
 * The unsigned pay direct fields, in the handbook's order. An amount written `550,00`, `550.00`
 * or `550` is sent in the bank's comma form; anything else is sent as written, so that
 * validation names the problem instead of a guess hiding it. The currency is upper-cased.
 */
export function payDirectFields(input: CheckoutInput): Record<string, string> {
  const amount = input.amount.trim();
  const values: Record<string, string> = {
    NB_VERSION: VERSION,
    NB_RCV_ID: input.rcvId.trim(),
    NB_STAMP: input.stamp.trim(),
    NB_DB_AMOUNT: parseAmount(amount)?.canonical ?? amount,
    NB_DB_CUR: input.currency.trim().toUpperCase(),
    NB_DB_REF: input.reference.trim(),
    NB_RETURN: input.returnUrl,
    NB_CANCEL: input.cancelUrl,
    NB_REJECT: input.rejectUrl,
  };
  const fields: Record<string, string> = {};
  for (const [, name] of PAY_DIRECT.rows) if (values[name] !== undefined) fields[name] = values[name];
  return fields;
}

/** Whether the unsigned fields surely pass validation; when not, `checkoutProblems` (checkout-core.ts) says what is wrong. */
export function payDirectReady(fields: Readonly<Record<string, string>>): boolean {
  return conforms(PAY_DIRECT, fields, { signed: false });
}

/**
 * The fields with a production signer's signature when its answer surely passes every check of
 * `applySignature` (checkout-core.ts): NB_HMAC and NB_KVV, each 32 hexadecimal characters, a KVV
 * that is not the test key's and is the expected one when the shop states it. `null` otherwise:
 * then `applySignature` says what is wrong.
 */
export function acceptSignature(
  fields: Readonly<Record<string, string>>,
  answer: unknown,
  expectedKvv?: string,
): Record<string, string> | null {
  const { NB_HMAC, NB_KVV } = (answer && typeof answer === 'object' ? answer : {}) as Record<string, unknown>;
  if (typeof NB_HMAC !== 'string' || typeof NB_KVV !== 'string') return null;
  const signed = { ...fields, NB_HMAC, NB_KVV };
  const kvv = NB_KVV.toUpperCase();
  const expected = expectedKvv === undefined ? undefined : compactHex(expectedKvv);
  return conforms(PAY_DIRECT, signed) && kvv !== TEST_KVV && (!expected || kvv === expected) ? signed : null;
}
