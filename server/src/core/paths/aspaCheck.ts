import type { AspaDb, Verdict } from '../aspa/types';
import { CompiledAspaDb } from '../aspa/compiledDb';
import { aspaVerdict, verifyAspaPath, type AspaVerification } from '../aspa/verify';
import type { AsPathSegment } from '../lg/types';
import type { AspaCheck, Hop } from './model';
import type { Relationships } from './relationships';

export type AspaCheckFn = (segments: readonly AsPathSegment[], direction: 'upstream' | 'downstream', detail?: boolean) => AspaCheck;

/** The verdict alone of a plain path (ASNs as printed, prepends allowed, no AS_SET), over the same data. */
export type AspaVerdictFn = (path: ArrayLike<number>, direction: 'upstream' | 'downstream') => Verdict;

const NO_HOPS: AspaCheck['hops'] = [];

/**
 * Binds core/aspa's verifier to a database, in the shape the path model carries (plain numbers, one leak
 * hop). With `detail` false (the bulk of a full table) a Valid or Unknown plain path takes the verifier's
 * allocation-free verdict over the database compiled into typed arrays (on the first such call: `db` must not change
 * after it, as loadPathData's does not) and carries no evidence; Invalid paths always get the full verification.
 */
export function aspaChecker(db: AspaDb, relationships?: Relationships): AspaCheckFn & { readonly verdictOf: AspaVerdictFn } {
  let compiled: CompiledAspaDb | undefined;
  const verdictOf: AspaVerdictFn = (path, direction) => aspaVerdict(path, (compiled ??= new CompiledAspaDb(db)), direction);
  const check: AspaCheckFn = (segments, direction, detail = true) => {
    if (!detail && segments.every((s) => s.type === 'sequence')) {
      const verdict = verdictOf(segments.length === 1 ? segments[0]!.asns : segments.flatMap((s) => s.asns), direction);
      if (verdict === 'valid') return { verdict, reason: 'Valid (per-hop evidence is kept for the first paths of a large table).', hops: NO_HOPS };
      if (verdict === 'unknown') return { verdict, reason: 'Unknown: some AS on the path has no ASPA (details are kept for the first paths of a large table).', hops: NO_HOPS };
    }
    const v = verifyAspaPath(segments, db, { direction, ...(relationships ? { relationships } : {}) });
    const leakHop = leakHopOf(v);
    return {
      verdict: v.verdict,
      reason: v.reason,
      ...(leakHop ? { leakHop } : {}),
      ...(v.leakHop !== undefined && leakHop === undefined ? { leakedToVantage: v.leakHop.leaker } : {}),
      hops: v.hops.map((h) => ({ customer: h.from, provider: h.to, result: h.result, ramp: h.ramp })),
      ...(v.whatIf ? { whatIf: v.whatIf.text } : {}),
    };
  };
  return Object.assign(check, { verdictOf });
}

/**
 * The hop the leaker sent the route over, in the model's direction. Absent when the leaker is the
 * neighbour and it sent the route to the vantage point itself (no AS-to-AS hop to flag).
 */
function leakHopOf(v: AspaVerification): Hop | undefined {
  const l = v.leakHop;
  return l?.sentTo === undefined ? undefined : { from: l.leaker, to: l.sentTo };
}
