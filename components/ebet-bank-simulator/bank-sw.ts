/**
 * The simulated bank's part of the site's service worker (`components/shared/site-worker.ts`,
 * served as `sw.js` at the site root). A static host cannot receive a POST, so the worker does: it
 * catches the navigations a shop's form makes to `bank/pay`, `bank/check` and `bank/repay` under
 * the test page (POST, or GET with a query string as in the handbook's payment check example),
 * keeps the request exactly as sent in IndexedDB, and answers with a 303 redirect to the test page
 * (`?request=<id>`), which shows the request's table and the simulated answers. Nothing is sent anywhere.
 */
import { requestFragment, type ReceivedRequest } from '../shared/request-fragment.ts';
import { SIMULATOR_ENDPOINTS, type SimulatorEndpoint } from '../../src/bank/simulator.ts';
import { saveRequest } from './ledger-db.ts';

/** The most of a body the simulator keeps (a real form is a few hundred bytes). */
const MAX_BODY = 64 * 1024;

function isEndpoint(name: string): name is SimulatorEndpoint {
  return Object.hasOwn(SIMULATOR_ENDPOINTS, name);
}

/** A body as the simulator keeps it: its text, how its bytes were read, and whether it was cut. */
export interface ReceivedBody {
  readonly text: string;
  readonly charset: 'utf-8' | 'iso-8859-1';
  /** Set when the body was longer than `MAX_BODY`: only its start was read. */
  readonly truncated?: boolean;
  /** The body's size in bytes, when known (Content-Length, or as far as it was read). */
  readonly size?: number;
}

/** The `charset` parameter of a Content-Type, lower case, or null. */
function charsetOf(contentType: string): string | null {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? null;
}

/**
 * Bytes as text: in the charset declared, when the browser knows it; else UTF-8 when they are valid
 * UTF-8, else ISO-8859-1 (every byte is a character). Anything but UTF-8 is reported as ISO-8859-1,
 * the single-byte reading the MAC is then made with.
 */
function decode(bytes: Uint8Array, declared: string | null = null): { text: string; charset: 'utf-8' | 'iso-8859-1' } {
  if (declared && !/^utf-?8$/.test(declared)) {
    try {
      return { text: new TextDecoder(declared).decode(bytes), charset: 'iso-8859-1' };
    } catch {
      // A label the browser does not know: read the bytes as below.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('iso-8859-1').decode(bytes), charset: 'iso-8859-1' };
  }
}

/** The first `max` bytes of a body, read as a stream: a larger body is cut without being read whole. */
async function readStart(request: Request, max: number): Promise<{ bytes: Uint8Array; cut: boolean; read: number }> {
  const reader = request.body?.getReader();
  const bytes = new Uint8Array(max);
  let length = 0;
  let read = 0;
  if (!reader) return { bytes: bytes.subarray(0, 0), cut: false, read };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.length;
    bytes.set(value.subarray(0, max - length), length);
    length = Math.min(max, length + value.length);
    if (read > max) {
      await reader.cancel();
      return { bytes, cut: true, read };
    }
  }
  return { bytes: bytes.subarray(0, length), cut: false, read };
}

function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * A multipart/form-data body as NAME=value lines. Each value is read in its part's charset, else in
 * the form's (`_charset_` or the Content-Type's), else as UTF-8 when valid, else as ISO-8859-1: a
 * form sent as ISO-8859-1 is read, never refused. A cut body gives the parts it holds.
 */
function readMultipart(bytes: Uint8Array, contentType: string): { text: string; charset: 'utf-8' | 'iso-8859-1' } {
  const boundary = /;\s*boundary\s*=\s*"?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return decode(bytes, charsetOf(contentType));
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const parts: Array<{ name: string; charset: string | null; value: Uint8Array }> = [];
  for (let at = indexOf(bytes, delimiter, 0); at >= 0; ) {
    const start = at + delimiter.length;
    const next = indexOf(bytes, delimiter, start);
    const part = bytes.subarray(start, next < 0 ? bytes.length : next);
    at = next;
    const headEnd = indexOf(part, new Uint8Array([13, 10, 13, 10]), 0);
    if (headEnd < 0) continue;
    const head = new TextDecoder('iso-8859-1').decode(part.subarray(0, headEnd));
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined || /filename=/i.test(head)) continue;
    let value = part.subarray(headEnd + 4);
    // The CRLF before the next delimiter belongs to the delimiter.
    if (next >= 0 && value.length >= 2 && value[value.length - 2] === 13 && value[value.length - 1] === 10) value = value.subarray(0, -2);
    parts.push({ name, charset: charsetOf(/content-type:[^\r\n]*/i.exec(head)?.[0] ?? ''), value });
  }
  const formCharset = parts.find((p) => p.name === '_charset_');
  const declared = formCharset ? new TextDecoder('iso-8859-1').decode(formCharset.value).trim().toLowerCase() : charsetOf(contentType);
  let charset: 'utf-8' | 'iso-8859-1' = 'utf-8';
  const lines = parts.map(({ name, charset: own, value }) => {
    const read = decode(value, own ?? declared);
    if (read.charset === 'iso-8859-1') charset = 'iso-8859-1';
    return `${name}=${read.text}`;
  });
  return { text: lines.join('\n'), charset };
}

/** What the simulator keeps of a POST body: at most `MAX_BODY` bytes, read as a stream, as text. */
export async function readBody(request: Request, contentType: string, max = MAX_BODY): Promise<ReceivedBody> {
  const { bytes, cut, read } = await readStart(request, max);
  const length = Number(request.headers.get('Content-Length'));
  const size = Number.isFinite(length) && length > 0 ? length : read;
  // URL-encoded bodies are ASCII (percent-escapes keep the sender's bytes); text/plain is read as declared.
  const body = contentType.toLowerCase().startsWith('multipart/form-data') ? readMultipart(bytes, contentType) : decode(bytes, charsetOf(contentType));
  return cut ? { ...body, truncated: true, size } : body;
}

/** A request to one of the simulator's addresses as the simulator keeps it (all but its id). */
export async function readBankRequest(request: Request, endpoint: SimulatorEndpoint): Promise<ReceivedRequest> {
  const url = new URL(request.url);
  const contentType = request.headers.get('Content-Type') ?? '';
  const body: ReceivedBody = request.method === 'POST' ? await readBody(request, contentType) : { text: url.search.slice(1), charset: 'utf-8' };
  return {
    endpoint,
    kind: SIMULATOR_ENDPOINTS[endpoint],
    method: request.method,
    contentType: request.method === 'POST' ? contentType : 'query string',
    receivedAt: new Date().toISOString(),
    text: body.text,
    charset: body.charset,
    ...(body.truncated ? { truncated: true, size: body.size } : {}),
  };
}

async function receive(request: Request, endpoint: SimulatorEndpoint, testPage: string): Promise<Response> {
  const id = await saveRequest(await readBankRequest(request, endpoint));
  return Response.redirect(new URL(`./?request=${encodeURIComponent(id)}`, testPage).href, 303);
}

/** A request for one of the simulator's addresses: a request to keep (POST, or GET with a query string), or a visit. */
export interface BankRequest {
  readonly endpoint: SimulatorEndpoint;
  readonly keep: boolean;
}

/**
 * What a request is for the simulator whose test page is at `testPage` (absolute URL ending in `/`),
 * or null when it is none of its business. `navigation`: whether it is a page visit (a server reads
 * that from `Sec-Fetch-Mode`).
 */
export function bankRequest(request: Request, testPage: string, navigation = request.mode === 'navigate'): BankRequest | null {
  const bank = new URL('bank/', testPage);
  const url = new URL(request.url);
  if (url.origin !== bank.origin || !url.pathname.startsWith(bank.pathname)) return null;
  const endpoint = url.pathname.slice(bank.pathname.length).replace(/\/(index\.html)?$/, '');
  if (!isEndpoint(endpoint)) return null;
  if (request.method === 'POST' || (request.method === 'GET' && url.search.length > 1)) return { endpoint, keep: true };
  // With the worker installed, the simulator's address itself leads to the test page.
  if (request.method === 'GET' && navigation) return { endpoint, keep: false };
  return null;
}

/** The simulator's answer: the request kept and a 303 to the test page showing it, or (a visit) a 303 to the test page. */
export async function answerBank(request: Request, { endpoint, keep }: BankRequest, testPage: string): Promise<Response> {
  if (!keep) return Response.redirect(testPage, 303);
  return receive(request, endpoint, testPage).catch(
    (error: unknown) =>
      new Response(
        `The bank simulator could not keep this request (${String(error)}); open the test page and paste the form there.\n` +
          `Banksimulatorn kunde inte spara förfrågan (${String(error)}); öppna testsidan och klistra in formuläret där.\n`,
        { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
      ),
  );
}

/**
 * The simulator's answer where no worker can keep the request (the development server, `npm start`):
 * a 303 to the test page with the request in its fragment (`request-fragment.ts`), which the page keeps
 * as the worker would. Nothing leaves the browser and the server: the fragment is never sent.
 */
export async function answerBankInFragment(request: Request, { endpoint, keep }: BankRequest, testPage: string): Promise<Response> {
  if (!keep) return Response.redirect(testPage, 303);
  return Response.redirect(`${testPage}#${requestFragment(await readBankRequest(request, endpoint))}`, 303);
}
