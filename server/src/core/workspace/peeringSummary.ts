import { parseAsn, type Asn } from '../net/asn';
import type { AsExpr, Filter } from '../policy/ast';
import { firstValue, type RpslObject } from '../rpsl/model';
import type { Range } from '../text/range';
import { directionRules } from './routePolicy';

/**
 * Who an aut-num imports from and exports to, by AS number, and whether it takes (gives) everything: what the
 * ASPA cross-check reads, built here from aut-num objects.
 * A peer the aut-num imports ANY from and exports a narrower set to looks like its transit provider.
 */
export interface AutNumPeeringSummary {
  readonly asn: Asn;
  readonly imports: readonly { readonly peer: Asn; readonly acceptsAny: boolean }[];
  readonly exports: readonly { readonly peer: Asn; readonly announcesAny: boolean }[];
  readonly uri: string;
  readonly range: Range;
}

/** Plain AS numbers of a peering's AS expression (sets and EXCEPT branches are not peers by number). */
function peerAsns(e: AsExpr | undefined, out: Asn[]): void {
  if (!e) return;
  if (e.kind === 'asn') out.push(e.asn);
  else if (e.kind === 'or' || e.kind === 'and') {
    peerAsns(e.left, out);
    peerAsns(e.right, out);
  } else if (e.kind === 'except') peerAsns(e.left, out);
}

function isAny(f: Filter | undefined): boolean {
  return f?.kind === 'any';
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function autNumPeeringSummary(obj: RpslObject, uri = '', range: Range = ZERO): AutNumPeeringSummary | undefined {
  const a = parseAsn((firstValue(obj, 'aut-num')?.value ?? '').trim());
  if (obj.className !== 'aut-num' || !a.ok) return undefined;
  const imports = new Map<Asn, boolean>();
  const exports = new Map<Asn, boolean>();
  for (const [direction, map] of [['import', imports], ['export', exports]] as const) {
    for (const rule of directionRules(obj, direction)) {
      for (const f of rule.factors) {
        const peers: Asn[] = [];
        for (const p of f.peerings) peerAsns(p.peering.as, peers);
        for (const peer of peers) map.set(peer, (map.get(peer) ?? false) || isAny(f.filter));
      }
    }
  }
  return {
    asn: a.asn,
    imports: [...imports].map(([peer, acceptsAny]) => ({ peer, acceptsAny })),
    exports: [...exports].map(([peer, announcesAny]) => ({ peer, announcesAny })),
    uri,
    range,
  };
}
