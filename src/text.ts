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
