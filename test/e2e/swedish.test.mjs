// Every page of the built site in Swedish, as a visitor sees it: no escaped markup (&lt; &gt; &amp;)
// in what is shown, and the shown text keeps to the glossary (docs/glossary.json: the words to
// avoid, the phrasings a native review flagged, "du" not "ni", Swedish quotes, times with a full
// stop); the page is lang="sv" and its title is Swedish. The pages, with an example filled in where a
// tool has one, are those of the screenshots in docs/screenshots/ (scripts/screenshots.mjs), and the
// shop's receipt, the docs index and the Swedish docs page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openPage, PAGES } from '../../scripts/screenshots.mjs';
import { problemsOf, rules } from '../../scripts/swedish.mjs';
import { useBuiltSite } from './support.mjs';

const site = useBuiltSite();
const checks = rules(JSON.parse(readFileSync(new URL('../../docs/glossary.json', import.meta.url), 'utf8')));

/**
 * The text the page shows: every text node of the document and of the elements' shadow roots, no
 * styles or scripts, nothing hidden (the other language of a bilingual page) or marked lang="en", and
 * no code (a value, or a docs page naming `&lt;`) or struck-out words (a word named as one not to use).
 */
function shownText(page) {
  return page.evaluate(() => {
    const texts = [];
    const walk = (root) => {
      for (const node of root.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) texts.push(node.data);
        else if (
          node.nodeType === Node.ELEMENT_NODE &&
          !['STYLE', 'SCRIPT', 'TEMPLATE', 'CODE', 'PRE', 'KBD', 'S', 'DEL'].includes(node.nodeName) &&
          node.getAttribute('lang') !== 'en' &&
          node.checkVisibility()
        ) {
          if (node.shadowRoot) walk(node.shadowRoot);
          walk(node);
          for (const attr of ['title', 'placeholder', 'aria-label']) if (node.getAttribute(attr)) texts.push(node.getAttribute(attr));
        }
      }
    };
    walk(document.body);
    return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
}

/** The title a page has in English, to show that the Swedish one differs. */
async function englishTitle(path) {
  const page = await site.browser.newPage();
  await page.addInitScript(() => localStorage.setItem('ebet-lang', 'en'));
  await page.goto(`${site.server.url}${path}`);
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.title);
  const title = await page.title();
  await page.close();
  return title;
}

/** Pages beyond the screenshots': the shop's receipt page, the docs index and the Swedish docs page. */
const RECEIPT = 'NB_RETURN_STAMP=00002&NB_RETURN_DB_AMOUNT=550%2C00&NB_RETURN_DB_CUR=SEK&NB_RETURN_DB_REF=123450&NB_PAID=20261123101500123456&NB_HMAC=0&NB_KVV=0';
const MORE = [
  { path: `shop/return.html?${RECEIPT}`, ready: 'ebet-receipt [part=title]' },
  { path: 'docs/', ready: '.docs h2' },
  { path: 'docs/svenska.html', ready: '.docs h1' },
];

async function checkShown(page, path) {
  const texts = await shownText(page);
  assert.ok(texts.length > 3, `only ${texts.length} texts were read`);
  assert.deepEqual(texts.filter((t) => /&(lt|gt|amp|quot);/.test(t)), []);
  // Straight quotes count too: values a helper inserts (quoted()) take ”…” in Swedish.
  const found = texts.flatMap((t) => problemsOf(t, checks).map((p) => `${p} in ${JSON.stringify(t)}`));
  assert.deepEqual(found, []);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
  const title = await page.title();
  assert.notEqual(title, await englishTitle(path), `${path}: the title is not in Swedish`);
  assert.deepEqual(problemsOf(title, checks), []);
}

for (const spec of PAGES) {
  test(`${spec.path || 'the home page'} in Swedish shows no escaped markup, keeps to the glossary, is lang="sv" with a Swedish title`, async () => {
    const page = await openPage(site.browser, site.server.url, spec, 'sv');
    await checkShown(page, spec.path);
    await page.close();
  });
}

for (const { path, ready } of MORE) {
  test(`${path.split('?')[0]} in Swedish keeps to the glossary, is lang="sv" with a Swedish title`, async () => {
    const page = await site.browser.newPage();
    await page.addInitScript(() => localStorage.setItem('ebet-lang', 'sv'));
    await page.goto(`${site.server.url}${path}`);
    await page.locator(ready).first().waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    await checkShown(page, path);
    await page.close();
  });
}
