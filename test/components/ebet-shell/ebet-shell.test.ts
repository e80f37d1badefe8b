import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/ebet-shell/ebet-shell.ts';

describe('<ebet-shell>', () => {
  it('frames a tool with a home link and a keyboard-usable language switch', async () => {
    const el = await fixture(html`<ebet-shell home="../../"><p>tool</p></ebet-shell>`);
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('../../');
    const sw = el.shadowRoot!.querySelector('ebet-lang-switch')!;
    await (sw as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const buttons = sw.shadowRoot!.querySelectorAll('button');
    expect([...buttons].map((b) => b.textContent!.trim())).to.deep.equal(['Svenska', 'English']);
    buttons[0]!.click();
    expect(document.documentElement.lang).to.equal('sv');
    buttons[1]!.click();
    expect(document.documentElement.lang).to.equal('en');
    await expect(el).to.be.accessible();
  });
});
