/**
 * The page side of the site's service worker (`sw.js` at the site root, `site-worker.ts`):
 * `<ebet-shell>` registers it on every toolkit page, and a page that depends on it (the test page,
 * whose simulator addresses it answers) waits for it with `siteWorker()`.
 */
let settle: (registration: Promise<ServiceWorkerRegistration>) => void = () => undefined;
const registered = new Promise<ServiceWorkerRegistration>((resolve) => (settle = resolve));
// A failed registration is reported to those who wait for it, never as an unhandled error.
registered.catch(() => undefined);
let started = false;

/** Whether this page can have a service worker (they need https or localhost, and are off in some private windows). */
export function workersAvailable(): boolean {
  return 'serviceWorker' in navigator && window.isSecureContext;
}

/** Registers the site's worker once per page; `home` is the site root relative to the page (`../../`). */
export function registerSiteWorker(home: string): void {
  if (started || !workersAvailable()) return;
  started = true;
  const root = new URL(home, window.location.href);
  settle(navigator.serviceWorker.register(new URL('sw.js', root).href, { scope: root.href }));
}

/** The site's worker once it is active (it then answers the simulator's addresses); rejects when it could not be registered. */
export async function siteWorker(): Promise<ServiceWorkerRegistration> {
  await registered;
  return navigator.serviceWorker.ready;
}
