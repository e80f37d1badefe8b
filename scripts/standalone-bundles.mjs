// Standalone bundles at fixed URLs: one self-contained ES module per entry (lit and noble
// included), for the library (`lib/ebet-core.js`, embeddable elements) and for service workers,
// which must live at a fixed path at or above their scope. `npm start` serves them from source on
// the fly; `vite build` writes them into dist/ beside the pages. Add an entry to STANDALONE_BUNDLES.
import { build } from 'esbuild';

/** Output path in the site (and in dist/) → source entry. */
export const STANDALONE_BUNDLES = {
  'lib/ebet-core.js': 'src/index.ts',
  'tools/test-page/bank-sw.js': 'components/ebet-bank-simulator/bank-sw.ts',
  'lib/ebet-checkout.js': 'components/ebet-checkout/ebet-checkout.ts',
  'lib/ebet-checkout-core.js': 'src/checkout.ts',
  'lib/ebet-receipt.js': 'components/ebet-receipt/ebet-receipt.ts',
  'lib/ebet-receipt-sw.js': 'components/ebet-receipt/receipt-sw.ts',
  'shop/ebet-receipt-sw.js': 'components/ebet-receipt/receipt-sw.ts',
};

async function bundle(entry, minify) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify,
    legalComments: 'none',
    sourcemap: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** The Vite plugin: a dev middleware that bundles on request, and assets emitted at build. */
export function standaloneBundles(entries = STANDALONE_BUNDLES) {
  return {
    name: 'ebet-standalone-bundles',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\//, '');
        const entry = entries[path];
        if (!entry) return next();
        try {
          const code = await bundle(entry, false);
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(code);
        } catch (error) {
          next(error);
        }
      });
    },
    async generateBundle() {
      for (const [fileName, entry] of Object.entries(entries)) {
        this.emitFile({ type: 'asset', fileName, source: await bundle(entry, true) });
      }
    },
  };
}
