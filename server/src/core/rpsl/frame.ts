import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { RpslAttribute, RpslDocument, RpslObject, ValueSegment } from './model';

/** Receives what the framer finds, in document order, so a caller can validate and drop each object. */
export interface FrameSink {
  object(obj: RpslObject): void;
  diagnostic(d: SpanDiagnostic): void;
}

export interface FrameOptions {
  /** Where to start and stop (both at line starts, or `to` at the end of the text). */
  readonly from?: number;
  readonly to?: number;
  /** The line before `from` was blank: a continuation line at `from` then splits an object. */
  readonly afterBlank?: boolean;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/** RFC 2622 §2: attribute names are letters, digits, "-" and "_", starting with a letter or digit. */
function isNameStart(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || c === 45 || c === 95;
}

/** 0: not a valid attribute name; 1: valid and lower case; 2: valid with upper-case letters. */
function nameKind(text: string, from: number, to: number): 0 | 1 | 2 {
  if (from >= to || !isNameStart(text.charCodeAt(from))) return 0;
  let upper = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isNameChar(c)) return 0;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? 2 : 1;
}

/** The first `ch` in text[from, to), or -1; bounded by the line, unlike indexOf, so a scan never runs ahead. */
function indexInLine(text: string, ch: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === ch) return i;
  return -1;
}

/** Where a `#` starts an end-of-line comment (RFC 2622 §2: everything after # is a comment). */
function commentStart(text: string, from: number, to: number): number {
  const i = indexInLine(text, 35, from, to);
  return i < 0 ? to : i;
}

function trimmedSegment(text: string, from: number, to: number): ValueSegment | undefined {
  let s = from;
  let e = to;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  return s < e ? { text: text.slice(s, e), offset: s } : undefined;
}

interface Building {
  rawName: string;
  name: string;
  nameStart: number;
  nameEnd: number;
  segments: ValueSegment[];
  end: number;
}

/**
 * Splits RPSL text into objects and attributes and hands each to `sink` as soon as it is complete. Never
 * throws: every line that fits nowhere becomes a diagnostic and the scan goes on with the next line, so
 * one bad line never hides the rest of a file. One pass, each character looked at a bounded number of times.
 *
 * Lines: empty → ends the object; `#…` → comment; `%…` → whois server remark; leading space, tab or `+` →
 * continuation; `name: value` → attribute. A line of only spaces is a continuation for IRRd and RIPE, so it
 * ends the object only when no continuation follows, and is reported when an attribute follows (the
 * registries would merge the two objects).
 */
export function frameRpslInto(text: string, sink: FrameSink, options: FrameOptions = {}): void {
  const stop = Math.min(options.to ?? text.length, text.length);
  let attrs: RpslAttribute[] = [];
  let objStart = -1;
  let current: Building | undefined;
  let afterBlank = options.afterBlank ?? false;
  /** Start/end of the first line of only spaces met inside the current object, until resolved. */
  let wsStart = -1;
  let wsEnd = -1;
  let wsPrevEnd = -1;

  const flushAttr = (): void => {
    if (!current) return;
    const segs = current.segments;
    const first = segs[0];
    const last = segs[segs.length - 1];
    let value = '';
    if (segs.length === 1 && first) value = first.text;
    else if (segs.length > 1) value = segs.map((s) => s.text).join(' ');
    attrs.push({
      name: current.name,
      rawName: current.rawName,
      nameSpan: { start: current.nameStart, end: current.nameEnd },
      segments: segs,
      value,
      span: { start: current.nameStart, end: current.end },
      valueSpan: first && last ? { start: first.offset, end: last.offset + last.text.length } : { start: current.nameEnd + 1, end: current.nameEnd + 1 },
    });
    current = undefined;
  };
  const flushObject = (end: number): void => {
    flushAttr();
    const first = attrs[0];
    if (first) sink.object({ className: first.name, attributes: attrs, span: { start: objStart, end } });
    attrs = [];
    objStart = -1;
  };

  let pos = options.from ?? 0;
  let prevLineEnd = pos;
  while (pos <= stop) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0 || eol > stop) eol = stop;
    const lineEnd = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const first = pos < lineEnd ? text.charCodeAt(pos) : -1;
    let onlySpaces = first !== -1 && isBlank(first);
    if (onlySpaces) for (let i = pos + 1; i < lineEnd; i++) if (!isBlank(text.charCodeAt(i))) { onlySpaces = false; break; }

    if (first === -1) {
      // Empty line: ends the object (and settles a pending line of spaces as harmless).
      if (objStart >= 0) flushObject(wsStart >= 0 ? wsPrevEnd : prevLineEnd);
      wsStart = -1;
      afterBlank = true;
    } else if (onlySpaces) {
      if (objStart >= 0 && wsStart < 0) {
        wsStart = pos;
        wsEnd = lineEnd;
        wsPrevEnd = prevLineEnd;
      } else if (objStart < 0) afterBlank = true;
    } else if (first === 35 /* # */ || first === 37 /* % */) {
      // Whole-line comment or whois server remark: ignored, does not end the object.
    } else if (first === 32 || first === 9 || first === 43 /* + */) {
      wsStart = -1; // a line of spaces followed by a continuation is an empty continuation line
      const from = first === 43 ? pos + 1 : pos;
      if (current) {
        const seg = trimmedSegment(text, from, commentStart(text, from, lineEnd));
        if (seg) current.segments.push(seg);
        current.end = lineEnd;
      } else {
        const s = trimmedSegment(text, pos, lineEnd);
        const span = s ? { start: s.offset, end: s.offset + s.text.length } : { start: pos, end: lineEnd };
        if (afterBlank && objStart < 0)
          sink.diagnostic({
            code: 'rpsl/split-object',
            severity: 'error',
            span,
            message:
              'A blank line ended the object, so this continuation line belongs to no attribute. Remove the blank line above, or start the line with "name:".',
          });
        else
          sink.diagnostic({
            code: 'rpsl/orphan-continuation',
            severity: 'error',
            span,
            message: 'A continuation line (starting with a space, tab or "+") must follow an attribute. Start the line with "name:".',
          });
      }
    } else {
      const nameEnd = indexInLine(text, 58 /* : */, pos, lineEnd);
      const kind = nameEnd > pos ? nameKind(text, pos, nameEnd) : 0;
      if (kind !== 0) {
        if (wsStart >= 0) {
          sink.diagnostic({
            code: 'rpsl/whitespace-line',
            severity: 'error',
            span: { start: wsStart, end: wsEnd },
            message:
              'This line holds only spaces: registries read it as a continuation line, so the objects before and after it merge into one. Delete the spaces to make it an empty line.',
            fixes: [{ title: 'Delete the spaces', preferred: true, edits: [{ span: { start: wsStart, end: wsEnd }, newText: '' }] }],
          });
          flushObject(wsPrevEnd);
          wsStart = -1;
        }
        flushAttr();
        if (objStart < 0) objStart = pos;
        const seg = trimmedSegment(text, nameEnd + 1, commentStart(text, nameEnd + 1, lineEnd));
        const rawName = text.slice(pos, nameEnd);
        current = { rawName, name: kind === 2 ? rawName.toLowerCase() : rawName, nameStart: pos, nameEnd, segments: seg ? [seg] : [], end: lineEnd };
      } else {
        const s = trimmedSegment(text, pos, lineEnd);
        const span = s ? { start: s.offset, end: s.offset + s.text.length } : { start: pos, end: lineEnd };
        sink.diagnostic(
          nameEnd === pos
            ? { code: 'rpsl/empty-attribute-name', severity: 'error', span, message: 'The line starts with ":" — an attribute name is missing before it. Write "name: value".' }
            : nameEnd > pos
              ? {
                  code: 'rpsl/invalid-attribute-name',
                  severity: 'error',
                  span: { start: pos, end: nameEnd },
                  message: `"${text.slice(pos, nameEnd)}" is not a valid attribute name: names are letters, digits, "-" and "_", starting with a letter or digit.`,
                }
              : {
                  code: 'rpsl/not-an-attribute',
                  severity: 'error',
                  span,
                  message: 'This line is neither "name: value" nor a continuation line. Add the attribute name and a colon, or indent it to continue the previous value.',
                },
        );
      }
      afterBlank = false;
    }
    prevLineEnd = lineEnd;
    if (eol >= stop) break;
    pos = eol + 1;
  }
  if (objStart >= 0) flushObject(wsStart >= 0 ? wsPrevEnd : prevLineEnd);
}

/** Frames the whole text and keeps every object: for editor features and the workspace index. */
export function frameRpsl(text: string): RpslDocument {
  const objects: RpslObject[] = [];
  const diagnostics: SpanDiagnostic[] = [];
  frameRpslInto(text, { object: (o) => objects.push(o), diagnostic: (d) => diagnostics.push(d) });
  return { objects, diagnostics };
}
