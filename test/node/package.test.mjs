// The npm package as a new user gets it: `npm pack`, the tarball installed into an empty project
// (its dependencies from npm's cache when there, else the registry), then used as the docs say —
// the core in plain Node, a strict TypeScript consumer of the core and <ebet-checkout> with its
// typed events, and a page built with Vite; every entry imported in Node without a DOM, rendered
// with @lit-labs/ssr and bundled by Vite and esbuild without a warning; a page that localises
// itself with @lit/localize beside the receipt, with two copies of the elements; each entry's
// names as docs/package.md lists them; the React and Vue snippets of docs/frameworks.md under
// strict TypeScript. Needs `npm run build` first (scripts/test.mjs runs it).
// The page's gzip size goes to dist/bench/package-checkout.json for the bench.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { launchBrowser, serveDist, watchPage } from '../e2e/support.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const vectors = JSON.parse(readFileSync(join(ROOT, 'test/vectors/public.json'), 'utf8'));
const handbook = vectors.vectors.find((v) => v.note.startsWith("the handbook's own example"));

let dir;
let project;
let packed;

const run = (command, args, cwd = project) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebet-package-'));
  project = join(dir, 'shop');
  mkdirSync(project);
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT));
  packed = info;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-shop', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', join(dir, info.filename)]);
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the tarball holds the built modules, their declarations and maps, the sources they map to, and no tests or site pages', () => {
  const files = packed.files.map((f) => f.path);
  for (const entry of Object.values(pkg.exports)) {
    for (const path of typeof entry === 'string' ? [entry] : Object.values(entry)) {
      if (!path.includes('*')) assert.ok(files.includes(path.replace(/^\.\//, '')), `${path} is packed`);
    }
  }
  assert.ok(files.includes('dist/npm/src/index.d.ts.map'));
  assert.ok(files.includes('dist/npm/src/index.js.map'));
  assert.ok(files.includes('src/index.ts'), 'the sources the maps point to');
  assert.ok(files.includes('dist/npm/components/ebet-checkout/ebet-checkout-core.js'), 'the checkout core beside the checkout');
  assert.ok(files.includes('dist/lib/ebet-checkout.js'), 'the standalone bundles for a plain <script>');
  assert.deepEqual(files.filter((f) => /^(test|tools|docs|public)\/|\/page\.ts$/.test(f)), []);
});

test('the core entry is a curated list of at most 61 names, without internals or the incident checklist', async () => {
  const core = await import(join(project, 'node_modules/ebet-toolkit/dist/npm/src/index.js'));
  const declared = readFileSync(join(project, 'node_modules/ebet-toolkit/dist/npm/src/index.d.ts'), 'utf8');
  const names = [...declared.matchAll(/export \{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((n) => n.trim().replace(/^type /, ''))).filter(Boolean);
  assert.ok(names.length <= 61, `${names.length} names`);
  for (const name of ['parseFields', 'validateFields', 'computeMac', 'computeKvv', 'verifyMessage', 'diagnoseMac', 'payDirectAnswer', 'normalizeKeys']) {
    assert.equal(typeof core[name], 'function', name);
  }
  for (const internal of ['isAscii', 'hasInvisibles', 'DEFAULT_INCIDENT_CONFIG', 'createIncident']) assert.equal(core[internal], undefined, internal);
  // The package's entry registers the HTML reader at import: a page only parse5 reads is read at once, and loadHtmlReader() has nothing to do.
  const page = '<form method=post><input type=hidden name=NB_RETURN_DB_CUR value=" SEK"><script>x</script></form>';
  assert.deepEqual([core.parseFields(page).fields, core.parseFields(page).problems], [{ NB_RETURN_DB_CUR: ' SEK' }, []]);
  assert.equal(await core.loadHtmlReader(), undefined);
});

test("plain Node imports the installed package and computes the handbook's example MAC", () => {
  const script = `
    import { computeMac, computeKvv, macString, TEST_KEY } from 'ebet-toolkit';
    import { DEFAULT_INCIDENT_CONFIG } from 'ebet-toolkit/incident';
    import { EMPTY_LEDGER } from 'ebet-toolkit/simulator';
    const v = ${JSON.stringify(handbook)};
    console.log(JSON.stringify({
      string: macString(v.kind, v.fields), mac: computeMac(v.kind, v.fields, v.key), kvv: computeKvv(TEST_KEY),
      provider: DEFAULT_INCIDENT_CONFIG.provider, ledger: Array.isArray(EMPTY_LEDGER.payments),
    }));`;
  const out = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script]));
  assert.deepEqual(out, { string: handbook.macString, mac: handbook.mac, kvv: vectors.testKvv, provider: 'CertiTrade', ledger: true });
});

/** The code blocks of docs/recipes.md marked with a file name, written into the project as they are. */
function writeRecipes() {
  const page = readFileSync(join(ROOT, 'docs/recipes.md'), 'utf8');
  const files = [...page.matchAll(/```js file=(\S+)\n([\s\S]*?)```/g)].map(([, name, code]) => (writeFileSync(join(project, name), code), name));
  assert.deepEqual(files.sort(), ['edge-signer.mjs', 'node-signer.mjs', 'verify-receipt.mjs']);
}

const ORDER_FIELDS = {
  ...handbook.fields,
  NB_RETURN: 'https://shop.example/return.html',
  NB_CANCEL: 'https://shop.example/cancel.html',
  NB_REJECT: 'https://shop.example/reject.html',
};

test('docs/recipes.md: the plain Node http signer signs the handbook example as published, and refuses what is not the order', async () => {
  writeRecipes();
  const { signerServer } = await import(join(project, 'node-signer.mjs'));
  const order = { amount: handbook.fields.NB_DB_AMOUNT, currency: handbook.fields.NB_DB_CUR };
  const server = signerServer(handbook.key, (reference) => (reference === handbook.fields.NB_DB_REF ? order : null));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/api/sign`;
  try {
    const signed = await fetch(url, { method: 'POST', body: JSON.stringify(ORDER_FIELDS) });
    assert.equal(signed.status, 200);
    const kvv = vectors.testKvv;
    assert.deepEqual(await signed.json(), { NB_HMAC: handbook.mac, NB_KVV: kvv });
    const cheaper = await fetch(url, { method: 'POST', body: JSON.stringify({ ...ORDER_FIELDS, NB_DB_AMOUNT: '1,00' }) });
    assert.equal(cheaper.status, 409, 'an amount that is not the order’s');
    const broken = await fetch(url, { method: 'POST', body: JSON.stringify({ ...ORDER_FIELDS, NB_DB_CUR: 'XX' }) });
    assert.equal(broken.status, 422);
  } finally {
    server.close();
  }
});

test('docs/recipes.md: the WebCrypto edge signer gives the published MAC and KVV', async () => {
  const { default: handler } = await import(join(project, 'edge-signer.mjs'));
  const response = await handler.fetch(new Request('https://shop.example/api/sign', { method: 'POST', body: JSON.stringify(ORDER_FIELDS) }), { EBET_KEY: handbook.key });
  assert.deepEqual(await response.json(), { NB_HMAC: handbook.mac, NB_KVV: vectors.testKvv });
});

test('docs/recipes.md: server-side receipt verification accepts the bank’s receipt and refuses a tampered one or another order', async () => {
  const { signMessage } = await import(join(project, 'node_modules/ebet-toolkit/dist/npm/src/index.js'));
  const { handleVerify, verifyReceipt } = await import(join(project, 'verify-receipt.mjs'));
  const receipt = signMessage(
    'payDirectReturn',
    { NB_RETURN_STAMP: '00002', NB_RETURN_DB_AMOUNT: '899,00', NB_RETURN_DB_CUR: 'SEK', NB_RETURN_DB_REF: '123450', NB_PAID: '2026-11-30 10:15:00' },
    handbook.key,
  );
  const order = { stamp: '00002', reference: '123450', currency: 'SEK' };
  assert.deepEqual(verifyReceipt(receipt, handbook.key, order), { verified: true });
  assert.deepEqual(verifyReceipt({ ...receipt, NB_RETURN_DB_AMOUNT: '1,00' }, handbook.key, order), { verified: false });
  assert.deepEqual(verifyReceipt(receipt, handbook.key, { ...order, stamp: '00003' }), { verified: false });
  const answer = await handleVerify(new Request('https://shop.example/api/verify', { method: 'POST', body: JSON.stringify(receipt) }), handbook.key, () => order);
  assert.deepEqual(await answer.json(), { verified: true });
});

test('a strict TypeScript consumer type-checks against the declarations (Bundler and NodeNext resolution): the core, <ebet-checkout> and its typed events', () => {
  writeFileSync(
    join(project, 'consumer.ts'),
    `import { computeMac, EbetError, parseFields, TEST_KEY, type MessageKind, type ValidationRow } from 'ebet-toolkit';
import { validateFields } from 'ebet-toolkit';
import 'ebet-toolkit/checkout';
import type { EbetReceipt } from 'ebet-toolkit/receipt';
// @ts-expect-error internals are not part of the core's entry
import { isAscii } from 'ebet-toolkit';

const kind: MessageKind = 'payDirect';
const fields = parseFields('NB_RCV_ID=999999&NB_STAMP=00002').fields;
const mac: string = computeMac(kind, fields, TEST_KEY);
try {
  computeMac('paymentCheckResponse', { NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '00002' }, TEST_KEY);
} catch (error) {
  if (error instanceof EbetError) console.log(error.code, error.field, error.text.sv);
}
const rows: ValidationRow[] = validateFields(kind, fields);

const checkout = document.createElement('ebet-checkout');
checkout.amount = '899,00';
// @ts-expect-error the amount is a string such as "899,00"
checkout.amount = 899;
checkout.addEventListener('ebet-checkout-submit', (event) => {
  const signed: string | undefined = event.detail.fields.NB_HMAC;
  const action: string = event.detail.action;
  if (!signed) event.preventDefault();
  console.log(action);
});
checkout.addEventListener('ebet-checkout-error', (event) => {
  for (const problem of event.detail.problems) console.log(problem.field, problem.code, problem.message.sv);
});
const receipt: EbetReceipt | null = document.querySelector('ebet-receipt');
console.log(mac, rows.length, receipt, isAscii);
`,
  );
  // As bundlers resolve (Vite, esbuild) and as Node does.
  for (const [module, moduleResolution] of [['ESNext', 'Bundler'], ['NodeNext', 'NodeNext']]) {
    const compilerOptions = { target: 'ES2022', module, moduleResolution, lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, types: [] };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['consumer.ts'] }));
    try {
      run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    } catch (error) {
      assert.fail(`tsc (${moduleResolution}) found errors:\n${error.stdout}${error.stderr}`);
    }
  }
});

test('a page built with Vite uses <ebet-checkout> from the package: it runs in Chromium, test mode with its core; its size is recorded for the bench', async () => {
  writeFileSync(
    join(project, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title><script type="module" src="./main.js"></script></head>
<body><ebet-checkout mode="test" rcv-id="999999" amount="899,00" currency="SEK" reference="123450"
  return-url="return.html" cancel-url="cancel.html" reject-url="reject.html"></ebet-checkout></body></html>`,
  );
  writeFileSync(join(project, 'main.js'), "import 'ebet-toolkit/checkout';\n");
  run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error']);
  const assets = join(project, 'dist/assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const code = js.map((f) => readFileSync(join(assets, f), 'utf8'));
  assert.ok(code.some((c) => c.includes('ebet-checkout')), 'the element is in the page');
  assert.ok(js.some((f) => f.startsWith('ebet-checkout-core')), 'the checkout core is emitted for test mode and explanations');
  const entry = code.find((c) => c.includes('customElements.define(') && /["'`]ebet-checkout["'`]/.test(c));
  assert.ok(entry, 'the page defines <ebet-checkout>');
  const gzip = gzipSync(entry).length;
  mkdirSync(join(ROOT, 'dist/bench'), { recursive: true });
  writeFileSync(join(ROOT, 'dist/bench/package-checkout.json'), `${JSON.stringify({ what: 'a Vite page importing ebet-toolkit/checkout: its script, gzip', gzipBytes: gzip, files: js }, null, 2)}\n`);
  assert.ok(gzip < 20_000, `${gzip} bytes gzip`);

  const server = await serveDist(join(project, 'dist'));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const watch = await watchPage(page);
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => document.querySelector('ebet-checkout')?.shadowRoot?.querySelector('[part=test-badge]'));
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await page.evaluate(() => [...document.querySelector('ebet-checkout').shadowRoot.querySelectorAll('[part=problems] li')].map((li) => li.textContent)), [], 'the core loaded');
    assert.deepEqual(watch.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

/** The package's entries by name (`ebet-toolkit`, `ebet-toolkit/checkout`, …): the modules a consumer imports. */
const ENTRIES = Object.keys(pkg.exports)
  .filter((key) => !key.endsWith('.json'))
  .map((key) => `ebet-toolkit${key.slice(1)}`);

test('every entry imports in plain Node without a DOM, as SSR frameworks import them', () => {
  assert.ok(ENTRIES.includes('ebet-toolkit/receipt') && ENTRIES.includes('ebet-toolkit/elements'));
  for (const entry of ENTRIES) {
    const script = `if (typeof document !== 'undefined' || typeof window !== 'undefined') throw new Error('a DOM in Node');
      const m = await import(${JSON.stringify(entry)});
      console.log(Object.keys(m).length);`;
    try {
      assert.ok(Number(run(process.execPath, ['--input-type=module', '-e', script])) > 0, entry);
    } catch (error) {
      assert.fail(`${entry} does not import in Node:\n${error.stderr ?? error}`);
    }
  }
});

test('@lit-labs/ssr renders <ebet-checkout> and <ebet-receipt> on the server', () => {
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `@lit-labs/ssr@${pkg.devDependencies['@lit-labs/ssr']}`]);
  const script = `
    import { render } from '@lit-labs/ssr';
    import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
    import { html } from 'lit';
    import 'ebet-toolkit/checkout';
    import 'ebet-toolkit/receipt';
    console.log(await collectResult(render(html\`<ebet-checkout mode="test" rcv-id="999999" amount="899,00" currency="SEK" reference="123450"
      return-url="https://shop.example/r.html" cancel-url="https://shop.example/c.html" reject-url="https://shop.example/j.html"></ebet-checkout>
      <ebet-receipt mode="test"></ebet-receipt>\`)));`;
  const out = run(process.execPath, ['--input-type=module', '-e', script]);
  assert.match(out, /<ebet-checkout[^>]*data-state="idle"><template shadowroot="open" shadowrootmode="open">/);
  assert.match(out, /<button[^>]*part="button"[\s\S]*Pay 899,00 SEK/);
  assert.match(out, /<ebet-receipt[^>]*data-state="loading"><template shadowroot="open"[\s\S]*Reading the receipt…/);
});

test('every entry bundles with esbuild and with Vite without a warning or an unresolved import', async () => {
  const entries = Object.fromEntries(
    ENTRIES.map((entry, i) => {
      const file = `entry-${i}.js`;
      writeFileSync(join(project, file), `export * from ${JSON.stringify(entry)};\n`);
      return [`entry-${i}`, join(project, file)];
    }),
  );
  const { build: esbuild } = await import(join(ROOT, 'node_modules/esbuild/lib/main.js'));
  const result = await esbuild({
    absWorkingDir: project, entryPoints: entries, bundle: true, splitting: true, format: 'esm', platform: 'browser',
    outdir: join(dir, 'esbuild-out'), logLevel: 'silent', write: true,
  });
  assert.deepEqual([...result.errors, ...result.warnings].map((m) => m.text), [], 'esbuild');

  const { build: viteBuild, createLogger } = await import(join(ROOT, 'node_modules/vite/dist/node/index.js'));
  const said = [];
  const logger = createLogger('warn', { allowClearScreen: false });
  logger.warn = (message) => said.push(message);
  logger.warnOnce = (message) => said.push(message);
  logger.error = (message) => said.push(message);
  await viteBuild({
    root: project, configFile: false, logLevel: 'warn', customLogger: logger,
    build: { outDir: join(dir, 'vite-out'), emptyOutDir: true, target: 'es2022', rollupOptions: { input: entries, preserveEntrySignatures: 'exports-only' } },
  });
  assert.deepEqual(said, [], 'Vite');
});

test('a page that localises itself with @lit/localize imports the receipt: both localise; a second copy of the elements (lib/) raises no error', async () => {
  const site = join(project, 'site');
  mkdirSync(site, { recursive: true });
  writeFileSync(
    join(site, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title><script type="module" src="./shop.js"></script></head>
<body><p id="basket"></p><div lang="sv"><ebet-receipt mode="test"></ebet-receipt></div>
<ebet-checkout mode="test" rcv-id="999999" amount="899,00" currency="SEK" reference="123450" return-url="return.html" cancel-url="cancel.html" reject-url="reject.html"></ebet-checkout></body></html>`,
  );
  writeFileSync(
    join(site, 'shop.js'),
    `import { configureLocalization, msg } from '@lit/localize';
import 'ebet-toolkit/receipt';
import 'ebet-toolkit/checkout';
const { setLocale } = configureLocalization({ sourceLocale: 'en', targetLocales: ['de'], loadLocale: async () => ({ templates: { basket: 'Warenkorb' } }) });
await setLocale('de');
document.querySelector('#basket').textContent = msg('Basket', { id: 'basket' });
`,
  );
  run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'site', '--outDir', 'dist', '--emptyOutDir', '--logLevel', 'error']);
  const built = join(site, 'dist');
  // The same page once more, with the standalone elements of lib/ loaded first, as a page with a <script> tag and a bundle would.
  const page = readFileSync(join(built, 'index.html'), 'utf8');
  writeFileSync(join(built, 'twice.html'), page.replace('<head>', '<head><script type="module" src="./lib/ebet-receipt.js"></script><script type="module" src="./lib/ebet-checkout.js"></script>'));
  execFileSync('cp', ['-r', join(project, 'node_modules/ebet-toolkit/dist/lib'), join(built, 'lib')]);

  const server = await serveDist(built);
  const browser = await launchBrowser();
  try {
    const loaded = [];
    for (const file of ['index.html', 'twice.html']) {
      const tab = await browser.newPage();
      const watch = await watchPage(tab);
      tab.on('response', (response) => response.ok() && loaded.push(response.url()));
      await tab.goto(`${server.url}${file}`);
      await tab.waitForFunction(() => document.querySelector('#basket').textContent === 'Warenkorb');
      await tab.waitForFunction(() => document.querySelector('ebet-receipt')?.shadowRoot?.querySelector('[part=title]')?.textContent.trim() === 'Inget kvitto');
      await tab.waitForFunction(() => document.querySelector('ebet-checkout')?.shadowRoot?.querySelector('[part=test-badge]'));
      await tab.waitForLoadState('networkidle');
      assert.deepEqual(watch.errors, [], file);
      const copies = loaded.filter((url) => /\/(lib\/ebet-(receipt|checkout)|assets\/index-[^/]*)\.js$/.test(url)).length;
      assert.equal(copies, file === 'twice.html' ? 3 : 1, `${file}: the bundle, and on twice.html both lib/ elements`);
      loaded.length = 0;
      await tab.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the package names its version where the elements register', () => {
  const version = readFileSync(join(ROOT, 'components/shared/version.ts'), 'utf8');
  assert.match(version, new RegExp(`VERSION = '${pkg.version.replaceAll('.', '\\.')}'`));
});

test("each entry exports exactly the names docs/package.md lists for it, and package.json has no wildcard", async () => {
  assert.deepEqual(Object.keys(pkg.exports).filter((key) => key.includes('*')), []);
  const page = readFileSync(join(ROOT, 'docs/package.md'), 'utf8');
  const listed = Object.fromEntries(
    [...page.matchAll(/^- `(ebet-toolkit[^`]*)`: (.*)$/gm)].map(([, entry, line]) => [entry, [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort()]),
  );
  assert.deepEqual(Object.keys(listed).sort(), [...ENTRIES].sort(), 'docs/package.md lists every entry');
  const { default: ts } = await import(join(ROOT, 'node_modules/typescript/lib/typescript.js'));
  const installed = join(project, 'node_modules/ebet-toolkit');
  const declarations = Object.fromEntries(ENTRIES.map((entry) => [entry, join(installed, pkg.exports[`.${entry.slice('ebet-toolkit'.length)}`].types)]));
  const program = ts.createProgram(Object.values(declarations), { noEmit: true, strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [] });
  const checker = program.getTypeChecker();
  for (const [entry, file] of Object.entries(declarations)) {
    const names = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file))).map((s) => s.name).sort();
    assert.deepEqual(names, listed[entry], entry);
  }
});

test('docs/frameworks.md: the React and Vue snippets compile as they are under strict TypeScript', () => {
  const page = readFileSync(join(ROOT, 'docs/frameworks.md'), 'utf8');
  const app = join(project, 'frameworks');
  mkdirSync(app, { recursive: true });
  const files = [...page.matchAll(/```(?:tsx|ts|vue) file=(\S+)\n([\s\S]*?)```/g)].map(([, name, code]) => (writeFileSync(join(app, name), code), name));
  assert.deepEqual(files.sort(), ['PayButton.tsx', 'PayButton.vue', 'ebet-jsx.d.ts']);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', '@types/react@19', 'vue@3', 'vue-tsc@2', `typescript@${pkg.devDependencies.typescript}`]);
  const compilerOptions = { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: true, types: [] };
  writeFileSync(join(app, 'tsconfig.react.json'), JSON.stringify({ compilerOptions, files: ['PayButton.tsx', 'ebet-jsx.d.ts'] }));
  writeFileSync(join(app, 'tsconfig.vue.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, jsx: 'preserve' }, files: ['PayButton.vue'] }));
  for (const [tool, config] of [[join(ROOT, 'node_modules/typescript/bin/tsc'), 'tsconfig.react.json'], [join(project, 'node_modules/vue-tsc/bin/vue-tsc.js'), 'tsconfig.vue.json']]) {
    try {
      run(process.execPath, [tool, '-p', config], app);
    } catch (error) {
      assert.fail(`${config}:\n${error.stdout}${error.stderr}`);
    }
  }
});
