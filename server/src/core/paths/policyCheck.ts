import type { Asn } from '../net/asn';
import { parsePrefix } from '../net/prefix';
import { verifyPathPolicies } from '../workspace/routePolicy';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { PolicyHopResult } from './model';

/**
 * Binds core/workspace's RPSL policy verification to the workspace index: per AS pair, the sender's export
 * and the receiver's import. Paths with no aut-num of theirs in the workspace get nothing (not a column of
 * "unknown"s); a hop is a mismatch when either side's registered policy rejects it.
 */
export function policyChecker(index: WorkspaceIndex): (prefix: string, path: readonly number[]) => readonly PolicyHopResult[] {
  return (prefix, path) => {
    const p = parsePrefix(prefix);
    if (!p.ok || !path.some((a) => index.autNum(a as Asn) !== undefined)) return [];
    return verifyPathPolicies(path as readonly Asn[], p.prefix, index).map((v) => {
      const rejected = [v.export, v.import].filter((c) => c.outcome === 'rejected');
      const verdict = rejected.length > 0 ? 'mismatch' : v.export.outcome === 'verified' && v.import.outcome === 'verified' ? 'ok' : 'unknown';
      return { hop: { from: v.from, to: v.to }, verdict, reason: (rejected.length > 0 ? rejected : [v.export, v.import]).map((c) => c.message).join(' ') };
    });
  };
}
