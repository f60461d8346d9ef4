/**
 * IP prefixes for RPSL, looking-glass output and RPKI data. Addresses are kept as bigint-free number
 * pairs so lookups stay fast: IPv4 in one 32-bit number, IPv6 as four 32-bit words.
 */
import { detached } from '../text/detach';

export type Afi = 4 | 6;

export interface Prefix {
  readonly afi: Afi;
  /** IPv4: one word; IPv6: four words, most significant first. */
  readonly words: readonly number[];
  readonly length: number;
}

export type PrefixParse =
  | { ok: true; prefix: Prefix; hostBitsSet: boolean; normalized: string; leadingZeros: boolean; shortForm: boolean }
  | { ok: false; reason: string };

export function parseIPv4(text: string): { words: number[]; leadingZeros: boolean; parts: number } | undefined {
  return parseIPv4At(text, 0, text.length) ? { words: [v4Word], leadingZeros: v4LeadingZeros, parts: v4Parts } : undefined;
}

/** What parseIPv4At read last: the address (missing octets 0), whether an octet had a leading zero, how many octets were written. */
let v4Word = 0;
let v4LeadingZeros = false;
let v4Parts = 0;

/**
 * Reads text[from, to) as one to four dotted octets of one to three digits, each at most 255 (short forms
 * fill the missing low octets with 0): by character codes, no split, no regex, no substring.
 */
function parseIPv4At(text: string, from: number, to: number): boolean {
  let w = 0;
  let parts = 0;
  let leadingZeros = false;
  let i = from;
  for (;;) {
    const start = i;
    let v = 0;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
      i++;
    }
    if (i === start || i - start > 3 || v > 255) return false;
    if (i - start > 1 && text.charCodeAt(start) === 48) leadingZeros = true;
    w = w * 256 + v;
    parts++;
    if (i === to) break;
    if (text.charCodeAt(i) !== 46 /* . */ || parts === 4) return false;
    i++;
  }
  for (let k = parts; k < 4; k++) w *= 256;
  v4Word = w >>> 0;
  v4LeadingZeros = leadingZeros;
  v4Parts = parts;
  return true;
}

export function parseIPv6(text: string): number[] | undefined {
  if (text.length === 0 || text.length > 45) return undefined;
  let head: string[];
  let tail: string[] = [];
  const dbl = text.indexOf('::');
  if (dbl >= 0) {
    if (text.indexOf('::', dbl + 1) >= 0) return undefined;
    head = text.slice(0, dbl) === '' ? [] : text.slice(0, dbl).split(':');
    tail = text.slice(dbl + 2) === '' ? [] : text.slice(dbl + 2).split(':');
  } else {
    head = text.split(':');
  }
  const groups: number[] = [];
  const take = (list: string[], out: number[]): boolean => {
    for (let i = 0; i < list.length; i++) {
      const g = list[i] ?? '';
      if (i === list.length - 1 && g.includes('.')) {
        const v4 = parseIPv4(g);
        if (!v4 || v4.parts !== 4) return false;
        const w = v4.words[0] ?? 0;
        out.push(w >>> 16, w & 0xffff);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
      out.push(parseInt(g, 16));
    }
    return true;
  };
  const h: number[] = [];
  const t: number[] = [];
  if (!take(head, h) || !take(tail, t)) return undefined;
  if (dbl >= 0) {
    if (h.length + t.length > 7) return undefined;
    groups.push(...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t);
  } else {
    if (h.length !== 8) return undefined;
    groups.push(...h);
  }
  const words: number[] = [];
  for (let i = 0; i < 8; i += 2) words.push((((groups[i] ?? 0) << 16) | (groups[i + 1] ?? 0)) >>> 0);
  return words;
}

function maskWords(words: readonly number[], length: number): number[] {
  return words.map((w, i) => {
    const bits = Math.max(0, Math.min(32, length - i * 32));
    if (bits === 0) return 0;
    if (bits === 32) return w >>> 0;
    return (w & (~0 << (32 - bits))) >>> 0;
  });
}

export function formatPrefix(p: Prefix): string {
  return `${formatAddress(p.afi, p.words)}/${p.length}`;
}

export function formatAddress(afi: Afi, words: readonly number[]): string {
  if (afi === 4) {
    const w = words[0] ?? 0;
    return `${w >>> 24}.${(w >>> 16) & 255}.${(w >>> 8) & 255}.${w & 255}`;
  }
  const g: number[] = [];
  for (const w of words) g.push(w >>> 16, w & 0xffff);
  // RFC 5952: compress the longest run (≥ 2) of zero groups, the first if tied.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/**
 * Parses `192.0.2.0/24`, `2001:db8::/32`, and the short IPv4 forms `192.0.2/24` (flagged as shortForm).
 * A missing `/len` is not a prefix here: callers that accept classful notation handle that themselves.
 */
export function parsePrefix(text: string): PrefixParse {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, reason: 'missing /length' };
  // The length: one to three digits, to the end.
  const lengthDigits = text.length - slash - 1;
  let length = 0;
  for (let i = slash + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return { ok: false, reason: 'prefix length is not a number' };
    length = length * 10 + (c - 48);
  }
  if (lengthDigits < 1 || lengthDigits > 3) return { ok: false, reason: 'prefix length is not a number' };
  if (text.lastIndexOf(':', slash) >= 0) {
    const words = parseIPv6(text.slice(0, slash));
    if (!words) return { ok: false, reason: 'not an IPv6 address' };
    if (length > 128) return { ok: false, reason: 'IPv6 prefix length above 128' };
    const masked = maskWords(words, length);
    const prefix: Prefix = { afi: 6, words: masked, length };
    return {
      ok: true,
      prefix,
      hostBitsSet: masked.some((w, i) => w !== words[i]),
      normalized: formatPrefix(prefix),
      leadingZeros: false,
      shortForm: false,
    };
  }
  if (!parseIPv4At(text, 0, slash)) return { ok: false, reason: 'not an IPv4 address' };
  if (length > 32) return { ok: false, reason: 'IPv4 prefix length above 32' };
  const word = v4Word;
  const masked = length === 0 ? 0 : (word & (~0 << (32 - length))) >>> 0;
  const prefix: Prefix = { afi: 4, words: [masked], length };
  // Four octets and a length without leading zeros, no host bits: the text is its own normal form (copied, so
  // that a caller keeping it keeps no larger text alive).
  const canonical = masked === word && !v4LeadingZeros && v4Parts === 4 && (lengthDigits === 1 || text.charCodeAt(slash + 1) !== 48);
  return {
    ok: true,
    prefix,
    hostBitsSet: masked !== word,
    normalized: canonical ? detached(text) : formatPrefix(prefix),
    leadingZeros: v4LeadingZeros,
    shortForm: v4Parts !== 4,
  };
}

/** True when `inner` lies within `outer` (same AFI, longer or equal length, same leading bits). */
export function prefixCovers(outer: Prefix, inner: Prefix): boolean {
  if (outer.afi !== inner.afi || inner.length < outer.length) return false;
  const a = maskWords(inner.words, outer.length);
  return a.every((w, i) => w === outer.words[i]);
}
