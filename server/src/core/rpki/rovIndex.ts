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
  /** The VRPs of node i are vrpAsn/vrpMaxLength[vrpStart[i] .. vrpStart[i + 1]): the state check reads only these. */
  private readonly vrpStart: Uint32Array;
  private readonly vrpAsn: Uint32Array;
  private readonly vrpMaxLength: Uint8Array;
  private readonly count: number;
  /**
   * IPv4 only: `bucket[b]` is the first prefix whose start is >= b << 16, so a search looks at the few prefixes
   * starting in the address's /16 instead of the whole array (the one before the bucket is the fallback).
   */
  private readonly bucket: Int32Array | undefined;
  /**
   * IPv6 only: the same over 2000::/3 (where the routed space is), in /19 steps; addresses elsewhere search the
   * whole array. Without it a lookup pays ~17 memory misses of a binary search over 100k prefixes.
   */
  private readonly bucket6: Int32Array | undefined;

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
    if (w === 4) {
      this.bucket6 = new Int32Array(65537);
      let i = 0;
      for (let b = 0; b <= 65536; b++) {
        const from = 0x20000000 + b * 8192;
        while (i < this.count && this.starts[i * 4]! < from) i++;
        this.bucket6[b] = i;
      }
    }
    if (w === 1) {
      this.bucket = new Int32Array(65537);
      let i = 0;
      for (let b = 0; b <= 65536; b++) {
        while (i < this.count && this.starts[i]! < b * 65536) i++;
        this.bucket[b] = i;
      }
    }
    this.vrpStart = new Uint32Array(this.count + 1);
    this.vrpAsn = new Uint32Array(vrps.length);
    this.vrpMaxLength = new Uint8Array(vrps.length);
    let at = 0;
    for (let i = 0; i < this.count; i++) {
      this.vrpStart[i] = at;
      const hit = vrpsAt[i]!;
      for (const v of Array.isArray(hit) ? hit : [hit]) {
        this.vrpAsn[at] = v.asn;
        this.vrpMaxLength[at] = v.maxLength;
        at++;
      }
    }
    this.vrpStart[this.count] = at;
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
    const w0 = addr[0] ?? 0;
    if (this.bucket6 !== undefined && w0 >= 0x20000000 && w0 < 0x40000000) {
      // Every prefix of an earlier /19 starts before the address, every one of a later /19 after it.
      const b = Math.floor((w0 - 0x20000000) / 8192);
      lo = this.bucket6[b]!;
      hi = this.bucket6[b + 1]!;
    }
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

  /** The deepest prefix that contains the route and is not longer than it, or -1; its ancestors cover it too. */
  private deepest(route: Prefix): number {
    if (this.count === 0) return -1;
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
      return node;
    }
    node = this.lastStartingAtOrBefore(addr);
    while (node >= 0 && (this.lengths[node]! > route.length || !this.nodeContains(node, addr, 0))) node = this.parent[node]!;
    return node;
  }

  collect(route: Prefix, out: Vrp[]): void {
    for (let node = this.deepest(route); node >= 0; node = this.parent[node]!) {
      const hit = this.vrpsAt[node]!;
      if (Array.isArray(hit)) for (const v of hit) out.push(v);
      else out.push(hit);
    }
  }

  /** `state` for an IPv4 route given as numbers (address, length): what a scan of an MRT RIB calls. */
  stateV4(a: number, length: number, originAs: number): RovState {
    if (this.count === 0) return 'not-found';
    const s = this.starts;
    const lens = this.lengths;
    const parent = this.parent;
    const top = a >>> 16;
    let lo = this.bucket![top]!;
    let hi = this.bucket![top + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]! <= a) lo = mid + 1;
      else hi = mid;
    }
    let node = lo - 1;
    while (node >= 0 && (lens[node]! > length || maskWord(a, lens[node]!) !== s[node])) node = parent[node]!;
    return node < 0 ? 'not-found' : this.matchFrom(node, length, originAs);
  }

  private matchFrom(node: number, length: number, originAs: number | undefined): RovState {
    if (originAs === undefined || originAs === 0) return 'invalid';
    const start = this.vrpStart;
    const asn = this.vrpAsn;
    const maxLength = this.vrpMaxLength;
    for (; node >= 0; node = this.parent[node]!) {
      for (let i = start[node]!, end = start[node + 1]!; i < end; i++) if (asn[i] === originAs && length <= maxLength[i]!) return 'valid';
    }
    return 'invalid';
  }

  /** RFC 6811 state without building the covering and matched lists: no allocation, typed arrays only. */
  state(route: Prefix, originAs: number | undefined): RovState {
    if (this.width === 1) return this.stateV4((route.words[0] ?? 0) >>> 0, route.length, originAs ?? 0);
    const node = this.deepest(route);
    return node < 0 ? 'not-found' : this.matchFrom(node, route.length, originAs);
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

  /** The RFC 6811 state alone (see validateOrigin), allocation-free: what a scan of a full table calls per route. */
  originState(prefix: Prefix, originAs: Asn | undefined): RovState {
    return (prefix.afi === 4 ? this.v4 : this.v6).state(prefix, originAs);
  }

  /** `originState` of an IPv4 route given as its address (a 32-bit unsigned number) and length. */
  originStateV4(address: number, length: number, originAs: number): RovState {
    return this.v4.stateV4(address, length, originAs);
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
