/** `<ebet-bank-simulator>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetBankSimulator } from './ebet-bank-simulator.ts';

export * from './ebet-bank-simulator.ts';

define('ebet-bank-simulator', EbetBankSimulator);
