import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  addIncident,
  annotateStep,
  createIncident,
  currentStep,
  DEFAULT_INCIDENT_CONFIG,
  EMPTY_INCIDENT_STORE,
  formatZoned,
  INCIDENT_PROCESS,
  INCIDENT_STEPS,
  incidentReport,
  incidentMail,
  newIncidentId,
  officeStatus,
  parseIncidentConfig,
  parseIncidentStore,
  recordTicket,
  removeIncident,
  selectIncident,
  setClosed,
  setDetails,
  setStepStatus,
  sinceRequest,
  stepLink,
  ticketTimer,
  TO_BE_DECIDED,
  updateIncident,
  type ConfigProblem,
  type Incident,
  type IncidentConfig,
  type IncidentDetails,
  type IncidentStep,
  type IncidentStore,
  type StepId,
  type StepStatus,
  type TicketTimer,
} from '../../src/incident/incident.ts';
import { EbetCopyButton } from '../ebet-copy-button/ebet-copy-button.ts';
import { emit } from '../shared/events.ts';
import { currentLang, localized, msg, str, t } from '../shared/locale.ts';
import { download } from '../shared/download.ts';
import { baseStyles } from '../shared/styles.ts';

/** A time on the wall clock of `zone` (`10:05`; with `date`, `2026-11-30 10:05`), written `10.05` in Swedish. */
function wallClock(at: Date, zone: string, date = false): string {
  const written = formatZoned(at, zone, false, currentLang());
  return date ? written : written.slice(11);
}

const S = {
  get title() { return msg('Incident checklist'); },
  get intro() { return msg('When payments stop working: the provider’s incident process, step by step. Tick, skip or annotate each step; every action is timestamped and kept in this browser.'); },
  get incident() { return msg('Incident'); },
  get newIncident() { return msg('Start a new incident'); },
  get noIncident() { return msg('No incident is open. Start one when payments stop working: the checklist, timers and report follow.'); },
  get closedTag() { return msg('closed'); },
  get close() { return msg('Close this incident'); },
  get reopen() { return msg('Reopen this incident'); },
  get remove() { return msg('Delete this incident'); },
  get reset() { return msg('Delete all incidents'); },
  get confirmReset() { return msg('Delete every incident kept in this browser? This cannot be undone.'); },
  get confirmRemove() { return msg('Delete this incident? This cannot be undone.'); },
  get yesDelete() { return msg('Yes, delete'); },
  get cancel() { return msg('Cancel'); },
  get details() { return msg('What happened'); },
  get fieldTitle() { return msg('Short title (e.g. “Card payments fail”)'); },
  get fieldDescription() { return msg('What happened, when it started, what customers see'); },
  get fieldUrls() { return msg('Affected URLs (one per line)'); },
  get fieldOrders() { return msg('Affected order ids'); },
  get now() { return msg('Now'); },
  get allDone() { return msg('Every step is done or skipped. Send the report, and close the incident when it is over.'); },
  get goCurrent() { return msg('Go to this step'); },
  get sectionDone() { return msg('done'); },
  get campaigns() { return msg('Pause marketing campaigns (newsletters, ads, offers) that send buyers to the broken checkout until payments work again.'); },
  get notificationTitle() { return msg('Incident: the ticket timer'); },
  get ticketTimer() { return msg('Ticket timer'); },
  get office() { return msg('Office'); },
  get officeOpen() { return msg('open'); },
  get officeClosed() { return msg('closed', { id: 'office-closed' }); },
  get done() { return msg('Done'); },
  get skip() { return msg('Skip'); },
  get doneAt() { return msg('Done'); },
  get skippedAt() { return msg('Skipped'); },
  get current() { return msg('Current step'); },
  get note() { return msg('Note: what you checked and saw'); },
  get tbd() { return msg('To be decided'); },
  get ticketNumber() { return msg('Ticket case number'); },
  get ticketReceived() { return msg('Ticket received'); },
  get requestedAt() { return msg('Ticket requested at'); },
  get newTab() { return msg('(opens in a new tab)'); },
  get report() { return msg('Written report'); },
  get reportHint() { return msg('Written information beats a phone call. Copy the report into the support form or mail, or open it as a mail to the support address.'); },
  get reportText() { return msg('Report text'); },
  get copyReport() { return msg('the report'); },
  get mailReport() { return msg('Open a mail with the incident’s facts to'); },
  get downloadReport() { return msg('Download the full report'); },
  get mailTruncated() { return msg('The incident is too long for a mail link: the mail keeps the facts and says what it left out; paste the full copied report into it.'); },
  get config() { return msg('Provider configuration'); },
  get configNow() { return msg('In use'); },
  get configDefault() { return msg('the default (the source document’s provider)'); },
  get configLoaded() { return msg('loaded by you'); },
  get configHint() { return msg('The provider’s contact data is a JSON file. Load another provider’s or bank’s file, or paste one; a malformed file is refused and the configuration in use stays.'); },
  get configFile() { return msg('Configuration file (JSON)'); },
  get configPaste() { return msg('Or paste a configuration (JSON)'); },
  get configApply() { return msg('Use the pasted configuration'); },
  get configReset() { return msg('Back to the default configuration'); },
  get configRefused() { return msg('Configuration refused; the one in use stays:'); },
  get configAccepted() { return msg('Configuration loaded:'); },
  get configCurrent() { return msg('The configuration in use (a template for your own)'); },
  get configCopy() { return msg('the configuration'); },
  get storageFailed() { return msg('This browser does not let the page store data: the checklist works, but will not survive a reload. Copy the report regularly.'); },
  get storageDropped() { return msg('Some stored incidents could not be read and were left out.'); },
  announceDone: (title: string, time: string) => msg(str`Step “${title}” done at ${time}.`),
  announceSkipped: (title: string, time: string) => msg(str`Step “${title}” skipped at ${time}.`),
  announceReopened: (title: string, time: string) => msg(str`Step “${title}” reopened at ${time}.`),
  get announceNext() { return msg('Next'); },
  get announceNew() { return msg('New incident started.'); },
  get announceDeleted() { return msg('Incident deleted.'); },
  get announceAllDeleted() { return msg('All incidents deleted.'); },
  get announceClosed() { return msg('Incident closed.'); },
  get announceReopenedIncident() { return msg('Incident reopened.'); },
  get privacy() { return msg('Kept in this browser only (localStorage): incidents, notes and the configuration. Write nothing secret here; keys never belong in an incident.'); },
};

/** Detail of `ebet-incident-change`. */
export interface IncidentChangeDetail {
  readonly store: IncidentStore;
}

/** Detail of `ebet-incident-config-change`. */
export interface IncidentConfigChangeDetail {
  readonly config: IncidentConfig;
}

type Confirming = 'none' | 'reset' | 'remove';

/**
 * @summary The merchant incident process as an interactive checklist: tick, skip and annotate steps, a ticket timer with prompts at 10 and 20 minutes, the provider's office hours now, a written report and a mail link. Incidents persist in localStorage; nothing is fetched.
 * @event ebet-incident-change - `IncidentChangeDetail` whenever an incident changes (after it is saved).
 * @event ebet-incident-config-change - `IncidentConfigChangeDetail` when another configuration is taken into use.
 * @csspart status - The sticky bar with the current step, the timer and the office state.
 * @csspart incidents - The incident picker and its buttons.
 * @csspart details - The incident's description fields.
 * @csspart step - Each step (also `step-current`, `step-done`, `step-skipped`).
 * @csspart timer - The ticket timer.
 * @csspart campaigns - The reminder to pause marketing campaigns that send buyers to the broken checkout.
 * @csspart office - The office-hours line.
 * @csspart report - The report.
 * @csspart config - The configuration panel.
 * @cssproperty --ebet-color-current - Background of the current step.
 * @cssproperty --ebet-color-accent - Buttons, links and the current step's border.
 * @tagname ebet-incident-checklist
 */
@localized()
export class EbetIncidentChecklist extends LitElement {
  /** @internal The elements it renders, registered with it (`../shared/define.ts`). */
  static readonly dependencies = { 'ebet-copy-button': EbetCopyButton };

  static override styles = [
    baseStyles,
    css`
      :host { display: block; font-size: 1.05rem; }
      h1 { margin: 0 0 0.2em; font-size: 1.6em; }
      h2 { font-size: 1.25em; margin: 1.2em 0 0.4em; }
      summary { cursor: pointer; }
      summary h2 { display: inline-block; }
      h3 { font-size: 1.1em; margin: 0 0 0.3em; scroll-margin-top: 10em; }
      section, fieldset { background: var(--ebet-color-surface, #fff); border: 1px solid var(--ebet-color-border, #d0d5db);
        border-radius: var(--ebet-radius, 6px); padding: 0.8em 1em; margin: 0.8em 0; }
      .status { position: sticky; top: 0; z-index: 1; display: grid; gap: 0.3em; background: var(--ebet-color-surface, #fff);
        border: 2px solid var(--ebet-color-accent, #0b57d0); border-radius: var(--ebet-radius, 6px); padding: 0.6em 1em; margin: 0.8em 0; }
      .status p { margin: 0; }
      .row { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: center; }
      .field { display: flex; flex-direction: column; gap: 0.2em; margin: 0.5em 0; }
      .field input, .field textarea { width: 100%; }
      ol.steps { list-style: none; padding: 0; margin: 0; }
      li.step { border: 2px solid var(--ebet-color-border, #d0d5db); border-radius: var(--ebet-radius, 6px); padding: 0.8em 1em; margin: 0.7em 0;
        background: var(--ebet-color-bg, #fff); }
      li.step.current { border-color: var(--ebet-color-accent, #0b57d0); border-width: 4px; background: var(--ebet-color-current, #eef4ff); }
      li.step.done { border-color: var(--ebet-color-ok, #146c2e); }
      li.step.skipped { opacity: 0.85; border-style: dashed; }
      .badge { display: inline-block; font-size: 0.85em; font-weight: 700; border-radius: 999px; padding: 0.05em 0.6em; margin-inline-end: 0.4em; }
      .badge.done { background: var(--ebet-color-ok, #146c2e); color: #fff; }
      .badge.skipped { background: var(--ebet-color-muted, #4d5660); color: #fff; }
      .badge.current { background: var(--ebet-color-accent, #0b57d0); color: #fff; }
      .badge.tbd { background: var(--ebet-color-mark, #fff1cc); color: var(--ebet-color-warning, #8a5300); border: 1px dashed currentColor; }
      .actions button { font-size: 1.05em; padding: 0.5em 1.2em; min-width: 7em; }
      .actions button[aria-pressed='true'] { box-shadow: inset 0 0 0 3px var(--ebet-color-on-accent, #fff); }
      ul.links { padding-inline-start: 1.2em; }
      ul.links li { margin: 0.2em 0; overflow-wrap: anywhere; }
      a { color: var(--ebet-color-accent, #0b57d0); }
      .tbd-text { font-weight: 700; color: var(--ebet-color-warning, #8a5300); }
      .panel { border-inline-start: 4px solid var(--ebet-color-accent, #0b57d0); padding: 0.3em 0.8em; margin: 0.6em 0; background: var(--ebet-color-surface, #fff); }
      .panel.prompt { border-color: var(--ebet-color-warning, #8a5300); background: var(--ebet-color-mark, #fff1cc); }
      .panel.closed { border-color: var(--ebet-color-muted, #4d5660); }
      .elapsed { font-size: 1.4em; font-weight: 700; font-variant-numeric: tabular-nums; }
      .notes { font-style: italic; }
      textarea.report { min-height: 16em; }
      .problems { margin: 0.3em 0; }
      .warning { color: var(--ebet-color-warning, #8a5300); }
      .confirm { border: 2px solid var(--ebet-color-error, #b3261e); border-radius: var(--ebet-radius, 6px); padding: 0.5em 0.8em; }
      button.danger { background: var(--ebet-color-error, #b3261e); border-color: var(--ebet-color-error, #b3261e); }
    `,
  ];

  /** The localStorage key the incidents are kept under (the configuration under `<key>-config`). */
  @property({ attribute: 'storage-key' }) storageKey = 'ebet-incidents';
  /** The clock: tests and demos inject their own. */
  @property({ attribute: false }) clock: () => Date = () => new Date();

  @state() private store: IncidentStore = EMPTY_INCIDENT_STORE;
  @state() private config: IncidentConfig = DEFAULT_INCIDENT_CONFIG;
  @state() private configIsDefault = true;
  @state() private configText = '';
  @state() private configProblems: readonly ConfigProblem[] = [];
  /** Notices made when shown, so that they follow the page's language. */
  @state() private configNotice: (() => string) | null = null;
  @state() private storageProblem: (() => string) | null = null;
  @state() private announcement = '';
  @state() private confirming: Confirming = 'none';
  private ticker: ReturnType<typeof setInterval> | undefined;
  private lastTimerStage: TicketTimer['stage'] | null = null;
  private loadedKey: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = setInterval(() => this.requestUpdate(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
  }

  /** The incidents as kept (read-only; change them through the UI). */
  get incidents(): IncidentStore {
    return this.store;
  }

  /** The provider configuration in use. */
  get configuration(): IncidentConfig {
    return this.config;
  }

  /** Takes a configuration (JSON text) into use; returns its problems (empty when accepted). A refused one changes nothing. */
  loadConfiguration(json: string): readonly ConfigProblem[] {
    const result = parseIncidentConfig(json);
    if (!result.ok) {
      this.configProblems = result.problems;
      this.configNotice = null;
      return result.problems;
    }
    this.useConfig(result.config, false);
    return [];
  }

  private useConfig(config: IncidentConfig, isDefault: boolean): void {
    this.config = config;
    this.configIsDefault = isDefault;
    this.configProblems = [];
    this.configNotice = () => `${S.configAccepted} ${config.provider}`;
    try {
      if (isDefault) localStorage.removeItem(`${this.storageKey}-config`);
      else localStorage.setItem(`${this.storageKey}-config`, JSON.stringify(config));
    } catch {
      this.storageProblem = () => S.storageFailed;
    }
    emit(this, 'ebet-incident-config-change', { config });
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('storageKey') || this.loadedKey !== this.storageKey) this.load();
    const incident = this.active;
    const stage = incident ? ticketTimer(incident, this.clock()).stage : null;
    if (this.lastTimerStage !== null && stage !== this.lastTimerStage && (stage === 'first-prompt' || stage === 'second-prompt') && incident) {
      this.announcement = t(ticketTimer(incident, this.clock()).message);
      // A browser notification too, when allowed (asked as the timer starts): made here, nothing leaves the browser.
      if ('Notification' in window && Notification.permission === 'granted') new Notification(S.notificationTitle, { body: this.announcement, tag: `ebet-incident-${stage}` });
    }
    this.lastTimerStage = stage;
  }

  private load(): void {
    this.loadedKey = this.storageKey;
    let stored: string | null = null;
    let storedConfig: string | null = null;
    try {
      stored = localStorage.getItem(this.storageKey);
      storedConfig = localStorage.getItem(`${this.storageKey}-config`);
    } catch {
      this.storageProblem = () => S.storageFailed;
    }
    const { store, dropped } = parseIncidentStore(stored);
    this.store = store;
    if (dropped) this.storageProblem = () => S.storageDropped;
    const config = storedConfig ? parseIncidentConfig(storedConfig) : null;
    this.config = config?.ok ? config.config : DEFAULT_INCIDENT_CONFIG;
    this.configIsDefault = !config?.ok;
    this.lastTimerStage = null;
  }

  private save(store: IncidentStore, announcement?: string): void {
    this.store = store;
    if (announcement !== undefined) this.announcement = announcement;
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(store));
    } catch {
      this.storageProblem = () => S.storageFailed;
    }
    emit(this, 'ebet-incident-change', { store });
  }

  private get active(): Incident | null {
    return this.store.incidents.find((i) => i.id === this.store.activeId) ?? null;
  }

  private change(update: (incident: Incident, now: Date) => Incident, announcement?: string): void {
    const incident = this.active;
    if (!incident) return;
    const now = this.clock();
    this.save(updateIncident(this.store, incident.id, (i) => update(i, now)), announcement);
  }

  private newIncident(): void {
    const now = this.clock();
    const incident = createIncident(newIncidentId(this.store, now), this.config.provider, now);
    this.confirming = 'none';
    this.save(addIncident(this.store, incident), S.announceNew);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#incident-title')?.focus());
  }

  private setStatus(step: IncidentStep, status: StepStatus): void {
    const incident = this.active;
    if (!incident) return;
    const next = incident.steps[step.id].status === status ? 'open' : status;
    const now = this.clock();
    const updated = setStepStatus(incident, step.id, next, now);
    // The ticket timer starts: ask once whether it may notify at 10 and 20 minutes.
    if (updated.ticket.requestedAt && !incident.ticket.requestedAt && 'Notification' in window && Notification.permission === 'default') {
      void Notification.requestPermission();
    }
    const following = currentStep(updated);
    const announce = next === 'done' ? S.announceDone : next === 'skipped' ? S.announceSkipped : S.announceReopened;
    const nextText = following ? ` ${S.announceNext}: ${t(INCIDENT_STEPS.find((s) => s.id === following)!.title)}.` : ` ${S.allDone}`;
    this.save(
      updateIncident(this.store, incident.id, () => updated),
      `${announce(t(step.title), wallClock(now, this.config.officeHours.timeZone))}${nextText}`,
    );
  }

  private confirm(what: Confirming): void {
    this.confirming = what;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.confirm button.secondary')?.focus());
  }

  private focusStep(id: StepId): void {
    this.renderRoot.querySelector<HTMLElement>(`#title-${id}`)?.focus();
  }

  private async readFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.loadConfiguration(await file.text());
    input.value = '';
  }

  override render() {
    const incident = this.active;
    return html`<h1>${S.title}</h1>
      <p class="hint">${S.intro}</p>
      <div role="status" aria-live="polite" class="visually-hidden" id="announce">${this.announcement}</div>
      ${this.storageProblem ? html`<p class="warning" role="alert">${this.storageProblem()}</p>` : nothing}
      ${this.renderIncidents()}
      ${incident
        ? html`${this.renderStatus(incident)}
            <p part="campaigns" class="panel" data-reminder="campaigns">${S.campaigns}</p>
            ${this.renderDetails(incident)}
            ${INCIDENT_PROCESS.map((section) => {
              // A finished section folds (its steps stay one click away), so the steps still to do stay in view.
              const finished = section.steps.every((step) => incident.steps[step.id].status !== 'open');
              return html`<section aria-labelledby=${`section-${section.number}`} data-section=${section.number} data-finished=${String(finished)}>
                <details ?open=${!finished}>
                  <summary><h2 id=${`section-${section.number}`}>${section.number} ${t(section.title)}${finished ? html` <span class="hint">✓ ${S.sectionDone}</span>` : nothing}</h2></summary>
                  ${section.notes.map((n) => html`<p class="notes">${t(n)}</p>`)}
                  <ol class="steps">${section.steps.map((step) => this.renderStep(incident, step))}</ol>
                </details>
              </section>`;
            })}
            ${this.renderReport(incident)}`
        : html`<p>${S.noIncident}</p>`}
      ${this.renderConfig()}
      <p class="hint">${S.privacy}</p>`;
  }

  private renderIncidents() {
    const incident = this.active;
    const zone = this.config.officeHours.timeZone;
    // When it was opened, then its title cut to fit a phone's select (the whole title is in the field below).
    const title = (i: Incident) => (i.title.trim().length > 20 ? `${i.title.trim().slice(0, 19)}…` : i.title.trim());
    const label = (i: Incident) =>
      `${wallClock(new Date(i.openedAt), zone, true)}${title(i) ? ` – ${title(i)}` : ''}${i.closedAt ? ` (${S.closedTag})` : ''}`;
    return html`<div part="incidents" class="row">
        ${this.store.incidents.length
          ? html`<label for="incident-select">${S.incident}</label>
              <select
                id="incident-select"
                @change=${(e: Event) => this.save(selectIncident(this.store, (e.target as HTMLSelectElement).value))}
              >
                ${[...this.store.incidents].reverse().map((i) => html`<option value=${i.id} ?selected=${i.id === this.store.activeId}>${label(i)}</option>`)}
              </select>`
          : nothing}
        <button type="button" id="new-incident" @click=${this.newIncident}>${S.newIncident}</button>
        ${incident
          ? html`<button
                type="button"
                class="secondary"
                @click=${() => {
                  const closing = incident.closedAt === null;
                  this.change((i, now) => setClosed(i, closing, now), closing ? S.announceClosed : S.announceReopenedIncident);
                }}
              >
                ${incident.closedAt ? S.reopen : S.close}
              </button>
              <button type="button" class="secondary" @click=${() => this.confirm('remove')}>${S.remove}</button>`
          : nothing}
        ${this.store.incidents.length ? html`<button type="button" class="secondary" @click=${() => this.confirm('reset')}>${S.reset}</button>` : nothing}
      </div>
      ${this.confirming !== 'none'
        ? html`<div class="confirm row" role="group" aria-labelledby="confirm-text">
            <span id="confirm-text">${this.confirming === 'reset' ? S.confirmReset : S.confirmRemove}</span>
            <button
              type="button"
              class="danger"
              @click=${() => {
                const all = this.confirming === 'reset';
                this.confirming = 'none';
                const store = all ? EMPTY_INCIDENT_STORE : removeIncident(this.store, this.store.activeId ?? '');
                this.save(store, all ? S.announceAllDeleted : S.announceDeleted);
              }}
            >
              ${S.yesDelete}
            </button>
            <button type="button" class="secondary" @click=${() => (this.confirming = 'none')}>${S.cancel}</button>
          </div>`
        : nothing}`;
  }

  private renderStatus(incident: Incident) {
    const now = this.clock();
    const current = currentStep(incident);
    const step = current ? INCIDENT_STEPS.find((s) => s.id === current)! : null;
    const timer = ticketTimer(incident, now);
    const office = officeStatus(now, this.config);
    return html`<div part="status" class="status">
      <p>
        <strong>${S.now}:</strong>
        ${step
          ? html`${t(step.title)} <button type="button" class="secondary" @click=${() => this.focusStep(step.id)}>${S.goCurrent}</button>`
          : S.allDone}
      </p>
      ${timer.stage !== 'idle'
        ? html`<p>
            <strong>${S.ticketTimer}:</strong> <span class="elapsed" role="timer">${t(sinceRequest(timer.elapsedMs))}</span>
            ${timer.stage === 'first-prompt' || timer.stage === 'second-prompt' ? html`<span class="warning">⚠ ${t(timer.message)}</span>` : nothing}
          </p>`
        : nothing}
      <p><strong>${S.office} (${this.config.provider}):</strong> ${office.open ? S.officeOpen : S.officeClosed}${office.holiday ? `: ${t(office.holiday)}` : ''} (${wallClock(now, this.config.officeHours.timeZone)} ${this.config.officeHours.timeZone})</p>
    </div>`;
  }

  private renderDetails(incident: Incident) {
    const field = (key: keyof IncidentDetails, label: string, multiline: boolean) => {
      const id = `incident-${key}`;
      const onInput = (e: Event) => this.change((i) => setDetails(i, { [key]: (e.target as HTMLInputElement).value }));
      return html`<div class="field">
        <label for=${id}>${label}</label>
        ${multiline
          ? html`<textarea id=${id} rows="3" .value=${incident[key]} @input=${onInput}></textarea>`
          : html`<input id=${id} type="text" .value=${incident[key]} @input=${onInput} />`}
      </div>`;
    };
    return html`<fieldset part="details">
      <legend>${S.details}</legend>
      ${field('title', S.fieldTitle, false)} ${field('description', S.fieldDescription, true)}
      ${field('urls', S.fieldUrls, true)} ${field('orderIds', S.fieldOrders, true)}
    </fieldset>`;
  }

  private renderStep(incident: Incident, step: IncidentStep) {
    const state = incident.steps[step.id];
    const isCurrent = currentStep(incident) === step.id;
    const zone = this.config.officeHours.timeZone;
    const classes = ['step', state.status, isCurrent ? 'current' : ''].filter(Boolean).join(' ');
    const parts = ['step', `step-${state.status}`, isCurrent ? 'step-current' : ''].filter(Boolean).join(' ');
    const noteId = `note-${step.id}`;
    return html`<li class=${classes} part=${parts} aria-current=${isCurrent ? 'step' : nothing} data-step=${step.id} data-status=${state.status}>
      <h3 id=${`title-${step.id}`} tabindex="-1">
        ${isCurrent ? html`<span class="badge current">${S.current}</span>` : nothing}
        ${state.status !== 'open' && state.at
          ? html`<span class="badge ${state.status}">${state.status === 'done' ? S.doneAt : S.skippedAt} ${wallClock(new Date(state.at), zone)}</span>`
          : nothing}
        ${step.toBeDecided ? html`<span class="badge tbd">${S.tbd}</span>` : nothing} ${t(step.title)}
      </h3>
      ${step.body.map((p) => html`<p>${t(p)}</p>`)}
      ${step.links.length ? html`<ul class="links">${step.links.map((key) => this.renderLink(key))}</ul>` : nothing}
      ${step.showsTicketTimer ? this.renderTimer(incident) : nothing} ${step.showsOfficeHours ? this.renderOffice() : nothing}
      <div class="actions row" role="group" aria-labelledby=${`title-${step.id}`}>
        <button type="button" aria-pressed=${state.status === 'done' ? 'true' : 'false'} data-action="done" @click=${() => this.setStatus(step, 'done')}>
          ${state.status === 'done' ? '✓ ' : ''}${S.done}
        </button>
        <button type="button" class="secondary" aria-pressed=${state.status === 'skipped' ? 'true' : 'false'} data-action="skip" @click=${() => this.setStatus(step, 'skipped')}>
          ${S.skip}
        </button>
      </div>
      <div class="field">
        <label for=${noteId}>${S.note}<span class="visually-hidden"> (${t(step.title)})</span></label>
        <textarea
          id=${noteId}
          rows="2"
          .value=${state.note}
          @input=${(e: Event) => this.change((i, now) => annotateStep(i, step.id, (e.target as HTMLTextAreaElement).value, now, false))}
          @change=${(e: Event) => this.change((i, now) => annotateStep(i, step.id, (e.target as HTMLTextAreaElement).value, now, true))}
        ></textarea>
      </div>
    </li>`;
  }

  private renderLink(key: Parameters<typeof stepLink>[0]) {
    const link = stepLink(key, this.config);
    if (!link.href) {
      const tbd = link.shown === TO_BE_DECIDED;
      return html`<li>${t(link.label)}: <span class=${tbd ? 'tbd-text' : 'hint'}>${t(link.shown)}</span></li>`;
    }
    const web = /^https?:/i.test(link.href);
    return html`<li>
      ${t(link.label)}:
      ${web
        ? html`<a href=${link.href} target="_blank" rel="noopener noreferrer">${t(link.shown)}<span class="visually-hidden"> ${S.newTab}</span></a>`
        : html`<a href=${link.href}>${t(link.shown)}</a>`}
    </li>`;
  }

  private renderTimer(incident: Incident) {
    const timer = ticketTimer(incident, this.clock());
    const prompt = timer.stage === 'first-prompt' || timer.stage === 'second-prompt';
    const requested = incident.ticket.requestedAt;
    return html`<div part="timer" class="panel ${prompt ? 'prompt' : ''}" data-stage=${timer.stage}>
      ${requested
        ? html`<p>${S.requestedAt} ${wallClock(new Date(requested), this.config.officeHours.timeZone)} —
            <span class="elapsed">${t(sinceRequest(timer.elapsedMs))}</span></p>`
        : nothing}
      <p class="timer-message">${prompt ? '⚠ ' : ''}${t(timer.message)}</p>
      ${timer.stage !== 'received'
        ? html`<div class="row">
            <label for="ticket-number">${S.ticketNumber}</label>
            <input id="ticket-number" type="text" autocomplete="off" />
            <button
              type="button"
              class="secondary"
              @click=${() => {
                const input = this.renderRoot.querySelector<HTMLInputElement>('#ticket-number')!;
                this.change((i, now) => recordTicket(i, input.value, now), S.ticketReceived);
              }}
            >
              ${S.ticketReceived}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderOffice() {
    const office = officeStatus(this.clock(), this.config);
    return html`<p part="office" class="panel ${office.open ? '' : 'closed'}" data-open=${office.open ? 'true' : 'false'}>
      <strong>${(office.open ? S.officeOpen : S.officeClosed).toUpperCase()}</strong> — ${t(office.reason)}
    </p>`;
  }

  private renderReport(incident: Incident) {
    const lang = currentLang();
    const { subject, body } = incidentReport(incident, this.config, lang);
    const full = `${subject}\n\n${body}`;
    // The mail link carries the facts (whole for a small incident, else with what was left out); the full report is copied or downloaded.
    const mail = incidentMail(incident, this.config, lang);
    return html`<section part="report" aria-labelledby="report-heading">
      <h2 id="report-heading">${S.report}</h2>
      <p class="hint">${S.reportHint}</p>
      <div class="field">
        <label for="report-text">${S.reportText}</label>
        <textarea id="report-text" class="report" readonly .value=${full}></textarea>
      </div>
      <div class="row">
        <ebet-copy-button .value=${full} .label=${S.copyReport}></ebet-copy-button>
        <a id="report-mail" href=${mail.url}>${S.mailReport} ${this.config.contacts.supportMail}</a>
        <button type="button" class="secondary" data-action="download-report"
          @click=${(e: Event) => download((e.target as Element).parentElement!, `${incident.id}.txt`, full, 'text/plain;charset=utf-8')}>${S.downloadReport}</button>
      </div>
      ${mail.leftOut.length ? html`<p class="warning">${S.mailTruncated}</p>` : nothing}
    </section>`;
  }

  private renderConfig() {
    const problems = this.configProblems;
    const json = JSON.stringify(this.config, null, 2);
    return html`<section part="config" aria-labelledby="config-heading">
      <h2 id="config-heading">${S.config}</h2>
      <p>
        ${S.configNow}: <strong>${this.config.provider}</strong>, ${this.configIsDefault ? S.configDefault : S.configLoaded}
      </p>
      <p class="hint">${S.configHint}</p>
      <div class="field">
        <label for="config-file">${S.configFile}</label>
        <input id="config-file" type="file" accept=".json,application/json" aria-describedby="config-result" @change=${this.readFile} />
      </div>
      <div class="field">
        <label for="config-text">${S.configPaste}</label>
        <textarea
          id="config-text"
          rows="4"
          spellcheck="false"
          .value=${this.configText}
          aria-invalid=${problems.length ? 'true' : 'false'}
          aria-describedby="config-result"
          @input=${(e: Event) => (this.configText = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="row">
        <button type="button" @click=${() => this.loadConfiguration(this.configText)}>${S.configApply}</button>
        <button type="button" class="secondary" ?disabled=${this.configIsDefault} @click=${() => this.useConfig(DEFAULT_INCIDENT_CONFIG, true)}>
          ${S.configReset}
        </button>
      </div>
      <div id="config-result" role="status" aria-live="polite">
        ${problems.length
          ? html`<div class="field-error">
              ${S.configRefused}
              <ul class="problems">${problems.map((p) => html`<li data-path=${p.path}>${t(p.message)}</li>`)}</ul>
            </div>`
          : this.configNotice
            ? html`<p class="level-ok">${this.configNotice()}</p>`
            : nothing}
      </div>
      <details>
        <summary>${S.configCurrent}</summary>
        <div class="field">
          <label for="config-current">${S.configCurrent}</label>
          <textarea id="config-current" rows="12" readonly .value=${json}></textarea>
        </div>
        <ebet-copy-button .value=${json} .label=${S.configCopy}></ebet-copy-button>
      </details>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-incident-checklist': EbetIncidentChecklist;
  }
  interface HTMLElementEventMap {
    'ebet-incident-change': CustomEvent<IncidentChangeDetail>;
    'ebet-incident-config-change': CustomEvent<IncidentConfigChangeDetail>;
  }
}
