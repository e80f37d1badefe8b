/**
 * What a shop's checkout and its return pages agree on, without the field table (so that the
 * checkout's and the receipt worker's bundles stay small): the query parameters the checkout adds
 * to NB_CANCEL and NB_REJECT, where the receipt worker keeps a captured receipt, and where the
 * checkout notes the order it sent (to compare with the receipt).
 */

/** `cancel` or `reject`: which way the buyer came back without paying. */
export type Outcome = 'cancel' | 'reject';

/** Query parameters on the return pages. */
export const RETURN_PARAMS = {
  /** Added to NB_CANCEL / NB_REJECT by the checkout: `cancel` or `reject`. */
  outcome: 'ebet-outcome',
  /** Added to NB_CANCEL / NB_REJECT by the checkout: the payment's NB_STAMP. */
  stamp: 'ebet-stamp',
  /** Set by the receipt worker when it redirects to the return page: the captured receipt's id. */
  receipt: 'ebet-receipt',
} as const;

/** The Cache Storage cache the receipt worker keeps captured receipts in. */
export const RECEIPT_CACHE = 'ebet-receipts';

/** The path (on the shop's origin) under which a captured receipt is cached. */
export function receiptCachePath(id: string): string {
  return `/.ebet-receipts/${encodeURIComponent(id)}`;
}

/** The session storage key under which the checkout notes the order it sent. */
export function orderStorageKey(stamp: string): string {
  return `ebet-order:${stamp}`;
}

/**
 * A cancel or reject URL with the outcome and the stamp added to its query (the shop's own
 * query and fragment kept), so that the page the buyer comes back to knows which payment it was.
 */
export function withOutcome(url: string, outcome: Outcome, stamp: string): string {
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : url.slice(hashAt);
  const joiner = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  return `${base}${joiner}${RETURN_PARAMS.outcome}=${outcome}&${RETURN_PARAMS.stamp}=${encodeURIComponent(stamp)}${fragment}`;
}

/** The outcome a return page's query names, and the stamp with it; `null` when it names none. */
export function outcomeOf(params: Readonly<Record<string, string>>): { outcome: Outcome; stamp: string } | null {
  const outcome = params[RETURN_PARAMS.outcome];
  if (outcome !== 'cancel' && outcome !== 'reject') return null;
  return { outcome, stamp: params[RETURN_PARAMS.stamp] ?? '' };
}
