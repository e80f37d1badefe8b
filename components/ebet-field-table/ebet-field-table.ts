import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { text, type Text } from '../../src/text.ts';
import { verdict, type Level, type ValidationRow } from '../../src/validate.ts';
import { LocaleController } from '../shared/locale.ts';
import { baseStyles } from '../shared/styles.ts';
import { visibleValue } from '../shared/visible-value.ts';

const S = {
  caption: text('Fields checked', 'Kontrollerade fält'),
  field: text('Field', 'Fält'),
  value: text('Value', 'Värde'),
  length: text('Length', 'Längd'),
  status: text('Status', 'Status'),
  missing: text('(missing)', '(saknas)'),
  fix: text('Suggested value', 'Föreslaget värde'),
  levels: { ok: text('OK', 'OK'), warning: text('Warning', 'Varning'), error: text('Error', 'Fel') } as Record<Level, Text>,
  verdict: {
    ok: text('Every field is OK.', 'Alla fält är OK.'),
    warning: text('No errors, but look at the warnings.', 'Inga fel, men se varningarna.'),
    error: text('There are errors: the bank would refuse this.', 'Det finns fel: banken skulle avvisa detta.'),
  } as Record<Level, Text>,
};

/**
 * @summary The bank test page's table: one row per field with its value (whitespace made visible), length and status, and an overall verdict on top.
 * @csspart verdict - The overall verdict.
 * @csspart table - The table.
 * @cssproperty --ebet-color-ok / --ebet-color-warning / --ebet-color-error - Status colours.
 */
@customElement('ebet-field-table')
export class EbetFieldTable extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      table { border-collapse: collapse; width: 100%; background: var(--ebet-color-surface, #fff); }
      th, td { text-align: left; vertical-align: top; padding: 0.35em 0.5em; border-bottom: 1px solid var(--ebet-color-border, #d0d5db); }
      td.length { text-align: right; }
      .verdict { font-weight: 700; padding: 0.5em 0.7em; border-radius: var(--ebet-radius, 6px); background: var(--ebet-color-surface, #fff);
        border-left: 6px solid currentColor; }
    `,
  ];

  /** The rows from `validateFields`. */
  @property({ attribute: false }) rows: readonly ValidationRow[] = [];
  /** A caption for the table (both languages). */
  @property({ attribute: false }) caption: Text | null = null;

  private readonly locale = new LocaleController(this);

  override render() {
    const { t, lang } = this.locale;
    if (this.rows.length === 0) return nothing;
    const overall = verdict(this.rows);
    return html`<p part="verdict" class=${`verdict level-${overall}`} role="status" data-verdict=${overall}>${t(S.verdict[overall]!)}</p>
      <table part="table">
        <caption class="visually-hidden">${t(this.caption ?? S.caption)}</caption>
        <thead>
          <tr><th scope="col">${t(S.field)}</th><th scope="col">${t(S.value)}</th><th scope="col">${t(S.length)}</th><th scope="col">${t(S.status)}</th></tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (row) => html`<tr data-field=${row.name} data-level=${row.level} data-code=${row.code}>
              <th scope="row" class="mono">${row.name}</th>
              <td>${row.value === null ? html`<em class="hint">${t(S.missing)}</em>` : visibleValue(row.value, lang)}</td>
              <td class="length">${row.value === null ? '' : row.length}</td>
              <td class=${`level-${row.level}`}>
                ${row.level === 'ok' ? t(S.levels.ok!) : html`<strong>${t(S.levels[row.level]!)}:</strong> ${t(row.message)}`}
                ${row.suggestion !== undefined ? html`<br /><span class="hint">${t(S.fix)}: <code>${row.suggestion}</code></span>` : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-field-table': EbetFieldTable;
  }
}
