// The built core (dist/lib/ebet-core.js) in plain Node 20: no DOM, no bundler. Cross-checked
// against node:crypto, an HMAC that shares no code with the core.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const core = await import(new URL('../../dist/lib/ebet-core.js', import.meta.url));
const published = JSON.parse(readFileSync(new URL('../vectors/public.json', import.meta.url), 'utf8'));
const nodeMac = (keyHex, message) =>
  createHmac('sha256', Buffer.from(keyHex.replace(/\s+/g, ''), 'hex')).update(message).digest('hex').slice(0, 32).toUpperCase();

test('there is no DOM here: the core must not need one', () => {
  assert.equal(typeof globalThis.document, 'undefined');
  assert.equal(typeof globalThis.DOMParser, 'undefined');
});

test('the built core reproduces the published vectors', () => {
  assert.ok(published.vectors.length > 0);
  for (const v of published.vectors) {
    assert.equal(core.macString(v.kind, v.fields), v.macString);
    assert.equal(core.computeMac(v.kind, v.fields, v.key), v.mac);
    assert.equal(nodeMac(v.key, v.macString), v.mac);
  }
});

test('the built core computes the test key’s KVV', () => {
  assert.equal(core.computeKvv(published.testKey), published.testKvv);
  assert.equal(core.TEST_KVV, published.testKvv);
  assert.equal(nodeMac(published.testKey, '00000000'), published.testKvv);
});

test('the built core agrees with node:crypto for many keys and strings, UTF-8 and ISO-8859-1', () => {
  const alphabet = 'abcXYZ019 ,.&åäöÅÄÖé€\u00a0';
  let seed = 7;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  for (let i = 0; i < 300; i++) {
    const key = Array.from({ length: 32 }, () => '0123456789ABCDEF'[rand(16)]).join('');
    const stamp = Array.from({ length: 1 + rand(18) }, () => alphabet[rand(alphabet.length)]).join('');
    const fields = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: stamp, NB_DB_AMOUNT: '1,00', NB_DB_CUR: 'SEK', NB_DB_REF: '1' };
    const string = `999999&${stamp}&1,00&SEK&1`;
    assert.equal(core.computeMac('payDirect', fields, key), nodeMac(key, Buffer.from(string, 'utf8')));
    if (!stamp.includes('€')) {
      assert.equal(core.computeMac('payDirect', fields, key, { encoding: 'iso-8859-1' }), nodeMac(key, Buffer.from(string, 'latin1')));
    }
  }
});

test('the built core parses pasted HTML in Node, where there is no DOMParser: plain pages at once, others once loadHtmlReader() has loaded parse5', async () => {
  // An answer page of hidden inputs needs no parse5.
  const plain = core.parseFields('<form method=post><input type=hidden name=NB_RETURN_STAMP value=1><input type=hidden name=NB_VERIFIED value=NO></form>');
  assert.deepEqual([plain.format, plain.fields, plain.problems], ['html', { NB_RETURN_STAMP: '1', NB_VERIFIED: 'NO' }, []]);
  // A page with a script does, and before it is loaded is not read: a problem says what to call, never a throw.
  const page = '<form method=post><INPUT TYPE=HIDDEN NAME="NB_RETURN_DB_CUR" VALUE=" SEK"><script>x</script></form>';
  const unread = core.parseFields(page);
  assert.deepEqual([unread.format, unread.entries, unread.problems], [
    'html',
    [],
    [
      {
        level: 'error',
        code: 'html-reader-not-loaded',
        message: {
          en: 'This HTML needs the full HTML reader (parse5), which is not loaded yet: call await loadHtmlReader() once, then read it again',
          sv: 'Den här HTML-koden behöver den fullständiga HTML-läsaren (parse5), som inte är inläst än: anropa await loadHtmlReader() en gång och läs den sedan igen',
        },
      },
    ],
  ]);
  // extractMessages and splitMessages say it too, rather than "nothing found".
  const log = `12:00 answer page\n${page.replace('<script>', '<input type=hidden name=NB_RETURN_STAMP value=1><script>')}\n`;
  assert.deepEqual(core.extractMessages(log).problems.map((p) => [p.code, p.source]), [['html-reader-not-loaded', { line: 2 }]]);
  assert.equal(core.splitMessages(`${page}\n${page}`)[0].parsed.problems[0].code, 'html-reader-not-loaded');
  await core.loadHtmlReader();
  const r = core.parseFields(page);
  assert.deepEqual(r.fields, { NB_RETURN_DB_CUR: ' SEK' });
  assert.equal(r.format, 'html');
  const read = core.extractMessages(log);
  assert.deepEqual([read.problems, read.messages.map((m) => m.fields)], [[], [[{ name: 'NB_RETURN_DB_CUR', value: ' SEK' }, { name: 'NB_RETURN_STAMP', value: '1' }]]]);
  // Loaded once: a second call resolves at once.
  await core.loadHtmlReader();
});

test('the built core refuses bad input with the field named', () => {
  assert.throws(() => core.computeKvv('12345'), (e) => e.field === 'key' && /needs exactly 32/.test(e.message));
  assert.throws(() => core.macString('payDirect', { NB_RCV_ID: '1' }), (e) => e.field === 'NB_STAMP');
  assert.equal(core.macString('paymentCheckResponse', { NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '1' }), null);
});
