/**
 * Route Origin Validation (RFC 6811) over a fixed VRP set.
 *
 * Prefixes form a laminar family (two prefixes are nested or disjoint), so the distinct VRP prefixes of an
 * address family, sorted by (start address, length), form a forest in which each prefix points at its nearest
 * enclosing one. Every VRP that covers a route lies on one such chain, so each node keeps its chain flattened:
 * its own VRPs and those of every enclosing prefix, deepest first, side by side in one typed array. A verdict then
 * reads one short run of memory instead of hopping from node to node.
 *
 * A scan asks for the verdict of millions of routes in no order a cache likes (a RIB dump is sorted by prefix, an
 * update stream is not), so a large set has flatter ways in: the IPv4 /24 blocks in buckets of 64 (`V4Blocks`)
 * and runs of IPv6 /48 blocks that share a chain (`V6Blocks`), each answering most lookups from one cache line
 * that nothing in the cache pointed to, the verdict's VRP inline. And routes can be looked up in batches
 * (`statesV4`, `statesV6`: routes in typed columns): each step of a lookup is taken for the whole batch in a loop
 * whose memory reads wait on no branch, so the processor has many cache misses in flight at once instead of one.
 */
import type { Asn } from '../net/asn';
import type { Prefix } from '../net/prefix';
import type { Vrp } from './types';

export type RovState = 'valid' | 'invalid' | 'not-found';

/** The state codes `statesV4` and `statesV6` write: the index into this table is the code. */
export const ROV_STATES = ['not-found', 'invalid', 'valid'] as const satisfies readonly RovState[];
const NOT_FOUND_CODE = 0;
const INVALID_CODE = 1;
const VALID_CODE = 2;

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

/**
 * Chains of covering VRPs, flattened: at offset `o`, a count `n` (in the low 16 bits: V4Blocks keeps a flag above
 * them), then `n` pairs (ASN, prefix length << 8 | max length), the longest prefix first. Offset 0 is the empty
 * chain (no VRP covers).
 */
type Chains = Uint32Array;

/** The RFC 6811 state code of a route of `length` and origin `origin` (-1 for none: no VRP matches) from its chain. */
function chainCode(chains: Chains, o: number, length: number, origin: number): number {
  let code = NOT_FOUND_CODE;
  for (let i = o + 1, end = o + 1 + 2 * (chains[o]! & 0xffff); i < end; i += 2) {
    const lm = chains[i + 1]!;
    // A VRP longer than the route is on the chain of its address but does not cover it.
    if (lm >>> 8 > length) continue;
    if (chains[i] === origin && length <= (lm & 0xff)) return VALID_CODE;
    code = INVALID_CODE;
  }
  return code;
}

/** AS0 (RFC 6483 §4) and NONE (a path ending in an AS_SET) match no VRP: -1 is no VRP's ASN. */
function originKey(originAs: number | undefined): number {
  return originAs === undefined || originAs === 0 ? -1 : originAs;
}

class Forest {
  /** Start address of each distinct prefix, `width` words each. */
  readonly starts: Uint32Array;
  readonly lengths: Uint8Array;
  private readonly parent: Int32Array;
  private readonly vrpsAt: (Vrp | Vrp[])[];
  readonly count: number;
  /**
   * `bucket[b]` is the first prefix whose start is at or after bucket b, so a search looks at the few prefixes
   * starting there (the one before the bucket is the fallback). IPv4: /16 buckets over the whole space. IPv6: /19
   * buckets over 2000::/3, where the routed space is; addresses elsewhere search the whole array. Without them a
   * lookup pays ~17 memory misses of a binary search over 100k prefixes.
   */
  private readonly bucket: Int32Array;
  /** Scratch of `codes`. */
  private lo = new Int32Array(0);
  private hi = new Int32Array(0);
  /** Kept so that the compiler cannot drop the reads that only bring lines into the cache. */
  private touched = 0;

  constructor(
    private readonly width: 1 | 4,
    vrps: readonly Vrp[],
  ) {
    const w = width;
    const order = Uint32Array.from({ length: vrps.length }, (_, i) => i);
    // The sort keys in typed arrays: 600k comparisons through the VRP objects took seconds.
    const keyWords = new Uint32Array(vrps.length * w);
    const keyLength = new Uint8Array(vrps.length);
    vrps.forEach((v, i) => {
      for (let k = 0; k < w; k++) keyWords[i * w + k] = v.prefix.words[k] ?? 0;
      keyLength[i] = v.prefix.length;
    });
    order.sort((a, b) => {
      for (let k = 0; k < w; k++) {
        const d = keyWords[a * w + k]! - keyWords[b * w + k]!;
        if (d !== 0) return d;
      }
      return keyLength[a]! - keyLength[b]!;
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
    this.bucket = new Int32Array(65537);
    for (let b = 0, i = 0; b <= 65536; b++) {
      const from = w === 1 ? b * 65536 : 0x20000000 + b * 8192;
      while (i < this.count && this.starts[i * w]! < from) i++;
      this.bucket[b] = i;
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

  private flatChains: { readonly chainAt: Uint32Array; readonly chains: Chains } | undefined;

  /**
   * The chains, built on the first verdict-only lookup: `covering` and `validateOrigin` (all the editor asks) need
   * none, and a full set's chains are ~10 MB.
   */
  get flat(): { readonly chainAt: Uint32Array; readonly chains: Chains } {
    return (this.flatChains ??= this.buildChains());
  }

  private buildChains(): { chainAt: Uint32Array; chains: Chains } {
    const vrpsAt = this.vrpsAt;
    // Parents come before their children, so a child copies its parent's finished chain behind its own VRPs.
    const depth = new Uint32Array(this.count);
    let total = 1;
    for (let i = 0; i < this.count; i++) {
      const p = this.parent[i]!;
      const hit = vrpsAt[i]!;
      depth[i] = (Array.isArray(hit) ? hit.length : 1) + (p >= 0 ? depth[p]! : 0);
      total += 1 + 2 * depth[i]!;
    }
    const chainAt = new Uint32Array(this.count + 1);
    const chains = new Uint32Array(total);
    let at = 1;
    for (let i = 0; i < this.count; i++) {
      chainAt[i + 1] = at;
      chains[at++] = depth[i]!;
      const hit = vrpsAt[i]!;
      for (let k = 0, n = Array.isArray(hit) ? hit.length : 1; k < n; k++) {
        const v = Array.isArray(hit) ? hit[k]! : hit;
        chains[at++] = v.asn;
        chains[at++] = (v.prefix.length << 8) | v.maxLength;
      }
      const p = this.parent[i]!;
      if (p >= 0) {
        const from = chainAt[p + 1]! + 1;
        chains.copyWithin(at, from, from + 2 * depth[p]!);
        at += 2 * depth[p]!;
      }
    }
    return { chainAt, chains };
  }

  private vrpsOf(i: number): readonly Vrp[] {
    const hit = this.vrpsAt[i]!;
    return Array.isArray(hit) ? hit : [hit];
  }

  private startsEqual(starts: Uint32Array, n: number, words: readonly number[]): boolean {
    for (let k = 0; k < this.width; k++) if (starts[n * this.width + k] !== (words[k] ?? 0)) return false;
    return true;
  }

  /** Whether node `i` contains the address whose words start at `at` in `words`. */
  private nodeContains(i: number, words: ArrayLike<number>, at: number): boolean {
    const len = this.lengths[i]!;
    const w = this.width;
    if (w === 1) return maskWord(words[at]!, len) === this.starts[i];
    for (let k = 0; k < w; k++) {
      const bits = len - k * 32;
      if (bits <= 0) return true;
      if (maskWord(words[at + k]!, bits) !== this.starts[i * w + k]) return false;
    }
    return true;
  }

  /** The bucket of an address's first word, or -1 when it has none (IPv6 outside 2000::/3). */
  private bucketOf(w0: number): number {
    if (this.width === 1) return w0 >>> 16;
    return w0 >= 0x20000000 && w0 < 0x40000000 ? (w0 - 0x20000000) >>> 13 : -1;
  }

  /** Sign of (start of node `i`) - (the address at `words[at..]`). */
  private compareStart(i: number, words: ArrayLike<number>, at: number): number {
    const s = this.starts;
    const w = this.width;
    if (w === 1) {
      // IPv4, most lookups: one word, no loop.
      const a = s[i]!;
      const b = words[at]! >>> 0;
      return a < b ? -1 : a > b ? 1 : 0;
    }
    for (let k = 0; k < w; k++) {
      const a = s[i * w + k]!;
      const b = words[at + k]! >>> 0;
      if (a !== b) return a < b ? -1 : 1;
    }
    return 0;
  }

  /** From the last prefix starting at or before the address, up to the first that contains the route: or -1. */
  private climb(node: number, words: ArrayLike<number>, at: number, length: number): number {
    while (node >= 0 && (this.lengths[node]! > length || !this.nodeContains(node, words, at))) node = this.parent[node]!;
    return node;
  }

  /** The deepest prefix that contains the route and is not longer than it, or -1; its ancestors cover it too. */
  private deepest(route: Prefix): number {
    if (this.count === 0) return -1;
    const words = route.words;
    // Every prefix of an earlier bucket starts before the address, every one of a later bucket after it.
    const b = this.bucketOf((words[0] ?? 0) >>> 0);
    let lo = b < 0 ? 0 : this.bucket[b]!;
    let hi = b < 0 ? this.count : this.bucket[b + 1]!; // first index whose start > address
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareStart(mid, words, 0) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return this.climb(lo - 1, words, 0, route.length);
  }

  /**
   * `code` of rows `from`..`to`-1 of route columns of this family (`words`: `width` words per row): the binary
   * searches advance in step, one probe of every row per round, so the processor waits for the probes of many rows
   * at once; the chains are then touched in a pass of their own before the checks read them.
   */
  codes(words: Uint32Array, lengths: Uint8Array, origins: Uint32Array, states: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.lo.length < n) {
      this.lo = new Int32Array(n);
      this.hi = new Int32Array(n);
    }
    const { lo, hi } = this;
    const w = this.width;
    if (this.count === 0) {
      states.fill(NOT_FOUND_CODE, from, to);
      return;
    }
    let active = 0;
    for (let i = 0; i < n; i++) {
      const k = this.bucketOf(words[w * (from + i)]!);
      lo[i] = k < 0 ? 0 : this.bucket[k]!;
      hi[i] = k < 0 ? this.count : this.bucket[k + 1]!;
      if (lo[i]! < hi[i]!) active++;
    }
    let touched = 0;
    while (active > 0) {
      active = 0;
      // Touch every probe first: a comparison that waits on memory and then mispredicts would stall the rest.
      for (let i = 0; i < n; i++) if (lo[i]! < hi[i]!) touched += this.starts[((lo[i]! + hi[i]!) >>> 1) * w]!;
      for (let i = 0; i < n; i++) {
        const l = lo[i]!;
        const h = hi[i]!;
        if (l >= h) continue;
        const mid = (l + h) >>> 1;
        if (this.compareStart(mid, words, w * (from + i)) <= 0) lo[i] = mid + 1;
        else hi[i] = mid;
        active++;
      }
    }
    // Each pass's reads depend on the one before, never on a branch of its own pass.
    for (let i = 0; i < n; i++) touched += this.lengths[lo[i]! - 1] ?? 0;
    for (let i = 0; i < n; i++) lo[i] = this.climb(lo[i]! - 1, words, w * (from + i), lengths[from + i]!);
    const { chainAt, chains } = this.flat;
    for (let i = 0; i < n; i++) lo[i] = chainAt[lo[i]! + 1]!;
    for (let i = 0; i < n; i++) touched += chains[lo[i]!]!;
    this.touched = touched;
    for (let i = 0; i < n; i++) states[from + i] = chainCode(chains, lo[i]!, lengths[from + i]!, originKey(origins[from + i]));
  }

  collect(route: Prefix, out: Vrp[]): void {
    for (let node = this.deepest(route); node >= 0; node = this.parent[node]!) for (const v of this.vrpsOf(node)) out.push(v);
  }

  /** RFC 6811 state code without building the covering and matched lists: no allocation, typed arrays only. */
  code(route: Prefix, origin: number): number {
    const { chainAt, chains } = this.flat;
    return chainCode(chains, chainAt[this.deepest(route) + 1]!, route.length, origin);
  }
}

/** Set on a block that holds VRPs longer than the block: routes longer than the block there ask the forest. */
const HAS_LONGER = 0x80000000;

/**
 * The blocks of `blockBits` bits (IPv4 /24, IPv6 /48) cut into runs that share one value: the chain offset of the
 * deepest VRP prefix of at most `blockBits` that contains them, `HAS_LONGER` added where longer VRPs are. Run r
 * starts at block key `keys[r]` (keys[0] is 0) and holds `offs[r]`; neighbouring runs differ. `keyOf(i)` is the key
 * of the block where forest prefix i starts.
 */
function blockRuns(forest: Forest, blockBits: number, keyOf: (i: number) => number): { keys: number[]; offs: number[] } {
  const { chainAt } = forest.flat;
  const keys = [0];
  const offs = [0];
  const put = (key: number, off: number): void => {
    if (keys[keys.length - 1] === key) offs[offs.length - 1] = off;
    else if (offs[offs.length - 1] !== off) {
      keys.push(key);
      offs.push(off);
    }
  };
  // Prefixes still open (end key, value), innermost last; one longer than a block opens its one block, flagged.
  const open: { end: number; off: number }[] = [];
  const closeBefore = (key: number): void => {
    while (open.length > 0 && open[open.length - 1]!.end <= key) {
      const end = open.pop()!.end;
      put(end, open.length > 0 ? open[open.length - 1]!.off : 0);
    }
  };
  for (let i = 0; i < forest.count; i++) {
    const key = keyOf(i);
    const len = forest.lengths[i]!;
    closeBefore(key);
    const top = open[open.length - 1];
    if (len > blockBits) {
      if (top !== undefined && top.end === key + 1 && (top.off & HAS_LONGER) !== 0) continue;
      const off = ((top?.off ?? 0) | HAS_LONGER) >>> 0;
      put(key, off);
      open.push({ end: key + 1, off });
    } else {
      const off = chainAt[i + 1]!;
      put(key, off);
      open.push({ end: key + 2 ** (blockBits - len), off });
    }
  }
  closeBefore(2 ** blockBits);
  // The sweep closes the last run at the end of the space: no block lies there.
  if (keys[keys.length - 1] === 2 ** blockBits) {
    keys.pop();
    offs.pop();
  }
  return { keys, offs };
}

/** In a slot's second word: the first word is a chain offset (two or more VRPs, or none), not an ASN. */
const SLOT_CHAIN = 0x10000;

/**
 * A run's verdict data in two words, so that most lookups read one cache line for it: a chain of one VRP inline
 * (ASN; prefix length << 8 | max length), any other as its offset with SLOT_CHAIN; HAS_LONGER kept.
 */
function putSlot(slots: Uint32Array, at: number, chains: Chains, off: number): void {
  const o = off & ~HAS_LONGER;
  const flag = off & HAS_LONGER;
  if (chains[o] === 1) {
    slots[at] = chains[o + 1]!;
    slots[at + 1] = (chains[o + 2]! | flag) >>> 0;
  } else {
    slots[at] = o;
    slots[at + 1] = (SLOT_CHAIN | flag) >>> 0;
  }
}

/** Where the chain of the slot at `at` begins, for a read that brings it into the cache: 0 (the empty chain, always cached) when the slot holds its VRP. */
function chainOf(slots: Uint32Array, at: number): number {
  return ((slots[at + 1]! >>> 16) & 1) * slots[at]!;
}

/** The RFC 6811 state code of a route of `length` from `origin` (-1 for none) against a slot's words. */
function slotCode(chains: Chains, asn: number, meta: number, length: number, origin: number): number {
  if ((meta & SLOT_CHAIN) !== 0) return chainCode(chains, asn, length, origin);
  if (((meta >>> 8) & 0xff) > length) return NOT_FOUND_CODE;
  return asn === origin && length <= (meta & 0xff) ? VALID_CODE : INVALID_CODE;
}

/** Bits set in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Blocks per group of V4Blocks: 2^18 groups, so that the group table (1 MB) stays in the second-level cache. */
const GROUP_BITS = 6;
const GROUP = 1 << GROUP_BITS;

/**
 * IPv4 by /24 block, laid out so that most lookups in random order read one line that nothing in the cache
 * pointed to: a 64 MB table of every /24's chain missed the caches and the TLB twice per lookup (table, then chain).
 * The blocks are taken 64 at a time: `group[g]` (1 MB in all, so it stays in the second-level cache) is where group
 * g's bucket begins in `buckets`. A bucket holds four words, the bits of the group's blocks where a covered run
 * starts (two words) and of its covered blocks (one that a VRP of at most /24 contains, or that holds longer VRPs),
 * then a slot (see putSlot) for each covered run reaching the group, then the chains its slots point to. A block's
 * slot is its run's rank among the runs starting before it; a block no VRP covers, most of a table's not-found
 * routes, is answered from the header. Groups no VRP reaches share the empty bucket at 0, and the groups inside one
 * covered run share one bucket. A route of at most /24 is covered exactly by the VRPs that contain its block and
 * are not longer than it; only routes longer than /24 in blocks holding longer VRPs ask the forest.
 */
class V4Blocks {
  private readonly group = new Uint32Array(1 << (24 - GROUP_BITS));
  private readonly buckets: Uint32Array;
  /** Scratch of `codes`: the bucket, then the record, of each row of a pass (-1: not covered). */
  private at = new Int32Array(0);
  private readonly scratch = { afi: 4 as const, words: [0], length: 0 };
  /** Kept so that the compiler cannot drop the reads that only bring lines into the cache. */
  private touched = 0;

  constructor(private readonly forest: Forest) {
    const { chains } = forest.flat;
    const { keys, offs } = blockRuns(forest, 24, (i) => forest.starts[i]! >>> 8);
    // Built in a typed array grown by doubling: a plain array of millions of numbers would double the peak RSS.
    let out = new Uint32Array(1 << 16);
    let size = 4;
    const reserve = (n: number): number => {
      if (size + n > out.length) {
        const grown = new Uint32Array(Math.max(2 * out.length, size + n));
        grown.set(out.subarray(0, size));
        out = grown;
      }
      size += n;
      return size - n;
    };
    // A bucket: its header, then a slot per covered run in `reach`, then the chains of the slots that point to one,
    // so that they too are near. Buckets start on 16 bytes, so that a header never straddles lines.
    const bucket = (lo: number, reach: readonly number[]): number => {
      reserve((4 - (size % 4)) % 4);
      const at = reserve(4 + 2 * reach.length);
      for (const q of reach) {
        const from = Math.max(keys[q]!, lo) - lo;
        const to = Math.min(keys[q + 1] ?? 1 << 24, lo + GROUP) - lo;
        if (keys[q]! >= lo) out[at + (from >>> 5)] = out[at + (from >>> 5)]! | (1 << (from & 31));
        for (let b = from; b < to; b++) out[at + 2 + (b >>> 5)] = out[at + 2 + (b >>> 5)]! | (1 << (b & 31));
      }
      reach.forEach((q, k) => {
        const off = offs[q]!;
        const o = off & ~HAS_LONGER;
        const flag = off & HAS_LONGER;
        if (chains[o] === 1) {
          out[at + 4 + 2 * k] = chains[o + 1]!;
          out[at + 5 + 2 * k] = chains[o + 2]! | flag;
        } else {
          // Two VRPs or more, or none (a block holding only longer VRPs): offset 0 is the empty chain.
          const n = o === 0 ? 0 : 1 + 2 * chains[o]!;
          const tail = reserve(n);
          out.set(chains.subarray(o, o + n), tail);
          out[at + 4 + 2 * k] = o === 0 ? 0 : tail;
          out[at + 5 + 2 * k] = SLOT_CHAIN | flag;
        }
      });
      return at;
    };
    /** The bucket of the groups inside covered run r, made once. */
    let pureRun = -1;
    let pureAt = 0;
    for (let g = 0, r = 0; g < this.group.length; g++) {
      const lo = g * GROUP;
      const hi = lo + GROUP;
      while (r + 1 < keys.length && keys[r + 1]! <= lo) r++;
      // Run r holds the group's first block; the runs r..last reach the group.
      let last = r;
      while (last + 1 < keys.length && keys[last + 1]! < hi) last++;
      if (last === r && offs[r] === 0) continue;
      if (last === r) {
        if (pureRun !== r) {
          pureRun = r;
          pureAt = bucket(lo, [r]);
        }
        this.group[g] = pureAt;
        continue;
      }
      const reach: number[] = [];
      for (let q = r; q <= last; q++) if (offs[q] !== 0) reach.push(q);
      this.group[g] = bucket(lo, reach);
    }
    this.buckets = out.slice(0, size);
  }

  private longer(address: number, length: number, origin: number): number {
    this.scratch.words[0] = address;
    this.scratch.length = length;
    return this.forest.code(this.scratch, origin);
  }

  /**
   * `code` of rows `from`..`to`-1 of IPv4 route columns, in passes: the bucket reads first, in a loop with no
   * branch on what they return, so the processor has many misses in flight at once; then the checks, which find
   * their lines in the cache.
   */
  codes(addresses: Uint32Array, lengths: Uint8Array, origins: Uint32Array, states: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.at.length < n) this.at = new Int32Array(n);
    const { at, group, buckets } = this;
    let touched = 0;
    // The group table, then the buckets' headers, in passes of their own: a load that waits on another load of its
    // own iteration holds back the ones after it.
    for (let i = 0; i < n; i++) at[i] = group[addresses[from + i]! >>> (32 - 24 + GROUP_BITS)]!;
    for (let i = 0; i < n; i++) touched += buckets[at[i]!]!;
    // The slot of each row's block, from its header (now in the cache); 0 where no VRP covers the block.
    for (let i = 0; i < n; i++) {
      const a = at[i]!;
      const address = addresses[from + i]!;
      const j = (address >>> 8) & 31;
      // Which half of the group's bits holds the block, and the starts counted in the half before it.
      const half = (address >>> 13) & 1;
      const covered = (buckets[a + 2 + half]! >>> j) & 1;
      // The block's run among the covered runs reaching its group: the one going on from before the group (when
      // its first block is covered but starts none), then one more per start up to the block.
      const k = (buckets[a + 2]! & ~buckets[a]! & 1) + popcount(buckets[a + half]! & (0xffffffff >>> (31 - j))) + half * popcount(buckets[a]!) - 1;
      at[i] = covered * (a + 4 + 2 * k);
    }
    // The slots, most on the header's line, some on the next; then the chains of slots that point to one.
    for (let i = 0; i < n; i++) touched += buckets[at[i]! + 1]!;
    for (let i = 0; i < n; i++) touched += buckets[chainOf(buckets, at[i]!)]!;
    this.touched = touched;
    for (let i = 0; i < n; i++) {
      const s = at[i]!;
      if (s === 0) {
        states[from + i] = NOT_FOUND_CODE;
        continue;
      }
      const meta = buckets[s + 1]!;
      const len = lengths[from + i]!;
      const o = origins[from + i]!;
      states[from + i] = (meta & HAS_LONGER) !== 0 && len > 24 ? this.longer(addresses[from + i]!, len, originKey(o)) : slotCode(buckets, buckets[s]!, meta, len, o === 0 ? -1 : o);
    }
  }
}

/** 2^16: a /48 block's key is its first 48 bits as one number (exact in a double). */
const W1_HIGH = 65536;

/** A /19 bucket of 2000::/3 with more runs than this is cut into 256 /27 parts, so that a search starts near. */
const V6_FINE_FROM = 8;

/**
 * IPv6 by /48 block, as V4Blocks is by /24: most VRPs and routes are /48 or shorter, but a table of every /48 of
 * 2000::/3 cannot be, so the blocks are cut into runs that share one chain. Run r starts at block key `keys[r]`
 * (the address's first 48 bits as a number) and holds the slot at `slots[2r]` (`putSlot`). A lookup finds the
 * last run whose key is not past its block's by a binary search between the first runs of its /19 bucket of
 * 2000::/3 (`first`, 256 KB) or, where the bucket holds many runs (the RIRs' /12s hold most VRPs), of its /27 part
 * (`fine`, `parts`), so a search takes a few steps over a few lines. Routes longer than /48 in blocks that hold
 * longer VRPs go to the forest.
 */
class V6Blocks {
  private readonly keys: Float64Array;
  private readonly slots: Uint32Array;
  /** First run starting in each /19 bucket of 2000::/3 (65536: the end). */
  private readonly first = new Int32Array(65537);
  /** For a bucket of more than V6_FINE_FROM runs, where its 257 /27 entries start in `parts`; -1 otherwise. */
  private readonly fine = new Int32Array(65536).fill(-1);
  /** First run starting in each /27 part of the cut buckets, then the next bucket's first. */
  private readonly parts: Int32Array;
  /** Scratch of `codes`: each row's search range, then its run; and its block key. */
  private lo = new Int32Array(0);
  private hi = new Int32Array(0);
  private want = new Float64Array(0);
  /** Kept so that the compiler cannot drop the reads that only bring lines into the cache. */
  private touched = 0;
  private readonly chains: Chains;
  private readonly route = { afi: 6 as const, words: [0, 0, 0, 0], length: 0 };

  constructor(private readonly forest: Forest) {
    const chains = (this.chains = forest.flat.chains);
    const { keys, offs } = blockRuns(forest, 48, (i) => forest.starts[4 * i]! * W1_HIGH + (forest.starts[4 * i + 1]! >>> 16));
    this.keys = Float64Array.from(keys);
    this.slots = new Uint32Array(2 * keys.length);
    offs.forEach((off, r) => putSlot(this.slots, 2 * r, chains, off));
    /** The first run whose key is at or after block key `key`, from run `r` on. */
    const firstFrom = (key: number, r: number): number => {
      while (r < keys.length && keys[r]! < key) r++;
      return r;
    };
    const bucketKey = (b: number): number => (0x20000000 + b * 8192) * W1_HIGH;
    for (let b = 0, r = 0; b <= 65536; b++) this.first[b] = r = firstFrom(bucketKey(b), r);
    const parts: number[] = [];
    for (let b = 0; b < 65536; b++) {
      if (this.first[b + 1]! - this.first[b]! <= V6_FINE_FROM) continue;
      this.fine[b] = parts.length;
      for (let x = 0, r = this.first[b]!; x < 256; x++) parts.push((r = firstFrom(bucketKey(b) + x * 32 * W1_HIGH, r)));
      parts.push(this.first[b + 1]!);
    }
    this.parts = Int32Array.from(parts);
  }

  /** `code` of rows `from`..`to`-1 of IPv6 route columns, in passes whose reads wait on no branch of their own (see V4Blocks.codes). */
  codes(words: Uint32Array, lengths: Uint8Array, origins: Uint32Array, states: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.lo.length < n) {
      this.lo = new Int32Array(n);
      this.hi = new Int32Array(n);
      this.want = new Float64Array(n);
    }
    const { lo, hi, want, keys, slots, chains, first, fine, parts } = this;
    let active = 0;
    for (let i = 0; i < n; i++) {
      const w0 = words[4 * (from + i)]!;
      want[i] = w0 * W1_HIGH + (words[4 * (from + i) + 1]! >>> 16);
      // Outside 2000::/3 (no route of the public table is there) the search takes every run.
      if (w0 < 0x20000000 || w0 >= 0x40000000) {
        lo[i] = 0;
        hi[i] = keys.length;
      } else {
        const b = (w0 - 0x20000000) >>> 13;
        const f = fine[b]!;
        const x = (w0 >>> 5) & 255;
        lo[i] = f < 0 ? first[b]! : parts[f + x]!;
        hi[i] = f < 0 ? first[b + 1]! : parts[f + x + 1]!;
      }
      if (lo[i]! < hi[i]!) active++;
    }
    // The first run past the block's key, by binary searches in step (see Forest.codes); the run before it holds
    // the block (run 0 starts at key 0, so there is one).
    let touched = 0;
    while (active > 0) {
      active = 0;
      for (let i = 0; i < n; i++) if (lo[i]! < hi[i]!) touched += keys[(lo[i]! + hi[i]!) >>> 1]!;
      for (let i = 0; i < n; i++) {
        const l = lo[i]!;
        const h = hi[i]!;
        if (l >= h) continue;
        const mid = (l + h) >>> 1;
        if (keys[mid]! <= want[i]!) lo[i] = mid + 1;
        else hi[i] = mid;
        active++;
      }
    }
    for (let i = 0; i < n; i++) touched += slots[2 * lo[i]! - 1]!;
    for (let i = 0; i < n; i++) touched += chains[chainOf(slots, 2 * lo[i]! - 2)]!;
    this.touched = touched;
    const route = this.route;
    for (let i = 0; i < n; i++) {
      const r = lo[i]! - 1;
      const meta = slots[2 * r + 1]!;
      const len = lengths[from + i]!;
      const o = origins[from + i]!;
      if ((meta & HAS_LONGER) !== 0 && len > 48) {
        for (let k = 0; k < 4; k++) route.words[k] = words[4 * (from + i) + k]!;
        route.length = len;
        states[from + i] = this.forest.code(route, originKey(o));
      } else states[from + i] = slotCode(chains, slots[2 * r]!, meta, len, o === 0 ? -1 : o);
    }
  }
}

/**
 * Rows per pass of a batch: enough lookups in flight to hide the memory's latency, few enough that a pass's
 * scratch and the rows it reads stay in the first-level cache.
 */
const CHUNK = 256;

const V4_TABLE_FROM = 10_000;
const NONE: readonly Vrp[] = Object.freeze([]);
const NOT_FOUND: RovResult = Object.freeze({ state: 'not-found', matched: NONE, covering: NONE });

export class RovIndex {
  private readonly v4: Forest;
  private readonly v6: Forest;
  /** Undefined until the first `originState` of an IPv4 route when the set is large enough; null when it is not. */
  private blocks: V4Blocks | null | undefined;
  private blocks6: V6Blocks | null | undefined;
  readonly size: number;

  /**
   * `v4Table` forces the /24 buckets on (tests, on small sets) or off; by default a set of 10,000 IPv4 VRPs or
   * more gets them, where a search would miss the cache on most lookups; `v6Runs` likewise the /48 runs.
   */
  constructor(vrps: Iterable<Vrp> = [], options: { readonly v4Table?: boolean; readonly v6Runs?: boolean } = {}) {
    const v4: Vrp[] = [];
    const v6: Vrp[] = [];
    for (const v of vrps) (v.prefix.afi === 4 ? v4 : v6).push(v);
    this.v4 = new Forest(1, v4);
    this.v6 = new Forest(4, v6);
    if (options.v4Table === false || (options.v4Table === undefined && v4.length < V4_TABLE_FROM)) this.blocks = null;
    if (options.v6Runs === false || (options.v6Runs === undefined && v6.length < V4_TABLE_FROM)) this.blocks6 = null;
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
    return ROV_STATES[(prefix.afi === 4 ? this.v4 : this.v6).code(prefix, originKey(originAs))]!;
  }

  /**
   * `originState` of an IPv4 route given as its address (a 32-bit unsigned number) and length; origin 0 for none.
   * One at a time the forest is the better way in: it is compact, so lookups in prefix order (a RIB dump's) walk
   * it from line to line. The buckets and runs serve batches.
   */
  originStateV4(address: number, length: number, originAs: number): RovState {
    const scratch = this.scratchV4;
    scratch.words[0] = address >>> 0;
    scratch.length = length;
    return ROV_STATES[this.v4.code(scratch, originKey(originAs))]!;
  }

  private readonly scratchV4 = { afi: 4 as const, words: [0], length: 0 };

  /**
   * RFC 6811 state codes (indices into ROV_STATES) of IPv4 routes given in columns, as a scan decodes them: row i
   * is the route `addresses[i]`/`lengths[i]` (address as a 32-bit unsigned number) from `origins[i]` (0 for none:
   * AS0 or a path ending in an AS_SET); its code goes to `states[i]`, for rows 0..count-1. Looked up together, the
   * rows wait for memory together: hand over hundreds at a time, in any order.
   */
  statesV4(addresses: Uint32Array, lengths: Uint8Array, origins: Uint32Array, states: Uint8Array, count = addresses.length): void {
    inPasses(this.v4Blocks() ?? this.v4, addresses, lengths, origins, states, count);
  }

  /** `statesV4` of IPv6 routes: `words` holds four 32-bit words per row (row i at 4i..4i+3), most significant first. */
  statesV6(words: Uint32Array, lengths: Uint8Array, origins: Uint32Array, states: Uint8Array, count = lengths.length): void {
    inPasses(this.v6Blocks() ?? this.v6, words, lengths, origins, states, count);
  }

  private v4Blocks(): V4Blocks | null {
    return this.blocks === undefined ? (this.blocks = new V4Blocks(this.v4)) : this.blocks;
  }

  private v6Blocks(): V6Blocks | null {
    return this.blocks6 === undefined ? (this.blocks6 = new V6Blocks(this.v6)) : this.blocks6;
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

/** A table that writes the state codes of rows from..to-1 of a batch given in columns (the blocks, or the forest where there are none). */
interface CodeTable {
  codes(keys: Uint32Array, lengths: Uint8Array, origins: Uint32Array, states: Uint8Array, from: number, to: number): void;
}

/** The rows 0..count-1 through `table` in passes of CHUNK: a pass's lookups wait for memory together. */
function inPasses(table: CodeTable, keys: Uint32Array, lengths: Uint8Array, origins: Uint32Array, states: Uint8Array, count: number): void {
  for (let from = 0; from < count; from += CHUNK) table.codes(keys, lengths, origins, states, from, Math.min(count, from + CHUNK));
}
