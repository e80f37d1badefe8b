import { expect } from '@esm-bundle/chai';
import { diagnoseMac, TEST_KEY, type Diagnosis } from '../../../src/index.ts';
import { declaredCharset, type DoctorCause, type DoctorFinding } from '../../../src/doctor/index.ts';
// The pay direct form every cause's example starts from: the doctor's own, so the two cannot drift apart.
import { EXAMPLE_FORM as FORM } from '../../../src/doctor/causes/example.ts';
import { digestHex, hexToBytes, latin1, webHmac, webMac } from '../../support/webcrypto.ts';

// The causes learned from public shop code. Every MAC below is WebCrypto's (or, for MD5, which
// WebCrypto lacks, node:crypto's, written out) over a string written out by hand.
const KEY_HEX = '1234567890ABCDEF1234567890ABCDEF';
const RIGHT = '999999&00002&899,00&SEK&123450';

function only(result: Diagnosis, causes: DoctorCause[]): DoctorFinding {
  expect(result.status, JSON.stringify(result.findings.map((f) => f.causes))).to.equal('explained');
  const match = result.findings.find((f) => f.causes.length === causes.length && causes.every((c) => f.causes.includes(c)));
  expect(match, `findings: ${JSON.stringify(result.findings.map((f) => [f.causes, f.algorithm]))}`).to.not.equal(undefined);
  return match!;
}

describe('doctor: key spellings, each tried once', () => {
  it('a key typed in upper case without spaces is the upper-case spelling, found once (HMAC with the key as text)', async () => {
    const given = (await webHmac(latin1(KEY_HEX), RIGHT)).slice(0, 32);
    const result = diagnoseMac('payDirect', FORM, given, KEY_HEX);
    const found = result.findings.filter((f) => f.causes.includes('key-as-text'));
    expect(found.map((f) => f.key.use)).to.deep.equal(['text-upper']);
  });

  it('a key typed with spaces is also tried as typed, with its spaces', async () => {
    const given = (await webHmac(latin1(TEST_KEY), RIGHT)).slice(0, 32);
    expect(only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['key-as-text']).key.use).to.equal('text-as-typed');
  });

  it('the same key typed in lower case: the lower-case spelling under a plain SHA-256, once', async () => {
    const typed = KEY_HEX.toLowerCase();
    const given = (await digestHex('SHA-256', `${RIGHT}${typed}`)).slice(0, 32);
    const result = diagnoseMac('payDirect', FORM, given, typed);
    expect(result.findings.map((f) => [f.algorithm, f.key.use])).to.deep.equal([['SHA-256(string + key)', 'text-lower']]);
  });
});

describe('doctor: the key appended as text, the Solo bank-link way', () => {
  const arrangements = [
    ['&', '&', 'string + "&" + key + "&"'],
    ['', '&', 'string + key + "&"'],
    ['&', '', 'string + "&" + key'],
    ['', '', 'string + key'],
  ] as const;
  for (const [before, after, named] of arrangements) {
    for (const hash of ['SHA-256', 'SHA-1'] as const) {
      if (hash === 'SHA-256' && after === '') continue; // plain-hash's, below
      it(`${hash}(${named}) (WebCrypto)`, async () => {
        const digest = await digestHex(hash, `${RIGHT}${before}${KEY_HEX}${after}`);
        const given = hash === 'SHA-256' ? digest.slice(0, 32) : digest;
        const finding = only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['key-appended']);
        expect(finding.algorithm).to.equal(`${hash}(${named})`);
        expect(finding.string).to.equal(RIGHT);
        expect(finding.digest).to.equal(digest);
        expect(finding.explanation.sv).to.contain('Solo');
      });
    }
  }

  it('SHA-256(string + "&" + key) without the trailing "&" is a plain hash', async () => {
    const given = (await digestHex('SHA-256', `${RIGHT}&${KEY_HEX}`)).slice(0, 32);
    expect(only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['plain-hash']).algorithm).to.equal('SHA-256(string + "&" + key)');
  });

  // MD5 by node:crypto: createHash('md5').update(string).digest('hex').toUpperCase().
  const MD5: ReadonlyArray<readonly [string, string]> = [
    ['string + "&" + key + "&"', 'B520028ECCD648C6E85270B620D4AE8E'],
    ['string + key + "&"', 'C74B4578949E7CF97DBB21AEBB72EAC0'],
    ['string + "&" + key', '02542FACC2D50230D46C32079A476AFA'],
    ['string + key', '515BBD5E267AA41DCDB0DCBFC7F77ED4'],
  ];
  for (const [named, mac] of MD5) {
    it(`MD5(${named}) (node:crypto)`, () => {
      const finding = only(diagnoseMac('payDirect', FORM, mac, TEST_KEY), ['key-appended']);
      expect(finding.algorithm).to.equal(`MD5(${named})`);
      expect(finding.mac).to.equal(mac);
    });
  }
});

describe('doctor: two structural mistakes together', () => {
  it('the Solo field order and NB_VERSION signed, listed in what was tried', async () => {
    const given = await webMac(KEY_HEX, '0002&00002&999999&899,00&123450&SEK');
    const result = diagnoseMac('payDirect', FORM, given, TEST_KEY);
    const finding = only(result, ['field-order', 'extra-field']);
    expect(finding.explanation.en).to.contain('in the order NB_STAMP, NB_RCV_ID, NB_DB_AMOUNT, NB_DB_REF, NB_DB_CUR');
    expect(finding.explanation.en).to.contain('NB_VERSION ("0002") was signed as well');
    for (const cause of ['field-order', 'extra-field'] as const) expect(result.tried.find((t) => t.cause === cause)!.candidates).to.be.greaterThan(0);
  });

  it('a field left out and the values joined by "|"', async () => {
    const given = await webMac(KEY_HEX, '999999|00002|899,00|SEK');
    only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['missing-field', 'separator']);
  });

  it('NB_RETURN signed last with a trailing "&"', async () => {
    const given = await webMac(KEY_HEX, `${RIGHT}&https://shop.example/ok.html&`);
    only(diagnoseMac('payDirect', FORM, given, TEST_KEY), ['extra-field', 'separator']);
  });

});

describe('doctor: a declared character set', () => {
  const form = { ...FORM, NB_STAMP: 'Åsa-7' };
  const string = '999999&Åsa-7&899,00&SEK&123450';

  it('verifies first in the ISO-8859-1 the page declares, and names it', async () => {
    const given = await webMac(KEY_HEX, latin1(string));
    const result = diagnoseMac('payDirect', form, given, TEST_KEY, { declared: { encoding: 'iso-8859-1', source: 'meta' } });
    expect(result.status).to.equal('correct');
    expect(result.encoding).to.equal('iso-8859-1');
    expect(result.message.en).to.contain('ISO-8859-1 (Latin-1) (declared by the page’s <meta charset>)');
    expect(result.message.sv).to.contain('(angiven i sidans <meta charset>)');
    // Without the declaration, the same MAC is the other encoding.
    only(diagnoseMac('payDirect', form, given, TEST_KEY), ['encoding']);
  });

  it('reads the declaration from a meta charset, a Content-Type or the parser’s Latin-1 escapes', () => {
    expect(declaredCharset({ text: '<html><head><meta charset="ISO-8859-1"></head>' })).to.deep.equal({ encoding: 'iso-8859-1', source: 'meta' });
    expect(declaredCharset({ text: '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' })).to.deep.equal({ encoding: 'iso-8859-1', source: 'meta' });
    expect(declaredCharset({ contentType: 'application/x-www-form-urlencoded; charset=iso-8859-1' })).to.deep.equal({ encoding: 'iso-8859-1', source: 'content-type' });
    expect(declaredCharset({ problemCodes: ['latin1-escapes'] })).to.deep.equal({ encoding: 'iso-8859-1', source: 'latin1-escapes' });
    expect(declaredCharset({ text: '<meta charset="utf-8">' })).to.deep.equal({ encoding: 'utf-8', source: 'meta' });
    expect(declaredCharset({ text: 'NB_STAMP=1', contentType: 'text/plain' })).to.equal(null);
  });
});

describe('doctor: a value read with the wrong character set', () => {
  it('U+FFFD in a signed value warns, with the likely ISO-8859-1 original', async () => {
    const form = { ...FORM, NB_STAMP: 'M\ufffdnsson' };
    const result = diagnoseMac('payDirect', form, await webMac(KEY_HEX, latin1('999999&Månsson&899,00&SEK&123450')), TEST_KEY);
    const warning = result.warnings.find((w) => w.en.includes('U+FFFD'));
    expect(warning, JSON.stringify(result.warnings)).to.not.equal(undefined);
    expect(warning!.en).to.contain('NB_STAMP');
    expect(warning!.en).to.contain('"Månsson"');
    expect(warning!.en).to.contain('wrong character set');
    expect(warning!.sv).to.contain('fel teckenuppsättning');
    expect(warning!.sv).to.contain('”Månsson”, ”Mänsson”, ”Mönsson”…'); // Swedish quotes around the likely originals
    // And the search finds the original the MAC was made over: "å", signed in ISO-8859-1.
    const finding = only(result, ['replacement-char', 'encoding']);
    expect(finding.string).to.equal('999999&Månsson&899,00&SEK&123450');
    expect(finding.encoding).to.equal('iso-8859-1');
    expect(finding.explanation.en).to.contain('read with the wrong character set');
  });

  it('no warning without U+FFFD', async () => {
    const result = diagnoseMac('payDirect', FORM, await webMac(KEY_HEX, RIGHT), TEST_KEY);
    expect(result.warnings).to.deep.equal([]);
  });
});

describe('doctor: a MAC that lost its leading zero (Java’s BigInteger)', () => {
  /** A reference whose right MAC starts with a single 0, by WebCrypto. */
  async function zeroLed(): Promise<{ ref: string; full: string }> {
    for (let ref = 12345; ; ref++) {
      const full = await webHmac(hexToBytes(KEY_HEX), `999999&00002&899,00&SEK&${ref}`);
      if (full[0] === '0' && full[1] !== '0') return { ref: String(ref), full };
    }
  }

  it('a 32-character MAC shifted by one is named as such, and reproduced', async () => {
    const { ref, full } = await zeroLed();
    const given = full.slice(1, 33);
    const finding = only(diagnoseMac('payDirect', { ...FORM, NB_DB_REF: ref }, given, TEST_KEY), ['dropped-zero']);
    expect(finding.mac).to.equal(given);
    expect(finding.digest).to.equal(full);
    expect(finding.explanation.en).to.contain('BigInteger');
  });

  it('the full HMAC written without its leading zero (63 characters)', async () => {
    const { ref, full } = await zeroLed();
    const given = full.slice(1).toLowerCase();
    const finding = only(diagnoseMac('payDirect', { ...FORM, NB_DB_REF: ref }, given, TEST_KEY), ['dropped-zero', 'untruncated', 'lowercase-hex']);
    expect(finding.mac).to.equal(given);
  });
});
