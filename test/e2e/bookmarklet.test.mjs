// The support bookmarklet and the test page's fragment: run on a shop's checkout page (another
// origin), the bookmarklet opens the test page with the form's fields, checked at once; a request
// carried in the fragment as the development server sends it is kept as the worker would keep it.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { serveShop, useBuiltSite } from './support.mjs';

const KEY = Buffer.from('1234567890ABCDEF1234567890ABCDEF', 'hex');
const mac = (string) => createHmac('sha256', KEY).update(string, 'utf8').digest('hex').slice(0, 32).toUpperCase();

const site = useBuiltSite();
let shop;
before(async () => (shop = await serveShop()));
after(() => shop?.close());

/** The bookmarklet's code, as the browser runs it from the bookmark (the link's `javascript:` URL). */
async function bookmarkletCode(context) {
  const page = await context.newPage();
  await page.goto(`${site.server.url}tools/test-page/`);
  const href = await page.locator('ebet-test-page a[data-bookmarklet]').getAttribute('href');
  await page.close();
  assert.match(href, /^javascript:/);
  return decodeURIComponent(href.slice('javascript:'.length));
}

test('on a checkout page the bookmarklet opens the test page with the form as it would be sent, checked at once', async () => {
  const context = await site.browser.newContext();
  const code = await bookmarkletCode(context);
  const checkout = await context.newPage();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await checkout.goto(`${shop.url}checkout.html`);
  const amount = '899,00';
  await checkout.evaluate(({ hmac }) => {
    document.body.innerHTML = '<form method="post" action="https://bank.example/pay"><input name="q" value="search"></form>';
    const form = document.createElement('form');
    form.method = 'post';
    form.action = 'https://bank.example/pay';
    const fields = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'BM1', NB_DB_AMOUNT: '899,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450', NB_HMAC: hmac };
    for (const [name, value] of Object.entries(fields)) form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
    // Not sent by the browser: a disabled field and an unchecked box.
    form.append(Object.assign(document.createElement('input'), { name: 'NB_KVV', value: 'X', disabled: true }));
    form.append(Object.assign(document.createElement('input'), { type: 'checkbox', name: 'NB_EXTRA' }));
    form.append(Object.assign(document.createElement('button'), { textContent: 'Pay' }));
    document.body.append(form);
  }, { hmac: mac(`999999&BM1&899.00&SEK&123450`) });
  requests.length = 0;
  const [tab] = await Promise.all([context.waitForEvent('page'), checkout.evaluate(code)]);
  await tab.locator('ebet-bank-simulator ebet-field-table [data-field=NB_HMAC]').waitFor();
  assert.equal(new URL(tab.url()).hash, '', 'the fragment is dropped once read');
  const fields = await tab.locator('ebet-bank-simulator [data-fields=request] input').evaluateAll((inputs) => inputs.map((i) => `${i.name}=${i.value}`));
  assert.deepEqual(fields, ['NB_VERSION=0002', 'NB_RCV_ID=999999', 'NB_STAMP=BM1', `NB_DB_AMOUNT=${amount}`, 'NB_DB_CUR=SEK', 'NB_DB_REF=123450', `NB_HMAC=${mac('999999&BM1&899.00&SEK&123450')}`]);
  // Checked at once, with the test page's key: the doctor explains the MAC at its row.
  const finding = tab.locator('ebet-bank-simulator ebet-mac-doctor [part=finding]').first();
  await finding.waitFor();
  assert.equal(await finding.getAttribute('data-causes'), 'amount-format');
  // Nothing was sent to the shop or anywhere but the toolkit's own files.
  assert.ok(requests.every((url) => url.startsWith(site.server.url) && !url.includes('BM1')), requests.join('\n'));
  await context.close();
});

test('on a page without such a form the bookmarklet says so and opens nothing', async () => {
  const context = await site.browser.newContext();
  const code = await bookmarkletCode(context);
  const page = await context.newPage();
  await page.goto(`${shop.url}other.html`);
  let opened = false;
  context.on('page', () => (opened = true));
  const messages = [];
  page.on('dialog', (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  await page.evaluate(code);
  assert.equal(messages.length, 1);
  assert.match(messages[0], /no form with NB_ fields/);
  assert.equal(opened, false);
  await context.close();
});

test('a request carried in the fragment (as `npm start` sends it) is kept and shown as received; its address names it', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const body = new URLSearchParams({ NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: 'FR1' }).toString();
  const fragment = new URLSearchParams({ fields: body, endpoint: 'check', method: 'POST', type: 'application/x-www-form-urlencoded', charset: 'utf-8', at: new Date().toISOString() });
  await page.goto(`${site.server.url}tools/test-page/#${fragment}`);
  await page.waitForURL(/\?request=/);
  await page.locator('ebet-bank-simulator [data-request]').waitFor();
  assert.match(await page.locator('ebet-bank-simulator [data-request]').innerText(), /POST bank\/check/);
  assert.equal(await page.locator('ebet-bank-simulator [data-kind]').getAttribute('data-kind'), 'paymentCheck');
  await context.close();
});
