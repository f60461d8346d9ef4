import type { Position, Range, Span } from './range';

/** Offset ↔ position for one version of a text; LineIndex builds it, an editor's document may already have it. */
export interface TextPositions {
  readonly lineCount: number;
  lineStart(line: number): number;
  positionAt(offset: number): Position;
  offsetAt(pos: Position): number;
  range(s: Span): Range;
}

/**
 * Maps offsets to line/character and back. Built once per text, lookups are a binary search,
 * so parsers can keep offsets and convert only the ranges that reach a diagnostic.
 */
export class LineIndex implements TextPositions {
  /** Line start offsets, packed: a registry dump has millions of lines, and an array of numbers costs twice as much. */
  private readonly starts: Uint32Array;

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))] ?? 0;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(pos.line);
    const next = pos.line + 1 < this.starts.length ? (this.starts[pos.line + 1] ?? this.text.length) : this.text.length;
    return Math.min(start + Math.max(0, pos.character), next);
  }

  range(s: Span): Range {
    return { start: this.positionAt(s.start), end: this.positionAt(s.end) };
  }
}

/** The offset each line of `text` starts at (CRLF, LF and a lone CR each end a line, as LSP defines it). */
export function lineStarts(text: string): Uint32Array {
  return text.includes('\r') ? startsWithCr(text) : startsLfOnly(text);
}

/** LF-only text, the common case: indexOf is vectorised by the engine and is several times faster than a char loop. */
function startsLfOnly(text: string): Uint32Array {
  const starts = new LineStarts();
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts.done();
}

/** Text with CR: CRLF and a lone CR each end a line, as LSP defines it. */
function startsWithCr(text: string): Uint32Array {
  const starts = new LineStarts();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts.done();
}

/** A growing list of line starts (the first is 0), cut to its length when done. */
class LineStarts {
  private data = new Uint32Array(1024);
  private n = 1;

  push(offset: number): void {
    if (this.n === this.data.length) {
      const grown = new Uint32Array(this.n * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.n++] = offset;
  }

  done(): Uint32Array {
    return this.data.slice(0, this.n);
  }
}
