/**
 * The candidate strings, by how many mistakes made them: 0 (the expected string), 1 (a tweak or a
 * shape), 2 (two tweaks, a tweak and a shape, or two shapes, where their causes pair and both are
 * cheap enough). Each is written into `parts` as pieces, then `run` is called; `made` holds its mistakes.
 */
import { SEPARATOR } from '../message.ts';
import { joinInto, type Piece, type Pieces } from './bytes.ts';
import { pairs } from './registry.ts';
import type { Shape, Tweak } from './types.ts';

export class Strings {
  /** The pieces of the current candidate. */
  readonly parts: Piece[] = [];
  /** The mistakes that made it: tweaks first, then shapes (selects before a join). */
  readonly made: Array<Tweak | Shape> = [];
  tweaks: Tweak[] = [];
  shapes: Shape[] = [];
  private readonly amp: Piece;
  private readonly values: Piece[];
  private readonly first: Piece[] = [];
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

  private double(run: () => void): void {
    const { tweaks, shapes } = this;
    for (let i = 0; i < tweaks.length; i++) {
      const tweak = tweaks[i]!;
      this.reset();
      this.apply(tweak);
      for (const shape of shapes) {
        if (shape.pairable === 'none' || !pairs(tweak.cause, shape.cause)) continue;
        this.build(shape, null);
        this.emit(run, tweak, shape);
      }
      for (let j = i + 1; j < tweaks.length; j++) {
        const other = tweaks[j]!;
        if (other.cause === tweak.cause || other.index === tweak.index || other.index < 0 || tweak.index < 0 || !pairs(tweak.cause, other.cause)) continue;
        this.reset();
        this.apply(tweak);
        this.apply(other);
        this.build(null, null);
        this.emit(run, tweak, other);
      }
    }
    this.reset();
    const pairable = shapes.filter((s) => s.pairable === 'all');
    for (let i = 0; i < pairable.length; i++) {
      const a = pairable[i]!;
      if (a.step === 'join') continue;
      for (let j = i + 1; j < pairable.length; j++) {
        const b = pairable[j]!;
        if (a.cause === b.cause || !pairs(a.cause, b.cause)) continue;
        this.build(a, b);
        this.emit(run, a, b);
      }
    }
  }
}
