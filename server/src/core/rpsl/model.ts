import type { Span } from '../text/range';
import type { SpanDiagnostic } from '../diagnostics/diagnostic';

/** A piece of an attribute value from one physical line, with comments and the continuation mark removed. */
export interface ValueSegment {
  /** Trimmed text of this line's part of the value. */
  readonly text: string;
  /** Document offset of text[0]. */
  readonly offset: number;
}

export interface RpslAttribute {
  /** Lower-cased name: attribute names are case-insensitive (RFC 2622 §2). */
  readonly name: string;
  readonly rawName: string;
  readonly nameSpan: Span;
  /** The value segments of the first line and every continuation line, in order; empty segments kept out. */
  readonly segments: readonly ValueSegment[];
  /** Segments joined by one space: what the value means, independent of how it was wrapped. */
  readonly value: string;
  /** From the first character of the name to the end of the last continuation line's text. */
  readonly span: Span;
  /** Span of the value in the document (first to last non-blank value character), or an empty span after the colon. */
  readonly valueSpan: Span;
}

export interface RpslObject {
  /** The first attribute's name, lower-cased: the object class. */
  readonly className: string;
  readonly attributes: readonly RpslAttribute[];
  readonly span: Span;
}

export interface RpslDocument {
  readonly objects: readonly RpslObject[];
  /** Framing errors: lines that are neither an attribute nor a continuation, and the like. */
  readonly diagnostics: readonly SpanDiagnostic[];
}

/**
 * Maps an offset in `attr.value` back to the document. Offsets that fall on a joining space map to the
 * end of the preceding segment, so a token never spans two lines in a reported range by accident.
 */
export function valueOffsetToDocument(attr: RpslAttribute, valueOffset: number): number {
  let pos = 0;
  for (const seg of attr.segments) {
    if (valueOffset <= pos + seg.text.length) return seg.offset + (valueOffset - pos);
    pos += seg.text.length + 1;
  }
  return attr.valueSpan.end;
}

/** The document span of `attr.value.slice(start, end)`. */
export function valueSpanToDocument(attr: RpslAttribute, start: number, end: number): Span {
  return { start: valueOffsetToDocument(attr, start), end: valueOffsetToDocument(attr, end) };
}

export function firstValue(obj: RpslObject, name: string): RpslAttribute | undefined {
  for (const a of obj.attributes) if (a.name === name) return a;
  return undefined;
}
