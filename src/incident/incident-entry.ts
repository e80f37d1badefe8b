/**
 * `ebet-toolkit/incident`: the incident checklist's logic for code of your own (a support desk's
 * tool, a CI that files a report): the process and its steps, an incident as data and the changes
 * to it, the report and its mail, the provider's configuration, the office hours. A curated list,
 * as docs/package.md names it; how `<ebet-incident-checklist>` stores incidents stays internal.
 */
export {
  DEFAULT_INCIDENT_CONFIG,
  INCIDENT_STEPS,
  annotateStep,
  createIncident,
  currentStep,
  incidentReport,
  incidentMail,
  isOfficeOpen,
  officeStatus,
  parseIncidentConfig,
  recordTicket,
  reportMailto,
  setClosed,
  setDetails,
  setStepStatus,
  swedishHolidays,
  ticketTimer,
  validateIncidentConfig,
  type ConfigProblem,
  type ConfigResult,
  type Incident,
  type IncidentConfig,
  type IncidentDetails,
  type IncidentStep,
  type OfficeStatus,
  type StepId,
  type StepStatus,
  type TicketTimer,
} from './incident.ts';
