/**
 * ASPA authoring's ground truth for the lab (issue 19): a small Internet whose relationships we choose, every
 * valley-free path from it to gobgpd (AS 24482) injected as its own prefix, so that the receivers' tables are
 * observed paths whose providers, peers and customers are known. Data, and the one rule that derives the
 * paths from it (Gao–Rexford: up through providers, at most one peer link, down through customers).
 */
import { GOBGP } from './routes';

/** Documentation ASNs (RFC 5398). */
export const T1A = 64496;
export const T1B = 64497;
export const A = 64498;
export const B = 64499;
export const C = 64500;
export const D = 64501;
export const E = 64502;

/** Each AS's true providers: what its ASPA must list. Tier-1s (and the collector's neighbours at the top) have none. */
export const PROVIDERS: ReadonlyMap<number, readonly number[]> = new Map([
  [T1A, []],
  [T1B, []],
  [A, [T1A, T1B]],
  [B, [T1A]],
  [C, [A, B]],
  [D, [C]],
  [E, [B]],
  // The collector's AS buys transit from both Tier-1s and peers with C.
  [GOBGP.asn, [T1A, T1B]],
]);

export const PEERS: readonly (readonly [number, number])[] = [
  [T1A, T1B],
  [A, B],
  [GOBGP.asn, C],
];

/** The ASes whose providers the scenario knows (all but the collector's). */
export const AUTHORED: readonly number[] = [T1A, T1B, A, B, C, D, E];

const providersOf = (a: number): readonly number[] => PROVIDERS.get(a) ?? [];
const customersOf = (a: number): number[] => [...PROVIDERS].filter(([, ps]) => ps.includes(a)).map(([c]) => c);
const peersOf = (a: number): number[] => PEERS.flatMap(([x, y]) => (x === a ? [y] : y === a ? [x] : []));

/**
 * Every simple valley-free path from an AS of the scenario to the collector, as the collector's table prints it
 * (the collector's neighbour first, the origin last; the collector itself not in it).
 */
export function valleyFreePaths(): number[][] {
  const out: number[][] = [];
  // Walk from the origin: `phase` 0 going up, 1 after the peer link or going down.
  const walk = (at: number, path: number[], phase: 0 | 1) => {
    const next: [number, 0 | 1][] = [
      ...(phase === 0 ? providersOf(at).map((p): [number, 0 | 1] => [p, 0]) : []),
      ...(phase === 0 ? peersOf(at).map((p): [number, 0 | 1] => [p, 1]) : []),
      ...customersOf(at).map((c): [number, 0 | 1] => [c, 1]),
    ];
    for (const [n, ph] of next) {
      if (path.includes(n)) continue;
      if (n === GOBGP.asn) out.push([...path].reverse());
      else walk(n, [...path, n], ph);
    }
  };
  for (const origin of AUTHORED) walk(origin, [origin], 0);
  return out;
}

/** One prefix per path, from 198.19.0.0/16 (RFC 2544 benchmarking space, beside the lab's 198.18/16). */
export interface ScenarioRoute {
  readonly prefix: string;
  /** As gobgpd injects it: it prepends its own AS on the way out. */
  readonly path: readonly number[];
}

export const SCENARIO_ROUTES: readonly ScenarioRoute[] = valleyFreePaths().map((path, i) => ({ prefix: `198.19.${i}.0/24`, path }));
