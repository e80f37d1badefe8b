/**
 * What the toolkit's service workers share: the parts of the worker scope they use (the DOM
 * library has no worker types) and their start: at once (a shop's receipt worker, which serves no
 * page's files), or, for the site's worker, after the tabs of the old version have closed or the
 * person chose "Reload for the new version" (`register-site-worker.ts` posts `skip-waiting`): a tab
 * open across a deploy keeps the files of its own version.
 */
interface FetchEventLike extends Event {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

interface WindowClientLike {
  readonly url: string;
  navigate(url: string): Promise<unknown>;
}

export interface WorkerScope {
  readonly registration: { readonly scope: string; unregister(): Promise<boolean> };
  readonly clients: { claim(): Promise<void>; matchAll(options: { type: 'window' }): Promise<readonly WindowClientLike[]> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

/** What a page posts to a waiting worker to take over now (the person chose to reload). */
export const SKIP_WAITING = 'skip-waiting';

/**
 * This service worker's scope, set to control the open pages once active: at once (`now`), or
 * (`wait`) once no tab uses the old version or a page posts `SKIP_WAITING`.
 */
export function startWorker(start: 'now' | 'wait' = 'now'): WorkerScope {
  const worker = self as unknown as WorkerScope;
  if (start === 'now') worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
  else worker.addEventListener('message', (event) => event.data === SKIP_WAITING && void worker.skipWaiting());
  worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));
  return worker;
}
