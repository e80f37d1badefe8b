// An XSS corpus against every tool of the built site: script tags, event-handler attributes,
// `javascript:` URLs, SVG and MathML payloads, `<img onerror>`, `<iframe srcdoc>`, template and style
// tricks and broken markup — raw, and as field values and field names in HTML, URL-encoded, JSON and
// lines form — pasted into every paste box, typed into every text field, given in the URL (the
// calculator's #case=, the shop's return and cancel pages), posted to the simulated bank, and
// loaded as configuration and ledger files. Every payload tries to call a sentinel function, set
// `window.__xss` and open a dialog. Proof that nothing ran: the sentinel was never called, the flag
// is unset, no dialog opened, no CSP violation was reported (the strict CSP would block an injected
// handler and report it), no page error, and no element that runs code (script, iframe, img, object,
// embed, base, an `on…` attribute, a `javascript:` URL) appeared in the document or any shadow root.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scrollToLoad, settled, useBuiltSite, watchPage } from './support.mjs';

const DIST = process.env.EBET_DIST ?? 'dist';

/** Each payload's `ID` becomes its number, so a hit says which one ran. */
const RUN = '__xssHit(ID);window.__xss=ID;alert(ID)';
const TEMPLATES = [
  '<script>RUN</script>',
  '<SCRIPT SRC=data:text/javascript,RUN></SCRIPT>',
  '<img src=x onerror="RUN">',
  '<img src=x onerror=RUN//',
  '<img src="x" onerror="RUN"',
  '<svg onload="RUN">',
  '<svg><script>RUN</script></svg>',
  '<svg><animate onbegin="RUN" attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:RUN"><text y=20>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="RUN">',
  '<iframe srcdoc="<script>parent.RUN</script>"></iframe>',
  '<iframe src="javascript:parent.RUN"></iframe>',
  '<object data="javascript:RUN"></object>',
  '<embed src="javascript:RUN">',
  'javascript:RUN',
  ' JaVaScRiPt:RUN',
  'data:text/html,<script>RUN</script>',
  '<a href="javascript:RUN">click</a>',
  '"><script>RUN</script>',
  "'><img src=x onerror=RUN>",
  '"><svg onload=RUN>',
  '</textarea><script>RUN</script>',
  '</title></style></script><script>RUN</script>',
  '<template><script>RUN</script></template><template shadowrootmode="open"><img src=x onerror="RUN"></template>',
  '<style>@import "javascript:RUN";</style><div style="background:url(javascript:RUN)">',
  '<details open ontoggle="RUN">',
  '<input autofocus onfocus="RUN">',
  '<body onload="RUN">',
  '<form action="javascript:RUN"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:RUN">',
  '<base href="javascript:RUN//">',
  '<!--<img src="--><img src=x onerror="RUN">',
  '<scr<script>ipt>RUN</scr</script>ipt>',
  '<<script>RUN//<</script>',
  '&lt;script&gt;RUN&lt;/script&gt; &#60;img src=x onerror=RUN&#62;',
  '%3Cscript%3ERUN%3C%2Fscript%3E',
  '${RUN}{{constructor.constructor("RUN")()}}',
  '<video><source onerror="RUN"></video><audio src=x onerror="RUN">',
];
const PAYLOADS = TEMPLATES.map((t, i) => t.replaceAll('RUN', RUN.replaceAll('ID', String(i + 1))));

/** Names of real fields, so payload values land in tables, strings and verdicts. */
const FIELDS = ['NB_VERSION', 'NB_RCV_ID', 'NB_STAMP', 'NB_DB_AMOUNT', 'NB_DB_CUR', 'NB_DB_REF', 'NB_RETURN', 'NB_CANCEL', 'NB_REJECT', 'NB_RETURN_STAMP', 'NB_RETURN_DB_AMOUNT', 'NB_RETURN_DB_CUR', 'NB_PAID', 'NB_VERIFIED', 'NB_ERROR_DESCR', 'NB_HMAC', 'NB_KVV'];
const asValues = PAYLOADS.map((p, i) => [FIELDS[i % FIELDS.length], p]);
const asNames = PAYLOADS.map((p) => [p, '1']);
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const forms = (pairs) => [
  `<form method="post" action="javascript:${RUN.replaceAll('ID', '0')}">\n${pairs.map(([n, v]) => `<input type="hidden" name="${attr(n)}" value="${attr(v)}">`).join('\n')}\n</form>`,
  `<form>${pairs.map(([n, v]) => `<input name=${n} value=${v}>`).join('')}`,
  new URLSearchParams(pairs).toString(),
  JSON.stringify(Object.fromEntries(pairs)),
  JSON.stringify([Object.fromEntries(pairs), Object.fromEntries(pairs)]),
  pairs.map(([n, v]) => `${n}=${v}`).join('\n'),
  pairs.map(([n, v]) => `${n}: ${v}`).join('\n'),
];
/** Everything a paste box gets: each payload alone, then all of them as values and as names in every form. */
const PASTES = [...PAYLOADS, ...forms(asValues), ...forms(asNames)];

const site = useBuiltSite(DIST);

/** A page with the sentinel, the dialog trap and the CSP watch in place. */
async function open(context, path) {
  const page = await context.newPage();
  const watch = await watchPage(page);
  const hits = [];
  const dialogs = [];
  await page.exposeFunction('__xssHit', (id) => hits.push(id));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(site.server.url + path);
  await page.waitForLoadState('networkidle');
  return { page, watch, hits, dialogs };
}

/** Elements and attributes that run code, anywhere in the document or its shadow roots, counted by kind. */
function dangerous(page) {
  return page.evaluate(() => {
    const found = { tags: {}, handlers: [], urls: [] };
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.localName;
        if (['script', 'iframe', 'frame', 'img', 'object', 'embed', 'base', 'meta', 'audio', 'video', 'source', 'svg', 'math', 'link'].includes(tag)) {
          found.tags[tag] = (found.tags[tag] ?? 0) + 1;
        }
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) found.handlers.push(`<${tag} ${a.name}>`);
          if (/^(href|src|action|formaction|data|srcdoc|xlink:href|content|style)$/i.test(a.name) && /javascript:|data:text\/html|<script/i.test(a.value)) {
            found.urls.push(`<${tag} ${a.name}="${a.value.slice(0, 60)}">`);
          }
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  });
}

/**
 * Gives `value` to every visible, editable text field and paste box of the page at once, as typing
 * or pasting does (input, change, then leaving the field), and waits for the page to render it.
 */
async function fillAll(page, value) {
  const count = await page.evaluate((value) => {
    const fields = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('textarea, input')) {
        const type = (el.getAttribute('type') ?? 'text').toLowerCase();
        if (el.readOnly || el.disabled || !['text', 'password', 'search', 'url', 'email', 'tel'].includes(type) && el.localName !== 'textarea') continue;
        if (!el.getClientRects().length) continue;
        fields.push(el);
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    for (const el of fields) {
      el.focus();
      el.value = value;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: value }));
      el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      el.blur();
    }
    return fields.length;
  }, value);
  await settled(page);
  return count;
}

/** Fills every field with every paste of the corpus; returns how many fields it reached. */
async function throwCorpus(page) {
  let reached = 0;
  for (const value of PASTES) reached = Math.max(reached, await fillAll(page, value));
  return reached;
}

/** Asserts that nothing ran and nothing that could run appeared since `baseline`. */
async function assertClean(where, { page, watch, hits, dialogs }, baseline) {
  const now = await dangerous(page);
  assert.deepEqual(hits, [], `${where}: payloads ran`);
  assert.equal(await page.evaluate(() => window.__xss), undefined, `${where}: window.__xss was set`);
  assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
  assert.deepEqual(now.handlers, [], `${where}: event-handler attributes in the DOM`);
  // The page's own script URLs (the test page's bookmarklet) were there before the corpus; no new one may appear.
  assert.deepEqual(now.urls.filter((url) => !baseline.urls.includes(url)), [], `${where}: script URLs in the DOM`);
  for (const [tag, n] of Object.entries(now.tags)) assert.ok(n <= (baseline.tags[tag] ?? 0), `${where}: ${n - (baseline.tags[tag] ?? 0)} new <${tag}>`);
  assert.deepEqual(watch.violations, [], `${where}: CSP violations`);
  assert.deepEqual(watch.errors, [], `${where}: page errors`);
}

describe(`XSS corpus: ${PAYLOADS.length} payloads, ${PASTES.length} pastes per field`, { concurrency: false }, () => {
  test('the calculator: paste box, key, KVV and MAC fields, a key ring, and a #case= link', async () => {
    const context = await site.browser.newContext();
    const fields = Object.fromEntries(asValues);
    const link = Buffer.from(JSON.stringify({ kind: 'payDirect', fields, mac: PAYLOADS[0], encoding: 'utf-8', key: PAYLOADS[1] })).toString('base64url');
    const tab = await open(context, `tools/calculator/#case=${link}`);
    const baseline = await dangerous(tab.page);
    await tab.page.locator('ebet-calculator h1').waitFor();
    assert.ok((await throwCorpus(tab.page)) >= 4, 'paste box, key, KVV and MAC reached');
    await tab.page.getByLabel('Several keys with validity dates (key ring)').check();
    assert.ok((await throwCorpus(tab.page)) >= 4);
    await assertClean('calculator', tab, baseline);
    await context.close();
  });

  test('the decoder: the paste box, the order box and the key ring, with the test key on (verdicts, cross-checks, summary)', async () => {
    const context = await site.browser.newContext();
    const tab = await open(context, 'tools/decoder/');
    await scrollToLoad(tab.page, 'ebet-session');
    const baseline = await dangerous(tab.page);
    assert.ok((await throwCorpus(tab.page)) >= 3, 'paste, order and key reached');
    await tab.page.getByLabel(/published test key/).check();
    assert.ok((await throwCorpus(tab.page)) >= 2);
    const doctor = tab.page.getByRole('button', { name: 'Diagnose the mismatch' });
    await tab.page.getByRole('textbox', { name: 'What the bank sent back' }).fill(new URLSearchParams([...asValues.filter(([n]) => n !== 'NB_HMAC'), ['NB_RETURN_DB_REF', '1'], ['NB_HMAC', '0'.repeat(32)]]).toString());
    // Once the paste box has read what was filled in (it waits for a pause in typing), the doctor's
    // path is part of the corpus: its button must be there, and its answer is awaited.
    const pasteBox = await tab.page.locator('ebet-decoder ebet-fields-input').first().elementHandle();
    await tab.page.waitForFunction((input) => input.value === input.shadowRoot.querySelector('textarea').value, pasteBox);
    await settled(tab.page);
    await doctor.click();
    await tab.page.locator('ebet-mac-doctor [part=status]').waitFor();
    await settled(tab.page);
    await assertClean('decoder', tab, baseline);
    await context.close();
  });

  test('the test page: the request box, the form builder, a posted form and an imported ledger file', async () => {
    const context = await site.browser.newContext();
    const tab = await open(context, 'tools/test-page/');
    await tab.page.locator('ebet-test-page[data-worker=ready]').waitFor();
    await scrollToLoad(tab.page, 'ebet-bank-simulator', 'ebet-bank-ledger', 'ebet-attempt-log', 'ebet-form-builder');
    const baseline = await dangerous(tab.page);
    assert.ok((await throwCorpus(tab.page)) >= 10, 'request box and builder fields reached');
    await tab.page.locator('ebet-bank-ledger #import').setInputFiles({ name: 'ledger.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([Object.fromEntries(asValues), ...PAYLOADS])) });
    await tab.page.locator('ebet-bank-ledger p[aria-live].level-ok, ebet-bank-ledger p[aria-live].level-error').waitFor();
    await settled(tab.page);
    await assertClean('test page', tab, baseline);

    // A shop's form posted to the simulated bank, every value a payload: the worker hands it to the page.
    await tab.page.evaluate((pairs) => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = new URL('bank/pay', location.href).href;
      for (const [name, value] of pairs) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    }, [...asValues, ...asNames]);
    await tab.page.waitForURL(/tools\/test-page\/\?request=/);
    await tab.page.locator('ebet-bank-simulator[data-state]').waitFor();
    await settled(tab.page);
    await assertClean('test page, posted form', tab, baseline);
    await context.close();
  });

  test('the incident checklist: title and notes, the configuration box, a configuration of payloads, pasted and as a file', async () => {
    const context = await site.browser.newContext();
    const tab = await open(context, 'tools/incident/');
    const baseline = await dangerous(tab.page);
    await tab.page.getByRole('button', { name: 'Start a new incident' }).click();
    assert.ok((await throwCorpus(tab.page)) >= 3, 'title, notes and configuration box reached');

    // The configuration in use, every string replaced by a payload (URLs kept as URLs, with a payload in them).
    const current = JSON.parse(await tab.page.locator('ebet-incident-checklist #config-current').inputValue());
    let n = 0;
    const poison = (v) =>
      typeof v === 'string'
        ? /^https?:/.test(v)
          ? `${v}?q="><script>${RUN.replaceAll('ID', '99')}</script>`
          : PAYLOADS[n++ % PAYLOADS.length]
        : Array.isArray(v)
          ? v.map(poison)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x)]))
            : v;
    const apply = tab.page.getByRole('button', { name: 'Use the pasted configuration' });
    for (const config of [poison(current), { ...current, links: PAYLOADS }, { ...current, contacts: { ...current.contacts, webForm: PAYLOADS[14] } }]) {
      await tab.page.locator('ebet-incident-checklist #config-text').fill(JSON.stringify(config));
      await apply.click();
      await settled(tab.page);
    }
    await tab.page.locator('ebet-incident-checklist #config-file').setInputFiles({ name: 'provider.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(poison(current))) });
    // The checklist empties the file input once it has read the file.
    await tab.page.waitForFunction(() => document.querySelector('ebet-incident-checklist').shadowRoot.querySelector('#config-file').value === '');
    await settled(tab.page);
    assert.ok((await throwCorpus(tab.page)) >= 3);
    await assertClean('incident checklist', tab, baseline);
    await context.close();
  });

  test('the shop: the return page with a receipt of payloads in its query, the cancel page with a payload order', async () => {
    const context = await site.browser.newContext();
    const query = new URLSearchParams(asValues.map(([n, v]) => [n.replace(/^NB_(?!RETURN_|PAID|HMAC|KVV)/, 'NB_RETURN_'), v])).toString();
    for (const path of [`shop/return.html?${query}`, `shop/cancel.html?order=${encodeURIComponent(PAYLOADS[0])}`, `shop/reject.html?order=${encodeURIComponent(PAYLOADS[2])}`, `shop/?${query}`]) {
      const tab = await open(context, path);
      await settled(tab.page);
      const loaded = await dangerous(tab.page);
      await throwCorpus(tab.page);
      // The baseline is the bare page: nothing may have come from the query either.
      const bare = await open(context, path.replace(/\?.*$/, ''));
      await assertClean(path.slice(0, 30), tab, await dangerous(bare.page));
      assert.deepEqual(loaded.handlers, []);
      await bare.page.close();
      await tab.page.close();
    }
    await context.close();
  });

  test('the probe itself catches a payload that does get into a shadow root', async () => {
    const context = await site.browser.newContext();
    const tab = await open(context, 'tools/calculator/');
    const baseline = await dangerous(tab.page);
    await tab.page.evaluate((payload) => {
      const box = document.querySelector('ebet-calculator').shadowRoot.appendChild(document.createElement('div'));
      box.innerHTML = payload;
    }, PAYLOADS[2]);
    // The injected image fails to load and the CSP blocks its handler: wait for that report.
    for (let rounds = 0; rounds < 100 && !tab.watch.violations.length; rounds++) await settled(tab.page);
    await assert.rejects(assertClean('injected', tab, baseline), /event-handler attributes in the DOM/);
    assert.ok(tab.watch.violations.length > 0, 'the strict CSP reported the blocked handler');
    await context.close();
  });
});
