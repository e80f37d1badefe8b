/**
 * Reads fields out of whatever a user pastes: an HTML form or the bank's answer page (hidden
 * inputs), a query string or `application/x-www-form-urlencoded` body, `NAME=value` or
 * `NAME: value` lines, JSON, or a devtools "copy as cURL / fetch" command.
 *
 * HTML is read as the browser submits it (see html-form.ts): parsed by parse5 into plain objects,
 * never into a DOM, nothing executed, in the browser and in Node alike. Nothing here throws on
 * bad input: every problem is reported with where it is and what would be right.
 *
 * The HTML reader (parse5) is registered by importing html-reader.ts, as the package's entry does,
 * or loaded on demand by `loadHtmlReader()`, as the standalone core (`lib/ebet-core.js`) and the
 * site's pages do once a paste may hold HTML (components/shared/html-reader.ts). A page that needs
 * it before it is there is not read: the problem `html-reader-not-loaded` says to load it.
 */
import { closestKnown, KNOWN_FIELDS } from '../protocol/fields.ts';
import type { PageForm, readPageForms as HtmlReader } from './html-form.ts';
import { readPlainForms } from './html-plain.ts';
import type { FieldEntry } from '../protocol/message.ts';
import { excerpt, quoted, text, type Text } from '../protocol/text.ts';

export type InputFormat = 'html' | 'urlencoded' | 'lines' | 'json' | 'curl' | 'fetch';

export const INPUT_FORMAT_NAMES: Readonly<Record<InputFormat, Text>> = {
  html: text('HTML form', 'HTML-formulär'),
  urlencoded: text('URL-encoded body / query string', 'URL-kodad POST-data / query string'),
  lines: text('NAME=value lines', 'NAMN=värde-rader'),
  json: text('JSON', 'JSON'),
  curl: text('cURL command', 'cURL-kommando'),
  fetch: text('fetch() call', 'fetch()-anrop'),
};

export interface ParseProblem {
  readonly level: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: Text;
  /** The field concerned, when there is one. */
  readonly field?: string;
  /** 1-based character position in the input, when there is one. */
  readonly position?: number;
}

export interface ParseResult {
  readonly format: InputFormat | null;
  /** Every field read, in order, duplicates included. */
  readonly entries: FieldEntry[];
  /** Name → value; the first occurrence of a duplicated name. */
  readonly fields: Record<string, string>;
  /** Names that occur more than once. */
  readonly duplicates: string[];
  /** Names the handbook does not define. */
  readonly unknown: string[];
  readonly problems: ParseProblem[];
  /** HTML: the `action` attribute (as written) and the method of the form read, when it is a `<form>`. */
  readonly action?: string;
  readonly method?: string;
  /** HTML: the form read — the first one sending an NB_ field (index null: inputs outside any form). */
  readonly form?: HtmlFormSummary;
  /** HTML: the page's other forms (and inputs outside any form), listed, never read. */
  readonly otherForms?: HtmlFormSummary[];
}

interface Draft {
  format: InputFormat | null;
  entries: FieldEntry[];
  problems: ParseProblem[];
  action?: string;
  method?: string;
  form?: HtmlFormSummary;
  otherForms?: HtmlFormSummary[];
  /** The name → value record of `entries`, when a reader made it already (their names are then unique). */
  fields?: Record<string, string>;
}

let readPageForms: typeof HtmlReader | undefined;

/** Sets the reader of HTML (html-reader.ts sets html-form.ts's on import). */
export function setHtmlReader(reader: typeof HtmlReader): void {
  readPageForms = reader;
}

/** Whether HTML can be read: html-reader.ts has been imported, or `loadHtmlReader()` has loaded it. */
export function hasHtmlReader(): boolean {
  return readPageForms !== undefined;
}

/**
 * Loads the reader of HTML (html-form.ts, on parse5: about 46 kB gzipped) and registers it, once;
 * resolves at once when it is there (the package's entry imports it). In the standalone core it is
 * a chunk of its own, fetched by this call; rejects only when that fetch fails (call it again).
 */
export async function loadHtmlReader(): Promise<void> {
  if (!readPageForms) setHtmlReader((await import('./html-form.ts')).readPageForms);
}

/**
 * Reads fields from pasted text. Never throws on bad input (see `problems`). A plain page (hidden
 * inputs) is read at once; any other HTML needs the HTML reader (`loadHtmlReader()`, or html-reader.ts
 * imported), and until it is there gives the problem `html-reader-not-loaded` instead of fields.
 */
export function parseFields(input: string): ParseResult {
  const draft: Draft = { format: null, entries: [], problems: [] };
  if (typeof input !== 'string' || input.trim() === '') {
    draft.problems.push({
      level: 'error',
      code: 'empty',
      message: text(
        'Nothing to read: paste a form, a POST body, a query string, NAME=value lines or JSON',
        'Inget att läsa: klistra in ett formulär, POST-data, en query string, NAMN=värde-rader eller JSON',
      ),
    });
    return finish(draft);
  }
  const binary = /[\x00-\x08\x0e-\x1f]/.exec(input);
  if (binary) {
    draft.problems.push({
      level: 'error',
      code: 'binary',
      position: binary.index + 1,
      message: text(
        `This looks like binary data, not text (control character U+${binary[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} at position ${binary.index + 1}); paste the text of the form or body`,
        `Det här ser ut som binärdata, inte text (styrtecknet U+${binary[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} på position ${binary.index + 1}); klistra in formuläret eller POST-datan som text`,
      ),
    });
    return finish(draft);
  }
  const trimmed = input.trim();
  if (/^not found$/i.test(trimmed)) {
    draft.problems.push({
      level: 'error',
      code: 'not-found',
      message: text(
        'This is the bank’s "Not Found" answer: it means the request’s MAC did not verify (wrong key, string or encoding)',
        'Det här är bankens svar ”Not Found”: det betyder att förfrågans MAC inte kunde verifieras (fel nyckel, sträng eller teckenkodning)',
      ),
    });
    return finish(draft);
  }
  if (/^[[{]/.test(trimmed)) readJson(trimmed, draft);
  else if (/^curl\s/i.test(trimmed)) readCurl(trimmed, draft);
  else if (/\bfetch\s*\(/.test(trimmed)) readFetch(trimmed, draft);
  else if (/<\s*(input|form|select|textarea|html|body|table|!doctype)\b/i.test(trimmed)) readHtml(input, draft);
  else if (looksLikeLines(trimmed)) readLines(input, draft);
  else readUrlEncoded(trimmed.replace(/^[^=&]*\?/, ''), draft, 'urlencoded', leadingTextOffset(trimmed));
  return finish(draft);
}

/** How many unknown names get a warning of their own, with a "did you mean". */
const LISTED_UNKNOWN = 100;

function finish(draft: Draft): ParseResult {
  // Per name its first value (in `fields`, names in the order first seen); for names given more
  // than once, how often and the first three values.
  const fields: Record<string, string> = draft.fields ?? {};
  const names: string[] = [];
  let repeated: Map<string, { count: number; shown: string[] }> | undefined;
  if (draft.fields) for (const { name } of draft.entries) names.push(name);
  else for (const { name, value } of draft.entries) {
    if (!Object.hasOwn(fields, name)) {
      setOwn(fields, name, value);
      names.push(name);
    } else {
      repeated ??= new Map();
      const tally = repeated.get(name);
      if (!tally) repeated.set(name, { count: 2, shown: [fields[name]!, value] });
      else if (tally.count++ < 3) tally.shown.push(value);
    }
  }
  const duplicates: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    if (repeated?.has(name)) duplicates.push(name);
    if (!KNOWN_FIELDS.has(name)) unknown.push(name);
  }
  for (const name of duplicates) {
    const { count, shown: values } = repeated!.get(name)!;
    const cut = values.map((v) => (v.length > 40 ? `${v.slice(0, 40)}…` : v));
    const more = count - cut.length;
    const named = excerpt(name);
    draft.problems.push({
      level: 'warning',
      code: 'duplicate',
      field: name,
      message: text(
        `${named.en} appears ${count} times (${cut.map((v) => quoted(v)).join(', ')}${more ? ` and ${more} more` : ''}); the first is used — remove the others`,
        `${named.sv} förekommer ${count} gånger (${cut.map((v) => quoted(v, 'sv')).join(', ')}${more ? ` och ${more} till` : ''}); det första används — ta bort de andra`,
      ),
    });
  }
  // Each of the first unknown names gets its warning and "did you mean"; a log of thousands of
  // other fields gets one line for the rest.
  for (const name of unknown.slice(0, LISTED_UNKNOWN)) {
    const guess = closestKnown(name);
    const named = excerpt(name);
    draft.problems.push({
      level: 'warning',
      code: 'unknown-field',
      field: name,
      message: guess
        ? text(`${named.en} is not a field of the handbook; did you mean ${guess}?`, `${named.sv} är inget fält i handboken; menade du ${guess}?`)
        : text(`${named.en} is not a field of the handbook`, `${named.sv} är inget fält i handboken`),
    });
  }
  const more = unknown.length - LISTED_UNKNOWN;
  if (more > 0) {
    draft.problems.push({
      level: 'warning',
      code: 'unknown-fields',
      message: text(
        `${more} more fields are not fields of the handbook (${unknown.slice(LISTED_UNKNOWN, LISTED_UNKNOWN + 3).map((n) => excerpt(n).en).join(', ')}, …)`,
        `Ytterligare ${more} fält finns inte i handboken (${unknown.slice(LISTED_UNKNOWN, LISTED_UNKNOWN + 3).map((n) => excerpt(n).sv).join(', ')}, …)`,
      ),
    });
  }
  if (draft.format && draft.entries.length === 0 && !draft.problems.some((p) => p.level === 'error')) {
    draft.problems.push({
      level: 'error',
      code: 'no-fields',
      message: text(
        `No fields found in this ${INPUT_FORMAT_NAMES[draft.format].en}`,
        `Inga fält hittades (läst som ${INPUT_FORMAT_NAMES[draft.format].sv})`,
      ),
    });
  }
  return {
    format: draft.format,
    entries: draft.entries,
    fields,
    duplicates,
    unknown,
    problems: draft.problems,
    ...(draft.action !== undefined ? { action: draft.action } : {}),
    ...(draft.method !== undefined ? { method: draft.method } : {}),
    ...(draft.form !== undefined ? { form: draft.form } : {}),
    ...(draft.otherForms !== undefined ? { otherForms: draft.otherForms } : {}),
  };
}

// ---------------------------------------------------------------- HTML

/** A form of a pasted page, as listed in a parse result. */
export interface HtmlFormSummary {
  /** 0-based among the page's `<form>` elements in tree order; null for inputs outside any form. */
  readonly index: number | null;
  /** The `action` attribute as written (absent when the form has none, or for inputs outside any form). */
  readonly action?: string;
  /** The method the browser uses: `get`, `post` or `dialog` (absent for inputs outside any form). */
  readonly method?: string;
  /** The names the form sends, in order. */
  readonly names: string[];
  /** 1-based character position of the form's start tag (of the first input outside any form). */
  readonly position: number;
}

/** The method a form submits with: its method attribute when valid (ASCII case-insensitive), else get. */
function formMethod(written: string | undefined): string {
  const method = written?.toLowerCase() ?? 'get';
  return method === 'post' || method === 'dialog' ? method : 'get';
}

function summary(form: PageForm): HtmlFormSummary {
  return {
    index: form.index,
    ...(form.action !== undefined ? { action: form.action } : {}),
    ...(form.index !== null ? { method: formMethod(form.method) } : {}),
    names: form.entries.map((e) => e.name),
    position: form.position,
  };
}

function describeForm(form: HtmlFormSummary, lang: 'en' | 'sv'): string {
  const shown = form.names.slice(0, 5).map((n) => excerpt(n)[lang]).join(', ') + (form.names.length > 5 ? ', …' : '');
  const fields = form.names.length ? shown : lang === 'en' ? 'no fields' : 'inga fält';
  if (form.index === null) return lang === 'en' ? `inputs outside any form (${fields})` : `fält utanför formulär (${fields})`;
  const action = form.action !== undefined ? ` action="${excerpt(form.action)[lang]}"` : '';
  return lang === 'en'
    ? `form ${form.index + 1} at position ${form.position} (method ${form.method}${action}; ${fields})`
    : `formulär ${form.index + 1} på position ${form.position} (metod ${form.method}${action}; ${fields})`;
}

/** The first forms described, and how many more (a page of a thousand forms makes one short message). */
function describeForms(forms: readonly HtmlFormSummary[], lang: 'en' | 'sv'): string {
  const shown = forms.slice(0, 5).map((form) => describeForm(form, lang)).join('; ');
  const more = forms.length - 5;
  return more > 0 ? `${shown}${lang === 'en' ? ` and ${more} more` : ` och ${more} till`}` : shown;
}

/**
 * How deep parse5 is let nest a page: Chromium's parser nests no deeper than 512 elements (it adds
 * the rest beside the 512th), and parse5, which has no such limit, searches its stack of open
 * elements at each tag, so 100,000 unclosed `<div>` take it minutes.
 */
export const MAX_HTML_DEPTH = 512;
/** Elements that never hold others, or that the next of their kind closes: they nest no deeper. */
const FLAT = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dd', 'dt', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup', 'caption', 'rb', 'rp', 'rt', 'rtc',
  'html', 'head', 'body', 'form', 'table',
]);
/** Elements whose text is not markup, up to their end tag (found by these). */
const RAW_TEXT = new Map(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext'].map((name) => [name, new RegExp(`</${name}`, 'gi')]));
const TAG_NAME = /[a-z][a-z0-9-]*/iy;

/**
 * Where the page's start tags, less its end tags, first exceed `MAX_HTML_DEPTH` (0-based; -1 when
 * never): a bound from above on how deep its elements nest, read in one pass (comments, quoted
 * attribute values and raw text skipped). It never misses a deep page; a page it calls deep is
 * one no shop sends.
 */
function tooDeepAt(html: string): number {
  let depth = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) return -1;
      lt = end + 2;
      continue;
    }
    const start = lt;
    const close = html.charCodeAt(lt + 1) === 47;
    TAG_NAME.lastIndex = lt + (close ? 2 : 1);
    if (!TAG_NAME.test(html)) continue;
    const name = html.slice(lt + (close ? 2 : 1), TAG_NAME.lastIndex).toLowerCase();
    // The rest of the tag, with its quoted attribute values.
    let i = TAG_NAME.lastIndex;
    for (; i < html.length && html[i] !== '>'; i++) {
      const c = html[i];
      if ((c === '"' || c === "'") && /=\s*$/.test(html.slice(Math.max(lt, i - 8), i))) {
        const quote = html.indexOf(c, i + 1);
        if (quote < 0) return -1;
        i = quote;
      }
    }
    lt = i;
    if (close) {
      if (!FLAT.has(name) && depth > 0) depth--;
    } else if (RAW_TEXT.has(name)) {
      const end = RAW_TEXT.get(name)!;
      end.lastIndex = i;
      if (!end.test(html)) return -1;
      lt = end.lastIndex - 1;
    } else if (!FLAT.has(name) && ++depth > MAX_HTML_DEPTH) return start;
  }
  return -1;
}

/**
 * Reads the page's E-betalning form, as the browser submits it: the first form (or the inputs
 * outside any form) sending an NB_ field. The other forms are listed, never merged in.
 */
function readHtml(html: string, draft: Draft): void {
  draft.format = 'html';
  // A plain page (an answer page, a form of hidden inputs) is read without parse5, as fast as a log needs.
  const plain = readPlainForms(html);
  if (!plain && !readPageForms) {
    draft.problems.push({
      level: 'error',
      code: 'html-reader-not-loaded',
      message: text(
        'This HTML needs the full HTML reader (parse5), which is not loaded yet: call await loadHtmlReader() once, then read it again',
        'Den här HTML-koden behöver den fullständiga HTML-läsaren (parse5), som inte är inläst än: anropa await loadHtmlReader() en gång och läs den sedan igen',
      ),
    });
    return;
  }
  const deep = plain ? -1 : tooDeepAt(html);
  if (deep >= 0) {
    draft.problems.push({
      level: 'error',
      code: 'html-too-deep',
      position: deep + 1,
      message: text(
        `This page nests its elements more than ${MAX_HTML_DEPTH} deep (start tags without end tags, at position ${deep + 1}), deeper than a browser builds a page; it was not read. Paste the form alone`,
        `Sidan lägger sina element mer än ${MAX_HTML_DEPTH} nivåer djupt (starttaggar utan sluttaggar, på position ${deep + 1}), djupare än en webbläsare bygger en sida; den lästes inte. Klistra in formuläret ensamt`,
      ),
    });
    return;
  }
  const { forms, outside } = plain ?? readPageForms!(html);
  const candidates = outside ? [...forms, outside] : forms;
  const chosen = candidates.find((form) => form.entries.some((e) => /^nb_/i.test(e.name)));
  const others = candidates.filter((form) => form !== chosen).map(summary);
  draft.otherForms = others;
  if (!chosen) {
    if (candidates.some((form) => form.entries.length > 0)) {
      const list = (lang: 'en' | 'sv') => describeForms(others, lang);
      draft.problems.push({
        level: 'error',
        code: 'no-ebet-form',
        position: candidates[0]!.position,
        message: text(
          `This page has no E-betalning form (none sends an NB_ field); it has ${list('en')}`,
          `Sidan har inget E-betalningsformulär (inget skickar ett NB_-fält); den har ${list('sv')}`,
        ),
      });
    }
    return;
  }
  draft.form = summary(chosen);
  if (chosen.index !== null) {
    draft.action = chosen.action ?? '';
    draft.method = formMethod(chosen.method);
  }
  for (const { name, value, position } of chosen.entries) {
    if (name !== name.trim()) {
      const named = excerpt(name);
      draft.problems.push({
        level: 'warning',
        code: 'name-whitespace',
        field: name.trim(),
        position,
        message: text(
          `The input at position ${position} is named "${named.en}" with spaces; the bank reads it as a different field`,
          `Fältet på position ${position} heter ”${named.sv}” med mellanslag; banken läser det som ett annat fält`,
        ),
      });
    }
    draft.entries.push({ name, value });
  }
  const read = others.filter((form) => form.names.length > 0);
  if (read.length) {
    draft.problems.push({
      level: 'info',
      code: 'other-forms',
      message: text(
        `Read ${describeForm(draft.form, 'en')}; not read, as the browser sends them separately: ${describeForms(read, 'en')}`,
        `Läste ${describeForm(draft.form, 'sv')}. Lästes inte (webbläsaren skickar dem separat): ${describeForms(read, 'sv')}`,
      ),
    });
  }
  if (draft.method !== undefined && draft.method !== 'post') {
    const written = chosen.method === undefined ? 'none, so get' : chosen.method;
    const skrivet = chosen.method === undefined ? 'ingen, alltså get' : chosen.method;
    draft.problems.push({
      level: 'warning',
      code: 'form-method',
      position: chosen.position,
      message: text(
        `The form's method is "${written}"; the handbook requires method="post"`,
        `Formulärets metod är ”${skrivet}”; handboken kräver method="post"`,
      ),
    });
  }
}

// ---------------------------------------------------------------- URL-encoded

/** Decodes UTF-8 bytes, or returns null when they are not valid UTF-8. */
function decodeUtf8(bytes: readonly number[]): string | null {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return null;
    let code = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return null;
      code = (code << 6) | (c & 0x3f);
    }
    if ((extra === 2 && code < 0x800) || (extra === 3 && (code < 0x10000 || code > 0x10ffff)) || (code >= 0xd800 && code <= 0xdfff)) return null;
    out += String.fromCodePoint(code);
    i += extra + 1;
  }
  return out;
}

interface Decoded {
  value: string;
  latin1: boolean;
  badEscape: number;
}

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);

/**
 * Form decoding: `+` is a space, `%XX` a byte; each run of bytes is read as UTF-8, else as
 * ISO-8859-1. The text between escapes is copied in runs, not character by character.
 */
export function decodeFormComponent(raw: string): Decoded {
  if (!raw.includes('%') && !raw.includes('+')) return { value: raw, latin1: false, badEscape: -1 };
  let badEscape = -1;
  let latin1 = false;
  let value = '';
  let bytes: number[] = [];
  /** Where the text not yet copied starts. */
  let start = 0;
  const flushBytes = () => {
    if (!bytes.length) return;
    const utf8 = decodeUtf8(bytes);
    if (utf8 === null) latin1 = true;
    if (utf8 !== null) value += utf8;
    // In slices: a spread of a megabyte of escapes would overflow the stack.
    else for (let i = 0; i < bytes.length; i += 8192) value += String.fromCharCode(...bytes.slice(i, i + 8192));
    bytes = [];
  };
  const copy = (end: number) => {
    if (end <= start) return;
    flushBytes();
    value += raw.slice(start, end).replaceAll('+', ' ');
  };
  for (let i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
    if (isHex(raw.charCodeAt(i + 1)) && isHex(raw.charCodeAt(i + 2))) {
      copy(i);
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      start = i + 3;
      i += 2;
    } else if (badEscape < 0) badEscape = i;
  }
  copy(raw.length);
  flushBytes();
  return { value, latin1, badEscape };
}

function leadingTextOffset(trimmed: string): number {
  const q = /^[^=&]*\?/.exec(trimmed);
  return q ? q[0].length : 0;
}

const isNameStart = (c: number): boolean => c === 95 || ((c | 32) >= 97 && (c | 32) <= 122);
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;

/**
 * Where the first `name=` starts, as `/[A-Za-z_][A-Za-z0-9_.-]*=/` finds it (-1 when none), in one
 * pass: that regex tries again from every position of a long run of name characters without an
 * `=` (a JWT, hex, `NB_NB_…`), which takes quadratic time. Here each `=` looks back over the run
 * of name characters before it, and the runs before two `=` never overlap.
 */
function firstNameAt(body: string): number {
  for (let eq = body.indexOf('='), from = 0; eq >= 0; from = eq + 1, eq = body.indexOf('=', from)) {
    let start = eq;
    while (start > from && isNameChar(body.charCodeAt(start - 1))) start--;
    for (let i = start; i < eq; i++) if (isNameStart(body.charCodeAt(i))) return i;
  }
  return -1;
}

function readUrlEncoded(body: string, draft: Draft, format: InputFormat, offset = 0): void {
  draft.format = format;
  let start = 0;
  const first = firstNameAt(body);
  if (first > 0 && !body.slice(0, first).includes('&')) {
    const skipped = excerpt(body.slice(0, first).trim());
    if (skipped) {
      draft.problems.push({
        level: 'info',
        code: 'leading-text',
        position: offset + 1,
        message: text(`Ignored the text before the first field: "${skipped.en}"`, `Texten före första fältet hoppades över: ”${skipped.sv}”`),
      });
    }
    start = first;
  }
  const latin1Fields: string[] = [];
  let position = offset + start;
  for (const part of body.slice(start).trim().split('&')) {
    const here = position + 1;
    position += part.length + 1;
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeFormComponent(eq < 0 ? part : part.slice(0, eq));
    const value = decodeFormComponent(eq < 0 ? '' : part.slice(eq + 1));
    const quotedPart = excerpt(part);
    const quotedName = excerpt(name.value);
    if (eq < 0) {
      draft.problems.push({
        level: 'warning',
        code: 'no-equals',
        field: name.value,
        position: here,
        message: text(
          `"${quotedPart.en}" at position ${here} has no "="; read as the field ${quotedName.en} with an empty value`,
          `”${quotedPart.sv}” på position ${here} saknar ”=”; läses som fältet ${quotedName.sv} med tomt värde`,
        ),
      });
    }
    for (const d of [name, value]) {
      if (d.badEscape >= 0) {
        draft.problems.push({
          level: 'error',
          code: 'bad-escape',
          field: name.value,
          position: here,
          message: text(
            `${quotedName.en}: "%" in "${quotedPart.en}" at position ${here} is not followed by two hexadecimal digits; write a literal % as %25`,
            `${quotedName.sv}: ”%” i ”${quotedPart.sv}” på position ${here} följs inte av två hexadecimala siffror; skriv själva tecknet % som %25`,
          ),
        });
      }
    }
    if (value.latin1) latin1Fields.push(name.value);
    draft.entries.push({ name: name.value, value: value.value });
  }
  if (latin1Fields.length) {
    draft.problems.push({
      level: 'warning',
      code: 'latin1-escapes',
      field: latin1Fields[0],
      message: text(
        `The percent-escapes of ${latin1Fields.map((n) => excerpt(n).en).join(', ')} are not UTF-8; read as ISO-8859-1 (e.g. %E5 = å): the sender encodes in ISO-8859-1, so sign in ISO-8859-1 too`,
        `Procentkodningen i ${latin1Fields.map((n) => excerpt(n).sv).join(', ')} är inte UTF-8 och lästes som ISO-8859-1 (t.ex. %E5 = å): avsändaren använder ISO-8859-1, så signera också i ISO-8859-1`,
      ),
    });
  }
}

// ---------------------------------------------------------------- lines

const LINE = /^\s*([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*([=:])(.*)$/;
/** A line that is not blank (what trim() would not empty). */
const NOT_SPACE = /\S/;

/**
 * Calls `each` with every line of the text (without its LF, nor the CR before it) and its 0-based
 * index, as `text.split('\n')` would give them, without holding them all at once.
 */
function eachLine(text: string, each: (line: string, index: number) => void): void {
  let index = 0;
  for (let start = 0; ; index++) {
    const lf = text.indexOf('\n', start);
    const end = lf < 0 ? text.length : lf;
    each(text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end), index);
    if (lf < 0) return;
    start = lf + 1;
  }
}

function looksLikeLines(trimmed: string): boolean {
  let lines = 0;
  let matching = 0;
  let first = '';
  eachLine(trimmed, (line) => {
    if (!NOT_SPACE.test(line)) return;
    if (lines++ === 0) first = line;
    if (LINE.test(line)) matching++;
  });
  if (lines === 1) return /^\s*[A-Za-z_][A-Za-z0-9_.-]*[ \t]*:/.test(first) && !/^\s*https?:/i.test(first);
  return matching >= 2 && matching * 2 >= lines;
}

function readLines(input: string, draft: Draft): void {
  draft.format = 'lines';
  eachLine(input, (line, index) => {
    if (!NOT_SPACE.test(line) || /^\s*(#|\/\/)/.test(line)) return;
    const m = LINE.exec(line);
    if (!m) {
      const named = excerpt(line.trim());
      draft.problems.push({
        level: 'warning',
        code: 'bad-line',
        message: text(
          `Line ${index + 1} is not NAME=value or NAME: value and was skipped: "${named.en}"`,
          `Rad ${index + 1} är inte NAMN=värde eller NAMN: värde och hoppades över: ”${named.sv}”`,
        ),
      });
      return;
    }
    const [, name, separator, rest] = m as unknown as [string, string, string, string];
    draft.entries.push({ name, value: separator === ':' ? rest.replace(/^ /, '') : rest });
  });
}

// ---------------------------------------------------------------- JSON

function readJson(input: string, draft: Draft): void {
  draft.format = 'json';
  const members = objectMembers(input);
  if (members) {
    readPairs(members.pairs, draft);
    if (members.fields) draft.fields = members.fields;
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (error) {
    const position = jsonErrorPosition(input) + 1;
    const near = input.slice(Math.max(0, position - 11), position + 9);
    draft.problems.push({
      level: 'error',
      code: 'bad-json',
      position,
      message: text(
        `This is not valid JSON: it breaks at position ${position} (near ${quoted(near)}): ${String((error as Error).message)}`,
        `Det här är inte giltig JSON: felet finns vid position ${position} (nära ${quoted(near, 'sv')}): ${String((error as Error).message)}`,
      ),
    });
    return;
  }
  readJsonData(data, draft);
}

/**
 * Reads fields from an already parsed JSON value, as `parseFields(JSON.stringify(data))` does
 * (without writing the text and reading it again): an object of fields, or a list of `{name, value}`.
 */
export function parseJsonFields(data: unknown): ParseResult {
  const draft: Draft = { format: 'json', entries: [], problems: [] };
  readJsonData(data, draft);
  return finish(draft);
}

function readJsonData(data: unknown, draft: Draft): void {
  const pairs: Array<[string, unknown]> = Array.isArray(data)
    ? data.every((item) => item && typeof item === 'object' && 'name' in item && 'value' in item)
      ? data.map((item: { name: unknown; value: unknown }) => [String(item.name), item.value])
      : []
    : data && typeof data === 'object'
      ? Object.entries(data)
      : [];
  if (pairs.length === 0 && !(data && typeof data === 'object' && !Array.isArray(data))) {
    draft.problems.push({
      level: 'error',
      code: 'json-shape',
      message: text(
        'The JSON must be an object of field names and string values, e.g. {"NB_STAMP": "00002"}, or a list of {"name", "value"}',
        'JSON måste vara ett objekt med fältnamn och strängvärden, t.ex. {"NB_STAMP": "00002"}, eller en lista med {"name", "value"}',
      ),
    });
    return;
  }
  readPairs(pairs, draft);
}

function readPairs(pairs: Iterable<[string, unknown]>, draft: Draft): void {
  for (const [name, value] of pairs) {
    if (typeof value === 'string') {
      draft.entries.push({ name, value });
      continue;
    }
    const named = excerpt(name);
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
      draft.entries.push({ name, value: value === null ? '' : String(value) });
      draft.problems.push({
        level: 'warning',
        code: 'json-not-string',
        field: name,
        message: text(
          `${named.en} is a JSON ${value === null ? 'null' : typeof value}, read as "${value ?? ''}"; the exact written form (e.g. 899,00) is lost — send values as strings`,
          `${named.sv} är ${value === null ? 'null i JSON' : typeof value === 'number' ? 'ett JSON-tal' : 'ett sanningsvärde i JSON'} och lästes som ”${value ?? ''}”; den exakta skrivformen (t.ex. 899,00) går förlorad — skicka värden som strängar`,
        ),
      });
    } else {
      draft.problems.push({
        level: 'error',
        code: 'json-nested',
        field: name,
        message: text(`${named.en} holds an object or list; a field's value must be a string`, `${named.sv} innehåller ett objekt eller en lista; ett fälts värde måste vara en sträng`),
      });
    }
  }
}

const JSON_SPACE = /[ \t\n\r]*/y;
const JSON_STRING = /"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*"/y;
const JSON_SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/** Sets an own property, even "__proto__", as JSON.parse would make it. */
function setOwn(record: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  else record[name] = value;
}

/**
 * The members of a JSON object of scalars, as `Object.entries(JSON.parse(input))` gives them,
 * read without building the object (10 MB of fields would make it slow); null for any other
 * text, which JSON.parse then reads or explains. When every value is a string and no name
 * repeats, also the name → value record (the record that finish() would make again).
 */
function objectMembers(input: string): { pairs: Array<[string, unknown]>; fields: Record<string, string> | null } | null {
  let i = 0;
  // Tokens are matched in place (test, not exec) and only values are sliced out: 10 MB of fields
  // make no match arrays.
  const skip = (pattern: RegExp): boolean => {
    pattern.lastIndex = i;
    if (!pattern.test(input)) return false;
    i = pattern.lastIndex;
    return true;
  };
  const space = () => {
    const c = input.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) skip(JSON_SPACE);
  };
  /** The value of the string literal at i (undefined when there is none: JSON.parse never gives that). */
  const string = (): string | undefined => {
    const start = i;
    if (!skip(JSON_STRING)) return undefined;
    const inner = input.slice(start + 1, i - 1);
    return inner.includes('\\') ? (JSON.parse(input.slice(start, i)) as string) : inner;
  };
  const scalar = (): unknown => {
    const start = i;
    return skip(JSON_SCALAR) ? JSON.parse(input.slice(start, i)) : undefined;
  };
  space();
  if (input[i++] !== '{') return null;
  space();
  let pairs: Array<[string, unknown]> = [];
  // Names seen (and their values): one lookup per member finds a repeated name.
  const record: Record<string, unknown> = {};
  let strings = true;
  let repeated = false;
  let indices = false;
  if (input[i] === '}') i++;
  else {
    for (;;) {
      const name = input[i] === '"' ? string() : undefined;
      space();
      if (name === undefined || input[i++] !== ':') return null;
      space();
      const value = input[i] === '"' ? string() : scalar();
      if (value === undefined) return null;
      if (!indices && isArrayIndex(name)) indices = true;
      if (typeof value !== 'string') strings = false;
      if (Object.hasOwn(record, name)) repeated = true;
      setOwn(record, name, value);
      pairs.push([name, value]);
      space();
      const c = input[i++];
      if (c === '}') break;
      if (c !== ',') return null;
      space();
    }
  }
  space();
  if (i !== input.length) return null;
  if (repeated) {
    // A name given twice keeps its first place and its last value, as in JSON.parse's object.
    const members = new Map<string, unknown>();
    for (const [name, value] of pairs) members.set(name, value);
    pairs = [...members];
  }
  // Object.entries lists array indices first, in ascending order (the record does too).
  if (indices) pairs = [...pairs.filter(([name]) => isArrayIndex(name)).sort(([a], [b]) => Number(a) - Number(b)), ...pairs.filter(([name]) => !isArrayIndex(name))];
  return { pairs, fields: strings && !repeated ? (record as Record<string, string>) : null };
}

/** Whether a property name is an array index (such names come first, in order, in an object). */
function isArrayIndex(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 48 && c <= 57 && ARRAY_INDEX.test(name) && Number(name) < 2 ** 32 - 1;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The 0-based index where a JSON text stops being valid JSON (engines do not all say), at any depth. */
export function jsonErrorPosition(source: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < source.length && ' \t\n\r'.includes(source[i]!)) i++;
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (source[i] !== c) fail();
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < source.length && source[i] !== '"') {
      if (source.charCodeAt(i) < 0x20) fail();
      if (source[i] === '\\') {
        i++;
        if (source[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(source[i] ?? 'x')) fail();
      }
      i++;
    }
    if (source[i] !== '"') fail();
    i++;
  };
  /** The closers of the objects and lists open: nesting is read without recursion. */
  const closers: string[] = [];
  const member = () => {
    ws();
    if (source[i] !== '"') fail();
    string();
    ws();
    if (source[i] !== ':') fail();
    i++;
  };
  /** A scalar or an empty object or list; else the openings up to the first item's scalar. */
  const value = (): void => {
    for (;;) {
      ws();
      const c = source[i];
      if (c === '{' || c === '[') {
        const close = c === '{' ? '}' : ']';
        i++;
        ws();
        if (source[i] === close) return void i++;
        if (c === '{') member();
        closers.push(close);
        continue;
      }
      if (c === '"') return string();
      if (c === 't') return literal('true');
      if (c === 'f') return literal('false');
      if (c === 'n') return literal('null');
      NUMBER.lastIndex = i;
      if (!NUMBER.test(source)) fail();
      i = NUMBER.lastIndex;
      return;
    }
  };
  /** A whole value: after each item, a comma and the next item, or the closer of the innermost list. */
  const document = () => {
    value();
    while (closers.length) {
      ws();
      const close = closers[closers.length - 1]!;
      if (source[i] === ',') {
        i++;
        if (close === '}') member();
        value();
      } else if (source[i] === close) {
        i++;
        closers.pop();
      } else fail();
    }
  };
  try {
    document();
    ws();
    return i < source.length ? i : Math.max(0, source.length - 1);
  } catch (at) {
    return Math.min(typeof at === 'number' ? at : i, Math.max(0, source.length - 1));
  }
}

// ---------------------------------------------------------------- cURL and fetch

/** Splits a shell command line into words, honouring '…', "…", $'…' and backslash continuations. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let i = 0;
  const s = command.replace(/\\\r?\n/g, ' ');
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let word = '';
    while (i < s.length && !/\s/.test(s[i]!)) {
      const c = s[i]!;
      if (c === "'") {
        const end = s.indexOf("'", i + 1);
        word += s.slice(i + 1, end < 0 ? s.length : end);
        i = end < 0 ? s.length : end + 1;
      } else if (c === '$' && s[i + 1] === "'") {
        let j = i + 2;
        while (j < s.length && s[j] !== "'") {
          if (s[j] === '\\' && j + 1 < s.length) {
            const e = s[j + 1]!;
            word += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
            j += 2;
          } else word += s[j++];
        }
        i = j + 1;
      } else if (c === '"') {
        let j = i + 1;
        while (j < s.length && s[j] !== '"') {
          if (s[j] === '\\' && j + 1 < s.length && '"\\$`'.includes(s[j + 1]!)) {
            word += s[j + 1];
            j += 2;
          } else word += s[j++];
        }
        i = j + 1;
      } else if (c === '\\' && i + 1 < s.length) {
        word += s[i + 1];
        i += 2;
      } else {
        word += c;
        i++;
      }
    }
    words.push(word);
  }
  return words;
}

const DATA_FLAGS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii']);

function readCurl(command: string, draft: Draft): void {
  const words = shellWords(command);
  const bodies: string[] = [];
  const raw: FieldEntry[] = [];
  let url = '';
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (DATA_FLAGS.has(w)) bodies.push(words[++i] ?? '');
    else if (w === '--data-urlencode') {
      const pair = words[++i] ?? '';
      const eq = pair.indexOf('=');
      raw.push({ name: eq < 0 ? pair : pair.slice(0, eq), value: eq < 0 ? '' : pair.slice(eq + 1) });
    } else if (/^--data(-raw|-binary|-ascii)?=/.test(w)) bodies.push(w.slice(w.indexOf('=') + 1));
    else if (/^https?:\/\//i.test(w)) url = w;
  }
  const body = bodies.join('&') || (url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  if (body) readUrlEncoded(body, draft, 'curl');
  draft.format = 'curl';
  for (const entry of raw) draft.entries.push(entry);
}

function readFetch(call: string, draft: Draft): void {
  draft.format = 'fetch';
  const bodyMatch = /["']?body["']?\s*:\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|null)/.exec(call);
  let body: string;
  if (bodyMatch && bodyMatch[1] !== 'null') {
    const literal = bodyMatch[1]!;
    try {
      body = literal.startsWith('"') ? (JSON.parse(literal) as string) : (JSON.parse(`"${literal.slice(1, -1).replace(/"/g, '\\"').replace(/\\'/g, "'")}"`) as string);
    } catch {
      body = literal.slice(1, -1);
    }
  } else {
    const url = /fetch\s*\(\s*["']([^"']*)["']/.exec(call)?.[1] ?? '';
    body = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  }
  if (body) readUrlEncoded(body, draft, 'fetch');
  draft.format = 'fetch';
}
