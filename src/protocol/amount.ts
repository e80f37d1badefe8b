/** Amounts: the handbook's decimal-comma form (`990,00`) and amounts compared by meaning. */
import { EbetError, text } from './text.ts';

/** The handbook's form: digits, a decimal comma, two decimals. */
export const AMOUNT_PATTERN = /^[0-9]+,[0-9]{2}$/;

/** Thousands separators seen in the wild: space, no-break space, narrow no-break space, apostrophe. */
const GROUP_SEPARATORS = /[ \u00a0\u202f\u2009']/g;

export interface ParsedAmount {
  /** The amount in hundredths (öre, cent). */
  readonly hundredths: number;
  /** The handbook's form of the same amount: `1234,50`. */
  readonly canonical: string;
}

/**
 * Reads an amount by its meaning, whatever its format: `550,00`, `550.00`, `550`, `1 234,50`,
 * `1.234,50`, `1,234.50`, ` 550,00`. Returns `null` when it is not an amount or is ambiguous
 * (`1,234` could be either).
 */
export function parseAmount(value: string): ParsedAmount | null {
  const compact = value.trim().replace(GROUP_SEPARATORS, '');
  let integer: string;
  let decimals = '';
  const both = /^([0-9]{1,3}(?:([.,])[0-9]{3})*)([.,])([0-9]{1,2})$/.exec(compact);
  if (/^[0-9]+$/.test(compact)) {
    integer = compact;
  } else if (/^[0-9]+[.,][0-9]{1,2}$/.test(compact)) {
    [integer, decimals] = compact.split(/[.,]/) as [string, string];
  } else if (both && both[2] && both[2] !== both[3]) {
    integer = both[1]!.replace(/[.,]/g, '');
    decimals = both[4]!;
  } else {
    return null;
  }
  if (integer.length > 15) return null;
  const hundredths = Number(integer) * 100 + Number(decimals.padEnd(2, '0'));
  return { hundredths, canonical: formatAmount(hundredths) };
}

/** Hundredths as the handbook writes them: `123450` → `1234,50`. */
export function formatAmount(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const cents = String(hundredths % 100).padStart(2, '0');
  return `${whole},${cents}`;
}

/**
 * The handbook's form of an amount given as `550,00`, `550.00` or `550`; throws a clear error
 * naming the field for anything else.
 */
export function normalizeAmount(value: string, field = 'NB_DB_AMOUNT'): string {
  const parsed = parseAmount(value);
  if (!parsed) {
    throw new EbetError(
      'bad-amount',
      text(
        `${field} "${value}" is not an amount; write it like 550,00 (or 550.00 or 550)`,
        `${field} ”${value}” är inget belopp; skriv det som 550,00 (eller 550.00 eller 550)`,
      ),
      field,
    );
  }
  return parsed.canonical;
}

/** Two amounts by meaning: `550,00` is `550.00` is `550` (the bank may write an answer's amount otherwise). */
export function sameAmount(a: string, b: string): boolean {
  const pa = parseAmount(a);
  const pb = parseAmount(b);
  return pa !== null && pb !== null && pa.hundredths === pb.hundredths;
}

/** Two currencies by meaning: ` SEK` is `SEK` (the handbook's answers write it so). */
export function sameCurrency(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}
