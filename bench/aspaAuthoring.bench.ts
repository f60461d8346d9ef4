// ASPA authoring on observed routes: index them (PathEvidence), suggest one AS's providers, and the impact of one
// declaration. The routes are GENERATED with a full table's shape (bench/syntheticTable.ts: a synthetic hierarchy,
// valley-free paths, 200 vantage points), not real collector data. Budgets (issue 19): index 10 M observed paths in
// <= 20 s and <= 1 GB; suggest for one AS < 50 ms; impact of one declaration against 10 M paths < 2 s. Quick mode
// measures 500 k paths and reports the rates; the budget verdicts are given only at the budget's own size.
import { peakRssMb, quick, report } from './figure';
import { mulberry32 } from './prng';
import { syntheticInternet } from './syntheticTable';
import type { Asn } from '../server/src/core/net/asn';
import { PathEvidence } from '../server/src/core/aspa/pathEvidence';
import { suggestProviders } from '../server/src/core/aspa/suggestProviders';
import { aspaImpact } from '../server/src/core/aspa/impact';

const PATHS = quick ? 500_000 : 10_000_000;
const atBudgetSize = PATHS >= 10_000_000;
const rnd = mulberry32(0xa59a);
const net = syntheticInternet(rnd);
const vantages = Array.from({ length: 200 }, (_, i) => `192.0.2.${i}`);

// Generated first, so the figures are the index's own (the routes' paths are counted in its memory: it keeps them).
global.gc?.();
const rss0 = process.memoryUsage().rss;
const observed = [];
for (let i = 0; i < PATHS; i++) {
  const path = net.plainPath() as Asn[];
  if (path.length >= 2) observed.push({ prefix: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.0/24`, path, vantage: net.pick(vantages), source: 'generated' });
}
const cpu0 = process.cpuUsage();
const evidence = new PathEvidence();
for (const r of observed) evidence.add(r);
const cpu = process.cpuUsage(cpu0);
const indexSeconds = (cpu.user + cpu.system) / 1e6;
global.gc?.();
const indexedMb = (process.memoryUsage().rss - rss0) / 1e6;
report({ bench: 'aspaAuthoring', metric: `index ${PATHS.toLocaleString('en-US')} observed paths (CPU)`, value: indexSeconds, unit: 's', ...(atBudgetSize ? { budget: '<= 20', ok: indexSeconds <= 20 } : {}) });
report({ bench: 'aspaAuthoring', metric: 'index rate', value: evidence.routes.length / indexSeconds, unit: 'paths/s' });
report({ bench: 'aspaAuthoring', metric: 'memory of the index', value: indexedMb, unit: 'MB', ...(atBudgetSize ? { budget: '<= 1000', ok: indexedMb <= 1000 } : {}) });
report({ bench: 'aspaAuthoring', metric: 'memory per observed path', value: (indexedMb * 1e6) / evidence.routes.length, unit: 'bytes' });

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

// Impact of one declaration: a transit network that forgets one of its providers.
const customer = net.levels[1]![1]! as Asn;
const declared = new Map([[customer, new Set((net.providers.get(customer) ?? []).slice(1) as Asn[])]]);
const t0 = process.cpuUsage();
const impact = aspaImpact(evidence.routes, new Map(), declared);
const ic = process.cpuUsage(t0);
const impactSeconds = (ic.user + ic.system) / 1e6;
process.stderr.write(`  impact: ${impact.changes.length} route × direction changes, ${impact.untouched} routes untouched\n`);
report({ bench: 'aspaAuthoring', metric: `impact of one declaration, ${PATHS.toLocaleString('en-US')} paths (CPU)`, value: impactSeconds, unit: 's', ...(atBudgetSize ? { budget: '< 2', ok: impactSeconds < 2 } : {}) });
report({ bench: 'aspaAuthoring', metric: 'peak RSS', value: peakRssMb(), unit: 'MB' });
