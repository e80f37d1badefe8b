// The README's element reference, rendered from the custom-elements manifest (the analyzer run on
// the elements' sources with custom-elements-manifest.config.mjs, exactly what `npm run build`
// writes to dist/custom-elements.json). `npm run docs` rewrites the README between the markers;
// test/node/element-reference.test.mjs fails when what is there is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const README = `${ROOT}README.md`;
const START = '<!-- elements:start -->';
const END = '<!-- elements:end -->';

/** The manifest of the elements' current sources, in memory (the config's globs, Lit support, nothing written). */
export async function analyze() {
  return cli({ argv: ['analyze', '--litelement', '--quiet'], cwd: ROOT, noWrite: true });
}

/** Every custom element of the manifest with its module path, by tag name. */
export function elements(manifest) {
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, path: module.path })))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** One table cell: one line, pipes escaped. */
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const isPublic = (member) => !member.privacy || member.privacy === 'public';

function table(head, rows) {
  if (rows.length === 0) return [];
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''];
}

/** Attributes with their properties, then properties without an attribute (static ones named on the class). */
function properties(element) {
  const members = (element.members ?? []).filter((m) => m.kind === 'field' && isPublic(m));
  const rows = [];
  const seen = new Set();
  for (const attribute of element.attributes ?? []) {
    const field = members.find((m) => m.name === attribute.fieldName);
    if (field) seen.add(field);
    const description = field?.description || attribute.description;
    rows.push([
      code(attribute.name),
      code(attribute.fieldName),
      code(attribute.type?.text ?? field?.type?.text),
      code(attribute.default ?? field?.default),
      cell(`${field?.reflects ? '(reflects) ' : ''}${description ?? ''}`),
    ]);
  }
  for (const field of members) {
    if (seen.has(field)) continue;
    const name = field.static ? `${element.name}.${field.name}` : field.name;
    rows.push(['', code(name), code(field.type?.text), code(field.default), cell(`${field.readonly ? '(read-only) ' : ''}${field.description ?? ''}`)]);
  }
  return table(['attribute', 'property', 'type', 'default', 'description'], rows);
}

function methods(element) {
  const rows = (element.members ?? [])
    .filter((m) => m.kind === 'method' && isPublic(m))
    .map((m) => {
      const params = (m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`).join(', ');
      const returns = m.return?.type?.text;
      return [code(`${m.static ? `${element.name}.` : ''}${m.name}(${params})${returns ? `: ${returns}` : ''}`), cell(m.description)];
    });
  return table(['method', 'description'], rows);
}

function list(items, head, name = (item) => code(item.name)) {
  return table(head, (items ?? []).map((item) => [name(item), cell(item.description)]));
}

function renderElement(element) {
  const summary = cell(element.summary || element.description);
  const description = element.summary && element.description ? [cell(element.description), ''] : [];
  return [
    `### \`<${element.tagName}>\``,
    '',
    `${summary} (\`${element.path}\`, class \`${element.name}\`)`,
    '',
    ...description,
    ...properties(element),
    ...methods(element),
    ...list(element.events, ['event', 'detail and when']),
    ...list(element.slots, ['slot', 'content'], (slot) => (slot.name ? code(slot.name) : '(default)')),
    ...list(element.cssParts, ['CSS part', 'what it is'], (part) => code(part.name)),
    ...list(element.cssProperties, ['CSS custom property', 'what it sets']),
  ];
}

/** The Markdown that goes between the markers. */
export function renderReference(manifest) {
  const all = elements(manifest);
  const index = table(
    ['element', 'summary'],
    all.map((e) => [`[\`<${e.tagName}>\`](#${e.tagName})`, cell(e.summary || e.description)]),
  );
  return [...index, ...all.flatMap((e) => renderElement(e))].join('\n').trimEnd();
}

/** What the README holds between the markers now (`null` without markers). */
export function currentReference(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return null;
  return readme.slice(start + START.length, end).trim();
}

/** The README with `reference` between the markers. */
function withReference(readme, reference) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${reference}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(README, 'utf8');
  const next = withReference(readme, renderReference(await analyze()));
  if (next === readme) console.log('README.md element reference is up to date');
  else {
    writeFileSync(README, next);
    console.log('README.md element reference rewritten from the custom-elements manifest');
  }
}
