import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DOCTOR_CAUSES, diagnoseMac, type CharsetSource, type Diagnosis, type DoctorFinding } from '../../src/doctor/index.ts';
import { ENCODING_NAMES, type Encoding } from '../../src/protocol/encoding.ts';
import type { MessageKind } from '../../src/protocol/fields.ts';
import type { Keys } from '../../src/protocol/key-ring.ts';
import type { FieldInput } from '../../src/protocol/message.ts';
import { EbetError, text, type Text } from '../../src/protocol/text.ts';
import { DIAGNOSIS_LEVELS } from '../../src/verdict/verdict.ts';
import { EbetCopyButton } from '../ebet-copy-button/ebet-copy-button.ts';
import { emit } from '../shared/events.ts';
import { currentLang, localized, msg, str, t } from '../shared/locale.ts';
import { isOne } from '../shared/plural.ts';
import { baseStyles } from '../shared/styles.ts';
import { visibleValue, visibleText } from '../shared/visible-value.ts';

const S = {
  get title() { return msg('Mismatch doctor'); },
  get needKind() { return msg('Choose the message kind to diagnose its MAC.'); },
  get needMac() { return msg('Give the MAC that was sent (NB_HMAC) to find out why it does not verify.'); },
  get needKey() { return msg('Give a valid key (or key ring) to diagnose the MAC.'); },
  get cannot() { return msg('The MAC cannot be diagnosed'); },
  get finding() { return msg('Explanation'); },
  get reproduce() { return msg('Reproduce it exactly'); },
  get string() { return msg('String signed'); },
  get encoding() { return msg('Encoding', { id: 'doctor-encoding' }); },
  get key() { return msg('Key'); },
  get algorithm() { return msg('Algorithm'); },
  get bytes() { return msg('Bytes (hex)'); },
  get digest() { return msg('Digest'); },
  get result() { return msg('Gives exactly the MAC sent'); },
  get fix() { return msg('What is right'); },
  get copyString() { return msg('the string signed'); },
  get tried() { return msg('What was tried'); },
  get cause() { return msg('Cause'); },
  get what() { return msg('Candidates'); },
  get count() { return msg('Count'); },
  leftOut: (d: Diagnosis) => {
    const count = d.leftOut.length.toLocaleString(currentLang() === 'sv' ? 'sv-SE' : 'en-US');
    const fields = d.leftOut.join(', ');
    return isOne(d.leftOut.length)
      ? msg(str`Left out of the search as signed extras (it tries the message's fields and the likely extras first): ${count} other input of the form, ${fields}.`)
      : msg(str`Left out of the search as signed extras (it tries the message's fields and the likely extras first): ${count} other inputs of the form, ${fields}.`);
  },
  stats: (d: Diagnosis) => {
    const sv = currentLang() === 'sv';
    const candidates = d.candidates.toLocaleString(sv ? 'sv-SE' : 'en-US');
    const ms = sv ? d.elapsedMs.toFixed(1).replace('.', ',') : d.elapsedMs.toFixed(1);
    const rate = d.candidatesPerSecond.toLocaleString(sv ? 'sv-SE' : 'en-US');
    return isOne(d.candidates) ? msg(str`${candidates} candidate in ${ms} ms (${rate} candidates/s).`) : msg(str`${candidates} candidates in ${ms} ms (${rate} candidates/s).`);
  },
};

/** The `ebet-diagnosis` event's detail. */
export interface DiagnosisDetail {
  /** The diagnosis, or `null` when it could not run (see `error`, or missing input). */
  readonly diagnosis: Diagnosis | null;
  /** Why it could not run: a bad MAC (`field` NB_HMAC), key (`key…`) or fields (the field's name). */
  readonly error: { readonly code: string; readonly field: string | null; readonly text: Text } | null;
}

/**
 * @summary Finds out why a MAC does not verify and says it in plain words, with the exact string, encoding and key interpretation that reproduce the MAC that was sent. Runs `diagnoseMac` from the core whenever an input changes; never shows a key.
 *
 * Stable API (embedded by the response decoder): set the properties `kind`, `fields`, `givenMac`,
 * `keys`, `encoding` and optionally `date`; read `diagnosis`; listen to `ebet-diagnosis`.
 *
 * @event ebet-diagnosis - `DiagnosisDetail` after every run (also when it could not run).
 * @csspart status - The verdict line (correct / explained / unexplained / error).
 * @csspart note - The policy's note on how NB_HMAC or NB_KVV is written, or on NB_KVV against the key (`data-code`, `data-field`).
 * @csspart finding - One explanation.
 * @csspart tried - The table of what was tried, when nothing explains the MAC.
 * @csspart stats - The candidates/second line.
 * @cssproperty --ebet-color-ok - Colour of a MAC that verifies.
 * @cssproperty --ebet-color-error - Colour of errors.
 * @cssproperty --ebet-color-surface - Background of a finding.
 * @cssproperty --ebet-color-border - Border of a finding.
 * @tagname ebet-mac-doctor
 */
@localized()
export class EbetMacDoctor extends LitElement {
  /** @internal The elements it renders, registered with it (`../shared/define.ts`). */
  static readonly dependencies = { 'ebet-copy-button': EbetCopyButton };

  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      h3 { margin: 0.2em 0 0.4em; font-size: 1.05em; }
      .finding { background: var(--ebet-color-surface, #fff); border: 1px solid var(--ebet-color-border, #d0d5db);
        border-left: 4px solid var(--ebet-color-warning, #8a5300); border-radius: var(--ebet-radius, 6px); padding: 0.6em 0.9em; margin: 0.6em 0; }
      .causes { display: flex; flex-wrap: wrap; gap: 0.3em; margin: 0 0 0.4em; padding: 0; list-style: none; }
      .cause { font-size: 0.85em; padding: 0.05em 0.55em; border-radius: 1em; background: var(--ebet-color-mark, #fff1cc); }
      :host { container-type: inline-size; }
      dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 0.2em 0.8em; margin: 0.4em 0; }
      dt { font-weight: 600; }
      dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
      @container (max-width: 30em) {
        dl { grid-template-columns: minmax(0, 1fr); }
        dd { margin-bottom: 0.3em; }
      }
      table { border-collapse: collapse; width: 100%; }
      td { overflow-wrap: anywhere; }
      th, td { text-align: left; padding: 0.25em 0.5em; border-bottom: 1px solid var(--ebet-color-border, #d0d5db); vertical-align: top; }
      td.count { text-align: right; font-variant-numeric: tabular-nums; }
      .status { font-weight: 600; }
      h4 { margin: 0.8em 0 0.3em; font-size: 1em; }
    `,
  ];

  /** The message kind whose MAC is diagnosed. */
  @property() kind: MessageKind | '' = '';
  /** The message's fields, as a record or an ordered list (NB_HMAC among them is ignored; see `givenMac`). */
  @property({ attribute: false }) fields: FieldInput = {};
  /** The MAC that was sent (NB_HMAC), 32 (or 64) hexadecimal characters. */
  @property({ attribute: 'given-mac' }) givenMac = '';
  /** The key or key ring to diagnose with; `null` while none is valid. Never rendered. */
  @property({ attribute: false }) keys: Keys | null = null;
  /** The encoding the MAC should use; the other one is tried. */
  @property() encoding: Encoding = 'utf-8';
  /** The character set the page or request declares, and where (`declaredCharset`, or the decoder's `charset`): checked in first, and named. Overrides `encoding`. */
  @property({ attribute: false }) declared: { readonly encoding: Encoding; readonly source: CharsetSource } | null = null;
  /** The message's date (`YYYY-MM-DD`), to pick the ring's key; else NB_PAID's date; else every key counts. */
  @property() date = '';

  @state() private result: DiagnosisDetail = { diagnosis: null, error: null };
  /** The latest diagnosis, or `null`. */
  get diagnosis(): Diagnosis | null {
    return this.result.diagnosis;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['kind', 'fields', 'givenMac', 'keys', 'encoding', 'declared', 'date'] as const;
    if (inputs.some((name) => changed.has(name))) this.run();
  }

  private run(): void {
    let detail: DiagnosisDetail = { diagnosis: null, error: null };
    if (this.kind && this.givenMac.trim() && this.keys) {
      try {
        const diagnosis = diagnoseMac(this.kind, this.fields, this.givenMac, this.keys, {
          encoding: this.encoding,
          ...(this.declared ? { declared: this.declared } : {}),
          ...(this.date ? { date: this.date } : {}),
        });
        detail = { diagnosis, error: null };
      } catch (error) {
        const e = error instanceof EbetError ? error : null;
        detail = { diagnosis: null, error: { code: e?.code ?? 'error', field: e?.field ?? null, text: e?.text ?? text(String(error), String(error)) } };
      }
    }
    this.result = detail;
    emit(this, 'ebet-diagnosis', detail);
  }

  override render() {
    const { diagnosis, error } = this.result;
    return html`<section aria-labelledby="doctor-title">
      <h3 id="doctor-title">${S.title}</h3>
      <div aria-live="polite">
        ${error
          ? html`<p part="status" class="status level-error" role="alert" data-status="error" data-field=${error.field ?? nothing}>
              ${S.cannot}: ${visibleText(t(error.text))}
            </p>`
          : diagnosis
            ? this.renderDiagnosis(diagnosis)
            : html`<p part="status" class="hint" data-status="waiting">
                ${!this.kind ? S.needKind : !this.givenMac.trim() ? S.needMac : S.needKey}
              </p>`}
      </div>
    </section>`;
  }

  private renderDiagnosis(d: Diagnosis) {
    const level = DIAGNOSIS_LEVELS[d.status];
    return html`<p part="status" class=${`status level-${level}`} data-status=${d.status}>${d.status === 'correct' ? '✓ ' : '✗ '}${visibleText(t(d.message))}</p>
      ${d.warnings.map((w) => html`<p class="level-warning">${visibleText(t(w))}</p>`)}
      ${d.notes.map(
        (n) => html`<p part="note" class=${`note level-${n.level === 'info' ? 'ok' : n.level}`} data-code=${n.code} data-field=${n.field}>${visibleText(t(n.message))}</p>`,
      )}
      ${d.findings.map((f, i) => this.renderFinding(f, i))}
      ${d.status === 'unexplained' ? this.renderTried(d) : nothing}
      ${d.leftOut.length ? html`<p class="hint" data-left-out=${d.leftOut.length}>${S.leftOut(d)}</p>` : nothing}
      <p part="stats" class="hint" data-candidates=${d.candidates}>${S.stats(d)}</p>`;
  }

  private renderFinding(f: DoctorFinding, index: number) {
    return html`<article part="finding" class="finding" data-causes=${f.causes.join(' ')} aria-labelledby=${`finding-${index}`}>
      <h4 id=${`finding-${index}`} class="visually-hidden">${S.finding} ${index + 1}</h4>
      <ul class="causes">
        ${f.causes.map((c) => html`<li class="cause" data-cause=${c}>${t(DOCTOR_CAUSES[c].title)}</li>`)}
      </ul>
      <p>${visibleText(t(f.explanation))}</p>
      <p><strong>${S.fix}:</strong> ${visibleText(t(f.fix))}</p>
      <details>
        <summary>${S.reproduce}</summary>
        <dl>
          <dt>${S.string}</dt>
          <dd>${visibleValue(f.string, true)} <ebet-copy-button .value=${f.string} .label=${S.copyString}></ebet-copy-button></dd>
          <dt>${S.encoding}</dt>
          <dd>${t(ENCODING_NAMES[f.encoding])}</dd>
          <dt>${S.bytes}</dt>
          <dd class="mono">${f.bytesHex.replace(/(..)(?=.)/g, '$1 ')}</dd>
          <dt>${S.key}</dt>
          <dd>${t(f.key.label)}</dd>
          <dt>${S.algorithm}</dt>
          <dd class="mono">${f.algorithm}</dd>
          <dt>${S.digest}</dt>
          <dd class="mono">${f.digest}</dd>
          <dt>${S.result}</dt>
          <dd class="mono" data-mac>${f.mac}</dd>
        </dl>
      </details>
    </article>`;
  }

  private renderTried(d: Diagnosis) {
    return html`<h4 id="tried-title">${S.tried}</h4>
      <table part="tried" aria-labelledby="tried-title">
      <thead>
        <tr><th scope="col">${S.cause}</th><th scope="col">${S.what}</th><th scope="col">${S.count}</th></tr>
      </thead>
      <tbody>
        ${d.tried.map(
          (row) => html`<tr data-cause=${row.cause}>
            <td>${t(DOCTOR_CAUSES[row.cause].title)}</td>
            <td>${visibleText(t(row.detail))}</td>
            <td class="count">${row.candidates.toLocaleString(currentLang() === 'sv' ? 'sv-SE' : 'en-US')}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-mac-doctor': EbetMacDoctor;
  }
  interface HTMLElementEventMap {
    'ebet-diagnosis': CustomEvent<DiagnosisDetail>;
  }
}
