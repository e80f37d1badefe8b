/** `<ebet-form-builder>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetFormBuilder } from './ebet-form-builder.ts';

export * from './ebet-form-builder.ts';

define('ebet-form-builder', EbetFormBuilder);
