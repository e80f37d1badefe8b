// `npm start` (the Vite development server) answers the simulated bank's addresses as the built
// site's worker does: a POST or a query is sent on to the test page with the request in its fragment.
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { after, before, test } from 'node:test';
import { createServer } from 'vite';

let server;
let base;

before(async () => {
  server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  base = server.resolvedUrls.local[0];
});
after(() => server?.close());

test('a form posted to bank/pay goes to the test page with the request, as sent, in the fragment', async () => {
  const body = 'NB_VERSION=0002&NB_RCV_ID=999999&NB_STAMP=DEV1&NB_DB_AMOUNT=5%2C00&NB_DB_CUR=SEK';
  const answer = await fetch(`${base}tools/test-page/bank/pay`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  assert.equal(answer.status, 303);
  const location = new URL(answer.headers.get('location'));
  assert.equal(location.pathname, '/tools/test-page/');
  const fragment = new URLSearchParams(location.hash.slice(1));
  assert.equal(fragment.get('fields'), body);
  assert.equal(fragment.get('endpoint'), 'pay');
  assert.equal(fragment.get('method'), 'POST');
  assert.equal(fragment.get('type'), 'application/x-www-form-urlencoded');
  assert.equal(fragment.get('charset'), 'utf-8');
});

test('a payment check as a query string is kept too; a visit to a bank address leads to the test page; other pages are Vite’s', async () => {
  const check = await fetch(`${base}tools/test-page/bank/check?NB_VERSION=0002&NB_STAMP=DEV1`, { redirect: 'manual' });
  assert.equal(check.status, 303);
  const fragment = new URLSearchParams(new URL(check.headers.get('location')).hash.slice(1));
  assert.deepEqual([fragment.get('fields'), fragment.get('endpoint'), fragment.get('type')], ['NB_VERSION=0002&NB_STAMP=DEV1', 'check', 'query string']);

  // As a browser visits it (fetch() would send its own Sec-Fetch-Mode).
  const visit = await new Promise((resolve, reject) =>
    get(`${base}tools/test-page/bank/repay`, { headers: { 'Sec-Fetch-Mode': 'navigate' } }, (res) => resolve(res.resume())).on('error', reject),
  );
  assert.equal(visit.statusCode, 303);
  assert.equal(visit.headers.location, `${base}tools/test-page/`);

  const page = await fetch(`${base}tools/test-page/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<ebet-test-page/);
});
