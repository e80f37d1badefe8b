// Screenshots of every tool in Swedish for docs/svenska.md, taken from the built site
// (`npm run build --silent`, then `node scripts/screenshots.mjs`): 800 px wide PNGs in
// docs/screenshots/. The pages and how to open them in Swedish are shared with
// test/e2e/swedish.test.mjs, which checks what they show.
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { launchBrowser, serveDist } from '../test/e2e/support.mjs';

const TEST_KEY = Buffer.from('1234567890ABCDEF1234567890ABCDEF', 'hex');
const EXAMPLE_KEY = '0011 2233 4455 6677 8899 AABB CCDD EEFF';
const mac = (key, s) => createHmac('sha256', key).update(s, 'utf8').digest('hex').toUpperCase().slice(0, 32);

/** A pay direct whose MAC was made over 899.00 instead of 899,00: the doctor explains it. */
async function calculatorCase(page) {
  const key = Buffer.from(EXAMPLE_KEY.replace(/\s+/g, ''), 'hex');
  const fields = ['NB_VERSION=0002', 'NB_RCV_ID=999999', 'NB_STAMP=00002', 'NB_DB_AMOUNT=899,00', 'NB_DB_CUR=SEK', 'NB_DB_REF=123450'];
  await page.getByLabel('Klistra in fält').fill([...fields, `NB_HMAC=${mac(key, '999999&00002&899.00&SEK&123450')}`, `NB_KVV=${mac(key, '00000000')}`].join('\n'));
  await page.getByLabel('Nyckel (32 hexadecimala tecken, mellanslag tillåtna)').fill(EXAMPLE_KEY);
}

/** A receipt signed with the published test key. */
async function decoderCase(page) {
  const values = ['00002', '550,00', 'SEK', '123450', '20261123101500123456'];
  const names = ['NB_RETURN_STAMP', 'NB_RETURN_DB_AMOUNT', 'NB_RETURN_DB_CUR', 'NB_RETURN_DB_REF', 'NB_PAID'];
  const lines = [...names.map((n, i) => `${n}=${values[i]}`), `NB_HMAC=${mac(TEST_KEY, values.join('&'))}`, `NB_KVV=${mac(TEST_KEY, '00000000')}`];
  await page.getByRole('textbox', { name: 'Vad banken skickade tillbaka' }).fill(lines.join('\n'));
  await page.getByLabel(/publicerade testnyckel/).check();
}

/**
 * Each screenshot: its page, a Swedish text the page shows once its Swedish strings are in, what to do
 * before it is read, and the element shown when not the whole page (the shop's own page is English).
 */
export const SWEDISH_PAGES = [
  { name: 'home', path: '', shows: 'Testsida: formulärbyggare, validering, simulerad bank' },
  { name: 'calculator', path: 'tools/calculator/', shows: 'Meddelandetyp', example: calculatorCase, then: 'Beloppet signerat i ett annat format' },
  { name: 'mac-doctor', path: 'tools/calculator/', shows: 'Meddelandetyp', example: calculatorCase, then: 'Beloppet signerat i ett annat format', element: 'ebet-mac-doctor' },
  { name: 'test-page', path: 'tools/test-page/', shows: 'Låt butikens formulär posta hit' },
  { name: 'decoder', path: 'tools/decoder/', shows: 'Vad banken skickade tillbaka', example: decoderCase, then: 'Betald: bankens kvitto' },
  { name: 'incident', path: 'tools/incident/', shows: 'Starta en ny incident', example: (page) => page.getByRole('button', { name: 'Starta en ny incident' }).click(), then: 'Självdiagnos' },
  { name: 'checkout', path: 'shop/index.html', shows: 'Betala 550,00 SEK', lang: true, element: 'ebet-checkout' },
];

/** Waits until the page, shadow roots included, shows `text` (Playwright's text locators pierce open shadow roots). */
const waitForText = (page, text) => page.getByText(text).first().waitFor();

/**
 * Opens a page in Swedish (the remembered choice; on the shop, whose page is English, its <html lang>)
 * once it shows `shows`; then runs its example and waits for `then`.
 */
export async function openSwedish(browser, base, { path, shows, lang, example, then }) {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.addInitScript(() => localStorage.setItem('ebet-lang', 'sv'));
  await page.goto(`${base}${path}`);
  if (lang) await page.evaluate(() => (document.documentElement.lang = 'sv'));
  await waitForText(page, shows);
  if (example) {
    await example(page);
    await waitForText(page, then);
  }
  return page;
}

/** Takes every screenshot: the element, or the page from its top, at most 1800 px tall. */
async function main() {
  mkdirSync('docs/screenshots', { recursive: true });
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    for (const spec of SWEDISH_PAGES) {
      const page = await openSwedish(browser, server.url, spec);
      const path = `docs/screenshots/${spec.name}.sv.png`;
      if (spec.element) {
        await page.locator(spec.element).screenshot({ path });
      } else {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 800, height: Math.min(height, 1800) } });
      }
      await page.close();
      console.log(path);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
