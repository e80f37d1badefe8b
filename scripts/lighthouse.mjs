// `npm run lighthouse`: Lighthouse's mobile preset (its default: a mid-range phone, simulated slow
// 4G and a 4× slower CPU) on every page of the built site, served by the same plain static server
// as the end-to-end tests. Prints one Markdown table (performance, accessibility, best practices,
// CLS, TBT, LCP and what fails) and writes it, with the date and the machine, to docs/lighthouse.md.
// A script, never a test: its scores depend on the machine and on its load.
// EBET_DIST=<dir> audits an existing build there; otherwise `npm run build` makes dist/ first.
// CHROME_PATH picks the browser (default: the one the tests use).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveDist, sitePages } from '../test/e2e/support.mjs';
import { CHROMIUM_ARGS } from './chromium-args.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

const DIST = process.env.EBET_DIST ?? 'dist';
if (!process.env.EBET_DIST && spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
/** Targets: performance ≥ 95, accessibility and best practices 100, no layout shift. */
const meets = (row) => row.performance >= 95 && row.accessibility === 100 && row['best-practices'] === 100 && row.cls === 0;

const load = loadavg()[0].toFixed(1);
const server = await serveDist(DIST);
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? ensureChromium(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
const rows = [];
try {
  for (const path of sitePages(DIST)) {
    const { lhr } = await lighthouse(server.url + path, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES });
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const numeric = (id) => lhr.audits[id]?.numericValue ?? NaN;
    const failing = Object.values(lhr.categories)
      .flatMap((c) => c.auditRefs)
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
    const row = {
      path,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      cls: Math.round(numeric('cumulative-layout-shift') * 1000) / 1000,
      tbt: Math.round(numeric('total-blocking-time')),
      lcp: Math.round(numeric('largest-contentful-paint')),
      failing: [...new Set(failing)],
    };
    rows.push(row);
    console.error(`${path}: ${CATEGORIES.map((c) => `${c} ${row[c]}`).join(', ')}, CLS ${row.cls}, TBT ${row.tbt} ms${row.failing.length ? ` — ${row.failing.join(', ')}` : ''}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}

const table = [
  '| Page | Performance | Accessibility | Best practices | CLS | TBT (ms) | LCP (ms) | Targets | Audits below 1 |',
  '|---|---:|---:|---:|---:|---:|---:|:---:|---|',
  ...rows.map((r) => `| ${r.path} | ${r.performance} | ${r.accessibility} | ${r['best-practices']} | ${r.cls} | ${r.tbt} | ${r.lcp} | ${meets(r) ? '✓' : '✗'} | ${r.failing.join(', ') || '—'} |`),
].join('\n');
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, Lighthouse ${createRequire(import.meta.url)('lighthouse/package.json').version}`;
const doc = `# Lighthouse

Lighthouse's mobile preset (simulated slow 4G, 4× CPU slowdown) on every page of the built site,
served by a plain static server. Run \`npm run lighthouse\` to measure again (it rewrites this file).
Targets: performance ≥ 95, accessibility 100, best practices 100, CLS 0 (✗ marks a page that misses one).
"Audits below 1" lists the weighted audits that did not score full marks.
The simulated performance score depends on the machine and its load: on a busy machine TBT grows.

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; load average ${load} at the start.

${table}
`;
mkdirSync('docs', { recursive: true });
writeFileSync('docs/lighthouse.md', doc);
console.log(table);
