import { aspaImpact } from '../aspa/impact';
import { PathEvidence } from '../aspa/pathEvidence';
import type { AspaDb } from '../aspa/types';
import type { Asn } from '../net/asn';
import type { AspaWhatIf, AspaWhatIfChange, RouteAnalysis } from './model';

/** The ASPA data split the way a what-if needs it: all of it, and what the data files and the RPKI say alone. */
export interface AspaDeclarations {
  /** Files, RPKI and `.aspa` documents united: the verdicts the panel shows. */
  readonly all: AspaDb;
  /** Without the `.aspa` documents. */
  readonly published: AspaDb;
  /** Per customer, the documents that declare it (their sources, in reading order). */
  readonly declaredIn: ReadonlyMap<Asn, readonly string[]>;
}

type Verified = Pick<RouteAnalysis, 'index' | 'prefix' | 'hops' | 'asSets' | 'confed' | 'truncated' | 'unverified' | 'aspa'>;

/**
 * "What if `customer` published the ASPA of the `.aspa` documents": each pasted route through it verified with
 * the published ASPA of `customer` (or none) and with the documents' one, everything else alike, in both
 * directions. Undefined when no document declares `customer`. Only plain AS sequences the looking glass did not
 * cut are verified: a set, a confederation or a guessed path says nothing about who is whose provider.
 */
export function aspaWhatIf(routes: readonly Verified[], customer: number, data: AspaDeclarations): AspaWhatIf | undefined {
  const asn = customer as Asn;
  const sources = data.declaredIn.get(asn);
  const providers = data.all.get(asn);
  if (!sources || sources.length === 0 || !providers) return undefined;
  const baseline = new Map(data.all);
  const published = data.published.get(asn);
  if (published) baseline.set(asn, published);
  else baseline.delete(asn);

  const evidence = new PathEvidence();
  const verified: Verified[] = [];
  for (const r of routes) {
    if (r.unverified !== undefined || r.truncated || r.confed || r.asSets.length > 0 || r.hops.length < 2) continue;
    evidence.add({ prefix: r.prefix, path: r.hops as readonly Asn[], vantage: 'paste', source: 'paste' });
    verified.push(r);
  }
  const impact = aspaImpact(evidence, baseline, new Map([[asn, providers]]));
  return {
    customer,
    sources,
    providers: [...providers].sort((a, b) => a - b),
    changes: impact.changes
      .map((c): AspaWhatIfChange => {
        const r = verified[c.index]!;
        // The verifier's leak hop is the panel's own verdict (`all` is the after). A provider to add is named
        // only for a hop where the customer sends the route up: on its down-ramp (CANTV: GlobeNet's ASPA not
        // listing AS8048) the AS to add would be the one the route came from, which on a leak is the leaker.
        const check = r.aspa?.[c.direction];
        const leak = c.after === 'invalid' && check?.verdict === 'invalid' ? check.leakHop : undefined;
        const upRamp = c.hop.from === c.customer;
        return {
          route: r.index,
          direction: c.direction,
          before: c.before,
          after: c.after,
          hop: leak ?? c.hop,
          ...(c.keepBy && upRamp ? { addProvider: c.keepBy.addProvider } : {}),
        };
      })
      .sort((a, b) => a.route - b.route),
    unchanged: { ...impact.unchanged },
    routes: verified.length - impact.untouched,
  };
}
