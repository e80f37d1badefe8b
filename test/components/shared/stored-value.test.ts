import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { StoredValue, type StoredSource } from '../../../components/shared/stored-value.ts';

/** A source whose stored value, failure and listeners the test controls. */
interface FakeSource extends StoredSource<number> {
  stored: number;
  failure: Error | null;
  readonly listeners: Set<() => void>;
}

function fakeSource(initial: number): FakeSource {
  const source: FakeSource = {
    stored: initial,
    failure: null,
    listeners: new Set(),
    read: async () => {
      if (source.failure) throw source.failure;
      return source.stored;
    },
    watch: (listener) => {
      source.listeners.add(listener);
      return () => void source.listeners.delete(listener);
    },
  };
  return source;
}

let source = fakeSource(0);
const errors: unknown[] = [];

class StoredValueHost extends LitElement {
  readonly stored = new StoredValue(this, source, -1, (error) => errors.push(error));
  override render() {
    return html`<output>${this.stored.value}</output>`;
  }
}
customElements.define('stored-value-host', StoredValueHost);

const shown = (el: StoredValueHost) => el.shadowRoot!.querySelector('output')!.textContent;
const settle = async (el: StoredValueHost) => {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
};

describe('StoredValue', () => {
  beforeEach(() => {
    source = fakeSource(7);
    errors.length = 0;
  });

  it('reads when its host connects and renders the value', async () => {
    const el = await fixture<StoredValueHost>(html`<stored-value-host></stored-value-host>`);
    await settle(el);
    expect(shown(el)).to.equal('7');
    expect(source.listeners.size).to.equal(1);
  });

  it('reads again when the source says the value may have changed', async () => {
    const el = await fixture<StoredValueHost>(html`<stored-value-host></stored-value-host>`);
    await settle(el);
    source.stored = 8;
    for (const listener of source.listeners) listener();
    await settle(el);
    expect(shown(el)).to.equal('8');
  });

  it('stops listening when its host disconnects, and listens again on reconnecting', async () => {
    const el = await fixture<StoredValueHost>(html`<stored-value-host></stored-value-host>`);
    const parent = el.parentElement!;
    el.remove();
    expect(source.listeners.size).to.equal(0);
    parent.append(el);
    expect(source.listeners.size).to.equal(1);
  });

  it('keeps the last value when a read fails and hands the error on', async () => {
    const el = await fixture<StoredValueHost>(html`<stored-value-host></stored-value-host>`);
    await settle(el);
    source.failure = new Error('IndexedDB blocked');
    await el.stored.refresh();
    await el.updateComplete;
    expect(shown(el)).to.equal('7');
    expect(errors).to.have.length(1);
    expect((errors[0] as Error).message).to.equal('IndexedDB blocked');
  });

  it('set() shows a value the host has just stored', async () => {
    const el = await fixture<StoredValueHost>(html`<stored-value-host></stored-value-host>`);
    await settle(el);
    el.stored.set(42);
    await el.updateComplete;
    expect(shown(el)).to.equal('42');
  });
});
