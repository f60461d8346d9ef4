import type { Asn } from '../net/asn';
import type { ObservedRoute } from './pathEvidence';
import type { AspaDb, Direction, Verdict } from './types';
import { aspaVerdict, hopResult } from './verify';

/** One observed route whose verdict the proposed ASPAs change. */
export interface VerdictChange {
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
 * not), so both directions are verified and each change says which.
 */
export function aspaImpact(
  routes: Iterable<ObservedRoute>,
  baseline: AspaDb,
  proposed: AspaDb,
  directions: readonly Direction[] = ['upstream', 'downstream'],
): AspaImpact {
  const after = new Map(baseline);
  for (const [c, providers] of proposed) after.set(c, providers);
  const changes: VerdictChange[] = [];
  const unchanged: Record<Verdict, number> = { valid: 0, invalid: 0, unknown: 0 };
  let untouched = 0;
  for (const route of routes) {
    const path = route.path;
    if (!path.some((a) => proposed.has(a))) {
      untouched++;
      continue;
    }
    for (const direction of directions) {
      const was = aspaVerdict(path, baseline, direction);
      const now = aspaVerdict(path, after, direction);
      if (was === now) unchanged[now]++;
      else changes.push({ route, direction, before: was, after: now, ...decidingHop(path, baseline, after, proposed, now) });
    }
  }
  return { directions, changes, unchanged, untouched };
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
