/**
 * The doctor's candidates as bytes, at noble's floor (see docs/bench.md): each value, separator
 * and name is encoded once per encoding, and a candidate is assembled from those bytes into one
 * reused buffer (no string or TextEncoder per candidate), then padded in place as the hash's last
 * blocks. The hashes are noble's own compression functions (`process`), driven directly: each key's
 * inner and outer HMAC states are computed once and restored per candidate, the candidate's
 * blocks are compressed straight from its buffer (no copy, no view, no clean-up per candidate), and
 * a candidate that shares its first block with an earlier long one starts from the state after
 * that block.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { _SHA256 } from '@noble/hashes/sha2.js';
import type { CHash } from '@noble/hashes/utils.js';
import { encodeText, isAscii, type Encoding } from '../protocol/encoding.ts';

/** "&" as bytes, and no bytes: what a plain hash puts around the string with the key. */
export const AMP = Uint8Array.of(0x26);
export const NONE = new Uint8Array(0);

/** A piece of a candidate string, encoded once per encoding (`latin1` is `null` where ISO-8859-1 cannot hold it). */
export interface Piece {
  readonly text: string;
  readonly utf8: Uint8Array;
  readonly latin1: Uint8Array | null;
  readonly ascii: boolean;
}

/** Pieces by their text: each distinct value, separator or name is encoded once per diagnosis. */
export class Pieces {
  private readonly known = new Map<string, Piece>();
  /** Whether every piece is 7-bit ASCII (then the other encoding gives the same bytes). */
  ascii = true;

  of(value: string): Piece {
    let piece = this.known.get(value);
    if (!piece) {
      piece = { text: value, utf8: encodeText(value), latin1: /[^\x00-\xff]/.test(value) ? null : encodeText(value, 'iso-8859-1'), ascii: isAscii(value) };
      if (!piece.ascii) this.ascii = false;
      this.known.set(value, piece);
    }
    return piece;
  }
}

/** Appends `values` joined by `separator` (none for `null`). */
export function joinInto(values: readonly Piece[], separator: Piece | null, out: Piece[]): void {
  for (let i = 0; i < values.length; i++) {
    if (i > 0 && separator) out.push(separator);
    out.push(values[i]!);
  }
}

/** Something that turns a candidate's bytes into a digest: an HMAC under a key, or a plain hash with the key around the string. */
export interface Mac {
  readonly outputLen: number;
  /** The digest of the candidate's first `length` bytes (valid until the next call). */
  compute(bytes: CandidateBytes, length: number): Uint8Array;
}

/** Room after a candidate for its padding: the longest (SHA-512's) takes at most two blocks of 128 bytes. */
const PAD_ROOM = 256;

/**
 * The candidate's bytes: written from pieces into one reused buffer, with views of it cached per
 * range, so that neither writing nor hashing a candidate allocates. Padded in place for a hash.
 */
export class CandidateBytes {
  buffer = new Uint8Array(1024);
  /** The buffer as 32-bit words, to compare and fingerprint first blocks four bytes at a time. */
  words = new Uint32Array(this.buffer.buffer);
  /** The buffer as a DataView: what noble's compression function reads blocks from. */
  data = new DataView(this.buffer.buffer);
  private views: Uint8Array[][] = [];
  private headOf = 0;
  private headHash = 0;
  /** The padding last written after the candidate (see `pad`), and where it ends. */
  // Stryker disable next-line UnaryOperator: a sentinel no padding key equals: +1 is one too
  private paddedAs = -1;
  private paddedEnd = 0;

  /** Grows the buffer to at least `size` bytes, a whole number of 8-byte words (its views read words). */
  private grow(size: number, keep: number): void {
    // Stryker disable next-line ArithmeticOperator: a larger buffer holds the same bytes
    const grown = new Uint8Array(Math.ceil(size / 8) * 8);
    grown.set(this.buffer.subarray(0, keep));
    this.buffer = grown;
    this.words = new Uint32Array(grown.buffer);
    this.data = new DataView(grown.buffer);
    this.views = [];
  }

  /** The pieces of the last candidate written (by place), where each starts (and, after the last, where it ends), and in which encoding. */
  // Stryker disable next-line ArrayDeclaration: read only below writtenCount, which starts at 0
  private readonly written: Piece[] = [];
  private readonly starts: number[] = [0];
  private writtenCount = 0;
  private writtenIn: Encoding | null = null;

  /**
   * Writes the pieces' bytes in the encoding; returns the length, or -1 when ISO-8859-1 cannot hold
   * a piece. The pieces the last candidate in the same encoding began with are already there: only
   * the rest is written (a candidate written again for other variants, or sharing its first values).
   */
  write(parts: readonly Piece[], encoding: Encoding): number {
    const { written, starts } = this;
    let p = 0;
    // Stryker disable next-line BlockStatement,ConditionalExpression: not reusing the last candidate's first pieces writes the same bytes again
    if (encoding === this.writtenIn) {
      const same = Math.min(parts.length, this.writtenCount);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: reusing fewer pieces writes the same bytes again
      while (p < same && parts[p] === written[p]) p++;
    }
    let n = starts[p]!;
    this.writtenIn = null;
    for (; p < parts.length; p++) {
      const piece = parts[p]!;
      const bytes = encoding === 'utf-8' ? piece.utf8 : piece.latin1;
      if (bytes === null) return -1;
      // Stryker disable next-line ArithmeticOperator,ConditionalExpression: growing more often, or to 8 times a size 256 bytes smaller, still leaves room
      if (n + bytes.length + PAD_ROOM > this.buffer.length) this.grow((n + bytes.length + PAD_ROOM) * 8, n);
      const out = this.buffer;
      written[p] = piece;
      starts[p] = n;
      // A long piece (a URL) is copied natively; a short one byte by byte, cheaper than the call.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: both branches copy the same bytes
      if (bytes.length > 24) {
        out.set(bytes, n);
        n += bytes.length;
      } else for (let i = 0; i < bytes.length; i++) out[n++] = bytes[i]!;
    }
    starts[parts.length] = n;
    this.writtenCount = parts.length;
    this.writtenIn = encoding;
    this.headOf = 0;
    // Stryker disable next-line UnaryOperator: a sentinel no padding key equals: +1 is one too
    this.paddedAs = -1;
    return n;
  }

  /** Writes `before`, `middle` and `after` (a plain hash's message); returns the length. */
  place(before: Uint8Array, middle: Uint8Array, after: Uint8Array): number {
    const length = middle.length;
    const n = before.length + length + after.length;
    // Stryker disable next-line ArithmeticOperator,ConditionalExpression,EqualityOperator: growing more often, or to twice a size 256 bytes smaller (n > 768 here), still leaves room
    if (n + PAD_ROOM > this.buffer.length) this.grow((n + PAD_ROOM) * 2, 0);
    const out = this.buffer;
    out.set(before);
    out.set(middle, before.length);
    out.set(after, before.length + length);
    this.writtenIn = null;
    this.headOf = 0;
    // Stryker disable next-line UnaryOperator: a sentinel no padding key equals: +1 is one too
    this.paddedAs = -1;
    return n;
  }

  /**
   * Pads the candidate's first `length` bytes as the end of a message of `before + length` bytes,
   * for a hash of `block`-byte blocks with a `lengthBytes`-byte length field (little-endian for
   * MD5): a 1 bit, zeros, the length in bits. Returns where the padded blocks end. Written once per
   * candidate and kind of padding: every HMAC under hashes of one block size shares it.
   */
  pad(length: number, block: number, lengthBytes: number, littleEndian: boolean, before: number): number {
    // Stryker disable next-line ArithmeticOperator: `before` is one value per written candidate (write and place reset the key), so no mutant key collides
    const as = (((before * 256 + block) * 32 + lengthBytes) << 1) | Number(littleEndian);
    // Stryker disable next-line ConditionalExpression: padding again writes the same bytes
    if (this.paddedAs === as) return this.paddedEnd;
    const end = Math.ceil((length + 1 + lengthBytes) / block) * block;
    const buffer = this.buffer;
    buffer[length] = 0x80;
    buffer.fill(0, length + 1, end);
    this.data.setUint32(littleEndian ? end - lengthBytes : end - 4, (before + length) * 8, littleEndian);
    this.paddedAs = as;
    this.paddedEnd = end;
    return end;
  }

  /** A fingerprint (FNV-1a over words) of the first `block` bytes of the last candidate written, computed once per candidate and block size. */
  // Stryker disable next-line BlockStatement: a fingerprint only picks a cache slot; the slot's block is compared whole
  head(block: number): number {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a fingerprint only picks a cache slot; the slot's block is compared whole
    if (this.headOf === block) return this.headHash;
    const words = this.words;
    let h = 0x811c9dc5;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a fingerprint only picks a cache slot; the slot's block is compared whole
    for (let i = 0; i < block >> 2; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
    this.headOf = block;
    this.headHash = h;
    return h;
  }

  /** The bytes from `start` to `end`, as a view kept for the next candidate of that length. */
  view(start: number, end: number): Uint8Array {
    const row = (this.views[start] ??= []);
    return (row[end] ??= this.buffer.subarray(start, end));
  }
}

/**
 * A noble Merkle–Damgård hash (SHA-256, SHA-1, MD5, SHA-512) as the doctor drives it: its state
 * words (`get`, `set`), its compression function over a block of any DataView (`process`), and its
 * padding's shape. These are noble's internals (`@noble/hashes/_md.js`), pinned by the lock file;
 * the doctor's tests check every hash against node:crypto.
 */
interface Compressor {
  readonly blockLen: number;
  readonly outputLen: number;
  readonly padOffset: number;
  readonly isLE: boolean;
  get(): number[];
  set(...words: number[]): void;
  process(view: DataView, offset: number): void;
  roundClean(): void;
}

/** The state words as noble's hashes keep them as fields: A, B… for SHA-256, SHA-1 and MD5; Ah, Al, Bh… for SHA-512. */
interface StateFields {
  A: number;
  B: number;
  C: number;
  D: number;
  E: number;
  F: number;
  G: number;
  H: number;
  Ah: number;
  Al: number;
  Bh: number;
  Bl: number;
  Ch: number;
  Cl: number;
  Dh: number;
  Dl: number;
  Eh: number;
  El: number;
  Fh: number;
  Fl: number;
  Gh: number;
  Gl: number;
  Hh: number;
  Hl: number;
}

/** Puts state words into the hash: noble's `set`, without spreading an array (SHA-256's, nearly every candidate's, as fields). */
function load(hash: Compressor, w: readonly number[]): void {
  // Stryker disable next-line ConditionalExpression: noble's own set() loads the same words
  if (hash instanceof _SHA256) {
    const h = hash as unknown as StateFields;
    h.A = w[0]!;
    h.B = w[1]!;
    h.C = w[2]!;
    h.D = w[3]!;
    h.E = w[4]!;
    h.F = w[5]!;
    h.G = w[6]!;
    h.H = w[7]!;
    return;
  }
  // Stryker disable next-line ConditionalExpression: the call for 16 words below sets the same (noble's set() ignores arguments past its own)
  if (w.length === 4) return hash.set(w[0]!, w[1]!, w[2]!, w[3]!);
  // Stryker disable next-line ConditionalExpression: the call for 16 words below sets the same (noble's set() ignores arguments past its own)
  if (w.length === 5) return hash.set(w[0]!, w[1]!, w[2]!, w[3]!, w[4]!);
  // Stryker disable next-line ConditionalExpression: the call for 16 words below sets the same (noble's set() ignores arguments past its own)
  if (w.length === 8) return hash.set(w[0]!, w[1]!, w[2]!, w[3]!, w[4]!, w[5]!, w[6]!, w[7]!);
  hash.set(w[0]!, w[1]!, w[2]!, w[3]!, w[4]!, w[5]!, w[6]!, w[7]!, w[8]!, w[9]!, w[10]!, w[11]!, w[12]!, w[13]!, w[14]!, w[15]!);
}

/** Copies the hash's state words into `into` (sized to them), without the array noble's `get()` makes each time. */
function save(hash: Compressor, into: number[]): void {
  const h = hash as unknown as StateFields;
  if (into.length === 16) {
    into[0] = h.Ah;
    into[1] = h.Al;
    into[2] = h.Bh;
    into[3] = h.Bl;
    into[4] = h.Ch;
    into[5] = h.Cl;
    into[6] = h.Dh;
    into[7] = h.Dl;
    into[8] = h.Eh;
    into[9] = h.El;
    into[10] = h.Fh;
    into[11] = h.Fl;
    into[12] = h.Gh;
    into[13] = h.Gl;
    into[14] = h.Hh;
    into[15] = h.Hl;
    return;
  }
  into[0] = h.A;
  into[1] = h.B;
  into[2] = h.C;
  into[3] = h.D;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a word too many is never loaded: MD5's set() takes four
  if (into.length > 4) into[4] = h.E;
  // Stryker disable next-line BlockStatement,ConditionalExpression,EqualityOperator: words too many are never loaded: set() takes only its own
  if (into.length > 5) {
    into[5] = h.F;
    into[6] = h.G;
    into[7] = h.H;
  }
}

/**
 * One fresh instance of each hash the doctor drives (no key in its state): noble clears its shared
 * message schedule after every digest; the doctor does it after each candidate string's hashes.
 */
const cleaners = new Map<CHash, Compressor>();
const cleanerList: Compressor[] = [];

/**
 * A hash to drive, checked once: its state words are the fields `save` reads. These are noble's
 * internals, so package.json pins @noble/hashes to one exact version, and the doctor's tests check
 * every hash against node:crypto.
 */
function compressor(hash: CHash): Compressor {
  const driven = hash.create() as unknown as Compressor;
  const words = driven.get();
  const read = words.slice();
  read.fill(0);
  save(driven, read);
  if (![4, 5, 8, 16].includes(words.length) || read.some((w, i) => w !== words[i])) throw new Error(`The doctor cannot drive this hash's state (${words.length} words)`);
  // Stryker disable next-line BlockStatement,ConditionalExpression: clearing noble's shared message schedule is hygiene: no digest depends on it
  if (!cleaners.has(hash)) {
    cleaners.set(hash, hash.create() as unknown as Compressor);
    cleanerList.push(cleaners.get(hash)!);
  }
  return driven;
}

/** Clears the message schedules of the hashes driven (what noble's `roundClean` does after each digest). */
// Stryker disable next-line BlockStatement: clearing noble's shared message schedule is hygiene: no digest depends on it
export function wipeSchedules(): void {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: clearing noble's shared message schedule is hygiene: no digest depends on it
  for (let i = 0; i < cleanerList.length; i++) cleanerList[i]!.roundClean();
}

/**
 * Writes the hash's first `count` state words as bytes, as noble's digest does (big-endian,
 * little-endian for MD5): SHA-256's straight from its fields, another's through `words`.
 */
function store(hash: Compressor, words: number[], count: number, out: DataView): void {
  // Stryker disable next-line BlockStatement,ConditionalExpression: the general branch writes SHA-256's words the same
  if (hash instanceof _SHA256) {
    const h = hash as unknown as StateFields;
    out.setUint32(0, h.A);
    out.setUint32(4, h.B);
    out.setUint32(8, h.C);
    out.setUint32(12, h.D);
    out.setUint32(16, h.E);
    out.setUint32(20, h.F);
    out.setUint32(24, h.G);
    out.setUint32(28, h.H);
    return;
  }
  save(hash, words);
  for (let i = 0; i < count; i++) out.setUint32(4 * i, words[i]!, hash.isLE);
}

/** A first block and the state after it (a slot of the cache, reused). */
interface Prefix {
  /** The block as words. */
  readonly block: Uint32Array;
  readonly state: number[];
}

/** How many first blocks a cache keeps, by their fingerprint (a power of 2; a block replaces another in its slot). */
const PREFIX_SLOTS = 64;

/**
 * Where a long candidate's first block leaves a hash from a fixed starting state, at noble's
 * floor: a candidate that shares its first block with an earlier long one starts from the state
 * after that block. The last block is checked first; others are found by the block's fingerprint
 * (long candidates — a URL signed as an extra field — share their first block with many others, not
 * only the previous one). The slots are made once and then overwritten.
 */
class PrefixCache {
  private last: Prefix | null = null;
  private readonly slots: Array<Prefix | undefined> = [];

  constructor(
    private readonly start: readonly number[],
    private readonly block: number,
  ) {}

  // Stryker disable next-line BlockStatement: a cache miss computes the same state
  private static same(prefix: Prefix | null | undefined, words: Uint32Array): boolean {
    // Stryker disable next-line ConditionalExpression: a cache miss computes the same state
    if (!prefix) return false;
    const block = prefix.block;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a cache miss computes the same state; words past the block are the next block's, compared in vain
    for (let i = 0; i < block.length; i++) if (words[i] !== block[i]) return false;
    // Stryker disable next-line BooleanLiteral: a cache miss computes the same state
    return true;
  }

  /** Leaves `hash` in the state after the candidate's first block (at least `block` bytes long). */
  feed(bytes: CandidateBytes, hash: Compressor): void {
    const words = bytes.words;
    let prefix = this.last;
    // Stryker disable next-line BlockStatement,ConditionalExpression: a cache miss computes the same state
    if (PrefixCache.same(prefix, words)) {
      load(hash, prefix!.state);
      return;
    }
    // Stryker disable next-line ArithmeticOperator: another slot is only another place in the cache
    const slot = bytes.head(this.block) & (PREFIX_SLOTS - 1);
    const kept = this.slots[slot];
    prefix = kept ?? (this.slots[slot] = { block: new Uint32Array(this.block >> 2), state: this.start.slice() });
    this.last = prefix;
    // Stryker disable next-line BlockStatement,ConditionalExpression: a cache miss computes the same state
    if (kept && PrefixCache.same(kept, words)) {
      load(hash, kept.state);
      return;
    }
    const block = prefix.block;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a slot whose block is not copied only misses later; the state is computed from the candidate
    for (let i = 0; i < block.length; i++) block[i] = words[i]!;
    load(hash, this.start);
    hash.process(bytes.data, 0);
    save(hash, prefix.state);
  }
}

/**
 * Hashes a candidate's padded blocks from a starting state (`before` bytes already hashed in it):
 * from the state after its first block when that block is all candidate, else from the start.
 */
class Chain {
  private readonly cache: PrefixCache;

  constructor(
    readonly hash: Compressor,
    private readonly start: readonly number[],
    private readonly before: number,
  ) {
    this.cache = new PrefixCache(start, hash.blockLen);
    this.words = start.slice();
  }

  /** Room for the hash's state words. */
  readonly words: number[];

  /** Leaves the hash in the state after the candidate's first `length` bytes and the padding. */
  run(bytes: CandidateBytes, length: number): void {
    const { hash } = this;
    const block = hash.blockLen;
    const end = bytes.pad(length, block, hash.padOffset, hash.isLE, this.before);
    let offset = 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a short candidate's one padded block gives the same state through the cache or without it
    if (length >= block) {
      this.cache.feed(bytes, hash);
      offset = block;
    } else load(hash, this.start);
    const view = bytes.data;
    for (; offset < end; offset += block) hash.process(view, offset);
  }
}

/** One key's HMAC under one hash: the keyed inner and outer states are computed once and restored per candidate. */
export class KeyedMac implements Mac {
  readonly outputLen: number;
  private readonly inner: Chain;
  private readonly outer: readonly number[];
  /** The outer hash's one block: the inner digest, then padding for a message of a block and a digest (written once). */
  private readonly outerBlock: DataView;
  /** The digest of the last candidate. */
  private readonly digest: Uint8Array;
  private readonly digestView: DataView;

  constructor(hash: CHash, key: Uint8Array) {
    const keyed = hmac.create(hash, key);
    const work = compressor(hash);
    this.outputLen = keyed.outputLen;
    this.inner = new Chain(work, (keyed.iHash as unknown as Compressor).get(), work.blockLen);
    this.outer = (keyed.oHash as unknown as Compressor).get();
    const block = new Uint8Array(work.blockLen);
    block[this.outputLen] = 0x80;
    this.outerBlock = new DataView(block.buffer);
    this.outerBlock.setUint32(work.isLE ? work.blockLen - work.padOffset : work.blockLen - 4, (work.blockLen + this.outputLen) * 8, work.isLE);
    this.digest = new Uint8Array(this.outputLen);
    this.digestView = new DataView(this.digest.buffer);
  }

  compute(bytes: CandidateBytes, length: number): Uint8Array {
    const { inner } = this;
    const hash = inner.hash;
    const count = this.outputLen >> 2;
    inner.run(bytes, length);
    store(hash, inner.words, count, this.outerBlock);
    load(hash, this.outer);
    hash.process(this.outerBlock, 0);
    store(hash, inner.words, count, this.digestView);
    return this.digest;
  }
}

/** A plain hash of `before + string + after` (the key and any "&" around the string). */
export class PlainMac implements Mac {
  readonly outputLen: number;
  private readonly chain: Chain;
  /** The message, `before + string + after`, written out per candidate. */
  private readonly message = new CandidateBytes();
  private readonly digest: Uint8Array;
  private readonly digestView: DataView;

  constructor(
    hash: CHash,
    private readonly before: Uint8Array,
    private readonly after: Uint8Array,
  ) {
    const work = compressor(hash);
    this.outputLen = hash.outputLen;
    this.chain = new Chain(work, work.get(), 0);
    this.digest = new Uint8Array(this.outputLen);
    this.digestView = new DataView(this.digest.buffer);
  }

  compute(bytes: CandidateBytes, length: number): Uint8Array {
    const { before, after, message } = this;
    const n = message.place(before, bytes.view(0, length), after);
    this.chain.run(message, n);
    store(this.chain.hash, this.chain.words, this.outputLen >> 2, this.digestView);
    return this.digest;
  }
}
