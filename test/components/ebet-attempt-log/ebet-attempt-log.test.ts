import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/ebet-attempt-log/define.ts';
import type { EbetAttemptLog } from '../../../components/ebet-attempt-log/ebet-attempt-log.ts';
import { attemptsDropped, readAttempts, readAttemptsNewestFirst, saveAttempts, useDatabase } from '../../../components/ebet-bank-simulator/ledger-db.ts';
import { EMPTY_LEDGER, type Encoding, payDirectAnswer, signMessage, TEST_KEY, validateFields } from '../../../src/index.ts';
import { ATTEMPT_LIMITS, type Attempt, KEEP_ATTEMPTS, newAttempt, withAnswer } from '../../../src/bank/attempt-log.ts';
import { readCalculatorCase } from '../../../src/doctor/index.ts';
import { toEntries } from '../../../src/protocol/message.ts';
import { latin1 } from '../../support/webcrypto.ts';

function pay(stamp: string, extra: Record<string, string> = {}) {
  return {
    ...signMessage('payDirect', {
      NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: stamp, NB_DB_AMOUNT: '200,00', NB_DB_CUR: 'SEK', NB_DB_REF: '4711',
      NB_RETURN: 'https://shop.example/return.html', NB_CANCEL: 'https://shop.example/c.html', NB_REJECT: 'https://shop.example/r.html',
    }, TEST_KEY),
    ...extra,
  };
}

function attempt(id: string, at: string, fields: Record<string, string>, encoding: Encoding = 'utf-8'): Attempt {
  const entries = toEntries(fields);
  return newAttempt(id, new Date(at), 'posted', 'payDirect', encoding, entries, validateFields('payDirect', entries, { key: TEST_KEY, encoding }));
}

const PAID = withAnswer(attempt('ok-1', '2026-11-23T10:00:00Z', pay('OK1')), payDirectAnswer(pay('OK1'), TEST_KEY, EMPTY_LEDGER));
const BAD = attempt('bad-2', '2026-11-23T11:00:00Z', pay('BAD2', { NB_DB_AMOUNT: '200.00' }));
const LATIN = attempt('bad-3', '2026-11-23T12:00:00Z', pay('Å3', { NB_HMAC: '0'.repeat(32) }), 'iso-8859-1');

const $ = (el: EbetAttemptLog, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: EbetAttemptLog, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const shownIds = (el: EbetAttemptLog) => $$(el, 'details[data-attempt]').map((d) => d.dataset.attempt);

/** Catches what the element offers for download (the link it clicks), as bytes. */
async function captureDownload(action: () => void): Promise<{ name: string; bytes: Uint8Array }> {
  const original = HTMLAnchorElement.prototype.click;
  const links: HTMLAnchorElement[] = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    links.push(this);
  };
  try {
    action();
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  const a = links[0];
  if (!a) throw new Error('nothing was offered for download');
  return { name: a.download, bytes: new Uint8Array(await (await fetch(a.href)).arrayBuffer()) };
}

async function importText(el: EbetAttemptLog, content: string): Promise<void> {
  const file = $(el, '#import') as HTMLInputElement;
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], 'attempts.json', { type: 'application/json' }));
  file.files = transfer.files;
  file.dispatchEvent(new Event('change'));
}

async function choose(el: EbetAttemptLog, selector: string, value: string): Promise<void> {
  const control = $(el, selector) as HTMLSelectElement | HTMLInputElement;
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
  await el.updateComplete;
}

/** Stores `record` as it was stored before attempts were bounded: straight into the store, past saveAttempts' budget. */
function putUnbounded(record: Attempt): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = indexedDB.open('test-ebet-attempt-log');
    req.onsuccess = () => {
      const tx = req.result.transaction('attempts', 'readwrite');
      tx.objectStore('attempts').put(record);
      tx.oncomplete = () => {
        req.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
}

describe('<ebet-attempt-log>', () => {
  before(() => useDatabase('test-ebet-attempt-log'));
  beforeEach(async () => {
    await saveAttempts([PAID, BAD, LATIN], true);
  });

  it('lists every attempt newest first with its fields, signed strings and outcome', async () => {
    const el = await fixture<EbetAttemptLog>(html`<ebet-attempt-log></ebet-attempt-log>`);
    await waitUntil(() => shownIds(el).length === 3, 'the stored attempts are shown');
    expect(shownIds(el)).to.deep.equal(['bad-3', 'bad-2', 'ok-1']);
    const paid = $(el, 'details[data-attempt=ok-1]')!;
    expect([paid.dataset.verdict, paid.dataset.outcome, paid.dataset.failed]).to.deep.equal(['ok', 'paid', 'false']);
    expect(paid.querySelector('tr[data-field=NB_STAMP]')!.getAttribute('data-value')).to.equal('OK1');
    expect(paid.querySelector('[data-string=request]')!.textContent).to.contain('OK1');
    expect(paid.querySelector('[data-string=answer]')!.textContent).to.contain(PAID.answer!.fields.NB_PAID);
    expect(paid.querySelector('[data-action=doctor]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('filters by result, message and text', async () => {
    const el = await fixture<EbetAttemptLog>(html`<ebet-attempt-log></ebet-attempt-log>`);
    await waitUntil(() => shownIds(el).length === 3);
    await choose(el, '#result', 'failed');
    expect(shownIds(el)).to.deep.equal(['bad-3', 'bad-2']);
    await choose(el, '#query', 'decimal comma');
    expect(shownIds(el)).to.deep.equal(['bad-2']);
    await choose(el, '#kind', 'paymentCheck');
    expect(shownIds(el)).to.deep.equal([]);
    expect($(el, '[data-shown]')!.textContent).to.contain('No attempt matches the filter');
    await choose(el, '#kind', 'all');
    await choose(el, '#query', '');
    await choose(el, '#result', 'ok');
    expect(shownIds(el)).to.deep.equal(['ok-1']);
    expect($(el, '[data-shown]')!.textContent).to.contain('1 of 3 attempts shown');
  });

  it('a failed attempt offers its exact signed string (in its encoding) and opens in the mismatch doctor without a key', async () => {
    const el = await fixture<EbetAttemptLog>(html`<ebet-attempt-log calculator="../calculator/"></ebet-attempt-log>`);
    await waitUntil(() => shownIds(el).length === 3);
    const latin = $(el, 'details[data-attempt=bad-3]')!;
    expect(latin.dataset.failed).to.equal('true');
    const { name, bytes } = await captureDownload(() => latin.querySelector<HTMLButtonElement>('[data-action=download-string]')!.click());
    expect(name).to.equal('ebet-signed-string-bad-3.txt');
    expect([...bytes]).to.deep.equal([...latin1('999999&Å3&200,00&SEK&4711')]);
    const href = latin.querySelector<HTMLAnchorElement>('[data-action=doctor]')!.getAttribute('href')!;
    expect(href.startsWith('../calculator/#case=')).to.equal(true);
    const { case: opened } = readCalculatorCase(href.slice(href.indexOf('#')));
    expect(opened!.fields.NB_STAMP).to.equal('Å3');
    expect(opened!.mac).to.equal('0'.repeat(32));
    expect(opened!.encoding).to.equal('iso-8859-1');
    expect(href).not.to.match(/1234567890ABCDEF/i);
  });

  it('exports as JSON and imports it back (round trip); a bad file is refused and the log kept', async () => {
    const el = await fixture<EbetAttemptLog>(html`<ebet-attempt-log></ebet-attempt-log>`);
    await waitUntil(() => shownIds(el).length === 3);
    const exported = await captureDownload(() => $(el, '[data-action=export]')!.click());
    expect(exported.name).to.equal('ebet-simulator-attempts.json');
    const json = new TextDecoder().decode(exported.bytes);
    const before = await readAttempts();

    $(el, '[data-action=clear]')!.click();
    await el.updateComplete;
    $(el, '[data-action=confirm-clear]')!.click();
    await waitUntil(() => shownIds(el).length === 0, 'cleared');
    expect(await readAttempts()).to.deep.equal([]);

    await importText(el, json);
    await waitUntil(() => shownIds(el).length === 3, 'imported');
    expect(await readAttempts()).to.deep.equal(before);
    expect($(el, '[data-status]')!.textContent).to.contain('3 attempts imported');

    await importText(el, '{"format":"ebet-attempts","attempts":[{"id":1}]}');
    await waitUntil(() => $(el, '[data-status].level-error'), 'the bad file is reported');
    expect($(el, '[data-status]')!.textContent).to.contain('Attempt 1: no text "id"');
    expect(await readAttempts()).to.deep.equal(before);
  });

  it('clears only after a confirmation', async () => {
    const el = await fixture<EbetAttemptLog>(html`<ebet-attempt-log></ebet-attempt-log>`);
    await waitUntil(() => shownIds(el).length === 3);
    $(el, '[data-action=clear]')!.click();
    await el.updateComplete;
    expect(await readAttempts()).to.have.length(3);
    $(el, '[data-action=confirm-clear]')!.parentElement!.querySelector<HTMLButtonElement>('button.secondary')!.click();
    await el.updateComplete;
    expect($(el, '[data-action=confirm-clear]')).to.equal(null);
    expect(await readAttempts()).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('a record stored unbounded (a paste of 100,000 inputs) is read cut, stored again cut, and Clear is there at once (issue 25)', async function () {
    this.timeout(120_000);
    const huge: Attempt = {
      ...PAID,
      id: 'huge-9',
      at: '2026-03-01T10:00:00.000Z',
      fields: Array.from({ length: 100_000 }, (_, i) => ({ name: `NB_X${i}`, value: 'v'.repeat(40) })),
      requestString: 'r'.repeat(2_000_000),
    };
    await putUnbounded(huge);
    const el = await fixture<EbetAttemptLog>(html`<ebet-attempt-log></ebet-attempt-log>`);
    // Before the log is read, Clear can already be pressed.
    expect(($(el, '[data-action=clear]') as HTMLButtonElement).disabled).to.equal(false);
    await waitUntil(() => shownIds(el).includes('huge-9'), 'the attempt is shown', { timeout: 100_000 });
    await waitUntil(async () => (await readAttempts()).find((a) => a.id === 'huge-9')?.fields.length === 300, 'stored again cut', { timeout: 100_000 });
    const stored = (await readAttempts()).find((a) => a.id === 'huge-9')!;
    expect(stored.cut!.fields).to.equal(100_000);
    expect(stored.cut!.values.find((v) => v.field === '')!.length).to.equal(2_000_000);
    expect(JSON.stringify(stored).length).to.be.below(100_000);
  });

  it('reads the log newest first in batches, with the page\'s tasks run between them, and no further than its budget (issue 25)', async () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ ...PAID, id: `m-${String(i).padStart(2, '0')}`, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }));
    await saveAttempts(many, true);
    const batches: string[][] = [];
    const between: boolean[] = [];
    let ran = false;
    await readAttemptsNewestFirst((batch) => {
      between.push(ran);
      ran = false;
      // A task the page queues while a batch is handled runs before the next batch.
      setTimeout(() => (ran = true), 0);
      batches.push(batch.map((a) => a.id));
    }, 20);
    expect(batches.map((b) => b.length)).to.deep.equal([20, 20, 5]);
    expect(batches.flat()).to.deep.equal(many.map((a) => a.id).reverse());
    expect(between).to.deep.equal([false, true, true]);
    // Stopped by its listener, it reads no more.
    let calls = 0;
    await readAttemptsNewestFirst(() => ++calls < 1, 20);
    expect(calls).to.equal(1);
    // The whole log, oldest first.
    expect((await readAttempts()).map((a) => a.id)).to.deep.equal(many.map((a) => a.id));
  });

  it('renders before the log is read, then shows 50 of it newest first with "Show more", what was dropped and what of an attempt was cut (issue 25)', async function () {
    this.timeout(120_000);
    const many = Array.from({ length: KEEP_ATTEMPTS + 10 }, (_, i) => ({ ...PAID, id: `n-${String(i).padStart(3, '0')}`, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }));
    const big = attempt('big-1', '2026-06-01T10:00:00Z', { ...pay('BIG1', { NB_DB_REF: 'R'.repeat(5000) }), ...Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`X${i}`, 'v'])) });
    await saveAttempts([...many, big], true);
    expect(await attemptsDropped()).to.equal(11);
    const el = await fixture<EbetAttemptLog>(html`<ebet-attempt-log></ebet-attempt-log>`);
    // The first render comes before any of the log is read: it says it is reading, and Clear is there.
    expect($(el, '[data-reading]')!.dataset.reading).to.equal('0');
    expect(shownIds(el)).to.deep.equal([]);
    expect(($(el, '[data-action=clear]') as HTMLButtonElement).disabled).to.equal(false);
    await waitUntil(() => !$(el, '[data-reading]'), 'the whole log is read', { timeout: 100_000 });
    expect(shownIds(el)).to.have.length(50);
    expect(shownIds(el)[0]).to.equal('big-1');
    expect(shownIds(el)[1]).to.equal(`n-${KEEP_ATTEMPTS + 9}`);
    expect($(el, '[data-dropped]')!.dataset.dropped).to.equal('11');
    expect($(el, '[data-dropped]')!.textContent).to.contain(`${ATTEMPT_LIMITS.log / 1048576} MB`);
    const more = $(el, '[data-action=more]') as HTMLButtonElement;
    expect(more.dataset.more).to.equal(String(KEEP_ATTEMPTS - 50));
    more.click();
    await el.updateComplete;
    expect(shownIds(el)).to.have.length(100);
    // What was cut of the big attempt is said: how many fields, and the long reference's length and hash.
    const cut = $(el, 'details[data-attempt=big-1] [data-cut]')!;
    expect(cut.querySelector<HTMLElement>('[data-cut-fields]')!.dataset.cutFields).to.equal(String(400 + Object.keys(pay('BIG1')).length));
    const ref = big.cut!.values.find((v) => v.field === 'NB_DB_REF')!;
    expect(cut.querySelector<HTMLElement>('[data-cut-value="5000"]')!.textContent).to.contain(ref.sha256);
  });

  it('a write beside a record stored unbounded cuts that record rather than dropping it for its size (issue 25)', async function () {
    this.timeout(120_000);
    const huge: Attempt = { ...PAID, id: 'huge-old', at: '2026-02-01T10:00:00.000Z', fields: Array.from({ length: 60_000 }, (_, i) => ({ name: `NB_X${i}`, value: 'v'.repeat(80) })) };
    await putUnbounded(huge);
    expect(JSON.stringify(huge).length).to.be.above(ATTEMPT_LIMITS.log);
    await saveAttempts([{ ...BAD, id: 'new-1', at: '2026-12-01T10:00:00.000Z' }]);
    const stored = await new Promise<Attempt | undefined>((resolve, reject) => {
      const req = indexedDB.open('test-ebet-attempt-log');
      req.onsuccess = () => {
        const get = req.result.transaction('attempts').objectStore('attempts').get('huge-old');
        get.onsuccess = () => {
          req.result.close();
          resolve(get.result as Attempt | undefined);
        };
        get.onerror = () => reject(get.error);
      };
      req.onerror = () => reject(req.error);
    });
    expect(stored!.fields).to.have.length(ATTEMPT_LIMITS.fields);
    expect(stored!.cut!.fields).to.equal(60_000);
    expect(await attemptsDropped()).to.equal(0);
  });
});
