/**
 * The forms of a plain page, read without parse5: the bank's answer page, a shop's form of hidden
 * inputs, the tables around them. Such a page is read in one pass over its tags, and gives exactly
 * what html-form.ts's `readPageForms` gives (test/src/reading/parse-html-plain.test.ts compares the two);
 * parse5 reads about 5 MB/s, too slow for a log or HAR export with thousands of answer pages.
 *
 * "Plain" is narrow on purpose: a page for which the standard's tree builder does nothing but nest
 * the elements as written. Anything else — another tag, a comment, a character reference other
 * than `&amp;` `&quot;` `&lt;` `&gt;` `&apos;` `&#39;`, an input other than hidden, text or a
 * button, a `disabled`, `form` or `dirname` attribute, an end tag that closes anything but the
 * element last opened, a form in a form, a block in a paragraph, a control straight in a table —
 * returns null, and the page goes to parse5.
 */
import type { FormEntry, PageForm } from './html-form.ts';

/** The tag's name and the text after it, up to its `>`: each attribute, then the end. */
const START = /<([a-zA-Z][a-zA-Z0-9]*)/y;
const ATTRIBUTE = /[\t\n\f\r ]+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r "'<=>`]+)))?/y;
const TAG_END = /[\t\n\f\r ]*(\/?)>/y;
const END_TAG = /<\/([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*>/y;
const DOCTYPE = /[\t\n\f\r ]*<!doctype[\t\n\f\r ]+html[\t\n\f\r ]*>/iy;
const REFERENCE = /&(?:amp|quot|lt|gt|apos|#39);/g;
const REFERENCES: Readonly<Record<string, string>> = { '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>', '&apos;': "'", '&#39;': "'" };
/** A lone surrogate or a NUL would become U+FFFD: any surrogate (an emoji too) or NUL is left to parse5. */
const UNPAIRED = /[\ud800-\udfff\0]/;

/**
 * Where each element may be opened: its parent's name ('' for the document without `<html>`).
 * Blocks open only where flow content is (never in a paragraph or heading, whose start tags they
 * would close), controls never straight in a table (which would move them before it).
 */
const FLOW = ['', 'body', 'div', 'form', 'td', 'th'];
const PHRASE = ['p', 'span', 'label', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const PARENT_LISTS: Readonly<Record<string, readonly string[]>> = {
  html: [''],
  head: ['html', ''],
  body: ['html', ''],
  title: ['head', ''],
  meta: ['head', ''],
  table: FLOW,
  tbody: ['table'],
  thead: ['table'],
  tfoot: ['table'],
  tr: ['table', 'tbody', 'thead', 'tfoot'],
  td: ['tr'],
  th: ['tr'],
  form: FLOW,
  div: FLOW,
  p: FLOW,
  h1: FLOW,
  h2: FLOW,
  h3: FLOW,
  h4: FLOW,
  h5: FLOW,
  h6: FLOW,
  span: [...FLOW, ...PHRASE],
  label: [...FLOW, ...PHRASE],
  input: [...FLOW, ...PHRASE],
  br: [...FLOW, ...PHRASE],
};
const PARENTS = new Map(Object.entries(PARENT_LISTS).map(([tag, parents]) => [tag, new Set(parents)]));
const VOID = new Set(['meta', 'input', 'br']);
/** What may come before the body without starting it. */
const HEAD = new Set(['html', 'head', 'title', 'meta']);
/** Where text other than whitespace would move elements or imply others. */
const NO_TEXT = new Set(['html', 'head', 'table', 'tbody', 'thead', 'tfoot', 'tr']);
/** Input types read here; a button sends nothing without a submitter (and no dirname is allowed). */
const SENDING = new Set(['hidden', 'text']);
const BUTTONS = new Set(['submit', 'reset', 'button', 'image']);

/** Whether source[start, end) is all ASCII whitespace. */
function blank(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) return false;
  }
  return true;
}

/** An attribute's value with its character references read; null for a reference not read here. */
function attributeValue(raw: string): string | null {
  // The parser reads CR and CR LF as LF.
  if (raw.includes('\r')) return null;
  if (!raw.includes('&')) return raw;
  const value = raw.replace(REFERENCE, (ref) => REFERENCES[ref]!);
  return raw.replace(REFERENCE, '').includes('&') ? null : value;
}

/** A start tag's attributes (names lowercased), and where it ends; null when it is not plain. */
function startTag(source: string, at: number): { name: string; attributes: Map<string, string>; end: number; selfClosing: boolean } | null {
  START.lastIndex = at;
  const open = START.exec(source);
  if (!open) return null;
  let i = START.lastIndex;
  const attributes = new Map<string, string>();
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const a = ATTRIBUTE.exec(source);
    if (!a) break;
    const name = a[1]!.toLowerCase();
    const value = attributeValue(a[2] ?? a[3] ?? a[4] ?? '');
    if (value === null || attributes.has(name)) return null;
    attributes.set(name, value);
    i = ATTRIBUTE.lastIndex;
  }
  TAG_END.lastIndex = i;
  const close = TAG_END.exec(source);
  if (!close) return null;
  return { name: open[1]!.toLowerCase(), attributes, end: TAG_END.lastIndex, selfClosing: close[1] === '/' };
}

/** The entry an input sends (none for a button or a nameless input); null when the input is not plain. */
function inputEntry(attributes: ReadonlyMap<string, string>, position: number): FormEntry | null | undefined {
  if (attributes.has('disabled') || attributes.has('form') || attributes.has('dirname')) return null;
  const type = attributes.get('type')?.toLowerCase() ?? 'text';
  if (BUTTONS.has(type)) return undefined;
  if (!SENDING.has(type)) return null;
  const name = attributes.get('name');
  if (!name) return undefined;
  const value = attributes.get('value') ?? '';
  if (type === 'hidden' && name.toLowerCase() === '_charset_') return null;
  // A text input drops line breaks from its value: leave that to parse5.
  if (type === 'text' && /[\r\n]/.test(value)) return null;
  return { name, value, position };
}

/**
 * The page's forms and the controls outside any form, as `readPageForms` reads them, when the
 * page is plain (see above); null otherwise.
 */
export function readPlainForms(source: string): { forms: PageForm[]; outside: PageForm | null } | null {
  if (UNPAIRED.test(source)) return null;
  const stack: string[] = [];
  const forms: Array<{ index: number; action?: string; method?: string; position: number; entries: FormEntry[] }> = [];
  let form: (typeof forms)[number] | null = null;
  let outside: { index: null; position: number; entries: FormEntry[] } | null = null;
  /** Whether anything but a doctype and whitespace came: `<html>` and `<head>` may no longer come. */
  let begun = false;
  /** Whether the body began (its tag, or content): `<body>` may no longer come. */
  let body = false;
  /** After `</body>`: whitespace and `</html>` only; after `</html>`: whitespace only. */
  let closed: 'body' | 'html' | null = null;
  let i = 0;
  DOCTYPE.lastIndex = 0;
  if (DOCTYPE.test(source)) i = DOCTYPE.lastIndex;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > i) {
      const parent = stack[stack.length - 1] ?? '';
      if (!blank(source, i, textEnd)) {
        if (closed || NO_TEXT.has(parent)) return null;
        begun = true;
        body = true;
      }
    }
    if (lt < 0) break;
    if (source[lt + 1] === '/') {
      END_TAG.lastIndex = lt;
      const end = END_TAG.exec(source);
      const name = end?.[1]!.toLowerCase();
      if (!name || name !== stack[stack.length - 1] || closed === 'html') return null;
      if (name === 'body') closed = 'body';
      else if (name === 'html') {
        if (closed !== 'body') return null;
        closed = 'html';
      } else if (closed) return null;
      stack.pop();
      if (name === 'form') form = null;
      i = END_TAG.lastIndex;
      continue;
    }
    const tag = startTag(source, lt);
    if (!tag || closed) return null;
    const { name, attributes } = tag;
    const parent = stack[stack.length - 1] ?? '';
    if (!PARENTS.get(name)?.has(parent)) return null;
    // <html> and <head> first, <body> before any content: the parser would have made them already.
    if (((name === 'html' || name === 'head') && begun) || (name === 'body' && body)) return null;
    if (tag.selfClosing && !VOID.has(name)) return null;
    if (name !== 'html') begun = true;
    if ((parent === '' || parent === 'html') && !HEAD.has(name)) body = true;
    i = tag.end;
    if (name === 'title') {
      // Its text is read as text up to </title>: no tag may be in it.
      const lt = source.indexOf('<', i);
      END_TAG.lastIndex = lt;
      const end = lt < 0 ? null : END_TAG.exec(source);
      if (!end || end[1]!.toLowerCase() !== 'title') return null;
      i = END_TAG.lastIndex;
      continue;
    }
    if (name === 'form') {
      if (form) return null;
      const action = attributes.get('action');
      const method = attributes.get('method');
      form = { index: forms.length, ...(action !== undefined ? { action } : {}), ...(method !== undefined ? { method } : {}), position: lt + 1, entries: [] };
      forms.push(form);
    } else if (name === 'input') {
      const entry = inputEntry(attributes, lt + 1);
      if (entry === null) return null;
      if (!form && !outside) outside = { index: null, position: lt + 1, entries: [] };
      if (entry) (form ?? outside)!.entries.push(entry);
    }
    if (VOID.has(name)) continue;
    stack.push(name);
  }
  return { forms, outside };
}
