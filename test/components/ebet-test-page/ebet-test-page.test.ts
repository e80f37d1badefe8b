import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../components/ebet-test-page/define.ts';
import type { EbetTestPage } from '../../../components/ebet-test-page/ebet-test-page.ts';
import { useDatabase } from '../../../components/ebet-bank-simulator/ledger-db.ts';
import { TEST_KEY } from '../../../src/index.ts';

describe('<ebet-test-page>', () => {
  before(() => useDatabase('test-ebet-test-page'));
  it('lists the simulator addresses, and a form from the builder is checked by the simulator with the same key', async () => {
    const el = await fixture<EbetTestPage>(html`<ebet-test-page></ebet-test-page>`);
    const root = el.shadowRoot!;
    expect(el.dataset.worker).to.equal('off');
    const addresses = [...root.querySelectorAll('[data-endpoint]')].map((d) => d.querySelector('code')!.textContent);
    expect(addresses).to.deep.equal(['pay', 'check', 'repay'].map((e) => new URL(`bank/${e}`, location.href).href));

    const builder = root.querySelector('ebet-form-builder')!;
    const simulator = root.querySelector('ebet-bank-simulator')!;
    expect(builder.key).to.equal(TEST_KEY);
    expect(simulator.key).to.equal(TEST_KEY);
    // The builder (below the fold) loads as it comes into view, and the simulator with it.
    builder.scrollIntoView();
    await customElements.whenDefined('ebet-form-builder');
    await builder.updateComplete;
    builder.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=check]')!.click();
    await waitUntil(() => simulator.dataset.state === 'preview', 'the built form is checked and payable');
    await expect(el).to.be.accessible();
  });

  /** The element that has the focus, through the shadow roots. */
  const focused = (): Element | null => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  const inView = (target: Element) => {
    const box = target.getBoundingClientRect();
    return box.top >= -1 && box.top < window.innerHeight;
  };

  it('a form from the builder brings its verdict line into view and gives it the focus', async () => {
    const el = await fixture<EbetTestPage>(html`<ebet-test-page></ebet-test-page>`);
    const root = el.shadowRoot!;
    const builder = root.querySelector('ebet-form-builder')!;
    const simulator = root.querySelector('ebet-bank-simulator')!;
    builder.scrollIntoView();
    await customElements.whenDefined('ebet-form-builder');
    await builder.updateComplete;
    builder.shadowRoot!.querySelector<HTMLButtonElement>('[data-action=check]')!.click();
    await waitUntil(() => focused()?.hasAttribute('data-verdict-line'), 'the verdict line did not get the focus');
    const line = simulator.shadowRoot!.querySelector('[data-verdict-line]')!;
    expect(focused()).to.equal(line);
    await waitUntil(() => inView(line), 'the verdict line was not scrolled into view');
    expect(line.getAttribute('data-verdict')).to.equal('ok');
  });

  it('fields from the bookmarklet (the fragment) are checked, and the focus goes to their verdict line, at once with reduced motion', async () => {
    const fields = 'NB_VERSION=0002&NB_RCV_ID=999999&NB_STAMP=B1&NB_DB_AMOUNT=899.00&NB_DB_CUR=SEK&NB_DB_REF=123450';
    history.replaceState(null, '', `${location.pathname}${location.search}#${new URLSearchParams({ fields })}`);
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<EbetTestPage>(html`<ebet-test-page></ebet-test-page>`);
    await waitUntil(() => focused()?.hasAttribute('data-verdict-line'), 'the verdict line did not get the focus').finally(() => emulateMedia({ reducedMotion: 'no-preference' }));
    const line = focused()!;
    expect(line.getAttribute('data-verdict')).to.equal('error');
    expect(line.getAttribute('data-codes')!.split(' ')).to.include('amount-decimal-point');
    // Reduced motion: the scroll is instant, so the line is in view as soon as it has the focus.
    expect(inView(line)).to.equal(true);
    expect(location.hash).to.equal('');
    el.remove();
  });
});
