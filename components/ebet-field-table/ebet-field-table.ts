import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Text } from '../../src/protocol/text.ts';
import { verdict, type Level, type ValidationRow } from '../../src/judging/validate.ts';
import { localized, msg, str, t } from '../shared/locale.ts';
import { baseStyles } from '../shared/styles.ts';
import { visibleValue, visibleText } from '../shared/visible-value.ts';

/** Rows shown at most: a pasted form of 100,000 inputs is checked whole, and shown in part. */
const SHOWN_ROWS = 300;

const S = {
  more: (n: number): string => msg(str`…and ${n} more`),
  get caption() { return msg('Fields checked'); },
  get field() { return msg('Field'); },
  get value() { return msg('Value'); },
  get length() { return msg('Length'); },
  get status() { return msg('Status'); },
  get missing() { return msg('(missing)'); },
  get fix() { return msg('Suggested value'); },
  levels: { get ok() { return msg('OK'); }, get warning() { return msg('Warning'); }, get error() { return msg('Error'); } } as Record<Level, string>,
  verdict: {
    get ok() { return msg('Every field is OK.'); },
    get warning() { return msg('No errors, but look at the warnings.'); },
    get error() { return msg('There are errors: the bank would refuse this.'); },
  } as Record<Level, string>,
};

/**
 * @summary The bank test page's table: one row per field with its value (whitespace made visible), length and status, and an overall verdict on top.
 * @slot detail-<FIELD> - An explanation shown in that field's status cell (e.g. `detail-NB_HMAC`: the mismatch doctor).
 * @csspart verdict - The overall verdict.
 * @csspart table - The table.
 * @cssproperty --ebet-color-ok / --ebet-color-warning / --ebet-color-error - Status colours.
 * @tagname ebet-field-table
 */
@localized()
export class EbetFieldTable extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; container-type: inline-size; }
      table { border-collapse: collapse; width: 100%; table-layout: fixed; background: var(--ebet-color-surface, #fff); }
      th, td { text-align: left; vertical-align: top; padding: 0.35em 0.5em; border-bottom: 1px solid var(--ebet-color-border, #d0d5db); overflow-wrap: anywhere; }
      col.field { width: 13em; }
      col.value { width: 42%; }
      col.length { width: 5.5em; }
      thead th { overflow-wrap: normal; }
      td.length { text-align: right; }
      /* Narrow: each field is a block of rows (name, value, length, status), labelled, instead of a table. */
      @container (max-width: 40em) {
        table, tbody, tr, th, td { display: block; width: auto; }
        thead, colgroup { display: none; }
        tr { padding: 0.4em 0; border-bottom: 1px solid var(--ebet-color-border, #d0d5db); }
        th, td { border: 0; padding: 0.1em 0.3em; }
        td.length { text-align: left; }
        td[data-label]::before { content: attr(data-label); color: var(--ebet-color-muted, #4d5660); font-size: 0.85em; margin-inline-end: 0.5em; }
      }
      .verdict { font-weight: 700; padding: 0.5em 0.7em; border-radius: var(--ebet-radius, 6px); background: var(--ebet-color-surface, #fff);
        border-left: 6px solid currentColor; }
    `,
  ];

  /** The rows from `validateFields`. */
  @property({ attribute: false }) rows: readonly ValidationRow[] = [];
  /** Leaves out the verdict on the fields, e.g. under an ERR answer whose own status is the verdict. */
  @property({ type: Boolean, attribute: 'no-verdict' }) noVerdict = false;
  /** A caption for the table (a core `Text`, e.g. a message kind's title). */
  @property({ attribute: false }) caption: Text | null = null;

  /** A field's row (`tr[data-field]`), e.g. for a link to it; `null` when the table has none. */
  rowOf(name: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-field="${CSS.escape(name)}"]`);
  }

  override render() {
    if (this.rows.length === 0) return nothing;
    const overall = verdict(this.rows);
    return html`${this.noVerdict ? nothing : html`<p part="verdict" class=${`verdict level-${overall}`} role="status" data-verdict=${overall}>${S.verdict[overall]}</p>`}
      <table part="table">
        <caption class="visually-hidden">${this.caption ? t(this.caption) : S.caption}</caption>
        <colgroup><col class="field" /><col class="value" /><col class="length" /><col /></colgroup>
        <thead>
          <tr><th scope="col">${S.field}</th><th scope="col">${S.value}</th><th scope="col">${S.length}</th><th scope="col">${S.status}</th></tr>
        </thead>
        <tbody>
          ${this.rows.slice(0, SHOWN_ROWS).map(
            (row) => html`<tr data-field=${row.name} data-level=${row.level} data-code=${row.code}>
              <th scope="row" class="mono">${visibleValue(row.name)}</th>
              <td data-label=${S.value}>${row.value === null ? html`<em class="hint">${S.missing}</em>` : visibleValue(row.value)}</td>
              <td class="length" data-label=${row.value === null ? nothing : S.length}>${row.value === null ? '' : row.length}</td>
              <td class=${`level-${row.level}`}>
                ${row.level === 'ok' ? S.levels.ok : html`<strong>${S.levels[row.level]}:</strong> ${visibleText(t(row.message))}`}
                ${row.suggestion !== undefined ? html`<br /><span class="hint">${S.fix}: <code>${row.suggestion}</code></span>` : nothing}
                <slot name=${`detail-${row.name}`}></slot>
              </td>
            </tr>`,
          )}
          ${this.rows.length > SHOWN_ROWS ? html`<tr data-more=${this.rows.length - SHOWN_ROWS}><td colspan="4">${S.more(this.rows.length - SHOWN_ROWS)}</td></tr>` : nothing}
        </tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-field-table': EbetFieldTable;
  }
}
