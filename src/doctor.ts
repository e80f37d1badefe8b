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
 * simplest explanation wins: stage 1 tries every cause alone, stage 2 every meaningful pair
 * (a string mistake with an encoding, key or ring mistake; a value mistake with a structure
 * mistake; an amount with a whitespace mistake). `lowercase-hex` and `untruncated` are read off
 * the given MAC itself and combine with any of them.
 *
 * Speed: the keyed HMAC state of each key interpretation is computed once and cloned into one
 * reused instance per candidate, strings are encoded into one reused buffer, and digests are
 * compared as bytes against the given MAC's bytes. The result reports candidates per second.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { parseAmount } from './amount.ts';
import { ENCODING_NAMES, type Encoding } from './encoding.ts';
import { fieldSpec, MESSAGE_KINDS, MESSAGES, messageSpec, type MessageKind } from './fields.ts';
import { computeKvv, groupHex, normalizeKey, toHex } from './key.ts';
import { dateOfPaid, keyForDate, normalizeKeys, type KeyRingEntry, type Keys } from './key-ring.ts';
import { encodeSigned, SEPARATOR, signedFields, toEntries, toRecord, type FieldEntry, type FieldInput } from './message.ts';
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
  | 'kvv-as-mac';

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
  /** The mistakes, simplest first; one or two (plus `lowercase-hex`/`untruncated` when seen). */
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
  /** `HMAC-SHA256`, or the plain hash that was used instead (`sha256(string+key)`…). */
  readonly algorithm: string;
  /** The digest in full (64 hexadecimal characters). */
  readonly digest: string;
  /** The given MAC reproduced in the form it was given (case, length). */
  readonly mac: string;
}

/** One family of candidates the doctor tried (every cause is listed; 0 candidates where it could not apply, e.g. encodings of an ASCII string). */
export interface DoctorTry {
  readonly cause: DoctorCause;
  /** Candidates computed with this cause in them (`lowercase-hex` and `untruncated` are read off the MAC: 0). */
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
  /** The date the key was chosen for, when one was given or read from NB_PAID. */
  readonly date: string | null;
  readonly findings: DoctorFinding[];
  readonly tried: DoctorTry[];
  /** Key-ring warnings: change-over day, overlap, no key valid. */
  readonly warnings: Text[];
  readonly candidates: number;
  readonly elapsedMs: number;
  readonly candidatesPerSecond: number;
}

export interface DoctorOptions {
  /** The encoding the MAC should use; UTF-8 unless told otherwise. The other one is tried. */
  readonly encoding?: Encoding;
  /** The message's date (`YYYY-MM-DD`), to pick the ring's key; else read from NB_PAID; else every key counts as right. */
  readonly date?: string;
}

// ---------------------------------------------------------------------------------------------

const now = (): number => (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();

/** A value quoted so whitespace and line breaks are visible: `"SEK "`, `"1\u00a0234,50"`. */
function quoted(value: string): string {
  return JSON.stringify(value).replace(/[\u00a0\u202f\u2007\u2009\u200b\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const names = (entries: readonly FieldEntry[]): string => entries.map((e) => e.name).join(', ');
const join = (entries: readonly FieldEntry[], separator = SEPARATOR): string => entries.map((e) => e.value).join(separator);

/** A change to the signed values (amount format, whitespace). */
interface Tweak {
  readonly cause: DoctorCause;
  /** The index of the changed entry. */
  readonly index: number;
  readonly apply: (entries: readonly FieldEntry[]) => FieldEntry[];
  readonly say: Text;
}

/** A change to how the values become a string (order, fields, separator, kind). */
interface Shape {
  readonly cause: DoctorCause;
  readonly build: (entries: readonly FieldEntry[]) => string;
  readonly say: (entries: readonly FieldEntry[]) => Text;
  /** Cheap enough to combine with every tweak. */
  readonly pairable: boolean;
}

interface KeyVariant {
  readonly interpretation: KeyInterpretation;
  readonly cause: DoctorCause | null;
  readonly keyed: ReturnType<typeof hmac.create>;
  /** The bytes used as key, for plain hashes. */
  readonly raw: Uint8Array;
  readonly say: Text | null;
}

/** A candidate string with the causes that made it and what to say about them. */
interface Candidate {
  readonly string: string;
  readonly causes: DoctorCause[];
  /** What to say about the causes; called only for a match. */
  readonly says: () => Text[];
}

function replaceValue(entries: readonly FieldEntry[], index: number, value: string): FieldEntry[] {
  return entries.map((e, i) => (i === index ? { name: e.name, value } : e));
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

function tweaksOf(kind: MessageKind, base: readonly FieldEntry[]): Tweak[] {
  const tweaks: Tweak[] = [];
  base.forEach((entry, index) => {
    if (fieldSpec(kind, entry.name)?.rule === 'amount') {
      for (const form of amountForms(entry.value)) {
        tweaks.push({
          cause: 'amount-format',
          index,
          apply: (entries) => replaceValue(entries, index, form),
          say: text(
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
        apply: (entries) => replaceValue(entries, index, entries[index]!.value.trim()),
        say: text(
          `${entry.name} was signed trimmed, ${quoted(trimmed)}, while the message carries ${quoted(entry.value)} with whitespace: sign values exactly as sent, never trimmed.`,
          `${entry.name} signerades trimmat, ${quoted(trimmed)}, medan meddelandet innehåller ${quoted(entry.value)} med blanktecken: signera värden exakt som de skickas, aldrig trimmade.`,
        ),
      });
    }
    for (const [form, how] of WHITESPACE_FORMS) {
      tweaks.push({
        cause: 'whitespace',
        index,
        apply: (entries) => replaceValue(entries, index, form(entries[index]!.value)),
        say: text(
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
      apply: (entries) => entries.map((e) => ({ name: e.name, value: e.value.trim() })),
      say: text(
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

function shapesOf(kind: MessageKind, base: readonly FieldEntry[], fields: FieldInput): Shape[] {
  const shapes: Shape[] = [];
  const n = base.length;
  const expectedOrder = names(base);
  const formOrder = toEntries(fields).map((e) => e.name);

  // Orders: every permutation for up to 6 fields, else every swap; the form's order, alphabetical and reversed always.
  const orders = new Map<string, number[]>();
  const addOrder = (order: number[]) => {
    if (order.some((v, i) => v !== i)) orders.set(order.join(','), order);
  };
  const byIndex = (key: (e: FieldEntry) => string | number) =>
    base.map((e, i) => ({ i, k: key(e) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i)).map((x) => x.i);
  const special = [
    byIndex((e) => (formOrder.includes(e.name) ? formOrder.indexOf(e.name) : n + 99)),
    byIndex((e) => e.name),
    base.map((_, i) => n - 1 - i),
  ];
  special.forEach(addOrder);
  if (n <= 6) for (const p of permutations(n)) addOrder(p);
  else for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) addOrder(base.map((_, k) => (k === i ? j : k === j ? i : k)));
  const specialKeys = new Set(special.map((o) => o.join(',')));
  for (const [key, order] of orders) {
    const pairable = specialKeys.has(key) || order.filter((v, i) => v !== i).length === 2;
    shapes.push({
      cause: 'field-order',
      pairable,
      build: (entries) => order.map((i) => entries[i]!.value).join(SEPARATOR),
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
  for (let i = 0; i < n; i++) {
    shapes.push({
      cause: 'missing-field',
      pairable: true,
      build: (entries) => join(entries.filter((_, k) => k !== i)),
      say: () => text(`${base[i]!.name} was left out of the signed string; it is part of the MAC.`, `${base[i]!.name} utelämnades ur den signerade strängen; fältet ingår i MAC:en.`),
    });
    for (let j = i + 1; j < n; j++) {
      shapes.push({
        cause: 'missing-field',
        pairable: false,
        build: (entries) => join(entries.filter((_, k) => k !== i && k !== j)),
        say: () =>
          text(
            `${base[i]!.name} and ${base[j]!.name} were left out of the signed string; both are part of the MAC.`,
            `${base[i]!.name} och ${base[j]!.name} utelämnades ur den signerade strängen; båda ingår i MAC:en.`,
          ),
      });
    }
  }

  // A field signed that is not part of the MAC, at every position; every field of the form.
  const signedNames = new Set(base.map((e) => e.name));
  const extras = toEntries(fields).filter((e) => !signedNames.has(e.name) && e.name !== 'NB_HMAC');
  const extraNames = new Set(extras.map((e) => e.name));
  if (!extraNames.has('NB_VERSION') && messageSpec(kind).fields.some((f) => f.name === 'NB_VERSION')) extras.unshift({ name: 'NB_VERSION', value: '0002' });
  const seenExtra = new Set<string>();
  for (const extra of extras) {
    if (seenExtra.has(extra.name)) continue;
    seenExtra.add(extra.name);
    for (let at = 0; at <= n; at++) {
      shapes.push({
        cause: 'extra-field',
        pairable: true,
        build: (entries) => join([...entries.slice(0, at), extra, ...entries.slice(at)]),
        say: () =>
          text(
            `${extra.name} (${quoted(extra.value)}) was signed as well, as value ${at + 1} of ${n + 1}; it is not part of this message’s MAC.`,
            `${extra.name} (${quoted(extra.value)}) signerades också, som värde ${at + 1} av ${n + 1}; fältet ingår inte i meddelandets MAC.`,
          ),
      });
    }
  }
  const formEntries = toEntries(fields).filter((e) => e.name !== 'NB_HMAC');
  for (const without of [[], ['NB_KVV']]) {
    const all = formEntries.filter((e) => !without.includes(e.name));
    if (all.length === n && names(all) === expectedOrder) continue;
    shapes.push({
      cause: 'extra-field',
      pairable: false,
      build: (entries) => join(all.map((e) => entries.find((s) => s.name === e.name) ?? e)),
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
    shapes.push({
      cause: 'separator',
      pairable: true,
      build: (entries) => join(entries, sep),
      say: () => text(`The values were joined by ${name.en} instead of "&".`, `Värdena sammanfogades med ${name.sv} i stället för ”&”.`),
    });
  }
  const framings: Array<[(s: string) => string, Text]> = [
    [(s) => `${s}&`, text('with a trailing "&"', 'med ett avslutande ”&”')],
    [(s) => `&${s}`, text('with a leading "&"', 'med ett inledande ”&”')],
  ];
  for (const [frame, how] of framings) {
    shapes.push({
      cause: 'separator',
      pairable: true,
      build: (entries) => frame(join(entries)),
      say: () => text(`The string was signed ${how.en}.`, `Strängen signerades ${how.sv}.`),
    });
  }
  shapes.push({
    cause: 'separator',
    pairable: true,
    build: (entries) => entries.map((e) => `${e.name}=${e.value}`).join(SEPARATOR),
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
    const title = MESSAGES[other].title;
    shapes.push({
      cause: 'other-kind',
      pairable: false,
      build: () => join(otherSigned),
      say: () =>
        text(
          `This is the MAC of another message, ${title.en} (${names(otherSigned)}), not of ${MESSAGES[kind].title.en}.`,
          `Detta är MAC för ett annat meddelande, ${title.sv} (${names(otherSigned)}), inte för ${MESSAGES[kind].title.sv}.`,
        ),
    });
  }
  return shapes;
}

/** Writes a string's bytes into `buffer` (grown when needed); returns the length, or -1 when ISO-8859-1 cannot hold it. */
class ByteWriter {
  buffer = new Uint8Array(512);
  ascii = true;

  write(value: string, encoding: Encoding): number {
    if (this.buffer.length < value.length * 3) this.buffer = new Uint8Array(value.length * 3 + 64);
    const out = this.buffer;
    let n = 0;
    this.ascii = true;
    for (let i = 0; i < value.length; i++) {
      let c = value.charCodeAt(i);
      if (c < 0x80) {
        out[n++] = c;
        continue;
      }
      this.ascii = false;
      if (encoding === 'iso-8859-1') {
        if (c > 0xff) return -1;
        out[n++] = c;
      } else if (c < 0x800) {
        out[n++] = 0xc0 | (c >> 6);
        out[n++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
          const low = value.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
            i++;
            out[n++] = 0xf0 | (c >> 18);
            out[n++] = 0x80 | ((c >> 12) & 63);
            out[n++] = 0x80 | ((c >> 6) & 63);
            out[n++] = 0x80 | (c & 63);
            continue;
          }
        }
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        out[n++] = 0xe0 | (c >> 12);
        out[n++] = 0x80 | ((c >> 6) & 63);
        out[n++] = 0x80 | (c & 63);
      }
    }
    return n;
  }
}

const OTHER_ENCODING: Readonly<Record<Encoding, Encoding>> = { 'utf-8': 'iso-8859-1', 'iso-8859-1': 'utf-8' };

/**
 * A MAC (NB_HMAC) or KVV as typed or pasted: group spaces removed, checked to be hexadecimal of the
 * right length (a MAC may be 64 characters: the untruncated HMAC, which the doctor diagnoses).
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
  if (compact.length !== 32 && !(field === 'NB_HMAC' && compact.length === 64)) {
    throw new EbetError(
      `${what.en.toLowerCase()}-length`,
      field === 'NB_HMAC'
        ? text(
            `The MAC has ${compact.length} hexadecimal characters; NB_HMAC has 32 (or 64 when the full HMAC was sent by mistake)`,
            `MAC:en har ${compact.length} hexadecimala tecken; NB_HMAC har 32 (eller 64 om hela HMAC skickades av misstag)`,
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
function readGivenMac(givenMac: string): { compact: string; bytes: Uint8Array; lowercase: boolean; untruncated: boolean } {
  const compact = readHexValue(givenMac, 'NB_HMAC');
  return { compact, bytes: hexToBytes(compact), lowercase: /[a-f]/.test(compact), untruncated: compact.length === 64 };
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

  // Which keys are right: the one valid on the date, or every key when no date is known.
  const date = options.date || dateOfPaid(toRecord(fields).NB_PAID ?? '') || null;
  const warnings: Text[] = [];
  let acceptable = ring.map((_, i) => i);
  if (date && ring.length > 1) {
    const selection = keyForDate(ring, date);
    warnings.push(...selection.warnings);
    acceptable = selection.index >= 0 ? [selection.index] : [];
  }
  const keyIndex = acceptable[0] ?? -1;

  const kvvs = ring.map((e) => computeKvv(e.key));
  const keyVariants: KeyVariant[] = [];
  const addKey = (index: number, use: KeyUse, raw: Uint8Array, cause: DoctorCause | null, say: Text | null) => {
    const interpretation: KeyInterpretation = { index, use, kvv: kvvs[index]!, label: keyLabel(index, ring.length, use, kvvs[index]!) };
    keyVariants.push({ interpretation, cause, keyed: hmac.create(sha256, raw), raw, say });
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
    const texts = new Map<string, KeyUse>([
      [hex, 'text-upper'],
      [hex.toLowerCase(), 'text-lower'],
      [entry.key.trim(), 'text-as-typed'],
    ]);
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
  const rightKeys = keyVariants.filter((k) => k.cause === null);
  const textKeys = keyVariants.filter((k) => k.cause === 'key-as-text');
  const otherKeys = keyVariants.filter((k) => k.cause === 'other-key');
  const expectedKey = rightKeys[0] ?? null;

  // Reused state: one HMAC instance cloned into per candidate, one digest, one byte buffer.
  const writer = new ByteWriter();
  const work = keyVariants[0]!.keyed.clone();
  const digest = new Uint8Array(32);
  const target = given.bytes;
  const compareLength = given.untruncated ? 32 : 16;
  let candidates = 0;
  const triedCounts = new Map<DoctorCause, number>();
  const bump = (cause: DoctorCause, times = 1) => triedCounts.set(cause, (triedCounts.get(cause) ?? 0) + times);

  const findings: DoctorFinding[] = [];
  const found = new Set<string>();
  const expectedBytes = encodeSigned(base, expectedString, encoding);
  const expectedMac = expectedKey ? toHex(expectedKey.keyed.clone().update(expectedBytes).digest()).slice(0, 32) : null;

  const record = (candidate: Candidate, enc: Encoding, key: KeyVariant, algorithm: string, full: Uint8Array) => {
    const id = `${candidate.string}\u0000${enc}\u0000${key.interpretation.index}${key.interpretation.use}\u0000${algorithm}`;
    if (found.has(id)) return;
    found.add(id);
    const causes = [...candidate.causes];
    const says = candidate.says();
    if (enc !== encoding) {
      causes.push('encoding');
      says.push(
        text(
          `The string was encoded as ${ENCODING_NAMES[enc].en}, not ${ENCODING_NAMES[encoding].en}: both sides must use the same character set (the handbook names none).`,
          `Strängen kodades som ${ENCODING_NAMES[enc].sv}, inte ${ENCODING_NAMES[encoding].sv}: båda sidor måste använda samma teckenuppsättning (handboken anger ingen).`,
        ),
      );
    }
    if (key.cause) {
      causes.push(key.cause);
      says.push(key.say!);
    }
    if (algorithm !== 'HMAC-SHA256') {
      causes.push('plain-hash');
      says.push(
        text(
          `A plain ${algorithm} was computed instead of HMAC-SHA256 with the key: use HMAC (FIPS 198, RFC 4868).`,
          `En vanlig ${algorithm} beräknades i stället för HMAC-SHA256 med nyckeln: använd HMAC (FIPS 198, RFC 4868).`,
        ),
      );
    }
    const hex = toHex(full);
    let mac = hex.slice(0, 32);
    if (given.untruncated) {
      mac = hex;
      causes.push('untruncated');
      says.push(
        text(
          'The full 64-character HMAC was sent; NB_HMAC is only its first 32 characters.',
          'Hela HMAC:en på 64 tecken skickades; NB_HMAC är bara de första 32 tecknen.',
        ),
      );
    }
    if (given.lowercase) {
      mac = mac.toLowerCase();
      causes.push('lowercase-hex');
      says.push(text('The MAC was sent in lower case; the bank writes it in upper case.', 'MAC:en skickades med gemener; banken skriver den med versaler.'));
    }
    const len = writer.write(candidate.string, enc);
    const fix =
      expectedMac !== null
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
      string: candidate.string,
      encoding: enc,
      bytesHex: toHex(writer.buffer.subarray(0, Math.max(0, len))),
      key: key.interpretation,
      algorithm,
      digest: hex,
      mac,
    });
  };

  /** Tries one string under the given encodings and keys, recording every match. */
  const tryString = (candidate: Candidate, encodings: readonly Encoding[], keysToTry: readonly KeyVariant[]): void => {
    for (const enc of encodings) {
      const len = writer.write(candidate.string, enc);
      if (len < 0) continue;
      if (enc !== encoding && writer.ascii) continue; // same bytes as the chosen encoding
      const bytes = writer.buffer.subarray(0, len);
      for (const cause of candidate.causes) bump(cause, keysToTry.length);
      if (enc !== encoding) bump('encoding', keysToTry.length);
      for (const key of keysToTry) {
        key.keyed._cloneInto(work);
        work.update(bytes).digestInto(digest);
        candidates++;
        if (key.cause) bump(key.cause);
        let same = true;
        for (let i = 0; i < compareLength; i++) {
          if (digest[i] !== target[i]) {
            same = false;
            break;
          }
        }
        if (same) record(candidate, enc, key, 'HMAC-SHA256', digest.slice());
      }
    }
  };

  const plainHashes = (candidate: Candidate, enc: Encoding): void => {
    const len = writer.write(candidate.string, enc);
    if (len < 0) return;
    const bytes = writer.buffer.slice(0, len);
    for (const key of [...rightKeys, ...textKeys.filter((k) => k.interpretation.use !== 'text-as-typed')]) {
      const keyPart = key.raw;
      const variants: Array<[string, Uint8Array[]]> = [
        ['SHA-256(string + key)', [bytes, keyPart]],
        ['SHA-256(key + string)', [keyPart, bytes]],
        ['SHA-256(string + "&" + key)', [bytes, ascii(SEPARATOR), keyPart]],
      ];
      for (const [algorithm, parts] of variants) {
        const h = sha256.create();
        for (const p of parts) h.update(p);
        const full = h.digest();
        candidates++;
        bump('plain-hash');
        let same = true;
        for (let i = 0; i < compareLength; i++) if (full[i] !== target[i]) same = false;
        if (same) record(candidate, enc, { ...key, cause: null, say: null }, algorithm, full);
      }
    }
  };

  const encodings: Encoding[] = [encoding, OTHER_ENCODING[encoding]];
  const baseCandidate: Candidate = { string: expectedString, causes: [], says: () => [] };
  // Built only when the MAC does not verify.
  let tweaks: Tweak[] = [];
  let shapes: Shape[] = [];
  const seen = new Set<string>([expectedString]);
  const singles: Candidate[] = [];
  const addSingle = (string: string, cause: DoctorCause, say: () => Text) => {
    if (seen.has(string)) return;
    seen.add(string);
    singles.push({ string, causes: [cause], says: () => [say()] });
  };

  // The verification itself, then stage 1: every cause alone.
  tryString(baseCandidate, [encoding], rightKeys);
  const verifiedWith = findings[0]?.key ?? null;
  const verified = verifiedWith !== null && !given.lowercase && !given.untruncated;
  if (verified) findings.length = 0;
  else {
    if (findings.length === 0) {
      kvvs.forEach((kvv, index) => {
        candidates++;
        bump('kvv-as-mac');
        if (kvv === given.compact.slice(0, 32).toUpperCase()) {
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
            key: keyVariants.find((k) => k.interpretation.index === index && k.interpretation.use === 'bytes')!.interpretation,
            algorithm: 'HMAC-SHA256',
            digest: kvv,
            mac: given.compact,
          });
        }
      });
    }
    if (findings.length === 0) {
      tweaks = tweaksOf(kind, base);
      shapes = shapesOf(kind, base, fields);
      for (const tweak of tweaks) addSingle(join(tweak.apply(base)), tweak.cause, () => tweak.say);
      for (const shape of shapes) addSingle(shape.build(base), shape.cause, () => shape.say(base));
      for (const candidate of singles) tryString(candidate, [encoding], rightKeys);
      tryString(baseCandidate, encodings.slice(1), rightKeys);
      tryString(baseCandidate, [encoding], [...textKeys, ...otherKeys]);
      plainHashes(baseCandidate, encoding);
    }
    // Stage 2: meaningful pairs.
    if (findings.length === 0) {
      for (const candidate of singles) {
        tryString(candidate, encodings.slice(1), rightKeys);
        tryString(candidate, [encoding], [...textKeys, ...otherKeys]);
      }
      tryString(baseCandidate, encodings.slice(1), [...textKeys, ...otherKeys]);
      plainHashes(baseCandidate, encodings[1]!);
      for (const tweak of tweaks) {
        const changed = tweak.apply(base);
        for (const shape of shapes) {
          if (!shape.pairable) continue;
          const string = shape.build(changed);
          if (seen.has(string)) continue;
          seen.add(string);
          tryString({ string, causes: [tweak.cause, shape.cause], says: () => [tweak.say, shape.say(changed)] }, [encoding], rightKeys);
        }
        if (tweak.cause !== 'amount-format') continue;
        for (const other of tweaks) {
          if (other.cause !== 'whitespace' || other.index === tweak.index) continue;
          const string = join(other.apply(changed));
          if (seen.has(string)) continue;
          seen.add(string);
          tryString({ string, causes: [tweak.cause, other.cause], says: () => [tweak.say, other.say] }, [encoding], rightKeys);
        }
      }
    }
  }

  const elapsedMs = now() - started;
  const tried: DoctorTry[] = (Object.keys(DOCTOR_CAUSES) as DoctorCause[]).map((cause) => ({ cause, candidates: triedCounts.get(cause) ?? 0, detail: DOCTOR_CAUSES[cause].tries }));
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
    expectedMac: verifiedWith ? given.compact.slice(0, 32).toUpperCase() : expectedMac,
    keyIndex: verifiedWith?.index ?? keyIndex,
    date,
    findings,
    tried,
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

const BASE64URL_VALUES = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].map((c, i) => [c, i]));

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
