import { expect } from '@esm-bundle/chai';
import { judgeMessage, TEST_KEY, TEST_KVV } from '../../../src/index.ts';
import { CROSS_CHECK_LEVELS, DIAGNOSIS_LEVELS, fieldLevel, keyForMessage, overallVerdict, withDiagnosis, type Verdict } from '../../../src/verdict/verdict.ts';
import { K2, REQUEST } from '../../support/verdict-corpus.ts';
import { signedReceipt } from '../../support/receipt.ts';
import { latin1, webHmac, webMac } from '../../support/webcrypto.ts';

/** Each part of the verdict object on its own, asserted whole: the level, the codes, the cause, the fix and the top line in both languages. */

const requestString = (r: Record<string, string>) => [r.NB_RCV_ID, r.NB_STAMP, r.NB_DB_AMOUNT, r.NB_DB_CUR, r.NB_DB_REF].join('&');
async function signedRequest(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const r = { ...REQUEST, ...overrides };
  return { ...r, NB_HMAC: await webMac(TEST_KEY, requestString(r)), NB_KVV: TEST_KVV };
}
/** A verdict without its verification (asserted elsewhere), to compare whole. */
const parts = ({ verification: _, ...rest }: Verdict) => rest;

describe('the verdict’s parts: an ok message', () => {
  it('a receipt signed right is ok; " SEK" is the policy’s note (a code, at level ok); the line gives the MAC', async () => {
    const receipt = await signedReceipt(TEST_KEY);
    const v = judgeMessage(receipt, { keys: TEST_KEY });
    expect(parts(v)).to.deep.equal({
      level: 'ok',
      kind: 'payDirectReturn',
      direction: 'bankToShop',
      policy: ['currency-space'],
      fields: [],
      crossCheck: [],
      doctor: null,
      codes: ['currency-space'],
      cause: null,
      fix: null,
      line: { en: `OK: no errors; the MAC verifies (${receipt.NB_HMAC}).`, sv: `OK: inga fel; MAC:en stämmer (${receipt.NB_HMAC}).` },
    });
  });

  it('an ERR answer is a warning naming NB_VERIFIED, with the missing MAC and KVV as field findings; no doctor', () => {
    const v = judgeMessage({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '1' }, { keys: TEST_KEY });
    const unsigned = {
      en: 'NB_VERIFIED is ERR: the bank computes no MAC for it by design, so nothing in it can be verified and it proves nothing',
      sv: 'NB_VERIFIED är ERR: banken beräknar avsiktligt ingen MAC för det, så inget i det kan verifieras och det bevisar ingenting',
    };
    expect(parts(v)).to.deep.equal({
      level: 'warning',
      kind: 'paymentCheckResponse',
      direction: 'bankToShop',
      policy: [],
      fields: [
        { field: 'NB_HMAC', code: 'missing', level: 'warning', message: { en: 'NB_HMAC is missing (NB_VERIFIED is ERR)', sv: 'NB_HMAC saknas (NB_VERIFIED är ERR)' } },
        { field: 'NB_KVV', code: 'missing', level: 'warning', message: { en: 'NB_KVV is missing (NB_VERIFIED is ERR)', sv: 'NB_KVV saknas (NB_VERIFIED är ERR)' } },
      ],
      crossCheck: [],
      doctor: null,
      codes: ['unsigned', 'missing'],
      cause: { code: 'unsigned', field: 'NB_VERIFIED', message: unsigned, source: 'finding' },
      fix: null,
      line: { en: `Warning: ${unsigned.en}`, sv: `Varning: ${unsigned.sv}` },
    });
  });

  it('nothing of E-betalning: no kind, no direction', () => {
    const v = judgeMessage({ FOO: '1' }, { keys: TEST_KEY });
    expect([v.kind, v.direction, v.doctor]).to.deep.equal([null, null, null]);
  });
});

describe('the verdict’s parts: the cause and the fix', () => {
  it('a field row is the cause; its suggestion is the fix when the message does not already say it', async () => {
    const url = judgeMessage(await signedRequest({ NB_RETURN: 'http://shop.example/return' }), { keys: TEST_KEY });
    const message = {
      en: 'NB_RETURN uses plain http; the bank’s answer then travels unencrypted — use https',
      sv: 'NB_RETURN använder okrypterad http; bankens svar skickas då okrypterat — använd https',
    };
    expect(parts(url)).to.deep.include({
      level: 'warning',
      policy: [],
      fields: [{ field: 'NB_RETURN', code: 'url-http', level: 'warning', message, suggestion: 'https://shop.example/return' }],
      codes: ['url-http'],
      cause: { code: 'url-http', field: 'NB_RETURN', message, source: 'field' },
      fix: { en: 'Write NB_RETURN as "https://shop.example/return".', sv: 'Skriv NB_RETURN som ”https://shop.example/return”.' },
      line: {
        en: `Warning: ${message.en} Write NB_RETURN as "https://shop.example/return".`,
        sv: `Varning: ${message.sv} Skriv NB_RETURN som ”https://shop.example/return”.`,
      },
    });
    const amount = judgeMessage(await signedRequest({ NB_DB_AMOUNT: '899.00' }), { keys: TEST_KEY });
    const said = { en: 'NB_DB_AMOUNT must use a decimal comma: 899,00', sv: 'NB_DB_AMOUNT ska ha decimalkomma: 899,00' };
    expect(parts(amount)).to.deep.include({
      level: 'error',
      cause: { code: 'amount-decimal-point', field: 'NB_DB_AMOUNT', message: said, source: 'field' },
      fix: null,
      line: { en: `Error: ${said.en}`, sv: `Fel: ${said.sv}` },
    });
  });

  it('a finding not starting with its field is named by it on the line', async () => {
    const v = judgeMessage(await signedRequest(), {});
    const message = { en: 'No key was given, so the MAC could not be checked', sv: 'Ingen nyckel angavs, så MAC:en kunde inte kontrolleras' };
    expect(parts(v)).to.deep.include({
      level: 'warning',
      codes: ['no-key'],
      cause: { code: 'no-key', field: 'key', message, source: 'finding' },
      fix: null,
      line: { en: `Warning: key: ${message.en}`, sv: `Varning: key: ${message.sv}` },
    });
  });

  it('a finding of the verdict’s level comes before a field row of a lower one', async () => {
    // Signed with 550,00, received as 550.00.
    const receipt = { ...(await signedReceipt(TEST_KEY)), NB_RETURN_DB_AMOUNT: '550.00' };
    const v = judgeMessage(receipt, { keys: TEST_KEY, diagnose: false });
    expect(v.fields.map((f) => [f.field, f.code, f.level])).to.deep.equal([
      ['NB_RETURN_DB_AMOUNT', 'amount-format', 'warning'],
      ['NB_HMAC', 'mac-mismatch', 'error'],
    ]);
    expect(v.codes).to.deep.equal(['mac-mismatch', 'currency-space', 'amount-format']);
    expect(v.policy).to.deep.equal(['mac-mismatch', 'currency-space']);
    expect(v.cause).to.deep.include({ code: 'mac-mismatch', field: 'NB_HMAC', source: 'finding' });
    expect(v.line.en).to.match(/^Error: NB_HMAC does not match: with the key and UTF-8 the MAC of "00002&550\.00& SEK&123450&20261123101500123456" is [0-9A-F]{32}, the message says [0-9A-F]{32}$/);
    expect(v.doctor).to.deep.equal({ status: 'pending', causes: [], explanation: null, fix: null });
  });

  it('an answer that differs from its order: the row is the cause, coded order-different, or the policy’s echo code', async () => {
    const receipt = await signedReceipt(TEST_KEY);
    const amount = judgeMessage(receipt, { keys: TEST_KEY, order: { NB_STAMP: '00002', NB_DB_AMOUNT: '551,00' } });
    const message = {
      en: 'NB_RETURN_DB_AMOUNT is "550,00" but the order\'s NB_DB_AMOUNT is "551,00": this answer is not for this order as given — do not deliver on it',
      sv: 'NB_RETURN_DB_AMOUNT är ”550,00” men orderns NB_DB_AMOUNT är ”551,00”: svaret gäller inte den här ordern — leverera inte',
    };
    expect(parts(amount)).to.deep.include({
      level: 'error',
      policy: ['currency-space'],
      codes: ['currency-space', 'order-different'],
      cause: { code: 'order-different', field: 'NB_RETURN_DB_AMOUNT', message, source: 'order' },
      fix: null,
      line: { en: `Error: ${message.en}`, sv: `Fel: ${message.sv}` },
    });
    expect(amount.crossCheck.map((c) => [c.field, c.result])).to.deep.equal([
      ['NB_RETURN_STAMP', 'same'],
      ['NB_RETURN_DB_AMOUNT', 'different'],
    ]);
    const stamp = judgeMessage(receipt, { keys: TEST_KEY, order: { NB_STAMP: '00002 ', NB_DB_AMOUNT: '550.00' } });
    expect([stamp.level, stamp.codes, stamp.cause?.code, stamp.cause?.source]).to.deep.equal(['error', ['currency-space', 'echo-whitespace'], 'echo-whitespace', 'order']);
    // Written otherwise with the same meaning is no problem.
    const same = judgeMessage(receipt, { keys: TEST_KEY, order: { NB_STAMP: '00002', NB_DB_AMOUNT: '550.00', NB_DB_CUR: 'SEK' } });
    expect([same.level, same.codes, same.cause]).to.deep.equal(['ok', ['currency-space'], null]);
  });

  it('an order is not checked for a request, nor an empty order for an answer', async () => {
    const request = await signedRequest();
    expect(judgeMessage(request, { keys: TEST_KEY, order: { NB_STAMP: 'OTHER' } }).crossCheck).to.deep.equal([]);
    expect(judgeMessage(await signedReceipt(TEST_KEY), { keys: TEST_KEY, order: {} }).crossCheck).to.deep.equal([]);
    expect(judgeMessage(await signedReceipt(TEST_KEY), { keys: TEST_KEY, order: null }).crossCheck).to.deep.equal([]);
  });
});

describe('the verdict’s parts: the doctor', () => {
  const keyAsText = async () => ({ ...REQUEST, NB_HMAC: (await webHmac(latin1(TEST_KEY), requestString(REQUEST))).slice(0, 32), NB_KVV: TEST_KVV });

  it('an explained mismatch: the doctor’s first cause is the cause (on NB_HMAC, not named on the line), its fix the fix', async () => {
    const v = judgeMessage(await keyAsText(), { keys: TEST_KEY });
    const d = v.doctor!;
    expect([d.status, d.causes]).to.deep.equal(['explained', ['key-as-text']]);
    expect(parts(v)).to.deep.include({
      level: 'error',
      policy: ['mac-mismatch'],
      codes: ['mac-mismatch', 'key-as-text'],
      cause: { code: 'key-as-text', field: 'NB_HMAC', message: d.explanation, source: 'doctor' },
      fix: d.fix,
      line: { en: `Error: ${d.explanation!.en} ${d.fix!.en}`, sv: `Fel: ${d.explanation!.sv} ${d.fix!.sv}` },
    });
    expect(d.explanation!.en).to.match(/^The key was used as its \d+ characters of text/);
  });

  it('withDiagnosis runs a pending doctor once and gives the verdict judged at once; any other verdict is returned as it is', async () => {
    const fields = await keyAsText();
    const pending = judgeMessage(fields, { keys: TEST_KEY, diagnose: false });
    expect(pending.codes).to.deep.equal(['mac-mismatch']);
    expect(pending.cause?.source).to.equal('finding');
    expect(parts(withDiagnosis(pending, fields, TEST_KEY))).to.deep.equal(parts(judgeMessage(fields, { keys: TEST_KEY })));
    const ok = judgeMessage(await signedRequest(), { keys: TEST_KEY, diagnose: false });
    expect(withDiagnosis(ok, fields, TEST_KEY)).to.equal(ok);
    const done = judgeMessage(fields, { keys: TEST_KEY });
    expect(withDiagnosis(done, fields, TEST_KEY)).to.equal(done);
  });

  it('a MAC the doctor cannot read: failed, with its reason; the finding stays the cause', () => {
    const v = judgeMessage({ ...REQUEST, NB_HMAC: 'XYZ', NB_KVV: TEST_KVV }, { keys: TEST_KEY });
    const notHex = { en: 'NB_HMAC has "X" at position 1; it must be 32 hexadecimal characters (0–9, A–F)', sv: 'NB_HMAC har ”X” på position 1; det ska vara 32 hexadecimala tecken (0–9, A–F)' };
    expect(parts(v)).to.deep.include({
      level: 'error',
      codes: ['not-hex'],
      cause: { code: 'not-hex', field: 'NB_HMAC', message: notHex, source: 'finding' },
      fix: null,
      line: { en: `Error: ${notHex.en}`, sv: `Fel: ${notHex.sv}` },
      doctor: {
        status: 'failed',
        causes: [],
        explanation: {
          en: 'The MAC\'s character "X" at position 1 is not hexadecimal; a MAC is 32 characters 0–9 and A–F',
          sv: 'MAC:ens tecken ”X” på position 1 är inte hexadecimalt; en MAC är 32 tecken 0–9 och A–F',
        },
        fix: null,
      },
    });
  });

  it('no doctor without a key, nor for a MAC that verifies', async () => {
    expect(judgeMessage(await keyAsText(), {}).doctor).to.equal(null);
    expect(judgeMessage(await keyAsText(), { keys: null }).doctor).to.equal(null);
    expect(judgeMessage(await signedRequest(), { keys: TEST_KEY }).doctor).to.equal(null);
  });

  it('the levels of a cross-check row and of a diagnosis', () => {
    expect(CROSS_CHECK_LEVELS).to.deep.equal({ same: 'ok', 'same-meaning': 'ok', different: 'error' });
    expect(DIAGNOSIS_LEVELS).to.deep.equal({ correct: 'ok', explained: 'error', unexplained: 'error' });
  });
});

describe('keyForMessage, fieldLevel and overallVerdict', () => {
  const ring = [
    { key: TEST_KEY, to: '2026-11-30' },
    { key: K2, from: '2026-11-30' },
  ];
  const noon = new Date('2026-11-30T12:00:00Z');

  it('a ring with periods: the key of the date, with the ring’s warnings for that date', () => {
    const choice = keyForMessage(REQUEST, ring, { now: noon });
    expect([choice.entry, choice.index, choice.date]).to.deep.equal([ring[0], 0, '2026-11-30']);
    expect(choice.warnings.map((w) => w.en)).to.deep.equal([
      '2026-11-30 is a key change-over day: keys change at the date boundary with no overlap, so a message from near midnight may be signed with the neighbouring key',
      'Keys 1 and 2 are both valid on 2026-11-30; the handbook allows no overlap, so check their periods',
    ]);
    expect(keyForMessage(REQUEST, ring, { date: '2026-12-05' })).to.deep.equal({ entry: ring[1], index: 1, date: '2026-12-05', warnings: [] });
  });

  it('the first key, without warnings: one key, a ring without periods, or no date (a message of no known kind)', () => {
    const plain = [{ key: TEST_KEY }, { key: K2 }];
    expect(keyForMessage(REQUEST, plain, { now: noon })).to.deep.equal({ entry: { key: TEST_KEY }, index: 0, date: '2026-11-30', warnings: [] });
    expect(keyForMessage(REQUEST, [{ key: K2, from: '2026-12-01' }], { now: noon })).to.deep.equal({ entry: { key: K2, from: '2026-12-01' }, index: 0, date: '2026-11-30', warnings: [] });
    expect(keyForMessage({ NB_FOO: '1' }, ring, { now: noon })).to.deep.equal({ entry: ring[0], index: 0, date: null, warnings: [] });
    expect(keyForMessage({ NB_FOO: '1' }, ring, { kind: 'payDirect', now: noon }).date).to.equal('2026-11-30');
  });

  it('a ring with no key valid on the date: no entry', () => {
    const choice = keyForMessage(REQUEST, [{ key: TEST_KEY, to: '2026-11-01' }, { key: K2, to: '2026-11-02' }], { date: '2026-12-05' });
    expect([choice.entry, choice.index, choice.date]).to.deep.equal([null, -1, '2026-12-05']);
    expect(choice.warnings.length).to.be.greaterThan(0);
  });

  it('fieldLevel: the worst of a field’s findings and its row; a note (info) leaves it ok', async () => {
    const receipt = { ...(await signedReceipt(TEST_KEY)), NB_RETURN_DB_AMOUNT: '550.00' };
    const v = judgeMessage(receipt, { keys: TEST_KEY, diagnose: false });
    expect(['NB_RETURN_DB_AMOUNT', 'NB_HMAC', 'NB_RETURN_DB_CUR', 'NB_PAID', 'NB_NONE'].map((f) => fieldLevel(v, f))).to.deep.equal(['warning', 'error', 'ok', 'ok', 'ok']);
    const nokey = judgeMessage(receipt, {});
    expect(fieldLevel(nokey, 'key')).to.equal('warning');
  });

  it('overallVerdict: the worst level, the first verdict of it, and every code once', () => {
    expect(
      overallVerdict([
        { level: 'ok', codes: ['a'] },
        { level: 'warning', codes: ['b', 'a'] },
        { level: 'error', codes: ['c'] },
        { level: 'error', codes: ['d', 'b'] },
      ]),
    ).to.deep.equal({ level: 'error', codes: ['a', 'b', 'c', 'd'], index: 2 });
    expect(overallVerdict([{ level: 'ok', codes: [] }, { level: 'warning', codes: [] }])).to.deep.equal({ level: 'warning', codes: [], index: 1 });
    expect(overallVerdict([{ level: 'ok', codes: [] }])).to.deep.equal({ level: 'ok', codes: [], index: 0 });
    expect(overallVerdict([])).to.deep.equal({ level: 'ok', codes: [], index: -1 });
  });
});
