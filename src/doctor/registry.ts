/**
 * The registry of causes: every mistake the doctor knows is one module in `causes/`, listed here
 * once. Adding a cause is adding its module (its code, words, candidates, pairs and example) and
 * its line below; `docs/doctor.md` is generated from this list (`npm run docs`).
 */
import type { Text } from '../protocol/text.ts';
import { amountFormat } from './causes/amount-format.ts';
import { base64 } from './causes/base64.ts';
import { droppedZero } from './causes/dropped-zero.ts';
import { encoding } from './causes/encoding.ts';
import { extraField } from './causes/extra-field.ts';
import { fieldOrder } from './causes/field-order.ts';
import { hmacMd5 } from './causes/hmac-md5.ts';
import { hmacSha1 } from './causes/hmac-sha1.ts';
import { hmacSha512 } from './causes/hmac-sha512.ts';
import { keyAppended } from './causes/key-appended.ts';
import { keyAsText } from './causes/key-as-text.ts';
import { kvvAsMac } from './causes/kvv-as-mac.ts';
import { lowercaseHex } from './causes/lowercase-hex.ts';
import { missingField } from './causes/missing-field.ts';
import { otherKey } from './causes/other-key.ts';
import { otherKind } from './causes/other-kind.ts';
import { plainHash } from './causes/plain-hash.ts';
import { replacementChar } from './causes/replacement-char.ts';
import { separator } from './causes/separator.ts';
import { untruncated } from './causes/untruncated.ts';
import { whitespace } from './causes/whitespace.ts';
import type { Cause, DoctorCause } from './types.ts';

/** Every cause, in the order findings and `tried` list them. */
export const REGISTRY: readonly Cause[] = [
  amountFormat,
  keyAsText,
  lowercaseHex,
  untruncated,
  encoding,
  whitespace,
  fieldOrder,
  missingField,
  extraField,
  separator,
  plainHash,
  otherKey,
  otherKind,
  kvvAsMac,
  hmacSha1,
  hmacMd5,
  hmacSha512,
  base64,
  keyAppended,
  droppedZero,
  replacementChar,
];

/** Every cause the doctor looks for: its code, a title and what it tries, in both languages. */
export const DOCTOR_CAUSES: Readonly<Record<DoctorCause, { readonly title: Text; readonly tries: Text }>> = Object.fromEntries(
  REGISTRY.map((cause) => [cause.code, { title: cause.title, tries: cause.tries }]),
) as Record<DoctorCause, { readonly title: Text; readonly tries: Text }>;

export const CAUSE_CODES: readonly DoctorCause[] = REGISTRY.map((cause) => cause.code);
const INDEX = new Map(CAUSE_CODES.map((code, i) => [code, i]));
/** A cause's place in the registry (its row of `tried`). */
export const causeIndex = (cause: DoctorCause): number => INDEX.get(cause)!;

/** Which causes pair, by their places in the registry (looked up for every candidate string). */
const PAIRS: readonly (readonly boolean[])[] = REGISTRY.map((a) =>
  REGISTRY.map((b) => a.pairsWith === 'any' || b.pairsWith === 'any' || a.pairsWith.includes(b.code) || b.pairsWith.includes(a.code)),
);
/** Whether two causes are combined in one candidate: either one lists the other, or pairs with any. */
export const pairs = (a: DoctorCause, b: DoctorCause): boolean => PAIRS[causeIndex(a)]![causeIndex(b)]!;

/** The registry's causes of one layer. */
export function causesOf<L extends Cause['layer']>(layer: L): Array<Extract<Cause, { layer: L }>> {
  return REGISTRY.filter((cause): cause is Extract<Cause, { layer: L }> => cause.layer === layer);
}
