import { md5 } from '@noble/hashes/legacy.js';

/**
 * An HMAC that shares no code with the core: WebCrypto. Tests build expected MACs with it from
 * strings written out by hand, so a bug in the core's string building or hashing cannot hide.
 */
export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function latin1(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

export async function webHmac(key: Uint8Array, message: Uint8Array | string, hash: 'SHA-1' | 'SHA-256' | 'SHA-512' = 'SHA-256'): Promise<string> {
  const k = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash }, false, ['sign']);
  const bytes = typeof message === 'string' ? new TextEncoder().encode(message) : message;
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', k, bytes as BufferSource));
  return [...sig].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** The protocol's MAC by WebCrypto: first 32 hex characters of HMAC-SHA256 under the decoded key. */
export async function webMac(keyHex: string, message: Uint8Array | string): Promise<string> {
  return (await webHmac(hexToBytes(keyHex), message)).slice(0, 32);
}

/** A plain digest by WebCrypto, upper-case hexadecimal. */
export async function digestHex(hash: 'SHA-1' | 'SHA-256', message: Uint8Array | string): Promise<string> {
  const bytes = typeof message === 'string' ? new TextEncoder().encode(message) : message;
  const digest = new Uint8Array(await crypto.subtle.digest(hash, bytes as BufferSource));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

export function sha256Hex(message: Uint8Array | string): Promise<string> {
  return digestHex('SHA-256', message);
}

/**
 * HMAC-MD5, which WebCrypto lacks: RFC 2104's construction written out here over noble's MD5 (the
 * hash only; tests check it against RFC 2104's own test vector).
 */
export function handHmacMd5(key: Uint8Array, message: Uint8Array | string): string {
  const bytes = typeof message === 'string' ? new TextEncoder().encode(message) : message;
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? md5(key) : key);
  const inner = md5(Uint8Array.from([...block.map((b) => b ^ 0x36), ...bytes]));
  const outer = md5(Uint8Array.from([...block.map((b) => b ^ 0x5c), ...inner]));
  return [...outer].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/** Hexadecimal as base64 (`url`: base64url without padding). */
export function hexToBase64(hex: string, url = false): string {
  const base64 = btoa(String.fromCharCode(...hexToBytes(hex)));
  return url ? base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : base64;
}
