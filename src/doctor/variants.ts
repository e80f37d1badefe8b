/**
 * The key variants a candidate string is hashed with, grouped by how many mistakes they add: the
 * right key under HMAC-SHA256 (0); a key cause, another HMAC the MAC's length allows, or a plain
 * hash with the key (1); a key cause under another HMAC (2).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { normalizeKey } from '../protocol/key.ts';
import type { Text } from '../protocol/text.ts';
import { KeyedMac } from './bytes.ts';
import { causeIndex, causesOf } from './registry.ts';
import type { Variant } from './search.ts';
import type { DoctorCause, HmacAlgorithm, KeyUseOf, RingContext } from './types.ts';

const HMAC_SHA256: HmacAlgorithm = { name: 'HMAC-SHA256', hash: sha256, cause: null, say: null };

export interface Variants {
  /** The right keys as bytes (the expected key first). */
  readonly right: readonly KeyUseOf[];
  /** By mistakes: [0] none, [1] one, [2] two. */
  readonly byMistakes: readonly (readonly Variant[])[];
  /** One mistake, for a string made with two (or one and the other encoding): no plain hash, no HMAC that only shares the length. */
  readonly withTwo: readonly Variant[];
  /** One mistake, for a string whose mistakes a plain hash does not pair with: no plain hash. */
  readonly noHash: readonly Variant[];
}

const sayOf = (says: ReadonlyArray<Text | null>): Text[] => says.filter((s): s is Text => s !== null);

function variant(use: KeyUseOf, algorithm: HmacAlgorithm): Variant {
  const causes = [use.cause, algorithm.cause].filter((c): c is DoctorCause => c !== null);
  return {
    interpretation: use.interpretation,
    algorithm: algorithm.name,
    causes,
    causeIndexes: causes.map(causeIndex),
    says: sayOf([use.say, algorithm.say]),
    mac: new KeyedMac(algorithm.hash, use.raw),
  };
}

export function variantsFor(ring: RingContext, macLength: number): Variants {
  const right: KeyUseOf[] = ring.acceptable.map((index) => ({
    interpretation: ring.interpretation(index, 'bytes'),
    cause: null,
    raw: hexToBytes(normalizeKey(ring.ring[index]!.key)),
    say: null,
  }));
  const keyUses = [...right, ...causesOf('key').flatMap((cause) => cause.keys(ring))];
  const others = causesOf('algorithm')
    .filter((cause) => cause.fits(macLength))
    .map((cause) => cause.algorithm);
  const sha256Fits = macLength === 16 || macLength === 32;
  const algorithms = sha256Fits ? [HMAC_SHA256, ...others] : others;
  const byMistakes: Variant[][] = [[], [], []];
  for (const algorithm of algorithms) for (const use of keyUses) byMistakes[Number(use.cause !== null) + Number(algorithm.cause !== null)]!.push(variant(use, algorithm));
  // The same right key is hashed plainly with each of its spellings (bytes and text), by each hash cause.
  const spellings = [...right, ...keyUses.filter((k) => k.cause === 'key-as-text')];
  const hashes: Variant[] = causesOf('hash').flatMap((cause) =>
    cause.variants(spellings, macLength).map((plain) => ({
      interpretation: plain.key.interpretation,
      algorithm: plain.algorithm,
      causes: [plain.cause],
      causeIndexes: [causeIndex(plain.cause)],
      says: [plain.say],
      mac: plain.mac,
    })),
  );
  const one = byMistakes[1]!;
  // With two string mistakes, only the common key mistakes: another HMAC where HMAC-SHA256 also
  // fits the MAC's length (MD5, SHA-512 for 32 characters) combines with at most one.
  const withTwo = one.filter((k) => !(sha256Fits && k.algorithm !== HMAC_SHA256.name));
  byMistakes[1] = [...one, ...hashes];
  return { right, byMistakes, withTwo, noHash: one };
}
