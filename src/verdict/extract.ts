/**
 * Whole sessions: every E-betalning message in a browser's HAR export or a shop's log, in the
 * order they occur, each with where it was found, and requests paired with their answers (`pairMessages`).
 *
 * The text is read once, line by line (or entry by entry for a HAR), and each piece that holds
 * NB_ fields is handed to `parseFields`; everything else is skipped without further work, so the
 * time grows with the size of the input and no more. Nothing here throws on bad input: a HAR that
 * is not valid JSON, a truncated or binary file and a file too large are reported in `problems`.
 */
import { detectKind } from '../reading/detect.ts';
import { encodingOfLabel } from '../doctor/charset.ts';
import { fromBase64url } from '../doctor/given.ts';
import type { Encoding } from '../protocol/encoding.ts';
import { KNOWN_FIELDS, type MessageKind } from '../protocol/fields.ts';
import type { FieldEntry } from '../protocol/message.ts';
import { pairMessages, stampOf, type StampTimeline } from '../judging/pairing.ts';
import { jsonErrorPosition, parseFields, parseJsonFields, type ParseProblem, type ParseResult } from '../reading/parse.ts';
import { text, type Text } from '../protocol/text.ts';

/** Where a message was found. */
export interface MessageSource {
  /** 1-based line of the text where the message starts (a log or a paste). */
  readonly line?: number;
  /** 0-based index of the HAR entry. */
  readonly entry?: number;
  /** The HAR entry's request method and URL. */
  readonly method?: string;
  readonly url?: string;
  /** The HAR entry's `startedDateTime`. */
  readonly time?: string;
  /** Which part of a HAR entry: the URL's query string, the request body or the response body. */
  readonly part?: 'query' | 'request' | 'response';
  /** The character set the HAR entry's Content-Type (or MIME type) declares for that body, when it names one the toolkit knows. */
  readonly charset?: Encoding;
}

/** One message of a session. */
export interface SessionMessage {
  /** 0-based position in the session. */
  readonly index: number;
  readonly kind: MessageKind;
  /** Every field, in order, as read. */
  readonly fields: FieldEntry[];
  readonly source: MessageSource;
  /** What the parser noticed in this message (unknown fields, duplicates, ISO-8859-1 escapes…). */
  readonly problems: ParseProblem[];
  /** NB_STAMP of a request, NB_RETURN_STAMP of an answer; `null` when absent. */
  readonly stamp: string | null;
  /** The index of the message it pairs with: a request's answer, an answer's request (`pairMessages`); `null` when none. */
  readonly pair: number | null;
  /** The first message of its delivery: its own index, or the bank's answer page whose form this POST to the shop is. */
  readonly delivery: number;
}

export type { StampTimeline };

export interface ExtractProblem {
  readonly level: 'error' | 'warning' | 'info';
  readonly code: 'empty' | 'too-large' | 'binary' | 'har-invalid' | 'har-truncated' | 'har-malformed' | 'bad-json' | 'none-found' | 'har-skipped' | 'html-reader-not-loaded';
  /** What is wrong, where, and what to do. */
  readonly message: Text;
  readonly source?: MessageSource;
}

export interface ExtractResult {
  /** `har` for a HAR file, `json` for another JSON document, `text` for a log or paste; `null` when unread. */
  readonly format: 'har' | 'json' | 'text' | null;
  readonly messages: SessionMessage[];
  readonly stamps: StampTimeline[];
  readonly problems: ExtractProblem[];
}

export interface ExtractOptions {
  /** The longest text read, in characters (50 MiB by default); a longer one is refused with a problem. */
  readonly maxLength?: number;
  /** Called now and then with how much was read (`done` of `total`, characters or HAR entries). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The longest text `extractMessages` reads unless told otherwise. */
export const MAX_SESSION_LENGTH = 50 * 1024 * 1024;

interface Found {
  readonly kind: MessageKind;
  readonly parsed: ParseResult;
  readonly source: MessageSource;
}

interface Reader {
  readonly found: Found[];
  readonly problems: ExtractProblem[];
}

/**
 * A parsed piece is a message when it has at least two of the handbook's NB_ fields and fits a kind.
 * A page left unread for want of the HTML reader (the standalone core before `loadHtmlReader()`) is said once.
 */
function accept(reader: Reader, parsed: ParseResult, source: MessageSource): void {
  if (parsed.format === 'html' && !parsed.entries.length) {
    const unread = parsed.problems.find((p) => p.code === 'html-reader-not-loaded');
    if (unread && !reader.problems.some((p) => p.code === unread.code)) reader.problems.push({ level: 'error', code: 'html-reader-not-loaded', message: unread.message, source });
  }
  let known = 0;
  for (const e of parsed.entries) if (e.name.startsWith('NB_') && KNOWN_FIELDS.has(e.name) && ++known >= 2) break;
  const kind = known >= 2 ? detectKind(parsed.entries) : null;
  if (kind) reader.found.push({ kind, parsed, source });
}

const hasNb = (s: string): boolean => s.includes('NB_') || s.includes('nb_');

// ---------------------------------------------------------------- text: logs and pastes

const HTML_START = /<\s*(!doctype|html|body|form|table|input)\b/i;
const HTML_END = /<\/\s*(form|html)\s*>/i;
/** An HTML piece without its end tag stops after this many characters. */
const HTML_MAX = 1024 * 1024;
/** A URL-encoded run: NB_ fields joined by `&`, up to a space or a quote. */
const RUN = /(?:^|[?&\s"'=:,;([{<>])((?:NB|nb)_[A-Za-z0-9_]*=[^\s"'<>]*)/g;
/** What may end a sentence after a URL-encoded run: not part of it. */
const TRAILING = ',;.';
/** One field on a line (a NAME=value block, possibly after a log line's prefix). */
const FIELD_LINE = /(?:^|\s)((?:NB|nb)_[A-Za-z0-9_]*)[ \t]*[=:](.*)$/;

/**
 * The part of a line FIELD_LINE can match: from its last CR, U+2028 or U+2029 on, as `(.*)$` stops
 * at them (matched on the whole line, the regex would try every field before them to the end).
 */
function fieldPart(line: string): string {
  const stop = Math.max(line.lastIndexOf('\r'), line.lastIndexOf('\u2028'), line.lastIndexOf('\u2029'));
  return stop < 0 ? line : line.slice(stop);
}

/**
 * Every object holding NB_ keys inside a JSON value, and every string holding a URL-encoded
 * message, in document order. Walked with a stack of its own: any depth of nesting is read.
 */
function walkJson(root: unknown, objects: Array<Record<string, unknown> | unknown[]>, strings: string[]): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const value = stack.pop();
    let children: unknown[] | undefined;
    if (typeof value === 'string') {
      if (value.includes('=') && hasNb(value)) strings.push(value);
    } else if (Array.isArray(value)) {
      if (value.length && value.every((v) => v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string' && 'value' in v)) {
        if (value.some((v) => hasNb((v as { name: string }).name))) objects.push(value);
        continue;
      }
      children = value;
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (Object.keys(record).some((k) => k.startsWith('NB_'))) objects.push(record);
      else children = Object.values(record);
    }
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** The JSON object in a log line: from its first brace to its last; else the flat object around the first NB_ key. */
function jsonInLine(line: string, brace: number): unknown {
  try {
    return JSON.parse(line.slice(brace, line.lastIndexOf('}') + 1));
  } catch (error) {
    const key = line.indexOf('"NB_');
    const open = line.lastIndexOf('{', key);
    const close = line.indexOf('}', key);
    if (open < 0 || close < 0 || open === brace) throw error;
    return JSON.parse(line.slice(open, close + 1));
  }
}

/** The messages of a parsed JSON value: objects of fields, `{name, value}` lists, and URL-encoded strings. */
function readJsonValue(reader: Reader, value: unknown, source: MessageSource): void {
  const objects: Array<Record<string, unknown> | unknown[]> = [];
  const strings: string[] = [];
  walkJson(value, objects, strings);
  for (const o of objects) accept(reader, parseJsonFields(o), source);
  for (const s of strings) readText(reader, s, source, false);
}

/**
 * Reads a log or a paste line by line: HTML forms and answer pages (up to their `</form>` or
 * `</html>`), JSON objects in lines, URL-encoded bodies and query strings in lines, and blocks of
 * `NAME=value` lines (a block ends at a line without a field, or when a field comes again).
 */
function readText(reader: Reader, input: string, base: MessageSource, lines: boolean, onProgress?: (done: number) => void): void {
  const at = (line: number): MessageSource => (lines ? { ...base, line } : base);
  let block: { line: number; names: Set<string>; lines: string[] } | null = null;
  let htmlStart = -1;
  let htmlLine = 0;
  /** Loose inputs (no form or page around them) end at the first line without a tag. */
  let htmlLoose = false;
  const flush = () => {
    if (block && block.lines.length >= 2) accept(reader, parseFields(block.lines.join('\n')), at(block.line));
    block = null;
  };
  const closeHtml = (end: number) => {
    const piece = input.slice(htmlStart, end);
    if (hasNb(piece)) accept(reader, parseFields(piece), at(htmlLine));
    htmlStart = -1;
  };
  let nextReport = 1 << 20;
  let line = 0;
  // Where the next NB_, nb_ and tag are: the lines before the first of them are skipped unread.
  const next = [-1, -1, -1];
  const nextOf = (i: number, needle: string, pos: number): number => {
    if (next[i]! < pos) {
      const found = input.indexOf(needle, pos);
      next[i] = found < 0 ? Infinity : found;
    }
    return next[i]!;
  };
  for (let pos = 0; pos <= input.length; ) {
    if (htmlStart < 0 && block === null) {
      const interesting = Math.min(nextOf(0, 'NB_', pos), nextOf(1, 'nb_', pos), nextOf(2, '<', pos));
      const skipTo = interesting === Infinity ? input.length : input.lastIndexOf('\n', interesting) + 1;
      for (let nl = input.indexOf('\n', pos); nl >= 0 && nl < skipTo; nl = input.indexOf('\n', nl + 1)) line++;
      if (skipTo > pos) pos = skipTo;
      if (interesting === Infinity) break;
    }
    let end = input.indexOf('\n', pos);
    if (end < 0) end = input.length;
    line++;
    if (onProgress && pos >= nextReport) {
      onProgress(pos);
      nextReport = pos + (1 << 20);
    }
    const raw = input.slice(pos, end);
    const lineStart = pos;
    pos = end + 1;
    if (htmlStart >= 0) {
      const close = HTML_END.exec(raw);
      if (close) closeHtml(lineStart + close.index + close[0].length);
      else if (end - htmlStart > HTML_MAX) closeHtml(end);
      if (close || htmlStart < 0 || !htmlLoose || raw.includes('<')) continue;
      closeHtml(lineStart);
    }
    const nb = hasNb(raw);
    if (raw.includes('<')) {
      const open = HTML_START.exec(raw);
      if (open) {
        flush();
        htmlStart = lineStart + open.index;
        htmlLine = line;
        htmlLoose = open[1]!.toLowerCase() === 'input';
        const close = HTML_END.exec(raw.slice(open.index));
        if (close) closeHtml(htmlStart + close.index + close[0].length);
        continue;
      }
    }
    if (!nb) {
      flush();
      continue;
    }
    const brace = raw.indexOf('{');
    if (brace >= 0 && raw.includes('"NB_')) {
      flush();
      let value: unknown;
      try {
        value = jsonInLine(raw, brace);
      } catch (error) {
        const where = lines ? text(`line ${line}`, `rad ${line}`) : text('a value', 'ett värde');
        reader.problems.push({
          level: 'warning',
          code: 'bad-json',
          source: at(line),
          message: text(
            `A JSON object with NB_ fields at ${where.en} is not valid JSON (${String((error as Error).message)}); it was skipped — paste that object alone in the decoder to see where it breaks`,
            `Ett JSON-objekt med NB_-fält på ${where.sv} är inte giltig JSON (${String((error as Error).message)}); det hoppades över — klistra in objektet ensamt i avkodaren för att se var felet finns`,
          ),
        });
        continue;
      }
      readJsonValue(reader, value, at(line));
      continue;
    }
    // A field line whose value holds an `&` (a return URL's query string) is one field, not a body:
    // a URL-encoded body has a second NB_ name after an `&`.
    const field = FIELD_LINE.exec(fieldPart(raw.endsWith('\r') ? raw.slice(0, -1) : raw));
    const body = !field || /&(?:NB|nb)_/.test(field[2]!);
    let runs = 0;
    if (body) for (const m of raw.matchAll(RUN)) {
      const run = m[1]!;
      if (!run.includes('&')) continue;
      if (!runs++) flush();
      // Without the punctuation a sentence puts after it.
      let end = run.length;
      while (end > 0 && TRAILING.includes(run[end - 1]!)) end--;
      accept(reader, parseFields(run.slice(0, end)), at(line));
    }
    if (runs) continue;
    if (!field) {
      flush();
      continue;
    }
    const name = field[1]!;
    const current: { line: number; names: Set<string>; lines: string[] } = block && !block.names.has(name) ? block : (flush(), { line, names: new Set(), lines: [] });
    current.names.add(name);
    current.lines.push(`${name}: ${field[2]!.replace(/^ /, '')}`);
    block = current;
  }
  if (htmlStart >= 0) closeHtml(input.length);
  flush();
}

// ---------------------------------------------------------------- HAR

interface HarEntry {
  startedDateTime?: unknown;
  request?: { method?: unknown; url?: unknown; headers?: unknown; postData?: { text?: unknown; params?: unknown; mimeType?: unknown } };
  response?: { content?: { text?: unknown; encoding?: unknown; mimeType?: unknown } };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A posted parameter's name or value as text: a string, number or boolean as written; anything else (an object, null) empty. */
const scalar = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

/** What a HAR reading skipped, by why: each reason once, with the entries it concerns. */
type Skipped = Map<string, { readonly why: Text; readonly entries: number[] }>;

/** The charset label of a MIME type (`text/html; charset=ISO-8859-1`), or `null`. */
const charsetLabel = (mime: string): string | null => /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(mime)?.[1] ?? null;
/** MIME types whose bodies are text (answer pages, forms, JSON, XML); anything else in base64 is binary. */
const TEXT_MIME = /^\s*(?:text\/|application\/(?:x-www-form-urlencoded|json|xml|xhtml\+xml|javascript)|[\w.-]+\/[\w.-]+\+(?:json|xml)\b)/i;

/**
 * A HAR body as text: as stored, or — `encoding: "base64"`, as browsers save many bodies and every
 * ISO-8859-1 one — decoded with the charset of its MIME type (UTF-8 when it names none). `null`
 * with why when it cannot be read as text (binary, an unknown charset, broken base64).
 */
function harBody(body: string, encoding: unknown, mime: string): { text: string } | { skipped: Text } {
  if (encoding !== 'base64') return { text: body };
  const label = charsetLabel(mime);
  if (!TEXT_MIME.test(mime) && label === null) {
    const type = mime.split(';')[0]!.trim();
    return { skipped: text(`that is binary (${type || 'no MIME type'}), not a page or a form`, `som är binärt (${type || 'ingen MIME-typ'}), inte en sida eller ett formulär`) };
  }
  const bytes = fromBase64url(body.replace(/\s+/g, ''));
  if (bytes === null) return { skipped: text('whose base64 is broken', 'vars base64 är trasig') };
  if (label !== null && encodingOfLabel(label) === 'iso-8859-1') return { text: Array.from(bytes, (b) => String.fromCharCode(b)).join('') };
  try {
    return { text: new (globalThis as unknown as { TextDecoder: new (label: string) => { decode(bytes: Uint8Array): string } }).TextDecoder(label ?? 'utf-8').decode(bytes) };
  } catch {
    return { skipped: text(`whose charset "${label}" is unknown`, `vars teckenuppsättning ”${label}” är okänd`) };
  }
}

function skip(skipped: Skipped, why: Text, index: number): void {
  const known = skipped.get(why.en) ?? { why, entries: [] };
  known.entries.push(index);
  skipped.set(why.en, known);
}

/** The skipped bodies and entries as problems: one per reason, naming the entries (never silently). */
function skippedProblems(skipped: Skipped): ExtractProblem[] {
  return [...skipped.values()].map(({ why, entries }) => {
    const shown = entries.slice(0, 12).map((i) => i + 1).join(', ') + (entries.length > 12 ? '…' : '');
    return {
      level: 'info',
      code: 'har-skipped',
      source: { entry: entries[0]! },
      message: text(
        `${entries.length} HAR ${entries.length === 1 ? 'body or entry was' : 'bodies or entries were'} skipped: ${why.en} (entr${entries.length === 1 ? 'y' : 'ies'} ${shown})`,
        `${entries.length} ${entries.length === 1 ? 'innehåll eller post' : 'innehåll eller poster'} i HAR-filen hoppades över: ${why.sv} (post ${shown})`,
      ),
    };
  });
}

function readHarEntry(reader: Reader, entry: HarEntry, index: number, skipped: Skipped): void {
  const url = str(entry.request?.url) ?? '';
  const method = str(entry.request?.method);
  const time = str(entry.startedDateTime);
  const where = (part: MessageSource['part'], mime = ''): MessageSource => {
    const label = charsetLabel(mime);
    const charset = label === null ? null : encodingOfLabel(label);
    return { entry: index, url, ...(method ? { method } : {}), ...(time ? { time } : {}), part, ...(charset ? { charset } : {}) };
  };
  const q = url.indexOf('?');
  if (q >= 0 && hasNb(url)) {
    const hash = url.indexOf('#', q);
    const query = url.slice(q + 1, hash < 0 ? url.length : hash);
    accept(reader, parseFields(query), where('query'));
  }
  const post = entry.request?.postData;
  const body = str(post?.text);
  if (body !== undefined && body !== '') {
    if (hasNb(body)) readText(reader, body, where('request', requestType(entry)), false);
  } else if (Array.isArray(post?.params)) {
    const params = (post.params as Array<{ name?: unknown; value?: unknown } | null>).map((p) => ({ name: scalar(p?.name), value: scalar(p?.value) }));
    if (params.some((p) => hasNb(p.name))) accept(reader, parseJsonFields(params), where('request', requestType(entry)));
  }
  const content = entry.response?.content;
  const stored = str(content?.text);
  if (!stored) return;
  const mime = str(content?.mimeType) ?? '';
  const answer = harBody(stored, content?.encoding, mime);
  if ('skipped' in answer) skip(skipped, text(`a response body ${answer.skipped.en}`, `ett svarsinnehåll ${answer.skipped.sv}`), index);
  else if (hasNb(answer.text)) readText(reader, answer.text, where('response', mime), false);
}

/** The type of each part of a HAR entry that the reading uses (HAR 1.2); a part absent or `null` is taken as absent. */
const ENTRY_SHAPE: ReadonlyArray<readonly [string, 'object' | 'string' | 'list']> = [
  ['startedDateTime', 'string'],
  ['request', 'object'],
  ['request.method', 'string'],
  ['request.url', 'string'],
  ['request.headers', 'list'],
  ['request.postData', 'object'],
  ['request.postData.mimeType', 'string'],
  ['request.postData.text', 'string'],
  ['request.postData.params', 'list'],
  ['response', 'object'],
  ['response.content', 'object'],
  ['response.content.mimeType', 'string'],
  ['response.content.encoding', 'string'],
  ['response.content.text', 'string'],
];

const EXPECTED = {
  object: text('an object', 'ett objekt'),
  string: text('a string', 'en sträng'),
  list: text('an array', 'en array'),
  entries: text('an array of entries', 'en array med poster'),
} as const;

/** A JSON value's type in words. */
function jsonType(value: unknown): Text {
  if (value === undefined) return text('missing', 'saknas');
  if (value === null) return text('null', 'null');
  if (Array.isArray(value)) return EXPECTED.list;
  if (typeof value === 'string') return EXPECTED.string;
  if (typeof value === 'number') return text('a number', 'ett tal');
  if (typeof value === 'boolean') return text('a boolean', 'ett booleskt värde');
  return EXPECTED.object;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Where a HAR breaks its format: the paths, what each is, what belongs there (the first few described, all counted). */
interface Malformed {
  readonly described: Text[];
  count: number;
  first?: number;
}

function malformedAt(malformed: Malformed, path: string, value: unknown, expected: Text, entry?: number): void {
  if (malformed.count++ >= 3) return;
  if (malformed.first === undefined && entry !== undefined) malformed.first = entry;
  const is = jsonType(value);
  const which = entry === undefined ? text('', '') : text(` (entry ${entry + 1})`, ` (post ${entry + 1})`);
  malformed.described.push(
    value === undefined
      ? text(`${path}${which.en} is missing, where ${expected.en} belongs`, `${path}${which.sv} saknas, där ska det vara ${expected.sv}`)
      : text(`${path}${which.en} is ${is.en}, where ${expected.en} belongs`, `${path}${which.sv} är ${is.sv}, där ska det vara ${expected.sv}`),
  );
}

/** ENTRY_SHAPE with each part's key in its parent and the parent's place in the list (-1: the entry). */
const SHAPE = ENTRY_SHAPE.map(([path, shape]) => {
  const dot = path.lastIndexOf('.');
  return { path, shape, key: path.slice(dot + 1), parent: ENTRY_SHAPE.findIndex(([p]) => p === path.slice(0, dot)) };
});

/** Checks one entry against ENTRY_SHAPE (and the items of its lists: objects); the parts of a wrong part are not looked at. */
function checkHarEntry(malformed: Malformed, entry: unknown, index: number): void {
  const at = `log.entries[${index}]`;
  if (!isObject(entry)) return malformedAt(malformed, at, entry, EXPECTED.object, index);
  /** Each part that is there in the right shape, else undefined. */
  const parts: unknown[] = [];
  for (const { path, shape, key, parent } of SHAPE) {
    const holder = parent < 0 ? entry : parts[parent];
    const value = holder === undefined ? undefined : (holder as Record<string, unknown>)[key];
    parts.push(undefined);
    if (value === undefined || value === null) continue;
    const fits = shape === 'object' ? isObject(value) : shape === 'list' ? Array.isArray(value) : typeof value === 'string';
    if (!fits) {
      malformedAt(malformed, `${at}.${path}`, value, EXPECTED[shape], index);
      continue;
    }
    parts[parts.length - 1] = value;
    if (shape !== 'list') continue;
    const item = (value as unknown[]).findIndex((v) => !isObject(v));
    if (item >= 0) malformedAt(malformed, `${at}.${path}[${item}]`, (value as unknown[])[item], EXPECTED.object, index);
  }
}

/** A HAR that breaks its format, as one problem: an error when its entries cannot be found, else a warning. */
function malformedProblem(malformed: Malformed, level: 'error' | 'warning'): ExtractProblem {
  const more = malformed.count - malformed.described.length;
  const list = (lang: 'en' | 'sv') => malformed.described.map((d) => d[lang]).join('; ') + (more > 0 ? (lang === 'en' ? `; and ${more} more` : `; och ${more} till`) : '');
  return {
    level,
    code: 'har-malformed',
    ...(malformed.first !== undefined ? { source: { entry: malformed.first } } : {}),
    message: text(
      `This HAR file does not follow the HAR format: ${list('en')}. ${level === 'error' ? 'Its entries could not be found; what holds NB_ fields was read as JSON' : 'The rest of it was read'}. Save the HAR again from the network panel ("Save all as HAR") rather than editing it`,
      `HAR-filen följer inte HAR-formatet: ${list('sv')}. ${level === 'error' ? 'Dess poster gick inte att hitta; det som har NB_-fält lästes som JSON' : 'Resten av den lästes'}. Spara HAR-filen igen från nätverkspanelen (”Save all as HAR”) i stället för att redigera den`,
    ),
  };
}

/**
 * A parsed JSON document that is a HAR file (an object whose `log` is an object, or that holds
 * `log` alone): its entries, or where it breaks the format before them. `null` for other JSON.
 */
function harEntries(data: unknown): { entries: unknown[] } | { malformed: Malformed } | null {
  if (!isObject(data) || !('log' in data)) return null;
  const log = data['log'];
  if (!isObject(log) && Object.keys(data).length > 1) return null;
  const malformed: Malformed = { described: [], count: 0 };
  if (!isObject(log)) malformedAt(malformed, 'log', log, EXPECTED.object);
  else if (!Array.isArray(log['entries'])) malformedAt(malformed, 'log.entries', log['entries'], EXPECTED.entries);
  else return { entries: log['entries'] };
  return { malformed };
}

/** A request's Content-Type: its postData's MIME type, else its header. */
function requestType(entry: HarEntry): string {
  const mime = str(entry.request?.postData?.mimeType);
  if (mime) return mime;
  const headers = Array.isArray(entry.request?.headers) ? (entry.request.headers as Array<{ name?: unknown; value?: unknown }>) : [];
  return str(headers.find((h) => str(h?.name)?.toLowerCase() === 'content-type')?.value) ?? '';
}

function lineOf(input: string, position: number): number {
  let line = 1;
  for (let i = input.indexOf('\n'); i >= 0 && i < position; i = input.indexOf('\n', i + 1)) line++;
  return line;
}

// ---------------------------------------------------------------- the whole input

const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

/** Characters that do not occur in text: a NUL, or control characters other than tab, line breaks, form feed and escape. */
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/g;

function binaryProblem(input: string): ExtractProblem | null {
  const head = input.slice(0, 8192);
  const controls = head.match(CONTROL)?.length ?? 0;
  if (!head.includes('\0') && controls * 100 <= head.length) return null;
  const zip = /^(\x1f\ufffd|\x1f\x8b|PK\x03\x04)/.test(input);
  return {
    level: 'error',
    code: 'binary',
    message: zip
      ? text(
          'This file is compressed (gzip or zip), not text: unpack it first and open the HAR or log inside',
          'Filen är komprimerad (gzip eller zip), inte text: packa upp den först och öppna HAR-filen eller loggen i den',
        )
      : text(
          `This is binary data, not text (${controls} control characters in the first ${head.length} characters): open a HAR file, a log or a text file`,
          `Detta är binärdata, inte text (${controls} styrtecken bland de första ${head.length} tecknen): öppna en HAR-fil, en logg eller en textfil`,
        ),
  };
}

function pair(found: readonly Found[]): { messages: SessionMessage[]; stamps: StampTimeline[] } {
  const { pairs, delivery, stamps } = pairMessages(found.map(({ kind, parsed, source }) => ({ kind, fields: parsed.fields, source })));
  const messages = found.map(({ kind, parsed, source }, index) => {
    const stamp = stampOf(kind, parsed.fields);
    return { index, kind, fields: parsed.entries, source, problems: parsed.problems, stamp: stamp === null ? null : stamp.trim(), pair: pairs[index]!, delivery: delivery[index]! };
  });
  return { messages, stamps };
}

/**
 * Finds every E-betalning message in any text: a HAR file (request bodies, query strings and the
 * bank's answer pages in response bodies), a shop's log (URL-encoded bodies and query strings,
 * JSON objects in lines, `NAME=value` blocks, pasted forms and answer pages), or a paste. Messages
 * come in the order they occur, each with its source; requests and answers are paired by `pairMessages`.
 * Never throws: what could not be read is in `problems`.
 */
export function extractMessages(input: string, options: ExtractOptions = {}): ExtractResult {
  const maxLength = options.maxLength ?? MAX_SESSION_LENGTH;
  const done = (format: ExtractResult['format'], reader: Reader): ExtractResult => {
    const { messages, stamps } = pair(reader.found);
    if (!messages.length && !reader.problems.some((p) => p.level === 'error')) {
      reader.problems.push({
        level: 'info',
        code: 'none-found',
        message: text(
          `No E-betalning message found in ${mb(input.length)}: nothing here has two of the handbook's NB_ fields. Open the HAR of the checkout (with "Preserve log" on) or the part of the log around the payment`,
          `Inget E-betalningsmeddelande hittades i ${mb(input.length)}: inget här har två av handbokens NB_-fält. Öppna HAR-filen från kassan (med ”Preserve log” påslaget) eller den del av loggen som gäller betalningen`,
        ),
      });
    }
    return { format, messages, stamps, problems: reader.problems };
  };
  const reader: Reader = { found: [], problems: [] };
  if (typeof input !== 'string' || input.trim() === '') {
    reader.problems.push({
      level: 'error',
      code: 'empty',
      message: text('Nothing to read: open a HAR file or a log, or paste one', 'Inget att läsa: öppna en HAR-fil eller en logg, eller klistra in en'),
    });
    return { format: null, messages: [], stamps: [], problems: reader.problems };
  }
  if (input.length > maxLength) {
    reader.problems.push({
      level: 'error',
      code: 'too-large',
      message: text(
        `This is ${mb(input.length)}; at most ${mb(maxLength)} is read. Keep the lines about the payment (e.g. grep NB_ shop.log > payment.log) or save a HAR of the checkout alone`,
        `Detta är ${mb(input.length)}; högst ${mb(maxLength)} läses. Behåll raderna om betalningen (t.ex. grep NB_ shop.log > betalning.log) eller spara en HAR-fil med bara kassan`,
      ),
    });
    return { format: null, messages: [], stamps: [], problems: reader.problems };
  }
  const binary = binaryProblem(input);
  if (binary) return { format: null, messages: [], stamps: [], problems: [binary] };
  const start = input.search(/\S/);
  const opening = input.slice(start, start + 4096);
  if (input[start] === '{' || input[start] === '[') {
    let data: unknown;
    let failure: unknown = null;
    try {
      data = JSON.parse(input);
    } catch (error) {
      failure = error;
    }
    const har = /^\{\s*"log"\s*:/.test(opening) || /"entries"\s*:\s*\[/.test(opening);
    if (failure === null) {
      const harFile = harEntries(data);
      if (harFile && 'entries' in harFile) {
        const { entries } = harFile;
        const skipped: Skipped = new Map();
        const malformed: Malformed = { described: [], count: 0 };
        entries.forEach((entry, i) => {
          checkHarEntry(malformed, entry, i);
          if (isObject(entry)) readHarEntry(reader, entry as HarEntry, i, skipped);
          if (options.onProgress && i % 200 === 199) options.onProgress(i + 1, entries.length);
        });
        if (malformed.count) reader.problems.push(malformedProblem(malformed, 'warning'));
        reader.problems.push(...skippedProblems(skipped));
        return done('har', reader);
      }
      // A HAR whose entries cannot be found is said to be one; what holds NB_ fields is read all the same.
      if (harFile) reader.problems.push(malformedProblem(harFile.malformed, 'error'));
      readJsonValue(reader, data, { line: 1 });
      return done(harFile ? 'har' : 'json', reader);
    }
    if (har) {
      const position = jsonErrorPosition(input);
      const truncated = position >= input.trimEnd().length - 1;
      const line = lineOf(input, position);
      const where = text(` (line ${line}, position ${position + 1})`, ` (rad ${line}, position ${position + 1})`);
      reader.problems.push({
        level: 'error',
        code: truncated ? 'har-truncated' : 'har-invalid',
        source: { line },
        message: truncated
          ? text(
              `This HAR file ends before its JSON does${where.en}: it was cut off while saving or copying. What could be read as text is shown; save the HAR again from the network panel ("Save all as HAR") for the whole session`,
              `HAR-filen slutar mitt i JSON-innehållet${where.sv}: den klipptes av när den sparades eller kopierades. Det som gick att läsa som text visas; spara HAR-filen igen från nätverkspanelen (”Save all as HAR”) för hela sessionen`,
            )
          : text(
              `This HAR file is not valid JSON${where.en}: ${String((failure as Error).message)}. What could be read as text is shown; save the HAR again from the network panel ("Save all as HAR") rather than editing it`,
              `HAR-filen är inte giltig JSON${where.sv}: ${String((failure as Error).message)}. Det som gick att läsa som text visas; spara HAR-filen igen från nätverkspanelen (”Save all as HAR”) i stället för att redigera den`,
            ),
      });
    }
  }
  readText(reader, input, {}, true, options.onProgress && ((pos) => options.onProgress!(pos, input.length)));
  return done('text', reader);
}

/** Where a message was found, in words: a HAR entry's number, method, URL, time and part; or a line. */
export function sourceText(source: MessageSource): Text {
  if (source.entry === undefined) return source.line ? text(`line ${source.line}`, `rad ${source.line}`) : text('', '');
  const part = source.part === 'query' ? text('query string', 'query string') : source.part === 'request' ? text('request body', 'förfrågans POST-data') : text('response body', 'svarets innehåll');
  const head = `${source.method ?? ''} ${source.url ?? ''}`.trim();
  const time = source.time ? `, ${source.time}` : '';
  return text(`HAR entry ${source.entry + 1}: ${head}${time}, ${part.en}`, `HAR-post ${source.entry + 1}: ${head}${time}, ${part.sv}`);
}
