import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { text, type Text } from '../../src/text.ts';
import { emit } from '../shared/events.ts';
import { LocaleController } from '../shared/locale.ts';
import { baseStyles } from '../shared/styles.ts';

const S = {
  copy: text('Copy', 'Kopiera'),
  copied: text('Copied', 'Kopierat'),
  failed: text('Copy failed: select the text and press Ctrl+C', 'Kopieringen misslyckades: markera texten och tryck Ctrl+C'),
};

/**
 * @summary A button that copies a value to the clipboard and says so.
 * @event ebet-copy - `{ value: string }` after a successful copy.
 * @csspart button - The button.
 */
@customElement('ebet-copy-button')
export class EbetCopyButton extends LitElement {
  static override styles = [baseStyles, css`:host { display: inline-block; } button { padding: 0.2em 0.7em; }`];

  /** The text that is copied. */
  @property({ attribute: false }) value = '';
  /** What the button copies, for its accessible name ("Copy MAC"). */
  @property({ attribute: false }) label: Text | null = null;

  @state() private status: 'idle' | 'copied' | 'failed' = 'idle';
  private readonly locale = new LocaleController(this);
  private timer: ReturnType<typeof setTimeout> | undefined;

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.value);
      this.status = 'copied';
      emit(this, 'ebet-copy', { value: this.value });
    } catch {
      this.status = 'failed';
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.status = 'idle'), 2500);
  }

  override render() {
    const { t } = this.locale;
    return html`<button part="button" class="secondary" type="button" @click=${this.copy}>
        ${this.status === 'copied' ? t(S.copied) : t(S.copy)}${this.label
          ? html`<span class="visually-hidden">: ${t(this.label)}</span>`
          : nothing}</button
      ><span role="status" class="hint">${this.status === 'failed' ? t(S.failed) : ''}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-copy-button': EbetCopyButton;
  }
}
