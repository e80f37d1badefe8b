// `npm run bench`: what the build ships and how fast it is, as one Markdown table (docs/bench.md
// describes it). A script, never a timed test. Measures, in one run:
// - sizes (minified + gzip -9): every library entry in dist/lib/, the checkout against its 12 kB
//   budget and with the rest of the core it loads in test mode or to explain a problem; and each
//   page's JS, i.e. every script the page really requests until the network is idle;
// - time to first render of each page served by a local static server: navigation start to the
//   page's element (the one inside <ebet-shell>, or the shop's) having put its first elements into
//   its shadow root; median of several cold loads (fresh context, service workers blocked);
// - the protocol core's speed (scripts/bench/core.bench.ts), in Node and in headless Chromium: the
//   mismatch doctor interleaved with noble's keyed-state loop (the floor) and a fresh hmac(), the
//   candidates per diagnosis and the time of one; in Node also parseFields and extractMessages on 1 MB
//   and 10 MB (MB/s and the time per MB at 10 MB ÷ at 1 MB, each with ✓/✗ against issue 15's targets:
//   at least 20 MB/s for lines, JSON, a log and a HAR, at most 1.5×), then summed up in a second table;
//   and issue 25's hostile inputs (long runs, deep nesting, huge quotes) through parseFields,
//   splitMessages and extractMessages: CPU ms per MB at 1 MB and 8 MB, in a third table.
// Options: --json[=file] also writes the table as JSON (default bench.json); --core measures the
// core's speed only (no build, sizes or page loads).
// EBET_DIST=<dir> measures an existing build there; otherwise `npm run build` makes dist/ first.
// EBET_BENCH_LOADS=<n> sets the loads per page (default 7); EBET_BENCH_ROUNDS=<n> the interleaved
// rounds (default 21) and EBET_BENCH_SLICE_MS=<ms> each contender's slice per round (default 100);
// EBET_BENCH_PARSE_ROUNDS=<n> the rounds of 1 MB and 10 MB per input (default 5).
import { build as esbuild } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { launchBrowser, serveDist } from '../test/e2e/support.mjs';

const args = process.argv.slice(2);
const CORE_ONLY = args.includes('--core');
const jsonArg = args.find((a) => a === '--json' || a.startsWith('--json='));
const JSON_FILE = jsonArg ? (jsonArg.split('=')[1] ?? 'bench.json') : null;
const DIST = process.env.EBET_DIST ?? 'dist';
const LOADS = Number(process.env.EBET_BENCH_LOADS ?? 7);
const CORE_OPTIONS = { rounds: Number(process.env.EBET_BENCH_ROUNDS ?? 21), sliceMs: Number(process.env.EBET_BENCH_SLICE_MS ?? 100) };
const PARSE_ROUNDS = Number(process.env.EBET_BENCH_PARSE_ROUNDS ?? 5);
const CHECKOUT_BUDGET = 12 * 1024;

if (!process.env.EBET_DIST && !CORE_ONLY) {
  const built = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

const rows = [];
/** A row of the table; for a measure also its `number` and `unit`, and its target and whether it is met (in the JSON). */
const row = (what, value, number, unit, target) => rows.push({ what, value, ...(number === undefined ? {} : { number, unit }), ...(target ?? {}) });
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const gzip = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const started = new Date();
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0].toFixed(1)} at the start`;

/** Library entries: their sizes, and the checkout's. */
function sizes() {
  const lib = readdirSync(join(DIST, 'lib'))
    .filter((f) => f.endsWith('.js'))
    .sort();
  for (const file of lib) {
    const path = join(DIST, 'lib', file);
    const size = gzip(path);
    const budget = file === 'ebet-checkout.js' ? `; budget 12 kB: ${size <= CHECKOUT_BUDGET ? 'within' : 'OVER'}` : '';
    row(`size: lib/${file}`, `${kb(size)} gzip (${kb(statSync(path).size)} min${budget})`, size, 'bytes gzip');
  }
  if (lib.includes('ebet-checkout.js') && lib.includes('ebet-checkout-core.js')) {
    const checkout = gzip(join(DIST, 'lib/ebet-checkout.js'));
    const withCore = checkout + gzip(join(DIST, 'lib/ebet-checkout-core.js'));
    row('size: a production checkout with right settings loads ebet-checkout.js only', `${kb(checkout)} gzip`, checkout, 'bytes gzip');
    row('size: test mode, or a problem to explain, adds ebet-checkout-core.js', `${kb(withCore)} gzip in all`, withCore, 'bytes gzip');
  }
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
      const page = relative(DIST, path).replaceAll('\\', '/');
      // A docs page's live elements load as they come into view: none is the page's first render.
      const element = page.startsWith('docs/') ? undefined : [...body.matchAll(/<(ebet-[a-z-]+)/g)].map((m) => m[1]).find((tag) => tag !== 'ebet-shell');
      found.push({ path: page, element });
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

/** Each page: the JS it loads, and the time to its element's first render (median of LOADS cold loads). */
async function pageLoads(server, browser) {
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
    row(`page JS: ${path} (${files.length} file${files.length === 1 ? '' : 's'})`, `${kb(total)} gzip`, total, 'bytes gzip');

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
    const ms = Math.round(median(times));
    row(`first render: ${path} (\`<${element}>\`, median of ${LOADS})`, `${ms} ms`, ms, 'ms');
  }
}

/** Bundles a bench module of scripts/bench/ with the core: an ES module for Node, a script for Chromium. */
async function bundle(entry, format) {
  const result = await esbuild({ entryPoints: [entry], bundle: true, write: false, format, platform: 'neutral', minify: format === 'iife', target: 'es2022', logLevel: 'error' });
  return result.outputFiles[0].text;
}
/** `20 MB/s ✓ (≥ 20)`: a measure, and against its target when it has one. */
const measured = (r) => `${r.value.toLocaleString('en-US')} ${r.unit}${r.target ? ` ${r.met ? '✓' : '✗'} (${r.target.op} ${r.target.value})` : ''}`;
const coreRows = (where, results) => {
  for (const r of results) row(`${where}: ${r.name}`, measured(r), r.value, r.unit, r.target && { target: r.target, met: r.met });
};
/** parseFields and extractMessages, one line per input: MB/s at 1 MB and 10 MB, and the ratio of their times per MB. */
let linear;
let limits;
/** Issue 25's hostile inputs: CPU ms per MB at 1 MB and 8 MB per reader. */
let hostile;

if (!CORE_ONLY) sizes();
const server = CORE_ONLY ? null : await serveDist(DIST);
const browser = await launchBrowser();
const versions = `Node ${process.version}, Chromium ${browser.version()}`;
try {
  if (server) await pageLoads(server, browser);

  // The core's speed in Node: the doctor against the floor, then parseFields and extractMessages.
  const dir = mkdtempSync(join(tmpdir(), 'ebet-bench-'));
  try {
    const file = join(dir, 'core.bench.mjs');
    writeFileSync(file, await bundle('scripts/bench/core.bench.ts', 'esm'));
    const core = await import(pathToFileURL(file).href);
    coreRows('node', core.doctorBench(CORE_OPTIONS));
    const parsed = await core.parseBench({ rounds: PARSE_ROUNDS });
    coreRows('node', parsed);
    limits = { min: core.MIN_MB_PER_S, max: core.MAX_RATIO };
    hostile = core.hostileBench({ rounds: Math.min(PARSE_ROUNDS, 3) });
    linear = [...new Set(parsed.map((r) => r.group))].map((group) => {
      const cell = (column) => {
        const wall = parsed.find((r) => r.group === group && r.column === `${column} wall`);
        return `${measured(parsed.find((r) => r.group === group && r.column === column))}; wall clock ${wall.value.toLocaleString('en-US')} ${wall.unit}`;
      };
      return { input: group, '1 MB': cell('1 MB'), '10 MB': cell('10 MB'), ratio: cell('ratio') };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The same doctor bench in headless Chromium, in a blank page.
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.evaluate((options) => (window.__benchOptions = options), CORE_OPTIONS);
  await page.addScriptTag({ content: await bundle('scripts/bench/browser.bench.ts', 'iife') });
  coreRows('chromium', await page.waitForFunction(() => window.__bench, null, { timeout: 900000, polling: 1000 }).then((h) => h.jsonValue()));
} finally {
  await browser.close();
  await server?.close();
}

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; ${versions}.\n`);
console.log(`| ${'measure'.padEnd(width)} | result |`);
console.log(`| ${'-'.repeat(width)} | --- |`);
for (const r of rows) console.log(`| ${r.what.padEnd(width)} | ${r.value} |`);
if (linear?.length) {
  const first = Math.max(...linear.map((l) => l.input.length));
  console.log(
    `\nLinear time, Node: MB per CPU second at 1 MB and at 10 MB (at least ${limits.min} for lines, JSON, a log and a HAR), and the CPU time per MB at 10 MB ÷ at 1 MB (at most ${limits.max}); the same by the wall clock after each.\n`,
  );
  console.log(`| ${'input'.padEnd(first)} | 1 MB | 10 MB | 10 MB ÷ 1 MB per MB |`);
  console.log(`| ${'-'.repeat(first)} | --- | --- | --- |`);
  for (const l of linear) console.log(`| ${l.input.padEnd(first)} | ${l['1 MB']} | ${l['10 MB']} | ${l.ratio} |`);
}
if (hostile?.length) {
  console.log('\nHostile input (issue 25), Node: CPU ms per MB at 1 MB and at 8 MB (median of 3 rounds), and 8 MB ÷ 1 MB (1 is linear; a quadratic reader shows 8).\n');
  console.log('| input | reader | 1 MB | 8 MB | 8 MB ÷ 1 MB |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const h of hostile) console.log(`| ${h.input} | ${h.reader} | ${h.at1} ms/MB | ${h.at8} ms/MB | ${h.ratio}× |`);
}
if (JSON_FILE) {
  writeFileSync(JSON_FILE, `${JSON.stringify({ date: started.toISOString(), machine, versions, options: { ...CORE_OPTIONS, parseRounds: PARSE_ROUNDS }, rows, linear, hostile }, null, 2)}\n`);
  console.log(`\nThe table as JSON: ${JSON_FILE}`);
}
