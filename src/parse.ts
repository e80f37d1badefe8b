/**
 * Reads fields out of whatever a user pastes: an HTML form or the bank's answer page (hidden
 * inputs), a query string or `application/x-www-form-urlencoded` body, `NAME=value` or
 * `NAME: value` lines, JSON, or a devtools "copy as cURL / fetch" command.
 *
 * HTML is read by a small tokenizer that only looks at tags and attributes: nothing is ever
 * parsed into a document or executed, in the browser and in Node alike. Nothing here throws on
 * bad input: every problem is reported with where it is and what would be right.
 */
import { KNOWN_FIELDS } from './fields.ts';
import type { FieldEntry } from './message.ts';
import { text, type Text } from './text.ts';

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
  /** The `action` and `method` of the first HTML `<form>`, when there is one. */
  readonly action?: string;
  readonly method?: string;
}

interface Draft {
  format: InputFormat | null;
  entries: FieldEntry[];
  problems: ParseProblem[];
  action?: string;
  method?: string;
}

/** Reads fields from pasted text. Never throws; see `problems`. */
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
  else if (/<\s*(input|form|html|body|table|!doctype)\b/i.test(trimmed)) readHtml(input, draft);
  else if (looksLikeLines(trimmed)) readLines(input, draft);
  else readUrlEncoded(trimmed.replace(/^[^=&]*\?/, ''), draft, 'urlencoded', leadingTextOffset(trimmed));
  return finish(draft);
}

function finish(draft: Draft): ParseResult {
  const fields: Record<string, string> = {};
  const counts = new Map<string, string[]>();
  for (const { name, value } of draft.entries) {
    if (!(name in fields)) fields[name] = value;
    const seen = counts.get(name);
    if (seen) seen.push(value);
    else counts.set(name, [value]);
  }
  const duplicates = [...counts].filter(([, values]) => values.length > 1).map(([name]) => name);
  for (const name of duplicates) {
    const values = counts.get(name)!;
    const shown = values.slice(0, 3).map((v) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v));
    const more = values.length - shown.length;
    draft.problems.push({
      level: 'warning',
      code: 'duplicate',
      field: name,
      message: text(
        `${name} appears ${values.length} times (${shown.join(', ')}${more ? ` and ${more} more` : ''}); the first is used — remove the others`,
        `${name} förekommer ${values.length} gånger (${shown.join(', ')}${more ? ` och ${more} till` : ''}); det första används — ta bort de andra`,
      ),
    });
  }
  const unknown = [...counts.keys()].filter((name) => !KNOWN_FIELDS.has(name));
  for (const name of unknown) {
    const guess = closestKnown(name);
    draft.problems.push({
      level: 'warning',
      code: 'unknown-field',
      field: name,
      message: guess
        ? text(`${name} is not a field of the handbook; did you mean ${guess}?`, `${name} är inget fält i handboken; menade du ${guess}?`)
        : text(`${name} is not a field of the handbook`, `${name} är inget fält i handboken`),
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
  };
}

/** A known field name within two edits (or a case difference) of the name, for "did you mean". */
export function closestKnown(name: string): string | null {
  const upper = name.toUpperCase().replace(/[\s-]/g, '_');
  let best: string | null = null;
  let bestDistance = 3;
  for (const known of KNOWN_FIELDS) {
    const d = known === upper ? 0 : editDistance(upper, known, bestDistance);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

// ---------------------------------------------------------------- HTML

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  aring: 'å',
  auml: 'ä',
  ouml: 'ö',
  Aring: 'Å',
  Auml: 'Ä',
  Ouml: 'Ö',
  eacute: 'é',
  Eacute: 'É',
  uuml: 'ü',
  Uuml: 'Ü',
  euro: '€',
};

/** Decodes HTML character references: named (a common subset), decimal and hexadecimal. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);?/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return ENTITIES[ref] ?? whole;
  });
}

interface Tag {
  name: string;
  attributes: Map<string, string>;
  position: number;
}

/** Start tags of an HTML text, skipping comments and the contents of script, style and template. */
export function* htmlTags(html: string): Generator<Tag> {
  const lower = html.toLowerCase();
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) return;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const nameMatch = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(open, open + 40));
    if (!nameMatch) {
      i = open + 1;
      continue;
    }
    const name = nameMatch[1]!.toLowerCase();
    let j = open + nameMatch[0].length;
    const attributes = new Map<string, string>();
    while (j < html.length) {
      while (j < html.length && /[\s/]/.test(html[j]!)) j++;
      if (j >= html.length || html[j] === '>') break;
      const attrName = /^[^\s=>/]+/.exec(html.slice(j, j + 200))?.[0] ?? html[j]!;
      j += attrName.length;
      while (j < html.length && /\s/.test(html[j]!)) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html[j]!)) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end < 0 ? html.length : end);
          j = end < 0 ? html.length : end + 1;
        } else {
          const raw = /^[^\s>]*/.exec(html.slice(j))?.[0] ?? '';
          value = raw;
          j += raw.length;
        }
      }
      const key = attrName.toLowerCase();
      if (!attributes.has(key)) attributes.set(key, decodeEntities(value));
    }
    yield { name, attributes, position: open + 1 };
    i = j + 1;
    if (name === 'script' || name === 'style' || name === 'template' || name === 'textarea' || name === 'title') {
      const close = lower.indexOf(`</${name}`, i);
      i = close < 0 ? html.length : close;
    }
  }
}

const NOT_SENT_TYPES = new Set(['submit', 'button', 'reset', 'image', 'file']);

function readHtml(html: string, draft: Draft): void {
  draft.format = 'html';
  for (const tag of htmlTags(html)) {
    if (tag.name === 'form' && draft.action === undefined) {
      draft.action = tag.attributes.get('action') ?? '';
      draft.method = (tag.attributes.get('method') ?? 'get').toLowerCase();
      continue;
    }
    if (tag.name !== 'input') continue;
    const name = tag.attributes.get('name');
    const type = (tag.attributes.get('type') ?? 'text').toLowerCase();
    if (name === undefined || name === '' || NOT_SENT_TYPES.has(type)) continue;
    if ((type === 'checkbox' || type === 'radio') && !tag.attributes.has('checked')) continue;
    if (name !== name.trim()) {
      draft.problems.push({
        level: 'warning',
        code: 'name-whitespace',
        field: name.trim(),
        position: tag.position,
        message: text(
          `The input at position ${tag.position} is named "${name}" with spaces; the bank reads it as a different field`,
          `Fältet på position ${tag.position} heter ”${name}” med mellanslag; banken läser det som ett annat fält`,
        ),
      });
    }
    draft.entries.push({ name, value: tag.attributes.get('value') ?? '' });
  }
  if (draft.method !== undefined && draft.method !== 'post') {
    draft.problems.push({
      level: 'warning',
      code: 'form-method',
      message: text(
        `The form's method is "${draft.method}"; the handbook requires method="post"`,
        `Formulärets metod är ”${draft.method}”; handboken kräver method="post"`,
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

/** Form decoding: `+` is a space, `%XX` a byte; bytes are read as UTF-8, else as ISO-8859-1. */
export function decodeFormComponent(raw: string): Decoded {
  let badEscape = -1;
  const chunks: Array<string | number[]> = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '%') {
      const hex = raw.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        const last = chunks[chunks.length - 1];
        if (Array.isArray(last)) last.push(parseInt(hex, 16));
        else chunks.push([parseInt(hex, 16)]);
        i += 2;
        continue;
      }
      if (badEscape < 0) badEscape = i;
    }
    const ch = c === '+' ? ' ' : c;
    const last = chunks[chunks.length - 1];
    if (typeof last === 'string') chunks[chunks.length - 1] = last + ch;
    else chunks.push(ch);
  }
  let latin1 = false;
  const value = chunks
    .map((chunk) => {
      if (typeof chunk === 'string') return chunk;
      const utf8 = decodeUtf8(chunk);
      if (utf8 !== null) return utf8;
      latin1 = true;
      return String.fromCharCode(...chunk);
    })
    .join('');
  return { value, latin1, badEscape };
}

function leadingTextOffset(trimmed: string): number {
  const q = /^[^=&]*\?/.exec(trimmed);
  return q ? q[0].length : 0;
}

function readUrlEncoded(body: string, draft: Draft, format: InputFormat, offset = 0): void {
  draft.format = format;
  let start = 0;
  const firstName = /[A-Za-z_][A-Za-z0-9_.-]*=/.exec(body);
  if (firstName && firstName.index > 0 && !body.slice(0, firstName.index).includes('&')) {
    const skipped = body.slice(0, firstName.index).trim();
    if (skipped) {
      draft.problems.push({
        level: 'info',
        code: 'leading-text',
        position: offset + 1,
        message: text(`Ignored the text before the first field: "${skipped}"`, `Texten före första fältet hoppades över: ”${skipped}”`),
      });
    }
    start = firstName.index;
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
    if (eq < 0) {
      draft.problems.push({
        level: 'warning',
        code: 'no-equals',
        field: name.value,
        position: here,
        message: text(
          `"${part}" at position ${here} has no "="; read as the field ${name.value} with an empty value`,
          `”${part}” på position ${here} saknar ”=”; läses som fältet ${name.value} med tomt värde`,
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
            `${name.value}: "%" in "${part}" at position ${here} is not followed by two hexadecimal digits; write a literal % as %25`,
            `${name.value}: ”%” i ”${part}” på position ${here} följs inte av två hexadecimala siffror; skriv själva tecknet % som %25`,
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
        `The percent-escapes of ${latin1Fields.join(', ')} are not UTF-8; read as ISO-8859-1 (e.g. %E5 = å): the sender encodes in ISO-8859-1, so sign in ISO-8859-1 too`,
        `Procentkodningen i ${latin1Fields.join(', ')} är inte UTF-8 och lästes som ISO-8859-1 (t.ex. %E5 = å): avsändaren använder ISO-8859-1, så signera också i ISO-8859-1`,
      ),
    });
  }
}

// ---------------------------------------------------------------- lines

const LINE = /^\s*([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*([=:])(.*)$/;

function looksLikeLines(trimmed: string): boolean {
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
  const matching = lines.filter((l) => LINE.test(l)).length;
  if (lines.length === 1) return /^\s*[A-Za-z_][A-Za-z0-9_.-]*[ \t]*:/.test(lines[0]!) && !/^\s*https?:/i.test(lines[0]!);
  return matching >= 2 && matching * 2 >= lines.length;
}

function readLines(input: string, draft: Draft): void {
  draft.format = 'lines';
  const lines = input.split('\n');
  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '' || /^\s*(#|\/\/)/.test(line)) return;
    const m = LINE.exec(line);
    if (!m) {
      draft.problems.push({
        level: 'warning',
        code: 'bad-line',
        message: text(
          `Line ${index + 1} is not NAME=value or NAME: value and was skipped: "${line.trim().slice(0, 80)}"`,
          `Rad ${index + 1} är inte NAMN=värde eller NAMN: värde och hoppades över: ”${line.trim().slice(0, 80)}”`,
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
  let data: unknown;
  try {
    data = JSON.parse(input);
  } catch (error) {
    const position = jsonErrorPosition(input) + 1;
    const near = JSON.stringify(input.slice(Math.max(0, position - 11), position + 9));
    draft.problems.push({
      level: 'error',
      code: 'bad-json',
      position,
      message: text(
        `This is not valid JSON: it breaks at position ${position} (near ${near}): ${String((error as Error).message)}`,
        `Det här är inte giltig JSON: felet finns vid position ${position} (nära ${near}): ${String((error as Error).message)}`,
      ),
    });
    return;
  }
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
  for (const [name, value] of pairs) {
    if (typeof value === 'string') {
      draft.entries.push({ name, value });
    } else if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
      draft.entries.push({ name, value: value === null ? '' : String(value) });
      draft.problems.push({
        level: 'warning',
        code: 'json-not-string',
        field: name,
        message: text(
          `${name} is a JSON ${value === null ? 'null' : typeof value}, read as "${value ?? ''}"; the exact written form (e.g. 899,00) is lost — send values as strings`,
          `${name} är ett JSON-${value === null ? 'null' : typeof value === 'number' ? 'tal' : 'booleskt värde'}, lästes som ”${value ?? ''}”; den exakta skrivformen (t.ex. 899,00) går förlorad — skicka värden som strängar`,
        ),
      });
    } else {
      draft.problems.push({
        level: 'error',
        code: 'json-nested',
        field: name,
        message: text(`${name} holds an object or list; a field's value must be a string`, `${name} innehåller ett objekt eller en lista; ett fälts värde måste vara en sträng`),
      });
    }
  }
}

/** The 0-based index where a JSON text stops being valid JSON (engines do not all say). */
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
  const value = (): void => {
    ws();
    const c = source[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (source[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          if (source[i] !== '"') fail();
          string();
          ws();
          if (source[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (source[i] === ',') i++;
        else if (source[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i));
    if (!number) fail();
    i += number![0].length;
  };
  try {
    value();
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
  draft.entries.push(...raw);
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
