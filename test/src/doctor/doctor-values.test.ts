// What the doctor reads before it searches: a typed MAC or KVV (readHexValue), every error whole —
// code, field and both languages — and the calculator's #case= link (readCalculatorCase): where in a
// fragment, every base64url length, what is kept and what is dropped.
import { expect } from '@esm-bundle/chai';
import { diagnoseMac, readCalculatorCase, readHexValue } from '../../../src/doctor/index.ts';
import { TEST_KEY } from '../../../src/index.ts';
import { EbetError } from '../../../src/protocol/text.ts';
import { webMac } from '../../support/webcrypto.ts';

function error(run: () => unknown): { code: string; field: string | undefined; en: string; sv: string } {
  try {
    run();
  } catch (e) {
    if (e instanceof EbetError) return { code: e.code, field: e.field, en: e.text.en, sv: e.text.sv };
    throw e;
  }
  throw new Error('no error');
}

const b64url = (json: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(json)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('readHexValue: a typed MAC or KVV, every error in words', () => {
  it('nothing given', () => {
    expect(error(() => readHexValue('', 'NB_HMAC'))).to.deep.equal({
      code: 'mac-missing',
      field: 'NB_HMAC',
      en: 'No MAC was given: paste the NB_HMAC that was sent',
      sv: 'Ingen MAC angavs: klistra in NB_HMAC som skickades',
    });
    expect(error(() => readHexValue(' \t\n', 'NB_KVV'))).to.deep.equal({
      code: 'kvv-missing',
      field: 'NB_KVV',
      en: 'No KVV was given: paste the NB_KVV that was sent',
      sv: 'Ingen KVV angavs: klistra in NB_KVV som skickades',
    });
    expect(error(() => readHexValue(undefined as unknown as string, 'NB_HMAC')).code).to.equal('mac-missing');
  });

  it('a character that is not hexadecimal, at its position once spaces are removed', () => {
    expect(error(() => readHexValue('AB Q', 'NB_HMAC'))).to.deep.equal({
      code: 'mac-not-hex',
      field: 'NB_HMAC',
      en: 'The MAC\'s character "Q" at position 3 is not hexadecimal; a MAC is 32 characters 0–9 and A–F',
      sv: 'MAC:ens tecken ”Q” på position 3 är inte hexadecimalt; en MAC är 32 tecken 0–9 och A–F',
    });
    expect(error(() => readHexValue('JtB7O/ihM0Jf7/x5saqktQ==', 'NB_KVV'))).to.deep.equal({
      code: 'kvv-not-hex',
      field: 'NB_KVV',
      en: 'The KVV\'s character "J" at position 1 is not hexadecimal; a KVV is 32 characters 0–9 and A–F',
      sv: 'KVV:ns tecken ”J” på position 1 är inte hexadecimalt; en KVV är 32 tecken 0–9 och A–F',
    });
    // Base64 of another length than a MAC's is not read as base64.
    expect(error(() => readHexValue('JtB7O/ihM0Jf7/x5saqk', 'NB_HMAC')).code).to.equal('mac-not-hex');
  });

  it('the wrong length: a MAC may have 32, 40 or 64; a KVV only 32', () => {
    expect(error(() => readHexValue('A'.repeat(33), 'NB_HMAC'))).to.deep.equal({
      code: 'mac-length',
      field: 'NB_HMAC',
      en: 'The MAC has 33 hexadecimal characters; NB_HMAC has 32 (or 64 when the full HMAC was sent by mistake, 40 for an HMAC-SHA1)',
      sv: 'MAC:en har 33 hexadecimala tecken; NB_HMAC har 32 (eller 64 om hela HMAC:en skickades av misstag, 40 för en HMAC-SHA1)',
    });
    expect(error(() => readHexValue('A'.repeat(40), 'NB_KVV'))).to.deep.equal({
      code: 'kvv-length',
      field: 'NB_KVV',
      en: 'The KVV has 40 hexadecimal characters; it needs exactly 32',
      sv: 'KVV:n har 40 hexadecimala tecken; den ska ha exakt 32',
    });
    for (const length of [32, 40, 64]) expect(readHexValue(` ${'a'.repeat(length)} `, 'NB_HMAC')).to.equal('a'.repeat(length));
    expect(readHexValue('a'.repeat(32), 'NB_KVV')).to.equal('a'.repeat(32));
  });
});

describe('readCalculatorCase: where the case is and what is kept', () => {
  const json = (o: unknown) => JSON.stringify(o);

  it('finds case= at the start, after # or after &, not inside another parameter', () => {
    const link = b64url(json({ kind: 'paymentCheck', fields: { NB_STAMP: '1' }, mac: 'AB', encoding: 'utf-8' }));
    const expected = { case: { kind: 'paymentCheck', fields: { NB_STAMP: '1' }, mac: 'AB', encoding: 'utf-8' }, error: null };
    for (const fragment of [`case=${link}`, `#case=${link}`, `#x=1&case=${link}`, `#case=${link}&x=1`]) expect(readCalculatorCase(fragment), fragment).to.deep.equal(expected);
    expect(readCalculatorCase(`#showcase=${link}`)).to.deep.equal({ case: null, error: null });
    expect(readCalculatorCase(`#x=case=${link}`)).to.deep.equal({ case: null, error: null });
  });

  it('reads base64url and base64 of every length, percent-encoded or not', () => {
    for (const stamp of ['', '1', '12', '123', 'Åsa', '€']) {
      const data = { kind: 'payDirect', fields: { NB_STAMP: stamp }, mac: '', encoding: 'iso-8859-1' };
      const url = b64url(json(data));
      const standard = url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(url.length / 4) * 4, '=');
      for (const written of [url, standard, encodeURIComponent(standard)]) expect(readCalculatorCase(`#case=${written}`).case, written).to.deep.equal(data);
    }
  });

  it('keeps string fields only, a known kind, a string MAC, and only ISO-8859-1 as another encoding', () => {
    const link = b64url(json({ kind: 'nope', fields: { A: '1', B: 2, C: null, D: ['x'] }, mac: 5, encoding: 'latin1' }));
    expect(readCalculatorCase(`#case=${link}`)).to.deep.equal({ case: { kind: null, fields: { A: '1' }, mac: '', encoding: 'utf-8' }, error: null });
    expect(readCalculatorCase(`#case=${b64url(json({ fields: null }))}`).case).to.deep.equal({ kind: null, fields: {}, mac: '', encoding: 'utf-8' });
  });

  it('a broken case says so in both languages', () => {
    const broken = {
      case: null,
      error: {
        en: 'The link’s case could not be read (it is cut off or altered); paste the fields instead',
        sv: 'Fallet i länken kunde inte läsas (länken är avkortad eller ändrad); klistra in fälten i stället',
      },
    };
    const good = b64url(json({ kind: 'paymentCheck', fields: {}, mac: '', encoding: 'utf-8' }));
    for (const fragment of ['#case=', `#case=${good.slice(0, -1)}`, `#case=${good}A`, '#case=a!b', '#case=%E0%A4%A', `#case=${b64url('null')}`, `#case=${b64url('7')}`, `#case=${b64url('"text"')}`, `#case=${btoa('\xff\xfe')}`]) {
      expect(readCalculatorCase(fragment), fragment).to.deep.equal(broken);
    }
  });
});

describe('diagnoseMac: an amount signed as Swedish number formatting writes it (issue 21: dropping this candidate must fail a test)', () => {
  it('finds 1 899,00 with a no-break space signed where the form sends 1899,00', async () => {
    const form = {
      NB_VERSION: '0002',
      NB_RCV_ID: '999999',
      NB_STAMP: '00002',
      NB_DB_AMOUNT: '1899,00',
      NB_DB_CUR: 'SEK',
      NB_DB_REF: '123450',
      NB_RETURN: 'https://shop.example/ok.html',
      NB_CANCEL: 'https://shop.example/cancel.html',
      NB_REJECT: 'https://shop.example/reject.html',
    };
    const signed = '999999&00002&1\u00a0899,00&SEK&123450';
    const given = await webMac(TEST_KEY, signed);
    const findings = diagnoseMac('payDirect', form, given, TEST_KEY).findings;
    expect(findings.map((f) => [f.causes, f.string])).to.deep.equal([[['amount-format'], signed]]);
    expect(findings[0]!.mac).to.equal(given);
  });
});
