/**
 * Reference numbers (NB_DB_REF): digits with no leading zero. The handbook asks nothing more;
 * many shops add a check digit, so both common schemes are offered by name.
 */

export type CheckDigitScheme = 'none' | 'luhn' | '731';

/** Swedish OCR references: the Luhn (modulus 10) check digit for a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Finnish references: the 7-3-1 weighted check digit for a string of digits. */
export function checkDigit731(digits: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[digits.length - 1 - i]) * weights[i % 3]!;
  }
  return (10 - (sum % 10)) % 10;
}

const CHECK_DIGIT: Record<Exclude<CheckDigitScheme, 'none'>, (digits: string) => number> = {
  luhn: luhnCheckDigit,
  '731': checkDigit731,
};

/** Whether the last digit of a reference is the right check digit under the scheme. */
export function hasValidCheckDigit(reference: string, scheme: CheckDigitScheme): boolean {
  if (scheme === 'none') return true;
  if (!/^[0-9]{2,}$/.test(reference)) return false;
  return CHECK_DIGIT[scheme](reference.slice(0, -1)) === Number(reference.slice(-1));
}

/** A reference with the scheme's check digit appended to `base` (digits). */
export function withCheckDigit(base: string, scheme: CheckDigitScheme): string {
  return scheme === 'none' ? base : base + CHECK_DIGIT[scheme](base);
}

/**
 * A new reference number: `length` digits (check digit included) with no leading zero.
 * `random` returns numbers in [0, 1); defaults to Math.random (a reference is not a secret).
 */
export function generateReference(scheme: CheckDigitScheme = 'none', length = 10, random: () => number = Math.random): string {
  const baseLength = Math.max(1, scheme === 'none' ? length : length - 1);
  let base = String(1 + Math.floor(random() * 9));
  while (base.length < baseLength) base += String(Math.floor(random() * 10));
  return withCheckDigit(base, scheme);
}
