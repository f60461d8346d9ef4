import type { Diagnostic } from '../diagnostics/diagnostic';
import type { TextPositions } from '../text/lineIndex';
import type { AutNumPeeringSummary } from '../workspace/peeringSummary';
import type { AspaDeclaration } from './declarations';

/**
 * ASPA declarations against the customers' routing policy in RPSL. Reports, in the ASPA document:
 * - `aspa/provider-not-in-policy`: a provider the customer's aut-num neither imports from nor exports to
 *   (a stale ASPA entry, or an aut-num that no longer documents the session);
 * - `aspa/provider-missing`: a transit provider visible in the aut-num (imports ANY, exports a narrower
 *   set) that the ASPA leaves out: the customer's legitimate routes through it verify as Invalid, and an
 *   operator who then stops enforcing ASPA opens exactly the gap a leak goes through undetected.
 * Only declared customers with a summary are checked; AS0 declarations are skipped for the first rule.
 */
export function crossCheckAspa(
  declarations: readonly AspaDeclaration[],
  summaries: Iterable<AutNumPeeringSummary>,
  index: TextPositions,
): Diagnostic[] {
  const byAsn = new Map<number, AutNumPeeringSummary>();
  for (const s of summaries) if (!byAsn.has(s.asn)) byAsn.set(s.asn, s);
  // A customer may be declared more than once: the union is what validators see.
  const providersOf = new Map<number, Set<number>>();
  for (const d of declarations) {
    if (d.filter || d.customer.asn === undefined) continue;
    let set = providersOf.get(d.customer.asn);
    if (!set) providersOf.set(d.customer.asn, (set = new Set()));
    for (const p of d.providers) if (p.asn !== undefined && p.asn !== 0) set.add(p.asn);
  }
  const out: Diagnostic[] = [];
  const reportedMissing = new Set<number>();
  for (const d of declarations) {
    const c = d.customer.asn;
    if (d.filter || c === undefined) continue;
    const s = byAsn.get(c);
    if (!s) continue;
    const related = [{ uri: s.uri, range: s.range, message: `aut-num AS${c}` }];
    const peers = new Set<number>([...s.imports.map((i) => i.peer), ...s.exports.map((e) => e.peer)]);
    for (const p of d.providers) {
      if (p.asn === undefined || p.asn === 0 || p.asn === c || peers.has(p.asn)) continue;
      out.push({
        code: 'aspa/provider-not-in-policy',
        severity: 'warning',
        range: index.range(p.span),
        message: `AS${c}'s aut-num neither imports from nor exports to AS${p.asn}. If AS${p.asn} is no longer a provider, remove it from the ASPA; otherwise add its import/export to aut-num AS${c}.`,
        related,
      });
    }
    if (reportedMissing.has(c)) continue;
    reportedMissing.add(c);
    const declared = providersOf.get(c) ?? new Set<number>();
    for (const imp of s.imports) {
      if (!imp.acceptsAny || declared.has(imp.peer) || imp.peer === c) continue;
      const exp = s.exports.find((e) => e.peer === imp.peer);
      if (!exp || exp.announcesAny) continue;
      out.push({
        code: 'aspa/provider-missing',
        severity: 'warning',
        range: index.range(d.customer.span),
        message: `aut-num AS${c} imports ANY from AS${imp.peer} and exports only its own routes to it — AS${imp.peer} is a transit provider — but the ASPA does not list it. Wherever ASPA is enforced, AS${c}'s routes through AS${imp.peer} will be dropped as Invalid. Add AS${imp.peer} to the providers.`,
        related,
      });
    }
  }
  return out;
}
