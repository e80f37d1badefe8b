/** `<ebet-receipt>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetReceipt } from './ebet-receipt.ts';

export * from './ebet-receipt.ts';

define('ebet-receipt', EbetReceipt);
