/**
 * The candidate strings, by how many mistakes made them: 0 (the expected string), 1 (a tweak or a
 * shape), 2 (two tweaks, a tweak and a shape, or two shapes, where their causes pair and both are
 * cheap enough). Each is written into `parts` as pieces, then `run` is called; `made` holds its mistakes.
 */
import { SEPARATOR } from '../protocol/message.ts';
import { joinInto, type Piece, type Pieces } from './bytes.ts';
import { pairs } from './registry.ts';
import type { Shape, Tweak } from './types.ts';

export class Strings {
  /** The pieces of the current candidate. */
  // Stryker disable next-line ArrayDeclaration: emptied before each candidate
  readonly parts: Piece[] = [];
  /** The mistakes that made it: tweaks first, then shapes (selects before a join). */
  // Stryker disable next-line ArrayDeclaration: emptied before each candidate
  readonly made: Array<Tweak | Shape> = [];
  // Stryker disable next-line ArrayDeclaration: set by prepare before any stage reads it
  tweaks: Tweak[] = [];
  // Stryker disable next-line ArrayDeclaration: set by prepare before any stage reads it
  shapes: Shape[] = [];
  private readonly amp: Piece;
  private readonly values: Piece[];
  // Stryker disable next-line ArrayDeclaration: emptied before each use
  private readonly first: Piece[] = [];
  // Stryker disable next-line ArrayDeclaration: emptied before each use
  private readonly second: Piece[] = [];

  constructor(
    private readonly basePieces: readonly Piece[],
    pieces: Pieces,
  ) {
    this.amp = pieces.of(SEPARATOR);
    this.values = basePieces.slice();
  }

  private reset(): void {
    for (let i = 0; i < this.values.length; i++) this.values[i] = this.basePieces[i]!;
  }

  private apply(tweak: Tweak): void {
    for (let c = 0; c < tweak.changes.length; c++) this.values[tweak.changes[c]![0]] = tweak.changes[c]![1];
  }

  /** Writes the values through the shapes (selects in order, then a join or "&") into `parts`. */
  private build(a: Shape | null, b: Shape | null): void {
    let values: readonly Piece[] = this.values;
    let join: Shape | null = null;
    if (a && a.step === 'select') {
      this.first.length = 0;
      a.parts(values, this.first);
      values = this.first;
    } else join = a;
    if (b && b.step === 'select') {
      this.second.length = 0;
      b.parts(values, this.second);
      values = this.second;
    } else if (b) join = b;
    this.parts.length = 0;
    if (join) join.parts(values, this.parts);
    else joinInto(values, this.amp, this.parts);
  }

  /** Runs `run` on the current candidate, made by `a` and `b` (no rest arguments: no array per candidate). */
  private emit(run: () => void, a: Tweak | Shape | null = null, b: Tweak | Shape | null = null): void {
    const made = this.made;
    made.length = 0;
    if (a) made.push(a);
    if (b) made.push(b);
    run();
  }

  each(mistakes: number, run: () => void): void {
    this.reset();
    if (mistakes === 0) {
      this.build(null, null);
      this.emit(run);
    } else if (mistakes === 1) this.single(run);
    else this.double(run);
  }

  private single(run: () => void): void {
    for (const tweak of this.tweaks) {
      this.reset();
      this.apply(tweak);
      this.build(null, null);
      this.emit(run, tweak);
    }
    this.reset();
    for (const shape of this.shapes) {
      this.build(shape, null);
      this.emit(run, shape);
    }
  }

  /** The pairs of two mistakes, listed once per diagnosis (every stage from 2 on walks them). */
  private pairsMade: { withTweak: Shape[][]; tweakPairs: number[][]; shapePairs: Array<readonly [Shape, Shape]> } | null = null;

  private pairList(): NonNullable<Strings['pairsMade']> {
    // Stryker disable next-line ConditionalExpression: listing the pairs again gives the same list
    if (this.pairsMade) return this.pairsMade;
    const { tweaks, shapes } = this;
    const withTweak = tweaks.map((tweak) => shapes.filter((shape) => shape.pairable !== 'none' && pairs(tweak.cause, shape.cause)));
    // Two tweaks at two places (not one that changes every value), of causes that pair (a cause pairs with itself only if it says so).
    const tweakPairs = tweaks.map((tweak, i) => {
      const partners: number[] = [];
      for (let j = i + 1; j < tweaks.length; j++) {
        const other = tweaks[j]!;
        if (other.index !== tweak.index && other.index >= 0 && tweak.index >= 0 && pairs(tweak.cause, other.cause)) partners.push(j);
      }
      return partners;
    });
    const pairable = shapes.filter((shape) => shape.pairable === 'all');
    const shapePairs: Array<readonly [Shape, Shape]> = [];
    pairable.forEach((a, i) => {
      if (a.step === 'join') return;
      for (const b of pairable.slice(i + 1)) if (pairs(a.cause, b.cause)) shapePairs.push([a, b]);
    });
    return (this.pairsMade = { withTweak, tweakPairs, shapePairs });
  }

  private double(run: () => void): void {
    const { tweaks } = this;
    const { withTweak, tweakPairs, shapePairs } = this.pairList();
    for (let i = 0; i < tweaks.length; i++) {
      const tweak = tweaks[i]!;
      this.reset();
      this.apply(tweak);
      const shapes = withTweak[i]!;
      for (let k = 0; k < shapes.length; k++) {
        this.build(shapes[k]!, null);
        this.emit(run, tweak, shapes[k]!);
      }
      for (const j of tweakPairs[i]!) {
        const other = tweaks[j]!;
        this.reset();
        this.apply(tweak);
        this.apply(other);
        this.build(null, null);
        this.emit(run, tweak, other);
      }
    }
    this.reset();
    for (let p = 0; p < shapePairs.length; p++) {
      const [a, b] = shapePairs[p]!;
      this.build(a, b);
      this.emit(run, a, b);
    }
  }
}
