import type { MrtRoute, MrtSink } from '../mrt/types';
import { observedRoute, type PathEvidence } from './pathEvidence';

/**
 * An MRT sink that adds to `evidence` every announced route (RIB entry or update) whose AS path can be evidence,
 * each one observation by its collector peer; `added()` says how many. Record times are kept in whole seconds.
 */
export function mrtEvidenceSink(evidence: PathEvidence, source: string): MrtSink & { added(): number } {
  let added = 0;
  return {
    route(r: MrtRoute) {
      if (r.kind === 'withdraw' || !r.attributes) return;
      const o = observedRoute(r.prefix, r.attributes.asPath, { vantage: r.peer.address, source, time: Math.floor(r.time) });
      if (!o) return;
      evidence.add(o);
      added++;
    },
    added: () => added,
  };
}
