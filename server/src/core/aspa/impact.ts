import type { Asn } from '../net/asn';
import { CompiledAspaDb } from './compiledDb';
import type { ObservedRoute, PathEvidence } from './pathEvidence';
import type { AspaDb, Direction, Verdict } from './types';
import { aspaVerdict, hopResult } from './verify';

/** One observed route whose verdict the proposed ASPAs change. */
export interface VerdictChange {
  /** The route's number in the PathEvidence: the same for both directions of one route. */
  readonly index: number;
  readonly route: ObservedRoute;
  /** Verified as received from a customer or peer (upstream) or from a provider (downstream). */
  readonly direction: Direction;
  readonly before: Verdict;
  readonly after: Verdict;
  /** The proposed customer whose declaration makes the difference (the first one on the path, from the origin). */
  readonly customer: Asn;
  /** The hop that decides: customer → the AS it sent the route to (left of it on the path). */
  readonly hop: { readonly from: Asn; readonly to: Asn };
  /** For a route turned Invalid: the provider whose addition to the customer's ASPA keeps it as it was. */
  readonly keepBy?: { readonly customer: Asn; readonly addProvider: Asn };
}

export interface AspaImpact {
  readonly directions: readonly Direction[];
  /** Route by route, each direction in which its verdict changes. */
  readonly changes: readonly VerdictChange[];
  /** Route × direction pairs through a proposed customer whose verdict stays, by verdict. */
  readonly unchanged: Readonly<Record<Verdict, number>>;
  /** Routes that touch none of the proposed customers (not re-verified). */
  readonly untouched: number;
}

/**
 * What publishing `proposed` (the new declarations; each replaces that customer's current ASPA) does to
 * routes someone observed: every route whose ASPA verdict changes, with the hop that decides and, when a
 * route turns Invalid, the provider whose absence causes it. Which way a route was received is not in
 * the data (a collector's peers send full tables, as a provider would; a router's customers and peers do
 * not), so both directions are verified and each change says which. Only the routes through a proposed
 * customer are verified — among `within` (route numbers, e.g. `routesThrough`) when given.
 */
export function aspaImpact(
  paths: PathEvidence,
  baseline: AspaDb,
  proposed: AspaDb,
  directions: readonly Direction[] = ['upstream', 'downstream'],
  within?: ArrayLike<number>,
): AspaImpact {
  const merged = new Map(baseline);
  for (const [c, providers] of proposed) merged.set(c, providers);
  // Compiled once: millions of routes may pass through a large transit network.
  const before = new CompiledAspaDb(baseline);
  const after = new CompiledAspaDb(merged);
  const changes: VerdictChange[] = [];
  const unchanged: Record<Verdict, number> = { valid: 0, invalid: 0, unknown: 0 };
  let touched = 0;
  const looked = paths.forEachThrough(
    proposed.keys(),
    (index, path) => {
      touched++;
      for (const direction of directions) {
        const was = aspaVerdict(path, before, direction);
        const now = aspaVerdict(path, after, direction);
        if (was === now) unchanged[now]++;
        else changes.push(new Change(paths, index, direction, was, now, decidingHop(path, baseline, merged, proposed, now)));
      }
    },
    within,
  );
  return { directions, changes, unchanged, untouched: looked - touched };
}

/** A change whose route is read from the index when asked for: a Tier-1's AS0 changes a million routes' verdicts. */
class Change implements VerdictChange {
  readonly customer: Asn;
  readonly hop: { readonly from: Asn; readonly to: Asn };
  readonly keepBy?: { readonly customer: Asn; readonly addProvider: Asn };
  private observed: ObservedRoute | undefined;

  constructor(
    private readonly paths: PathEvidence,
    readonly index: number,
    readonly direction: Direction,
    readonly before: Verdict,
    readonly after: Verdict,
    decided: Pick<VerdictChange, 'customer' | 'hop' | 'keepBy'>,
  ) {
    this.customer = decided.customer;
    this.hop = decided.hop;
    if (decided.keepBy) this.keepBy = decided.keepBy;
  }

  get route(): ObservedRoute {
    return (this.observed ??= this.paths.route(this.index));
  }
}

/**
 * From the origin leftwards, the first hop out of a proposed customer whose answer differs between the two
 * databases (the up-ramp check of the verification: is the AS on the left a provider of the one on the right?).
 * A hop that became Not Provider+ is what a missing provider causes; adding that AS keeps the route.
 */
function decidingHop(path: readonly Asn[], before: AspaDb, after: AspaDb, proposed: AspaDb, now: Verdict): Pick<VerdictChange, 'customer' | 'hop' | 'keepBy'> {
  let fallback: Pick<VerdictChange, 'customer' | 'hop'> | undefined;
  for (let i = path.length - 1; i > 0; i--) {
    const customer = path[i]!;
    const left = path[i - 1]!;
    if (customer === left || !proposed.has(customer)) continue;
    const hop = { from: customer, to: left };
    fallback ??= { customer, hop };
    const was = hopResult(before, customer, left);
    const is = hopResult(after, customer, left);
    if (was === is) continue;
    return now === 'invalid' && is === 'not-provider+' ? { customer, hop, keepBy: { customer, addProvider: left } } : { customer, hop };
  }
  // The change lies on the down-ramp (the customer as a provider's neighbour): name the first proposed customer.
  return fallback ?? { customer: path[path.length - 1]!, hop: { from: path[path.length - 1]!, to: path[path.length - 2] ?? path[path.length - 1]! } };
}
