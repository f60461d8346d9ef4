import { parseAsn, type Asn } from '../net/asn';
import { detached } from '../text/detach';
import { valueOffsetToDocument, valueSpanToDocument, type RpslAttribute, type RpslObject } from '../rpsl/model';
import type { Span } from '../text/range';
import { POLICY_ATTRIBUTES } from '../policy/parser';
import { isPunct, isWordChar, operatorLength } from '../policy/scanner';
import { setClassOf } from '../rpsl/setName';

/**
 * What a name refers to. Set classes are told by the name itself (RFC 2622 §5); `contact` is a person or
 * role (nic-handles share one name space); `aut-num` is an AS number.
 */
export type TargetKind = 'as-set' | 'route-set' | 'rtr-set' | 'filter-set' | 'peering-set' | 'mntner' | 'contact' | 'aut-num' | 'inet-rtr';

/**
 * IRRd distinguishes strong references (mnt-by, admin-c, tech-c …: the target must exist when the object is
 * saved) from weak ones (members, mp-members, mbrs-by-ref, member-of since IRRd 4.0.3: syntax only).
 * Names inside policy text are not checked by IRRd at all; `policy` marks them.
 */
export type Strength = 'strong' | 'weak' | 'policy';

export interface ObjectReference {
  readonly kind: TargetKind;
  /** Upper-cased name, or `AS<n>` for aut-num. */
  readonly key: string;
  readonly attribute: string;
  /** Document span of the name. */
  readonly span: Span;
  readonly strength: Strength;
}

/** The object classes a target kind resolves to. */
export const TARGET_CLASSES: Readonly<Record<TargetKind, readonly string[]>> = {
  'as-set': ['as-set'],
  'route-set': ['route-set'],
  'rtr-set': ['rtr-set'],
  'filter-set': ['filter-set'],
  'peering-set': ['peering-set'],
  mntner: ['mntner'],
  contact: ['person', 'role'],
  'aut-num': ['aut-num'],
  'inet-rtr': ['inet-rtr'],
};

/** Attributes whose comma- or blank-separated words are references, as data. */
const LIST_REFERENCES: ReadonlyMap<string, { readonly kind: 'mntner' | 'contact' | 'set'; readonly strength: Strength }> = new Map([
  ['mnt-by', { kind: 'mntner', strength: 'strong' }],
  ['mnt-lower', { kind: 'mntner', strength: 'strong' }],
  ['mnt-routes', { kind: 'mntner', strength: 'strong' }],
  ['mnt-domains', { kind: 'mntner', strength: 'strong' }],
  ['mnt-ref', { kind: 'mntner', strength: 'strong' }],
  ['admin-c', { kind: 'contact', strength: 'strong' }],
  ['tech-c', { kind: 'contact', strength: 'strong' }],
  ['zone-c', { kind: 'contact', strength: 'strong' }],
  ['mbrs-by-ref', { kind: 'mntner', strength: 'weak' }],
  ['member-of', { kind: 'set', strength: 'weak' }],
  ['members', { kind: 'set', strength: 'weak' }],
  ['mp-members', { kind: 'set', strength: 'weak' }],
]);

/**
 * Separates the words of a list value: a comma or what a regex's `\s` matches (ASCII blanks and the
 * Unicode spaces; RPSL values are ASCII, but a pasted value may hold a no-break space).
 */
function isWordSeparator(c: number): boolean {
  if (c < 128) return c === 32 || c === 44 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Calls `visit` with the start and end of each word of `value` (runs of anything but commas and blanks).
 * A character scan, not a regex with a match object per word: set members and mnt-by of a whole dump come
 * through here.
 */
function forEachWord(value: string, visit: (start: number, end: number) => void): void {
  const n = value.length;
  for (let i = 0; i < n; ) {
    if (isWordSeparator(value.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && !isWordSeparator(value.charCodeAt(j))) j++;
    visit(i, j);
    i = j;
  }
}

/** Words of a value with their offsets in it; separators are commas and blanks. */
export function valueWords(value: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  forEachWord(value, (start, end) => out.push({ text: value.slice(start, end), start }));
  return out;
}

/** Receives each reference as it is found: upper-cased key (or `AS<n>`), document offsets of the name. */
export type ReferenceSink = (kind: TargetKind, key: string, attribute: string, start: number, end: number, strength: Strength) => void;

/** What a reference names other than an AS number. */
export type NamedTarget = Exclude<TargetKind, 'aut-num'>;

/**
 * Receives each reference as it is found, with the document offsets of the name: a name upper-cased, an AS
 * number as a number. The index packs AS numbers as numbers; making `AS<n>` strings for it to parse back was a
 * string per aut-num reference of a dump (most are to distinct ASes: every route's origin).
 *
 * A name may be a cut of the document's text, which keeps the whole text alive while it lives (see detached):
 * a visitor detaches the names it keeps. The index keeps each distinct name once (FactStore.id detaches it
 * then), so the mnt-by and contacts of a dump are not copied one by one only to be looked up.
 */
export interface ReferenceVisitor {
  named(kind: NamedTarget, key: string, attribute: string, start: number, end: number, strength: Strength): void;
  asn(asn: Asn, attribute: string, start: number, end: number, strength: Strength): void;
}

function listReferences(attr: RpslAttribute, def: { kind: 'mntner' | 'contact' | 'set'; strength: Strength }, emit: ReferenceVisitor): void {
  const value = attr.value;
  let stop = false;
  // The next "/" and "^" at or after the word, found once per occurrence (not searched for per word).
  let slash = -1;
  let caret = -1;
  const next = (ch: string, from: number, at: number): number => {
    if (at >= from) return at;
    const i = value.indexOf(ch, from);
    return i < 0 ? value.length : i;
  };
  forEachWord(value, (start, end) => {
    if (stop) return;
    slash = next('/', start, slash);
    caret = next('^', start, caret);
    // mnt-routes may carry a prefix list after the mntner; only the names are references.
    if (value.charCodeAt(start) === 123 /* { */ || slash < end) {
      if (attr.name === 'mnt-routes') stop = true;
      return;
    }
    const nameEnd = caret < end ? caret : end;
    const name = value.slice(start, nameEnd);
    const span = valueSpanToDocument(attr, start, nameEnd);
    if (def.kind === 'set') {
      const cls = setClassOf(name);
      if (cls) {
        const key = name.toUpperCase();
        if (key !== 'AS-ANY' && key !== 'RS-ANY') emit.named(cls, key, attr.name, span.start, span.end, def.strength);
        return;
      }
      const a = parseAsn(name);
      if (a.ok && a.hadPrefix) emit.asn(a.asn, attr.name, span.start, span.end, 'policy');
      else if (attr.name === 'members' && /[a-z]/i.test(name) && name.includes('.')) emit.named('inet-rtr', name.toUpperCase(), attr.name, span.start, span.end, 'weak');
      return;
    }
    const key = name.toUpperCase();
    if (!(attr.name === 'mbrs-by-ref' && key === 'ANY')) emit.named(def.kind, key, attr.name, span.start, span.end, def.strength);
  });
}

/**
 * `AS<n>` keys, one string per number while it is in this direct-mapped cache (slot: the number's low
 * bits): a dump names the same ASNs over and over. A Map emptied when full, as before, was rebuilt again
 * and again on a dump naming more ASNs than it held (hundreds of thousands): a quarter of indexing's time.
 */
const ASN_SLOTS = 1 << 16;
const asnSlotNumber = new Float64Array(ASN_SLOTS).fill(-1);
const asnSlotKey: string[] = new Array<string>(ASN_SLOTS).fill('');
export function asnKey(asn: number): string {
  const slot = asn & (ASN_SLOTS - 1);
  if (asnSlotNumber[slot] === asn) return asnSlotKey[slot]!;
  const k = `AS${asn}`;
  asnSlotNumber[slot] = asn;
  asnSlotKey[slot] = k;
  return k;
}

/** `[A-Za-z0-9_:-]`: the characters of a name inside an AS-path regex. */
function isRegexNameChar(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/** Receives the set names and AS numbers of policy text, with their offsets in the value (names may be cuts of it: see ReferenceVisitor). */
export interface PolicyNameVisitor {
  named(kind: NamedTarget, key: string, start: number, end: number): void;
  asn(asn: Asn, start: number, end: number): void;
}

/**
 * The AS number `AS<digits>` at value[start, end) spells, for at most 9 digits (below 4294967295, so always in
 * range); -1 for anything else, which parseAsn then reads (asdot, 10 digits, not a number). Most AS numbers of
 * a dump are plain, and this reads them without cutting a string.
 */
function plainAsnAt(value: string, start: number, end: number): number {
  if (end - start < 3 || end - start > 11) return -1;
  let n = 0;
  for (let i = start + 2; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** A word of policy text, value[start, end): a set name (it holds a "-") or an AS number (it starts with AS), or neither. */
function policyWordName(value: string, start: number, end: number, visit: PolicyNameVisitor): void {
  let baseEnd = end;
  let dash = false;
  for (let k = start; k < end; k++) {
    const c = value.charCodeAt(k);
    if (c === 94 /* ^ */) {
      baseEnd = k;
      break;
    }
    if (c === 45) dash = true;
  }
  const as = baseEnd - start > 2 && (value.charCodeAt(start) | 32) === 97 && (value.charCodeAt(start + 1) | 32) === 115;
  if (dash) {
    const base = value.slice(start, baseEnd);
    const cls = setClassOf(base);
    if (!cls) return; // A "-" is never part of an AS number.
    const key = base.toUpperCase();
    if (key !== 'AS-ANY' && key !== 'RS-ANY') visit.named(cls, key, start, baseEnd);
    return;
  }
  if (!as) return;
  const plain = plainAsnAt(value, start, baseEnd);
  if (plain >= 0) return visit.asn(plain as Asn, start, baseEnd);
  const a = parseAsn(value.slice(start, baseEnd));
  if (a.ok) visit.asn(a.asn, start, baseEnd);
}

/**
 * Hands `visit` each set name and AS number in policy text, with its offsets in `value`. Reads the words as
 * PolicyTokens scans them (the same word, operator, regex and error rules) without making tokens — indexing
 * reads every policy line of a registry dump — and looks only at words that can be a name (starting with AS,
 * or holding a "-"); syntax errors are the validator's to report.
 */
export function policyNamesInto(value: string, visit: PolicyNameVisitor): void {
  const n = value.length;
  let i = 0;
  while (i < n) {
    const c = value.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || isPunct(c)) {
      i++;
      continue;
    }
    const op = operatorLength(value, i);
    if (op > 0) {
      i += op;
      continue;
    }
    if (c === 60 /* < */) {
      // An AS-path regex: its names are the runs of name characters inside.
      const close = value.indexOf('>', i + 1);
      const end = close < 0 ? n : close + 1;
      for (let k = i + 1; k < end; ) {
        if (!isRegexNameChar(value.charCodeAt(k))) {
          k++;
          continue;
        }
        let j = k + 1;
        while (j < end && isRegexNameChar(value.charCodeAt(j))) j++;
        policyWordName(value, k, j, visit);
        k = j;
      }
      i = end;
      continue;
    }
    if (isWordChar(c)) {
      let j = i;
      for (; j < n; j++) {
        const cj = value.charCodeAt(j);
        if (!isWordChar(cj)) break;
        // `community.=`: the dot belongs to the operator, as the scanner reads it.
        if (cj === 46 && value.charCodeAt(j + 1) === 61 && j > i) break;
      }
      policyWordName(value, i, j, visit);
      i = j;
      continue;
    }
    // An error token: up to the next word, punctuation, blank or regex.
    let j = i + 1;
    while (j < n) {
      const cj = value.charCodeAt(j);
      if (isWordChar(cj) || isPunct(cj) || cj <= 32 || cj === 60) break;
      j++;
    }
    i = j;
  }
}

/** Set names and AS numbers in policy text with their spans in `value` (see policyNamesInto); names detached. */
export function policyNames(value: string): { kind: TargetKind; key: string; span: Span }[] {
  const out: { kind: TargetKind; key: string; span: Span }[] = [];
  policyNamesInto(value, {
    named: (kind, key, start, end) => out.push({ kind, key: detached(key), span: { start, end } }),
    asn: (asn, start, end) => out.push({ kind: 'aut-num', key: asnKey(asn), span: { start, end } }),
  });
  return out;
}

/** A policy attribute's names for a ReferenceVisitor: offsets mapped to the document, strength `policy`. */
class PolicyNamesOfAttribute implements PolicyNameVisitor {
  attr: RpslAttribute | undefined;
  constructor(private readonly visit: ReferenceVisitor) {}

  named(kind: NamedTarget, key: string, start: number, end: number): void {
    const attr = this.attr!;
    this.visit.named(kind, key, attr.name, valueOffsetToDocument(attr, start), valueOffsetToDocument(attr, end), 'policy');
  }

  asn(asn: Asn, start: number, end: number): void {
    const attr = this.attr!;
    this.visit.asn(asn, attr.name, valueOffsetToDocument(attr, start), valueOffsetToDocument(attr, end), 'policy');
  }
}

/** What visitReferences does with an attribute, by name: one lookup per attribute of a dump. */
type AttributeReferences = { readonly kind: 'list'; readonly def: { kind: 'mntner' | 'contact' | 'set'; strength: Strength } } | { readonly kind: 'origin' } | { readonly kind: 'policy' };
const ATTRIBUTE_REFERENCES: ReadonlyMap<string, AttributeReferences> = new Map<string, AttributeReferences>([
  ...[...LIST_REFERENCES].map(([name, def]): [string, AttributeReferences] => [name, { kind: 'list', def }]),
  ['origin', { kind: 'origin' }],
  ...Object.keys(POLICY_ATTRIBUTES).map((name): [string, AttributeReferences] => [name, { kind: 'policy' }]),
]);

/** Every reference an object makes, in document order of its attributes, handed to `visit`. */
export function visitReferences(obj: RpslObject, visit: ReferenceVisitor): void {
  let policy: PolicyNamesOfAttribute | undefined;
  for (const attr of obj.attributes) {
    const how = ATTRIBUTE_REFERENCES.get(attr.name);
    if (how === undefined) continue;
    if (how.kind === 'list') listReferences(attr, how.def, visit);
    else if (how.kind === 'origin') {
      const a = parseAsn(attr.value.trim());
      if (a.ok) visit.asn(a.asn, 'origin', attr.valueSpan.start, attr.valueSpan.end, 'policy');
    } else {
      policy ??= new PolicyNamesOfAttribute(visit);
      policy.attr = attr;
      policyNamesInto(attr.value, policy);
    }
  }
}

/** Every reference an object makes, in document order of its attributes, handed to `emit` (AS numbers as `AS<n>`, names detached). */
export function forEachReference(obj: RpslObject, emit: ReferenceSink): void {
  visitReferences(obj, { named: (kind, key, attribute, start, end, strength) => emit(kind, detached(key), attribute, start, end, strength), asn: (asn, attribute, start, end, strength) => emit('aut-num', asnKey(asn), attribute, start, end, strength) });
}

/** Every reference an object makes, in document order of its attributes. */
export function objectReferences(obj: RpslObject): ObjectReference[] {
  const out: ObjectReference[] = [];
  forEachReference(obj, (kind, key, attribute, start, end, strength) => out.push({ kind, key, attribute, span: { start, end }, strength }));
  return out;
}
