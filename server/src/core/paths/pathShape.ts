import type { AsPathSegment } from '../lg/types';
import { classifyAsn, type AsnSpecial } from '../net/asn';

/** What the AS_PATH itself says, before any data set is consulted. */
export interface PathShape {
  /** AS_SEQUENCE ASNs in printed order (vantage side first), adjacent repeats collapsed. */
  readonly hops: readonly number[];
  readonly prepends: readonly { asn: number; count: number }[];
  /** ASNs that reappear after another AS in between (a loop, or a poisoned path). */
  readonly loops: readonly number[];
  readonly specialAsns: readonly { asn: number; kind: AsnSpecial; rfc: string }[];
  readonly asSets: readonly (readonly number[])[];
  readonly confed: boolean;
  /** RFC 4271 §9.1.2.2: a set counts one, confederation segments none. */
  readonly length: { raw: number; collapsed: number };
}

const NONE: readonly never[] = [];

/**
 * `PathShape.hops` alone, without the rest of the shape: AS_SEQUENCE ASNs in printed order, adjacent repeats
 * collapsed. What a scan needs of each of millions of distinct paths.
 */
export function collapsedHops(segments: readonly AsPathSegment[]): number[] {
  const hops: number[] = [];
  for (const seg of segments) {
    if (seg.type !== 'sequence') continue;
    for (const a of seg.asns) if (a !== hops[hops.length - 1]) hops.push(a);
  }
  return hops;
}

export function pathShape(segments: readonly AsPathSegment[]): PathShape {
  const hops: number[] = [];
  const prepends: { asn: number; count: number }[] = [];
  const loops: number[] = [];
  const asSets: number[][] = [];
  const special = new Map<number, { asn: number; kind: AsnSpecial; rfc: string }>();
  let confed = false;
  let raw = 0;
  let sets = 0;
  let last: number | undefined;
  let run = 0;
  const seen = new Set<number>();
  const closeRun = (): void => {
    if (last !== undefined && run > 1) prepends.push({ asn: last, count: run });
  };
  for (const seg of segments) {
    for (const a of seg.asns) {
      const s = classifyAsn(a);
      if (s && !special.has(a)) special.set(a, { asn: a, ...s });
    }
    if (seg.type === 'confed-sequence' || seg.type === 'confed-set') {
      confed = true;
      continue;
    }
    if (seg.type === 'set') {
      asSets.push([...seg.asns]);
      sets++;
      continue;
    }
    for (const a of seg.asns) {
      raw++;
      if (a === last) {
        run++;
        continue;
      }
      closeRun();
      if (seen.has(a) && !loops.includes(a)) loops.push(a);
      seen.add(a);
      hops.push(a);
      last = a;
      run = 1;
    }
  }
  closeRun();
  // Most paths have no prepends, loops, sets or special ASNs: share one empty array (a table has 100k paths).
  const shared = <T>(a: readonly T[]): readonly T[] => (a.length === 0 ? NONE : a);
  return {
    hops,
    prepends: shared(prepends),
    loops: shared(loops),
    specialAsns: shared([...special.values()]),
    asSets: shared(asSets),
    confed,
    length: { raw: raw + sets, collapsed: hops.length + sets },
  };
}
