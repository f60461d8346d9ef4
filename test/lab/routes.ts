/**
 * What the lab injects and what each daemon must therefore show: the ground truth of the fixtures.
 * Everything here is data; `groundTruthFor` derives each receiver's view by the rules of RFC 4271
 * (an eBGP speaker prepends its own AS) and RFC 9234 (a customer adds OTC = provider's AS on ingress).
 */

export type SegmentType = 'sequence' | 'set';
export interface Segment {
  readonly type: SegmentType;
  readonly asns: readonly number[];
}
export type Origin = 'igp' | 'egp' | 'incomplete';

export interface Route {
  readonly prefix: string;
  readonly asPath: readonly Segment[];
  readonly origin: Origin;
  readonly nextHop: string;
  readonly med?: number;
  /** [asn, value] pairs, well-known ones (no-export …) included by value. */
  readonly communities: readonly (readonly [number, number])[];
  readonly largeCommunities: readonly (readonly [number, number, number])[];
  /** Route targets (RFC 4360 two-octet-AS specific, transitive) as [asn, value]. */
  readonly extCommunities: readonly (readonly [number, number])[];
  readonly otc?: number;
  /** VPN routes (RFC 4364): the route distinguisher the route is held under. */
  readonly rd?: string;
  /** Routes of a VRF table: the VRF's name. */
  readonly vrf?: string;
}

export type Receiver = 'frr' | 'bird' | 'openbgpd';
export type DaemonName = 'gobgp' | Receiver;

export interface Speaker {
  readonly asn: number;
  readonly address: string;
  /** RFC 9234 role this speaker takes toward gobgpd; gobgpd itself announces no role. */
  readonly role?: 'customer';
  /**
   * The route this speaker originates, as it sends it to gobgpd (so `gobgp neighbor … adj-in` has
   * content): path before its own AS is prepended, next hop and communities as set on the way out.
   */
  readonly originates?: Route;
}

/** Next hops must not be 127/8: FRR and gobgpd treat those as martians. Nothing routes to them; nothing is installed. */
export const INJECT_NEXT_HOP = '198.51.100.1';
/** IPv6 routes ride the same IPv4 sessions (MP-BGP) with a global IPv6 next hop. */
export const INJECT_NEXT_HOP6 = '2001:db8:ff::1';

export const isIpv6 = (prefix: string): boolean => prefix.includes(':');
/** The prefixes of `routes` in one address family, in order. */
export const prefixesIn = (routes: readonly Route[], family: 4 | 6): string[] =>
  routes.filter((r) => isIpv6(r.prefix) === (family === 6)).map((r) => r.prefix);

const seq = (...asns: number[]): Segment => ({ type: 'sequence', asns });
const set = (...asns: number[]): Segment => ({ type: 'set', asns });
const repeat = (asn: number, n: number): number[] => Array.from({ length: n }, () => asn);

export const GOBGP: Speaker = { asn: 24482, address: '127.0.1.1' };

export const RECEIVERS: Readonly<Record<Receiver, Speaker>> = {
  frr: {
    asn: 65010,
    address: '127.0.1.2',
    role: 'customer',
    originates: {
      prefix: '192.0.2.0/26',
      asPath: [],
      origin: 'igp',
      nextHop: '198.51.100.2',
      med: 0,
      communities: [[65010, 1]],
      largeCommunities: [[65010, 0, 1]],
      extCommunities: [],
    },
  },
  bird: { asn: 65020, address: '127.0.1.3', role: 'customer' },
  openbgpd: {
    asn: 65030,
    address: '127.0.1.4',
    role: 'customer',
    originates: {
      prefix: '192.0.2.128/26',
      asPath: [],
      origin: 'igp',
      nextHop: '198.51.100.4',
      communities: [[65030, 3]],
      largeCommunities: [],
      extCommunities: [],
    },
  },
};

/**
 * The leak of 2026-01-02: as printed by a collector peering with AS24482, so gobgpd is AS24482 and
 * injects the rest; every receiver then prints exactly the published path.
 */
export const CANTV_PATH_AFTER_24482 = [52320, ...repeat(8048, 9), 6762, 1299, 269832, 21980];
export const CANTV_PREFIXES = [
  '200.74.226.0/24',
  '200.74.228.0/23',
  '200.74.230.0/23',
  '200.74.232.0/24',
  '200.74.233.0/24',
  '200.74.234.0/24',
  '200.74.236.0/23',
  '200.74.238.0/23',
];

const base = { nextHop: INJECT_NEXT_HOP, communities: [], largeCommunities: [], extCommunities: [] } as const;

/** Routes as gobgpd originates them (its own AS not yet prepended). */
export const INJECTED: readonly Route[] = [
  ...CANTV_PREFIXES.map((prefix): Route => ({ ...base, prefix, asPath: [seq(...CANTV_PATH_AFTER_24482)], origin: 'igp' })),
  // An aggregate's AS_SET after a sequence, and one with a set in the middle.
  { ...base, prefix: '203.0.113.0/24', asPath: [seq(64496), set(64497, 64498, 64499)], origin: 'incomplete' },
  { ...base, prefix: '203.0.113.128/25', asPath: [seq(64500, 64501), set(64502), seq(64503)], origin: 'igp' },
  // 4-byte ASNs, including the top of the range and the first 4-byte one.
  { ...base, prefix: '198.18.0.0/24', asPath: [seq(4200000001, 394354, 65536, 4294967294)], origin: 'igp' },
  // A long path with prepends and a 32-bit origin.
  {
    ...base,
    prefix: '198.18.1.0/24',
    asPath: [seq(...Array.from({ length: 32 }, (_, i) => 64600 + i), ...repeat(4200000002, 5))],
    origin: 'igp',
  },
  // Communities: standard, well-known (no-export, blackhole), large with 32-bit fields, and an
  // extended one that a parser must not mistake for either.
  {
    ...base,
    prefix: '198.18.2.0/24',
    asPath: [seq(64510)],
    origin: 'igp',
    communities: [
      [24482, 100],
      [24482, 200],
      [65535, 666],
      [65535, 65281],
    ],
    largeCommunities: [
      [24482, 1, 2],
      [4200000001, 4294967295, 0],
    ],
    extCommunities: [[64496, 7]],
  },
  // Origin EGP with a MED.
  { ...base, prefix: '198.18.3.0/24', asPath: [seq(64520, 64521)], origin: 'egp', med: 50, largeCommunities: [[24482, 7, 7]] },
  // Only 4-byte ASNs: a table row this long wraps at 80 columns inside an ASN (`420` / `0000012`), as a
  // terminal copy of NX-OS or FRR output does (the `-wrapped80` fixtures).
  { ...base, prefix: '198.18.4.0/24', asPath: [seq(4200000011, 4200000012, 4200000013, 4200000014, 4200000015)], origin: 'igp' },
  // IPv6: a 4-byte origin with communities, and an AS_SET.
  {
    ...base,
    nextHop: INJECT_NEXT_HOP6,
    prefix: '2001:db8:100::/48',
    asPath: [seq(64530, 4200000003)],
    origin: 'igp',
    communities: [[24482, 300]],
    largeCommunities: [[24482, 6, 6]],
  },
  { ...base, nextHop: INJECT_NEXT_HOP6, prefix: '2001:db8:200::/40', asPath: [seq(64540), set(64541, 64542)], origin: 'igp' },
];

/** The route target gobgpd's VPN routes carry and FRR's VRF imports and exports. */
export const VPN_RT: readonly [number, number] = [64496, 7];

/**
 * VPN-IPv4 routes (RFC 4364) gobgpd originates toward FRR only: the same prefix under two route
 * distinguishers with different paths, so a parser that drops the RD mixes them up.
 */
export type VpnRoute = Route & { readonly rd: string };
export const VPN_INJECTED: readonly VpnRoute[] = [
  { ...base, prefix: '10.10.0.0/24', rd: '64496:1', asPath: [seq(64550, 4200000004)], origin: 'igp', extCommunities: [VPN_RT] },
  { ...base, prefix: '10.10.0.0/24', rd: '64496:2', asPath: [seq(64551), set(64552, 64553)], origin: 'igp', extCommunities: [VPN_RT] },
  { ...base, prefix: '10.10.1.0/24', rd: '64496:1', asPath: [seq(64554, 64555, 64556)], origin: 'egp', med: 20, extCommunities: [VPN_RT] },
];

export function pathText(path: readonly Segment[]): string {
  return path.map((s) => (s.type === 'set' ? `{${s.asns.join(',')}}` : s.asns.join(' '))).join(' ');
}

/** RFC 4271 §5.1.2: the sender prepends its AS to the leading AS_SEQUENCE, or adds a new one before a set. */
export function prepend(asn: number, path: readonly Segment[]): Segment[] {
  const [first, ...rest] = path;
  if (first?.type === 'sequence') return [seq(asn, ...first.asns), ...rest];
  return [seq(asn), ...path];
}

/** What `receiver` holds for a route gobgpd sent it. */
export function receivedFromGobgp(receiver: Receiver, r: Route): Route {
  // RFC 9234 roles (and so OTC) apply to IPv4 and IPv6 unicast only, not to VPN routes.
  const role = r.rd === undefined ? RECEIVERS[receiver].role : undefined;
  return {
    ...r,
    asPath: prepend(GOBGP.asn, r.asPath),
    // RFC 9234 §5 ingress: from a provider without OTC, the receiver adds OTC = the neighbour's AS.
    ...(role === 'customer' && r.otc === undefined ? { otc: GOBGP.asn } : {}),
  };
}

/** What gobgpd holds for a route `from` originated and sent it. */
export function receivedByGobgp(from: Receiver, r: Route): Route {
  return { ...r, asPath: prepend(RECEIVERS[from].asn, r.asPath) };
}
