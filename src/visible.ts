/**
 * Makes the invisible visible: splits a string into runs of plain text and of characters a person
 * cannot see or easily mistakes (spaces, tabs, no-break spaces, control and non-ASCII characters,
 * and the MAC separator `&`). Renderers show each kind in its own way.
 */

export type VisibleKind = 'text' | 'space' | 'tab' | 'nbsp' | 'newline' | 'control' | 'nonAscii' | 'separator';

export interface VisibleSegment {
  readonly kind: VisibleKind;
  /** The characters themselves. */
  readonly text: string;
  /** What to show for them: `·` for a space, `→` for a tab, `⍽` for a no-break space, `U+00E5` labels… */
  readonly shown: string;
}

function kindOf(char: string, separators: boolean): VisibleKind {
  if (separators && char === '&') return 'separator';
  if (char === ' ') return 'space';
  if (char === '\t') return 'tab';
  if (char === '\n' || char === '\r') return 'newline';
  if (char === '\u00a0' || char === '\u202f' || char === '\u2007' || char === '\u2009') return 'nbsp';
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0x200b || code === 0xfeff) return 'control';
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
      return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
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

/** Whether a person could misread the value: it holds anything but plain printable ASCII. */
export function hasInvisibles(value: string): boolean {
  return visibleSegments(value).some((s) => s.kind !== 'text');
}
