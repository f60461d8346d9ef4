import { aspaDbFrom } from '../server/src/core/aspa/verify';
import type { PathData } from '../server/src/core/paths/analyze';
import { aspaChecker } from '../server/src/core/paths/aspaCheck';
import { relationshipsFrom } from '../server/src/core/paths/relationships';
import { mulberry32 } from './prng';

/**
 * Synthetic Cisco `show ip bgp` tables (SYNTHETIC, said so wherever used): a three-level hierarchy of 12 Tier-1s,
 * 300 transits and 3,000 stubs, each non-Tier-1 with 1–2 providers one level up, half of them with an ASPA, and
 * a fifth of the paths with an origin prepend. Shared by bench/panel and the panel's layout test in Chromium.
 */
export function syntheticTables(seed: number): { paste(routes: number): string; data: PathData } {
  const rnd = mulberry32(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const levels: number[][] = [[], [], []];
  let next = 200_000;
  [12, 300, 3_000].forEach((n, l) => {
    for (let i = 0; i < n; i++) levels[l]!.push(next++);
  });
  const providers = new Map<number, number[]>();
  const links: [number, number, ('p2c' | 'p2p')?][] = [];
  for (let l = 1; l < 3; l++)
    for (const a of levels[l]!) {
      const ps = [...new Set([pick(levels[l - 1]!), pick(levels[l - 1]!)])];
      providers.set(a, ps);
      for (const p of ps) links.push([p, a]);
    }
  for (const a of levels[0]!) for (const b of levels[0]!) if (a < b) links.push([a, b, 'p2p']);
  const data: PathData = {
    aspa: aspaChecker(aspaDbFrom([...providers].filter(() => rnd() < 0.5))),
    relationships: relationshipsFrom(links),
  };

  /** A path as printed from a vantage point behind Tier-1 `via`: down from the Tier-1 side, up from the origin. */
  const pathTo = (origin: number): number[] => {
    const up = [origin];
    while (providers.has(up.at(-1)!)) up.push(pick(providers.get(up.at(-1)!)!));
    const top = up.at(-1)!;
    const via = pick(levels[0]!);
    const path = via === top ? up.reverse() : [via, ...up.reverse()];
    if (rnd() < 0.2) path.splice(path.length - 1, 0, ...Array<number>(1 + Math.floor(rnd() * 4)).fill(origin));
    return path;
  };

  const paste = (routes: number): string => {
    const lines = ['BGP table version is 1, local router ID is 192.0.2.1', 'Status codes: s suppressed, d damped, h history, * valid, > best, i - internal', 'Origin codes: i - IGP, e - EGP, ? - incomplete', '', '     Network          Next Hop            Metric LocPrf Weight Path'];
    for (let i = 0; i < routes; i++) {
      const prefix = `${20 + (i >>> 16)}.${(i >>> 8) & 255}.${i & 255}.0/24`;
      // Columns under the header words, as IOS prints them (Metric, LocPrf and Weight right-aligned under theirs): a
      // value out of its column makes the parser flag the path uncertain and leave it unverified.
      const nextHop = `192.0.2.${1 + (i % 200)}`;
      lines.push(` *>  ${prefix.padEnd(17)}${nextHop.padEnd(20)}${' '.repeat(14)}${'0'.padStart(6)} ${pathTo(pick(levels[2]!)).join(' ')} i`);
    }
    return lines.join('\n') + '\n';
  };
  return { paste, data };
}
