import type { AspaDb } from '../aspa/types';
import { verifyAspaPath, type AspaVerification } from '../aspa/verify';
import type { AsPathSegment } from '../lg/types';
import type { AspaCheck, Hop } from './model';
import type { Relationships } from './relationships';

/** Binds core/aspa's verifier to a database, in the shape the path model carries (plain numbers, one leak hop). */
export function aspaChecker(db: AspaDb, relationships?: Relationships): (segments: readonly AsPathSegment[], direction: 'upstream' | 'downstream') => AspaCheck {
  return (segments, direction) => {
    const v = verifyAspaPath(segments, db, { direction, ...(relationships ? { relationships } : {}) });
    const leakHop = leakHopOf(v);
    return {
      verdict: v.verdict,
      reason: v.reason,
      ...(leakHop ? { leakHop } : {}),
      hops: v.hops.map((h) => ({ customer: h.from, provider: h.to, result: h.result, ramp: h.ramp })),
      ...(v.whatIf ? { whatIf: v.whatIf.text } : {}),
    };
  };
}

/**
 * The verifier names the Not Provider+ hop and the leaker; the model wants the hop the leaker sent the
 * route over. On the down ramp that is the checked hop reversed (the leaker sent up to a non-customer);
 * on the up ramp the leaker got it from a non-customer and sent it on toward the neighbour.
 */
function leakHopOf(v: AspaVerification): Hop | undefined {
  const l = v.leakHop;
  if (!l) return undefined;
  if (l.ramp === 'down') return { from: l.to, to: l.from };
  const next = v.path[l.leakerIndex - 1];
  return next === undefined ? { from: l.from, to: l.to } : { from: l.leaker, to: next };
}
