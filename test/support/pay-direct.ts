/**
 * The pay direct form most core tests start from (handbook table 1), written out here apart from
 * the code under test (`src/doctor/causes/example.ts` has its own copy for the doctor's examples).
 * Its MAC string is written by hand; MACs over it come from WebCrypto, never from the core.
 */

/** The fields the MAC covers, in the handbook's order. */
export const PAY_DIRECT = {
  NB_VERSION: '0002',
  NB_RCV_ID: '999999',
  NB_STAMP: '00002',
  NB_DB_AMOUNT: '899,00',
  NB_DB_CUR: 'SEK',
  NB_DB_REF: '123450',
} as const;

/** The three return addresses a shop's form carries. */
export const PAY_DIRECT_URLS = {
  NB_RETURN: 'https://shop.example/ok.html',
  NB_CANCEL: 'https://shop.example/cancel.html',
  NB_REJECT: 'https://shop.example/reject.html',
} as const;

/** The string the bank signs for `PAY_DIRECT`: NB_RCV_ID & NB_STAMP & NB_DB_AMOUNT & NB_DB_CUR & NB_DB_REF. */
export const PAY_DIRECT_STRING = '999999&00002&899,00&SEK&123450';
