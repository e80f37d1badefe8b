/**
 * The bank's test page as a function: one row per field with its value, length and status
 * (`ok`, `warning` or `error`) and, when wrong, what is wrong and what would be right.
 * Every rule is derived from the field table in `fields.ts`.
 */
import { AMOUNT_PATTERN, parseAmount } from '../protocol/amount.ts';
import type { Encoding } from '../protocol/encoding.ts';
import { PAGE_URL, VERSION } from '../protocol/field-table.ts';
import { closestKnown, messageSpec, type FieldSpec, type MessageKind, type MessageSpec } from '../protocol/fields.ts';
import { compactHex, computeKvv, isHex32, normalizeKey, readHex } from '../protocol/key.ts';
import { computeMacDetails, messageStatus, toEntries, toRecord, type FieldInput, type MacComputation } from '../protocol/message.ts';
import { amountGrouping, currencySpace, hexWriting, kvvCheck, kvvMissing, macMismatch, macMissing, versionOld, type Direction } from './policy.ts';
import { hasValidCheckDigit, withCheckDigit, type CheckDigitScheme } from '../protocol/reference.ts';
import { EbetError, text, type Text } from '../protocol/text.ts';
import { formatZoned } from '../protocol/time.ts';

export type Level = 'ok' | 'warning' | 'error';

export interface ValidationRow {
  readonly name: string;
  /** The value as given; `null` for a mandatory field that is missing. */
  readonly value: string | null;
  /** Its length in characters. */
  readonly length: number;
  readonly level: Level;
  /** `true` unless the level is `error`. */
  readonly ok: boolean;
  /** A stable code for the finding: `ok`, `too-long`, `amount-decimal-point`, `missing`… */
  readonly code: string;
  readonly message: Text;
  /** A corrected value, when one can be given. */
  readonly suggestion?: string;
  /** The field's row in the handbook's table (absent for unknown fields). */
  readonly spec?: FieldSpec;
}

export interface ValidateOptions {
  /** A key to check NB_HMAC and NB_KVV against. */
  readonly key?: string;
  readonly encoding?: Encoding;
  /**
   * The check digit the shop puts at the end of its references (`luhn` or `731`): a reference
   * whose last digit is not that check digit gets the warning `reference-check-digit`.
   */
  readonly checkDigit?: CheckDigitScheme;
  /**
   * NB_STAMPs of earlier pay direct requests (of this shop), each with when it was used (an ISO
   * date-time) and, as a `UsedStamp`, in what: a pay direct whose NB_STAMP is among them gets the
   * warning `stamp-used`, which names that use and its time in Swedish time.
   */
  readonly usedStamps?: ReadonlyMap<string, string | UsedStamp>;
}

/** An earlier use of an NB_STAMP: when (an ISO date-time), and in what (”in the attempt made then (payment refused)”). */
export interface UsedStamp {
  readonly at: string;
  readonly in: Text;
}

const OK = text('OK', 'OK');

interface Finding {
  /** The policy's `info` shows its words on a row whose level stays `ok`. */
  level: Exclude<Level, 'ok'> | 'info';
  code: string;
  message: Text;
  suggestion?: string;
}

const err = (code: string, message: Text, suggestion?: string): Finding => ({
  level: 'error',
  code,
  message,
  ...(suggestion !== undefined ? { suggestion } : {}),
});
const warn = (code: string, message: Text, suggestion?: string): Finding => ({
  level: 'warning',
  code,
  message,
  ...(suggestion !== undefined ? { suggestion } : {}),
});

/** NB_HMAC or NB_KVV that is not 32 hexadecimal characters once white space is removed. */
function hexFinding(name: string, value: string): Finding | null {
  const { compact } = readHex(value);
  if (/^[0-9A-Fa-f]{64}$/.test(compact)) {
    return err(
      'untruncated',
      text(
        `${name} is the full 64-character HMAC; send only its first 32 characters`,
        `${name} är hela HMAC-värdet på 64 tecken; skicka bara de första 32 tecknen`,
      ),
      compact.slice(0, 32).toUpperCase(),
    );
  }
  const bad = /[^0-9A-Fa-f]/.exec(compact);
  if (bad) {
    return err(
      'not-hex',
      text(
        `${name} has "${bad[0]}" at position ${value.indexOf(bad[0]) + 1}; it must be 32 hexadecimal characters (0–9, A–F)`,
        `${name} har ”${bad[0]}” på position ${value.indexOf(bad[0]) + 1}; det ska vara 32 hexadecimala tecken (0–9, A–F)`,
      ),
    );
  }
  if (compact.length !== 32) {
    return err(
      'hex-length',
      text(
        `${name} is ${compact.length} hexadecimal characters; it must be exactly 32`,
        `${name} är ${compact.length} hexadecimala tecken; det ska vara exakt 32`,
      ),
    );
  }
  return null;
}

function urlFinding(name: string, value: string): Finding | null {
  if (/^\s*(javascript|data|vbscript|file):/i.test(value)) {
    return err(
      'url-scheme',
      text(
        `${name} uses a "${value.split(':')[0]}:" address; it must be an absolute http(s) URL of one page, e.g. https://shop.example/return.html`,
        `${name} är en ”${value.split(':')[0]}:”-adress; den ska vara en fullständig http(s)-URL till en sida, t.ex. https://butik.example/retur.html`,
      ),
    );
  }
  const m = PAGE_URL.exec(value);
  if (!m) {
    const relative = /^[/.]|^[\w-]+\.html?\b/i.test(value);
    return err(
      relative ? 'url-relative' : 'url-invalid',
      relative
        ? text(
            `${name} is relative ("${value}"); the bank needs an absolute http(s) URL, e.g. https://shop.example${value.startsWith('/') ? value : `/${value}`}`,
            `${name} är relativ (”${value}”); banken behöver en fullständig http(s)-URL, t.ex. https://butik.example${value.startsWith('/') ? value : `/${value}`}`,
          )
        : text(
            `${name} must be an absolute http(s) URL of one page without spaces, e.g. https://shop.example/return.html`,
            `${name} ska vara en fullständig http(s)-URL till en sida utan mellanslag, t.ex. https://butik.example/retur.html`,
          ),
    );
  }
  if (m[1]!.toLowerCase() === 'http' && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(m[3]!)) {
    return warn(
      'url-http',
      text(
        `${name} uses plain http; ${name === 'NB_RETURN' ? 'the bank’s answer then travels unencrypted' : 'the buyer then comes back over an unencrypted connection (nothing is posted to it)'} — use https`,
        `${name} använder okrypterad http; ${name === 'NB_RETURN' ? 'bankens svar skickas då okrypterat' : 'köparen kommer då tillbaka över en okrypterad anslutning (inget skickas dit)'} — använd https`,
      ),
      value.replace(/^http:/i, 'https:'),
    );
  }
  if (!m[5] || m[5] === '/') {
    return warn(
      'url-not-page',
      text(
        `${name} points at a site, not a page; the handbook asks for the URL of one specific page`,
        `${name} pekar på en webbplats, inte en sida; handboken kräver URL:en till en specifik sida`,
      ),
    );
  }
  return null;
}

const GROUPING = /[ \u00a0\u202f\u2009']|\d[.,]\d{3}[.,]/;

function amountFinding(name: string, value: string, fromBank: boolean): Finding | null {
  if (AMOUNT_PATTERN.test(value)) return null;
  const parsed = parseAmount(value);
  if (fromBank) {
    if (parsed && GROUPING.test(value.trim())) return amountGrouping('bankToShop', name, value, parsed.canonical);
    return parsed
      ? warn(
          'amount-format',
          text(
            `${name} "${value}" is ${parsed.canonical} in the handbook's form; the bank may change the format, and the MAC uses it exactly as received`,
            `${name} ”${value}” är ${parsed.canonical} i handbokens format; banken kan ändra formatet, och MAC:en beräknas på värdet exakt som det togs emot`,
          ),
        )
      : err('amount-invalid', text(`${name} "${value}" is not an amount`, `${name} ”${value}” är inget belopp`));
  }
  if (!parsed) {
    return err(
      'amount-invalid',
      text(
        `${name} "${value}" is not an amount; write digits, a decimal comma and two decimals: 550,00`,
        `${name} ”${value}” är inget belopp; skriv siffror, decimalkomma och två decimaler: 550,00`,
      ),
    );
  }
  const fix = parsed.canonical;
  if (value !== value.trim()) {
    return err('whitespace', text(`${name} has spaces around it; write ${fix}`, `${name} har mellanslag runt värdet; skriv ${fix}`), fix);
  }
  const ungrouped = value.replace(/[ \u00a0\u202f\u2009']/g, '').replace(/^(\d{1,3}(,\d{3})+)(\.\d{1,2})?$/, (_, int: string, _g, dec = '') => int.replace(/,/g, '') + dec);
  if (/^\d+\.\d{1,2}$/.test(ungrouped)) {
    return err(
      'amount-decimal-point',
      text(`${name} must use a decimal comma: ${fix}`, `${name} ska ha decimalkomma: ${fix}`),
      fix,
    );
  }
  if (GROUPING.test(value)) return amountGrouping('shopToBank', name, value, fix);
  return err(
    'amount-decimals',
    text(`${name} needs a decimal comma and two decimals: ${fix}`, `${name} behöver decimalkomma och två decimaler: ${fix}`),
    fix,
  );
}

function currencyFinding(name: string, value: string, fromBank: boolean): Finding | null {
  if (value === 'SEK' || value === 'EUR') return null;
  const fixed = value.trim().toUpperCase();
  if (value.trim() !== value && (value.trim() === 'SEK' || value.trim() === 'EUR')) {
    return currencySpace(fromBank ? 'bankToShop' : 'shopToBank', name, value);
  }
  if (fixed === 'SEK' || fixed === 'EUR') {
    return fromBank
      ? warn(
          'currency-format',
          text(
            `${name} "${value}" means ${fixed}; the bank may send it so, and the MAC uses it exactly as received`,
            `${name} ”${value}” betyder ${fixed}; banken kan skicka det så, och MAC:en beräknas på värdet exakt som det togs emot`,
          ),
        )
      : err('currency-format', text(`${name} must be written exactly ${fixed}`, `${name} ska skrivas exakt ${fixed}`), fixed);
  }
  return err(
    'currency-unknown',
    text(`${name} "${value}" is not allowed; the bank takes SEK or EUR`, `${name} ”${value}” är inte tillåtet; banken tar bara emot SEK eller EUR`),
  );
}

function referenceFinding(name: string, value: string, fromBank: boolean): Finding | null {
  if (/^0/.test(value)) {
    const fix = value.replace(/^0+/, '');
    const finding = fromBank ? warn : err;
    return finding(
      'reference-leading-zero',
      text(`${name} may not start with 0${fix ? `: ${fix}` : ''}`, `${name} får inte börja med 0${fix ? `: ${fix}` : ''}`),
      fix || undefined,
    );
  }
  return null;
}

const SCHEME_NAMES: Record<Exclude<CheckDigitScheme, 'none'>, Text> = {
  luhn: text('Luhn (modulus 10)', 'Luhn (modulus 10)'),
  '731': text('7-3-1', '7-3-1'),
};

/** Warnings for values the handbook allows but that trip integrations: a wrong check digit, a reused NB_STAMP. */
function optionFinding(spec: MessageSpec, field: FieldSpec, value: string, options: ValidateOptions): Finding | null {
  const scheme = options.checkDigit ?? 'none';
  if (field.rule === 'reference' && scheme !== 'none' && !hasValidCheckDigit(value, scheme)) {
    const digits = /^[0-9]{2,}$/.test(value);
    const fixed = digits ? withCheckDigit(value.slice(0, -1), scheme) : undefined;
    const name = SCHEME_NAMES[scheme];
    return warn(
      'reference-check-digit',
      digits
        ? text(
            `${field.name} ${value} does not end in its ${name.en} check digit: with ${value.slice(0, -1)} it would be ${fixed}`,
            `${field.name} ${value} slutar inte med sin kontrollsiffra enligt ${name.sv}: med ${value.slice(0, -1)} blir det ${fixed}`,
          )
        : text(
            `${field.name} "${value}" cannot carry a ${name.en} check digit: it needs at least two digits`,
            `${field.name} ”${value}” kan inte ha en kontrollsiffra enligt ${name.sv}: det behövs minst två siffror`,
          ),
      fixed,
    );
  }
  const used = spec.kind === 'payDirect' && field.name === 'NB_STAMP' ? options.usedStamps?.get(value) : undefined;
  if (used !== undefined) {
    const use = typeof used === 'string' ? { at: used, in: text('in an earlier payment', 'i en tidigare betalning') } : used;
    const moment = new Date(use.at);
    const when = Number.isNaN(moment.getTime())
      ? text(use.at, use.at)
      : text(`${formatZoned(moment, 'Europe/Stockholm')} Swedish time`, `${formatZoned(moment, 'Europe/Stockholm', false, 'sv')} svensk tid`);
    return warn(
      'stamp-used',
      text(
        `NB_STAMP ${value} was already used on ${when.en}, ${use.in.en}; the bank pays each NB_STAMP once, its guard against double billing — give every payment a new NB_STAMP`,
        `NB_STAMP ${value} användes redan ${when.sv}, ${use.in.sv}; banken betalar varje NB_STAMP bara en gång, som skydd mot dubbel fakturering — ge varje betalning ett nytt NB_STAMP`,
      ),
    );
  }
  return null;
}

function ruleFinding(spec: MessageSpec, field: FieldSpec, value: string): Finding | null {
  const fromBank = spec.direction === 'bankToShop';
  const { name } = field;
  switch (field.rule) {
    case 'version':
      if (value === '0001') return versionOld(spec.direction, value);
      return value === VERSION
        ? null
        : err(
            'version',
            text(
              `${name} is "${value}"; this version of the service takes exactly 0002 (the bank answers "felaktigt angiven version från butiken")`,
              `${name} är ”${value}”; den här versionen av tjänsten kräver exakt 0002 (banken svarar ”felaktigt angiven version från butiken”)`,
            ),
            VERSION,
          );
    case 'amount':
      return amountFinding(name, value, fromBank);
    case 'currency':
      return currencyFinding(name, value, fromBank);
    case 'reference':
      return referenceFinding(name, value, fromBank);
    case 'url':
      return urlFinding(name, value);
    case 'mac':
    case 'kvv':
      return hexFinding(name, value);
    case 'status': {
      const allowed = spec.statuses?.values ?? [];
      if (allowed.includes(value)) return null;
      const fixed = value.trim().toUpperCase();
      return allowed.includes(fixed)
        ? warn('status-format', text(`${name} "${value}" is read as ${fixed}`, `${name} ”${value}” läses som ${fixed}`), fixed)
        : err('status', text(`${name} is "${value}"; expected ${allowed.join(', ')}`, `${name} är ”${value}”; tillåtna värden: ${new Intl.ListFormat('sv', { type: 'disjunction' }).format(allowed)}`));
    }
    case 'rate':
      return /^\d+,\d+$/.test(value)
        ? null
        : warn('rate-format', text(`${name} "${value}" is not written like 8,91`, `${name} ”${value}” är inte skrivet i formatet 8,91`));
    default:
      return null;
  }
}

function formatFinding(spec: MessageSpec, field: FieldSpec, value: string): Finding | null {
  const { name, format } = field;
  const length = [...value].length;
  if (length > format.max) {
    if (spec.direction === 'bankToShop' && [...value.trim()].length <= format.max) {
      return warn(
        'padded',
        text(
          `${name} is ${length} characters with its padding; the handbook says at most ${format.max}, and the MAC uses it exactly as received`,
          `${name} är ${length} tecken med utfyllnad; handboken säger högst ${format.max}, och MAC:en beräknas på värdet exakt som det togs emot`,
        ),
      );
    }
    return err(
      'too-long',
      text(
        `${name} is ${length} characters; at most ${format.max}`,
        `${name} är ${length} tecken; högst ${format.max}`,
      ),
    );
  }
  const control = /[\x00-\x1f\x7f]/.exec(value);
  if (control) {
    const label = control[0] === '\t' ? 'a tab' : control[0] === '\n' || control[0] === '\r' ? 'a line break' : 'a control character';
    const labelSv = control[0] === '\t' ? 'en tabb' : control[0] === '\n' || control[0] === '\r' ? 'en radbrytning' : 'ett styrtecken';
    return err(
      'control-character',
      text(`${name} has ${label} at position ${control.index + 1}; remove it`, `${name} har ${labelSv} på position ${control.index + 1}; ta bort tecknet`),
      value.replace(/[\x00-\x1f\x7f]/g, ''),
    );
  }
  if (format.type === 'N' && field.rule !== 'version') {
    const bad = /[^0-9]/.exec(value);
    if (bad) {
      const digits = value.replace(/[^0-9]/g, '');
      return (spec.direction === 'bankToShop' ? warn : err)(
        'not-digits',
        text(
          `${name} must be digits only; "${bad[0] === ' ' ? 'space' : bad[0]}" at position ${bad.index + 1} is not a digit`,
          `${name} får bara innehålla siffror; ”${bad[0] === ' ' ? 'mellanslag' : bad[0]}” på position ${bad.index + 1} är ingen siffra`,
        ),
        digits || undefined,
      );
    }
  }
  if (value !== value.trim() && field.rule !== 'amount' && field.rule !== 'currency') {
    return warn(
      'whitespace',
      text(
        `${name} has ${/^\s/.test(value) ? 'leading' : 'trailing'} whitespace; it is sent and signed as it stands — remove it unless the other side expects it`,
        `${name} har ${/^\s/.test(value) ? 'inledande' : 'avslutande'} blanktecken; värdet skickas och signeras precis som det står — ta bort dem om inte mottagaren väntar sig dem`,
      ),
      value.trim(),
    );
  }
  return null;
}

function row(name: string, value: string | null, finding: Finding | null, spec?: FieldSpec): ValidationRow {
  const level: Level = !finding || finding.level === 'info' ? 'ok' : finding.level;
  return {
    name,
    value,
    length: value === null ? 0 : [...value].length,
    level,
    ok: level !== 'error',
    code: finding?.code ?? 'ok',
    message: finding?.message ?? OK,
    ...(finding?.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
    ...(spec ? { spec } : {}),
  };
}

interface KeyedFindings {
  /** The MAC and KVV this key gives, when it is valid and the MAC string can be built. */
  readonly expected: { readonly mac: string | null; readonly kvv: string } | null;
  /** NB_HMAC or NB_KVV against the key (the policy's `mac-mismatch`, `kvv-mismatch`, `kvv-key-as-text`). */
  readonly mac: Finding | null;
  readonly kvv: Finding | null;
  readonly keyError: Text | null;
}

function keyFindings(kind: MessageKind, fields: FieldInput, options: ValidateOptions, computed?: MacComputation | null): KeyedFindings {
  if (options.key === undefined) return { expected: null, mac: null, kvv: null, keyError: null };
  const direction = messageSpec(kind).direction;
  const record = toRecord(fields);
  let expectedKvv: string;
  try {
    normalizeKey(options.key);
    expectedKvv = computed?.kvv ?? computeKvv(options.key);
  } catch (error) {
    return { expected: null, mac: null, kvv: null, keyError: error instanceof EbetError ? error.text : text(String(error), String(error)) };
  }
  const givenKvv = record.NB_KVV ?? '';
  const kvv = givenKvv.trim() === '' ? null : kvvCheck(direction, givenKvv, options.key);
  let mac: Finding | null = null;
  let expectedMac: string | null = null;
  try {
    const encoding = options.encoding ?? 'utf-8';
    const details = computed !== undefined ? computed : computeMacDetails(kind, fields, options.key, { encoding });
    expectedMac = details?.mac ?? null;
    const given = record.NB_HMAC ?? '';
    if (details && isHex32(given) && compactHex(given) !== details.mac) {
      mac = macMismatch(direction, { mac: given, expected: details.mac, macString: details.macString, encoding }, text('the key', 'nyckeln'));
    }
  } catch (error) {
    if (!(error instanceof EbetError)) throw error;
  }
  return { expected: { mac: expectedMac, kvv: expectedKvv }, mac, kvv, keyError: null };
}

/** NB_HMAC or NB_KVV missing (`undefined`) or empty in a signed message: the policy's words, with what the key gives. */
function signatureMissing(direction: Direction, rule: 'mac' | 'kvv', value: string | undefined, keyed: KeyedFindings): Finding {
  if (rule === 'mac') return macMissing(direction, value, keyed.expected?.mac ?? null);
  return kvvMissing(direction, value, keyed.expected?.kvv ?? null);
}

/**
 * The unknown field names of a message that get a "did you mean" (the nearest field of the
 * handbook): the first ones. Those after them are reported as unknown all the same, without a
 * suggestion, so a paste of 100,000 made-up names is judged without 100,000 spelling searches.
 */
export const SUGGESTED_UNKNOWN = 50;

/**
 * One row per field given (in the order given), then a row per missing mandatory field.
 * With `options.key`, NB_HMAC and NB_KVV are also checked against that key; with
 * `options.checkDigit` references are checked for it, and with `options.usedStamps` a pay direct's
 * NB_STAMP is checked against earlier payments (both warnings).
 */
export function validateFields(kind: MessageKind, fields: FieldInput, options: ValidateOptions = {}): ValidationRow[] {
  return validateComputed(kind, fields, options);
}

/**
 * `validateFields` given what `computeMacDetails` already gave for `options.key` (so `verifyMessage`
 * computes the MAC and KVV once); `undefined` computes them here.
 */
export function validateComputed(kind: MessageKind, fields: FieldInput, options: ValidateOptions, computed?: MacComputation | null): ValidationRow[] {
  const spec = messageSpec(kind);
  const entries = toEntries(fields);
  const record = toRecord(entries);
  let status: string | undefined;
  try {
    status = messageStatus(spec, record);
  } catch {
    status = undefined;
  }
  const unsigned = status !== undefined && (spec.statuses?.unsigned.includes(status) ?? false);
  const keyed = keyFindings(kind, entries, options, computed);
  const seen = new Set<string>();
  const rows: ValidationRow[] = [];
  let unknown = 0;

  for (const { name, value } of entries) {
    const field = spec.fields.find((f) => f.name === name || f.aliases?.includes(name));
    if (seen.has(name)) {
      rows.push(
        row(
          name,
          value,
          err(
            'duplicate',
            text(`${name} is posted more than once; the bank reads one — remove this copy`, `${name} skickas mer än en gång; banken läser bara ett av dem — ta bort den här kopian`),
          ),
          field,
        ),
      );
      continue;
    }
    seen.add(name);
    if (!field) {
      // "Did you mean" for the first unknown names only: a paste of 100,000 made-up fields lists a few.
      const guess = unknown++ < SUGGESTED_UNKNOWN ? closestKnown(name) : null;
      const own = guess && spec.fields.some((f) => f.name === guess) ? guess : null;
      rows.push(
        row(
          name,
          value,
          own
            ? err(
                'misspelled-field',
                text(`${name} is not a field of this message; did you mean ${own}?`, `${name} är inget fält i detta meddelande; menade du ${own}?`),
                own,
              )
            : warn(
                'unknown-field',
                text(
                  `${name} is not part of ${spec.title.en}; it is not signed and the bank ignores it`,
                  `${name} ingår inte i ${spec.title.sv}; det signeras inte och banken bortser från det`,
                ),
              ),
        ),
      );
      continue;
    }
    let finding: Finding | null = null;
    if (field.aliases?.includes(name)) {
      finding = warn(
        'alias',
        text(
          `${name} is the spelling of the handbook's example; its table says ${field.name}`,
          `${name} är stavningen i handbokens exempel; handbokens tabell säger ${field.name}`,
        ),
        field.name,
      );
    }
    if (value === '') {
      const emptyAllowed = field.use === 'optional' || (unsigned && field.name !== 'NB_VERIFIED');
      if (!emptyAllowed && (field.rule === 'mac' || field.rule === 'kvv')) {
        finding = signatureMissing(spec.direction, field.rule, value, keyed);
      } else if (!emptyAllowed) {
        finding = err('empty', text(`${field.name} is empty; it is mandatory (${field.description.en})`, `${field.name} är tomt; fältet är obligatoriskt (${field.description.sv})`));
      } else if (unsigned && (field.rule === 'mac' || field.rule === 'kvv')) {
        finding = null;
      }
    } else {
      // A MAC or KVV is read as the policy compares it (white space removed): its own rule says it all.
      const hex = field.rule === 'mac' || field.rule === 'kvv';
      const ruleFirst = hex || field.rule === 'status' || field.rule === 'currency' || spec.direction === 'bankToShop';
      finding = hex
        ? (ruleFinding(spec, field, value) ?? finding)
        : ruleFirst
          ? (ruleFinding(spec, field, value) ?? formatFinding(spec, field, value) ?? finding)
          : (formatFinding(spec, field, value) ?? ruleFinding(spec, field, value) ?? finding);
      if (unsigned && field.rule === 'mac') {
        finding = warn(
          'mac-on-unsigned',
          text(`NB_VERIFIED is ${status}: the bank computes no MAC then, yet NB_HMAC has a value`, `NB_VERIFIED är ${status}: banken beräknar ingen MAC då, men NB_HMAC har ett värde`),
        );
      }
      if (!finding && field.rule === 'mac' && keyed.mac) finding = keyed.mac;
      if (!finding && field.rule === 'kvv' && keyed.kvv) finding = keyed.kvv;
      if (!finding && (field.rule === 'mac' || field.rule === 'kvv') && !unsigned) {
        finding = hexWriting(field.name as 'NB_HMAC' | 'NB_KVV', value, spec.direction)[0] ?? null;
      }
      finding ??= optionFinding(spec, field, value, options);
    }
    rows.push(row(name, value, finding, field));
  }

  for (const field of spec.fields) {
    if (field.use !== 'mandatory' || seen.has(field.name) || field.aliases?.some((a) => seen.has(a))) continue;
    const missing = unsigned
      ? warn(
          'missing',
          text(`${field.name} is missing (NB_VERIFIED is ${status})`, `${field.name} saknas (NB_VERIFIED är ${status})`),
        )
      : field.rule === 'mac' || field.rule === 'kvv'
        ? signatureMissing(spec.direction, field.rule, undefined, keyed)
        : err(
            'missing',
            text(`${field.name} is missing; it is mandatory (${field.description.en})`, `${field.name} saknas; fältet är obligatoriskt (${field.description.sv})`),
          );
    rows.push(row(field.name, null, missing, field));
  }
  if (keyed.keyError) {
    rows.push(row('key', null, err('key', keyed.keyError)));
  }
  return rows;
}

/** The overall verdict of a validation: the worst level of its rows. */
export function verdict(rows: readonly { readonly level: Level }[]): Level {
  if (rows.some((r) => r.level === 'error')) return 'error';
  if (rows.some((r) => r.level === 'warning')) return 'warning';
  return 'ok';
}
