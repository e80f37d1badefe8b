// A large paste that is one message (issue 25): read once, in the paste box's worker, and the
// decoder judges that read (not the same text read again on the page).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/ebet-decoder/define.ts';
import type { EbetDecoder } from '../../../components/ebet-decoder/ebet-decoder.ts';
import type { EbetFieldsInput, FieldsChangeDetail } from '../../../components/ebet-fields-input/ebet-fields-input.ts';

describe('<ebet-decoder> on a large paste of one message', () => {
  it('judges the worker’s read of a 100,000-field form, its unknown fields capped', async () => {
    const el = await fixture<EbetDecoder>(html`<ebet-decoder></ebet-decoder>`);
    const box = el.shadowRoot!.querySelector<EbetFieldsInput>('ebet-fields-input:not(.order)')!;
    const value = ['NB_VERSION=0002', 'NB_RCV_ID=999999', 'NB_STAMP=00002', 'NB_DB_AMOUNT=550,00', 'NB_DB_CUR=SEK', 'NB_DB_REF=123450', ...Array.from({ length: 100_000 }, (_, i) => `field_${i}=x`)].join('&');
    expect(value.length).to.be.above(256 * 1024);
    const reads: FieldsChangeDetail[] = [];
    box.addEventListener('ebet-fields-change', (e) => reads.push((e as CustomEvent<FieldsChangeDetail>).detail));
    box.value = value;
    await waitUntil(() => el.decoded !== null, 'the paste is decoded', { timeout: 60_000 });
    expect(reads).to.have.length(1);
    const [message] = el.decoded!.messages;
    // The very object the worker sent (compared by identity: a failing diff of 100,000 fields would take a minute).
    expect(message!.block.parsed === reads[0]!.result, 'the paste was read again on the page').to.equal(true);
    expect(message!.verdict.kind).to.equal('payDirect');
    expect(message!.verdict.codes).to.include('unknown-field');
  });
});
