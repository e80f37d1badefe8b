import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/ebet-copy-button/define.ts';
import type { EbetCopyButton } from '../../../components/ebet-copy-button/ebet-copy-button.ts';
import { nextEvent } from '../../support/events.ts';

describe('<ebet-copy-button>', () => {
  it('copies its value, says so, and is named after what it copies', async () => {
    const el = await fixture<EbetCopyButton>(html`<ebet-copy-button .value=${'ABC'} .label=${'MAC'}></ebet-copy-button>`);
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (v: string) => void (copied = v) }, configurable: true });
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Copy: MAC');
    const event = nextEvent(el, 'ebet-copy');
    button.click();
    expect((await event).detail.value).to.equal('ABC');
    expect(copied).to.equal('ABC');
    await el.updateComplete;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Copied: MAC');
    await expect(el).to.be.accessible();
  });
});
