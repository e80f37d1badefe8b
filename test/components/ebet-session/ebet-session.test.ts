import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../components/ebet-session/define.ts';
import type { EbetSession } from '../../../components/ebet-session/ebet-session.ts';
import { setPageLang } from '../../../components/shared/locale.ts';
import { TEST_KEY } from '../../../src/index.ts';
import { base64AnswerHar, generateLog, type GeneratedSession } from '../../support/session.ts';
import { allowResizeObserverNotices } from '../../support/virtualizer.ts';

afterEach(() => setPageLang('en'));

allowResizeObserverNotices();

const $ = <T extends Element = HTMLElement>(el: EbetSession, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** The summary's counts once the session is read (no work in progress). */
async function counts(el: EbetSession, expected: GeneratedSession): Promise<Record<string, string | undefined>> {
  await waitUntil(
    () => $(el, '[data-summary]')?.getAttribute('data-messages') === String(expected.messages) && !$(el, '[data-working="read"],[data-working="extract"],[data-working="verify"]'),
    'the session is read',
    { timeout: 110_000, interval: 50 },
  );
  const s = $(el, '[data-summary]')!;
  return { messages: s.dataset.messages, verified: s.dataset.verified, failed: s.dataset.failed, replays: s.dataset.replays };
}

/** The list renders only what is in the window: bring it into view. */
const showList = (el: EbetSession) => $(el, 'lit-virtualizer')!.scrollIntoView();

const expectedCounts = (g: GeneratedSession) => ({ messages: String(g.messages), verified: String(g.verified), failed: String(g.failed), replays: String(g.replays) });

/** A file the file field can be given (made before the long tasks are watched: that work is the test's). */
function fileOf(text: string, name: string): FileList {
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: 'text/plain' }));
  return files.files;
}

function openFile(el: EbetSession, files: FileList): void {
  const input = $<HTMLInputElement>(el, '#file')!;
  input.files = files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A clipboard holding the text, as a paste carries it. */
function clipboardOf(text: string): DataTransfer {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  return data;
}

function paste(el: EbetSession, clipboardData: DataTransfer): void {
  $(el, '#paste')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
}

describe('ebet-session', () => {
  it('reads a small paste at once, verifies it with the key and diagnoses the failing receipt', async function () {
    this.timeout(120_000);
    const log = generateLog(10_000);
    const el = await fixture<EbetSession>(html`<ebet-session .keys=${TEST_KEY}></ebet-session>`);
    const box = $<HTMLTextAreaElement>(el, '#paste')!;
    box.value = log.text;
    box.dispatchEvent(new Event('input'));
    await el.updateComplete;
    // Small inputs need no worker: the counts are there after one update.
    expect({ ...$(el, '[data-summary]')!.dataset }).to.include(expectedCounts(log));
    expect(log.failed).to.equal(1);
    // The filter keeps the failing receipt only; the doctor's word arrives from the worker.
    const outcome = $<HTMLSelectElement>(el, '#outcome')!;
    outcome.value = 'failed';
    outcome.dispatchEvent(new Event('change'));
    await el.updateComplete;
    showList(el);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.row').length === 1, 'only the failing row is listed');
    expect($(el, '.row')!.dataset.outcome).to.equal('mismatch');
    // The receipt (message 20) pairs with its pay direct request (message 19).
    expect($(el, '.row')!.dataset.index).to.equal('19');
    expect($(el, '.row [data-pair]')!.dataset.pair).to.equal('18');
    await waitUntil(() => $(el, '[data-diagnosis]')?.getAttribute('data-diagnosis') === 'unexplained', 'the doctor answers', { timeout: 60_000 });
    expect($(el, '[data-diagnosis]')!.textContent).to.match(/Doctor:.*candidates/s);
    // The timeline per stamp: request → receipt → check → answer → repayment → answer.
    const view = $<HTMLSelectElement>(el, '#view')!;
    view.value = 'stamps';
    view.dispatchEvent(new Event('change'));
    outcome.value = '';
    outcome.dispatchEvent(new Event('change'));
    await el.updateComplete;
    showList(el);
    await waitUntil(() => $(el, '[data-stamp="S00000000"]'), 'the first stamp is listed');
    expect($(el, '[data-stamp="S00000000"]')!.querySelectorAll('.step').length).to.equal(6);
    expect(box.value).to.equal(log.text);
  });

  it('shows the answer of a HAR whose answer page is stored in base64 (ISO-8859-1), verified, and says what it skipped', async () => {
    const el = await fixture<EbetSession>(html`<ebet-session .keys=${TEST_KEY}></ebet-session>`);
    const box = $<HTMLTextAreaElement>(el, '#paste')!;
    box.value = await base64AnswerHar();
    box.dispatchEvent(new Event('input'));
    await waitUntil(() => $(el, '[data-summary]')?.getAttribute('data-messages') === '1', 'the answer is read');
    expect($(el, '[data-summary]')!.dataset.verified).to.equal('1');
    showList(el);
    await waitUntil(() => $(el, '.row'), 'the answer is listed');
    expect($(el, '.row')!.dataset.outcome).to.equal('verified');
    expect(el.shadowRoot!.textContent).to.contain('binary (image/png)');
  });

  it('opens a generated 5 MB log and a HAR through the file field and by pasting, with no task of ours over 100 ms', async function () {
    this.timeout(480_000); // a hang guard (4 passes of a 5 MB session; about 20 s on an idle machine), below the runner's 10-minute per-file guard
    const worker = new Worker(new URL('../../support/session-worker.ts', import.meta.url), { type: 'module' });
    const generated = new Promise<{ log: GeneratedSession; har: GeneratedSession }>((resolve) => worker.addEventListener('message', (e) => resolve(e.data), { once: true }));
    worker.postMessage({ log: 5 * 1024 * 1024, har: 300 });
    const { log, har } = await generated;
    worker.terminate();
    const [logFile, harFile, logPaste, harPaste] = [fileOf(log.text, 'shop.log'), fileOf(har.text, 'checkout.har'), clipboardOf(log.text), clipboardOf(har.text)];
    const el = await fixture<EbetSession>(html`<ebet-session .keys=${TEST_KEY}></ebet-session>`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await executeServerCommand('trace-start');
    const longTasks: number[] = [];
    const started = performance.now();
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().filter((e) => e.startTime >= started).map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    try {
      openFile(el, logFile);
      expect(await counts(el, log)).to.deep.equal(expectedCounts(log));
      openFile(el, harFile);
      expect(await counts(el, har)).to.deep.equal(expectedCounts(har));
      paste(el, logPaste);
      expect(await counts(el, log)).to.deep.equal(expectedCounts(log));
      expect($(el, '[data-pasted-aside]')).not.to.equal(null);
      expect($<HTMLTextAreaElement>(el, '#paste')!.value, 'a large paste stays out of the text box').to.equal('');
      paste(el, harPaste);
      expect(await counts(el, har)).to.deep.equal(expectedCounts(har));
      // The list is virtualized: a few rows are in the DOM, not thousands.
      showList(el);
      await waitUntil(() => el.shadowRoot!.querySelectorAll('.row').length > 0, 'rows are rendered');
      expect(el.shadowRoot!.querySelectorAll('.row').length).to.be.within(1, 200);
    } finally {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      observer.disconnect();
    }
    // A long task is ours when it ran over 100 ms on the CPU: Chromium's trace tells its thread time,
    // which leaves out the time other processes of a loaded machine held the CPU.
    const traced = await executeServerCommand<Array<{ wall: number; cpu: number }>, { over: number }>('trace-stop', { over: 100 });
    const seen = `long tasks seen: ${longTasks.map(Math.round).join(', ') || 'none'}; traced over 100 ms (wall/CPU): ${traced.map((t) => `${Math.round(t.wall)}/${Math.round(t.cpu)}`).join(', ') || 'none'}`;
    expect(traced.filter((t) => t.cpu > 100), seen).to.deep.equal([]);
  });

  it('refuses a 200 MB file, reports a truncated HAR and a binary file, and keeps what was typed', async () => {
    const el = await fixture<EbetSession>(html`<ebet-session></ebet-session>`);
    const box = $<HTMLTextAreaElement>(el, '#paste')!;
    box.value = 'NB_STAMP=typed by hand';
    box.dispatchEvent(new Event('input'));
    const huge = new File(['x'], 'day.log');
    Object.defineProperty(huge, 'size', { value: 200 * 1024 * 1024 });
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() });
    Object.defineProperty(drop.dataTransfer!, 'files', { value: [huge] });
    $(el, '.drop')!.dispatchEvent(drop);
    await el.updateComplete;
    expect($(el, '[data-notice]')!.textContent).to.match(/"day\.log" is 200\.0 MB; at most 50 MB is read\. Keep the lines about the payment/);
    const har = JSON.stringify({ log: { entries: [{ request: { method: 'POST', url: 'https://bank.example/pay', postData: { text: 'NB_VERSION=0002&NB_RCV_ID=999999&NB_STAMP=1' } } }] } }, null, 2);
    openFile(el, fileOf(har.slice(0, -20), 'cut.har'));
    await waitUntil(() => $(el, '[data-code="har-truncated"]'), 'the truncated HAR is reported');
    expect($(el, '[data-code="har-truncated"]')!.textContent).to.match(/ends before its JSON does \(line \d+, position \d+\)/);
    openFile(el, fileOf(`\x1f\x8b\x08\0${'\0'.repeat(100)}`, 'log.gz'));
    await waitUntil(() => $(el, '[data-code="binary"]'), 'the binary file is reported');
    expect($(el, '[data-code="binary"]')!.textContent).to.include('compressed');
    expect(box.value).to.equal('NB_STAMP=typed by hand');
  });

  it('says when the worker fails, never stays on "Reading", and reads again on retry', async function () {
    this.timeout(120_000);
    // A key ring holding null makes the worker's verification throw (the page hands it on as it is).
    const el = await fixture<EbetSession>(html`<ebet-session .keys=${[null] as unknown as string}></ebet-session>`);
    const log = generateLog(200_000);
    paste(el, clipboardOf(log.text));
    await waitUntil(() => $(el, '[data-notice]'), 'the failure reaches the page', { timeout: 100_000, interval: 50 });
    expect($(el, '[data-notice]')!.textContent).to.match(/Reading stopped with an error \(TypeError: .+\)\. What you typed or opened is kept/);
    expect($(el, '[data-working]')).to.equal(null);
    $<HTMLButtonElement>(el, '[data-retry]')!.click();
    await el.updateComplete;
    // Read again: the notice goes while reading, and comes back with the same failure.
    expect($(el, '[data-notice]')).to.equal(null);
    await waitUntil(() => $(el, '[data-retry]'), 'the retry fails again', { timeout: 100_000, interval: 50 });
    el.keys = TEST_KEY;
    await counts(el, log);
    expect($(el, '[data-notice]')).to.equal(null);
  });

  it('reads the same file again after Cancel (the file field is emptied)', async function () {
    this.timeout(120_000);
    const el = await fixture<EbetSession>(html`<ebet-session></ebet-session>`);
    const log = generateLog(2 * 1024 * 1024);
    const files = fileOf(log.text, 'shop.log');
    const file = files[0]!;
    openFile(el, files);
    await waitUntil(() => $(el, '[data-cancel]'), 'reading in the worker');
    $<HTMLButtonElement>(el, '[data-cancel]')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#file')!.value).to.equal('');
    expect($(el, '[data-notice]')!.textContent).to.include('Cancelled');
    // The same file chosen again (the field's own list was emptied with it).
    const again = new DataTransfer();
    again.items.add(file);
    openFile(el, again.files);
    expect((await counts(el, log)).messages).to.equal(String(log.messages));
  });

  it('lists at most 50 problems of a log, and how many more (issue 25)', async () => {
    const el = await fixture<EbetSession>(html`<ebet-session></ebet-session>`);
    const box = $<HTMLTextAreaElement>(el, '#paste')!;
    box.value = Array.from({ length: 60 }, (_, i) => `line ${i} {"NB_STAMP": "${i}",}`).join('\n');
    box.dispatchEvent(new Event('input'));
    await waitUntil(() => $(el, '[data-code="bad-json"]'), 'the problems are listed');
    expect(el.shadowRoot!.querySelectorAll('[data-code="bad-json"]').length).to.equal(50);
    // 60 broken lines and the note that no message was found.
    expect($(el, '[data-more]')!.textContent).to.equal('…and 11 more');
  });
});

