import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/ebet-home/define.ts';
import { TOOLS, WAYS_IN } from '../../../components/ebet-home/tools.ts';
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

  it('says what question each tool answers, and shows the way to the session view, the bookmarklet, the docs and the npm package', async () => {
    const el = await fixture(html`<ebet-home></ebet-home>`);
    const cards = [...el.shadowRoot!.querySelectorAll('[part=card]')];
    expect(cards.map((c) => c.querySelector('.question')!.textContent)).to.deep.equal(TOOLS.map((tool) => tool.question));
    expect(cards.every((c) => c.querySelector('.question')!.textContent!.endsWith('?'))).to.equal(true);
    const ways = Object.fromEntries([...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=way-in]')].map((w) => [w.dataset['way'], [...w.querySelectorAll('a')].map((a) => a.getAttribute('href'))]));
    expect(ways).to.deep.equal({
      session: ['tools/decoder/', 'docs/session.html'],
      bookmarklet: ['tools/test-page/', 'docs/bookmarklet.html'],
      docs: ['docs/'],
      package: ['https://www.npmjs.com/package/ebet-toolkit', 'docs/package.html'],
    });
    expect(WAYS_IN.length).to.equal(4);
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
