// Observed paths with a real RIB's shape, GENERATED (not real data): valley-free paths through the synthetic
// hierarchy of syntheticTable.ts, drawn so that their lengths follow the RIPE RIS table of 2002-07-22 in
// ../shared/corpora/mrt (bgpdump's text of it), prepends removed; the few longer than 8 ASes (8 in 115 k) drawn as 8.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { syntheticInternet } from './syntheticTable';

const MAX_LENGTH = 8;
const POOL = 20_000;

/** How many routes of each length (prepends removed, 2 ASes or more) the real RIB holds. */
function realLengths(): number[] {
  const file = path.resolve(__dirname, '..', '..', 'shared', 'corpora', 'mrt', 'bview.20020722.2337.gz.bgpdump.txt.gz');
  const counts = new Array<number>(MAX_LENGTH + 1).fill(0);
  for (const line of gunzipSync(readFileSync(file)).toString('latin1').split('\n')) {
    const asPath = line.split('|')[6];
    if (asPath === undefined) continue;
    const asns = asPath.split(' ').filter((a, i, all) => a !== all[i - 1]);
    if (asns.length >= 2) counts[Math.min(asns.length, MAX_LENGTH)]!++;
  }
  return counts;
}

/** The hierarchy, and `drawPath()`: a path (as printed, neighbour first) whose length is drawn from the real RIB's. */
export function realisticPaths(rnd: () => number) {
  const net = syntheticInternet(rnd);
  const lengths = realLengths();
  const total = lengths.reduce((a, b) => a + b, 0);
  const cumulative = lengths.map((_, l) => lengths.slice(0, l + 1).reduce((a, b) => a + b, 0) / total);
  // Pools of distinct generated paths by length; a route draws its length, then one path of that length.
  const pools: number[][][] = lengths.map(() => []);
  while (pools.some((p, l) => lengths[l]! > 0 && p.length < POOL)) {
    const p = net.plainPath();
    const pool = pools[p.length];
    if (pool && pool.length < POOL) pool.push(p);
  }
  const drawPath = (): number[] => {
    const u = rnd();
    let l = 2;
    while (cumulative[l]! < u) l++;
    const pool = pools[l]!;
    return pool[Math.floor(rnd() * pool.length)]!;
  };
  const meanLength = lengths.reduce((a, n, l) => a + n * l, 0) / total;
  return { net, drawPath, meanLength };
}

/** The `i`th distinct /24, from 10.0.0.0 on. */
export const prefixOf = (i: number): string => `${10 + (i >>> 16)}.${(i >>> 8) & 255}.${i & 255}.0/24`;
