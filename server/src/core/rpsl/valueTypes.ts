import { MAX_ASN, parseAsn } from '../net/asn';
import { parseIPv4, parseIPv6, parsePrefix, type Afi, type PrefixParse } from '../net/prefix';
import type { ValueFix } from './model';
import type { RpslCode } from './codes';
import { ISO_COUNTRIES, ORG_TYPES } from './enums';
import { SET_PREFIXES, type SetClass } from './setName';
import { isAsciiAlnum, isAsciiLetter, isBlank, isDigit, isHexDigit } from '../text/chars';

/** The value types of the class tables (templates.ts), each with its checker below. */
export type ValueType =
  | 'free'
  | 'asn'
  | 'as-block'
  | 'as-name'
  | 'set-name'
  | 'as-set-members'
  | 'route-set-members'
  | 'route-set-mp-members'
  | 'rtr-set-members'
  | 'member-of'
  | 'mntner-list'
  | 'mbrs-by-ref'
  | 'mnt-routes'
  | 'nic-ref'
  | 'nic-hdl'
  | 'generic-name'
  | 'email'
  | 'changed'
  | 'source'
  | 'auth'
  | 'prefix4'
  | 'prefix6'
  | 'prefix4-list'
  | 'prefix6-list'
  | 'ipv4-range'
  | 'dns-name'
  | 'domain-name'
  | 'country'
  | 'status'
  | 'phone'
  | 'url'
  | 'key-cert-name'
  | 'key-method'
  | 'org-type'
  | 'netname'
  | 'datetime'
  | 'org-ref'
  | 'irt-name'
  | 'poem-name'
  | 'form-name'
  | 'geofeed'
  | 'nserver'
  // Registry syntaxes that dialects.ts puts in place of the types above (DialectProfile.valueSyntax).
  | 'ripe-nic-hdl'
  | 'ripe-org'
  | 'ripe-irt'
  | 'email-addr-spec'
  | 'lacnic-inetnum'
  | 'lacnic-asn'
  | 'policy';

/**
 * Value syntax for every type of templates.ts. Checkers see the attribute's joined value (continuation
 * lines joined by one space), so a list split over lines gets the verdict it gets on one line; they report
 * offsets in that value, which the validator maps back to the document.
 */
export interface ValueContext {
  readonly value: string;
  readonly className: string;
  readonly attrName: string;
  readonly profile: ValueRules;
  /** `start`/`end` are offsets in `value`; `fix` replaces that range when given. */
  report(code: RpslCode, start: number, end: number, message: string, fix?: ValueFix): void;
}

/** What the checkers read of a registry's profile (dialects.ts `DialectProfile` holds these with the rest). */
export interface ValueRules {
  /** The profile's name, for messages. */
  readonly title: string;
  /** `org-type:` values; undefined: RIPE's list (OrgType.java); empty: not checked. */
  readonly orgTypes?: readonly string[];
  /** Country codes the registry takes beside ISO 3166-1 (APNIC: AP, Asia Pacific). */
  readonly extraCountries?: ReadonlySet<string>;
  /** `status:` values by class; a class not listed takes any value. */
  readonly statusByClass: Readonly<Record<string, readonly string[]>>;
  /**
   * Set classes whose new objects need a hierarchical name (one with a ":"). RIPE: as-set only
   * (RIPE-NCC/whois ASNameHierarchicalValidator, on create, types AS_SET; docs.db.ripe.net Set Objects: "This
   * restriction does not apply to the other set types").
   */
  readonly hierarchicalSetClasses: ReadonlySet<SetClass>;
  /** Most components a hierarchical set name may have (RFC 2622 sets none; IRRd strict: 5). */
  readonly maxSetComponents: number;
  /** Auth schemes accepted by `auth:`; the rest are errors. `AUTO` stands for RIPE's AUTO-<n> key-cert references. */
  readonly authSchemes: ReadonlySet<string>;
  /** `MD5-PW` must carry a FreeBSD crypt-md5 hash, `$1$<salt of 1–8>$<22 characters>`. */
  readonly md5HashShape: boolean;
  /** `inetnum:` may be written as a prefix; the registry stores the range it covers. */
  readonly inetnumPrefixNotation: boolean;
  /** A prefix with host bits set inside a filter (`{192.0.2.1/24}`) is accepted and read as its network. */
  readonly filterHostBitsAccepted: boolean;
}

export type ValueChecker = (cx: ValueContext) => void;

// ---- Tokens ----

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Comma-separated items, trimmed; empty items are reported once and skipped. */
function listItems(cx: ValueContext): Token[] {
  const v = cx.value;
  const n = itemBounds(v);
  const out: Token[] = [];
  for (let k = 0; k < n; k++) {
    const start = bounds[2 * k]!;
    const end = bounds[2 * k + 1]!;
    out.push({ text: v.slice(start, end), start, end });
  }
  for (let k = 0; k < emptyCount; k++) {
    // The range holds the empty item's commas: two between items (keep one), one at either end (drop it).
    const i = empties[2 * k]!;
    const j = empties[2 * k + 1]!;
    const between = i > 0 && j < v.length;
    cx.report('rpsl/empty-list-item', Math.max(0, i - 1), Math.min(v.length, j + 1), 'This list has an empty item. Remove the extra comma.', { title: 'Remove the extra comma', newText: between ? ',' : '', preferred: true });
  }
  return out;
}

/** Whitespace-separated words. */
function words(v: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < v.length) {
    while (i < v.length && isBlank(v.charCodeAt(i))) i++;
    const s = i;
    while (i < v.length && !isBlank(v.charCodeAt(i))) i++;
    if (i > s) out.push({ text: v.slice(s, i), start: s, end: i });
  }
  return out;
}

function whole(cx: ValueContext): Token {
  return { text: cx.value, start: 0, end: cx.value.length };
}

// ---- Character classes, without regex backtracking ----

function allChars(s: string, pred: (c: number) => boolean, from = 0): boolean {
  for (let i = from; i < s.length; i++) if (!pred(s.charCodeAt(i))) return false;
  return true;
}
function isNameBody(c: number): boolean {
  return isAsciiAlnum(c) || c === 45 || c === 95;
}
/** allChars(…, isNameBody) over text[from, to), as its own loop: the hot name checks inline it. */
function allNameBody(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isNameBody(text.charCodeAt(i))) return false;
  return true;
}

// ---- AS numbers ----

/** Checks an AS number written as `ASn`; returns its value or undefined. */
export function checkAsn(cx: ValueContext, t: Token, what = 'an AS number'): number | undefined {
  const text = t.text;
  const r = parseAsn(text);
  const hasPrefix = text.length >= 2 && (text.charCodeAt(0) | 32) === 97 && (text.charCodeAt(1) | 32) === 115;
  if (!r.ok) {
    cx.report(
      'rpsl/invalid-asn',
      t.start,
      t.end,
      r.reason === 'range'
        ? `"${text}" is out of range: AS numbers go from AS0 to AS4294967295.`
        : `"${text}" is not ${what}: write AS followed by a number, e.g. AS65000.`,
    );
    return undefined;
  }
  // Written as upper-case AS and plain digits without leading zeros, the text is its canonical form.
  if (r.notation === 'asplain' && !r.leadingZeros && text.charCodeAt(0) === 65 && text.charCodeAt(1) === 83) return r.asn;
  const canonical = `AS${r.asn}`;
  if (!hasPrefix) {
    cx.report('rpsl/invalid-asn', t.start, t.end, `"${text}" needs the AS prefix: write ${canonical}.`, { title: `Write ${canonical}`, newText: canonical, preferred: true });
    return r.asn;
  }
  if (r.notation === 'asdot') {
    reportAsdot(cx, t, r.asn);
    return r.asn;
  }
  if (text !== canonical)
    cx.report('rpsl/non-canonical', t.start, t.end, `The registry stores "${text}" as ${canonical}.`, { title: `Write ${canonical}`, newText: canonical, preferred: true });
  return r.asn;
}

/** `t` is an AS number written in asdot (`AS1.10`) whose value is `asn`: the dialect decides how bad that is. */
export function reportAsdot(cx: ValueContext, t: Token, asn: number): void {
  const canonical = `AS${asn}`;
  cx.report('rpsl/asdot', t.start, t.end, `"${t.text}" is asdot notation; write it as asplain: ${canonical}.`, { title: `Write ${canonical}`, newText: canonical, preferred: true });
}

/**
 * text[from, to) is an AS number as the registry stores it (upper-case AS, digits without a leading zero, at
 * most AS4294967295): what checkAsn passes without a word, told without a token or a parse.
 */
function isCanonicalAsnAt(text: string, from: number, to: number): boolean {
  const digits = to - from - 2;
  if (digits < 1 || digits > 10 || text.charCodeAt(from) !== 65 || text.charCodeAt(from + 1) !== 83) return false;
  if (digits > 1 && text.charCodeAt(from + 2) === 48) return false;
  let v = 0;
  for (let i = from + 2; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    v = v * 10 + (c - 48);
  }
  return v <= MAX_ASN;
}

/** True when the text looks like an AS number (AS followed by digits, asdot included). */
function looksLikeAsn(text: string): boolean {
  if (text.length < 3 || (text.charCodeAt(0) | 32) !== 97 || (text.charCodeAt(1) | 32) !== 115) return false;
  for (let i = 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c) && c !== 46) return false;
  }
  return true;
}

// ---- Prefixes and range operators ----

/** Checks a prefix of the given family (or either when undefined); returns its length and family. */
/**
 * The length of a canonical IPv4 prefix (four octets without leading zeros, no host bits), or -1 for
 * anything else: the common case of a dump, checked without allocating; the rest takes the full path.
 */
function canonicalPrefix4Length(text: string): number {
  let i = 0;
  let addr = 0;
  for (let octet = 0; octet < 4; octet++) {
    const s = i;
    let v = 0;
    while (i < text.length && isDigit(text.charCodeAt(i)) && i - s < 3) v = v * 10 + (text.charCodeAt(i++) - 48);
    if (i === s || v > 255 || (i - s > 1 && text.charCodeAt(s) === 48)) return -1;
    addr = addr * 256 + v;
    if (text.charCodeAt(i++) !== (octet < 3 ? 46 : 47)) return -1;
  }
  const s = i;
  let len = 0;
  while (i < text.length && isDigit(text.charCodeAt(i)) && i - s < 2) len = len * 10 + (text.charCodeAt(i++) - 48);
  if (i === s || i !== text.length || len > 32 || (i - s > 1 && text.charCodeAt(s) === 48)) return -1;
  return addr % (POWERS_OF_TWO[32 - len] ?? 1) === 0 ? len : -1;
}

/** 2 ** n for n in 0…32: the size of an IPv4 prefix's host part, without a Math.pow per prefix. */
const POWERS_OF_TWO: readonly number[] = Array.from({ length: 33 }, (_, n) => 2 ** n);

const V6_GROUPS = new Uint16Array(8);

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1; // upper case is not canonical (RFC 5952 §4.3)
}

/**
 * The length of an IPv6 prefix in RFC 5952 canonical form (lower case, no leading zeros, `::` for the
 * longest run of two or more zero groups, leftmost on a tie) with no host bits, or -1 for anything else.
 */
function canonicalPrefix6Length(text: string): number {
  const slash = text.indexOf('/');
  if (slash < 2) return -1;
  let n = 0;
  let gap = -1; // group index where "::" stands
  let i = 0;
  if (text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return -1;
    gap = 0;
    i = 2;
  }
  while (i < slash) {
    if (n === 8) return -1;
    const s = i;
    let v = 0;
    while (i < slash && i - s < 4) {
      const h = hexValue(text.charCodeAt(i));
      if (h < 0) break;
      v = v * 16 + h;
      i++;
    }
    if (i === s || (i - s > 1 && text.charCodeAt(s) === 48)) return -1;
    V6_GROUPS[n++] = v;
    if (i === slash) break;
    if (text.charCodeAt(i) !== 58) return -1;
    i++;
    if (text.charCodeAt(i) === 58) {
      if (gap >= 0) return -1;
      gap = n;
      i++;
    }
  }
  const missing = 8 - n;
  if (gap < 0 ? n !== 8 : missing < 2) return -1; // "::" for a single zero group is not canonical
  // Expand in place: groups after the gap move to the end, the gap becomes zeros.
  if (gap >= 0) {
    for (let k = n - 1; k >= gap; k--) V6_GROUPS[k + missing] = V6_GROUPS[k]!;
    for (let k = gap; k < gap + missing; k++) V6_GROUPS[k] = 0;
  }
  // The longest zero run must be exactly the gap (and no uncompressed run of two or more may remain).
  let bestStart = -1;
  let bestLen = 1;
  for (let k = 0; k < 8; ) {
    if (V6_GROUPS[k] !== 0) {
      k++;
      continue;
    }
    let j = k;
    while (j < 8 && V6_GROUPS[j] === 0) j++;
    if (j - k > bestLen) {
      bestStart = k;
      bestLen = j - k;
    }
    k = j;
  }
  if (gap >= 0 ? bestStart !== gap || bestLen !== missing : bestStart >= 0) return -1;
  let len = 0;
  const ls = slash + 1;
  for (i = ls; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c) || i - ls >= 3) return -1;
    len = len * 10 + (c - 48);
  }
  if (i === ls || len > 128 || (i - ls > 1 && text.charCodeAt(ls) === 48)) return -1;
  for (let g = 0; g < 8; g++) {
    const keep = Math.max(0, Math.min(16, len - g * 16));
    if (keep < 16 && (V6_GROUPS[g]! & (0xffff >> keep)) !== 0) return -1;
  }
  return len;
}

export function checkPrefix(cx: ValueContext, t: Token, afi: Afi | undefined, familyCode: RpslCode = 'rpsl/wrong-address-family'): { length: number; afi: Afi } | undefined {
  const text = t.text;
  if (afi !== 6) {
    const fast = canonicalPrefix4Length(text);
    if (fast >= 0) return { length: fast, afi: 4 };
  }
  if (afi !== 4) {
    const fast = canonicalPrefix6Length(text);
    if (fast >= 0) return { length: fast, afi: 6 };
  }
  const isV6 = text.includes(':');
  if (afi !== undefined && (afi === 6) !== isV6) {
    const ok = parsePrefix(text).ok;
    if (ok) {
      cx.report(
        familyCode,
        t.start,
        t.end,
        afi === 4
          ? `"${text}" is an IPv6 prefix; ${cx.attrName}: takes IPv4 only${cx.attrName === 'members' ? ' — put it in mp-members:' : cx.attrName === 'route' ? ' — use a route6 object' : ''}.`
          : `"${text}" is an IPv4 prefix; ${cx.attrName}: takes IPv6 only${cx.attrName === 'route6' ? ' — use a route object' : ''}.`,
      );
      return undefined;
    }
  }
  const r = parsePrefix(text);
  if (!r.ok) {
    cx.report('rpsl/invalid-prefix', t.start, t.end, `"${text}" is not ${afi === 6 ? 'an IPv6' : afi === 4 ? 'an IPv4' : 'an'} prefix (${r.reason}): write address/length, e.g. ${afi === 6 ? '2001:db8::/32' : '192.0.2.0/24'}.`);
    return undefined;
  }
  reportPrefixForm(cx, t, r);
  return { length: r.prefix.length, afi: r.prefix.afi };
}

/** Attributes whose value holds a filter (RFC 2622 §5.4): where RIPE's filter grammar reads any address/length. */
const FILTER_ATTRIBUTES: ReadonlySet<string> = new Set(['import', 'export', 'mp-import', 'mp-export', 'import-via', 'export-via', 'default', 'mp-default', 'filter', 'mp-filter', 'export-comps', 'components']);

/** How the prefix `t`, parsed as `r`, differs from its registry form: short form, host bits, leading zeros. */
export function reportPrefixForm(cx: ValueContext, t: Token, r: Extract<PrefixParse, { ok: true }>): void {
  const text = t.text;
  if (r.shortForm) {
    cx.report('rpsl/short-prefix', t.start, t.end, `"${text}" leaves out octets; write all four: ${r.normalized}.`, { title: `Write ${r.normalized}`, newText: r.normalized, preferred: !r.hostBitsSet });
  } else if (r.hostBitsSet && !(cx.profile.filterHostBitsAccepted && FILTER_ATTRIBUTES.has(cx.attrName))) {
    cx.report('rpsl/host-bits-set', t.start, t.end, `"${text}" has host bits set beyond /${r.prefix.length}: did you mean ${r.normalized}?`, { title: `Change to ${r.normalized}`, newText: r.normalized });
  } else if (text !== r.normalized && (r.leadingZeros || r.prefix.afi === 6)) {
    cx.report('rpsl/non-canonical', t.start, t.end, `The registry stores "${text}" as ${r.normalized}.`, { title: `Write ${r.normalized}`, newText: r.normalized, preferred: true });
  }
}

/**
 * A range operator (`^-`, `^+`, `^n`, `^n-m`, RFC 2622 §2) at `t` (text starting with `^`), applied to a
 * prefix of `length` (undefined for sets and AS numbers) in an address family `width` bits wide.
 */
export function checkRangeOperator(cx: ValueContext, t: Token, length: number | undefined, width: number): void {
  const text = t.text;
  if (text === '^-' || text === '^+') {
    if (length !== undefined && text === '^-' && length >= width)
      cx.report('rpsl/invalid-range-operator', t.start, t.end, `"^-" asks for lengths longer than /${length}, but /${width} is the longest there is.`);
    return;
  }
  let i = 1;
  let n = 0;
  const startDigits = i;
  while (i < text.length && isDigit(text.charCodeAt(i)) && i - startDigits < 4) n = n * 10 + (text.charCodeAt(i++) - 48);
  let m = n;
  let ok = i > startDigits;
  if (ok && i < text.length) {
    if (text.charCodeAt(i) !== 45) ok = false;
    else {
      i++;
      const s2 = i;
      m = 0;
      while (i < text.length && isDigit(text.charCodeAt(i)) && i - s2 < 4) m = m * 10 + (text.charCodeAt(i++) - 48);
      ok = i > s2 && i === text.length;
    }
  }
  if (!ok) {
    cx.report('rpsl/invalid-range-operator', t.start, t.end, `"${text}" is not a range operator: write ^-, ^+, ^n or ^n-m.`);
    return;
  }
  if (n > m) cx.report('rpsl/invalid-range-operator', t.start, t.end, `In "${text}" the lower length ${n} is above the upper ${m}: write ^${m}-${n}.`, { title: `Write ^${m}-${n}`, newText: `^${m}-${n}`, preferred: true });
  else if (m > width) cx.report('rpsl/invalid-range-operator', t.start, t.end, `"${text}" asks for lengths up to /${m}, beyond the address width /${width}.`);
  else if (length !== undefined && n < length)
    cx.report('rpsl/invalid-range-operator', t.start, t.end, `"${text}" starts at /${n}, shorter than the prefix's own /${length}: the range must start at /${length} or longer.`);
}

// ---- Set names ----


function setPrefixClass(text: string): SetClass | undefined {
  // Every prefix ends in "-" at index 2 (AS-, RS-) or 4 (RTRS-, FLTR-, PRNG-): most names are neither.
  if (text.charCodeAt(2) !== 45 && text.charCodeAt(4) !== 45) return undefined;
  for (const [p, cls] of SET_PREFIXES) if (startsWithUpper(text, p)) return cls;
  return undefined;
}

/** The set prefix (and its class) text[from, end) starts with, ignoring case. */
function setPrefixAt(text: string, from: number, end: number): (typeof SET_PREFIXES)[number] | undefined {
  for (const entry of SET_PREFIXES) {
    const p = entry[0];
    if (end - from < p.length) continue;
    let i = 0;
    while (i < p.length) {
      let c = text.charCodeAt(from + i);
      if (c >= 97 && c <= 122) c -= 32;
      if (c !== p.charCodeAt(i)) break;
      i++;
    }
    if (i === p.length) return entry;
  }
  return undefined;
}

/** A component that is an AS number in asplain: AS (any case) and digits only. */
function isAsnComponent(text: string, from: number, end: number): boolean {
  if (end - from < 3 || (text.charCodeAt(from) | 32) !== 97 || (text.charCodeAt(from + 1) | 32) !== 115) return false;
  for (let i = from + 2; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** text[from…] starts with `prefix` (upper case), ignoring the case of text; no allocation. */
function startsWithUpper(text: string, prefix: string, from = 0): boolean {
  if (text.length - from < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    let c = text.charCodeAt(from + i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/** True when the text has the shape of a set name of any class (for telling members apart). */
export function looksLikeSetName(text: string): boolean {
  let start = 0;
  for (;;) {
    const colon = text.indexOf(':', start);
    if (setPrefixClass(start === 0 && colon < 0 ? text : text.slice(start, colon < 0 ? text.length : colon))) return true;
    if (colon < 0) return false;
    start = colon + 1;
  }
}

/**
 * Checks a set name; `expected` is the class it must have (undefined: any), `definition` when it names the
 * object itself. Returns the set's class, or undefined when reported.
 */
export function checkSetName(cx: ValueContext, t: Token, expected: readonly SetClass[] | undefined, definition: boolean): SetClass | undefined {
  const text = t.text;
  if (text.length > 80) {
    cx.report('rpsl/set-name-too-long', t.start, t.end, `"${text.slice(0, 20)}…" is ${text.length} characters long; set names may have at most 80.`);
    return undefined;
  }
  // Components by their offsets, not split: most set names pass, and then nothing is copied.
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 58) count++;
  if (count > cx.profile.maxSetComponents) {
    cx.report('rpsl/set-name-too-many-components', t.start, t.end, `"${text}" has ${count} components; at most ${cx.profile.maxSetComponents} are allowed.`);
    return undefined;
  }
  let cls: SetClass | undefined;
  let start = 0;
  for (let k = 0; k < count; k++, start++) {
    let end = text.indexOf(':', start);
    if (end < 0) end = text.length;
    const from = start;
    start = end;
    if (end === from) {
      cx.report('rpsl/invalid-set-name', t.start, t.end, `"${text}" has an empty component: remove the stray ":".`);
      return undefined;
    }
    if (isAsnComponent(text, from, end)) continue;
    const prefix = setPrefixAt(text, from, end);
    if (!prefix || end - from <= prefix[0].length || !allNameBody(text, from, end)) {
      cx.report(
        'rpsl/invalid-set-name',
        t.start,
        t.end,
        `"${text.slice(from, end)}" in "${text}" is neither an AS number nor a set name (AS-, RS-, RTRS-, FLTR-, PRNG- followed by letters, digits, "-" or "_").`,
      );
      return undefined;
    }
    const pc = prefix[1];
    // The reserved components (RFC 2622 §5): AS-ANY, RS-ANY, RTRS-ANY, FLTR-ANY, PRNG-ANY — each prefix and ANY.
    if (end - from === prefix[0].length + 3 && startsWithUpper(text, 'ANY', from + prefix[0].length) && (definition || count > 1)) {
      cx.report('rpsl/set-name-reserved', t.start, t.end, `"${text.slice(from, end)}" is a reserved name (RFC 2622 §5) and cannot be ${definition ? 'defined' : 'a component'}; choose another name.`);
      return undefined;
    }
    if (cls && cls !== pc) {
      cx.report('rpsl/set-name-wrong-class', t.start, t.end, `"${text}" mixes ${cls} and ${pc} components; every set component must be of one class.`);
      return undefined;
    }
    cls = pc;
  }
  if (!cls) {
    cx.report('rpsl/invalid-set-name', t.start, t.end, `"${text}" has no set-name component (AS-…, RS-…): ${count > 1 ? 'add one, e.g. ' + text.slice(0, text.indexOf(':')) + ':AS-NAME' : 'a set name starts with its class prefix'}.`);
    return undefined;
  }
  if (expected && !expected.includes(cls)) {
    cx.report('rpsl/set-name-wrong-class', t.start, t.end, `"${text}" names ${a(cls)}; ${cx.attrName}: here takes ${expected.map(a).join(' or ')}.`);
    return undefined;
  }
  if (definition && count === 1 && cx.profile.hierarchicalSetClasses.has(cls))
    cx.report('rpsl/set-name-not-hierarchical', t.start, t.end, `${cx.profile.title} refuses a new ${cls} with a short name: name it under its owner's AS number, e.g. AS65000:${text}.`);
  return cls;
}

function a(cls: string): string {
  return `${/^[aeiou]/.test(cls) ? 'an' : 'a'} ${cls}`;
}

// ---- Names ----

const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'ANY', 'AS-ANY', 'RS-ANY', 'PEERAS', 'AND', 'OR', 'NOT', 'ATOMIC', 'FROM', 'TO', 'AT', 'ACTION', 'ACCEPT', 'ANNOUNCE', 'EXCEPT', 'REFINE', 'NETWORKS', 'INTO', 'INBOUND', 'OUTBOUND',
]);

/** RESERVED_WORDS by length, for a case-insensitive comparison without an upper-case copy of every name. */
const RESERVED_BY_LENGTH: readonly (readonly string[])[] = (() => {
  const out: string[][] = [];
  for (const w of RESERVED_WORDS) (out[w.length] ??= []).push(w);
  return out;
})();

function isReservedWord(text: string): boolean {
  const candidates = RESERVED_BY_LENGTH[text.length];
  if (!candidates) return false;
  for (const w of candidates) if (startsWithUpper(text, w)) return true;
  return false;
}

interface NameOptions {
  readonly allowedPrefixes?: readonly string[];
  readonly checkPrefixes?: boolean;
  /** What the name is, for messages: a string, or made from the context only when a message is written. */
  readonly what?: string | ((cx: ValueContext) => string);
}

/** What a name is, for a message (computed only when one is written). */
function whatOf(cx: ValueContext, opts: NameOptions): string {
  return typeof opts.what === 'function' ? opts.what(cx) : (opts.what ?? 'name');
}

/** IRRd's generic name: letter first, then letters, digits, `-`, `_`, ending in a letter or digit; no reserved words or set prefixes. */
export function checkGenericName(cx: ValueContext, t: Token, opts: NameOptions = {}): boolean {
  const text = t.text;
  const last = text.charCodeAt(text.length - 1);
  if (text.length < 2 || !isAsciiLetter(text.charCodeAt(0)) || !allNameBody(text, 0, text.length) || !isAsciiAlnum(last)) {
    cx.report(
      'rpsl/invalid-name',
      t.start,
      t.end,
      `"${text}" is not a valid ${whatOf(cx, opts)}: use letters, digits, "-" and "_", starting with a letter and ending with a letter or digit.`,
    );
    return false;
  }
  if (isReservedWord(text)) {
    cx.report('rpsl/invalid-name', t.start, t.end, `"${text}" is a reserved word of RPSL and cannot be a ${whatOf(cx, opts)}.`);
    return false;
  }
  if (opts.checkPrefixes !== false) {
    const pc = setPrefixClass(text);
    if (pc && !(opts.allowedPrefixes ?? []).some((p) => startsWithUpper(text, p))) {
      cx.report('rpsl/invalid-name', t.start, t.end, `"${text}" starts like a ${pc} name; a ${whatOf(cx, opts)} must not begin with a set prefix.`);
      return false;
    }
  }
  return true;
}

// ---- Addresses, e-mail, DNS ----

export function isDnsName(text: string, from = 0, to = text.length): boolean {
  return isHostName(text, from, to, DNS_NAME);
}

/**
 * How host names are read: as registries take DNS names (labels may hold "_"; RFC 1035's 63 and 253
 * character limits), or as RIPE whois reads a name server (NServer.HOSTNAME_PATTERN: letters, digits
 * and "-" only, no length limits).
 */
interface HostNameRules {
  readonly underscore: boolean;
  readonly lengthLimits: boolean;
}
const DNS_NAME: HostNameRules = { underscore: true, lengthLimits: true };
const RIPE_NSERVER_HOST: HostNameRules = { underscore: false, lengthLimits: false };

/** Labels joined by dots (one trailing dot allowed), none empty, none starting or ending with "-". */
function isHostName(text: string, from: number, to: number, rules: HostNameRules): boolean {
  let end = to;
  if (end > from && text.charCodeAt(end - 1) === 46) end--;
  if (end <= from || (rules.lengthLimits && end - from > 253)) return false;
  let labelStart = from;
  for (let i = from; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 46;
    if (c === 46) {
      const len = i - labelStart;
      if (len === 0 || (rules.lengthLimits && len > 63) || text.charCodeAt(labelStart) === 45 || text.charCodeAt(i - 1) === 45) return false;
      labelStart = i + 1;
    } else if (!(isAsciiAlnum(c) || c === 45 || (c === 95 && rules.underscore))) return false;
  }
  return true;
}

/** RFC 5322 atext and dots, by character code. */
const LOCAL_PART_PUNCT: ReadonlySet<number> = new Set([..."!#$%&'*+-/=?^_`{|}~."].map((c) => c.charCodeAt(0)));
function isLocalPartChar(c: number): boolean {
  return isAsciiAlnum(c) || LOCAL_PART_PUNCT.has(c);
}

export function isEmail(text: string): boolean {
  return isEmailIn(text, 0, text.length);
}

/** isEmail of text[from, to), without copying it out. */
function isEmailIn(text: string, from: number, to: number): boolean {
  let at = to - 1;
  while (at >= from && text.charCodeAt(at) !== 64 /* @ */) at--;
  if (at <= from || at === to - 1) return false;
  for (let i = from; i < at; i++) if (!isLocalPartChar(text.charCodeAt(i))) return false;
  if (text.charCodeAt(at + 1) === 91 /* [ */ && text.charCodeAt(to - 1) === 93) {
    const lit = text.slice(at + 2, to - 1);
    const v4 = parseIPv4(lit);
    return (v4 !== undefined && v4.parts === 4) || parseIPv6(lit.replace(/^IPv6:/i, '')) !== undefined;
  }
  let dot = at + 1;
  while (dot < to && text.charCodeAt(dot) !== 46) dot++;
  return dot < to && isDnsName(text, at + 1, to) && isAsciiLetter(text.charCodeAt(to - 1));
}

/** Checks the e-mail address at text[from, to) of the value. */
function checkEmail(cx: ValueContext, from: number, to: number): boolean {
  if (isEmailIn(cx.value, from, to)) return true;
  cx.report('rpsl/invalid-email', from, to, `"${cx.value.slice(from, to)}" is not an e-mail address: write name@domain.example.`);
  return false;
}

/**
 * An e-mail attribute: an RFC 822 address (RFC 2622 §2 says so), which is an addr-spec or a mailbox with a
 * display name, `NOC <noc@example.com>` (RFC 822 §6.1 "phrase route-addr"); RIPE whois takes both too
 * (AttributeParser.EmailParser → InternetAddress.parse). IRRd takes the addr-spec only: dialects.ts.
 */
function checkMailbox(cx: ValueContext): void {
  const v = cx.value;
  const lt = v.charCodeAt(v.length - 1) === 62 /* > */ ? v.indexOf('<') : -1;
  if (lt < 0) {
    checkEmail(cx, 0, v.length);
    return;
  }
  // The display name may be quoted; unquoted it is words without the brackets of the address.
  if (v.indexOf('>') === v.length - 1 && v.indexOf('<', lt + 1) < 0 && isEmailIn(v, lt + 1, v.length - 1)) return;
  cx.report('rpsl/invalid-email', 0, v.length, `"${v}" is not an e-mail address: write name@domain.example, or a name and the address in angle brackets, e.g. NOC <noc@example.net>.`);
}

/** A registry key checked against one of RIPE whois' AttributeSyntax regexes, with its length limit. */
function ripeKeyChecker(pattern: RegExp, maxLength: number, message: (value: string) => string): ValueChecker {
  return (cx) => {
    const v = cx.value;
    if (v.length > maxLength || !pattern.test(v)) cx.report('rpsl/invalid-name', 0, v.length, message(v));
  };
}

// RIPE-NCC/whois whois-rpsl/…/rpsl/AttributeSyntax.java, each with (?i) and matched whole (Matcher.matches).
/** NIC_HANDLE_SYNTAX, at most 30: (?i)^([A-Z]{2,4}([1-9][0-9]{0,5})?(-[A-Z]{2,10})?|AUTO-[1-9][0-9]*([A-Z]{2,4})?)$ */
const RIPE_NIC_HANDLE = /^(?:[A-Z]{2,4}(?:[1-9][0-9]{0,5})?(?:-[A-Z]{2,10})?|AUTO-[1-9][0-9]*(?:[A-Z]{2,4})?)$/i;
/** ORGANISATION_SYNTAX, at most 30: (?i)^(ORG-[A-Z]{2,4}([1-9][0-9]{0,5})?-[A-Z][A-Z0-9_-]*[A-Z0-9]|AUTO-[1-9][0-9]*([A-Z]{2,4})?)$ */
const RIPE_ORGANISATION = /^(?:ORG-[A-Z]{2,4}(?:[1-9][0-9]{0,5})?-[A-Z][A-Z0-9_-]*[A-Z0-9]|AUTO-[1-9][0-9]*(?:[A-Z]{2,4})?)$/i;
/** IRT_SYNTAX: (?i)^irt-[A-Z0-9_-]*[A-Z0-9]$ */
const RIPE_IRT = /^irt-[A-Z0-9_-]*[A-Z0-9]$/i;
/** POEM_SYNTAX, at most 80: (?i)^POEM-[A-Z0-9][A-Z0-9_-]*$ */
const RIPE_POEM = /^POEM-[A-Z0-9][A-Z0-9_-]*$/i;
/** POETIC_FORM_SYNTAX, at most 80: (?i)^FORM-[A-Z0-9][A-Z0-9_-]*$ */
const RIPE_POETIC_FORM = /^FORM-[A-Z0-9][A-Z0-9_-]*$/i;

/** `nserver:` as RIPE whois parses it (attrs/NServer.java): a host name, then optionally one IPv4 or IPv6 address. */
function checkNserver(cx: ValueContext): void {
  const v = cx.value;
  const hs = wordStart(v, 0);
  const he = wordEnd(v, hs);
  if (!isHostName(v, hs, he, RIPE_NSERVER_HOST)) {
    cx.report('rpsl/invalid-dns-name', hs, he, `"${v.slice(hs, he)}" is not a name server's host name: labels of letters, digits and "-", joined by dots.`);
    return;
  }
  const as = wordStart(v, he);
  if (as === v.length) return;
  const ae = wordEnd(v, as);
  // IpInterval.parse, then "Not a single address" unless it is a /32 or /128.
  const text = v.slice(as, ae);
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const v6 = addr.includes(':');
  const ok = (v6 ? parseIPv6(addr) !== undefined : parseIPv4Strict(addr) !== undefined) && (slash < 0 || text.slice(slash + 1) === (v6 ? '128' : '32'));
  if (!ok) cx.report('rpsl/invalid-nserver', as, ae, `"${text}" is not a single IPv4 or IPv6 address: after the host name, nserver: takes only its glue address, e.g. 192.0.2.53.`);
  const xs = wordStart(v, ae);
  if (xs < v.length) cx.report('rpsl/invalid-nserver', xs, v.length, 'nserver: is "host-name [address]": remove the rest.');
}

/** `geofeed:` as RIPE whois' GeofeedSyntax has it: a URL with the https scheme only (UrlValidator(["https"])). */
function checkGeofeed(cx: ValueContext): void {
  const v = cx.value;
  if (!/^https:\/\/[^\s/?#]+/i.test(v) || /\s/.test(v)) cx.report('rpsl/invalid-url', 0, v.length, `"${v}" is not an https URL: geofeed: must point at the CSV over https, e.g. https://example.net/geofeed.csv.`);
}

/** An MD5-PW argument as RIPE whois' AUTH_SCHEME_SYNTAX has it: $1$<salt of 1–8 of [A-Za-z0-9./]>$<22 of them>. */
function isMd5CryptHash(text: string): boolean {
  if (text.length < 27 || text.length > 34 || !text.startsWith('$1$')) return false;
  const end = text.indexOf('$', 3);
  if (end < 4 || end > 11 || text.length - end - 1 !== 22) return false;
  for (let i = 3; i < text.length; i++) if (i !== end && !isCryptChar(text.charCodeAt(i))) return false;
  return true;
}
function isCryptChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 46 || c === 47;
}

const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A calendar date; a negative part (digitsAt's "not digits") is none. */
function isValidDate(y: number, m: number, d: number): boolean {
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
  return d <= days;
}

function parseIPv4Strict(text: string): { value: number; leadingZeros: boolean } | undefined {
  const r = parseIPv4(text);
  if (!r || r.parts !== 4) return undefined;
  return { value: r.words[0] ?? 0, leadingZeros: r.leadingZeros };
}

function formatV4(w: number): string {
  return `${w >>> 24}.${(w >>> 16) & 255}.${(w >>> 8) & 255}.${w & 255}`;
}

// ---- The checkers by type ----

const NO_ITEMS: readonly Token[] = [];

/**
 * The items of a comma-separated value (listItems), with a value of one item — most lists of a dump —
 * answered without scanning for empty items. Each list checker loops over these itself: one shared loop
 * calling a checker passed in would make that call megamorphic (it would see every list type) and slow
 * all of them down.
 */
function items(cx: ValueContext): readonly Token[] {
  const v = cx.value;
  if (v.indexOf(',') >= 0) return listItems(cx);
  let s = 0;
  let e = v.length;
  while (s < e && isBlank(v.charCodeAt(s))) s++;
  while (e > s && isBlank(v.charCodeAt(e - 1))) e--;
  if (s >= e) return NO_ITEMS;
  return [s === 0 && e === v.length ? whole(cx) : { text: v.slice(s, e), start: s, end: e }];
}

/** Item bounds (start, end pairs) of the value itemBounds read last. */
let bounds = new Int32Array(256);
/** Its empty items (the start and end of each, between the commas around it) and how many. */
let empties = new Int32Array(16);
let emptyCount = 0;

/** `a` with room for `need` numbers (the same array when it has it). */
function roomFor(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const grown = new Int32Array(Math.max(need, a.length * 2));
  grown.set(a);
  return grown;
}

/**
 * The items of a comma-separated value as offsets, in `bounds`: their count. Empty items (reported by
 * listItems) go to `empties`, `emptyCount` of them. No token and no string per item.
 */
function itemBounds(v: string): number {
  let n = 0;
  emptyCount = 0;
  let i = 0;
  while (i <= v.length) {
    let j = v.indexOf(',', i);
    if (j < 0) j = v.length;
    let s = i;
    let e = j;
    while (s < e && isBlank(v.charCodeAt(s))) s++;
    while (e > s && isBlank(v.charCodeAt(e - 1))) e--;
    if (s < e) {
      bounds = roomFor(bounds, 2 * n + 2);
      bounds[2 * n] = s;
      bounds[2 * n + 1] = e;
      n++;
    } else if (j < v.length || i > 0) {
      empties = roomFor(empties, 2 * emptyCount + 2);
      empties[2 * emptyCount] = i;
      empties[2 * emptyCount + 1] = j;
      emptyCount++;
    }
    i = j + 1;
  }
  return n;
}

/** An item of an as-set's members: an AS number or an as-set name. */
function checkAsSetMember(cx: ValueContext, t: Token): void {
  if (looksLikeAsn(t.text)) checkAsn(cx, t);
  else if (looksLikeSetName(t.text)) checkSetName(cx, t, AS_SET, false);
  else cx.report('rpsl/invalid-member', t.start, t.end, `"${t.text}" is not an as-set member: write an AS number (AS65000) or an as-set name (AS-…).`);
}

/** `<member>[^op]` where the member is a prefix, an AS number or a set name (route-set members). */
function checkRouteSetMember(cx: ValueContext, t: Token, afi: Afi | undefined): void {
  const caret = t.text.indexOf('^');
  const base: Token = caret < 0 ? t : { text: t.text.slice(0, caret), start: t.start, end: t.start + caret };
  const op: Token | undefined = caret < 0 ? undefined : { text: t.text.slice(caret), start: t.start + caret, end: t.end };
  const width = afi === 4 ? 32 : 128;
  if (base.text.includes('/')) {
    const p = checkPrefix(cx, base, afi, 'rpsl/member-wrong-family');
    if (p && op) checkRangeOperator(cx, op, p.length, p.afi === 4 ? 32 : 128);
    return;
  }
  if (looksLikeAsn(base.text)) {
    checkAsn(cx, base);
  } else if (looksLikeSetName(base.text)) {
    checkSetName(cx, base, ROUTE_OR_AS_SET, false);
  } else {
    cx.report('rpsl/invalid-member', base.start, base.end, `"${base.text}" is not a route-set member: write a prefix (192.0.2.0/24^24-28), an AS number, a route-set (RS-…) or an as-set (AS-…).`);
    return;
  }
  if (op) checkRangeOperator(cx, op, undefined, width);
}

function checkRtrSetMember(cx: ValueContext, t: Token): void {
  if (looksLikeSetName(t.text)) {
    checkSetName(cx, t, RTR_SET, false);
    return;
  }
  const v4 = parseIPv4Strict(t.text);
  if (v4) return;
  if (t.text.includes(':') && parseIPv6(t.text)) {
    if (cx.attrName === 'members') cx.report('rpsl/member-wrong-family', t.start, t.end, `"${t.text}" is an IPv6 address; put it in mp-members:.`);
    return;
  }
  if (!isDnsName(t.text)) cx.report('rpsl/invalid-member', t.start, t.end, `"${t.text}" is not an rtr-set member: write an inet-rtr name, an rtr-set (RTRS-…) or an address.`);
}

const AS_SET: readonly SetClass[] = ['as-set'];
const RTR_SET: readonly SetClass[] = ['rtr-set'];
const ROUTE_OR_AS_SET: readonly SetClass[] = ['route-set', 'as-set'];

const MEMBER_OF_CLASS: Readonly<Record<string, SetClass>> = { 'aut-num': 'as-set', route: 'route-set', route6: 'route-set', 'inet-rtr': 'rtr-set' };
const SET_CLASS_OF_OBJECT: ReadonlySet<string> = new Set(['as-set', 'route-set', 'rtr-set', 'filter-set', 'peering-set']);

const AUTH_WITH_ARGUMENT: ReadonlySet<string> = new Set(['MD5-PW', 'BCRYPT-PW', 'CRYPT-PW', 'SSO', 'MAIL-FROM']);

function checkAuth(cx: ValueContext): void {
  const ws = words(cx.value);
  const first = ws[0];
  if (!first) return;
  const scheme = first.text.toUpperCase();
  const accepted = cx.profile.authSchemes;
  if (scheme.startsWith('PGPKEY-')) {
    if (!accepted.has('PGPKEY')) cx.report('rpsl/invalid-auth', first.start, first.end, `PGPKEY is not accepted in the ${cx.profile.title} dialect.`);
    else if (first.text.length !== 15 || !allChars(first.text, isHexDigit, 7))
      cx.report('rpsl/invalid-auth', first.start, first.end, `"${first.text}" must be PGPKEY- followed by the last 8 hex digits of the key fingerprint.`);
    if (ws.length > 1) cx.report('rpsl/invalid-auth', ws[1]?.start ?? 0, cx.value.length, 'PGPKEY-… takes no argument: remove the rest.');
    return;
  }
  // RIPE's AUTH_SCHEME_SYNTAX: AUTO-<n> names a key-cert created in the same update (AUTO-[1-9][0-9]*).
  if (scheme.startsWith('AUTO-') && accepted.has('AUTO')) {
    if (first.text.length < 6 || first.text.charCodeAt(5) === 48 || !allChars(first.text, isDigit, 5)) cx.report('rpsl/invalid-auth', first.start, first.end, `"${first.text}" must be AUTO- followed by a number not starting with 0.`);
    return;
  }
  if (scheme.startsWith('X509-')) {
    if (!accepted.has('X509')) cx.report('rpsl/invalid-auth', first.start, first.end, `X509 key-certs are not accepted in the ${cx.profile.title} dialect.`);
    else if (first.text.length < 6 || !allChars(first.text, isDigit, 5)) cx.report('rpsl/invalid-auth', first.start, first.end, `"${first.text}" must be X509- followed by a number.`);
    return;
  }
  if (!accepted.has(scheme)) {
    const list = [...accepted].map((s) => (s === 'PGPKEY' ? 'PGPKEY-<id>' : s === 'X509' ? 'X509-<n>' : s)).join(', ');
    cx.report('rpsl/invalid-auth', first.start, first.end, `"${first.text}" is not an auth scheme of the ${cx.profile.title} dialect; use one of ${list}.`);
    return;
  }
  if (AUTH_WITH_ARGUMENT.has(scheme) && ws.length < 2) {
    cx.report('rpsl/invalid-auth', first.start, first.end, `${scheme} needs its argument after a space (the hash, or the account for SSO).`);
    return;
  }
  const hash = ws[1];
  if (scheme === 'MD5-PW' && hash && cx.profile.md5HashShape && (ws.length > 2 || !isMd5CryptHash(hash.text))) {
    cx.report('rpsl/invalid-auth', hash.start, cx.value.length, `"${cx.value.slice(hash.start)}" is not an MD5-PW hash: write the crypt-md5 hash $1$<salt of 1–8 characters>$<22 characters>, e.g. from openssl passwd -1.`);
    return;
  }
  if (scheme === 'CRYPT-PW' || scheme === 'NONE' || scheme === 'MAIL-FROM')
    cx.report(
      'rpsl/weak-auth',
      first.start,
      first.end,
      scheme === 'CRYPT-PW' ? 'CRYPT-PW hashes are trivially cracked (and rejected by IRRd and RIPE): use BCRYPT-PW or PGPKEY.' : `${scheme} lets anyone who can send mail update the objects: use BCRYPT-PW or PGPKEY.`,
    );
}

/** The number written by the `length` digits at `from`, or -1 when one of them is not a digit. */
function digitsAt(v: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) {
    const c = v.charCodeAt(i);
    if (!isDigit(c)) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The end of the word (a run of non-blanks) at `from`. */
function wordEnd(v: string, from: number): number {
  let i = from;
  while (i < v.length && !isBlank(v.charCodeAt(i))) i++;
  return i;
}

/** The start of the next word at or after `from` (v.length when none). */
function wordStart(v: string, from: number): number {
  let i = from;
  while (i < v.length && isBlank(v.charCodeAt(i))) i++;
  return i;
}

function checkChanged(cx: ValueContext): void {
  // Words taken one by one, as words() would split them: e-mail, date, anything else.
  const v = cx.value;
  const es = wordStart(v, 0);
  if (es === v.length) return;
  const ee = wordEnd(v, es);
  checkEmail(cx, es, ee);
  const ds = wordStart(v, ee);
  if (ds < v.length) {
    const de = wordEnd(v, ds);
    const ok = de - ds === 8 && isValidDate(digitsAt(v, ds, 4), digitsAt(v, ds + 4, 2), digitsAt(v, ds + 6, 2));
    if (!ok) cx.report('rpsl/invalid-date', ds, de, `"${v.slice(ds, de)}" is not a date: write YYYYMMDD, e.g. 20240131.`);
    const xs = wordStart(v, de);
    if (xs < v.length) cx.report('rpsl/invalid-changed', xs, v.length, 'changed: is "e-mail [YYYYMMDD]": remove the rest.');
  }
}

/** Where YYYY-MM-DDThh:mm:ssZ has its separators. */
const DATETIME_SEPARATORS: readonly (readonly [number, number])[] = [
  [4, 45],
  [7, 45],
  [10, 84],
  [13, 58],
  [16, 58],
  [19, 90],
];

function checkDatetime(cx: ValueContext): void {
  const v = cx.value;
  let ok = v.length === 20;
  for (const [at, c] of DATETIME_SEPARATORS) if (v.charCodeAt(at) !== c) ok = false;
  if (ok) {
    const hh = digitsAt(v, 11, 2);
    const mm = digitsAt(v, 14, 2);
    const ss = digitsAt(v, 17, 2);
    ok = isValidDate(digitsAt(v, 0, 4), digitsAt(v, 5, 2), digitsAt(v, 8, 2)) && hh >= 0 && hh <= 23 && mm >= 0 && mm <= 59 && ss >= 0 && ss <= 60;
  }
  if (!ok) cx.report('rpsl/invalid-date', 0, v.length, `"${v}" is not a timestamp: write YYYY-MM-DDThh:mm:ssZ.`);
}

function checkIpv4Range(cx: ValueContext): void {
  const v = cx.value;
  const dash = v.indexOf('-');
  if (dash < 0 && cx.profile.inetnumPrefixNotation && v.indexOf('/') >= 0) {
    checkInetnumPrefix(cx);
    return;
  }
  const parts = dash < 0 ? [v] : [v.slice(0, dash), v.slice(dash + 1)];
  if (parts.length === 2 && v.indexOf('-', dash + 1) >= 0) {
    cx.report('rpsl/invalid-address-range', 0, v.length, `"${v}" is not an address range: write first - last.`);
    return;
  }
  const vals: number[] = [];
  let pos = 0;
  let normalised = false;
  for (const raw of parts) {
    const text = raw.trim();
    const start = pos + raw.indexOf(text);
    pos += raw.length + 1;
    if (text.includes(':')) {
      cx.report('rpsl/wrong-address-family', start, start + text.length, `"${text}" is an IPv6 address; inetnum: takes IPv4 — use an inet6num object.`);
      return;
    }
    const a = parseIPv4Strict(text);
    if (!a) {
      cx.report('rpsl/invalid-address-range', start, start + text.length, `"${text}" is not an IPv4 address (four numbers 0–255).`);
      return;
    }
    if (a.leadingZeros) normalised = true;
    vals.push(a.value);
  }
  const [lo, hi] = [vals[0] ?? 0, vals[1] ?? vals[0] ?? 0];
  if (hi < lo) {
    cx.report('rpsl/range-reversed', 0, v.length, `The range ends (${formatV4(hi)}) before it starts (${formatV4(lo)}): swap the two addresses.`, {
      title: 'Swap the ends',
      newText: `${formatV4(hi)} - ${formatV4(lo)}`,
      preferred: true,
    });
    return;
  }
  const canonical = vals.length === 1 ? formatV4(lo) : `${formatV4(lo)} - ${formatV4(hi)}`;
  if (normalised) cx.report('rpsl/non-canonical', 0, v.length, `The registry stores this range as ${canonical}.`, { title: `Write ${canonical}`, newText: canonical, preferred: true });
}

/**
 * inetnum: as LACNIC's whois writes it: a prefix of either family, IPv4 with trailing zero octets left out
 * (200.57.128/19, 2801:10:c000::/48), or a range. That short form is LACNIC's own, not a mistake.
 */
function checkLacnicInetnum(cx: ValueContext): void {
  const v = cx.value;
  if (v.indexOf('/') < 0) {
    checkIpv4Range(cx);
    return;
  }
  const r = parsePrefix(v);
  if (!r.ok) cx.report('rpsl/invalid-prefix', 0, v.length, `"${v}" is not a prefix (${r.reason}): write address/length, e.g. 200.57.128/19 or 2801:10:c000::/48.`);
}

/** An inetnum written as a prefix, where the registry takes it and stores the range (RIPE whois Ipv4Resource.parse). */
function checkInetnumPrefix(cx: ValueContext): void {
  const v = cx.value;
  const r = parsePrefix(v);
  if (!r.ok || r.prefix.afi !== 4 || r.shortForm) {
    cx.report('rpsl/invalid-address-range', 0, v.length, `"${v}" is neither an address range nor an IPv4 prefix: write first - last, e.g. 192.0.2.0 - 192.0.2.255.`);
    return;
  }
  if (r.hostBitsSet) {
    cx.report('rpsl/host-bits-set', 0, v.length, `"${v}" has host bits set beyond /${r.prefix.length}: did you mean ${r.normalized}?`, { title: `Change to ${r.normalized}`, newText: r.normalized });
    return;
  }
  const first = (r.prefix.words[0] ?? 0) >>> 0;
  const range = `${formatV4(first)} - ${formatV4(first + (POWERS_OF_TWO[32 - r.prefix.length] ?? 1) - 1)}`;
  cx.report('rpsl/non-canonical', 0, v.length, `The registry stores ${v} as the range ${range}.`, { title: `Write ${range}`, newText: range, preferred: true });
}

function checkAsBlock(cx: ValueContext): void {
  const v = cx.value;
  const dash = v.indexOf('-');
  if (dash < 0 || v.indexOf('-', dash + 1) >= 0) {
    cx.report('rpsl/invalid-as-block', 0, v.length, `"${v}" is not an AS range: write ASfirst - ASlast, e.g. AS64496 - AS64511.`);
    return;
  }
  const toks: Token[] = [];
  for (const [from, to] of [
    [0, dash],
    [dash + 1, v.length],
  ] as const) {
    let s = from;
    let e = to;
    while (s < e && isBlank(v.charCodeAt(s))) s++;
    while (e > s && isBlank(v.charCodeAt(e - 1))) e--;
    toks.push({ text: v.slice(s, e), start: s, end: e });
  }
  const [t0, t1] = toks as [Token, Token];
  if (!looksLikeAsn(t0.text) || !looksLikeAsn(t1.text)) {
    cx.report('rpsl/invalid-as-block', 0, v.length, `"${v}" is not an AS range: both ends must be AS numbers.`);
    return;
  }
  const a0 = checkAsn(cx, t0);
  const a1 = checkAsn(cx, t1);
  if (a0 !== undefined && a1 !== undefined && a1 < a0)
    cx.report('rpsl/range-reversed', 0, v.length, `The block ends (AS${a1}) before it starts (AS${a0}): swap the two ends.`, {
      title: 'Swap the ends',
      newText: `AS${a1} - AS${a0}`,
      preferred: true,
    });
}

function enumChecker(code: RpslCode, values: (cx: ValueContext) => readonly string[] | undefined, what: string): ValueChecker {
  return (cx) => {
    const list = values(cx);
    if (!list) return;
    const v = cx.value.replace(/\s+/g, ' ').toUpperCase();
    if (!list.includes(v)) cx.report(code, 0, cx.value.length, `"${cx.value}" is not a ${what}; use one of: ${list.join(', ')}.`);
  };
}

function checkPhone(cx: ValueContext): void {
  const v = cx.value;
  // An optional "ext. 123" at the end (found without a regex, which would backtrack on long runs of blanks).
  const ext = v.toLowerCase().lastIndexOf('ext.');
  const extDigits = ext >= 0 ? v.slice(ext + 4).trim() : '';
  const main = ext >= 0 && extDigits.length > 0 && allChars(extDigits, isDigit) ? v.slice(0, ext).trimEnd() : v;
  const ok = main.length >= 3 && main.charCodeAt(0) === 43 && isDigit(main.charCodeAt(1)) && allChars(main, (c) => isDigit(c) || c === 32 || c === 46 || c === 45 || c === 40 || c === 41, 1);
  if (!ok) cx.report('rpsl/invalid-phone', 0, v.length, `"${v}" is not an international phone number: write +, the country code and the number, e.g. +31 20 535 4444.`);
}

// Options of the name checks, made once: the checkers below run for most attributes of a dump.
const AS_NAME: NameOptions = { allowedPrefixes: ['AS-'], what: 'AS name' };
const MAINTAINER: NameOptions = { what: 'maintainer name' };
const CONTACT: NameOptions = { what: 'contact handle' };
const NIC_HANDLE: NameOptions = { what: 'nic-handle' };
const ORGANISATION: NameOptions = { what: 'organisation key' };
const IRT: NameOptions = { what: 'irt name' };
const GENERIC: NameOptions = { what: (cx) => `${cx.attrName} name` };
const SOURCE_NAME: NameOptions = { what: 'source name', checkPrefixes: false };

const CHECKERS: Readonly<Record<ValueType, ValueChecker>> = {
  free: () => undefined,
  policy: () => undefined, // handed to the policy area by the validator
  asn: (cx) => void checkAsn(cx, whole(cx)),
  'as-block': checkAsBlock,
  'as-name': (cx) => void checkGenericName(cx, whole(cx), AS_NAME),
  'set-name': (cx) => {
    const cls = SET_CLASS_OF_OBJECT.has(cx.className) ? (cx.className as SetClass) : undefined;
    checkSetName(cx, whole(cx), cls ? [cls] : undefined, true);
  },
  'as-set-members': (cx) => {
    // An as-set of a dump lists thousands of AS numbers as the registry writes them: those pass by their
    // offsets, and only the other items become tokens.
    const v = cx.value;
    const n = itemBounds(v);
    if (emptyCount > 0) {
      for (const t of items(cx)) checkAsSetMember(cx, t);
      return;
    }
    for (let k = 0; k < n; k++) {
      const s = bounds[2 * k]!;
      const e = bounds[2 * k + 1]!;
      if (!isCanonicalAsnAt(v, s, e)) checkAsSetMember(cx, s === 0 && e === v.length ? whole(cx) : { text: v.slice(s, e), start: s, end: e });
    }
  },
  'route-set-members': (cx) => {
    for (const t of items(cx)) checkRouteSetMember(cx, t, 4);
  },
  'route-set-mp-members': (cx) => {
    for (const t of items(cx)) checkRouteSetMember(cx, t, undefined);
  },
  'rtr-set-members': (cx) => {
    for (const t of items(cx)) checkRtrSetMember(cx, t);
  },
  'member-of': (cx) => {
    const cls = MEMBER_OF_CLASS[cx.className];
    for (const t of items(cx)) checkSetName(cx, t, cls ? [cls] : undefined, false);
  },
  'mntner-list': (cx) => {
    for (const t of items(cx)) checkGenericName(cx, t, MAINTAINER);
  },
  'mbrs-by-ref': (cx) => {
    for (const t of items(cx)) if (t.text.toUpperCase() !== 'ANY') checkGenericName(cx, t, MAINTAINER);
  },
  'mnt-routes': (cx) => {
    const first = words(cx.value)[0];
    if (first) checkGenericName(cx, { ...first, text: first.text.replace(/,$/, ''), end: first.text.endsWith(',') ? first.end - 1 : first.end }, MAINTAINER);
  },
  'nic-ref': (cx) => void checkGenericName(cx, whole(cx), CONTACT),
  'nic-hdl': (cx) => void checkGenericName(cx, whole(cx), NIC_HANDLE),
  'org-ref': (cx) => void checkGenericName(cx, whole(cx), ORGANISATION),
  'irt-name': (cx) => void checkGenericName(cx, whole(cx), IRT),
  'ripe-nic-hdl': ripeKeyChecker(RIPE_NIC_HANDLE, 30, (v) => `"${v}" is not a RIPE nic-handle: 2–4 letters, up to 6 digits not starting with 0, and an optional -SOURCE, e.g. JD1-RIPE (at most 30 characters).`),
  'ripe-org': ripeKeyChecker(RIPE_ORGANISATION, 30, (v) => `"${v}" is not an organisation key: ORG-, 2–4 letters, up to 6 digits not starting with 0, and -SOURCE, e.g. ORG-EXA1-RIPE.`),
  'ripe-irt': ripeKeyChecker(RIPE_IRT, Infinity, (v) => `"${v}" is not an irt name: IRT- followed by letters, digits, "_" or "-", ending with a letter or digit, e.g. IRT-EXAMPLE.`),
  'poem-name': ripeKeyChecker(RIPE_POEM, 80, (v) => `"${v}" is not a poem name: POEM- followed by letters, digits, "_" or "-", e.g. POEM-ROUTING.`),
  'form-name': ripeKeyChecker(RIPE_POETIC_FORM, 80, (v) => `"${v}" is not a poetic-form name: FORM- followed by letters, digits, "_" or "-", e.g. FORM-HAIKU.`),
  nserver: checkNserver,
  geofeed: checkGeofeed,
  'generic-name': (cx) => void checkGenericName(cx, whole(cx), GENERIC),
  source: (cx) => void checkGenericName(cx, whole(cx), SOURCE_NAME),
  email: checkMailbox,
  'email-addr-spec': (cx) => void checkEmail(cx, 0, cx.value.length),
  changed: checkChanged,
  datetime: checkDatetime,
  auth: checkAuth,
  prefix4: (cx) => void checkPrefix(cx, whole(cx), 4),
  prefix6: (cx) => void checkPrefix(cx, whole(cx), 6),
  'prefix4-list': (cx) => {
    for (const t of items(cx)) checkPrefix(cx, t, 4);
  },
  'prefix6-list': (cx) => {
    for (const t of items(cx)) checkPrefix(cx, t, 6);
  },
  'ipv4-range': checkIpv4Range,
  'lacnic-inetnum': checkLacnicInetnum,
  // LACNIC's whois and registry dump write an aut-num as its bare number (aut-num: 278).
  'lacnic-asn': (cx) => {
    if (!allChars(cx.value, isDigit)) void checkAsn(cx, whole(cx));
  },
  'dns-name': (cx) => {
    if (!isDnsName(cx.value)) cx.report('rpsl/invalid-dns-name', 0, cx.value.length, `"${cx.value}" is not a DNS name: labels of letters, digits and "-", joined by dots.`);
  },
  'domain-name': (cx) => {
    if (!isDnsName(cx.value)) cx.report('rpsl/invalid-dns-name', 0, cx.value.length, `"${cx.value}" is not a domain name: labels of letters, digits and "-", joined by dots.`);
  },
  country: (cx) => {
    const v = cx.value;
    if (v.length !== 2 || !isAsciiLetter(v.charCodeAt(0)) || !isAsciiLetter(v.charCodeAt(1))) cx.report('rpsl/invalid-country', 0, v.length, `"${v}" is not a country code: write the two-letter ISO 3166 code, e.g. DE.`);
    else if (!ISO_COUNTRIES.has(v.toUpperCase()) && !cx.profile.extraCountries?.has(v.toUpperCase())) cx.report('rpsl/unknown-country', 0, v.length, `"${v}" is not an ISO 3166-1 country code.`);
  },
  status: enumChecker('rpsl/invalid-status', (cx) => cx.profile.statusByClass[cx.className], 'status of this class'),
  phone: checkPhone,
  url: (cx) => {
    const v = cx.value;
    const m = /^https?:\/\/[^\s/]+/i.exec(v);
    if (!m || /\s/.test(v)) cx.report('rpsl/invalid-url', 0, v.length, `"${v}" is not an http(s) URL: write https://host/path.`);
  },
  'key-cert-name': (cx) => {
    const v = cx.value.toUpperCase();
    const ok = (v.startsWith('PGPKEY-') && v.length === 15 && allChars(v, isHexDigit, 7)) || (v.startsWith('X509-') && v.length > 5 && allChars(v, isDigit, 5)) || /^AUTO-\d+$/.test(v);
    if (!ok) cx.report('rpsl/invalid-key-cert-name', 0, cx.value.length, `"${cx.value}" is not a key-cert name: write PGPKEY- and the last 8 hex digits of the fingerprint, or X509-<n>.`);
  },
  'key-method': enumChecker('rpsl/invalid-enum', () => ['PGP', 'X509'], 'key method'),
  'org-type': enumChecker('rpsl/invalid-enum', (cx) => (cx.profile.orgTypes === undefined ? ORG_TYPES : cx.profile.orgTypes.length > 0 ? cx.profile.orgTypes : undefined), 'organisation type'),
  netname: (cx) => {
    const v = cx.value;
    // RIPE whois NETNAME_SYNTAX, at most 80: (?i)^[A-Z]([A-Z0-9_-]*[A-Z0-9])?$
    if (v.length > 80 || !isAsciiLetter(v.charCodeAt(0)) || !allChars(v, isNameBody) || !isAsciiAlnum(v.charCodeAt(v.length - 1)))
      cx.report('rpsl/invalid-netname', 0, v.length, `"${v}" is not a network name: a letter, then letters, digits, "-" or "_", ending with a letter or digit (at most 80).`);
  },
};

export function checkerFor(type: ValueType): ValueChecker {
  return CHECKERS[type];
}
