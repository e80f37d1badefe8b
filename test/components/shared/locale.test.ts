import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configureLocalization, msg as hostMsg } from '@lit/localize';
import '../../../components/ebet-copy-button/define.ts';
import type { EbetCopyButton } from '../../../components/ebet-copy-button/define.ts';

// This page's own code localises itself with @lit/localize, as a shop's app may: its configuration
// is the page's, and the toolkit's elements (which configure nothing) still follow their `lang`.
const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de'],
  loadLocale: () => Promise.resolve({ templates: { 'shop-basket': 'Warenkorb' } }),
});

const label = (button: EbetCopyButton) => button.shadowRoot?.querySelector('button')?.textContent?.trim();

describe('localisation per element', () => {
  afterEach(() => (document.documentElement.lang = 'en'));

  it("a host page's own @lit/localize keeps working, and the elements localise beside it", async () => {
    await host.setLocale('de');
    expect(hostMsg('Basket', { id: 'shop-basket' })).to.equal('Warenkorb');
    const el = await fixture<HTMLElement>(html`<div lang="sv"><ebet-copy-button></ebet-copy-button></div>`);
    const button = el.querySelector('ebet-copy-button')!;
    await waitUntil(() => label(button) === 'Kopiera', 'the element shows its Swedish');
    expect(host.getLocale()).to.equal('de');
    expect(hostMsg('Basket', { id: 'shop-basket' })).to.equal('Warenkorb');
  });

  it('each element follows its own lang, else its closest ancestor, else the document, also when they change', async () => {
    const el = await fixture<HTMLElement>(html`<div>
      <section lang="sv"><ebet-copy-button id="a"></ebet-copy-button></section>
      <ebet-copy-button id="b"></ebet-copy-button>
      <ebet-copy-button id="c" lang="sv"></ebet-copy-button>
    </div>`);
    const [a, b, c] = (['a', 'b', 'c'] as const).map((id) => el.querySelector<EbetCopyButton>(`#${id}`)!);
    await waitUntil(() => label(a!) === 'Kopiera' && label(c!) === 'Kopiera', 'Swedish where the closest lang is Swedish');
    expect(label(b!)).to.equal('Copy', 'the document is in English');
    document.documentElement.lang = 'sv';
    await waitUntil(() => label(b!) === 'Kopiera', 'the document turned Swedish');
    el.querySelector('section')!.lang = 'en';
    c!.lang = 'en';
    await waitUntil(() => label(a!) === 'Copy' && label(c!) === 'Copy', 'the ancestor and the element turned English');
    expect(label(b!)).to.equal('Kopiera');
  });

  it('follows a lang across shadow roots: an element inside another takes its host’s', async () => {
    const outer = await fixture<HTMLElement>(html`<div lang="sv"></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('ebet-copy-button');
    root.append(inner);
    await waitUntil(() => label(inner) === 'Kopiera', 'Swedish from the shadow host');
  });
});
