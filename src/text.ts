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
