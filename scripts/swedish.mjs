// The toolkit's Swedish, read as text and checked against docs/glossary.json: the words not to use,
// the phrasings a native review flagged, "ni/er" where the reader is "du", straight quotes where
// Swedish takes ”…”, times as kl. 05.39, markup that lit-localize would escape, and pages whose
// Swedish is marked lang="en". Used by test/node/swedish.test.mjs; `node scripts/swedish.mjs` lists
// every problem with its place, `node scripts/swedish.mjs --glossary` writes docs/glossary.md.
//
// Where the Swedish is:
// - the core and the elements (`src/`, `components/`): the Swedish argument of `text(en, sv)` and of
//   every local helper whose parameter is named `sv`, and variables named `…Sv`; template
//   placeholders become `‹›`, the branches of a `?:` both count, and a value inserted through
//   `JSON.stringify()` or `quoted()` shows the quotes it brings (`"‹›"`, `quoted(v, 'sv')`: `”‹›”`);
// - the elements' templates: quotation marks written into a template outside `msg()` show in both
//   languages, so they are a problem there;
// - the elements' own strings: the <target>s of components/shared/locales/sv.xlf, and the module
//   built from it (components/shared/locales/sv.ts);
// - the static pages (index.html, tools/, public/) and the docs pages (docs/*.md as the site renders
//   them): the text of every element with lang="sv" (a whole page with <html lang="sv">), and each
//   `<title data-sv>`; a page whose text reads as Swedish outside such an element is marked lang="en".
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { docsSite } from './docs-pages.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const HOLE = '‹›';

/** The TypeScript files under `dir`, without the generated locales. */
function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The quotes a helper call brings around its value: `JSON.stringify(v)` and `quoted(v)` `"‹›"`, `quoted(v, 'sv')` `”‹›”`; `null` for any other call. */
function quotesOf(node) {
  if (!ts.isCallExpression(node)) return null;
  const callee = node.expression.getText();
  if (callee === 'JSON.stringify') return `"${HOLE}"`;
  if (callee !== 'quoted') return null;
  const lang = node.arguments[1];
  return lang && ts.isStringLiteralLike(lang) && lang.text === 'sv' ? `”${HOLE}”` : `"${HOLE}"`;
}

/** The text an expression shows: literals as written, anything computed as a hole (with the quotes a quoting helper brings), both branches of a `?:`. */
function shown(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  const quotes = quotesOf(node);
  if (quotes) return quotes;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => shown(s.expression) + s.literal.text).join('');
  if (ts.isParenthesizedExpression(node)) return shown(node.expression);
  if (ts.isConditionalExpression(node)) return `${shown(node.whenTrue)}${HOLE}${shown(node.whenFalse)}`;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return shown(node.left) + shown(node.right);
  return HOLE;
}

/** Every Swedish string written in one TypeScript source: `{ file, line, sv }`. */
export function swedishInSource(file, source) {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const svIndex = new Map([['text', 1]]);
  const helpers = (node) => {
    const fn = ts.isFunctionDeclaration(node) ? node : ts.isVariableDeclaration(node) && node.initializer && ts.isArrowFunction(node.initializer) ? node.initializer : null;
    const name = ts.isFunctionDeclaration(node) ? node.name : ts.isVariableDeclaration(node) ? node.name : null;
    if (fn && name && ts.isIdentifier(name)) {
      const at = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'sv');
      if (at >= 0) svIndex.set(name.text, at);
    }
    ts.forEachChild(node, helpers);
  };
  helpers(sf);
  const found = [];
  const add = (node) => {
    const sv = shown(node);
    if (sv.replaceAll(HOLE, '').trim()) found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, sv });
  };
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && svIndex.has(node.expression.text)) {
      const arg = node.arguments[svIndex.get(node.expression.text)];
      if (arg) add(arg);
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && /Sv$/.test(node.name.text) && node.initializer) {
      add(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every <target> of an XLIFF file, entities decoded, placeholders as holes: `{ file, line, id, sv }`. */
export function swedishInXliff(file, xliff) {
  return [...xliff.matchAll(/<trans-unit id="([^"]+)">[\s\S]*?<target>([\s\S]*?)<\/target>/g)].map((m) => ({
    file,
    line: xliff.slice(0, m.index + m[0].length).split('\n').length,
    id: m[1],
    sv: m[2]
      .replace(/<x id="\d+" equiv-text="[^"]*"\/>/g, HOLE)
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  }));
}

/**
 * Plain-string messages of a built locale module (lit-localize's `sv.ts`) that show escaped markup:
 * lit-localize escapes <, > and & in every message, which only an html`` template turns back (lit/lit#3025).
 */
export function escapedInLocaleModule(file, module) {
  return [...module.matchAll(/^'([^']+)': (html)?`(.*)`,$/gm)]
    .filter((m) => !m[2] && /&(lt|gt|amp|quot);/.test(m[3]))
    .map((m) => ({ file, line: module.slice(0, m.index).split('\n').length, id: m[1], sv: m[3], problem: 'shows escaped markup (&lt; &gt; &amp;): write the Swedish without <, > and &' }));
}

const WORD_BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}_])';
const WORD_BOUNDARY_AFTER = '(?![\\p{L}\\p{N}_])';
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The glossary's checks as regular expressions, each with what to write instead. */
export function rules(glossary) {
  const avoid = glossary.terms.flatMap((term) =>
    (term.avoid ?? []).map((a) => ({
      re: new RegExp(a.pattern ?? WORD_BOUNDARY_BEFORE + escapeRegExp(a.text) + WORD_BOUNDARY_AFTER, a.case ? 'gu' : 'giu'),
      problem: `”${a.text}”: ${a.why} (glossary: ${term.sv})`,
    })),
  );
  const phrasings = (glossary.phrasings ?? []).map((p) => ({ re: new RegExp(p.pattern, 'giu'), problem: `”${p.text}”: ${p.why}; write ”${p.write}”` }));
  const voice = glossary.voice.filter((v) => v.pattern).map((v) => ({ re: new RegExp(v.pattern, 'giu'), problem: v.rule }));
  return [...avoid, ...phrasings, ...voice];
}

/** Straight double quotes used as quotation marks: those of an attribute (name="…"), of JSON ({…}) and around one code word ("format") are code and stay. */
function straightQuotes(sv) {
  let rest = sv.replace(/[\w‹›-]+="[^"]*"/g, '').replace(/"[A-Za-z_][\w.-]*"/g, '');
  for (let before = ''; before !== rest; ) [before, rest] = [rest, rest.replace(/\{[^{}]*\}/g, '')];
  return rest.includes('"');
}

/** Problems of one Swedish string: `[]` when it reads as the glossary says. */
export function problemsOf(sv, checks) {
  const found = [];
  for (const { re, problem } of checks) {
    for (const m of sv.matchAll(re)) found.push(`${problem}: ”${m[0]}”`);
  }
  if (straightQuotes(sv)) found.push('straight quotes: Swedish quotes with ”…”');
  return found;
}

/**
 * Quotation marks written into an element's template outside `msg()`: the template shows them in
 * both languages, so Swedish gets English quotes (or the reverse). `{ file, line, sv, problem }`.
 */
export function quotesInTemplates(file, source) {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['msg', 'text', 'str'].includes(node.expression.text)) return;
    if (ts.isTaggedTemplateExpression(node) && ['css', 'str'].includes(node.tag.getText())) return;
    const parts = ts.isTemplateExpression(node) ? [node.head, ...node.templateSpans.map((s) => s.literal)] : ts.isNoSubstitutionTemplateLiteral(node) ? [node] : [];
    if (parts.some((part) => /[“”‘]/.test(part.text))) {
      found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, sv: node.getText(), problem: 'quotation marks in a template outside msg(): they show in both languages; put the sentence in msg()' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '' };
const decode = (html) => html.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e) => (e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m)));

/** The text of an HTML fragment: no tags, comments, scripts, styles, code or struck-out words (a word named as one not to use). */
function htmlText(fragment) {
  return decode(
    fragment
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|code|pre|kbd|s|del)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

const BLOCK = /<\/?(p|li|h[1-6]|td|th|dt|dd|section|div|article|header|nav|main|footer|blockquote|figcaption|tr|ul|ol|table|br|ebet-[a-z-]+)\b[^>]*>/gi;

/** The text of an HTML fragment block by block (paragraphs, items, headings…), each with where it starts. */
function blocks(fragment) {
  const found = [];
  let from = 0;
  for (const m of [...fragment.matchAll(BLOCK), { index: fragment.length, 0: '' }]) {
    const value = htmlText(fragment.slice(from, m.index));
    if (value) found.push({ index: from, text: value });
    from = m.index + m[0].length;
  }
  return found;
}

/** Words that mark a text as Swedish or as English; a text reads as Swedish when it has clearly more of the first. */
const SV_WORDS = new Set(['och', 'är', 'det', 'inte', 'för', 'att', 'som', 'på', 'med', 'du', 'den', 'har', 'till', 'när', 'eller', 'av', 'ett', 'i']);
const EN_WORDS = new Set(['the', 'and', 'is', 'it', 'for', 'that', 'as', 'on', 'with', 'you', 'has', 'to', 'when', 'or', 'of', 'a', 'in', 'are']);
export function readsAsSwedish(value) {
  const words = value.toLowerCase().match(/\p{L}+/gu) ?? [];
  const sv = words.filter((w) => SV_WORDS.has(w)).length;
  const en = words.filter((w) => EN_WORDS.has(w)).length;
  return sv >= 5 && sv > 2 * en;
}

/**
 * The Swedish of one HTML page: the text of each element with lang="sv" (the whole body when the page
 * is `<html lang="sv">`) and each `<title data-sv>`, as `{ file, line, sv }`; and, as problems, a
 * Swedish text marked lang="en" (outside any lang="sv" element of an English page).
 */
export function swedishInHtml(file, html) {
  const lineAt = (index) => html.slice(0, index).split('\n').length;
  const strings = [];
  const problems = [];
  const pageLang = /<html[^>]*\blang="([^"]*)"/i.exec(html)?.[1] ?? '';
  const title = /<title\b([^>]*)>([\s\S]*?)<\/title>/i.exec(html);
  const titleSv = title && /\bdata-sv="([^"]*)"/.exec(title[1]);
  if (titleSv) strings.push({ file, line: lineAt(title.index), sv: decode(titleSv[1]) });
  else if (title && pageLang === 'sv') strings.push({ file, line: lineAt(title.index), sv: decode(title[2]).trim() });
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html);
  if (!body) return { strings, problems };
  const start = body.index + body[0].indexOf(body[1]);
  if (pageLang === 'sv') {
    const swedish = body[1].replace(/<(\w+)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/gi, (m) => m.replace(/[^\n]/g, ' '));
    for (const b of blocks(swedish)) strings.push({ file, line: lineAt(start + b.index), sv: b.text });
    return { strings, problems };
  }
  // Elements marked Swedish, one by one (same-name nesting inside them is matched by counting).
  let english = body[1];
  for (const m of body[1].matchAll(/<(\w+)\b[^>]*\blang="sv"[^>]*>/gi)) {
    const tag = m[1].toLowerCase();
    let depth = 1;
    const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
    re.lastIndex = m.index + m[0].length;
    let end = body[1].length;
    for (let t; depth > 0 && (t = re.exec(body[1])); ) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) end = t.index;
    }
    const from = m.index + m[0].length;
    for (const b of blocks(body[1].slice(from, end))) strings.push({ file, line: lineAt(start + from + b.index), sv: b.text });
    english = english.replace(body[1].slice(m.index, end), ' ');
  }
  const rest = htmlText(english);
  if (readsAsSwedish(rest)) problems.push({ file, line: lineAt(start), sv: rest.slice(0, 200), problem: 'Swedish text on a page or element marked lang="en": mark it lang="sv"' });
  return { strings, problems };
}

/** The static HTML pages of the repository: index.html, tools/ and public/ (without build output). */
function htmlFiles(root) {
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return name.endsWith('.html') ? [path] : [];
    });
  return [join(root, 'index.html'), ...['tools', 'public'].filter((d) => existsSync(join(root, d))).flatMap((d) => walk(join(root, d)))];
}

/** Every Swedish string of the repository, each with its problems. */
export function checkRepository(root = ROOT) {
  const glossary = JSON.parse(readFileSync(join(root, 'docs/glossary.json'), 'utf8'));
  const checks = rules(glossary);
  const rel = (path) => relative(root, path);
  const sources = ['src', 'components'].flatMap((dir) => sourceFiles(join(root, dir)));
  const pages = [
    ...htmlFiles(root).map((path) => swedishInHtml(rel(path), readFileSync(path, 'utf8'))),
    ...Object.entries(docsSite(root)).map(([path, html]) => swedishInHtml(path, html)),
  ];
  const strings = [
    ...sources.flatMap((path) => swedishInSource(rel(path), readFileSync(path, 'utf8'))),
    ...swedishInXliff('components/shared/locales/sv.xlf', readFileSync(join(root, 'components/shared/locales/sv.xlf'), 'utf8')),
    ...pages.flatMap((p) => p.strings),
  ];
  const escaped = escapedInLocaleModule('components/shared/locales/sv.ts', readFileSync(join(root, 'components/shared/locales/sv.ts'), 'utf8'));
  const templates = sources.filter((path) => rel(path).startsWith('components')).flatMap((path) => quotesInTemplates(rel(path), readFileSync(path, 'utf8')));
  return {
    strings,
    problems: [...strings.flatMap((s) => problemsOf(s.sv, checks).map((problem) => ({ ...s, problem }))), ...escaped, ...templates, ...pages.flatMap((p) => p.problems)],
  };
}

const GENDER = { common: 'en', neuter: 'ett' };
const cell = (s) => (s ?? '').replace(/\|/g, '\\|');

/** docs/glossary.md, made from docs/glossary.json (`node scripts/swedish.mjs --glossary` writes it). */
export function glossaryMarkdown(glossary) {
  const rows = glossary.terms.map((t) =>
    [
      t.en,
      `**${t.sv}**`,
      [t.gender ? GENDER[t.gender] : '', t.definite].filter(Boolean).join(', '),
      t.handbook,
      (t.avoid ?? []).map((a) => `~~${a.text}~~ (${a.why})`).join('; '),
      t.note,
    ].map(cell),
  );
  return [
    '# Glossary: the toolkit’s Swedish',
    '',
    'One Swedish word per thing, taken from the handbook (*E-betalning Teknisk handbok*, version 0702) and the provider’s incident process where they have one. Every Swedish string in `src/`, `components/`, `components/shared/locales/sv.xlf`, the static pages and the docs pages is checked against this list by `test/node/swedish.test.mjs`; what each tool looks like in Swedish, and the rule for times, is on [Svenska](svenska.md).',
    '',
    'This page is made from [`glossary.json`](glossary.json) by `node scripts/swedish.mjs --glossary`; edit the JSON, not this page.',
    '',
    '## Terms',
    '',
    '| English | Svenska | Genus, bestämd form | Handboken | Skriv inte | Anmärkning |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    '## Phrasings',
    '',
    'Sentence patterns a native review found (calques of English, definiteness): the check fails on each.',
    '',
    '| Skriv inte | Skriv | Why |',
    '| --- | --- | --- |',
    ...(glossary.phrasings ?? []).map((p) => `| ~~${cell(p.text)}~~ | ${cell(p.write)} | ${cell(p.why)} |`),
    '',
    '## Voice',
    '',
    ...glossary.voice.map((v) => `- **${v.rule}.** ${v.en}`),
    '',
  ].join('\n');
}

if (process.argv[1] === new URL(import.meta.url).pathname && process.argv[2] === '--glossary') {
  writeFileSync(join(ROOT, 'docs/glossary.md'), glossaryMarkdown(JSON.parse(readFileSync(join(ROOT, 'docs/glossary.json'), 'utf8'))));
} else if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { strings, problems } = checkRepository();
  for (const p of problems) console.log(`${p.file}:${p.line}  ${p.problem}\n    ${p.sv}`);
  console.log(`${strings.length} Swedish strings, ${problems.length} problems`);
  process.exitCode = problems.length ? 1 : 0;
}
