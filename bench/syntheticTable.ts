// A synthetic Internet for benches that need a full table's shape (generated, not real): 15 Tier-1s, 600 transit,
// 6,000 regional and 60,000 stub networks, each non-Tier-1 with 1–3 providers one level up; paths valley-free as
// printed (neighbour first), up from a stub, across the clique in 60 %, down again, with prepends in 8 % of hops.

/** The hierarchy, its providers, and path makers drawing from `rnd` (pass a seeded PRNG: same table every run). */
export function syntheticInternet(rnd: () => number) {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const levels: number[][] = [[], [], [], []];
  const sizes = [15, 600, 6_000, 60_000];
  let next = 100_000;
  for (let l = 0; l < 4; l++) for (let i = 0; i < sizes[l]!; i++) levels[l]!.push(next++);
  const providers = new Map<number, number[]>();
  for (let l = 1; l < 4; l++) {
    for (const a of levels[l]!) {
      const k = 1 + Math.floor(rnd() * 3);
      const ps = new Set<number>();
      while (ps.size < k) ps.add(pick(levels[l - 1]!));
      providers.set(a, [...ps]);
    }
  }
  const upChain = (origin: number): number[] => {
    const chain = [origin];
    let cur = origin;
    while (providers.has(cur) && rnd() < 0.85) {
      cur = pick(providers.get(cur)!);
      chain.push(cur);
    }
    return chain;
  };
  const withPrepends = (p: number[]): number[] => {
    const out: number[] = [];
    for (const a of p) {
      out.push(a);
      if (rnd() < 0.08) for (let r = 1 + Math.floor(rnd() * 4); r > 0; r--) out.push(a);
    }
    return out;
  };
  /** One path as printed (neighbour first), without prepends. */
  const plainPath = (): number[] => {
    const up = upChain(pick(levels[3]!));
    const top = up[up.length - 1]!;
    let path = up;
    if (rnd() < 0.6) {
      const otherTop = levels[0]!.includes(top) ? pick(levels[0]!.filter((x) => x !== top)) : pick(levels[0]!);
      const down = upChain(pick(levels[2]!)).reverse();
      path = [...up, otherTop, ...down.filter((a) => a !== otherTop)].slice(0, 9);
    }
    return path.reverse();
  };
  return { pick, levels, providers, upChain, withPrepends, plainPath };
}

/**
 * A route collector over `net` (generated, as `net` is): `count` full-feed peers, transit and regional networks in
 * turn, each with its fixed way up to a Tier-1, and the paths they see. A path runs up from the peer, across to the
 * origin's Tier-1 and down to the origin; in 0.1 % of them a regional network with two providers leaks instead (up
 * to one of its providers, the leaker, its other provider, the origin). Every MRT bench injects its leaks through
 * this one model, so their truth ("n leaked entries") means the same thing.
 */
export function syntheticCollector(net: ReturnType<typeof syntheticInternet>, rnd: () => number, count: number) {
  const tier1 = net.levels[0]!;
  const upToTier1 = (a: number): number[] => {
    const chain = [a];
    for (let cur = a; !tier1.includes(cur); ) {
      cur = net.pick(net.providers.get(cur)!);
      chain.push(cur);
    }
    return chain;
  };
  const peers = Array.from({ length: count }, (_, i) => net.pick(net.levels[1 + (i % 2)]!));
  const peerUp = peers.map(upToTier1);
  const leakers = net.levels[2]!.filter((a) => (net.providers.get(a)?.length ?? 0) >= 2).slice(0, 50);
  let leaked = 0;
  /**
   * Writes into `path` (room for 32) the path peer `p` sees towards `origin`, whose way down from its Tier-1 is
   * `down` (prepends included; at most 30 ASes are taken), and returns its length.
   */
  const pathInto = (path: number[], p: number, origin: number, down: readonly number[]): number => {
    let n = 0;
    for (const a of peerUp[p]!) path[n++] = a;
    if (rnd() < 0.001) {
      const leaker = net.pick(leakers);
      const [from, to] = net.providers.get(leaker)! as [number, number];
      for (const a of upToTier1(to).reverse()) if (a !== path[n - 1]) path[n++] = a;
      path[n++] = leaker;
      path[n++] = from;
      path[n++] = origin;
      leaked++;
    } else {
      for (let j = down[0] === path[n - 1] ? 1 : 0; j < down.length && n < 30; j++) path[n++] = down[j]!;
    }
    return n;
  };
  return { peers, upToTier1, leakers, pathInto, leaked: (): number => leaked };
}
