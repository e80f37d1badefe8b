/**
 * `npm start` answers the simulated bank's addresses as the built site's worker does: a shop's form
 * posted (or a payment check's query) to `tools/test-page/bank/pay|check|repay` is read by the
 * simulator's own code (`bank-sw.ts`) and the browser is sent to the test page with the request in
 * the URL fragment, where the page keeps it as the worker would. A visit goes to the test page.
 */
import { Readable } from 'node:stream';
import type { Plugin } from 'vite';
import { answerBankInFragment, bankRequest } from '../components/ebet-bank-simulator/bank-sw.ts';

export function devBank(): Plugin {
  return {
    name: 'ebet-dev-bank',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const origin = `http://${req.headers.host ?? 'localhost'}`;
        const testPage = new URL(`${server.config.base.replace(/\/?$/, '/')}tools/test-page/`, origin).href;
        const method = req.method ?? 'GET';
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
        const request = new Request(new URL(req.url ?? '/', origin), {
          method,
          headers,
          ...(method === 'POST' ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
        } as RequestInit);
        const bank = bankRequest(request, testPage, req.headers['sec-fetch-mode'] === 'navigate');
        if (!bank) {
          next();
          return;
        }
        answerBankInFragment(request, bank, testPage).then(
          (answer) => {
            res.writeHead(answer.status, Object.fromEntries(answer.headers));
            res.end();
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
