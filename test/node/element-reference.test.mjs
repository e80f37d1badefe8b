// The custom-elements manifest and the docs' element reference (docs/elements.md) rendered from it:
// the page must match the elements' current sources (else: `npm run docs`), every element must
// document its public API and be shown live, and the build must ship the manifest.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, elements, PAGE, renderPage, renderReference, ROOT } from '../../scripts/element-reference.mjs';

const manifest = await analyze();

/** Tag names defined in the sources (each element's entry module, `define.ts`), read with a plain pattern, independently of the analyzer. */
const definedTags = readdirSync(`${ROOT}components`)
  .filter((dir) => dir.startsWith('ebet-') && existsSync(`${ROOT}components/${dir}/define.ts`))
  .flatMap((dir) => [...readFileSync(`${ROOT}components/${dir}/define.ts`, 'utf8').matchAll(/\bdefine\('([a-z-]+)'/g)].map((m) => m[1]))
  .sort();

test('the manifest has every element the sources define, and nothing else', () => {
  assert.ok(definedTags.length > 10, `found only ${definedTags.length} element definitions`);
  assert.deepEqual(
    elements(manifest).map((e) => e.tagName),
    definedTags,
  );
});

test('docs/elements.md is what the manifest renders (run `npm run docs` when this fails), every element shown live or on its tool page', () => {
  const current = readFileSync(PAGE, 'utf8');
  const expected = renderPage(manifest);
  if (current !== expected) {
    const [have, want] = [current.split('\n'), expected.split('\n')];
    const line = want.findIndex((text, i) => text !== have[i]);
    assert.fail(
      `docs/elements.md is stale: run \`npm run docs\`. First difference (line ${line + 1}):\n  page:     ${have[line] ?? '(nothing)'}\n  manifest: ${want[line] ?? '(nothing)'}`,
    );
  }
  for (const tag of definedTags) {
    const section = current.slice(current.indexOf(`## \`<${tag}>\``));
    assert.match(section, new RegExp(`^## \`<${tag}>\`$`, 'm'));
    assert.match(section.split('\n## ')[0], new RegExp(`<div class="live"><${tag}[ >]|^Live on \\[`, 'm'), `<${tag}> is shown`);
  }
});

test('every element documents its public API: a summary, and a description for each attribute, property, method, event, slot, part and custom property', () => {
  const gaps = [];
  for (const element of elements(manifest)) {
    const where = `<${element.tagName}> (${element.path})`;
    if (!element.summary) gaps.push(`${where}: no @summary`);
    const fields = (element.members ?? []).filter((m) => !m.privacy || m.privacy === 'public');
    for (const member of fields) if (!member.description) gaps.push(`${where}: ${member.kind} ${member.name} has no JSDoc`);
    for (const attribute of element.attributes ?? []) {
      const field = fields.find((m) => m.name === attribute.fieldName);
      if (!attribute.description && !field?.description) gaps.push(`${where}: attribute ${attribute.name} has no JSDoc`);
    }
    for (const kind of ['events', 'slots', 'cssParts', 'cssProperties']) {
      for (const item of element[kind] ?? []) if (!item.description) gaps.push(`${where}: ${kind} ${item.name || '(default)'} has no description`);
    }
  }
  assert.deepEqual(gaps, []);
});

test('the reference shows types, defaults, events, slots, parts and custom properties (the checkout as the example)', () => {
  const reference = renderReference(manifest);
  const checkout = reference.slice(reference.indexOf('## `<ebet-checkout>`'));
  assert.match(checkout, /^\| `rcv-id` \| `rcvId` \| `string` \| `''` \| NB_RCV_ID/m);
  assert.match(checkout, /^\| `ebet-checkout-submit` \| Cancelable/m);
  assert.match(checkout, /^\| \(default\) \| The button's content/m);
  assert.match(checkout, /^\| `test-badge` \|/m);
  assert.match(checkout, /^\| `--ebet-checkout-radius` \|/m);
  assert.match(checkout, /^\| `pay\(\): Promise<void>` \|/m);
  // A union type keeps its pipe inside the table cell.
  assert.match(reference, /`Keys \\\| null`/);
});

test('npm run build ships the manifest as dist/custom-elements.json (package.json `customElements`)', () => {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
  assert.equal(pkg.customElements, 'dist/custom-elements.json');
  const built = JSON.parse(readFileSync(`${ROOT}dist/custom-elements.json`, 'utf8'));
  assert.equal(built.schemaVersion, manifest.schemaVersion);
  assert.deepEqual(
    elements(built).map((e) => e.tagName),
    definedTags,
  );
});
