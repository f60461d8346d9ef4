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
