import { LitElement, css, html } from 'lit';
import { LANGS, type Lang } from '../../src/protocol/text.ts';
import { currentLang, localized, msg, setLang } from '../shared/locale.ts';
import { baseStyles } from '../shared/styles.ts';

const S = {
  get group() { return msg('Language'); },
  names: { sv: 'Svenska', en: 'English' } as Record<Lang, string>,
};

/**
 * @summary Switches the toolkit between Swedish and English; the choice is remembered (only the language).
 * @csspart button - Each language button.
 * @tagname ebet-lang-switch
 */
@localized()
export class EbetLangSwitch extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: inline-flex; gap: 0.25em; }
      button[aria-pressed='true'] { font-weight: 700; }
      button[aria-pressed='false'] { background: transparent; color: var(--ebet-color-accent, #0b57d0); }
    `,
  ];

  override render() {
    return html`<div role="group" aria-label=${S.group}>
      ${LANGS.map(
        (lang) => html`<button part="button" type="button" lang=${lang} aria-pressed=${String(currentLang() === lang)} @click=${() => void setLang(lang)}>
          ${S.names[lang]}
        </button>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-lang-switch': EbetLangSwitch;
  }
}
