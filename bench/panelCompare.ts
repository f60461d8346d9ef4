// How four AS-path drawings read the same tables, measured (issue 17): RouteLens's panel, the NLNOG looking glass
// map and bird-lg's bgpmap (both Graphviz dot, laid out here by Debian's `dot` with the attributes those tools
// set), and hyperglass's path chart (dagre, one box per route and AS, React Flow's fit-view zoom limits), on the
// SYNTHETIC tables of bench/panelTables.ts (100 and 1,000 routes from one vantage point). Each tool is reproduced
// from a reading of its drawing code (attributes and layout rules only; nothing copied); BGPlay is not measured
// (it animates RIS data over time in its own app). Figures: boxes drawn, drawing size at 100 %, the smallest text
// at the first view in a 1600 × 700 px pane, edge crossings, and edge segments over a box they do not end at.
// Writes the table to stdout as Markdown (docs/compare.md quotes it) and JSON figure lines to stderr.
import dagre from '@dagrejs/dagre';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { newDagreGraph, placeOf } from '../server/src/core/paths/dagreGraph';
import { analyzeLookingGlass } from '../server/src/core/paths/analyze';
import { crossings, edgesThroughNodes, type Point } from '../server/src/core/paths/layoutQuality';
import type { PathGraph } from '../server/src/core/paths/model';
import { SMALL } from '../server/src/core/paths/svg';
import { syntheticTables } from './panelTables';

const PANE = { w: 1600, h: 700 };
/** CSS px per Graphviz point (SVG user units are points; browsers draw 1 pt as 96/72 px). */
const PX_PER_PT = 96 / 72;

interface Row {
  tool: string;
  routes: number;
  boxes: number;
  size: string;
  smallestText: string;
  crossings: number;
  overBoxes: number;
  note: string;
}

function routelens(text: string, routes: number, group: 'auto' | 'none'): Row {
  const m = analyzeLookingGlass(text, t.data, { group });
  const g = m.graph;
  // The first view: the largest scale that fits, never under 100 % (graphView.ts fit(readable)).
  const fit = Math.min(PANE.w / g.width, PANE.h / g.height, 1.5);
  const s = Math.max(1, fit);
  return {
    tool: group === 'auto' ? 'RouteLens (default)' : 'RouteLens (every AS)',
    routes,
    boxes: g.nodes.length,
    size: `${g.width} × ${g.height}`,
    smallestText: `${(SMALL * s).toFixed(1)} px`,
    crossings: crossings(g.edges.map((e) => e.points)),
    overBoxes: edgesThroughNodes(g),
    note: g.aggregated ? `grouped by ${g.aggregated.by}${g.aggregated.depth ? ` (${g.aggregated.depth} hops kept)` : ''}, ${g.aggregated.hiddenNodes} ASes in groups` : fit < 1 ? 'opens at 100 % at the vantage point; pan or Fit for the rest' : 'fits',
  };
}

/** Paths as printed, vantage side first, prepends kept (bird-lg draws them as loops). */
function pathsOf(text: string): number[][] {
  return analyzeLookingGlass(text, t.data).routes.map((r) => r.asPathText.trim().split(/\s+/).map(Number).filter(Number.isInteger));
}

/** Lays a DOT graph out with `dot -Tplain`; boxes and edge splines (sampled Béziers) in px at 100 %. */
function dotLayout(dot: string): { graph: PathGraph; lines: Point[][]; w: number; h: number } {
  const plain = execFileSync('dot', ['-Tplain'], { input: dot, maxBuffer: 1 << 28 }).toString();
  const nodes: PathGraph['nodes'] = [];
  const lines: Point[][] = [];
  let w = 0;
  let h = 0;
  const px = (inch: string): number => Number(inch) * 72 * PX_PER_PT;
  for (const line of plain.split('\n')) {
    const f = line.match(/"[^"]*"|\S+/g) ?? [];
    if (f[0] === 'graph') [w, h] = [px(f[2]!), px(f[3]!)];
    if (f[0] === 'node') nodes.push({ id: f[1]!.replace(/"/g, ''), kind: 'as', label: '', prepend: 1, origin: false, leaker: false, routes: [], x: px(f[2]!), y: px(f[3]!), width: px(f[4]!), height: px(f[5]!) });
    if (f[0] === 'edge') {
      const n = Number(f[3]);
      const ctrl: Point[] = [];
      for (let i = 0; i < n; i++) ctrl.push({ x: px(f[4 + 2 * i]!), y: px(f[5 + 2 * i]!) });
      const pts: Point[] = [ctrl[0]!];
      for (let i = 0; i + 3 < ctrl.length; i += 3) {
        const [a, b, c, d] = [ctrl[i]!, ctrl[i + 1]!, ctrl[i + 2]!, ctrl[i + 3]!];
        for (let k = 1; k <= 8; k++) {
          const u = k / 8;
          const m = [(1 - u) ** 3, 3 * (1 - u) ** 2 * u, 3 * (1 - u) * u ** 2, u ** 3] as const;
          pts.push({ x: m[0] * a.x + m[1] * b.x + m[2] * c.x + m[3] * d.x, y: m[0] * a.y + m[1] * b.y + m[2] * c.y + m[3] * d.y });
        }
      }
      lines.push(pts);
    }
  }
  // Edges over boxes: each spline against the boxes it does not end at (ends found by distance).
  const near = (p: Point): string | undefined => nodes.find((n) => Math.abs(p.x - n.x) <= n.width / 2 + 2 && Math.abs(p.y - n.y) <= n.height / 2 + 2)?.id;
  const edges = lines.map((pts, i) => ({ id: `e${i}`, from: near(pts[0]!) ?? '', to: near(pts.at(-1)!) ?? '', verdict: 'ok' as const, reasons: [], routes: [], colors: [], points: pts }));
  return { graph: { nodes, edges, width: w, height: h }, lines, w, h };
}

/** Graphviz, as the NLNOG looking glass sets it (rankdir LR, "ASn | name" 10 pt wrapped at 28, the LG box, peer labels 9 pt). */
function nlnog(paths: number[][], routes: number): Row {
  const out = ['digraph map {', 'rankdir=LR;', 'lgnode [label="LOOKING GLASS" shape=box style=filled fontsize=10 fontname=Arial];'];
  const seen = new Set<string>();
  for (const p of paths) {
    const hops = p.filter((a, i) => a !== p[i - 1]);
    for (const a of hops) if (!seen.has(`n${a}`) && seen.add(`n${a}`)) out.push(`"${a}" [label="AS${a} |" fontsize=10 style=filled fontname=Arial];`);
    if (hops[0] !== undefined && !seen.has(`l${hops[0]}`) && seen.add(`l${hops[0]}`)) out.push(`lgnode -> "${hops[0]}" [label="PEER${hops[0]}" fontsize=9 fontname=Arial];`);
    for (let i = 1; i < hops.length; i++) if (!seen.has(`e${hops[i - 1]}-${hops[i]}`) && seen.add(`e${hops[i - 1]}-${hops[i]}`)) out.push(`"${hops[i - 1]}" -> "${hops[i]}";`);
  }
  out.push('}');
  return graphvizRow('NLNOG LG map (dot, LR)', routes, out.join('\n'), 10, 'no grouping, no checks on the map (RPKI in the table)');
}

/** Graphviz, as bird-lg's bgpmap sets it (top to bottom, 10 pt AS labels, 7 pt edge labels, prepends as self-loops "Nx"). */
function birdLg(paths: number[][], routes: number): Row {
  const out = ['digraph BGPMAP {', 'router [shape=box style=filled label="ROUTER" fontsize=10];'];
  const seen = new Set<string>();
  for (const p of paths) {
    const hops = p.filter((a, i) => a !== p[i - 1]);
    for (const a of hops) if (!seen.has(`n${a}`) && seen.add(`n${a}`)) out.push(`"${a}" [label="AS${a} |" style=filled fontsize=10];`);
    if (hops[0] !== undefined && !seen.has(`l${hops[0]}`) && seen.add(`l${hops[0]}`)) out.push(`router -> "${hops[0]}" [label="peer_${hops[0]}" fontsize=7];`);
    for (let i = 1; i < hops.length; i++) if (!seen.has(`e${hops[i - 1]}-${hops[i]}`) && seen.add(`e${hops[i - 1]}-${hops[i]}`)) out.push(`"${hops[i - 1]}" -> "${hops[i]}" [fontsize=7];`);
    const prepends = p.length - hops.length;
    if (prepends > 0 && !seen.has(`p${p.at(-1)}`) && seen.add(`p${p.at(-1)}`)) out.push(`"${p.at(-1)}" -> "${p.at(-1)}" [label=" ${prepends + 1}x" color=grey fontsize=7];`);
  }
  out.push('}');
  return graphvizRow("bird-lg bgpmap (dot, TB)", routes, out.join('\n'), 7, 'no grouping, no checks; PNG or SVG image');
}

function graphvizRow(tool: string, routes: number, dot: string, smallestPt: number, note: string): Row {
  const { graph, lines, w, h } = dotLayout(dot);
  const fit = Math.min(1, PANE.w / w, PANE.h / h);
  return {
    tool,
    routes,
    boxes: graph.nodes.length,
    size: `${Math.round(w)} × ${Math.round(h)}`,
    smallestText: `${(smallestPt * PX_PER_PT).toFixed(1)} px at 100 %, ${(smallestPt * PX_PER_PT * fit).toFixed(1)} px fitted`,
    crossings: crossings(lines),
    overBoxes: edgesThroughNodes(graph),
    note,
  };
}

/** hyperglass's chart: a box (128 × 48) per route and AS, dagre bottom-up, each route its own column; fitView zoom within [0.5, 2]. */
function hyperglass(paths: number[][], routes: number): Row {
  const W = 128;
  const H = 48;
  const g = newDagreGraph();
  g.setGraph({ marginx: 20, marginy: 20, rankdir: 'BT', align: 'UR' });
  g.setDefaultEdgeLabel(() => ({}));
  g.setNode('base', { width: W, height: H });
  const chains = paths.map((p) => [...new Set(p)]);
  const ids: string[][] = [];
  chains.forEach((c, i) => {
    // Consecutive identical paths are drawn once.
    if (c.join(' ') === chains[i + 1]?.join(' ')) return void ids.push([]);
    const row = c.map((a) => `${i}-${a}`);
    ids.push(row);
    row.forEach((id, k) => {
      g.setNode(id, { width: W, height: H });
      g.setEdge(k === 0 ? 'base' : row[k - 1]!, id);
    });
  });
  dagre.layout(g);
  // The chart then places a route's k-th AS 6 box heights above the (k-1)-th, the base 6 below its dagre place.
  const base = placeOf(g, 'base');
  const pos = new Map<string, Point>([['base', { x: base.x, y: base.y + H * 6 }]]);
  for (const row of ids)
    row.forEach((id, k) => {
      const p = placeOf(g, id);
      pos.set(id, { x: p.x, y: p.y - H * k * 6 });
    });
  const nodes = [...pos].map(([id, p]) => ({ id, kind: 'as' as const, label: '', prepend: 1, origin: false, leaker: false, routes: [], x: p.x, y: p.y, width: W, height: H }));
  const edges = ids.flatMap((row) => row.map((id, k) => ({ from: k === 0 ? 'base' : row[k - 1]!, to: id })));
  const graph: PathGraph = {
    nodes,
    edges: edges.map((e, i) => ({ id: `e${i}`, ...e, verdict: 'ok', reasons: [], routes: [], colors: [], points: [pos.get(e.from)!, pos.get(e.to)!].map((p) => ({ x: p.x, y: p.y })) })),
    width: 0,
    height: 0,
  };
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const w = Math.max(...xs) - Math.min(...xs) + W;
  const h = Math.max(...ys) - Math.min(...ys) + H;
  const zoom = Math.min(2, Math.max(0.5, Math.min(PANE.w / w, PANE.h / h)));
  // Straight centre-to-centre edges for the count (React Flow draws a curve between the boxes' handles).
  const lines = graph.edges.map((e) => e.points);
  return {
    tool: 'hyperglass (dagre, BT)',
    routes,
    boxes: nodes.length,
    size: `${Math.round(w)} × ${Math.round(h)}`,
    smallestText: `${(14 * zoom).toFixed(1)} px (ASN badge 14 px × zoom ${zoom.toFixed(2)})`,
    crossings: crossings(lines),
    overBoxes: edgesThroughNodes(graph),
    note: zoom === 0.5 && (PANE.w / w < 0.5 || PANE.h / h < 0.5) ? 'fit view stops at 50 %: most of the chart is off screen' : 'fits',
  };
}

const t = syntheticTables(0x9a7b);
if (!existsSync('/usr/bin/dot')) process.stderr.write('panelCompare: Graphviz dot missing (Debian package graphviz): the NLNOG and bird-lg rows are left out\n');
const rows: Row[] = [];
for (const routes of [100, 1_000]) {
  const text = t.paste(routes);
  const paths = pathsOf(text);
  rows.push(routelens(text, routes, 'auto'), routelens(text, routes, 'none'));
  if (existsSync('/usr/bin/dot')) rows.push(nlnog(paths, routes), birdLg(paths, routes));
  rows.push(hyperglass(paths, routes));
}
process.stdout.write('| routes | drawing | boxes | size at 100 % (px) | smallest text, first view | crossings | lines over boxes | note |\n|---|---|---|---|---|---|---|---|\n');
for (const r of rows) {
  process.stdout.write(`| ${r.routes.toLocaleString('en')} | ${r.tool} | ${r.boxes.toLocaleString('en')} | ${r.size} | ${r.smallestText} | ${r.crossings.toLocaleString('en')} | ${r.overBoxes.toLocaleString('en')} | ${r.note} |\n`);
  process.stderr.write(`${JSON.stringify({ bench: 'panelCompare', ...r })}\n`);
}
