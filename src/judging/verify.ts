/**
 * Verifying one message the bank sent back (or any message of the handbook): which kind it is,
 * its status, the exact string that is signed, the MAC expected under the key (or the key of a
 * key ring valid on the date in NB_PAID) against the MAC received, and NB_KVV against the key's
 * KVV. Never throws on bad input: every problem is a finding that names the field concerned.
 * The result holds no key, only the KVV and the position of the key used in the ring.
 */
import { detectKind } from '../reading/detect.ts';
import type { Encoding } from '../protocol/encoding.ts';
import { messageSpec, type MessageKind } from '../protocol/fields.ts';
import { dateOfPaid, keyForDate, normalizeKeys, type KeyRingEntry, type Keys } from '../protocol/key-ring.ts';
import { compactHex, computeKvv, isHex32, readHex, type HexCase } from '../protocol/key.ts';
import { computeMacDetails, messageStatus, signedFields, toRecord, type FieldEntry, type FieldInput, type MacComputation } from '../protocol/message.ts';
import { byLevel, hexWriting, invisibleCharacters, kvvCheck, macMismatch, macMissing, signedAmpersand, swedishDate, type Direction, type PolicyCode } from './policy.ts';
import { EbetError, text, type Text } from '../protocol/text.ts';
import { validateComputed, validateFields, verdict, type Level, type ValidateOptions, type ValidationRow } from './validate.ts';

/** Why the MAC did or did not verify. */
export type MacOutcome =
  /** NB_HMAC equals the MAC computed with the key. */
  | 'verified'
  /** NB_HMAC is a well-formed MAC, but not the one the key gives. */
  | 'mismatch'
  /** NB_HMAC is absent or empty although the message is signed. */
  | 'missing-mac'
  /** NB_HMAC is not 32 hexadecimal characters. */
  | 'malformed-mac'
  /** The handbook says no MAC exists for this message and status (`ERR`). */
  | 'unsigned'
  /** No key was given, so nothing could be checked. */
  | 'no-key'
  /** The key (or a key of the ring) is not a valid key. */
  | 'bad-key'
  /** A signed field or NB_VERIFIED is missing or wrong, so the signed string cannot be built. */
  | 'incomplete'
  /** No field of any message of the handbook was found. */
  | 'unknown-kind';

export interface VerifyFinding {
  readonly level: 'error' | 'warning' | 'info';
  /** A stable code: the policy's (`mac-mismatch`, `kvv-mismatch`, `hex-case`…, see `POLICY`) or `other-key`, `unknown-kind`… */
  readonly code: PolicyCode | (string & {});
  readonly field?: string;
  readonly message: Text;
}

/** Which key was used: never the key itself, only where it is in the ring and its KVV. */
export interface KeyUsed {
  /** 0-based position in the ring (0 for a single key). */
  readonly index: number;
  readonly ringSize: number;
  readonly from?: string;
  readonly to?: string;
  readonly label?: string;
  /** The key's KVV (not secret). */
  readonly kvv: string;
  /**
   * How it was chosen: the only key; the key valid on the date in NB_PAID; the key whose KVV is
   * NB_KVV; the key whose MAC matches; or the first key, when nothing else could tell.
   */
  readonly chosenBy: 'only' | 'date' | 'kvv' | 'mac' | 'first';
}

export interface Verification {
  /** The detected (or given) kind; `null` when no field of any message was found. */
  readonly kind: MessageKind | null;
  /** NB_VERIFIED read as the handbook's status (`YES`, `NO`, `ERR`); `null` when the message has none or it is wrong. */
  readonly status: string | null;
  /** Whether the MAC verified; `null` where the handbook says no MAC exists (`ERR`). */
  readonly verified: boolean | null;
  readonly outcome: MacOutcome;
  /** The MAC the key gives, upper case; `null` when it cannot be computed. */
  readonly expectedMac: string | null;
  /** NB_HMAC exactly as received; `null` when absent. */
  readonly givenMac: string | null;
  /** The case the received MAC was written in (compared without regard to case or spaces). */
  readonly givenMacCase: HexCase;
  /** The exact string that is signed, values as received; `null` where no MAC exists or it cannot be built. */
  readonly macString: string | null;
  /** The signed fields in MAC order. */
  readonly signedFields: FieldEntry[] | null;
  readonly encoding: Encoding;
  /** The key used, or `null` when none could be. */
  readonly key: KeyUsed | null;
  /**
   * The date a key of a ring was picked for (`YYYY-MM-DD`): the one given; else for an answer the
   * date in NB_PAID; for a request today's date in Sweden (the bank checks it with today's key).
   */
  readonly date: string | null;
  /** Where `date` came from. */
  readonly dateSource: 'given' | 'paid' | 'today' | null;
  /** NB_KVV as received against the KVV of the key used; `matches` is `null` when either is absent. */
  readonly kvv: { readonly given: string | null; readonly expected: string | null; readonly matches: boolean | null };
  /** Warnings from picking the key by date (change-over day, overlap, no key valid). */
  readonly keyWarnings: Text[];
  /** Every problem found, most important first. */
  readonly findings: VerifyFinding[];
  /** The bank test page's table for the message (with the key used, when there is one). */
  readonly rows: ValidationRow[];
  /** The verdict on the whole message: the worst level of its findings and of its rows. */
  readonly verdict: Level;
}

export interface VerifyOptions {
  /** How values become bytes; UTF-8 unless told otherwise (the handbook names none). */
  readonly encoding?: Encoding;
  /** The message kind, when it should not be detected from the field names. */
  readonly kind?: MessageKind;
  /** The date (`YYYY-MM-DD`) to pick a ring's key for, instead of NB_PAID's or today's in Sweden. */
  readonly date?: string;
  /** The time it is now, for today's date in Sweden (tests); the clock's by default. */
  readonly now?: Date;
  /** The shop's check digit scheme and its earlier stamps, for the field rows (`validateFields`' options). */
  readonly checkDigit?: ValidateOptions['checkDigit'];
  readonly usedStamps?: ValidateOptions['usedStamps'];
}

function entryRange(entry: KeyRingEntry): string {
  return entry.from || entry.to ? ` (${entry.from ?? '…'} – ${entry.to ?? '…'})` : '';
}

interface Candidate {
  readonly index: number;
  readonly entry: KeyRingEntry;
  readonly details: MacComputation | null;
}

/** Which key of a ring is meant: `key 2 of 3`, or `the key`. */
function keyName(index: number, ringSize: number): Text {
  return ringSize > 1 ? text(`key ${index + 1} of ${ringSize}`, `nyckel ${index + 1} av ${ringSize}`) : text('the key', 'nyckeln');
}

/**
 * The date a ring's key is picked for: the one given; else for an answer the date in NB_PAID; for
 * a request today's date in Sweden (the bank checks it with today's key), never the machine's.
 */
export function keyDate(direction: Direction, record: Readonly<Record<string, string>>, options: Pick<VerifyOptions, 'date' | 'now'> = {}): Pick<Verification, 'date' | 'dateSource'> {
  if (options.date) return { date: options.date, dateSource: 'given' };
  const paid = direction === 'bankToShop' && record.NB_PAID !== undefined ? dateOfPaid(record.NB_PAID) : null;
  if (paid) return { date: paid, dateSource: 'paid' };
  return direction === 'shopToBank' ? { date: swedishDate(options.now), dateSource: 'today' } : { date: null, dateSource: null };
}

const UNKNOWN_KIND: VerifyFinding = {
  level: 'error',
  code: 'unknown-kind',
  message: text(
    'No field of any E-betalning message was found. If this came from the cancel or reject address: a cancel/reject return carries no fields and proves nothing.',
    'Inga fält från E-betalning hittades. Om texten kom från adressen för avbryt eller avvisa: en sådan retur har inga fält och bevisar ingenting.',
  ),
};

const NO_KEY: VerifyFinding = {
  level: 'warning',
  code: 'no-key',
  field: 'key',
  message: text('No key was given, so the MAC could not be checked', 'Ingen nyckel angavs, så MAC:en kunde inte kontrolleras'),
};

/** Each key of the ring as a candidate, its MAC computed once when first asked; and whether a candidate's MAC is the one received. */
function ringCandidates(ring: readonly KeyRingEntry[], kind: MessageKind, fields: FieldInput, encoding: Encoding, givenMac: string | null) {
  const givenCompact = givenMac === null ? null : compactHex(givenMac);
  const candidates = new Map<number, Candidate>();
  const candidate = (index: number): Candidate => {
    let found = candidates.get(index);
    if (!found) {
      const entry = ring[index]!;
      found = { index, entry, details: computeMacDetails(kind, fields, entry.key, { encoding }) };
      candidates.set(index, found);
    }
    return found;
  };
  const macMatches = (c: Candidate): boolean => givenCompact !== null && c.details !== null && givenCompact === c.details.mac;
  return { candidate, macMatches };
}

/** The key used, as the result tells it: never the key, only its place in the ring, its dates and KVV. */
function keyUsed(chosen: Candidate, ringSize: number, kvv: string, chosenBy: KeyUsed['chosenBy']): KeyUsed {
  return {
    index: chosen.index,
    ringSize,
    ...(chosen.entry.from ? { from: chosen.entry.from } : {}),
    ...(chosen.entry.to ? { to: chosen.entry.to } : {}),
    ...(chosen.entry.label ? { label: chosen.entry.label } : {}),
    kvv,
    chosenBy,
  };
}

/** Why an ERR answer proves nothing (and a MAC on it neither). */
function unsignedFindings(status: string, givenMac: string | null): VerifyFinding[] {
  const found: VerifyFinding[] = [
    {
      level: 'warning',
      code: 'unsigned',
      field: 'NB_VERIFIED',
      message: text(
        `NB_VERIFIED is ${status}: the bank computes no MAC for it by design, so nothing in it can be verified and it proves nothing`,
        `NB_VERIFIED är ${status}: banken beräknar avsiktligt ingen MAC för det, så inget i det kan verifieras och det bevisar ingenting`,
      ),
    },
  ];
  if (givenMac) {
    found.push({
      level: 'warning',
      code: 'mac-on-unsigned',
      field: 'NB_HMAC',
      message: text(
        `NB_HMAC has a value although NB_VERIFIED is ${status}; the bank sends it empty, so it proves nothing either`,
        `NB_HMAC har ett värde trots att NB_VERIFIED är ${status}; banken skickar det tomt, så det bevisar inte heller något`,
      ),
    });
  }
  return found;
}

/** The date a key was picked for, in words: today in Sweden, NB_PAID's, or as given. */
function dateWords(d: string, dateSource: Verification['dateSource']): Text {
  return dateSource === 'today'
    ? text(`${d} (today in Sweden; a request is checked with the key valid the day the bank gets it)`, `${d} (i dag i Sverige; en förfrågan kontrolleras med nyckeln som gäller den dag banken får den)`)
    : dateSource === 'paid'
      ? text(`${d} (the date in NB_PAID)`, `${d} (datumet i NB_PAID)`)
      : text(d, d);
}

interface KeyChoice {
  readonly chosen: Candidate;
  readonly chosenBy: KeyUsed['chosenBy'];
  readonly warnings: Text[];
  readonly findings: VerifyFinding[];
}

/**
 * Which key of the ring verifies the message: the only one; in a dated ring the key valid on the
 * date; else the key whose KVV is NB_KVV, else the one whose MAC matches, else the first.
 */
function chooseKey(
  ring: readonly KeyRingEntry[],
  candidate: (index: number) => Candidate,
  macMatches: (c: Candidate) => boolean,
  { date, dateSource, givenKvv }: { date: string | null; dateSource: Verification['dateSource']; givenKvv: string | null },
): KeyChoice {
  // Dates pick a key only in a dated ring; an undated ring is a list of candidates.
  const byDate = date && ring.some((e) => e.from || e.to) ? keyForDate([...ring], date) : null;
  const warnings = byDate ? byDate.warnings : [];
  if (ring.length === 1) return { chosen: candidate(0), chosenBy: 'only', warnings, findings: [] };
  if (byDate?.entry) {
    const chosen = candidate(byDate.index);
    const finding: VerifyFinding = {
      level: 'info',
      code: 'key-date',
      field: dateSource === 'paid' ? 'NB_PAID' : 'key',
      message: text(
        `Key ${chosen.index + 1} of the ring was used: the key valid on ${dateWords(date!, dateSource).en}`,
        `Nyckel ${chosen.index + 1} i nyckelringen användes: nyckeln som gäller ${dateWords(date!, dateSource).sv}`,
      ),
    };
    return { chosen, chosenBy: 'date', warnings, findings: [finding] };
  }
  const kvvIndex = givenKvv ? ring.findIndex((e) => computeKvv(e.key) === compactHex(givenKvv)) : -1;
  const macIndex = kvvIndex < 0 ? ring.findIndex((_, i) => macMatches(candidate(i))) : -1;
  const chosen = candidate(kvvIndex >= 0 ? kvvIndex : macIndex >= 0 ? macIndex : 0);
  const chosenBy: KeyUsed['chosenBy'] = kvvIndex >= 0 ? 'kvv' : macIndex >= 0 ? 'mac' : 'first';
  const why =
    chosenBy === 'kvv'
      ? text(', because its KVV is NB_KVV', ', eftersom dess KVV är NB_KVV')
      : chosenBy === 'mac'
        ? text(', because its MAC matches', ', eftersom dess MAC stämmer')
        : text('', '');
  const finding: VerifyFinding = {
    level: chosenBy === 'first' ? 'warning' : 'info',
    code: 'key-choice',
    field: dateSource === 'paid' || date === null ? 'NB_PAID' : 'key',
    message: date
      ? text(
          `No key of the ring is valid on ${dateWords(date, dateSource).en}; key ${chosen.index + 1} was used${why.en}`,
          `Ingen nyckel i nyckelringen gäller ${dateWords(date, dateSource).sv}; nyckel ${chosen.index + 1} användes${why.sv}`,
        )
      : text(
          `NB_PAID holds no date to pick a key of the ring by; key ${chosen.index + 1} was used${why.en}`,
          `NB_PAID innehåller inget datum att välja nyckel efter; nyckel ${chosen.index + 1} användes${why.sv}`,
        ),
  };
  return { chosen, chosenBy, warnings, findings: [finding] };
}

/** What the chosen key says of NB_HMAC: missing, malformed, verified, or a mismatch (and whether another key of the ring signed it). */
function macOutcome(
  givenMac: string | null,
  details: MacComputation,
  rows: readonly ValidationRow[],
  direction: Direction,
  mac: {
    matches: boolean;
    macString: string | null;
    encoding: Encoding;
    keyName: Text;
    /** The index of another key of the ring that gives the MAC received, or -1 (asked only on a mismatch). */
    other: () => number;
    otherKey: (index: number) => string;
    validOn: Text | null;
  },
): { outcome: MacOutcome; findings: VerifyFinding[] } {
  if (givenMac === null || givenMac === '') return { outcome: 'missing-mac', findings: [macMissing(direction, givenMac, details.mac)] };
  if (!isHex32(givenMac)) {
    const row = rows.find((r) => r.name === 'NB_HMAC' && r.level === 'error');
    const finding: VerifyFinding = {
      level: 'error',
      code: row?.code ?? 'mac-format',
      field: 'NB_HMAC',
      message:
        row?.message ??
        text(
          `NB_HMAC is ${givenMac.length} characters; it must be exactly 32 hexadecimal characters`,
          `NB_HMAC är ${givenMac.length} tecken; det ska vara exakt 32 hexadecimala tecken`,
        ),
    };
    return { outcome: 'malformed-mac', findings: [finding] };
  }
  const findings: VerifyFinding[] = [...hexWriting('NB_HMAC', givenMac, direction)];
  if (mac.matches) return { outcome: 'verified', findings };
  findings.push(macMismatch(direction, { mac: givenMac, expected: details.mac, macString: mac.macString!, encoding: mac.encoding }, mac.keyName));
  const other = mac.other();
  if (other >= 0) {
    findings.push({
      level: 'warning',
      code: 'other-key',
      field: 'NB_HMAC',
      message: text(
        `Key ${mac.otherKey(other)} gives exactly this MAC: the message was signed with it, not with the key valid on ${mac.validOn ? mac.validOn.en : 'its date'}. Keys change at a date boundary with no overlap — check the ring's dates before trusting it.`,
        `Nyckel ${mac.otherKey(other)} ger exakt den här MAC:en: meddelandet signerades med den, inte med nyckeln som gäller ${mac.validOn ? mac.validOn.sv : 'meddelandets datum'}. Nycklarna byts vid midnatt utan överlapp — kontrollera datumen i nyckelringen innan du litar på meddelandet.`,
      ),
    });
  }
  return { outcome: 'mismatch', findings };
}

/**
 * Verifies one message: kind, status, signed string, expected against received MAC, NB_KVV against
 * the key's KVV, with the policy's verdicts (`POLICY`). `keys` is one key or a key ring; with
 * several keys (or dated ones) the key valid on the date is used (with `keyForDate`'s warnings):
 * `options.date`, else for an answer the date in NB_PAID, for a request today's date in Sweden;
 * when no key is valid then, the key whose KVV is NB_KVV, else the one whose MAC matches.
 */
export function verifyMessage(fields: FieldInput, keys: Keys | null | undefined, options: VerifyOptions = {}): Verification {
  const encoding = options.encoding ?? 'utf-8';
  const checks: ValidateOptions = {
    encoding,
    ...(options.checkDigit ? { checkDigit: options.checkDigit } : {}),
    ...(options.usedStamps ? { usedStamps: options.usedStamps } : {}),
  };
  const record = toRecord(fields);
  const givenMac = record.NB_HMAC ?? null;
  const givenKvv = record.NB_KVV ?? null;
  const findings: VerifyFinding[] = [];
  const kind = options.kind ?? detectKind(fields);
  const direction = kind ? messageSpec(kind).direction : 'bankToShop';
  findings.push(...invisibleCharacters(direction, Object.entries(record)));
  const { date, dateSource } = keyDate(direction, record, options);
  const result = {
    kind,
    status: null as string | null,
    verified: false as boolean | null,
    outcome: 'incomplete' as MacOutcome,
    expectedMac: null as string | null,
    givenMac,
    givenMacCase: givenMac === null ? ('none' as HexCase) : readHex(givenMac).case,
    macString: null as string | null,
    signedFields: null as FieldEntry[] | null,
    encoding,
    key: null as KeyUsed | null,
    date,
    dateSource,
    kvv: { given: givenKvv, expected: null as string | null, matches: null as boolean | null },
    keyWarnings: [] as Text[],
    findings,
    rows: [] as ValidationRow[],
  };
  const done = (outcome: MacOutcome, rows: ValidationRow[], verified: boolean | null = outcome === 'verified'): Verification => {
    const sorted = byLevel(findings);
    const worst = verdict([...rows, ...sorted.map((f) => ({ level: f.level === 'info' ? ('ok' as const) : f.level }))]);
    return { ...result, findings: sorted, rows, outcome, verified, verdict: worst };
  };
  const pushError = (error: unknown, field?: string): void => {
    if (!(error instanceof EbetError)) throw error;
    const named = error.field ?? field;
    findings.push({ level: 'error', code: error.code, ...(named ? { field: named } : {}), message: error.text });
  };

  if (!kind) {
    findings.push(UNKNOWN_KIND);
    return done('unknown-kind', []);
  }
  const spec = messageSpec(kind);

  try {
    result.status = messageStatus(spec, record) ?? null;
  } catch (error) {
    pushError(error, 'NB_VERIFIED');
    return done('incomplete', validateFields(kind, fields, checks));
  }

  let signed: FieldEntry[] | null;
  try {
    signed = signedFields(kind, fields);
  } catch (error) {
    pushError(error);
    return done('incomplete', validateFields(kind, fields, checks));
  }

  if (signed === null) {
    findings.push(...unsignedFindings(result.status!, givenMac));
    return done('unsigned', validateFields(kind, fields, checks), null);
  }
  result.signedFields = signed;
  result.macString = signed.map((f) => f.value).join('&');

  if (keys === null || keys === undefined || (typeof keys === 'string' && keys.trim() === '')) {
    findings.push(NO_KEY);
    return done('no-key', validateFields(kind, fields, checks));
  }
  let ring: KeyRingEntry[];
  try {
    ring = normalizeKeys(keys);
  } catch (error) {
    pushError(error, 'key');
    return done('bad-key', validateFields(kind, fields, checks));
  }

  const { candidate, macMatches } = ringCandidates(ring, kind, fields, encoding, givenMac);
  let chosen: Candidate;
  let chosenBy: KeyUsed['chosenBy'];
  try {
    const choice = chooseKey(ring, candidate, macMatches, { date, dateSource, givenKvv });
    ({ chosen, chosenBy } = choice);
    result.keyWarnings = choice.warnings;
    findings.push(...choice.findings);
  } catch (error) {
    pushError(error);
    return done('incomplete', validateFields(kind, fields, checks));
  }

  const details = chosen.details!;
  const kvv = details.kvv;
  result.key = keyUsed(chosen, ring.length, kvv, chosenBy);
  result.expectedMac = details.mac;
  result.kvv = { given: givenKvv, expected: kvv, matches: givenKvv ? compactHex(givenKvv) === kvv : null };
  const rows = validateComputed(kind, fields, { ...checks, key: chosen.entry.key }, details);

  const mac = macOutcome(givenMac, details, rows, direction, {
    matches: macMatches(chosen),
    macString: result.macString,
    encoding,
    keyName: keyName(chosen.index, ring.length),
    other: () => ring.findIndex((_, i) => i !== chosen.index && macMatches(candidate(i))),
    otherKey: (i) => `${i + 1}${entryRange(ring[i]!)}`,
    validOn: date ? dateWords(date, dateSource) : null,
  });
  const outcome = mac.outcome;
  findings.push(...mac.findings);

  if (givenKvv !== null && givenKvv !== '') findings.push(...hexWriting('NB_KVV', givenKvv, direction));
  const kvvFinding = kvvCheck(
    direction,
    givenKvv,
    chosen.entry.key,
    ring.map((e, i) => ({ key: e.key, name: keyName(i, ring.length) })).filter((_, i) => i !== chosen.index),
  );
  if (kvvFinding) findings.push(kvvFinding);
  for (const entry of details.signedFields) if (entry.value.includes('&')) findings.push(signedAmpersand(direction, entry.name, entry.value));
  return done(outcome, rows);
}
