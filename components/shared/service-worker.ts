/**
 * What the toolkit's service workers share: the parts of the worker scope they use (the DOM
 * library has no worker types) and the start that takes over at once (no waiting for old tabs).
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
}

/** This service worker's scope, set to activate at once and to control the open pages. */
export function startWorker(): WorkerScope {
  const worker = self as unknown as WorkerScope;
  worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
  worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));
  return worker;
}
