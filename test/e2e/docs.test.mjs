// The docs pages of the built site (their CSP, axe and key hygiene are checked with every page in
// site.test.mjs): no horizontal overflow on a 360 px phone, links between pages that work, and the
// element reference's elements live, the checkout with its core.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scrollToLoad, sitePages, useBuiltSite, watchPage } from './support.mjs';

const DIST = process.env.EBET_DIST ?? 'dist';
const site = useBuiltSite(DIST);
const docs = sitePages(DIST).filter((path) => path.startsWith('docs/'));

describe('docs pages', { concurrency: false }, () => {
  test('there are docs pages: the index and the guides', () => {
    assert.ok(docs.includes('docs/index.html'));
    assert.ok(docs.length >= 10, docs.join(', '));
  });

  for (const path of docs) {
    test(`${path}: no horizontal overflow at 360 px, the frame rendered`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      try {
        await page.goto(site.server.url + path);
        await page.waitForFunction(() => document.querySelector('ebet-shell')?.shadowRoot?.querySelector('main'));
        const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
        assert.ok(widths.page <= widths.view, `${path}: ${widths.page} px wide in a ${widths.view} px view`);
      } finally {
        await context.close();
      }
    });
  }

  test('the index links every page, and a link from one page to another opens it', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.server.url}docs/`);
      const listed = await page.locator('.docs-index li > a:first-child').evaluateAll((links) => links.map((a) => new URL(a.href).pathname.replace(/^\//, '')));
      assert.deepEqual(listed.sort(), docs.filter((p) => p !== 'docs/index.html').sort());
      await page.goto(`${site.server.url}docs/package.html`);
      await page.locator('article a[href="elements.html"]').first().click();
      await page.waitForURL(/docs\/elements\.html$/);
      assert.match(await page.locator('h1').first().textContent(), /Element reference/);
    } finally {
      await page.close();
    }
  });

  test('the element reference shows its elements live: the checkout in test mode with its core, the field table filled', async () => {
    const page = await site.browser.newPage();
    const watch = await watchPage(page);
    try {
      await page.goto(`${site.server.url}docs/elements.html`);
      const live = ['ebet-checkout', 'ebet-field-table', 'ebet-key-input', 'ebet-fields-input', 'ebet-form-builder', 'ebet-copy-button', 'ebet-receipt', 'ebet-attempt-log', 'ebet-bank-ledger'];
      // Each element loads as it comes into view.
      await scrollToLoad(page, ...live.map((tag) => `.live > ${tag}`));
      const checkout = page.locator('.live > ebet-checkout');
      await checkout.locator('button').first().waitFor();
      await page.waitForFunction(() => document.querySelector('.live ebet-checkout')?.shadowRoot?.querySelector('[part=test-badge]'));
      assert.deepEqual(await checkout.evaluate((el) => el.shadowRoot.querySelectorAll('[part=problems] li').length), 0, 'no problem: the core loaded');
      await page.waitForFunction(() => document.querySelector('.live ebet-field-table')?.shadowRoot?.textContent.includes('NB_DB_AMOUNT'));
      for (const tag of live.slice(2)) {
        assert.ok(await page.locator(`.live > ${tag}`).evaluate((el) => el.shadowRoot?.childElementCount > 0), `${tag} rendered`);
      }
      assert.deepEqual(watch.errors, []);
      assert.deepEqual(watch.violations, []);
    } finally {
      await page.close();
    }
  });
});
