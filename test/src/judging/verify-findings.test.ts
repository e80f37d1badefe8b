// verifyMessage's own findings, whole: how a key of a ring was picked and why (by date, by NB_KVV,
// by the MAC, or the first), what it says of a key that signed instead, of an unsigned status and of
// a MAC of the wrong length; and the verdict those findings give. Every MAC is WebCrypto's over a
// string written out by hand.
import { expect } from '@esm-bundle/chai';
import { computeKvv, TEST_KEY, TEST_KVV, verifyMessage } from '../../../src/index.ts';
import { text } from '../../../src/protocol/text.ts';
import { PAY_DIRECT, PAY_DIRECT_STRING as PAY_STRING, PAY_DIRECT_URLS } from '../../support/pay-direct.ts';
import { webMac } from '../../support/webcrypto.ts';

const K2 = '00112233445566778899AABBCCDDEEFF';
const K3 = 'FFEEDDCCBBAA99887766554433221100';
const RECEIPT = { NB_RETURN_STAMP: '00002', NB_RETURN_DB_AMOUNT: '899,00', NB_RETURN_DB_CUR: ' SEK', NB_RETURN_DB_REF: '123450' };
const receiptString = (paid: string) => `00002&899,00& SEK&123450&${paid}`;
const PAY = { ...PAY_DIRECT, ...PAY_DIRECT_URLS };
const CHECK = { NB_VERIFIED: 'NO', NB_RETURN_STAMP: '00002' };
const without = <T extends { code: string }>(findings: readonly T[], ...codes: string[]) => findings.filter((f) => !codes.includes(f.code));

describe('verifyMessage: which key of a ring, and why', () => {
  const RING = [
    { key: TEST_KEY, to: '2026-06-30', label: 'spring' },
    { key: K2, from: '2026-07-01', to: '2026-12-31' },
  ];

  it('an answer: the key valid on the date in NB_PAID, said as that date', async () => {
    const paid = '2026-11-23 10:15:00';
    const v = verifyMessage({ ...RECEIPT, NB_PAID: paid, NB_HMAC: await webMac(K2, receiptString(paid)), NB_KVV: computeKvv(K2) }, RING);
    expect(v.outcome).to.equal('verified');
    expect(v.verdict).to.equal('ok');
    expect([v.date, v.dateSource]).to.deep.equal(['2026-11-23', 'paid']);
    expect(v.key).to.deep.equal({ index: 1, ringSize: 2, from: '2026-07-01', to: '2026-12-31', kvv: computeKvv(K2), chosenBy: 'date' });
    expect(v.findings).to.deep.equal([
      {
        level: 'info',
        code: 'key-date',
        field: 'NB_PAID',
        message: text('Key 2 of the ring was used: the key valid on 2026-11-23 (the date in NB_PAID)', 'Nyckel 2 i nyckelringen användes: nyckeln som gäller 2026-11-23 (datumet i NB_PAID)'),
      },
    ]);
  });

  it('the first key keeps its label and its end date, and no from', async () => {
    const paid = '2026-03-01 10:15:00';
    const v = verifyMessage({ ...RECEIPT, NB_PAID: paid, NB_HMAC: await webMac(TEST_KEY, receiptString(paid)), NB_KVV: TEST_KVV }, RING);
    expect(v.key).to.deep.equal({ index: 0, ringSize: 2, to: '2026-06-30', label: 'spring', kvv: TEST_KVV, chosenBy: 'date' });
  });

  it('a request: the key valid today in Sweden, said as today', async () => {
    const v = verifyMessage({ ...PAY, NB_HMAC: await webMac(K2, PAY_STRING), NB_KVV: computeKvv(K2) }, RING, { now: new Date('2026-08-01T10:00:00Z') });
    expect([v.date, v.dateSource, v.outcome]).to.deep.equal(['2026-08-01', 'today', 'verified']);
    expect(v.findings).to.deep.equal([
      {
        level: 'info',
        code: 'key-date',
        field: 'key',
        message: text(
          'Key 2 of the ring was used: the key valid on 2026-08-01 (today in Sweden; a request is checked with the key valid the day the bank gets it)',
          'Nyckel 2 i nyckelringen användes: nyckeln som gäller 2026-08-01 (i dag i Sverige; en förfrågan kontrolleras med nyckeln som gäller den dag banken får den)',
        ),
      },
    ]);
  });

  it('a date given wins over NB_PAID, and is said as it is', async () => {
    const paid = '2026-11-23 10:15:00';
    const v = verifyMessage({ ...RECEIPT, NB_PAID: paid, NB_HMAC: await webMac(TEST_KEY, receiptString(paid)), NB_KVV: TEST_KVV }, RING, { date: '2026-02-02' });
    expect([v.date, v.dateSource, v.outcome]).to.deep.equal(['2026-02-02', 'given', 'verified']);
    expect(v.findings.map((f) => [f.code, f.field, f.message.en])).to.deep.equal([['key-date', 'key', 'Key 1 of the ring was used: the key valid on 2026-02-02']]);
  });

  it('a request signed with last period’s key: mismatch, the key that signed it named with its dates', async () => {
    const v = verifyMessage({ ...PAY, NB_HMAC: await webMac(TEST_KEY, PAY_STRING), NB_KVV: TEST_KVV }, RING, { now: new Date('2026-08-01T10:00:00Z') });
    expect(v.outcome).to.equal('mismatch');
    expect(v.verified).to.equal(false);
    expect(v.verdict).to.equal('error');
    const other = v.findings.find((f) => f.code === 'other-key')!;
    expect(other).to.deep.equal({
      level: 'warning',
      code: 'other-key',
      field: 'NB_HMAC',
      message: text(
        "Key 1 (… – 2026-06-30) gives exactly this MAC: the message was signed with it, not with the key valid on 2026-08-01 (today in Sweden; a request is checked with the key valid the day the bank gets it). Keys change at a date boundary with no overlap — check the ring's dates before trusting it.",
        'Nyckel 1 (… – 2026-06-30) ger exakt den här MAC:en: meddelandet signerades med den, inte med nyckeln som gäller 2026-08-01 (i dag i Sverige; en förfrågan kontrolleras med nyckeln som gäller den dag banken får den). Nycklarna byts vid midnatt utan överlapp — kontrollera datumen i nyckelringen innan du litar på meddelandet.',
      ),
    });
    expect(v.findings.find((f) => f.code === 'mac-mismatch')!.message.en).to.contain('with key 2 of 2 and UTF-8');
    expect(v.findings.find((f) => f.code === 'kvv-mismatch')!.message.en).to.contain('it is the KVV of key 1 of 2');
    // Most important first: the errors, then the warning, then what is only information.
    expect(v.findings.map((f) => f.level)).to.deep.equal(['error', 'error', 'warning', 'info']);
  });

  it('an undated ring: NB_KVV picks the key, else the MAC, else the first, and each says why', async () => {
    const mac = await webMac(K3, 'NO&00002');
    const ring = [TEST_KEY, K2, K3];
    const byKvv = verifyMessage({ ...CHECK, NB_HMAC: mac, NB_KVV: computeKvv(K3).toLowerCase() }, ring);
    expect(byKvv.key).to.deep.equal({ index: 2, ringSize: 3, kvv: computeKvv(K3), chosenBy: 'kvv' });
    expect(without(byKvv.findings, 'hex-case')).to.deep.equal([
      {
        level: 'info',
        code: 'key-choice',
        field: 'NB_PAID',
        message: text(
          'NB_PAID holds no date to pick a key of the ring by; key 3 was used, because its KVV is NB_KVV',
          'NB_PAID innehåller inget datum att välja nyckel efter; nyckel 3 användes, eftersom dess KVV är NB_KVV',
        ),
      },
    ]);
    const byMac = verifyMessage({ ...CHECK, NB_HMAC: mac }, ring);
    expect(byMac.key).to.deep.include({ index: 2, chosenBy: 'mac' });
    expect(byMac.findings.find((f) => f.code === 'key-choice')).to.deep.equal({
      level: 'info',
      code: 'key-choice',
      field: 'NB_PAID',
      message: text(
        'NB_PAID holds no date to pick a key of the ring by; key 3 was used, because its MAC matches',
        'NB_PAID innehåller inget datum att välja nyckel efter; nyckel 3 användes, eftersom dess MAC stämmer',
      ),
    });
    const first = verifyMessage({ ...CHECK, NB_HMAC: 'A'.repeat(32) }, ring);
    expect(first.key).to.deep.include({ index: 0, chosenBy: 'first' });
    expect(first.findings.find((f) => f.code === 'key-choice')).to.deep.equal({
      level: 'warning',
      code: 'key-choice',
      field: 'NB_PAID',
      message: text('NB_PAID holds no date to pick a key of the ring by; key 1 was used', 'NB_PAID innehåller inget datum att välja nyckel efter; nyckel 1 användes'),
    });
    // Neither NB_KVV nor the MAC of another key: the MAC of no key matches, so nothing else signed it.
    expect(first.findings.map((f) => f.code)).to.not.include('other-key');
  });

  it('a dated ring with no key valid on the date says so, with the key its NB_KVV names', async () => {
    const paid = '2027-01-15 10:15:00';
    const v = verifyMessage({ ...RECEIPT, NB_PAID: paid, NB_HMAC: await webMac(K2, receiptString(paid)), NB_KVV: computeKvv(K2) }, RING);
    expect(v.outcome).to.equal('verified');
    expect(v.findings.find((f) => f.code === 'key-choice')).to.deep.equal({
      level: 'info',
      code: 'key-choice',
      field: 'NB_PAID',
      message: text(
        'No key of the ring is valid on 2027-01-15 (the date in NB_PAID); key 2 was used, because its KVV is NB_KVV',
        'Ingen nyckel i nyckelringen gäller 2027-01-15 (datumet i NB_PAID); nyckel 2 användes, eftersom dess KVV är NB_KVV',
      ),
    });
  });

  it('a request with no key valid today says the key field, not NB_PAID', async () => {
    const v = verifyMessage({ ...PAY, NB_HMAC: await webMac(K2, PAY_STRING) }, RING, { now: new Date('2027-03-01T10:00:00Z') });
    const choice = v.findings.find((f) => f.code === 'key-choice')!;
    expect([choice.level, choice.field, v.key!.chosenBy, v.key!.index]).to.deep.equal(['info', 'key', 'mac', 1]);
    expect(choice.message.en).to.equal('No key of the ring is valid on 2027-03-01 (today in Sweden; a request is checked with the key valid the day the bank gets it); key 2 was used, because its MAC matches');
  });

  it('an undated ring ignores the date: it is a list of candidates', async () => {
    const paid = '2026-11-23 10:15:00';
    const v = verifyMessage({ ...RECEIPT, NB_PAID: paid, NB_HMAC: await webMac(K2, receiptString(paid)) }, [TEST_KEY, K2]);
    expect(v.keyWarnings).to.deep.equal([]);
    expect(v.key).to.deep.include({ index: 1, chosenBy: 'mac' });
    expect(v.findings.find((f) => f.code === 'key-choice')!.message.en).to.equal(
      'No key of the ring is valid on 2026-11-23 (the date in NB_PAID); key 2 was used, because its MAC matches',
    );
  });

  it('a ring of one key is that key, whatever its dates', async () => {
    const paid = '2030-01-01 10:15:00';
    const v = verifyMessage({ ...RECEIPT, NB_PAID: paid, NB_HMAC: await webMac(K2, receiptString(paid)), NB_KVV: computeKvv(K2) }, [{ key: K2, to: '2026-12-31' }]);
    expect(v.outcome).to.equal('verified');
    expect(v.key).to.deep.equal({ index: 0, ringSize: 1, to: '2026-12-31', kvv: computeKvv(K2), chosenBy: 'only' });
    expect(v.keyWarnings.length).to.equal(1);
    expect(v.findings).to.deep.equal([]);
  });
});

describe('verifyMessage: what cannot be verified, in words', () => {
  it('an unknown message', () => {
    const v = verifyMessage({ foo: 'bar' }, TEST_KEY);
    expect([v.kind, v.outcome, v.verified, v.verdict, v.rows.length]).to.deep.equal([null, 'unknown-kind', false, 'error', 0]);
    expect(v.findings).to.deep.equal([
      {
        level: 'error',
        code: 'unknown-kind',
        message: text(
          'No field of any E-betalning message was found. If this came from the cancel or reject address: a cancel/reject return carries no fields and proves nothing.',
          'Inga fält från E-betalning hittades. Om texten kom från adressen för avbryt eller avvisa: en sådan retur har inga fält och bevisar ingenting.',
        ),
      },
    ]);
  });

  it('ERR: unsigned by design, and a MAC on it proves nothing either', () => {
    const quiet = verifyMessage({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '00002' }, TEST_KEY);
    expect([quiet.outcome, quiet.verified, quiet.macString, quiet.status]).to.deep.equal(['unsigned', null, null, 'ERR']);
    expect(quiet.findings).to.deep.equal([
      {
        level: 'warning',
        code: 'unsigned',
        field: 'NB_VERIFIED',
        message: text(
          'NB_VERIFIED is ERR: the bank computes no MAC for it by design, so nothing in it can be verified and it proves nothing',
          'NB_VERIFIED är ERR: banken beräknar avsiktligt ingen MAC för det, så inget i det kan verifieras och det bevisar ingenting',
        ),
      },
    ]);
    const signed = verifyMessage({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '00002', NB_HMAC: 'A'.repeat(32) }, TEST_KEY);
    expect(signed.findings.map((f) => f.code)).to.deep.equal(['unsigned', 'mac-on-unsigned']);
    expect(signed.findings[1]).to.deep.equal({
      level: 'warning',
      code: 'mac-on-unsigned',
      field: 'NB_HMAC',
      message: text(
        'NB_HMAC has a value although NB_VERIFIED is ERR; the bank sends it empty, so it proves nothing either',
        'NB_HMAC har ett värde trots att NB_VERIFIED är ERR; banken skickar det tomt, så det bevisar inte heller något',
      ),
    });
  });

  it('no key, a blank key, a bad key and a bad key of a ring', async () => {
    const fields = { ...CHECK, NB_HMAC: await webMac(TEST_KEY, 'NO&00002') };
    for (const keys of [null, undefined, '', '  ']) {
      const v = verifyMessage(fields, keys);
      expect([v.outcome, v.verified, v.macString]).to.deep.equal(['no-key', false, 'NO&00002']);
      expect(v.findings).to.deep.equal([
        { level: 'warning', code: 'no-key', field: 'key', message: text('No key was given, so the MAC could not be checked', 'Ingen nyckel angavs, så MAC:en kunde inte kontrolleras') },
      ]);
    }
    const bad = verifyMessage(fields, 'XYZ');
    expect([bad.outcome, bad.verified, bad.findings.length, bad.findings[0]!.field, bad.findings[0]!.level]).to.deep.equal(['bad-key', false, 1, 'key', 'error']);
    const badRing = verifyMessage(fields, [TEST_KEY, 'XYZ']);
    expect(badRing.outcome).to.equal('bad-key');
    expect(badRing.findings[0]!.message.en).to.contain('2');
    const empty = verifyMessage(fields, []);
    expect([empty.outcome, empty.findings[0]!.code]).to.deep.equal(['bad-key', 'key-missing']);
  });

  it('a MAC of the wrong length is the field check’s finding, with its words', () => {
    const v = verifyMessage({ ...CHECK, NB_HMAC: 'ABC', NB_KVV: TEST_KVV }, TEST_KEY);
    expect(v.outcome).to.equal('malformed-mac');
    expect(v.givenMacCase).to.equal('upper');
    const row = v.rows.find((r) => r.name === 'NB_HMAC')!;
    expect(row.level).to.equal('error');
    expect(v.findings).to.deep.equal([{ level: 'error', code: row.code, field: 'NB_HMAC', message: row.message }]);
  });

  it('an empty NB_HMAC is missing with the MAC it needs; an empty NB_KVV is missing with the KVV', async () => {
    const mac = await webMac(TEST_KEY, 'NO&00002');
    const v = verifyMessage({ ...CHECK, NB_HMAC: '', NB_KVV: '' }, TEST_KEY);
    expect([v.outcome, v.givenMacCase, v.verdict]).to.deep.equal(['missing-mac', 'none', 'error']);
    expect(v.kvv).to.deep.equal({ given: '', expected: TEST_KVV, matches: null });
    // The policy's findings pass through whole, suggestion included.
    expect(v.findings.map((f) => [f.code, (f as { suggestion?: string }).suggestion ?? null, f.message.en.split(';')[0]])).to.deep.equal([
      ['mac-missing', mac, 'NB_HMAC is empty'],
      ['kvv-missing', TEST_KVV, 'NB_KVV is empty'],
    ]);
    const absent = verifyMessage(CHECK, TEST_KEY);
    expect([absent.outcome, absent.givenMac, absent.givenMacCase, absent.kvv.given]).to.deep.equal(['missing-mac', null, 'none', null]);
  });

  it('a KVV written in groups and lower case: verified, the writing noted for both fields', async () => {
    const mac = await webMac(TEST_KEY, 'NO&00002');
    const kvv = TEST_KVV.toLowerCase().replace(/(.{4})(?=.)/g, '$1 ');
    const v = verifyMessage({ ...CHECK, NB_HMAC: mac.toLowerCase(), NB_KVV: kvv }, TEST_KEY);
    expect([v.outcome, v.givenMacCase, v.verdict]).to.deep.equal(['verified', 'lower', 'warning']);
    expect(v.kvv).to.deep.equal({ given: kvv, expected: TEST_KVV, matches: true });
    // Most important first, in the order found within a level.
    expect(v.findings.map((f) => [f.code, f.field, f.level])).to.deep.equal([
      ['hex-spacing', 'NB_KVV', 'warning'],
      ['hex-case', 'NB_HMAC', 'info'],
      ['hex-case', 'NB_KVV', 'info'],
    ]);
  });

  it('a status that is not the handbook’s is named on NB_VERIFIED', () => {
    const v = verifyMessage({ NB_VERIFIED: 'MAYBE', NB_RETURN_STAMP: '00002', NB_HMAC: 'A'.repeat(32) }, TEST_KEY, { kind: 'paymentCheckResponse' });
    expect([v.outcome, v.status, v.verdict]).to.deep.equal(['incomplete', null, 'error']);
    expect(v.findings.map((f) => [f.level, f.field])).to.deep.equal([['error', 'NB_VERIFIED']]);
    expect(v.rows.length).to.be.greaterThan(0);
  });

  it('a missing signed field is named, and the rows are still given', () => {
    const v = verifyMessage({ NB_RETURN_STAMP: '00002', NB_RETURN_DB_AMOUNT: '899,00', NB_HMAC: 'A'.repeat(32) }, TEST_KEY, { kind: 'payDirectReturn' });
    expect(v.outcome).to.equal('incomplete');
    expect(v.findings.length).to.equal(1);
    expect(v.findings[0]!.level).to.equal('error');
    expect(v.findings[0]!.field).to.be.a('string');
    expect(v.rows.length).to.be.greaterThan(0);
  });
});

describe('verifyMessage: a ring partly dated, keys at position 1, and dates of requests', () => {
  it('one dated key makes the ring dated: keys valid on the date overlap, the first is used, the other’s range is said', async () => {
    const mac = await webMac(K2, 'NO&1');
    const v = verifyMessage({ NB_VERIFIED: 'NO', NB_RETURN_STAMP: '1', NB_HMAC: mac }, [{ key: TEST_KEY }, { key: K2, from: '2026-07-01' }], { date: '2026-08-01' });
    expect(v.key).to.deep.include({ index: 0, chosenBy: 'date' });
    expect(v.keyWarnings.map((w) => w.en)).to.deep.equal(['Keys 1 and 2 are both valid on 2026-08-01; the handbook allows no overlap, so check their periods']);
    const other = v.findings.find((f) => f.code === 'other-key')!;
    expect(other.message.en).to.match(/^Key 2 \(2026-07-01 – …\) gives exactly this MAC: the message was signed with it, not with the key valid on 2026-08-01\. /);
    expect(other.message.sv).to.match(/^Nyckel 2 \(2026-07-01 – …\) ger exakt den här MAC:en: meddelandet signerades med den, inte med nyckeln som gäller 2026-08-01\. /);
    const mismatch = v.findings.find((f) => f.code === 'mac-mismatch')!;
    expect(mismatch.message.en).to.contain('with key 1 of 2 and UTF-8');
    expect(mismatch.message.sv).to.contain('med nyckel 1 av 2 och UTF-8');
  });

  it('an undated ring: NB_KVV of the first key picks it although the second key’s MAC matches; the MAC of the first key picks it', async () => {
    const ring = [TEST_KEY, K2];
    const byKvv = verifyMessage({ ...CHECK, NB_HMAC: await webMac(K2, 'NO&00002'), NB_KVV: TEST_KVV }, ring);
    expect(byKvv.key).to.deep.include({ index: 0, chosenBy: 'kvv' });
    expect(byKvv.outcome).to.equal('mismatch');
    expect(byKvv.findings.find((f) => f.code === 'other-key')!.message.en).to.match(/^Key 2 gives exactly this MAC: the message was signed with it, not with the key valid on its date\. /);
    expect(byKvv.findings.find((f) => f.code === 'other-key')!.message.sv).to.match(/^Nyckel 2 ger exakt den här MAC:en: meddelandet signerades med den, inte med nyckeln som gäller meddelandets datum\. /);
    const byMac = verifyMessage({ ...CHECK, NB_HMAC: await webMac(TEST_KEY, 'NO&00002') }, ring);
    expect(byMac.key).to.deep.include({ index: 0, chosenBy: 'mac' });
    expect(byMac.outcome).to.equal('verified');
    const kvvOfSecond = verifyMessage({ ...CHECK, NB_HMAC: await webMac(TEST_KEY, 'NO&00002'), NB_KVV: computeKvv(K2) }, ring);
    expect(kvvOfSecond.key).to.deep.include({ index: 1, chosenBy: 'kvv' });
    expect(kvvOfSecond.findings.find((f) => f.code === 'mac-mismatch')!.message.sv).to.contain('med nyckel 2 av 2 och UTF-8');
  });

  it('a repayment request carries NB_PAID, yet is checked with today’s key in Sweden', () => {
    const repay = { NB_VERSION: '0002', NB_RCV_ID: '999999', NB_STAMP: '1', NB_DB_REF: '1', NB_PAID: '2026-01-15 10:00:00', NB_REPAY_AMOUNT: '1,00', NB_REPAY_CUR: 'SEK' };
    const v = verifyMessage(repay, TEST_KEY, { now: new Date('2026-08-01T10:00:00Z') });
    expect([v.kind, v.date, v.dateSource]).to.deep.equal(['repayment', '2026-08-01', 'today']);
  });

  it('an unknown message keeps NB_KVV as given, with nothing to compare it to', () => {
    const v = verifyMessage({ foo: '1', NB_KVV: 'X' }, TEST_KEY);
    expect([v.kvv, v.date, v.dateSource, v.key, v.expectedMac, v.keyWarnings]).to.deep.equal([{ given: 'X', expected: null, matches: null }, null, null, null, null, []]);
  });
});
