/** Field collections as users give them, and the MAC string and MAC of a message. */
import { encodeText, type Encoding } from './encoding.ts';
import { messageSpec, type FieldSpec, type MessageKind, type MessageSpec } from './fields.ts';
import { keyBytes, computeKvv, hmacSha256, toHex, truncateMac } from './key.ts';
import { EbetError, text } from './text.ts';

export interface FieldEntry {
  readonly name: string;
  readonly value: string;
}

/** Fields as a name → value record, or as an ordered list that may hold duplicates. */
export type FieldInput = Readonly<Record<string, string>> | readonly FieldEntry[];

export const SEPARATOR = '&';

export function toEntries(input: FieldInput): FieldEntry[] {
  const pairs: Array<[string, unknown]> = Array.isArray(input) ? input.map((e) => [e.name, e.value]) : Object.entries(input);
  return pairs.filter(([, value]) => value !== undefined && value !== null).map(([name, value]) => ({ name, value: String(value) }));
}

/** Name → value, the first occurrence of a name winning (duplicates are reported by validation). */
export function toRecord(input: FieldInput): Record<string, string> {
  const record: Record<string, string> = {};
  for (const { name, value } of toEntries(input)) {
    if (!(name in record)) record[name] = value;
  }
  return record;
}

/** The value of a field within a message, found by its name or an alias. */
export function fieldValue(spec: FieldSpec, record: Readonly<Record<string, string>>): string | undefined {
  if (record[spec.name] !== undefined) return record[spec.name];
  for (const alias of spec.aliases ?? []) if (record[alias] !== undefined) return record[alias];
  return undefined;
}

/**
 * The NB_VERIFIED status of a response, checked against the statuses its table allows;
 * `undefined` for messages that have none.
 */
export function messageStatus(spec: MessageSpec, record: Readonly<Record<string, string>>): string | undefined {
  if (!spec.statuses) return undefined;
  const raw = record.NB_VERIFIED;
  const allowed = spec.statuses.values.join(', ');
  if (raw === undefined) {
    throw new EbetError(
      'missing-field',
      text(
        `NB_VERIFIED is missing; it decides which fields are signed (${allowed})`,
        `NB_VERIFIED saknas; det avgör vilka fält som signeras (${allowed})`,
      ),
      'NB_VERIFIED',
    );
  }
  const status = raw.trim().toUpperCase();
  if (!spec.statuses.values.includes(status)) {
    throw new EbetError(
      'bad-status',
      text(`NB_VERIFIED is "${raw}"; expected ${allowed}`, `NB_VERIFIED är ”${raw}”; tillåtna värden: ${new Intl.ListFormat('sv', { type: 'disjunction' }).format(spec.statuses.values)}`),
      'NB_VERIFIED',
    );
  }
  return status;
}

/** The fields signed for this message and status, in MAC order, with their values exactly as given. */
export function signedFields(kind: MessageKind, fields: FieldInput): FieldEntry[] | null {
  const spec = messageSpec(kind);
  const record = toRecord(fields);
  const status = messageStatus(spec, record);
  if (status !== undefined && spec.statuses?.unsigned.includes(status)) return null;
  const signed: FieldEntry[] = [];
  for (const f of spec.fields) {
    if (!f.mac || (f.mac === 'YES' && status !== 'YES')) continue;
    const value = fieldValue(f, record);
    if (value === undefined || value === '') {
      if (f.use === 'optional') continue;
      throw new EbetError(
        'missing-field',
        value === undefined
          ? text(
              `${f.name} is missing; it is mandatory and signed (${f.description.en})`,
              `${f.name} saknas; fältet är obligatoriskt och signeras (${f.description.sv})`,
            )
          : text(`${f.name} is empty; it is mandatory and signed`, `${f.name} är tomt; fältet är obligatoriskt och signeras`),
        f.name,
      );
    }
    signed.push({ name: f.name, value });
  }
  return signed;
}

/** The exact string that is signed: the signed values joined with `&`; `null` where no MAC exists (ERR). */
export function macString(kind: MessageKind, fields: FieldInput): string | null {
  const signed = signedFields(kind, fields);
  return signed ? signed.map((f) => f.value).join(SEPARATOR) : null;
}

export interface MacOptions {
  /** How values become bytes; UTF-8 unless told otherwise. */
  readonly encoding?: Encoding;
}

/** Everything about one MAC computation, for display. */
export interface MacComputation {
  readonly kind: MessageKind;
  readonly encoding: Encoding;
  readonly signedFields: FieldEntry[];
  readonly macString: string;
  readonly bytes: Uint8Array;
  /** The full HMAC-SHA256, 64 upper-case hexadecimal characters. */
  readonly hmac: string;
  /** The protocol's MAC: the first 32 characters of `hmac`. */
  readonly mac: string;
  readonly kvv: string;
}

/** The signed string's bytes; a character the encoding cannot hold is an error naming its field and its position in the value. */
export function encodeSigned(signed: readonly FieldEntry[], string: string, encoding: Encoding): Uint8Array {
  try {
    return encodeText(string, encoding);
  } catch (error) {
    if (!(error instanceof EbetError)) throw error;
    for (const f of signed) {
      try {
        encodeText(f.value, encoding);
      } catch (inner) {
        if (!(inner instanceof EbetError)) throw inner;
        throw new EbetError(inner.code, text(`${f.name}: ${inner.text.en}`, `${f.name}: ${inner.text.sv}`), f.name);
      }
    }
    throw error;
  }
}

/** The MAC computation in full; `null` where the handbook says no MAC is computed. */
export function computeMacDetails(
  kind: MessageKind,
  fields: FieldInput,
  key: string,
  options: MacOptions = {},
): MacComputation | null {
  const encoding = options.encoding ?? 'utf-8';
  const rawKey = keyBytes(key);
  const signed = signedFields(kind, fields);
  if (!signed) return null;
  const string = signed.map((f) => f.value).join(SEPARATOR);
  const bytes = encodeSigned(signed, string, encoding);
  const full = hmacSha256(rawKey, bytes);
  return {
    kind,
    encoding,
    signedFields: signed,
    macString: string,
    bytes,
    hmac: toHex(full),
    mac: truncateMac(full),
    kvv: computeKvv(key),
  };
}

/**
 * The 32-character MAC of a message (NB_HMAC). Bad input throws an `EbetError`: `key-not-hex`,
 * `key-length`, `unknown-kind`, `missing-field`, `bad-status`, `not-latin1`, and `no-mac` for an
 * answer with NB_VERIFIED=ERR, for which the handbook computes no MAC (`macString` is then `null`).
 */
export function computeMac(kind: MessageKind, fields: FieldInput, key: string, options: MacOptions = {}): string {
  const details = computeMacDetails(kind, fields, key, options);
  if (!details) {
    throw new EbetError(
      'no-mac',
      text('NB_VERIFIED is ERR: the bank computes no MAC for this answer', 'NB_VERIFIED är ERR: banken beräknar ingen MAC för detta svar'),
      'NB_VERIFIED',
    );
  }
  return details.mac;
}

/** The message's fields with NB_HMAC and NB_KVV set for the key (other fields kept in their order). */
export function signMessage(
  kind: MessageKind,
  fields: FieldInput,
  key: string,
  options: MacOptions = {},
): Record<string, string> {
  const details = computeMacDetails(kind, fields, key, options);
  return { ...toRecord(fields), NB_HMAC: details?.mac ?? '', NB_KVV: details ? details.kvv : '' };
}
