/** `<ebet-test-page>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetTestPage } from './ebet-test-page.ts';

export * from './ebet-test-page.ts';

define('ebet-test-page', EbetTestPage);
