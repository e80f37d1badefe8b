// Every page of the built site at a phone's, a tablet's and a desktop's width, in English and
// Swedish, empty and in use (the decoder's session view with its filters, the shop's receipt with its
// details open, the incident list, the test page's selects): nothing scrolls sideways, no element
// (shadow roots included) reaches past the viewport, no select cuts its chosen text, an amount never
// breaks from its currency, and a field name breaks only after an underscore. Assertions on measured
// boxes, not pixel baselines.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { scrollToLoad, useBuiltSite } from './support.mjs';

const WIDTHS = [360, 768, 1280];
const KEY = '1234567890ABCDEF1234567890ABCDEF';
const KVV = 'FF365893D899291C3BF505FB3175E880';
const mac = (string) => createHmac('sha256', Buffer.from(KEY, 'hex')).update(string, 'utf8').digest('hex').slice(0, 32).toUpperCase();

/** `fields` with NB_HMAC over `string` and the test key's NB_KVV. */
const signed = (fields, string) => ({ ...fields, NB_HMAC: mac(string), NB_KVV: KVV });
/** Fields as the lines a person pastes into a tool. */
const lines = (fields) => Object.entries(fields).map(([name, value]) => `${name}=${value}`).join('\n');

/** A pay direct request signed over the amount as 899.00 and with long URLs: the worst case for a narrow screen. */
const REQUEST = lines(
  signed(
    {
      NB_VERSION: '0002',
      NB_RCV_ID: '999999',
      NB_STAMP: '20261130LONGSTAMP01',
      NB_DB_AMOUNT: '899,00',
      NB_DB_CUR: 'SEK',
      NB_DB_REF: '123450',
      NB_RETURN: 'https://shop.example.com/checkout/ebetalning/return-from-the-bank-with-a-long-path.html',
      NB_CANCEL: 'https://shop.example.com/checkout/ebetalning/cancel.html?order=20261130LONGSTAMP01&session=abcdef0123456789',
      NB_REJECT: 'https://shop.example.com/checkout/ebetalning/reject.html?order=20261130LONGSTAMP01',
    },
    '999999&20261130LONGSTAMP01&899.00&SEK&123450',
  ),
);

/** A repayment request, for the simulator's answer with the protocol's longest field names. */
const REPAYMENT = lines(
  signed(
    { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_REF: '123450', NB_PAID: '20261123101500123456', NB_REPAY_AMOUNT: '550,00', NB_REPAY_CUR: 'SEK' },
    '999999&00002&123450&20261123101500123456&550,00&SEK',
  ),
);

/** The shop's receipt as the return page gets it in its query string (`amount`), signed over 5500,00. */
const receipt = (amount) =>
  new URLSearchParams(
    signed(
      { NB_RETURN_STAMP: '00002', NB_RETURN_DB_AMOUNT: amount, NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '123450', NB_PAID: '20261123101500123456' },
      '00002&5500,00&SEK&123450&20261123101500123456',
    ),
  ).toString();
/** The receipt signed right. */
const RECEIPT_OK = receipt('5500,00');
/** The receipt whose amount is not the one signed. */
const RECEIPT = receipt('550,00');

/** Each page and the states it is measured in: `lazy` names the elements it loads as they come into view, `use` puts it in use (a result shown). */
const PAGES = [
  { path: '', ready: 'ebet-home [part=card]' },
  {
    path: 'tools/calculator/',
    ready: 'ebet-calculator h1',
    use: async (page) => {
      await page.locator('ebet-calculator ebet-fields-input textarea').fill(REQUEST);
      await page.locator('ebet-calculator ebet-key-input input.key').first().fill(KEY);
      await page.locator('ebet-calculator [part=mac]').waitFor();
      await page.locator('ebet-mac-doctor [part=finding]').first().waitFor();
      // The verdict first: the summary stands above the paste box, in view without scrolling.
      const summary = await page.locator('ebet-calculator [part=summary][data-summary=mismatch]').boundingBox();
      const paste = await page.locator('ebet-calculator ebet-fields-input').boundingBox();
      assert.ok(summary.y < paste.y && summary.y < 800, `the summary is at ${summary.y}px, the paste box at ${paste.y}px`);
    },
  },
  {
    path: 'tools/decoder/',
    ready: 'ebet-decoder h1',
    lazy: ['ebet-session'],
    use: async (page) => {
      await page.locator('ebet-decoder input[type=checkbox]').first().check();
      await page.locator('ebet-decoder textarea').first().fill(`${RECEIPT}\n${RECEIPT.replace('550', '560')}`);
      await page.locator('ebet-decoder article').first().waitFor();
      // The session view with its filters: a shop's log of a few receipts.
      const log = [0, 1, 2].map((i) => `2026-11-23T10:00:0${i}Z INFO return POST ${RECEIPT.replace('00002', `0000${i + 3}`)}`).join('\n');
      await page.locator('ebet-session #file').setInputFiles({ name: 'shop.log', mimeType: 'text/plain', buffer: Buffer.from(log) });
      await page.locator('ebet-session [data-summary]').waitFor();
      await page.locator('ebet-session #kind').waitFor();
    },
  },
  {
    path: 'tools/test-page/',
    ready: 'ebet-test-page h1',
    lazy: ['ebet-bank-simulator', 'ebet-bank-ledger', 'ebet-attempt-log', 'ebet-form-builder'],
    use: async (page) => {
      await page.locator('ebet-bank-simulator ebet-fields-input textarea').fill(REQUEST);
      await page.locator('ebet-bank-simulator ebet-field-table [data-field]').first().waitFor();
      // The builder's repayment, which names a payment of the ledger (or says how to make one).
      await page.locator('ebet-form-builder #kind').selectOption('repayment');
      await page.locator('ebet-form-builder [part=pick]').waitFor();
      // The simulator's answer to a repayment: the longest field names.
      await page.locator('ebet-bank-simulator ebet-fields-input textarea').fill(REPAYMENT);
      await page.locator('ebet-bank-simulator ebet-field-table [data-field=NB_REPAY_AMOUNT]').first().waitFor();
    },
  },
  {
    path: 'tools/incident/',
    ready: 'ebet-incident-checklist h1',
    use: async (page) => {
      await page.locator('ebet-incident-checklist #new-incident').first().click();
      await page.locator('ebet-incident-checklist #incident-title').fill('Kortbetalningar misslyckas i kassan sedan i morse');
      await page.locator('ebet-incident-checklist li[data-step] button[data-action=done]').first().click();
      // A second incident: the list of incidents is a select.
      await page.locator('ebet-incident-checklist #new-incident').first().click();
      await page.locator('ebet-incident-checklist select').first().waitFor();
    },
  },
  { path: 'shop/', ready: 'ebet-checkout button' },
  {
    path: `shop/return.html?${RECEIPT_OK}`,
    ready: 'ebet-receipt [part=technical]',
    use: async (page) => {
      await page.locator('ebet-receipt [part=technical] summary').click();
      await page.waitForFunction(() => document.querySelector('ebet-receipt').shadowRoot.querySelector('[part=technical]').open);
    },
  },
  { path: 'shop/cancel.html', ready: 'ebet-receipt' },
  { path: 'tools/test-page/bank/pay/', ready: 'h1', bilingual: true },
  { path: 'docs/', ready: '.docs h1' },
  { path: 'docs/svenska.html', ready: '.docs h1' },
  { path: 'docs/incident.html', ready: '.docs h1' },
];

/**
 * Elements (in the document and every open shadow root) whose box reaches past the viewport, selects
 * whose chosen text is wider than the select, amounts broken from their currency, and field names
 * broken anywhere but after an underscore.
 */
function overflowing() {
  const width = document.documentElement.clientWidth;
  const found = [];
  const context = document.createElement('canvas').getContext('2d');
  /** Whether a part of a text node lies on more than one line. */
  const broken = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size > 1;
  };
  const name = (el) => {
    const host = el.getRootNode().host;
    const own = `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    return host ? `${host.localName} › ${own}` : own;
  };
  /** Whether the element is inside a box that scrolls or clips its content (a wide code block scrolls within itself). */
  const inScroller = (el) => {
    for (let up = el.parentElement ?? el.getRootNode().host; up; up = up.parentElement ?? up.getRootNode().host) {
      if (up === document.documentElement || up === document.body) return false;
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5) && !inScroller(el)) found.push(`${name(el)} ${Math.round(box.left)}–${Math.round(box.right)}`);
      if (el.localName === 'select' && box.width > 0 && el.selectedOptions[0]) {
        const style = getComputedStyle(el);
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = context.measureText(el.selectedOptions[0].text).width;
        // The room for the text: the select's width less its padding, border and the arrow (about 20 px).
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
        if (text > room) found.push(`select ${name(el)} cuts "${el.selectedOptions[0].text}" (${Math.round(text)} px in ${Math.round(room)} px)`);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim() || getComputedStyle(el).overflow !== 'visible') continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const text = range.getBoundingClientRect();
        if (text.width > 0 && text.right > width + 0.5 && !inScroller(el)) found.push(`text "${node.textContent.trim().slice(0, 30)}" in ${name(el)} ${Math.round(text.left)}–${Math.round(text.right)}`);
        for (const m of node.textContent.matchAll(/\d[\d\u00a0\u202f ]*,\d\d[ \u00a0\u202f](SEK|EUR)/g)) {
          if (broken(node, m.index, m.index + m[0].length)) found.push(`amount "${m[0]}" broken from its currency in ${name(el)}`);
        }
        for (const m of node.textContent.matchAll(/NB_[A-Z0-9_]+/g)) {
          let at = m.index;
          for (const part of m[0].split('_')) {
            if (part && broken(node, at, at + part.length)) found.push(`field name "${m[0]}" broken inside "${part}" in ${name(el)}`);
            at += part.length + 1;
          }
        }
      }
    }
  };
  walk(document);
  const { scrollWidth, clientWidth } = document.scrollingElement;
  return { scrollWidth, clientWidth, found: found.slice(0, 12) };
}

const site = useBuiltSite();

for (const lang of ['en', 'sv']) {
  for (const { path, ready, lazy = [], use, bilingual } of PAGES) {
    test(`/${path} (${lang}) fits 360, 768 and 1280 px, empty${use ? ' and in use' : ''}`, async () => {
      const context = await site.browser.newContext({ viewport: { width: WIDTHS[0], height: 800 } });
      await context.addInitScript((lang) => localStorage.setItem('ebet-lang', lang), lang);
      const page = await context.newPage();
      await page.goto(`${site.server.url}${path}`);
      await page.locator(ready).first().waitFor();
      // A static page in both languages (the bank simulator's addresses) keeps its own lang.
      if (!bilingual) await page.waitForFunction((lang) => document.documentElement.lang === lang, lang);
      // The elements below the fold load as they come into view: all are measured.
      await scrollToLoad(page, ...lazy);
      const check = async (state) => {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          await page.waitForFunction((width) => document.documentElement.clientWidth <= width, width);
          const result = await page.evaluate(overflowing);
          if (process.env.EBET_SHOTS) await page.screenshot({ path: `${process.env.EBET_SHOTS}/${path.replace(/\W+/g, '-') || 'home'}-${lang}-${state}-${width}.png`, fullPage: true });
          assert.ok(result.scrollWidth <= result.clientWidth, `${path} ${lang} ${state} at ${width}px scrolls sideways: ${result.scrollWidth} > ${result.clientWidth}; ${result.found.join('; ')}`);
          assert.deepEqual(result.found, [], `${path} ${lang} ${state} at ${width}px`);
        }
      };
      await check('empty');
      if (use) {
        await page.setViewportSize({ width: WIDTHS[0], height: 800 });
        await use(page);
        await check('in-use');
      }
      await context.close();
    });
  }
}
