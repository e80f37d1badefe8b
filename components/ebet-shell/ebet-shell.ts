import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TOOLS } from '../ebet-home/tools.ts';
import { EbetLangSwitch } from '../ebet-lang-switch/ebet-lang-switch.ts';
import { currentLang, initPageLang, localized, msg } from '../shared/locale.ts';
import { onNewVersion, registerSiteWorker } from '../shared/register-site-worker.ts';
import { baseStyles } from '../shared/styles.ts';

const S = {
  get home() { return msg('ebet-toolkit: all tools'); },
  get toolkit() { return msg('ebet-toolkit — E-betalning tools'); },
  get privacy() { return msg('Everything runs in this browser. Nothing you type is sent anywhere, and keys are never stored.'); },
  get newVersion() { return msg('A new version of ebet-toolkit is ready. This page keeps working as it is until you reload.'); },
  get reload() { return msg('Reload for the new version'); },
};

/**
 * @summary The frame of every toolkit page: a link home, the language switch, the page's tool, a privacy note.
 * It registers the site's service worker (`<home>sw.js`), which keeps the site for offline use,
 * and keeps the document's title in the page's language: the tool's name, else the page's own
 * `<title data-en="…" data-sv="…">`, else the toolkit's name.
 * @slot - The tool.
 * @csspart header - The top bar.
 * @csspart main - The area around the tool.
 * @csspart footer - The privacy note.
 * @csspart new-version - The offer to reload for a new version of the site, once one is ready.
 * @tagname ebet-shell
 */
@localized()
export class EbetShell extends LitElement {
  /** @internal The elements it renders, registered with it (`../shared/define.ts`). */
  static readonly dependencies = { 'ebet-lang-switch': EbetLangSwitch };

  static override styles = [
    baseStyles,
    css`
      :host { display: block; min-height: 100vh; background: var(--ebet-color-page, #f4f6f8); }
      header { display: flex; justify-content: space-between; align-items: center; gap: 1em; flex-wrap: wrap;
        padding: 0.6em 1.2em; background: var(--ebet-color-surface, #fff); border-bottom: 1px solid var(--ebet-color-border, #d0d5db); }
      header a { color: var(--ebet-color-accent, #0b57d0); font-weight: 700; text-decoration: none; }
      /* The page's content renders after the shell: the main area holds a screen's height, so the footer does not move (CLS 0). */
      main { max-width: 72rem; margin: 0 auto; padding: 1.2em; min-height: 100vh; box-sizing: border-box; }
      footer { max-width: 72rem; margin: 0 auto; padding: 0 1.2em 2em; }
      /* Over the page, not in its flow: the page does not move when a new version is offered. */
      [part='new-version'] { position: fixed; inset: auto 1em 1em auto; max-width: min(28rem, calc(100vw - 2em)); z-index: 10;
        display: flex; flex-wrap: wrap; align-items: center; gap: 0.6em; padding: 0.8em 1em; box-sizing: border-box;
        background: var(--ebet-color-surface, #fff); border: 1px solid var(--ebet-color-border, #d0d5db); border-radius: var(--ebet-radius, 6px);
        box-shadow: 0 2px 10px rgb(0 0 0 / 0.15); }
      [part='new-version'] p { margin: 0; }
    `,
  ];

  /** The URL of the toolkit's home page, relative to this page. */
  @property() home = '../../';

  /**
   * The page's tool, by its id on the home page (`calculator`, `test-page`, `decoder`, `incident`):
   * the document's title is its name in the page's language. Empty on the home page.
   */
  @property() tool = '';

  /** Set once a new version of the site is ready: switches to it and reloads. */
  @state() private reloadForNewVersion: (() => void) | null = null;

  override connectedCallback(): void {
    void initPageLang();
    super.connectedCallback();
    registerSiteWorker(this.home);
    onNewVersion((reload) => (this.reloadForNewVersion = reload));
  }

  override updated(): void {
    const tool = TOOLS.find((entry) => entry.id === this.tool);
    const own = document.querySelector('title')?.dataset[currentLang()];
    document.title = tool ? `${tool.title} — ebet-toolkit` : (own ?? S.toolkit);
  }

  override render() {
    return html`<header part="header">
        <a href=${this.home}>${S.home}</a>
        <ebet-lang-switch></ebet-lang-switch>
      </header>
      <main part="main"><slot></slot></main>
      <footer part="footer" class="hint">${S.privacy}</footer>
      <div role="status">${this.reloadForNewVersion
        ? html`<div part="new-version">
            <p>${S.newVersion}</p>
            <button type="button" @click=${this.reloadForNewVersion}>${S.reload}</button>
          </div>`
        : nothing}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-shell': EbetShell;
  }
}
