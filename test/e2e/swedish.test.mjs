// Every page of the built site in Swedish, as a visitor sees it: no escaped markup (&lt; &gt; &amp;)
// in what is shown, and the shown text keeps to the glossary (docs/glossary.json: the words to
// avoid, "du" not "ni"). The pages, with an example filled in where a tool has one, are those of the
// screenshots in docs/screenshots/ (scripts/screenshots.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openPage, PAGES } from '../../scripts/screenshots.mjs';
import { problemsOf, rules } from '../../scripts/swedish.mjs';
import { useBuiltSite } from './support.mjs';

const site = useBuiltSite();
const checks = rules(JSON.parse(readFileSync(new URL('../../docs/glossary.json', import.meta.url), 'utf8')));

/** The text the page shows: every text node of the document and of the elements' shadow roots, no styles or scripts. */
function shownText(page) {
  return page.evaluate(() => {
    const texts = [];
    const walk = (root) => {
      for (const node of root.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) texts.push(node.data);
        else if (node.nodeType === Node.ELEMENT_NODE && !['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.nodeName)) {
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

for (const spec of PAGES) {
  test(`${spec.path || 'the home page'} in Swedish shows no escaped markup and keeps to the glossary`, async () => {
    const page = await openPage(site.browser, site.server.url, spec, 'sv');
    const texts = await shownText(page);
    assert.ok(texts.length > 10, `only ${texts.length} texts were read`);
    assert.deepEqual(texts.filter((t) => /&(lt|gt|amp|quot);/.test(t)), []);
    const found = texts.flatMap((t) => problemsOf(t, checks).filter((p) => !p.startsWith('straight quotes')).map((p) => `${p} in ${JSON.stringify(t)}`));
    assert.deepEqual(found, []);
    await page.close();
  });
}
