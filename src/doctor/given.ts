/** The given MAC (NB_HMAC) read: as typed or pasted, in hexadecimal, base64 or base64url. */
import { hexToBytes } from '@noble/hashes/utils.js';
import { readHex, toHex } from '../protocol/key.ts';
import { EbetError, text } from '../protocol/text.ts';
import type { GivenMac } from './types.ts';

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A MAC in base64 (padded or not) or base64url of 16 or 32 bytes: forms the doctor reads and explains. */
const BASE64_MAC = /^(?:[A-Za-z0-9+/]{22}(?:==)?|[A-Za-z0-9+/]{43}=?|[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{43})$/;
/**
 * The lengths of a MAC in hexadecimal the doctor reads: NB_HMAC, HMAC-SHA1, the full HMAC-SHA256,
 * and the last two one character short (a leading zero dropped, as Java's BigInteger writes it).
 */
const MAC_HEX_LENGTHS = [32, 40, 64, 39, 63];

/**
 * A MAC (NB_HMAC) or KVV as typed or pasted: group spaces removed, checked to be hexadecimal of the
 * right length. A MAC may also have 40 or 64 characters (an HMAC-SHA1, the untruncated HMAC) or be
 * in base64 or base64url: the doctor diagnoses those.
 * Throws an `EbetError` naming the field (`NB_HMAC` / `NB_KVV`) that says what is wrong.
 */
export function readHexValue(value: string, field: 'NB_HMAC' | 'NB_KVV'): string {
  const what = field === 'NB_HMAC' ? text('MAC', 'MAC') : text('KVV', 'KVV');
  const compact = typeof value === 'string' ? readHex(value).compact : '';
  if (compact === '') {
    throw new EbetError(
      `${what.en.toLowerCase()}-missing`,
      text(`No ${what.en} was given: paste the ${field} that was sent`, `Ingen ${what.sv} angavs: klistra in ${field} som skickades`),
      field,
    );
  }
  const bad = /[^0-9a-fA-F]/.exec(compact);
  if (bad && field === 'NB_HMAC' && BASE64_MAC.test(compact)) return compact;
  if (bad) {
    throw new EbetError(
      `${what.en.toLowerCase()}-not-hex`,
      text(
        `The ${what.en}'s character "${bad[0]}" at position ${bad.index + 1} is not hexadecimal; a ${what.en} is 32 characters 0–9 and A–F`,
        `${field === 'NB_HMAC' ? 'MAC:ens' : 'KVV:ns'} tecken ”${bad[0]}” på position ${bad.index + 1} är inte hexadecimalt; en ${what.sv} är 32 tecken 0–9 och A–F`,
      ),
      field,
    );
  }
  if (compact.length !== 32 && !(field === 'NB_HMAC' && MAC_HEX_LENGTHS.includes(compact.length))) {
    throw new EbetError(
      `${what.en.toLowerCase()}-length`,
      field === 'NB_HMAC'
        ? text(
            `The MAC has ${compact.length} hexadecimal characters; NB_HMAC has 32 (or 64 when the full HMAC was sent by mistake, 40 for an HMAC-SHA1)`,
            `MAC:en har ${compact.length} hexadecimala tecken; NB_HMAC har 32 (eller 64 om hela HMAC:en skickades av misstag, 40 för en HMAC-SHA1)`,
          )
        : text(
            `The KVV has ${compact.length} hexadecimal characters; it needs exactly 32`,
            `KVV:n har ${compact.length} hexadecimala tecken; den ska ha exakt 32`,
          ),
      field,
    );
  }
  return compact;
}

export function readGivenMac(givenMac: string): GivenMac {
  const compact = readHexValue(givenMac, 'NB_HMAC');
  if (/^[0-9a-fA-F]+$/.test(compact)) {
    const oddLength = compact.length % 2 === 1;
    const bytes = hexToBytes(oddLength ? `0${compact}` : compact);
    return { compact, bytes, form: 'hex', lowercase: /[a-f]/.test(compact), untruncated: bytes.length === 32, padded: false, oddLength };
  }
  const bytes = fromBase64url(compact)!;
  const form = /[-_]/.test(compact) || !/[+/=]/.test(compact) ? 'base64url' : 'base64';
  return { compact, bytes, form, lowercase: false, untruncated: bytes.length === 32, padded: compact.endsWith('='), oddLength: false };
}

/** A digest (in full) written as the given MAC was: cut to its length, in its form and case. */
export function asGiven(given: GivenMac, digest: Uint8Array, shifted = false): string {
  if (given.form === 'hex') {
    // A dropped leading zero: the digest's hexadecimal without its leading zeros, as Java's BigInteger writes it.
    const hex = given.oddLength || shifted ? toHex(digest).replace(/^0+/, '') : toHex(digest);
    const cut = hex.slice(0, given.compact.length);
    return given.lowercase ? cut.toLowerCase() : cut;
  }
  const cut = digest.subarray(0, given.bytes.length);
  const alphabet = given.form === 'base64url' ? BASE64URL_ALPHABET : BASE64_ALPHABET;
  let written = '';
  for (let i = 0; i < cut.length; i += 3) {
    const chunk = (cut[i]! << 16) | ((cut[i + 1] ?? 0) << 8) | (cut[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((cut.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) written += alphabet[(chunk >> (18 - 6 * k)) & 63];
  }
  return given.padded ? written.padEnd(Math.ceil(written.length / 4) * 4, '=') : written;
}

const BASE64URL_VALUES = new Map([...BASE64URL_ALPHABET].map((c, i) => [c, i]));

export function fromBase64url(value: string): Uint8Array | null {
  const clean = value.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (clean.length % 4 === 1) return null;
  // Room enough: four characters hold three bytes.
  const out = new Uint8Array(clean.length);
  let bits = 0;
  let buffer = 0;
  let n = 0;
  for (const char of clean) {
    const v = BASE64URL_VALUES.get(char);
    if (v === undefined) return null;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

