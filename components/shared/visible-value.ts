/** Renders a value with its whitespace, separators and non-ASCII characters made visible. */
import { msg, str } from './locale.ts';
import { html, nothing, type TemplateResult } from 'lit';
import { visibleSegments } from '../../src/protocol/visible.ts';

/** The characters of a value shown at most: a megabyte-long value is shown cut, with its length. */
const SHOWN_CHARACTERS = 2000;

/** Each visible kind's title (a getter each, so `msg()` runs when the value is rendered). */
const TITLES: Record<string, string> = {
  get space() { return msg('space'); },
  get tab() { return msg('tab'); },
  get nbsp() { return msg('no-break space'); },
  get newline() { return msg('line break'); },
  get control() { return msg('control character'); },
  get bidi() { return msg('direction control (bidi): it reorders the text after it'); },
  get nonAscii() { return msg('non-ASCII character'); },
  get separator() { return msg('separator &'); },
};

/**
 * The value as spans: `·` for a space, `→` for a tab, `⍽` for a no-break space, non-ASCII
 * underlined, control, zero-width and direction characters and lone surrogates as their code
 * points (`U+202E`); with `separators`, each `&` stands out (for MAC strings). Isolated from the
 * text around it (`unicode-bidi: isolate`); past `max` characters (`SHOWN_CHARACTERS` unless
 * told) cut, with its length. The titles follow the page's locale.
 */
export function visibleValue(value: string, separators = false, max = SHOWN_CHARACTERS): TemplateResult {
  let end = Math.min(value.length, max);
  const last = value.charCodeAt(end - 1);
  if (end < value.length && last >= 0xd800 && last <= 0xdbff) end--;
  const shown = end < value.length ? value.slice(0, end) : value;
  return html`<span class="v">${visibleSegments(shown, separators).map((s) =>
    s.kind === 'text'
      ? s.text
      : html`<span class="v-${s.kind}" title=${TITLES[s.kind]}>${s.shown}</span>`,
  )}${end < value.length ? html`<span class="v-cut" data-cut=${value.length}>${msg(str`… (${value.length} characters)`)}</span>` : nothing}</span>`;
}

/**
 * A message of the toolkit (a core `Text` in the page's language) that may quote a person's value:
 * its direction controls, control and zero-width characters and lone surrogates are shown as their
 * code points, as `visibleValue` shows them, so a quoted value never reorders the sentence
 * (U+202E 054321 is not read as 123450); everything else is written as it is.
 */
export function visibleText(message: string): TemplateResult | string {
  const segments = visibleSegments(message);
  if (!segments.some((s) => s.kind === 'bidi' || s.kind === 'control')) return message;
  return html`${segments.map((s) => (s.kind === 'bidi' || s.kind === 'control' ? html`<span class="v-${s.kind}" title=${TITLES[s.kind]}>${s.shown}</span>` : s.text))}`;
}
