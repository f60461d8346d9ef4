// ASPA authoring on observed routes: index them (PathEvidence), suggest one AS's providers, and the impact of one
// declaration. The routes are GENERATED, not real collector data (bench/realisticPaths.ts: synthetic valley-free
// paths whose lengths follow a real RIS RIB's), laid out as a collector's RIB dump: 10 full-feed vantage points, each prefix once per
// vantage point, 1 M distinct prefixes at 10 M routes. Budgets (issue 19): index 10 M observed paths in <= 20 s and
// <= 1 GB; suggest for one AS < 50 ms; impact of one declaration against 10 M paths < 2 s. Quick mode measures
// 500 k paths and reports the rates; the budget verdicts are given only at the budget's own size.
import { loadavg } from 'node:os';
import { peakRssMb, quick, report } from './figure';
import { mulberry32 } from './prng';
import { prefixOf, realisticPaths } from './realisticPaths';
import type { Asn } from '../server/src/core/net/asn';
import { PathEvidence } from '../server/src/core/aspa/pathEvidence';
import { suggestProviders } from '../server/src/core/aspa/suggestProviders';
import { aspaImpact } from '../server/src/core/aspa/impact';

const PATHS = quick ? 500_000 : 10_000_000;
const VANTAGES = 10;
const atBudgetSize = PATHS >= 10_000_000;

const rnd = mulberry32(0xa59a);
const { net, drawPath: draw, meanLength } = realisticPaths(rnd);
const drawPath = () => draw() as Asn[];
const vantages = Array.from({ length: VANTAGES }, (_, i) => `192.0.2.${i + 1}`);
process.stderr.write(`  generated: ${PATHS.toLocaleString('en-US')} routes, mean length ${meanLength.toFixed(2)} (the RIB's), load ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);

global.gc?.();
const rss0 = process.memoryUsage().rss;
// Each route a fresh object with a fresh prefix string, as a reader hands them over (their making is in the time).
const cpu0 = process.cpuUsage();
const evidence = new PathEvidence();
for (let i = 0; i < PATHS; i++) evidence.add({ prefix: prefixOf(Math.floor(i / VANTAGES)), path: drawPath(), vantage: vantages[i % VANTAGES]!, source: 'generated' });
const cpuAdd = process.cpuUsage(cpu0);
evidence.prepare();
const cpu = process.cpuUsage(cpu0);
const seconds = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
const indexSeconds = seconds(cpu);
global.gc?.();
const indexedMb = (process.memoryUsage().rss - rss0) / 1e6;
report({ bench: 'aspaAuthoring', metric: `index ${PATHS.toLocaleString('en-US')} observed paths (CPU)`, value: indexSeconds, unit: 's', ...(atBudgetSize ? { budget: '<= 20', ok: indexSeconds <= 20 } : {}) });
report({ bench: 'aspaAuthoring', metric: '  of which storing the routes', value: seconds(cpuAdd), unit: 's' });
report({ bench: 'aspaAuthoring', metric: 'index rate', value: evidence.size / indexSeconds, unit: 'paths/s' });
report({ bench: 'aspaAuthoring', metric: 'memory of the index (RSS after GC)', value: indexedMb, unit: 'MB', ...(atBudgetSize ? { budget: '<= 1000', ok: indexedMb <= 1000 } : {}) });
report({ bench: 'aspaAuthoring', metric: 'memory per observed path', value: (indexedMb * 1e6) / evidence.size, unit: 'bytes' });

// Suggest for a transit network (many neighbours) and a stub, best of 5.
for (const [label, asn] of [['transit AS', net.levels[1]![0]!], ['stub AS', net.levels[3]![0]!]] as const) {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    suggestProviders(asn as Asn, { paths: evidence });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  report({ bench: 'aspaAuthoring', metric: `suggest, ${label}`, value: best, unit: 'ms', budget: '< 50', ok: best < 50 });
}

// Impact of one declaration against every route: a transit network that forgets one of its providers, and a
// Tier-1 publishing AS0 (what transit-free networks do), whose routes are a good part of the table.
const transit = net.levels[1]![1]! as Asn;
const tier1 = net.levels[0]![0]! as Asn;
for (const [label, customer, providers] of [
  ['transit AS forgets a provider', transit, (net.providers.get(transit) ?? []).slice(1)],
  ['Tier-1 publishes AS0', tier1, []],
] as const) {
  const t0 = process.cpuUsage();
  const impact = aspaImpact(evidence, new Map(), new Map([[customer, new Set(providers as readonly Asn[])]]));
  const impactSeconds = seconds(process.cpuUsage(t0));
  process.stderr.write(`  impact (${label}): ${impact.changes.length.toLocaleString('en-US')} route × direction changes, ${(evidence.size - impact.untouched).toLocaleString('en-US')} routes through AS${customer}\n`);
  report({ bench: 'aspaAuthoring', metric: `impact of one declaration, ${label}, ${PATHS.toLocaleString('en-US')} paths (CPU)`, value: impactSeconds, unit: 's', ...(atBudgetSize ? { budget: '< 2', ok: impactSeconds < 2 } : {}) });
}
report({ bench: 'aspaAuthoring', metric: 'peak RSS (with the generator\'s path pools)', value: peakRssMb(), unit: 'MB' });
process.stderr.write(`  load ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
