/** `<ebet-session>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetSession } from './ebet-session.ts';

export * from './ebet-session.ts';

define('ebet-session', EbetSession);
