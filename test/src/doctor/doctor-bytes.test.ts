// The doctor's candidates as bytes and their digests (src/doctor/bytes.ts): every digest of a run of
// candidates — short and long, sharing a first block with the last one or an earlier one, longer
// than the reused buffer — checked against WebCrypto, a second implementation.
import { expect } from '@esm-bundle/chai';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { CandidateBytes, joinInto, KeyedMac, PlainMac, Pieces, type Piece } from '../../../src/doctor/bytes.ts';
import { digestHex, hexToBytes, latin1, webHmac } from '../../support/webcrypto.ts';

const KEY = hexToBytes('1234567890ABCDEF1234567890ABCDEF');
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();

/** Candidates in an order that exercises the first-block cache: repeats, shared heads, distinct heads, growth past 1 KiB. */
function candidates(): string[] {
  const head = 'H'.repeat(64);
  const long = 'L'.repeat(130);
  return [
    '',
    'a',
    'x'.repeat(63),
    'x'.repeat(64),
    'x'.repeat(65),
    `${head}one`,
    `${head}two`,
    `${long}1`,
    `${head}three`,
    `${long}2`,
    'y'.repeat(127),
    'y'.repeat(128),
    'y'.repeat(129),
    `${long}1`,
    'z'.repeat(1500),
    `${head}four`,
    'é'.repeat(700),
  ];
}

describe('Pieces and CandidateBytes: a candidate’s bytes', () => {
  it('each text encoded once, in both encodings where ISO-8859-1 can hold it', () => {
    const pieces = new Pieces();
    const a = pieces.of('Å1');
    expect(pieces.of('Å1')).to.equal(a);
    expect([[...a.utf8], a.latin1 && [...a.latin1], a.ascii]).to.deep.equal([[0xc3, 0x85, 0x31], [0xc5, 0x31], false]);
    const euro = pieces.of('€');
    expect([euro.latin1, euro.ascii]).to.deep.equal([null, false]);
    const plain = new Pieces();
    expect([plain.of('abc').ascii, plain.of('\x7f').ascii, plain.ascii]).to.deep.equal([true, true, true]);
    plain.of('\x80');
    expect(plain.ascii).to.equal(false);
  });

  it('writes the pieces in an encoding, grows past its buffer, and cannot write ISO-8859-1 it cannot hold', () => {
    const pieces = new Pieces();
    const bytes = new CandidateBytes();
    const parts: Piece[] = [];
    joinInto([pieces.of('Å'.repeat(40)), pieces.of('b'.repeat(30)), pieces.of('c')], pieces.of('&'), parts);
    expect(parts.map((p) => p.text[0])).to.deep.equal(['Å', '&', 'b', '&', 'c']);
    expect(bytes.write(parts, 'iso-8859-1')).to.equal(73);
    expect(hex(bytes.view(0, 73))).to.equal(hex(latin1(`${'Å'.repeat(40)}&${'b'.repeat(30)}&c`)));
    expect(bytes.write(parts, 'utf-8')).to.equal(113);
    expect(hex(bytes.view(80, 113))).to.equal(hex(new TextEncoder().encode(`&${'b'.repeat(30)}&c`)));
    const big = Array.from({ length: 30 }, (_, i) => pieces.of(`${i}`.padEnd(100, '.')));
    expect(bytes.write(big, 'utf-8')).to.equal(3000);
    expect(hex(bytes.view(2900, 3000))).to.equal(hex(new TextEncoder().encode('29'.padEnd(100, '.'))));
    expect(bytes.write([pieces.of('a'), pieces.of('€')], 'iso-8859-1')).to.equal(-1);
    const fresh = new CandidateBytes();
    expect(fresh.write([pieces.of('q'.repeat(1500))], 'utf-8'), 'a first candidate longer than the buffer').to.equal(1500);
    expect(hex(fresh.view(1400, 1500))).to.equal(hex(new TextEncoder().encode('q'.repeat(100))));
    const none: Piece[] = [];
    joinInto([pieces.of('x'), pieces.of('y')], null, none);
    expect(none.map((p) => p.text)).to.deep.equal(['x', 'y']);
  });
});

describe('KeyedMac and PlainMac: digests as WebCrypto computes them', () => {
  // Made afresh in each test: nothing one run leaves behind reaches the next (mutation testing reruns tests in one process).
  const writer = () => {
    const pieces = new Pieces();
    const bytes = new CandidateBytes();
    return { bytes, write: (value: string) => bytes.write([pieces.of(value)], 'utf-8') };
  };

  it('HMAC-SHA256, HMAC-SHA512 and HMAC-SHA1 of each candidate in turn', async () => {
    const { bytes, write } = writer();
    const macs = [
      [new KeyedMac(sha256, KEY), 'SHA-256'],
      [new KeyedMac(sha512, KEY), 'SHA-512'],
      [new KeyedMac(sha1, latin1('1234567890ABCDEF1234567890ABCDEF')), 'SHA-1'],
    ] as const;
    for (const value of candidates()) {
      const length = write(value);
      for (const [mac, hash] of macs) {
        const key = hash === 'SHA-1' ? latin1('1234567890ABCDEF1234567890ABCDEF') : KEY;
        expect(hex(mac.compute(bytes, length).subarray(0, mac.outputLen)), `${hash} of ${value.slice(0, 8)}… (${length})`).to.equal(await webHmac(key, value, hash));
      }
    }
  });

  it('a plain hash with the key before or after the string', async () => {
    const { bytes, write } = writer();
    const amp = new TextEncoder().encode('&');
    const after = new PlainMac(sha256, new Uint8Array(0), Uint8Array.from([...amp, ...KEY]));
    const before = new PlainMac(sha256, KEY, new Uint8Array(0));
    for (const value of candidates()) {
      const length = write(value);
      const string = new TextEncoder().encode(value);
      expect(hex(after.compute(bytes, length).subarray(0, 32)), value.slice(0, 8)).to.equal(await digestHex('SHA-256', Uint8Array.from([...string, ...amp, ...KEY])));
      expect(hex(before.compute(bytes, length).subarray(0, 32)), value.slice(0, 8)).to.equal(await digestHex('SHA-256', Uint8Array.from([...KEY, ...string])));
    }
  });
});

describe('KeyedMac: a hash whose state it cannot drive', () => {
  // The doctor reads noble's state fields; a noble whose fields were not its words would give wrong digests in silence.
  it('refuses it at once, naming how many words it has, rather than give wrong digests', () => {
    /** SHA-256 whose state words, as `get()` tells them, are `change`d: as if noble had renamed its fields. */
    const drift = (change: (words: number[]) => number[]): CHash =>
      Object.assign((message: Uint8Array) => sha256(message), sha256, {
        create: () => {
          const hash = sha256.create() as unknown as { get(): number[] };
          const own = hash.get.bind(hash);
          return Object.assign(hash, { get: () => change(own()) });
        },
      }) as unknown as CHash;
    const oneWordOff = drift((words) => words.map((w, i) => (i === 7 ? w ^ 1 : w)));
    expect(() => new KeyedMac(oneWordOff, KEY)).to.throw("The doctor cannot drive this hash's state (8 words)");
    const nine = drift((words) => [...words, 0]);
    expect(() => new KeyedMac(nine, KEY)).to.throw("The doctor cannot drive this hash's state (9 words)");
    expect(new KeyedMac(drift((words) => words), KEY).outputLen).to.equal(32);
  });
});
