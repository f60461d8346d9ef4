/**
 * The common case of a RIB path, checked from its AS_PATH bytes with nothing made: one or more AS_SEQUENCE
 * segments of 4-byte ASNs, no OTC, ASPA not Invalid (the verifier's plain verdict), no valley. Such a path has no
 * flag, and its origin is all a scan keeps of it; everything else (AS_SET and confederation segments, OTC, an
 * Invalid or a valley, bytes that do not add up, data without a plain ASPA verdict) goes to the full check
 * (RouteClassifier.pathVerdict), which says why. Returning a clean origin only where the full check would find no
 * flag is what keeps a scan's findings the same: classify.test.ts compares the two on every path of real files.
 */
import { valleyLink } from '../paths/valleyFree';
import type { ScanData } from './classify';

/** Not decided here: the path needs the full check. */
export const FULL_CHECK = -1;

export class PlainPathCheck {
  private asns = new Uint32Array(64);
  /**
   * The path with prepends collapsed, as collapsedHops makes it for the full check: a plain array, as the full
   * check passes them, so the verifiers' loops see one kind of array (a typed one too would slow both).
   */
  private readonly hops: number[] = [];

  constructor(private readonly data: ScanData) {}

  /**
   * The origin of the AS_PATH in bytes [start, end) when it is a plain sequence path with no flag in `upstream`
   * or downstream verification (and no OTC: `otc` < 0); FULL_CHECK otherwise.
   */
  originIfClean(b: Uint8Array, start: number, end: number, otc: number, upstream: boolean): number {
    if (otc >= 0) return FULL_CHECK;
    const { aspa, aspaVerdict, relationships } = this.data;
    if (aspa !== undefined && aspaVerdict === undefined) return FULL_CHECK;
    const n = this.decode(b, start, end);
    if (n <= 0) return FULL_CHECK;
    const asns = this.asns;
    const hops = this.hops;
    // Prepends collapsed, as collapsedHops does for the full check.
    let h = 0;
    for (let i = 0; i < n; i++) if (h === 0 || hops[h - 1] !== asns[i]) hops[h++] = asns[i]!;
    hops.length = h;
    const origin = asns[n - 1]!;
    // The full check has nothing to say of a path of one AS either.
    if (h < 2) return origin;
    // The verdict skips prepends itself, so the collapsed path has the same one.
    if (aspaVerdict !== undefined && aspaVerdict(hops, upstream ? 'upstream' : 'downstream') === 'invalid') return FULL_CHECK;
    if (relationships !== undefined && valleyLink(hops, h, relationships) >= 0) return FULL_CHECK;
    return origin;
  }

  /** The ASNs of a path of AS_SEQUENCE segments only, none empty, into `asns`: their count, or 0 for any other path. */
  private decode(b: Uint8Array, start: number, end: number): number {
    let n = 0;
    let p = start;
    while (p < end) {
      if (p + 2 > end || b[p] !== 2) return 0;
      const count = b[p + 1]!;
      p += 2;
      if (count === 0 || p + 4 * count > end) return 0;
      if (n + count > this.asns.length) this.grow(n + count);
      const asns = this.asns;
      for (let i = 0; i < count; i++, p += 4) asns[n++] = ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
    }
    return n;
  }

  private grow(n: number): void {
    const asns = new Uint32Array(2 * n);
    asns.set(this.asns);
    this.asns = asns;
  }
}
