import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/ebet-shell/define.ts';
import { setPageLang } from '../../../components/shared/locale.ts';

/** The Swedish `<target>` of the message whose English `<source>` is `english`, read from the committed XLIFF. */
async function swedishOf(english: string): Promise<string> {
  const xliff = new DOMParser().parseFromString(await (await fetch('/components/shared/locales/sv.xlf')).text(), 'application/xml');
  const unit = [...xliff.querySelectorAll('trans-unit')].find((u) => u.querySelector('source')!.textContent === english);
  return unit!.querySelector('target')!.textContent!;
}

describe('<ebet-shell>', () => {
  afterEach(() => setPageLang('en'));

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

  it('shows the Swedish of the XLIFF once Svenska is chosen, remembers only the language, and switches back', async () => {
    const el = await fixture(html`<ebet-shell home="../../"><p>tool</p></ebet-shell>`);
    const update = () => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const footer = () => el.shadowRoot!.querySelector('footer')!.textContent!.trim();
    const english = 'Everything runs in this browser. Nothing you type is sent anywhere, and keys are never stored.';
    expect(footer()).to.equal(english);
    const sw = el.shadowRoot!.querySelector('ebet-lang-switch')!;
    sw.shadowRoot!.querySelector<HTMLButtonElement>('button[lang=sv]')!.click();
    await setPageLang('sv'); // the switch's own load: resolves when Swedish is shown
    await update();
    const swedish = await swedishOf(english);
    expect(swedish).to.equal('Allt körs i den här webbläsaren. Inget du skriver skickas någonstans, och nycklar sparas aldrig.');
    expect(footer()).to.equal(swedish);
    expect(sw.shadowRoot!.querySelector('button[lang=sv]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(localStorage.getItem('ebet-lang')).to.equal('sv');
    sw.shadowRoot!.querySelector<HTMLButtonElement>('button[lang=en]')!.click();
    await setPageLang('en');
    await update();
    expect(footer()).to.equal(english);
    expect(localStorage.getItem('ebet-lang')).to.equal('en');
  });

  it('keeps the document title in the page language: the tool name, or the toolkit on the home page', async () => {
    const el = await fixture(html`<ebet-shell home="../../" tool="decoder"><p>tool</p></ebet-shell>`);
    const update = () => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(document.title).to.equal('Response decoder — ebet-toolkit');
    await setPageLang('sv');
    await update();
    expect(document.title).to.equal(`${await swedishOf('Response decoder')} — ebet-toolkit`);
    expect(document.title).to.not.contain('Response');
    el.removeAttribute('tool');
    await update();
    expect(document.title).to.equal('ebet-toolkit — verktyg för E-betalning');
    await setPageLang('en');
    await update();
    expect(document.title).to.equal('ebet-toolkit — E-betalning tools');
  });

  it('on a page that is no tool (a docs page) keeps the page’s own title, in the page language', async () => {
    const title = document.querySelector('title') ?? document.head.appendChild(document.createElement('title'));
    Object.assign(title.dataset, { en: 'Glossary — ebet-toolkit docs', sv: 'Glossary – dokumentation för ebet-toolkit' });
    try {
      const el = await fixture(html`<ebet-shell home="../"><p>docs</p></ebet-shell>`);
      const update = () => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(document.title).to.equal('Glossary — ebet-toolkit docs');
      await setPageLang('sv');
      await update();
      expect(document.title).to.equal('Glossary – dokumentation för ebet-toolkit');
    } finally {
      delete title.dataset['en'];
      delete title.dataset['sv'];
    }
  });
});
