/** Secret keys, HMAC-SHA256-128 and the key verification value (KVV). */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { encodeText } from './encoding.ts';
import { EbetError, text } from './text.ts';
import { codePoint } from './visible.ts';

/** The handbook's published test key (section 4.1), for the bank's test page only. */
export const TEST_KEY = '1234 5678 90AB CDEF 1234 5678 90AB CDEF';
/** The KVV of the published test key. */
export const TEST_KVV = 'FF365893D899291C3BF505FB3175E880';
/** What a KVV is computed over: the 8 ASCII characters `00000000`. */
export const KVV_INPUT = '00000000';

/** The 32 hexadecimal characters of a key, without group spaces, in upper case. */
export function normalizeKey(key: string): string {
  if (typeof key !== 'string') {
    throw new EbetError('key-missing', text('No key was given', 'Ingen nyckel angavs'), 'key');
  }
  const compact = key.replace(/\s+/g, '');
  if (compact === '') {
    throw new EbetError(
      'key-missing',
      text('The key is empty; it needs 32 hexadecimal characters', 'Nyckeln är tom; den ska ha 32 hexadecimala tecken'),
      'key',
    );
  }
  const bad = /[^0-9a-fA-F]/.exec(compact);
  if (bad) {
    const position = positionInOriginal(key, bad.index);
    // A character nobody can see (U+202E, a zero-width space, half a surrogate pair) is named by its code point.
    const char = String.fromCodePoint(compact.codePointAt(bad.index) ?? 0);
    const seen = /^[!-~]$/.test(char);
    throw new EbetError(
      'key-not-hex',
      text(
        `The key's character ${seen ? `"${char}"` : codePoint(char)} at position ${position} is not hexadecimal; use only 0–9 and A–F`,
        `Nyckelns tecken ${seen ? `”${char}”` : codePoint(char)} på position ${position} är inte hexadecimalt; använd bara 0–9 och A–F`,
      ),
      'key',
    );
  }
  if (compact.length !== 32) {
    throw new EbetError(
      'key-length',
      text(
        `The key has ${compact.length} hexadecimal characters; it needs exactly 32 (128 bits)`,
        `Nyckeln har ${compact.length} hexadecimala tecken; den ska ha exakt 32 (128 bitar)`,
      ),
      'key',
    );
  }
  return compact.toUpperCase();
}

/** 1-based position in the text as typed (spaces included) of the n-th non-space character. */
function positionInOriginal(original: string, compactIndex: number): number {
  let seen = -1;
  for (let i = 0; i < original.length; i++) {
    if (!/\s/.test(original[i]!)) seen++;
    if (seen === compactIndex) return i + 1;
  }
  return compactIndex + 1;
}

/** The 16 key bytes: the key's 32 hexadecimal characters decoded (never its text). */
export function keyBytes(key: string): Uint8Array {
  return hexToBytes(normalizeKey(key));
}

/** The full HMAC-SHA256 of a message under raw key bytes. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return hmac(sha256, key, message);
}

/**
 * An HMAC-SHA256 with its keyed state computed once and cloned per message: the cheap way to
 * sign many candidate strings under one key (the mismatch doctor does thousands).
 */
export function keyedHmac(key: Uint8Array): (message: Uint8Array) => Uint8Array {
  const keyed = hmac.create(sha256, key);
  return (message) => keyed.clone().update(message).digest();
}

/** Upper-case hexadecimal of bytes. */
export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes).toUpperCase();
}

/** The protocol's truncation: the first 128 bits, as 32 upper-case hexadecimal characters. */
export function truncateMac(fullHmac: Uint8Array): string {
  return toHex(fullHmac.subarray(0, 16));
}

/** How a MAC or KVV is written: its letters' case. */
export type HexCase = 'upper' | 'lower' | 'mixed' | 'none';

/** A MAC or KVV as written, read as it is compared: without white space, and how it was written. */
export interface HexReading {
  /** Without any white space, case as written. */
  readonly compact: string;
  readonly case: HexCase;
  /** Whether white space was removed (groups, or spaces around it). */
  readonly spaced: boolean;
}

export function readHex(value: string): HexReading {
  const compact = value.replace(/\s+/g, '');
  const letters = /[A-Fa-f]/.test(compact);
  const hexCase: HexCase = compact === '' ? 'none' : !letters || compact === compact.toUpperCase() ? 'upper' : compact === compact.toLowerCase() ? 'lower' : 'mixed';
  return { compact, case: hexCase, spaced: compact.length !== value.length };
}

/** Whether a MAC or KVV, read as it is compared, is 32 hexadecimal characters. */
export function isHex32(value: string): boolean {
  return /^[0-9A-Fa-f]{32}$/.test(readHex(value).compact);
}

/** A MAC or KVV as written (in groups, in either case) as it is compared: no spaces, upper case. */
export function compactHex(value: string): string {
  return readHex(value).compact.toUpperCase();
}

/** A KVV as typed, against the key's: `none` while none is typed, `malformed` unless it is 32 hexadecimal characters, else `match` or `mismatch` (without regard to case or spaces). */
export function readTypedKvv(kvv: string, typed: string): { readonly value: string; readonly result: 'none' | 'malformed' | 'match' | 'mismatch' } {
  const value = compactHex(typed);
  const result = !value ? 'none' : !/^[0-9A-F]{32}$/.test(value) ? 'malformed' : value === kvv ? 'match' : 'mismatch';
  return { value, result };
}

/** The key verification value: HMAC-SHA256-128 of ASCII `00000000` under the key. */
export function computeKvv(key: string): string {
  return truncateMac(hmacSha256(keyBytes(key), encodeText(KVV_INPUT)));
}

/**
 * The KVVs a shop gets when its code uses the key's characters as text (ASCII bytes: upper case,
 * lower case, or as typed with its spaces) instead of their 16 decoded bytes: the "key as text"
 * mistake, seen in an NB_KVV.
 */
export function kvvsOfKeyAsText(key: string): string[] {
  const hex = normalizeKey(key);
  return [...new Set([hex, hex.toLowerCase(), key.trim()])].map((chars) => truncateMac(hmacSha256(encodeText(chars), encodeText(KVV_INPUT))));
}

/** Formats 32 hexadecimal characters in the handbook's groups of four: `FF36 5893 …`. */
export function groupHex(hex: string): string {
  return hex.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
