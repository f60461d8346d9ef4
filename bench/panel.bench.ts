// The path panel's pipeline in node, as one paste goes through it: parse (core/lg) + analyse + layout
// (dagre) + SVG. Budgets: 100 routes < 300 ms, 1,000 distinct paths < 1.5 s, a 10 MB paste < 300 MB peak RSS.
// Pastes are Cisco `show ip bgp` tables generated from a synthetic hierarchy, with ASPAs and relationships.
import { analyzeLookingGlass } from '../server/src/core/paths/analyze';
import { renderSvg } from '../server/src/core/paths/svg';
import { peakRssMb, quick, report } from './figure';
import { syntheticTables } from './panelTables';

const { paste, data } = syntheticTables(0x9a7b);

function pipeline(text: string): { routes: number; nodes: number; svg: number } {
  const model = analyzeLookingGlass(text, data);
  const svg = renderSvg(model, { theme: 'light' });
  return { routes: model.routes.length, nodes: model.graph.nodes.length, svg: svg.length };
}

/**
 * Median CPU time of the process over `runs` (after one warm-up). CPU rather than wall time, because the
 * machines this runs on are shared and wall time there measures the neighbours; wall time goes to stderr.
 */
function timeMedian(text: string, runs: number): { ms: number; wall: number; out: ReturnType<typeof pipeline> } {
  const cpu: number[] = [];
  const wall: number[] = [];
  let out = pipeline(text);
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    out = pipeline(text);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (a: number[]): number => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  return { ms: median(cpu), wall: median(wall), out };
}

process.stderr.write('panel: parse + analyse + layout + SVG\n');
const small = timeMedian(paste(100), quick ? 5 : 15);
process.stderr.write(`  (wall time median ${small.wall.toFixed(0)} ms)\n`);
report({ bench: 'panel', metric: `100 routes paste-to-drawing, CPU (${small.out.nodes} nodes)`, value: small.ms, unit: 'ms', budget: '< 300 ms', ok: small.ms < 300 });

const big = timeMedian(paste(1_000), quick ? 3 : 7);
process.stderr.write(`  (wall time median ${big.wall.toFixed(0)} ms)\n`);
report({ bench: 'panel', metric: `1,000 distinct paths paste-to-drawing, CPU (${big.out.nodes} nodes)`, value: big.ms, unit: 'ms', budget: '< 1500 ms', ok: big.ms < 1500 });

// About 10 MB of table (≈ 95 bytes a route); the peak includes node and tsx themselves.
const huge = paste(quick ? 20_000 : 105_000);
const t0 = performance.now();
const out = pipeline(huge);
const ms = performance.now() - t0;
const rss = peakRssMb();
process.stderr.write(`  ${(huge.length / 1e6).toFixed(1)} MB paste, ${out.routes} routes, graph ${out.nodes} nodes (aggregated), ${ms.toFixed(0)} ms\n`);
report({ bench: 'panel', metric: `peak RSS for a ${(huge.length / 1e6).toFixed(1)} MB paste`, value: rss, unit: 'MB', budget: '< 300 MB', ok: rss < 300 });
