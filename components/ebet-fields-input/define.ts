/** `<ebet-fields-input>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetFieldsInput } from './ebet-fields-input.ts';

export * from './ebet-fields-input.ts';

define('ebet-fields-input', EbetFieldsInput);
