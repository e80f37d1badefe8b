// The toolkit's Swedish, read as text and checked against docs/glossary.json: the words not to use,
// "ni/er" where the reader is "du", straight quotes where Swedish takes ”…”, times as kl. 05.39, and
// markup that lit-localize would escape. Used by test/node/swedish.test.mjs; `node scripts/swedish.mjs`
// lists every problem with its place, `node scripts/swedish.mjs --glossary` writes docs/glossary.md.
//
// Where the Swedish is:
// - the core and the elements (`src/`, `components/`): the Swedish argument of `text(en, sv)` and of
//   every local helper whose parameter is named `sv`, and variables named `…Sv`; template
//   placeholders become `‹›`, the branches of a `?:` both count;
// - the elements' own strings: the <target>s of components/shared/locales/sv.xlf, and the module
//   built from it (components/shared/locales/sv.ts).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

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

/** The text an expression shows: literals as written, anything computed as a hole, both branches of a `?:`. */
function shown(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
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
  const voice = glossary.voice.filter((v) => v.pattern).map((v) => ({ re: new RegExp(v.pattern, 'giu'), problem: v.rule }));
  return [...avoid, ...voice];
}

/** Straight double quotes used as quotation marks: those of an attribute (name="…"), of JSON ({…}) and around one code word ("format") are code and stay. */
function straightQuotes(sv) {
  let rest = sv.replace(/[\w-]+="[^"]*"/g, '').replace(/"[A-Za-z_][\w.-]*"/g, '');
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

/** Every Swedish string of the repository, each with its problems. */
export function checkRepository(root = ROOT) {
  const glossary = JSON.parse(readFileSync(join(root, 'docs/glossary.json'), 'utf8'));
  const checks = rules(glossary);
  const rel = (path) => relative(root, path);
  const strings = [
    ...['src', 'components'].flatMap((dir) => sourceFiles(join(root, dir)).flatMap((path) => swedishInSource(rel(path), readFileSync(path, 'utf8')))),
    ...swedishInXliff('components/shared/locales/sv.xlf', readFileSync(join(root, 'components/shared/locales/sv.xlf'), 'utf8')),
  ];
  const escaped = escapedInLocaleModule('components/shared/locales/sv.ts', readFileSync(join(root, 'components/shared/locales/sv.ts'), 'utf8'));
  return {
    strings,
    problems: [...strings.flatMap((s) => problemsOf(s.sv, checks).map((problem) => ({ ...s, problem }))), ...escaped],
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
    'One Swedish word per thing, taken from the handbook (*E-betalning Teknisk handbok*, version 0702) and the provider’s incident process where they have one. Every Swedish string in `src/`, `components/` and `components/shared/locales/sv.xlf` is checked against this list by `test/node/swedish.test.mjs`; what each tool looks like in Swedish is on [Svenska](svenska.md).',
    '',
    'This page is made from [`glossary.json`](glossary.json) by `node scripts/swedish.mjs --glossary`; edit the JSON, not this page.',
    '',
    '## Terms',
    '',
    '| English | Svenska | Genus, bestämd form | Handboken | Skriv inte | Anmärkning |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
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
