// One verdict everywhere: the same request pasted into the calculator, the decoder and the test page
// gets the same verdict on its MAC and the policy's findings in the same words as the built core's
// verifyMessage gives them. The MAC is independent of the core: node:crypto.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { useBuiltSite } from './support.mjs';

const core = await import(new URL('../../dist/lib/ebet-core.js', import.meta.url));
const KEY_BYTES = Buffer.from('1234567890ABCDEF1234567890ABCDEF', 'hex');
const mac = (s) => createHmac('sha256', KEY_BYTES).update(s, 'utf8').digest('hex').toUpperCase().slice(0, 32);

// A right pay direct request whose MAC is written in lower case and which lacks its NB_KVV.
const FIELDS = {
  NB_VERSION: '0002',
  NB_RCV_ID: '999999',
  NB_STAMP: 'V-1',
  NB_DB_AMOUNT: '899,00',
  NB_DB_CUR: 'SEK',
  NB_DB_REF: '123450',
  NB_RETURN: 'https://shop.example/ok.html',
  NB_CANCEL: 'https://shop.example/cancel.html',
  NB_REJECT: 'https://shop.example/reject.html',
  NB_HMAC: mac('999999&V-1&899,00&SEK&123450').toLowerCase(),
};
const LINES = Object.entries(FIELDS)
  .map(([name, value]) => `${name}=${value}`)
  .join('\n');

const site = useBuiltSite();

/** What the core says: the MAC verifies; the policy's findings on NB_HMAC and NB_KVV, in English. */
const expected = core.verifyMessage(FIELDS, core.TEST_KEY);
const said = (code) => expected.findings.find((f) => f.code === code).message.en;

test('the core: verified, with the policy’s hex-case warning and kvv-missing error, so the verdict is error', () => {
  assert.equal(expected.verified, true);
  assert.equal(expected.verdict, 'error');
  assert.deepEqual(
    expected.findings.filter((f) => f.code in core.POLICY).map((f) => [f.code, f.level]),
    [
      ['kvv-missing', 'error'],
      ['hex-case', 'warning'],
    ],
  );
});

test('the calculator, the decoder and the test page say the same about the same request', async () => {
  const page = await site.browser.newPage();

  // The calculator: the doctor calls the MAC correct and shows the policy's notes.
  await page.goto(`${site.server.url}tools/calculator/`);
  await page.getByLabel('Paste fields').fill(LINES);
  await page.getByLabel('Key (32 hexadecimal characters, spaces allowed)').fill(core.TEST_KEY);
  const status = page.locator('ebet-mac-doctor [part=status][data-status=correct]');
  await status.waitFor();
  for (const code of ['kvv-missing', 'hex-case']) {
    assert.equal(await page.locator(`ebet-mac-doctor [part=note][data-code=${code}]`).textContent(), said(code), `calculator: ${code}`);
  }

  // The decoder: verified, the verdict error, and the same findings.
  await page.goto(`${site.server.url}tools/decoder/`);
  await page.getByLabel(/published test key/).check();
  await page.getByRole('textbox', { name: 'What the bank sent back' }).fill(LINES);
  const article = page.locator('ebet-decoder article[part=message]').first();
  await article.waitFor();
  assert.equal(await article.getAttribute('data-outcome'), 'verified');
  assert.equal(await article.getAttribute('data-verdict'), 'error');
  for (const code of ['kvv-missing', 'hex-case']) {
    assert.ok((await article.locator(`li[data-code=${code}]`).textContent()).includes(said(code)), `decoder: ${code}`);
  }

  // The test page (the fields in its fragment, as the bookmarklet sends them): its table's rows and verdict.
  await page.goto(`${site.server.url}tools/test-page/#${new URLSearchParams({ fields: new URLSearchParams(FIELDS).toString() })}`);
  const table = page.locator('ebet-bank-simulator ebet-field-table').first();
  await table.locator('[data-field=NB_KVV]').waitFor();
  assert.equal(await table.locator('[part=verdict]').getAttribute('data-verdict'), 'error');
  for (const [field, code] of [
    ['NB_KVV', 'kvv-missing'],
    ['NB_HMAC', 'hex-case'],
  ]) {
    const row = table.locator(`[data-field=${field}]`);
    assert.equal(await row.getAttribute('data-code'), code, `test page: ${field}`);
    assert.ok((await row.textContent()).includes(said(code)), `test page: ${field} in the policy's words`);
  }
  await page.close();
});
