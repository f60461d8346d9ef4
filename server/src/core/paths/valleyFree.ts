import type { Check, Hop } from './model';
import type { Relationships } from './relationships';

/** The hops a route took, origin first: `hops` is printed order (vantage side first). */
export function propagationHops(hops: readonly number[]): Hop[] {
  const out: Hop[] = [];
  for (let i = hops.length - 1; i > 0; i--) out.push({ from: hops[i]!, to: hops[i - 1]! });
  return out;
}

/**
 * Gao's valley-free rule (Gao 2001): a path climbs customer→provider links, crosses at most one peer link,
 * then only descends. The first hop that climbs or crosses again after that is where the route leaked:
 * `from` passed a route learnt from a provider or peer to another provider or peer (RFC 7908 type 1–4).
 */
export function checkValleyFree(hops: readonly number[], rels: Relationships): Check<'valley-free' | 'valley' | 'unknown'> {
  const tally = { unknown: 0 };
  const i = valleyLink(hops, hops.length, rels, tally);
  if (i > 0) {
    const from = hops[i]!;
    const to = hops[i - 1]!;
    const what = rels.get(from, to) === 'c2p' ? `its provider AS${to}` : `its peer AS${to}`;
    return {
      verdict: 'valley',
      leakHop: { from, to },
      reason: `AS${from} passed a route learnt from a provider or peer to ${what}`,
    };
  }
  const unknown = tally.unknown;
  if (unknown > 0) return { verdict: 'unknown', reason: `${unknown} of ${Math.max(0, hops.length - 1)} links have no known relationship` };
  return VALLEY_FREE;
}

/**
 * Where the first `n` of `hops` (printed order, no prepends) break the rule: the index i of the link hops[i] →
 * hops[i-1] that climbs or crosses after the path began to descend, or -1. Links of unknown relationship are
 * passed over (and counted into `tally`, when given). Read hop by hop in propagation order (origin side first), as
 * propagationHops lists them, making nothing: a scan checks every distinct path of a full table.
 */
export function valleyLink(hops: ArrayLike<number>, n: number, rels: Relationships, tally?: { unknown: number }): number {
  let descending = false;
  for (let i = n - 1; i > 0; i--) {
    const rel = rels.get(hops[i]!, hops[i - 1]!);
    if (rel === undefined) {
      if (tally !== undefined) tally.unknown++;
      continue;
    }
    if (rel === 'p2c') {
      descending = true;
      continue;
    }
    if (descending) return i;
    if (rel === 'p2p') descending = true;
  }
  return -1;
}

const VALLEY_FREE: Check<'valley-free'> = { verdict: 'valley-free', reason: 'up, at most one peer link, then down' };
