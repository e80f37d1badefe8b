// Standalone bundles at fixed URLs: one self-contained ES module per entry (lit and noble
// included), for the library (`lib/ebet-core.js`, embeddable elements) and for service workers,
// which must live at a fixed path at or above their scope. `npm start` serves them from source on
// the fly; `vite build` writes them into dist/ beside the pages. Add an entry to STANDALONE_BUNDLES.
// Workers listed in PRECACHED_WORKERS then get the list of files they keep for offline use.
// The npm package's modules are tsc's (tsconfig.lib.json, dist/npm/); PACKAGE_BUNDLES adds the few
// files there that are loaded by address rather than imported, readable and with source maps.
import { posix, resolve } from 'node:path';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';

/** Output path in the site (and in dist/) → source entry. */
export const STANDALONE_BUNDLES = {
  'lib/ebet-core.js': 'src/index.ts',
  'sw.js': 'components/shared/site-worker.ts',
  'tools/test-page/bank-sw.js': 'components/shared/retired-worker.ts',
  'lib/ebet-checkout.js': 'components/ebet-checkout/define.ts',
  'lib/ebet-checkout-core.js': 'src/shop/checkout-core.ts',
  'lib/ebet-receipt.js': 'components/ebet-receipt/define.ts',
  'lib/ebet-receipt-sw.js': 'components/ebet-receipt/receipt-worker.ts',
  'shop/ebet-receipt-sw.js': 'components/ebet-receipt/shop-worker.ts',
};

/**
 * What a standalone bundle leaves out (an empty module in its place): output path → source files.
 * The core's eager registration of the HTML reader, so `lib/ebet-core.js` fetches parse5 (about
 * 46 kB gzipped) as a chunk of its own only on `await loadHtmlReader()` (docs/package.md); the
 * package's entry keeps it, and reads any HTML at once.
 */
export const LEFT_OUT = {
  'lib/ebet-core.js': ['src/reading/html-reader.ts'],
};

/** An esbuild plugin that loads each of `files` as an empty module. */
function leaveOut(files) {
  const paths = new Set(files.map((file) => resolve(import.meta.dirname, '..', file)));
  return {
    name: 'ebet-leave-out',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, ({ path }) => (paths.has(path) ? { contents: 'export {};', loader: 'ts' } : undefined));
    },
  };
}

/**
 * Files of the package (dist/npm/) loaded by address at run time, so self-contained: the checkout's
 * core, which `<ebet-checkout>` loads from beside itself (`EbetCheckout.coreUrl`) only when needed.
 */
export const PACKAGE_BUNDLES = {
  'npm/components/ebet-checkout/ebet-checkout-core.js': 'src/shop/checkout-core.ts',
};

/**
 * Workers that keep files for offline use (Workbox precaching): output path → the files of dist/
 * they keep. After `vite build` has written dist/, the list (with a revision per file) replaces
 * `self.__WB_MANIFEST` in the worker; worker scripts themselves are never kept.
 */
const PRECACHED_WORKERS = {
  // The whole site, the example shop included (it may be visited before its own worker is installed).
  'sw.js': ['**/*'],
  // The example shop's own worker: the shop's files and the toolkit modules its pages load (not the
  // standalone core's HTML reader, parse5, which no shop page loads).
  'shop/ebet-receipt-sw.js': ['shop/**/*', 'lib/ebet-checkout.js', 'lib/ebet-checkout-core.js', 'lib/ebet-receipt.js', 'lib/chunks/!(html-form-*).js'],
};

/** Library modules (not workers, which cannot load chunks) put what they load on demand into chunks beside them. */
const splits = (fileName) => fileName.startsWith('lib/') && !fileName.endsWith('-sw.js');

/**
 * Bundles one entry: `{ [output path]: code }` — the entry at `fileName`, and when `split`, the
 * modules it imports on demand (e.g. the Swedish UI strings) as `chunks/…` beside it, so a page
 * that never needs them never loads them. Without `split` everything is in the one module.
 */
async function bundle(fileName, entry, minify, split, sourcemap = false) {
  const dir = posix.dirname(fileName);
  const result = await build({
    entryPoints: { [posix.basename(fileName, '.js')]: entry },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify,
    legalComments: 'none',
    sourcemap: sourcemap && 'external',
    logLevel: 'error',
    splitting: split,
    outdir: `/out/${dir}`,
    chunkNames: 'chunks/[name]-[hash]',
    // Workbox's debug logging and checks are left out.
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: LEFT_OUT[fileName] ? [leaveOut(LEFT_OUT[fileName])] : [],
  });
  return Object.fromEntries(result.outputFiles.map((file) => [posix.relative('/out', file.path), file.text]));
}

/** The Vite plugins: a dev middleware that bundles on request, assets emitted at build, then the precache lists. */
export function standaloneBundles(entries = STANDALONE_BUNDLES, workers = PRECACHED_WORKERS, packaged = PACKAGE_BUNDLES) {
  return [bundles(entries, packaged), precacheLists(workers)];
}

function bundles(entries, packaged) {
  return {
    name: 'ebet-standalone-bundles',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\//, '');
        const entry = entries[path];
        if (!entry) return next();
        try {
          const code = (await bundle(path, entry, false, false))[path];
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
        for (const [path, source] of Object.entries(await bundle(fileName, entry, true, splits(fileName)))) {
          this.emitFile({ type: 'asset', fileName: path, source });
        }
      }
      for (const [fileName, entry] of Object.entries(packaged)) {
        for (const [path, source] of Object.entries(await bundle(fileName, entry, false, false, true))) {
          this.emitFile({ type: 'asset', fileName: path, source });
        }
      }
    },
  };
}

/** Writes each worker's precache list once dist/ is complete; under `npm start` the workers keep nothing. */
function precacheLists(workers) {
  let outDir;
  return {
    name: 'ebet-precache-lists',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle(error) {
      if (error) return;
      for (const [fileName, globPatterns] of Object.entries(workers)) {
        const worker = resolve(outDir, fileName);
        const { count, size, warnings } = await injectManifest({
          swSrc: worker,
          swDest: worker,
          globDirectory: outDir,
          globPatterns,
          // The npm package's modules (dist/npm/) are not part of the site; the documentation's
          // screenshots (half of the first visit's download) are kept as they are viewed instead.
          globIgnores: ['sw.js', '**/*-sw.js', 'npm/**', 'assets/*.png'],
          // Vite's hashed file names are their revision.
          dontCacheBustURLsMatching: /^assets\//,
          // Workbox reads each address relative to the worker's own.
          manifestTransforms: [
            async (entries) => ({
              manifest: entries.map((entry) => ({ ...entry, url: posix.relative(posix.dirname(fileName), entry.url) })),
              warnings: [],
            }),
          ],
        });
        for (const warning of warnings) this.warn(`${fileName}: ${warning}`);
        this.info?.(`${fileName}: ${count} files (${Math.round(size / 1024)} kB) kept for offline use`);
      }
    },
  };
}
