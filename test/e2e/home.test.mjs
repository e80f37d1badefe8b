// The built home page, as a visitor gets it from a static host.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, useBuiltSite, watchPage } from './support.mjs';

const site = useBuiltSite();

test('the home page lists every tool, under its strict CSP, with no axe violations', async () => {
  const page = await site.browser.newPage();
  const watch = await watchPage(page);
  await page.goto(site.server.url);
  await page.locator('ebet-home [part=card]').first().waitFor();
  assert.equal(await page.locator('ebet-home [part=card]').count(), 5);
  // Every link of the home page that stays on the site lands on a page of the built site.
  const links = await page.locator('ebet-home a').evaluateAll((as) => as.map((a) => a.href).filter((href) => href.startsWith(location.origin)));
  assert.ok(links.length >= 9, links.join(' '));
  for (const href of links) assert.equal((await page.request.get(href)).status(), 200, href);
  assert.deepEqual(watch.violations, []);
  assert.deepEqual(watch.errors, []);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('the home page switches to Swedish and remembers it, on every tool page too, titles included', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.server.url);
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.getByRole('heading', { name: 'Verktyg' }).waitFor();
  assert.equal(await page.title(), 'ebet-toolkit — verktyg för E-betalning');
  await page.reload();
  await page.getByRole('heading', { name: 'Verktyg' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
  await page.goto(`${site.server.url}tools/incident/`);
  await page.waitForFunction(() => document.title === 'Incidentchecklista — ebet-toolkit');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
  await page.close();
});
