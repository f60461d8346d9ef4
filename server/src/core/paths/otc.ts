import type { Check, Hop } from './model';
import type { Relationships } from './relationships';
import { propagationHops } from './valleyFree';

export type OtcCheck = Check<'ok' | 'leak' | 'unchecked'> & { readonly value: number };

/**
 * RFC 9234 §5 on the route's own OTC attribute. OTC is set once, always to the AS that announced the
 * route over the first provider→customer or peer link (egress by the sender, or ingress by the receiver
 * with the remote AS, give the same value), so the hops after the OTC AS are the ones to check:
 * rule 1, received from a customer with OTC → leak; rule 2, received from a peer with OTC ≠ that peer → leak.
 */
export function checkOtc(hops: readonly number[], otc: number, rels: Relationships | undefined): OtcCheck {
  const links = propagationHops(hops);
  const start = links.findIndex((h) => h.from === otc);
  if (start < 0) {
    if (hops[0] === otc) return { verdict: 'ok', value: otc, reason: `OTC was set by or for the neighbour AS${otc}` };
    return { verdict: 'unchecked', value: otc, reason: `OTC AS${otc} is not in the path (set by a route server?)` };
  }
  if (!rels) return { verdict: 'unchecked', value: otc, reason: 'no relationship data to check the hops after the OTC AS' };
  let unknown = 0;
  for (const hop of links.slice(start)) {
    const leak = otcRuleBroken(hop, otc, rels);
    if (leak === undefined) unknown++;
    else if (leak) return { verdict: 'leak', value: otc, leakHop: hop, reason: leak };
  }
  if (unknown > 0) return { verdict: 'unchecked', value: otc, reason: `${unknown} link(s) after AS${otc} have no known relationship` };
  return { verdict: 'ok', value: otc, reason: `only provider→customer links after AS${otc}` };
}

/** The reason a receiver would reject the route under RFC 9234 ingress rules, '' if it accepts, undefined if unknown. */
function otcRuleBroken(hop: Hop, otc: number, rels: Relationships): string | undefined {
  const rel = rels.get(hop.from, hop.to);
  if (rel === undefined) return undefined;
  if (rel === 'c2p') return `AS${hop.to} received the route with OTC=${otc} from its customer AS${hop.from} (RFC 9234 §5 rule 1)`;
  if (rel === 'p2p' && otc !== hop.from)
    return `AS${hop.to} received the route with OTC=${otc} from its peer AS${hop.from}, not equal to the peer's AS (RFC 9234 §5 rule 2)`;
  return '';
}

/**
 * For a route without OTC: where RFC 9234 would have set it and which AS would have dropped the route.
 * Undefined when relationships are too incomplete to say, or when the route would pass.
 */
export function otcWhatIf(hops: readonly number[], rels: Relationships): string | undefined {
  let otc: number | undefined;
  let setAt: Hop | undefined;
  for (const hop of propagationHops(hops)) {
    const rel = rels.get(hop.from, hop.to);
    if (rel === undefined) return undefined;
    if (otc === undefined) {
      if (rel !== 'c2p') {
        otc = hop.from;
        setAt = hop;
      }
      continue;
    }
    const broken = otcRuleBroken(hop, otc, rels);
    if (broken && setAt)
      return `With RFC 9234 roles, OTC=${otc} would have been attached on AS${setAt.from}→AS${setAt.to}; AS${hop.to} would then have rejected the route from AS${hop.from} as a leak.`;
  }
  return undefined;
}
