import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { computeKvv, groupHex, normalizeKey, readTypedKvv, TEST_KEY } from '../../src/protocol/key.ts';
import { normalizeKeys, type KeyRingEntry, type Keys } from '../../src/protocol/key-ring.ts';
import { EbetError, text, type Text } from '../../src/protocol/text.ts';
import { emit } from '../shared/events.ts';
import { localized, msg, t } from '../shared/locale.ts';
import { baseStyles } from '../shared/styles.ts';

const S = {
  get legend() { return msg('Secret key'); },
  get useTest() { return msg('Use the handbook’s published test key (for the test page only)'); },
  get key() { return msg('Key (32 hexadecimal characters, spaces allowed)'); },
  get keyN() { return msg('Key'); },
  get from() { return msg('Valid from'); },
  get to() { return msg('Valid to'); },
  get show() { return msg('Show key'); },
  get add() { return msg('Add a key'); },
  get remove() { return msg('Remove key'); },
  get kvv() { return msg('KVV of this key'); },
  get expected() { return msg('Expected KVV'); },
  get kvvMatch() { return msg('The key matches the expected KVV: it was typed in correctly.'); },
  get kvvMismatch() { return msg('The key does NOT match the expected KVV: it is mistyped or another key.'); },
  get kvvBad() { return msg('The expected KVV must be 32 hexadecimal characters'); },
  get privacy() { return msg('The key stays in this page: it is never stored, sent or shown in anything you copy.'); },
};

export interface KeyChangeDetail {
  /** The key or key ring, or `null` while what is typed is not a valid key. */
  readonly keys: Keys | null;
  /** Whether the published test key is in use. */
  readonly testKey: boolean;
  /** The first problem with what is typed, if any. */
  readonly error: Text | null;
}

interface Row {
  key: string;
  from: string;
  to: string;
}

/**
 * @summary A secret-key field (or a key ring with validity dates) that shows the key's KVV and checks it against an expected KVV. The key is never stored.
 * @event ebet-key-change - `KeyChangeDetail` whenever the key or the ring changes.
 * @csspart fieldset - The group around the key fields.
 * @csspart kvv - The KVV line.
 * @tagname ebet-key-input
 */
@localized()
export class EbetKeyInput extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      fieldset { border: 1px solid var(--ebet-color-border, #d0d5db); border-radius: var(--ebet-radius, 6px); padding: 0.6em 0.9em; }
      .row { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: end; margin: 0.4em 0; }
      .row > div { display: flex; flex-direction: column; min-width: 0; max-width: 100%; }
      input.key { width: min(24em, 100%); font-family: var(--ebet-mono, ui-monospace, Menlo, Consolas, monospace); }
      .check { display: flex; gap: 0.4em; align-items: center; font-weight: 400; min-height: 24px; }
    `,
  ];

  /** Several keys with validity periods instead of one. */
  @property({ type: Boolean, reflect: true }) ring = false;
  /** Use the handbook's published test key. */
  @property({ type: Boolean, attribute: 'test-key' }) testKey = false;
  /** A KVV to check the key against (e.g. a pasted NB_KVV, or the one the bank sent with the key). */
  @property({ attribute: 'expected-kvv' }) expectedKvv = '';

  @state() private rows: Row[] = [{ key: '', from: '', to: '' }];
  @state() private reveal = false;
  /** Errors show once the user has typed in or left a key field (or a key was set), not on an untouched form. */
  @state() private touched = false;
  /** The key or ring now in use, or `null` when what is typed is not valid. */
  get keys(): Keys | null {
    return this.evaluate().keys;
  }

  /** Sets the key (or the ring) programmatically, e.g. from the doctor's key ring. */
  setKeys(keys: Keys): void {
    const list = typeof keys === 'string' ? [keys] : keys;
    this.rows = list.map((k) => (typeof k === 'string' ? { key: k, from: '', to: '' } : { key: k.key, from: k.from ?? '', to: k.to ?? '' }));
    this.testKey = false;
    this.ring = this.ring || this.rows.length > 1;
    this.touched = true;
    this.changed();
  }

  private evaluate(): { keys: Keys | null; error: Text | null; errorRow: number } {
    if (this.testKey) return { keys: TEST_KEY, error: null, errorRow: -1 };
    const rows = this.ring ? this.rows : this.rows.slice(0, 1);
    try {
      if (!this.ring) return { keys: normalizeKey(rows[0]!.key), error: null, errorRow: -1 };
      const ring: KeyRingEntry[] = rows.map((r) => ({ key: r.key, ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}) }));
      return { keys: normalizeKeys(ring), error: null, errorRow: -1 };
    } catch (error) {
      const e = error instanceof EbetError ? error : null;
      const row = e?.field?.startsWith('key') ? Math.max(0, Number(e.field.slice(3).split('.')[0] || '1') - 1) : 0;
      return { keys: null, error: e?.text ?? text(String(error), String(error)), errorRow: row };
    }
  }

  /** Derived in `willUpdate` from what is typed, once per change of it: the evaluation, and the KVV of each key (an HMAC each). */
  private evaluation: ReturnType<EbetKeyInput['evaluate']> = { keys: null, error: null, errorRow: -1 };
  private rowKvvs: Array<string | null> = [];
  private kvv: string | null = null;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('testKey') && !changed.has('ring') && !changed.has('rows')) return;
    this.evaluation = this.evaluate();
    this.rowKvvs = this.ring ? this.rows.map((r) => this.kvvOf(r.key)) : [];
    this.kvv = this.testKey ? this.kvvOf(TEST_KEY) : this.ring ? null : this.kvvOf(this.rows[0]!.key);
  }

  private changed(): void {
    const { keys, error } = this.evaluate();
    emit(this, 'ebet-key-change', { keys, testKey: this.testKey, error });
  }

  private edit(index: number, part: keyof Row, value: string): void {
    this.touched = true;
    this.rows = this.rows.map((r, i) => (i === index ? { ...r, [part]: value } : r));
    this.changed();
  }

  private kvvOf(key: string): string | null {
    try {
      return computeKvv(key);
    } catch {
      return null;
    }
  }

  override render() {
    const { error, errorRow } = this.evaluation;
    const rows = this.ring ? this.rows : this.rows.slice(0, 1);
    return html`<fieldset part="fieldset">
      <legend>${S.legend}</legend>
      <label class="check"
        ><input
          type="checkbox"
          .checked=${this.testKey}
          @change=${(e: Event) => {
            this.testKey = (e.target as HTMLInputElement).checked;
            this.changed();
          }}
        />${S.useTest}</label
      >
      ${this.testKey
        ? html`<p class="mono">${TEST_KEY}</p>`
        : html`${rows.map((row, i) => this.renderRow(row, i, i === errorRow && this.touched ? error : null))}
            ${this.ring ? html`<button type="button" class="secondary" @click=${() => (this.rows = [...this.rows, { key: '', from: '', to: '' }])}>${S.add}</button>` : nothing}
            <label class="check"><input type="checkbox" .checked=${this.reveal} @change=${(e: Event) => (this.reveal = (e.target as HTMLInputElement).checked)} />${S.show}</label>`}
      ${this.renderKvv()}
      <p class="hint">${S.privacy}</p>
    </fieldset>`;
  }

  private renderRow(row: Row, index: number, error: Text | null) {
    const id = `key-${index}`;
    const kvv = this.rowKvvs[index] ?? null;
    return html`<div class="row">
      <div>
        <label for=${id}>${this.ring ? `${S.keyN} ${index + 1}` : S.key}</label>
        <input
          id=${id}
          class="key"
          type=${this.reveal ? 'text' : 'password'}
          autocomplete="off"
          spellcheck="false"
          autocapitalize="off"
          .value=${row.key}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-error` : nothing}
          @input=${(e: Event) => this.edit(index, 'key', (e.target as HTMLInputElement).value)}
          @blur=${() => (this.touched = true)}
        />
        ${error ? html`<p id=${`${id}-error`} class="field-error" role="alert">${t(error)}</p>` : nothing}
        ${kvv ? html`<span class="hint mono">KVV ${groupHex(kvv)}</span>` : nothing}
      </div>
      ${this.ring
        ? html`<div>
              <label for=${`${id}-from`}>${S.from}</label>
              <input id=${`${id}-from`} type="date" .value=${row.from} @input=${(e: Event) => this.edit(index, 'from', (e.target as HTMLInputElement).value)} />
            </div>
            <div>
              <label for=${`${id}-to`}>${S.to}</label>
              <input id=${`${id}-to`} type="date" .value=${row.to} @input=${(e: Event) => this.edit(index, 'to', (e.target as HTMLInputElement).value)} />
            </div>
            ${this.rows.length > 1
              ? html`<button type="button" class="secondary" aria-label=${`${S.remove} ${index + 1}`} @click=${() => {
                  this.rows = this.rows.filter((_, i) => i !== index);
                  this.changed();
                }}>${S.remove}</button>`
              : nothing}`
        : nothing}
    </div>`;
  }

  private renderKvv() {
    const kvv = this.kvv;
    const expected = kvv ? readTypedKvv(kvv, this.expectedKvv) : null;
    return html`<p part="kvv" aria-live="polite">
      ${kvv ? html`${S.kvv}: <span class="mono">${groupHex(kvv)}</span>` : nothing}
      ${expected?.result === 'match'
        ? html`<br /><span class="level-ok">✓ ${S.kvvMatch}</span>`
        : expected?.result === 'mismatch'
          ? html`<br /><span class="level-error">✗ ${S.kvvMismatch} ${S.expected}: <span class="mono">${groupHex(expected.value)}</span></span>`
          : expected?.result === 'malformed'
            ? html`<br /><span class="level-error">${S.kvvBad}</span>`
            : nothing}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ebet-key-input': EbetKeyInput;
  }
  interface HTMLElementEventMap {
    'ebet-key-change': CustomEvent<KeyChangeDetail>;
  }
}
