/** `<ebet-home>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetHome } from './ebet-home.ts';

export * from './ebet-home.ts';

define('ebet-home', EbetHome);
