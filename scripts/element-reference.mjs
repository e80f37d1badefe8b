// The docs' element reference (docs/elements.md), rendered from the custom-elements manifest (the
// analyzer run on the elements' sources with custom-elements-manifest.config.mjs, exactly what
// `npm run build` writes to dist/custom-elements.json), each element shown live on the page.
// `npm run docs` rewrites the page; test/node/element-reference.test.mjs fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PAGE = `${ROOT}docs/elements.md`;

/**
 * Each element as it is shown live on the page: small elements right there (docs-page.ts gives the
 * property-only ones their values), the tools on their own pages.
 */
const LIVE = {
  'ebet-attempt-log': '<ebet-attempt-log></ebet-attempt-log>',
  'ebet-bank-ledger': '<ebet-bank-ledger></ebet-bank-ledger>',
  'ebet-checkout':
    '<ebet-checkout mode="test" rcv-id="999999" amount="550,00" currency="SEK" reference="1042" return-url="../shop/return.html" cancel-url="../shop/cancel.html" reject-url="../shop/reject.html">Pay 550 kr</ebet-checkout>',
  'ebet-copy-button': '<ebet-copy-button></ebet-copy-button>',
  'ebet-field-table': '<ebet-field-table></ebet-field-table>',
  'ebet-fields-input': '<ebet-fields-input value="NB_RCV_ID=999999&amp;NB_STAMP=00002"></ebet-fields-input>',
  'ebet-form-builder': '<ebet-form-builder endpoint-base="../tools/test-page/bank/"></ebet-form-builder>',
  'ebet-key-input': '<ebet-key-input test-key></ebet-key-input>',
  'ebet-lang-switch': '<ebet-lang-switch></ebet-lang-switch>',
  'ebet-receipt': '<ebet-receipt mode="test"></ebet-receipt>',
};
/** The elements that are a whole tool, live on their page. */
const TOOL_PAGES = {
  'ebet-bank-simulator': ['the test page', '../tools/test-page/'],
  'ebet-calculator': ['the calculator', '../tools/calculator/'],
  'ebet-decoder': ['the decoder', '../tools/decoder/'],
  'ebet-home': ['the home page', '../'],
  'ebet-incident-checklist': ['the incident checklist', '../tools/incident/'],
  'ebet-mac-doctor': ['the calculator', '../tools/calculator/'],
  'ebet-session': ['the decoder', '../tools/decoder/'],
  'ebet-shell': ['every page, this one too', './'],
  'ebet-test-page': ['the test page', '../tools/test-page/'],
};

/**
 * Attributes the page's script sets instead (docs-page.ts): the checkout goes into test mode only
 * once it knows where its core is on the site, as it loads the core when it connects in test mode.
 */
const SET_BY_SCRIPT = { 'ebet-checkout': ' mode="test"' };

function live(tag) {
  if (LIVE[tag]) {
    const element = LIVE[tag].replace(SET_BY_SCRIPT[tag] ?? '', '');
    return ['Live:', '', `<div class="live">${element}</div>`, '', '```html', LIVE[tag].replace(/&amp;/g, '&'), '```', ''];
  }
  const [name, href] = TOOL_PAGES[tag] ?? [];
  if (!href) throw new Error(`<${tag}> is neither shown live nor on a tool page: add it to LIVE or TOOL_PAGES`);
  return [`Live on [${name}](${href}).`, ''];
}

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
    `## \`<${element.tagName}>\``,
    '',
    `${summary} (\`${element.path}\`, class \`${element.name}\`)`,
    '',
    ...description,
    ...live(element.tagName),
    ...properties(element),
    ...methods(element),
    ...list(element.events, ['event', 'detail and when']),
    ...list(element.slots, ['slot', 'content'], (slot) => (slot.name ? code(slot.name) : '(default)')),
    ...list(element.cssParts, ['CSS part', 'what it is'], (part) => code(part.name)),
    ...list(element.cssProperties, ['CSS custom property', 'what it sets']),
  ];
}

/** The element reference: an index, then each element. */
export function renderReference(manifest) {
  const all = elements(manifest);
  const index = table(
    ['element', 'summary'],
    all.map((e) => [`[\`<${e.tagName}>\`](#${e.tagName})`, cell(e.summary || e.description)]),
  );
  return [...index, ...all.flatMap((e) => renderElement(e))].join('\n').trimEnd();
}

/** docs/elements.md: the whole page. */
export function renderPage(manifest) {
  return `# Element reference

Every element of the toolkit, generated from \`custom-elements.json\` (\`npm run docs\`; the package
ships the manifest as \`ebet-toolkit/custom-elements.json\`). Attributes, properties, methods,
events (each in \`HTMLElementEventMap\` with its detail type), slots, CSS parts and custom properties.
Import one element (\`ebet-toolkit/checkout\`, \`ebet-toolkit/receipt\`) or all of them
(\`ebet-toolkit/elements\`); see [the npm package](package.md).

${renderReference(manifest)}
`;
}

/** Writes a generated docs page when it changed, and says which it was. */
export function writeGenerated(path, next, source) {
  const name = path.slice(ROOT.length);
  if (next === readFileSync(path, { encoding: 'utf8', flag: 'a+' })) console.log(`${name} is up to date`);
  else {
    writeFileSync(path, next);
    console.log(`${name} rewritten from ${source}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeGenerated(PAGE, renderPage(await analyze()), 'the custom-elements manifest');
