/** `<ebet-incident-checklist>`, registered once per page (`../shared/define.ts`), with its class and types. */
import { define } from '../shared/define.ts';
import { EbetIncidentChecklist } from './ebet-incident-checklist.ts';

export * from './ebet-incident-checklist.ts';

define('ebet-incident-checklist', EbetIncidentChecklist);
