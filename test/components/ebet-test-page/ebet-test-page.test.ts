import { expect, fixture, html, waitUntil } from '@open-wc/testing';
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
});
