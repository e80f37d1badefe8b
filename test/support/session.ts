/**
 * Generated sessions for the extraction and session-view tests: a shop's log and a HAR export in
 * which each stamp has a pay direct request, its receipt, a payment check and its answer page, a
 * repayment and its answer, among noise lines and entries. Every tenth receipt carries a wrong MAC,
 * every 25th is logged twice (a replay). The counts a reader must find are returned with the text.
 */
import { signMessage, TEST_KEY, type MessageKind } from '../../src/index.ts';
import { latin1, webMac } from './webcrypto.ts';

export interface GeneratedSession {
  readonly text: string;
  readonly messages: number;
  /** Messages whose MAC verifies with TEST_KEY. */
  readonly verified: number;
  /** Messages whose MAC does not match. */
  readonly failed: number;
  /** Replayed receipts (one warning each). */
  readonly replays: number;
  readonly stamps: number;
}

const RCV = '999999';
const SHOP = 'https://shop.example';
const stampOf = (i: number): string => `S${String(i).padStart(8, '0')}`;
const paidOf = (i: number): string => `20261123${String(101500000000 + i).padStart(12, '0')}`;
const body = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
const sign = (kind: MessageKind, fields: Record<string, string>): Record<string, string> => signMessage(kind, fields, TEST_KEY);

/** The six messages of one stamp (the receipt's MAC broken when `broken`). */
function stampMessages(i: number, broken: boolean) {
  const stamp = stampOf(i);
  const paid = paidOf(i);
  const payDirect = sign('payDirect', {
    NB_VERSION: '0002',
    NB_RCV_ID: RCV,
    NB_STAMP: stamp,
    NB_DB_AMOUNT: '550,00',
    NB_DB_CUR: 'SEK',
    NB_DB_REF: '123450',
    NB_RETURN: `${SHOP}/return`,
    NB_CANCEL: `${SHOP}/cancel`,
    NB_REJECT: `${SHOP}/reject`,
  });
  const receipt = sign('payDirectReturn', { NB_RETURN_STAMP: stamp, NB_RETURN_DB_AMOUNT: '550,00', NB_RETURN_DB_CUR: ' SEK', NB_RETURN_DB_REF: '123450', NB_PAID: paid });
  if (broken) receipt.NB_HMAC = '0123456789ABCDEF0123456789ABCDEF';
  const check = sign('paymentCheck', { NB_VERSION: '0002', NB_RCV_ID: RCV, NB_STAMP: stamp });
  const checkAnswer = sign('paymentCheckResponse', { NB_VERIFIED: 'YES', NB_RETURN_STAMP: stamp, NB_RETURN_DB_AMOUNT: '550,00', NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '123450', NB_PAID: paid });
  const repay = sign('repayment', { NB_VERSION: '0002', NB_RCV_ID: RCV, NB_STAMP: stamp, NB_DB_REF: '123450', NB_PAID: paid, NB_REPAY_AMOUNT: '100,00', NB_REPAY_CUR: 'SEK' });
  const repayAnswer = sign('repaymentResponse', {
    NB_VERIFIED: 'YES',
    NB_RETURN_STAMP: stamp,
    NB_RETURN_DB_REF: '123450',
    NB_RETURN_REPAY_AMOUNT: '100,00',
    NB_RETURN_REPAY_CUR: 'SEK',
    NB_PAID: paidOf(i + 500_000_000),
  });
  return { payDirect, receipt, check, checkAnswer, repay, repayAnswer };
}

/** The bank's answer page: a table and the same values as hidden inputs. */
export function answerPage(fields: Record<string, string>): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const rows = Object.entries(fields).map(([k, v]) => `<tr><td>${k}</td><td>${esc(v)}</td></tr>`);
  const inputs = Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${k}" value="${esc(v)}">`);
  return `<!doctype html>\n<html><head><title>Betalningskontroll</title></head><body>\n<table>\n${rows.join('\n')}\n</table>\n<form>\n${inputs.join('\n')}\n</form>\n</body></html>`;
}

const counts = (stamps: number) => {
  let failed = 0;
  let replays = 0;
  for (let i = 0; i < stamps; i++) {
    if (i % 10 === 3) failed++;
    if (i % 25 === 7) replays++;
  }
  // Six messages a stamp, a replayed receipt once more.
  return { messages: stamps * 6 + replays, failed, replays, verified: stamps * 6 + replays - failed, stamps };
};

/** A shop's log of at least `size` characters: each message in a different form, noise in between. */
export function generateLog(size: number): GeneratedSession {
  const parts: string[] = [];
  let length = 0;
  let i = 0;
  const push = (s: string) => {
    parts.push(s);
    length += s.length + 1;
  };
  while (length < size) {
    const m = stampMessages(i, i % 10 === 3);
    const t = `2026-11-23T10:${String(i % 60).padStart(2, '0')}:00.000Z`;
    push(`${t} INFO  [http] GET /assets/app.css?v=3&x=1 200 1532 bytes`);
    push(`${t} DEBUG [analytics] {"event":"page_view","page":"/checkout","user":${i}}`);
    push(`${t} INFO  [checkout] redirecting buyer, form body: ${body(m.payDirect)}`);
    push(`${t} INFO  [return] receipt {"method":"POST","fields":${JSON.stringify(m.receipt)}}`);
    if (i % 25 === 7) push(`${t} WARN  [return] receipt again: ${body(m.receipt)}`);
    push(`${t} INFO  [check] GET https://bank.example/check?${body(m.check)} -> 200`);
    push(`${t} INFO  [check] answer page:`);
    push(answerPage(m.checkAnswer));
    push(`${t} INFO  [repay] sending:`);
    for (const [k, v] of Object.entries(m.repay)) push(`${k}=${v}`);
    push('');
    push(`${t} INFO  [repay] answer ${JSON.stringify(m.repayAnswer)}`);
    push(`${t} INFO  [http] POST /api/cart 200 {"items":3,"total":"550,00"}`);
    i++;
  }
  return { text: parts.join('\n'), ...counts(i) };
}

/** A HAR export ("Save all as HAR") of `stamps` checkouts with noise entries around them. */
export function generateHar(stamps: number): GeneratedSession {
  const entries: unknown[] = [];
  const entry = (method: string, url: string, extra: { postData?: unknown; response?: string } = {}) =>
    entries.push({
      startedDateTime: new Date(Date.UTC(2026, 10, 23, 10, 0, entries.length)).toISOString(),
      time: 12,
      request: { method, url, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0, ...(extra.postData ? { postData: extra.postData } : {}) },
      response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [], content: { size: 0, mimeType: 'text/html', text: extra.response ?? '' }, redirectURL: '', headersSize: -1, bodySize: 0 },
      cache: {},
      timings: { send: 0, wait: 10, receive: 2 },
    });
  for (let i = 0; i < stamps; i++) {
    const m = stampMessages(i, i % 10 === 3);
    entry('GET', `${SHOP}/assets/app.js`, { response: 'console.log("NB_ is a prefix")' });
    entry('POST', 'https://analytics.example/collect', { postData: { mimeType: 'application/json', text: '{"event":"checkout","value":550}' } });
    entry('POST', 'https://bank.example/pay', { postData: { mimeType: 'application/x-www-form-urlencoded', text: body(m.payDirect) } });
    const params = Object.entries(m.receipt).map(([name, value]) => ({ name, value }));
    entry('POST', `${SHOP}/return`, { postData: { mimeType: 'application/x-www-form-urlencoded', params } });
    if (i % 25 === 7) entry('POST', `${SHOP}/return`, { postData: { mimeType: 'application/x-www-form-urlencoded', params } });
    entry('GET', `https://bank.example/check?${body(m.check)}`, { response: answerPage(m.checkAnswer) });
    entry('POST', 'https://bank.example/repay', { postData: { mimeType: 'application/x-www-form-urlencoded', text: body(m.repay) }, response: answerPage(m.repayAnswer) });
  }
  const har = { log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries } };
  return { text: JSON.stringify(har, null, 2), ...counts(stamps) };
}

/**
 * A HAR as a browser saves an ISO-8859-1 answer page: the payment check answer's page in base64
 * (`text/html; charset=ISO-8859-1`), after an image in base64 and before an entry that is not an
 * object. Its MAC is WebCrypto's over the Latin-1 bytes of the string written out by hand.
 */
export async function base64AnswerHar(): Promise<string> {
  const answer = {
    NB_VERIFIED: 'YES',
    NB_RETURN_STAMP: 'S1',
    NB_RETURN_DB_AMOUNT: '899,00',
    NB_RETURN_DB_CUR: 'SEK',
    NB_RETURN_DB_REF: '123450',
    NB_RETURN_BB_REF1: 'Åsa Öberg',
    NB_PAID: '20261123111500',
    NB_HMAC: await webMac(TEST_KEY, latin1('YES&S1&899,00&SEK&123450&Åsa Öberg&20261123111500')),
    NB_KVV: 'FF365893D899291C3BF505FB3175E880',
  };
  const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
  const entries = [
    { request: { method: 'GET', url: 'https://shop.example/logo.png' }, response: { content: { mimeType: 'image/png', encoding: 'base64', text: 'iVBORw0KGgo=' } } },
    { request: { method: 'GET', url: 'https://bank.example/check' }, response: { content: { mimeType: 'text/html; charset=ISO-8859-1', encoding: 'base64', text: base64(latin1(answerPage(answer))) } } },
    null,
  ];
  return JSON.stringify({ log: { version: '1.2', entries } });
}
