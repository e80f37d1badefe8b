/** Renders a value with its whitespace, separators and non-ASCII characters made visible. */
import { msg } from './locale.ts';
import { html, type TemplateResult } from 'lit';
import { visibleSegments } from '../../src/visible.ts';

/** Each visible kind's title (a getter each, so `msg()` runs when the value is rendered). */
const TITLES: Record<string, string> = {
  get space() { return msg('space'); },
  get tab() { return msg('tab'); },
  get nbsp() { return msg('no-break space'); },
  get newline() { return msg('line break'); },
  get control() { return msg('control character'); },
  get nonAscii() { return msg('non-ASCII character'); },
  get separator() { return msg('separator &'); },
};

/**
 * The value as spans: `·` for a space, `→` for a tab, `⍽` for a no-break space, non-ASCII
 * underlined; with `separators`, each `&` stands out (for MAC strings). The titles follow the page's locale.
 */
export function visibleValue(value: string, separators = false): TemplateResult {
  return html`<span class="v">${visibleSegments(value, separators).map((s) =>
    s.kind === 'text'
      ? s.text
      : html`<span class="v-${s.kind}" title=${TITLES[s.kind]}>${s.shown}</span>`,
  )}</span>`;
}
