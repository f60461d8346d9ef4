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
  /**
   * The hop that decides, in the direction the route travelled: customer → the AS it sent the route to (up-ramp),
   * or the AS it received the route from → customer (down-ramp, on a route received from a provider).
   */
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
        else changes.push(new Change(paths, index, direction, was, now, decidingHop(path, baseline, merged, proposed, direction, was, now)));
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
 * The hop that decides a change. A customer's ASPA is read at two kinds of hop: where it sends the route up
 * (the AS left of it: the up-ramp check) and, on a route received from a provider, where it got the route
 * (the AS right of it: the down-ramp check). Every such hop of a proposed customer whose answer differs between
 * the two databases is a candidate, from the origin leftwards; for a route turned Invalid, the one whose AS,
 * added to the customer's providers, gives the route back its old verdict decides and names that provider.
 * Trying it, rather than guessing from the hop's answer, matters: on CANTV's leak AS52320's ASPA turns the route
 * Invalid at 8048→52320 (where it received it), and adding AS24482 (where it sent it) would change nothing.
 */
function decidingHop(
  path: readonly Asn[],
  before: AspaDb,
  after: AspaDb,
  proposed: AspaDb,
  direction: Direction,
  was: Verdict,
  now: Verdict,
): Pick<VerdictChange, 'customer' | 'hop' | 'keepBy'> {
  const candidates: { customer: Asn; other: Asn; hop: { from: Asn; to: Asn } }[] = [];
  for (let i = path.length - 1; i >= 0; i--) {
    const customer = path[i]!;
    if (!proposed.has(customer)) continue;
    const left = path[i - 1];
    const right = path[i + 1];
    if (left !== undefined && left !== customer) candidates.push({ customer, other: left, hop: { from: customer, to: left } });
    if (right !== undefined && right !== customer) candidates.push({ customer, other: right, hop: { from: right, to: customer } });
  }
  const changed = candidates.filter((c) => hopResult(before, c.customer, c.other) !== hopResult(after, c.customer, c.other));
  if (now === 'invalid') {
    for (const c of changed) {
      // AS0 ("no providers") cannot stand beside a provider; the trial replaces it.
      const providers = new Set([...(after.get(c.customer) ?? [])].filter((p) => Number(p) !== 0));
      providers.add(c.other);
      const kept = new Map(after).set(c.customer, providers);
      if (aspaVerdict(path, kept, direction) === was) return { customer: c.customer, hop: c.hop, keepBy: { customer: c.customer, addProvider: c.other } };
    }
  }
  const first = changed[0] ?? candidates[0];
  if (first) return { customer: first.customer, hop: first.hop };
  const last = path[path.length - 1]!;
  return { customer: last, hop: { from: last, to: path[path.length - 2] ?? last } };
}
