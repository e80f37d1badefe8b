// The guides' screenshots (docs/screenshots/<name>.png in English, <name>.sv.png in Swedish): each
// tool of the built site (`npm run build --silent` first) in Chromium, 800 px wide, with the worked
// example of its guide. `node scripts/screenshots.mjs` rewrites them; commit the result. The pages
// and how they are opened are shared with test/e2e/swedish.test.mjs, which checks what they show.
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveDist } from '../test/e2e/support.mjs';

export const LANGS = ['en', 'sv'];
const TEST_KEY = Buffer.from('1234567890ABCDEF1234567890ABCDEF', 'hex');
const mac = (key, s) => createHmac('sha256', key).update(s, 'utf8').digest('hex').toUpperCase().slice(0, 32);

/** A pay direct whose MAC was made over 899.00 instead of 899,00: the doctor explains it. */
async function calculatorCase(page) {
  const fields = ['NB_VERSION=0002', 'NB_RCV_ID=999999', 'NB_STAMP=00002', 'NB_DB_AMOUNT=899,00', 'NB_DB_CUR=SEK', 'NB_DB_REF=123450'];
  await page.getByLabel(/^(Paste fields|Klistra in fält)$/).fill([...fields, `NB_HMAC=${mac(TEST_KEY, '999999&00002&899.00&SEK&123450')}`, `NB_KVV=${mac(TEST_KEY, '00000000')}`].join('\n'));
  await page.getByLabel(/^(Key|Nyckel) \(32/).fill('1234 5678 90AB CDEF 1234 5678 90AB CDEF');
}

/** A receipt signed with the published test key. */
async function decoderCase(page) {
  const values = ['00002', '550,00', 'SEK', '123450', '20261123101500123456'];
  const names = ['NB_RETURN_STAMP', 'NB_RETURN_DB_AMOUNT', 'NB_RETURN_DB_CUR', 'NB_RETURN_DB_REF', 'NB_PAID'];
  const lines = [...names.map((n, i) => `${n}=${values[i]}`), `NB_HMAC=${mac(TEST_KEY, values.join('&'))}`, `NB_KVV=${mac(TEST_KEY, '00000000')}`];
  await page.getByRole('textbox', { name: /^(What the bank sent back|Vad banken skickade tillbaka)/ }).fill(lines.join('\n'));
  await page.getByLabel(/published test key|publicerade testnyckel/).check();
}

/**
 * Each screenshot: its page, a text the page shows once its strings are in (per language), what to
 * do before it is taken and the text that then shows, and the element shown when not the whole page.
 * The shop's own page is English; `lang` sets its <html lang> instead of the remembered choice.
 * `only` names the one language a shot is taken in (the English guides show fewer pages).
 */
export const PAGES = [
  { name: 'home', path: '', only: 'sv', shows: { sv: 'Testsida: formulärbyggare, validering, simulerad bank' } },
  ...['calculator', 'mac-doctor'].map((name) => ({
    name,
    path: 'tools/calculator/',
    shows: { en: 'Message kind', sv: 'Meddelandetyp' },
    example: calculatorCase,
    then: { en: 'Amount signed in another format', sv: 'Beloppet signerat i ett annat format' },
    ...(name === 'mac-doctor' ? { element: 'ebet-mac-doctor' } : { only: 'sv' }),
  })),
  { name: 'test-page', path: 'tools/test-page/', shows: { en: 'Point your shop’s form here', sv: 'Låt butikens formulär posta hit' } },
  {
    name: 'decoder',
    path: 'tools/decoder/',
    shows: { en: 'What the bank sent back', sv: 'Vad banken skickade tillbaka' },
    example: decoderCase,
    then: { en: "Paid: the bank's receipt", sv: 'Betald: bankens kvitto' },
  },
  {
    name: 'incident',
    path: 'tools/incident/',
    shows: { en: 'Start a new incident', sv: 'Starta en ny incident' },
    example: (page) => page.getByRole('button', { name: /^(Start a new incident|Starta en ny incident)$/ }).click(),
    then: { en: 'Self-diagnosis', sv: 'Självdiagnos' },
  },
  { name: 'checkout', path: 'shop/index.html', shows: { en: 'Pay 550,00 SEK', sv: 'Betala 550,00 SEK' }, lang: true, element: 'ebet-checkout' },
];

/** Waits until the page, shadow roots included, shows `text` (Playwright's text locators pierce open shadow roots). */
const waitForText = (page, text) => page.getByText(text).first().waitFor();

/** Opens a page in `lang` once it shows its `shows` text; then runs its example and waits for `then`. */
export async function openPage(browser, base, { path, shows, lang, example, then }, language) {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.addInitScript((l) => localStorage.setItem('ebet-lang', l), language);
  await page.goto(`${base}${path}`);
  if (lang) await page.evaluate((l) => (document.documentElement.lang = l), language);
  await waitForText(page, shows[language]);
  if (example) {
    await example(page);
    await waitForText(page, then[language]);
  }
  return page;
}

/** Takes every screenshot in both languages: the element, or the page from its top, at most 1800 px tall. */
async function main() {
  const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
  mkdirSync(out, { recursive: true });
  const server = await serveDist();
  const browser = await launchBrowser();
  try {
    for (const language of LANGS) {
      for (const spec of PAGES.filter((p) => (p.only ?? language) === language)) {
        const page = await openPage(browser, server.url, spec, language);
        const path = `${out}${spec.name}${language === 'en' ? '' : `.${language}`}.png`;
        if (spec.element) await page.locator(spec.element).first().screenshot({ path });
        else {
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 800, height: Math.min(height, 1800) } });
        }
        await page.close();
        console.log(path);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
