/**
 * BGP path attributes (RFC 4271 §4.3 and §5, RFC 4760, RFC 6793, RFC 1997, RFC 4360, RFC 8092, RFC 9234) decoded
 * from the bytes of an MRT record. Never throws: a malformed attribute ends the decoding with a problem text,
 * and what was decoded before it is kept.
 */
import type { Origin, SegmentType } from '../lg/types';
import { ipv4At, ipv6At, prefixAt } from './address';
import type { BgpAttributes, MrtSegment, RawAttribute } from './types';

/** How the enclosing record encodes things the attributes themselves do not say. */
export interface AttributeContext {
  /** AS number width in AS_PATH and AGGREGATOR: 2 in TABLE_DUMP and BGP4MP_MESSAGE, 4 elsewhere. */
  readonly asnSize: 2 | 4;
  /** TABLE_DUMP_V2 RIB entries abbreviate MP_REACH_NLRI to next-hop length and address (RFC 6396 §4.3.4). */
  readonly ribEntry: boolean;
  /** NLRI in MP_REACH/MP_UNREACH carry a 4-byte path identifier first (RFC 7911, RFC 8050). */
  readonly addPath: boolean;
}

/** Prefixes of one NLRI field, with their path identifiers side by side when the record uses ADD-PATH. */
export class NlriList {
  readonly prefixes: string[] = [];
  readonly pathIds: number[] = [];
  constructor(readonly afi: 1 | 2) {}
}

export interface DecodedAttributes {
  readonly attributes: BgpAttributes;
  /** NLRI announced in MP_REACH_NLRI (BGP4MP), with the next hop that came with them. */
  readonly mpReach?: NlriList;
  readonly mpUnreach?: NlriList;
  /** MP_REACH_NLRI or MP_UNREACH_NLRI of another family (VPN, flowspec, labelled …): left out, not routes this tool reads. */
  readonly otherFamily?: true;
  /** Set when decoding stopped early: what was wrong. */
  readonly problem?: string;
}

const ORIGINS: readonly Origin[] = ['igp', 'egp', 'incomplete'];
const SEGMENT_TYPES: readonly (SegmentType | undefined)[] = [undefined, 'set', 'sequence', 'confed-sequence', 'confed-set'];
const AS_TRANS = 23456;

const ATTR = {
  origin: 1,
  asPath: 2,
  nextHop: 3,
  med: 4,
  localPref: 5,
  atomicAggregate: 6,
  aggregator: 7,
  communities: 8,
  originatorId: 9,
  clusterList: 10,
  mpReach: 14,
  mpUnreach: 15,
  extendedCommunities: 16,
  as4Path: 17,
  as4Aggregator: 18,
  largeCommunities: 32,
  otc: 35,
} as const;

function u16(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
}

/** AS_PATH or AS4_PATH segments; a string when the bytes do not add up. */
function decodePath(b: Uint8Array, start: number, end: number, size: 2 | 4): MrtSegment[] | string {
  const out: MrtSegment[] = [];
  let p = start;
  while (p < end) {
    if (p + 2 > end) return 'AS path segment header cut short';
    const type = SEGMENT_TYPES[b[p]!];
    const count = b[p + 1]!;
    p += 2;
    if (type === undefined) return `AS path segment of unknown type ${b[p - 2]!}`;
    if (p + count * size > end) return `AS path segment of ${count} ASNs runs past the attribute`;
    const asns = new Array<number>(count);
    for (let i = 0; i < count; i++, p += size) asns[i] = size === 4 ? u32(b, p) : u16(b, p);
    out.push({ type, asns });
  }
  return out;
}

/** RFC 6793 §4.2.3: how many ASNs a path counts for (a set counts one, confederation segments none). */
function pathCount(path: readonly MrtSegment[]): number {
  let n = 0;
  for (const s of path) n += s.type === 'sequence' ? s.asns.length : s.type === 'set' ? 1 : 0;
  return n;
}

/** RFC 6793 §4.2.3: the leading ASNs of AS_PATH that AS4_PATH does not cover, then AS4_PATH. */
export function mergeAs4Path(asPath: readonly MrtSegment[], as4Path: readonly MrtSegment[]): readonly MrtSegment[] {
  let keep = pathCount(asPath) - pathCount(as4Path);
  if (keep < 0) return asPath;
  const out: MrtSegment[] = [];
  for (const s of asPath) {
    if (keep === 0 && s.type !== 'confed-sequence' && s.type !== 'confed-set') break;
    if (s.type === 'sequence') {
      const take = Math.min(keep, s.asns.length);
      out.push(take === s.asns.length ? s : { type: s.type, asns: s.asns.slice(0, take) });
      keep -= take;
    } else {
      out.push(s);
      if (s.type === 'set') keep--;
    }
  }
  for (const s of as4Path) {
    const last = out[out.length - 1];
    if (last !== undefined && last.type === 'sequence' && s.type === 'sequence') out[out.length - 1] = { type: 'sequence', asns: [...last.asns, ...s.asns] };
    else out.push(s);
  }
  return out;
}

/** A next hop field of MP_REACH_NLRI: IPv4, IPv6, IPv6 + link-local, or either behind an 8-byte route distinguisher. */
function mpNextHop(b: Uint8Array, at: number, len: number): { global?: string; linkLocal?: string } {
  switch (len) {
    case 4:
      return { global: ipv4At(b, at) };
    case 12:
      return { global: ipv4At(b, at + 8) };
    case 16:
      return { global: ipv6At(b, at) };
    case 24:
      return { global: ipv6At(b, at + 8) };
    case 32:
      return { global: ipv6At(b, at), linkLocal: ipv6At(b, at + 16) };
    case 48:
      return { global: ipv6At(b, at + 8), linkLocal: ipv6At(b, at + 32) };
    default:
      return {};
  }
}

/** NLRI of `afi` from `start` to `end`; a string when a prefix runs past the end or is too long. */
export function decodeNlri(b: Uint8Array, start: number, end: number, addPath: boolean, out: NlriList): string | undefined {
  const afi = out.afi;
  const max = afi === 1 ? 32 : 128;
  let p = start;
  while (p < end) {
    let pathId = 0;
    if (addPath) {
      if (p + 4 > end) return 'path identifier cut short';
      pathId = u32(b, p);
      p += 4;
    }
    if (p >= end) return 'prefix length missing';
    const bits = b[p]!;
    if (bits > max) return `prefix length ${bits} is longer than ${max}`;
    const n = (bits + 7) >>> 3;
    if (p + 1 + n > end) return `prefix of /${bits} runs past the end`;
    out.prefixes.push(prefixAt(afi, bits, b, p + 1));
    if (addPath) out.pathIds.push(pathId);
    p += 1 + n;
  }
  return undefined;
}

interface Mutable {
  origin?: Origin;
  asPath: readonly MrtSegment[];
  nextHop?: string;
  mpNextHop?: string;
  mpNextHopLinkLocal?: string;
  med?: number;
  localPref?: number;
  atomicAggregate: boolean;
  aggregator?: { asn: number; address: string };
  communities: number[];
  largeCommunities: number[];
  extendedCommunities: Uint8Array[];
  otc?: number;
  originatorId?: string;
  clusterList?: string[];
  unknown: RawAttribute[];
}

/**
 * Attributes whose length alone their definition fixes (RFC 4271 §5, RFC 6793, RFC 1997, RFC 4360, RFC 8092,
 * RFC 4456, RFC 4760, RFC 9234), with the name a problem text gives them. A wrong length is a problem and the
 * attribute is not decoded. Read by decodeAttributes and by the scan's findPathAttributes alike.
 */
const LENGTH_RULES: Readonly<Record<number, { readonly name: string; readonly ok: (len: number, asnSize: number) => boolean }>> = {
  [ATTR.origin]: { name: 'ORIGIN', ok: (len) => len === 1 },
  [ATTR.nextHop]: { name: 'NEXT_HOP', ok: (len) => len === 4 },
  [ATTR.med]: { name: 'MULTI_EXIT_DISC', ok: (len) => len === 4 },
  [ATTR.localPref]: { name: 'LOCAL_PREF', ok: (len) => len === 4 },
  [ATTR.aggregator]: { name: 'AGGREGATOR', ok: (len, asnSize) => len === asnSize + 4 },
  [ATTR.as4Aggregator]: { name: 'AS4_AGGREGATOR', ok: (len) => len === 8 },
  [ATTR.communities]: { name: 'COMMUNITIES', ok: (len) => len % 4 === 0 },
  [ATTR.largeCommunities]: { name: 'LARGE_COMMUNITY', ok: (len) => len % 12 === 0 },
  [ATTR.extendedCommunities]: { name: 'EXTENDED_COMMUNITIES', ok: (len) => len % 8 === 0 },
  [ATTR.otc]: { name: 'OTC', ok: (len) => len === 4 },
  [ATTR.originatorId]: { name: 'ORIGINATOR_ID', ok: (len) => len === 4 },
  [ATTR.clusterList]: { name: 'CLUSTER_LIST', ok: (len) => len % 4 === 0 },
  [ATTR.mpUnreach]: { name: 'MP_UNREACH_NLRI', ok: (len) => len >= 3 },
};

function badLength(name: string, len: number): string {
  return `${name} has ${len} bytes, which its definition does not allow`;
}

const NO_NUMBERS: readonly number[] = Object.freeze([]);

export function decodeAttributes(b: Uint8Array, start: number, end: number, ctx: AttributeContext): DecodedAttributes {
  const a: Mutable = { asPath: [], atomicAggregate: false, communities: NO_NUMBERS as number[], largeCommunities: NO_NUMBERS as number[], extendedCommunities: [], unknown: [] };
  let as4Path: readonly MrtSegment[] | undefined;
  let as4Aggregator: { asn: number; address: string } | undefined;
  let mpReach: NlriList | undefined;
  let mpUnreach: NlriList | undefined;
  let otherFamily = false;
  let problem: string | undefined;
  let p = start;
  while (p < end) {
    if (p + 3 > end) {
      problem = 'attribute header cut short';
      break;
    }
    const flags = b[p]!;
    const type = b[p + 1]!;
    const extended = (flags & 0x10) !== 0;
    if (extended && p + 4 > end) {
      problem = 'attribute header cut short';
      break;
    }
    const len = extended ? u16(b, p + 2) : b[p + 2]!;
    const s = p + (extended ? 4 : 3);
    const e = s + len;
    if (e > end) {
      problem = `attribute ${type} of ${len} bytes runs past the end of the attributes`;
      break;
    }
    p = e;
    const rule = LENGTH_RULES[type];
    if (rule !== undefined && !rule.ok(len, ctx.asnSize)) {
      problem ??= badLength(rule.name, len);
      continue;
    }
    switch (type) {
      case ATTR.origin: {
        const o = ORIGINS[b[s]!];
        if (o !== undefined) a.origin = o;
        else problem ??= `ORIGIN has the unknown value ${b[s]!}`;
        break;
      }
      case ATTR.asPath:
      case ATTR.as4Path: {
        const path = decodePath(b, s, e, type === ATTR.as4Path ? 4 : ctx.asnSize);
        if (typeof path === 'string') problem ??= `${type === ATTR.asPath ? 'AS_PATH' : 'AS4_PATH'}: ${path}`;
        else if (type === ATTR.asPath) a.asPath = path;
        else as4Path = path;
        break;
      }
      case ATTR.nextHop:
        a.nextHop = ipv4At(b, s);
        break;
      case ATTR.med:
        a.med = u32(b, s);
        break;
      case ATTR.localPref:
        a.localPref = u32(b, s);
        break;
      case ATTR.atomicAggregate:
        a.atomicAggregate = true;
        break;
      case ATTR.aggregator:
      case ATTR.as4Aggregator: {
        const size = type === ATTR.as4Aggregator ? 4 : ctx.asnSize;
        const agg = { asn: size === 4 ? u32(b, s) : u16(b, s), address: ipv4At(b, s + size) };
        if (type === ATTR.aggregator) a.aggregator = agg;
        else as4Aggregator = agg;
        break;
      }
      case ATTR.communities:
        a.communities = new Array<number>(len / 4);
        for (let i = 0; i < len / 4; i++) a.communities[i] = u32(b, s + 4 * i);
        break;
      case ATTR.largeCommunities:
        a.largeCommunities = new Array<number>(len / 4);
        for (let i = 0; i < len / 4; i++) a.largeCommunities[i] = u32(b, s + 4 * i);
        break;
      case ATTR.extendedCommunities:
        for (let i = s; i < e; i += 8) a.extendedCommunities.push(b.slice(i, i + 8));
        break;
      case ATTR.otc:
        a.otc = u32(b, s);
        break;
      case ATTR.originatorId:
        a.originatorId = ipv4At(b, s);
        break;
      case ATTR.clusterList:
        a.clusterList = [];
        for (let i = s; i < e; i += 4) a.clusterList.push(ipv4At(b, i));
        break;
      case ATTR.mpReach: {
        const r = decodeMpReach(b, s, e, ctx, a);
        if (r === OTHER_FAMILY) otherFamily = true;
        else if (typeof r === 'string') problem ??= `MP_REACH_NLRI: ${r}`;
        else mpReach = r;
        break;
      }
      case ATTR.mpUnreach: {
        const afi = u16(b, s);
        if (!unicastOrMulticast(afi, b[s + 2]!)) {
          otherFamily = true;
          break;
        }
        mpUnreach = new NlriList(afi);
        const r = decodeNlri(b, s + 3, e, ctx.addPath, mpUnreach);
        if (r !== undefined) problem ??= `MP_UNREACH_NLRI: ${r}`;
        break;
      }
      default:
        a.unknown.push({ flags, type, data: b.slice(s, e) });
    }
  }
  if (as4Aggregator !== undefined && a.aggregator !== undefined && a.aggregator.asn !== AS_TRANS) {
    // RFC 6793 §4.2.3: an aggregator that is not AS_TRANS was set by a NEW speaker; AS4_* are then stale.
    as4Path = undefined;
  } else if (as4Aggregator !== undefined && ctx.asnSize === 2) a.aggregator = as4Aggregator;
  if (as4Path !== undefined && ctx.asnSize === 2) a.asPath = mergeAs4Path(a.asPath, as4Path);
  return {
    attributes: a,
    ...(mpReach !== undefined ? { mpReach } : {}),
    ...(mpUnreach !== undefined ? { mpUnreach } : {}),
    ...(otherFamily ? { otherFamily: true as const } : {}),
    ...(problem !== undefined ? { problem } : {}),
  };
}

/**
 * IPv4/IPv6 unicast and multicast (SAFI 1, 2: RFC 4760) carry plain prefixes. Other families put a label, an RD
 * or a flowspec rule before the address (a VPN-IPv4 /24 is a 112-bit "prefix"), so reading them as prefixes
 * would be wrong: they are left out.
 */
function unicastOrMulticast(afi: number, safi: number): afi is 1 | 2 {
  return (afi === 1 || afi === 2) && (safi === 1 || safi === 2);
}

const OTHER_FAMILY = Symbol('other family');

function decodeMpReach(b: Uint8Array, s: number, e: number, ctx: AttributeContext, a: Mutable): NlriList | string | typeof OTHER_FAMILY | undefined {
  if (e - s < 1) return 'empty';
  // RFC 6396 §4.3.4 abbreviates it in RIB entries; some writers still put the whole attribute there.
  if (ctx.ribEntry && b[s]! + 1 === e - s) {
    setNextHop(a, mpNextHop(b, s + 1, b[s]!));
    return undefined;
  }
  if (e - s < 5) return 'cut short';
  const afi = u16(b, s);
  const nhLen = b[s + 3]!;
  const nlriAt = s + 4 + nhLen + 1;
  if (nlriAt > e) return `next hop of ${nhLen} bytes runs past the attribute`;
  // Another family's next hop (a VPN one starts with an RD) is not these routes' either.
  if (!unicastOrMulticast(afi, b[s + 2]!)) return OTHER_FAMILY;
  setNextHop(a, mpNextHop(b, s + 4, nhLen));
  const out = new NlriList(afi);
  const r = decodeNlri(b, nlriAt, e, ctx.addPath, out);
  return r ?? out;
}

function setNextHop(a: Mutable, nh: { global?: string; linkLocal?: string }): void {
  if (nh.global !== undefined) a.mpNextHop = nh.global;
  if (nh.linkLocal !== undefined) a.mpNextHopLinkLocal = nh.linkLocal;
}


/** Where a RIB entry's path-level attributes are, as `findPathAttributes` leaves them. */
export interface PathAttributeSpans {
  asPathStart: number;
  asPathEnd: number;
  /** RFC 9234 OTC, or -1. */
  otc: number;
}


/**
 * The scan's fast path over a TABLE_DUMP_V2 RIB entry (4-byte ASNs): where AS_PATH is and the OTC value, without
 * decoding anything else. True only when decodeAttributes would accept the entry on everything but the AS_PATH's
 * own structure (which the caller decodes once per distinct path) and would take AS_PATH as the path; anything
 * it cannot vouch for (AS4_PATH, MP_UNREACH_NLRI, a full MP_REACH_NLRI, a bad length) returns false, and the
 * caller decodes the entry in full.
 */
export function findPathAttributes(b: Uint8Array, start: number, end: number, out: PathAttributeSpans): boolean {
  out.asPathStart = out.asPathEnd = 0;
  out.otc = -1;
  let p = start;
  while (p < end) {
    if (p + 3 > end) return false;
    const flags = b[p]!;
    const type = b[p + 1]!;
    const extended = (flags & 0x10) !== 0;
    if (extended && p + 4 > end) return false;
    const len = extended ? u16(b, p + 2) : b[p + 2]!;
    const s = p + (extended ? 4 : 3);
    const e = s + len;
    if (e > end) return false;
    p = e;
    switch (type) {
      case ATTR.origin:
        if (len !== 1 || ORIGINS[b[s]!] === undefined) return false;
        break;
      case ATTR.asPath:
        out.asPathStart = s;
        out.asPathEnd = e;
        break;
      case ATTR.otc:
        if (len !== 4) return false;
        out.otc = u32(b, s);
        break;
      case ATTR.mpReach:
        // The abbreviated form of RFC 6396 §4.3.4 (next-hop length, address) cannot be malformed past that.
        if (len < 1 || b[s]! + 1 !== len) return false;
        break;
      case ATTR.as4Path:
      case ATTR.mpUnreach:
        return false;
      default: {
        const rule = LENGTH_RULES[type];
        if (rule !== undefined && !rule.ok(len, 4)) return false;
      }
    }
  }
  return true;
}

/** AS_PATH segments of 4-byte ASNs from the bytes `findPathAttributes` located; a string when they do not add up. */
export function decodeAsPath4(b: Uint8Array, start: number, end: number): MrtSegment[] | string {
  return decodePath(b, start, end, 4);
}
