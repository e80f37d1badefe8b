/**
 * The page side of the site's service worker (`sw.js` at the site root, `site-worker.ts`):
 * `<ebet-shell>` registers it on every toolkit page, offers "Reload for the new version" when a
 * new one waits (`onNewVersion`), and a page that depends on it (the test page, whose simulator
 * addresses it answers) waits for it with `siteWorker()`.
 */
import { SKIP_WAITING } from './service-worker.ts';

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

/**
 * Calls `offer` once a new version of the site is ready while this page runs an older one: a new
 * worker waits (for the old tabs to close), or another tab already switched to it. `reload()`
 * lets the waiting worker take over and reloads the page under it.
 */
export function onNewVersion(offer: (reload: () => void) => void): void {
  if (!workersAvailable()) return;
  const container = navigator.serviceWorker;
  let offered = false;
  let reloading = false;
  const once = (reload: () => void) => {
    if (offered) return;
    offered = true;
    offer(reload);
  };
  const reloadWith = (worker: ServiceWorker | null) => () => {
    reloading = true;
    if (worker && worker.state === 'installed') worker.postMessage(SKIP_WAITING);
    else window.location.reload();
  };
  // A page's first worker (the site's first visit) takes it over: nothing new to offer then.
  let controlled = Boolean(container.controller);
  container.addEventListener('controllerchange', () => {
    if (reloading) window.location.reload();
    else if (controlled) once(reloadWith(null));
    controlled = true;
  });
  void registered.then(
    (registration) => {
      const waiting = (worker: ServiceWorker | null) => {
        if (worker?.state === 'installed' && container.controller) once(reloadWith(worker));
      };
      waiting(registration.waiting);
      const watch = (worker: ServiceWorker | null) => worker?.addEventListener('statechange', () => waiting(worker));
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    },
    () => undefined,
  );
}
