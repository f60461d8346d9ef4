/**
 * Route Origin Validation (RFC 6811) over a fixed VRP set.
 *
 * Prefixes form a laminar family (two prefixes are nested or disjoint), so the distinct VRP prefixes of an
 * address family, sorted by (start address, length), form a forest in which each prefix points at its nearest
 * enclosing one. A lookup binary-searches the last prefix starting at or before the route's address, climbs to
 * the first ancestor that contains the route, and every ancestor from there on covers it too. That is ~20
 * typed-array comparisons plus a few hops, with no per-node objects: 600k VRPs take a few tens of MB.
 */
import type { Asn } from '../net/asn';
import type { Prefix } from '../net/prefix';
import type { Vrp } from './types';

export type RovState = 'valid' | 'invalid' | 'not-found';

export interface RovResult {
  readonly state: RovState;
  /** VRPs that cover the route, allow its length and name its origin (RFC 6811 "matched"). */
  readonly matched: readonly Vrp[];
  /** Every VRP whose prefix covers the route's prefix (RFC 6811 "covering"), matched ones included. */
  readonly covering: readonly Vrp[];
}

/** Leading `bits` of a 32-bit word, the rest zero. */
function maskWord(w: number, bits: number): number {
  if (bits <= 0) return 0;
  if (bits >= 32) return w >>> 0;
  return (w & (~0 << (32 - bits))) >>> 0;
}

class Forest {
  /** Start address of each distinct prefix, `width` words each. */
  private readonly starts: Uint32Array;
  private readonly lengths: Uint8Array;
  private readonly parent: Int32Array;
  private readonly vrpsAt: (Vrp | Vrp[])[];
  private readonly count: number;
  /**
   * IPv4 only: `bucket[b]` is the first prefix whose start is >= b << 16, so a search looks at the few prefixes
   * starting in the address's /16 instead of the whole array (the one before the bucket is the fallback).
   */
  private readonly bucket: Int32Array | undefined;

  constructor(
    private readonly width: 1 | 4,
    vrps: readonly Vrp[],
  ) {
    const w = width;
    const order = Uint32Array.from({ length: vrps.length }, (_, i) => i);
    const word = (i: number, k: number): number => vrps[i]!.prefix.words[k] ?? 0;
    order.sort((a, b) => {
      for (let k = 0; k < w; k++) {
        const d = word(a, k) - word(b, k);
        if (d !== 0) return d;
      }
      return vrps[a]!.prefix.length - vrps[b]!.prefix.length;
    });
    const starts = new Uint32Array(vrps.length * w);
    const lengths = new Uint8Array(vrps.length);
    const vrpsAt: (Vrp | Vrp[])[] = [];
    let n = -1;
    for (const i of order) {
      const v = vrps[i]!;
      const same = n >= 0 && lengths[n] === v.prefix.length && this.startsEqual(starts, n, v.prefix.words);
      if (same) {
        const prev = vrpsAt[n]!;
        if (Array.isArray(prev)) prev.push(v);
        else vrpsAt[n] = [prev, v];
        continue;
      }
      n++;
      for (let k = 0; k < w; k++) starts[n * w + k] = v.prefix.words[k] ?? 0;
      lengths[n] = v.prefix.length;
      vrpsAt.push(v);
    }
    this.count = n + 1;
    this.starts = starts.subarray(0, this.count * w);
    this.lengths = lengths.subarray(0, this.count);
    this.vrpsAt = vrpsAt;
    if (w === 1) {
      this.bucket = new Int32Array(65537);
      let i = 0;
      for (let b = 0; b <= 65536; b++) {
        while (i < this.count && this.starts[i]! < b * 65536) i++;
        this.bucket[b] = i;
      }
    }
    // Nearest enclosing prefix: sweep in order keeping the chain of prefixes still open.
    this.parent = new Int32Array(this.count);
    const stack: number[] = [];
    for (let i = 0; i < this.count; i++) {
      while (stack.length > 0 && !this.nodeContains(stack[stack.length - 1]!, this.starts, i * w)) stack.pop();
      this.parent[i] = stack.length > 0 ? stack[stack.length - 1]! : -1;
      stack.push(i);
    }
  }

  private startsEqual(starts: Uint32Array, n: number, words: readonly number[]): boolean {
    for (let k = 0; k < this.width; k++) if (starts[n * this.width + k] !== (words[k] ?? 0)) return false;
    return true;
  }

  /** Whether node `i` contains the address whose words start at `at` in `words`. */
  private nodeContains(i: number, words: ArrayLike<number>, at: number): boolean {
    const len = this.lengths[i]!;
    const w = this.width;
    for (let k = 0; k < w; k++) {
      const bits = len - k * 32;
      if (bits <= 0) return true;
      if (maskWord(words[at + k]!, bits) !== this.starts[i * w + k]) return false;
    }
    return true;
  }

  /** Index of the last prefix whose start is <= the address, or -1. */
  private lastStartingAtOrBefore(addr: readonly number[]): number {
    const w = this.width;
    const s = this.starts;
    let lo = 0;
    let hi = this.count; // first index whose start > addr
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      let cmp = 0;
      for (let k = 0; k < w; k++) {
        const a = s[mid * w + k]!;
        const b = addr[k] ?? 0;
        if (a !== b) {
          cmp = a < b ? -1 : 1;
          break;
        }
      }
      if (cmp <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  collect(route: Prefix, out: Vrp[]): void {
    if (this.count === 0) return;
    const addr = route.words;
    let node: number;
    if (this.width === 1) {
      // IPv4, the bulk of lookups: the same search without the per-word loop.
      const a = addr[0] ?? 0;
      const s = this.starts;
      const lens = this.lengths;
      const top = a >>> 16;
      let lo = this.bucket![top]!;
      let hi = this.bucket![top + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (s[mid]! <= a) lo = mid + 1;
        else hi = mid;
      }
      node = lo - 1;
      while (node >= 0 && (lens[node]! > route.length || maskWord(a, lens[node]!) !== s[node])) node = this.parent[node]!;
    } else {
      node = this.lastStartingAtOrBefore(addr);
    }
    // Climb to the deepest prefix that contains the route's address and is not longer than the route.
    while (node >= 0 && (this.lengths[node]! > route.length || !this.nodeContains(node, addr, 0))) node = this.parent[node]!;
    for (; node >= 0; node = this.parent[node]!) {
      const hit = this.vrpsAt[node]!;
      if (Array.isArray(hit)) for (const v of hit) out.push(v);
      else out.push(hit);
    }
  }
}

const NONE: readonly Vrp[] = Object.freeze([]);
const NOT_FOUND: RovResult = Object.freeze({ state: 'not-found', matched: NONE, covering: NONE });

export class RovIndex {
  private readonly v4: Forest;
  private readonly v6: Forest;
  readonly size: number;

  constructor(vrps: Iterable<Vrp> = []) {
    const v4: Vrp[] = [];
    const v6: Vrp[] = [];
    for (const v of vrps) (v.prefix.afi === 4 ? v4 : v6).push(v);
    this.v4 = new Forest(1, v4);
    this.v6 = new Forest(4, v6);
    this.size = v4.length + v6.length;
  }

  /** Every VRP whose prefix equals or covers `prefix`, most specific first. */
  covering(prefix: Prefix): Vrp[] {
    const out: Vrp[] = [];
    (prefix.afi === 4 ? this.v4 : this.v6).collect(prefix, out);
    return out;
  }

  /**
   * RFC 6811 §2: valid when a covering VRP names the origin and allows the length; invalid when VRPs cover it but
   * none matches; not-found otherwise. `originAs` is undefined when the origin is NONE (path ends in an AS_SET),
   * which no VRP can match. An AS0 VRP (RFC 6483 §4) covers but never matches, since no route has origin AS0.
   */
  validateOrigin(prefix: Prefix, originAs: Asn | undefined): RovResult {
    const covering = this.covering(prefix);
    if (covering.length === 0) return NOT_FOUND;
    let matched: Vrp[] | undefined;
    if (originAs !== undefined && originAs !== 0) {
      for (const v of covering) if (v.asn === originAs && prefix.length <= v.maxLength) (matched ??= []).push(v);
    }
    return matched ? { state: 'valid', matched, covering } : { state: 'invalid', matched: NONE, covering };
  }
}
