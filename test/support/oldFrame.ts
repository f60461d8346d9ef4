// The framer as it was at 9f7dea4 (objects built attribute by attribute), kept unchanged as the oracle the
// offset-recording framer (server/src/core/rpsl/frame.ts) is compared with: test/rpsl/frameOracle.test.ts.
import type { SpanDiagnostic } from '../../server/src/core/diagnostics/diagnostic';
import type { Span } from '../../server/src/core/text/range';
import type { RpslAttribute, RpslDocument, RpslObject, ValueSegment } from '../../server/src/core/rpsl/model';
import { ALL_ATTRIBUTES } from '../../server/src/core/rpsl/templates';
import { foreignAnswerHeader, isFilteredComment, isWhoisClientLine, startsAnotherAnswer } from '../../server/src/core/rpsl/whoisText';
import { isBlankOrCr } from '../../server/src/core/text/chars';

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
  /**
   * `from` is inside another server's answer that is not RPSL (the return value of the framing of the text
   * before it): with it, framing a text slice by slice gives what framing it whole does.
   */
  readonly foreign?: boolean;
}

/** RFC 2622 §2: attribute names are letters, digits, "-" and "_", starting with a letter or digit. */
function isNameStart(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || c === 45 || c === 95;
}

/** The first `ch` in text[from, to), or -1; bounded by the line, unlike indexOf, so a scan never runs ahead. */
function indexInLine(text: string, ch: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === ch) return i;
  return -1;
}

/**
 * Attribute names seen lately, by a hash of their characters: a dump repeats a few dozen names millions of
 * times, so each line reuses one string instead of slicing a new one. A collision only replaces the entry.
 * A name the templates know is their own string, so their lookups by name compare identical strings.
 */
const TEMPLATE_NAMES: ReadonlyMap<string, string> = new Map([...ALL_ATTRIBUTES].map((n) => [n, n]));
const NAME_SLOTS = 512;
const rawNames: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);
const lowerNames: string[] = new Array<string>(NAME_SLOTS).fill('');

function internName(text: string, from: number, to: number, hash: number, upper: boolean): number {
  const slot = hash & (NAME_SLOTS - 1);
  const seen = rawNames[slot];
  if (seen !== undefined && seen.length === to - from) {
    let i = 0;
    while (i < seen.length && seen.charCodeAt(i) === text.charCodeAt(from + i)) i++;
    if (i === seen.length) return slot;
  }
  const raw = text.slice(from, to);
  const lower = TEMPLATE_NAMES.get(upper ? raw.toLowerCase() : raw) ?? (upper ? raw.toLowerCase() : raw);
  rawNames[slot] = upper ? raw : lower;
  lowerNames[slot] = lower;
  return slot;
}

/**
 * An attribute as the framer makes it. Its spans, and the segment list of a one-line value, are made on
 * first use: validating a dump reads them only for the rare attribute it reports on, and they were most
 * of what framing allocated.
 */
class FramedAttribute implements RpslAttribute {
  // Declared, and assigned in the constructor in one order: every attribute gets the same shape.
  declare readonly name: string;
  declare readonly rawName: string;
  declare readonly value: string;
  declare private readonly start: number;
  declare private readonly nameEnd: number;
  declare private readonly end: number;
  declare readonly valueStart: number;
  declare private readonly valueEnd: number;
  /** Set for a value of several segments; made from `value` for one or none. */
  declare private segs: readonly ValueSegment[] | undefined;
  declare private nameSpanMemo: Span | undefined;
  declare private spanMemo: Span | undefined;
  declare private valueSpanMemo: Span | undefined;

  constructor(name: string, rawName: string, value: string, start: number, nameEnd: number, end: number, valueStart: number, valueEnd: number, segs: readonly ValueSegment[] | undefined) {
    this.name = name;
    this.rawName = rawName;
    this.value = value;
    this.start = start;
    this.nameEnd = nameEnd;
    this.end = end;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
    this.segs = segs;
    this.nameSpanMemo = undefined;
    this.spanMemo = undefined;
    this.valueSpanMemo = undefined;
  }

  get nameSpan(): Span {
    return (this.nameSpanMemo ??= { start: this.start, end: this.nameEnd });
  }

  get span(): Span {
    return (this.spanMemo ??= { start: this.start, end: this.end });
  }

  get valueSpan(): Span {
    return (this.valueSpanMemo ??= { start: this.valueStart, end: this.valueEnd });
  }

  get wrapped(): boolean {
    // Joined segments are one space apart where the document has a line break and more between them.
    return this.valueEnd - this.valueStart !== this.value.length;
  }

  get segments(): readonly ValueSegment[] {
    return (this.segs ??= this.value === '' ? [] : [{ text: this.value, offset: this.valueStart }]);
  }
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
 *
 * Returns whether the text ends inside another server's answer that is not RPSL (see FrameOptions.foreign).
 */
export function oldFrameRpslInto(text: string, sink: FrameSink, options: FrameOptions = {}): boolean {
  const stop = Math.min(options.to ?? text.length, text.length);
  let attrs: RpslAttribute[] = [];
  let objStart = -1;
  // The attribute being built (when `hasCurrent`): its name, where the name ends, its segments so far.
  let hasCurrent = false;
  let curRawName = '';
  let curName = '';
  let curNameStart = 0;
  let curNameEnd = 0;
  let curEnd = 0;
  // The value's first segment as offsets; segment objects only once a second segment comes.
  let curCount = 0;
  let curFirstStart = 0;
  let curFirstEnd = 0;
  let curSegs: ValueSegment[] | undefined;
  /** Adds text[from, to) without its comment and blanks, if anything is left, to the current value. */
  const addSegment = (from: number, to: number): void => {
    if (!trimSegment(text, from, to)) return;
    const s = segStart;
    const e = segEnd;
    if (curCount++ === 0) {
      curFirstStart = s;
      curFirstEnd = e;
      return;
    }
    // An array literal of the first two: `[]` and push would reserve 17 slots.
    if (curSegs) curSegs.push({ text: text.slice(s, e), offset: s });
    else curSegs = [{ text: text.slice(curFirstStart, curFirstEnd), offset: curFirstStart }, { text: text.slice(s, e), offset: s }];
  };
  let afterBlank = options.afterBlank ?? false;
  /** Inside another server's answer that is not RPSL (see FOREIGN_ANSWER_HEADERS). */
  let foreign = options.foreign ?? false;
  /** Start/end of the first line of only spaces met inside the current object, until resolved. */
  let wsStart = -1;
  let wsEnd = -1;
  let wsPrevEnd = -1;

  /** The attributes of the current object with a `# Filtered` comment: the server hid part of it. */
  let filtered: Set<RpslAttribute> | undefined;
  /** The current attribute's first line ends in `# Filtered`. */
  let curFiltered = false;
  const flushAttr = (): void => {
    if (!hasCurrent) return;
    hasCurrent = false;
    if (curFiltered) {
      flushFilteredAttr();
      return;
    }
    pushAttr();
  };
  /** Pushes the current attribute and records it as filtered. */
  const flushFilteredAttr = (): void => {
    curFiltered = false;
    pushAttr();
    (filtered ??= new Set()).add(attrs[attrs.length - 1]!);
  };
  const pushAttr = (): void => {
    if (curCount === 0) {
      attrs.push(new FramedAttribute(curName, curRawName, '', curNameStart, curNameEnd, curEnd, curNameEnd + 1, curNameEnd + 1, undefined));
      return;
    }
    if (!curSegs) {
      attrs.push(new FramedAttribute(curName, curRawName, text.slice(curFirstStart, curFirstEnd), curNameStart, curNameEnd, curEnd, curFirstStart, curFirstEnd, undefined));
      return;
    }
    const segs = curSegs;
    let value = segs[0]!.text;
    for (let k = 1; k < segs.length; k++) value += ' ' + segs[k]!.text;
    const last = segs[segs.length - 1]!;
    attrs.push(new FramedAttribute(curName, curRawName, value, curNameStart, curNameEnd, curEnd, curFirstStart, last.offset + last.text.length, segs));
  };
  const flushObject = (end: number): void => {
    flushAttr();
    const first = attrs[0];
    if (first) sink.object({ className: first.name, attributes: attrs, span: { start: objStart, end }, ...(filtered ? { filtered } : {}) });
    attrs = [];
    objStart = -1;
    filtered = undefined;
  };

  // The main loop reads the text through a local the closures above do not capture: a captured
  // parameter lives in their context and would be reloaded from there on every character.
  const src = text;
  let pos = options.from ?? 0;
  let prevLineEnd = pos;
  while (pos <= stop) {
    let eol = src.indexOf('\n', pos);
    if (eol < 0 || eol > stop) eol = stop;
    // Every carriage return before the line feed: "\r\r\n" is what a CRLF answer becomes when saved again
    // in text mode on Windows, and a line of only that is an empty line, not a line of spaces.
    let lineEnd = eol;
    while (lineEnd > pos && src.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const first = pos < lineEnd ? src.charCodeAt(pos) : -1;
    let onlySpaces = first !== -1 && isBlankOrCr(first);
    if (onlySpaces) for (let i = pos + 1; i < lineEnd; i++) if (!isBlankOrCr(src.charCodeAt(i))) { onlySpaces = false; break; }

    if (foreign && first !== -1 && !onlySpaces) {
      // Inside another server's non-RPSL answer (IANA's, ARIN's): skipped up to the next answer.
      if (startsAnotherAnswer(src.slice(pos, lineEnd))) foreign = false;
    }
    if (foreign) {
      // Skipped; an empty line still counts as one for what follows.
      if (first === -1) afterBlank = true;
    } else if (first === -1) {
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
      // Whole-line comment or whois server remark: ignored, does not end the object. Outside an object it
      // may be the header of a server's answer that is not RPSL: its records are skipped, and said so.
      if (objStart < 0) {
        const server = foreignAnswerHeader(src.slice(pos, lineEnd));
        if (server !== undefined) {
          foreign = true;
          sink.diagnostic({
            code: 'rpsl/foreign-answer',
            severity: 'information',
            span: trimmedSpan(src, pos, lineEnd),
            message: `${server} whois answer is not RPSL: its records up to the next answer are not checked.`,
          });
        }
      }
    } else if (first === 32 || first === 9 || first === 43 /* + */) {
      wsStart = -1; // a line of spaces followed by a continuation is an empty continuation line
      const from = first === 43 ? pos + 1 : pos;
      if (hasCurrent) {
        addSegment(from, lineEnd);
        curEnd = lineEnd;
      } else {
        const span = trimmedSpan(src, pos, lineEnd);
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
      // The name: name characters up to the colon, hashed on the way for internName.
      let nameEnd = -1;
      let hash = 0;
      let upper = false;
      if (isNameStart(first)) {
        for (let i = pos; i < lineEnd; i++) {
          const c = src.charCodeAt(i);
          if (c === 58 /* : */) {
            nameEnd = i;
            break;
          }
          if (!isNameChar(c)) break;
          if (c >= 65 && c <= 90) upper = true;
          hash = (Math.imul(hash, 31) + c) | 0;
        }
      }
      if (nameEnd > pos && objStart < 0 && first === 87 /* W */ && isWhoisClientLine(src.slice(pos, lineEnd))) {
        // "Warning: …" before an object: the whois client's, not an attribute (no class is named "warning").
      } else if (nameEnd > pos) {
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
        const slot = internName(src, pos, nameEnd, hash, upper);
        hasCurrent = true;
        curRawName = rawNames[slot]!;
        curName = lowerNames[slot]!;
        curNameStart = pos;
        curNameEnd = nameEnd;
        curEnd = lineEnd;
        curCount = 0;
        curSegs = undefined;
        addSegment(nameEnd + 1, lineEnd);
        curFiltered = segComment >= 0 && isFilteredComment(src.slice(segComment + 1, lineEnd));
      } else if (isWhoisClientLine(src.slice(pos, lineEnd))) {
        // "[Querying whois.ripe.net]", "Found a referral to …": the whois client's own lines, not RPSL.
      } else {
        nameEnd = indexInLine(src, 58 /* : */, pos, lineEnd);
        const span = trimmedSpan(src, pos, lineEnd);
        sink.diagnostic(
          nameEnd === pos
            ? { code: 'rpsl/empty-attribute-name', severity: 'error', span, message: 'The line starts with ":" — an attribute name is missing before it. Write "name: value".' }
            : nameEnd > pos
              ? {
                  code: 'rpsl/invalid-attribute-name',
                  severity: 'error',
                  span: { start: pos, end: nameEnd },
                  message: `"${src.slice(pos, nameEnd)}" is not a valid attribute name: names are letters, digits, "-" and "_", starting with a letter or digit.`,
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
  return foreign;
}

/** Where trimSegment found the segment, and where its `#` comment starts (-1: none). */
let segStart = 0;
let segEnd = 0;
let segComment = -1;

/** Finds text[from, to) without its `#` comment and blanks (segStart, segEnd); false when nothing is left. */
function trimSegment(text: string, from: number, to: number): boolean {
  let s = from;
  while (s < to && isBlankOrCr(text.charCodeAt(s))) s++;
  // One pass to the comment or the line's end, remembering the last character that is not blank.
  let e = s;
  segComment = -1;
  for (let i = s; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */) {
      segComment = i;
      break;
    }
    if (!isBlankOrCr(c)) e = i + 1;
  }
  segStart = s;
  segEnd = e;
  return s < e;
}

/** The span of text[from, to) without leading and trailing blanks, or the whole range when all blank. */
function trimmedSpan(text: string, from: number, to: number): { start: number; end: number } {
  let s = from;
  let e = to;
  while (s < e && isBlankOrCr(text.charCodeAt(s))) s++;
  while (e > s && isBlankOrCr(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : { start: from, end: to };
}

/** Frames the whole text and keeps every object: for editor features and the workspace index. */
export function oldFrameRpsl(text: string): RpslDocument {
  const objects: RpslObject[] = [];
  const diagnostics: SpanDiagnostic[] = [];
  oldFrameRpslInto(text, { object: (o) => objects.push(o), diagnostic: (d) => diagnostics.push(d) });
  return { objects, diagnostics };
}
