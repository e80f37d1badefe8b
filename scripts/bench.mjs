// `npm run bench`: what the build ships and how fast it is, as one Markdown table (for the README).
// A script, never a timed test. Measures, in one run and one headless Chromium:
// - sizes (minified + gzip -9): every library entry in dist/lib/, the checkout against its 12 kB
//   budget and with the rest of the core it loads in test mode or to explain a problem; and each
//   page's JS, i.e. every script the page really requests until the network is idle;
// - time to first render of each page served by a local static server: navigation start to the
//   page's element (the one inside <ebet-shell>, or the shop's) having put its first elements into
//   its shadow root; median of several cold loads (fresh context, service workers blocked);
// - the protocol core's speed (scripts/bench/browser.bench.ts): noble's raw HMAC-SHA256, the
//   mismatch doctor's candidates per second, and their ratio.
// EBET_DIST=<dir> measures an existing build there; otherwise `npm run build` makes dist/ first.
// EBET_BENCH_LOADS=<n> sets the loads per page (default 7).
import { build as esbuild } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { launchBrowser, serveDist } from '../test/e2e/support.mjs';

const DIST = process.env.EBET_DIST ?? 'dist';
const LOADS = Number(process.env.EBET_BENCH_LOADS ?? 7);
const CHECKOUT_BUDGET = 12 * 1024;

if (!process.env.EBET_DIST) {
  const built = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

const rows = [];
const row = (what, value) => rows.push({ what, value });
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const gzip = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

// Library entries.
const lib = readdirSync(join(DIST, 'lib'))
  .filter((f) => f.endsWith('.js'))
  .sort();
for (const file of lib) {
  const path = join(DIST, 'lib', file);
  const size = gzip(path);
  const budget = file === 'ebet-checkout.js' ? `; budget 12 kB: ${size <= CHECKOUT_BUDGET ? 'within' : 'OVER'}` : '';
  row(`size: lib/${file}`, `${kb(size)} gzip (${kb(statSync(path).size)} min${budget})`);
}
if (lib.includes('ebet-checkout.js') && lib.includes('ebet-checkout-core.js')) {
  const checkout = gzip(join(DIST, 'lib/ebet-checkout.js'));
  row('size: a production checkout with right settings loads ebet-checkout.js only', `${kb(checkout)} gzip`);
  row('size: test mode, or a problem to explain, adds ebet-checkout-core.js', `${kb(checkout + gzip(join(DIST, 'lib/ebet-checkout-core.js')))} gzip in all`);
}

/** Every HTML page of the build with a script, and the element whose first render is timed. */
function pages(dir = DIST) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...pages(path));
    else if (entry.name.endsWith('.html')) {
      const html = readFileSync(path, 'utf8');
      if (!/<script\b[^>]*\bsrc=/.test(html)) continue;
      const body = html.slice(html.indexOf('<body'));
      const element = [...body.matchAll(/<(ebet-[a-z-]+)/g)].map((m) => m[1]).find((tag) => tag !== 'ebet-shell');
      found.push({ path: relative(DIST, path).replaceAll('\\', '/'), element });
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** Before any script: note when `tag` first puts elements into its shadow root (Lit renders into it at once). */
function watchFirstRender(tag) {
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (this.localName === tag) {
      new MutationObserver((_, observer) => {
        if (root.childElementCount > 0 && window.__firstRender === undefined) {
          window.__firstRender = performance.now();
          observer.disconnect();
        }
      }).observe(root, { childList: true, subtree: true });
    }
    return root;
  };
}

const server = await serveDist(DIST);
const browser = await launchBrowser();
try {
  for (const { path, element } of pages()) {
    const url = new URL(path.replace(/(^|\/)index\.html$/, '$1'), server.url).href;
    // One load for what the page requests (the checkout's lazily loaded core included).
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const scripts = new Set();
    page.on('request', (request) => {
      if (request.resourceType() === 'script' && request.url().startsWith(server.url)) scripts.add(new URL(request.url()).pathname);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await context.close();
    const files = [...scripts].map((p) => decodeURIComponent(p).slice(1));
    const total = files.reduce((sum, file) => sum + gzip(join(DIST, file)), 0);
    row(`page JS: ${path} (${files.length} file${files.length === 1 ? '' : 's'})`, `${kb(total)} gzip`);

    if (!element) continue;
    const times = [];
    for (let i = 0; i < LOADS; i++) {
      const cold = await browser.newContext({ serviceWorkers: 'block' });
      const tab = await cold.newPage();
      await tab.addInitScript(watchFirstRender, element);
      await tab.goto(url, { waitUntil: 'commit' });
      times.push(await tab.waitForFunction(() => window.__firstRender, null, { timeout: 30000 }).then((h) => h.jsonValue()));
      await cold.close();
    }
    row(`first render: ${path} (\`<${element}>\`, median of ${LOADS})`, `${Math.round(median(times))} ms`);
  }

  // The core's speed, in a blank page.
  const bundle = await esbuild({
    entryPoints: ['scripts/bench/browser.bench.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2022',
    logLevel: 'error',
  });
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const results = await page.waitForFunction(() => window.__bench, null, { timeout: 120000 }).then((h) => h.jsonValue());
  for (const r of results) row(r.name, `${r.value.toLocaleString('en-US')} ${r.unit}`);
} finally {
  await browser.close();
  await server.close();
}

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`| ${'measure'.padEnd(width)} | result |`);
console.log(`| ${'-'.repeat(width)} | --- |`);
for (const r of rows) console.log(`| ${r.what.padEnd(width)} | ${r.value} |`);
