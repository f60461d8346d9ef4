import type { LgRoute } from '../lg/types';
import type { Asn } from '../net/asn';

/**
 * One route someone observed (a looking glass, a collector peer, a router's table): the evidence ASPA
 * authoring rests on. The path is as printed — neighbour first, origin last — with prepends removed.
 */
export interface ObservedRoute {
  readonly prefix: string;
  readonly path: readonly Asn[];
  /** Who saw it: a collector peer, a router, a looking glass; routes of one vantage point count once per neighbour. */
  readonly vantage: string;
  /** The file it came from, for the user to find it again. */
  readonly source: string;
  /** 0-based line in `source`, where known. */
  readonly line?: number;
  /** Unix seconds, where the input says (MRT, bgpdump). */
  readonly time?: number;
}

/** How often one AS was seen beside another, and by whom. */
export interface NeighbourEvidence {
  /** Routes with the two ASes adjacent. */
  paths: number;
  readonly vantages: Set<string>;
  /**
   * Routes where the left AS passed the route on to yet another AS (it was not the path's first AS):
   * what a transit provider does with its customer's routes, and a peer does not do with its peer's.
   */
  propagated: number;
  /** Routes whose origin is the right AS (its own prefixes). */
  ownPrefixes: number;
}

/**
 * Observed routes indexed by adjacency: for each AS, the ASes seen immediately to its left (those it sent
 * routes to, the direction of a provider on the way up) and to its right (those it received them from).
 */
export class PathEvidence {
  readonly routes: ObservedRoute[] = [];
  /** right AS → left AS → evidence. */
  private readonly leftOf = new Map<Asn, Map<Asn, NeighbourEvidence>>();

  /** Routes through one AS, looked up on first use (the editor asks again on every keystroke in an .aspa file). */
  private readonly throughCache = new Map<Asn, readonly ObservedRoute[]>();

  add(route: ObservedRoute): void {
    this.routes.push(route);
    this.throughCache.clear();
    const p = route.path;
    const origin = p[p.length - 1];
    for (let i = 0; i + 1 < p.length; i++) {
      const left = p[i]!;
      const right = p[i + 1]!;
      if (left === right) continue;
      let byLeft = this.leftOf.get(right);
      if (!byLeft) this.leftOf.set(right, (byLeft = new Map()));
      let e = byLeft.get(left);
      if (!e) byLeft.set(left, (e = { paths: 0, vantages: new Set(), propagated: 0, ownPrefixes: 0 }));
      e.paths++;
      e.vantages.add(route.vantage);
      if (i > 0) e.propagated++;
      if (right === origin) e.ownPrefixes++;
    }
  }

  /** The ASes `asn` sent routes to (seen immediately left of it), with the evidence for each. */
  sentTo(asn: Asn): ReadonlyMap<Asn, NeighbourEvidence> {
    return this.leftOf.get(asn) ?? EMPTY;
  }

  /** Evidence that `left` received routes from `right` (was seen immediately left of it). */
  seen(left: Asn, right: Asn): NeighbourEvidence | undefined {
    return this.leftOf.get(right)?.get(left);
  }

  /** The observed routes whose path holds `asn`. */
  routesThrough(asn: Asn): readonly ObservedRoute[] {
    let list = this.throughCache.get(asn);
    if (!list) {
      list = this.routes.filter((r) => r.path.includes(asn));
      this.throughCache.set(asn, list);
    }
    return list;
  }

  /** Every AS that appears in an observed path. */
  get asns(): IterableIterator<Asn> {
    return this.leftOf.keys();
  }
}

const EMPTY: ReadonlyMap<Asn, NeighbourEvidence> = new Map();

/** A path segment as either reader gives it (looking glass or MRT). */
interface Segment {
  readonly type: string;
  readonly asns: readonly number[];
}

/**
 * One route as evidence, or undefined when it cannot be: only a plain AS sequence of at least two ASes
 * (AS_SETs and confederations say nothing about who is whose provider); prepends are removed.
 */
export function observedRoute(prefix: string, segments: readonly Segment[], at: Omit<ObservedRoute, 'prefix' | 'path'>): ObservedRoute | undefined {
  if (segments.length !== 1 || segments[0]!.type !== 'sequence') return undefined;
  const path: Asn[] = [];
  for (const a of segments[0]!.asns) if (path[path.length - 1] !== a) path.push(a as Asn);
  return path.length < 2 ? undefined : { prefix, path, ...at };
}

/**
 * The routes of a parsed looking-glass output or collector dump that can be evidence (see `observedRoute`;
 * paths cut short are left out too). The vantage point is the route's peer where the output names it,
 * otherwise the file itself.
 */
export function observedRoutes(routes: Iterable<LgRoute>, source: string): ObservedRoute[] {
  const out: ObservedRoute[] = [];
  for (const r of routes) {
    if (r.asPathTruncated) continue;
    const vantage = r.peer?.address ?? (r.peer?.asn !== undefined ? `AS${r.peer.asn}` : source);
    const o = observedRoute(r.prefix, r.asPath, { vantage, source, line: r.lines.start });
    if (o) out.push(o);
  }
  return out;
}
