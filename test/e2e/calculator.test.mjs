// The built calculator page, as a visitor gets it from a static host: strict CSP, axe clean, a paste →
// MAC → doctor flow, and the key nowhere but in its input (not in storage, the URL or any request).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { axeViolations, holdSessionWorker, hugeForm, pasteText, useBuiltSite, watchPage } from './support.mjs';

const KEY = '0011 2233 4455 6677 8899 AABB CCDD EEFF';
const KEY_HEX = KEY.replace(/\s+/g, '');
const KEY_BYTES = Buffer.from(KEY_HEX, 'hex');
const mac = (s) => createHmac('sha256', KEY_BYTES).update(s, 'utf8').digest('hex').toUpperCase().slice(0, 32);
const kvv = mac('00000000');
const LINES = ['NB_VERSION=0002', 'NB_RCV_ID=999999', 'NB_STAMP=00002', 'NB_DB_AMOUNT=899,00', 'NB_DB_CUR=SEK', 'NB_DB_REF=123450'].join('\n');

const site = useBuiltSite();

test('paste → MAC → doctor, under the strict CSP, axe clean, and the key stays in its input', async () => {
  const page = await site.browser.newPage();
  const watch = await watchPage(page);
  const requests = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  await page.goto(`${site.server.url}tools/calculator/`);
  await page.locator('ebet-calculator h1').waitFor();
  assert.deepEqual(await axeViolations(page), []);

  const wrong = mac('999999&00002&899.00&SEK&123450');
  await page.getByLabel('Paste fields').fill(`${LINES}\nNB_HMAC=${wrong}\nNB_KVV=${kvv}`);
  await page.getByLabel('Key (32 hexadecimal characters, spaces allowed)').fill(KEY);
  const shown = page.locator('ebet-calculator [part=mac]');
  await shown.waitFor();
  assert.equal(await shown.textContent(), mac('999999&00002&899,00&SEK&123450'));
  assert.equal(await page.locator('ebet-calculator [part=string]').getAttribute('data-string'), '999999&00002&899,00&SEK&123450');
  assert.equal(await page.locator('ebet-calculator [data-kvv=match]').count(), 1);

  const finding = page.locator('ebet-mac-doctor [part=finding]').first();
  await finding.waitFor();
  assert.equal(await finding.getAttribute('data-causes'), 'amount-format');
  assert.match(await finding.textContent(), /NB_DB_AMOUNT was signed as "899\.00"/);
  const stats = await page.locator('ebet-mac-doctor [part=stats]').textContent();
  assert.match(stats, /candidates\/s/);

  // A bad key: a message at the key, the rest keeps what was typed.
  await page.getByLabel('Key (32 hexadecimal characters, spaces allowed)').fill(`${KEY}Z`);
  await page.getByText('is not hexadecimal; use only 0–9 and A–F').waitFor();
  assert.equal(await page.getByLabel('Paste fields').inputValue(), `${LINES}\nNB_HMAC=${wrong}\nNB_KVV=${kvv}`);
  await page.getByLabel('Key (32 hexadecimal characters, spaces allowed)').fill(KEY);
  await shown.waitFor();

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(watch.violations, []);
  assert.deepEqual(watch.errors, []);

  // The key is nowhere but in its input: not in storage, the URL, the share link or any request.
  const link = await page.evaluate(
    () => document.querySelector('ebet-calculator').shadowRoot.querySelector('ebet-copy-button[data-copy=link]').value,
  );
  const where = await page.evaluate(() => ({
    url: location.href,
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
  }));
  const compact = (s) => s.replace(/[^0-9a-f]/gi, '').toUpperCase();
  for (const [what, value] of Object.entries({ ...where, link, requests: requests.join('\n') })) {
    assert.ok(!compact(value).includes(KEY_HEX), `the key appears in ${what}`);
  }
  assert.ok(link.includes('#case='));
  assert.ok(requests.every((r) => r.startsWith(`GET ${site.server.url}`)), requests.join('\n'));
  await page.close();
});

test('a #case= link opens the fields and the MAC, and the doctor names the cause', async () => {
  const fields = { NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_AMOUNT: '899,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' };
  const given = mac('999999|00002|899,00|SEK|123450');
  const json = JSON.stringify({ kind: 'payDirect', fields: { ...fields, NB_HMAC: given }, mac: given, encoding: 'utf-8' });
  const page = await site.browser.newPage();
  const watch = await watchPage(page);
  await page.goto(`${site.server.url}tools/calculator/#case=${Buffer.from(json).toString('base64url')}`);
  await page.locator('ebet-calculator [part=string]').waitFor();
  assert.equal(await page.getByLabel('MAC that was sent (NB_HMAC)').inputValue(), given);
  await page.getByLabel('Key (32 hexadecimal characters, spaces allowed)').fill(KEY);
  const finding = page.locator('ebet-mac-doctor [part=finding]').first();
  await finding.waitFor();
  assert.equal(await finding.getAttribute('data-causes'), 'separator');
  assert.deepEqual(watch.violations, []);
  assert.deepEqual(watch.errors, []);
  await page.close();
});

test('a pasted form of 100,000 inputs (6.8 MB) is held out of the paste box and read in a worker while the page answers a click, then signed', { timeout: 600_000 }, async (t) => {
  const page = await site.browser.newPage();
  page.setDefaultTimeout(300_000);
  const watch = await watchPage(page);
  await page.goto(`${site.server.url}tools/calculator/`);
  await page.locator('ebet-calculator h1').waitFor();
  const worker = await holdSessionWorker(page);
  const form = hugeForm('HUGE1', 100_000);
  const started = Date.now();
  await pasteText(page.getByLabel('Paste fields'), form);
  const held = page.locator('ebet-calculator ebet-fields-input [data-held]');
  await held.waitFor();
  assert.equal(await held.getAttribute('data-held'), String(form.length));
  assert.match(await held.innerText(), /^6\.5 MB pasted: too much to show here, but all of it is read/);
  assert.equal(await page.getByLabel('Paste fields').inputValue(), '');
  // The page answers while the paste is read: the language switch changes the heading before the paste's result.
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.getByRole('heading', { name: 'MAC/KVV-kalkylator och felsökare' }).waitFor();
  assert.equal(await page.locator('ebet-calculator [data-code=large-paste]').count(), 0, 'the paste is not read yet');
  await worker.requested;
  t.diagnostic(`the page answered a click ${Date.now() - started} ms after the paste, while the paste was being read`);
  await worker.release();
  await page.locator('ebet-calculator [data-code=large-paste]').waitFor();
  assert.equal(await page.locator('ebet-calculator [data-code=large-paste]').count(), 1);
  await page.locator('ebet-calculator [part=string]').waitFor();
  assert.match(await page.locator('ebet-calculator [part=string]').getAttribute('data-string'), /&HUGE1&/);
  // No case link for it (a URL of megabytes opens nowhere); a small paste gets one.
  assert.equal(await page.locator('ebet-calculator [data-copy=link]').count(), 0);
  // Clear empties the box, and a small paste is read as before.
  await page.locator('ebet-calculator ebet-fields-input [data-action=clear-paste]').click();
  await held.waitFor({ state: 'detached' });
  await page.getByLabel('Klistra in fält').fill(LINES);
  await page.locator('ebet-calculator [data-code=large-paste]').waitFor({ state: 'detached' });
  assert.equal(await page.getByLabel('Klistra in fält').inputValue(), LINES);
  await page.locator('ebet-calculator [data-copy=link]').waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  assert.deepEqual(watch.errors, []);
  assert.deepEqual(watch.violations, []);
  await page.close();
});
