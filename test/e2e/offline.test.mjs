// Offline: after one visit, every page of the built site works with the network cut (the browser
// offline AND the static server stopped), served by the site's service worker (`sw.js`), and the
// simulated bank still receives a shop's form. The example shop works offline through its own
// worker, and a browser that still has the simulator's old worker ends up with the site's.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, scrollToLoadAll, serveDist, settled, sitePages, submitForm, watchPage } from './support.mjs';

const DIST = process.env.EBET_DIST ?? 'dist';

let browser;
before(async () => {
  assert.ok(existsSync(join(DIST, 'sw.js')), 'run npm run build first');
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Waits until the worker whose scope is `scope` is activated (its files kept), and returns its script's URL. */
function activeWorker(page, scope) {
  return page.evaluate(async (scope) => {
    for (;;) {
      const registration = await navigator.serviceWorker.getRegistration(scope);
      if (registration?.scope === scope && registration.active?.state === 'activated') return registration.active.scriptURL;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, scope);
}

/** Which of the given pages (paths from the site root) the cache of the worker serving `page` lacks. */
async function uncached(page, base, paths) {
  return page.evaluate(
    async ({ base, paths }) => {
      const missing = [];
      for (const path of paths) if (!(await caches.match(new URL(path, base).href, { ignoreSearch: true }))) missing.push(path);
      return missing;
    },
    { base, paths },
  );
}

/** Takes the site off the network: the browser is offline and nothing listens at the server's address. */
async function cutNetwork(context, server) {
  await context.setOffline(true);
  await server.close();
  await assert.rejects(fetch(server.url), 'the static server still answers');
}

/** The custom elements of the page's light DOM, each upgraded and rendered (shadow content present). */
function rendered(page) {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('*')]
      .filter((el) => el.localName.includes('-'))
      .map((el) => ({ tag: el.localName, upgraded: customElements.get(el.localName) !== undefined && el.matches(':defined'), content: el.shadowRoot?.childElementCount ?? 0 })),
  );
}

/** Loads a page with the network cut and checks that it shows its tool, with no CSP violation and no page error. */
async function loadOffline(context, base, path) {
  const page = await context.newPage();
  const watch = await watchPage(page);
  const response = await page.goto(base + path);
  assert.ok(response?.fromServiceWorker(), `${path} was not served by the service worker`);
  // What loads as it comes into view (the element reference's live elements) must be kept too.
  await scrollToLoadAll(page);
  await page.waitForFunction(() => [...document.querySelectorAll(':not(:defined)')].every((el) => !el.localName.includes('-')));
  const elements = await rendered(page);
  const scripts = await page.locator('script[src]').count();
  if (scripts) {
    assert.ok(elements.length > 0, `${path}: no tool on the page`);
    for (const element of elements) assert.ok(element.upgraded && element.content > 0, `${path}: <${element.tag}> not rendered offline`);
  } else {
    assert.ok(await page.locator('h1').count(), `${path}: no content`);
  }
  await settled(page);
  assert.deepEqual(watch.violations, [], `${path}: CSP violations`);
  assert.deepEqual(watch.errors, [], `${path}: page errors`);
  return page;
}

/** Posts a real form (a top-level navigation) from the page to the simulator's pay address, as a shop would. */
async function postToSimulator(page, fields) {
  await submitForm(page, 'bank/pay', fields);
  await page.waitForURL(/tools\/test-page\/\?request=/);
  await page.locator('ebet-bank-simulator[data-state]').waitFor();
}

const PAY = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'OFFLINE-1', NB_DB_AMOUNT: '10,00', NB_DB_CUR: 'SEK', NB_DB_REF: '1234561' };

test('after one visit to the home page, every page works with the network cut, and the simulator still receives a posted form', { timeout: 120_000 }, async () => {
  const server = await serveDist(DIST);
  const context = await browser.newContext();
  try {
    const home = await context.newPage();
    await home.goto(server.url);
    assert.equal(await activeWorker(home, server.url), `${server.url}sw.js`);
    const all = sitePages(DIST);
    assert.ok(all.length >= 10, `only ${all.length} pages found`);
    assert.deepEqual(await uncached(home, server.url, [...all, 'toolkit.css', 'lib/ebet-core.js', 'lib/ebet-checkout.js']), [], 'not kept for offline use');
    // The documentation's screenshots are not part of the first visit (issue 25): kept once viewed.
    const screenshot = readdirSync(join(DIST, 'assets')).find((f) => f.endsWith('.png'));
    assert.ok(screenshot, 'the build has screenshots');
    assert.deepEqual(await uncached(home, server.url, [`assets/${screenshot}`]), [`assets/${screenshot}`], 'a screenshot was precached');
    await home.evaluate((url) => fetch(url).then((r) => r.blob()), `${server.url}assets/${screenshot}`);
    assert.deepEqual(await uncached(home, server.url, [`assets/${screenshot}`]), [], 'a screenshot viewed is not kept');

    await cutNetwork(context, server);
    for (const path of all) await (await loadOffline(context, server.url, path)).close();

    // The Swedish templates are a chunk of their own, loaded when Swedish is chosen: kept as well.
    const decoder = await loadOffline(context, server.url, 'tools/decoder/');
    await decoder.getByRole('button', { name: 'Svenska' }).click();
    await decoder.getByRole('heading', { name: 'Svarsavkodare' }).waitFor();
    await decoder.getByRole('button', { name: 'English' }).click();
    await decoder.getByRole('heading', { name: 'Response decoder' }).waitFor();
    await decoder.close();

    const testPage = await loadOffline(context, server.url, 'tools/test-page/');
    await testPage.locator('ebet-test-page[data-worker=ready]').waitFor();
    await postToSimulator(testPage, PAY);
    assert.equal(await testPage.locator('[data-fields=request] input[name=NB_STAMP]').getAttribute('value'), 'OFFLINE-1');
  } finally {
    await context.close();
    await server.close();
  }
});

test('the example shop works offline through its own worker (receipts and the shop’s files) after one visit', { timeout: 120_000 }, async () => {
  const server = await serveDist(DIST);
  const context = await browser.newContext();
  try {
    const shop = await context.newPage();
    await shop.goto(`${server.url}shop/`);
    assert.equal(await activeWorker(shop, `${server.url}shop/`), `${server.url}shop/ebet-receipt-sw.js`);
    const shopPages = sitePages(DIST).filter((path) => path.startsWith('shop/'));
    assert.deepEqual(shopPages, ['shop/cancel.html', 'shop/index.html', 'shop/reject.html', 'shop/return.html']);

    await cutNetwork(context, server);
    for (const path of [...shopPages, 'shop/return.html?ebet-receipt=none', 'shop/cancel.html?order=1042']) {
      const page = await loadOffline(context, server.url, path);
      assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), `${server.url}shop/ebet-receipt-sw.js`, `${path}: not the shop's worker`);
      await page.close();
    }
    // The shop's worker keeps the shop, not the toolkit's other pages.
    const other = await context.newPage();
    await assert.rejects(other.goto(`${server.url}tools/decoder/`), /ERR_INTERNET_DISCONNECTED|ERR_FAILED|ERR_CONNECTION_REFUSED/);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a browser with the simulator’s old worker (tools/test-page/bank-sw.js) drops it and uses the site’s', { timeout: 120_000 }, async () => {
  const server = await serveDist(DIST);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(`${server.url}tools/test-page/`);
    await activeWorker(page, server.url);
    // The old worker's address now holds the retired worker: as when the browser updates the old registration.
    // It removes itself and reloads the page, which the site's worker then serves.
    const reloaded = page.waitForEvent('load');
    await page.evaluate(() => navigator.serviceWorker.register('bank-sw.js', { scope: './' }));
    await reloaded;
    assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope)), [server.url]);
    await page.locator('ebet-test-page[data-worker=ready]').waitFor();
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL), `${server.url}sw.js`);
    await postToSimulator(page, { ...PAY, NB_STAMP: 'AFTER-OLD-WORKER' });
    assert.equal(await page.locator('[data-fields=request] input[name=NB_STAMP]').getAttribute('value'), 'AFTER-OLD-WORKER');
    assert.deepEqual(watch.violations, []);
    assert.deepEqual(watch.errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});
