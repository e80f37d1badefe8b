// Property tests for the decoder: random and mutated messages, pastes, keys and key rings fed to
// verifyMessage, splitMessages, decodeMessages (with findReplays, crossCheck, orderForAnswer,
// explainStatus) and supportSummary. Whatever comes in: nothing throws, every call ends well within
// a time bound, every problem names a field (or, for a paste, the message's line), and no key is
// ever in a summary or a verification.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  crossCheck,
  decodeMessages,
  explainStatus,
  findReplays,
  MESSAGE_KINDS,
  MESSAGES,
  normalizeKey,
  orderForAnswer,
  splitMessages,
  supportSummary,
  TEST_KEY,
  toHtmlForm,
  toUrlEncoded,
  verifyMessage,
  type FieldEntry,
  type FieldRule,
  type Keys,
  type MessageKind,
  type Verification,
} from '../../src/index.ts';
import { webMac } from '../support/webcrypto.ts';

/** Generous: a single call takes well under a millisecond; a hang or a runaway search would not. */
const LIMIT_MS = 1000;
const RUNS = { verify: 8000, mutated: 6000, split: 6000, decode: 3000, cross: 6000, signed: 1000 };
const TOTAL = Object.values(RUNS).reduce((a, b) => a + b, 0);

function timed<T>(what: string, call: () => T): T {
  const started = performance.now();
  const result = call();
  const took = performance.now() - started;
  expect(took, `${what} took ${Math.round(took)} ms`).to.be.lessThan(LIMIT_MS);
  return result;
}

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFabcdef'), minLength: length, maxLength: length });
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

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
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.string({ maxLength: 20, unit: fc.constantFrom('&', '=', '%', '<', '>', '"', '\n', '\r', ' ', '\u00a0', 'å', '\u0000', '\ufeff', '{', '}', '[', ']', '\\') }),
);

/** A message of the kind with every field following its rule, some left out. */
const message = (kind: MessageKind) =>
  fc.tuple(...MESSAGES[kind].fields.map((f) => fc.tuple(VALUES[f.rule], fc.nat(9)))).map((values) =>
    MESSAGES[kind].fields.flatMap((f, i) => (values[i]![1] === 0 && f.use === 'optional' ? [] : [{ name: f.name, value: values[i]![0] }])),
  );
const anyMessage = fc.constantFrom(...MESSAGE_KINDS).chain((kind) => message(kind));

/** One mutation of a message's fields: drop, duplicate, rename, junk value, extra field, reorder. */
const mutated = fc
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
const keys: fc.Arbitrary<Keys | null | undefined> = fc.oneof(
  fc.constantFrom(null, undefined),
  keyString,
  fc.array(fc.oneof(keyString, fc.record({ key: keyString, from: ringDate, to: ringDate }, { requiredKeys: ['key'] })), { maxLength: 4 }) as fc.Arbitrary<Keys>,
);
const verifyOptions = fc.record({ encoding: fc.constantFrom('utf-8', 'iso-8859-1' as const), kind: fc.constantFrom(...MESSAGE_KINDS) }, { requiredKeys: [] });

/** The hex digits of every key given, so a test can look for them where they must not be. */
function keyHexes(given: Keys | null | undefined): string[] {
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
const keyShown = (key: string, output: string, input: string) => hexOnly(output).includes(key) && !hexOnly(input).includes(key);

function wellFormedVerification(v: Verification, given: Keys | null | undefined, fields: readonly FieldEntry[]): void {
  expect(['verified', 'mismatch', 'missing-mac', 'malformed-mac', 'unsigned', 'no-key', 'bad-key', 'incomplete', 'unknown-kind']).to.include(v.outcome);
  expect(v.verified).to.equal(v.outcome === 'unsigned' ? null : v.outcome === 'verified');
  for (const f of v.findings) {
    expect(f.message.en.length, f.code).to.be.greaterThan(0);
    expect(f.message.sv.length, f.code).to.be.greaterThan(0);
    // A rejection names its field; only "no message at all" has none to name.
    if (f.level !== 'info' && f.code !== 'unknown-kind') expect(f.field, `${f.code} names a field`).to.be.a('string').and.not.equal('');
  }
  for (const row of v.rows) {
    expect(row.name.length).to.be.greaterThan(0);
    if (row.level !== 'ok') expect(row.message.en, row.name).to.not.equal('OK');
  }
  if (v.outcome === 'verified' || v.outcome === 'mismatch') expect(v.expectedMac).to.match(/^[0-9A-F]{32}$/);
  const shown = JSON.stringify(v);
  const input = JSON.stringify(fields);
  for (const k of keyHexes(given)) expect(keyShown(k, shown, input), 'the verification holds the key').to.equal(false);
}

describe(`fuzzing the decoder: ${TOTAL.toLocaleString('en')} random and mutated inputs`, () => {
  it(`verifies ${RUNS.verify} messages of every kind with random keys and key rings without throwing`, () => {
    fc.assert(
      fc.property(anyMessage, keys, verifyOptions, (fields, given, options) => {
        wellFormedVerification(timed('verifyMessage', () => verifyMessage(fields, given, options)), given, fields);
      }),
      { numRuns: RUNS.verify },
    );
  });

  it(`verifies ${RUNS.mutated} mutated messages (fields dropped, doubled, renamed, junk values) without throwing`, () => {
    fc.assert(
      fc.property(mutated, keys, verifyOptions, (fields, given, options) => {
        wellFormedVerification(timed('verifyMessage', () => verifyMessage(fields, given, options)), given, fields);
      }),
      { numRuns: RUNS.mutated },
    );
  });

  it(`verifies ${RUNS.signed} correctly signed answers as verified, and the same with one value changed as a mismatch`, async () => {
    const answers = fc.constantFrom(...MESSAGE_KINDS.filter((k) => MESSAGES[k].direction === 'bankToShop'));
    await fc.assert(
      fc.asyncProperty(answers.chain((kind) => fc.tuple(fc.constant(kind), message(kind))), hex(32), fc.nat(), async ([kind, entries], key, at) => {
        const fields = entries.filter((e) => e.name !== 'NB_HMAC' && e.name !== 'NB_KVV' && e.name !== 'NB_VERIFIED');
        fields.push({ name: 'NB_VERIFIED', value: 'YES' });
        const first = verifyMessage(fields, key, { kind });
        fc.pre(first.macString !== null);
        // The expected MAC comes from WebCrypto over the signed string the verification reports.
        const mac = await webMac(key, first.macString!);
        const signed = [...fields, { name: 'NB_HMAC', value: mac }];
        const v = verifyMessage(signed, key, { kind });
        expect(v.outcome, JSON.stringify(signed)).to.equal('verified');
        const values = v.signedFields!.filter((f) => f.value !== '');
        fc.pre(values.length > 0);
        const target = values[at % values.length]!;
        const altered = signed.map((e) => (e.name === target.name ? { name: e.name, value: `${e.value}1` } : e));
        const w = verifyMessage(altered, key, { kind });
        expect(['mismatch', 'incomplete'], `${target.name} altered`).to.include(w.outcome);
        if (w.outcome === 'mismatch') expect(w.findings[0]!.field).to.equal('NB_HMAC');
      }),
      { numRuns: RUNS.signed },
    );
  });

  it(`splits ${RUNS.split} random and mutated pastes into messages, each with its line and its own text`, () => {
    const serialised = fc.tuple(fc.array(mutated, { minLength: 1, maxLength: 5 }), fc.constantFrom('lines', 'html', 'url', 'json', 'jsonl', 'mixed'), fc.nat(), nasty).map(([messages, form, at, junk]) => {
      const one = (m: FieldEntry[], i: number) =>
        form === 'html' || (form === 'mixed' && i % 3 === 0)
          ? toHtmlForm(m, 'https://bank.example/pay')
          : form === 'url' || form === 'mixed'
            ? toUrlEncoded(m)
            : form === 'json' || form === 'jsonl'
              ? JSON.stringify(Object.fromEntries(m.map((e) => [e.name, e.value])))
              : m.map((e) => `${e.name}=${e.value}`).join('\n');
      const text = form === 'json' ? `[${messages.map(one).join(',')}]` : messages.map(one).join(form === 'jsonl' || form === 'url' ? '\n' : '\n\n');
      const i = text.length ? at % text.length : 0;
      return at % 4 === 0 ? text.slice(0, i) + junk + text.slice(i) : text;
    });
    fc.assert(
      fc.property(fc.oneof(serialised, nasty), (input) => {
        const blocks = timed('splitMessages', () => splitMessages(input));
        expect(blocks.length).to.be.greaterThan(0);
        const lines = input.split('\n').length;
        let previous = 0;
        blocks.forEach((block, i) => {
          expect(block.index).to.equal(i);
          for (const p of block.parsed.problems) {
            if (p.level === 'error' && !['empty', 'binary', 'not-found', 'no-fields', 'json-shape'].includes(p.code)) {
              expect(p.field !== undefined || p.position !== undefined, `${p.code} names a field or a position`).to.equal(true);
            }
          }
          if (block.line !== undefined) {
            expect(block.line).to.be.within(Math.max(previous, 1), lines);
            previous = block.line;
            expect(input.includes(block.text), 'a block is a piece of the paste').to.equal(true);
          }
        });
      }),
      { numRuns: RUNS.split },
    );
  });

  it(`decodes ${RUNS.decode} random pastes with random keys and orders; the summary never holds the key`, () => {
    const paste = fc.array(fc.oneof(mutated, anyMessage), { minLength: 1, maxLength: 6 }).map((ms) => ms.map((m) => toUrlEncoded(m)).join('\n'));
    fc.assert(
      fc.property(paste, keys, fc.option(mutated), fc.nat(8), fc.nat(8), verifyOptions, (input, given, order, offset, limit, options) => {
        const blocks = splitMessages(input);
        const list = timed('decodeMessages', () => decodeMessages(blocks, given ?? null, { ...options, order, offset, limit }));
        expect(list.total).to.equal(blocks.length);
        expect(list.messages.length).to.equal(Math.max(0, Math.min(limit, blocks.length - offset)));
        for (const m of list.messages) {
          wellFormedVerification(m.verification, given, m.block.parsed.entries);
          expect(['ok', 'warning', 'error', 'unknown']).to.include(m.explanation.level);
          expect(m.explanation.headline.en.length).to.be.greaterThan(0);
          expect(m.explanation.headline.sv.length).to.be.greaterThan(0);
          for (const r of m.replays) expect(r.messages).to.include(m.block.index);
        }
        for (const r of list.replays) expect(r.field).to.be.oneOf(['NB_PAID', 'NB_RETURN_STAMP']);
        const summary = timed('supportSummary', () => supportSummary(list, { calculatorUrl: 'https://toolkit.example/tools/calculator/' }));
        for (const k of keyHexes(given)) expect(keyShown(k, `${summary.en}\n${summary.sv}`, input), 'the summary holds the key').to.equal(false);
      }),
      { numRuns: RUNS.decode },
    );
  });

  it(`cross-checks, explains and finds replays over ${RUNS.cross} random answers and orders without throwing`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_KINDS), mutated, mutated, fc.array(mutated, { maxLength: 4 }), keys, (kind, fields, order, others, given) => {
        const rows = timed('crossCheck', () => crossCheck(kind, fields, order));
        for (const row of rows) {
          expect(MESSAGES[kind].fields.map((f) => f.name)).to.include(row.field);
          expect(row.orderField).to.equal(`NB_${row.field.slice('NB_RETURN_'.length)}`);
          expect(['same', 'same-meaning', 'different']).to.include(row.result);
          expect(row.message.en).to.include(row.field);
          expect(row.message.sv).to.include(row.field);
        }
        const found = orderForAnswer(fields, [order, ...others]);
        if (found) expect([order, ...others]).to.include(found);
        const all = [fields, order, ...others];
        const replays = findReplays(all, all.map((_, i) => (i % 2 ? kind : null)));
        for (const r of replays) {
          expect(r.messages.length).to.be.greaterThan(1);
          expect(r.message.en).to.include(r.value);
        }
        const explanation = explainStatus(fields, verifyMessage(fields, given, { kind }));
        expect(explanation.headline.en.length).to.be.greaterThan(0);
      }),
      { numRuns: RUNS.cross },
    );
  });

  it('a signed value ISO-8859-1 cannot hold is a finding at its field (found by this fuzzer)', () => {
    const fields = [
      { name: 'NB_VERSION', value: '0002' },
      { name: 'NB_RCV_ID', value: '99Ā' },
      { name: 'NB_STAMP', value: '0' },
      { name: 'NB_HMAC', value: '0'.repeat(32) },
    ];
    const v = verifyMessage(fields, TEST_KEY, { encoding: 'iso-8859-1' });
    expect(v.outcome).to.equal('incomplete');
    expect(v.findings[0]).to.include({ code: 'not-latin1', field: 'NB_RCV_ID' });
    expect(v.findings[0]!.message.en).to.equal('NB_RCV_ID: "Ā" at position 3 cannot be written in ISO-8859-1; use UTF-8 or remove it');
    expect(v.findings[0]!.message.sv).to.equal('NB_RCV_ID: "Ā" på position 3 kan inte skrivas i ISO-8859-1; använd UTF-8 eller ta bort tecknet');
  });

  it('a key that is no key is a finding at the key, never an exception', () => {
    const v = verifyMessage([{ name: 'NB_RETURN_STAMP', value: '1' }, { name: 'NB_RETURN_DB_AMOUNT', value: '1,00' }, { name: 'NB_RETURN_DB_CUR', value: 'SEK' }, { name: 'NB_RETURN_DB_REF', value: '1' }, { name: 'NB_PAID', value: '1' }], 'xyz');
    expect(v.outcome).to.equal('bad-key');
    expect(v.findings[0]!.field).to.equal('key');
  });
});
