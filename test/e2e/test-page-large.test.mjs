// Issue 25, "nothing poisons storage": one paste of an HTML form with 100,000 inputs into the test
// page stores a bounded attempt, and the next visit to the page is usable at once — the paste box
// answers, and "Clear the log" empties the log. The paste itself never goes into the text area and is
// read in a worker: the page answers while it is read. Every wait is for a condition (an element's
// state or what IndexedDB holds), never for a time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mainThreadTasks } from '../support/main-thread-trace.mjs';
import { holdSessionWorker, hugeForm, pasteText, scrollToLoad, useBuiltSite, watchPage } from './support.mjs';

const site = useBuiltSite();
// A generous bound for a loaded machine: every wait is for a condition, and each ends as soon as it holds.
const WAIT = 180_000;
const INPUTS = 100_000;

/** The attempts stored in the page's IndexedDB: each one's id and the length of its JSON. */
function storedAttempts(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('ebet-bank-simulator');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('attempts').objectStore('attempts').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve(all.result.map((a) => ({ id: a.id, size: JSON.stringify(a).length, fields: a.fields.length, cut: a.cut ?? null })));
          };
        };
      }),
  );
}

const pasteBox = (page) => page.locator('ebet-bank-simulator ebet-fields-input textarea');

test('a pasted form of 100,000 inputs is held out of the paste box and read in a worker while the page answers, stores a bounded attempt, and the next visit to the test page is usable: the paste box answers and "Clear the log" works', { timeout: 4 * WAIT }, async (t) => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const watch = await watchPage(page);
  await page.goto(`${site.server.url}tools/test-page/`);
  await scrollToLoad(page, 'ebet-bank-simulator');
  const stamp = `HUGE${Date.now()}`;
  const form = hugeForm(stamp, INPUTS);
  assert.ok(form.length > 5_000_000, `the paste is ${form.length} characters`);

  // The worker that reads the paste is held (its script not served) until the page has answered a choice made meanwhile.
  const worker = await holdSessionWorker(page);
  await site.browser.startTracing(page, { categories: ['-*', 'disabled-by-default-devtools.timeline'] });

  // Times are reported, never asserted: a loaded machine takes as long as it takes.
  let started = Date.now();
  // Pasted as a person pastes (a 5 MB argument to fill() would be printed whole on a failure).
  await pasteText(pasteBox(page), form);
  // Held out of the text area (whose layout of 6.8 MB blocked the page for seconds): its size is shown, and it is being read.
  const held = page.locator('ebet-bank-simulator ebet-fields-input [data-held]');
  await held.waitFor();
  assert.equal(await held.getAttribute('data-held'), String(form.length));
  assert.equal(await pasteBox(page).inputValue(), '');
  await page.locator('ebet-bank-simulator ebet-fields-input #paste-status', { hasText: 'Reading…' }).waitFor();
  // The page answers while the paste is read: a choice of encoding is taken and shown before the paste's result.
  await page.locator('ebet-bank-simulator select#encoding').selectOption('iso-8859-1');
  await page.locator('ebet-bank-simulator[data-encoding=iso-8859-1]').waitFor({ state: 'attached' });
  await page.locator('ebet-bank-simulator select#encoding').selectOption('auto');
  await page.locator('ebet-bank-simulator[data-encoding=utf-8]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('ebet-bank-simulator[data-attempt]').count(), 0, 'the paste is not read yet');
  assert.ok(await held.isVisible());
  t.diagnostic(`the page answered a choice ${Date.now() - started} ms after the paste`);
  // The worker was asked for, and held: the choice was answered while the paste was being read.
  await worker.requested;
  await worker.release();
  // Warned once about the large paste, and what is shown is capped.
  await page.locator('ebet-bank-simulator [data-code=large-paste]').waitFor();
  const tasks = mainThreadTasks(JSON.parse(Buffer.from(await site.browser.stopTracing()).toString('utf8')).traceEvents, page.url());
  const longest = tasks.reduce((a, b) => (b.cpu > a.cpu ? b : a), { cpu: 0, wall: 0 });
  t.diagnostic(`longest main-thread task from the paste to its result: ${longest.cpu.toFixed(0)} ms CPU (${longest.wall.toFixed(0)} ms wall)`);
  assert.equal(await page.locator('ebet-bank-simulator [data-code=large-paste]').count(), 1);
  t.diagnostic(`${form.length} characters pasted: checked and shown in ${Date.now() - started} ms`);
  const attempt = await page.locator('ebet-bank-simulator[data-attempt]').getAttribute('data-attempt');
  const hidden = await page.locator('ebet-bank-simulator [data-fields=request] input').count();
  assert.ok(hidden < 1000, `${hidden} hidden inputs rendered for ${INPUTS + 6} fields`);
  assert.equal(await page.locator('ebet-bank-simulator [data-fields=request] input[name=NB_STAMP]').getAttribute('value'), stamp);

  // The stored record is bounded: some hundred fields kept, the rest counted.
  let stored = [];
  while (!stored.some((a) => a.id === attempt)) {
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
    stored = await storedAttempts(page);
  }
  const record = stored.find((a) => a.id === attempt);
  t.diagnostic(`stored attempt: ${record.size} characters of JSON, ${record.fields} fields kept of ${record.cut?.fields}`);
  assert.ok(record.size < 1_000_000, `the stored attempt is ${record.size} characters`);
  assert.equal(record.cut?.fields, INPUTS + 6);
  assert.ok(record.fields < INPUTS / 100);

  // A new visit (a new navigation: nothing carried in history.state).
  started = Date.now();
  await page.goto(`${site.server.url}tools/test-page/`);
  await page.locator('ebet-test-page').waitFor();
  await scrollToLoad(page, 'ebet-bank-simulator');
  // The huge paste is not carried into it (history.state outlives a navigation to the same address).
  assert.equal(await pasteBox(page).inputValue(), '');
  assert.ok((JSON.stringify(await page.evaluate(() => history.state)) ?? '').length < 10_000);
  // The paste box answers: a small request typed in is read and checked.
  await pasteBox(page).fill('NB_VERSION=0002\nNB_RCV_ID=999999\nNB_STAMP=SMALL-1');
  await page.locator('ebet-bank-simulator[data-state=error], ebet-bank-simulator[data-state=preview]').waitFor();
  assert.equal(await page.locator('ebet-bank-simulator [data-code=large-paste]').count(), 0);
  t.diagnostic(`next visit: a typed request checked ${Date.now() - started} ms after the navigation began`);

  // "Clear the log" works: the log shows the huge attempt (newest first), then is emptied.
  await scrollToLoad(page, 'ebet-attempt-log');
  const log = page.locator('ebet-attempt-log');
  const typed = await page.locator('ebet-bank-simulator[data-attempt]').getAttribute('data-attempt');
  // Both attempts are logged (the typed one too, so that no write of it can come after the clear).
  await log.locator(`details[data-attempt="${typed}"]`).waitFor({ state: 'attached' });
  await log.locator(`details[data-attempt="${attempt}"]`).waitFor({ state: 'attached' });
  assert.deepEqual(await log.locator('details[data-attempt]').evaluateAll((all) => all.map((d) => d.dataset.attempt)), [typed, attempt], 'the newest first');
  await log.locator('[data-action=clear]').click();
  await log.locator('[data-action=confirm-clear]').click();
  await log.locator('[data-shown="0"]').waitFor({ state: 'attached' });
  t.diagnostic(`next visit: the log shown and cleared ${Date.now() - started} ms after the navigation began`);
  assert.equal((await storedAttempts(page)).length, 0);
  assert.deepEqual(watch.errors, []);
  assert.deepEqual(watch.violations, []);
  await context.close();
});

test('an attempt stored unbounded by an older version (10 MB, before the database had its index) is cut on the first visit; the page answers and "Clear the log" works', { timeout: 4 * WAIT }, async (t) => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  const watch = await watchPage(page);
  // A page of the same origin that opens no database: the old version's store is made there.
  await page.goto(`${site.server.url}no-such-page`);
  const huge = {
    id: 'old-huge',
    at: '2026-01-01T10:00:00.000Z',
    source: 'pasted',
    kind: 'payDirect',
    encoding: 'utf-8',
    verdict: 'warning',
    fields: Array.from({ length: INPUTS }, (_, i) => ({ name: `EXTRA_${i}`, value: 'v'.repeat(80) })),
    requestString: 'r'.repeat(1_000_000),
    problems: [],
    outcome: 'received',
  };
  await page.evaluate(
    (attempt) =>
      new Promise((resolve, reject) => {
        // Version 2, as the log was first made: three stores, no index.
        const open = indexedDB.open('ebet-bank-simulator', 2);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('requests', { keyPath: 'id' });
          open.result.createObjectStore('ledger');
          open.result.createObjectStore('attempts', { keyPath: 'id' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('attempts', 'readwrite');
          tx.objectStore('attempts').put(attempt);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    huge,
  );
  const before = (await storedAttempts(page))[0];
  assert.ok(before.size > 10_000_000, `the old record is ${before.size} characters`);

  const started = Date.now();
  await page.goto(`${site.server.url}tools/test-page/`);
  await scrollToLoad(page, 'ebet-bank-simulator');
  await pasteBox(page).fill('NB_VERSION=0002\nNB_RCV_ID=999999\nNB_STAMP=AFTER-OLD');
  await page.locator('ebet-bank-simulator[data-state=error], ebet-bank-simulator[data-state=preview]').waitFor();
  const typed = await page.locator('ebet-bank-simulator[data-attempt]').getAttribute('data-attempt');
  // The typed attempt's write cuts the old record rather than dropping it for its size.
  let stored = await storedAttempts(page);
  while (!stored.some((a) => a.id === typed)) {
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
    stored = await storedAttempts(page);
  }
  const cut = stored.find((a) => a.id === 'old-huge');
  assert.ok(cut && cut.size < 100_000, `the old record is kept, cut: ${cut?.size} characters`);
  assert.equal(cut.fields, 300);
  t.diagnostic(`the old record of ${before.size} characters is stored again as ${cut.size}`);
  await scrollToLoad(page, 'ebet-attempt-log');
  const log = page.locator('ebet-attempt-log');
  const old = log.locator('details[data-attempt=old-huge]');
  await old.waitFor({ state: 'attached' });
  await log.locator(`details[data-attempt="${typed}"]`).waitFor({ state: 'attached' });
  // Shown cut, saying so.
  assert.equal(await old.locator('[data-cut-fields]').getAttribute('data-cut-fields'), String(INPUTS));
  assert.equal(await old.locator('tr[data-field]').count(), 300);
  t.diagnostic(`shown in the log ${Date.now() - started} ms after the navigation began`);
  await log.locator('[data-action=clear]').click();
  await log.locator('[data-action=confirm-clear]').click();
  await log.locator('[data-shown="0"]').waitFor({ state: 'attached' });
  assert.equal((await storedAttempts(page)).length, 0);
  assert.deepEqual(watch.errors, []);
  await context.close();
});
