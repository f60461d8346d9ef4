/** Pieces beyond this many are joined into one string: lookups walk the pieces, and edits copy their list. */
const MAX_PIECES = 64;
/** Neighbouring pieces that together stay under this length are joined as they are made (typing adds one character at a time). */
const SMALL = 4096;

/**
 * An immutable text kept as the pieces edits left it. A 20 MB document edited the way strings are
 * (`a.slice(0, s) + t + a.slice(e)`) costs a copy of the whole text per keystroke as soon as anything reads the
 * result (the engine flattens the concatenation); here an edit slices the pieces it splits (V8 makes slices of
 * 13+ characters views into their string) and the whole text is joined only when someone reads it.
 */
export class PieceText {
  /** Offsets where each piece ends. */
  private ends: number[];

  private constructor(private pieces: string[]) {
    this.ends = new Array<number>(pieces.length);
    let at = 0;
    for (let k = 0; k < pieces.length; k++) this.ends[k] = at += pieces[k]!.length;
  }

  static of(text: string): PieceText {
    return new PieceText(text ? [text] : []);
  }

  get length(): number {
    return this.ends[this.ends.length - 1] ?? 0;
  }

  /** The whole text (joined once; this text keeps the joined string from then on). */
  toString(): string {
    if (this.pieces.length === 1) return this.pieces[0]!;
    const joined = this.pieces.join('');
    this.pieces = joined ? [joined] : [];
    this.ends = joined ? [joined.length] : [];
    return joined;
  }

  /** The UTF-16 code unit at `offset`, NaN outside the text (as String.prototype.charCodeAt). */
  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const k = this.pieceAt(offset);
    return this.pieces[k]!.charCodeAt(offset - this.startOf(k));
  }

  /** text[start, end), clamped to the text. */
  slice(start: number, end: number): string {
    const s = Math.max(0, Math.min(start, this.length));
    const e = Math.max(s, Math.min(end, this.length));
    if (s === e) return '';
    const first = this.pieceAt(s);
    const last = this.pieceAt(e - 1);
    if (first === last) return this.pieces[first]!.slice(s - this.startOf(first), e - this.startOf(first));
    const out = [this.pieces[first]!.slice(s - this.startOf(first))];
    for (let k = first + 1; k < last; k++) out.push(this.pieces[k]!);
    out.push(this.pieces[last]!.slice(0, e - this.startOf(last)));
    return out.join('');
  }

  /** This text with [start, end) (clamped) replaced by `text`. */
  replace(start: number, end: number, text: string): PieceText {
    const n = this.length;
    const s = Math.max(0, Math.min(start, n));
    const e = Math.max(s, Math.min(end, n));
    const out: string[] = [];
    // Whole pieces before the edit, then the part of the one it starts in.
    const first = s < n ? this.pieceAt(s) : this.pieces.length;
    for (let k = 0; k < first; k++) out.push(this.pieces[k]!);
    if (first < this.pieces.length) pushJoiningSmall(out, this.pieces[first]!.slice(0, s - this.startOf(first)));
    pushJoiningSmall(out, text);
    // The rest of the piece it ends in, then whole pieces after.
    const last = e < n ? this.pieceAt(e) : this.pieces.length;
    if (last < this.pieces.length) pushJoiningSmall(out, this.pieces[last]!.slice(e - this.startOf(last)));
    for (let k = last + 1; k < this.pieces.length; k++) out.push(this.pieces[k]!);
    return out.length > MAX_PIECES ? PieceText.of(out.join('')) : new PieceText(out);
  }

  private startOf(k: number): number {
    return k === 0 ? 0 : this.ends[k - 1]!;
  }

  /** The piece holding `offset` (0 <= offset < length). */
  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Appends `piece` (none if empty), joined with the last one when both are small. */
function pushJoiningSmall(out: string[], piece: string): void {
  if (!piece) return;
  const k = out.length - 1;
  if (k >= 0 && out[k]!.length + piece.length <= SMALL) out[k] += piece;
  else out.push(piece);
}
