// Records Chromium's FormData for a sample of the generated pages into
// test/vectors/chromium-formdata.json, the oracle test/src/html-form-recorded.test.ts checks the
// core against in Node (where there is no browser). Run it again when the page generator or
// Chromium changes: `npx tsx test/support/record-formdata.mjs` (tsx: it imports the TypeScript page generator).
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/chromium-args.mjs';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';
import { page, PAGE_SEED } from './html-pages.ts';

const PAGES = 400;
const pages = fc.sample(page, { numRuns: PAGES, seed: PAGE_SEED + 1 });
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
const tab = await browser.newPage();
// Each page in a sandboxed iframe of a browsing context (no script runs), written with
// document.write, as the live differential test loads them.
const forms = await tab.evaluate((htmls) => {
  const frame = document.createElement('iframe');
  frame.sandbox.add('allow-same-origin');
  document.body.append(frame);
  return htmls.map((html) => {
    const doc = frame.contentDocument;
    doc.open();
    doc.write(html);
    doc.close();
    return [...doc.querySelectorAll('form')].map((form) => [...new FormData(form)].map(([name, value]) => [name, typeof value === 'string' ? value : value.name]));
  });
}, pages);
const version = browser.version();
await browser.close();
const cases = pages.map((html, i) => ({ html, forms: forms[i] }));
writeFileSync(new URL('../vectors/chromium-formdata.json', import.meta.url), `${JSON.stringify({ chromium: version, seed: PAGE_SEED + 1, cases }, null, 1)}\n`);
console.log(`${cases.length} pages, ${cases.reduce((n, c) => n + c.forms.length, 0)} forms, Chromium ${version}`);
