// The example static shop on the built site, with no server: <ebet-checkout> posts a test-mode
// payment to the toolkit's simulated bank (its service worker receives the form), the test page
// checks every field and answers, and the shop's receipt worker hands the receipt to <ebet-receipt>.
// The static server answers every POST with 405, as a real static host does.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { axeViolations, launchBrowser, serveDist, watchPage } from './support.mjs';

const DIST = process.env.EBET_DIST ?? 'dist';
const PAY_DIRECT = ['NB_VERSION', 'NB_RCV_ID', 'NB_STAMP', 'NB_DB_AMOUNT', 'NB_DB_CUR', 'NB_DB_REF', 'NB_RETURN', 'NB_CANCEL', 'NB_REJECT', 'NB_HMAC', 'NB_KVV'];

let server;
let browser;
let context;
before(async () => {
  server = await serveDist(DIST);
  browser = await launchBrowser();
  context = await browser.newContext();
  // Once, as a visitor would: the test page (the simulated bank's worker) and the shop (its receipt worker).
  const page = await context.newPage();
  await page.goto(`${server.url}tools/test-page/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.goto(`${server.url}shop/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.close();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the shop, pays, and waits for the simulated bank's test page to show the request. */
async function buy(page, beforeClick) {
  await page.goto(`${server.url}shop/`);
  await page.locator('ebet-checkout[data-state=idle]').waitFor();
  if (beforeClick) await page.evaluate(beforeClick);
  const stamp = await page.evaluate(() => document.querySelector('ebet-checkout').paymentStamp);
  await page.locator('ebet-checkout button').click();
  await page.waitForURL(/\/tools\/test-page\/\?request=/);
  await page.locator('[data-field="NB_KVV"][data-level]').waitFor();
  const levels = Object.fromEntries(
    await page.locator('[data-field][data-level]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-field'), r.getAttribute('data-level')])),
  );
  return { stamp, levels };
}

test('the checkout bundle is one ES module of at most 12 kB gzip, and loads only its own part of the core', () => {
  const code = readFileSync(join(DIST, 'lib/ebet-checkout.js'));
  const size = gzipSync(code, { level: 9 }).length;
  assert.ok(size <= 12 * 1024, `lib/ebet-checkout.js is ${size} bytes gzip`);
  assert.doesNotMatch(code.toString(), /^import\s|[;}]import\s*[{*"']|\bfrom\s*["']/m, 'no static imports: lit is inside');
  assert.match(code.toString(), /"ebet-checkout-core\.js"/);
  const core = readFileSync(join(DIST, 'lib/ebet-checkout-core.js')).toString();
  assert.match(core, /export\s*\{/);
  assert.ok(core.length < readFileSync(join(DIST, 'lib/ebet-core.js')).length / 2, 'not the whole core');
});

test('a test-mode payment: every field OK at the simulated bank, then a verified receipt on the static return page', async () => {
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(`${server.url}shop/`);
  assert.deepEqual(await axeViolations(page), []);
  const { stamp, levels } = await buy(page);
  for (const name of PAY_DIRECT) assert.equal(levels[name], 'ok', `${name} at the simulated bank`);
  await page.locator('[data-action="pay"]').click();
  await page.waitForURL(/\/shop\/return\.html\?ebet-receipt=/);
  await page.locator('ebet-receipt[data-state="verified"]').waitFor();
  assert.match(await page.locator('ebet-receipt').evaluate((el) => el.shadowRoot.textContent), new RegExp(`Payment received[\\s\\S]*${stamp}[\\s\\S]*550,00`));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(watch.violations, []);
  assert.deepEqual(watch.errors, []);
  await page.close();
});

for (const [action, state, words] of [
  ['cancel', 'cancelled', 'You cancelled the payment of order'],
  ['reject', 'rejected', 'The bank rejected the payment of order'],
]) {
  test(`the buyer ${action}s at the bank and the ${action} page says so, naming the order`, async () => {
    const page = await context.newPage();
    const watch = await watchPage(page);
    const { stamp } = await buy(page);
    await page.locator(`[data-action="${action}"]`).click();
    await page.waitForURL(new RegExp(`/shop/${action}\\.html\\?order=1042&ebet-outcome=${action}&ebet-stamp=${stamp}$`));
    await page.locator(`ebet-receipt[data-state="${state}"]`).waitFor();
    assert.match(await page.locator('ebet-receipt').evaluate((el) => el.shadowRoot.textContent), new RegExp(`${words} ${stamp}`));
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(watch.violations, []);
    await page.close();
  });
}

test('an amount changed in the page after signing is caught by the simulated bank, which will not take the payment', async () => {
  const page = await context.newPage();
  const { levels } = await buy(page, () =>
    document.querySelector('ebet-checkout').addEventListener('ebet-checkout-submit', (event) => {
      event.target.shadowRoot.querySelector('form input[name="NB_DB_AMOUNT"]').value = '1,00';
    }),
  );
  assert.equal(levels.NB_DB_AMOUNT, 'ok');
  assert.equal(levels.NB_HMAC, 'error');
  assert.equal(await page.locator('[data-action="pay"]').isDisabled(), true);
  await page.close();
});

test('a production-looking key in the markup is refused with an explicit message, and nothing is posted', async () => {
  const own = await browser.newContext({ serviceWorkers: 'block' });
  const page = await own.newPage();
  const markup = readFileSync(join(DIST, 'shop/index.html'), 'utf8').replace('<ebet-checkout', '<ebet-checkout key="0A1B 2C3D 4E5F 6071 8293 A4B5 C6D7 E8F9"');
  await page.route('**/shop/keyed.html', (route) => route.fulfill({ contentType: 'text/html', body: markup }));
  const posts = [];
  page.on('request', (request) => request.method() !== 'GET' && posts.push(request.url()));
  await page.goto(`${server.url}shop/keyed.html`);
  const refusal = page.locator('ebet-checkout li[data-field="key"]');
  await refusal.waitFor();
  await page.locator('ebet-checkout button').click();
  await page.locator('ebet-checkout[data-state="error"]').waitFor();
  assert.match(await refusal.textContent(), /not the published test key[\s\S]*Nothing was sent/);
  assert.doesNotMatch(await page.locator('ebet-checkout').evaluate((el) => el.shadowRoot.textContent), /0A1B|E8F9/);
  assert.deepEqual(posts, []);
  assert.match(page.url(), /\/shop\/keyed\.html$/);
  await own.close();
});

test('inside a frame the checkout refuses: the bank forbids frames', async () => {
  const own = await browser.newContext({ serviceWorkers: 'block' });
  const page = await own.newPage();
  const posts = [];
  page.on('request', (request) => request.method() !== 'GET' && posts.push(request.url()));
  await page.route('**/shop/framed.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>framed</title><iframe title="shop" src="index.html"></iframe>' }),
  );
  await page.goto(`${server.url}shop/framed.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('ebet-checkout li[data-field="frame"]').waitFor();
  await frame.locator('ebet-checkout button').click();
  await frame.locator('ebet-checkout[data-state="error"]').waitFor();
  assert.deepEqual(posts, []);
  await own.close();
});

test('a first-time buyer who never opened the test page is not shown an error page: the request reaches the simulated bank through the test page', async () => {
  const fresh = await browser.newContext();
  const page = await fresh.newPage();
  const answers = [];
  page.on('response', (r) => answers.push(r.status()));
  await page.goto(`${server.url}shop/`);
  await page.locator('ebet-checkout[data-state=idle]').waitFor();
  const stamp = await page.evaluate(() => document.querySelector('ebet-checkout').paymentStamp);
  await page.locator('ebet-checkout button').click();
  await page.waitForURL(/\/tools\/test-page\/\?request=/);
  await page.locator('[data-field="NB_KVV"][data-level]').waitFor();
  assert.equal(await page.locator('[data-field="NB_STAMP"] td').first().innerText(), stamp);
  assert.match(await page.locator('ebet-bank-simulator [data-request]').innerText(), /POST bank\/pay/);
  assert.equal(await page.locator('ebet-bank-simulator').getAttribute('data-state'), 'preview');
  assert.ok(answers.every((status) => status < 400), `an error answer: ${answers.join(', ')}`);
  await fresh.close();
});

test('the shop follows the toolkit’s language and its own switch, the checkout with it', async () => {
  const page = await context.newPage();
  await page.goto(`${server.url}shop/`);
  await page.evaluate(() => localStorage.setItem('ebet-lang', 'sv'));
  await page.reload();
  await page.locator('ebet-checkout[data-state=idle]').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
  assert.equal(await page.locator('h1').innerText(), 'Fikalåda');
  const swedish = await page.locator('ebet-checkout button').innerText();
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('h1').innerText(), 'Fika box');
  await page.waitForFunction((before) => document.querySelector('ebet-checkout').shadowRoot.querySelector('button').innerText !== before, swedish);
  assert.equal(await page.evaluate(() => localStorage.getItem('ebet-lang')), 'en');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('the receipt page switches language live with the shop’s switch: <ebet-receipt>’s texts change without a reload', async () => {
  const page = await context.newPage();
  const receipt = { NB_RETURN_STAMP: 'LANG-1', NB_RETURN_DB_AMOUNT: '550,00', NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '1042', NB_PAID: '2026-11-23-10.16.00.000000' };
  const key = Buffer.from('1234567890ABCDEF1234567890ABCDEF', 'hex');
  const hmac = createHmac('sha256', key).update(Object.values(receipt).join('&')).digest('hex').slice(0, 32).toUpperCase();
  await page.goto(`${server.url}shop/return.html?${new URLSearchParams({ ...receipt, NB_HMAC: hmac, NB_KVV: 'FF365893D899291C3BF505FB3175E880' })}`);
  const el = page.locator('ebet-receipt[data-state=verified]');
  await el.waitFor();
  const text = () => el.evaluate((r) => r.shadowRoot.textContent.replace(/\s+/g, ' '));
  const loaded = await page.evaluate(() => performance.timeOrigin);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.querySelector('ebet-receipt').shadowRoot.textContent.includes('Payment received'));
  assert.match(await text(), /Verified: the bank’s signature \(NB_HMAC\) matches[\s\S]*Details for the shop’s customer service/);
  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.waitForFunction(() => document.querySelector('ebet-receipt').shadowRoot.textContent.includes('Betalningen är mottagen'));
  const swedish = await text();
  assert.match(swedish, /Verifierat: bankens signatur \(NB_HMAC\) stämmer[\s\S]*Uppgifter för butikens kundtjänst/);
  assert.doesNotMatch(swedish, /Payment received|customer service/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.querySelector('ebet-receipt').shadowRoot.textContent.includes('Payment received'));
  assert.equal(await page.evaluate(() => performance.timeOrigin), loaded, 'no reload');
  assert.equal(await el.getAttribute('data-state'), 'verified');
  await page.close();
});
