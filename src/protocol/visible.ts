/**
 * Makes the invisible visible: splits a string into runs of plain text and of characters a person
 * cannot see or easily mistakes (spaces, tabs, no-break spaces, control, zero-width and direction
 * characters, lone surrogates, non-ASCII characters, and the MAC separator `&`). Renderers show
 * each kind in its own way; direction controls and the invisible ones as their code points.
 */

export type VisibleKind = 'text' | 'space' | 'tab' | 'nbsp' | 'newline' | 'control' | 'bidi' | 'nonAscii' | 'separator';

export interface VisibleSegment {
  readonly kind: VisibleKind;
  /** The characters themselves. */
  readonly text: string;
  /** What to show for them: `·` for a space, `→` for a tab, `⍽` for a no-break space, `U+00E5` labels… */
  readonly shown: string;
}

/** Direction controls: they reorder what follows (U+202E shows 054321 as 123450) and are invisible themselves. */
export const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Zero-width characters: there, but nothing shows them. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
/** Half of a surrogate pair, alone: no character at all (UTF-8 encodes it as U+FFFD). */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A character's code point as the Unicode standard writes it: `U+202E`. */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function kindOf(char: string, separators: boolean): VisibleKind {
  if (separators && char === '&') return 'separator';
  if (char === ' ') return 'space';
  if (char === '\t') return 'tab';
  if (char === '\n' || char === '\r') return 'newline';
  if (char === '\u00a0' || char === '\u202f' || char === '\u2007' || char === '\u2009') return 'nbsp';
  const code = char.codePointAt(0) ?? 0;
  if (BIDI_CONTROL.test(char)) return 'bidi';
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || ZERO_WIDTH.test(char) || (code >= 0xd800 && code <= 0xdfff)) return 'control';
  if (code > 0x7e) return 'nonAscii';
  return 'text';
}

function shownAs(kind: VisibleKind, char: string): string {
  switch (kind) {
    case 'space':
      return '·';
    case 'tab':
      return '→';
    case 'nbsp':
      return '⍽';
    case 'newline':
      return char === '\n' ? '↵' : '␍';
    case 'control':
    case 'bidi':
      return codePoint(char);
    default:
      return char;
  }
}

/** The string as segments; with `separators`, each `&` is a segment of its own (for MAC strings). */
export function visibleSegments(value: string, separators = false): VisibleSegment[] {
  const segments: VisibleSegment[] = [];
  for (const char of value) {
    const kind = kindOf(char, separators);
    const last = segments[segments.length - 1];
    if (last && last.kind === kind && (kind === 'text' || kind === 'nonAscii')) {
      segments[segments.length - 1] = { kind, text: last.text + char, shown: last.shown + shownAs(kind, char) };
    } else {
      segments.push({ kind, text: char, shown: shownAs(kind, char) });
    }
  }
  return segments;
}

/**
 * The string for plain text (a text export, a `title` tooltip): its direction controls, control and
 * zero-width characters and lone surrogates written as their code points in angle brackets
 * (`<U+202E>054321`, never shown as 123450); everything else, line breaks and tabs included, as it is.
 */
export function plainVisible(value: string): string {
  let out = '';
  for (const s of visibleSegments(value)) out += s.kind === 'bidi' || s.kind === 'control' ? `<${s.shown}>` : s.text;
  return out;
}

/** Whether a person could misread the value: it holds anything but plain printable ASCII. */
export function hasInvisibles(value: string): boolean {
  return visibleSegments(value).some((s) => s.kind !== 'text');
}
