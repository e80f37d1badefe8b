/**
 * Stands at the address of a service worker the site no longer uses (`tools/test-page/bank-sw.js`,
 * the simulator's own worker before the site's `sw.js` took its work over). A browser that still
 * has the old worker fetches this one at its next visit; it removes its registration and reloads
 * the pages it controlled, which the site's worker then serves.
 */
import { startWorker } from './service-worker.ts';

const worker = startWorker();
worker.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      await worker.registration.unregister();
      for (const client of await worker.clients.matchAll({ type: 'window' })) await client.navigate(client.url);
    })(),
  ),
);
