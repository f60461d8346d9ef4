import type { AsPathSegment, LgParseResult, LgRoute } from '../../server/src/core/lg/types';
import { asn, type Asn } from '../../server/src/core/net/asn';

/**
 * Builds parse results from path strings for tests and benches, so the analysis is proven without the
 * looking-glass parser: `"3356 {64500,64501}"`, one route per line in the paste.
 */
export function segmentsOf(path: string): AsPathSegment[] {
  const segs: AsPathSegment[] = [];
  for (const m of path.matchAll(/\{([^}]*)\}|\(([^)]*)\)|(\d+)/g)) {
    if (m[1] !== undefined) segs.push({ type: 'set', asns: nums(m[1]) });
    else if (m[2] !== undefined) segs.push({ type: 'confed-sequence', asns: nums(m[2]) });
    else {
      const a = asn(Number(m[3]));
      const last = segs.at(-1);
      if (last?.type === 'sequence') (last.asns as Asn[]).push(a);
      else segs.push({ type: 'sequence', asns: [a] });
    }
  }
  return segs;
}

function nums(s: string): Asn[] {
  return s
    .split(/[\s,]+/)
    .filter((x) => x !== '')
    .map((x) => asn(Number(x)));
}

export function routeOf(prefix: string, path: string, line = 0, extra: Partial<LgRoute> = {}): LgRoute {
  return { prefix, asPath: segmentsOf(path), asPathText: path, communities: [], lines: { start: line, end: line }, ...extra };
}

export function parseOf(routes: readonly LgRoute[]): LgParseResult {
  return { format: 'aspath-list', routes, unparsed: [] };
}
