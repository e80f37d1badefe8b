import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/ebet-incident-checklist/define.ts';
import type { EbetIncidentChecklist } from '../../../components/ebet-incident-checklist/ebet-incident-checklist.ts';
import { setPageLang } from '../../../components/shared/locale.ts';
import { DEFAULT_INCIDENT_CONFIG } from '../../../src/incident/incident.ts';

/** Tests that switch the page to Swedish leave it in English for the next. */
afterEach(() => setPageLang('en'));

let counter = 0;
/** A storage key of its own for each test, so tests never see each other's incidents. */
function freshKey(): string {
  counter += 1;
  return `ebet-incident-test-${Date.now()}-${counter}`;
}

/** A clock the test moves by hand. */
function manualClock(iso: string) {
  let now = new Date(iso);
  return {
    clock: () => now,
    set(next: string) {
      now = new Date(next);
    },
  };
}

async function create(key: string, clock: () => Date, lang: 'en' | 'sv' = 'en'): Promise<EbetIncidentChecklist> {
  await setPageLang(lang);
  return fixture<EbetIncidentChecklist>(html`<ebet-incident-checklist storage-key=${key} .clock=${clock}></ebet-incident-checklist>`);
}

const $ = <T extends Element = HTMLElement>(el: EbetIncidentChecklist, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = (el: EbetIncidentChecklist, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

async function start(el: EbetIncidentChecklist): Promise<void> {
  $(el, '#new-incident').click();
  await el.updateComplete;
}

async function click(el: EbetIncidentChecklist, step: string, action: 'done' | 'skip'): Promise<void> {
  $(el, `li[data-step=${step}] button[data-action=${action}]`).click();
  await el.updateComplete;
}

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string, commit = false): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  if (commit) field.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<ebet-incident-checklist>', () => {
  it('ticks, skips and annotates steps, and keeps them across a reload', async () => {
    const key = freshKey();
    const time = manualClock('2026-11-23T09:00:00Z');
    let el = await create(key, time.clock);
    await start(el);
    type($<HTMLInputElement>(el, '#incident-title'), 'Card payments fail');
    await click(el, 'support-request', 'done');
    await click(el, 'ticket-fallback', 'skip');
    type($<HTMLTextAreaElement>(el, '#note-own-mail'), 'Mail goes out fine', true);
    await el.updateComplete;
    expect($(el, 'li[data-step=support-request]').dataset['status']).to.equal('done');
    expect($(el, 'li[data-step=support-request] button[data-action=done]').getAttribute('aria-pressed')).to.equal('true');
    expect($(el, 'li[aria-current=step]').dataset['step']).to.equal('own-mail');
    expect($(el, '#announce').textContent).to.contain('Next: Still no answer? Check that your own mail works');

    // a reload: the element is gone and a new one reads what was stored
    el.remove();
    el = await create(key, time.clock);
    expect($(el, 'li[data-step=support-request]').dataset['status']).to.equal('done');
    expect($(el, 'li[data-step=ticket-fallback]').dataset['status']).to.equal('skipped');
    expect($<HTMLTextAreaElement>(el, '#note-own-mail').value).to.equal('Mail goes out fine');
    expect($<HTMLInputElement>(el, '#incident-title').value).to.equal('Card payments fail');
    expect($(el, 'li[data-step=support-request] .badge.done').textContent).to.contain('10:00');
    // In Swedish the same time is written as Swedes write it: 10.00.
    await setPageLang('sv');
    await el.updateComplete;
    expect($(el, 'li[data-step=support-request] .badge.done').textContent).to.match(/10\.00/).and.not.match(/10:00/);
    await setPageLang('en');
    await el.updateComplete;

    // unticking reopens the step
    await click(el, 'support-request', 'done');
    expect($(el, 'li[data-step=support-request]').dataset['status']).to.equal('open');
    expect($(el, 'li[aria-current=step]').dataset['step']).to.equal('support-request');
  });

  it('keeps several incidents, switches between them, deletes one and resets all', async () => {
    const key = freshKey();
    const time = manualClock('2026-11-23T09:00:00Z');
    const el = await create(key, time.clock);
    await start(el);
    type($<HTMLInputElement>(el, '#incident-title'), 'First');
    await click(el, 'status-page', 'done');
    time.set('2026-11-23T10:00:00Z');
    await start(el);
    type($<HTMLInputElement>(el, '#incident-title'), 'Second');
    await el.updateComplete;
    const select = $<HTMLSelectElement>(el, '#incident-select');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['2026-11-23 11:00 – Second', '2026-11-23 10:00 – First']);
    expect($(el, 'li[data-step=status-page]').dataset['status']).to.equal('open');
    select.value = select.options[1]!.value;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, 'li[data-step=status-page]').dataset['status']).to.equal('done');

    $$(el, 'button').find((b) => b.textContent!.includes('Delete this incident'))!.click();
    await el.updateComplete;
    $$(el, 'button').find((b) => b.textContent!.includes('Cancel'))!.click();
    await el.updateComplete;
    expect(el.incidents.incidents).to.have.length(2);
    $$(el, 'button').find((b) => b.textContent!.includes('Delete this incident'))!.click();
    await el.updateComplete;
    $$(el, 'button').find((b) => b.textContent!.includes('Yes, delete'))!.click();
    await el.updateComplete;
    expect(el.incidents.incidents.map((i) => i.title)).to.deep.equal(['Second']);

    $$(el, 'button').find((b) => b.textContent!.includes('Delete all incidents'))!.click();
    await el.updateComplete;
    $$(el, 'button').find((b) => b.textContent!.includes('Yes, delete'))!.click();
    await el.updateComplete;
    expect(el.incidents.incidents).to.deep.equal([]);
    expect(JSON.parse(localStorage.getItem(key)!).incidents).to.deep.equal([]);
  });

  it('shows the ticket timer with the elapsed time and prompts at 10 and 20 minutes (controlled clock)', async () => {
    const time = manualClock('2026-11-23T09:00:00Z');
    const el = await create(freshKey(), time.clock);
    await start(el);
    expect($(el, '[part=timer]').dataset['stage']).to.equal('idle');
    await click(el, 'support-request', 'done');
    time.set('2026-11-23T09:09:59Z');
    el.requestUpdate();
    await el.updateComplete;
    expect($(el, '[part=timer]').dataset['stage']).to.equal('waiting');
    expect($(el, '[part=status] [role=timer]').textContent).to.equal('9 min since the request');
    time.set('2026-11-23T09:10:00Z');
    el.requestUpdate();
    await el.updateComplete;
    expect($(el, '[part=timer]').dataset['stage']).to.equal('first-prompt');
    expect($(el, '[part=timer] .timer-message').textContent).to.contain('10 minutes have passed');
    expect($(el, '#announce').textContent).to.contain('10 minutes have passed');
    time.set('2026-11-23T09:20:30Z');
    el.requestUpdate();
    await el.updateComplete;
    expect($(el, '[part=timer]').dataset['stage']).to.equal('second-prompt');
    expect($(el, '[part=status] [role=timer]').textContent).to.equal('20 min since the request');
    expect($(el, '#announce').textContent).to.contain('20 minutes have passed');

    type($<HTMLInputElement>(el, '#ticket-number'), 'CT-4711');
    $$(el, '[part=timer] button').find((b) => b.textContent!.includes('Ticket received'))!.click();
    await el.updateComplete;
    expect($(el, '[part=timer]').dataset['stage']).to.equal('received');
    expect($(el, '[part=timer]').textContent).to.contain('Ticket CT-4711 received after 20 min');
    // The sticky bar follows the ticket: the fallback for a missing ticket is no longer what to do now.
    expect($(el, '[part=status]').textContent).not.to.contain('No ticket after');
    expect($(el, '[part=status]').textContent).to.contain('Read the status page');
    expect($(el, 'li[aria-current=step]').dataset['step']).to.equal('status-page');
  });

  it('asks for notifications when the timer starts and notifies at 10 and 20 minutes; reminds to pause campaigns', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'Notification')!;
    const shown: Array<{ title: string; body: string | undefined }> = [];
    let asked = 0;
    class FakeNotification {
      static permission: NotificationPermission = 'default';
      static requestPermission(): Promise<NotificationPermission> {
        asked++;
        FakeNotification.permission = 'granted';
        return Promise.resolve('granted');
      }
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
      }
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true, writable: true });
    try {
      const time = manualClock('2026-11-23T09:00:00Z');
      const el = await create(freshKey(), time.clock);
      await start(el);
      expect($(el, '[part=campaigns]').textContent).to.contain('Pause marketing campaigns');
      expect(asked).to.equal(0);
      await click(el, 'support-request', 'done');
      expect(asked).to.equal(1);
      for (const at of ['2026-11-23T09:05:00Z', '2026-11-23T09:10:00Z', '2026-11-23T09:15:00Z', '2026-11-23T09:20:00Z']) {
        time.set(at);
        el.requestUpdate();
        await el.updateComplete;
      }
      expect(shown.map((n) => n.title)).to.deep.equal(['Incident: the ticket timer', 'Incident: the ticket timer']);
      expect(shown[0]!.body).to.contain('10 minutes have passed');
      expect(shown[1]!.body).to.contain('20 minutes have passed');
    } finally {
      Object.defineProperty(window, 'Notification', original);
    }
  });

  it('folds a finished section, so that the steps still to do stay in view', async () => {
    const el = await create(freshKey(), manualClock('2026-11-23T09:00:00Z').clock);
    await start(el);
    const section = () => $(el, 'section[data-section="1.2"]');
    expect(section().querySelector('details')!.open).to.equal(true);
    await click(el, 'status-page', 'done');
    await click(el, 'monitor-report', 'skip');
    expect(section().dataset['finished']).to.equal('true');
    expect(section().querySelector('details')!.open).to.equal(false);
    expect(section().querySelector('summary')!.textContent).to.contain('done');
    expect($(el, 'section[data-section="1.1"] details').hasAttribute('open')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says whether the provider’s office is open now, and why not', async () => {
    const time = manualClock('2026-11-21T09:00:00Z'); // Saturday 10:00 in Stockholm
    const el = await create(freshKey(), time.clock);
    await start(el);
    const office = () => $(el, '[part=office]');
    expect(office().dataset['open']).to.equal('false');
    expect(office().textContent).to.contain('the provider’s alarms have most likely already alerted it');
    time.set('2026-03-30T06:30:00Z'); // Monday 08:30 summer time
    el.requestUpdate();
    await el.updateComplete;
    expect(office().dataset['open']).to.equal('true');
    expect($(el, '[part=status]').textContent).to.contain('open (08:30 Europe/Stockholm)');
  });

  it('closes the office on a Swedish holiday, also with a stored configuration from before the holidays field', async () => {
    const key = freshKey();
    const { holidays: _, ...oldHours } = DEFAULT_INCIDENT_CONFIG.officeHours;
    localStorage.setItem(`${key}-config`, JSON.stringify({ ...DEFAULT_INCIDENT_CONFIG, provider: 'Old file', officeHours: oldHours }));
    const el = await create(key, manualClock('2026-06-19T08:00:00Z').clock); // Midsummer Eve, Friday 10:00
    await start(el);
    expect(el.configuration).to.include({ provider: 'Old file' });
    expect(el.configuration.officeHours.holidays).to.equal('SE');
    expect($(el, '[part=office]').dataset['open']).to.equal('false');
    expect($(el, '[part=office]').textContent).to.contain('Office closed today: Midsummer Eve');
    expect($(el, '[part=status]').textContent).to.contain('closed: Midsummer Eve (10:00 Europe/Stockholm)');
    localStorage.removeItem(`${key}-config`);
  });

  it('writes the report and a mailto: link to the support address', async () => {
    const el = await create(freshKey(), manualClock('2026-11-23T09:00:00Z').clock);
    await start(el);
    type($<HTMLInputElement>(el, '#incident-title'), 'Card payments fail');
    type($<HTMLTextAreaElement>(el, '#incident-orderIds'), '100234');
    await click(el, 'status-page', 'done');
    const report = $<HTMLTextAreaElement>(el, '#report-text').value;
    expect(report).to.contain('Incident: Card payments fail – 2026-11-23 10:00');
    expect(report).to.contain('Order ids:\n  100234');
    expect(report).to.contain('- [done (2026-11-23 10:00)] Read the status page');
    const mail = $<HTMLAnchorElement>(el, '#report-mail');
    expect(mail.getAttribute('href')).to.match(/^mailto:support@certitrade\.net\?subject=Incident%3A%20Card%20payments%20fail/);
    expect(mail.getAttribute('target')).to.equal(null);
    // A small incident's mail carries its facts whole: the order ids and the note typed at a step.
    type($<HTMLTextAreaElement>(el, '#incident-urls'), 'https://payment.certitrade.net/webshophtml/e/auth.php');
    type($<HTMLTextAreaElement>(el, '#note-status-page'), 'No notice on the status page', true);
    await el.updateComplete;
    const bodyOf = () => decodeURIComponent(new URL($<HTMLAnchorElement>(el, '#report-mail').href).searchParams.get('body') ?? '');
    for (const fact of ['Card payments fail', 'https://payment.certitrade.net/webshophtml/e/auth.php', 'Order ids:\r\n  100234', 'No notice on the status page', '] Read the status page']) {
      expect(bodyOf()).to.contain(fact);
    }
    expect($(el, '[part=report] .warning')).to.equal(null);
    // A long description: the mail keeps the facts, says what it left out, and the page says so too.
    type($<HTMLTextAreaElement>(el, '#incident-description'), 'Buyers see a blank page after Pay. '.repeat(200));
    await el.updateComplete;
    expect(bodyOf()).to.contain('Order ids:\r\n  100234');
    expect(bodyOf()).to.match(/\[Left out to fit in a mail link: the steps done or skipped; What happened \(\d+ characters of 6,999\)\.\]/);
    expect($(el, '[part=report] .warning').textContent).to.contain('the mail keeps the facts');
    expect($<HTMLAnchorElement>(el, '#report-mail').href.length).to.be.at.most(2000);
    expect($(el, '[data-action=download-report]')).to.not.equal(null);
  });

  it('opens every web link in a new tab without an opener', async () => {
    const el = await create(freshKey(), manualClock('2026-11-23T09:00:00Z').clock);
    await start(el);
    const web = $$(el, 'a[href^="http"]');
    expect(web.length).to.be.at.least(6);
    for (const a of web) {
      expect(a.getAttribute('target')).to.equal('_blank');
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    }
    expect($(el, 'li[data-step=switch-url]').textContent).to.contain('Alternate URL: to be decided');
    expect($(el, 'li[data-step=last-action] .badge.tbd').textContent).to.equal('To be decided');
  });

  it('loads another provider’s configuration from a file, and refuses a malformed one without losing the checklist', async () => {
    const key = freshKey();
    const el = await create(key, manualClock('2026-11-23T09:00:00Z').clock);
    await start(el);
    await click(el, 'status-page', 'done');

    const bad = { ...DEFAULT_INCIDENT_CONFIG, contacts: { ...DEFAULT_INCIDENT_CONFIG.contacts, phone: 184305000 } };
    const paste = $<HTMLTextAreaElement>(el, '#config-text');
    type(paste, JSON.stringify(bad));
    await el.updateComplete;
    $$(el, 'button').find((b) => b.textContent!.includes('Use the pasted configuration'))!.click();
    await el.updateComplete;
    expect($(el, '#config-result li[data-path="contacts.phone"]').textContent).to.equal('contacts.phone: expected a string; got number');
    expect(paste.getAttribute('aria-invalid')).to.equal('true');
    expect(paste.value).to.equal(JSON.stringify(bad));
    expect(el.configuration.provider).to.equal('CertiTrade');
    expect($(el, 'li[data-step=status-page]').dataset['status']).to.equal('done');

    const bank = {
      ...DEFAULT_INCIDENT_CONFIG,
      provider: 'Exempelbanken',
      contacts: { supportMail: 'ebetalning@exempelbanken.se', fallbackMail: 'support@exempelbanken.se', webForm: 'https://exempelbanken.se/support', phone: '08-123 456' },
      paymentUrls: { primary: 'https://pay.exempelbanken.se/', alternate: 'https://pay2.exempelbanken.se/' },
    };
    const input = $<HTMLInputElement>(el, '#config-file');
    const files = new DataTransfer();
    files.items.add(new File([JSON.stringify(bank)], 'bank.json', { type: 'application/json' }));
    input.files = files.files;
    const changed = oneEvent(el, 'ebet-incident-config-change');
    input.dispatchEvent(new Event('change'));
    await changed;
    await el.updateComplete;
    expect(el.configuration.provider).to.equal('Exempelbanken');
    expect($(el, '#config-result li')).to.equal(null);
    expect($(el, '#report-mail').getAttribute('href')).to.match(/^mailto:ebetalning@exempelbanken\.se\?/);
    expect($(el, 'li[data-step=switch-url] a[href="https://pay2.exempelbanken.se/"]')).not.to.equal(null);
    expect($(el, 'li[data-step=status-page]').dataset['status']).to.equal('done');

    // the loaded configuration is kept, and going back to the default is one button
    el.remove();
    const again = await create(key, manualClock('2026-11-23T09:00:00Z').clock);
    expect(again.configuration.provider).to.equal('Exempelbanken');
    $$(again, 'button').find((b) => b.textContent!.includes('Back to the default configuration'))!.click();
    await again.updateComplete;
    expect(again.configuration).to.deep.equal(DEFAULT_INCIDENT_CONFIG);
  });

  it('survives unreadable stored data', async () => {
    const key = freshKey();
    localStorage.setItem(key, '{"version":1,"incidents":[{"id":"x"}]}');
    localStorage.setItem(`${key}-config`, '{"provider":1}');
    const el = await create(key, manualClock('2026-11-23T09:00:00Z').clock);
    expect($(el, '[role=alert]').textContent).to.contain('could not be read');
    expect(el.configuration.provider).to.equal('CertiTrade');
    await start(el);
    expect($$(el, 'li.step')).to.have.length(10);
  });

  it('is keyboard-usable: Tab reaches a step’s buttons and Space ticks it', async () => {
    const el = await create(freshKey(), manualClock('2026-11-23T09:00:00Z').clock);
    await start(el);
    $(el, '#note-support-request').focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement!.getAttribute('data-action')).to.equal('done');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($(el, 'li[data-step=support-request]').dataset['status']).to.equal('done');
  });

  it('labels every control and passes axe, in English and Swedish', async () => {
    const en = await create(freshKey(), manualClock('2026-11-23T09:00:00Z').clock);
    await expect(en).to.be.accessible();
    await start(en);
    await click(en, 'support-request', 'done');
    await expect(en).to.be.accessible();
    const sv = await create(freshKey(), manualClock('2026-11-21T09:00:00Z').clock, 'sv');
    await start(sv);
    expect($(sv, 'h1').textContent).to.equal('Incidentchecklista');
    expect($(sv, '[part=office]').textContent).to.contain('larm');
    expect($<HTMLTextAreaElement>(sv, '#report-text').value).to.contain('Incidentrapport');
    await expect(sv).to.be.accessible();
  });
});
