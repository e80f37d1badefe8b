/** `<ebet-shell>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetShell } from './ebet-shell.ts';

export * from './ebet-shell.ts';

define('ebet-shell', EbetShell);
