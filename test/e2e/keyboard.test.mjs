// Keyboard-only use of every tool on the built site: the main controls reached with Tab and
// Shift+Tab and operated with Enter, Space and typing; focus always visible (an outline or a focus
// shadow on the focused element); no keyboard trap (Tab goes round the whole page and leaves it).
// Where a key field exists a distinctive key is typed, and it is then found nowhere: not in storage,
// the URL, the history state, the console or any request.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBuiltSite, watchPage } from './support.mjs';

const DIST = process.env.EBET_DIST ?? 'dist';
const KEY = 'FACE B00C 1337 4242 0FF1 CE00 BEEF CAFE';
const KEY_HEX = KEY.replace(/\s+/g, '');

const site = useBuiltSite(DIST);

/** The focused element through shadow roots: a description, and whether its focus is visible. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    // Chromium sometimes reports a date input as active without matching :focus (focus in its own sub-fields): nothing to judge then.
    const visible = !el.matches(':focus') || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    const label = (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
    return { tag: el.localName, type: el.getAttribute('type') ?? '', id: el.id, label, visible, style: `${style.outlineStyle} ${style.outlineWidth} ${el.matches(':focus')} ${el.matches(':focus-visible')}` };
  });
}

/** Presses `key` until the focused element matches; every element passed on the way shows its focus. */
async function tabTo(page, match, { key = 'Tab', max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (!f) continue;
    assert.ok(f.visible, `focus is not visible on <${f.tag} id=${f.id}> "${f.label.slice(0, 40)}" (${f.style})`);
    if (match(f)) return f;
  }
  throw new Error(`${key} never reached the control`);
}
const labelled = (re) => (f) => re.test(f.label);

/** Tab from the focused control goes round the page: it leaves the page or comes back, never stuck. */
async function noTrap(page) {
  const seen = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    const id = f ? `${f.tag}#${f.id}:${f.label.slice(0, 30)}` : 'outside';
    if (id === 'outside' || seen.includes(id)) return;
    seen.push(id);
  }
  assert.fail(`Tab kept focus among ${seen.length} controls without leaving the page`);
}

/** The key typed is in the focused key field: the probe below looks for what really went in. */
async function assertKeyTyped(page, where) {
  const value = await page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.value ?? '';
  });
  assert.equal(value.toUpperCase().replace(/[^0-9A-F]/g, ''), KEY_HEX, `${where}: the key was not typed into the key field`);
}

async function open(path) {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const watch = await watchPage(page);
  const logs = [];
  const requests = [];
  page.on('console', (m) => logs.push(m.text()));
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  await page.goto(site.server.url + path);
  await page.waitForLoadState('networkidle');
  await page.bringToFront();
  return { context, page, watch, logs, requests };
}

/** The key's hex digits in no storage, URL, history state, console message or request. */
async function assertKeyKept({ context, page, logs, requests }, where) {
  const state = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie, url: location.href, history: history.state }));
  const cookies = JSON.stringify(await context.cookies());
  const hex = (s) => s.toUpperCase().replace(/[^0-9A-F]/g, '');
  for (const [what, value] of Object.entries({ state, cookies, console: logs.join('\n'), requests: requests.join('\n') })) {
    assert.ok(!hex(value).includes(KEY_HEX), `${where}: the key reached ${what}`);
  }
}

describe('keyboard only', { concurrency: false }, () => {
  test('calculator: paste fields, type a key, switch on the test key, reach the MAC copy button', async () => {
    const tab = await open('tools/calculator/');
    const { page } = tab;
    await page.locator('ebet-calculator h1').waitFor();
    await tabTo(page, labelled(/^Paste fields/));
    await page.keyboard.insertText('NB_RCV_ID=999999\nNB_STAMP=00002\nNB_DB_AMOUNT=899,00\nNB_DB_CUR=SEK\nNB_DB_REF=123450');
    await tabTo(page, labelled(/^Key \(32 hexadecimal/));
    await page.keyboard.type(KEY);
    await assertKeyTyped(page, 'calculator');
    await page.locator('ebet-calculator [part=mac]').waitFor();
    await tabTo(page, (f) => f.type === 'checkbox' && /published test key/.test(f.label), { key: 'Shift+Tab' });
    await page.keyboard.press('Space');
    assert.equal(await page.getByLabel(/published test key/).isChecked(), true);
    await tabTo(page, (f) => f.tag === 'button' && /^Copy: (the )?MAC/i.test(f.label));
    await noTrap(page);
    assert.deepEqual(tab.watch.errors, []);
    await assertKeyKept(tab, 'calculator');
    await tab.context.close();
  });

  test('decoder: paste a receipt, type a key, reach the doctor button and press it', async () => {
    const tab = await open('tools/decoder/');
    const { page } = tab;
    await tabTo(page, labelled(/^What the bank sent back/));
    await page.keyboard.insertText('NB_RETURN_STAMP=00002&NB_RETURN_DB_AMOUNT=550,00&NB_RETURN_DB_CUR=SEK&NB_RETURN_DB_REF=123450&NB_PAID=20261123101500123456&NB_HMAC=00112233445566778899AABBCCDDEEFF');
    await tabTo(page, labelled(/^Key 1/));
    await page.keyboard.type(KEY);
    await assertKeyTyped(page, 'decoder');
    await page.locator('ebet-decoder article[data-outcome=mismatch]').waitFor();
    await tabTo(page, (f) => f.tag === 'button' && /Diagnose the mismatch/.test(f.label));
    await page.keyboard.press('Enter');
    await page.locator('ebet-mac-doctor [part=status]').waitFor();
    await noTrap(page);
    assert.deepEqual(tab.watch.errors, []);
    await assertKeyKept(tab, 'decoder');
    await tab.context.close();
  });

  test('test page: fill the form builder and check it on the page', async () => {
    const tab = await open('tools/test-page/');
    const { page } = tab;
    await page.locator('ebet-test-page[data-worker=ready]').waitFor();
    const stamp = await tabTo(page, (f) => f.id === 'f-NB_STAMP');
    assert.equal(stamp.tag, 'input');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('KB0001');
    await tabTo(page, (f) => f.tag === 'button' && /Check it on this page/.test(f.label));
    await page.keyboard.press('Enter');
    await page.locator('ebet-field-table [data-field="NB_STAMP"][data-level]').first().waitFor();
    await noTrap(page);
    assert.deepEqual(tab.watch.errors, []);
    await tab.context.close();
  });

  test('incident checklist: start an incident and tick a step', async () => {
    const tab = await open('tools/incident/');
    const { page } = tab;
    await tabTo(page, (f) => f.id === 'new-incident');
    await page.keyboard.press('Enter');
    await tabTo(page, labelled(/^Short title/));
    await page.keyboard.type('Keyboard only');
    await tabTo(page, (f) => f.tag === 'button' && /^Done/.test(f.label));
    await page.keyboard.press('Space');
    await page.locator('ebet-incident-checklist li[data-status=done]').first().waitFor();
    await noTrap(page);
    assert.deepEqual(tab.watch.errors, []);
    await tab.context.close();
  });

  test('shop: the checkout button is reached and pressed with the keyboard', async () => {
    const tab = await open('shop/');
    const { page } = tab;
    await page.locator('ebet-checkout[data-state=idle]').waitFor();
    await tabTo(page, (f) => f.tag === 'button' && /^Pay/.test(f.label));
    await page.keyboard.press('Enter');
    // The checkout posts the signed form to the simulated bank: the page leaves the shop.
    await page.waitForURL((url) => !url.pathname.endsWith('/shop/'));
    assert.match(page.url(), /\/tools\/test-page\//);
    await tab.context.close();
  });
});
