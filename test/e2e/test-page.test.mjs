// The test page mirror on the built site, served like a static host (a POST gets 405): its service
// worker is what receives a shop's real form posts. A small "shop" server on another origin
// receives the simulated bank's answers; their MACs are checked here with node:crypto.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { axeViolations, launchBrowser, scrollToLoad, serveDist, serveShop, submitForm, watchPage } from './support.mjs';

const KEY = Buffer.from('1234567890ABCDEF1234567890ABCDEF', 'hex');
const KVV = 'FF365893D899291C3BF505FB3175E880';
const mac = (string, encoding = 'utf8') => createHmac('sha256', KEY).update(Buffer.from(string, encoding)).digest('hex').slice(0, 32).toUpperCase();

let site;
let shop;
let browser;
/** What the shop received: method, path and the URL-encoded body. */
let received;

before(async () => {
  site = await serveDist();
  shop = await serveShop();
  received = shop.received;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await shop?.close();
});

function payForm(stamp, amount = '550,00') {
  const fields = {
    NB_VERSION: '0002',
    NB_RCV_ID: '999999',
    NB_STAMP: stamp,
    NB_DB_AMOUNT: amount,
    NB_DB_CUR: 'SEK',
    NB_DB_REF: '1234561',
    NB_RETURN: `${shop.url}return.html`,
    NB_CANCEL: `${shop.url}cancel.html?order=${stamp}`,
    NB_REJECT: `${shop.url}reject.html?order=${stamp}`,
  };
  return { ...fields, NB_HMAC: mac(`999999&${stamp}&${amount}&SEK&1234561`), NB_KVV: KVV };
}

/** Posts a real form (top-level navigation) from the page to a simulator address, as a shop would. */
async function postForm(page, endpoint, fields, charset = 'UTF-8') {
  const before = page.url();
  await submitForm(page, `bank/${endpoint}`, fields, charset);
  await page.waitForURL((url) => /tools\/test-page\/\?request=/.test(url.href) && url.href !== before);
}

async function openTestPage(context) {
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(`${site.url}tools/test-page/`);
  await page.locator('ebet-test-page[data-worker=ready]').waitFor();
  return { page, watch };
}

const simulator = (page) => page.locator('ebet-bank-simulator');

test('a real shop form posted to bank/pay arrives through the worker; "successful payment" posts a receipt whose MAC verifies', async () => {
  const context = await browser.newContext();
  const { page, watch } = await openTestPage(context);
  assert.deepEqual(await axeViolations(page), []);
  const stamp = `E2E${Date.now()}`;
  await postForm(page, 'pay', payForm(stamp));

  await simulator(page).and(page.locator('[data-state=preview]')).waitFor();
  assert.equal(await page.locator('[data-fields=request] input[name=NB_STAMP]').getAttribute('value'), stamp);
  assert.equal(await page.locator('ebet-field-table [data-verdict]').first().getAttribute('data-verdict'), 'ok');
  assert.deepEqual(await axeViolations(page), []);

  const before = received.length;
  await page.locator('[data-action=pay]').click();
  await page.waitForURL(`${shop.url}return.html`);
  const receipt = received.slice(before).find((r) => r.method === 'POST' && r.path === '/return.html');
  assert.ok(receipt, 'the shop received the receipt by POST');
  const fields = Object.fromEntries(new URLSearchParams(receipt.body));
  assert.deepEqual(Object.keys(fields), ['NB_RETURN_STAMP', 'NB_RETURN_DB_AMOUNT', 'NB_RETURN_DB_CUR', 'NB_RETURN_DB_REF', 'NB_PAID', 'NB_HMAC', 'NB_KVV']);
  assert.equal(fields.NB_RETURN_STAMP, stamp);
  assert.equal(fields.NB_RETURN_DB_AMOUNT, '550,00');
  assert.match(fields.NB_PAID, /^\d{4}-\d{2}-\d{2}-\d{2}\.\d{2}\.\d{2}\.\d{6}$/);
  assert.equal(fields.NB_HMAC, mac(`${stamp}&550,00&SEK&1234561&${fields.NB_PAID}`));
  assert.equal(fields.NB_KVV, KVV);
  assert.deepEqual(watch.violations, []);
  assert.deepEqual(watch.errors, []);

  // The ledger survived the navigation: a payment check (GET with a query string, as in the handbook) answers YES.
  const check = await openTestPage(context);
  const query = new URLSearchParams({ NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: stamp, NB_HMAC: mac(`999999&${stamp}`), NB_KVV: KVV });
  await check.page.goto(`${site.url}tools/test-page/bank/check?${query}`);
  await check.page.waitForURL(/\?request=/);
  await check.page.locator('[data-action=answer]').click();
  await simulator(check.page).and(check.page.locator('[data-verified=YES]')).waitFor();
  const answer = (name) => check.page.locator(`[data-fields=answer] input[name=${name}]`).getAttribute('value');
  assert.equal(await answer('NB_PAID'), fields.NB_PAID);
  assert.equal(await answer('NB_HMAC'), mac(`YES&${stamp}&550,00&SEK&1234561&${fields.NB_PAID}`));
  await context.close();
});

test('the builder posts its signed form to the simulator, which finds every field OK', async () => {
  const context = await browser.newContext();
  const { page, watch } = await openTestPage(context);
  const before = page.url();
  await scrollToLoad(page, 'ebet-form-builder');
  await page.locator('ebet-form-builder input[name=NB_STAMP]').fill('BUILT-1');
  await page.locator('[data-action=send]').click();
  await page.waitForURL((url) => /\?request=/.test(url.href) && url.href !== before);
  await simulator(page).and(page.locator('[data-state=preview]')).waitFor();
  assert.equal(await page.locator('[data-fields=request] input[name=NB_STAMP]').getAttribute('value'), 'BUILT-1');
  assert.deepEqual(watch.violations, []);
  await context.close();
});

test('a form posted in ISO-8859-1 is read and answered in ISO-8859-1, its values kept exactly', async () => {
  const context = await browser.newContext();
  const { page } = await openTestPage(context);
  const stamp = `Å${Date.now() % 1e9}`;
  const fields = { ...payForm(stamp), NB_HMAC: mac(`999999&${stamp}&550,00&SEK&1234561`, 'latin1') };
  await postForm(page, 'pay', fields, 'ISO-8859-1');
  await simulator(page).and(page.locator('[data-state=preview]')).waitFor();
  assert.equal(await page.locator('[data-fields=request] input[name=NB_STAMP]').getAttribute('value'), stamp);
  assert.equal(await page.locator('ebet-bank-simulator').getAttribute('data-encoding'), 'iso-8859-1');
  const before = received.length;
  await page.locator('[data-action=pay]').click();
  await page.waitForURL(`${shop.url}return.html`);
  const receipt = received.slice(before).find((r) => r.method === 'POST');
  assert.match(receipt.body, /NB_RETURN_STAMP=%C5/);
  const answer = Object.fromEntries(receipt.body.split('&').map((pair) => pair.split('=').map((part) => unescape(part.replace(/\+/g, ' ')))));
  assert.equal(answer.NB_RETURN_STAMP, stamp);
  assert.equal(answer.NB_HMAC, mac(`${stamp}&550,00&SEK&1234561&${answer.NB_PAID}`, 'latin1'));
  await context.close();
});

test('cancel and reject go to NB_CANCEL / NB_REJECT with nothing added; an erroneous form offers no payment', async () => {
  const context = await browser.newContext();
  const { page } = await openTestPage(context);
  const stamp = `C${Date.now()}`;
  await postForm(page, 'pay', payForm(stamp));
  await page.locator('[data-action=cancel]').click();
  await page.waitForURL(`${shop.url}cancel.html?order=${stamp}`);
  assert.equal(received.at(-1).method, 'GET');

  await page.goto(`${site.url}tools/test-page/`);
  await page.locator('ebet-test-page[data-worker=ready]').waitFor();
  await postForm(page, 'pay', { ...payForm(`R${stamp}`), NB_DB_AMOUNT: '550.00', NB_CANCEL: 'javascript:alert(1)' });
  await simulator(page).and(page.locator('[data-state=error]')).waitFor();
  assert.equal(await page.locator('[data-action=pay]').isDisabled(), true);
  assert.equal(await page.locator('[data-action=cancel]').isDisabled(), true);
  assert.equal(await page.locator('ebet-field-table tr[data-field=NB_DB_AMOUNT]').first().getAttribute('data-code'), 'amount-decimal-point');
  await page.locator('[data-action=reject]').click();
  await page.waitForURL(`${shop.url}reject.html?order=R${stamp}`);
  await context.close();
});

test('going Back from the bank’s answer shows the pasted request again (history.state, never the key); the builder then repays that purchase, picked from the ledger', async () => {
  const context = await browser.newContext();
  const { page, watch } = await openTestPage(context);
  const stamp = `B${Date.now()}`;
  const lines = Object.entries(payForm(stamp)).map(([name, value]) => `${name}=${value}`).join('\n');
  await scrollToLoad(page, 'ebet-bank-simulator');
  await page.locator('ebet-bank-simulator ebet-fields-input textarea').fill(lines);
  await simulator(page).and(page.locator('[data-state=preview]')).waitFor();
  const attempt = await simulator(page).getAttribute('data-attempt');
  assert.equal(await page.locator('ebet-bank-simulator [part=summary]').getAttribute('data-summary'), 'ok');

  await page.locator('[data-action=pay]').click();
  await page.waitForURL(`${shop.url}return.html`);
  await page.goBack();
  await page.waitForURL(`${site.url}tools/test-page/`);
  const shown = async () => {
    await page.locator('[data-fields=request] input[name=NB_STAMP]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-fields=request] input[name=NB_STAMP]').getAttribute('value'), stamp);
    assert.equal(await page.locator('ebet-bank-simulator ebet-fields-input textarea').inputValue(), lines);
    assert.equal(await simulator(page).getAttribute('data-attempt'), attempt, 'the same attempt, not a new one in the log');
  };
  await shown();
  // Kept in the history entry (also across a reload), with the request only: never the key.
  await page.reload();
  await page.locator('ebet-test-page[data-worker=ready]').waitFor();
  await shown();
  const state = await page.evaluate(() => JSON.stringify(history.state));
  assert.ok(state.includes(stamp));
  assert.ok(!/1234567890ABCDEF1234567890ABCDEF/i.test(state), 'no key in history.state');

  // The builder names the purchase just paid: its stamp, reference, NB_PAID and what can be repaid.
  await scrollToLoad(page, 'ebet-form-builder');
  await page.locator('ebet-form-builder #kind').selectOption('repayment');
  const pick = page.locator('ebet-form-builder #payment');
  await pick.locator('option', { hasText: stamp }).waitFor({ state: 'attached' });
  await pick.selectOption({ label: await pick.locator('option', { hasText: stamp }).innerText() });
  assert.equal(await page.locator('ebet-form-builder input[name=NB_STAMP]').inputValue(), stamp);
  assert.equal(await page.locator('ebet-form-builder input[name=NB_DB_REF]').inputValue(), '1234561');
  assert.equal(await page.locator('ebet-form-builder input[name=NB_REPAY_AMOUNT]').inputValue(), '550,00');
  await page.locator('ebet-form-builder [data-action=check]').click();
  await simulator(page).and(page.locator('[data-state=preview]')).waitFor();
  await page.locator('[data-action=answer]').click();
  await simulator(page).and(page.locator('[data-verified=YES]')).waitFor();
  assert.deepEqual(watch.violations, []);
  await context.close();
});

test('a repayment is carried out once across two tabs, never above the payment; a wrong MAC gets "Not Found"', async () => {
  const context = await browser.newContext();
  const { page } = await openTestPage(context);
  const stamp = `P${Date.now()}`;
  await postForm(page, 'pay', payForm(stamp, '100,00'));
  await page.locator('[data-action=receipt]').click();
  await simulator(page).and(page.locator('[data-state=paid]')).waitFor();
  const paid = await page.locator('[data-fields=answer] input[name=NB_PAID]').getAttribute('value');

  const repay = (amount, paidId = paid) => ({
    NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: stamp, NB_DB_REF: '1234561', NB_PAID: paidId,
    NB_REPAY_AMOUNT: amount, NB_REPAY_CUR: 'SEK', NB_HMAC: mac(`999999&${stamp}&1234561&${paidId}&${amount}&SEK`), NB_KVV: KVV,
  });
  await postForm(page, 'repay', repay('60,00'));
  const url = page.url();
  const other = await openTestPage(context);
  await other.page.goto(url);
  await other.page.locator('[data-action=answer]').waitFor();

  await page.locator('[data-action=answer]').click();
  await simulator(page).and(page.locator('[data-verified=YES]')).waitFor();
  const paid2 = await page.locator('[data-fields=answer] input[name=NB_PAID]').getAttribute('value');
  assert.notEqual(paid2, paid);
  // The other tab's ledger follows without a reload, and the same request is not carried out twice there.
  await scrollToLoad(other.page, 'ebet-bank-ledger');
  await other.page.locator(`ebet-bank-ledger tr[data-stamp="${stamp}"] [data-remaining="40,00"]`).waitFor();
  await other.page.locator('[data-action=answer]').click();
  await simulator(other.page).and(other.page.locator('[data-verified=ERR]')).waitFor();
  assert.match(await other.page.locator('[data-fields=answer] input[name=NB_ERROR_DESCR]').getAttribute('value'), /redan genomförd/);

  await postForm(page, 'repay', repay('50,00', paid2));
  await page.locator('[data-action=answer]').click();
  await simulator(page).and(page.locator('[data-verified=ERR]')).waitFor();
  assert.match(await page.locator('[part=answer]').textContent(), /at most 40,00\u00a0SEK remains/);

  await postForm(page, 'repay', { ...repay('10,00', paid2), NB_HMAC: '0'.repeat(32) });
  await page.locator('[data-action=answer]').click();
  await simulator(page).and(page.locator('[data-verified=not-found]')).waitFor();
  await context.close();
});

test('without the worker, the simulator addresses explain themselves and a POST gets 405 from the static host', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(`${site.url}tools/test-page/bank/pay`);
  assert.match(await page.locator('h1').textContent(), /bank simulator’s address for pay direct/);
  assert.equal(await page.locator('a[href="../"]').first().getAttribute('href'), '../');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(watch.violations, []);
  const response = await context.request.post(`${site.url}tools/test-page/bank/pay`, { form: { NB_VERSION: '0002' } });
  assert.equal(response.status(), 405);
  await context.close();
});

/** Waits until the element with the focus (through the shadow roots) is the verdict line (`line`) or the answer (`answer`), and gives its hooks and place. */
async function focusOn(page, what) {
  const handle = await page.waitForFunction((want) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const found = want === 'line' ? active?.hasAttribute('data-verdict-line') : active?.getAttribute('part') === 'answer';
    if (!found) return null;
    return { verdict: active.getAttribute('data-verdict'), top: active.getBoundingClientRect().top, height: window.innerHeight };
  }, what);
  const f = await handle.jsonValue();
  assert.ok(f.top >= -1 && f.top < f.height, `the ${what} is in view: ${JSON.stringify(f)}`);
  return f;
}

for (const width of [1280, 360]) {
  test(`at ${width} px a form that arrives brings its verdict line into view, with the focus; the answer once answered; again on going Back`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 }, reducedMotion: 'reduce' });
    const { page } = await openTestPage(context);
    const inView = (what) => focusOn(page, what);
    // A shop's POST.
    await postForm(page, 'pay', payForm(`F${width}${Date.now()}`, '899.00'));
    const line = await inView('line');
    assert.equal(line.verdict, 'error');
    // The answer, once answered (a payment check the shop posts).
    const check = `C${width}${Date.now()}`;
    await postForm(page, 'check', { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: check, NB_HMAC: mac(`999999&${check}`), NB_KVV: KVV });
    assert.equal((await inView('line')).verdict, 'ok');
    await page.locator('[data-action=answer]').click();
    await inView('answer');
    // Going Back to a pasted request (on the page opened afresh).
    await page.goto(`${site.url}tools/test-page/`);
    await scrollToLoad(page, 'ebet-bank-simulator');
    const stamp = `G${width}${Date.now()}`;
    await page.locator('ebet-bank-simulator ebet-fields-input textarea').fill(Object.entries(payForm(stamp)).map(([n, v]) => `${n}=${v}`).join('\n'));
    await simulator(page).and(page.locator('[data-state=preview]')).waitFor();
    await page.locator('[data-action=pay]').click();
    await page.waitForURL(`${shop.url}return.html`);
    await page.goBack();
    await page.waitForURL(`${site.url}tools/test-page/`);
    // The stamp is paid now: the line warns that it was used (the ledger knows it).
    assert.equal((await inView('line')).verdict, 'warning');
    await context.close();
  });
}
