// Property tests for the mismatch doctor: random and mutated messages, MACs, keys, key rings and
// dates fed to diagnoseMac, and random fragments to the calculator's #case= reader. The doctor is
// expensive (a search of thousands of candidate HMACs, a few ms per call), so it gets fewer runs
// than the parser and the decoder. Whatever comes in: a diagnosis or an EbetError naming the
// field, never another exception, never the key in the result.
import { expect } from '@esm-bundle/chai';
import fc from 'fast-check';
import { diagnoseMac, type Diagnosis, EbetError, type Keys, MESSAGE_KINDS } from '../../../src/index.ts';
import { calculatorCase } from '../../../src/doctor/index.ts';
import { DOCTOR_CAUSES, readCalculatorCase, readHexValue } from '../../../src/doctor/index.ts';
import { type FieldEntry, toRecord } from '../../../src/protocol/message.ts';
import { anyMessage, ensure, FUZZ_RUNS, fuzzSuite, fuzzTitle, hex, keyHexes, keys, keyShown, message, mutated, nasty } from '../../support/fuzz.ts';
import { webMac } from '../../support/webcrypto.ts';

const RUNS = FUZZ_RUNS.doctor;

/** Runs the doctor: a diagnosis, or `null` after an EbetError that names its field. Anything else fails. */
function diagnose(kind: (typeof MESSAGE_KINDS)[number], fields: FieldEntry[], mac: string, given: Keys, options: { encoding?: 'utf-8' | 'iso-8859-1'; date?: string }): Diagnosis | null {
  try {
    return diagnoseMac(kind, fields, mac, given, options);
  } catch (error) {
    ensure(error instanceof EbetError, () => `not an EbetError: ${String(error)}`);
    ensure(typeof error.field === 'string' && error.field !== '', () => `${error.code} names a field: ${error.text.en}`);
    ensure(error.text.en.length > 0 && error.text.sv.length > 0, () => `${error.code} says what is wrong in both languages`);
    return null;
  }
}

function checkDiagnosis(d: Diagnosis, given: Keys, input: string): void {
  ensure(['correct', 'explained', 'unexplained'].includes(d.status), () => `status ${d.status}`);
  ensure((d.status === 'explained') === d.findings.length > 0, 'explained exactly when there are findings');
  ensure(d.message.en.length > 0 && d.message.sv.length > 0, 'a message in both languages');
  for (const f of d.findings) {
    ensure(f.causes.length > 0 && f.causes.every((c) => c in DOCTOR_CAUSES), () => `causes ${f.causes.join(', ')}`);
    ensure(f.mac.replace(/\s+/g, '').toUpperCase() === d.givenMac.toUpperCase(), 'a finding reproduces the given MAC');
    ensure(f.explanation.en.length > 0 && f.explanation.sv.length > 0, 'an explanation in both languages');
  }
  ensure(d.tried.map((t) => t.cause).sort().join() === Object.keys(DOCTOR_CAUSES).sort().join(), 'every cause is listed as tried');
  const shown = JSON.stringify(d);
  for (const k of keyHexes(given)) ensure(!keyShown(k, shown, input), 'the diagnosis holds the key');
}

const TITLE = `${fuzzTitle('the mismatch doctor', 'doctor')}; diagnoseMac itself ${RUNS.doctor + RUNS.explained * 2} times: it is expensive`;

fuzzSuite(TITLE, () => {
  // The count in the run's log, not only in a failure's title.
  before(() => console.log(TITLE));

  it(`diagnoses ${RUNS.doctor} random and mutated messages, MACs, keys and dates: a diagnosis or an error naming the field`, () => {
    const mac = fc.oneof(hex(32), hex(40), hex(64), hex(32).map((m) => m.replace(/(.{8})/g, '$1 ')), fc.base64String({ minLength: 24, maxLength: 24 }), nasty);
    const doctorKeys = keys.filter((k): k is Keys => k !== null && k !== undefined);
    const options = fc.record({ encoding: fc.constantFrom('utf-8', 'iso-8859-1' as const), date: fc.constantFrom('2026-11-23', '2027-01-01', '23/11/2026', '') }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_KINDS), fc.oneof(anyMessage, mutated), mac, doctorKeys, options, (kind, fields, given, ring, opts) => {
        const d = diagnose(kind, fields, given, ring, opts);
        if (d) checkDiagnosis(d, ring, JSON.stringify(fields) + given);
      }),
      { numRuns: RUNS.doctor },
    );
  });

  it(`says "correct" for ${RUNS.explained} correctly signed pay directs, and names the separator when "|" was used instead of "&"`, async () => {
    await fc.assert(
      fc.asyncProperty(message('payDirect'), hex(32), async (entries, key) => {
        const fields = entries.filter((e) => e.name !== 'NB_HMAC');
        const values = ['NB_RCV_ID', 'NB_STAMP', 'NB_DB_AMOUNT', 'NB_DB_CUR', 'NB_DB_REF'].map((n) => fields.find((e) => e.name === n)?.value ?? '');
        fc.pre(values.every((v) => v !== '' && !/[&|]/.test(v)));
        // Expected MACs from WebCrypto over strings written out here, not by the core.
        const right = diagnose('payDirect', fields, await webMac(key, values.join('&')), key, {});
        expect(right?.status).to.equal('correct');
        const piped = diagnose('payDirect', fields, await webMac(key, values.join('|')), key, {});
        expect(piped?.status).to.equal('explained');
        const finding = piped!.findings.find((f) => f.causes.includes('separator'));
        expect(finding, JSON.stringify(piped!.findings.map((f) => f.causes))).to.not.equal(undefined);
        expect(finding!.string).to.equal(values.join('|'));
      }),
      { numRuns: RUNS.explained },
    );
  });

  it(`reads ${RUNS.hexValue} typed MACs and KVVs: the compact hex, or an error naming NB_HMAC or NB_KVV`, () => {
    fc.assert(
      fc.property(fc.oneof(hex(32), hex(40), hex(64), hex(31), hex(32).map((m) => ` ${m.replace(/(.{4})/g, '$1 ')}\n`), fc.base64String({ minLength: 24, maxLength: 24 }), nasty), fc.constantFrom('NB_HMAC' as const, 'NB_KVV' as const), (value, field) => {
        let compact: string;
        try {
          compact = readHexValue(value, field);
        } catch (error) {
          ensure(error instanceof EbetError && error.field === field, () => `${String(error)} names ${field}`);
          return;
        }
        // A MAC: 32, 40 or 64 hexadecimal characters, or base64 / base64url of 16 or 32 bytes.
        const mac = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[A-Za-z0-9+/]{22}(?:==)?|[A-Za-z0-9+/]{43}=?|[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{43})$/;
        ensure((field === 'NB_HMAC' ? mac : /^[0-9a-fA-F]{32}$/).test(compact), () => `${compact} is a ${field}`);
        ensure(compact === value.replace(/\s+/g, ''), 'only spaces are removed');
      }),
      { numRuns: RUNS.hexValue },
    );
  });

  it(`reads ${RUNS.caseLink} random and mutated #case= fragments without throwing`, () => {
    const fragment = fc.oneof(
      nasty.map((s) => `#case=${s}`),
      fc.tuple(fc.constantFrom(...MESSAGE_KINDS), mutated, fc.nat(), nasty).map(([kind, fields, at, junk]) => {
        const link = `#${calculatorCase(kind, fields)}`;
        const i = at % link.length;
        return [link.slice(0, i), link.slice(0, i) + junk + link.slice(i), link.slice(0, i) + link.slice(i + 1)][at % 3]!;
      }),
      fc.json().map((json) => `#case=${btoa(unescape(encodeURIComponent(json))).replace(/\+/g, '-').replace(/\//g, '_')}`),
    );
    fc.assert(
      fc.property(fragment, (value) => {
        const read = readCalculatorCase(value);
        ensure(read.case === null || read.error === null, 'a case or an error, not both');
        if (read.error) ensure(read.error.en.length > 0 && read.error.sv.length > 0, 'the error in both languages');
        if (read.case) ensure(Object.values(read.case.fields).every((v) => typeof v === 'string'), 'every field value is a string');
      }),
      { numRuns: RUNS.caseLink },
    );
  });

  it(`reads back ${RUNS.caseRoundTrip} #case= links exactly as the decoder writes them`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_KINDS), fc.oneof(anyMessage, mutated), fc.constantFrom('utf-8', 'iso-8859-1' as const), (kind, fields, encoding) => {
        const read = readCalculatorCase(`#${calculatorCase(kind, fields, encoding)}`);
        expect(read.error).to.equal(null);
        const record = toRecord(fields);
        expect(read.case).to.deep.equal({ kind, fields: record, mac: record.NB_HMAC ?? '', encoding });
      }),
      { numRuns: RUNS.caseRoundTrip },
    );
  });
});
