/// <reference types="vite/client" />
// The script of a docs page that shows elements live (scripts/docs-pages.mjs picks it): the frame
// at once, then each element as it comes into view (the checkout with its core from the toolkit's
// lib/), and the examples of the element reference whose inputs are properties only
// (scripts/element-reference.mjs writes them), set before their elements are defined.
import '../ebet-shell/define.ts';
import { TEST_KEY } from '../../src/protocol/key.ts';
import { computeMac } from '../../src/protocol/message.ts';
import { validateFields } from '../../src/judging/validate.ts';
import { loadWhenVisible } from './load-when-visible.ts';

/** Each element's entry module by its tag (`../ebet-x/define.ts` defines `<ebet-x>`). */
const loaders = new Map(Object.entries(import.meta.glob('../ebet-*/define.ts')).map(([path, load]) => [path.split('/')[1]!, load]));

// The checkout's core is the toolkit's lib/ebet-checkout-core.js; test mode (which loads it at once) only after that.
loaders.set('ebet-checkout', async () => {
  const { EbetCheckout } = await import('../ebet-checkout/define.ts');
  EbetCheckout.coreUrl = new URL('../lib/ebet-checkout-core.js', document.baseURI).href;
  for (const checkout of document.querySelectorAll('ebet-checkout')) checkout.mode = 'test';
});

for (const element of document.querySelectorAll('body *')) {
  const load = loaders.get(element.localName);
  if (load && !customElements.get(element.localName)) loadWhenVisible(element, load);
}

const EXAMPLE = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_AMOUNT: '899,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' };
for (const table of document.querySelectorAll('ebet-field-table')) table.rows = validateFields('payDirect', EXAMPLE, { key: TEST_KEY });
for (const button of document.querySelectorAll('ebet-copy-button')) {
  button.value = computeMac('payDirect', EXAMPLE, TEST_KEY);
  button.label = 'Copy the MAC';
}
