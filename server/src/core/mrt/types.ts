import type { Origin, SegmentType } from '../lg/types';

/** A path segment as decoded from the wire (RFC 4271 §4.3, RFC 5065); ASNs as plain 32-bit numbers. */
export interface MrtSegment {
  readonly type: SegmentType;
  readonly asns: readonly number[];
}

/** An attribute this reader does not decode, kept as it was on the wire. */
export interface RawAttribute {
  readonly flags: number;
  readonly type: number;
  readonly data: Uint8Array;
}

/**
 * BGP path attributes of one route. Communities stay compact numbers (a full RIB has tens of millions of them);
 * `communityText` and friends in `format.ts` make them readable.
 */
export interface BgpAttributes {
  readonly origin?: Origin;
  /** AS_PATH, with AS4_PATH merged in where the path came in 2-byte form (RFC 6793 §4.2.3). */
  readonly asPath: readonly MrtSegment[];
  /** The NEXT_HOP attribute (IPv4 routes). */
  readonly nextHop?: string;
  /** The next hop of MP_REACH_NLRI (IPv6 routes), global address. */
  readonly mpNextHop?: string;
  /** The IPv6 link-local next hop when MP_REACH_NLRI carried two addresses. */
  readonly mpNextHopLinkLocal?: string;
  readonly med?: number;
  readonly localPref?: number;
  readonly atomicAggregate: boolean;
  /** AGGREGATOR (AS4_AGGREGATOR where the 2-byte one said AS_TRANS). */
  readonly aggregator?: { readonly asn: number; readonly address: string };
  /** RFC 1997 communities, each as one 32-bit number (high 16 bits the AS). */
  readonly communities: readonly number[];
  /** RFC 8092 large communities, flattened: global, local1, local2, global, … */
  readonly largeCommunities: readonly number[];
  /** RFC 4360 extended communities, 8 bytes each, kept raw. */
  readonly extendedCommunities: readonly Uint8Array[];
  /** RFC 9234 Only-to-Customer. */
  readonly otc?: number;
  readonly originatorId?: string;
  readonly clusterList?: readonly string[];
  readonly unknown: readonly RawAttribute[];
}

export type MrtRouteKind = 'rib' | 'announce' | 'withdraw';

export interface MrtPeer {
  readonly address: string;
  readonly asn: number;
}

/** The record formats a route can come from, as bgpdump names them. */
export type MrtSource = 'TABLE_DUMP' | 'TABLE_DUMP2' | 'BGP4MP' | 'BGP4MP_ET';

export interface MrtRoute {
  readonly kind: MrtRouteKind;
  readonly source: MrtSource;
  /** Unix seconds of the MRT record; BGP4MP_ET adds the microseconds as a fraction. */
  readonly time: number;
  readonly peer: MrtPeer;
  readonly prefix: string;
  /** RFC 7911 path identifier (ADDPATH record forms of RFC 8050). */
  readonly pathId?: number;
  /** The next hop for this route's family: NEXT_HOP for IPv4, MP_REACH_NLRI's for IPv6 (absent on withdrawals). */
  readonly nextHop?: string;
  /** Absent on a withdrawal; shared by every route of one UPDATE or RIB entry. */
  readonly attributes?: BgpAttributes;
  /** Byte offset of the MRT record in the (decompressed) stream. */
  readonly offset: number;
}

export interface MrtStateChange {
  readonly source: MrtSource;
  readonly time: number;
  readonly peer: MrtPeer;
  /** RFC 4271 §8.2.2 FSM states: 1 Idle … 6 Established. */
  readonly oldState: number;
  readonly newState: number;
  readonly offset: number;
}

export interface MrtDiagnostic {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: string;
  /** Byte offset of the record (in the decompressed stream) the diagnostic is about. */
  readonly offset: number;
}

/**
 * A TABLE_DUMP_V2 RIB entry before its attributes are decoded: what a scan reads, since decoding every attribute
 * of tens of millions of entries costs more than checking them. One object, refilled for each entry: valid only
 * during the callback.
 */
export interface MrtRibEntry {
  readonly time: number;
  readonly peer: MrtPeer;
  /** The record's prefix: text, and its address as words (IPv4 in the first) for lookups. */
  readonly prefix: string;
  readonly afi: 1 | 2;
  readonly words: Uint32Array;
  readonly length: number;
  /** Byte offset of the MRT record; every entry of one record (one prefix) has the same. */
  readonly offset: number;
  /** RFC 7911 path identifier (the ADDPATH RIB subtypes of RFC 8050). */
  readonly pathId: number | undefined;
  /** The entry's path attributes are bytes[attrStart, attrEnd) (4-byte ASNs, abbreviated MP_REACH_NLRI). */
  readonly bytes: Uint8Array;
  readonly attrStart: number;
  readonly attrEnd: number;
  /**
   * The entry decoded as `route` would have had it; undefined (and a diagnostic) when its attributes are malformed,
   * and the reader then no longer counts it among the file's routes, as the decoded path never counted it.
   */
  route(): MrtRoute | undefined;
}

/**
 * The entries of one TABLE_DUMP_V2 RIB record (or a run of them: a diagnostic between entries splits a record),
 * undecoded, in columns: a scan looks at all of them before checking any, so the processor waits for their memory
 * reads at once instead of one after the other. One object, refilled for each: valid only during the callback.
 */
export interface MrtRibRecord {
  readonly time: number;
  readonly prefix: string;
  readonly afi: 1 | 2;
  readonly words: Uint32Array;
  readonly length: number;
  readonly offset: number;
  readonly bytes: Uint8Array;
  readonly count: number;
  /** Entry i's path attributes are bytes[attrStarts[i], attrEnds[i]), as MrtRibEntry's. */
  readonly attrStarts: Int32Array;
  readonly attrEnds: Int32Array;
  readonly peers: readonly MrtPeer[];
  /** Entry i as an MrtRibEntry (the same object moved to it: valid until the next call). */
  at(i: number): MrtRibEntry;
}

/** What a reader hands over, as it goes. Every callback is optional. */
export interface MrtSink {
  route?(r: MrtRoute): void;
  /** When set, TABLE_DUMP_V2 RIB entries come here undecoded instead of to `route`. */
  ribEntry?(e: MrtRibEntry): void;
  /** When set, TABLE_DUMP_V2 RIB entries come here undecoded, a record at a time, instead of to `ribEntry` or `route`. */
  ribRecord?(r: MrtRibRecord): void;
  state?(s: MrtStateChange): void;
  diagnostic?(d: MrtDiagnostic): void;
}
