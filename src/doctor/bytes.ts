/**
 * The doctor's candidates as bytes, at noble's floor (see docs/bench.md): each value, separator
 * and name is encoded once per encoding, and a candidate is assembled from those bytes into one
 * reused buffer (no string or TextEncoder per candidate); each key's inner and outer HMAC states
 * are computed once and cloned per candidate, digests are written into the hashes' own buffers, and
 * a candidate that shares its first block with the previous long one starts from the inner state
 * after that block.
 */
import { hmac } from '@noble/hashes/hmac.js';
import type { CHash, Hash } from '@noble/hashes/utils.js';
import { encodeText, isAscii, type Encoding } from '../protocol/encoding.ts';
import type { Mac } from './types.ts';

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
      piece = { text: value, utf8: encodeText(value, 'utf-8'), latin1: /[^\x00-\xff]/.test(value) ? null : encodeText(value, 'iso-8859-1'), ascii: isAscii(value) };
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

/**
 * The candidate's bytes: written from pieces into one reused buffer, with views of it cached per
 * range, so that neither writing nor hashing a candidate allocates.
 */
export class CandidateBytes {
  buffer = new Uint8Array(1024);
  /** The buffer as 32-bit words, to compare and fingerprint first blocks four bytes at a time. */
  words = new Uint32Array(this.buffer.buffer);
  private views: Uint8Array[][] = [];
  private headOf = 0;
  private headHash = 0;

  /** Writes the pieces' bytes in the encoding; returns the length, or -1 when ISO-8859-1 cannot hold a piece. */
  write(parts: readonly Piece[], encoding: Encoding): number {
    let n = 0;
    for (let p = 0; p < parts.length; p++) {
      const piece = parts[p]!;
      const bytes = encoding === 'utf-8' ? piece.utf8 : piece.latin1;
      if (bytes === null) return -1;
      if (n + bytes.length > this.buffer.length) {
        const grown = new Uint8Array((n + bytes.length) * 8);
        grown.set(this.buffer.subarray(0, n));
        this.buffer = grown;
        this.words = new Uint32Array(grown.buffer);
        this.views = [];
      }
      const out = this.buffer;
      // A long piece (a URL) is copied natively; a short one byte by byte, cheaper than the call.
      if (bytes.length > 24) {
        out.set(bytes, n);
        n += bytes.length;
      } else for (let i = 0; i < bytes.length; i++) out[n++] = bytes[i]!;
    }
    this.headOf = 0;
    return n;
  }

  /** A fingerprint (FNV-1a over words) of the first `block` bytes of the last candidate written, computed once per candidate and block size. */
  head(block: number): number {
    if (this.headOf === block) return this.headHash;
    const words = this.words;
    let h = 0x811c9dc5;
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

/** A noble hash's running state (SHA-256, SHA-1, MD5, SHA-512 alike). */
interface HashState extends Hash<HashState> {
  readonly blockLen: number;
}

/** A noble hash's own block buffer: a digest written into it spares noble a DataView per digest. */
const ownBuffer = (hash: Hash<unknown>): Uint8Array => (hash as unknown as { buffer: Uint8Array }).buffer;

/** A first block and the state after it (a slot of the cache, reused). */
interface Prefix {
  /** The block as words. */
  readonly block: Uint32Array;
  readonly state: HashState;
}

/** How many first blocks a cache keeps, by their fingerprint (a power of 2; a block replaces another in its slot). */
const PREFIX_SLOTS = 64;

/**
 * A state that hashes candidates from a fixed starting state, at noble's floor: a candidate that
 * shares its first block with an earlier long one starts from the state after that block. The
 * last block is checked first; others are found by the block's fingerprint (long candidates — a URL
 * signed as an extra field — share their first block with many others, not only the previous one).
 * The slots are made once and then overwritten, so the cache allocates nothing per candidate.
 */
class PrefixCache {
  private last: Prefix | null = null;
  private readonly slots: Array<Prefix | undefined> = [];

  constructor(
    private readonly start: HashState,
    private readonly block: number,
  ) {}

  private static same(prefix: Prefix | null | undefined, words: Uint32Array): boolean {
    if (!prefix) return false;
    const block = prefix.block;
    for (let i = 0; i < block.length; i++) if (words[i] !== block[i]) return false;
    return true;
  }

  /** Clones the state after the candidate's first `length` bytes into `work`. */
  feed(bytes: CandidateBytes, length: number, work: HashState): HashState {
    const block = this.block;
    if (length < block) return this.start._cloneInto(work).update(bytes.view(0, length));
    const words = bytes.words;
    let prefix = this.last;
    if (!PrefixCache.same(prefix, words)) {
      const slot = bytes.head(block) & (PREFIX_SLOTS - 1);
      const kept = this.slots[slot];
      if (!kept) this.slots[slot] = prefix = { block: words.slice(0, block >> 2), state: this.start.clone() };
      else prefix = kept;
      if (!kept || !PrefixCache.same(kept, words)) {
        if (kept) {
          kept.block.set(words.subarray(0, block >> 2));
          this.start._cloneInto(kept.state);
        }
        // In two parts, so noble copies the block into its own buffer rather than making a DataView of ours.
        prefix.state.update(bytes.view(0, block - 1)).update(bytes.view(block - 1, block));
      }
      this.last = prefix;
    }
    return prefix!.state._cloneInto(work).update(bytes.view(block, length));
  }
}

/** One key's HMAC under one hash: the keyed inner and outer states are computed once and cloned per candidate. */
export class KeyedMac implements Mac {
  readonly outputLen: number;
  private readonly outer: HashState;
  private readonly workInner: HashState;
  private readonly workOuter: HashState;
  private readonly innerDigest: Uint8Array;
  private readonly cache: PrefixCache;
  /** The digest of the last candidate: its first `outputLen` bytes. */
  readonly digest: Uint8Array;

  constructor(hash: CHash, key: Uint8Array) {
    const keyed = hmac.create(hash, key);
    this.outer = keyed.oHash;
    this.outputLen = keyed.outputLen;
    this.workInner = keyed.iHash.clone();
    this.workOuter = this.outer.clone();
    this.cache = new PrefixCache(keyed.iHash, keyed.blockLen);
    this.innerDigest = ownBuffer(this.workInner).subarray(0, this.outputLen);
    this.digest = ownBuffer(this.workOuter);
  }

  compute(bytes: CandidateBytes, length: number): Uint8Array {
    this.cache.feed(bytes, length, this.workInner).digestInto(ownBuffer(this.workInner));
    this.outer._cloneInto(this.workOuter).update(this.innerDigest).digestInto(this.digest);
    return this.digest;
  }
}

/** A plain hash of `before + string + after` (the key and any "&" around the string). */
export class PlainMac implements Mac {
  readonly outputLen: number;
  private readonly work: HashState;
  private readonly cache: PrefixCache;
  private readonly digest: Uint8Array;

  constructor(
    hash: CHash,
    before: Uint8Array,
    private readonly after: Uint8Array,
  ) {
    const start = (hash.create() as HashState).update(before);
    this.outputLen = hash.outputLen;
    this.work = start.clone();
    this.cache = new PrefixCache(start, start.blockLen);
    this.digest = ownBuffer(this.work);
  }

  compute(bytes: CandidateBytes, length: number): Uint8Array {
    this.cache.feed(bytes, length, this.work).update(this.after).digestInto(this.digest);
    return this.digest;
  }
}
