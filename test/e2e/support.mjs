// Shared by the end-to-end tests: a static server for dist/ that behaves like a plain static host
// (GET only: a POST gets 405, as on GitHub Pages or S3), and Debian's Chromium via playwright-core.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, relative } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/chromium-args.mjs';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ on 127.0.0.1 at a free port. Returns its base URL and a close function. */
export async function serveDist(root = process.env.EBET_DIST ?? 'dist') {
  if (!existsSync(root)) throw new Error(`${root} is missing: run npm run build first`);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'Content-Type': 'text/plain' });
      res.end('Method Not Allowed (a static host)');
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(normalize(root))) {
      res.writeHead(403);
      res.end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not Found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(path).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }) };
}

/** Every HTML page of a built site (lib/ and assets/ hold none), as sorted paths from its root. */
export function sitePages(root = process.env.EBET_DIST ?? 'dist', dir = root) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'lib' && name !== 'assets') found.push(...sitePages(root, path));
    } else if (name.endsWith('.html')) {
      found.push(relative(root, path).split('\\').join('/'));
    }
  }
  return found.sort();
}

/** Submits a real form (a top-level navigation, as a shop's page does) from the page to `action` (relative to the page). */
export function submitForm(page, action, fields, charset = 'UTF-8') {
  return page.evaluate(
    ({ action, fields, charset }) => {
      const form = document.createElement('form');
      form.acceptCharset = charset;
      form.method = 'post';
      form.action = new URL(action, location.href).href;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    { action, fields, charset },
  );
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * For a test file: serves the built site and launches Chromium before its tests, closes both after
 * them. The returned object's `server` and `browser` are set once the tests run.
 */
export function useBuiltSite(root) {
  const site = { server: undefined, browser: undefined };
  before(async () => {
    site.server = await serveDist(root);
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** A shop's pay direct form as pasted from its page, with `extra` more hidden inputs (100,000 make 6.8 MB). */
export function hugeForm(stamp, extra) {
  const inputs = Array.from({ length: extra }, (_, i) => `<input type="hidden" name="EXTRA_${i}" value="value number ${i}">`);
  return `<form method="post" action="https://bank.example/pay">
<input type="hidden" name="NB_VERSION" value="0002">
<input type="hidden" name="NB_RCV_ID" value="999999">
<input type="hidden" name="NB_STAMP" value="${stamp}">
<input type="hidden" name="NB_DB_AMOUNT" value="550,00">
<input type="hidden" name="NB_DB_CUR" value="SEK">
<input type="hidden" name="NB_DB_REF" value="1234561">
${inputs.join('\n')}
</form>`;
}

/** Pastes `text` into the text area `box` (a locator) as Chromium does on Ctrl+V: a paste event carrying it, then, unless the page took it, the text inserted with an input event. */
export function pasteText(box, text) {
  return box.evaluate((area, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    area.focus();
    if (area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true }))) {
      area.value = text;
      area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    }
  }, text);
}

/**
 * Holds the session worker's script (which reads a large paste off the page's main thread) until
 * `release()`: what the page does meanwhile is done while a paste is being read. `requested`
 * resolves once the page has asked for the script (so the hold was in force).
 */
export async function holdSessionWorker(page) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let asked;
  const requested = new Promise((resolve) => (asked = resolve));
  let served;
  const continued = new Promise((resolve) => (served = resolve));
  const pattern = '**/session-worker-*.js';
  await page.route(pattern, async (route) => {
    asked();
    await released;
    await route.continue();
    served();
  });
  return {
    requested,
    // Served, then no longer routed (unrouting first would leave the held request without a handler).
    release: async () => {
      release();
      await continued;
      await page.unroute(pattern);
    },
  };
}

/** Collects Content-Security-Policy violations and page errors from the moment it is called. */
export async function watchPage(page) {
  const violations = [];
  const errors = [];
  await page.exposeFunction('__reportCspViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber }),
    );
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { violations, errors };
}

/**
 * Resolves once the page has caught up: every element with a pending update (in the document or any
 * shadow root) has rendered it, a frame has been drawn and the task after it has run, and then no
 * update is pending. A condition, not a fixed sleep: it takes as long as a loaded machine needs.
 */
export function settled(page) {
  return page.evaluate(async () => {
    const pending = () => {
      const found = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.isUpdatePending) found.push(el.updateComplete);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return found;
    };
    for (let updates = pending(); ; updates = pending()) {
      await Promise.all(updates);
      await new Promise((resolve) => window.requestAnimationFrame(() => setTimeout(resolve, 0)));
      if (!pending().length) return;
    }
  });
}

/**
 * Scrolls to the first element each selector finds (elements below the fold, which the page loads as
 * they come into view, as a reader scrolling to them would) and resolves once it is defined and rendered.
 */
export async function scrollToLoad(page, ...selectors) {
  for (const selector of selectors) {
    await page.locator(selector).first().evaluate(async (el) => {
      el.scrollIntoView();
      await customElements.whenDefined(el.localName);
      await el.updateComplete;
    });
  }
}

/** Scrolls to each custom element of the page's light DOM not defined yet (see `scrollToLoad`): the whole page loaded. */
export async function scrollToLoadAll(page) {
  const tags = await page.evaluate(() => [...new Set([...document.body.querySelectorAll(':not(:defined)')].map((el) => el.localName).filter((tag) => tag.includes('-')))]);
  await scrollToLoad(page, ...tags);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page (through the DevTools protocol, not a script tag, so the CSP stays strict). */
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * A shop on another origin that records every request (method, path, URL-encoded body) and
 * answers with a plain page: where the simulator's receipts and cancel/reject navigations land.
 */
export async function serveShop() {
  const received = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, path: req.url, body });
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>shop</title><h1>Shop return page</h1>');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    received,
    close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }),
  };
}
