/** A message written out for copying: an HTML form with hidden inputs, a URL-encoded body, JSON. */
import { encodeText, type Encoding } from './encoding.ts';
import { toEntries, type FieldInput } from './message.ts';

/** Escapes text for an HTML attribute value in double quotes. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `<form method="post" action="…">` with one hidden input per field, in order, and a submit button
 * saying `submitLabel` (by default ”Betala”, the word of a Swedish shop's pay button; give the page's
 * own words, e.g. ”Pay” on an English page), none with `null`: the bank's answers are posted by the
 * bank, not by a buyer's click.
 */
export function toHtmlForm(fields: FieldInput, action: string, submitLabel: string | null = 'Betala'): string {
  const inputs = toEntries(fields).map(
    ({ name, value }) => `  <input type="hidden" name="${escapeAttribute(name)}" value="${escapeAttribute(value)}">`,
  );
  return [
    `<form method="post" action="${escapeAttribute(action)}">`,
    ...inputs,
    ...(submitLabel === null ? [] : [`  <button type="submit">${escapeAttribute(submitLabel)}</button>`]),
    '</form>',
  ].join('\n');
}

const UNRESERVED = /[A-Za-z0-9*\-._]/;

/** `application/x-www-form-urlencoded` as browsers send it, with the values' bytes in the given encoding. */
export function toUrlEncoded(fields: FieldInput, encoding: Encoding = 'utf-8'): string {
  const encode = (s: string) => {
    let out = '';
    for (const char of s) {
      if (char === ' ') out += '+';
      else if (UNRESERVED.test(char)) out += char;
      else for (const byte of encodeText(char, encoding)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
  };
  return toEntries(fields)
    .map(({ name, value }) => `${encode(name)}=${encode(value)}`)
    .join('&');
}

/** The fields as a JSON object, in order. */
export function toJson(fields: FieldInput): string {
  const record: Record<string, string> = {};
  for (const { name, value } of toEntries(fields)) record[name] = value;
  return JSON.stringify(record, null, 2);
}
