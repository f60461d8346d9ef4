/**
 * A streaming MRT reader (RFC 6396, RFC 8050): feed it chunks of the decompressed file in any sizes, it hands
 * each route, state change and problem to a sink as soon as its record is complete. Memory holds one record at
 * most, so a 10 GB RIB reads in constant space. Never throws: a corrupt record becomes a diagnostic with its byte
 * offset and reading goes on with the next one.
 */
import { addressAt, ipv4At, ipv6At, prefixAt } from './address';
import { decodeAttributes, decodeNlri, NlriList, type AttributeContext } from './attributes';
import type { BgpAttributes, MrtDiagnostic, MrtPeer, MrtRibEntry, MrtRibRecord, MrtRoute, MrtRouteKind, MrtSink, MrtSource } from './types';

const HEADER = 12;
/** Larger than any record a collector writes (a RIB record of a prefix seen by every RIS peer is ~100 KB). */
const MAX_RECORD = 1 << 26;

export const MRT_TYPE = {
  tableDump: 12,
  tableDumpV2: 13,
  bgp4mp: 16,
  bgp4mpEt: 17,
} as const;

/** Types that exist (RFC 6396 §4 and the deprecated ones of §5), for telling a header from garbage. */
const KNOWN_TYPES = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 32, 33, 48, 49]);

const TD2 = { peerIndexTable: 1, ribGeneric: 6, geoPeerTable: 7, ribGenericAddPath: 12 } as const;
/** TABLE_DUMP_V2 RIB subtypes: afi and whether entries carry a path identifier. */
const TD2_RIB: Readonly<Record<number, { afi: 1 | 2; addPath: boolean }>> = {
  2: { afi: 1, addPath: false },
  3: { afi: 1, addPath: false },
  4: { afi: 2, addPath: false },
  5: { afi: 2, addPath: false },
  8: { afi: 1, addPath: true },
  9: { afi: 1, addPath: true },
  10: { afi: 2, addPath: true },
  11: { afi: 2, addPath: true },
};

/** BGP4MP subtypes (RFC 6396 §4.4, RFC 8050 §3): ASN width, locally sent, ADD-PATH. */
const BGP4MP_MESSAGE: Readonly<Record<number, { asnSize: 2 | 4; local: boolean; addPath: boolean }>> = {
  1: { asnSize: 2, local: false, addPath: false },
  4: { asnSize: 4, local: false, addPath: false },
  6: { asnSize: 2, local: true, addPath: false },
  7: { asnSize: 4, local: true, addPath: false },
  8: { asnSize: 2, local: false, addPath: true },
  9: { asnSize: 4, local: false, addPath: true },
  10: { asnSize: 2, local: true, addPath: true },
  11: { asnSize: 4, local: true, addPath: true },
};
const BGP4MP_STATE: Readonly<Record<number, 2 | 4>> = { 0: 2, 5: 4 };
/**
 * BGP4MP_ENTRY, a RIB entry in the BGP4MP type (draft-ietf-grow-mrt before RFC 6396, which dropped it), as
 * OpenBGPD's `dump table-mp` still writes it; bgpdump 1.6 prints nothing for it.
 */
const BGP4MP_ENTRY = 2;

function u16(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
}

/** A record body that ends before a field it announces: thrown inside one record, caught by the reader. */
class Short extends Error {}

export interface MrtReadSummary {
  readonly records: number;
  readonly routes: number;
  readonly bytes: number;
}

export class MrtReader {
  private pending: Uint8Array | undefined;
  /** Offset of the first byte of `pending` (or of the next chunk) in the stream. */
  private offset = 0;
  private peers: MrtPeer[] | undefined;
  private lastTime = -1;
  private records = 0;
  private routes = 0;
  private readonly noted = new Map<string, number>();
  private lastHead: { bytes: Uint8Array; asnSize: 2 | 4; peer: MrtPeer; local: MrtPeer } | undefined;
  /** Set while skipping garbage after a bad header: where the skip began. */
  private resyncFrom = -1;

  constructor(private readonly sink: MrtSink) {}

  /** Feeds the next bytes of the (decompressed) file. */
  push(chunk: Uint8Array): void {
    let b = chunk;
    let base = this.offset;
    const p = this.pending;
    if (p !== undefined) {
      this.pending = undefined;
      const size = p.length >= HEADER ? HEADER + u32(p, 8) : -1;
      if (size > 0 && size <= MAX_RECORD && p.length + chunk.length >= size) {
        // Complete the record that straddles the boundary from the new bytes only, then go on in place.
        const rec = new Uint8Array(size);
        rec.set(p);
        rec.set(chunk.subarray(0, size - p.length), p.length);
        this.consume(rec, 0, base);
        b = chunk.subarray(size - p.length);
        base += size;
      } else {
        b = new Uint8Array(p.length + chunk.length);
        b.set(p);
        b.set(chunk, p.length);
      }
    }
    let at = 0;
    while (at < b.length) {
      const used = this.consume(b, at, base + at);
      if (used === 0) break;
      at += used;
    }
    if (at < b.length) this.pending = b.slice(at);
    this.offset = base + at;
  }

  /**
   * Reads one record at `at` if it is all there; returns the bytes used (0 when more are needed). A header that
   * cannot be one makes it skip ahead to the next plausible header.
   */
  private consume(b: Uint8Array, at: number, offset: number): number {
    if (b.length - at < HEADER) return 0;
    const time = u32(b, at);
    const type = u16(b, at + 4);
    const subtype = u16(b, at + 6);
    const length = u32(b, at + 8);
    if (!this.plausible(time, type, length)) {
      if (this.resyncFrom < 0) this.resyncFrom = offset;
      return 1;
    }
    if (this.resyncFrom >= 0) {
      this.report('mrt/bad-header', 'error', `no MRT record header at this offset; skipped ${offset - this.resyncFrom} bytes to the next plausible one`, this.resyncFrom);
      this.resyncFrom = -1;
    }
    if (b.length - at < HEADER + length) return 0;
    this.records++;
    const s = at + HEADER;
    const e = s + length;
    try {
      this.record(b, s, e, time, type, subtype, offset);
    } catch (err) {
      if (!(err instanceof Short)) throw err;
      this.report('mrt/record-corrupt', 'error', `record of type ${type}/${subtype}: ${err.message}`, offset);
    }
    this.lastTime = time;
    return HEADER + length;
  }

  private plausible(time: number, type: number, length: number): boolean {
    if (!KNOWN_TYPES.has(type) || length > MAX_RECORD) return false;
    // After corruption, insist on a timestamp near the last good one so random bytes do not pass as a header.
    if (this.resyncFrom >= 0 && this.lastTime >= 0 && Math.abs(time - this.lastTime) > 86400 * 7) return false;
    return true;
  }

  /** Call once after the last chunk. */
  end(): MrtReadSummary {
    if (this.resyncFrom >= 0) {
      this.report('mrt/bad-header', 'error', `no MRT record header from here to the end of the file (${this.offset + (this.pending?.length ?? 0) - this.resyncFrom} bytes)`, this.resyncFrom);
      this.resyncFrom = -1;
    }
    const p = this.pending;
    if (p !== undefined && p.length > 0) {
      const want = p.length >= HEADER ? `${HEADER + u32(p, 8)}` : `at least ${HEADER}`;
      this.report('mrt/record-truncated', 'error', `the file ends inside a record: ${p.length} of ${want} bytes`, this.offset);
      this.offset += p.length;
      this.pending = undefined;
    }
    for (const [key, count] of this.noted) {
      if (key === 'other-family') this.report('mrt/family-skipped', 'information', `${count} record${count === 1 ? '' : 's'} with routes of other address families (VPN, flowspec …) than IPv4/IPv6 unicast and multicast: those routes are skipped`, 0);
      if (key === 'rib-generic') this.report('mrt/rib-generic-skipped', 'information', `${count} RIB_GENERIC record${count === 1 ? '' : 's'} skipped (address families other than IPv4/IPv6 unicast and multicast)`, 0);
    }
    this.noted.clear();
    return { records: this.records, routes: this.routes, bytes: this.offset };
  }

  private report(code: string, severity: MrtDiagnostic['severity'], message: string, offset: number): void {
    this.sink.diagnostic?.({ code, severity, message, offset });
  }

  private record(b: Uint8Array, s: number, e: number, time: number, type: number, subtype: number, offset: number): void {
    switch (type) {
      case MRT_TYPE.tableDumpV2:
        if (subtype === TD2.peerIndexTable) this.peerIndexTable(b, s, e);
        else if (TD2_RIB[subtype] !== undefined) this.rib(b, s, e, time, TD2_RIB[subtype], offset);
        else if (subtype === TD2.ribGeneric || subtype === TD2.ribGenericAddPath) this.noted.set('rib-generic', (this.noted.get('rib-generic') ?? 0) + 1);
        else if (subtype !== TD2.geoPeerTable) this.skipType(`TABLE_DUMP_V2 subtype ${subtype}`, offset);
        return;
      case MRT_TYPE.tableDump:
        if (subtype === 1 || subtype === 2) this.tableDump(b, s, e, time, subtype, offset);
        else this.skipType(`TABLE_DUMP subtype ${subtype}`, offset);
        return;
      case MRT_TYPE.bgp4mp:
      case MRT_TYPE.bgp4mpEt: {
        let t = time;
        let p = s;
        if (type === MRT_TYPE.bgp4mpEt) {
          need(p + 4, e, 'microsecond timestamp');
          t = time + u32(b, p) / 1e6;
          p += 4;
        }
        const source: MrtSource = type === MRT_TYPE.bgp4mp ? 'BGP4MP' : 'BGP4MP_ET';
        const msg = BGP4MP_MESSAGE[subtype];
        if (msg !== undefined) this.bgp4mpMessage(b, p, e, t, source, msg, offset);
        else if (subtype === BGP4MP_ENTRY && type === MRT_TYPE.bgp4mp) this.bgp4mpEntry(b, p, e, t, offset);
        else if (BGP4MP_STATE[subtype] !== undefined) this.stateChange(b, p, e, t, source, BGP4MP_STATE[subtype], offset);
        else this.skipType(`${source} subtype ${subtype}`, offset);
        return;
      }
      default:
        this.skipType(`type ${type}`, offset);
    }
  }

  private skipType(what: string, offset: number): void {
    if (this.noted.has(what)) return;
    this.noted.set(what, 1);
    this.report('mrt/record-type-skipped', 'information', `MRT ${what} carries no BGP routes this tool reads; such records are skipped`, offset);
  }

  private peerIndexTable(b: Uint8Array, s: number, e: number): void {
    need(s + 6, e, 'PEER_INDEX_TABLE header');
    let p = s + 4;
    p += 2 + u16(b, p);
    need(p + 2, e, 'PEER_INDEX_TABLE view name');
    const count = u16(b, p);
    p += 2;
    const peers: MrtPeer[] = [];
    this.peers = peers; // entries read before a cut stay usable
    for (let i = 0; i < count; i++) {
      need(p + 1, e, `peer entry ${i}`);
      const kind = b[p]!;
      const ipLen = kind & 1 ? 16 : 4;
      const asLen = kind & 2 ? 4 : 2;
      need(p + 5 + ipLen + asLen, e, `peer entry ${i}`);
      const address = ipLen === 16 ? ipv6At(b, p + 5) : ipv4At(b, p + 5);
      const asn = asLen === 4 ? u32(b, p + 5 + ipLen) : u16(b, p + 5 + ipLen);
      peers.push({ address, asn });
      p += 5 + ipLen + asLen;
    }
  }

  private rib(b: Uint8Array, s: number, e: number, time: number, kind: { afi: 1 | 2; addPath: boolean }, offset: number): void {
    need(s + 5, e, 'RIB header');
    const bits = b[s + 4]!;
    if (bits > (kind.afi === 1 ? 32 : 128)) throw new Short(`prefix length ${bits} is too long`);
    const n = (bits + 7) >>> 3;
    need(s + 5 + n + 2, e, 'RIB prefix');
    const prefix = prefixAt(kind.afi, bits, b, s + 5);
    const batch = this.sink.ribRecord !== undefined;
    const raw = batch || this.sink.ribEntry !== undefined ? this.ribCursor(b, s + 5, bits, kind, prefix, time, offset) : undefined;
    let p = s + 5 + n;
    const count = u16(b, p);
    p += 2;
    for (let i = 0; i < count; i++) {
      // The messages are built only when a check fails: a template string per entry would cost every entry of a RIB.
      if (p + 8 + (kind.addPath ? 4 : 0) > e) {
        raw?.flush();
        throw short(`RIB entry ${i} of ${prefix}`);
      }
      const peerIndex = u16(b, p);
      let q = p + 6;
      let pathId: number | undefined;
      if (kind.addPath) {
        pathId = u32(b, q);
        q += 4;
      }
      const attrLen = u16(b, q);
      q += 2;
      if (q + attrLen > e) {
        raw?.flush();
        throw short(`attributes of RIB entry ${i} of ${prefix}`);
      }
      p = q + attrLen;
      const peer = this.peers?.[peerIndex];
      if (peer === undefined) {
        // Entries before it reach the sink first, so diagnostics keep the order of the entries.
        raw?.flush();
        this.report('mrt/unknown-peer', 'error', `RIB entry for ${prefix} names peer index ${peerIndex}, but the PEER_INDEX_TABLE ${this.peers === undefined ? 'is missing' : `has ${this.peers.length} peers`}`, offset);
        continue;
      }
      // Undecoded, an entry counts as a route until the sink decodes it and finds it malformed (`decodedEntry`).
      this.routes++;
      if (raw !== undefined) {
        if (batch) raw.add(peer, pathId, q, q + attrLen);
        else raw.entry(peer, pathId, q, q + attrLen);
        continue;
      }
      const route = this.ribRoute(b, q, q + attrLen, time, peer, prefix, pathId, kind.afi, offset);
      if (route !== undefined) this.sink.route?.(route);
      else this.routes--;
    }
    raw?.flush();
  }

  /** One RIB entry decoded; undefined (and a diagnostic) when its attributes are malformed. */
  private ribRoute(b: Uint8Array, s: number, e: number, time: number, peer: MrtPeer, prefix: string, pathId: number | undefined, afi: 1 | 2, offset: number): MrtRoute | undefined {
    // Path identifiers sit in the entry, not in the abbreviated MP_REACH_NLRI, so one context serves both forms.
    const d = decodeAttributes(b, s, e, RIB_CTX);
    if (d.problem !== undefined) {
      this.report('mrt/attribute-malformed', 'error', `${prefix} from ${peer.address} AS${peer.asn}: ${d.problem}; the entry is left out`, offset);
      return undefined;
    }
    return this.route('rib', 'TABLE_DUMP2', time, peer, prefix, pathId, afi, d.attributes, offset);
  }

  private cursor: RibCursor | undefined;

  /**
   * An undecoded entry decoded at the sink's request: a malformed one is left out of `routes` as the decoded path
   * leaves it out, so both paths count the same routes (the scan decodes every entry its fast path cannot vouch for).
   */
  private decodedEntry(e: RibCursor): MrtRoute | undefined {
    const route = this.ribRoute(e.bytes, e.attrStart, e.attrEnd, e.time, e.peer, e.prefix, e.pathId, e.afi, e.offset);
    if (route === undefined) this.routes--;
    return route;
  }

  /** The cursor for the entries of one RIB record, refilled for each (see MrtRibEntry). */
  private ribCursor(b: Uint8Array, at: number, bits: number, kind: { afi: 1 | 2 }, prefix: string, time: number, offset: number): RibCursor {
    const c = (this.cursor ??= new RibCursor((e) => this.decodedEntry(e), this.sink));
    c.record(b, at, bits, kind.afi, prefix, time, offset);
    return c;
  }

  private tableDump(b: Uint8Array, s: number, e: number, time: number, afi: 1 | 2, offset: number): void {
    const ipLen = afi === 1 ? 4 : 16;
    need(s + 4 + ipLen + 6 + ipLen + 4, e, 'TABLE_DUMP entry');
    const bits = b[s + 4 + ipLen]!;
    if (bits > ipLen * 8) throw new Short(`prefix length ${bits} is too long`);
    const prefix = prefixAt(afi, bits, b, s + 4);
    let p = s + 4 + ipLen + 6;
    const peer: MrtPeer = { address: addressAt(afi, b, p), asn: u16(b, p + ipLen) };
    p += ipLen + 2;
    const attrLen = u16(b, p);
    p += 2;
    need(p + attrLen, e, 'TABLE_DUMP attributes');
    const d = decodeAttributes(b, p, p + attrLen, V1_CTX);
    if (d.problem !== undefined) {
      this.report('mrt/attribute-malformed', 'error', `${prefix} from ${peer.address} AS${peer.asn}: ${d.problem}; the entry is left out`, offset);
      return;
    }
    this.emit('rib', 'TABLE_DUMP', time, peer, prefix, undefined, afi, d.attributes, offset);
  }

  /** Peer AS, local AS, interface, AFI, peer and local addresses: the head of every BGP4MP subtype. */
  private bgp4mpHead(b: Uint8Array, s: number, e: number, asnSize: 2 | 4): { peer: MrtPeer; local: MrtPeer; p: number } {
    need(s + 2 * asnSize + 4, e, 'BGP4MP header');
    const afi = u16(b, s + 2 * asnSize + 2);
    if (afi !== 1 && afi !== 2) throw new Short(`unknown address family ${afi}`);
    const ipLen = afi === 1 ? 4 : 16;
    const p = s + 2 * asnSize + 4;
    need(p + 2 * ipLen, e, 'BGP4MP addresses');
    const end = p + 2 * ipLen;
    // Records come in runs from one session: reuse its peer objects while the head bytes are the same.
    const last = this.lastHead;
    if (last !== undefined && last.bytes.length === end - s && last.asnSize === asnSize) {
      let same = true;
      for (let i = 0; i < last.bytes.length; i++)
        if (last.bytes[i] !== b[s + i]) {
          same = false;
          break;
        }
      if (same) return { peer: last.peer, local: last.local, p: end };
    }
    const peerAs = asnSize === 4 ? u32(b, s) : u16(b, s);
    const localAs = asnSize === 4 ? u32(b, s + asnSize) : u16(b, s + asnSize);
    const peer = { address: addressAt(afi, b, p), asn: peerAs };
    const local = { address: addressAt(afi, b, p + ipLen), asn: localAs };
    this.lastHead = { bytes: b.slice(s, end), asnSize, peer, local };
    return { peer, local, p: end };
  }

  /**
   * OpenBGPD's layout (mrt.c, mrt_dump_entry_mp): the head names the local side first and the peer the route came
   * from second, both with 2-byte ASNs; then view, status, time of last change, AFI, SAFI, the next hop, the prefix,
   * and the attributes (AS_PATH in 2-byte form with AS4_PATH, no NEXT_HOP: the entry carries it).
   */
  private bgp4mpEntry(b: Uint8Array, s: number, e: number, time: number, offset: number): void {
    need(s + 8, e, 'BGP4MP_ENTRY header');
    const headAfi = u16(b, s + 6);
    if (headAfi !== 1 && headAfi !== 2) throw new Short(`unknown address family ${headAfi}`);
    const ipLen = headAfi === 1 ? 4 : 16;
    let p = s + 8 + 2 * ipLen;
    need(p + 12, e, 'BGP4MP_ENTRY');
    const peer: MrtPeer = { address: addressAt(headAfi, b, s + 8 + ipLen), asn: u16(b, s + 2) };
    p += 8; // view, status, time of last change
    const afi = u16(b, p);
    const safi = b[p + 2]!;
    const nhLen = b[p + 3]!;
    p += 4;
    need(p + nhLen + 1, e, 'BGP4MP_ENTRY next hop');
    if ((afi !== 1 && afi !== 2) || (safi !== 1 && safi !== 2)) {
      this.noted.set('other-family', (this.noted.get('other-family') ?? 0) + 1);
      return;
    }
    const nextHop = nhLen === 4 ? ipv4At(b, p) : nhLen >= 16 ? ipv6At(b, p) : undefined;
    p += nhLen;
    const bits = b[p]!;
    if (bits > (afi === 1 ? 32 : 128)) throw new Short(`prefix length ${bits} is too long`);
    const n = (bits + 7) >>> 3;
    need(p + 1 + n + 2, e, 'BGP4MP_ENTRY prefix');
    const prefix = prefixAt(afi, bits, b, p + 1);
    p += 1 + n;
    const attrLen = u16(b, p);
    p += 2;
    need(p + attrLen, e, 'BGP4MP_ENTRY attributes');
    const d = decodeAttributes(b, p, p + attrLen, V1_CTX);
    if (d.problem !== undefined) {
      this.report('mrt/attribute-malformed', 'error', `${prefix} from ${peer.address} AS${peer.asn}: ${d.problem}; the entry is left out`, offset);
      return;
    }
    const attributes: BgpAttributes = nextHop === undefined ? d.attributes : afi === 1 ? { ...d.attributes, nextHop } : { ...d.attributes, mpNextHop: nextHop };
    this.emit('rib', 'BGP4MP', time, peer, prefix, undefined, afi, attributes, offset);
  }

  private stateChange(b: Uint8Array, s: number, e: number, time: number, source: MrtSource, asnSize: 2 | 4, offset: number): void {
    const h = this.bgp4mpHead(b, s, e, asnSize);
    need(h.p + 4, e, 'states');
    this.sink.state?.({ source, time, peer: h.peer, oldState: u16(b, h.p), newState: u16(b, h.p + 2), offset });
  }

  private bgp4mpMessage(b: Uint8Array, s: number, e: number, time: number, source: MrtSource, kind: { asnSize: 2 | 4; local: boolean; addPath: boolean }, offset: number): void {
    const h = this.bgp4mpHead(b, s, e, kind.asnSize);
    // A LOCAL message is one the collector itself sent: the route is then the local side's.
    const peer = kind.local ? h.local : h.peer;
    let p = h.p;
    need(p + 19, e, 'BGP message header');
    const msgLen = u16(b, p + 16);
    const msgType = b[p + 18]!;
    if (msgType !== 2) return; // OPEN, NOTIFICATION, KEEPALIVE, ROUTE-REFRESH: no routes
    if (msgLen < 23) throw new Short(`BGP UPDATE length ${msgLen} is below the minimum of 23`);
    if (p + msgLen > e) throw short(`BGP UPDATE of ${msgLen} bytes`);
    const end = p + msgLen;
    p += 19;
    const wLen = u16(b, p);
    p += 2;
    need(p + wLen + 2, end, 'withdrawn routes');
    const withdrawn = new NlriList(1);
    const wProblem = decodeNlri(b, p, p + wLen, kind.addPath, withdrawn);
    p += wLen;
    const aLen = u16(b, p);
    p += 2;
    need(p + aLen, end, 'path attributes');
    const ctx = kind.asnSize === 4 ? (kind.addPath ? AS4_ADDPATH_CTX : AS4_CTX) : kind.addPath ? AS2_ADDPATH_CTX : AS2_CTX;
    const d = aLen > 0 ? decodeAttributes(b, p, p + aLen, ctx) : undefined;
    if (d?.otherFamily) this.noted.set('other-family', (this.noted.get('other-family') ?? 0) + 1);
    const nlri = new NlriList(1);
    const nProblem = decodeNlri(b, p + aLen, end, kind.addPath, nlri);
    this.emitAll('withdraw', source, time, peer, withdrawn, undefined, offset);
    if (wProblem !== undefined) this.report('mrt/record-corrupt', 'error', `withdrawn routes: ${wProblem}`, offset);
    if (d?.mpUnreach) this.emitAll('withdraw', source, time, peer, d.mpUnreach, undefined, offset);
    if (d?.problem !== undefined) {
      const n = nlri.prefixes.length + (d.mpReach?.prefixes.length ?? 0);
      this.report('mrt/attribute-malformed', 'error', `UPDATE from ${peer.address} AS${peer.asn}: ${d.problem}; ${n} announced prefix${n === 1 ? '' : 'es'} left out`, offset);
      return;
    }
    if (d !== undefined) {
      this.emitAll('announce', source, time, peer, nlri, d.attributes, offset);
      if (d.mpReach) this.emitAll('announce', source, time, peer, d.mpReach, d.attributes, offset);
    } else if (nlri.prefixes.length > 0) this.report('mrt/record-corrupt', 'error', `UPDATE announces ${nlri.prefixes.length} prefixes without path attributes`, offset);
    if (nProblem !== undefined) this.report('mrt/record-corrupt', 'error', `NLRI: ${nProblem}`, offset);
  }

  private emitAll(kind: MrtRouteKind, source: MrtSource, time: number, peer: MrtPeer, list: NlriList, attributes: BgpAttributes | undefined, offset: number): void {
    const ids = list.pathIds.length > 0 ? list.pathIds : undefined;
    for (let i = 0; i < list.prefixes.length; i++) this.emit(kind, source, time, peer, list.prefixes[i]!, ids?.[i], list.afi, attributes, offset);
  }

  private emit(kind: MrtRouteKind, source: MrtSource, time: number, peer: MrtPeer, prefix: string, pathId: number | undefined, afi: 1 | 2, attributes: BgpAttributes | undefined, offset: number): void {
    this.routes++;
    this.sink.route?.(this.route(kind, source, time, peer, prefix, pathId, afi, attributes, offset));
  }

  private route(kind: MrtRouteKind, source: MrtSource, time: number, peer: MrtPeer, prefix: string, pathId: number | undefined, afi: 1 | 2, attributes: BgpAttributes | undefined, offset: number): MrtRoute {
    const nextHop = attributes === undefined ? undefined : afi === 1 ? (attributes.nextHop ?? attributes.mpNextHop) : (attributes.mpNextHop ?? attributes.nextHop);
    // One object shape for every route (absent fields undefined): a RIB has tens of millions of them.
    return { kind, source, time, peer, prefix, pathId, nextHop, attributes, offset };
  }
}

/**
 * The MrtRibEntry (and MrtRibRecord) the reader refills; `route()` decodes through the reader, so diagnostics go
 * where they always do.
 */
class RibCursor implements MrtRibEntry, MrtRibRecord {
  time = 0;
  peer: MrtPeer = { address: '', asn: 0 };
  prefix = '';
  afi: 1 | 2 = 1;
  readonly words = new Uint32Array(4);
  length = 0;
  offset = 0;
  bytes: Uint8Array = new Uint8Array(0);
  attrStart = 0;
  attrEnd = 0;
  pathId: number | undefined;
  count = 0;
  attrStarts = new Int32Array(64);
  attrEnds = new Int32Array(64);
  readonly peers: MrtPeer[] = [];
  private readonly pathIds: (number | undefined)[] = [];

  constructor(
    private readonly decode: (e: RibCursor) => MrtRoute | undefined,
    private readonly sink: MrtSink,
  ) {}

  record(b: Uint8Array, at: number, bits: number, afi: 1 | 2, prefix: string, time: number, offset: number): void {
    this.bytes = b;
    this.afi = afi;
    this.prefix = prefix;
    this.time = time;
    this.offset = offset;
    this.length = bits;
    this.count = 0;
    const n = (bits + 7) >>> 3;
    for (let k = 0; k < 4; k++) {
      let w = 0;
      for (let j = 0; j < 4; j++) w = (w << 8) | (4 * k + j < n ? b[at + 4 * k + j]! : 0);
      this.words[k] = w >>> 0;
    }
    // Bits past the length are irrelevant (RFC 4271 §4.3), as prefixAt clears them in the text.
    for (let k = 0; k < 4; k++) {
      const keep = bits - 32 * k;
      this.words[k] = keep >= 32 ? this.words[k]! : keep <= 0 ? 0 : (this.words[k]! & (~0 << (32 - keep))) >>> 0;
    }
  }

  /** One entry to the sink's `ribEntry`, now. */
  entry(peer: MrtPeer, pathId: number | undefined, attrStart: number, attrEnd: number): void {
    this.peer = peer;
    this.pathId = pathId;
    this.attrStart = attrStart;
    this.attrEnd = attrEnd;
    this.sink.ribEntry!(this);
  }

  /** One entry more for the sink's `ribRecord`, handed over at the next `flush`. */
  add(peer: MrtPeer, pathId: number | undefined, attrStart: number, attrEnd: number): void {
    const i = this.count++;
    if (i === this.attrStarts.length) {
      const starts = new Int32Array(2 * i);
      const ends = new Int32Array(2 * i);
      starts.set(this.attrStarts);
      ends.set(this.attrEnds);
      this.attrStarts = starts;
      this.attrEnds = ends;
    }
    this.attrStarts[i] = attrStart;
    this.attrEnds[i] = attrEnd;
    this.peers[i] = peer;
    this.pathIds[i] = pathId;
  }

  flush(): void {
    if (this.count === 0) return;
    this.sink.ribRecord?.(this);
    this.count = 0;
  }

  at(i: number): MrtRibEntry {
    this.peer = this.peers[i]!;
    this.pathId = this.pathIds[i];
    this.attrStart = this.attrStarts[i]!;
    this.attrEnd = this.attrEnds[i]!;
    return this;
  }

  /**
   * The entry `route()` last decoded (its record's stream offset and its start) and the result: a second call
   * reports nothing twice and uncounts nothing twice.
   */
  private decodedOffset = -1;
  private decodedStart = -1;
  private decoded: MrtRoute | undefined;

  route(): MrtRoute | undefined {
    if (this.offset !== this.decodedOffset || this.attrStart !== this.decodedStart) {
      this.decodedOffset = this.offset;
      this.decodedStart = this.attrStart;
      this.decoded = this.decode(this);
    }
    return this.decoded;
  }
}

const RIB_CTX: AttributeContext = { asnSize: 4, ribEntry: true, addPath: false };
const V1_CTX: AttributeContext = { asnSize: 2, ribEntry: false, addPath: false };
const AS2_CTX: AttributeContext = { asnSize: 2, ribEntry: false, addPath: false };
const AS4_CTX: AttributeContext = { asnSize: 4, ribEntry: false, addPath: false };
const AS2_ADDPATH_CTX: AttributeContext = { asnSize: 2, ribEntry: false, addPath: true };
const AS4_ADDPATH_CTX: AttributeContext = { asnSize: 4, ribEntry: false, addPath: true };

function need(upTo: number, end: number, what: string): void {
  if (upTo > end) throw short(what);
}

function short(what: string): Short {
  return new Short(`${what} runs past the end of the record`);
}
