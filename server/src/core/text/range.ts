/** 0-based line and UTF-16 character, as in LSP, so core ranges pass to the protocol unchanged. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A half-open span of a document by UTF-16 offsets; what parsers keep, since it is cheap to carry. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}
