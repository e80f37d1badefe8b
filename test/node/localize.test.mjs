// No UI string in one language only: the UI's own strings are msg() calls (English) whose Swedish is
// the <target> in components/shared/locales/sv.xlf, and components/shared/locales/sv.ts is built from
// it. `lit-localize extract` and `build` run here on a temporary copy of the config and the XLIFF
// (the repository's files are never written), and the test names every message without Swedish.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = join(ROOT, 'node_modules/@lit/localize-tools/bin/lit-localize.js');
const config = JSON.parse(readFileSync(join(ROOT, 'lit-localize.json'), 'utf8'));
const LOCALES = join(ROOT, config.output.outputDir);
const work = mkdtempSync(join(tmpdir(), 'ebet-localize-'));
const xliffDir = join(work, 'xliff');
const outDir = join(work, 'out');

/** Runs lit-localize on the temporary config; its output is kept for a failure's message. */
const run = (command) => execFileSync(process.execPath, [CLI, command, '--config', join(work, 'lit-localize.json')], { cwd: work, encoding: 'utf8', stdio: 'pipe' });

/** Each trans-unit of an XLIFF file: id, source and target (`null` when there is none), placeholders as `${…}`. */
function units(xliff) {
  const plain = (s) =>
    s
      .replace(/<x id="\d+" equiv-text="([^"]*)"\/>/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return [...xliff.matchAll(/<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>\s*(?:<target>([\s\S]*?)<\/target>)?/g)].map(([, id, source, target]) => ({
    id,
    source: plain(source),
    target: target === undefined ? null : plain(target),
  }));
}

/** Fails with the first line where `fresh` (made here) and the committed file differ, not a dump of both. */
function assertSame(committed, fresh, what) {
  if (committed === fresh) return;
  const a = committed.split('\n');
  const b = fresh.split('\n');
  const line = a.findIndex((l, i) => l !== b[i]);
  const at = line < 0 ? a.length : line;
  assert.fail(`${what}: line ${at + 1} is ${JSON.stringify(a[at] ?? '(end of file)')}, fresh gives ${JSON.stringify(b[at] ?? '(end of file)')}`);
}

before(() => {
  mkdirSync(xliffDir);
  for (const locale of config.targetLocales) copyFileSync(join(ROOT, config.interchange.xliffDir, `${locale}.xlf`), join(xliffDir, `${locale}.xlf`));
  writeFileSync(
    join(work, 'lit-localize.json'),
    JSON.stringify({
      sourceLocale: config.sourceLocale,
      targetLocales: config.targetLocales,
      inputFiles: config.inputFiles.map((glob) => join(ROOT, glob)),
      output: { ...config.output, outputDir: outDir, localeCodesModule: join(outDir, 'locale-codes.ts') },
      interchange: { ...config.interchange, xliffDir },
    }),
  );
  try {
    run('extract');
  } catch (error) {
    throw new Error(`lit-localize extract failed (a msg() it cannot read?):\n${error.stdout}${error.stderr}`, { cause: error });
  }
});

after(() => rmSync(work, { recursive: true, force: true }));

test('the UI is configured for English source and Swedish, in runtime mode', () => {
  assert.equal(config.sourceLocale, 'en');
  assert.deepEqual(config.targetLocales, ['sv']);
  assert.equal(config.output.mode, 'runtime');
});

for (const locale of config.targetLocales) {
  test(`every msg() in components/ has a ${locale} <target> (add it in ${config.interchange.xliffDir}/${locale}.xlf)`, () => {
    const all = units(readFileSync(join(xliffDir, `${locale}.xlf`), 'utf8'));
    assert.ok(all.length > 300, `only ${all.length} messages extracted`);
    const untranslated = all.filter((u) => u.target === null || u.target.trim() === '');
    assert.deepEqual(
      untranslated.map((u) => `${u.id}: ${u.source}`),
      [],
      `${untranslated.length} message(s) without ${locale}: run \`npx lit-localize extract\`, add each <target>, then \`npx lit-localize build\``,
    );
  });

  test(`the committed ${locale}.xlf is what extract gives for the current sources (run \`npx lit-localize extract\`)`, () => {
    assertSame(
      readFileSync(join(ROOT, config.interchange.xliffDir, `${locale}.xlf`), 'utf8'),
      readFileSync(join(xliffDir, `${locale}.xlf`), 'utf8'),
      `${config.interchange.xliffDir}/${locale}.xlf is stale (run \`npx lit-localize extract\`)`,
    );
  });
}

test('the committed generated locale modules are built from the XLIFF (run `npx lit-localize build`)', () => {
  try {
    run('build');
  } catch (error) {
    assert.fail(`lit-localize build failed:\n${error.stdout}${error.stderr}`);
  }
  for (const file of [...config.targetLocales.map((l) => `${l}.ts`), 'locale-codes.ts']) {
    assertSame(readFileSync(join(LOCALES, file), 'utf8'), readFileSync(join(outDir, file), 'utf8'), `${config.output.outputDir}/${file} is stale (run \`npx lit-localize build\`)`);
  }
});

test('a Swedish target keeps exactly the placeholders of its English source', () => {
  const all = units(readFileSync(join(xliffDir, 'sv.xlf'), 'utf8'));
  const placeholders = (s) => [...s.matchAll(/\$\{[^}]*\}/g)].map((m) => m[0]).sort();
  const wrong = all.filter((u) => u.target !== null && placeholders(u.source).join() !== placeholders(u.target).join());
  assert.deepEqual(wrong.map((u) => `${u.id}: ${u.source} → ${u.target}`), []);
});
