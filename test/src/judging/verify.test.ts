import { expect } from '@esm-bundle/chai';
import { computeKvv, normalizeKey, TEST_KEY, TEST_KVV, verifyMessage } from '../../../src/index.ts';
import { latin1, webMac } from '../../support/webcrypto.ts';

// Every expected MAC below is WebCrypto's over a string written out by hand.
const K2 = '00112233445566778899AABBCCDDEEFF';
const K3 = 'FFEEDDCCBBAA99887766554433221100';

const RECEIPT = {
  NB_RETURN_STAMP: '00002',
  NB_RETURN_DB_AMOUNT: '899,00',
  NB_RETURN_DB_CUR: ' SEK',
  NB_RETURN_DB_REF: '123450',
  NB_PAID: '20261123101500123456',
};
const RECEIPT_STRING = '00002&899,00& SEK&123450&20261123101500123456';

describe('verifyMessage: pay direct receipts', () => {
  it('verifies a receipt with a padded currency, signing " SEK" exactly as received', async () => {
    const mac = await webMac(TEST_KEY, RECEIPT_STRING);
    const v = verifyMessage({ ...RECEIPT, NB_HMAC: mac, NB_KVV: TEST_KVV }, TEST_KEY);
    expect(v.kind).to.equal('payDirectReturn');
    expect(v.status).to.equal(null);
    expect(v.verified).to.equal(true);
    expect(v.outcome).to.equal('verified');
    expect(v.macString).to.equal(RECEIPT_STRING);
    expect(v.signedFields!.map((f) => f.name)).to.deep.equal(['NB_RETURN_STAMP', 'NB_RETURN_DB_AMOUNT', 'NB_RETURN_DB_CUR', 'NB_RETURN_DB_REF', 'NB_PAID']);
    expect(v.expectedMac).to.equal(mac);
    expect(v.givenMac).to.equal(mac);
    expect(v.key).to.deep.include({ index: 0, ringSize: 1, kvv: TEST_KVV, chosenBy: 'only' });
    expect(v.kvv).to.deep.equal({ given: TEST_KVV, expected: TEST_KVV, matches: true });
    expect(v.date).to.equal('2026-11-23');
    expect(v.findings.filter((f) => f.level === 'error')).to.deep.equal([]);
  });

  it('compares the MAC without regard to case and reports the case it saw', async () => {
    const mac = (await webMac(TEST_KEY, RECEIPT_STRING)).toLowerCase();
    const v = verifyMessage({ ...RECEIPT, NB_HMAC: mac, NB_KVV: TEST_KVV }, TEST_KEY);
    expect(v.verified).to.equal(true);
    expect(v.givenMac).to.equal(mac);
    expect(v.givenMacCase).to.equal('lower');
    const note = v.findings.find((f) => f.code === 'hex-case')!;
    expect(note.level).to.equal('info');
    expect(note.message.sv).to.contain('gemener');
    expect(v.verdict).to.equal('ok');
  });

  it('fails an altered receipt and gives the MAC its values would need', async () => {
    const mac = await webMac(TEST_KEY, RECEIPT_STRING);
    const v = verifyMessage({ ...RECEIPT, NB_RETURN_DB_AMOUNT: '8990,00', NB_HMAC: mac, NB_KVV: TEST_KVV }, TEST_KEY);
    expect(v.verified).to.equal(false);
    expect(v.outcome).to.equal('mismatch');
    expect(v.expectedMac).to.equal(await webMac(TEST_KEY, '00002&8990,00& SEK&123450&20261123101500123456'));
    const finding = v.findings.find((f) => f.code === 'mac-mismatch')!;
    expect(finding.field).to.equal('NB_HMAC');
    expect(finding.message.en).to.contain(v.expectedMac!);
    expect(v.rows.find((r) => r.name === 'NB_HMAC')!.code).to.equal('mac-mismatch');
  });

  it('signs in ISO-8859-1 when told, giving another MAC than UTF-8 for å', async () => {
    const fields = { ...RECEIPT, NB_RETURN_STAMP: 'Åsa-1' };
    const string = 'Åsa-1&899,00& SEK&123450&20261123101500123456';
    const mac = await webMac(TEST_KEY, latin1(string));
    expect(mac).not.to.equal(await webMac(TEST_KEY, string));
    expect(verifyMessage({ ...fields, NB_HMAC: mac }, TEST_KEY, { encoding: 'iso-8859-1' }).verified).to.equal(true);
    const utf8 = verifyMessage({ ...fields, NB_HMAC: mac }, TEST_KEY);
    expect(utf8.verified).to.equal(false);
    expect(utf8.encoding).to.equal('utf-8');
  });

  it('reports a MAC of the wrong length, a full 64-character HMAC, and a missing one, each specifically', async () => {
    const short = verifyMessage({ ...RECEIPT, NB_HMAC: 'ABC123' }, TEST_KEY);
    expect(short.outcome).to.equal('malformed-mac');
    expect(short.verified).to.equal(false);
    expect(short.findings[0]!.code).to.equal('hex-length');
    expect(short.findings[0]!.message.en).to.contain('6 hexadecimal characters; it must be exactly 32');
    const full = verifyMessage({ ...RECEIPT, NB_HMAC: (await webMac(TEST_KEY, RECEIPT_STRING)).repeat(2) }, TEST_KEY);
    expect(full.findings[0]!.code).to.equal('untruncated');
    const missing = verifyMessage(RECEIPT, TEST_KEY);
    expect(missing.outcome).to.equal('missing-mac');
    expect(missing.findings[0]!.message.en).to.contain(await webMac(TEST_KEY, RECEIPT_STRING));
  });

  it('names a missing mandatory field, an unknown message, a missing key and a bad key', () => {
    const { NB_PAID: _paid, ...noPaid } = RECEIPT;
    const incomplete = verifyMessage(noPaid, TEST_KEY);
    expect(incomplete.outcome).to.equal('incomplete');
    expect(incomplete.findings[0]).to.deep.include({ code: 'missing-field', field: 'NB_PAID' });
    expect(incomplete.rows.find((r) => r.name === 'NB_PAID')!.code).to.equal('missing');
    const unknown = verifyMessage({ order: '17', foo: 'bar' }, TEST_KEY);
    expect(unknown.kind).to.equal(null);
    expect(unknown.outcome).to.equal('unknown-kind');
    expect(unknown.findings[0]!.message.en).to.contain('cancel/reject return carries no fields and proves nothing');
    const noKey = verifyMessage(RECEIPT, null);
    expect(noKey.outcome).to.equal('no-key');
    expect(noKey.macString).to.equal(RECEIPT_STRING);
    const badKey = verifyMessage(RECEIPT, '1234');
    expect(badKey.outcome).to.equal('bad-key');
    expect(badKey.findings[0]!.field).to.equal('key');
  });

  it('never holds the key in its result', async () => {
    const mac = await webMac(K2, RECEIPT_STRING);
    const v = verifyMessage({ ...RECEIPT, NB_HMAC: mac }, [{ key: TEST_KEY, to: '2026-06-30' }, { key: K2, from: '2026-07-01' }]);
    expect(v.verified).to.equal(true);
    const json = JSON.stringify(v);
    for (const key of [TEST_KEY, K2]) {
      expect(json).not.to.contain(normalizeKey(key));
      expect(json.toUpperCase()).not.to.contain(key.toUpperCase());
    }
  });
});

describe('verifyMessage: payment check answers', () => {
  const YES = {
    NB_VERIFIED: 'YES',
    NB_RETURN_STAMP: '00002',
    NB_RETURN_DB_AMOUNT: '899,00',
    NB_RETURN_DB_CUR: 'SEK',
    NB_RETURN_DB_REF: '123450',
    NB_RETURN_BB_REF1: 'ABC',
    NB_PAID: '20261123101500123456',
  };

  it('YES signs status, stamp, amount, currency, reference, BB refs and NB_PAID', async () => {
    const string = 'YES&00002&899,00&SEK&123450&ABC&20261123101500123456';
    const v = verifyMessage({ ...YES, NB_HMAC: await webMac(TEST_KEY, string), NB_KVV: TEST_KVV, NB_ERROR_DESCR: '' }, TEST_KEY);
    expect(v.kind).to.equal('paymentCheckResponse');
    expect(v.status).to.equal('YES');
    expect(v.macString).to.equal(string);
    expect(v.verified).to.equal(true);
  });

  it('YES without its optional fields signs only status and stamp', async () => {
    const v = verifyMessage({ NB_VERIFIED: 'YES', NB_RETURN_STAMP: '00002', NB_HMAC: await webMac(TEST_KEY, 'YES&00002'), NB_KVV: TEST_KVV }, TEST_KEY);
    expect(v.macString).to.equal('YES&00002');
    expect(v.verified).to.equal(true);
  });

  it('NO signs status and stamp only, whatever else is present', async () => {
    const v = verifyMessage({ ...YES, NB_VERIFIED: 'NO', NB_HMAC: await webMac(TEST_KEY, 'NO&00002'), NB_KVV: TEST_KVV }, TEST_KEY);
    expect(v.status).to.equal('NO');
    expect(v.macString).to.equal('NO&00002');
    expect(v.verified).to.equal(true);
  });

  it('ERR carries no MAC by design: verified is null and nothing is computed', () => {
    const v = verifyMessage({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '00002', NB_HMAC: '', NB_KVV: '', NB_ERROR_DESCR: 'Tekniskt fel' }, TEST_KEY);
    expect(v.status).to.equal('ERR');
    expect(v.verified).to.equal(null);
    expect(v.outcome).to.equal('unsigned');
    expect(v.expectedMac).to.equal(null);
    expect(v.macString).to.equal(null);
    expect(v.findings.map((f) => f.code)).to.deep.equal(['unsigned']);
  });

  it('ERR with a value in NB_HMAC still proves nothing, and says so', async () => {
    const v = verifyMessage({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '00002', NB_HMAC: await webMac(TEST_KEY, 'ERR&00002') }, TEST_KEY);
    expect(v.verified).to.equal(null);
    expect(v.findings.map((f) => f.code)).to.include('mac-on-unsigned');
  });

  it('names a wrong status', () => {
    const v = verifyMessage({ NB_VERIFIED: 'MAYBE', NB_RETURN_STAMP: '00002', NB_HMAC: 'A'.repeat(32) }, TEST_KEY, { kind: 'paymentCheckResponse' });
    expect(v.outcome).to.equal('incomplete');
    expect(v.findings[0]).to.deep.include({ code: 'bad-status', field: 'NB_VERIFIED' });
  });
});

describe('verifyMessage: repayment answers', () => {
  const BASE = { NB_VERIFIED: 'YES', NB_RETURN_STAMP: '00002', NB_RETURN_DB_REF: '123450', NB_RETURN_REPAY_AMOUNT: '120,00', NB_RETURN_REPAY_CUR: 'SEK' };

  it('YES without exchange fields', async () => {
    const string = 'YES&00002&123450&120,00&SEK&20261124090000000001';
    const v = verifyMessage({ ...BASE, NB_PAID: '20261124090000000001', NB_HMAC: await webMac(TEST_KEY, string), NB_KVV: TEST_KVV }, TEST_KEY);
    expect(v.kind).to.equal('repaymentResponse');
    expect(v.macString).to.equal(string);
    expect(v.verified).to.equal(true);
  });

  it('YES with exchange fields signs them between the currency and NB_PAID', async () => {
    const exchange = { NB_WITHDRAWAL_AMOUNT: '1290,00', NB_WITHDRAWAL_CUR: 'SEK', NB_WITHDRAWAL_DATE: '2026-11-24', NB_DEPOSIT_DATE: '2026-11-26', NB_RATE: '10,75' };
    const string = 'YES&00002&123450&120,00&EUR&1290,00&SEK&2026-11-24&2026-11-26&10,75&20261124090000000001';
    const fields = { ...BASE, NB_RETURN_REPAY_CUR: 'EUR', ...exchange, NB_PAID: '20261124090000000001' };
    const v = verifyMessage({ ...fields, NB_HMAC: await webMac(TEST_KEY, string), NB_KVV: TEST_KVV }, TEST_KEY);
    expect(v.macString).to.equal(string);
    expect(v.verified).to.equal(true);
  });

  it('ERR carries no MAC', () => {
    const v = verifyMessage({ NB_VERIFIED: 'ERR', NB_RETURN_STAMP: '00002', NB_ERROR_DESCR: 'Beloppet överstiger betalningen' }, TEST_KEY, { kind: 'repaymentResponse' });
    expect(v.verified).to.equal(null);
    expect(v.outcome).to.equal('unsigned');
  });
});

describe('verifyMessage: key rings', () => {
  const RING = [
    { key: TEST_KEY, to: '2026-06-30' },
    { key: K2, from: '2026-07-01', to: '2026-12-31' },
  ];
  const receipt = async (paid: string, key: string) => {
    const fields = { ...RECEIPT, NB_PAID: paid };
    return { ...fields, NB_HMAC: await webMac(key, `00002&899,00& SEK&123450&${paid}`), NB_KVV: computeKvv(key) };
  };

  it('uses the key valid on the date in NB_PAID', async () => {
    const autumn = verifyMessage(await receipt('20261123101500', K2), RING);
    expect(autumn.verified).to.equal(true);
    expect(autumn.key).to.deep.include({ index: 1, ringSize: 2, chosenBy: 'date', from: '2026-07-01' });
    expect(autumn.keyWarnings).to.deep.equal([]);
    const spring = verifyMessage(await receipt('2026-03-01 10:15', TEST_KEY), RING);
    expect(spring.verified).to.equal(true);
    expect(spring.key!.index).to.equal(0);
  });

  it('warns on a change-over day', async () => {
    const v = verifyMessage(await receipt('20260701000100', K2), RING);
    expect(v.verified).to.equal(true);
    expect(v.keyWarnings[0]!.en).to.contain('change-over');
  });

  it('fails a message signed with a key not valid on its date, and names the key that signed it', async () => {
    const v = verifyMessage(await receipt('20260301101500', K2), RING);
    expect(v.verified).to.equal(false);
    expect(v.key!.index).to.equal(0);
    expect(v.findings.map((f) => f.code)).to.include.members(['mac-mismatch', 'other-key', 'kvv-mismatch']);
    expect(v.findings.find((f) => f.code === 'other-key')!.message.en).to.contain('Key 2 (2026-07-01 – 2026-12-31)');
    expect(v.findings.find((f) => f.code === 'kvv-mismatch')!.message.en).to.contain('KVV of key 2');
  });

  it('without a date, picks the key by NB_KVV, else by the MAC', async () => {
    const check = { NB_VERIFIED: 'NO', NB_RETURN_STAMP: '00002' };
    const mac = await webMac(K3, 'NO&00002');
    const ring = [TEST_KEY, K2, K3];
    const byKvv = verifyMessage({ ...check, NB_HMAC: mac, NB_KVV: computeKvv(K3) }, ring);
    expect(byKvv.key).to.deep.include({ index: 2, chosenBy: 'kvv' });
    expect(byKvv.verified).to.equal(true);
    const byMac = verifyMessage({ ...check, NB_HMAC: mac }, ring);
    expect(byMac.key).to.deep.include({ index: 2, chosenBy: 'mac' });
    expect(byMac.verified).to.equal(true);
    const none = verifyMessage({ ...check, NB_HMAC: 'A'.repeat(32) }, ring);
    expect(none.key).to.deep.include({ index: 0, chosenBy: 'first' });
    expect(none.findings.find((f) => f.code === 'key-choice')!.level).to.equal('warning');
  });

  it('says when no key of the ring is valid on the date', async () => {
    const v = verifyMessage(await receipt('20270115101500', K2), RING);
    expect(v.keyWarnings.map((w) => w.en)).to.include('No key in the ring is valid on 2027-01-15');
    expect(v.key!.chosenBy).to.equal('kvv');
    expect(v.verified).to.equal(true);
  });

  it('checks NB_KVV against the key used', async () => {
    const v = verifyMessage({ ...(await receipt('20261123', TEST_KEY)), NB_KVV: computeKvv(K2) }, TEST_KEY);
    expect(v.verified).to.equal(true);
    expect(v.kvv).to.deep.equal({ given: computeKvv(K2), expected: TEST_KVV, matches: false });
    expect(v.findings.find((f) => f.code === 'kvv-mismatch')!.level).to.equal('error');
    expect(v.verdict).to.equal('error');
  });
});
