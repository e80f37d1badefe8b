/** `<ebet-copy-button>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetCopyButton } from './ebet-copy-button.ts';

export * from './ebet-copy-button.ts';

define('ebet-copy-button', EbetCopyButton);
