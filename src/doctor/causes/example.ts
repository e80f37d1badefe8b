/**
 * The message every cause's example starts from: a pay direct form signed with the handbook's
 * test key. Its right MAC string is `999999&00002&899,00&SEK&123450`; each example's MAC was made
 * by another implementation (node:crypto) from the string its `signed` names, with the mistake in it.
 */
import { TEST_KEY, TEST_KVV } from '../../protocol/key.ts';
import type { Keys } from '../../protocol/key-ring.ts';
import type { CauseExample, DoctorOptions } from '../types.ts';

export const EXAMPLE_FORM: Readonly<Record<string, string>> = {
  NB_VERSION: '0002',
  NB_RCV_ID: '999999',
  NB_STAMP: '00002',
  NB_DB_AMOUNT: '899,00',
  NB_DB_CUR: 'SEK',
  NB_DB_REF: '123450',
  NB_RETURN: 'https://shop.example/ok.html',
  NB_KVV: TEST_KVV,
};

/** An example on the pay direct form (with `fields` changed where given). */
export function example(
  signed: string,
  mac: string,
  fields: Readonly<Record<string, string>> = {},
  { key = TEST_KEY, options }: { key?: Keys; options?: DoctorOptions } = {},
): CauseExample {
  return { kind: 'payDirect', fields: { ...EXAMPLE_FORM, ...fields }, key, mac, signed, ...(options ? { options } : {}) };
}
