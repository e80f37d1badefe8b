/** Renders a value with its whitespace, separators and non-ASCII characters made visible. */
import { html, type TemplateResult } from 'lit';
import { visibleSegments } from '../../src/visible.ts';

const TITLES: Record<string, { en: string; sv: string }> = {
  space: { en: 'space', sv: 'mellanslag' },
  tab: { en: 'tab', sv: 'tabb' },
  nbsp: { en: 'no-break space', sv: 'hårt mellanslag' },
  newline: { en: 'line break', sv: 'radbrytning' },
  control: { en: 'control character', sv: 'styrtecken' },
  nonAscii: { en: 'non-ASCII character', sv: 'icke-ASCII-tecken' },
  separator: { en: 'separator &', sv: 'avgränsare &' },
};

/**
 * The value as spans: `·` for a space, `→` for a tab, `⍽` for a no-break space, non-ASCII
 * underlined; with `separators`, each `&` stands out (for MAC strings). `lang` picks the titles.
 */
export function visibleValue(value: string, lang: 'en' | 'sv', separators = false): TemplateResult {
  return html`<span class="v">${visibleSegments(value, separators).map((s) =>
    s.kind === 'text'
      ? s.text
      : html`<span class="v-${s.kind}" title=${TITLES[s.kind]![lang]}>${s.shown}</span>`,
  )}</span>`;
}
