/**
 * Character sets as the input declares them, and what a value says about how it was read: a page's
 * `<meta charset>`, a request's or HAR entry's `Content-Type`, and percent-escapes the parser read
 * as ISO-8859-1 name the encoding the doctor verifies in first; a U+FFFD in a signed value says the
 * message was read with the wrong one.
 */
import { ENCODING_NAMES, type Encoding } from '../protocol/encoding.ts';
import type { FieldEntry } from '../protocol/message.ts';
import { quoted, text, type Text } from '../protocol/text.ts';
import type { CharsetSource } from './types.ts';

export const CHARSET_SOURCES: Readonly<Record<CharsetSource, Text>> = {
  meta: text('the page’s <meta charset>', 'sidans <meta charset>'),
  'content-type': text('its Content-Type', 'Content-Type'),
  'latin1-escapes': text('its percent-escapes, which are ISO-8859-1', 'procentkodningen, som är ISO-8859-1'),
};

/**
 * Where a MAC was checked, in the words the doctor and the decoder both use: "in ISO-8859-1
 * (Latin-1) (declared by the page’s <meta charset>)", or without the parenthesis when nothing declared it.
 */
export function checkedIn(encoding: Encoding, source: CharsetSource | null): Text {
  const how = source ? CHARSET_SOURCES[source] : null;
  return text(`in ${ENCODING_NAMES[encoding].en}${how ? ` (declared by ${how.en})` : ''}`, `i ${ENCODING_NAMES[encoding].sv}${how ? ` (angiven i ${how.sv})` : ''}`);
}

/** The encoding a charset label names, or `null` for one the doctor does not know. */
export function encodingOfLabel(label: string): Encoding | null {
  const name = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (/^(?:iso-?8859-1|latin-?1|l1|windows-1252|cp1252|iso_8859-1(?::1987)?)$/.test(name)) return 'iso-8859-1';
  return null;
}

/**
 * The character set an input declares: a `<meta charset>` or `<meta http-equiv=Content-Type>` in a
 * page, a `Content-Type` with a charset, or the parser's `latin1-escapes` problem; `null` when none.
 */
export function declaredCharset(input: { readonly text?: string; readonly contentType?: string; readonly problemCodes?: readonly string[] }): { encoding: Encoding; source: CharsetSource } | null {
  const fromType = input.contentType ? /charset\s*=\s*([^;\s]+)/i.exec(input.contentType) : null;
  const typed = fromType ? encodingOfLabel(fromType[1]!) : null;
  if (typed) return { encoding: typed, source: 'content-type' };
  const meta = input.text ? /<meta\b[^>]*\bcharset\s*=\s*["']?([\w:-]+)/i.exec(input.text.slice(0, 4096)) : null;
  const declared = meta ? encodingOfLabel(meta[1]!) : null;
  if (declared) return { encoding: declared, source: 'meta' };
  if (input.problemCodes?.includes('latin1-escapes')) return { encoding: 'iso-8859-1', source: 'latin1-escapes' };
  return null;
}

/** The Latin-1 letters a U+FFFD most likely stands for in Swedish text. */
export const LIKELY_LATIN1 = ['å', 'ä', 'ö', 'Å', 'Ä', 'Ö', 'é'];

/** A warning for each signed value that holds U+FFFD, with the likely ISO-8859-1 originals. */
export function replacementWarnings(base: readonly FieldEntry[]): Text[] {
  return base
    .filter((e) => e.value.includes('\ufffd'))
    .map((e) => {
      const likely = LIKELY_LATIN1.slice(0, 3).map((letter) => e.value.replaceAll('\ufffd', letter));
      return text(
        `${e.name} holds U+FFFD (�), the replacement character: the message was read with the wrong character set (ISO-8859-1 bytes decoded as UTF-8, as ASP.NET does by default), and the MAC was made over the original. Its ISO-8859-1 original was likely ${likely.map((v) => quoted(v)).join(', ')}…: read the body in ISO-8859-1 (the charset of its Content-Type) and check again.`,
        `${e.name} innehåller U+FFFD (�), ersättningstecknet: meddelandet har lästs med fel teckenuppsättning (byte i ISO-8859-1 avkodade som UTF-8, vilket ASP.NET gör som standard), men MAC:en beräknades på originalvärdet. I ISO-8859-1 var värdet troligen ${likely.map((v) => quoted(v, 'sv')).join(', ')}…: läs innehållet som ISO-8859-1 (den teckenuppsättning som anges i Content-Type) och kontrollera igen.`,
      );
    });
}

