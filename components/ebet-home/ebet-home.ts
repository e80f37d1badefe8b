import { LitElement, css, html } from 'lit';
import { localized, msg } from '../shared/locale.ts';
import { baseStyles } from '../shared/styles.ts';
import { TOOLS } from './tools.ts';

const S = {
  get title() { return msg('ebet-toolkit'); },
  get lead() { return msg('Tools for E-betalning, the Swedish bank e-payment protocol: signed forms (HMAC-SHA256-128), signed receipts, payment checks and repayments. Static pages; everything runs in your browser.'); },
  get tools() { return msg('Tools'); },
};

/**
 * @summary The toolkit's home page: every tool, each with what it is for and a link to it.
 * @csspart card - One tool's card.
 * @tagname ebet-home
 */
@localized()
export class EbetHome extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      ul { list-style: none; padding: 0; display: grid; gap: 1em; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); }
      li { background: var(--ebet-color-surface, #fff); border: 1px solid var(--ebet-color-border, #d0d5db);
        border-radius: var(--ebet-radius, 6px); padding: 1em; }
      h3 { margin: 0 0 0.4em; font-size: 1.1em; }
      a { color: var(--ebet-color-accent, #0b57d0); }
    `,
  ];

  override render() {
    return html`<h1>${S.title}</h1>
      <p>${S.lead}</p>
      <h2>${S.tools}</h2>
      <ul>
        ${TOOLS.map(
          (tool) => html`<li part="card" data-tool=${tool.id}>
            <h3><a href=${tool.href}>${tool.title}</a></h3>
            <p>${tool.summary}</p>
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-home': EbetHome;
  }
}
