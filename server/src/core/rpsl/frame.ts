import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { RpslAttribute, RpslDocument, RpslObject, ValueSegment } from './model';

/** Where a `#` starts an end-of-line comment (RFC 2622 §2: everything after # is a comment). */
function commentStart(text: string, from: number, to: number): number {
  const i = text.indexOf('#', from);
  return i < 0 || i >= to ? to : i;
}

function trimmedSegment(text: string, from: number, to: number): ValueSegment | undefined {
  let s = from;
  let e = to;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  return s < e ? { text: text.slice(s, e), offset: s } : undefined;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

interface Building {
  rawName: string;
  nameStart: number;
  nameEnd: number;
  segments: ValueSegment[];
  end: number;
}

/**
 * Splits RPSL text into objects and attributes. Never throws: every line that fits nowhere becomes a
 * diagnostic and the scan goes on with the next line, so one bad line never hides the rest of a file.
 */
export function frameRpsl(text: string): RpslDocument {
  const objects: RpslObject[] = [];
  const diagnostics: SpanDiagnostic[] = [];
  let attrs: RpslAttribute[] = [];
  let objStart = -1;
  let current: Building | undefined;
  let lastBlank = -1; // offset of a blank line that ended the previous object, for the split-object error

  const flushAttr = (): void => {
    if (!current) return;
    const segs = current.segments;
    const first = segs[0];
    const last = segs[segs.length - 1];
    attrs.push({
      name: current.rawName.toLowerCase(),
      rawName: current.rawName,
      nameSpan: { start: current.nameStart, end: current.nameEnd },
      segments: segs,
      value: segs.map((s) => s.text).join(' '),
      span: { start: current.nameStart, end: current.end },
      valueSpan: first && last ? { start: first.offset, end: last.offset + last.text.length } : { start: current.nameEnd + 1, end: current.nameEnd + 1 },
    });
    current = undefined;
  };
  const flushObject = (end: number): void => {
    flushAttr();
    const first = attrs[0];
    if (first) objects.push({ className: first.name, attributes: attrs, span: { start: objStart, end } });
    attrs = [];
    objStart = -1;
  };

  let pos = 0;
  let prevLineEnd = 0;
  while (pos <= text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const lineEnd = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const first = pos < lineEnd ? text.charCodeAt(pos) : -1;

    if (pos >= lineEnd || trimmedSegment(text, pos, lineEnd) === undefined) {
      // Blank line: ends the object.
      if (objStart >= 0) {
        flushObject(prevLineEnd);
        lastBlank = pos;
      }
    } else if (first === 35 /* # */ || first === 37 /* % */) {
      // Whole-line comment or whois server remark: ignored, does not end the object.
    } else if (first === 32 || first === 9 || first === 43 /* + */) {
      const from = first === 43 ? pos + 1 : pos;
      if (current) {
        const seg = trimmedSegment(text, from, commentStart(text, from, lineEnd));
        if (seg) current.segments.push(seg);
        current.end = lineEnd;
      } else {
        const s = trimmedSegment(text, pos, lineEnd);
        diagnostics.push({
          code: 'rpsl/orphan-continuation',
          severity: 'error',
          span: s ? { start: s.offset, end: s.offset + s.text.length } : { start: pos, end: lineEnd },
          message:
            lastBlank >= 0 && objStart < 0
              ? 'A continuation line follows a blank line, which ended the object. Remove the blank line, or start the line with an attribute name.'
              : 'A continuation line (starting with a space, tab or "+") must follow an attribute. Start the line with "name:".',
        });
      }
    } else {
      const colon = text.indexOf(':', pos);
      const nameEnd = colon >= 0 && colon < lineEnd ? colon : -1;
      const rawName = nameEnd >= 0 ? text.slice(pos, nameEnd) : '';
      if (nameEnd >= 0 && NAME.test(rawName)) {
        flushAttr();
        if (objStart < 0) objStart = pos;
        const seg = trimmedSegment(text, nameEnd + 1, commentStart(text, nameEnd + 1, lineEnd));
        current = { rawName, nameStart: pos, nameEnd, segments: seg ? [seg] : [], end: lineEnd };
      } else {
        const s = trimmedSegment(text, pos, lineEnd);
        const span = s ? { start: s.offset, end: s.offset + s.text.length } : { start: pos, end: lineEnd };
        diagnostics.push(
          nameEnd === pos
            ? { code: 'rpsl/empty-attribute-name', severity: 'error', span, message: 'The line starts with ":" — an attribute name is missing before it.' }
            : nameEnd > pos
              ? {
                  code: 'rpsl/invalid-attribute-name',
                  severity: 'error',
                  span: { start: pos, end: nameEnd },
                  message: `"${rawName}" is not a valid attribute name: names are letters, digits, "-" and "_", starting with a letter or digit.`,
                }
              : {
                  code: 'rpsl/not-an-attribute',
                  severity: 'error',
                  span,
                  message: 'This line is neither "name: value" nor a continuation line. Add the attribute name and a colon, or indent it to continue the previous value.',
                },
        );
      }
    }
    prevLineEnd = lineEnd;
    if (eol >= text.length) break;
    pos = eol + 1;
  }
  if (objStart >= 0) flushObject(prevLineEnd);
  return { objects, diagnostics };
}
