// How the doctor reads a given MAC (hexadecimal of each length, base64, base64url) and writes a
// digest back in the same form, and the calculator's #case= link as it writes it: each checked
// against the browser's own base64 (btoa / atob), a second implementation.
import { expect } from '@esm-bundle/chai';
import { calculatorCase, readCalculatorCase } from '../../../src/doctor/calculator-case.ts';
import { asGiven, fromBase64url, readGivenMac, readHexValue } from '../../../src/doctor/given.ts';
import { hexToBase64, hexToBytes } from '../../support/webcrypto.ts';

const MAC = 'EE5D4EB44A60F24889C624A267671A0B';
const FULL = '26D07B3BF8A133425FEFFC79B1AAA4B5A0495D8B590F92E3F30F31F87250DAC8';
/** A digest whose hexadecimal starts with two zeros. */
const ZEROS = `00${FULL.slice(2)}`;

const reading = (mac: string) => {
  const given = readGivenMac(mac);
  return { ...given, bytes: [...given.bytes] };
};

describe('readGivenMac: the given MAC, how it is written', () => {
  it('hexadecimal: 32, 40 or 64 characters, in either case', () => {
    expect(reading(MAC)).to.deep.equal({ compact: MAC, bytes: [...hexToBytes(MAC)], form: 'hex', lowercase: false, untruncated: false, padded: false, oddLength: false });
    expect(reading(` ${FULL.toLowerCase()} `)).to.deep.equal({
      compact: FULL.toLowerCase(),
      bytes: [...hexToBytes(FULL)],
      form: 'hex',
      lowercase: true,
      untruncated: true,
      padded: false,
      oddLength: false,
    });
    expect(reading(FULL.slice(0, 40)).bytes).to.have.length(20);
    expect(readGivenMac(`${MAC.slice(0, 31)}a`).lowercase).to.equal(true);
  });

  it('an odd number of characters (39 or 63) is read with its leading zero put back', () => {
    const sha1 = FULL.slice(0, 40);
    expect(reading(sha1.slice(1))).to.deep.equal({
      compact: sha1.slice(1),
      bytes: [...hexToBytes(`0${sha1.slice(1)}`)],
      form: 'hex',
      lowercase: false,
      untruncated: false,
      padded: false,
      oddLength: true,
    });
    expect(reading(FULL.slice(1)).untruncated).to.equal(true);
  });

  it('base64 with or without padding, base64url', () => {
    const padded = hexToBase64(MAC);
    expect(padded).to.match(/==$/);
    expect(reading(padded)).to.deep.equal({ compact: padded, bytes: [...hexToBytes(MAC)], form: 'base64', lowercase: false, untruncated: false, padded: true, oddLength: false });
    const full = hexToBase64(FULL);
    expect(full).to.match(/[+/]/);
    expect(reading(full.replace(/=$/, ''))).to.deep.equal({ compact: full.replace(/=$/, ''), bytes: [...hexToBytes(FULL)], form: 'base64', lowercase: false, untruncated: true, padded: false, oddLength: false });
    const url = hexToBase64(FULL, true);
    expect(url).to.match(/[-_]/);
    expect(reading(url)).to.deep.equal({ compact: url, bytes: [...hexToBytes(FULL)], form: 'base64url', lowercase: false, untruncated: true, padded: false, oddLength: false });
    // Neither "+", "/", "=" nor "-", "_": read as base64url (the two alphabets agree on it).
    const plain = hexToBase64(MAC, true);
    expect(plain).to.match(/^[A-Za-z0-9]+$/);
    expect(readGivenMac(plain).form).to.equal('base64url');
  });
});

describe('readHexValue: the forms of base64 a MAC is read in', () => {
  const read = (mac: string) => {
    try {
      return readHexValue(mac, 'NB_HMAC');
    } catch {
      return null;
    }
  };
  const b64 = (n: number) => 'AB+/'.repeat(11).slice(0, n);
  const url = (n: number) => 'AB-_'.repeat(11).slice(0, n);

  it('16 or 32 bytes: 22 or 43 characters, base64 padded or not, base64url unpadded', () => {
    for (const mac of [b64(22), `${b64(22)}==`, b64(43), `${b64(43)}=`, url(22), url(43)]) expect(read(mac), mac).to.equal(mac);
  });

  it('no other length or padding', () => {
    for (const mac of [b64(21), b64(23), `${b64(22)}=`, `${b64(22)}===`, b64(42), b64(44), `${b64(43)}==`, url(21), url(23), `${url(22)}==`, url(44), `${url(43)}=`, `${url(11)}+${url(10)}`]) {
      expect(read(mac), mac).to.equal(null);
    }
  });
});

describe('asGiven: a digest written as the given MAC was', () => {
  const digest = hexToBytes(FULL);

  it('hexadecimal: cut to the given length, in its case', () => {
    expect(asGiven(readGivenMac(MAC), digest)).to.equal(FULL.slice(0, 32));
    expect(asGiven(readGivenMac(MAC.toLowerCase()), digest)).to.equal(FULL.slice(0, 32).toLowerCase());
    expect(asGiven(readGivenMac(FULL.slice(0, 40)), digest)).to.equal(FULL.slice(0, 40));
    expect(asGiven(readGivenMac(FULL), digest)).to.equal(FULL);
  });

  it('a dropped leading zero: every leading zero dropped, then cut (odd length, or shifted)', () => {
    const zeros = hexToBytes(ZEROS);
    expect(asGiven(readGivenMac(FULL.slice(1)), zeros)).to.equal(ZEROS.slice(2, 65));
    expect(asGiven(readGivenMac(FULL.slice(0, 39)), zeros)).to.equal(ZEROS.slice(2, 41));
    expect(asGiven(readGivenMac(MAC), zeros, true)).to.equal(ZEROS.slice(2, 34));
    expect(asGiven(readGivenMac(MAC), zeros)).to.equal(ZEROS.slice(0, 32));
    // Only the leading zeros: "26D07B…" keeps its zero.
    expect(asGiven(readGivenMac(FULL.slice(1)), digest)).to.equal(FULL.slice(0, 63));
  });

  it('base64 and base64url: the given number of bytes, padded as given; as btoa writes them', () => {
    expect(asGiven(readGivenMac(hexToBase64(MAC)), digest)).to.equal(hexToBase64(FULL.slice(0, 32)));
    const unpadded = hexToBase64(FULL.slice(0, 32)).replace(/=+$/, '');
    expect(unpadded).to.contain('/');
    expect(asGiven(readGivenMac(unpadded), new Uint8Array(32).fill(0xff))).to.equal(`${'/'.repeat(21)}w`);
    expect(asGiven(readGivenMac(hexToBase64(FULL)), digest)).to.equal(hexToBase64(FULL));
    expect(asGiven(readGivenMac(hexToBase64(FULL, true)), digest)).to.equal(hexToBase64(FULL, true));
    const allBits = new Uint8Array(32).fill(0xff);
    expect(asGiven(readGivenMac(hexToBase64(FULL)), allBits)).to.equal(`${'/'.repeat(42)}8=`);
    expect(asGiven(readGivenMac(hexToBase64(FULL, true)), allBits)).to.equal(`${'_'.repeat(42)}8`);
  });
});

describe('fromBase64url: base64 or base64url to bytes', () => {
  const atobBytes = (b64: string) => [...atob(b64)].map((c) => c.charCodeAt(0));

  it('every length of input, either alphabet, padded or not', () => {
    for (const b64 of ['', 'AA==', 'AAE=', 'AAEC', '+/+/', '//8=', '////AA==', 'SGVsbG8sIHdvcmxkIQ==']) {
      const bytes = fromBase64url(b64);
      expect(bytes && [...bytes], b64).to.deep.equal(atobBytes(b64));
      const url = b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      expect([...fromBase64url(url)!], url).to.deep.equal(atobBytes(b64));
    }
  });

  it('null for an impossible length or a character of neither alphabet', () => {
    expect(fromBase64url('A')).to.equal(null);
    expect(fromBase64url('AAAAA')).to.equal(null);
    expect(fromBase64url('AA!A')).to.equal(null);
    expect(fromBase64url('A=AA')).to.equal(null);
  });
});

describe('calculatorCase: the link the calculator writes', () => {
  const decode = (fragment: string) => {
    const b64 = fragment.replace(/^case=/, '').replace(/-/g, '+').replace(/_/g, '/');
    return new TextDecoder().decode(Uint8Array.from(atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '=')), (c) => c.charCodeAt(0)));
  };

  it('base64url of the JSON, unpadded, for every length of it', () => {
    for (const stamp of ['1', '12', '123', 'Åsa']) {
      const fragment = calculatorCase('paymentCheck', { NB_RCV_ID: '999999', NB_STAMP: stamp, NB_HMAC: MAC });
      expect(fragment).to.match(/^case=[A-Za-z0-9_-]+$/);
      expect(JSON.parse(decode(fragment)), stamp).to.deep.equal({ kind: 'paymentCheck', fields: { NB_RCV_ID: '999999', NB_STAMP: stamp, NB_HMAC: MAC }, mac: MAC, encoding: 'utf-8' });
    }
    // Read back, and a link another tool wrote with its JSON indented (tabs and line breaks, bytes below 0x10).
    const opened = readCalculatorCase(calculatorCase('paymentCheck', { NB_STAMP: '1' }));
    expect(opened.case).to.deep.equal({ kind: 'paymentCheck', fields: { NB_STAMP: '1' }, mac: '', encoding: 'utf-8' });
    const indented = btoa(JSON.stringify({ kind: 'paymentCheck', fields: { NB_STAMP: '1' }, mac: '', encoding: 'utf-8' }, null, '\t'));
    expect(readCalculatorCase(`#case=${indented}`)).to.deep.equal(opened);
    const json = JSON.stringify({ kind: 'paymentCheck', fields: { NB_STAMP: '~~~' }, mac: '', encoding: 'iso-8859-1' });
    const written = btoa(json).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(calculatorCase('paymentCheck', { NB_STAMP: '~~~' }, 'iso-8859-1')).to.equal(`case=${written}`);
  });
});
