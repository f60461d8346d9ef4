// The path panel's pipeline in node, as one paste goes through it: parse (core/lg) + analyse + layout
// (dagre) + SVG. Budgets: 100 routes < 300 ms, 1,000 distinct paths < 1.5 s, a 10 MB paste < 300 MB peak RSS.
// Pastes are Cisco `show ip bgp` tables generated from a synthetic hierarchy, with ASPAs and relationships.
import { aspaDbFrom } from '../server/src/core/aspa/verify';
import { analyzeLookingGlass, type PathData } from '../server/src/core/paths/analyze';
import { aspaChecker } from '../server/src/core/paths/aspaCheck';
import { relationshipsFrom } from '../server/src/core/paths/relationships';
import { renderSvg } from '../server/src/core/paths/svg';
import { peakRssMb, quick, report } from './figure';
import { mulberry32 } from './prng';

const rnd = mulberry32(0x9a7b);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;

// 12 Tier-1s, 300 transits, 3,000 stubs; every non-Tier-1 has 1–2 providers one level up.
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
function pathTo(origin: number): number[] {
  const up = [origin];
  while (providers.has(up.at(-1)!)) up.push(pick(providers.get(up.at(-1)!)!));
  const top = up.at(-1)!;
  const via = pick(levels[0]!);
  const path = via === top ? up.reverse() : [via, ...up.reverse()];
  if (rnd() < 0.2) path.splice(path.length - 1, 0, ...Array<number>(1 + Math.floor(rnd() * 4)).fill(origin));
  return path;
}

function paste(routes: number): string {
  const lines = ['BGP table version is 1, local router ID is 192.0.2.1', 'Status codes: s suppressed, d damped, h history, * valid, > best, i - internal', 'Origin codes: i - IGP, e - EGP, ? - incomplete', '', '     Network          Next Hop            Metric LocPrf Weight Path'];
  for (let i = 0; i < routes; i++) {
    const prefix = `${20 + (i >>> 16)}.${(i >>> 8) & 255}.${i & 255}.0/24`;
    lines.push(` *>  ${prefix.padEnd(18)} 192.0.2.${1 + (i % 200)}${' '.repeat(20)}0 ${pathTo(pick(levels[2]!)).join(' ')} i`);
  }
  return lines.join('\n') + '\n';
}

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
