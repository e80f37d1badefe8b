// Property tests for the decoder: random and mutated messages, pastes, keys and key rings fed to
// verifyMessage, splitMessages, decodeMessages (with findReplays, crossCheck, findOrder,
// explainStatus) and supportSummary. Whatever comes in: nothing throws, every call returns, every problem names a field (or, for a paste, the message's line), and no key is
// ever in a summary or a verification.
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { decodeMessages, type Keys, MESSAGE_KINDS, MESSAGES, splitMessages, TEST_KEY, toHtmlForm, toUrlEncoded, type Verification, verifyMessage } from '../../../src/index.ts';
import { crossCheck, explainStatus, findReplays, findOrder, supportSummary } from '../../../src/verdict/decode.ts';
import { type FieldEntry } from '../../../src/protocol/message.ts';
import { anyMessage, checkParse, checkRows, ensure, FUZZ_RUNS, fuzzSuite, fuzzTitle, hex, keyHexes, keys, keyShown, message, mutated, nasty, verifyOptions } from '../../support/fuzz.ts';
import { webMac } from '../../support/webcrypto.ts';

const RUNS = FUZZ_RUNS.decoder;

const OUTCOMES = new Set(['verified', 'mismatch', 'missing-mac', 'malformed-mac', 'unsigned', 'no-key', 'bad-key', 'incomplete', 'unknown-kind']);

function checkVerification(v: Verification, given: Keys | null | undefined, fields: readonly FieldEntry[]): void {
  ensure(OUTCOMES.has(v.outcome), () => `outcome ${v.outcome}`);
  ensure(v.verified === (v.outcome === 'unsigned' ? null : v.outcome === 'verified'), 'verified follows the outcome');
  for (const f of v.findings) {
    ensure(f.message.en.length > 0 && f.message.sv.length > 0, () => `${f.code} says what is wrong in both languages`);
    // A rejection names its field; only "no message at all" has none to name.
    if (f.level !== 'info' && f.code !== 'unknown-kind') ensure(typeof f.field === 'string' && f.field !== '', () => `${f.code} names a field: ${f.message.en}`);
  }
  checkRows(v.rows, []);
  if (v.outcome === 'verified' || v.outcome === 'mismatch') ensure(/^[0-9A-F]{32}$/.test(v.expectedMac ?? ''), 'an expected MAC is 32 hex digits');
  const shown = JSON.stringify(v);
  const input = JSON.stringify(fields);
  for (const k of keyHexes(given)) ensure(!keyShown(k, shown, input), 'the verification holds the key');
}

const TITLE = fuzzTitle('the decoder', 'decoder');

fuzzSuite(TITLE, () => {
  // The count in the run's log, not only in a failure's title.
  before(() => console.log(TITLE));

  it(`verifies ${RUNS.verify} messages of every kind with random keys and key rings without throwing`, () => {
    fc.assert(
      fc.property(anyMessage, keys, verifyOptions, (fields, given, options) => {
        checkVerification(verifyMessage(fields, given, options), given, fields);
      }),
      { numRuns: RUNS.verify },
    );
  });

  it(`verifies ${RUNS.mutated} mutated messages (fields dropped, doubled, renamed, junk values) without throwing`, () => {
    fc.assert(
      fc.property(mutated, keys, verifyOptions, (fields, given, options) => {
        checkVerification(verifyMessage(fields, given, options), given, fields);
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
        const blocks = splitMessages(input);
        ensure(blocks.length > 0, 'at least one message');
        const lines = input.split('\n').length;
        let previous = 1;
        blocks.forEach((block, i) => {
          ensure(block.index === i, 'messages are numbered in order');
          checkParse(block.parsed);
          if (block.line !== undefined) {
            ensure(block.line >= previous && block.line <= lines, () => `message ${i} at line ${block.line} of ${lines}, after line ${previous}`);
            previous = block.line;
            ensure(input.includes(block.text), 'a message is a piece of the paste');
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
        const list = decodeMessages(blocks, given ?? null, { ...options, order, offset, limit });
        ensure(list.total === blocks.length, 'total is the number of messages');
        ensure(list.messages.length === Math.max(0, Math.min(limit, blocks.length - offset)), 'offset and limit are kept');
        for (const m of list.messages) {
          checkVerification(m.verification, given, m.block.parsed.entries);
          ensure(['ok', 'warning', 'error', 'unknown'].includes(m.explanation.level), 'explanation level');
          ensure(m.explanation.headline.en.length > 0 && m.explanation.headline.sv.length > 0, 'a headline in both languages');
          for (const r of m.replays) ensure(r.messages.includes(m.block.index), 'a replay names its message');
        }
        for (const r of list.replays) ensure(r.field === 'NB_PAID' || r.field === 'NB_RETURN_STAMP', () => `replay of ${r.field}`);
        const summary = supportSummary(list, { calculatorUrl: 'https://toolkit.example/tools/calculator/' });
        for (const k of keyHexes(given)) ensure(!keyShown(k, `${summary.en}\n${summary.sv}`, input), 'the summary holds the key');
      }),
      { numRuns: RUNS.decode },
    );
  });

  it(`cross-checks, explains and finds replays over ${RUNS.cross} random answers and orders without throwing`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_KINDS), mutated, mutated, fc.array(mutated, { maxLength: 4 }), keys, (kind, fields, order, others, given) => {
        const rows = crossCheck(kind, fields, order);
        for (const row of rows) {
          ensure(MESSAGES[kind].fields.some((f) => f.name === row.field), () => `${row.field} is a field of ${kind}`);
          ensure(row.orderField === `NB_${row.field.slice('NB_RETURN_'.length)}`, () => `${row.field} is compared with ${row.orderField}`);
          ensure(['same', 'same-meaning', 'different'].includes(row.result), () => `result ${row.result}`);
          ensure(row.message.en.includes(row.field) && row.message.sv.includes(row.field), () => `the row names ${row.field}`);
        }
        const found = findOrder(fields, [order, ...others]);
        ensure(found === null || [order, ...others].some((o) => o === found), 'the order found is one of those given');
        const all = [fields, order, ...others];
        const replays = findReplays(all, all.map((_, i) => (i % 2 ? kind : null)));
        for (const r of replays) ensure(r.messages.length > 1 && r.message.en.includes(r.value), 'a replay names its messages and value');
        const explanation = explainStatus(fields, verifyMessage(fields, given, { kind }));
        ensure(explanation.headline.en.length > 0 && explanation.headline.sv.length > 0, 'a headline in both languages');
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
    expect(v.findings[0]!.message.sv).to.equal('NB_RCV_ID: ”Ā” på position 3 kan inte skrivas i ISO-8859-1; använd UTF-8 eller ta bort tecknet');
  });

  it('a key that is no key is a finding at the key, never an exception', () => {
    const v = verifyMessage([{ name: 'NB_RETURN_STAMP', value: '1' }, { name: 'NB_RETURN_DB_AMOUNT', value: '1,00' }, { name: 'NB_RETURN_DB_CUR', value: 'SEK' }, { name: 'NB_RETURN_DB_REF', value: '1' }, { name: 'NB_PAID', value: '1' }], 'xyz');
    expect(v.outcome).to.equal('bad-key');
    expect(v.findings[0]!.field).to.equal('key');
  });
});
