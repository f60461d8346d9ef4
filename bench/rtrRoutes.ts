// The ROV side of bench/rtr (generated data, not real): the VRP set served over RTR, the routes looked up against
// it, and the lookup loops measured in CPU time. Shared by the full bench (VRPs received over RTR) and its --rov
// mode (index built in process, for quick old/new comparisons).
import { mulberry32 } from './prng';
import type { Asn } from '../server/src/core/net/asn';
import type { Prefix } from '../server/src/core/net/prefix';
import { ROV_STATES, type RovIndex } from '../server/src/core/rpki/rovIndex';

const mask = (w: number, bits: number): number => (bits <= 0 ? 0 : bits >= 32 ? w >>> 0 : (w & (~0 << (32 - bits))) >>> 0);

export interface GenVrp {
  prefix: Prefix;
  maxLength: number;
  asn: number;
}

/** A weighted choice: `table` pairs (value, weight); the weights need not sum to 1. */
function pick<T>(rnd: () => number, table: readonly (readonly [T, number])[]): T {
  let r = rnd() * table.reduce((sum, [, w]) => sum + w, 0);
  for (const [v, w] of table) if ((r -= w) < 0) return v;
  return table[table.length - 1]![0];
}

/**
 * The shape of a real VRP set, which this generator imitates (generated, not real): holders of address blocks
 * issue ROAs for the block, for more-specifics inside it, or both, so VRPs cluster and nest (a /16 and its /24s)
 * instead of spreading uniformly. Block sizes: IPv4 mostly /22–/20 (RIR allocations since the run-out), some /16–/19;
 * IPv6 mostly /32, some /29 and /44–/48 (PI). The ROAs of a block: the block alone (IPv4 35 %, IPv6 45 %), its
 * /24s or /48s (a few to many; an IPv6 holder's /48s sit at the start of its block, where sites are numbered), or
 * both with some /23 or /44 between. Overall lengths peak at /24 and /48 (the counts are printed by the bench);
 * maxLength equals the length for ~90 % of VRPs, otherwise /24 or /48, and a few /24s
 * allow /32 (blackholing). One or two ASNs per holder; a more-specific names another AS 10 % of the time.
 */
const V4_BLOCK = [[16, 6], [17, 3], [18, 5], [19, 8], [20, 16], [21, 16], [22, 46]] as const;
const V6_BLOCK = [[29, 12], [32, 60], [36, 4], [40, 6], [44, 6], [48, 12]] as const;
/** Where the RIRs' IPv6 space is: ARIN 2600::/12, RIPE 2a00::/12, APNIC 2400::/12, LACNIC 2800::/12, AFRINIC 2c00::/12, 2001::/16. */
const V6_REGIONS = [[0x2a00, 35], [0x2600, 25], [0x2400, 20], [0x2800, 10], [0x2c00, 3], [0x2001, 7]] as const;

/**
 * `count` VRPs in the shape described above, 5:1 IPv4:IPv6 (a real set holds ~500 k IPv4 and ~100 k IPv6 ROAs'
 * VRPs), unique by (prefix, maxLength, ASN).
 */
export function generateVrps(count: number, rnd: () => number): GenVrp[] {
  const u32 = (): number => Math.floor(rnd() * 4294967296) >>> 0;
  const seen = new Set<string>();
  const vrps: GenVrp[] = [];
  const v4Target = Math.round((count * 5) / 6);
  const add = (prefix: Prefix, maxLength: number, asn: number): void => {
    if (vrps.length >= (prefix.afi === 4 ? v4Target : count)) return;
    const key = `${prefix.words.join('.')}/${prefix.length}-${maxLength}-${asn}`;
    if (seen.has(key)) return;
    seen.add(key);
    vrps.push({ prefix, maxLength, asn });
  };
  const asnOf = (): number => 1 + Math.floor(rnd() * 400_000);
  /** How many more-specifics a holder lists: most a few, some hundreds (an ISP's every /24). */
  const howMany = (room: number): number => Math.min(room, 1 + Math.floor(-Math.log(1 - rnd()) * (rnd() < 0.1 ? 8 : 0.5)));
  while (vrps.length < v4Target) {
    const len = pick(rnd, V4_BLOCK);
    const block = mask(((1 + Math.floor(rnd() * 222)) << 24) | (u32() & 0xffffff), len);
    const asn = asnOf();
    const other = rnd() < 0.3 ? asnOf() : asn;
    const style = rnd();
    if (style < 0.6) add({ afi: 4, words: [block], length: len }, rnd() < 0.8 ? len : 24, asn);
    if (style >= 0.4) {
      const room = 2 ** (24 - len);
      const n = howMany(room);
      const first = Math.floor(rnd() * room);
      for (let k = 0; k < n; k++) {
        // A run of neighbouring /24s from a random start, as holders number them, with now and then a /23 instead.
        const at = block + (((first + k) % room) << 8);
        const sub = rnd() < 0.08 && (at & 0x100) === 0 ? 23 : 24;
        const max = sub === 24 && rnd() < 0.03 ? 32 : sub === 23 && rnd() < 0.5 ? 24 : sub;
        add({ afi: 4, words: [mask(at, sub)], length: sub }, max, rnd() < 0.1 ? other : asn);
      }
    }
  }
  while (vrps.length < count) {
    const len = pick(rnd, V6_BLOCK);
    const region = pick(rnd, V6_REGIONS);
    const w0 = mask(region === 0x2001 ? (0x20010000 | (u32() & 0xffff)) >>> 0 : ((region << 16) | (u32() & 0xfffff)) >>> 0, len);
    const w1 = mask(u32(), len - 32);
    const asn = asnOf();
    const style = rnd();
    if (style < 0.6 || len === 48) add({ afi: 6, words: [w0, w1, 0, 0], length: len }, rnd() < 0.75 ? len : 48, asn);
    if (style >= 0.45 && len < 48) {
      const sub = rnd() < 0.15 && len < 44 ? 44 : 48;
      const n = howMany(2 ** (sub - len));
      for (let k = 0; k < n; k++) {
        const key = (w1 >>> (64 - sub)) + k; // the k-th /sub of the block, counted in the bits below the block's
        const subW1 = sub - 32 >= 32 ? 0 : (key << (64 - sub)) >>> 0;
        add({ afi: 6, words: [w0, mask(subW1 | w1, sub - 32), 0, 0], length: sub }, rnd() < 0.75 ? sub : 48, rnd() < 0.1 ? asnOf() : asn);
      }
    }
  }
  return vrps;
}

/** What `generateVrps` made, for the bench's output: counts per prefix length (the largest), and maxLength = length. */
export function describeVrps(vrps: readonly GenVrp[]): string {
  const parts: string[] = [];
  for (const afi of [4, 6] as const) {
    const mine = vrps.filter((v) => v.prefix.afi === afi);
    const byLength = new Map<number, number>();
    for (const v of mine) byLength.set(v.prefix.length, (byLength.get(v.prefix.length) ?? 0) + 1);
    const top = [...byLength].sort((a, b) => b[1] - a[1]).slice(0, 6);
    const exact = mine.filter((v) => v.maxLength === v.prefix.length).length;
    const pct = (n: number): string => `${((100 * n) / mine.length).toFixed(0)} %`;
    parts.push(`IPv${afi} ${mine.length}: ${top.map(([l, n]) => `/${l} ${pct(n)}`).join(', ')}; maxLength = length ${pct(exact)}`);
  }
  return `generated VRPs (clustered by holder, not real): ${parts.join('; ')}`;
}

export interface Route {
  readonly prefix: Prefix;
  readonly origin: Asn;
}

/**
 * Two mixes of 100,000 routes. `probe`, the figures' mix since the bench began: a third exact VRP prefixes, a third
 * one bit longer, a third random IPv4 /24s, all from random origins (so nearly every covered route is invalid).
 * `rib`, a RIB's verdicts (RIPE's and Cloudflare's ROV statistics put IPv4 at roughly half valid, ~1 % invalid, the
 * rest not found): 55 % a VRP's prefix or a more-specific it allows, from its ASN; 1 % the same from another AS;
 * 44 % random prefixes with a RIB's lengths (IPv4 60 % /24; IPv6 in 2000::/4, half /48), covered or not as they
 * fall; IPv6 18 % of the random ones, as in a full table.
 */
export function benchRoutes(vrps: readonly GenVrp[], seed: number): { probe: Route[]; rib: Route[] } {
  const rnd = mulberry32(seed);
  const u32 = (): number => Math.floor(rnd() * 4294967296) >>> 0;
  const origin = (): Asn => (1 + Math.floor(rnd() * 400_000)) as Asn;
  const probe: Route[] = [];
  for (let i = 0; i < 100_000; i++) {
    const base = vrps[Math.floor(rnd() * vrps.length)]!.prefix;
    const kind = rnd();
    let prefix: Prefix = base;
    if (kind < 0.33 && base.length < (base.afi === 4 ? 32 : 128)) prefix = { afi: base.afi, words: base.words, length: base.length + 1 };
    else if (kind < 0.66) prefix = { afi: 4, words: [mask(u32(), 24)], length: 24 };
    probe.push({ prefix, origin: origin() });
  }
  const rib: Route[] = [];
  for (let i = 0; i < 100_000; i++) {
    const kind = rnd();
    if (kind < 0.56) {
      const v = vrps[Math.floor(rnd() * vrps.length)]!;
      const length = v.prefix.length + Math.floor(rnd() * (v.maxLength - v.prefix.length + 1));
      const words = v.prefix.words.map((w, k) => (mask(u32(), length - 32 * k) & ~mask(~0, v.prefix.length - 32 * k)) | w);
      rib.push({ prefix: { afi: v.prefix.afi, words: words.map((w, k) => mask(w, length - 32 * k)), length }, origin: kind < 0.55 ? (v.asn as Asn) : origin() });
    } else if (rnd() < 0.82) {
      const r = rnd();
      const length = r < 0.6 ? 24 : 16 + Math.floor(rnd() * 8);
      rib.push({ prefix: { afi: 4, words: [mask(((1 + Math.floor(rnd() * 222)) << 24) | (u32() & 0xffffff), length)], length }, origin: origin() });
    } else {
      const length = rnd() < 0.5 ? 48 : [29, 32, 36, 40, 44][Math.floor(rnd() * 5)]!;
      const w0 = (0x20000000 | (u32() & 0x0fffffff)) >>> 0;
      rib.push({ prefix: { afi: 6, words: [mask(w0, length), mask(u32(), length - 32), 0, 0], length }, origin: origin() });
    }
  }
  return { probe, rib };
}

export interface LookupFigure {
  readonly cpuSeconds: number;
  readonly states: Record<string, number>;
}

/**
 * `total` lookups of `routes` (cycled) one at a time, as a decoder hands them over: address words, length and
 * origin side by side in typed arrays, one scratch Prefix for IPv6, so the figure is the index's and not the cache
 * misses of 100k scattered objects.
 */
export function oneByOne(index: RovIndex, routes: readonly Route[], total: number): LookupFigure {
  const n = routes.length;
  const v4 = new Uint8Array(n);
  const words = new Uint32Array(n * 4);
  const lens = new Uint8Array(n);
  const origins = new Uint32Array(n);
  routes.forEach((r, i) => {
    v4[i] = r.prefix.afi === 4 ? 1 : 0;
    for (let k = 0; k < r.prefix.words.length; k++) words[i * 4 + k] = r.prefix.words[k]!;
    lens[i] = r.prefix.length;
    origins[i] = r.origin;
  });
  const scratchWords = [0, 0, 0, 0];
  const scratch: Prefix = { afi: 6, words: scratchWords, length: 0 };
  const counts = { valid: 0, invalid: 0, 'not-found': 0 };
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < total; i++) {
    const k = i % n;
    let state;
    if (v4[k] === 1) state = index.originStateV4(words[k * 4]!, lens[k]!, origins[k]!);
    else {
      for (let j = 0; j < 4; j++) scratchWords[j] = words[k * 4 + j]!;
      (scratch as { length: number }).length = lens[k]!;
      state = index.originState(scratch, origins[k] as Asn);
    }
    counts[state]++;
  }
  const cpu = process.cpuUsage(cpu0);
  return { cpuSeconds: (cpu.user + cpu.system) / 1e6, states: counts };
}

/**
 * The same lookups in batches of `size` routes through the columns a scan hands over (`statesV4`, `statesV6`):
 * each batch as a decoder would cut it from the stream, its IPv4 and IPv6 rows in columns of their own.
 */
export function batched(index: RovIndex, routes: readonly Route[], total: number, size: number): LookupFigure {
  const batches: { a4: Uint32Array; l4: Uint8Array; o4: Uint32Array; s4: Uint8Array; w6: Uint32Array; l6: Uint8Array; o6: Uint32Array; s6: Uint8Array }[] = [];
  for (let i = 0; i < routes.length; i += size) {
    const part = routes.slice(i, i + size);
    const v4 = part.filter((r) => r.prefix.afi === 4);
    const v6 = part.filter((r) => r.prefix.afi === 6);
    const w6 = new Uint32Array(4 * v6.length);
    v6.forEach((r, k) => r.prefix.words.forEach((w, j) => (w6[4 * k + j] = w)));
    batches.push({
      a4: Uint32Array.from(v4, (r) => r.prefix.words[0]!),
      l4: Uint8Array.from(v4, (r) => r.prefix.length),
      o4: Uint32Array.from(v4, (r) => r.origin),
      s4: new Uint8Array(v4.length),
      w6,
      l6: Uint8Array.from(v6, (r) => r.prefix.length),
      o6: Uint32Array.from(v6, (r) => r.origin),
      s6: new Uint8Array(v6.length),
    });
  }
  const counts = [0, 0, 0];
  const cpu0 = process.cpuUsage();
  for (let done = 0, k = 0; done < total; k = (k + 1) % batches.length) {
    const b = batches[k]!;
    index.statesV4(b.a4, b.l4, b.o4, b.s4);
    index.statesV6(b.w6, b.l6, b.o6, b.s6);
    for (let j = 0; j < b.s4.length; j++) counts[b.s4[j]!]!++;
    for (let j = 0; j < b.s6.length; j++) counts[b.s6[j]!]!++;
    done += b.s4.length + b.s6.length;
  }
  const cpu = process.cpuUsage(cpu0);
  return { cpuSeconds: (cpu.user + cpu.system) / 1e6, states: Object.fromEntries(ROV_STATES.map((s, i) => [s, counts[i]!])) };
}

/** The routes sorted by address, as a scan of an MRT RIB dump (sorted by prefix) asks for them. */
export function prefixOrder(routes: readonly Route[]): Route[] {
  return [...routes].sort((a, b) => a.prefix.afi - b.prefix.afi || (a.prefix.words[0] ?? 0) - (b.prefix.words[0] ?? 0) || (a.prefix.words[1] ?? 0) - (b.prefix.words[1] ?? 0));
}
