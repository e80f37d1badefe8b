import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import {
  addIncident,
  annotateStep,
  createIncident,
  currentStep,
  DEFAULT_INCIDENT_CONFIG,
  easterSunday,
  EMPTY_INCIDENT_STORE,
  INCIDENT_PROCESS,
  INCIDENT_STEPS,
  incidentMail,
  incidentReport,
  isOfficeOpen,
  MAILTO_MAX_LENGTH,
  newIncidentId,
  officeStatus,
  parseIncidentConfig,
  parseIncidentStore,
  recordTicket,
  removeIncident,
  reportMailto,
  setClosed,
  setDetails,
  setStepStatus,
  sinceRequest,
  stepLink,
  swedishHolidays,
  ticketTimer,
  updateIncident,
  validateIncidentConfig,
  zonedTime,
  type IncidentConfig,
} from '../../../src/incident/incident.ts';

const at = (iso: string) => new Date(iso);
const config = DEFAULT_INCIDENT_CONFIG;

/** The default configuration as a JSON-ready object, with one field changed at a dotted path. */
function configWith(path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(config)) as Record<string, Record<string, unknown>>;
  const [a, b] = path.split('.') as [string, string | undefined];
  if (b === undefined) (copy as Record<string, unknown>)[a] = value;
  else copy[a]![b] = value;
  return copy;
}

describe('incident: the process as data', () => {
  it('keeps the source’s order, chapters 1.1 to 2', () => {
    expect(INCIDENT_PROCESS.map((s) => s.number)).to.deep.equal(['1.1', '1.2', '1.3', '1.4', '1.5', '2']);
    expect(INCIDENT_STEPS.map((s) => s.id)).to.deep.equal([
      'support-request',
      'ticket-fallback',
      'own-mail',
      'status-page',
      'monitor-report',
      'switch-url',
      'wait-or-phone',
      'other-isp',
      'last-action',
      'client-app',
    ]);
  });

  it('has every text in English and Swedish', () => {
    const texts = INCIDENT_PROCESS.flatMap((s) => [s.title, ...s.notes, ...s.steps.flatMap((st) => [st.title, ...st.body])]);
    for (const t of texts) {
      expect(t.en.trim(), JSON.stringify(t)).not.to.equal('');
      expect(t.sv.trim(), JSON.stringify(t)).not.to.equal('');
      expect(t.sv, 'a Swedish text that is a copy of the English one').not.to.equal(t.en);
    }
  });

  it('keeps the source’s “TBD” items visible as “to be decided”', () => {
    const last = INCIDENT_STEPS.find((s) => s.id === 'last-action')!;
    expect(last.toBeDecided).to.equal(true);
    expect(last.title.en).to.contain('to be decided');
    expect(last.title.sv).to.contain('bestäms senare');
    const alternate = stepLink('alternate', config);
    expect(alternate.href).to.equal(null);
    expect(alternate.shown).to.deep.equal({ en: 'to be decided', sv: 'bestäms senare' });
    expect(stepLink('primary', config).href).to.equal('https://payment.certitrade.net/webshophtml/e/auth.php');
  });

  it('resolves links from the configuration: mail, phone and web', () => {
    expect(stepLink('supportMail', config).href).to.equal('mailto:support@certitrade.net');
    expect(stepLink('fallbackMail', config).href).to.equal('mailto:support@certitrade-test.se');
    expect(stepLink('phone', config)).to.include({ href: 'tel:0184305000' });
    expect(stepLink('monitorReport', config).href).to.equal('http://www.pingdom.com/reports/kcs1fjn71wrp');
    expect(stepLink('clientApp', config).href).to.equal('https://www.certitrade.net/mca');
  });
});

describe('incident: configuration', () => {
  it('accepts the default, and its JSON round trip', () => {
    expect(validateIncidentConfig(config).ok).to.equal(true);
    const result = parseIncidentConfig(JSON.stringify(config));
    expect(result.ok && result.config).to.deep.equal(config);
  });

  it('refuses a wrong field with its JSON path, in both languages', () => {
    const result = validateIncidentConfig(configWith('contacts.phone', 184305000));
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).to.deep.equal(['contacts.phone']);
    expect(result.problems[0]!.message.en).to.match(/^contacts\.phone: expected a string; got number$/);
    expect(result.problems[0]!.message.sv).to.match(/^contacts\.phone: ska vara en sträng, inte number$/);
  });

  const cases: [string, unknown, RegExp][] = [
    ['links.statusPage', 'javascript:alert(1)', /expected an http:\/\/ or https:\/\/ URL/],
    ['contacts.supportMail', 'support at example', /expected one e-mail address/],
    ['contacts.fallbackMail', '', /must not be empty/],
    ['officeHours.timeZone', 'Europe/Stokholm', /unknown time zone "Europe\/Stokholm"/],
    ['officeHours.open', '8', /expected a time HH:MM/],
    ['officeHours.days', [0, 1], /expected a list of weekdays 1–7/],
    ['paymentUrls.alternate', 42, /or null for "to be decided"/],
    ['contacts', 'support@example.com', /expected an object/],
    ['links', undefined, /^links: missing: expected an object with statusPage, monitorReport, clientApp$/],
    ['officeHours.close', '07:00', /must be later than officeHours\.open/],
  ];
  for (const [path, value, message] of cases) {
    it(`refuses ${path} = ${JSON.stringify(value)}`, () => {
      const input = configWith(path, value);
      if (value === undefined) delete (input as Record<string, unknown>)[path];
      const result = validateIncidentConfig(input);
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.problems[0]!.path).to.equal(path);
      expect(result.problems[0]!.message.en).to.match(message);
      expect(result.problems[0]!.message.sv).to.contain(path);
    });
  }

  it('accepts null for a missing monitor report, client application or alternate URL', () => {
    const result = validateIncidentConfig(configWith('links.monitorReport', null));
    expect(result.ok).to.equal(true);
    expect(stepLink('monitorReport', (result as { config: IncidentConfig }).config).href).to.equal(null);
  });

  it('names an unknown field (a typo) and refuses JSON that is not JSON', () => {
    const typo = validateIncidentConfig({ ...config, contacts: { ...config.contacts, suportMail: 'x@y.se' } });
    expect(!typo.ok && typo.problems.map((p) => p.path)).to.deep.equal(['contacts.suportMail']);
    const notJson = parseIncidentConfig('{ provider: "x" ');
    expect(!notJson.ok && notJson.problems[0]!.path).to.equal('(file)');
    expect(!notJson.ok && notJson.problems[0]!.message.sv).to.match(/inte giltig JSON/);
    expect(parseIncidentConfig('[]').ok).to.equal(false);
    expect(parseIncidentConfig('null').ok).to.equal(false);
  });
});

describe('incident: office hours in Europe/Stockholm', () => {
  // Stockholm is UTC+1 in winter (CET) and UTC+2 in summer (CEST); the instants below are written
  // out by hand from that rule, not computed by the code under test.
  const table: [string, string, boolean][] = [
    // an ordinary winter weekday, Monday 23 November 2026 (CET)
    ['2026-11-23T06:59:00Z', 'Mon 07:59, before opening', false],
    ['2026-11-23T07:00:00Z', 'Mon 08:00, opening', true],
    ['2026-11-23T15:59:00Z', 'Mon 16:59', true],
    ['2026-11-23T16:00:00Z', 'Mon 17:00, closing', false],
    ['2026-11-23T18:30:00Z', 'Mon 19:30, evening', false],
    ['2026-11-21T09:00:00Z', 'Sat 10:00, weekend', false],
    ['2026-11-22T12:00:00Z', 'Sun 13:00, weekend', false],
    // spring: clocks go forward on Sunday 29 March 2026 at 02:00 CET (01:00 UTC)
    ['2026-03-27T06:59:00Z', 'Fri 27 Mar 07:59 CET', false],
    ['2026-03-27T07:00:00Z', 'Fri 27 Mar 08:00 CET', true],
    ['2026-03-27T15:59:00Z', 'Fri 27 Mar 16:59 CET', true],
    ['2026-03-27T16:00:00Z', 'Fri 27 Mar 17:00 CET', false],
    ['2026-03-30T05:59:00Z', 'Mon 30 Mar 07:59 CEST', false],
    ['2026-03-30T06:00:00Z', 'Mon 30 Mar 08:00 CEST', true],
    ['2026-03-30T06:59:00Z', 'Mon 30 Mar 08:59 CEST (closed if summer time were ignored)', true],
    ['2026-03-30T14:59:00Z', 'Mon 30 Mar 16:59 CEST', true],
    ['2026-03-30T15:00:00Z', 'Mon 30 Mar 17:00 CEST', false],
    ['2026-03-30T15:30:00Z', 'Mon 30 Mar 17:30 CEST (open if summer time were ignored)', false],
    // autumn: clocks go back on Sunday 25 October 2026 at 03:00 CEST (01:00 UTC)
    ['2026-10-23T05:59:00Z', 'Fri 23 Oct 07:59 CEST', false],
    ['2026-10-23T06:00:00Z', 'Fri 23 Oct 08:00 CEST', true],
    ['2026-10-23T14:59:00Z', 'Fri 23 Oct 16:59 CEST', true],
    ['2026-10-23T15:00:00Z', 'Fri 23 Oct 17:00 CEST', false],
    ['2026-10-26T06:30:00Z', 'Mon 26 Oct 07:30 CET (open if winter time were ignored)', false],
    ['2026-10-26T06:59:00Z', 'Mon 26 Oct 07:59 CET', false],
    ['2026-10-26T07:00:00Z', 'Mon 26 Oct 08:00 CET', true],
    ['2026-10-26T15:59:00Z', 'Mon 26 Oct 16:59 CET', true],
    ['2026-10-26T16:00:00Z', 'Mon 26 Oct 17:00 CET', false],
  ];
  for (const [instant, what, open] of table) {
    it(`${what}: ${open ? 'open' : 'closed'}`, () => {
      expect(isOfficeOpen(at(instant), config)).to.equal(open);
      expect(officeStatus(at(instant), config).open).to.equal(open);
    });
  }

  it('reads the wall clock across both changes themselves', () => {
    expect(zonedTime(at('2026-03-29T00:59:59Z'), 'Europe/Stockholm')).to.include({ hour: 1, minute: 59, weekday: 7, day: 29 });
    expect(zonedTime(at('2026-03-29T01:00:00Z'), 'Europe/Stockholm')).to.include({ hour: 3, minute: 0 });
    expect(zonedTime(at('2026-10-25T00:59:59Z'), 'Europe/Stockholm')).to.include({ hour: 2, minute: 59 });
    expect(zonedTime(at('2026-10-25T01:00:00Z'), 'Europe/Stockholm')).to.include({ hour: 2, minute: 0 });
    expect(zonedTime(at('2026-11-23T23:30:00Z'), 'Europe/Stockholm')).to.include({ hour: 0, minute: 30, weekday: 2, day: 24 });
  });

  it('says why it is closed, and when it opens, in both languages', () => {
    const weekend = officeStatus(at('2026-11-21T09:00:00Z'), config);
    expect(weekend.reason.en).to.contain('Outside office hours');
    expect(weekend.reason.en).to.contain('the provider’s alarms have most likely already alerted it');
    expect(weekend.reason.en).to.contain('Saturday 10:00');
    expect(weekend.reason.en).to.contain('opens Monday 2026-11-23 at 08:00');
    expect(weekend.reason.en).to.contain('about Mon–Fri 08:00–17:00');
    expect(weekend.reason.sv).to.contain('ca mån–fre 08.00–17.00');
    expect(weekend.reason.sv).to.contain('larm');
    expect(weekend.reason.sv).to.contain('måndag 2026-11-23 kl. 08.00');
    expect(officeStatus(at('2026-11-23T05:00:00Z'), config).reason.en).to.contain('opens today at 08:00');
    expect(officeStatus(at('2026-11-27T17:00:00Z'), config).reason.en).to.contain('opens Monday 2026-11-30 at 08:00');
    expect(officeStatus(at('2026-11-23T18:30:00Z'), config).reason.en).to.contain('opens Tuesday at 08:00');
    const open = officeStatus(at('2026-11-23T09:15:00Z'), config);
    expect(open.localTime).to.equal('10:15');
    expect(open.reason.en).to.match(/^Office open now .*Monday 10:15 in Europe\/Stockholm/);
  });

  it('follows another provider’s time zone and days', () => {
    const other = { ...config, officeHours: { ...config.officeHours, timeZone: 'America/New_York', days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '18:00' } };
    expect(isOfficeOpen(at('2026-11-21T14:00:00Z'), other)).to.equal(true); // Saturday 09:00 EST
    expect(isOfficeOpen(at('2026-11-21T13:59:00Z'), other)).to.equal(false);
  });
});

describe('incident: Swedish public holidays', () => {
  it('finds Easter Sunday (anonymous Gregorian algorithm)', () => {
    const known = ['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25', '2285-03-22', '1943-04-25'];
    for (const date of known) expect(easterSunday(Number(date.slice(0, 4)))).to.equal(date);
  });

  it('lists every holiday of 2026 by date, in English and Swedish', () => {
    expect(swedishHolidays(2026).map((h) => `${h.date} ${h.name.en} / ${h.name.sv}`)).to.deep.equal([
      '2026-01-01 New Year’s Day / nyårsdagen',
      '2026-01-06 Epiphany / trettondedag jul',
      '2026-04-03 Good Friday / långfredagen',
      '2026-04-05 Easter Sunday / påskdagen',
      '2026-04-06 Easter Monday / annandag påsk',
      '2026-05-01 May Day / första maj',
      '2026-05-14 Ascension Day / Kristi himmelsfärdsdag',
      '2026-05-24 Whit Sunday / pingstdagen',
      '2026-06-06 National Day of Sweden / Sveriges nationaldag',
      '2026-06-19 Midsummer Eve / midsommarafton',
      '2026-06-20 Midsummer Day / midsommardagen',
      '2026-10-31 All Saints’ Day / alla helgons dag',
      '2026-12-24 Christmas Eve / julafton',
      '2026-12-25 Christmas Day / juldagen',
      '2026-12-26 Boxing Day / annandag jul',
      '2026-12-31 New Year’s Eve / nyårsafton',
    ]);
  });

  it('puts midsummer on the Friday and Saturday between 19 and 26 June, All Saints’ on the Saturday from 31 October', () => {
    const on = (year: number, en: string) => swedishHolidays(year).find((h) => h.name.en === en)!.date;
    expect(on(2026, 'Midsummer Eve')).to.equal('2026-06-19'); // 19 June is a Friday
    expect(on(2027, 'Midsummer Eve')).to.equal('2027-06-25'); // 19 June is a Saturday
    expect(on(2027, 'Midsummer Day')).to.equal('2027-06-26');
    expect(on(2027, 'All Saints’ Day')).to.equal('2027-11-06');
  });

  it('closes the office on Midsummer Eve and names it, in both languages', () => {
    const eve = at('2026-06-19T08:00:00Z'); // Friday 10:00 CEST
    expect(isOfficeOpen(eve, config)).to.equal(false);
    const status = officeStatus(eve, config);
    expect(status.open).to.equal(false);
    expect(status.holiday).to.deep.equal({ en: 'Midsummer Eve', sv: 'midsommarafton' });
    expect(status.reason.en).to.match(/^Office closed today: Midsummer Eve \(Sweden’s public holidays; it is Friday 10:00 in Europe\/Stockholm\)/);
    expect(status.reason.en).to.contain('opens Monday 2026-06-22 at 08:00');
    expect(status.reason.sv).to.match(/^Kontoret är stängt i dag: midsommarafton \(svensk helgdag; nu är det fredag kl\. 10\.00 svensk tid\)/);
    expect(status.reason.sv).to.contain('öppnar måndag 2026-06-22 kl. 08.00');
  });

  it('opens after Easter on the Tuesday after Easter Monday', () => {
    const maundyThursday = at('2027-03-25T16:30:00Z'); // 17:30 CET; Easter Sunday is 28 March
    expect(officeStatus(maundyThursday, config).reason.en).to.contain('The office opens Tuesday 2027-03-30 at 08:00');
    expect(officeStatus(maundyThursday, config).reason.sv).to.contain('Kontoret öppnar tisdag 2027-03-30 kl. 08.00');
    expect(officeStatus(maundyThursday, config).holiday).to.equal(undefined); // closed for the evening, not for a holiday
    expect(officeStatus(at('2027-03-29T05:00:00Z'), config).reason.en).to.contain('opens Tuesday at 08:00'); // Easter Monday 07:00
    expect(isOfficeOpen(at('2027-03-30T06:00:00Z'), config)).to.equal(true); // Tuesday 08:00 CEST
  });

  it('keeps the office open on holidays with holidays: "none"', () => {
    const none = { ...config, officeHours: { ...config.officeHours, holidays: 'none' as const } };
    expect(isOfficeOpen(at('2026-06-19T08:00:00Z'), none)).to.equal(true);
    expect(officeStatus(at('2027-03-25T16:30:00Z'), none).reason.en).to.contain('Outside office hours').and.contain('opens Friday at 08:00');
  });

  it('reads a configuration without officeHours.holidays as "SE", and refuses another value naming the field', () => {
    const input = configWith('officeHours.holidays', undefined) as { officeHours: Record<string, unknown> };
    delete input.officeHours['holidays'];
    const result = validateIncidentConfig(input);
    expect(result.ok && result.config.officeHours.holidays).to.equal('SE');
    const wrong = parseIncidentConfig(JSON.stringify(configWith('officeHours.holidays', 'SV')));
    expect(!wrong.ok && wrong.problems.map((p) => p.path)).to.deep.equal(['officeHours.holidays']);
    expect(!wrong.ok && wrong.problems[0]!.message.en).to.equal('officeHours.holidays: expected "SE" (Sweden’s public holidays close the office) or "none" (no holidays); got "SV"');
    expect(!wrong.ok && wrong.problems[0]!.message.sv).to.match(/^officeHours\.holidays: ska vara "SE" .* eller "none"/);
  });
});

describe('incident: the ticket timer', () => {
  const opened = at('2026-11-23T09:00:00Z');
  const requested = at('2026-11-23T09:02:00Z');
  const minutes = (m: number, s = 0) => new Date(requested.getTime() + m * 60_000 + s * 1000);
  const incident = setStepStatus(createIncident('i1', 'CertiTrade', opened), 'support-request', 'done', requested);

  it('does not run before the ticket request', () => {
    expect(ticketTimer(createIncident('i0', 'X', opened), minutes(30)).stage).to.equal('idle');
  });

  it('starts when the support request is ticked, and prompts at 10 and 20 minutes', () => {
    expect(incident.ticket.requestedAt).to.equal(requested.toISOString());
    expect(ticketTimer(incident, minutes(0))).to.include({ stage: 'waiting', elapsedMs: 0, nextPromptMs: 600_000 });
    expect(ticketTimer(incident, minutes(9, 59))).to.include({ stage: 'waiting', nextPromptMs: 1000 });
    const first = ticketTimer(incident, minutes(10));
    expect(first).to.include({ stage: 'first-prompt', nextPromptMs: 600_000 });
    expect(first.message.en).to.match(/^10 min and no ticket yet.*fallback address/);
    expect(first.message.sv).to.contain('reservadressen');
    expect(ticketTimer(incident, minutes(19, 59)).stage).to.equal('first-prompt');
    const second = ticketTimer(incident, minutes(20));
    expect(second).to.include({ stage: 'second-prompt', nextPromptMs: null });
    expect(second.message.en).to.contain('check that mail from your own address works');
    expect(ticketTimer(incident, minutes(75, 5)).message.en).to.match(/^1 h 15 min and no ticket/);
  });

  it('does not restart when the request step is unticked and ticked again', () => {
    const again = setStepStatus(setStepStatus(incident, 'support-request', 'open', minutes(1)), 'support-request', 'done', minutes(2));
    expect(again.ticket.requestedAt).to.equal(requested.toISOString());
  });

  it('stops when the ticket is received, keeping its case number', () => {
    const received = recordTicket(incident, ' CT-4711 ', minutes(12));
    const timer = ticketTimer(received, minutes(40));
    expect(timer).to.include({ stage: 'received', elapsedMs: 12 * 60_000 });
    expect(timer.message.en).to.equal('Ticket CT-4711 received after 12 min.');
  });

  it('once the ticket is received, the step to do now is no longer the fallback for a missing ticket', () => {
    expect(currentStep(incident)).to.equal('ticket-fallback');
    const received = recordTicket(incident, 'CT-4711', minutes(12));
    expect(currentStep(received)).to.equal('status-page');
    // The steps stay open in the report; only what to do now moves on.
    expect(received.steps['ticket-fallback'].status).to.equal('open');
  });

  it('formats elapsed time', () => {
    expect(sinceRequest(0)).to.deep.equal({ en: '0 min since the request', sv: '0 min sedan förfrågan' });
    expect(sinceRequest(11 * 60_000 + 59_999).en).to.equal('11 min since the request');
    expect(sinceRequest(3_900_000)).to.deep.equal({ en: '1 h 5 min since the request', sv: '1 h 5 min sedan förfrågan' });
    expect(sinceRequest(-5).en).to.equal('0 min since the request');
  });
});

describe('incident: state and reducers', () => {
  const t0 = at('2026-11-23T09:00:00Z');
  const later = (m: number) => new Date(t0.getTime() + m * 60_000);

  it('ticks, skips and reopens steps with timestamps; the current step is the first open one', () => {
    let incident = createIncident('i1', 'CertiTrade', t0);
    expect(currentStep(incident)).to.equal('support-request');
    incident = setStepStatus(incident, 'support-request', 'done', later(1));
    incident = setStepStatus(incident, 'ticket-fallback', 'skipped', later(2));
    expect(currentStep(incident)).to.equal('own-mail');
    expect(incident.steps['ticket-fallback']).to.deep.equal({ status: 'skipped', at: later(2).toISOString(), note: '' });
    incident = setStepStatus(incident, 'support-request', 'open', later(3));
    expect(currentStep(incident)).to.equal('support-request');
    expect(incident.timeline.map((e) => e.type)).to.deep.equal(['opened', 'step', 'step', 'step']);
    expect(setStepStatus(incident, 'ticket-fallback', 'skipped', later(4))).to.equal(incident);
  });

  it('keeps notes as typed, and logs one timeline entry per committed note', () => {
    let incident = createIncident('i1', 'CertiTrade', t0);
    incident = annotateStep(incident, 'status-page', 'Nothing', later(1), false);
    incident = annotateStep(incident, 'status-page', 'Nothing there', later(1), false);
    expect(incident.steps['status-page'].note).to.equal('Nothing there');
    expect(incident.timeline).to.have.length(1);
    incident = annotateStep(incident, 'status-page', 'Nothing there', later(2));
    incident = annotateStep(incident, 'status-page', 'Nothing there', later(3));
    expect(incident.timeline.slice(1)).to.deep.equal([{ type: 'note', step: 'status-page', note: 'Nothing there', at: later(2).toISOString() }]);
  });

  it('keeps several incidents, reopens and deletes them', () => {
    let store = EMPTY_INCIDENT_STORE;
    const idA = newIncidentId(store, t0);
    store = addIncident(store, createIncident(idA, 'CertiTrade', t0));
    const idB = newIncidentId(store, t0);
    expect(idB).not.to.equal(idA);
    store = addIncident(store, createIncident(idB, 'CertiTrade', t0));
    expect(store.activeId).to.equal(idB);
    store = updateIncident(store, idA, (i) => setDetails(setClosed(i, true, later(5)), { title: 'A' }));
    expect(store.incidents[0]).to.include({ title: 'A', closedAt: later(5).toISOString() });
    expect(store.incidents[1]!.title).to.equal('');
    store = removeIncident(store, idB);
    expect(store.activeId).to.equal(idA);
    expect(removeIncident(store, idA)).to.deep.equal({ version: 1, incidents: [], activeId: null });
  });

  it('reads stored data without ever throwing, leaving out what is malformed', () => {
    const good = createIncident('i1', 'CertiTrade', t0);
    const stored = JSON.stringify({ version: 1, incidents: [good, { id: 'broken' }], activeId: 'broken' });
    const { store, dropped } = parseIncidentStore(stored);
    expect(store.incidents).to.deep.equal([good]);
    expect(store.activeId).to.equal('i1');
    expect(dropped).to.equal(1);
    for (const junk of [null, '', 'not json', '{"version":2}', '[]', 'null', '{"version":1,"incidents":{}}']) {
      expect(parseIncidentStore(junk).store).to.deep.equal(EMPTY_INCIDENT_STORE);
    }
  });
});

describe('incident: the written report', () => {
  const t0 = at('2026-11-23T09:00:00Z'); // 10:00 in Stockholm
  const later = (m: number) => new Date(t0.getTime() + m * 60_000);
  let incident = createIncident('i1', 'CertiTrade', t0, {
    title: 'Card payments fail',
    description: 'Customers get a blank page after “Pay”.\nSince about 09:50.',
    urls: 'https://payment.certitrade.net/webshophtml/e/auth.php',
    orderIds: '100234, 100235',
  });
  incident = setStepStatus(incident, 'support-request', 'done', later(2));
  incident = setStepStatus(incident, 'status-page', 'done', later(5));
  incident = annotateStep(incident, 'status-page', 'No notice on the status page.', later(6));
  incident = setStepStatus(incident, 'switch-url', 'skipped', later(7));
  incident = recordTicket(incident, 'CT-4711', later(14));

  it('says what happened, when, which URLs and order ids, what was checked and seen, and the timeline', () => {
    const { subject, body } = incidentReport(incident, DEFAULT_INCIDENT_CONFIG, 'en');
    expect(subject).to.equal('Incident: Card payments fail – 2026-11-23 10:00');
    for (const line of [
      'Incident report: Card payments fail',
      'Provider: CertiTrade',
      'Noticed / opened: 2026-11-23 10:00',
      'All times: Europe/Stockholm',
      '  Customers get a blank page after “Pay”.\n  Since about 09:50.',
      'Affected URLs:\n  https://payment.certitrade.net/webshophtml/e/auth.php',
      'Order ids:\n  100234, 100235',
      'Support ticket: requested 2026-11-23 10:02, received 2026-11-23 10:14, case number CT-4711',
      '- [done (2026-11-23 10:02)] Send a written support request',
      '- [done (2026-11-23 10:05)] Read the status page\n    No notice on the status page.',
      '- [skipped (2026-11-23 10:07)] Only one payment URL affected? Switch to the other',
      '- [not done] Compare through another internet provider',
      '- [not done] Last action: to be decided – to be decided in the provider’s process',
      'Timeline:\n2026-11-23 10:00  Incident opened\n2026-11-23 10:02  Step “Send a written support request”: done',
      '2026-11-23 10:06  Note on “Read the status page”: No notice on the status page.',
      '2026-11-23 10:14  Ticket received (case number CT-4711)',
    ]) {
      expect(body).to.contain(line);
    }
  });

  it('is written in Swedish too, and marks what was not given', () => {
    const blank = createIncident('i2', 'CertiTrade', t0);
    const { subject, body } = incidentReport(blank, DEFAULT_INCIDENT_CONFIG, 'sv');
    expect(subject).to.equal('Incident: 2026-11-23 10.00'); // Swedish times with a full stop
    expect(body).to.contain('Vad som hänt:\n  (inte angivet)');
    expect(body).to.contain('Ordernummer:\n  (inte angivet)');
    expect(body).to.contain('- [inte gjort] Sista åtgärd: bestäms senare');
    expect(body).not.to.contain('Supportärende');
    const timeline = incidentReport(incident, DEFAULT_INCIDENT_CONFIG, 'sv').body; // Swedish quotes: ”…”
    expect(timeline).to.contain('10.05  Steg ”Läs driftinfosidan”: gjort');
    expect(timeline).to.contain('10.06  Anteckning om ”Läs driftinfosidan”: No notice on the status page.');
  });

  it('gives a mailto: link to the support address that carries the whole report when it fits', () => {
    const { subject, body } = incidentReport(incident, DEFAULT_INCIDENT_CONFIG, 'en');
    const { url, truncated } = reportMailto('support@certitrade.net', subject, body, 'en', 10_000);
    expect(truncated).to.equal(false);
    expect(url.startsWith('mailto:support@certitrade.net?subject=')).to.equal(true);
    const query = new URLSearchParams(url.slice(url.indexOf('?') + 1).replace(/\+/g, '%2B'));
    expect(query.get('subject')).to.equal(subject);
    expect(query.get('body')).to.equal(body.replace(/\n/g, '\r\n'));
  });

  it('shortens a long report to fit browsers’ limits, and says so in the mail', () => {
    const { subject, body } = incidentReport(setDetails(incident, { description: 'Ö'.repeat(3000) }), DEFAULT_INCIDENT_CONFIG, 'sv');
    const { url, truncated } = reportMailto('support@certitrade.net', subject, body, 'sv');
    expect(truncated).to.equal(true);
    expect(url.length).to.be.at.most(MAILTO_MAX_LENGTH);
    expect(url.length).to.be.above(MAILTO_MAX_LENGTH - 20);
    const sent = decodeURIComponent(url.slice(url.indexOf('&body=') + 6));
    expect(sent.startsWith(body.slice(0, 100).replace(/\n/g, '\r\n'))).to.equal(true);
    expect(sent).to.match(/rapporten förkortad .* klistra in den här\]$/);
  });

  /** The text of a mail link's body. */
  const mailBody = (url: string) => decodeURIComponent(url.slice(url.indexOf('&body=') + 6)).replace(/\r\n/g, '\n');

  it('mails a small incident whole: title, what happened, URLs, order ids, the ticket, the notes in that order, then the steps', () => {
    const small = annotateStep(
      setDetails(incident, { urls: 'https://payment.certitrade.net/webshophtml/e/auth.php\nhttps://payment2.certitrade.net/webshophtml/e/auth.php', orderIds: '100234\n100235\n100236' }),
      'support-request',
      'Skickat från ekonomi@kaffebaren.se',
      later(3),
    );
    for (const lang of ['sv', 'en'] as const) {
      const mail = incidentMail(small, DEFAULT_INCIDENT_CONFIG, lang);
      expect(mail.url.length).to.be.at.most(MAILTO_MAX_LENGTH);
      expect(mail.leftOut).to.deep.equal([]);
      expect(mailBody(mail.url)).to.equal(mail.body);
      const facts = [
        'Card payments fail',
        'Customers get a blank page after “Pay”.\n  Since about 09:50.',
        'https://payment.certitrade.net/webshophtml/e/auth.php\n  https://payment2.certitrade.net/webshophtml/e/auth.php',
        '100234\n  100235\n  100236',
        'CT-4711',
        'Skickat från ekonomi@kaffebaren.se',
        'No notice on the status page.',
        lang === 'sv' ? '] Läs driftinfosidan' : '] Read the status page',
      ];
      const places = facts.map((fact) => mail.body.indexOf(fact));
      expect(places.every((p) => p >= 0), `${lang}: ${JSON.stringify(places)}\n${mail.body}`).to.equal(true);
      expect([...places].sort((a, b) => a - b)).to.deep.equal(places);
    }
    const sv = incidentMail(small, DEFAULT_INCIDENT_CONFIG, 'sv').body;
    expect(sv).to.contain('Upptäckt / öppnad: 2026-11-23 10.00 (Europe/Stockholm)');
    expect(sv).to.contain('Supportärende: begärt 2026-11-23 10.02, mottaget 2026-11-23 10.14, ärendenummer CT-4711');
    expect(sv).to.contain('Anteckningar:\n  - Kontakta supporten skriftligt: Skickat från ekonomi@kaffebaren.se\n  - Läs driftinfosidan: No notice on the status page.');
    expect(sv).to.contain('- [gjort 10.02] Kontakta supporten skriftligt'.replace('10.02', '2026-11-23 10.02'));
    expect(sv).not.to.contain('Utelämnat');
  });

  it('mails a large incident with its facts, leaving out the steps first and shortening the longest fact, and says what was left out', () => {
    const urls = Array.from({ length: 60 }, (_, i) => `https://shop.example/checkout/${i}`).join('\n');
    const large = setDetails(incident, { description: 'Köparna ser en tom sida. '.repeat(150), urls });
    const mail = incidentMail(large, DEFAULT_INCIDENT_CONFIG, 'sv');
    expect(mail.url.length).to.be.at.most(MAILTO_MAX_LENGTH);
    expect(mail.url.length).to.be.above(MAILTO_MAX_LENGTH - 200); // it uses the room it has
    expect(mail.leftOut[0]).to.equal('stegen som är gjorda eller överhoppade');
    expect(mail.leftOut.some((l) => l.startsWith('Vad som hänt ('))).to.equal(true);
    expect(mail.leftOut.some((l) => l.startsWith('Berörda URL:er ('))).to.equal(true);
    const body = mailBody(mail.url);
    expect(body).to.equal(mail.body);
    for (const kept of ['Incidentrapport: Card payments fail', 'Leverantör: CertiTrade', 'Ordernummer:\n  100234, 100235', 'ärendenummer CT-4711', 'https://shop.example/checkout/0\n', 'Anteckningar:']) {
      expect(body).to.contain(kept);
    }
    expect(body).to.match(/\[Utelämnat för att rymmas i en e-postlänk: stegen som är gjorda eller överhoppade; Vad som hänt \(\d+ tecken av 3\u00a0749\); Berörda URL:er \(\d+ tecken av \d[\d\u00a0 ]*\)\.\]/);
    expect(body).not.to.contain('Steg som är gjorda');
    expect(body).to.contain('Hela rapporten, med tidslinjen, finns i checklistan');
    // Only the steps left out when the facts fit without them.
    const medium = setDetails(incident, { description: 'Köparna ser en tom sida. '.repeat(20) });
    const whole = incidentMail(medium, DEFAULT_INCIDENT_CONFIG, 'sv', 10_000);
    expect(whole.leftOut).to.deep.equal([]);
    const middle = incidentMail(medium, DEFAULT_INCIDENT_CONFIG, 'sv', whole.url.length - 1);
    expect(middle.leftOut).to.deep.equal(['stegen som är gjorda eller överhoppade']);
    expect(middle.body).to.contain('Köparna ser en tom sida. '.repeat(20).trim());
  });

  it('never exceeds the limit nor splits a character, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), fc.integer({ min: 200, max: 2500 }), (body, max) => {
        const { url } = reportMailto('support@certitrade.net', 'Incident', body, 'en', max);
        expect(url.length).to.be.at.most(max);
        decodeURIComponent(url); // throws on a split surrogate pair
      }),
      { numRuns: 150 },
    );
  });
});
