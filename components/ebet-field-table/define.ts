/** `<ebet-field-table>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetFieldTable } from './ebet-field-table.ts';

export * from './ebet-field-table.ts';

define('ebet-field-table', EbetFieldTable);
