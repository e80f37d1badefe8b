/** `<ebet-checkout>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetCheckout } from './ebet-checkout.ts';

export * from './ebet-checkout.ts';

define('ebet-checkout', EbetCheckout);
