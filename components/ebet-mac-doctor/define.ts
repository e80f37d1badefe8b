/** `<ebet-mac-doctor>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetMacDoctor } from './ebet-mac-doctor.ts';

export * from './ebet-mac-doctor.ts';

define('ebet-mac-doctor', EbetMacDoctor);
