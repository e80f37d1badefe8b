// `npm run bench`: sizes of what the build ships (minified + gzip) and speed measured in
// headless Chromium. A script, never a timed test. Prints one table (Markdown, for the README).
import { build as esbuild } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium-args.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

if (!existsSync('dist/lib/ebet-core.js')) {
  const built = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

const rows = [];
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
for (const dir of ['dist/lib', 'dist/assets']) {
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
    const path = join(dir, file);
    const gz = gzipSync(readFileSync(path), { level: 9 }).length;
    rows.push({ what: `size: ${path.replace(/-[\w-]{8}\.js$/, '.js')}`, value: `${kb(gz)} gzip (${kb(statSync(path).size)} min)` });
  }
}

const bundle = await esbuild({
  entryPoints: ['scripts/bench/browser.bench.ts'],
  bundle: true,
  write: false,
  format: 'iife',
  minify: true,
  target: 'es2022',
  logLevel: 'error',
});
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const results = await page.waitForFunction(() => window.__bench, null, { timeout: 120000 }).then((h) => h.jsonValue());
  for (const r of results) rows.push({ what: r.name, value: `${r.value.toLocaleString('en-US')} ${r.unit}` });
} finally {
  await browser.close();
}

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`| ${'measure'.padEnd(width)} | result |`);
console.log(`| ${'-'.repeat(width)} | --- |`);
for (const r of rows) console.log(`| ${r.what.padEnd(width)} | ${r.value} |`);
