import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { RpslDocument, RpslObject } from './model';
import { FramedObject } from './framedObject';
import { ALL_ATTRIBUTES, knownAttributeId } from './templates';
import { foreignAnswerHeader, isFilteredComment, isWhoisClientLine, startsAnotherAnswer } from './whoisText';
import { isBlankOrCr } from '../text/chars';
import { detached } from '../text/detach';

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
 * Attribute names seen lately, by a hash of their length and first, second, middle and last characters: a dump
 * repeats a few dozen names millions of times, so a line whose name (up to its colon) equals one in its pair of
 * slots reuses that string, its lower case and its number, without visiting its characters one by one (a name
 * in the table was checked when it came in). More names of one pair only take turns in it. A name the
 * templates know is their own string, so their lookups by name compare identical strings.
 */
const TEMPLATE_NAMES: ReadonlyMap<string, string> = new Map([...ALL_ATTRIBUTES].map((n) => [n, n]));
const SLOT_BITS = 11;
const NAME_SLOTS = 1 << SLOT_BITS;
const rawNames: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);
const lowerNames: string[] = new Array<string>(NAME_SLOTS).fill('');
const nameIds = new Int32Array(NAME_SLOTS);

/** The first slot of the pair for the name text[from, to) (at least one character). */
function nameSlot(text: string, from: number, to: number): number {
  const last = to - 1;
  const key = ((to - from) | (text.charCodeAt(from) << 8) | (text.charCodeAt(Math.min(from + 1, last)) << 16) | (text.charCodeAt(from + ((to - from) >> 1)) << 24)) ^ Math.imul(text.charCodeAt(last), 0x85ebca6b);
  return Math.imul(key, 0x9e3779b1) >>> (32 - SLOT_BITS);
}

/** Whether `slot` holds the name text[from, to). */
function holds(slot: number, text: string, from: number, to: number): boolean {
  const seen = rawNames[slot];
  return seen !== undefined && seen.length === to - from && text.startsWith(seen, from);
}

/** The slot holding the name text[from, to), or -1. */
function seenName(text: string, from: number, to: number): number {
  const slot = nameSlot(text, from, to);
  return holds(slot, text, from, to) ? slot : holds(slot ^ 1, text, from, to) ? slot ^ 1 : -1;
}

/** Puts the valid name text[from, to) in a slot of its pair (the first, unless only the second is free). */
function internName(text: string, from: number, to: number, upper: boolean): number {
  const pair = nameSlot(text, from, to);
  const slot = rawNames[pair] !== undefined && rawNames[pair ^ 1] === undefined ? pair ^ 1 : pair;
  // Its own string: a slice would keep the whole text alive in this table.
  const raw = detached(text.slice(from, to));
  const lower = TEMPLATE_NAMES.get(upper ? raw.toLowerCase() : raw) ?? (upper ? raw.toLowerCase() : raw);
  rawNames[slot] = upper ? raw : lower;
  lowerNames[slot] = lower;
  nameIds[slot] = knownAttributeId(lower);
  return slot;
}

/** Receives framed objects as FramedObject views, and the framing findings. */
export interface FramedSink {
  /**
   * `obj` is the framer's, reused for the next object once this returns; a sink that keeps it returns another
   * view (empty, not in use elsewhere) for the framer to go on with instead.
   */
  framed(obj: FramedObject): FramedObject | void;
  diagnostic(d: SpanDiagnostic): void;
}

/** A view not in use, kept for the next framing: the editor's index frames single objects again and again. */
let spareView: FramedObject | undefined;

/**
 * Splits RPSL text into objects and attributes and hands each to `sink` as soon as it is complete, as a
 * FramedObject: offsets in the text, no object per attribute. Never throws: every line that fits nowhere
 * becomes a diagnostic and the scan goes on with the next line, so one bad line never hides the rest of a
 * file. One pass; a value's characters are not visited one by one (line ends and `#` are found by indexOf,
 * blanks are trimmed from both ends).
 *
 * Lines: empty → ends the object; `#…` → comment; `%…` → whois server remark; leading space, tab or `+` →
 * continuation; `name: value` → attribute. A line of only spaces is a continuation for IRRd and RIPE, so it
 * ends the object only when no continuation follows, and is reported when an attribute follows (the
 * registries would merge the two objects).
 *
 * Returns whether the text ends inside another server's answer that is not RPSL (see FrameOptions.foreign).
 */
export function frameRpslViews(text: string, sink: FramedSink, options: FrameOptions = {}): boolean {
  const frame = new Framing(spareView ?? new FramedObject());
  spareView = undefined;
  const foreign = frame.run(text, sink, options);
  spareView = frame.view;
  return foreign;
}

/** frameRpslViews for sinks that take objects: each object made whole (FramedObject.toObject). */
export function frameRpslInto(text: string, sink: FrameSink, options: FrameOptions = {}): boolean {
  return frameRpslViews(text, { framed: (v) => void sink.object(v.toObject()), diagnostic: (d) => sink.diagnostic(d) }, options);
}

/** One framing run: the view it fills, which a sink may swap for another (FramedSink.framed). */
class Framing {
  constructor(public view: FramedObject) {}

  /** Hands the object framed in the view to `sink`, then starts the next one empty. */
  endObject(sink: FramedSink, start: number, end: number): void {
    const view = this.view;
    if (view.count > 0) {
      view.start = start;
      view.end = end;
      const next = sink.framed(view);
      if (next) {
        next.reset(view.text);
        this.view = next;
        return;
      }
    }
    view.reset(view.text);
  }

  run(text: string, sink: FramedSink, options: FrameOptions): boolean {
    const src = text;
    let view = this.view;
    const stop = Math.min(options.to ?? src.length, src.length);
    let pos = options.from ?? 0;
    view.reset(src);
    /** Where the current object starts, or -1 between objects. */
    let objStart = -1;
    /** An attribute is open in `view` (its continuation lines may follow). */
    let open = false;
    /** The open attribute's first line ends in `# Filtered`. */
    let openFiltered = false;
    let afterBlank = options.afterBlank ?? false;
    /** Inside another server's answer that is not RPSL (see FOREIGN_ANSWER_HEADERS). */
    let foreign = options.foreign ?? false;
    /** Start/end of the first line of only spaces met inside the current object, until resolved. */
    let wsStart = -1;
    let wsEnd = -1;
    let wsPrevEnd = -1;
    // The next "#" at or after the scan, searched in the framed range only: a comment is found without visiting
    // each character of the values before it, and a search never runs past `stop` (the range may be one object
    // of a large text).
    const range = pos === 0 && stop === src.length ? src : src.slice(pos, stop);
    const rangeBase = pos === 0 && stop === src.length ? 0 : pos;
    let nextHash = -1;
    // The next ":" likewise (the end of a line's name, when it has one).
    let nextColon = -1;
    /** The first "#" in text[from, to), or -1 (asked with `from` never decreasing). */
    const hashIn = (from: number, to: number): number => {
      if (nextHash < from) {
        const h = range.indexOf('#', from - rangeBase);
        nextHash = h < 0 ? stop : h + rangeBase;
      }
      return nextHash < to ? nextHash : -1;
    };

    let prevLineEnd = pos;
    while (pos <= stop) {
      let eol = src.indexOf('\n', pos);
      if (eol < 0 || eol > stop) eol = stop;
      // Every carriage return before the line feed: "\r\r\n" is what a CRLF answer becomes when saved again
      // in text mode on Windows, and a line of only that is an empty line, not a line of spaces.
      let lineEnd = eol;
      while (lineEnd > pos && src.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      const first = pos < lineEnd ? src.charCodeAt(pos) : -1;
      // Past the leading blanks: a continuation's text starts there, and a line of only blanks ends there.
      let lead = pos;
      if (first === 32 || first === 9 || first === 13) while (lead < lineEnd && isBlankOrCr(src.charCodeAt(lead))) lead++;
      const onlySpaces = first !== -1 && lead === lineEnd;

      if (foreign && first !== -1 && !onlySpaces) {
        // Inside another server's non-RPSL answer (IANA's, ARIN's): skipped up to the next answer.
        if (startsAnotherAnswer(src.slice(pos, lineEnd))) foreign = false;
      }
      if (foreign) {
        // Skipped; an empty line still counts as one for what follows.
        if (first === -1) afterBlank = true;
      } else if (first === -1) {
        // Empty line: ends the object (and settles a pending line of spaces as harmless).
        if (objStart >= 0) {
          if (open) view.close(openFiltered);
          open = false;
          this.endObject(sink, objStart, wsStart >= 0 ? wsPrevEnd : prevLineEnd);
          view = this.view;
          objStart = -1;
        }
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
        if (open) {
          let s = lead;
          if (first === 43) for (s = pos + 1; s < lineEnd && isBlankOrCr(src.charCodeAt(s)); ) s++;
          const hash = hashIn(s, lineEnd);
          let e = hash < 0 ? lineEnd : hash;
          while (e > s && isBlankOrCr(src.charCodeAt(e - 1))) e--;
          if (s < e) view.addSegment(s, e);
          view.extend(lineEnd);
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
        // The name: the text up to the line's first colon when it is a name seen lately, else name characters
        // up to a colon.
        if (nextColon < pos) {
          const c = range.indexOf(':', pos - rangeBase);
          nextColon = c < 0 ? stop : c + rangeBase;
        }
        let nameEnd = -1;
        let slot = nextColon < lineEnd && nextColon > pos ? seenName(src, pos, nextColon) : -1;
        if (slot >= 0) nameEnd = nextColon;
        else if (isNameStart(first)) {
          let upper = false;
          for (let i = pos; i < lineEnd; i++) {
            const c = src.charCodeAt(i);
            if (c === 58 /* : */) {
              nameEnd = i;
              slot = internName(src, pos, nameEnd, upper);
              break;
            }
            if (!isNameChar(c)) break;
            if (c >= 65 && c <= 90) upper = true;
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
            if (open) view.close(openFiltered);
            open = false;
            this.endObject(sink, objStart, wsPrevEnd);
            view = this.view;
            objStart = -1;
            wsStart = -1;
          }
          if (open) view.close(openFiltered);
          if (objStart < 0) objStart = pos;
          view.open(pos, nameEnd, lowerNames[slot]!, rawNames[slot]!, nameIds[slot]!, lineEnd);
          open = true;
          let s = nameEnd + 1;
          while (s < lineEnd && isBlankOrCr(src.charCodeAt(s))) s++;
          const comment = hashIn(s, lineEnd);
          let e = comment < 0 ? lineEnd : comment;
          while (e > s && isBlankOrCr(src.charCodeAt(e - 1))) e--;
          if (s < e) view.addSegment(s, e);
          openFiltered = comment >= 0 && isFilteredComment(src.slice(comment + 1, lineEnd));
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
    if (objStart >= 0) {
      if (open) view.close(openFiltered);
      this.endObject(sink, objStart, wsStart >= 0 ? wsPrevEnd : prevLineEnd);
    }
    this.view.reset('');
    return foreign;
  }
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
export function frameRpsl(text: string): RpslDocument {
  const objects: RpslObject[] = [];
  const diagnostics: SpanDiagnostic[] = [];
  frameRpslInto(text, { object: (o) => objects.push(o), diagnostic: (d) => diagnostics.push(d) });
  return { objects, diagnostics };
}
