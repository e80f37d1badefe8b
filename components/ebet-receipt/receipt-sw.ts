/**
 * What a static shop's receipt worker does (`receipt-worker.ts`, bundled to `lib/ebet-receipt-sw.js`;
 * the example shop's `shop-worker.ts` adds its offline cache). The bank POSTs the receipt to
 * NB_RETURN, and a static host answers a POST with 405: the worker catches that navigation instead,
 * keeps the posted fields in the shop's Cache Storage (on the buyer's device, nowhere else), and
 * answers with a 303 redirect to the same page with `?ebet-receipt=<id>`, where `<ebet-receipt>`
 * reads, verifies and shows it.
 */
import { RECEIPT_CACHE, RETURN_PARAMS, receiptCachePath } from '../../src/shop/shop-return.ts';
import type { WorkerScope } from '../shared/service-worker.ts';

/** Receipts older than this are dropped when a new one arrives (they hold no secret, but need not linger). */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** A receipt is a few hundred bytes; anything much larger is not one. */
const MAX_BODY = 16 * 1024;

/** Lets the worker catch the receipts posted to the pages it serves; every other request is left alone. */
export function receiveReceipts(worker: WorkerScope): void {
  worker.addEventListener('fetch', (event) => {
    const { request } = event;
    const type = request.headers.get('Content-Type') ?? '';
    if (request.method !== 'POST' || request.mode !== 'navigate' || !/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return;
    event.respondWith(capture(request));
  });
}

async function capture(request: Request): Promise<Response> {
  const length = Number(request.headers.get('Content-Length') ?? '0');
  if (length > MAX_BODY) return fetch(request);
  const form = await request.clone().formData();
  const entries = [...form].flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as const] : []));
  if (!entries.some(([name]) => name.startsWith('NB_'))) return fetch(request);
  const id = crypto.randomUUID();
  const cache = await caches.open(RECEIPT_CACHE);
  await prune(cache);
  const record = { entries, received: new Date().toISOString(), url: request.url };
  await cache.put(
    new URL(receiptCachePath(id), request.url).href,
    new Response(JSON.stringify(record), { headers: { 'Content-Type': 'application/json', Date: new Date().toUTCString() } }),
  );
  const target = new URL(request.url);
  target.searchParams.set(RETURN_PARAMS.receipt, id);
  return Response.redirect(target.href, 303);
}

async function prune(cache: Cache): Promise<void> {
  for (const key of await cache.keys()) {
    const stored = await cache.match(key);
    const date = Date.parse(stored?.headers.get('Date') ?? '');
    if (!(date > Date.now() - KEEP_MS)) await cache.delete(key);
  }
}
