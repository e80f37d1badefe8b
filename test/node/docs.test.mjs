// The documentation: a short README, every link in it and in docs/ resolving (files, folders and
// #headings), the protocol page as the core's field table renders it, and every docs/*.md a page
// of the built site in the toolkit's frame with its CSP.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCS_GROUPS, docsPages, docsSite, slugify } from '../../scripts/docs-pages.mjs';
import { loadCore, PAGE as PROTOCOL, renderPage as renderProtocol, ROOT } from '../../scripts/protocol-reference.mjs';

const DOCS = join(ROOT, 'docs');
const markdownFiles = [join(ROOT, 'README.md'), join(ROOT, 'CHANGELOG.md'), ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => join(DOCS, f))];

/** Links and images of a Markdown file (inline `[text](target)` and HTML `href`/`src`), outside code. */
function links(source) {
  const prose = source.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)|(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
}

/** The ids a Markdown file's headings get (GitHub's and the docs site's alike), and explicit ids. */
function anchors(file) {
  const source = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  const headings = [...source.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugify(m[1].replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')));
  return new Set([...headings, ...[...source.matchAll(/id="([^"]+)"/g)].map((m) => m[1])]);
}

/**
 * Where a relative link lands: in the repository, or — for the site's own paths from a docs page,
 * such as `../shop/` — in `public/`, which the site serves from its root.
 */
function target(from, path) {
  const inRepo = join(dirname(from), path);
  if (existsSync(inRepo)) return inRepo;
  const site = relative(ROOT, inRepo);
  return existsSync(join(ROOT, 'public', site)) ? join(ROOT, 'public', site) : null;
}

test('the README is short: at most 300 lines, with exactly the two set-up commands', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.ok(readme.split('\n').length <= 300, `${readme.split('\n').length} lines`);
  const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].trim());
  assert.deepEqual(commands, ['npm install && npm start', 'npm install && npm test']);
  assert.match(readFileSync(join(ROOT, '.ci/run'), 'utf8'), /^npm install && npm test$/m, 'CI runs the README’s test command');
});

test('every link in the README, the changelog and docs/ resolves: files, folders and #headings', () => {
  const broken = [];
  let checked = 0;
  for (const file of markdownFiles) {
    for (const link of links(readFileSync(file, 'utf8'))) {
      if (/^(https?|mailto|data):/.test(link)) continue;
      checked++;
      const [path, hash] = link.split('#');
      const landed = path ? target(file, decodeURIComponent(path)) : file;
      const where = `${relative(ROOT, file)}: ${link}`;
      if (!landed) broken.push(`${where} (no such file)`);
      else if (hash && landed.endsWith('.md') && !anchors(landed).has(hash)) broken.push(`${where} (no such heading)`);
      else if (hash && !landed.endsWith('.md')) broken.push(`${where} (an anchor into a file that is no page)`);
      if (file.startsWith(DOCS) && landed?.endsWith('.md') && dirname(landed) !== DOCS) broken.push(`${where} (a docs page may only link to docs pages: it is on the site)`);
    }
  }
  assert.ok(checked > 40, `only ${checked} links checked`);
  assert.deepEqual(broken, []);
});

test('the docs index is grouped by task, lists every page once, and says nothing of how the project was made', () => {
  const index = docsSite(ROOT)['docs/index.html'];
  assert.deepEqual(
    DOCS_GROUPS.map((g) => g.en),
    ['Debug a MAC', 'Check a shop’s form', 'Read a HAR file or a shop’s log', 'Embed the checkout', 'Sign on a server', 'Handle an incident', 'About the toolkit'],
  );
  const headings = [...index.matchAll(/<h2 id="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(headings, DOCS_GROUPS.map((g) => g.id));
  const listed = [...index.matchAll(/<li lang="\w+"><a href="([\w-]+)\.html">/g)].map((m) => m[1]);
  assert.deepEqual([...listed].sort(), docsPages(ROOT).map((p) => p.name).sort(), 'every page, once');
  assert.doesNotMatch(index, /\bissue \d|#\d{2}\b/i);
  // The group of each task's first page: the MAC under MAC, the HAR under HAR.
  const under = (id) => index.slice(index.indexOf(`<h2 id="${id}">`)).split('<h2')[1];
  assert.match(under('mac'), /href="calculator\.html"/);
  assert.match(under('har'), /href="session\.html"/);
  assert.match(under('incident'), /href="incident\.html"/);
});

test('a docs page written in Swedish is served as Swedish (lang="sv"), its title and the link to the index in both languages', () => {
  const site = docsSite(ROOT);
  assert.match(site['docs/svenska.html'], /<html lang="sv">/);
  assert.match(site['docs/svenska.html'], /<article class="docs" lang="sv">/);
  assert.match(site['docs/glossary.html'], /<html lang="en">/);
  assert.match(site['docs/svenska.html'], /<title data-en="Svenska — ebet-toolkit docs" data-sv="Svenska – dokumentation för ebet-toolkit">/);
  assert.match(site['docs/incident.html'], /<span class="t" lang="en">Documentation<\/span><span class="t" lang="sv">Dokumentation<\/span>/);
});

test('the link check finds a missing file and a missing heading', () => {
  assert.equal(target(join(DOCS, 'x.md'), 'no-such-page.md'), null);
  assert.ok(target(join(DOCS, 'x.md'), '../shop/index.html'), 'a page of the site from public/');
  assert.ok(!anchors(join(DOCS, 'architecture.md')).has('no-such-heading'));
  assert.ok(anchors(join(DOCS, 'architecture.md')).has('languages'));
});

test('docs/protocol.md is what the core’s field table renders (run `npm run docs` when this fails)', async () => {
  assert.equal(readFileSync(PROTOCOL, 'utf8'), renderProtocol(await loadCore()));
});

test('every docs/*.md is a page of the built site, in the frame, under the strict CSP, listed on docs/index.html', () => {
  const dist = process.env.EBET_DIST ?? join(ROOT, 'dist');
  assert.ok(existsSync(join(dist, 'index.html')), 'run npm run build first');
  const index = readFileSync(join(dist, 'docs/index.html'), 'utf8');
  const pages = docsPages(ROOT);
  assert.equal(pages.length, readdirSync(DOCS).filter((f) => f.endsWith('.md')).length);
  for (const page of pages) {
    const path = join(dist, 'docs', `${page.name}.html`);
    assert.ok(existsSync(path) && statSync(path).size > 0, `${page.name}.html built`);
    const html = readFileSync(path, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self';/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|\son[a-z]+=/i, `${page.name}: no inline script, style or handler`);
    assert.match(html, /<ebet-shell home="\.\.\/">/);
    assert.ok(index.includes(`href="${page.name}.html"`), `${page.name} listed`);
    assert.doesNotMatch(html, /href="[^"]*\.md["#]/, `${page.name}: links go to pages, not Markdown files`);
  }
});
