/**
 * A pay direct receipt (handbook table 2) for the decoder's tests, signed by WebCrypto: the MAC and
 * KVV never come from the core under test. NB_RETURN_DB_CUR is padded (" SEK"), as the handbook's
 * examples show the bank sending it.
 */
import { webMac } from './webcrypto.ts';

export const RECEIPT: Readonly<Record<string, string>> = {
  NB_RETURN_STAMP: '00002',
  NB_RETURN_DB_AMOUNT: '550,00',
  NB_RETURN_DB_CUR: ' SEK',
  NB_RETURN_DB_REF: '123450',
  NB_PAID: '20261123101500123456',
};

/** The string the bank signs for `RECEIPT`, written out by hand. */
export const RECEIPT_STRING = '00002&550,00& SEK&123450&20261123101500123456';

/** `RECEIPT` with `overrides`, signed with `key` (hex): NB_HMAC over table 2's fields in order, NB_KVV of the key. */
export async function signedReceipt(key: string, overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const r = { ...RECEIPT, ...overrides };
  const string = [r.NB_RETURN_STAMP, r.NB_RETURN_DB_AMOUNT, r.NB_RETURN_DB_CUR, r.NB_RETURN_DB_REF, r.NB_PAID].join('&');
  return { ...r, NB_HMAC: await webMac(key, string), NB_KVV: await webMac(key, '00000000') };
}

/** Fields as a POST body, the way a return page's log shows them. */
export const body = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();

/** `RECEIPT` with Å in its stamp, so that its string's bytes differ in UTF-8 and ISO-8859-1 (the charset tests). */
export const A_RING_RECEIPT: Readonly<Record<string, string>> = { ...RECEIPT, NB_RETURN_STAMP: 'Åsa' };

/** The string the bank signs for `A_RING_RECEIPT`, written out by hand. */
export const A_RING_STRING = 'Åsa&550,00& SEK&123450&20261123101500123456';

/** The bank's answer page as saved: the fields as hidden inputs, `head` in its <head>. */
export const answerPage = (fields: Record<string, string>, head: string): string =>
  `<!doctype html><html><head>${head}<title>Kvitto</title></head><body><form method="post" action="https://shop.example/ok">\n${Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
    .join('\n')}\n</form></body></html>`;
