// The simulator as a fixture in a shop's CI: the shop's form is posted to the simulator's address,
// the test reads the state and the fields through the documented hooks only (data-state,
// data-action, [data-fields] inputs), and each outcome is chosen up front (?outcome=…) so that no
// click is needed. A small "shop" server on another origin receives the answers.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { launchBrowser, scrollToLoad, serveDist, serveShop, watchPage } from './support.mjs';

const KEY = Buffer.from('1234567890ABCDEF1234567890ABCDEF', 'hex');
const KVV = 'FF365893D899291C3BF505FB3175E880';
const mac = (string) => createHmac('sha256', KEY).update(Buffer.from(string, 'utf8')).digest('hex').slice(0, 32).toUpperCase();

let site;
let shop;
let browser;
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

function order(stamp) {
  const fields = {
    NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: stamp, NB_DB_AMOUNT: '550,00', NB_DB_CUR: 'SEK', NB_DB_REF: '1234561',
    NB_RETURN: `${shop.url}return.html`, NB_CANCEL: `${shop.url}cancel.html?order=${stamp}`, NB_REJECT: `${shop.url}reject.html?order=${stamp}`,
  };
  return { ...fields, NB_HMAC: mac(`999999&${stamp}&550,00&SEK&1234561`), NB_KVV: KVV };
}

/** What the shop's checkout does: a real form POST to the simulator's pay address. */
async function checkout(page, fields) {
  await page.evaluate(
    ({ action, fields }) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = action;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    { action: `${site.url}tools/test-page/bank/pay`, fields },
  );
}

/** The CI's set-up: the simulator's page once, with the outcome chosen up front. */
async function simulatorWithOutcome(context, outcome) {
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.goto(`${site.url}tools/test-page/?outcome=${outcome}`);
  await page.locator('ebet-test-page[data-worker=ready]').waitFor();
  assert.equal(await page.locator('ebet-test-page').getAttribute('data-outcome'), outcome === 'off' ? 'off' : outcome);
  return { page, watch };
}

test('a shop’s CI reads the state and fields through the hooks, then pays with a click', async () => {
  const context = await browser.newContext();
  const { page, watch } = await simulatorWithOutcome(context, 'off');
  const stamp = `CI${Date.now()}`;
  await checkout(page, order(stamp));
  const simulator = page.locator('ebet-bank-simulator[data-state=preview]');
  await simulator.waitFor();
  const posted = await page.locator('[data-fields=request] input').evaluateAll((inputs) => inputs.map((i) => [i.getAttribute('name'), i.getAttribute('value')]));
  assert.deepEqual(Object.fromEntries(posted), order(stamp));
  assert.equal(await page.locator('ebet-field-table tr[data-field=NB_STAMP]').first().getAttribute('data-level'), 'ok');
  // Nothing in the hooks carries the key.
  const hooks = await page.locator('ebet-bank-simulator').evaluate((el) => el.outerHTML + el.shadowRoot.innerHTML);
  assert.doesNotMatch(hooks, /1234567890ABCDEF1234567890ABCDEF|1234 5678 90AB CDEF/i);

  await page.locator('[data-action=receipt]').click();
  await page.locator('ebet-bank-simulator[data-state=paid]').waitFor();
  const answer = Object.fromEntries(await page.locator('[data-fields=answer] input').evaluateAll((inputs) => inputs.map((i) => [i.getAttribute('name'), i.getAttribute('value')])));
  assert.equal(answer.NB_RETURN_STAMP, stamp);
  assert.equal(answer.NB_HMAC, mac(`${stamp}&550,00&SEK&1234561&${answer.NB_PAID}`));
  // The attempt log has it, with the answer's signed string.
  await scrollToLoad(page, 'ebet-attempt-log');
  const attempt = page.locator(`ebet-attempt-log details[data-attempt][data-outcome=receipt]`).first();
  await attempt.waitFor({ state: 'attached' });
  assert.equal(await attempt.locator('tr[data-field=NB_STAMP]').first().getAttribute('data-value'), stamp);

  // The same stamp again: the NB_STAMP row warns (the double-billing guard).
  await checkout(page, order(stamp));
  await page.locator('ebet-bank-simulator[data-state=preview]').waitFor();
  await page.waitForURL(/\?request=/);
  assert.equal(await page.locator('ebet-field-table tr[data-field=NB_STAMP]').first().getAttribute('data-code'), 'stamp-used');
  assert.deepEqual(watch.violations, []);
  assert.deepEqual(watch.errors, []);
  await context.close();
});

test('with ?outcome=pay a posted form is paid without a click: the shop receives a receipt whose MAC verifies', async () => {
  const context = await browser.newContext();
  const { page } = await simulatorWithOutcome(context, 'pay');
  assert.match(await page.locator('[part=auto-on]').textContent(), /Automatic answers are ON/);
  // The setting is kept: a later visit without the parameter still has it.
  await page.goto(`${site.url}tools/test-page/`);
  assert.equal(await page.locator('ebet-test-page').getAttribute('data-outcome'), 'pay');
  const stamp = `AP${Date.now()}`;
  const before = received.length;
  await checkout(page, order(stamp));
  await page.waitForURL(`${shop.url}return.html`);
  const receipt = received.slice(before).find((r) => r.method === 'POST' && r.path === '/return.html');
  assert.ok(receipt, 'the shop received the receipt by POST');
  const fields = Object.fromEntries(new URLSearchParams(receipt.body));
  assert.equal(fields.NB_RETURN_STAMP, stamp);
  assert.equal(fields.NB_HMAC, mac(`${stamp}&550,00&SEK&1234561&${fields.NB_PAID}`));
  await context.close();
});

for (const [outcome, path] of [['cancel', 'cancel.html'], ['reject', 'reject.html']]) {
  test(`with ?outcome=${outcome} a posted form goes to NB_${outcome.toUpperCase()} without a click; ?outcome=off switches it off`, async () => {
    const context = await browser.newContext();
    const { page } = await simulatorWithOutcome(context, outcome);
    const stamp = `A${outcome[0]}${Date.now()}`;
    await checkout(page, order(stamp));
    await page.waitForURL(`${shop.url}${path}?order=${stamp}`);
    assert.equal(received.at(-1).method, 'GET');

    await page.goto(`${site.url}tools/test-page/?outcome=off`);
    assert.equal(await page.locator('ebet-test-page').getAttribute('data-outcome'), 'off');
    assert.equal(await page.locator('[part=auto-on]').count(), 0);
    await checkout(page, order(`${stamp}b`));
    await page.locator('ebet-bank-simulator[data-state=preview]').waitFor();
    // The attempt log says what became of the first one.
    await scrollToLoad(page, 'ebet-attempt-log');
    const first = page.locator(`ebet-attempt-log details[data-outcome=${outcome === 'cancel' ? 'cancelled' : 'rejected'}]`);
    await first.first().waitFor({ state: 'attached' });
    await context.close();
  });
}
