/**
 * The toolkit site's one service worker (bundled to `sw.js` at the site root, scope: the whole
 * site; `<ebet-shell>` registers it on every toolkit page). It answers the simulated bank's
 * addresses under the test page (`tools/test-page/bank/pay|check|repay`, see
 * `components/ebet-bank-simulator/bank-sw.ts`), and serves every file of the build from its cache,
 * so each page works with the network cut once the site has been visited; the documentation's
 * screenshots are kept as they are viewed, not on the first visit.
 */
import { registerRoute } from 'workbox-routing';
import { answerBank, bankRequest, type BankRequest } from '../ebet-bank-simulator/bank-sw.ts';
import { keepOnDemand, precacheBuild } from './precache.ts';
import { startWorker } from './service-worker.ts';

// A new version waits for the old one's tabs (they load their parts lazily, from its cache).
const worker = startWorker('wait');
const testPage = new URL('tools/test-page/', worker.registration.scope).href;

// The simulator's routes come before the precache's (the first match answers).
for (const method of ['GET', 'POST'] as const) {
  registerRoute(
    ({ request }) => bankRequest(request, testPage) ?? false,
    ({ request, params }) => answerBank(request, params as BankRequest, testPage),
    method,
  );
}
// The documentation's screenshots are not precached: each is kept once viewed.
keepOnDemand((url) => url.origin === location.origin && /\/assets\/[^/]+\.png$/.test(url.pathname));
precacheBuild(self.__WB_MANIFEST);
