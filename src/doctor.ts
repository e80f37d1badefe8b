/**
 * The mismatch doctor: given a message's fields and the MAC that was sent with them (NB_HMAC),
 * find the mistake that explains a MAC that does not verify, and show how to reproduce it.
 *
 * It builds candidate strings, keys, encodings and algorithms from the mistakes integrations
 * really make (the causes in `DOCTOR_CAUSES`) and computes each candidate's MAC until one equals
 * the given MAC. An HMAC match is conclusive: every finding carries the exact string, encoding
 * and key interpretation that yield exactly the given MAC, so anyone can check it.
 *
 * The search runs in stages and stops after the first stage that explains the MAC, so the
 * simplest explanation wins: stage n tries every candidate made of exactly n mistakes, up to three.
 * A candidate is a string (made with 0, 1 or 2 mistakes: a value tweak, a structure change, a
 * tweak with a cheap structure change, an amount with whitespace elsewhere) in an encoding (the
 * chosen one, or the other: one mistake) under a key and HMAC (the right key with HMAC-SHA256,
 * or with 1–2 mistakes: the key as text, another key of the ring, another HMAC). `lowercase-hex`,
 * `untruncated` and `base64` are read off the given MAC itself and combine with any of them; so is
 * the HMAC its length allows (40 hexadecimal characters: HMAC-SHA1; 32: HMAC-SHA256, HMAC-MD5 or a
 * cut HMAC-SHA512). A form's inputs beyond the likely extras are left out, and listed.
 *
 * Speed, at noble's floor (see docs/bench.md): each value, separator and name is encoded once per
 * encoding, and a candidate is assembled from those bytes into one reused buffer (no string or
 * TextEncoder per candidate); each key's inner and outer HMAC states are computed once and cloned
 * per candidate, digests are written into the hashes' own buffers and compared byte by byte with
 * the given MAC's bytes, and a candidate that shares its first block with the previous long one
 * starts from the inner state after that block. The result reports candidates per second.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { hexToBytes, type CHash, type Hash } from '@noble/hashes/utils.js';
import { parseAmount } from './amount.ts';
import { encodeText, ENCODING_NAMES, isAscii, type Encoding } from './encoding.ts';
import { fieldSpec, MESSAGE_KINDS, MESSAGES, messageSpec, type MessageKind } from './fields.ts';
import { computeKvv, groupHex, normalizeKey, toHex } from './key.ts';
import { dateOfPaid, keyForDate, normalizeKeys, type KeyRingEntry, type Keys } from './key-ring.ts';
import { encodeSigned, SEPARATOR, signedFields, toEntries, toRecord, type FieldEntry, type FieldInput } from './message.ts';
import { byLevel, hexWriting, kvvCheck, swedishDate, type Direction, type PolicyFinding } from './policy.ts';
import { EbetError, text, type Text } from './text.ts';

/** A mistake the doctor can name. */
export type DoctorCause =
  | 'amount-format'
  | 'key-as-text'
  | 'lowercase-hex'
  | 'untruncated'
  | 'encoding'
  | 'whitespace'
  | 'field-order'
  | 'missing-field'
  | 'extra-field'
  | 'separator'
  | 'plain-hash'
  | 'other-key'
  | 'other-kind'
  | 'kvv-as-mac'
  | 'hmac-sha1'
  | 'hmac-md5'
  | 'hmac-sha512'
  | 'base64';

/** Every cause the doctor looks for: its code, a title and what it tries, in both languages. */
export const DOCTOR_CAUSES: Readonly<Record<DoctorCause, { readonly title: Text; readonly tries: Text }>> = {
  'amount-format': {
    title: text('Amount signed in another format', 'Beloppet signerat i ett annat format'),
    tries: text(
      'each amount with a decimal point, without decimals, in hundredths, with thousands separators, or in the comma form',
      'varje belopp med decimalpunkt, utan decimaler, i ören, med tusentalsavgränsare eller i kommaformen',
    ),
  },
  'key-as-text': {
    title: text('Key used as text', 'Nyckeln använd som text'),
    tries: text(
      'the key’s 32 characters as ASCII bytes (upper case, lower case, as typed) instead of its 16 decoded bytes',
      'nyckelns 32 tecken som ASCII-byte (versaler, gemener, som den skrevs in) i stället för dess 16 avkodade byte',
    ),
  },
  'lowercase-hex': {
    title: text('MAC sent in lower case', 'MAC:en skickad med gemener'),
    tries: text('read off the given MAC: the bank writes MACs in upper-case hexadecimal', 'avläses i den angivna MAC:en: banken skriver MAC:en med versaler'),
  },
  untruncated: {
    title: text('Full HMAC sent instead of the first 32 characters', 'Hela HMAC:en skickad i stället för de första 32 tecknen'),
    tries: text('read off the given MAC: 64 characters where the protocol sends 32', 'avläses i den angivna MAC:en: 64 tecken där protokollet skickar 32'),
  },
  encoding: {
    title: text('Other character encoding', 'Annan teckenkodning'),
    tries: text('the string’s bytes in the other encoding (UTF-8 or ISO-8859-1) when a value is not ASCII', 'strängens byte i den andra teckenkodningen (UTF-8 eller ISO-8859-1) när ett värde inte är ASCII'),
  },
  whitespace: {
    title: text('Whitespace around a value', 'Blanktecken runt ett värde'),
    tries: text(
      'each value trimmed, or with a leading or trailing space, tab or line break',
      'varje värde trimmat, eller med inledande eller avslutande mellanslag, tabb eller radbrytning',
    ),
  },
  'field-order': {
    title: text('Fields signed in the wrong order', 'Fälten signerade i fel ordning'),
    tries: text('the signed values in other orders (all orders for up to 6 fields)', 'de signerade värdena i andra ordningar (alla ordningar för upp till 6 fält)'),
  },
  'missing-field': {
    title: text('A signed field left out', 'Ett signerat fält utelämnat'),
    tries: text('the string without one, or without two, of the signed values', 'strängen utan ett, eller utan två, av de signerade värdena'),
  },
  'extra-field': {
    title: text('A field signed that is not part of the MAC', 'Ett fält signerat som inte ingår i MAC:en'),
    tries: text(
      'each other field of the message (NB_VERSION, URLs, NB_KVV…) inserted at every position, and every field of the form',
      'varje annat fält i meddelandet (NB_VERSION, URL:er, NB_KVV…) insatt på varje position, och alla formulärets fält',
    ),
  },
  separator: {
    title: text('Another separator', 'Annan avgränsare'),
    tries: text(
      'the values joined by nothing, |, ;, ,, :, space, tab, line breaks, +, &&, with a leading or trailing &, or as NAME=value pairs',
      'värdena sammanfogade utan avgränsare, med |, ;, ,, :, mellanslag, tabb, radbrytningar, +, &&, med inledande eller avslutande &, eller som NAMN=värde-par',
    ),
  },
  'plain-hash': {
    title: text('Plain SHA-256 instead of HMAC', 'Vanlig SHA-256 i stället för HMAC'),
    tries: text('SHA-256 of the string followed or preceded by the key (as text or bytes)', 'SHA-256 av strängen med nyckeln före eller efter (som text eller byte)'),
  },
  'other-key': {
    title: text('Another key of the key ring', 'En annan nyckel i nyckelringen'),
    tries: text('every other key of the ring (another validity period)', 'varje annan nyckel i nyckelringen (en annan giltighetsperiod)'),
  },
  'other-kind': {
    title: text('The MAC of another message kind', 'MAC för en annan meddelandetyp'),
    tries: text('the MAC string of every other message kind the fields can form', 'MAC-strängen för varje annan meddelandetyp som fälten kan bilda'),
  },
  'kvv-as-mac': {
    title: text('The KVV sent as the MAC', 'KVV:n skickad som MAC'),
    tries: text('the KVV of each key compared with the given MAC', 'varje nyckels KVV jämförd med den angivna MAC:en'),
  },
  'hmac-sha1': {
    title: text('HMAC-SHA1 instead of HMAC-SHA256', 'HMAC-SHA1 i stället för HMAC-SHA256'),
    tries: text(
      'HMAC-SHA1 with each key, when the MAC has 40 hexadecimal characters (the length of a SHA-1 digest)',
      'HMAC-SHA1 med varje nyckel, när MAC:en har 40 hexadecimala tecken (längden på en SHA-1-summa)',
    ),
  },
  'hmac-md5': {
    title: text('HMAC-MD5 instead of HMAC-SHA256', 'HMAC-MD5 i stället för HMAC-SHA256'),
    tries: text(
      'HMAC-MD5 with each key: its digest is 32 hexadecimal characters, the same length as NB_HMAC',
      'HMAC-MD5 med varje nyckel: dess summa är 32 hexadecimala tecken, samma längd som NB_HMAC',
    ),
  },
  'hmac-sha512': {
    title: text('HMAC-SHA512 instead of HMAC-SHA256', 'HMAC-SHA512 i stället för HMAC-SHA256'),
    tries: text('HMAC-SHA512 with each key, cut to the MAC’s length', 'HMAC-SHA512 med varje nyckel, avkortad till MAC:ens längd'),
  },
  base64: {
    title: text('MAC sent in base64', 'MAC:en skickad i base64'),
    tries: text(
      'read off the given MAC: base64 or base64url of the HMAC (cut or full) where the protocol sends hexadecimal',
      'avläst från given MAC: base64 eller base64url av HMAC (avkortad eller hel) där protokollet skickar hexadecimalt',
    ),
  },
};

/** How a key of the ring was turned into HMAC key bytes. */
export type KeyUse = 'bytes' | 'text-upper' | 'text-lower' | 'text-as-typed';

/** A key interpretation, named without ever showing the key: its place in the ring and its KVV. */
export interface KeyInterpretation {
  /** The key's place in the ring, 0-based (0 for a single key). */
  readonly index: number;
  readonly use: KeyUse;
  /** The KVV of the key (of its decoded bytes; not secret). */
  readonly kvv: string;
  readonly label: Text;
}

/** One explanation of the given MAC. */
export interface DoctorFinding {
  /** The mistakes, simplest first; one to three (plus `lowercase-hex`/`untruncated`/`base64`, read off the MAC, when seen). */
  readonly causes: readonly DoctorCause[];
  /** What happened, in plain words, one sentence per cause. */
  readonly explanation: Text;
  /** What would be right: the corrected value(s) and the correct MAC. */
  readonly fix: Text;
  /** The exact string that yields the given MAC. */
  readonly string: string;
  readonly encoding: Encoding;
  /** The string's bytes in that encoding, upper-case hexadecimal. */
  readonly bytesHex: string;
  readonly key: KeyInterpretation;
  /** `HMAC-SHA256`, another HMAC (`HMAC-SHA1`, `HMAC-MD5`, `HMAC-SHA512`), or the plain hash that was used instead (`SHA-256(string + key)`…). */
  readonly algorithm: string;
  /** The digest in full, upper-case hexadecimal (64 characters for SHA-256). */
  readonly digest: string;
  /** The given MAC reproduced in the form it was given (case, length). */
  readonly mac: string;
}

/** One family of candidates the doctor tried (every cause is listed; 0 candidates where it could not apply, e.g. encodings of an ASCII string). */
export interface DoctorTry {
  readonly cause: DoctorCause;
  /** Candidates computed with this cause in them (`lowercase-hex`, `untruncated` and `base64` are read off the MAC: 0). */
  readonly candidates: number;
  readonly detail: Text;
}

export interface Diagnosis {
  /** `correct`: the MAC verifies; `explained`: see `findings`; `unexplained`: nothing tried explains it. */
  readonly status: 'correct' | 'explained' | 'unexplained';
  readonly message: Text;
  readonly kind: MessageKind;
  readonly encoding: Encoding;
  /** The given MAC without spaces. */
  readonly givenMac: string;
  /** The string that should be signed, exactly. */
  readonly expectedString: string;
  /** The correct MAC for the fields as given, with the expected key in the chosen encoding; `null` when no key is valid on the date. */
  readonly expectedMac: string | null;
  /** The ring key the MAC should be made with (-1 when none is valid on the date). */
  readonly keyIndex: number;
  /** The date the key was chosen for: given, an answer's NB_PAID, or a request's today in Sweden. */
  readonly date: string | null;
  /** The policy's findings on the message (how NB_HMAC is written, NB_KVV against the key), as `verifyMessage` gives them. */
  readonly notes: PolicyFinding[];
  readonly findings: DoctorFinding[];
  readonly tried: DoctorTry[];
  /**
   * Fields of the form the search left out as possibly signed extras (bounded: the message's own
   * fields and the likely extras, NB_ fields first, are tried; a page's other inputs beyond that are not).
   */
  readonly leftOut: string[];
  /** Key-ring warnings: change-over day, overlap, no key valid. */
  readonly warnings: Text[];
  readonly candidates: number;
  readonly elapsedMs: number;
  readonly candidatesPerSecond: number;
}

export interface DoctorOptions {
  /** The encoding the MAC should use; UTF-8 unless told otherwise. The other one is tried. */
  readonly encoding?: Encoding;
  /** The message's date (`YYYY-MM-DD`), to pick the ring's key; else an answer's NB_PAID or a request's today in Sweden. */
  readonly date?: string;
  /** The time it is now, for today's date in Sweden (tests); the clock's by default. */
  readonly now?: Date;
}

// ---------------------------------------------------------------------------------------------

const now = (): number => (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();

/** A value quoted so whitespace and line breaks are visible: `"SEK "`, `"1\u00a0234,50"`. */
function quoted(value: string): string {
  return JSON.stringify(value).replace(/[\u00a0\u202f\u2007\u2009\u200b\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const names = (entries: readonly FieldEntry[]): string => entries.map((e) => e.name).join(', ');
const join = (entries: readonly FieldEntry[], separator = SEPARATOR): string => entries.map((e) => e.value).join(separator);

/** A piece of a candidate string, encoded once per encoding (`latin1` is `null` where ISO-8859-1 cannot hold it). */
interface Piece {
  readonly text: string;
  readonly utf8: Uint8Array;
  readonly latin1: Uint8Array | null;
  readonly ascii: boolean;
}

/** Pieces by their text: each distinct value, separator or name is encoded once per diagnosis. */
class Pieces {
  private readonly known = new Map<string, Piece>();
  /** Whether every piece is 7-bit ASCII (then the other encoding gives the same bytes). */
  ascii = true;

  of(value: string): Piece {
    let piece = this.known.get(value);
    if (!piece) {
      piece = { text: value, utf8: encodeText(value, 'utf-8'), latin1: /[^\x00-\xff]/.test(value) ? null : encodeText(value, 'iso-8859-1'), ascii: isAscii(value) };
      if (!piece.ascii) this.ascii = false;
      this.known.set(value, piece);
    }
    return piece;
  }
}

/** Appends `values` joined by `separator` (none for `null`). */
function joinInto(values: readonly Piece[], separator: Piece | null, out: Piece[]): void {
  for (let i = 0; i < values.length; i++) {
    if (i > 0 && separator) out.push(separator);
    out.push(values[i]!);
  }
}

/** A change to the signed values (amount format, whitespace): new pieces at some places. */
interface Tweak {
  readonly cause: DoctorCause;
  /** The index of the changed entry (-1: all of them). */
  readonly index: number;
  readonly changes: ReadonlyArray<readonly [number, Piece]>;
  readonly say: Text;
}

/** A change to how the values become a string (order, fields, separator, kind). */
interface Shape {
  readonly cause: DoctorCause;
  /** Appends the candidate's pieces, given one piece per signed value, to `out`. */
  readonly parts: (values: readonly Piece[], out: Piece[]) => void;
  readonly say: () => Text;
  /** Cheap enough to combine with every tweak. */
  readonly pairable: boolean;
}

/** The forms an amount is commonly signed in, other than the one given. */
function amountForms(value: string): string[] {
  const parsed = parseAmount(value);
  if (!parsed) return [];
  const whole = String(Math.floor(parsed.hundredths / 100));
  const cents = String(parsed.hundredths % 100).padStart(2, '0');
  const grouped = (sep: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const forms = [
    `${whole}.${cents}`,
    `${whole},${cents}`,
    String(parsed.hundredths / 100),
    String(parsed.hundredths / 100).replace('.', ','),
    ...(cents === '00' ? [whole] : []),
    String(parsed.hundredths),
    ...(whole.length > 3
      ? [`${grouped('\u00a0')},${cents}`, `${grouped(' ')},${cents}`, `${grouped('\u202f')},${cents}`, `${grouped('.')},${cents}`, `${grouped(',')}.${cents}`]
      : []),
  ];
  return [...new Set(forms)].filter((f) => f !== value);
}

const WHITESPACE_FORMS: ReadonlyArray<[(v: string) => string, Text]> = [
  [(v) => ` ${v}`, text('with a leading space', 'med ett inledande mellanslag')],
  [(v) => `${v} `, text('with a trailing space', 'med ett avslutande mellanslag')],
  [(v) => `${v}\n`, text('with a trailing line break', 'med en avslutande radbrytning')],
  [(v) => `${v}\r\n`, text('with a trailing CR LF line break', 'med en avslutande CR LF-radbrytning')],
  [(v) => `${v}\t`, text('with a trailing tab', 'med en avslutande tabb')],
];

/** The value mistakes to try. In an answer (bank → shop) the bank signed right, so they say what your side changed. */
function tweaksOf(kind: MessageKind, base: readonly FieldEntry[], pieces: Pieces): Tweak[] {
  const fromBank = messageSpec(kind).direction === 'bankToShop';
  const tweaks: Tweak[] = [];
  base.forEach((entry, index) => {
    if (fieldSpec(kind, entry.name)?.rule === 'amount') {
      for (const form of amountForms(entry.value)) {
        tweaks.push({
          cause: 'amount-format',
          index,
          changes: [[index, pieces.of(form)]],
          say: fromBank
            ? text(
                `The bank signed ${entry.name} as ${quoted(form)}; the message as you have it carries ${quoted(entry.value)}: your side (its log, its parser or a copy) turned ${quoted(form)} into ${quoted(entry.value)}. Read the answer exactly as the bank posted it.`,
                `Banken signerade ${entry.name} som ${quoted(form)}; meddelandet som du har det innehåller ${quoted(entry.value)}: din sida (loggen, tolkningen eller en kopia) gjorde om ${quoted(form)} till ${quoted(entry.value)}. Läs svaret exakt som banken skickade det.`,
              )
            : text(
                `${entry.name} was signed as ${quoted(form)} while the message carries ${quoted(entry.value)}: sign the value exactly as sent.`,
                `${entry.name} signerades som ${quoted(form)} medan meddelandet innehåller ${quoted(entry.value)}: signera värdet exakt som det skickas.`,
              ),
        });
      }
    }
    const trimmed = entry.value.trim();
    if (trimmed !== entry.value) {
      tweaks.push({
        cause: 'whitespace',
        index,
        changes: [[index, pieces.of(trimmed)]],
        say: fromBank
          ? text(
              `The bank signed ${entry.name} as ${quoted(trimmed)}; the message as you have it carries ${quoted(entry.value)}: your side (its log, its parser or a copy) added the whitespace. Read the answer exactly as the bank posted it.`,
              `Banken signerade ${entry.name} som ${quoted(trimmed)}; meddelandet som du har det innehåller ${quoted(entry.value)}: din sida (loggen, tolkningen eller en kopia) lade till blanktecknen. Läs svaret exakt som banken skickade det.`,
            )
          : text(
              `${entry.name} was signed trimmed, ${quoted(trimmed)}, while the message carries ${quoted(entry.value)} with whitespace: sign values exactly as sent, never trimmed.`,
              `${entry.name} signerades trimmat, ${quoted(trimmed)}, medan meddelandet innehåller ${quoted(entry.value)} med blanktecken: signera värden exakt som de skickas, aldrig trimmade.`,
            ),
      });
    }
    for (const [form, how] of WHITESPACE_FORMS) {
      tweaks.push({
        cause: 'whitespace',
        index,
        changes: [[index, pieces.of(form(entry.value))]],
        say: fromBank
          ? text(
              `The bank signed ${entry.name} ${how.en}, ${quoted(form(entry.value))}; the message as you have it carries ${quoted(entry.value)}: your side (its log, its parser or a copy) removed it. Read the answer exactly as the bank posted it.`,
              `Banken signerade ${entry.name} ${how.sv}, ${quoted(form(entry.value))}; meddelandet som du har det innehåller ${quoted(entry.value)}: din sida (loggen, tolkningen eller en kopia) tog bort det. Läs svaret exakt som banken skickade det.`,
            )
          : text(
              `${entry.name} was signed ${how.en}, ${quoted(form(entry.value))}, while the message carries ${quoted(entry.value)}.`,
              `${entry.name} signerades ${how.sv}, ${quoted(form(entry.value))}, medan meddelandet innehåller ${quoted(entry.value)}.`,
            ),
      });
    }
  });
  if (base.filter((e) => e.value.trim() !== e.value).length > 1) {
    tweaks.push({
      cause: 'whitespace',
      index: -1,
      changes: base.map((e, i) => [i, pieces.of(e.value.trim())] as const),
      say: fromBank
        ? text(
            'The bank signed every value trimmed; the message as you have it carries whitespace around some: your side (its log, its parser or a copy) added it. Read the answer exactly as the bank posted it.',
            'Banken signerade alla värden trimmade; meddelandet som du har det har blanktecken runt några: din sida (loggen, tolkningen eller en kopia) lade till dem. Läs svaret exakt som banken skickade det.',
          )
        : text(
            'Every value was signed trimmed while the message carries whitespace around some: sign values exactly as sent.',
            'Alla värden signerades trimmade medan meddelandet har blanktecken runt några: signera värden exakt som de skickas.',
          ),
    });
  }
  return tweaks;
}

function* permutations(n: number): Generator<number[]> {
  const order = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  let i = 0;
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [order[j], order[i]] = [order[i]!, order[j]!];
      yield [...order];
      c[i]!++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

/**
 * How many fields of the form the search tries as signed extras: the likely ones (NB_ fields, in
 * the form's order) first, then the page's other inputs up to this bound; the rest are left out
 * (and listed), so a page with a hundred inputs is diagnosed as fast as a message. Only the
 * likely ones are combined with other mistakes.
 */
const EXTRA_FIELDS_TRIED = 8;
const likelyExtra = (name: string): boolean => /^NB_/i.test(name);

function shapesOf(kind: MessageKind, base: readonly FieldEntry[], fields: FieldInput, pieces: Pieces): { shapes: Shape[]; leftOut: string[] } {
  const shapes: Shape[] = [];
  const n = base.length;
  const amp = pieces.of(SEPARATOR);
  const expectedOrder = names(base);
  const formEntries = toEntries(fields).filter((e) => e.name !== 'NB_HMAC');
  const formIndex = new Map<string, number>();
  formEntries.forEach((e, i) => {
    if (!formIndex.has(e.name)) formIndex.set(e.name, i);
  });

  // Orders: every permutation for up to 6 fields, else every swap; the form's order, alphabetical and reversed always.
  const orders = new Map<string, number[]>();
  const addOrder = (order: number[]) => {
    if (order.some((v, i) => v !== i)) orders.set(order.join(','), order);
  };
  const byIndex = (key: (e: FieldEntry) => string | number) =>
    base.map((e, i) => ({ i, k: key(e) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i)).map((x) => x.i);
  const special = [byIndex((e) => formIndex.get(e.name) ?? formEntries.length + 99), byIndex((e) => e.name), base.map((_, i) => n - 1 - i)];
  special.forEach(addOrder);
  if (n <= 6) for (const p of permutations(n)) addOrder(p);
  else for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) addOrder(base.map((_, k) => (k === i ? j : k === j ? i : k)));
  const specialKeys = new Set(special.map((o) => o.join(',')));
  for (const [key, order] of orders) {
    const pairable = specialKeys.has(key) || order.filter((v, i) => v !== i).length === 2;
    shapes.push({
      cause: 'field-order',
      pairable,
      parts: (values, out) => {
        for (let k = 0; k < order.length; k++) {
          if (k > 0) out.push(amp);
          out.push(values[order[k]!]!);
        }
      },
      say: () => {
        const used = order.map((i) => base[i]!.name).join(', ');
        return text(
          `The values were signed in the order ${used}; the handbook’s order is ${expectedOrder}.`,
          `Värdena signerades i ordningen ${used}; handbokens ordning är ${expectedOrder}.`,
        );
      },
    });
  }

  // A signed field left out (one, or two).
  const without = (skip: readonly number[]) => (values: readonly Piece[], out: Piece[]) => {
    let first = true;
    for (let k = 0; k < values.length; k++) {
      if (skip.includes(k)) continue;
      if (!first) out.push(amp);
      out.push(values[k]!);
      first = false;
    }
  };
  for (let i = 0; i < n; i++) {
    shapes.push({
      cause: 'missing-field',
      pairable: true,
      parts: without([i]),
      say: () => text(`${base[i]!.name} was left out of the signed string; it is part of the MAC.`, `${base[i]!.name} utelämnades ur den signerade strängen; fältet ingår i MAC:en.`),
    });
    for (let j = i + 1; j < n; j++) {
      shapes.push({
        cause: 'missing-field',
        pairable: false,
        parts: without([i, j]),
        say: () =>
          text(
            `${base[i]!.name} and ${base[j]!.name} were left out of the signed string; both are part of the MAC.`,
            `${base[i]!.name} och ${base[j]!.name} utelämnades ur den signerade strängen; båda ingår i MAC:en.`,
          ),
      });
    }
  }

  // A field signed that is not part of the MAC, at every position: NB_VERSION and the form's other
  // fields, the likely ones first and at most EXTRA_FIELDS_TRIED; every field of the form.
  const signedNames = new Set(base.map((e) => e.name));
  const others = new Map<string, FieldEntry>();
  if (!formIndex.has('NB_VERSION') && messageSpec(kind).fields.some((f) => f.name === 'NB_VERSION')) others.set('NB_VERSION', { name: 'NB_VERSION', value: '0002' });
  for (const e of formEntries) if (!signedNames.has(e.name) && !others.has(e.name)) others.set(e.name, e);
  const likely = [...others.values()].sort((a, b) => Number(!likelyExtra(a.name)) - Number(!likelyExtra(b.name)));
  const extras = likely.slice(0, EXTRA_FIELDS_TRIED);
  const leftOut = likely.slice(EXTRA_FIELDS_TRIED).map((e) => e.name);
  for (const extra of extras) {
    const value = pieces.of(extra.value);
    for (let at = 0; at <= n; at++) {
      shapes.push({
        cause: 'extra-field',
        pairable: likelyExtra(extra.name),
        parts: (values, out) => {
          for (let k = 0; k <= values.length; k++) {
            if (k > 0) out.push(amp);
            out.push(k === at ? value : values[k < at ? k : k - 1]!);
          }
        },
        say: () =>
          text(
            `${extra.name} (${quoted(extra.value)}) was signed as well, as value ${at + 1} of ${n + 1}; it is not part of this message’s MAC.`,
            `${extra.name} (${quoted(extra.value)}) signerades också, som värde ${at + 1} av ${n + 1}; fältet ingår inte i meddelandets MAC.`,
          ),
      });
    }
  }
  const signedIndex = new Map(base.map((e, i) => [e.name, i]));
  for (const skip of [[], ['NB_KVV']]) {
    const all = formEntries.filter((e) => !skip.includes(e.name));
    if (all.length === n && names(all) === expectedOrder) continue;
    // Each field of the form: its signed value's place (a tweak applies there), or its own piece.
    const refs = all.map((e) => signedIndex.get(e.name) ?? pieces.of(e.value));
    shapes.push({
      cause: 'extra-field',
      pairable: false,
      parts: (values, out) => {
        for (let k = 0; k < refs.length; k++) {
          if (k > 0) out.push(amp);
          const ref = refs[k]!;
          out.push(typeof ref === 'number' ? values[ref]! : ref);
        }
      },
      say: () =>
        text(
          `Every field of the form was signed, in the form’s order (${names(all)}); only ${expectedOrder} are part of the MAC.`,
          `Alla formulärets fält signerades, i formulärets ordning (${names(all)}); bara ${expectedOrder} ingår i MAC:en.`,
        ),
    });
  }

  // Another separator.
  const separators: Array<[string, Text]> = [
    ['', text('nothing', 'ingenting')],
    ['|', text('"|"', '”|”')],
    [';', text('";"', '”;”')],
    [',', text('","', '”,”')],
    [':', text('":"', '”:”')],
    [' ', text('a space', 'ett mellanslag')],
    ['\t', text('a tab', 'en tabb')],
    ['\n', text('a line break', 'en radbrytning')],
    ['\r\n', text('CR LF line breaks', 'CR LF-radbrytningar')],
    ['+', text('"+"', '”+”')],
    ['&&', text('"&&"', '”&&”')],
    ['&amp;', text('"&amp;" (the HTML-escaped &)', '”&amp;” (HTML-kodat &)')],
  ];
  for (const [sep, name] of separators) {
    const piece = sep === '' ? null : pieces.of(sep);
    shapes.push({
      cause: 'separator',
      pairable: true,
      parts: (values, out) => joinInto(values, piece, out),
      say: () => text(`The values were joined by ${name.en} instead of "&".`, `Värdena sammanfogades med ${name.sv} i stället för ”&”.`),
    });
  }
  const framings: Array<[boolean, Text]> = [
    [false, text('with a trailing "&"', 'med ett avslutande ”&”')],
    [true, text('with a leading "&"', 'med ett inledande ”&”')],
  ];
  for (const [leading, how] of framings) {
    shapes.push({
      cause: 'separator',
      pairable: true,
      parts: (values, out) => {
        if (leading) out.push(amp);
        joinInto(values, amp, out);
        if (!leading) out.push(amp);
      },
      say: () => text(`The string was signed ${how.en}.`, `Strängen signerades ${how.sv}.`),
    });
  }
  const prefixes = base.map((e) => pieces.of(`${e.name}=`));
  shapes.push({
    cause: 'separator',
    pairable: true,
    parts: (values, out) => {
      for (let k = 0; k < values.length; k++) {
        if (k > 0) out.push(amp);
        out.push(prefixes[k]!, values[k]!);
      }
    },
    say: () =>
      text(
        'The fields were signed as NAME=value pairs (a query string); only the values are signed, joined by "&".',
        'Fälten signerades som NAMN=värde-par (en query string); bara värdena signeras, sammanfogade med ”&”.',
      ),
  });

  // The MAC string of another message kind formed from the same fields (NB_X read as NB_RETURN_X and back).
  const record = toRecord(fields);
  const augmented: Record<string, string> = { ...record };
  for (const [name, value] of Object.entries(record)) {
    const twin = name.startsWith('NB_RETURN_') ? `NB_${name.slice('NB_RETURN_'.length)}` : `NB_RETURN_${name.slice(3)}`;
    if (!(twin in augmented)) augmented[twin] = value;
  }
  const baseString = join(base);
  for (const other of MESSAGE_KINDS) {
    if (other === kind) continue;
    let signed: FieldEntry[] | null;
    try {
      signed = signedFields(other, augmented);
    } catch {
      continue;
    }
    if (!signed || join(signed) === baseString) continue;
    const otherSigned = signed;
    const otherPieces = signed.map((e) => pieces.of(e.value));
    const title = MESSAGES[other].title;
    shapes.push({
      cause: 'other-kind',
      pairable: false,
      parts: (_, out) => joinInto(otherPieces, amp, out),
      say: () =>
        text(
          `This is the MAC of another message, ${title.en} (${names(otherSigned)}), not of ${MESSAGES[kind].title.en}.`,
          `Detta är MAC för ett annat meddelande, ${title.sv} (${names(otherSigned)}), inte för ${MESSAGES[kind].title.sv}.`,
        ),
    });
  }
  return { shapes, leftOut };
}

/**
 * The candidate's bytes: written from pieces into one reused buffer, with views of it cached per
 * range, so that neither writing nor hashing a candidate allocates.
 */
class CandidateBytes {
  buffer = new Uint8Array(1024);
  /** Whether the last candidate written is 7-bit ASCII. */
  ascii = true;
  private views: Uint8Array[][] = [];

  /** Writes the pieces' bytes in the encoding; returns the length, or -1 when ISO-8859-1 cannot hold a piece. */
  write(parts: readonly Piece[], encoding: Encoding): number {
    let n = 0;
    let ascii = true;
    for (let p = 0; p < parts.length; p++) {
      const piece = parts[p]!;
      const bytes = encoding === 'utf-8' ? piece.utf8 : piece.latin1;
      if (bytes === null) return -1;
      if (!piece.ascii) ascii = false;
      if (n + bytes.length > this.buffer.length) {
        const grown = new Uint8Array((n + bytes.length) * 2);
        grown.set(this.buffer.subarray(0, n));
        this.buffer = grown;
        this.views = [];
      }
      const out = this.buffer;
      for (let i = 0; i < bytes.length; i++) out[n++] = bytes[i]!;
    }
    this.ascii = ascii;
    return n;
  }

  /** The bytes from `start` to `end`, as a view kept for the next candidate of that length. */
  view(start: number, end: number): Uint8Array {
    const row = (this.views[start] ??= []);
    return (row[end] ??= this.buffer.subarray(start, end));
  }
}

/** A noble hash's running state (SHA-256, SHA-1, MD5, SHA-512 alike). */
interface HashState extends Hash<HashState> {
  readonly blockLen: number;
}

/** A noble hash's own block buffer: a digest written into it spares noble a DataView per digest. */
const ownBuffer = (hash: Hash<unknown>): Uint8Array => (hash as unknown as { buffer: Uint8Array }).buffer;

/**
 * One key's HMAC under one hash, at noble's floor: the keyed inner and outer states are computed
 * once and cloned per candidate (as noble's own `_cloneInto` loop does), digests are written into
 * the hashes' own buffers, and candidates that share their first block (64 bytes; 128 for SHA-512)
 * with the previous long one start from the inner state after that block.
 */
class KeyedMac {
  readonly outputLen: number;
  private readonly blockLen: number;
  private readonly inner: HashState;
  private readonly outer: HashState;
  private readonly workInner: HashState;
  private readonly workOuter: HashState;
  private readonly innerDigest: Uint8Array;
  /** The digest of the last candidate: its first `outputLen` bytes. */
  readonly digest: Uint8Array;
  private readonly afterPrefix: HashState;
  private readonly prefix: Uint8Array;
  private hasPrefix = false;

  constructor(hash: CHash, key: Uint8Array) {
    const keyed = hmac.create(hash, key);
    this.inner = keyed.iHash;
    this.outer = keyed.oHash;
    this.outputLen = keyed.outputLen;
    this.blockLen = keyed.blockLen;
    this.workInner = this.inner.clone();
    this.workOuter = this.outer.clone();
    this.afterPrefix = this.inner.clone();
    this.innerDigest = ownBuffer(this.workInner).subarray(0, this.outputLen);
    this.digest = ownBuffer(this.workOuter);
    this.prefix = new Uint8Array(this.blockLen);
  }

  /** The HMAC of the candidate's first `length` bytes, into `digest`. */
  compute(bytes: CandidateBytes, length: number): Uint8Array {
    const block = this.blockLen;
    let from = this.inner;
    let data: Uint8Array;
    if (length >= block) {
      const buffer = bytes.buffer;
      let same = this.hasPrefix;
      for (let i = 0; same && i < block; i++) same = buffer[i] === this.prefix[i];
      if (!same) {
        const head = bytes.view(0, block);
        this.inner._cloneInto(this.afterPrefix).update(head);
        this.prefix.set(head);
        this.hasPrefix = true;
      }
      from = this.afterPrefix;
      data = bytes.view(block, length);
    } else data = bytes.view(0, length);
    from._cloneInto(this.workInner).update(data).digestInto(ownBuffer(this.workInner));
    this.outer._cloneInto(this.workOuter).update(this.innerDigest).digestInto(this.digest);
    return this.digest;
  }
}

/** An HMAC the doctor can name from the given MAC's length. */
interface HmacAlgorithm {
  readonly name: string;
  readonly hash: CHash;
  /** `null` for HMAC-SHA256, the protocol's own. */
  readonly cause: DoctorCause | null;
  readonly say: Text | null;
}

const HMAC_SHA256: HmacAlgorithm = { name: 'HMAC-SHA256', hash: sha256, cause: null, say: null };
const HMAC_SHA1: HmacAlgorithm = {
  name: 'HMAC-SHA1',
  hash: sha1,
  cause: 'hmac-sha1',
  say: text(
    'The MAC was made with HMAC-SHA1 (40 hexadecimal characters) instead of HMAC-SHA256: use SHA-256 and send the first 32 characters.',
    'MAC:en gjordes med HMAC-SHA1 (40 hexadecimala tecken) i stället för HMAC-SHA256: använd SHA-256 och skicka de första 32 tecknen.',
  ),
};
const HMAC_MD5: HmacAlgorithm = {
  name: 'HMAC-MD5',
  hash: md5,
  cause: 'hmac-md5',
  say: text(
    'The MAC was made with HMAC-MD5, whose 32 hexadecimal characters look like an NB_HMAC, instead of HMAC-SHA256: use SHA-256.',
    'MAC:en gjordes med HMAC-MD5, vars 32 hexadecimala tecken liknar en NB_HMAC, i stället för HMAC-SHA256: använd SHA-256.',
  ),
};
const HMAC_SHA512: HmacAlgorithm = {
  name: 'HMAC-SHA512',
  hash: sha512,
  cause: 'hmac-sha512',
  say: text(
    'The MAC is an HMAC-SHA512 cut to 32 characters instead of HMAC-SHA256: use SHA-256, not SHA-512.',
    'MAC:en är en HMAC-SHA512 avkortad till 32 tecken i stället för HMAC-SHA256: använd SHA-256, inte SHA-512.',
  ),
};

/** The HMACs whose digest, cut to NB_HMAC's 16 bytes or in full, has the given MAC's length in bytes. */
function algorithmsFor(length: number): HmacAlgorithm[] {
  if (length === 20) return [HMAC_SHA1];
  if (length === 16) return [HMAC_SHA256, HMAC_MD5, HMAC_SHA512];
  return [HMAC_SHA256];
}

const OTHER_ENCODING: Readonly<Record<Encoding, Encoding>> = { 'utf-8': 'iso-8859-1', 'iso-8859-1': 'utf-8' };

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A MAC in base64 (padded or not) or base64url of 16 or 32 bytes: forms the doctor reads and explains. */
const BASE64_MAC = /^(?:[A-Za-z0-9+/]{22}(?:==)?|[A-Za-z0-9+/]{43}=?|[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{43})$/;
/** The lengths of a MAC in hexadecimal the doctor reads: NB_HMAC, HMAC-SHA1, the full HMAC-SHA256. */
const MAC_HEX_LENGTHS = [32, 40, 64];

/**
 * A MAC (NB_HMAC) or KVV as typed or pasted: group spaces removed, checked to be hexadecimal of the
 * right length. A MAC may also have 40 or 64 characters (an HMAC-SHA1, the untruncated HMAC) or be
 * in base64 or base64url: the doctor diagnoses those.
 * Throws an `EbetError` naming the field (`NB_HMAC` / `NB_KVV`) that says what is wrong.
 */
export function readHexValue(value: string, field: 'NB_HMAC' | 'NB_KVV'): string {
  const what = field === 'NB_HMAC' ? text('MAC', 'MAC') : text('KVV', 'KVV');
  const compact = typeof value === 'string' ? value.replace(/\s+/g, '') : '';
  if (compact === '') {
    throw new EbetError(
      `${what.en.toLowerCase()}-missing`,
      text(`No ${what.en} was given: paste the ${field} that was sent`, `Ingen ${what.sv} angavs: klistra in ${field} som skickades`),
      field,
    );
  }
  const bad = /[^0-9a-fA-F]/.exec(compact);
  if (bad && field === 'NB_HMAC' && BASE64_MAC.test(compact)) return compact;
  if (bad) {
    throw new EbetError(
      `${what.en.toLowerCase()}-not-hex`,
      text(
        `The ${what.en}'s character "${bad[0]}" at position ${bad.index + 1} is not hexadecimal; a ${what.en} is 32 characters 0–9 and A–F`,
        `${field === 'NB_HMAC' ? 'MAC:ens' : 'KVV:ns'} tecken ”${bad[0]}” på position ${bad.index + 1} är inte hexadecimalt; en ${what.sv} är 32 tecken 0–9 och A–F`,
      ),
      field,
    );
  }
  if (compact.length !== 32 && !(field === 'NB_HMAC' && MAC_HEX_LENGTHS.includes(compact.length))) {
    throw new EbetError(
      `${what.en.toLowerCase()}-length`,
      field === 'NB_HMAC'
        ? text(
            `The MAC has ${compact.length} hexadecimal characters; NB_HMAC has 32 (or 64 when the full HMAC was sent by mistake, 40 for an HMAC-SHA1)`,
            `MAC:en har ${compact.length} hexadecimala tecken; NB_HMAC har 32 (eller 64 om hela HMAC skickades av misstag, 40 för en HMAC-SHA1)`,
          )
        : text(
            `The KVV has ${compact.length} hexadecimal characters; it needs exactly 32`,
            `KVV:n har ${compact.length} hexadecimala tecken; den ska ha exakt 32`,
          ),
      field,
    );
  }
  return compact;
}

/** The given MAC read: its bytes and how it was written. */
interface GivenMac {
  readonly compact: string;
  readonly bytes: Uint8Array;
  readonly form: 'hex' | 'base64' | 'base64url';
  readonly lowercase: boolean;
  /** 32 bytes of HMAC-SHA256 where NB_HMAC has 16. */
  readonly untruncated: boolean;
  /** Base64 with its `=` padding. */
  readonly padded: boolean;
}

function readGivenMac(givenMac: string): GivenMac {
  const compact = readHexValue(givenMac, 'NB_HMAC');
  if (/^[0-9a-fA-F]+$/.test(compact)) {
    return { compact, bytes: hexToBytes(compact), form: 'hex', lowercase: /[a-f]/.test(compact), untruncated: compact.length === 64, padded: false };
  }
  const bytes = fromBase64url(compact)!;
  const form = /[-_]/.test(compact) || !/[+/=]/.test(compact) ? 'base64url' : 'base64';
  return { compact, bytes, form, lowercase: false, untruncated: bytes.length === 32, padded: compact.endsWith('=') };
}

/** A digest written as the given MAC was: cut to its length, in its form and case. */
function asGiven(given: GivenMac, digest: Uint8Array): string {
  const cut = digest.subarray(0, given.bytes.length);
  if (given.form === 'hex') return given.lowercase ? toHex(cut).toLowerCase() : toHex(cut);
  const alphabet = given.form === 'base64url' ? BASE64URL_ALPHABET : BASE64_ALPHABET;
  let written = '';
  for (let i = 0; i < cut.length; i += 3) {
    const chunk = (cut[i]! << 16) | ((cut[i + 1] ?? 0) << 8) | (cut[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((cut.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) written += alphabet[(chunk >> (18 - 6 * k)) & 63];
  }
  return given.padded ? written.padEnd(Math.ceil(written.length / 4) * 4, '=') : written;
}

function keyLabel(index: number, ringSize: number, use: KeyUse, kvv: string): Text {
  const which = ringSize > 1 ? text(`key ${index + 1} of the ring`, `nyckel ${index + 1} i nyckelringen`) : text('the key', 'nyckeln');
  const how: Record<KeyUse, Text> = {
    bytes: text('its 16 decoded bytes', 'dess 16 avkodade byte'),
    'text-upper': text('its 32 characters as ASCII text, upper case', 'dess 32 tecken som ASCII-text, versaler'),
    'text-lower': text('its 32 characters as ASCII text, lower case', 'dess 32 tecken som ASCII-text, gemener'),
    'text-as-typed': text('its characters as typed (with spaces) as ASCII text', 'dess tecken som de skrevs in (med mellanslag), som ASCII-text'),
  };
  return text(`${which.en}, ${how[use].en} (KVV ${groupHex(kvv)})`, `${which.sv}, ${how[use].sv} (KVV ${groupHex(kvv)})`);
}

/** The policy's findings on a diagnosed message: how the MAC and NB_KVV are written, NB_KVV against the key. */
function notesOf(direction: Direction, record: Readonly<Record<string, string>>, givenMac: string, key: string | null): PolicyFinding[] {
  const notes = hexWriting('NB_HMAC', givenMac, direction);
  if (record.NB_KVV) notes.push(...hexWriting('NB_KVV', record.NB_KVV, direction));
  const kvv = key === null ? null : kvvCheck(direction, record.NB_KVV, key);
  if (kvv) notes.push(kvv);
  return byLevel(notes);
}

/** A key of the ring as it may have been used: the right one, as text, or another of the ring. */
interface KeyUseOf {
  readonly interpretation: KeyInterpretation;
  readonly cause: DoctorCause | null;
  /** The bytes used as key. */
  readonly raw: Uint8Array;
  readonly say: Text | null;
}

/** A key use under an HMAC: what one candidate string is hashed with. */
interface KeyVariant {
  readonly interpretation: KeyInterpretation;
  readonly algorithm: string;
  /** Its mistakes: a key mistake and/or another HMAC (0, 1 or 2). */
  readonly causes: readonly DoctorCause[];
  readonly causeIndexes: readonly number[];
  readonly says: readonly Text[];
  readonly mac: KeyedMac;
}

const CAUSES = Object.keys(DOCTOR_CAUSES) as DoctorCause[];
const CAUSE_INDEX = new Map(CAUSES.map((c, i) => [c, i]));
const causeIndex = (cause: DoctorCause): number => CAUSE_INDEX.get(cause)!;

/**
 * Diagnoses a MAC that does not verify: returns every explanation found (each reproducible), a
 * clear "correct" when the MAC verifies, or an empty list and what was tried.
 * Throws an `EbetError` naming the field for bad input (key, MAC, unknown kind, missing field).
 */
export function diagnoseMac(kind: MessageKind, fields: FieldInput, givenMac: string, keys: Keys, options: DoctorOptions = {}): Diagnosis {
  const started = now();
  messageSpec(kind);
  const encoding = options.encoding ?? 'utf-8';
  const given = readGivenMac(givenMac);
  const ring: KeyRingEntry[] = normalizeKeys(keys);
  const base = signedFields(kind, fields);
  if (!base) {
    throw new EbetError(
      'no-mac',
      text('NB_VERIFIED is ERR: the bank computes no MAC for this answer, so there is nothing to check', 'NB_VERIFIED är ERR: banken beräknar ingen MAC för detta svar, så det finns inget att kontrollera'),
      'NB_VERIFIED',
    );
  }
  const expectedString = join(base);
  const direction = messageSpec(kind).direction;
  const fromBank = direction === 'bankToShop';

  // Which keys are right: the one valid on the date (given; else an answer's NB_PAID, a request's
  // today in Sweden, as verifyMessage picks it), or every key when no date is known.
  const sent = toRecord(fields);
  const date = options.date || (fromBank ? dateOfPaid(sent.NB_PAID ?? '') : swedishDate(options.now)) || null;
  const warnings: Text[] = [];
  let acceptable = ring.map((_, i) => i);
  if (date && ring.length > 1 && ring.some((e) => e.from || e.to)) {
    const selection = keyForDate(ring, date);
    warnings.push(...selection.warnings);
    acceptable = selection.index >= 0 ? [selection.index] : [];
  }
  const keyIndex = acceptable[0] ?? -1;

  const kvvs = ring.map((e) => computeKvv(e.key));
  const keyUses: KeyUseOf[] = [];
  const addKey = (index: number, use: KeyUse, raw: Uint8Array, cause: DoctorCause | null, say: Text | null) => {
    const interpretation: KeyInterpretation = { index, use, kvv: kvvs[index]!, label: keyLabel(index, ring.length, use, kvvs[index]!) };
    keyUses.push({ interpretation, cause, raw, say });
  };
  const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
  ring.forEach((entry, index) => {
    const hex = normalizeKey(entry.key);
    const right = acceptable.includes(index);
    const ringSay = right
      ? null
      : text(
          `It was made with key ${index + 1} of the ring (${entry.from ?? '…'} – ${entry.to ?? '…'}, KVV ${groupHex(kvvs[index]!)})${keyIndex >= 0 ? `, not key ${keyIndex + 1}, the key valid on ${date}` : `, while no key of the ring is valid on ${date}`}.`,
          `Den gjordes med nyckel ${index + 1} i nyckelringen (${entry.from ?? '…'} – ${entry.to ?? '…'}, KVV ${groupHex(kvvs[index]!)})${keyIndex >= 0 ? `, inte nyckel ${keyIndex + 1} som gäller ${date}` : `, medan ingen nyckel i nyckelringen gäller ${date}`}.`,
        );
    addKey(index, 'bytes', hexToBytes(hex), right ? null : 'other-key', ringSay);
    if (!right) return;
    // Each spelling once: a key typed exactly in upper or lower case is that spelling, not a third one.
    const texts = new Map<string, KeyUse>();
    for (const [value, use] of [[hex, 'text-upper'], [hex.toLowerCase(), 'text-lower'], [entry.key.trim(), 'text-as-typed']] as const) {
      if (!texts.has(value)) texts.set(value, use);
    }
    for (const [value, use] of texts) {
      addKey(
        index,
        use,
        ascii(value),
        'key-as-text',
        text(
          `The key was used as its ${value.length} characters of text (${use === 'text-lower' ? 'lower case' : use === 'text-upper' ? 'upper case' : 'as typed'}) instead of the 16 bytes its hexadecimal digits stand for: decode the key from hex before using it.`,
          `Nyckeln användes som text, sina ${value.length} tecken (${use === 'text-lower' ? 'gemener' : use === 'text-upper' ? 'versaler' : 'som den skrevs in'}), i stället för de 16 byte som dess hexadecimala siffror står för: avkoda nyckeln från hex innan du använder den.`,
        ),
      );
    }
  });
  const rightKeys = keyUses.filter((k) => k.cause === null);
  const textKeys = keyUses.filter((k) => k.cause === 'key-as-text');
  const expectedKey = rightKeys[0] ?? null;

  // Every key use under every HMAC the MAC's length allows, grouped by how many mistakes they add.
  const algorithms = algorithmsFor(given.bytes.length);
  const sha256Fits = algorithms.includes(HMAC_SHA256);
  const keysByCauses: KeyVariant[][] = [[], [], []];
  for (const algorithm of algorithms) {
    for (const use of keyUses) {
      const causes = [use.cause, algorithm.cause].filter((c): c is DoctorCause => c !== null);
      keysByCauses[causes.length]!.push({
        interpretation: use.interpretation,
        algorithm: algorithm.name,
        causes,
        causeIndexes: causes.map(causeIndex),
        says: [use.say, algorithm.say].filter((s): s is Text => s !== null),
        mac: new KeyedMac(algorithm.hash, use.raw),
      });
    }
  }
  // With two string mistakes, only the common key mistakes: another HMAC where HMAC-SHA256 also
  // fits the MAC's length (MD5, SHA-512 for 32 characters) combines with at most one.
  const optional = (k: KeyVariant) => sha256Fits && k.algorithm !== HMAC_SHA256.name;
  const keysWithTwoStringMistakes = keysByCauses[1]!.filter((k) => !optional(k));

  // The search's reused state: the pieces of the current candidate, its bytes, counts per cause.
  const pieces = new Pieces();
  const amp = pieces.of(SEPARATOR);
  const basePieces = base.map((e) => pieces.of(e.value));
  const values = basePieces.slice();
  const parts: Piece[] = [];
  const bytes = new CandidateBytes();
  const target = given.bytes;
  const compareLength = target.length;
  let candidates = 0;
  const counts = new Array<number>(CAUSES.length).fill(0);
  const ENCODING_CAUSE = causeIndex('encoding');
  // What made the current candidate string: up to two tweaks and a shape.
  let tweakA: Tweak | null = null;
  let tweakB: Tweak | null = null;
  let shape: Shape | null = null;
  const stringCauses = new Int32Array(3);
  let stringCauseCount = 0;
  const current = (a: Tweak | null, b: Tweak | null, s: Shape | null) => {
    tweakA = a;
    tweakB = b;
    shape = s;
    stringCauseCount = 0;
    if (a) stringCauses[stringCauseCount++] = causeIndex(a.cause);
    if (b) stringCauses[stringCauseCount++] = causeIndex(b.cause);
    if (s) stringCauses[stringCauseCount++] = causeIndex(s.cause);
  };

  const findings: DoctorFinding[] = [];
  const found = new Set<string>();
  const expectedBytes = encodeSigned(base, expectedString, encoding);
  const expectedMac = expectedKey ? toHex(hmac(sha256, expectedKey.raw, expectedBytes)).slice(0, 32) : null;

  const record = (enc: Encoding, key: { interpretation: KeyInterpretation; causes: readonly DoctorCause[]; says: readonly Text[] }, algorithm: string, full: Uint8Array, len: number) => {
    const string = parts.map((p) => p.text).join('');
    const id = `${string}\u0000${enc}\u0000${key.interpretation.index}${key.interpretation.use}\u0000${algorithm}`;
    if (found.has(id)) return;
    found.add(id);
    const causes: DoctorCause[] = [];
    const says: Text[] = [];
    for (const tweak of [tweakA, tweakB]) {
      if (!tweak) continue;
      causes.push(tweak.cause);
      says.push(tweak.say);
    }
    if (shape) {
      causes.push(shape.cause);
      says.push(shape.say());
    }
    if (enc !== encoding) {
      causes.push('encoding');
      says.push(
        text(
          `The string was encoded as ${ENCODING_NAMES[enc].en}, not ${ENCODING_NAMES[encoding].en}: both sides must use the same character set (the handbook names none).`,
          `Strängen kodades som ${ENCODING_NAMES[enc].sv}, inte ${ENCODING_NAMES[encoding].sv}: båda sidor måste använda samma teckenuppsättning (handboken anger ingen).`,
        ),
      );
    }
    causes.push(...key.causes);
    says.push(...key.says);
    if (!algorithm.startsWith('HMAC-')) {
      causes.push('plain-hash');
      says.push(
        text(
          `A plain ${algorithm} was computed instead of HMAC-SHA256 with the key: use HMAC (FIPS 198, RFC 4868).`,
          `En vanlig ${algorithm} beräknades i stället för HMAC-SHA256 med nyckeln: använd HMAC (FIPS 198, RFC 4868).`,
        ),
      );
    }
    if (given.untruncated) {
      causes.push('untruncated');
      says.push(
        given.form === 'hex'
          ? text(
              'The full 64-character HMAC was sent; NB_HMAC is only its first 32 characters.',
              'Hela HMAC:en på 64 tecken skickades; NB_HMAC är bara de första 32 tecknen.',
            )
          : text(
              'The full 32-byte HMAC was sent; NB_HMAC is only its first 16 bytes (32 hexadecimal characters).',
              'Hela HMAC:en på 32 byte skickades; NB_HMAC är bara de första 16 byten (32 hexadecimala tecken).',
            ),
      );
    }
    if (given.form !== 'hex') {
      causes.push('base64');
      says.push(
        text(
          `The MAC was sent in ${given.form} instead of hexadecimal: NB_HMAC is written as upper-case hexadecimal characters.`,
          `MAC:en skickades i ${given.form} i stället för hexadecimalt: NB_HMAC skrivs med versala hexadecimala tecken.`,
        ),
      );
    }
    if (given.lowercase) {
      causes.push('lowercase-hex');
      says.push(text('The MAC was sent in lower case; the bank writes it in upper case.', 'MAC:en skickades med gemener; banken skriver den med versaler.'));
    }
    const fix =
      fromBank && expectedMac !== null
        ? text(
            `The bank signed right: NB_HMAC is the MAC of ${quoted(string)}. Verify the answer exactly as the bank posted it (no trimming, reformatting or re-encoding on your side); as you have it, the string is ${quoted(expectedString)} and its MAC would be ${expectedMac}.`,
            `Banken signerade rätt: NB_HMAC är MAC:en för ${quoted(string)}. Verifiera svaret exakt som banken skickade det (ingen trimning, omformatering eller omkodning på din sida); som du har det är strängen ${quoted(expectedString)} och dess MAC skulle vara ${expectedMac}.`,
          )
        : expectedMac !== null
        ? text(
            `Sign ${quoted(expectedString)} in ${ENCODING_NAMES[encoding].en} with ${expectedKey!.interpretation.label.en}: NB_HMAC = ${expectedMac}.`,
            `Signera ${quoted(expectedString)} i ${ENCODING_NAMES[encoding].sv} med ${expectedKey!.interpretation.label.sv}: NB_HMAC = ${expectedMac}.`,
          )
        : text(
            `No key of the ring is valid on ${date}: add the key for that date, then sign ${quoted(expectedString)}.`,
            `Ingen nyckel i nyckelringen gäller ${date}: lägg till nyckeln för det datumet och signera sedan ${quoted(expectedString)}.`,
          );
    findings.push({
      causes,
      explanation: text(says.map((s) => s.en).join(' '), says.map((s) => s.sv).join(' ')),
      fix,
      string,
      encoding: enc,
      bytesHex: toHex(bytes.view(0, len)),
      key: key.interpretation,
      algorithm,
      digest: toHex(full),
      mac: asGiven(given, full),
    });
  };

  /** Hashes the current candidate (`parts`) in each encoding under each key, recording every match. */
  const tryParts = (encodings: readonly Encoding[], keysToTry: readonly KeyVariant[]): void => {
    if (keysToTry.length === 0) return;
    for (const enc of encodings) {
      const len = bytes.write(parts, enc);
      if (len < 0 || (enc !== encoding && bytes.ascii)) continue; // unwritable, or the same bytes as the chosen encoding
      for (let c = 0; c < stringCauseCount; c++) counts[stringCauses[c]!]! += keysToTry.length;
      if (enc !== encoding) counts[ENCODING_CAUSE]! += keysToTry.length;
      for (const key of keysToTry) {
        const digest = key.mac.compute(bytes, len);
        candidates++;
        for (const c of key.causeIndexes) counts[c]!++;
        let same = true;
        for (let i = 0; i < compareLength; i++) {
          if (digest[i] !== target[i]) {
            same = false;
            break;
          }
        }
        if (same) record(enc, key, key.algorithm, digest.slice(0, key.mac.outputLen), len);
      }
    }
  };

  /** Plain SHA-256 of the current candidate with the key appended or prepended. */
  const plainHashes = (enc: Encoding): void => {
    const len = bytes.write(parts, enc);
    if (len < 0 || !sha256Fits) return;
    const string = bytes.buffer.slice(0, len);
    for (const key of [...rightKeys, ...textKeys]) {
      const variants: Array<[string, Uint8Array[]]> = [
        ['SHA-256(string + key)', [string, key.raw]],
        ['SHA-256(key + string)', [key.raw, string]],
        ['SHA-256(string + "&" + key)', [string, amp.utf8, key.raw]],
      ];
      for (const [algorithm, hashed] of variants) {
        const h = sha256.create();
        for (const p of hashed) h.update(p);
        const full = h.digest();
        candidates++;
        counts[causeIndex('plain-hash')]!++;
        let same = true;
        for (let i = 0; i < compareLength; i++) if (full[i] !== target[i]) same = false;
        if (same) record(enc, { interpretation: key.interpretation, causes: [], says: [] }, algorithm, full, len);
      }
    }
  };

  // Candidate strings by how many mistakes made them: 0 (the expected string), 1 (a tweak or a
  // shape), 2 (a tweak with a cheap shape; an amount with whitespace elsewhere). `run` is called
  // with `parts` holding each one.
  let tweaks: Tweak[] = [];
  let shapes: Shape[] = [];
  let leftOut: string[] = [];
  const reset = () => {
    for (let i = 0; i < values.length; i++) values[i] = basePieces[i]!;
  };
  const apply = (tweak: Tweak) => {
    for (let c = 0; c < tweak.changes.length; c++) values[tweak.changes[c]![0]] = tweak.changes[c]![1];
  };
  const joined = () => {
    parts.length = 0;
    joinInto(values, amp, parts);
  };
  const eachString = (mistakes: number, run: () => void): void => {
    reset();
    if (mistakes === 0) {
      current(null, null, null);
      joined();
      run();
    } else if (mistakes === 1) {
      for (const tweak of tweaks) {
        reset();
        apply(tweak);
        current(tweak, null, null);
        joined();
        run();
      }
      reset();
      for (const s of shapes) {
        current(null, null, s);
        parts.length = 0;
        s.parts(values, parts);
        run();
      }
    } else {
      for (const tweak of tweaks) {
        reset();
        apply(tweak);
        for (const s of shapes) {
          if (!s.pairable) continue;
          current(tweak, null, s);
          parts.length = 0;
          s.parts(values, parts);
          run();
        }
        if (tweak.cause !== 'amount-format') continue;
        for (const other of tweaks) {
          if (other.cause !== 'whitespace' || other.index === tweak.index) continue;
          reset();
          apply(other);
          apply(tweak);
          current(tweak, other, null);
          joined();
          run();
        }
      }
    }
  };
  const encodingsByCauses: Encoding[][] = [[encoding], pieces.ascii ? [] : [OTHER_ENCODING[encoding]]];
  /** Every candidate with exactly `n` mistakes: string mistakes + another encoding + key/HMAC mistakes. */
  const stage = (n: number): void => {
    for (let s = Math.min(n, 2); s >= 0; s--) {
      eachString(s, () => {
        for (let e = 0; e <= 1; e++) {
          const k = n - s - e;
          if (k >= 0 && k <= 2) tryParts(encodingsByCauses[e]!, s === 2 && k === 1 ? keysWithTwoStringMistakes : keysByCauses[k]!);
        }
      });
    }
  };

  // The verification itself, then stage 1: every cause alone; stage 2: pairs; stage 3: threes.
  eachString(0, () => tryParts([encoding], keysByCauses[0]!));
  const verifiedWith = findings[0]?.key ?? null;
  const verifiedDigest = findings[0]?.digest ?? null;
  // The policy compares MACs without regard to case or spaces (`hexWriting` says how it was written).
  const verified = verifiedWith !== null && given.form === 'hex' && !given.untruncated;
  if (verified) findings.length = 0;
  else {
    if (findings.length === 0 && given.form === 'hex' && given.bytes.length === 16) {
      kvvs.forEach((kvv, index) => {
        candidates++;
        counts[causeIndex('kvv-as-mac')]!++;
        if (kvv === given.compact.toUpperCase()) {
          findings.push({
            causes: ['kvv-as-mac'],
            explanation: text(
              `The given MAC is the KVV of ${keyLabel(index, ring.length, 'bytes', kvv).en}: NB_KVV's value was put in NB_HMAC.`,
              `Den angivna MAC:en är KVV:n för ${keyLabel(index, ring.length, 'bytes', kvv).sv}: värdet i NB_KVV lades i NB_HMAC.`,
            ),
            fix: text(`NB_HMAC must be the MAC of the fields: ${expectedMac ?? '—'}.`, `NB_HMAC ska vara fältens MAC: ${expectedMac ?? '—'}.`),
            string: '00000000',
            encoding,
            bytesHex: toHex(Uint8Array.from('00000000', (c) => c.charCodeAt(0))),
            key: keyUses.find((k) => k.interpretation.index === index && k.interpretation.use === 'bytes')!.interpretation,
            algorithm: 'HMAC-SHA256',
            digest: kvv,
            mac: given.compact,
          });
        }
      });
    }
    if (findings.length === 0) {
      tweaks = tweaksOf(kind, base, pieces);
      ({ shapes, leftOut } = shapesOf(kind, base, fields, pieces));
      encodingsByCauses[1] = pieces.ascii ? [] : [OTHER_ENCODING[encoding]];
      stage(1);
      eachString(0, () => plainHashes(encoding));
    }
    if (findings.length === 0) {
      stage(2);
      if (!pieces.ascii) eachString(0, () => plainHashes(OTHER_ENCODING[encoding]));
    }
    if (findings.length === 0) stage(3);
  }

  const elapsedMs = now() - started;
  const tried: DoctorTry[] = CAUSES.map((cause, i) => ({ cause, candidates: counts[i]!, detail: DOCTOR_CAUSES[cause].tries }));
  const status: Diagnosis['status'] = verified ? 'correct' : findings.length ? 'explained' : 'unexplained';
  const message =
    status === 'correct'
      ? text(
          `The MAC is correct: it verifies for ${quoted(expectedString)} in ${ENCODING_NAMES[encoding].en} with ${verifiedWith!.label.en}.`,
          `MAC:en är korrekt: den verifieras för ${quoted(expectedString)} i ${ENCODING_NAMES[encoding].sv} med ${verifiedWith!.label.sv}.`,
        )
      : status === 'explained'
        ? text(
            findings.length === 1
              ? 'The MAC does not verify; one explanation was found, and it reproduces the MAC exactly.'
              : `The MAC does not verify; ${findings.length} explanations were found, each reproducing the MAC exactly.`,
            findings.length === 1
              ? 'MAC:en verifieras inte; en förklaring hittades, och den återskapar MAC:en exakt.'
              : `MAC:en verifieras inte; ${findings.length} förklaringar hittades, och var och en återskapar MAC:en exakt.`,
          )
        : text(
            `The MAC does not verify and none of the ${candidates.toLocaleString('en-US')} candidates tried explains it: check the key (compare its KVV), then the values character by character.`,
            `MAC:en verifieras inte och ingen av de ${candidates.toLocaleString('sv-SE')} kandidaterna som prövades förklarar den: kontrollera nyckeln (jämför dess KVV) och sedan värdena tecken för tecken.`,
          );
  return {
    status,
    message,
    kind,
    encoding,
    givenMac: given.compact,
    expectedString,
    expectedMac: verifiedDigest ? verifiedDigest.slice(0, 32) : expectedMac,
    keyIndex: verifiedWith?.index ?? keyIndex,
    date,
    notes: notesOf(direction, sent, givenMac, expectedKey ? ring[expectedKey.interpretation.index]!.key : null),
    findings,
    tried,
    leftOut,
    warnings,
    candidates,
    elapsedMs,
    candidatesPerSecond: elapsedMs > 0 ? Math.round((candidates * 1000) / elapsedMs) : candidates * 1000,
  };
}


// ---------------------------------------------------------------- the calculator's `#case=` link

/** A case the calculator opens from its URL fragment: fields and MAC only, never a key. */
export interface CalculatorCase {
  readonly kind: MessageKind | null;
  readonly fields: Record<string, string>;
  readonly mac: string;
  readonly encoding: Encoding;
}

const BASE64URL_VALUES = new Map([...BASE64URL_ALPHABET].map((c, i) => [c, i]));

function fromBase64url(value: string): Uint8Array | null {
  const clean = value.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (clean.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let n = 0;
  for (const char of clean) {
    const v = BASE64URL_VALUES.get(char);
    if (v === undefined) return null;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

const BAD_CASE = text(
  'The link’s case could not be read (it is cut off or altered); paste the fields instead',
  'Länkens fall kunde inte läsas (den är avkortad eller ändrad); klistra in fälten i stället',
);

/**
 * Reads the calculator's URL fragment `#case=<base64url of UTF-8 JSON {kind, fields, mac, encoding}>`
 * (as `calculatorCase` in decode.ts writes it). Anything else in the JSON — a key above all — is ignored.
 * Returns `null` when the fragment holds no case, and an error text when it holds a broken one.
 */
export function readCalculatorCase(fragment: string): { case: CalculatorCase | null; error: Text | null } {
  const match = /(?:^#?|&)case=([^&]*)/.exec(fragment);
  if (!match) return { case: null, error: null };
  let data: unknown;
  try {
    const bytes = fromBase64url(decodeURIComponent(match[1]!));
    if (!bytes) throw new Error('not base64url');
    // decodeURIComponent of %XX bytes is a strict UTF-8 decoder in plain ECMAScript.
    data = JSON.parse(decodeURIComponent(Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0')}`).join('')));
  } catch {
    return { case: null, error: BAD_CASE };
  }
  if (typeof data !== 'object' || data === null) return { case: null, error: BAD_CASE };
  const raw = data as { kind?: unknown; fields?: unknown; mac?: unknown; encoding?: unknown };
  const fields: Record<string, string> = {};
  if (typeof raw.fields === 'object' && raw.fields !== null) {
    for (const [name, value] of Object.entries(raw.fields)) if (typeof value === 'string') fields[name] = value;
  }
  return {
    case: {
      kind: MESSAGE_KINDS.includes(raw.kind as MessageKind) ? (raw.kind as MessageKind) : null,
      fields,
      mac: typeof raw.mac === 'string' ? raw.mac : '',
      encoding: raw.encoding === 'iso-8859-1' ? 'iso-8859-1' : 'utf-8',
    },
    error: null,
  };
}
