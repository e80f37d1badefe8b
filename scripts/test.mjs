// `npm test`: every check, in order — type-check, lint, the core's tests in Node, build, Node tests
// (the built core imported without a DOM, and the end-to-end runs of the built site), then the
// browser tests in Chromium.
// It ends with one plain line `N passed, N failed` that sums them all.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const chrome = ensureChromium();
const env = { ...process.env, CHROME_PATH: chrome };
let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, command, args, { capture = false } = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { env, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (capture) process.stdout.write(result.stdout ?? '');
  if (result.status !== 0) console.error(`✗ ${label} failed (exit ${result.status ?? result.signal})`);
  return { ok: result.status === 0, output: result.stdout ?? '' };
}

function finish() {
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 ? 1 : 0);
}

for (const [label, project] of [
  ['type-check (all code)', 'tsconfig.json'],
  ['type-check (core without DOM)', 'tsconfig.core.json'],
]) {
  if (!run(label, 'npx', ['tsc', '--noEmit', '-p', project]).ok) failed++;
}
if (!run('lint (ESLint: typescript-eslint, lit, wc)', 'npx', ['eslint', '.', '--max-warnings', '0']).ok) failed++;

// The core's own tests (test/src) in Node, under Mocha (.mocharc.json); Chromium runs them again below.
const core = run('core tests in Node (npm run test:core, Mocha)', 'npx', ['mocha', '--reporter', 'spec'], { capture: true });
const mochaCount = (name) => Number(new RegExp(`^\\s*(\\d+) ${name}`, 'm').exec(core.output)?.[1] ?? 0);
passed += mochaCount('passing');
failed += mochaCount('failing') + (core.ok || mochaCount('failing') ? 0 : 1);
skipped += mochaCount('pending');
if (!run('build (site and library)', 'npm', ['run', 'build', '--silent']).ok) {
  failed++;
  finish();
}

const nodeTests = ['test/node', 'test/e2e']
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).map((f) => `${dir}/${f}`));
if (nodeTests.length) {
  const node = run('Node tests (built core, built site end to end)', 'node', ['--test', '--test-reporter=spec', '--test-concurrency=1', ...nodeTests], {
    capture: true,
  });
  const count = (name) => Number(new RegExp(`^ℹ ${name} (\\d+)`, 'm').exec(node.output)?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled') + (node.ok || count('fail') ? 0 : 1);
  skipped += count('skipped') + count('todo');
}

rmSync('.wtr-summary.json', { force: true });
const browser = run('browser tests (web-test-runner, Chromium)', 'npx', ['web-test-runner']);
if (existsSync('.wtr-summary.json')) {
  const summary = JSON.parse(readFileSync('.wtr-summary.json', 'utf8'));
  passed += summary.passed;
  failed += summary.failed + (browser.ok || summary.failed ? 0 : 1);
  skipped += summary.skipped;
} else {
  failed++;
}
finish();
