/**
 * How the simulator keeps what it stores small (issue 25): a long value is cut, with its length and
 * SHA-256 noted so that two long values can still be told apart, and a store keeps the newest records
 * that fit its budget, the oldest dropped first. Used by the attempt log, the ledger and the stored
 * requests alike.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** A value kept cut: its length and SHA-256 (hex of its UTF-8), so two long values can still be told apart. */
export interface CutValue {
  readonly field: string;
  readonly length: number;
  readonly sha256: string;
}

/** The SHA-256 of a text's UTF-8, in hex (a lone surrogate counted as U+FFFD, as UTF-8 writes it). */
export const hashHex = (value: string): string => bytesToHex(sha256(utf8ToBytes(value.replace(/[\ud800-\udfff]/g, '\ufffd'))));

/**
 * A function that cuts a value longer than `chars` to `chars` characters in all (its last one `…`),
 * noting in `cuts` the field, the length and the hash of what was cut; a shorter value comes back as
 * it is. A value cut once is not cut again.
 */
export function valueCutter(chars: number, cuts: CutValue[]): (field: string, value: string) => string {
  return (field, value) => {
    if (value.length <= chars) return value;
    cuts.push({ field: field.slice(0, chars), length: value.length, sha256: hashHex(value) });
    return `${value.slice(0, chars - 1)}…`;
  };
}

/** How many characters a record takes stored (its JSON): what a budget counts. */
export const storedSize = (record: unknown): number => JSON.stringify(record).length;

/**
 * The newest records that fit in `budget` characters of JSON, in their order; `records` are oldest
 * first, and the oldest are dropped first.
 */
export function newestWithin<T>(records: readonly T[], budget: number, size: (record: T) => number = storedSize): T[] {
  let total = 0;
  let first = records.length;
  while (first > 0) {
    total += size(records[first - 1]!);
    if (total > budget) break;
    first--;
  }
  return records.slice(first);
}
