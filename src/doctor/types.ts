/**
 * The doctor's types: the public result (`Diagnosis`, `DoctorFinding`, `DoctorTry`…) and the shape
 * of a cause module (`Cause`), which says how the cause makes its candidates, what it may pair
 * with, and an example that reproduces it.
 */
import type { CHash } from '@noble/hashes/utils.js';
import type { Encoding } from '../protocol/encoding.ts';
import type { MessageKind } from '../protocol/fields.ts';
import type { Keys } from '../protocol/key-ring.ts';
import type { FieldEntry, FieldInput } from '../protocol/message.ts';
import type { PolicyFinding } from '../judging/policy.ts';
import type { Text } from '../protocol/text.ts';
import type { Mac, Piece, Pieces } from './bytes.ts';

/** A mistake the doctor can name (one module in `src/doctor/causes/` each). */
export type DoctorCause =
  | 'amount-format'
  | 'key-as-text'
  | 'lowercase-hex'
  | 'untruncated'
  | 'encoding'
  | 'whitespace'
  | 'field-order'
  | 'missing-field'
  | 'extra-field'
  | 'separator'
  | 'plain-hash'
  | 'other-key'
  | 'other-kind'
  | 'kvv-as-mac'
  | 'hmac-sha1'
  | 'hmac-md5'
  | 'hmac-sha512'
  | 'base64'
  | 'key-appended'
  | 'dropped-zero'
  | 'replacement-char';

/** How a key of the ring was turned into HMAC key bytes. */
export type KeyUse = 'bytes' | 'text-upper' | 'text-lower' | 'text-as-typed';

/** A key interpretation, named without ever showing the key: its place in the ring and its KVV. */
export interface KeyInterpretation {
  /** The key's place in the ring, 0-based (0 for a single key). */
  readonly index: number;
  readonly use: KeyUse;
  /** The KVV of the key (of its decoded bytes; not secret). */
  readonly kvv: string;
  readonly label: Text;
}

/** One explanation of the given MAC. */
export interface DoctorFinding {
  /** The mistakes, simplest first; one to three (plus those read off the MAC: `lowercase-hex`, `untruncated`, `base64`, `dropped-zero`). */
  readonly causes: readonly DoctorCause[];
  /** What happened, in plain words, one sentence per cause. */
  readonly explanation: Text;
  /** What would be right: the corrected value(s) and the correct MAC. */
  readonly fix: Text;
  /** The exact string that yields the given MAC. */
  readonly string: string;
  readonly encoding: Encoding;
  /** The string's bytes in that encoding, upper-case hexadecimal. */
  readonly bytesHex: string;
  readonly key: KeyInterpretation;
  /** `HMAC-SHA256`, another HMAC (`HMAC-SHA1`, `HMAC-MD5`, `HMAC-SHA512`), or the plain hash that was used instead (`SHA-256(string + key)`, `MD5(string + "&" + key + "&")`…). */
  readonly algorithm: string;
  /** The digest in full, upper-case hexadecimal (64 characters for SHA-256). */
  readonly digest: string;
  /** The given MAC reproduced in the form it was given (case, length). */
  readonly mac: string;
}

/** One family of candidates the doctor tried (every cause is listed; 0 candidates where it could not apply, e.g. encodings of an ASCII string). */
export interface DoctorTry {
  readonly cause: DoctorCause;
  /** Candidates computed with this cause in them (causes read off the MAC: 0). */
  readonly candidates: number;
  readonly detail: Text;
}

export interface Diagnosis {
  /** `correct`: the MAC verifies; `explained`: see `findings`; `unexplained`: nothing tried explains it. */
  readonly status: 'correct' | 'explained' | 'unexplained';
  readonly message: Text;
  readonly kind: MessageKind;
  /** The encoding the MAC was verified in: the declared one when the input declares one, else the chosen one. */
  readonly encoding: Encoding;
  /** The given MAC without spaces. */
  readonly givenMac: string;
  /** The string that should be signed, exactly. */
  readonly expectedString: string;
  /** The correct MAC for the fields as given, with the expected key in the chosen encoding; `null` when no key is valid on the date. */
  readonly expectedMac: string | null;
  /** The ring key the MAC should be made with (-1 when none is valid on the date). */
  readonly keyIndex: number;
  /** The date the key was chosen for: given, an answer's NB_PAID, or a request's today in Sweden. */
  readonly date: string | null;
  /** The policy's findings on the message (how NB_HMAC is written, NB_KVV against the key), as `verifyMessage` gives them. */
  readonly notes: PolicyFinding[];
  readonly findings: DoctorFinding[];
  readonly tried: DoctorTry[];
  /**
   * Fields of the form the search left out as possibly signed extras (bounded: the message's own
   * fields and the likely extras, NB_ fields first, are tried; a page's other inputs beyond that are not).
   */
  readonly leftOut: string[];
  /** Key-ring warnings (change-over day, overlap, no key valid) and what the values say about how they were read (U+FFFD). */
  readonly warnings: Text[];
  readonly candidates: number;
  readonly elapsedMs: number;
  readonly candidatesPerSecond: number;
}

/** Where a declared character set was read. */
export type CharsetSource = 'meta' | 'content-type' | 'latin1-escapes';

export interface DoctorOptions {
  /** The encoding the MAC should use; UTF-8 unless told otherwise. The other one is tried. */
  readonly encoding?: Encoding;
  /** The character set the page or request declares (see `declaredCharset`): verified in first, and named. */
  readonly declared?: { readonly encoding: Encoding; readonly source: CharsetSource };
  /** The message's date (`YYYY-MM-DD`), to pick the ring's key; else an answer's NB_PAID or a request's today in Sweden. */
  readonly date?: string;
  /** The time it is now, for today's date in Sweden (tests); the clock's by default. */
  readonly now?: Date;
}

// ------------------------------------------------------------------ what cause modules make

/** What a cause module sees of the message when it makes its candidates. */
export interface CauseContext {
  readonly kind: MessageKind;
  /** The signed fields, in the handbook's order. */
  readonly base: readonly FieldEntry[];
  readonly fields: FieldInput;
  /** The form's fields, NB_HMAC left out. */
  readonly formEntries: readonly FieldEntry[];
  readonly pieces: Pieces;
  /** An answer (bank → shop): the bank signed right, so a finding says what your side changed. */
  readonly fromBank: boolean;
}

/** A change to the signed values (amount format, whitespace): new pieces at some places. */
export interface Tweak {
  readonly cause: DoctorCause;
  /** The index of the changed entry (-1: all of them). */
  readonly index: number;
  readonly changes: ReadonlyArray<readonly [number, Piece]>;
  readonly say: Text;
}

/**
 * A change to how the values become a string. A `select` shape picks, orders or adds values (its
 * result is joined by "&", or by a `join` shape); a `join` shape joins values another way.
 */
export interface Shape {
  readonly cause: DoctorCause;
  readonly step: 'select' | 'join';
  /** Appends the candidate's values (select) or pieces (join), given one piece per value, to `out`. */
  readonly parts: (values: readonly Piece[], out: Piece[]) => void;
  readonly say: () => Text;
  /** What it is cheap enough to combine with: every tweak and another shape (`all`), tweaks only, or nothing. */
  readonly pairable: 'all' | 'tweaks' | 'none';
}

/** A key of the ring as it may have been used: the right one, as text, or another of the ring. */
export interface KeyUseOf {
  readonly interpretation: KeyInterpretation;
  readonly cause: DoctorCause | null;
  /** The bytes used as key. */
  readonly raw: Uint8Array;
  readonly say: Text | null;
}

/** An HMAC the doctor can name from the given MAC's length. */
export interface HmacAlgorithm {
  readonly name: string;
  readonly hash: CHash;
  /** `null` for HMAC-SHA256, the protocol's own. */
  readonly cause: DoctorCause | null;
  readonly say: Text | null;
}

/** The ring as the key causes see it. */
export interface RingContext {
  readonly ring: readonly { readonly key: string; readonly from?: string | undefined; readonly to?: string | undefined }[];
  /** The indexes of the keys valid on the date. */
  readonly acceptable: readonly number[];
  readonly keyIndex: number;
  readonly date: string | null;
  readonly kvvs: readonly string[];
  readonly interpretation: (index: number, use: KeyUse) => KeyInterpretation;
}

/** A plain hash of the string with the key around it, as one candidate maker. */
export interface PlainVariant {
  readonly cause: DoctorCause;
  readonly algorithm: string;
  readonly say: Text;
  readonly mac: Mac;
  readonly key: KeyUseOf;
}

/** The given MAC read: its bytes and how it was written. */
export interface GivenMac {
  readonly compact: string;
  readonly bytes: Uint8Array;
  readonly form: 'hex' | 'base64' | 'base64url';
  readonly lowercase: boolean;
  /** 32 bytes of HMAC-SHA256 where NB_HMAC has 16. */
  readonly untruncated: boolean;
  /** Base64 with its `=` padding. */
  readonly padded: boolean;
  /** An odd number of hexadecimal characters: a leading zero dropped (read here with it put back). */
  readonly oddLength: boolean;
}

/** An example that reproduces a cause: a message, the key, and the MAC that was sent (made by another implementation from `signed`). */
export interface CauseExample {
  readonly kind: MessageKind;
  readonly fields: Readonly<Record<string, string>>;
  readonly key: Keys;
  readonly mac: string;
  /** How the MAC was made, in words a reader can redo with any HMAC or hash tool. */
  readonly signed: string;
  readonly options?: DoctorOptions;
}

interface CauseBase {
  readonly code: DoctorCause;
  readonly title: Text;
  readonly tries: Text;
  /** The causes it is combined with in one candidate (the search's pairs and threes). */
  readonly pairsWith: readonly DoctorCause[] | 'any';
  readonly example: CauseExample;
}

/** A cause that changes values. */
export interface ValueCause extends CauseBase {
  readonly layer: 'value';
  readonly tweaks: (context: CauseContext) => Tweak[];
}

/** A cause that changes how the values become a string. */
export interface StructureCause extends CauseBase {
  readonly layer: 'structure';
  readonly shapes: (context: CauseContext) => { shapes: Shape[]; leftOut?: string[] };
}

/** A cause in how the key is used. */
export interface KeyCause extends CauseBase {
  readonly layer: 'key';
  readonly keys: (ring: RingContext) => KeyUseOf[];
}

/** Another HMAC, fitting the given MAC's length in bytes. */
export interface AlgorithmCause extends CauseBase {
  readonly layer: 'algorithm';
  readonly algorithm: HmacAlgorithm;
  readonly fits: (length: number) => boolean;
}

/** A plain hash instead of HMAC: the key joined to the string as bytes or text. */
export interface HashCause extends CauseBase {
  readonly layer: 'hash';
  readonly variants: (keys: readonly KeyUseOf[], length: number) => PlainVariant[];
}

/** The string's bytes in the other encoding. */
export interface EncodingCause extends CauseBase {
  readonly layer: 'encoding';
  readonly say: (used: Encoding, expected: Encoding) => Text;
}

/** A mistake read off the given MAC itself (how it is written): combines with every candidate. */
export interface WritingCause extends CauseBase {
  readonly layer: 'writing';
  /** What it says about the given MAC, or `null` when the MAC is not written so. */
  readonly says: (given: GivenMac, shifted: boolean) => Text | null;
}

/** A cause checked on its own, outside the string search (the KVV sent as the MAC). */
export interface DirectCause extends CauseBase {
  readonly layer: 'direct';
}

export type Cause = ValueCause | StructureCause | KeyCause | AlgorithmCause | HashCause | EncodingCause | WritingCause | DirectCause;
