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
  /** `valueSpan.start`, without making the span. */
  readonly valueStart: number;
  /** The value spans continuation lines (or a comment cut it): offsets in it map through `segments`. */
  readonly wrapped: boolean;
}

export interface RpslObject {
  /** The first attribute's name, lower-cased: the object class. */
  readonly className: string;
  readonly attributes: readonly RpslAttribute[];
  readonly span: Span;
  /**
   * The attributes whose value carries the comment `# Filtered`, when any: a whois server hid part of the
   * object (`auth: # Filtered`, `auth: MD5-PW # Filtered` without its hash, `source: RIPE # Filtered` on
   * an object whose e-mail: it left out). Absent for an object nobody filtered.
   */
  readonly filtered?: ReadonlySet<RpslAttribute>;
}

export interface RpslDocument {
  readonly objects: readonly RpslObject[];
  /** Framing errors: lines that are neither an attribute nor a continuation, and the like. */
  readonly diagnostics: readonly SpanDiagnostic[];
}

/** Where each segment starts in the joined value, for attributes with many continuation lines. */
const segmentStarts = new WeakMap<RpslAttribute, Int32Array>();

function startsOf(attr: RpslAttribute): Int32Array {
  let starts = segmentStarts.get(attr);
  if (!starts) {
    starts = new Int32Array(attr.segments.length);
    let pos = 0;
    attr.segments.forEach((seg, i) => {
      starts![i] = pos;
      pos += seg.text.length + 1;
    });
    segmentStarts.set(attr, starts);
  }
  return starts;
}

/**
 * Maps an offset in `attr.value` back to the document. Offsets that fall on a joining space map to the
 * end of the preceding segment, so a token never spans two lines in a reported range by accident.
 * Long values (a members list over thousands of lines) are searched by bisection, so reporting on every
 * item stays linear overall.
 */
export function valueOffsetToDocument(attr: RpslAttribute, valueOffset: number): number {
  // One line: the value is the document's text from valueStart (the common case, without segment objects).
  if (!attr.wrapped) return attr.value === '' ? attr.valueStart : attr.valueStart + Math.min(valueOffset, attr.value.length);
  const segs = attr.segments;
  if (segs.length > 8) {
    const starts = startsOf(attr);
    let lo = 0;
    let hi = segs.length - 1;
    // The first segment whose end (start + length) is at or after the offset.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (valueOffset <= (starts[mid] ?? 0) + (segs[mid]?.text.length ?? 0)) hi = mid;
      else lo = mid + 1;
    }
    const seg = segs[lo];
    const start = starts[lo] ?? 0;
    if (seg && valueOffset <= start + seg.text.length) return seg.offset + Math.max(0, valueOffset - start);
    return attr.valueSpan.end;
  }
  let pos = 0;
  for (const seg of segs) {
    if (valueOffset <= pos + seg.text.length) return seg.offset + (valueOffset - pos);
    pos += seg.text.length + 1;
  }
  return attr.valueSpan.end;
}

/** The document span of `attr.value.slice(start, end)`. */
export function valueSpanToDocument(attr: RpslAttribute, start: number, end: number): Span {
  return { start: valueOffsetToDocument(attr, start), end: valueOffsetToDocument(attr, end) };
}

/** A replacement of part of a value that is certain to be right. */
export interface ValueFix {
  readonly title: string;
  readonly newText: string;
  readonly preferred?: boolean;
}

/**
 * `fix` as the document fixes of a finding at `span`, the document span of value[start, end) — none when
 * that range crosses a continuation line: replacing it would join the lines.
 */
export function documentFixes(span: Span, start: number, end: number, fix: ValueFix | undefined): SpanDiagnostic['fixes'] {
  if (!fix || span.end - span.start !== end - start) return undefined;
  return [{ title: fix.title, ...(fix.preferred ? { preferred: true } : {}), edits: [{ span, newText: fix.newText }] }];
}

export function firstValue(obj: RpslObject, name: string): RpslAttribute | undefined {
  for (const a of obj.attributes) if (a.name === name) return a;
  return undefined;
}
