// The script of a docs page that shows elements live (scripts/docs-pages.mjs picks it): every
// element, the checkout's core from the toolkit's lib/, and the examples of the element reference
// whose inputs are properties only (scripts/element-reference.mjs writes them).
import '../elements.ts';
import { EbetCheckout } from '../ebet-checkout/ebet-checkout.ts';
import { TEST_KEY } from '../../src/key.ts';
import { computeMac } from '../../src/message.ts';
import { validateFields } from '../../src/validate.ts';

// The checkout's core is the toolkit's lib/ebet-checkout-core.js; test mode (which loads it at once) only after that.
EbetCheckout.coreUrl = new URL('../lib/ebet-checkout-core.js', document.baseURI).href;
for (const checkout of document.querySelectorAll('ebet-checkout')) checkout.mode = 'test';

const EXAMPLE = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '00002', NB_DB_AMOUNT: '899,00', NB_DB_CUR: 'SEK', NB_DB_REF: '123450' };
for (const table of document.querySelectorAll('ebet-field-table')) table.rows = validateFields('payDirect', EXAMPLE, { key: TEST_KEY });
for (const button of document.querySelectorAll('ebet-copy-button')) {
  button.value = computeMac('payDirect', EXAMPLE, TEST_KEY) ?? '';
  button.label = 'Copy the MAC';
}
