// ASPA path verification on a generated full table: 1 M valley-free paths over a synthetic hierarchy
// (Tier-1 clique, transit, stubs), 5,000 ASPAs, realistic lengths with prepends. Budget: >= 3 M paths/s
// on one core, a full table in < 1 s; the worst case checks every hop of every path.
import { report, quick } from './figure';
import { mulberry32 } from './prng';
import { syntheticInternet } from './syntheticTable';
import type { Asn } from '../server/src/core/net/asn';
import type { AsPathSegment } from '../server/src/core/lg/types';
import type { AspaDb, Direction } from '../server/src/core/aspa/types';
import { aspaVerdict, verifyAspaPath } from '../server/src/core/aspa/verify';
import { CompiledAspaDb } from '../server/src/core/aspa/compiledDb';

const PATHS = quick ? 100_000 : 1_000_000;
const ASPAS = 5_000;

// Deterministic PRNG (mulberry32) so every run measures the same table.
const rnd = mulberry32(0x5eed);
const { pick, levels, providers, upChain, withPrepends, plainPath } = syntheticInternet(rnd);

const table: number[][] = [];
const hopAses = new Set<number>();
for (let i = 0; i < PATHS; i++) {
  const path = plainPath();
  for (const a of path) hopAses.add(a);
  table.push(withPrepends(path));
}

// 5,000 ASPAs: the Tier-1s (AS0) and the most-seen transit networks first, then random stubs.
const db = new Map<Asn, Set<Asn>>();
for (const t of levels[0]!) db.set(t as Asn, new Set());
for (const a of [...levels[1]!, ...levels[2]!, ...levels[3]!]) {
  if (db.size >= ASPAS) break;
  if (rnd() < 0.3 || levels[1]!.includes(a)) db.set(a as Asn, new Set(providers.get(a)!.map((p) => p as Asn)));
}
// Worst case with the same budget of 5,000 ASPAs: the Tier-1s, all transit and 4,385 regional networks are
// attested, and the paths run only through them, so every hop is looked up and none ends the scan early:
// upstream o -> p1 -> t0 (all Provider+), downstream o -> p1 -> t0 -> q1 -> q2 (up, then down).
const wcDb = new Map<Asn, Set<Asn>>();
for (const t of levels[0]!) wcDb.set(t as Asn, new Set());
const attestedL2 = levels[2]!.slice(0, ASPAS - levels[0]!.length - levels[1]!.length);
for (const a of [...levels[1]!, ...attestedL2]) wcDb.set(a as Asn, new Set(providers.get(a)!.map((p) => p as Asn)));
const customersOf = new Map<number, number[]>();
for (const a of [...levels[1]!, ...attestedL2]) for (const p of providers.get(a)!) customersOf.set(p, [...(customersOf.get(p) ?? []), a]);
const climb = (): number[] => {
  const o = pick(attestedL2);
  const p1 = pick(providers.get(o)!);
  return [o, p1, pick(providers.get(p1)!)];
};
const wcUp = Array.from({ length: PATHS }, () => withPrepends(climb().reverse()));
const wcDown = Array.from({ length: PATHS }, () => {
  const up = climb();
  const q1 = pick(customersOf.get(up[2]!)!);
  const q2s = (customersOf.get(q1) ?? []).filter((c) => c !== up[0]);
  return withPrepends([...up, q1, ...(q2s.length ? [pick(q2s)] : [])].reverse());
});
// Stress, beyond the budget's terms: one ASPA for every AS (66,615) and up-only paths from the stubs.
const fullDb = new Map<Asn, Set<Asn>>();
for (const [a, ps] of providers) fullDb.set(a as Asn, new Set(ps.map((p) => p as Asn)));
for (const t of levels[0]!) fullDb.set(t as Asn, new Set());
const upOnly = Array.from({ length: PATHS }, () => withPrepends(upChain(pick(levels[3]!)).reverse()));

const t0c = process.hrtime.bigint();
const compiled = new CompiledAspaDb(db);
report({ bench: 'aspa', metric: 'compile 5,000 ASPAs', value: Number(process.hrtime.bigint() - t0c) / 1e6, unit: 'ms' });
const compiledWc = new CompiledAspaDb(wcDb);
const compiledFull = new CompiledAspaDb(fullDb);
const avgLen = table.reduce((s, p) => s + p.length, 0) / table.length;
const mean = (t: readonly number[][]) => (t.reduce((s, p) => s + p.length, 0) / t.length).toFixed(2);
process.stderr.write(`  table: ${PATHS} paths, mean printed length ${avgLen.toFixed(2)}, ${db.size} ASPAs\n`);
process.stderr.write(`  worst case: ${wcDb.size} ASPAs, mean printed length up ${mean(wcUp)}, down ${mean(wcDown)}\n`);

function time(paths: readonly number[][], d: AspaDb | CompiledAspaDb, direction: Direction): { rate: number; seconds: number; tally: number[] } {
  const tally = [0, 0, 0];
  // Warm up so the figure is the optimised code, then take the best of three passes.
  for (let i = 0; i < Math.min(paths.length, 50_000); i++) aspaVerdict(paths[i]!, d, direction);
  let best = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    tally.fill(0);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < paths.length; i++) {
      const v = aspaVerdict(paths[i]!, d, direction);
      tally[v === 'valid' ? 0 : v === 'unknown' ? 1 : 2]!++;
    }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { rate: paths.length / best, seconds: best, tally };
}

for (const [name, paths, d, dir, budgeted] of [
  ['upstream', table, compiled, 'upstream', true],
  ['downstream', table, compiled, 'downstream', true],
  ['worst case upstream (every hop checked)', wcUp, compiledWc, 'upstream', true],
  ['worst case downstream (every hop checked)', wcDown, compiledWc, 'downstream', true],
  ['upstream, plain Map db', table, db, 'upstream', true],
  ['stress upstream, 66,615 ASPAs', upOnly, compiledFull, 'upstream', false],
  ['stress downstream, 66,615 ASPAs', upOnly, compiledFull, 'downstream', false],
] as const) {
  const r = time(paths, d, dir);
  process.stderr.write(`  ${name}: valid ${r.tally[0]}, unknown ${r.tally[1]}, invalid ${r.tally[2]}\n`);
  if (!budgeted) {
    report({ bench: 'aspa', metric: `${name} paths/s`, value: r.rate, unit: 'paths/s' });
    continue;
  }
  report({ bench: 'aspa', metric: `${name} paths/s`, value: r.rate, unit: 'paths/s', budget: '>= 3000000', ok: r.rate >= 3e6 });
  if (!quick) report({ bench: 'aspa', metric: `${name} full table`, value: r.seconds, unit: 's', budget: '< 1', ok: r.seconds < 1 });
}

// The evidence-producing verifier (hops, leak point, what-if), as the path panel uses it per route.
const sample = table.slice(0, quick ? 20_000 : 100_000).map((p): AsPathSegment[] => [{ type: 'sequence', asns: p as Asn[] }]);
for (const s of sample.slice(0, 5_000)) verifyAspaPath(s, db, { direction: 'upstream' }); // warm-up
const t0 = process.hrtime.bigint();
for (const s of sample) verifyAspaPath(s, db, { direction: 'upstream' });
const rate = sample.length / (Number(process.hrtime.bigint() - t0) / 1e9);
report({ bench: 'aspa', metric: 'verifyAspaPath with evidence paths/s', value: rate, unit: 'paths/s', budget: '>= 20000', ok: rate >= 2e4 });
