/**
 * The look every element shares, themable through CSS custom properties:
 * --ebet-font, --ebet-mono, --ebet-color-text, --ebet-color-muted, --ebet-color-bg,
 * --ebet-color-surface, --ebet-color-border, --ebet-color-accent, --ebet-color-on-accent,
 * --ebet-color-ok, --ebet-color-warning, --ebet-color-error, --ebet-radius, --ebet-space.
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    font-family: var(--ebet-font, system-ui, -apple-system, 'Segoe UI', sans-serif);
    color: var(--ebet-color-text, #1b1f24);
    line-height: 1.45;
    box-sizing: border-box;
    overflow-wrap: break-word;
    /* Long words (Leverantörskonfiguration) break at a hyphen where the browser knows the page's language. */
    hyphens: auto;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  code,
  pre,
  .mono {
    font-family: var(--ebet-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-size: 0.92em;
  }
  label {
    font-weight: 600;
  }
  /* A fieldset is as wide as its widest content unless told otherwise: on a phone that scrolls sideways. */
  fieldset {
    min-width: 0;
  }
  /* Long tokens (MAC, KVV, URLs) wrap rather than widen the page. */
  code {
    overflow-wrap: anywhere;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--ebet-color-bg, #fff);
    border: 1px solid var(--ebet-color-border, #8a939d);
    border-radius: var(--ebet-radius, 6px);
    padding: 0.4em 0.55em;
    max-width: 100%;
  }
  textarea {
    font-family: var(--ebet-mono, ui-monospace, Menlo, Consolas, monospace);
    width: 100%;
  }
  /* On a phone a select takes its whole line, so the chosen text is never cut. */
  @media (max-width: 36rem) {
    select {
      width: 100%;
      font-size: 0.9em;
    }
  }
  /* An amount and its currency stay on one line (550,00 SEK). */
  .amount {
    white-space: nowrap;
  }
  /* Code and protocol values are not hyphenated. */
  code,
  pre,
  .mono,
  .v {
    hyphens: manual;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--ebet-color-error, #b3261e);
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--ebet-radius, 6px);
    border: 1px solid var(--ebet-color-accent, #0b57d0);
    background: var(--ebet-color-accent, #0b57d0);
    color: var(--ebet-color-on-accent, #fff);
    padding: 0.4em 0.9em;
  }
  button.secondary {
    background: transparent;
    color: var(--ebet-color-accent, #0b57d0);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--ebet-color-focus, #f29900);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .hint {
    color: var(--ebet-color-muted, #4d5660);
    font-size: 0.9em;
  }
  .level-ok {
    color: var(--ebet-color-ok, #146c2e);
  }
  .level-warning {
    color: var(--ebet-color-warning, #8a5300);
  }
  .level-error {
    color: var(--ebet-color-error, #b3261e);
  }
  .field-error {
    color: var(--ebet-color-error, #b3261e);
    font-size: 0.9em;
    margin: 0.2em 0 0;
  }
  /* Visible whitespace (components/shared/visible-value.ts). */
  .v {
    font-family: var(--ebet-mono, ui-monospace, Menlo, Consolas, monospace);
    white-space: pre-wrap;
    word-break: break-all;
    /* A user's value never reorders the text around it (nor the other way round). */
    unicode-bidi: isolate;
  }
  .v-space,
  .v-tab,
  .v-nbsp,
  .v-newline,
  .v-control,
  .v-bidi,
  .v-cut {
    color: var(--ebet-color-warning, #8a5300);
    background: var(--ebet-color-mark, #fff1cc);
    border-radius: 2px;
  }
  .v-nonAscii {
    background: var(--ebet-color-mark-alt, #e3ecff);
    border-bottom: 2px dotted var(--ebet-color-accent, #0b57d0);
  }
  .v-separator {
    color: var(--ebet-color-accent, #0b57d0);
    font-weight: 700;
    padding: 0 0.1em;
  }
`;
