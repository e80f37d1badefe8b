/**
 * The verdict first: one line at the top of a tool's result (the calculator, the test page, the
 * decoder) saying what it found, with an in-page link to the details. The link is a real anchor
 * (`href="#…"`, so it is focusable and Enter follows it); since its target sits in a shadow root,
 * following it scrolls the target into view and moves the focus there, and leaves the address as it is.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { visibleText } from './visible-value.ts';

/** Where the line's link goes: its label, its `href` (`#id`), and the element it shows (found when followed; may be rendered first). */
export interface SummaryLink {
  readonly label: string;
  readonly href: string;
  readonly target: () => Element | null | undefined | Promise<Element | null | undefined>;
}

export interface Summary {
  /** The CSS part the line is exposed as. */
  readonly part: string;
  /** The state, as `data-summary` (for styling and test drivers). */
  readonly state: string;
  /** Its colour: `ok`, `warning`, `error`, or none (a `verdict`'s level when there is one). */
  readonly level?: 'ok' | 'warning' | 'error';
  readonly text: string;
  readonly link: SummaryLink;
  /**
   * The verdict the line tells (`judgeMessage`'s): the line then carries the tools' hooks,
   * `data-verdict-line`, `data-verdict` (`ok`, `warning`, `error`) and `data-codes` (space-separated).
   */
  readonly verdict?: { readonly level: 'ok' | 'warning' | 'error'; readonly codes: readonly string[] };
}

/** The summary line's look: a bold line with a bar in its colour. */
export const summaryStyles = css`
  .summary {
    font-weight: 700;
    padding: 0.5em 0.7em;
    border-left: 6px solid currentColor;
    background: var(--ebet-color-surface, #fff);
    border-radius: var(--ebet-radius, 6px);
    overflow-wrap: anywhere;
  }
  .summary a {
    font-weight: 400;
    margin-inline-start: 0.4em;
    color: var(--ebet-color-accent, #0b57d0);
  }
`;

/** Shows an element the link names: opens it when it is a `<details>`, scrolls to it and focuses it. */
function show(target: Element | null | undefined): void {
  if (!(target instanceof HTMLElement)) return;
  if (target instanceof HTMLDetailsElement) target.open = true;
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/** The summary line: the verdict in words (a quoted value's direction controls shown as code points, `visibleText`), then the link to its details. */
export function summaryLine(summary: Summary): TemplateResult {
  const { link } = summary;
  const follow = (e: Event) => {
    e.preventDefault();
    const found = link.target();
    if (found instanceof Promise) void found.then(show);
    else show(found);
  };
  const verdict = summary.verdict;
  const level = verdict?.level ?? summary.level;
  return html`<p
    class=${level ? `summary level-${level}` : 'summary'}
    part=${summary.part}
    data-summary=${summary.state}
    ?data-verdict-line=${!!verdict}
    data-verdict=${verdict?.level ?? nothing}
    data-codes=${verdict ? verdict.codes.join(' ') : nothing}
  >
    ${visibleText(summary.text)} <a href=${link.href} @click=${follow}>${link.label}</a>
  </p>`;
}
