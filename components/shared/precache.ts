/**
 * Offline use for a static site's service worker: Workbox keeps every file of the build (the list
 * that `vite build` writes over `self.__WB_MANIFEST`, see `scripts/standalone-bundles.mjs`) and
 * answers from that cache first. A new build's worker fetches only the files whose revision changed
 * and drops the rest; caches of older Workbox versions are deleted. Under `npm start` the list is
 * empty, so everything comes from the dev server.
 */
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';

declare global {
  /** Replaced by the build with the files to keep (absent under `npm start`). */
  var __WB_MANIFEST: Array<PrecacheEntry | string> | undefined;
}

/** Keeps the build's files and serves them; call it after the worker's own routes. */
export function precacheBuild(manifest: Array<PrecacheEntry | string> | undefined): void {
  cleanupOutdatedCaches();
  // Query strings never change a static file (`?request=`, `?ebet-receipt=`, `?order=`): all are ignored when matching.
  precacheAndRoute(manifest ?? [], { ignoreURLParametersMatching: [/.*/] });
}

/** The cache of files kept as they are first fetched (the documentation's screenshots). */
const ON_DEMAND = 'ebet-on-demand';

/**
 * Keeps the files `match` picks as they are first fetched, and serves them from that cache after:
 * files not worth a first visit's download (the build's screenshots, `assets/*.png`, hashed, so
 * never stale) still work offline once seen. Call it before `precacheBuild`.
 */
export function keepOnDemand(match: (url: URL) => boolean): void {
  registerRoute(
    ({ url, request }) => request.method === 'GET' && match(url),
    async ({ request }) => {
      const cache = await caches.open(ON_DEMAND);
      const kept = await cache.match(request);
      if (kept) return kept;
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    },
  );
}
