// The docs site: every docs/<name>.md becomes the page docs/<name>.html inside the toolkit's frame
// (<ebet-shell>), and docs/index.html lists them all, so a new Markdown file is a new page with no
// further work. Markdown is rendered by markdown-it (headings get ids for links); links to other
// .md files become links to their pages. The pages keep the toolkit's strict CSP: no inline script
// or style, only the frame's module script and style sheets. `npm start` renders them on request,
// `vite build` writes them into dist/docs/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';

export const DOCS_DIR = 'docs';

/** The same policy as every page of the toolkit (tools/<name>/index.html). */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/** A heading's id as GitHub makes it, so that `page.md#heading` links work there and here alike. */
export const slugify = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(anchor, { tabIndex: false, slugify });

// Links to another Markdown file go to its page; a wide table or code block scrolls within itself
// (reachable by keyboard) instead of widening the page on a phone.
const defaultLink = markdown.renderer.rules.link_open ?? ((tokens, i, options, env, self) => self.renderToken(tokens, i, options));
markdown.renderer.rules.link_open = (tokens, i, options, env, self) => {
  const href = tokens[i].attrGet('href');
  if (href && !/^[a-z]+:/i.test(href)) tokens[i].attrSet('href', href.replace(/(^|\/)([\w.-]+)\.md(#|$)/, (_, slash, name, rest) => `${slash}${name === 'README' ? 'index' : name}.html${rest}`));
  return defaultLink(tokens, i, options, env, self);
};
markdown.renderer.rules.table_open = () => '<div class="scroll" tabindex="0">\n<table>\n';
markdown.renderer.rules.table_close = () => '</table>\n</div>\n';
// A column's alignment (`---:`) becomes a class: a style attribute would break the strict CSP.
markdown.core.ruler.push('align-class', (state) => {
  for (const token of state.tokens) {
    const align = /^text-align:(left|right|center)$/.exec(token.attrGet?.('style') ?? '');
    if (!align) continue;
    token.attrs = token.attrs.filter(([name]) => name !== 'style');
    token.attrJoin('class', `align-${align[1]}`);
  }
});
// A PNG gets its width and height, so the page keeps its room while it loads (CLS 0).
const defaultImage = markdown.renderer.rules.image;
markdown.renderer.rules.image = (tokens, i, options, env, self) => {
  const src = tokens[i].attrGet('src');
  const file = src && env?.dir && !/^[a-z]+:/i.test(src) ? join(env.dir, src) : null;
  if (file && file.endsWith('.png') && existsSync(file)) {
    const header = readFileSync(file).subarray(16, 24);
    tokens[i].attrSet('width', String(header.readUInt32BE(0)));
    tokens[i].attrSet('height', String(header.readUInt32BE(4)));
  }
  return defaultImage(tokens, i, options, env, self);
};
const defaultFence = markdown.renderer.rules.fence;
markdown.renderer.rules.fence = (tokens, i, options, env, self) =>
  defaultFence(tokens, i, options, env, self).replace('<pre>', '<pre tabindex="0">');

/** One page of the docs: its source file, title (its first heading) and summary (its first paragraph's first sentence). */
export function docsPages(root) {
  const dir = join(root, DOCS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const source = readFileSync(join(dir, file), 'utf8');
      const tokens = markdown.parse(source, {});
      const title = tokens.find((t, i) => t.type === 'inline' && tokens[i - 1]?.type === 'heading_open')?.content ?? basename(file, '.md');
      const paragraph = tokens.find((t, i) => t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open')?.content ?? '';
      const summary = paragraph.split(/(?<=[.!?])\s/)[0].replace(/\s+/g, ' ');
      return { name: basename(file, '.md'), file: join(dir, file), source, title, summary };
    });
}

const escapeHtml = (value) => value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
/** The title as plain text (no Markdown code marks). */
const plain = (title) => title.replace(/`/g, '');

/** The pages written in Swedish (`lang="sv"`); every other page is in English. */
const SWEDISH_PAGES = new Set(['svenska']);

/** A page's language: `sv` for the pages written in Swedish, else `en`. */
export const pageLang = (name) => (SWEDISH_PAGES.has(name) ? 'sv' : 'en');

/**
 * A page in the frame, in its own language (`<html lang>` and the article's `lang`, which stays when
 * the frame switches the interface's language); its title and the link to the index follow the
 * interface's language (`<title data-en data-sv>`, read by <ebet-shell>). The live elements' script
 * only where the page shows elements.
 */
function frame(title, body, lang = 'en') {
  const script = /<ebet-(?!shell)[a-z-]+/.test(body) ? '../components/shared/docs-page.ts' : '../components/ebet-shell/define.ts';
  const titles = { en: `${escapeHtml(plain(title.en))} — ebet-toolkit docs`, sv: `${escapeHtml(plain(title.sv))} – dokumentation för ebet-toolkit` };
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="${CSP}">
    <title data-en="${titles.en}" data-sv="${titles.sv}">${titles[lang]}</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/toolkit.css">
    <link rel="stylesheet" href="/docs.css">
    <script type="module" src="${script}"></script>
  </head>
  <body>
    <ebet-shell home="../"><article class="docs" lang="${lang}">
<p class="docs-nav"><a href="./"><span class="t" lang="en">Documentation</span><span class="t" lang="sv">Dokumentation</span></a></p>
${body}
    </article></ebet-shell>
  </body>
</html>
`;
}

/** docs/<name>.html of one Markdown file. */
export function renderPage(page) {
  return frame({ en: page.title, sv: page.title }, markdown.render(page.source, { dir: dirname(page.file) }), pageLang(page.name));
}

/**
 * The docs index's groups, by what the reader wants to do, each with its pages in order. A page
 * listed nowhere goes under the last group, so a new Markdown file is on the index with no further work.
 */
export const DOCS_GROUPS = [
  { id: 'mac', en: 'Debug a MAC', sv: 'Felsök en MAC', pages: ['calculator', 'protocol'] },
  { id: 'form', en: 'Check a shop’s form', sv: 'Kontrollera en butiks formulär', pages: ['test-page', 'bookmarklet', 'html-parsing'] },
  { id: 'har', en: 'Read a HAR file or a shop’s log', sv: 'Läs en HAR-fil eller en butiks logg', pages: ['session', 'decoder'] },
  { id: 'checkout', en: 'Embed the checkout', sv: 'Bygg in betalknappen', pages: ['checkout', 'elements', 'frameworks'] },
  { id: 'server', en: 'Sign on a server', sv: 'Signera på en server', pages: ['recipes', 'package', 'security'] },
  { id: 'incident', en: 'Handle an incident', sv: 'Hantera en incident', pages: ['incident'] },
  { id: 'about', en: 'About the toolkit', sv: 'Om verktygen', pages: ['svenska', 'glossary', 'architecture', 'bench', 'lighthouse'] },
];

/** Both languages of a short text; <html lang> (the interface's language) shows one. */
const both = (en, sv) => `<span class="t" lang="en">${en}</span><span class="t" lang="sv">${sv}</span>`;

/** docs/index.html: every page with its summary, grouped by task. */
export function renderIndex(pages) {
  const item = (p) => `<li lang="${pageLang(p.name)}"><a href="${p.name}.html">${markdown.renderInline(p.title)}</a>${p.summary ? ` — ${markdown.renderInline(p.summary)}` : ''}</li>`;
  const listed = new Set(DOCS_GROUPS.flatMap((g) => g.pages));
  const sections = DOCS_GROUPS.map((group, i) => {
    const named = group.pages.map((name) => pages.find((p) => p.name === name)).filter(Boolean);
    const rest = i === DOCS_GROUPS.length - 1 ? pages.filter((p) => !listed.has(p.name)) : [];
    return `<h2 id="${group.id}">${both(group.en, group.sv)}</h2>\n<ul class="docs-index">\n${[...named, ...rest].map(item).join('\n')}\n</ul>`;
  });
  return frame({ en: 'Documentation', sv: 'Dokumentation' }, `<h1>${both('Documentation', 'Dokumentation')}</h1>\n${sections.join('\n')}`);
}

/** Page path in the site (`docs/<name>.html`) → its HTML. */
export function docsSite(root) {
  const pages = docsPages(root);
  const site = { [`${DOCS_DIR}/index.html`]: renderIndex(pages) };
  for (const page of pages) site[`${DOCS_DIR}/${page.name}.html`] = renderPage(page);
  return site;
}

/** The pages as build inputs for vite.config.ts (absolute paths of files that are never written). */
export function docsInputs(root) {
  return Object.fromEntries(Object.keys(docsSite(root)).map((path) => [path.replace(/\.html$/, '').replace('/', '-'), resolve(root, path)]));
}

/** The Vite plugin: pages rendered on request under `npm start`, and as build inputs loaded from memory. */
export function docsPagesPlugin(root) {
  const pageOf = (id) => {
    const path = resolve(id).slice(resolve(root).length + 1).split('\\').join('/');
    return path.startsWith(`${DOCS_DIR}/`) && path.endsWith('.html') ? path : null;
  };
  return {
    name: 'ebet-docs-pages',
    resolveId(id) {
      const path = pageOf(id.startsWith(root) ? id : join(root, id));
      const name = path && basename(path, '.html');
      return name && (name === 'index' || existsSync(join(root, DOCS_DIR, `${name}.md`))) ? resolve(root, path) : null;
    },
    load(id) {
      const path = pageOf(id);
      return path ? (docsSite(root)[path] ?? null) : null;
    },
    configureServer(server) {
      server.watcher.add(join(root, DOCS_DIR));
      server.middlewares.use(async (req, res, next) => {
        let path = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\//, '');
        if (path === `${DOCS_DIR}/`) path = `${DOCS_DIR}/index.html`;
        const html = docsSite(root)[path];
        if (html === undefined) return next();
        try {
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(await server.transformIndexHtml(`/${path}`, html));
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
