/** `<ebet-attempt-log>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetAttemptLog } from './ebet-attempt-log.ts';

export * from './ebet-attempt-log.ts';

define('ebet-attempt-log', EbetAttemptLog);
