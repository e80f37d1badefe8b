/** A user-facing string in both of the toolkit's languages. Every message the core returns is one. */
export interface Text {
  readonly en: string;
  readonly sv: string;
}

export type Lang = keyof Text;

export const LANGS: readonly Lang[] = ['sv', 'en'];

/** Builds a bilingual text; a helper so call sites read as `text('…', '…')` in English-then-Swedish order. */
export function text(en: string, sv: string): Text {
  return { en, sv };
}

/**
 * A value quoted so whitespace, line breaks and no-break spaces are visible: `"SEK "`, `"1\u00a0234,50"`
 * in English; Swedish prose takes ”…” on both sides (`quoted(value, 'sv')`: `”SEK ”`).
 */
export function quoted(value: string, lang: Lang = 'en'): string {
  const visible = JSON.stringify(value).replace(/[\u00a0\u202f\u2007\u2009\u200b\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return lang === 'sv' ? `”${visible.slice(1, -1)}”` : visible;
}

/** An error from the protocol core: it names the field concerned and says what would be right, in both languages. */
export class EbetError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly text: Text;

  constructor(code: string, message: Text, field?: string) {
    super(message.en);
    this.name = 'EbetError';
    this.code = code;
    this.field = field;
    this.text = message;
  }
}

/** How many characters of a user's value a message quotes (see `excerpt`). */
export const EXCERPT_LENGTH = 60;

/**
 * A user's value as a message quotes it: whole when short, else its first characters (never half
 * a surrogate pair), `…` and its total length, so a 10 MB paste makes a one-line message.
 */
export function excerpt(value: string, max = EXCERPT_LENGTH): Text {
  if (value.length <= max) return { en: value, sv: value };
  let end = max;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  const head = value.slice(0, end);
  return {
    en: `${head}… (${value.length.toLocaleString('en-US')} characters)`,
    sv: `${head}… (${value.length.toLocaleString('sv-SE')} tecken)`,
  };
}
