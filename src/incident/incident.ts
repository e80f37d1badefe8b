/**
 * The merchant incident process (what a shop's staff do when payments stop working) as data,
 * plus the pure logic the incident checklist runs on: the provider's configuration and its
 * validation, office hours in the provider's time zone (Intl, daylight saving included), the
 * timer after the ticket request, incident state with pure reducers, and the written report.
 * No DOM: every function takes "now" as an argument, so tests control the clock.
 */
import { formatZoned, pad, zonedTime } from '../protocol/time.ts';
import { text, type Lang, type Text } from '../protocol/text.ts';

// ---------------------------------------------------------------------------------------------
// Provider configuration
// ---------------------------------------------------------------------------------------------

/** A provider's (or bank's) contact data: everything the process refers to, none of it code. */
export interface IncidentConfig {
  /** The provider's name as staff know it. */
  readonly provider: string;
  readonly contacts: {
    /** Where written support requests go (and the report's `mailto:`). */
    readonly supportMail: string;
    /** The address to use when no ticket arrives within 10–20 minutes. */
    readonly fallbackMail: string;
    /** The web page with the technical-support form (needs no mail access). */
    readonly webForm: string;
    /** The phone number for office hours. */
    readonly phone: string;
  };
  readonly links: {
    /** The provider's status page (operating information, with a link to its ticket system). */
    readonly statusPage: string;
    /** A public uptime-monitor report, or `null` when the provider has none. */
    readonly monitorReport: string | null;
    /** The merchant client application (refunds etc.), or `null` when there is none. */
    readonly clientApp: string | null;
  };
  readonly paymentUrls: {
    /** The URL shops normally post payments to. */
    readonly primary: string;
    /** The alternate URL; `null` means "to be decided", as the source leaves it. */
    readonly alternate: string | null;
  };
  readonly officeHours: {
    /** An IANA time zone, e.g. `Europe/Stockholm`. */
    readonly timeZone: string;
    /** Open days, ISO numbering: 1 = Monday … 7 = Sunday. */
    readonly days: readonly number[];
    /** Opening and closing time, `HH:MM` local time; open ≤ t < close. */
    readonly open: string;
    readonly close: string;
    /**
     * The holiday calendar that closes the office: `SE`, Sweden's public holidays and de-facto
     * closed days (`swedishHolidays`), or `none`. Missing in a configuration file means `SE`.
     */
    readonly holidays: 'SE' | 'none';
  };
}

/** The source document's provider (CertiTrade, "Rev A, 2008-11-22"): the default configuration. */
export const DEFAULT_INCIDENT_CONFIG: IncidentConfig = {
  provider: 'CertiTrade',
  contacts: {
    supportMail: 'support@certitrade.net',
    fallbackMail: 'support@certitrade-test.se',
    webForm: 'http://www.certitrade.net',
    phone: '018-430 50 00',
  },
  links: {
    statusPage: 'http://www.certitrade.net/driftinfo.php',
    monitorReport: 'http://www.pingdom.com/reports/kcs1fjn71wrp',
    clientApp: 'https://www.certitrade.net/mca',
  },
  paymentUrls: {
    primary: 'https://payment.certitrade.net/webshophtml/e/auth.php',
    alternate: null,
  },
  officeHours: { timeZone: 'Europe/Stockholm', days: [1, 2, 3, 4, 5], open: '08:00', close: '17:00', holidays: 'SE' },
};

/** A wrong field of a configuration: its JSON path and what is wrong, in both languages. */
export interface ConfigProblem {
  readonly path: string;
  readonly message: Text;
}

export type ConfigResult = { readonly ok: true; readonly config: IncidentConfig } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

type Kind = 'string' | 'url' | 'url?' | 'mail' | 'zone' | 'time' | 'days' | 'holidays';

/** The configuration's shape: every field, its kind. Validation and the docs derive from it. */
const SHAPE: Record<string, Kind | Record<string, Kind>> = {
  provider: 'string',
  contacts: { supportMail: 'mail', fallbackMail: 'mail', webForm: 'url', phone: 'string' },
  links: { statusPage: 'url', monitorReport: 'url?', clientApp: 'url?' },
  paymentUrls: { primary: 'url', alternate: 'url?' },
  officeHours: { timeZone: 'zone', days: 'days', open: 'time', close: 'time', holidays: 'holidays' },
};

const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
const MAIL_PATTERN = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"` : typeof value;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkValue(path: string, kind: Kind, value: unknown): ConfigProblem | null {
  const got = describe(value);
  const problem = (en: string, sv: string): ConfigProblem => ({ path, message: text(`${path}: ${en}`, `${path}: ${sv}`) });
  if (kind === 'url?' && value === null) return null;
  if (kind === 'holidays') {
    return value === 'SE' || value === 'none'
      ? null
      : problem(
          `expected "SE" (Sweden’s public holidays close the office) or "none" (no holidays); got ${got}`,
          `ska vara "SE" (kontoret är stängt på svenska helgdagar) eller "none" (inga helgdagar), inte ${got}`,
        );
  }
  if (kind === 'days') {
    const ok = Array.isArray(value) && value.length > 0 && value.every((d) => Number.isInteger(d) && d >= 1 && d <= 7);
    return ok
      ? null
      : problem(
          `expected a list of weekdays 1–7 (1 = Monday, 7 = Sunday), e.g. [1, 2, 3, 4, 5]; got ${got}`,
          `ska vara en lista med veckodagar 1–7 (1 = måndag, 7 = söndag), t.ex. [1, 2, 3, 4, 5], inte ${got}`,
        );
  }
  if (typeof value !== 'string') {
    return kind === 'url?'
      ? problem(`expected a string (an http(s) URL) or null for "to be decided"; got ${got}`, `ska vara en sträng (en http(s)-URL) eller null för ”bestäms senare”, inte ${got}`)
      : problem(`expected a string; got ${got}`, `ska vara en sträng, inte ${got}`);
  }
  if (value.trim() === '') return problem('must not be empty', 'får inte vara tom');
  switch (kind) {
    case 'url':
    case 'url?':
      return URL_PATTERN.test(value)
        ? null
        : problem(`expected an http:// or https:// URL, e.g. https://status.example.com/; got ${got}`, `ska vara en http://- eller https://-URL, t.ex. https://status.example.com/, inte ${got}`);
    case 'mail':
      return MAIL_PATTERN.test(value)
        ? null
        : problem(`expected one e-mail address, e.g. support@example.com; got ${got}`, `ska vara en e-postadress, t.ex. support@example.com, inte ${got}`);
    case 'time':
      return TIME_PATTERN.test(value) ? null : problem(`expected a time HH:MM, e.g. 08:00; got ${got}`, `ska vara en tid i formen ”TT:MM”, t.ex. ”08:00”, inte ${got}`);
    case 'zone':
      return isTimeZone(value)
        ? null
        : problem(`unknown time zone ${got}: expected an IANA name, e.g. Europe/Stockholm`, `okänd tidszon ${got}: ange ett IANA-namn, t.ex. Europe/Stockholm`);
    default:
      return null;
  }
}

function checkObject(path: string, shape: Record<string, Kind | Record<string, Kind>>, value: unknown, problems: ConfigProblem[]): void {
  const where = path || '(top level)';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ path: where, message: text(`${where}: expected an object { … }; got ${describe(value)}`, `${where}: ska vara ett objekt { … }, inte ${describe(value)}`) });
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [name, kind] of Object.entries(shape)) {
    const child = path ? `${path}.${name}` : name;
    if (!(name in record)) {
      if (kind === 'holidays') continue; // optional: files written before the field existed mean 'SE'
      const optional = kind === 'url?' ? ' (null for none / "to be decided")' : '';
      const optionalSv = kind === 'url?' ? ' (null för ingen / ”bestäms senare”)' : '';
      const fields = typeof kind === 'object' ? Object.keys(kind).join(', ') : '';
      const en = typeof kind === 'object' ? `: expected an object with ${fields}` : optional;
      const sv = typeof kind === 'object' ? `: ska vara ett objekt med ${fields}` : optionalSv;
      problems.push({ path: child, message: text(`${child}: missing${en}`, `${child}: saknas${sv}`) });
    } else if (typeof kind === 'object') {
      checkObject(child, kind, record[name], problems);
    } else {
      const problem = checkValue(child, kind, record[name]);
      if (problem) problems.push(problem);
    }
  }
  for (const name of Object.keys(record)) {
    if (name in shape) continue;
    const child = path ? `${path}.${name}` : name;
    const known = Object.keys(shape).join(', ');
    problems.push({ path: child, message: text(`${child}: unknown field; known here: ${known}`, `${child}: okänt fält; kända här: ${known}`) });
  }
}

/** Checks a configuration object: every wrong field with its JSON path, or the configuration. */
export function validateIncidentConfig(value: unknown): ConfigResult {
  const problems: ConfigProblem[] = [];
  checkObject('', SHAPE, value, problems);
  if (problems.length === 0) {
    const hours = (value as IncidentConfig).officeHours;
    if (hours.open >= hours.close) {
      problems.push({
        path: 'officeHours.close',
        message: text(`officeHours.close: must be later than officeHours.open (${hours.open})`, `officeHours.close: måste vara senare än officeHours.open (${hours.open})`),
      });
    }
  }
  if (problems.length) return { ok: false, problems };
  const config = value as IncidentConfig;
  const { holidays = 'SE' }: Partial<IncidentConfig['officeHours']> = config.officeHours;
  return { ok: true, config: { ...config, officeHours: { ...config.officeHours, holidays } } };
}

/** Reads a configuration file's text (JSON). Never throws. */
export function parseIncidentConfig(json: string): ConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: '(file)', message: text(`(file): not valid JSON: ${detail}`, `(fil): inte giltig JSON: ${detail}`) }],
    };
  }
  return validateIncidentConfig(value);
}

// ---------------------------------------------------------------------------------------------
// The process, as data
// ---------------------------------------------------------------------------------------------

/** A link a step offers; `key` names the configuration field it comes from. */
export type LinkKey = 'supportMail' | 'fallbackMail' | 'webForm' | 'phone' | 'statusPage' | 'monitorReport' | 'clientApp' | 'primary' | 'alternate';

export type StepId =
  | 'support-request'
  | 'ticket-fallback'
  | 'own-mail'
  | 'status-page'
  | 'monitor-report'
  | 'switch-url'
  | 'wait-or-phone'
  | 'other-isp'
  | 'last-action'
  | 'client-app';

export interface IncidentSection {
  /** The source's chapter number. */
  readonly number: string;
  readonly title: Text;
  /** Notes that belong to the chapter, not to one step. */
  readonly notes: readonly Text[];
  readonly steps: readonly IncidentStep[];
}

export interface IncidentStep {
  readonly id: StepId;
  readonly title: Text;
  readonly body: readonly Text[];
  readonly links: readonly LinkKey[];
  /** The source leaves this "TBD": shown as "to be decided", never filled in. */
  readonly toBeDecided?: boolean;
  /** Ticking this step starts the ticket timer. */
  readonly startsTicketTimer?: boolean;
  /** This step shows the ticket timer and its prompts. */
  readonly showsTicketTimer?: boolean;
  /** This step shows whether the provider's office is open now. */
  readonly showsOfficeHours?: boolean;
}

export const TO_BE_DECIDED = text('to be decided', 'bestäms senare');

/** The process in the source's order (chapter 1.1 to 2), every step in English and Swedish. */
export const INCIDENT_PROCESS: readonly IncidentSection[] = [
  {
    number: '1.1',
    title: text('Support request', 'Kontakta supporten'),
    notes: [
      text(
        'Written information beats a phone call: the provider can troubleshoot from it.',
        'Skriftlig information är bättre än ett telefonsamtal: leverantören kan felsöka utifrån den.',
      ),
      text(
        'Go on with self-diagnosis (1.2) while you wait for an answer or a ticket number.',
        'Fortsätt med självdiagnosen (1.2) medan du väntar på svar eller ärendenummer.',
      ),
    ],
    steps: [
      {
        id: 'support-request',
        title: text('Send a written support request', 'Kontakta supporten skriftligt'),
        body: [
          text(
            'Mail the support address, or use the technical-support form on the provider’s website. Include what happened, when, the affected URLs and order ids (the report below collects them).',
            'Skicka e-post till supportadressen eller använd formuläret för teknisk support på leverantörens webbplats. Skriv vad som har hänt och när, och ta med berörda URL:er och ordernummer (rapporten nedan samlar dem).',
          ),
          text('Ticking this step starts the ticket timer.', 'När du bockar av det här steget startar timern för supportärendet.'),
        ],
        links: ['supportMail', 'webForm'],
        startsTicketTimer: true,
      },
      {
        id: 'ticket-fallback',
        title: text('No ticket after 10–20 minutes? Use the fallback', 'Inget ärendenummer efter 10–20 minuter? Använd reservvägen'),
        body: [
          text(
            'If no ticket with a case number has arrived within about 10–20 minutes, mail the fallback support address instead, or use the link to the ticket system on the status page.',
            'Har du inte fått något ärendenummer inom ca 10–20 minuter? Skicka då e-post till reservadressen för support i stället, eller använd länken till ärendesystemet på driftinfosidan.',
          ),
        ],
        links: ['fallbackMail', 'statusPage'],
        showsTicketTimer: true,
      },
      {
        id: 'own-mail',
        title: text('Still no answer? Check that your own mail works', 'Fortfarande inget svar? Kontrollera att din e-post fungerar'),
        body: [
          text(
            'If you used mail, check that mail from the address you used actually goes out. The web forms need no mail access.',
            'Om du använde e-post: kontrollera att e-post från adressen du använde verkligen går iväg. Formulären på webben kräver ingen e-post.',
          ),
        ],
        links: ['webForm'],
      },
    ],
  },
  {
    number: '1.2',
    title: text('Self-diagnosis', 'Självdiagnos'),
    notes: [
      text(
        'If you cannot reach these pages, that only means the provider’s web server is disturbed: the transaction system may be fine.',
        'Kommer du inte åt de här sidorna betyder det bara att leverantörens webbserver har problem: transaktionssystemet kan fungera som vanligt.',
      ),
    ],
    steps: [
      {
        id: 'status-page',
        title: text('Read the status page', 'Läs driftinfosidan'),
        body: [text('Look for a notice that fits what you see.', 'Leta efter ett meddelande som stämmer med det du ser.')],
        links: ['statusPage'],
      },
      {
        id: 'monitor-report',
        title: text('Check the uptime-monitor report', 'Titta i övervakningsrapporten'),
        body: [
          text(
            'If nothing on the status page fits, look at the public uptime-monitor report for downtime or raised response times.',
            'Stämmer inget på driftinfosidan? Titta då i den publika övervakningsrapporten efter nedtid eller förhöjda svarstider.',
          ),
          text(
            'The monitor connects to an https page of the transaction system every 5 minutes from all its locations, so there is no need to probe it yourself.',
            'Övervakningen ansluter var 5:e minut från alla sina mätplatser till en https-sida i transaktionssystemet, så du behöver inte testa den själv.',
          ),
        ],
        links: ['monitorReport'],
      },
    ],
  },
  {
    number: '1.3',
    title: text('Possible action at the merchant', 'Möjlig åtgärd hos säljföretaget'),
    notes: [
      text(
        'Use the URLs below in your systems unless the provider says otherwise.',
        'Använd URL:erna nedan i dina system om leverantören inte säger något annat.',
      ),
    ],
    steps: [
      {
        id: 'switch-url',
        title: text('Only one payment URL affected? Switch to the other', 'Bara en betal-URL berörd? Byt till den andra'),
        body: [
          text(
            'If the status page or the monitor shows that only one URL of the payment system has problems, switch your systems to the alternate URL.',
            'Visar driftinformationen eller övervakningen att bara en URL till betalsystemet har problem? Byt då dina system till den alternativa URL:en.',
          ),
        ],
        links: ['primary', 'alternate'],
      },
    ],
  },
  {
    number: '1.4',
    title: text('Next-to-last action', 'Näst sista åtgärd'),
    notes: [],
    steps: [
      {
        id: 'wait-or-phone',
        title: text('Wait for the ticket’s answer, or phone during office hours', 'Invänta svar på supportärendet, eller ring under kontorstid'),
        body: [
          text(
            'If nothing listed here or done at your company helps: wait for the answer to the support ticket, or phone the provider during office hours.',
            'Hjälper varken åtgärderna här eller något annat som har gjorts i företaget? Invänta svar på supportärendet, eller ring leverantören under kontorstid.',
          ),
        ],
        links: ['phone'],
        showsOfficeHours: true,
      },
      {
        id: 'other-isp',
        title: text('Compare through another internet provider', 'Jämför via en annan internetleverantör'),
        body: [
          text(
            'Check whether things look different through more than one ISP (internet service provider): for example the office broadband and a mobile connection. Your shop’s host and your office may reach the provider by different routes.',
            'Kontrollera om det ser olika ut via mer än en ISP (internetleverantör), till exempel kontorets bredband och en mobil uppkoppling. Butikens webbhotell och ditt kontor kan nå leverantören via olika vägar.',
          ),
        ],
        links: [],
      },
    ],
  },
  {
    number: '1.5',
    title: text('Last action', 'Sista åtgärd'),
    notes: [],
    steps: [
      {
        id: 'last-action',
        title: text('Last action: to be decided', 'Sista åtgärd: bestäms senare'),
        body: [text('The provider’s process leaves this step “TBD” (to be decided).', 'I leverantörens process står det här steget som ”TBD” (bestäms senare).')],
        links: [],
        toBeDecided: true,
      },
    ],
  },
  {
    number: '2',
    title: text('Merchant client application (MCA)', 'Kundapplikation (MCA)'),
    notes: [],
    steps: [
      {
        id: 'client-app',
        title: text('Refunds and transactions: the merchant client application', 'Återköp och transaktioner: kundapplikationen MCA'),
        body: [
          text(
            'The MCA is the provider’s web client where you can, among other things, refund purchases. If it is unavailable because of the disturbance, contact the provider about the case: it can read and update transactions in its back end.',
            'MCA är leverantörens webbklient där du bland annat kan göra återköp. Går den inte att nå på grund av störningen? Kontakta då leverantören om ärendet: leverantören kan ta fram information och uppdatera transaktioner i sitt backendsystem.',
          ),
        ],
        links: ['clientApp'],
      },
    ],
  },
];

/** Every step in order. */
export const INCIDENT_STEPS: readonly IncidentStep[] = INCIDENT_PROCESS.flatMap((s) => s.steps);

/** A link of a step, resolved against the configuration: its `href` is `null` when there is none or it is to be decided. */
export interface StepLink {
  readonly key: LinkKey;
  readonly label: Text;
  /** What is shown: the address, number or URL, or "to be decided". */
  readonly shown: Text;
  readonly href: string | null;
}

const LINK_LABELS: Record<LinkKey, Text> = {
  supportMail: text('Support mail', 'E-post till supporten'),
  fallbackMail: text('Fallback support mail', 'Reservadress för support'),
  webForm: text('Website with the technical-support form', 'Webbplats med formulär för teknisk support'),
  phone: text('Phone', 'Telefon'),
  statusPage: text('Status page (with the ticket-system link)', 'Driftinformation (med länk till ärendesystemet)'),
  monitorReport: text('Uptime-monitor report', 'Övervakningsrapport'),
  clientApp: text('Merchant client application (MCA)', 'Kundapplikation (MCA)'),
  primary: text('Payment URL', 'Betal-URL'),
  alternate: text('Alternate URL', 'Alternativ URL'),
};

const NONE = text('none given by this provider', 'ingen angiven av den här leverantören');

/** The link of a step as the configuration gives it. */
export function stepLink(key: LinkKey, config: IncidentConfig): StepLink {
  const same = (s: string): Text => text(s, s);
  switch (key) {
    case 'supportMail':
    case 'fallbackMail': {
      const address = config.contacts[key];
      return { key, label: LINK_LABELS[key], shown: same(address), href: `mailto:${address}` };
    }
    case 'phone': {
      const number = config.contacts.phone;
      const digits = number.replace(/[^\d+]/g, '');
      return { key, label: LINK_LABELS[key], shown: same(number), href: digits ? `tel:${digits}` : null };
    }
    case 'webForm':
      return { key, label: LINK_LABELS[key], shown: same(config.contacts.webForm), href: config.contacts.webForm };
    case 'statusPage':
    case 'monitorReport':
    case 'clientApp': {
      const url = config.links[key];
      return { key, label: LINK_LABELS[key], shown: url ? same(url) : NONE, href: url };
    }
    case 'primary':
    case 'alternate': {
      const url = config.paymentUrls[key];
      return { key, label: LINK_LABELS[key], shown: url ? same(url) : TO_BE_DECIDED, href: url };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Time: the provider's local time, office hours, the ticket timer (wall clocks: time.ts)
// ---------------------------------------------------------------------------------------------

export { formatZoned, zonedTime, type ZonedTime } from '../protocol/time.ts';


const DAY_NAMES: readonly Text[] = [
  text('Monday', 'måndag'),
  text('Tuesday', 'tisdag'),
  text('Wednesday', 'onsdag'),
  text('Thursday', 'torsdag'),
  text('Friday', 'fredag'),
  text('Saturday', 'lördag'),
  text('Sunday', 'söndag'),
];

/** A holiday's rule: a fixed date, the first given ISO weekday on or after a date, or days after Easter Sunday. */
type HolidayRule = { readonly month: number; readonly day: number; readonly weekday?: number } | { readonly easter: number };

/** Sweden's public holidays and the days offices close de facto (the eves), as rules. */
const SWEDISH_HOLIDAY_RULES: readonly (HolidayRule & { readonly name: Text })[] = [
  { month: 1, day: 1, name: text('New Year’s Day', 'nyårsdagen') },
  { month: 1, day: 6, name: text('Epiphany', 'trettondedag jul') },
  { easter: -2, name: text('Good Friday', 'långfredagen') },
  { easter: 0, name: text('Easter Sunday', 'påskdagen') },
  { easter: 1, name: text('Easter Monday', 'annandag påsk') },
  { month: 5, day: 1, name: text('May Day', 'första maj') },
  { easter: 39, name: text('Ascension Day', 'Kristi himmelsfärdsdag') },
  { easter: 49, name: text('Whit Sunday', 'pingstdagen') },
  { month: 6, day: 6, name: text('National Day of Sweden', 'Sveriges nationaldag') },
  { month: 6, day: 19, weekday: 5, name: text('Midsummer Eve', 'midsommarafton') },
  { month: 6, day: 20, weekday: 6, name: text('Midsummer Day', 'midsommardagen') },
  { month: 10, day: 31, weekday: 6, name: text('All Saints’ Day', 'alla helgons dag') },
  { month: 12, day: 24, name: text('Christmas Eve', 'julafton') },
  { month: 12, day: 25, name: text('Christmas Day', 'juldagen') },
  { month: 12, day: 26, name: text('Boxing Day', 'annandag jul') },
  { month: 12, day: 31, name: text('New Year’s Eve', 'nyårsafton') },
];

const DAY_MS = 86_400_000;

/** A civil date (as `Date.UTC` gives it) as `YYYY-MM-DD`. */
const isoDay = (utc: number): string => new Date(utc).toISOString().slice(0, 10);

/** The ISO weekday (1 = Monday … 7 = Sunday) of a civil date given as `Date.UTC`. */
const isoWeekday = (utc: number): number => ((new Date(utc).getUTCDay() + 6) % 7) + 1;

/** Easter Sunday of a Gregorian year, `YYYY-MM-DD` (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return isoDay(Date.UTC(year, Math.floor(n / 31) - 1, (n % 31) + 1));
}

/** A day the office is closed for: its date `YYYY-MM-DD` and name. */
export interface Holiday {
  readonly date: string;
  readonly name: Text;
}

/** Sweden's public holidays and de-facto closed days of a year, by date. */
export function swedishHolidays(year: number): readonly Holiday[] {
  const easter = Date.parse(easterSunday(year));
  return SWEDISH_HOLIDAY_RULES.map((rule) => {
    if ('easter' in rule) return { date: isoDay(easter + rule.easter * DAY_MS), name: rule.name };
    const utc = Date.UTC(year, rule.month - 1, rule.day);
    const shift = rule.weekday ? (rule.weekday - isoWeekday(utc) + 7) % 7 : 0;
    return { date: isoDay(utc + shift * DAY_MS), name: rule.name };
  }).sort((x, y) => x.date.localeCompare(y.date));
}

/** The holiday that closes the office on a civil date (`Date.UTC`), if any. */
function holidayOn(utc: number, config: IncidentConfig): Text | undefined {
  if (config.officeHours.holidays === 'none') return undefined;
  const date = isoDay(utc);
  return swedishHolidays(new Date(utc).getUTCFullYear()).find((h) => h.date === date)?.name;
}

/** Whether the office opens at all on a civil date (`Date.UTC`): an open weekday and no holiday. */
function isOfficeDay(utc: number, config: IncidentConfig): boolean {
  return config.officeHours.days.includes(isoWeekday(utc)) && !holidayOn(utc, config);
}

export interface OfficeStatus {
  readonly open: boolean;
  /** Why, with the provider's local time: to show under the phone step. */
  readonly reason: Text;
  /** The provider's local time now, `HH:MM`. */
  readonly localTime: string;
  /** The holiday that closes the office today, if one does. */
  readonly holiday?: Text;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Whether the provider's office is open at `date` (weekdays, holidays and hours in its own time zone). */
export function isOfficeOpen(date: Date, config: IncidentConfig): boolean {
  const { timeZone, open, close } = config.officeHours;
  const z = zonedTime(date, timeZone);
  const minute = z.hour * 60 + z.minute;
  return minute >= minutesOf(open) && minute < minutesOf(close) && isOfficeDay(Date.UTC(z.year, z.month - 1, z.day), config);
}

/** The office's state now with its reason, in both languages. */
export function officeStatus(date: Date, config: IncidentConfig): OfficeStatus {
  const { timeZone, days, open, close } = config.officeHours;
  const z = zonedTime(date, timeZone);
  const localTime = `${pad(z.hour)}:${pad(z.minute)}`;
  const day = DAY_NAMES[z.weekday - 1]!;
  const dayList = [...new Set(days)].sort((a, b) => a - b);
  const consecutive = dayList.length > 2 && dayList.at(-1)! - dayList[0]! === dayList.length - 1;
  const daysIn = (lang: Lang) => {
    const short = (d: number) => DAY_NAMES[d - 1]![lang].slice(0, 3);
    return consecutive ? `${short(dayList[0]!)}–${short(dayList.at(-1)!)}` : dayList.map(short).join(', ');
  };
  const hoursEn = `${daysIn('en')} ${open}–${close}`;
  const hoursSv = `${daysIn('sv')} ${open.replace(':', '.')}–${close.replace(':', '.')}`;
  const there = text(`it is ${day.en} ${localTime} in ${timeZone}`, `nu är det ${day.sv} kl. ${localTime.replace(':', '.')} ${timeZone === 'Europe/Stockholm' ? 'svensk tid' : `i tidszonen ${timeZone}`}`);
  if (isOfficeOpen(date, config)) {
    return {
      open: true,
      localTime,
      reason: text(
        `Office open now (about ${hoursEn}; ${there.en}): you can phone.`,
        `Kontoret är öppet nu (ca ${hoursSv}; ${there.sv}): du kan ringa.`,
      ),
    };
  }
  // The next opening: today if it has not opened yet, else the first office day after today
  // (the bound only stops a hand-made configuration without any day).
  const today = Date.UTC(z.year, z.month - 1, z.day);
  let ahead = z.hour * 60 + z.minute < minutesOf(open) ? 0 : 1;
  while (ahead < 366 && !isOfficeDay(today + ahead * DAY_MS, config)) ahead++;
  const next = today + ahead * DAY_MS;
  const nextDay = DAY_NAMES[isoWeekday(next) - 1]!;
  const nextDate = ahead > 1 ? ` ${isoDay(next)}` : '';
  const opens = ahead === 0 ? text(`today at ${open}`, `i dag kl. ${open.replace(':', '.')}`) : text(`${nextDay.en}${nextDate} at ${open}`, `${nextDay.sv}${nextDate} kl. ${open.replace(':', '.')}`);
  const holiday = holidayOn(today, config);
  const why = holiday
    ? text(`Office closed today: ${holiday.en} (Sweden’s public holidays; ${there.en})`, `Kontoret är stängt i dag: ${holiday.sv} (svensk helgdag; ${there.sv})`)
    : text(`Outside office hours (about ${hoursEn}; ${there.en})`, `Utanför kontorstid (ca ${hoursSv}; ${there.sv})`);
  return {
    open: false,
    localTime,
    ...(holiday ? { holiday } : {}),
    reason: text(
      `${why.en}: the provider’s alarms have most likely already alerted it to an outage of this kind. The office opens ${opens.en}; a written request is read first.`,
      `${why.sv}: leverantörens larm har med största sannolikhet redan uppmärksammat ett sådant fel. Kontoret öppnar ${opens.sv}; skriftliga ärenden läses först.`,
    ),
  };
}

/** The ticket timer's prompts, in minutes after the ticket request. */
export const TICKET_PROMPT_MINUTES = [10, 20] as const;

export interface TicketTimer {
  /** `idle`: no request yet; `received`: the ticket came; else how long the wait has been. */
  readonly stage: 'idle' | 'waiting' | 'first-prompt' | 'second-prompt' | 'received';
  readonly elapsedMs: number;
  /** Milliseconds to the next prompt, or `null` when none is left. */
  readonly nextPromptMs: number | null;
  readonly message: Text;
}

/**
 * The time since the ticket request, read as a duration and never as a clock time:
 * "11 min since the request", "1 h 5 min since the request" (whole minutes).
 */
export function sinceRequest(ms: number): Text {
  const span = duration(ms);
  return text(`${span} since the request`, `${span} sedan förfrågan`);
}

/** A duration in whole minutes, the same in both languages: `11 min`, `1 h 5 min`. */
function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const h = Math.floor(minutes / 60);
  return h ? `${h} h ${minutes % 60} min` : `${minutes} min`;
}

/** The timer after the ticket request at `now`: a pure function of the incident and the clock. */
export function ticketTimer(incident: Incident, now: Date): TicketTimer {
  const requested = incident.ticket.requestedAt;
  if (!requested) {
    return {
      stage: 'idle',
      elapsedMs: 0,
      nextPromptMs: null,
      message: text('The timer starts when you tick “Send a written support request”.', 'Timern startar när du bockar av ”Kontakta supporten skriftligt”.'),
    };
  }
  const end = incident.ticket.receivedAt ? Date.parse(incident.ticket.receivedAt) : now.getTime();
  const elapsedMs = Math.max(0, end - Date.parse(requested));
  const elapsed = duration(elapsedMs);
  if (incident.ticket.receivedAt) {
    const number = incident.ticket.number ? ` ${incident.ticket.number}` : '';
    return {
      stage: 'received',
      elapsedMs,
      nextPromptMs: null,
      message: text(`Ticket${number} received after ${elapsed}.`, `Ärendenummer${number} mottaget efter ${elapsed}.`),
    };
  }
  const [first, second] = TICKET_PROMPT_MINUTES.map((m) => m * 60_000) as [number, number];
  if (elapsedMs < first) {
    return {
      stage: 'waiting',
      elapsedMs,
      nextPromptMs: first - elapsedMs,
      message: text(
        `${elapsed} since the ticket request. Go on with self-diagnosis while you wait.`,
        `${elapsed} sedan du kontaktade supporten. Fortsätt med självdiagnosen medan du väntar.`,
      ),
    };
  }
  if (elapsedMs < second) {
    return {
      stage: 'first-prompt',
      elapsedMs,
      nextPromptMs: second - elapsedMs,
      message: text(
        `${elapsed} and no ticket yet: 10 minutes have passed. If no case number has arrived, mail the fallback address or use the ticket link on the status page.`,
        `${elapsed} utan ärendenummer: 10 minuter har gått. Skicka e-post till reservadressen eller använd länken till ärendesystemet på driftinfosidan.`,
      ),
    };
  }
  return {
    stage: 'second-prompt',
    elapsedMs,
    nextPromptMs: null,
    message: text(
      `${elapsed} and no ticket: 20 minutes have passed. Use the fallback now, and check that mail from your own address works.`,
      `${elapsed} utan ärendenummer: 20 minuter har gått. Använd reservvägen nu, och kontrollera att e-post från din egen adress fungerar.`,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Incident state: plain data, pure reducers
// ---------------------------------------------------------------------------------------------

export type StepStatus = 'open' | 'done' | 'skipped';

export interface StepState {
  readonly status: StepStatus;
  /** When the status last changed (ISO 8601), or `null` while open and never touched. */
  readonly at: string | null;
  /** What was checked and seen. */
  readonly note: string;
}

export type IncidentAction =
  | { readonly type: 'opened' }
  | { readonly type: 'step'; readonly step: StepId; readonly status: StepStatus }
  | { readonly type: 'note'; readonly step: StepId; readonly note: string }
  | { readonly type: 'ticket-received'; readonly number: string }
  | { readonly type: 'closed' }
  | { readonly type: 'reopened' };

/** One line of the timeline: an action and when. */
export type TimelineEntry = IncidentAction & { readonly at: string };

export interface IncidentDetails {
  /** A short name for the list, e.g. "Card payments fail". */
  readonly title: string;
  /** What happened, as staff saw it. */
  readonly description: string;
  /** The affected URLs, one per line. */
  readonly urls: string;
  /** The affected order ids, one per line or separated by commas. */
  readonly orderIds: string;
}

export interface Incident extends IncidentDetails {
  readonly id: string;
  readonly openedAt: string;
  readonly closedAt: string | null;
  /** The provider this incident concerns (the configuration's name when it was opened). */
  readonly provider: string;
  readonly steps: Readonly<Record<StepId, StepState>>;
  readonly ticket: { readonly requestedAt: string | null; readonly receivedAt: string | null; readonly number: string };
  readonly timeline: readonly TimelineEntry[];
}

const OPEN_STEP: StepState = { status: 'open', at: null, note: '' };

/** A new incident opened at `now`. */
export function createIncident(id: string, provider: string, now: Date, details: Partial<IncidentDetails> = {}): Incident {
  const at = now.toISOString();
  return {
    id,
    title: details.title ?? '',
    description: details.description ?? '',
    urls: details.urls ?? '',
    orderIds: details.orderIds ?? '',
    openedAt: at,
    closedAt: null,
    provider,
    steps: Object.fromEntries(INCIDENT_STEPS.map((s) => [s.id, OPEN_STEP])) as Record<StepId, StepState>,
    ticket: { requestedAt: null, receivedAt: null, number: '' },
    timeline: [{ type: 'opened', at }],
  };
}

/** Ticks, skips or reopens a step. Ticking the support request starts the ticket timer (once). */
export function setStepStatus(incident: Incident, step: StepId, status: StepStatus, now: Date): Incident {
  const current = incident.steps[step];
  if (current.status === status) return incident;
  const at = now.toISOString();
  const starts = status === 'done' && INCIDENT_STEPS.find((s) => s.id === step)?.startsTicketTimer && !incident.ticket.requestedAt;
  return {
    ...incident,
    steps: { ...incident.steps, [step]: { ...current, status, at } },
    ticket: starts ? { ...incident.ticket, requestedAt: at } : incident.ticket,
    timeline: [...incident.timeline, { type: 'step', step, status, at }],
  };
}

/**
 * Sets a step's note. Call it with `log` when the note is committed (on `change`), without it on
 * every keystroke: the note is kept either way, the timeline gets one entry per committed note.
 */
export function annotateStep(incident: Incident, step: StepId, note: string, now: Date, log = true): Incident {
  const current = incident.steps[step];
  const lastNote = [...incident.timeline].reverse().find((e) => e.type === 'note' && e.step === step);
  const logged = lastNote?.type === 'note' && lastNote.note === note;
  if (current.note === note && (!log || logged)) return incident;
  const steps = current.note === note ? incident.steps : { ...incident.steps, [step]: { ...current, note } };
  const timeline = log && !logged ? [...incident.timeline, { type: 'note' as const, step, note, at: now.toISOString() }] : incident.timeline;
  return { ...incident, steps, timeline };
}

/** Records the ticket's arrival (stops the timer) with its case number. */
export function recordTicket(incident: Incident, number: string, now: Date): Incident {
  const at = now.toISOString();
  const trimmed = number.trim();
  return {
    ...incident,
    ticket: { requestedAt: incident.ticket.requestedAt ?? at, receivedAt: at, number: trimmed },
    timeline: [...incident.timeline, { type: 'ticket-received', number: trimmed, at }],
  };
}

/** Updates the title, what happened, the URLs and order ids. */
export function setDetails(incident: Incident, details: Partial<IncidentDetails>): Incident {
  return { ...incident, ...details };
}

/** Closes the incident, or reopens it. */
export function setClosed(incident: Incident, closed: boolean, now: Date): Incident {
  if ((incident.closedAt !== null) === closed) return incident;
  const at = now.toISOString();
  return { ...incident, closedAt: closed ? at : null, timeline: [...incident.timeline, { type: closed ? 'closed' : 'reopened', at }] };
}

/** The steps a received ticket answers: no ticket yet (the fallback), and no answer yet (one's own mail). */
export const MOOT_ONCE_TICKET_RECEIVED: readonly StepId[] = ['ticket-fallback', 'own-mail'];

/**
 * The step to do now: the first one neither done nor skipped, or `null` when all are. Once the
 * ticket is received, the steps it answers (`MOOT_ONCE_TICKET_RECEIVED`) are no longer the one to do.
 */
export function currentStep(incident: Incident): StepId | null {
  const moot = incident.ticket.receivedAt ? MOOT_ONCE_TICKET_RECEIVED : [];
  return INCIDENT_STEPS.find((s) => incident.steps[s.id].status === 'open' && !moot.includes(s.id))?.id ?? null;
}

/** Several incidents, kept and reopened; what the checklist persists. Never holds anything secret. */
export interface IncidentStore {
  readonly version: 1;
  readonly incidents: readonly Incident[];
  readonly activeId: string | null;
}

export const EMPTY_INCIDENT_STORE: IncidentStore = { version: 1, incidents: [], activeId: null };

/** Adds an incident and makes it the active one. */
export function addIncident(store: IncidentStore, incident: Incident): IncidentStore {
  return { ...store, incidents: [...store.incidents, incident], activeId: incident.id };
}

/** Replaces one incident through a reducer. */
export function updateIncident(store: IncidentStore, id: string, change: (incident: Incident) => Incident): IncidentStore {
  return { ...store, incidents: store.incidents.map((i) => (i.id === id ? change(i) : i)) };
}

/** Makes another incident the active one. */
export function selectIncident(store: IncidentStore, id: string): IncidentStore {
  return store.incidents.some((i) => i.id === id) ? { ...store, activeId: id } : store;
}

/** Deletes one incident; the newest other one becomes active. */
export function removeIncident(store: IncidentStore, id: string): IncidentStore {
  const incidents = store.incidents.filter((i) => i.id !== id);
  const activeId = store.activeId === id ? (incidents.at(-1)?.id ?? null) : store.activeId;
  return { ...store, incidents, activeId };
}

/** An id unique within the store, derived from the opening time. */
export function newIncidentId(store: IncidentStore, now: Date): string {
  const base = `incident-${now.toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}`;
  let id = base;
  for (let n = 2; store.incidents.some((i) => i.id === id); n++) id = `${base}-${n}`;
  return id;
}

function isIncident(value: unknown): value is Incident {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const strings = ['id', 'title', 'description', 'urls', 'orderIds', 'openedAt', 'provider'];
  if (!strings.every((k) => typeof v[k] === 'string')) return false;
  if (typeof v['steps'] !== 'object' || v['steps'] === null || !Array.isArray(v['timeline'])) return false;
  const steps = v['steps'] as Record<string, unknown>;
  const ticket = v['ticket'] as Record<string, unknown> | null;
  return (
    INCIDENT_STEPS.every((s) => {
      const state = steps[s.id] as Record<string, unknown> | undefined;
      return !!state && ['open', 'done', 'skipped'].includes(state['status'] as string) && typeof state['note'] === 'string';
    }) &&
    typeof ticket === 'object' &&
    ticket !== null &&
    typeof ticket['number'] === 'string'
  );
}

/**
 * Reads a stored store (JSON). Never throws: unreadable data gives an empty store, and incidents
 * that do not have the expected shape are left out; `dropped` counts them so the page can say so.
 */
export function parseIncidentStore(json: string | null): { store: IncidentStore; dropped: number } {
  if (!json) return { store: EMPTY_INCIDENT_STORE, dropped: 0 };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { store: EMPTY_INCIDENT_STORE, dropped: 1 };
  }
  const v = value as Partial<IncidentStore> | null;
  if (!v || v.version !== 1 || !Array.isArray(v.incidents)) return { store: EMPTY_INCIDENT_STORE, dropped: 1 };
  const incidents = v.incidents.filter(isIncident);
  const activeId = incidents.some((i) => i.id === v.activeId) ? (v.activeId as string) : (incidents.at(-1)?.id ?? null);
  return { store: { version: 1, incidents, activeId }, dropped: v.incidents.length - incidents.length };
}

// ---------------------------------------------------------------------------------------------
// The written report
// ---------------------------------------------------------------------------------------------

const R = {
  subject: text('Incident', 'Incident'),
  heading: text('Incident report', 'Incidentrapport'),
  provider: text('Provider', 'Leverantör'),
  opened: text('Noticed / opened', 'Upptäckt / öppnad'),
  closed: text('Closed', 'Avslutad'),
  times: text('All times', 'Alla tider'),
  what: text('What happened', 'Vad som hänt'),
  urls: text('Affected URLs', 'Berörda URL:er'),
  orders: text('Order ids', 'Ordernummer'),
  ticket: text('Support ticket', 'Supportärende'),
  requested: text('requested', 'begärt'),
  received: text('received', 'mottaget'),
  caseNumber: text('case number', 'ärendenummer'),
  notYet: text('none received yet', 'inget mottaget än'),
  checked: text('What was checked and seen', 'Kontroller och iakttagelser'),
  timeline: text('Timeline', 'Tidslinje'),
  none: text('(not given)', '(inte angivet)'),
  done: text('done', 'gjort'),
  skipped: text('skipped', 'överhoppat'),
  open: text('not done', 'inte gjort'),
  reopened: text('reopened', 'öppnat igen'),
  step: text('Step', 'Steg'),
  note: text('Note on', 'Anteckning om'),
  quoteOpen: text('“', '”'),
  quoteClose: text('”', '”'),
  ticketIn: text('Ticket received', 'Supportärende mottaget'),
  incidentOpened: text('Incident opened', 'Incidenten öppnad'),
  incidentClosed: text('Incident closed', 'Incidenten avslutad'),
  incidentReopened: text('Incident reopened', 'Incidenten öppnad igen'),
  tbd: text('to be decided in the provider’s process', 'bestäms senare enligt leverantörens process'),
  footer: text('Written with ebet-toolkit’s incident checklist.', 'Skapad med incidentchecklistan i ebet-toolkit.'),
  notes: text('Notes', 'Anteckningar'),
  stepsFinished: text('Steps done or skipped', 'Steg som är gjorda eller överhoppade'),
  fullReport: text(
    'The full report, with the timeline, is in the checklist: paste it below or attach its file.',
    'Hela rapporten, med tidslinjen, finns i checklistan: klistra in den nedan eller bifoga filen.',
  ),
  leftOut: text('Left out to fit in a mail link', 'Utelämnat för att rymmas i en e-postlänk'),
  stepsLeftOut: text('the steps done or skipped', 'stegen som är gjorda eller överhoppade'),
  charactersOf: text('characters of', 'tecken av'),
};

function stepTitle(id: StepId): Text {
  return INCIDENT_STEPS.find((s) => s.id === id)!.title;
}

function statusWord(status: StepStatus): Text {
  return status === 'done' ? R.done : status === 'skipped' ? R.skipped : R.open;
}

function block(value: string, lang: Lang): string {
  const trimmed = value.trim();
  return trimmed ? trimmed.split(/\r?\n/).map((l) => `  ${l}`).join('\n') : `  ${R.none[lang]}`;
}

function timelineLine(entry: TimelineEntry, lang: Lang): string {
  switch (entry.type) {
    case 'opened':
      return R.incidentOpened[lang];
    case 'closed':
      return R.incidentClosed[lang];
    case 'reopened':
      return R.incidentReopened[lang];
    case 'ticket-received':
      return `${R.ticketIn[lang]}${entry.number ? ` (${R.caseNumber[lang]} ${entry.number})` : ''}`;
    case 'step': {
      const word = entry.status === 'open' ? R.reopened : statusWord(entry.status);
      return `${R.step[lang]} ${R.quoteOpen[lang]}${stepTitle(entry.step)[lang]}${R.quoteClose[lang]}: ${word[lang]}`;
    }
    case 'note':
      return `${R.note[lang]} ${R.quoteOpen[lang]}${stepTitle(entry.step)[lang]}${R.quoteClose[lang]}: ${entry.note.replace(/\s+/g, ' ').trim()}`;
  }
}

/** The support ticket in one line (requested, received, case number), or `null` before the request. */
function ticketLine(incident: Incident, when: (iso: string) => string, lang: Lang): string | null {
  const { requestedAt, receivedAt, number } = incident.ticket;
  const ticket = [
    requestedAt ? `${R.requested[lang]} ${when(requestedAt)}` : null,
    receivedAt ? `${R.received[lang]} ${when(receivedAt)}` : requestedAt ? R.notYet[lang] : null,
    number ? `${R.caseNumber[lang]} ${number}` : null,
  ].filter((x): x is string => x !== null);
  return ticket.length ? `${R.ticket[lang]}: ${ticket.join(', ')}` : null;
}


/** The written report the process asks for: subject and plain-text body, in one language. */
export function incidentReport(incident: Incident, config: IncidentConfig, lang: Lang): { subject: string; body: string } {
  const zone = config.officeHours.timeZone;
  const when = (iso: string) => formatZoned(new Date(iso), zone, false, lang);
  const title = cut(incident.title.trim() || incident.description.trim().split(/\r?\n/)[0]!, 80);
  const subject = `${R.subject[lang]}: ${title ? `${title} – ` : ''}${when(incident.openedAt)}`;
  const lines: string[] = [
    `${R.heading[lang]}${incident.title.trim() ? `: ${incident.title.trim()}` : ''}`,
    '',
    `${R.provider[lang]}: ${incident.provider}`,
    `${R.opened[lang]}: ${when(incident.openedAt)}`,
  ];
  if (incident.closedAt) lines.push(`${R.closed[lang]}: ${when(incident.closedAt)}`);
  lines.push(`${R.times[lang]}: ${zone}`, '', `${R.what[lang]}:`, block(incident.description, lang), '', `${R.urls[lang]}:`, block(incident.urls, lang), '');
  lines.push(`${R.orders[lang]}:`, block(incident.orderIds, lang), '');
  const ticket = ticketLine(incident, when, lang);
  if (ticket) lines.push(ticket, '');
  lines.push(`${R.checked[lang]}:`);
  for (const step of INCIDENT_STEPS) {
    const state = incident.steps[step.id];
    const at = state.at && state.status !== 'open' ? ` (${when(state.at)})` : '';
    const tbd = step.toBeDecided ? ` – ${R.tbd[lang]}` : '';
    lines.push(`- [${statusWord(state.status)[lang]}${at}] ${step.title[lang]}${tbd}`);
    if (state.note.trim()) lines.push(...state.note.trim().split(/\r?\n/).map((l) => `    ${l}`));
  }
  lines.push('', `${R.timeline[lang]}:`);
  for (const entry of incident.timeline) lines.push(`${when(entry.at)}  ${timelineLine(entry, lang)}`);
  lines.push('', R.footer[lang]);
  return { subject, body: lines.join('\n') };
}

/** Longest `mailto:` URL the checklist produces: a limit mail clients and browsers accept everywhere. */
export const MAILTO_MAX_LENGTH = 2000;

const TRUNCATED = text(
  '[… report shortened to fit in a mail link: copy the full report from the checklist and paste it here]',
  '[… rapporten förkortad för att rymmas i en e-postlänk: kopiera hela rapporten från checklistan och klistra in den här]',
);

/** Lone surrogates (from a broken paste) become U+FFFD, so encoding never throws. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function encodeBody(body: string): string {
  return encodeURIComponent(wellFormed(body).replace(/\r?\n/g, '\r\n'));
}

/** Cuts a string to `length` code units without splitting a surrogate pair. */
function cut(value: string, length: number): string {
  const code = value.charCodeAt(length - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/**
 * A `mailto:` URL with subject and body, at most `maxLength` characters: a body that does not fit
 * is shortened with a note saying so (`truncated: true`) and the full text stays to be copied.
 */
export function reportMailto(address: string, subject: string, body: string, lang: Lang, maxLength = MAILTO_MAX_LENGTH): { url: string; truncated: boolean } {
  const head = `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?subject=${encodeURIComponent(wellFormed(subject))}&body=`;
  const full = head + encodeBody(body);
  if (full.length <= maxLength) return { url: full, truncated: false };
  const note = `\n\n${TRUNCATED[lang]}`;
  let low = 0;
  let high = body.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((head + encodeBody(cut(body, mid) + note)).length <= maxLength) low = mid;
    else high = mid - 1;
  }
  return { url: head + encodeBody(cut(body, low) + note), truncated: true };
}

/** The mail link of an incident: what the mail says, and what it had to leave out to fit. */
export interface IncidentMail {
  /** The `mailto:` URL to the support address, at most `maxLength` characters. */
  readonly url: string;
  /** The mail's text. */
  readonly body: string;
  /** What the mail leaves out or shortens to fit, in the mail's language; empty when the incident is whole. */
  readonly leftOut: readonly string[];
}

/** A block cut to at most `cap` characters and a "…": whole lines while they fit, else the first line cut. */
function shorten(value: string, cap: number): string {
  if (value.length <= cap) return value;
  let kept = '';
  for (const line of value.split('\n')) {
    const next = kept ? `${kept}\n${line}` : line;
    if (next.length > cap) break;
    kept = next;
  }
  return `${kept || (cap > 0 ? cut(value, cap) : '')}…`;
}

/**
 * The mail to the support address, as the provider's process asks for written information: title
 * (with provider and time), what happened, the affected URLs, the order ids, the ticket, the notes
 * typed at each step, in that order, then the steps done or skipped. A small incident goes whole
 * within `maxLength` (2,000 characters of `mailto:` URL). A larger one first leaves out the steps,
 * then shortens the longest facts alike, never the title, provider, time or ticket; the mail says
 * what was left out (`leftOut`), and points to the full report (`incidentReport`) to paste or attach.
 */
export function incidentMail(incident: Incident, config: IncidentConfig, lang: Lang, maxLength = MAILTO_MAX_LENGTH): IncidentMail {
  const zone = config.officeHours.timeZone;
  const address = config.contacts.supportMail;
  const when = (iso: string) => formatZoned(new Date(iso), zone, false, lang);
  const count = (n: number) => n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB');
  const { subject } = incidentReport(incident, config, lang);
  const noted = INCIDENT_STEPS.filter((step) => incident.steps[step.id].note.trim());
  const notes = noted.map((step) => `- ${step.title[lang]}: ${incident.steps[step.id].note.trim()}`).join('\n');
  const finished = INCIDENT_STEPS.filter((step) => incident.steps[step.id].status !== 'open');
  const steps = finished.map((step) => {
    const state = incident.steps[step.id];
    return `- [${statusWord(state.status)[lang]}${state.at ? ` ${when(state.at)}` : ''}] ${step.title[lang]}`;
  });
  const longest = Math.max(incident.description.length, incident.urls.length, incident.orderIds.length, notes.length);
  const compose = (cap: number, withSteps: boolean): { body: string; leftOut: string[] } => {
    const leftOut: string[] = withSteps || !steps.length ? [] : [R.stepsLeftOut[lang]];
    const fact = (label: Text, value: string): string[] => {
      const shown = shorten(value.trim(), cap);
      if (shown !== value.trim()) leftOut.push(`${label[lang]} (${count(shown.length - 1)} ${R.charactersOf[lang]} ${count(value.trim().length)})`);
      return [`${label[lang]}:`, block(shown, lang)];
    };
    const ticket = ticketLine(incident, when, lang);
    const lines = [
      `${R.heading[lang]}${incident.title.trim() ? `: ${cut(incident.title.trim(), 80)}` : ''}`,
      `${R.provider[lang]}: ${incident.provider}`,
      `${R.opened[lang]}: ${when(incident.openedAt)} (${zone})`,
      '',
      ...fact(R.what, incident.description),
      ...fact(R.urls, incident.urls),
      ...fact(R.orders, incident.orderIds),
      ...(ticket ? [ticket] : []),
      ...(notes ? fact(R.notes, notes) : []),
      ...(withSteps && steps.length ? ['', `${R.stepsFinished[lang]} (${finished.length}/${INCIDENT_STEPS.length}):`, ...steps] : []),
      '',
      ...(leftOut.length ? [`[${R.leftOut[lang]}: ${leftOut.join('; ')}.]`] : []),
      R.fullReport[lang],
    ];
    return { body: lines.join('\n'), leftOut };
  };
  const fits = (body: string) => !reportMailto(address, subject, body, lang, maxLength).truncated;
  let mail = compose(Infinity, true);
  if (!fits(mail.body)) mail = compose(Infinity, false);
  if (!fits(mail.body)) {
    let low = 0;
    let high = longest;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(compose(mid, false).body)) low = mid;
      else high = mid - 1;
    }
    mail = compose(low, false);
  }
  return { url: reportMailto(address, subject, mail.body, lang, maxLength).url, ...mail };
}
