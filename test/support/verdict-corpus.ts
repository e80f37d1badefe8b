/**
 * One corpus for the tools' verdict test (test/components/verdict.test.ts): every policy code in
 * both directions (where the direction has it), every cause the mismatch doctor names, and field
 * errors under a MAC that matches. Each case is a paste, as a person would paste it (a URL-encoded
 * body; two lines for an answer with its request), and the keys to check it with. The MACs are
 * made here, by hand, with each mistake; which codes they get is the core's business, and the test
 * holds each tool to the core's verdict.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { normalizeKey, TEST_KEY } from '../../src/index.ts';
import { hexToBytes, latin1 } from './webcrypto.ts';

export const K2 = '00112233445566778899AABBCCDDEEFF';
/** The test key as every key input gives it (normalized: 32 upper-case hexadecimal characters). */
export const KEY = normalizeKey(TEST_KEY);
/** A ring whose second key is valid from 2026-12-01: an answer paid on 23 November is checked with the first. */
export const RING = [
  { key: KEY, to: '2026-11-30' },
  { key: K2, from: '2026-12-01' },
];

export interface CorpusCase {
  readonly name: string;
  /** What is pasted: one message, or a request and its answer on two lines. */
  readonly text: string;
  /** The message judged (the answer, when there are two). */
  readonly fields: Record<string, string>;
  /** The request an answer is checked against, when the paste holds one. */
  readonly order?: Record<string, string>;
  readonly keys: string | typeof RING;
  readonly direction: 'shopToBank' | 'bankToShop';
  /** The codes the core must name (a floor: the test compares the tools with the core's whole list). */
  readonly expect: readonly string[];
  /** The level the core must give, when it is not what the codes say (`ok` without codes). */
  readonly level?: 'ok' | 'warning' | 'error';
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
const mac = (key: string | Uint8Array, message: string | Uint8Array, hash: CHash = sha256, length = 32) =>
  hex(hmac(hash, typeof key === 'string' ? hexToBytes(key) : key, typeof message === 'string' ? utf8(message) : message)).slice(0, length);
const kvv = (key: string) => mac(key, '00000000');
const body = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** The corpus's pay direct request, unsigned. */
export const REQUEST = {
  NB_VERSION: '0002',
  NB_RCV_ID: '999999',
  NB_STAMP: 'S1',
  NB_DB_AMOUNT: '899,00',
  NB_DB_CUR: 'SEK',
  NB_DB_REF: '123450',
  NB_RETURN: 'https://shop.example/return',
  NB_CANCEL: 'https://shop.example/cancel',
  NB_REJECT: 'https://shop.example/reject',
};
const requestValues = (r: Record<string, string>) => [r.NB_RCV_ID!, r.NB_STAMP!, r.NB_DB_AMOUNT!, r.NB_DB_CUR!, r.NB_DB_REF!];

const RECEIPT = {
  NB_RETURN_STAMP: 'S1',
  NB_RETURN_DB_AMOUNT: '899,00',
  NB_RETURN_DB_CUR: 'SEK',
  NB_RETURN_DB_REF: '123450',
  NB_PAID: '20261123101500123456',
};
const receiptValues = (r: Record<string, string>) => [r.NB_RETURN_STAMP!, r.NB_RETURN_DB_AMOUNT!, r.NB_RETURN_DB_CUR!, r.NB_RETURN_DB_REF!, r.NB_PAID!];

/** A request with `overrides`, its MAC over `signed` (the values it is signed as; by default as sent). */
function request(overrides: Record<string, string> = {}, sign: (values: string[]) => string = (v) => mac(TEST_KEY, v.join('&'))): Record<string, string> {
  const r = { ...REQUEST, NB_STAMP: stamp, ...overrides };
  return { ...r, NB_HMAC: sign(requestValues(r)), NB_KVV: kvv(TEST_KEY) };
}
function receipt(overrides: Record<string, string> = {}, sign: (values: string[]) => string = (v) => mac(TEST_KEY, v.join('&'))): Record<string, string> {
  const r = { ...RECEIPT, NB_RETURN_STAMP: stamp, ...overrides };
  return { ...r, NB_HMAC: sign(receiptValues(r)), NB_KVV: kvv(TEST_KEY) };
}
const without = (fields: Record<string, string>, name: string) => Object.fromEntries(Object.entries(fields).filter(([n]) => n !== name));
const grouped = (value: string) => value.replace(/(.{4})(?=.)/g, '$1 ');
/** The key's 32 characters as text, as a signer that forgets to decode it uses them. */
const asText = utf8(normalizeKey(TEST_KEY));
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

function one(name: string, fields: Record<string, string>, expect: string[], keys: CorpusCase['keys'] = KEY, level?: CorpusCase['level']): CorpusCase {
  const direction = 'NB_RETURN_STAMP' in fields ? 'bankToShop' : 'shopToBank';
  return { name, text: body(fields), fields, keys, direction, expect, ...(level ? { level } : {}) };
}
function pair(name: string, order: Record<string, string>, answer: Record<string, string>, expect: string[]): CorpusCase {
  return { name, text: `${body(order)}\n${body(answer)}`, fields: answer, order, keys: KEY, direction: 'bankToShop', expect };
}

/**
 * A request whose full HMAC starts with a zero, sent as a Java helper writes it
 * (`new BigInteger(1, mac).toString(16)`: the leading zero dropped), cut to 32 characters.
 */
function droppedZero(): Record<string, string> {
  for (let ref = 12340; ; ref++) {
    const r = { ...REQUEST, NB_STAMP: stamp, NB_DB_REF: String(ref) };
    const full = mac(TEST_KEY, requestValues(r).join('&'), sha256, 64);
    if (full.startsWith('0')) return { ...r, NB_HMAC: full.slice(1, 33), NB_KVV: kvv(TEST_KEY) };
  }
}

/** The stamp of the corpus's messages (the test page remembers stamps it has seen: give each run its own). */
let stamp = 'S1';

/** The corpus, its messages with `withStamp` as their stamp (where the case is not about the stamp). */
export function corpus(withStamp = 'S1'): CorpusCase[] {
  stamp = withStamp;
  const r = request();
  const a = receipt();
  const wrong = '0123456789ABCDEF0123456789ABCDEF';
  return [
    // The policy, a request (shop → bank).
    one('request signed right', r, []),
    one('request: NB_HMAC missing', without(r, 'NB_HMAC'), ['mac-missing']),
    one('request: another MAC', { ...r, NB_HMAC: wrong }, ['mac-mismatch']),
    one('request: MAC in lower case', { ...r, NB_HMAC: r.NB_HMAC!.toLowerCase() }, ['hex-case']),
    one('request: MAC in groups', { ...r, NB_HMAC: grouped(r.NB_HMAC!) }, ['hex-spacing']),
    one('request: NB_KVV missing', without(r, 'NB_KVV'), ['kvv-missing']),
    one('request: NB_KVV of another key', { ...r, NB_KVV: kvv(K2) }, ['kvv-mismatch']),
    one('request: NB_KVV of the key as text', { ...r, NB_KVV: hex(hmac(sha256, asText, utf8('00000000'))).slice(0, 32) }, ['kvv-key-as-text']),
    one('request: amount with a no-break space', request({ NB_DB_AMOUNT: '1\u00a0234,50' }), ['amount-grouping']),
    one('request: currency with a space', request({ NB_DB_CUR: 'SEK ' }), ['currency-space']),
    one('request: NB_VERSION 0001', request({ NB_VERSION: '0001' }), ['version-old']),
    // The policy, an answer (bank → shop).
    one('receipt signed right', a, []),
    one('receipt: NB_HMAC missing', without(a, 'NB_HMAC'), ['mac-missing']),
    one('receipt: another MAC', { ...a, NB_HMAC: wrong }, ['mac-mismatch']),
    one('receipt: MAC in lower case', { ...a, NB_HMAC: a.NB_HMAC!.toLowerCase() }, ['hex-case']),
    one('receipt: MAC in groups', { ...a, NB_HMAC: grouped(a.NB_HMAC!) }, ['hex-spacing']),
    one('receipt: NB_KVV missing', without(a, 'NB_KVV'), ['kvv-missing']),
    one('receipt: NB_KVV of another key', { ...a, NB_KVV: kvv(K2) }, ['kvv-mismatch']),
    one('receipt: NB_KVV of the key as text', { ...a, NB_KVV: hex(hmac(sha256, asText, utf8('00000000'))).slice(0, 32) }, ['kvv-key-as-text']),
    one('receipt: amount with a no-break space', receipt({ NB_RETURN_DB_AMOUNT: '1\u00a0234,50' }), ['amount-grouping']),
    one('receipt: currency " SEK"', receipt({ NB_RETURN_DB_CUR: ' SEK' }), ['currency-space']),
    pair('receipt: stamp echoed in another case', request({ NB_STAMP: 'AB12' }), receipt({ NB_RETURN_STAMP: 'ab12' }), ['echo-case']),
    pair('receipt: stamp echoed with a space', request({ NB_STAMP: 'AB12' }), receipt({ NB_RETURN_STAMP: 'AB12 ' }), ['echo-whitespace']),
    pair('receipt: another reference', request({ NB_STAMP: 'AB12' }), receipt({ NB_RETURN_STAMP: 'AB12', NB_RETURN_DB_REF: '999990' }), ['echo-different']),
    // Field errors under a MAC that matches.
    one('request: 899.00 signed as sent', request({ NB_DB_AMOUNT: '899.00' }), ['amount-decimal-point'], KEY, 'error'),
    one('request: a stamp of 21 characters signed as sent', request({ NB_STAMP: 'S12345678901234567890' }), [], KEY, 'error'),
    one('receipt: 899.00 signed as sent (the bank may write it so)', receipt({ NB_RETURN_DB_AMOUNT: '899.00' }), [], KEY, 'warning'),
    // Every cause the doctor names, in a request made with that mistake.
    one('doctor: amount-format', request({}, (v) => mac(TEST_KEY, v.join('&').replace('899,00', '899.00'))), ['mac-mismatch', 'amount-format']),
    one('doctor: key-as-text', request({}, (v) => mac(asText, v.join('&'))), ['mac-mismatch', 'key-as-text']),
    one('doctor: lowercase-hex', request({}, (v) => mac(asText, v.join('&')).toLowerCase()), ['mac-mismatch', 'key-as-text', 'lowercase-hex']),
    one('doctor: untruncated', request({}, (v) => mac(TEST_KEY, v.join('&'), sha256, 64)), ['untruncated']),
    one('doctor: encoding', request({ NB_STAMP: 'Åsa1' }, (v) => mac(TEST_KEY, latin1(v.join('&')))), ['mac-mismatch', 'encoding']),
    one('doctor: whitespace', request({}, (v) => mac(TEST_KEY, v.map((x, i) => (i === 4 ? `${x} ` : x)).join('&'))), ['mac-mismatch', 'whitespace']),
    one('doctor: field-order', request({}, (v) => mac(TEST_KEY, [v[1], v[0], ...v.slice(2)].join('&'))), ['mac-mismatch', 'field-order']),
    one('doctor: missing-field', request({}, (v) => mac(TEST_KEY, v.slice(0, 4).join('&'))), ['mac-mismatch', 'missing-field']),
    one('doctor: extra-field', request({}, (v) => mac(TEST_KEY, ['0002', ...v].join('&'))), ['mac-mismatch', 'extra-field']),
    one('doctor: separator', request({}, (v) => mac(TEST_KEY, v.join('|'))), ['mac-mismatch', 'separator']),
    one('doctor: plain-hash', request({}, (v) => hex(sha256(utf8(`${v.join('&')}${KEY.toLowerCase()}`))).slice(0, 32)), ['mac-mismatch', 'plain-hash']),
    one('doctor: other-key', receipt({}, (v) => mac(K2, v.join('&'))), ['mac-mismatch', 'other-key'], RING),
    one('doctor: other-kind', request({}, (v) => mac(TEST_KEY, v.slice(0, 2).join('&'))), ['mac-mismatch', 'other-kind']),
    one('doctor: kvv-as-mac', { ...r, NB_HMAC: kvv(TEST_KEY) }, ['mac-mismatch', 'kvv-as-mac']),
    one('doctor: hmac-sha1', request({}, (v) => mac(TEST_KEY, v.join('&'), sha1, 40)), ['hmac-sha1']),
    one('doctor: hmac-md5', request({}, (v) => mac(TEST_KEY, v.join('&'), md5)), ['mac-mismatch', 'hmac-md5']),
    one('doctor: hmac-sha512', request({}, (v) => mac(TEST_KEY, v.join('&'), sha512)), ['mac-mismatch', 'hmac-sha512']),
    one('doctor: base64', request({}, (v) => base64(hmac(sha256, hexToBytes(TEST_KEY), utf8(v.join('&'))))), ['base64']),
    one('doctor: key-appended', request({}, (v) => hex(md5(utf8(`${v.join('&')}&${KEY}&`)))), ['mac-mismatch', 'key-appended']),
    one('doctor: dropped-zero', droppedZero(), ['mac-mismatch', 'dropped-zero']),
    one('doctor: replacement-char', request({ NB_STAMP: 'M\ufffdnsson' }, (v) => mac(TEST_KEY, latin1(v.join('&').replace('\ufffd', 'å')))), ['mac-mismatch', 'replacement-char']),
    one('request: "&" in a signed value', request({ NB_STAMP: 'A&B' }), ['signed-ampersand']),
    one('receipt: a reference behind U+202E', receipt({ NB_RETURN_DB_REF: '\u202e054321' }), ['bidi-control']),
    // Pasted as JSON: its "\ud800" escape is the one way text carries half a surrogate pair (URL-encoding makes it U+FFFD).
    { ...one('request: a lone surrogate in the stamp', request({ NB_STAMP: 'S\ud800' }), ['lone-surrogate']), text: JSON.stringify(request({ NB_STAMP: 'S\ud800' })) },
  ];
}
