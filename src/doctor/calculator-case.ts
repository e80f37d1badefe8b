/** The calculator's `#case=` link: fields and MAC only, never a key. */
import { encodeText, type Encoding } from '../protocol/encoding.ts';
import { MESSAGE_KINDS, type MessageKind } from '../protocol/fields.ts';
import { toRecord, type FieldInput } from '../protocol/message.ts';
import { text, type Text } from '../protocol/text.ts';
import { fromBase64url } from './given.ts';

/** A case the calculator opens from its URL fragment: fields and MAC only, never a key. */
export interface CalculatorCase {
  readonly kind: MessageKind | null;
  readonly fields: Record<string, string>;
  readonly mac: string;
  readonly encoding: Encoding;
}

const BAD_CASE = text(
  'The link’s case could not be read (it is cut off or altered); paste the fields instead',
  'Fallet i länken kunde inte läsas (länken är avkortad eller ändrad); klistra in fälten i stället',
);

/**
 * Reads the calculator's URL fragment `#case=<base64url of UTF-8 JSON {kind, fields, mac, encoding}>`
 * (as `calculatorCase` writes it). Anything else in the JSON — a key above all — is ignored.
 * Returns `null` when the fragment holds no case, and an error text when it holds a broken one.
 */
export function readCalculatorCase(fragment: string): { case: CalculatorCase | null; error: Text | null } {
  const match = /(?:^#?|&)case=([^&]*)/.exec(fragment);
  if (!match) return { case: null, error: null };
  let data: unknown = null;
  try {
    // Not base64url: null, which Array.from throws on. decodeURIComponent of %XX bytes is a strict UTF-8 decoder in plain ECMAScript.
    const bytes = fromBase64url(decodeURIComponent(match[1]!))!;
    data = JSON.parse(decodeURIComponent(Array.from(bytes, (b) => `%${b.toString(16).padStart(2, '0')}`).join('')));
  } catch {
    // Cut off or altered: no case (below).
  }
  if (typeof data !== 'object' || data === null) return { case: null, error: BAD_CASE };
  const raw = data as { kind?: unknown; fields?: unknown; mac?: unknown; encoding?: unknown };
  const fields: Record<string, string> = {};
  if (typeof raw.fields === 'object' && raw.fields !== null) {
    for (const [name, value] of Object.entries(raw.fields)) if (typeof value === 'string') fields[name] = value;
  }
  return {
    case: {
      kind: MESSAGE_KINDS.includes(raw.kind as MessageKind) ? (raw.kind as MessageKind) : null,
      fields,
      mac: typeof raw.mac === 'string' ? raw.mac : '',
      encoding: raw.encoding === 'iso-8859-1' ? 'iso-8859-1' : 'utf-8',
    },
    error: null,
  };
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += BASE64URL[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/**
 * The calculator's `#case=` fragment for a message: base64url of the UTF-8 JSON
 * `{kind, fields, mac, encoding}` — the fields and the MAC only, never a key.
 */
export function calculatorCase(kind: MessageKind, fields: FieldInput, encoding: Encoding = 'utf-8'): string {
  const record = toRecord(fields);
  const json = JSON.stringify({ kind, fields: record, mac: record.NB_HMAC ?? '', encoding });
  return `case=${base64url(encodeText(json, 'utf-8'))}`;
}
