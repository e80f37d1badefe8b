import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LOAD_FAILED, loadOrOffer, retryable } from '../../../components/shared/load-when-visible.ts';

describe('a lazy part that fails to load', () => {
  it('says so in its element, with a button that tries again; a success removes the notice', async () => {
    const el = await fixture<HTMLElement>(html`<ebet-never-defined></ebet-never-defined>`);
    let calls = 0;
    let fail = true;
    const load = () => (calls++, fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve());
    loadOrOffer(el, load);
    await waitUntil(() => el.querySelector('[data-load-failed]'), 'the failure is said');
    const notice = el.querySelector('[data-load-failed]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.contain(LOAD_FAILED.message);
    loadOrOffer(el, load);
    expect(calls, 'nothing runs again while the failure is shown').to.equal(1);
    fail = false;
    notice.querySelector('button')!.click();
    await waitUntil(() => calls === 2 && !el.querySelector('[data-load-failed]'), 'tried again, and the notice is gone');
  });

  it('is tried again after a failure: the rejected import is not kept', async () => {
    let calls = 0;
    const load = retryable(() => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(calls)));
    await load().then(
      () => expect.fail('the first load fails'),
      (error: Error) => expect(error.message).to.equal('offline'),
    );
    expect(await load()).to.equal(2);
    expect(await load(), 'a success is kept').to.equal(2);
    expect(calls).to.equal(2);
  });
});

describe('the session worker', () => {
  it('sends its errors to the page as a message', async () => {
    const worker = new Worker(new URL('../../../components/ebet-session/session-worker.ts', import.meta.url), { type: 'module' });
    try {
      const replies: Array<{ type: string; error?: string }> = [];
      worker.addEventListener('message', (e: MessageEvent<{ type: string; error?: string }>) => replies.push(e.data));
      // A file the worker cannot read (not a Blob): the exception would otherwise stay in the worker.
      worker.postMessage({ type: 'analyse', input: { size: 1 }, keys: null, encoding: 'utf-8' });
      await waitUntil(() => replies.some((r) => r.type !== 'progress'), 'the worker answers', { timeout: 30_000 });
      const failed = replies.find((r) => r.type !== 'progress')!;
      expect(failed.type).to.equal('failed');
      expect(failed.error).to.match(/^TypeError: .*text is not a function/);
    } finally {
      worker.terminate();
    }
  });
});
