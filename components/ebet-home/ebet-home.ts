import { LitElement, css, html, nothing } from 'lit';
import { localized, msg } from '../shared/locale.ts';
import { baseStyles } from '../shared/styles.ts';
import { TOOLS, WAYS_IN } from './tools.ts';

const S = {
  get title() { return msg('ebet-toolkit'); },
  get lead() { return msg('Tools for E-betalning, the Swedish bank e-payment protocol: signed forms (HMAC-SHA256-128), signed receipts, payment checks and repayments. Static pages; everything runs in your browser.'); },
  get tools() { return msg('Tools'); },
  get more() { return msg('More ways in'); },
  get how() { return msg('How it works'); },
};

/**
 * @summary The toolkit's home page: every tool with the question it answers and a link to it, then the session view, the bookmarklet, the docs and the npm package.
 * @csspart card - One tool's card.
 * @csspart way-in - One of the other ways in (session view, bookmarklet, docs, npm package).
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
      .question { font-weight: 600; margin: 0 0 0.3em; }
      li p { margin: 0.3em 0 0; }
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
            <p class="question">${tool.question}</p>
            <p>${tool.summary}</p>
          </li>`,
        )}
      </ul>
      <h2>${S.more}</h2>
      <ul>
        ${WAYS_IN.map(
          (way) => html`<li part="way-in" data-way=${way.id}>
            <h3><a href=${way.href}>${way.title}</a></h3>
            <p>${way.summary}</p>
            ${way.docs ? html`<p><a href=${way.docs}>${S.how}</a></p>` : nothing}
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
