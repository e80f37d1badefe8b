/**
 * The mismatch doctor's driver: given a message's fields and the MAC that was sent with them
 * (NB_HMAC), find the mistake that explains a MAC that does not verify, and show how to reproduce it.
 *
 * It asks every cause of the registry (`registry.ts`) for its candidates — value tweaks, string
 * shapes, key uses, HMACs, plain hashes — and computes each candidate's MAC until one equals the
 * given MAC. An HMAC match is conclusive: every finding carries the exact string, encoding and key
 * interpretation that yield exactly the given MAC, so anyone can check it.
 *
 * The search runs in stages and stops after the first stage that explains the MAC, so the
 * simplest explanation wins: stage n tries every candidate made of exactly n mistakes, up to three:
 * up to two string mistakes (`strings.ts`: which causes pair is each cause's `pairsWith`), the other
 * encoding, and up to two key mistakes (`variants.ts`). Mistakes in how the MAC is written
 * (`writing` causes) are read off the given MAC and combine with any of them. Bounded: a form's
 * inputs beyond the likely extras are left out, and listed; a plain hash pairs with one string
 * mistake at most. The result reports candidates per second (see docs/bench.md).
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ENCODING_NAMES, type Encoding } from '../protocol/encoding.ts';
import { messageSpec, type MessageKind } from '../protocol/fields.ts';
import { computeKvv, groupHex, toHex } from '../protocol/key.ts';
import { dateOfPaid, keyForDate, normalizeKeys, type Keys } from '../protocol/key-ring.ts';
import { encodeSigned, SEPARATOR, signedFields, toEntries, toRecord, type FieldEntry, type FieldInput } from '../protocol/message.ts';
import { byLevel, hexWriting, kvvCheck, signedAmpersand, swedishDate, type Direction, type PolicyFinding } from '../judging/policy.ts';
import { EbetError, quoted, text, type Text } from '../protocol/text.ts';
import { Pieces } from './bytes.ts';
import { checkedIn, replacementWarnings } from './charset.ts';
import { readGivenMac } from './given.ts';
import { CAUSE_CODES, causeIndex, causesOf, DOCTOR_CAUSES, pairs } from './registry.ts';
import { Search, type FixOf, type Variant } from './search.ts';
import { Strings } from './strings.ts';
import type { CauseContext, CharsetSource, Diagnosis, DoctorFinding, DoctorOptions, DoctorTry, KeyUse, RingContext } from './types.ts';
import { variantsFor, type Variants } from './variants.ts';

// Stryker disable next-line OptionalChaining: every runtime the toolkit supports has performance
const now = (): number => (globalThis as { performance?: { now(): number } }).performance?.now() ?? Date.now();
/** Counts written for people, made once (a formatter per call costs more than a stage of the search). */
const COUNT = { en: new Intl.NumberFormat('en-US'), sv: new Intl.NumberFormat('sv-SE') };
const OTHER_ENCODING: Readonly<Record<Encoding, Encoding>> = { 'utf-8': 'iso-8859-1', 'iso-8859-1': 'utf-8' };

function keyLabel(index: number, ringSize: number, use: KeyUse, kvv: string): Text {
  const which = ringSize > 1 ? text(`key ${index + 1} of the ring`, `nyckel ${index + 1} i nyckelringen`) : text('the key', 'nyckeln');
  const how: Record<KeyUse, Text> = {
    bytes: text('its 16 decoded bytes', 'dess 16 avkodade byte'),
    'text-upper': text('its 32 characters as ASCII text, upper case', 'dess 32 tecken som ASCII-text, versaler'),
    'text-lower': text('its 32 characters as ASCII text, lower case', 'dess 32 tecken som ASCII-text, gemener'),
    'text-as-typed': text('its characters as typed (with spaces) as ASCII text', 'dess tecken som de skrevs in (med mellanslag), som ASCII-text'),
  };
  return text(`${which.en}, ${how[use].en} (KVV ${groupHex(kvv)})`, `${which.sv}, ${how[use].sv} (KVV ${groupHex(kvv)})`);
}

/** The policy's findings on a diagnosed message: how the MAC and NB_KVV are written, NB_KVV against the key, an "&" in a signed value. */
function notesOf(direction: Direction, record: Readonly<Record<string, string>>, givenMac: string, key: string | null, base: readonly FieldEntry[]): PolicyFinding[] {
  const notes = hexWriting('NB_HMAC', givenMac, direction);
  for (const entry of base) if (entry.value.includes(SEPARATOR)) notes.push(signedAmpersand(direction, entry.name, entry.value));
  if (record.NB_KVV) notes.push(...hexWriting('NB_KVV', record.NB_KVV, direction));
  const kvv = key === null ? null : kvvCheck(direction, record.NB_KVV, key);
  if (kvv) notes.push(kvv);
  return byLevel(notes);
}

/** The ring as the causes see it: the keys valid on the date (given; else an answer's NB_PAID, a request's today in Sweden), or every key when no date is known. */
function ringOf(keys: Keys, fromBank: boolean, sent: Readonly<Record<string, string>>, options: DoctorOptions): RingContext & { warnings: Text[] } {
  const ring = normalizeKeys(keys);
  const date = options.date || (fromBank ? dateOfPaid(sent.NB_PAID ?? '') : swedishDate(options.now)) || null;
  const warnings: Text[] = [];
  let acceptable = ring.map((_, i) => i);
  if (date && ring.length > 1 && ring.some((e) => e.from || e.to)) {
    const selection = keyForDate(ring, date);
    warnings.push(...selection.warnings);
    acceptable = selection.index >= 0 ? [selection.index] : [];
  }
  const kvvs = ring.map((e) => computeKvv(e.key));
  const interpretation = (index: number, use: KeyUse) => ({ index, use, kvv: kvvs[index]!, label: keyLabel(index, ring.length, use, kvvs[index]!) });
  return { ring, acceptable, keyIndex: acceptable[0] ?? -1, date, kvvs, interpretation, warnings };
}

/** The KVV of a key sent as the MAC. */
function kvvFindings(ring: RingContext, compact: string, encoding: Encoding, expectedMac: string | null): DoctorFinding[] {
  return ring.kvvs.flatMap((kvv, index) =>
    kvv !== compact.toUpperCase()
      ? []
      : [
          {
            causes: ['kvv-as-mac' as const],
            explanation: text(
              `The given MAC is the KVV of ${keyLabel(index, ring.ring.length, 'bytes', kvv).en}: NB_KVV's value was put in NB_HMAC.`,
              `Den angivna MAC:en är KVV:n för ${keyLabel(index, ring.ring.length, 'bytes', kvv).sv}: värdet i NB_KVV har skickats i NB_HMAC.`,
            ),
            fix: text(`NB_HMAC must be the MAC of the fields: ${expectedMac ?? '—'}.`, `NB_HMAC ska vara fältens MAC: ${expectedMac ?? '—'}.`),
            string: '00000000',
            encoding,
            bytesHex: toHex(Uint8Array.from('00000000', (c) => c.charCodeAt(0))),
            key: ring.interpretation(index, 'bytes'),
            algorithm: 'HMAC-SHA256',
            digest: kvv,
            mac: compact,
          },
        ],
  );
}

/** What a finding's fix says: an answer's bank signed right; a request's right MAC; no key valid on the date. */
function fixOf(fromBank: boolean, expectedString: string, expectedMac: string | null, encoding: Encoding, label: Text | null, date: string | null): FixOf {
  return (string) =>
    fromBank && expectedMac !== null
      ? text(
          `The bank signed right: NB_HMAC is the MAC of ${quoted(string)}. Verify the answer exactly as the bank posted it (no trimming, reformatting or re-encoding on your side); as you have it, the string is ${quoted(expectedString)} and its MAC would be ${expectedMac}.`,
          `Banken signerade rätt: NB_HMAC är MAC:en för ${quoted(string, 'sv')}. Kontrollera svaret exakt som banken skickade det (utan att något hos dig tar bort blanktecken, formaterar om eller byter teckenkodning); i din kopia är strängen ${quoted(expectedString, 'sv')} och MAC:en blir ${expectedMac}.`,
        )
      : expectedMac !== null
        ? text(
            `Sign ${quoted(expectedString)} in ${ENCODING_NAMES[encoding].en} with ${label!.en}: NB_HMAC = ${expectedMac}.`,
            `Signera ${quoted(expectedString, 'sv')} i ${ENCODING_NAMES[encoding].sv} med ${label!.sv}: NB_HMAC = ${expectedMac}.`,
          )
        : text(
            `No key of the ring is valid on ${date}: add the key for that date, then sign ${quoted(expectedString)}.`,
            `Ingen nyckel i nyckelringen gäller ${date}: lägg till nyckeln för det datumet och signera sedan ${quoted(expectedString, 'sv')}.`,
          );
}

/** The causes every hash cause pairs with: a plain hash is tried on strings made of those only. */
const HASH_PARTNERS = new Set(CAUSE_CODES.filter((code) => causesOf('hash').every((hash) => pairs(code, hash.code))));

/**
 * Runs the stages: every candidate with exactly `n` mistakes (string mistakes + another encoding +
 * key mistakes), from 1 up to 3, stopping after the first stage that explains the MAC.
 */
function searchStages(search: Search, strings: Strings, variants: Variants, encoding: Encoding, otherEncodings: readonly Encoding[]): void {
  const encodingsBy: Encoding[][] = [[encoding], [...otherEncodings]];
  const variantsFor = (s: number, e: number, k: number): readonly Variant[] => {
    if (k !== 1) return variants.byMistakes[k]!;
    if (s + e >= 2) return variants.withTwo;
    // A plain hash pairs with a string mistake its causes pair with, and cheap enough to pair at all (not each of 720 orders).
    const made = strings.made;
    for (let i = 0; i < made.length; i++) {
      const m = made[i]!;
      if (!HASH_PARTNERS.has(m.cause) || ('pairable' in m && m.pairable === 'none')) return variants.noHash;
    }
    return variants.byMistakes[1]!;
  };
  for (let n = 1; n <= 3 && search.findings.length === 0; n++) {
    for (let s = Math.min(n, 2); s >= 0; s--) {
      strings.each(s, () => {
        for (let e = 0; e <= 1; e++) {
          const k = n - s - e;
          if (k >= 0 && k <= 2) search.run(strings.parts, strings.made, encodingsBy[e]!, variantsFor(s, e, k));
        }
      });
    }
  }
}

/**
 * Diagnoses a MAC that does not verify: returns every explanation found (each reproducible), a
 * clear "correct" when the MAC verifies, or an empty list and what was tried.
 * Throws an `EbetError` naming the field for bad input (key, MAC, unknown kind, missing field).
 */
export function diagnoseMac(kind: MessageKind, fields: FieldInput, givenMac: string, keys: Keys, options: DoctorOptions = {}): Diagnosis {
  const started = now();
  messageSpec(kind);
  const encoding = options.declared?.encoding ?? options.encoding ?? 'utf-8';
  const given = readGivenMac(givenMac);
  const base = signedFields(kind, fields);
  if (!base) {
    throw new EbetError(
      'no-mac',
      text('NB_VERIFIED is ERR: the bank computes no MAC for this answer, so there is nothing to check', 'NB_VERIFIED är ERR: banken beräknar ingen MAC för detta svar, så det finns inget att kontrollera'),
      'NB_VERIFIED',
    );
  }
  const expectedString = base.map((e) => e.value).join(SEPARATOR);
  const direction = messageSpec(kind).direction;
  const fromBank = direction === 'bankToShop';
  const sent = toRecord(fields);
  const ring = ringOf(keys, fromBank, sent, options);
  const variants = variantsFor(ring, given.bytes.length);
  const expectedKey = variants.right[0] ?? null;
  const expectedMac = expectedKey ? toHex(hmac(sha256, expectedKey.raw, encodeSigned(base, expectedString, encoding))).slice(0, 32) : null;
  const search = new Search(given, encoding, fixOf(fromBank, expectedString, expectedMac, encoding, expectedKey?.interpretation.label ?? null, ring.date));
  const pieces = new Pieces();
  const strings = new Strings(
    base.map((e) => pieces.of(e.value)),
    pieces,
  );

  // The verification itself, then the KVV, then the stages.
  strings.each(0, () => search.run(strings.parts, strings.made, [encoding], variants.byMistakes[0]!));
  const verifiedWith = search.findings[0]?.key ?? null;
  const verifiedDigest = search.findings[0]?.digest ?? null;
  // The policy compares MACs without regard to case or spaces (`hexWriting` says how it was written).
  const verified = verifiedWith !== null && given.form === 'hex' && !given.untruncated && !search.findings[0]!.causes.includes('dropped-zero');
  let leftOut: string[] = [];
  if (verified) search.findings.length = 0;
  else {
    if (search.findings.length === 0 && given.form === 'hex' && given.bytes.length === 16) {
      search.candidates += ring.kvvs.length;
      search.counts[causeIndex('kvv-as-mac')]! += ring.kvvs.length;
      search.findings.push(...kvvFindings(ring, given.compact, encoding, expectedMac));
    }
    if (search.findings.length === 0) {
      leftOut = prepare(strings, { kind, base, fields, formEntries: toEntries(fields).filter((e) => e.name !== 'NB_HMAC'), pieces, fromBank });
      // Stryker disable next-line ArrayDeclaration: an ASCII candidate is hashed in the expected encoding only: another entry is skipped
      searchStages(search, strings, variants, encoding, pieces.ascii ? [] : [OTHER_ENCODING[encoding]]);
    }
  }

  // NB_KVV is checked against the key that made the MAC, else the key expected on the date.
  const keyUsed = verifiedWith ?? expectedKey?.interpretation ?? null;
  const elapsedMs = now() - started;
  const status: Diagnosis['status'] = verified ? 'correct' : search.findings.length ? 'explained' : 'unexplained';
  return {
    status,
    message: messageOf(status, search, expectedString, encoding, verifiedWith?.label ?? null, options.declared?.source ?? null),
    kind,
    encoding,
    givenMac: given.compact,
    expectedString,
    expectedMac: verifiedDigest ? verifiedDigest.slice(0, 32) : expectedMac,
    keyIndex: verifiedWith?.index ?? ring.keyIndex,
    date: ring.date,
    notes: notesOf(direction, sent, givenMac, keyUsed ? ring.ring[keyUsed.index]!.key : null, base),
    findings: search.findings,
    tried: CAUSE_CODES.map((cause, i): DoctorTry => ({ cause, candidates: search.counts[i]!, detail: DOCTOR_CAUSES[cause].tries })),
    leftOut,
    warnings: [...ring.warnings, ...replacementWarnings(base)],
    candidates: search.candidates,
    elapsedMs,
    candidatesPerSecond: elapsedMs > 0 ? Math.round((search.candidates * 1000) / elapsedMs) : search.candidates * 1000,
  };
}

/** Asks the registry's value and structure causes for their tweaks and shapes; returns the form's inputs left out. */
function prepare(strings: Strings, context: CauseContext): string[] {
  strings.tweaks = causesOf('value').flatMap((cause) => cause.tweaks(context));
  const leftOut: string[] = [];
  strings.shapes = causesOf('structure').flatMap((cause) => {
    const made = cause.shapes(context);
    leftOut.push(...(made.leftOut ?? []));
    return made.shapes;
  });
  return leftOut;
}

function messageOf(status: Diagnosis['status'], search: Search, expectedString: string, encoding: Encoding, label: Text | null, declared: CharsetSource | null): Text {
  const count = search.findings.length;
  const where = checkedIn(encoding, declared);
  if (status === 'correct') {
    return text(
      `The MAC is correct: it verifies for ${quoted(expectedString)} ${where.en} with ${label!.en}.`,
      `MAC:en är korrekt: den stämmer för ${quoted(expectedString, 'sv')} ${where.sv} med ${label!.sv}.`,
    );
  }
  if (status === 'explained') {
    return text(
      count === 1
        ? 'The MAC does not verify; one explanation was found, and it reproduces the MAC exactly.'
        : `The MAC does not verify; ${count} explanations were found, each reproducing the MAC exactly.`,
      count === 1 ? 'MAC:en stämmer inte; en förklaring hittades, och den ger exakt samma MAC.' : `MAC:en stämmer inte; ${count} förklaringar hittades, och var och en ger exakt samma MAC.`,
    );
  }
  return text(
    `The MAC does not verify${declared ? ` ${where.en}` : ''} and none of the ${COUNT.en.format(search.candidates)} candidates tried explains it: check the key (compare its KVV), then the values character by character.`,
    `MAC:en stämmer inte${declared ? ` ${where.sv}` : ''}, och ingen av de ${COUNT.sv.format(search.candidates)} kandidater som prövades förklarar varför: kontrollera nyckeln (jämför dess KVV) och sedan värdena tecken för tecken.`,
  );
}
