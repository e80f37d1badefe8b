/**
 * The simulated bank's service worker (bundled to `tools/test-page/bank-sw.js`, scope
 * `tools/test-page/`). A static host cannot receive a POST, so this worker does: it catches the
 * navigations a shop's form makes to `bank/pay`, `bank/check` and `bank/repay` (POST, or GET with a
 * query string as in the handbook's payment check example), keeps the request exactly as sent in
 * IndexedDB, and answers with a 303 redirect to the test page (`?request=<id>`), which shows the
 * request's table and the simulated answers. Nothing is sent anywhere.
 */
import { SIMULATOR_ENDPOINTS, type SimulatorEndpoint } from '../../src/simulator.ts';
import { startWorker } from '../shared/service-worker.ts';
import { saveRequest } from './ledger-db.ts';

const worker = startWorker();
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

async function receive(request: Request, endpoint: SimulatorEndpoint, scope: string): Promise<Response> {
  const url = new URL(request.url);
  const contentType = request.headers.get('Content-Type') ?? '';
  const body = request.method === 'POST' ? await bodyText(request, contentType) : { text: url.search.slice(1), charset: 'utf-8' as const };
  const truncated = body.text.length > MAX_BODY;
  const id = await saveRequest({
    endpoint,
    kind: SIMULATOR_ENDPOINTS[endpoint],
    method: request.method,
    contentType: request.method === 'POST' ? contentType : 'query string',
    receivedAt: new Date().toISOString(),
    text: truncated ? body.text.slice(0, MAX_BODY) : body.text,
    charset: body.charset,
    ...(truncated ? { truncated } : {}),
  });
  return Response.redirect(new URL(`./?request=${encodeURIComponent(id)}`, scope).href, 303);
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const scope = worker.registration.scope;
  const bank = new URL('bank/', scope);
  const url = new URL(request.url);
  if (url.origin !== bank.origin || !url.pathname.startsWith(bank.pathname)) return;
  const name = url.pathname.slice(bank.pathname.length).replace(/\/(index\.html)?$/, '');
  if (!isEndpoint(name)) return;
  if (request.method === 'POST' || (request.method === 'GET' && url.search.length > 1)) {
    event.respondWith(
      receive(request, name, scope).catch(
        (error: unknown) =>
          new Response(
            `The bank simulator could not keep this request (${String(error)}); open the test page and paste the form there.\n` +
              `Banksimulatorn kunde inte spara förfrågan (${String(error)}); öppna testsidan och klistra in formuläret där.\n`,
            { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
          ),
      ),
    );
  } else if (request.method === 'GET' && request.mode === 'navigate') {
    // With the worker installed, the simulator's address itself leads to the test page.
    event.respondWith(Response.redirect(new URL('./', scope).href, 303));
  }
});
