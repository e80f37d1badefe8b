// The built incident checklist, as a visitor gets it from a static host: strict CSP, axe clean,
// progress kept across a reload, and no network request at all once the page has loaded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, useBuiltSite, watchPage } from './support.mjs';

const site = useBuiltSite();

const step = (page, id) => page.locator(`ebet-incident-checklist li[data-step=${id}]`);

test('the incident checklist: CSP and axe clean, a ticked step survives a reload, nothing fetched after load', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const watch = await watchPage(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${site.server.url}tools/incident/`, { waitUntil: 'networkidle' });
  assert.ok(requests.every((url) => url.startsWith(site.server.url)), `a request left the site: ${requests.join(', ')}`);
  requests.length = 0;

  await page.getByRole('button', { name: 'Start a new incident' }).click();
  await page.getByLabel('Short title').fill('Card payments fail');
  await step(page, 'support-request').getByRole('button', { name: 'Done' }).click();
  await step(page, 'status-page').getByRole('button', { name: 'Done' }).click();
  await step(page, 'status-page').getByLabel('Note: what you checked and saw').fill('No notice there');
  await step(page, 'status-page').getByLabel('Note: what you checked and saw').blur();
  assert.equal(await step(page, 'status-page').getAttribute('data-status'), 'done');
  assert.match(await page.locator('ebet-incident-checklist [role=status]#announce').textContent(), /Read the status page/);
  assert.match(await page.locator('ebet-incident-checklist #report-text').inputValue(), /No notice there/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(requests, [], 'the page fetched something after it had loaded');

  // every web link opens in a new tab, without an opener
  const links = await page.locator('ebet-incident-checklist a[href^="http"]').evaluateAll((as) => as.map((a) => `${a.target} ${a.rel}`));
  assert.ok(links.length >= 6);
  assert.deepEqual([...new Set(links)], ['_blank noopener noreferrer']);

  await page.reload({ waitUntil: 'load' });
  await step(page, 'status-page').waitFor();
  assert.equal(await step(page, 'status-page').getAttribute('data-status'), 'done');
  assert.equal(await step(page, 'support-request').getAttribute('data-status'), 'done');
  assert.equal(await step(page, 'status-page').getByLabel('Note: what you checked and saw').inputValue(), 'No notice there');
  assert.equal(await page.getByLabel('Short title').inputValue(), 'Card payments fail');
  assert.equal(await page.locator('ebet-incident-checklist li[aria-current=step]').getAttribute('data-step'), 'ticket-fallback');

  assert.deepEqual(watch.violations, []);
  assert.deepEqual(watch.errors, []);
  await context.close();
});

test('a malformed configuration is refused with its path, and the checklist in use stays', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.server.url}tools/incident/`);
  await page.getByRole('button', { name: 'Start a new incident' }).click();
  await step(page, 'status-page').getByRole('button', { name: 'Done' }).click();
  await page.locator('ebet-incident-checklist #config-file').setInputFiles({
    name: 'provider.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"provider":"X","contacts":{"supportMail":"a@b.se","fallbackMail":"c@d.se","webForm":"https://x.se","phone":46}}'),
  });
  await page.locator('ebet-incident-checklist #config-result li[data-path="contacts.phone"]').waitFor();
  assert.equal(await page.locator('ebet-incident-checklist #config-result li[data-path="contacts.phone"]').textContent(), 'contacts.phone: expected a string; got number');
  assert.equal(await step(page, 'status-page').getAttribute('data-status'), 'done');
  assert.match(await page.locator('ebet-incident-checklist #report-mail').getAttribute('href'), /^mailto:support@certitrade\.net\?/);
  await context.close();
});
