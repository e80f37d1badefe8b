/**
 * The search's inner loop: hashes the current candidate string (its pieces, written as bytes in
 * each encoding) under each key variant, compares the digest with the given MAC byte by byte, and
 * records every match as a finding with the causes that made it.
 */
import type { Encoding } from '../protocol/encoding.ts';
import { toHex } from '../protocol/key.ts';
import { text, type Text } from '../protocol/text.ts';
import { CandidateBytes, wipeSchedules, type Mac, type Piece } from './bytes.ts';
import { asGiven } from './given.ts';
import { CAUSE_CODES, causeIndex, causesOf } from './registry.ts';
import type { DoctorCause, DoctorFinding, GivenMac, KeyInterpretation, Shape, Tweak } from './types.ts';

/** What one candidate string is hashed with: a key use under an HMAC, or a plain hash with the key. */
export interface Variant {
  readonly interpretation: KeyInterpretation;
  readonly algorithm: string;
  /** Its mistakes: a key mistake and/or another HMAC, or a plain hash (0, 1 or 2). */
  readonly causes: readonly DoctorCause[];
  readonly causeIndexes: readonly number[];
  readonly says: readonly Text[];
  readonly mac: Mac;
}

/** What a finding's fix says, given the string that yields the MAC. */
export type FixOf = (string: string) => Text;

const WRITING = causesOf('writing');
const ENCODING = causesOf('encoding')[0]!;

/** Whether every piece is 7-bit ASCII (then both encodings give the same bytes): known without writing them. */
function asciiOnly(parts: readonly Piece[]): boolean {
  for (let i = 0; i < parts.length; i++) if (!parts[i]!.ascii) return false;
  return true;
}

export class Search {
  candidates = 0;
  readonly counts = new Array<number>(CAUSE_CODES.length).fill(0);
  readonly findings: DoctorFinding[] = [];
  private readonly found = new Set<string>();
  private readonly bytes = new CandidateBytes();
  private readonly target: Uint8Array;
  /** The given MAC as a digest that lost its leading zero and moved one character (hex of 16 bytes only), else `null`. */
  private readonly shiftedTarget: Uint8Array | null;
  private readonly lastNibble: number;
  private readonly encodingCause = causeIndex('encoding');

  constructor(
    private readonly given: GivenMac,
    private readonly expected: Encoding,
    private readonly fix: FixOf,
  ) {
    this.target = given.bytes;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a 32-character hex MAC is never of odd length, and another form's shifted target matches no digest
    const shiftable = given.form === 'hex' && !given.oddLength && given.compact.length === 32;
    this.shiftedTarget = shiftable ? Uint8Array.from({ length: 16 }, (_, i) => parseInt(`0${given.compact}`.slice(2 * i, 2 * i + 2), 16)) : null;
    // Stryker disable next-line UnaryOperator: read only when the MAC is shiftable
    this.lastNibble = shiftable ? parseInt(given.compact[31]!, 16) : -1;
  }

  /** Whether the digest is the given MAC with a leading zero dropped (as Java's BigInteger writes it). */
  private shifted(digest: Uint8Array): boolean {
    const shifted = this.shiftedTarget!;
    for (let i = 0; i < 16; i++) if (digest[i] !== shifted[i]) return false;
    return digest[16]! >> 4 === this.lastNibble;
  }

  /** Each variant list's own causes, tallied once: pairs of a cause's place and how many of the list's variants have it. */
  private readonly tallies = new WeakMap<readonly Variant[], number[]>();

  private tallyOf(variants: readonly Variant[]): number[] {
    let tally = this.tallies.get(variants);
    // Stryker disable next-line ConditionalExpression: tallying again gives the same tally
    if (!tally) {
      const byCause = new Map<number, number>();
      for (const variant of variants) for (const c of variant.causeIndexes) byCause.set(c, (byCause.get(c) ?? 0) + 1);
      tally = [...byCause].flat();
      this.tallies.set(variants, tally);
    }
    return tally;
  }

  /** Hashes the candidate (`parts`, made by `made`) in each encoding under each variant, recording every match. */
  run(parts: readonly Piece[], made: ReadonlyArray<Tweak | Shape>, encodings: readonly Encoding[], variants: readonly Variant[]): void {
    const n = variants.length;
    // Stryker disable next-line ConditionalExpression: no variants: the loops below do nothing
    if (n === 0) return;
    const { bytes, target, counts } = this;
    const tally = this.tallyOf(variants);
    const compareLength = target.length;
    // A digest whose first byte is neither the MAC's nor the shifted MAC's is no match (nearly all of them).
    // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: a given MAC is never empty here
    const first = compareLength > 0 ? target[0]! : -1;
    const shiftedFirst = this.shiftedTarget ? this.shiftedTarget[0]! : -2;
    for (const enc of encodings) {
      if (enc !== this.expected && asciiOnly(parts)) continue; // the same bytes as in the expected encoding
      const len = bytes.write(parts, enc);
      if (len < 0) continue; // ISO-8859-1 cannot hold a piece
      this.candidates += n;
      for (let c = 0; c < made.length; c++) counts[causeIndex(made[c]!.cause)]! += n;
      if (enc !== this.expected) counts[this.encodingCause]! += n;
      // Stryker disable next-line EqualityOperator: one step past the tally adds to no cause's count
      for (let t = 0; t < tally.length; t += 2) counts[tally[t]!]! += tally[t + 1]!;
      for (let v = 0; v < n; v++) {
        const variant = variants[v]!;
        const digest = variant.mac.compute(bytes, len);
        const lead = digest[0]!;
        // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: a fast path: the whole digest is compared below
        if (lead !== first && lead !== shiftedFirst && first !== -1) continue;
        let same = true;
        for (let i = 0; i < compareLength; i++) {
          if (digest[i] !== target[i]) {
            same = false;
            break;
          }
        }
        if (same) {
          // Stryker disable next-line MethodExpression: record writes the digest as hex at once, and a digest is outputLen bytes long
          this.record(parts, made, enc, variant, digest.slice(0, variant.mac.outputLen), len, false);
          continue;
        }
        // Stryker disable next-line ConditionalExpression,EqualityOperator,MethodExpression: a 16-byte digest matching a shifted MAC's 16 bytes is a 2^-128 chance; record writes the digest as hex at once
        if (lead === shiftedFirst && variant.mac.outputLen > 16 && this.shifted(digest)) this.record(parts, made, enc, variant, digest.slice(0, variant.mac.outputLen), len, true);
      }
    }
    wipeSchedules();
  }

  private record(parts: readonly Piece[], made: ReadonlyArray<Tweak | Shape>, enc: Encoding, variant: Variant, full: Uint8Array, len: number, shifted: boolean): void {
    const string = parts.map((p) => p.text).join('');
    const id = `${string}\u0000${enc}\u0000${variant.interpretation.index}${variant.interpretation.use}\u0000${variant.algorithm}`;
    if (this.found.has(id)) return;
    this.found.add(id);
    const causes: DoctorCause[] = [];
    const says: Text[] = [];
    for (const m of made) {
      causes.push(m.cause);
      says.push(typeof m.say === 'function' ? m.say() : m.say);
    }
    if (enc !== this.expected) {
      causes.push(ENCODING.code);
      says.push(ENCODING.say(enc, this.expected));
    }
    causes.push(...variant.causes);
    says.push(...variant.says);
    for (const writing of WRITING) {
      const say = writing.says(this.given, shifted);
      if (say) {
        causes.push(writing.code);
        says.push(say);
      }
    }
    this.findings.push({
      causes,
      explanation: text(says.map((s) => s.en).join(' '), says.map((s) => s.sv).join(' ')),
      fix: this.fix(string),
      string,
      encoding: enc,
      bytesHex: toHex(this.bytes.view(0, len)),
      key: variant.interpretation,
      algorithm: variant.algorithm,
      digest: toHex(full),
      mac: asGiven(this.given, full, shifted),
    });
  }
}
