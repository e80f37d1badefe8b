// Arbitraries shared by the fuzz tests: messages of every kind built from the field table (values
// that mostly follow each field's rule, so inputs get deep into the code), their mutations, nasty
// strings, keys and key rings. Runs are sized by count, never by time: how fast a call is belongs to
// the bench (a time bound would fail on a loaded machine).
import fc from 'fast-check';
import { type Keys, MESSAGE_KINDS, type MessageKind, MESSAGES, normalizeKey, type ParseResult, type ValidationRow } from '../../src/index.ts';
import { type FieldRule } from '../../src/protocol/field-table.ts';
import { type FieldEntry } from '../../src/protocol/message.ts';

/**
 * How many inputs each property of the fuzz suite gets, file by file, so every file's title can say
 * its share of the suite's total (at least 100,000). The doctor is expensive (a search of thousands
 * of HMACs per call) and gets far fewer runs than the parser, the validator and the decoder. A file's
 * properties take as long as these counts need: `fuzzSuite` lifts Mocha's per-test time limit.
 */
export const FUZZ_RUNS = {
  parser: { strings: 4000, binary: 4000, roundTrip: 4000, mutated: 4000, validate: 4000, validateMutated: 12000, forms: 14000 },
  decoder: { verify: 12000, mutated: 10000, split: 6000, decode: 3000, cross: 6000, signed: 1000 },
  doctor: { doctor: 1200, explained: 400, hexValue: 6000, caseLink: 6000, caseRoundTrip: 4000 },
} as const;

const sum = (runs: Readonly<Record<string, number>>) => Object.values(runs).reduce((a, b) => a + b, 0);

/**
 * A fuzz file's suite: its properties are sized by count, so Mocha's per-test time limit (a
 * wall-clock bound that fails on a loaded machine) is lifted; a hang still ends the file at the
 * runner's `testsFinishTimeout`.
 */
export function fuzzSuite(title: string, body: () => void): void {
  describe(title, function () {
    this.timeout(0);
    body();
  });
}

/** The title of a fuzz file: its inputs, of the suite's total. */
export function fuzzTitle(what: string, part: keyof typeof FUZZ_RUNS): string {
  const all = sum(FUZZ_RUNS.parser) + sum(FUZZ_RUNS.decoder) + sum(FUZZ_RUNS.doctor);
  return `fuzzing ${what}: ${sum(FUZZ_RUNS[part]).toLocaleString('en')} random and mutated inputs (of ${all.toLocaleString('en')} in the fuzz suite)`;
}

/**
 * An assertion for the hot loop of a property: chai's `expect` costs 20–40 µs a call in the test
 * browser, which over 100,000 inputs with dozens of checks each is minutes.
 */
export function ensure(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new Error(typeof message === 'function' ? message() : message);
}

export const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFabcdef'), minLength: length, maxLength: length });
export const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** A value that follows the field's rule (mostly), so messages get far into verification. */
const VALUES: Record<FieldRule, fc.Arbitrary<string>> = {
  version: fc.constantFrom('0002', '0001', '2'),
  shopId: digits(1, 9),
  stamp: fc.oneof(digits(1, 20), fc.string({ minLength: 1, maxLength: 20 })),
  amount: fc.oneof(fc.constantFrom('550,00', '550.00', '1 234,50', '0,01', '-5,00', '1e3', ',', ''), fc.nat(999999).map((n) => `${Math.floor(n / 100)},${String(n % 100).padStart(2, '0')}`)),
  currency: fc.constantFrom('SEK', ' SEK', 'EUR', 'sek', 'USD', 'SE', ''),
  reference: digits(1, 12),
  url: fc.constantFrom('https://shop.example/return.html', 'javascript:alert(1)', 'http://x', '/relative', ''),
  mac: hex(32),
  kvv: hex(32),
  paid: fc.oneof(digits(20, 20), fc.constantFrom('2026-11-23-10.15.00.123456', '20261301000000000000', '')),
  status: fc.constantFrom('YES', 'NO', 'ERR', 'yes', 'MAYBE', ''),
  rate: fc.constantFrom('8,91', '8.91', 'x'),
  date: fc.constantFrom('2026-11-23', '20261123', '2026-13-45', ''),
  text: fc.string({ maxLength: 30 }),
};

/** Any string, with the characters that break messages made likely. */
export const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.string({ maxLength: 20, unit: fc.constantFrom('&', '=', '%', '<', '>', '"', '\n', '\r', ' ', '\u00a0', 'å', '\u0000', '\ufeff', '{', '}', '[', ']', '\\') }),
);

/** A message of the kind with every field following its rule, some left out. */
export const message = (kind: MessageKind) =>
  fc.tuple(...MESSAGES[kind].fields.map((f) => fc.tuple(VALUES[f.rule], fc.nat(9)))).map((values) =>
    MESSAGES[kind].fields.flatMap((f, i) => (values[i]![1] === 0 && f.use === 'optional' ? [] : [{ name: f.name, value: values[i]![0] }])),
  );
export const anyMessage = fc.constantFrom(...MESSAGE_KINDS).chain((kind) => message(kind));

/** One mutation of a message's fields: drop, duplicate, rename, junk value, extra field, reorder. */
export const mutated = fc
  .tuple(anyMessage, fc.array(fc.tuple(fc.nat(5), fc.nat(), nasty), { maxLength: 4 }))
  .map(([entries, steps]) => {
    let out: FieldEntry[] = [...entries];
    for (const [op, at, junk] of steps) {
      const i = out.length ? at % out.length : 0;
      const e = out[i];
      if (op === 0) out.splice(i, 1);
      else if (op === 1 && e) out.splice(i, 0, { ...e });
      else if (op === 2 && e) out[i] = { name: junk || e.name.toLowerCase(), value: e.value };
      else if (op === 3 && e) out[i] = { name: e.name, value: junk };
      else if (op === 4) out.push({ name: `NB_${junk}`, value: junk });
      else out = [...out.slice(i), ...out.slice(0, i)];
    }
    return out;
  });

const keyString = fc.oneof(
  hex(32),
  hex(32).map((k) => k.replace(/(.{4})/g, '$1 ')),
  fc.constantFrom('', '   ', '1234', 'zz'.repeat(16), '1234 5678 90AB CDEF 1234 5678 90AB CDEF'),
  fc.string({ maxLength: 40 }),
);
const ringDate = fc.constantFrom(undefined, '2026-01-01', '2026-11-23', '2026-11-24', '2027-12-31', '2026-02-30', 'tomorrow', '');
export const keys: fc.Arbitrary<Keys | null | undefined> = fc.oneof(
  fc.constantFrom(null, undefined),
  keyString,
  fc.array(fc.oneof(keyString, fc.record({ key: keyString, from: ringDate, to: ringDate }, { requiredKeys: ['key'] })), { maxLength: 4 }) as fc.Arbitrary<Keys>,
);
export const verifyOptions = fc.record({ encoding: fc.constantFrom('utf-8', 'iso-8859-1' as const), kind: fc.constantFrom(...MESSAGE_KINDS) }, { requiredKeys: [] });

/** The hex digits of every key given, so a test can look for them where they must not be. */
export function keyHexes(given: Keys | null | undefined): string[] {
  const list = given === null || given === undefined ? [] : typeof given === 'string' ? [given] : given.map((k) => (typeof k === 'string' ? k : k.key));
  return list.flatMap((k) => {
    try {
      return [normalizeKey(k)];
    } catch {
      return [];
    }
  });
}

/** Upper-case hex digits of a text only: a key written with spaces or in lower case is still found. */
const hexOnly = (s: string) => s.toUpperCase().replace(/[^0-9A-F]/g, '');

/** Whether a key's digits are in `output` though not in what came in (a value can hold them by chance). */
export const keyShown = (key: string, output: string, input: string) => hexOnly(output).includes(key) && !hexOnly(input).includes(key);

/** Problems about the paste as a whole: there is no field or position to name. */
const WHOLE_PASTE = new Set(['empty', 'binary', 'not-found', 'no-fields', 'json-shape']);

/** A parse result is well formed: every problem says what is wrong in both languages, and every error names a field or a position. */
export function checkParse(result: ParseResult): void {
  ensure(Array.isArray(result.entries), 'entries is a list');
  for (const p of result.problems) {
    ensure(p.level === 'error' || p.level === 'warning' || p.level === 'info', () => `${p.code}: level ${p.level}`);
    ensure(p.message.en.length > 0 && p.message.sv.length > 0, () => `${p.code} says what is wrong in both languages`);
    if (p.level === 'error' && !WHOLE_PASTE.has(p.code)) ensure(p.field !== undefined || p.position !== undefined, () => `${p.code} names a field or position`);
  }
}

/** Every row names its field and, when not OK, says why in both languages; every field given has a row. */
export function checkRows(rows: readonly ValidationRow[], entries: ReadonlyArray<{ name: string }>): void {
  for (const row of rows) {
    ensure(row.name.length > 0, 'a row names its field');
    ensure(row.ok === (row.level !== 'error'), () => `${row.name}: ok is level != error`);
    if (row.level !== 'ok') ensure(row.message.en !== 'OK' && row.message.sv.length > 0, () => `${row.name} (${row.code}) says why in both languages`);
  }
  ensure(rows.length >= new Set(entries.map((e) => e.name)).size, 'every field given has a row');
}
