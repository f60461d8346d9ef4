/**
 * Per-route leak checks for a scan: ASPA (downstream, the verdict that holds whatever the collector peer's role;
 * upstream for the routes of collector peers whose role says so, see `CollectorPeerRole`),
 * RFC 9234 OTC and valley-free (with relationship data), and ROV. A table repeats the same AS path for many
 * prefixes, so the path-level verdicts are computed once per distinct path (and once per UPDATE, whose routes
 * share one attribute object); only ROV is looked up per route.
 */
import type { AsPathSegment } from '../lg/types';
import type { Asn } from '../net/asn';
import { parsePrefix, type Prefix } from '../net/prefix';
import type { PathData } from '../paths/analyze';
import type { AspaCheck } from '../paths/model';
import { checkOtc } from '../paths/otc';
import { collapsedHops } from '../paths/pathShape';
import type { Relationships } from '../paths/relationships';
import { checkValleyFree } from '../paths/valleyFree';
import type { RovState } from '../rpki/rovIndex';
import type { BgpAttributes, MrtSegment } from '../mrt/types';

export type LeakCheck = 'aspa' | 'otc' | 'valley' | 'rov';

/** Why a route was flagged, and by whom: `leaker` sent it to `sentTo` after learning it from `learnedFrom`. */
export interface LeakFlag {
  readonly check: LeakCheck;
  readonly leaker: number;
  /** Absent for ROV (the origin itself is at fault) and when the leaker sent the route to the collector. */
  readonly sentTo?: number;
  readonly learnedFrom?: number;
  readonly origin: number;
  readonly reason: string;
}

/** Route-origin validation as a scan asks for it: the RovIndex's allocation-free lookups. */
export interface RovLookup {
  originState(prefix: Prefix, originAs: Asn | undefined): RovState;
  originStateV4(address: number, length: number, originAs: number): RovState;
}

/**
 * The role a collector peer plays towards the collector, in RFC 9234's words as the peer would configure it. It
 * decides the ASPA algorithm (draft-ietf-sidrops-aspa-verification, §6: upstream verification, §6.1, for a route
 * received from a customer, a lateral peer, a route server or an RS client; downstream, §6.2, for one received from a
 * provider). A peer that sends the collector its full table treats it as a customer, i.e. is its `provider`: only
 * the downstream verdict applies, which is also the one that holds when the role is not known (a path Invalid
 * downstream is Invalid upstream too). A peer that sends only its own and its customers' routes treats the
 * collector as a lateral `peer` (or as its provider: `customer`): the stricter upstream verdict applies.
 */
export type CollectorPeerRole = 'provider' | 'peer' | 'customer' | 'rs' | 'rs-client';
export const COLLECTOR_PEER_ROLES: readonly CollectorPeerRole[] = ['provider', 'peer', 'customer', 'rs', 'rs-client'];

/** Whether the routes of a collector peer in `role` get upstream verification (§6); false for `provider`. */
export function upstreamRole(role: CollectorPeerRole): boolean {
  return role !== 'provider';
}

/** The verifiers a scan may use, already bound to their data; each is optional. */
export interface ScanData {
  readonly aspa?: (segments: readonly AsPathSegment[], direction: 'upstream' | 'downstream', detail?: boolean) => AspaCheck;
  /** `aspa`'s verdict alone for a plain path, over the same data: the RIB fast path asks it first (PlainPathCheck). */
  readonly aspaVerdict?: PathData['aspaVerdict'];
  readonly rov?: RovLookup;
  readonly relationships?: Relationships;
  /** Collector peers (by AS) whose routes get upstream ASPA verification: their role is not `provider`. */
  readonly upstreamPeers?: ReadonlySet<number>;
}

/** The scan's verifiers from loaded data (`loadPathData`); ROV only through an index (VRP files), not a live store. */
export function scanDataOf(data: PathData): ScanData {
  return {
    ...(data.aspa ? { aspa: data.aspa } : {}),
    ...(data.aspaVerdict ? { aspaVerdict: data.aspaVerdict } : {}),
    ...(data.rovIndex ? { rov: data.rovIndex } : {}),
    ...(data.relationships ? { relationships: data.relationships } : {}),
  };
}

/** What a path says on its own, whatever the prefix: its flags and its origin (undefined for NONE). */
export interface PathVerdict {
  readonly flags: readonly LeakFlag[];
  readonly origin: number | undefined;
}

const NONE: readonly LeakFlag[] = Object.freeze([]);
const PATH_CACHE_MAX = 1 << 18;

export class RouteClassifier {
  private readonly paths = new Map<string, PathVerdict>();
  private lastAttributes: BgpAttributes | undefined;
  private lastUpstream = false;
  private last: PathVerdict = { flags: NONE, origin: undefined };

  constructor(private readonly data: ScanData) {}

  /** Whether routes from this collector peer get upstream ASPA verification. */
  upstream(peerAsn: number): boolean {
    return this.data.upstreamPeers?.has(peerAsn) ?? false;
  }

  /** The flags of one decoded route from collector peer `peerAsn`; an empty array (shared) for a clean one. */
  classify(prefix: string, a: BgpAttributes, peerAsn: number): readonly LeakFlag[] {
    const upstream = this.upstream(peerAsn);
    if (a !== this.lastAttributes || upstream !== this.lastUpstream) {
      this.lastAttributes = a;
      this.lastUpstream = upstream;
      const key = upstream ? `U${pathKey(a.asPath, a.otc)}` : pathKey(a.asPath, a.otc);
      let verdict = this.paths.get(key);
      if (verdict === undefined) {
        verdict = this.pathVerdict(a.asPath, a.otc, upstream);
        if (this.paths.size >= PATH_CACHE_MAX) this.paths.clear();
        this.paths.set(key, verdict);
      }
      this.last = verdict;
    }
    const { flags, origin } = this.last;
    const rov = this.data.rov;
    if (rov === undefined || origin === undefined) return flags;
    const p = parsePrefix(prefix);
    if (!p.ok || rov.originState(p.prefix, origin as Asn) !== 'invalid') return flags;
    return withRov(flags, prefix, origin);
  }

  /** Flags and origin of a path: decode it once, call this once, keep the result (see PathTable). */
  pathVerdict(segments: readonly MrtSegment[], otc: number | undefined, upstream = false): PathVerdict {
    const origin = originOf(segments);
    const hops = collapsedHops(segments as readonly AsPathSegment[]);
    if (origin === undefined || hops.length < 2) return { flags: NONE, origin };
    // Most paths are clean: no flag array and no closure is made for them.
    let out: LeakFlag[] | undefined;
    if (this.data.aspa) {
      const v = this.data.aspa(segments as readonly AsPathSegment[], upstream ? 'upstream' : 'downstream', false);
      const how = upstream ? 'ASPA Invalid upstream (the collector peer sends only its own and its customers\' routes)' : 'ASPA Invalid';
      if (v.verdict === 'invalid' && v.leakHop) out = withFlag(out, hops, origin, 'aspa', v.leakHop.from, v.leakHop.to, `${how}: ${v.reason}`);
      // Upstream, the collector peer itself may be the leaker: it sent the collector a route from a non-customer.
      else if (v.verdict === 'invalid' && upstream && v.leakedToVantage !== undefined) out = withFlag(out, hops, origin, 'aspa', v.leakedToVantage, undefined, `${how}: ${v.reason}`);
    }
    const rels = this.data.relationships;
    if (otc !== undefined) {
      const v = checkOtc(hops, otc, rels);
      if (v.verdict === 'leak' && v.leakHop) out = withFlag(out, hops, origin, 'otc', v.leakHop.from, v.leakHop.to, v.reason);
    }
    if (rels) {
      const v = checkValleyFree(hops, rels);
      if (v.verdict === 'valley' && v.leakHop) out = withFlag(out, hops, origin, 'valley', v.leakHop.from, v.leakHop.to, v.reason);
    }
    return { flags: out ?? NONE, origin };
  }
}

/** `flags` with one more: `from` sent the route to `to` (absent: to the collector), having learnt it from the next hop. */
function withFlag(flags: LeakFlag[] | undefined, hops: readonly number[], origin: number, check: LeakCheck, from: number, to: number | undefined, reason: string): LeakFlag[] {
  const out = flags ?? [];
  const i = hops.indexOf(from);
  const learnedFrom = i >= 0 ? hops[i + 1] : undefined;
  out.push({ check, leaker: from, ...(to !== undefined ? { sentTo: to } : {}), ...(learnedFrom !== undefined ? { learnedFrom } : {}), origin, reason });
  return out;
}

/** The path's flags and the ROV Invalid one of a route whose origin no VRP allows. */
export function withRov(flags: readonly LeakFlag[], prefix: string, origin: number): readonly LeakFlag[] {
  const rov: LeakFlag = { check: 'rov', leaker: origin, origin, reason: `ROV Invalid: no VRP allows ${prefix} from AS${origin}` };
  return flags.length === 0 ? [rov] : [...flags, rov];
}

function pathKey(segments: readonly MrtSegment[], otc: number | undefined): string {
  let key = otc === undefined ? '' : `${otc}`;
  for (const s of segments) key += `|${s.type === 'sequence' ? '' : s.type[0]}${s.asns.join(' ')}`;
  return key;
}

/** The origin AS: the last ASN when the path ends in a sequence; none when it ends in an AS_SET (RFC 6811 §2). */
export function originOf(segments: readonly MrtSegment[]): number | undefined {
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!;
    if (s.type === 'confed-sequence' || s.type === 'confed-set') continue;
    return s.type === 'sequence' ? s.asns[s.asns.length - 1] : undefined;
  }
  return undefined;
}
