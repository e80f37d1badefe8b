/** `<ebet-key-input>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetKeyInput } from './ebet-key-input.ts';

export * from './ebet-key-input.ts';

define('ebet-key-input', EbetKeyInput);
