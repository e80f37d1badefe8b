/**
 * The simulated bank's part of the site's service worker (`components/shared/site-worker.ts`,
 * served as `sw.js` at the site root). A static host cannot receive a POST, so the worker does: it
 * catches the navigations a shop's form makes to `bank/pay`, `bank/check` and `bank/repay` under
 * the test page (POST, or GET with a query string as in the handbook's payment check example),
 * keeps the request exactly as sent in IndexedDB, and answers with a 303 redirect to the test page
 * (`?request=<id>`), which shows the request's table and the simulated answers. Nothing is sent anywhere.
 */
import { requestFragment, type ReceivedRequest } from '../shared/request-fragment.ts';
import { SIMULATOR_ENDPOINTS, type SimulatorEndpoint } from '../../src/simulator.ts';
import { saveRequest } from './ledger-db.ts';

/** The most of a body the simulator keeps (a real form is a few hundred bytes). */
const MAX_BODY = 64 * 1024;

function isEndpoint(name: string): name is SimulatorEndpoint {
  return Object.hasOwn(SIMULATOR_ENDPOINTS, name);
}

/** Bytes as text: UTF-8 when they are valid UTF-8, else ISO-8859-1 (every byte is a character). */
function decode(bytes: Uint8Array): { text: string; charset: 'utf-8' | 'iso-8859-1' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('iso-8859-1').decode(bytes), charset: 'iso-8859-1' };
  }
}

async function bodyText(request: Request, contentType: string): Promise<{ text: string; charset: 'utf-8' | 'iso-8859-1' }> {
  if (contentType.startsWith('multipart/form-data')) {
    // The browser decodes multipart values as UTF-8; they are written out as NAME=value lines.
    const form = await request.formData();
    const lines = [...form].map(([name, value]) => `${name}=${typeof value === 'string' ? value : ''}`);
    return { text: lines.join('\n'), charset: 'utf-8' };
  }
  // URL-encoded bodies are ASCII (percent-escapes keep the sender's bytes); text/plain is read as is.
  return decode(new Uint8Array(await request.arrayBuffer()));
}

/** A request to one of the simulator's addresses as the simulator keeps it (all but its id). */
export async function readBankRequest(request: Request, endpoint: SimulatorEndpoint): Promise<ReceivedRequest> {
  const url = new URL(request.url);
  const contentType = request.headers.get('Content-Type') ?? '';
  const body = request.method === 'POST' ? await bodyText(request, contentType) : { text: url.search.slice(1), charset: 'utf-8' as const };
  const truncated = body.text.length > MAX_BODY;
  return {
    endpoint,
    kind: SIMULATOR_ENDPOINTS[endpoint],
    method: request.method,
    contentType: request.method === 'POST' ? contentType : 'query string',
    receivedAt: new Date().toISOString(),
    text: truncated ? body.text.slice(0, MAX_BODY) : body.text,
    charset: body.charset,
    ...(truncated ? { truncated } : {}),
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
