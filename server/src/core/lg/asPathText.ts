import type { Asn } from '../net/asn';
import type { AsPathSegment, Origin } from './types';
import { isBlankOrNbsp } from '../text/chars';

/** What one printed AS path says once origin codes, "no path" words and notes are taken off. */
export interface AsPathParse {
  readonly segments: AsPathSegment[];
  /** The path part as printed (trimmed), without origin code and notes. */
  readonly text: string;
  /** Offset of `text` in the input, so callers can point at it. */
  readonly textStart: number;
  readonly origin?: Origin;
  readonly truncated: boolean;
  /** Tokens that looked like ASNs but are malformed or out of range, with their offset in the input. */
  readonly invalid: { readonly text: string; readonly offset: number }[];
  /** Junos prints the local AS of an `autonomous-system … loops`/`local-as` setup as a leading `[65161]`. */
  readonly localAs?: Asn;
  /** Text after the path such as `(Received from a RR-client)` or `path sourced external to AS`. */
  readonly note?: string;
}

export interface AsPathOptions {
  /** Accept a trailing origin code (`i`, `e`, `?`, `I`, `E`, `IGP`, …) or one glued to the last ASN. */
  readonly originCode?: boolean;
  /** Junos: a leading `[N]` is the local AS, not an AS_CONFED_SET. */
  readonly junos?: boolean;
}

/** Words routers print where there is no AS path at all (locally originated, aggregate, …). */
const NO_PATH_WORDS: ReadonlySet<string> = new Set([
  'local',
  'none',
  'nil',
  'empty',
  '(empty)',
  'no as-path',
  'no-as-path',
  'as path: local',
  '-',
]);

const ORIGIN_WORDS: Readonly<Record<string, Origin>> = {
  i: 'igp',
  I: 'igp',
  igp: 'igp',
  IGP: 'igp',
  e: 'egp',
  E: 'egp',
  egp: 'egp',
  EGP: 'egp',
  '?': 'incomplete',
  incomplete: 'incomplete',
  Incomplete: 'incomplete',
  INCOMPLETE: 'incomplete',
};

const MAX_ASN = 4294967295;

const DIGIT = 1;
const DELIM = 2;
/** Character classes of path text: digits, and what ends a token (blanks, comma, brackets). */
const CHAR_CLASS = new Uint8Array(256);
for (let c = 48; c <= 57; c++) CHAR_CLASS[c] = DIGIT;
for (const c of [32, 9, 44, 123, 125, 40, 41, 91, 93, 160]) CHAR_CLASS[c] = DELIM;

/** How each segment type is printed around its ASNs (RFC 4271 sets in braces, RFC 5065 confederations in brackets). */
export const SEGMENT_BRACKETS: Readonly<Record<AsPathSegment['type'], readonly [string, string]>> = {
  sequence: ['', ''],
  set: ['{', '}'],
  'confed-sequence': ['(', ')'],
  'confed-set': ['[', ']'],
};

/** A path's segments as text, for formats that give them structured (JSON, state trees). */
export function segmentsText(segments: readonly { readonly type: AsPathSegment['type']; readonly asns: readonly (number | string)[] }[]): string {
  return segments
    .map((g) => {
      const [open, close] = SEGMENT_BRACKETS[g.type];
      return `${open}${g.asns.join(' ')}${close}`;
    })
    .join(' ');
}

/** Shared by every path without invalid tokens (nearly all): never pushed to. */
const NO_INVALID: { text: string; offset: number }[] = [];

/** A token of digits (asplain) or `hi.lo` (asdot, RFC 5396), else undefined. Hand-written: it runs per token on full tables. */
export function asnValue(s: string, from = 0, to = s.length): number | undefined {
  if (to <= from) return undefined;
  let v = 0;
  let hi = -1;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      digits++;
      if (digits > 10) return undefined;
    } else if (c === 46 && hi < 0 && digits > 0 && digits <= 5) {
      hi = v;
      v = 0;
      digits = 0;
    } else return undefined;
  }
  if (digits === 0) return undefined;
  if (hi >= 0) {
    if (hi > 65535 || v > 65535 || digits > 5) return undefined;
    return hi * 65536 + v;
  }
  return v <= MAX_ASN ? v : undefined;
}

/** Finds where notes start: the first comma at bracket depth 0 (never the comma inside `{1,2}`). */
function noteStart(s: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 123 || c === 40 || c === 91) depth++;
    else if (c === 125 || c === 41 || c === 93) depth = depth > 0 ? depth - 1 : 0;
    else if (c === 44 && depth === 0) return i;
  }
  return -1;
}


/**
 * Turns printed AS-path text into segments. Linear, no backtracking regexes; never throws.
 * `s.slice(from, to)` is the path field; offsets in the result refer to `s`.
 */
export function parseAsPathText(s: string, opts: AsPathOptions = {}, from = 0, to = s.length): AsPathParse {
  let end = to;
  let note: string | undefined;
  const firstComma = s.indexOf(',', from);
  const comma = firstComma >= 0 && firstComma < to ? noteStart(s, from, to) : -1;
  if (comma >= 0) {
    note = s.slice(comma + 1, to).trim();
    end = comma;
  }
  let start = from;
  while (start < end && isBlankOrNbsp(s.charCodeAt(start))) start++;
  while (end > start && isBlankOrNbsp(s.charCodeAt(end - 1))) end--;

  let origin: Origin | undefined;
  if (opts.originCode === true && end > start) {
    // Last token as an origin word, or one letter glued to the last ASN (`3222 65401i`, `3222?`).
    let ts = end;
    while (ts > start && !isBlankOrNbsp(s.charCodeAt(ts - 1))) ts--;
    const lc = s.charCodeAt(ts);
    const o =
      end - ts === 1
        ? lc === 105 || lc === 73
          ? 'igp'
          : lc === 101 || lc === 69
            ? 'egp'
            : lc === 63
              ? 'incomplete'
              : undefined
        : end - ts <= 10 && ((lc >= 65 && lc <= 90) || (lc >= 97 && lc <= 122))
          ? ORIGIN_WORDS[s.slice(ts, end)]
          : undefined;
    if (o !== undefined) {
      origin = o;
      end = ts;
    } else if (end - ts > 1) {
      const ch = s.charCodeAt(end - 1);
      const prev = s.charCodeAt(end - 2);
      const og: Origin | undefined = ch === 105 ? 'igp' : ch === 101 ? 'egp' : ch === 63 ? 'incomplete' : undefined;
      if (og !== undefined && ((prev >= 48 && prev <= 57) || prev === 125 || prev === 41 || prev === 93)) {
        origin = og;
        end -= 1;
      }
    }
    while (end > start && isBlankOrNbsp(s.charCodeAt(end - 1))) end--;
  }

  const text = s.slice(start, end);
  const segments: AsPathSegment[] = [];
  let invalid: { text: string; offset: number }[] = NO_INVALID;
  let truncated = false;
  let localAs: Asn | undefined;
  const c0 = s.charCodeAt(start);
  if (text.length === 0 || (text.length <= 12 && !(c0 >= 48 && c0 <= 57) && NO_PATH_WORDS.has(text.toLowerCase()))) {
    return { segments, text, textStart: start, origin, truncated, invalid, note };
  }

  let cur: Asn[] | undefined;
  /** The closing bracket awaited (char code), 0 outside brackets. */
  let closer = 0;
  let i = start;
  let first = true;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 160 || c === 44) {
      i++;
      continue;
    }
    if (closer === 0 && (c === 123 || c === 40 || c === 91)) {
      // `[65161]` first in a Junos path is the local AS, not a confederation set.
      if (c === 91 && opts.junos === true && first) {
        const close = s.indexOf(']', i);
        if (close > i && close < end) {
          const v = asnValue(s.slice(i + 1, close).trim());
          if (v !== undefined) localAs = v as Asn;
          i = close + 1;
          first = false;
          continue;
        }
      }
      cur = [];
      segments.push({ type: c === 123 ? 'set' : c === 40 ? 'confed-sequence' : 'confed-set', asns: cur });
      closer = c === 123 ? 125 : c === 40 ? 41 : 93;
      i++;
      first = false;
      continue;
    }
    if (c === closer) {
      closer = 0;
      cur = undefined;
      i++;
      continue;
    }
    // A token: parse it as an ASN on the fly (digits, or asdot `hi.lo`).
    let j = i;
    let v = 0;
    let hi = -1;
    let digits = 0;
    let ok = true;
    while (j < end) {
      const d = s.charCodeAt(j);
      const k = d < 256 ? (CHAR_CLASS[d] as number) : 0;
      if (k === DIGIT) {
        v = v * 10 + (d - 48);
        digits++;
      } else if (k === DELIM) break;
      else if (d === 46 && hi < 0 && digits > 0) {
        hi = v;
        v = 0;
        digits = 0;
      } else ok = false;
      j++;
    }
    first = false;
    if (j === i) {
      // A stray closing bracket: skip it.
      i++;
      continue;
    }
    let a: number | undefined;
    if (ok && digits > 0 && digits <= 10) {
      if (hi < 0) a = v <= MAX_ASN ? v : undefined;
      else if (hi <= 65535 && v <= 65535 && digits <= 5) a = hi * 65536 + v;
    }
    if (a === undefined) {
      if (j - i === 3 && s.startsWith('...', i)) {
        truncated = true;
        i = j;
        continue;
      }
      if (j - i > 2 && (s.charCodeAt(i) | 32) === 97 && (s.charCodeAt(i + 1) | 32) === 115) a = asnValue(s, i + 2, j);
    }
    if (a === undefined) {
      const tok = s.slice(i, j);
      if (tok === '…' || tok.endsWith('...')) truncated = true;
      else {
        if (invalid === NO_INVALID) invalid = [];
        invalid.push({ text: tok, offset: i });
      }
      i = j;
      continue;
    }
    if (cur === undefined) {
      const lastSeg = segments[segments.length - 1];
      if (lastSeg !== undefined && lastSeg.type === 'sequence') cur = lastSeg.asns as Asn[];
      else {
        cur = [];
        segments.push({ type: 'sequence', asns: cur });
      }
    }
    cur.push(a as Asn);
    if (closer === 0) cur = undefined;
    i = j;
  }
  // Drop segments that came out empty (e.g. `{}` or an all-invalid set) so consumers never see one.
  let empty = false;
  for (const g of segments) if (g.asns.length === 0) empty = true;
  const kept = empty ? segments.filter((g) => g.asns.length > 0) : segments;
  return { segments: kept, text, textStart: start, origin, truncated, invalid, localAs, note };
}
