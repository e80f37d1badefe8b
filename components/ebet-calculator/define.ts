/** `<ebet-calculator>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetCalculator } from './ebet-calculator.ts';

export * from './ebet-calculator.ts';

define('ebet-calculator', EbetCalculator);
