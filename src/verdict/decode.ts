/**
 * The response decoder's logic, on top of `verifyMessage`: a paste holding several messages split
 * into one per line or per block, replayed receipts, the cross-check against the order, the status
 * in words, and a plain-text summary for a support ticket that never holds a key.
 */
import { detectKind } from '../reading/detect.ts';
import { ENCODING_NAMES, type Encoding } from '../protocol/encoding.ts';
import { calculatorCase, checkedIn, declaredCharset, type CharsetSource } from '../doctor/index.ts';
import { extractMessages } from './extract.ts';
import { MESSAGES, messageSpec, type MessageKind } from '../protocol/fields.ts';
import { groupHex } from '../protocol/key.ts';
import type { Keys } from '../protocol/key-ring.ts';
import { fieldValue, toEntries, toRecord, type FieldEntry, type FieldInput } from '../protocol/message.ts';
import { parseFields, parseJsonFields, type ParseResult } from '../reading/parse.ts';
import { crossCheck, findOrder, type CrossCheckRow } from '../judging/pairing.ts';
import { quoted, text, type Text } from '../protocol/text.ts';
import { judgeMessage, withDiagnosis, type Verdict } from './verdict.ts';
import type { Verification, VerifyOptions } from '../judging/verify.ts';

// ---------------------------------------------------------------- splitting a paste

/** One message of a paste. */
export interface MessageBlock {
  /** 0-based position in the paste. */
  readonly index: number;
  /** 1-based line where it starts, when the paste is text with lines. */
  readonly line?: number;
  /** The text of this message alone. */
  readonly text: string;
  readonly parsed: ParseResult;
}

const HTML_START = /<\s*(input|form|html|body|table|!doctype)\b/i;

/** A line that is a whole message on its own: a URL-encoded body with several fields, or a JSON object. */
function isMessageLine(line: string): boolean {
  const t = line.trim();
  if (t.startsWith('{') && t.endsWith('}')) return true;
  return t.includes('&') && t.includes('=') && t.split('NB_').length > 2;
}

/** Splits HTML at each repeated `<!doctype`, `<html` or `<form` (several answer pages pasted at once). */
function htmlPieces(input: string): Array<{ start: number; text: string }> {
  for (const tag of [/<!doctype\b/gi, /<html\b/gi, /<form\b/gi]) {
    const starts = [...input.matchAll(tag)].map((m) => m.index);
    if (starts.length > 1) {
      starts[0] = 0;
      return starts.map((start, i) => ({ start, text: input.slice(start, starts[i + 1] ?? input.length) }));
    }
  }
  return [{ start: 0, text: input }];
}

/** Blank-line separated blocks; a block whose every line is a whole message becomes one piece per line. */
function textPieces(input: string): Array<{ start: number; text: string }> {
  const pieces: Array<{ start: number; text: string }> = [];
  let block: Array<{ start: number; text: string }> = [];
  const flush = () => {
    if (block.length > 1 && block.every((l) => isMessageLine(l.text))) for (const line of block) pieces.push(line);
    else if (block.length) pieces.push({ start: block[0]!.start, text: block.map((l) => l.text).join('\n') });
    block = [];
  };
  let offset = 0;
  for (const line of input.split('\n')) {
    if (line.trim() === '') flush();
    else block.push({ start: offset, text: line });
    offset += line.length + 1;
  }
  flush();
  return pieces;
}

/** A JSON array whose items are objects of fields (not the parser's list of `{name, value}`), as one list of messages. */
function jsonMessages(trimmed: string): Array<Record<string, unknown>> | null {
  if (!trimmed.startsWith('[')) return null;
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (!Array.isArray(data) || data.length === 0) return null;
  const objects = data.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item));
  const pairs = data.every((item) => item && typeof item === 'object' && 'name' in item && 'value' in item);
  return objects && !pairs ? (data as Array<Record<string, unknown>>) : null;
}

/**
 * Splits a paste into messages: a JSON array of objects gives one message per object; several
 * HTML pages or forms one per page or form; text one per blank-line separated block, and one per
 * line when every line of a block is a whole message (log lines of POST bodies, JSON lines).
 * Pieces without any NB_ field are dropped; when no piece has one, the whole paste is one
 * message, so the parser's own message (empty, binary, not JSON…) is what the user sees.
 * `parsed`, when given, is `parseFields(input)` already read (by the paste box, or its worker for a
 * large paste): a paste that is one message is not read again.
 */
export function splitMessages(input: string, parsed?: ParseResult): MessageBlock[] {
  const whole = (): MessageBlock[] => [{ index: 0, line: 1, text: input, parsed: parsed ?? parseFields(input) }];
  if (typeof input !== 'string' || input.trim() === '') return whole();
  const trimmed = input.trim();
  const list = jsonMessages(trimmed);
  if (list) {
    return list.map((item, index) => {
      let json: string;
      try {
        json = JSON.stringify(item);
      } catch {
        // Nested deeper than JSON.stringify goes: read as parsed, and shown with its nested values as {} or [].
        const shallow = Object.entries(item).map(([name, value]) => [name, value !== null && typeof value === 'object' ? (Array.isArray(value) ? [] : {}) : value]);
        return { index, text: JSON.stringify(Object.fromEntries(shallow)), parsed: parseJsonFields(item) };
      }
      return { index, text: json, parsed: parseFields(json) };
    });
  }
  if (/^(\[|curl\s)/i.test(trimmed) || /\bfetch\s*\(/.test(trimmed)) return whole();
  const pieces = HTML_START.test(trimmed) ? htmlPieces(input) : textPieces(input);
  if (pieces.length < 2) return whole();
  const blocks: MessageBlock[] = [];
  let line = 1;
  let counted = 0;
  for (const piece of pieces) {
    const parsed = parseFields(piece.text);
    // Prose between messages (a log's headings) is no message; binary data, and a page left unread for want of the HTML reader, are reported where they are.
    if (!parsed.entries.some((e) => /^nb_/i.test(e.name)) && !parsed.problems.some((p) => p.code === 'binary' || p.code === 'html-reader-not-loaded')) continue;
    for (; counted < piece.start; counted++) if (input.charCodeAt(counted) === 10) line++;
    blocks.push({ index: blocks.length, line, text: piece.text, parsed });
  }
  return blocks.length === 0 ? whole() : blocks;
}

/** The start of a HAR file (Chrome's and Firefox's "Save all as HAR"). */
const HAR_START = /^\s*\{\s*"log"\s*:|"entries"\s*:\s*\[/;

/**
 * Whether a paste is a whole session — a HAR file, or a log with messages among other lines —
 * which `extractMessages` reads better than the decoder's split: a HAR always (one without NB_
 * fields too: the session view says what it holds, or where it breaks the HAR format); otherwise
 * when the extract finds more messages in it than the split does (log lines around the messages,
 * answer pages among them). The decoder hands such a paste to its session view, saying so.
 */
export function isSessionPaste(input: string, blocks: readonly MessageBlock[]): boolean {
  if (typeof input !== 'string') return false;
  if (HAR_START.test(input.slice(0, 4096))) return true;
  if (!/nb_/i.test(input)) return false;
  const messages = blocks.filter((b) => detectKind(b.parsed.entries) !== null).length;
  return extractMessages(input).messages.length > messages;
}

// ---------------------------------------------------------------- replays

export interface ReplayWarning {
  readonly level: 'warning' | 'info';
  readonly code: 'replay-paid' | 'replay-stamp' | 'repeat-stamp';
  readonly field: string;
  readonly value: string;
  /** 0-based indexes of the messages that share the value. */
  readonly messages: number[];
  readonly message: Text;
}

const STAMP = 'NB_RETURN_STAMP';

/**
 * Receipts can be replayed (the handbook): the same NB_PAID twice in answers of one kind, or the same
 * stamp twice in pay direct receipts (a stamp is paid once), is a warning. The same stamp in several
 * payment check or repayment answers is normal (checked again, repaid in parts) and only noted.
 * `kinds[i]` is the kind of `messages[i]` (`null` when unknown, then it is skipped). `delivery[i]`
 * (from `pairMessages`) is the first message of its delivery: a message that is another's
 * delivery (the browser's POST of a bank answer page) is that one, not a replay.
 */
export function findReplays(messages: readonly FieldInput[], kinds: readonly (MessageKind | null)[], delivery?: readonly number[]): ReplayWarning[] {
  const groups = new Map<string, { field: string; value: string; kind: MessageKind; messages: number[] }>();
  messages.forEach((fields, index) => {
    const kind = kinds[index];
    if (!kind || MESSAGES[kind].direction !== 'bankToShop' || (delivery && delivery[index] !== index)) return;
    const record = toRecord(fields);
    for (const field of ['NB_PAID', STAMP]) {
      const value = record[field];
      if (!value) continue;
      const id = `${kind}\u0000${field}\u0000${value}`;
      const group = groups.get(id) ?? { field, value, kind, messages: [] };
      group.messages.push(index);
      groups.set(id, group);
    }
  });
  const warnings: ReplayWarning[] = [];
  const paidSets = new Set<string>();
  for (const { field, value, kind, messages: where } of groups.values()) {
    if (where.length < 2) continue;
    // The same receipt twice shares NB_PAID and stamp: one warning says it.
    if (field === 'NB_PAID') paidSets.add(`${kind}:${where.join(',')}`);
    else if (paidSets.has(`${kind}:${where.join(',')}`)) continue;
    const list = where.map((i) => i + 1).join(', ');
    const title = MESSAGES[kind].title;
    if (field === 'NB_PAID') {
      warnings.push({
        level: 'warning',
        code: 'replay-paid',
        field,
        value,
        messages: where,
        message: text(
          `Messages ${list} (${title.en}) carry the same NB_PAID ${value}: a receipt can be replayed — act on it once only`,
          `Meddelandena ${list} (${title.sv}) har samma NB_PAID ${value}: ett kvitto kan skickas om — hantera det bara en gång`,
        ),
      });
    } else if (kind === 'payDirectReturn') {
      warnings.push({
        level: 'warning',
        code: 'replay-stamp',
        field,
        value,
        messages: where,
        message: text(
          `Messages ${list} are receipts for the same stamp ${value}: a stamp is paid once, so one is a replay — deliver the order once only`,
          `Meddelandena ${list} är kvitton för samma betalnings-ID ${value}: ett betalnings-ID betalas bara en gång, så ett av dem är en upprepning — leverera ordern bara en gång`,
        ),
      });
    } else {
      warnings.push({
        level: 'info',
        code: 'repeat-stamp',
        field,
        value,
        messages: where,
        message: text(
          `Messages ${list} (${title.en}) are for the same stamp ${value}: normal when a payment is checked again or repaid in parts`,
          `Meddelandena ${list} (${title.sv}) gäller samma betalnings-ID ${value}: det är normalt när en betalning kontrolleras igen eller återbetalas i flera delar`,
        ),
      });
    }
  }
  return warnings;
}

// ---------------------------------------------------------------- cross-check against the order (src/judging/pairing.ts)

export { crossCheck, findOrder, type CrossCheckRow };

// ---------------------------------------------------------------- the status in words

export interface StatusExplanation {
  /** `ok`: act on it; `warning`: a clear negative answer or a doubt; `error`: do not trust it; `unknown`: proves nothing. */
  readonly level: 'ok' | 'warning' | 'error' | 'unknown';
  /** One sentence a person can act on. */
  readonly headline: Text;
  /** Further facts: error description, the new NB_PAID, the exchange. */
  readonly details: Text[];
  /** A repayment's new NB_PAID, to use for any further repayment. */
  readonly newPaid?: string;
  /** The exchange fields of a repayment answer, when present (the optional signed fields of table 6). */
  readonly exchange?: FieldEntry[];
  /** NB_ERROR_DESCR (or the handbook example's NB_ERR_DESCR). */
  readonly errorDescription?: string;
}

const NOT_PROVEN = text(
  'The MAC does not verify, so whatever this message says is not proven: it may be forged, altered, or checked with the wrong key or encoding. Do not act on it.',
  'MAC:en stämmer inte, så inget i meddelandet är bevisat: det kan vara förfalskat eller ändrat, eller kontrollerat med fel nyckel eller teckenkodning. Lita inte på det.',
);
const NOT_CHECKED = text(
  'The MAC was not checked (no key or an incomplete message): what it says is not proven yet.',
  'MAC:en har inte kontrollerats (ingen nyckel, eller meddelandet är ofullständigt): det som står i meddelandet är ännu inte bevisat.',
);
const HAS_ERRORS = text(
  'The MAC verifies, but the message has an error (see its verdict), so it is not complete: do not act on it until that is put right.',
  'MAC:en stämmer, men meddelandet har ett fel (se bedömningen), så det är inte fullständigt: lita inte på det och leverera inte förrän felet är rättat.',
);

/** The status of a message in words, for the verification's outcome (and its verdict: a verified message with an error is not to be acted on). */
export function explainStatus(fields: FieldInput, verification: Verification): StatusExplanation {
  const { kind, status, verified, outcome } = verification;
  const record = toRecord(fields);
  if (!kind) {
    return {
      level: 'unknown',
      headline: text(
        'Not a message of E-betalning: nothing to act on. A cancel/reject return carries no fields and proves nothing.',
        'Det här är inget E-betalningsmeddelande; det finns inget att göra. En retur via avbryt/avvisa har inga fält och bevisar ingenting.',
      ),
      details: [],
    };
  }
  const spec = messageSpec(kind);
  if (spec.direction === 'shopToBank') {
    return {
      level: 'ok',
      headline: text(
        `A request from the shop (${spec.title.en}), not an answer from the bank; answers with its stamp are cross-checked against it`,
        `En förfrågan från butiken (${spec.title.sv}), inte ett svar från banken; svar med samma betalnings-ID kontrolleras mot den`,
      ),
      details: [],
    };
  }
  const stamp = record[STAMP] ?? '';
  const errorSpec = spec.fields.find((f) => f.name === 'NB_ERROR_DESCR');
  const errorDescription = errorSpec ? fieldValue(errorSpec, record) : undefined;
  const details: Text[] = [];
  if (errorDescription) details.push(text(`Error description from the bank: "${errorDescription}"`, `Felbeskrivning från banken: ”${errorDescription}”`));
  const trust =
    verified === true
      ? verification.verdict === 'error'
        ? HAS_ERRORS
        : null
      : outcome === 'mismatch' || outcome === 'malformed-mac' || outcome === 'missing-mac'
        ? NOT_PROVEN
        : NOT_CHECKED;
  const withTrust = (level: StatusExplanation['level'], headline: Text, extra: Partial<StatusExplanation> = {}): StatusExplanation => ({
    level: trust ? (trust === NOT_CHECKED ? 'warning' : 'error') : level,
    headline: trust ? text(`${trust.en} The message says: ${headline.en}`, `${trust.sv} Meddelandet säger: ${headline.sv}`) : headline,
    details,
    ...(errorDescription ? { errorDescription } : {}),
    ...extra,
  });

  if (status === 'ERR' || verified === null) {
    return {
      level: 'unknown',
      headline: text(
        `ERR: the bank could not answer${kind === 'repaymentResponse' ? ' the repayment' : ''}. ERR carries no MAC by design, so it proves nothing — treat the ${kind === 'repaymentResponse' ? 'repayment' : 'payment'} as unknown and check again later.`,
        `ERR: banken kunde inte svara${kind === 'repaymentResponse' ? ' på återbetalningen' : ''}. ERR har avsiktligt ingen MAC, så det bevisar ingenting — räkna med att ${kind === 'repaymentResponse' ? 'återbetalningens' : 'betalningens'} status är okänd och gör en ny betalningskontroll senare.`,
      ),
      details,
      ...(errorDescription ? { errorDescription } : {}),
    };
  }
  if (kind === 'payDirectReturn') {
    return withTrust(
      'ok',
      text(
        `Paid: the bank's receipt for stamp ${stamp}, ${record.NB_RETURN_DB_AMOUNT ?? ''}\u00a0${(record.NB_RETURN_DB_CUR ?? '').trim()}, confirmation NB_PAID ${record.NB_PAID ?? ''}`,
        `Betald: bankens kvitto för betalnings-ID ${stamp}, ${record.NB_RETURN_DB_AMOUNT ?? ''}\u00a0${(record.NB_RETURN_DB_CUR ?? '').trim()}, bekräftelse NB_PAID ${record.NB_PAID ?? ''}`,
      ),
    );
  }
  if (kind === 'paymentCheckResponse') {
    if (status === 'NO') {
      return withTrust(
        'warning',
        text(
          `NO: the bank has no payment with stamp ${stamp} — do not deliver; the buyer may not have finished paying`,
          `NO: banken har ingen betalning med betalnings-ID ${stamp} — leverera inte; köparen har kanske inte betalat klart`,
        ),
      );
    }
    return withTrust(
      'ok',
      text(
        `YES: stamp ${stamp} is paid${record.NB_RETURN_DB_AMOUNT ? `, ${record.NB_RETURN_DB_AMOUNT}\u00a0${(record.NB_RETURN_DB_CUR ?? '').trim()}` : ''}${record.NB_PAID ? `, confirmation NB_PAID ${record.NB_PAID}` : ''}`,
        `YES: betalningen med betalnings-ID ${stamp} är betald${record.NB_RETURN_DB_AMOUNT ? `, ${record.NB_RETURN_DB_AMOUNT}\u00a0${(record.NB_RETURN_DB_CUR ?? '').trim()}` : ''}${record.NB_PAID ? `, bekräftelse NB_PAID ${record.NB_PAID}` : ''}`,
      ),
    );
  }
  // repaymentResponse, YES
  const exchange = spec.fields
    .filter((f) => f.use === 'optional' && f.mac === 'always')
    .map((f) => ({ name: f.name, value: fieldValue(f, record) ?? '' }))
    .filter((e) => e.value !== '');
  const newPaid = record.NB_PAID ?? '';
  details.push(
    text(
      `New NB_PAID ${newPaid}: it identifies this repayment from now on — use it, not the old one, for any further repayment of this payment`,
      `Nytt NB_PAID ${newPaid}: det identifierar återbetalningen från och med nu — använd det, inte det gamla, om du återbetalar mer av betalningen`,
    ),
  );
  if (exchange.length) {
    const get = (name: string) => exchange.find((e) => e.name === name)?.value ?? '—';
    details.push(
      text(
        `Currency was exchanged: ${get('NB_WITHDRAWAL_AMOUNT')} ${get('NB_WITHDRAWAL_CUR')} withdrawn from the shop's account on ${get('NB_WITHDRAWAL_DATE')}, on the buyer's account on ${get('NB_DEPOSIT_DATE')}, rate ${get('NB_RATE')}`,
        `Valutan växlades: ${get('NB_WITHDRAWAL_AMOUNT')} ${get('NB_WITHDRAWAL_CUR')} dras från butikens konto ${get('NB_WITHDRAWAL_DATE')} och finns på köparens konto ${get('NB_DEPOSIT_DATE')}, avropskurs ${get('NB_RATE')}`,
      ),
    );
  }
  return withTrust(
    'ok',
    text(
      `YES: repaid ${record.NB_RETURN_REPAY_AMOUNT ?? ''} ${(record.NB_RETURN_REPAY_CUR ?? '').trim()} for stamp ${stamp}`,
      `YES: ${record.NB_RETURN_REPAY_AMOUNT ?? ''} ${(record.NB_RETURN_REPAY_CUR ?? '').trim()} återbetalt för betalnings-ID ${stamp}`,
    ),
    { newPaid, ...(exchange.length ? { exchange } : {}) },
  );
}

// ---------------------------------------------------------------- a whole paste

/** The character set a pasted message declares (its page's `<meta charset>`, or percent-escapes the parser read as ISO-8859-1): its MAC is checked in it. */
export interface DecodedCharset {
  readonly encoding: Encoding;
  readonly source: CharsetSource;
  /** "The MAC was checked in ISO-8859-1 (Latin-1) (declared by the page’s <meta charset>)." — the doctor's words. */
  readonly words: Text;
}

/** The charset a message's text declares, with the words that say the MAC was checked in it; `null` when it declares none. */
export function charsetOf(block: MessageBlock): DecodedCharset | null {
  const declared = declaredCharset({ text: block.text, problemCodes: block.parsed.problems.map((p) => p.code) });
  if (!declared) return null;
  const where = checkedIn(declared.encoding, declared.source);
  return { ...declared, words: text(`The MAC was checked ${where.en}.`, `MAC:en kontrollerades ${where.sv}.`) };
}

export interface DecodedMessage {
  readonly block: MessageBlock;
  /** The charset the message declares, which its MAC was checked in (over the chosen encoding); `null` when it declares none. */
  readonly charset: DecodedCharset | null;
  /** The verdict on the message, the one object its card and the top line are rendered from. */
  readonly verdict: Verdict;
  /** `verdict.verification`. */
  readonly verification: Verification;
  readonly explanation: StatusExplanation;
  /** Where the order came from: given by the user, or a request in the same paste with the same stamp. */
  readonly orderSource: 'given' | 'list' | null;
  /** `verdict.crossCheck`. */
  readonly crossCheck: CrossCheckRow[];
  readonly replays: ReplayWarning[];
}

export interface DecodeOptions extends VerifyOptions {
  /** The order to cross-check answers against (the original request, or some of its fields). */
  readonly order?: FieldInput | null;
  /** Decode only the messages from `offset` (0-based) up to `limit` of them; replays are found over all. */
  readonly offset?: number;
  readonly limit?: number;
}

export interface DecodedList {
  /** How many messages the paste holds. */
  readonly total: number;
  /** The messages decoded (see `offset`, `limit`). */
  readonly messages: DecodedMessage[];
  /** Replays over the whole paste. */
  readonly replays: ReplayWarning[];
}

/** Failing MACs the doctor diagnoses at once per call (the first ones); others wait for the doctor to be opened. */
export const DIAGNOSED_AT_ONCE = 10;

/** Decodes the messages of a split paste: the verdict on each (verification, cross-check, the doctor), status in words, replays. */
export function decodeMessages(blocks: readonly MessageBlock[], keys: Keys | null, options: DecodeOptions = {}): DecodedList {
  const { order, offset = 0, limit = blocks.length, ...verifyOptions } = options;
  const entries = blocks.map((b) => b.parsed.entries);
  const kinds = blocks.map((b) => verifyOptions.kind ?? detectKind(b.parsed.entries));
  const replays = findReplays(entries, kinds);
  const requests = blocks.filter((_, i) => kinds[i] && MESSAGES[kinds[i]!].direction === 'shopToBank').map((b) => b.parsed.entries);
  const given = order && toEntries(order).length ? order : null;
  let diagnosed = 0;
  const messages = blocks.slice(offset, offset + limit).map((block) => {
    const fields = block.parsed.entries;
    const kind = kinds[block.index] ?? null;
    const answer = kind !== null && MESSAGES[kind].direction === 'bankToShop';
    const listed = answer && !given ? findOrder(fields, requests, kind) : null;
    const against = answer ? (given ?? listed) : null;
    // A charset the page declares is what its MAC is checked in first; the doctor names it.
    const charset = charsetOf(block);
    const declared = charset ? { encoding: charset.encoding, source: charset.source } : undefined;
    let verdict = judgeMessage(fields, { ...verifyOptions, ...(declared ? { encoding: declared.encoding } : {}), keys, order: against, diagnose: false });
    if (verdict.doctor?.status === 'pending' && diagnosed++ < DIAGNOSED_AT_ONCE) verdict = withDiagnosis(verdict, fields, keys, declared);
    return {
      block,
      charset,
      verdict,
      verification: verdict.verification,
      explanation: explainStatus(fields, verdict.verification),
      orderSource: against ? (given ? 'given' : 'list') : null,
      crossCheck: verdict.crossCheck,
      replays: replays.filter((r) => r.messages.includes(block.index)),
    } satisfies DecodedMessage;
  });
  return { total: blocks.length, messages, replays };
}

// ---------------------------------------------------------------- the support summary

export interface SummaryOptions {
  /** The calculator page's absolute URL, to link each failed MAC to the mismatch doctor. */
  readonly calculatorUrl?: string;
}

const OUTCOME_WORDS: Readonly<Record<Verification['outcome'], Text>> = {
  verified: text('verified', 'stämmer'),
  mismatch: text('DOES NOT MATCH', 'STÄMMER INTE'),
  'missing-mac': text('missing', 'saknas'),
  'malformed-mac': text('malformed', 'felformaterad'),
  unsigned: text('none by design (ERR)', 'ingen, avsiktligt (ERR)'),
  'no-key': text('not checked: no key', 'inte kontrollerad: ingen nyckel'),
  'bad-key': text('not checked: the key is not valid', 'inte kontrollerad: nyckeln är ogiltig'),
  incomplete: text('not checked: the message is incomplete', 'inte kontrollerad: meddelandet är ofullständigt'),
  'unknown-kind': text('not checked: unknown message', 'inte kontrollerad: okänt meddelande'),
};

/** The outcome of a MAC check in words. */
export function outcomeWords(outcome: Verification['outcome']): Text {
  return OUTCOME_WORDS[outcome];
}

/**
 * A plain-text summary of decoded messages for a support ticket, in both languages. It holds the
 * fields, the signed string, the MACs and the KVV of the key used — never the key.
 */
export function supportSummary(list: DecodedList, options: SummaryOptions = {}): Text {
  const lines: Text[] = [
    text(
      `E-betalning response decoder: ${list.total} message${list.total === 1 ? '' : 's'}${list.messages.length < list.total ? `, ${list.messages.length} shown` : ''}`,
      `Svarsavkodare för E-betalning: ${list.total} meddelande${list.total === 1 ? '' : 'n'}${list.messages.length < list.total ? `, ${list.messages.length} visas` : ''}`,
    ),
  ];
  const add = (en: string, sv: string) => lines.push(text(en, sv));
  for (const m of list.messages) {
    const v = m.verification;
    const n = m.block.index + 1;
    const where = m.block.line ? `, line ${m.block.line}` : '';
    const whereSv = m.block.line ? `, rad ${m.block.line}` : '';
    const title = v.kind ? MESSAGES[v.kind].title : text('unknown message', 'okänt meddelande');
    add('', '');
    add(`Message ${n}${where}: ${title.en}`, `Meddelande ${n}${whereSv}: ${title.sv}`);
    add(`  Verdict: ${m.explanation.headline.en}`, `  Bedömning: ${m.explanation.headline.sv}`);
    for (const d of m.explanation.details) add(`  ${d.en}`, `  ${d.sv}`);
    for (const e of m.block.parsed.entries) add(`  ${e.name}=${JSON.stringify(e.value)}`, `  ${e.name}=${JSON.stringify(e.value)}`);
    if (m.charset) add(`  ${m.charset.words.en}`, `  ${m.charset.words.sv}`);
    if (v.macString !== null) {
      add(`  Signed string (${ENCODING_NAMES[v.encoding].en}): ${quoted(v.macString)}`, `  Signerad sträng (${ENCODING_NAMES[v.encoding].sv}): ${quoted(v.macString, 'sv')}`);
    }
    add(`  MAC: ${outcomeWords(v.outcome).en}`, `  MAC: ${outcomeWords(v.outcome).sv}`);
    if (v.expectedMac || v.givenMac) {
      add(`  NB_HMAC received: ${v.givenMac ?? '(none)'}; expected: ${v.expectedMac ?? '—'}`, `  NB_HMAC mottaget: ${v.givenMac ?? '(inget)'}; förväntat: ${v.expectedMac ?? '—'}`);
    }
    if (v.key) {
      const ring = v.key.ringSize > 1 ? ` ${v.key.index + 1} of ${v.key.ringSize}` : '';
      const ringSv = v.key.ringSize > 1 ? ` ${v.key.index + 1} av ${v.key.ringSize}` : '';
      add(`  Key${ring}: KVV ${groupHex(v.key.kvv)} (the key itself is not included)`, `  Nyckel${ringSv}: KVV ${groupHex(v.key.kvv)} (själva nyckeln ingår inte)`);
    }
    if (v.kvv.matches !== null) {
      add(`  NB_KVV: ${v.kvv.matches ? 'matches the key' : 'DOES NOT match the key'}`, `  NB_KVV: ${v.kvv.matches ? 'stämmer med nyckeln' : 'stämmer INTE med nyckeln'}`);
    }
    for (const f of v.findings) add(`  ${f.level}: ${f.message.en}`, `  ${f.level === 'error' ? 'fel' : f.level === 'warning' ? 'varning' : 'info'}: ${f.message.sv}`);
    for (const w of v.keyWarnings) add(`  key: ${w.en}`, `  nyckel: ${w.sv}`);
    for (const c of m.crossCheck) add(`  order: ${c.message.en}`, `  order: ${c.message.sv}`);
    for (const r of m.replays) add(`  replay: ${r.message.en}`, `  upprepning: ${r.message.sv}`);
    if (options.calculatorUrl && (v.outcome === 'mismatch' || v.outcome === 'malformed-mac') && v.kind) {
      const link = `${options.calculatorUrl}#${calculatorCase(v.kind, m.block.parsed.entries, v.encoding)}`;
      add(`  Mismatch doctor: ${link}`, `  Felsökare: ${link}`);
    }
  }
  add('', '');
  add(
    'A cancel/reject return carries no fields and proves nothing; an ERR answer carries no MAC and proves nothing either.',
    'En retur via avbryt/avvisa har inga fält och bevisar ingenting; ett ERR-svar har ingen MAC och bevisar inte heller något.',
  );
  return text(lines.map((l) => l.en).join('\n'), lines.map((l) => l.sv).join('\n'));
}
