import type { Asn } from '../net/asn';

export type SegmentType = 'sequence' | 'set' | 'confed-sequence' | 'confed-set';

/** A path segment as BGP carries it (RFC 4271 §4.3, RFC 5065), never a string. */
export interface AsPathSegment {
  readonly type: SegmentType;
  readonly asns: readonly Asn[];
}

export type Community =
  | { readonly kind: 'standard'; readonly asn: number; readonly value: number } // RFC 1997, 65000:1
  | { readonly kind: 'large'; readonly global: number; readonly local1: number; readonly local2: number } // RFC 8092
  | { readonly kind: 'extended'; readonly text: string } // RFC 4360, kept as printed (rt 65000:1, soo …)
  | { readonly kind: 'well-known'; readonly name: string; readonly asn: number; readonly value: number }; // no-export …

export type Origin = 'igp' | 'egp' | 'incomplete';

/** The looking-glass or router formats the parser knows; 'aspath-list' is a bare list of AS paths. */
export type LgFormat =
  | 'cisco-ios'
  | 'cisco-ios-detail'
  | 'cisco-nxos-detail'
  | 'arista-detail'
  | 'frr-detail'
  | 'openbgpd-detail'
  | 'gobgp-json'
  | 'cisco-iosxr'
  | 'cisco-nxos'
  | 'junos'
  | 'junos-json'
  | 'junos-xml'
  | 'arista'
  | 'arista-json'
  | 'bird'
  | 'frr'
  | 'frr-json'
  | 'openbgpd'
  | 'openbgpd-json'
  | 'gobgp'
  | 'nokia-sros'
  | 'nokia-srlinux'
  | 'nokia-sros-state'
  | 'huawei'
  | 'huawei-vrp3'
  | 'huawei-detail'
  | 'mikrotik'
  | 'ripestat-json'
  | 'alice-json'
  | 'birdwatcher-json'
  | 'bgpdump'
  | 'aspath-list'
  | 'unknown';

export interface LgRoute {
  readonly prefix: string;
  readonly asPath: readonly AsPathSegment[];
  /** The path exactly as printed, for display and for the panel's editor decorations. */
  readonly asPathText: string;
  /** BIRD and some looking glasses cut long paths with `...`: the path is a prefix of the real one. */
  readonly asPathTruncated?: boolean;
  readonly nextHop?: string;
  readonly origin?: Origin;
  readonly localPref?: number;
  readonly med?: number;
  readonly weight?: number;
  readonly communities: readonly Community[];
  /** RFC 9234 Only-to-Customer attribute, when the output shows it. */
  readonly otc?: Asn;
  readonly best?: boolean;
  readonly valid?: boolean;
  readonly multipath?: boolean;
  /** RPKI ROV / ASPA state as the router printed it (`V`, `valid`, `I`, …), normalised to lower-case words. */
  readonly rpki?: 'valid' | 'invalid' | 'not-found' | 'unverified';
  readonly aspa?: 'valid' | 'invalid' | 'unknown' | 'unverified';
  readonly peer?: { readonly asn?: Asn; readonly address?: string };
  /** 0-based line where the AS path is printed, when it is not the route's first line. */
  readonly asPathLine?: number;
  /** 0-based first and last line of the paste this route came from (inclusive). */
  readonly lines: { readonly start: number; readonly end: number };
  /** ASNs printed but out of range or malformed, kept so the panel can point at them. */
  readonly invalidAsns?: readonly { readonly text: string; readonly line: number }[];
  /**
   * Set when the parser could read the row more than one way (a number that may be a weight or an AS, a
   * path that may go on on the next line, columns that do not match the header): the route is kept, the
   * path is shown, and the analysis gives it no ASPA or leak verdict (`lg/uncertain-path`).
   */
  readonly pathUncertain?: string;
  /** VPN/VRF routes: the route distinguisher and VRF the output printed for the prefix. */
  readonly rd?: string;
  readonly vrf?: string;
}

export interface UnparsedLine {
  /** 0-based. */
  readonly line: number;
  readonly text: string;
  readonly reason?: string;
}

/** What a paste holds besides router output: set aside before parsing, reported, never "not understood". */
export type SkipKind = 'prompt' | 'log' | 'timestamp' | 'chrome';

export interface SkippedLine {
  /** 0-based. */
  readonly line: number;
  readonly kind: SkipKind;
}

/** One output of a paste (a paste may hold several commands' outputs, split at prompts and headers). */
export interface LgBlock {
  readonly format: LgFormat;
  /** 0-based first line. */
  readonly start: number;
}

export interface LgParseResult {
  /** The format of the first block that was recognised ('unknown' when none was). */
  readonly format: LgFormat;
  readonly routes: readonly LgRoute[];
  readonly unparsed: readonly UnparsedLine[];
  /** Prompts, command echoes, timestamps and log lines set aside by the front stage. */
  readonly skipped?: readonly SkippedLine[];
  /** Present when the paste held more than one output. */
  readonly blocks?: readonly LgBlock[];
}
