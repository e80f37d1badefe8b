import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/ebet-home/define.ts';
import { TOOLS } from '../../../components/ebet-home/tools.ts';
import { setLang } from '../../../components/shared/locale.ts';

describe('<ebet-home>', () => {
  it('lists every tool, each linked', async () => {
    const el = await fixture(html`<ebet-home></ebet-home>`);
    const cards = el.shadowRoot!.querySelectorAll('[part=card]');
    expect(cards.length).to.equal(TOOLS.length);
    TOOLS.forEach((tool, i) => {
      expect(cards[i]!.querySelector('a')!.getAttribute('href')).to.equal(tool.href);
    });
    await expect(el).to.be.accessible();
  });

  it('switches language with the page', async () => {
    const el = await fixture(html`<ebet-home></ebet-home>`);
    await setLang('sv');
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Verktyg');
    await setLang('en');
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Tools');
    expect(localStorage.getItem('ebet-lang')).to.equal('en');
  });
});
