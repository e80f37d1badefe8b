// A tab open across a deploy: the site is served from a copy of dist/ that the test then "deploys"
// over — the lazily loaded form builder's chunk is gone from the host and sw.js is a new version
// that no longer lists it. The open tab keeps its version (the new worker waits), so the form
// builder still loads when scrolled to; the tab offers "Reload for the new version", and choosing
// it reloads the page under the new worker. Needs `npm run build` first.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, scrollToLoad, serveDist, watchPage } from './support.mjs';

let site;
let server;
let browser;

before(async () => {
  site = mkdtempSync(join(tmpdir(), 'ebet-deploy-'));
  cpSync(process.env.EBET_DIST ?? 'dist', site, { recursive: true });
  server = await serveDist(site);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

/** The new version: `file` deleted from the host and from the list of the new sw.js. */
function deployWithout(file) {
  rmSync(join(site, file));
  const worker = readFileSync(join(site, 'sw.js'), 'utf8');
  const entry = new RegExp(`\\{"revision":null,"url":"${file.replaceAll('.', '\\.')}"\\},?`);
  assert.match(worker, entry, `sw.js lists ${file}`);
  writeFileSync(join(site, 'sw.js'), `${worker.replace(entry, '')}\n// the next version\n`);
}

test('a tab open across a deploy keeps loading its parts, offers "Reload for the new version", and reloads into it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(`${server.url}tools/test-page/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  const builder = readdirSync(join(site, 'assets')).find((f) => /^ebet-form-builder-.*\.js$/.test(f));
  assert.ok(builder, 'the form builder is a chunk of its own');

  deployWithout(`assets/${builder}`);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const offer = page.locator('ebet-shell [part=new-version]');
  await offer.waitFor({ timeout: 60_000 });
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r.waiting))), true, 'the new worker waits');

  // The old version's part, gone from the host, still comes from the old worker's cache.
  await scrollToLoad(page, 'ebet-form-builder');
  assert.equal(await page.locator('ebet-form-builder [data-load-failed]').count(), 0);

  const button = offer.getByRole('button', { name: 'Reload for the new version' });
  await Promise.all([page.waitForEvent('load'), button.click()]);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting)), null, 'the new version is the one in use');
  await page.locator('ebet-shell').waitFor();
  assert.equal(await page.locator('ebet-shell [part=new-version]').count(), 0, 'nothing more to offer');
  assert.deepEqual(watch.errors, []);
  await context.close();
});
