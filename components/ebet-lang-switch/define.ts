/** `<ebet-lang-switch>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetLangSwitch } from './ebet-lang-switch.ts';

export * from './ebet-lang-switch.ts';

define('ebet-lang-switch', EbetLangSwitch);
