import { parseAsn, type Asn } from '../net/asn';
import type { AsExpr, Filter, PolicyExpr, PolicyFactor } from '../policy/ast';
import { parsePolicy } from '../policy/parser';
import { firstValue, type RpslObject } from '../rpsl/model';
import type { Range } from '../text/range';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Who an aut-num imports from and exports to, by AS number, and whether it takes (gives) everything.
 * Structurally the `AutNumPeeringSummary` the ASPA cross-check reads: a peer whose routes are accepted
 * with ANY looks like a provider; one the aut-num announces ANY to looks like a customer.
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

function factors(e: PolicyExpr, out: PolicyFactor[]): void {
  if (e.kind === 'term') out.push(...e.factors);
  else {
    factors(e.left, out);
    factors(e.right, out);
  }
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function autNumPeeringSummary(obj: RpslObject, uri = '', range: Range = ZERO): AutNumPeeringSummary | undefined {
  const a = parseAsn((firstValue(obj, 'aut-num')?.value ?? '').trim());
  if (obj.className !== 'aut-num' || !a.ok) return undefined;
  const imports = new Map<Asn, boolean>();
  const exports = new Map<Asn, boolean>();
  for (const attr of obj.attributes) {
    const isImport = attr.name === 'import' || attr.name === 'mp-import';
    const isExport = attr.name === 'export' || attr.name === 'mp-export';
    if (!isImport && !isExport) continue;
    const ast = parsePolicy(attr.name, attr.value)?.ast;
    if (!ast || (ast.kind !== 'import' && ast.kind !== 'export')) continue;
    const fs: PolicyFactor[] = [];
    factors(ast.expr, fs);
    for (const f of fs) {
      const peers: Asn[] = [];
      for (const p of f.peerings) peerAsns(p.peering.as, peers);
      const map = isImport ? imports : exports;
      for (const peer of peers) map.set(peer, (map.get(peer) ?? false) || isAny(f.filter));
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

/** Every aut-num of the workspace, summarised, with its location. */
export function autNumPeeringSummaries(index: WorkspaceIndex): AutNumPeeringSummary[] {
  const out: AutNumPeeringSummary[] = [];
  for (const e of index.all()) {
    if (e.className !== 'aut-num') continue;
    const li = index.lineIndexOf(e.uri);
    const s = autNumPeeringSummary(e.object, e.uri, li ? li.range(e.object.span) : ZERO);
    if (s) out.push(s);
  }
  return out;
}
