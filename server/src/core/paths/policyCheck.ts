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
      return { hop: { from: v.from, to: v.to }, verdict, reason: joinReasons((rejected.length > 0 ? rejected : [v.export, v.import]).map((c) => c.message)) };
    });
  };
}

const DEPENDS = ' depends on ';

/** Both sides missing the same objects say it once: "AS1's export to AS2 and AS2's import from AS1 depend on …". */
function joinReasons(messages: readonly string[]): string {
  const [a, b] = messages;
  if (a !== undefined && b !== undefined && a.includes(DEPENDS) && b.includes(DEPENDS)) {
    const tail = (m: string): string => m.slice(m.indexOf(DEPENDS) + DEPENDS.length);
    if (tail(a) === tail(b)) return `${a.slice(0, a.indexOf(DEPENDS))} and ${b.slice(0, b.indexOf(DEPENDS))} depend on ${tail(a)}`;
  }
  return messages.join(' ');
}
