// The README's "Embed the checkout", followed literally: an empty folder gets the built toolkit as
// toolkit/ and its receipt worker beside the pages, the README's snippets become index.html and
// return.html, and a buyer pays in test mode and sees the verified receipt. Then the same shop with
// only toolkit/lib/, paying at a toolkit served from another origin (the README's `action`).
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveDist, watchPage } from './support.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = process.env.EBET_DIST ?? join(ROOT, 'dist');
const section = readFileSync(join(ROOT, 'README.md'), 'utf8').split('## Embed the checkout')[1].split('\n## ')[0];
const [shopSnippet, returnSnippet] = [...section.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);

let dir;
let browser;
const servers = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ebet-readme-'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A page of the shop: the README's snippet in a plain HTML page. */
const page = (title, body) => `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n${body}</body></html>\n`;

/** A new shop folder with the README's two pages (`action` added to the checkout when given). */
function shop(name, action) {
  const folder = join(dir, name);
  mkdirSync(folder);
  const checkout = action ? shopSnippet.replace('<ebet-checkout ', `<ebet-checkout action="${action}" `) : shopSnippet;
  writeFileSync(join(folder, 'index.html'), page('Shop', checkout));
  for (const file of ['return.html', 'cancel.html', 'reject.html']) writeFileSync(join(folder, file), page('Order', returnSnippet));
  return folder;
}

/** Pays in a fresh browser (no worker installed anywhere yet) and waits for the verified receipt. */
async function pay(shopUrl) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const watch = await watchPage(tab);
  await tab.goto(shopUrl);
  await tab.locator('ebet-checkout[data-state=idle]').waitFor();
  const stamp = await tab.evaluate(() => document.querySelector('ebet-checkout').paymentStamp);
  await tab.locator('ebet-checkout button').click();
  await tab.waitForURL(/\/tools\/test-page\/\?request=/);
  await tab.locator('[data-action="pay"]').click();
  await tab.waitForURL(/\/return\.html\?ebet-receipt=/);
  await tab.locator('ebet-receipt[data-state="verified"]').waitFor();
  const receipt = await tab.locator('ebet-receipt').evaluate((el) => el.shadowRoot.textContent);
  assert.match(receipt, new RegExp(`Payment received[\\s\\S]*${stamp}[\\s\\S]*550,00`));
  assert.deepEqual(watch.errors, []);
  await context.close();
}

test("the README's snippets, in an empty folder with the toolkit copied as it says, pay in test mode and show the receipt", async () => {
  assert.ok(shopSnippet.includes('<ebet-checkout') && returnSnippet.includes('<ebet-receipt'), 'the README has both snippets');
  const folder = shop('same-site');
  cpSync(DIST, join(folder, 'toolkit'), { recursive: true });
  cpSync(join(folder, 'toolkit/lib/ebet-receipt-sw.js'), join(folder, 'ebet-receipt-sw.js'));
  const server = await serveDist(folder);
  servers.push(server);
  await pay(`${server.url}index.html`);
});

test('with only toolkit/lib/ copied, the checkout pays at a toolkit on another origin', async () => {
  const toolkit = await serveDist(DIST);
  servers.push(toolkit);
  const folder = shop('other-site', `${toolkit.url}tools/test-page/bank/pay`);
  cpSync(join(DIST, 'lib'), join(folder, 'toolkit/lib'), { recursive: true });
  cpSync(join(DIST, 'lib/ebet-receipt-sw.js'), join(folder, 'ebet-receipt-sw.js'));
  // Another origin: the same host by another name.
  const server = await serveDist(folder);
  servers.push(server);
  await pay(`${server.url.replace('127.0.0.1', 'localhost')}index.html`);
});
