// Every page of the built site, as a visitor gets it from a static host: a strict CSP with zero
// violations, no page error, axe clean, no request leaving the origin, and a key-hygiene probe:
// a distinctive key typed into every key field is found nowhere — not in storage, IndexedDB,
// cookies, the URL, the history state, the console or any request.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { axeViolations, scrollToLoadAll, serveDist, settled, sitePages, useBuiltSite, watchPage } from './support.mjs';

const DIST = process.env.EBET_DIST ?? 'dist';
const KEY = 'C0FF EE15 DEAD BEEF 0123 4567 89AB CDEF';
const KEY_FORMS = [KEY, KEY.replace(/ /g, ''), KEY.replace(/ /g, '').toLowerCase(), 'C0FFEE15DEADBEEF'];
/** Pages with a key field: the probe must type into each (a page that lost its key field fails). */
const KEY_PAGES = ['tools/calculator/index.html', 'tools/decoder/index.html', 'tools/test-page/index.html'];
const hexOf = (s) => s.toUpperCase().replace(/[^0-9A-F]/g, '');

const site = useBuiltSite(DIST);

async function everything(page) {
  return page.evaluate(async () => {
    const dbs = [];
    for (const info of (await indexedDB.databases?.()) ?? []) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(info.name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const rows = await new Promise((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => resolve([]);
        });
        dbs.push({ store, rows });
      }
      db.close();
    }
    return JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookie: document.cookie,
      url: location.href,
      history: history.state,
      dbs,
    });
  });
}

/**
 * Types the distinctive key into every key field of the page (every <ebet-key-input> has at least
 * one, and each must hold the key afterwards), then looks for it everywhere.
 */
async function probeKey(page, context, console, requests, path) {
  const checked = page.locator('ebet-key-input input[type=checkbox]:checked');
  while (await checked.count()) await checked.first().uncheck();
  const fields = await page.locator('ebet-key-input input.key, input[type=password]').all();
  const keyInputs = await page.locator('ebet-key-input').count();
  assert.ok(fields.length >= keyInputs, `${path}: ${keyInputs} key inputs but ${fields.length} key fields to type into`);
  for (const field of fields) {
    await field.fill(KEY);
    await field.press('Tab');
    assert.equal(hexOf(await field.inputValue()), hexOf(KEY), `${path}: the key was not typed into a key field`);
  }
  await settled(page);
  const state = await everything(page);
  const cookies = JSON.stringify(await context.cookies());
  for (const form of KEY_FORMS) {
    assert.ok(!state.includes(form), `${path}: the key reached storage or the URL`);
    assert.ok(!cookies.includes(form), `${path}: the key reached a cookie`);
    assert.ok(!console.some((m) => m.includes(form)), `${path}: the key reached the console`);
    assert.ok(!requests.some((r) => r.includes(form)), `${path}: the key reached a request`);
  }
  return fields.length;
}

describe('every built page', { concurrency: false }, () => {
  assert.ok(existsSync(join(DIST, 'index.html')), 'run npm run build first');
  for (const path of sitePages(DIST)) {
    test(`${path}: strict CSP kept, no errors, axe clean, nothing leaves the origin, the key is kept`, async () => {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      const watch = await watchPage(page);
      const outside = [];
      const console = [];
      const requests = [];
      page.on('console', (m) => console.push(m.text()));
      page.on('request', (r) => {
        requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`);
        if (!r.url().startsWith(site.server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
      });
      await page.goto(site.server.url + path);
      await page.waitForLoadState('networkidle');
      // Every element, those that load as they come into view included.
      await scrollToLoadAll(page);
      const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
      assert.match(csp, /default-src 'self'/, `${path} has no strict CSP meta`);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${path} weakens its CSP`);
      assert.deepEqual(await axeViolations(page), [], `${path}: axe`);

      const typed = await probeKey(page, context, console, requests, path);
      if (KEY_PAGES.includes(path)) assert.ok(typed > 0, `${path}: no key field was typed into`);
      assert.deepEqual(outside, [], `${path}: requests left the origin`);
      assert.deepEqual(watch.violations, [], `${path}: CSP violations`);
      assert.deepEqual(watch.errors, [], `${path}: page errors`);
      await context.close();
    });
  }
});

test('the key-hygiene probe catches a page that stores the key', async () => {
  const fixtures = await serveDist('test/e2e/fixtures');
  const context = await site.browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${fixtures.url}leaky/index.html`);
    await assert.rejects(probeKey(page, context, [], [], 'leaky'), /the key reached storage or the URL/);
  } finally {
    await context.close();
    await fixtures.close();
  }
});
