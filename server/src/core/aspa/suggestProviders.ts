import type { Asn } from '../net/asn';
import type { Relationships } from '../paths/relationships';
import type { AutNumPeeringSummary } from '../workspace/peeringSummary';
import type { PathEvidence } from './pathEvidence';
import { TRANSIT_FREE_ASNS } from './transitFree';
import type { AspaDb } from './types';

/** Where a customer's candidate providers come from; each is optional. */
export interface ProviderSources {
  readonly paths?: PathEvidence;
  readonly relationships?: Relationships;
  /** aut-num policies by AS (workspace or registry). */
  readonly autNums?: ReadonlyMap<Asn, AutNumPeeringSummary>;
  /** What is published today. */
  readonly current?: AspaDb;
}

export type Confidence = 'high' | 'medium' | 'low';

export interface ProviderCandidate {
  readonly asn: Asn;
  readonly confidence: Confidence;
  /** One sentence per piece of evidence, strongest first. */
  readonly evidence: readonly string[];
}

export interface NotProvider {
  readonly asn: Asn;
  readonly looksLike: 'peer' | 'customer';
  readonly why: readonly string[];
}

export interface ProviderSuggestion {
  readonly customer: Asn;
  /** Ascending by AS number: the order the ASPA profile wants. */
  readonly providers: readonly ProviderCandidate[];
  /** Neighbours seen or documented that are better left out, with why. */
  readonly notProviders: readonly NotProvider[];
  /** Whether anything at all was known about the customer. */
  readonly evidenceFound: boolean;
  /**
   * With no provider candidates: why an AS0 ASPA ("no providers") is the declaration to publish — it is one
   * today, or the AS is a known transit-free network.
   */
  readonly transitFree?: string;
}

/** Points for each kind of evidence that a neighbour is a provider; confidence is read from their sum. */
const WEIGHT = { relationship: 3, autNum: 2, observedWide: 2, observedNarrow: 1, observedEdge: 0.5, current: 1 } as const;
const HIGH = 4;
const MEDIUM = 2;

/**
 * The providers an AS should list in its ASPA, from evidence: who carried its routes onward in observed
 * paths, who its aut-num takes a full table from, CAIDA's inferred relationships, and its current ASPA.
 * Neighbours whose evidence says peer or customer are listed apart, never as providers: an ASPA that
 * names a peer authorises the very leak ASPA is there to catch.
 */
export function suggestProviders(customer: Asn, sources: ProviderSources): ProviderSuggestion {
  const points = new Map<Asn, number>();
  const evidence = new Map<Asn, string[]>();
  const against = new Map<Asn, { looksLike: 'peer' | 'customer'; why: string[] }>();
  const support = (asn: Asn, w: number, why: string) => {
    points.set(asn, (points.get(asn) ?? 0) + w);
    const list = evidence.get(asn) ?? [];
    list.push(why);
    evidence.set(asn, list);
  };
  const oppose = (asn: Asn, looksLike: 'peer' | 'customer', why: string) => {
    const a = against.get(asn) ?? { looksLike, why: [] };
    a.why.push(why);
    against.set(asn, a);
  };

  const rel = sources.relationships;
  const paths = sources.paths;
  if (paths) {
    for (const [left, e] of paths.sentTo(customer)) {
      const seen = `seen upstream of AS${customer} in ${e.paths} path${e.paths === 1 ? '' : 's'} from ${e.vantages} vantage point${e.vantages === 1 ? '' : 's'}`;
      if (e.propagated > 0) {
        support(left, e.vantages >= 2 ? WEIGHT.observedWide : WEIGHT.observedNarrow, `${seen}, passing AS${customer}'s routes on in ${e.propagated}`);
      } else {
        // Only ever the collector's or router's own neighbour: a peer looks exactly like this.
        support(left, WEIGHT.observedEdge, `${seen}, only as the vantage point's own neighbour (a peer would look the same)`);
      }
      // The customer also carries the neighbour's routes onward: not a provider. Both passing each other's
      // routes on (to their customers) is what peers do; only one way, a customer's routes going up.
      const back = paths.seen(customer, left);
      if (back && back.propagated > 0) {
        const mutual = e.propagated > 0;
        const routes = `${back.paths} path${back.paths === 1 ? '' : 's'}`;
        oppose(
          left,
          mutual ? 'peer' : 'customer',
          mutual
            ? `AS${customer} and AS${left} each pass the other's routes on (${routes} one way, ${e.propagated} the other), as peers do toward their customers`
            : `AS${customer} passes AS${left}'s routes on (${routes}), as it does its customers'`,
        );
      }
    }
  }
  const autNum = sources.autNums?.get(customer);
  if (autNum) {
    for (const imp of autNum.imports) {
      if (!imp.acceptsAny || imp.peer === customer) continue;
      const exp = autNum.exports.find((x) => x.peer === imp.peer);
      if (exp && !exp.announcesAny) support(imp.peer, WEIGHT.autNum, `aut-num AS${customer} imports ANY from AS${imp.peer} and exports only its own routes to it`);
      else if (exp?.announcesAny) oppose(imp.peer, 'peer', `aut-num AS${customer} imports ANY from AS${imp.peer} and also exports ANY to it`);
    }
  }
  if (rel) {
    for (const asn of new Set([...points.keys(), ...against.keys()])) {
      const r = rel.get(asn, customer);
      if (r === 'p2c') support(asn, WEIGHT.relationship, `a provider of AS${customer} in the AS relationships (CAIDA)`);
      else if (r === 'p2p') oppose(asn, 'peer', `a peer of AS${customer} in the AS relationships (CAIDA)`);
      else if (r === 'c2p') oppose(asn, 'customer', `a customer of AS${customer} in the AS relationships (CAIDA)`);
    }
  }
  for (const p of sources.current?.get(customer) ?? []) support(p, WEIGHT.current, `in AS${customer}'s current ASPA`);

  const providers: ProviderCandidate[] = [];
  const notProviders: NotProvider[] = [];
  for (const [asn, score] of points) {
    if (asn === customer || asn === 0) continue;
    const no = against.get(asn);
    const documented = (evidence.get(asn) ?? []).some((e) => e.includes('imports ANY') || e.includes('in the AS relationships'));
    // Counter-evidence wins unless the customer's own policy or CAIDA says provider.
    if (no && !documented) {
      notProviders.push({ asn, looksLike: no.looksLike, why: no.why });
      continue;
    }
    const why = [...(evidence.get(asn) ?? []), ...(no ? no.why.map((w) => `but ${w}`) : [])];
    providers.push({ asn, confidence: score >= HIGH && !no ? 'high' : score >= MEDIUM ? 'medium' : 'low', evidence: why });
  }
  for (const [asn, no] of against) if (!points.has(asn) && asn !== customer) notProviders.push({ asn, looksLike: no.looksLike, why: no.why });
  providers.sort((a, b) => a.asn - b.asn);
  notProviders.sort((a, b) => a.asn - b.asn);
  const currentSet = sources.current?.get(customer);
  const transitFree =
    providers.some((p) => p.confidence !== 'low')
      ? undefined
      : currentSet !== undefined && currentSet.size === 0
        ? `AS${customer}'s current ASPA is AS0 (no providers) and nothing here names a provider`
        : TRANSIT_FREE_ASNS.has(customer) && providers.every((p) => p.confidence === 'low')
          ? `AS${customer} is a transit-free network (it buys transit from nobody); the weak candidates above are likely its peers`
          : undefined;
  return { customer, providers, notProviders, evidenceFound: points.size + against.size > 0 || currentSet !== undefined, ...(transitFree ? { transitFree } : {}) };
}
