/**
 * Verifying one message the bank sent back (or any message of the handbook): which kind it is,
 * its status, the exact string that is signed, the MAC expected under the key (or the key of a
 * key ring valid on the date in NB_PAID) against the MAC received, and NB_KVV against the key's
 * KVV. Never throws on bad input: every problem is a finding that names the field concerned.
 * The result holds no key, only the KVV and the position of the key used in the ring.
 */
import { detectKind } from './detect.ts';
import type { Encoding } from './encoding.ts';
import { messageSpec, type MessageKind } from './fields.ts';
import { dateOfPaid, keyForDate, normalizeKeys, type KeyRingEntry, type Keys } from './key-ring.ts';
import { compactHex, computeKvv } from './key.ts';
import { computeMacDetails, messageStatus, signedFields, toRecord, type FieldEntry, type FieldInput, type MacComputation } from './message.ts';
import { EbetError, text, type Text } from './text.ts';
import { validateFields, type ValidationRow } from './validate.ts';

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
  /** A stable code: `mac-mismatch`, `kvv-mismatch`, `other-key`, `unknown-kind`… */
  readonly code: string;
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

/** How the received MAC is written. */
export type HexCase = 'upper' | 'lower' | 'mixed' | 'none';

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
  /** The case the received MAC was written in (compared without regard to case). */
  readonly givenMacCase: HexCase;
  /** The exact string that is signed, values as received; `null` where no MAC exists or it cannot be built. */
  readonly macString: string | null;
  /** The signed fields in MAC order. */
  readonly signedFields: FieldEntry[] | null;
  readonly encoding: Encoding;
  /** The key used, or `null` when none could be. */
  readonly key: KeyUsed | null;
  /** The date read from NB_PAID (`YYYY-MM-DD`), used to pick a key from a ring. */
  readonly date: string | null;
  /** NB_KVV as received against the KVV of the key used; `matches` is `null` when either is absent. */
  readonly kvv: { readonly given: string | null; readonly expected: string | null; readonly matches: boolean | null };
  /** Warnings from picking the key by date (change-over day, overlap, no key valid). */
  readonly keyWarnings: Text[];
  /** Every problem found, most important first. */
  readonly findings: VerifyFinding[];
  /** The bank test page's table for the message (with the key used, when there is one). */
  readonly rows: ValidationRow[];
}

export interface VerifyOptions {
  /** How values become bytes; UTF-8 unless told otherwise (the handbook names none). */
  readonly encoding?: Encoding;
  /** The message kind, when it should not be detected from the field names. */
  readonly kind?: MessageKind;
}

const HEX32 = /^[0-9A-Fa-f]{32}$/;

function hexCase(value: string | null): HexCase {
  if (!value || !/[A-Fa-f]/.test(value)) return value ? 'upper' : 'none';
  if (value === value.toUpperCase()) return 'upper';
  return value === value.toLowerCase() ? 'lower' : 'mixed';
}

function entryRange(entry: KeyRingEntry): string {
  return entry.from || entry.to ? ` (${entry.from ?? '…'} – ${entry.to ?? '…'})` : '';
}

interface Candidate {
  readonly index: number;
  readonly entry: KeyRingEntry;
  readonly details: MacComputation | null;
}

/**
 * Verifies one message: kind, status, signed string, expected against received MAC, NB_KVV against
 * the key's KVV. `keys` is one key or a key ring; with several keys, the key valid on the date in
 * NB_PAID is used (with `keyForDate`'s warnings), else the key whose KVV is NB_KVV, else the one
 * whose MAC matches. The MAC is compared without regard to case; the case seen is reported.
 */
export function verifyMessage(fields: FieldInput, keys: Keys | null | undefined, options: VerifyOptions = {}): Verification {
  const encoding = options.encoding ?? 'utf-8';
  const record = toRecord(fields);
  const givenMac = record.NB_HMAC ?? null;
  const givenKvv = record.NB_KVV ?? null;
  const date = record.NB_PAID !== undefined ? dateOfPaid(record.NB_PAID) : null;
  const findings: VerifyFinding[] = [];
  const kind = options.kind ?? detectKind(fields);
  const result = {
    kind,
    status: null as string | null,
    verified: false as boolean | null,
    outcome: 'incomplete' as MacOutcome,
    expectedMac: null as string | null,
    givenMac,
    givenMacCase: hexCase(givenMac),
    macString: null as string | null,
    signedFields: null as FieldEntry[] | null,
    encoding,
    key: null as KeyUsed | null,
    date,
    kvv: { given: givenKvv, expected: null as string | null, matches: null as boolean | null },
    keyWarnings: [] as Text[],
    findings,
    rows: [] as ValidationRow[],
  };

  if (!kind) {
    findings.push({
      level: 'error',
      code: 'unknown-kind',
      message: text(
        'No field of any E-betalning message was found. If this came from the cancel or reject address: a cancel/reject return carries no fields and proves nothing.',
        'Inga fält från E-betalning hittades. Om texten kom från adressen för avbryt eller avvisa: en sådan retur har inga fält och bevisar ingenting.',
      ),
    });
    return { ...result, outcome: 'unknown-kind' };
  }
  const spec = messageSpec(kind);

  try {
    result.status = messageStatus(spec, record) ?? null;
  } catch (error) {
    if (!(error instanceof EbetError)) throw error;
    findings.push({ level: 'error', code: error.code, field: 'NB_VERIFIED', message: error.text });
    result.rows = validateFields(kind, fields, { encoding });
    return { ...result, outcome: 'incomplete' };
  }

  let signed: FieldEntry[] | null;
  try {
    signed = signedFields(kind, fields);
  } catch (error) {
    if (!(error instanceof EbetError)) throw error;
    findings.push({ level: 'error', code: error.code, ...(error.field ? { field: error.field } : {}), message: error.text });
    result.rows = validateFields(kind, fields, { encoding });
    return { ...result, outcome: 'incomplete' };
  }

  if (signed === null) {
    findings.push({
      level: 'warning',
      code: 'unsigned',
      field: 'NB_VERIFIED',
      message: text(
        `NB_VERIFIED is ${result.status}: the bank computes no MAC for it by design, so nothing in it can be verified and it proves nothing`,
        `NB_VERIFIED är ${result.status}: banken beräknar avsiktligt ingen MAC för det, så inget i det kan verifieras och det bevisar ingenting`,
      ),
    });
    if (givenMac) {
      findings.push({
        level: 'warning',
        code: 'mac-on-unsigned',
        field: 'NB_HMAC',
        message: text(
          `NB_HMAC has a value although NB_VERIFIED is ${result.status}; the bank sends it empty, so it proves nothing either`,
          `NB_HMAC har ett värde fast NB_VERIFIED är ${result.status}; banken skickar det tomt, så det bevisar inte heller något`,
        ),
      });
    }
    result.rows = validateFields(kind, fields, { encoding });
    return { ...result, verified: null, outcome: 'unsigned' };
  }
  result.signedFields = signed;
  result.macString = signed.map((f) => f.value).join('&');

  if (keys === null || keys === undefined || (typeof keys === 'string' && keys.trim() === '')) {
    findings.push({
      level: 'warning',
      code: 'no-key',
      field: 'key',
      message: text('No key was given, so the MAC could not be checked', 'Ingen nyckel angavs, så MAC:en kunde inte kontrolleras'),
    });
    result.rows = validateFields(kind, fields, { encoding });
    return { ...result, outcome: 'no-key' };
  }
  let ring: KeyRingEntry[];
  try {
    ring = normalizeKeys(keys);
  } catch (error) {
    if (!(error instanceof EbetError)) throw error;
    findings.push({ level: 'error', code: error.code, field: error.field ?? 'key', message: error.text });
    result.rows = validateFields(kind, fields, { encoding });
    return { ...result, outcome: 'bad-key' };
  }

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
  const macMatches = (c: Candidate) => givenMac !== null && c.details !== null && givenMac.toUpperCase() === c.details.mac;

  let chosen: Candidate;
  let chosenBy: KeyUsed['chosenBy'];
  try {
    const byDate = date && (ring.length > 1 || ring[0]!.from || ring[0]!.to) ? keyForDate(ring, date) : null;
    if (byDate) result.keyWarnings = byDate.warnings;
    if (ring.length === 1) {
      chosen = candidate(0);
      chosenBy = 'only';
    } else if (byDate?.entry) {
      chosen = candidate(byDate.index);
      chosenBy = 'date';
    } else {
      const kvvIndex = givenKvv ? ring.findIndex((e) => computeKvv(e.key) === compactHex(givenKvv)) : -1;
      const macIndex = kvvIndex < 0 ? ring.findIndex((_, i) => macMatches(candidate(i))) : -1;
      chosen = candidate(kvvIndex >= 0 ? kvvIndex : macIndex >= 0 ? macIndex : 0);
      chosenBy = kvvIndex >= 0 ? 'kvv' : macIndex >= 0 ? 'mac' : 'first';
      findings.push({
        level: chosenBy === 'first' ? 'warning' : 'info',
        code: 'key-choice',
        field: 'NB_PAID',
        message: date
          ? text(
              `No key of the ring is valid on ${date} (the date in NB_PAID); key ${chosen.index + 1} was used${chosenBy === 'kvv' ? ', because its KVV is NB_KVV' : chosenBy === 'mac' ? ', because its MAC matches' : ''}`,
              `Ingen nyckel i nyckelringen gäller ${date} (datumet i NB_PAID); nyckel ${chosen.index + 1} användes${chosenBy === 'kvv' ? ', eftersom dess KVV är NB_KVV' : chosenBy === 'mac' ? ', eftersom dess MAC stämmer' : ''}`,
            )
          : text(
              `NB_PAID holds no date to pick a key of the ring by; key ${chosen.index + 1} was used${chosenBy === 'kvv' ? ', because its KVV is NB_KVV' : chosenBy === 'mac' ? ', because its MAC matches' : ''}`,
              `NB_PAID innehåller inget datum att välja nyckel efter; nyckel ${chosen.index + 1} användes${chosenBy === 'kvv' ? ', eftersom dess KVV är NB_KVV' : chosenBy === 'mac' ? ', eftersom dess MAC stämmer' : ''}`,
            ),
      });
    }
  } catch (error) {
    if (!(error instanceof EbetError)) throw error;
    findings.push({ level: 'error', code: error.code, ...(error.field ? { field: error.field } : {}), message: error.text });
    result.rows = validateFields(kind, fields, { encoding });
    return { ...result, outcome: 'incomplete' };
  }

  const details = chosen.details!;
  const kvv = details.kvv;
  result.key = {
    index: chosen.index,
    ringSize: ring.length,
    ...(chosen.entry.from ? { from: chosen.entry.from } : {}),
    ...(chosen.entry.to ? { to: chosen.entry.to } : {}),
    ...(chosen.entry.label ? { label: chosen.entry.label } : {}),
    kvv,
    chosenBy,
  };
  result.expectedMac = details.mac;
  result.kvv = {
    given: givenKvv,
    expected: kvv,
    matches: givenKvv ? compactHex(givenKvv) === kvv : null,
  };
  result.rows = validateFields(kind, fields, { encoding, key: chosen.entry.key });

  let outcome: MacOutcome;
  if (givenMac === null || givenMac === '') {
    outcome = 'missing-mac';
    findings.push({
      level: 'error',
      code: 'mac-missing',
      field: 'NB_HMAC',
      message: text(
        `NB_HMAC is ${givenMac === null ? 'missing' : 'empty'}; this message is signed, so it must carry the MAC (with this key: ${details.mac})`,
        `NB_HMAC ${givenMac === null ? 'saknas' : 'är tomt'}; meddelandet signeras, så det ska ha en MAC (med den här nyckeln: ${details.mac})`,
      ),
    });
  } else if (!HEX32.test(givenMac)) {
    outcome = 'malformed-mac';
    const row = result.rows.find((r) => r.name === 'NB_HMAC' && r.level === 'error');
    findings.push({
      level: 'error',
      code: row?.code ?? 'mac-format',
      field: 'NB_HMAC',
      message:
        row?.message ??
        text(
          `NB_HMAC is ${givenMac.length} characters; it must be exactly 32 hexadecimal characters`,
          `NB_HMAC är ${givenMac.length} tecken; det ska vara exakt 32 hexadecimala tecken`,
        ),
    });
  } else if (macMatches(chosen)) {
    outcome = 'verified';
    if (result.givenMacCase !== 'upper') {
      findings.push({
        level: 'info',
        code: 'mac-case',
        field: 'NB_HMAC',
        message: text(
          `NB_HMAC was received in ${result.givenMacCase} case; it was compared without regard to case (the bank writes upper case)`,
          `NB_HMAC togs emot med ${result.givenMacCase === 'lower' ? 'gemener' : 'blandade versaler och gemener'}; det jämfördes utan hänsyn till skiftläge (banken skriver versaler)`,
        ),
      });
    }
  } else {
    outcome = 'mismatch';
    findings.push({
      level: 'error',
      code: 'mac-mismatch',
      field: 'NB_HMAC',
      message: text(
        `NB_HMAC does not match: with key ${chosen.index + 1}${ring.length > 1 ? ` of ${ring.length}` : ''} and ${encoding.toUpperCase()} the MAC of this string is ${details.mac}, the message says ${givenMac}`,
        `NB_HMAC stämmer inte: med nyckel ${chosen.index + 1}${ring.length > 1 ? ` av ${ring.length}` : ''} och ${encoding.toUpperCase()} är MAC:en för strängen ${details.mac}, men meddelandet har ${givenMac}`,
      ),
    });
    const other = ring.findIndex((_, i) => i !== chosen.index && macMatches(candidate(i)));
    if (other >= 0) {
      findings.push({
        level: 'warning',
        code: 'other-key',
        field: 'NB_HMAC',
        message: text(
          `Key ${other + 1}${entryRange(ring[other]!)} gives exactly this MAC: the message was signed with it, not with the key valid on ${date ?? 'its date'}. Keys change at a date boundary with no overlap — check the ring's dates before trusting it.`,
          `Nyckel ${other + 1}${entryRange(ring[other]!)} ger exakt den här MAC:en: meddelandet signerades med den, inte med nyckeln som gäller ${date ?? 'meddelandets datum'}. Nycklarna byts vid midnatt utan överlapp — kontrollera datumen i nyckelringen innan du litar på meddelandet.`,
        ),
      });
    }
  }

  if (result.kvv.matches === false) {
    const owner = ring.findIndex((e) => computeKvv(e.key) === compactHex(givenKvv!));
    findings.push({
      level: 'warning',
      code: 'kvv-mismatch',
      field: 'NB_KVV',
      message: text(
        `NB_KVV ${givenKvv} is not the KVV of the key used (${kvv})${owner >= 0 ? `; it is the KVV of key ${owner + 1}` : ': the bank signed with another key, or the key here is mistyped'}`,
        `NB_KVV ${givenKvv} är inte KVV för nyckeln som användes (${kvv})${owner >= 0 ? `; det är KVV för nyckel ${owner + 1}` : ': banken signerade med en annan nyckel, eller så är nyckeln här felskriven'}`,
      ),
    });
  }
  const order: Record<VerifyFinding['level'], number> = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => order[a.level] - order[b.level]);
  return { ...result, verified: outcome === 'verified', outcome };
}
