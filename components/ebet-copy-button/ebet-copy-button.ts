import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '../shared/locale.ts';
import { emit } from '../shared/events.ts';
import { baseStyles } from '../shared/styles.ts';

const S = {
  get copy() { return msg('Copy'); },
  get copied() { return msg('Copied'); },
  get failed() { return msg('Copy failed: select the text and press Ctrl+C'); },
};

/** Detail of `ebet-copy`. */
export interface CopyDetail {
  /** What was copied. */
  readonly value: string;
}

/**
 * @summary A button that copies a value to the clipboard and says so.
 * @event ebet-copy - `{ value: string }` after a successful copy.
 * @csspart button - The button.
 * @tagname ebet-copy-button
 */
@localized()
export class EbetCopyButton extends LitElement {
  static override styles = [baseStyles, css`:host { display: inline-block; } button { padding: 0.2em 0.7em; white-space: nowrap; }`];

  /** The text that is copied. */
  @property({ attribute: false }) value = '';
  /** What the button copies, for its accessible name ("Copy MAC"), in the page's language. */
  @property({ attribute: false }) label: string | null = null;

  @state() private status: 'idle' | 'copied' | 'failed' = 'idle';
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
    return html`<button part="button" class="secondary" type="button" @click=${this.copy}>
        ${this.status === 'copied' ? S.copied : S.copy}${this.label
          ? html`<span class="visually-hidden">: ${this.label}</span>`
          : nothing}</button
      ><span role="status" class="hint">${this.status === 'failed' ? S.failed : ''}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-copy-button': EbetCopyButton;
  }
  interface HTMLElementEventMap {
    'ebet-copy': CustomEvent<CopyDetail>;
  }
}
