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

/**
 * `count` VRPs, 5:1 IPv4:IPv6 (the real set is ~4:1), lengths shaped like the real table: IPv4 60 % /24, 15 % /22,
 * 10 % /20, the rest /16–/23, 20 % with maxLength 24; IPv6 /32–/48, 30 % with maxLength 48. Addresses are uniform
 * in 1–222/8 and 2000::/4, so unlike the real set (an operator's /16 and its /24s) they rarely nest: chains are
 * short and nearly every /16 holds a VRP, the worst case for a cache. Unique by (prefix, maxLength, ASN).
 */
export function generateVrps(count: number, rnd: () => number): GenVrp[] {
  const u32 = (): number => Math.floor(rnd() * 4294967296) >>> 0;
  const seen = new Set<string>();
  const vrps: GenVrp[] = [];
  while (vrps.length < count) {
    const v6 = rnd() < 1 / 6;
    let prefix: Prefix;
    let maxLength: number;
    if (v6) {
      const len = [32, 36, 40, 44, 48, 48, 48][Math.floor(rnd() * 7)]!;
      const w0 = (0x20000000 | (u32() & 0x0fffffff)) >>> 0;
      prefix = { afi: 6, words: [mask(w0, len), mask(u32(), len - 32), 0, 0], length: len };
      maxLength = rnd() < 0.3 ? 48 : len;
    } else {
      const r = rnd();
      const len = r < 0.6 ? 24 : r < 0.75 ? 22 : r < 0.85 ? 20 : 16 + Math.floor(rnd() * 8);
      prefix = { afi: 4, words: [mask(((1 + Math.floor(rnd() * 222)) << 24) | (u32() & 0xffffff), len)], length: len };
      maxLength = rnd() < 0.2 ? 24 : len;
    }
    const asn = 1 + Math.floor(rnd() * 400_000);
    const key = `${prefix.words.join('.')}/${prefix.length}-${maxLength}-${asn}`;
    if (seen.has(key)) continue;
    seen.add(key);
    vrps.push({ prefix, maxLength, asn });
  }
  return vrps;
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
