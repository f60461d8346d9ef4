import dagre from '@dagrejs/dagre';
import { newDagreGraph, placeOf } from './dagreGraph';
import { routeEdges } from './edgeRouting';
import { reduceCrossings } from './layerOrder';
import { packLeading } from './packLeading';
import type { GraphEdge, LayoutDirection, PathGraph } from './model';

const MARGIN = 16;

export type { LayoutDirection } from './model';

/**
 * Layered layout, done in the core so the panel, the SVG export and the CLI draw the same picture. Edges point
 * the way routes travelled (origin → vantage), hence rankdir RL (or BT: a narrow panel beside an editor lays
 * the same graph out again top-down, since a path of eight ASes does not fit 600 px across).
 */
export function layoutGraph(graph: PathGraph, direction: LayoutDirection = 'RL'): void {
  const g = newDagreGraph({ multigraph: false });
  // tight-tree ranking (network-simplex costs more and ranks path graphs, nearly trees rooted at the vantage
  // point, the same). Crossings are cut by layerOrder.ts, not dagre's own heuristic: on the synthetic 100-route
  // table dagre's gave 1,077 crossings (2,512 without) for ~100 ms more CPU; layerOrder's sweeps give 735 for ~8 ms.
  g.setGraph({ rankdir: direction, nodesep: 18, ranksep: 56, marginx: MARGIN, marginy: MARGIN, ranker: 'tight-tree' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  // Every first hop sits in the layer next to the vantage point. dagre's longest-path ranking put a Tier-1 that is
  // also some route's second hop one layer further out, and the 12 first hops of the synthetic tables across a
  // dozen layers and 4,500 px: no first view could show them. An edge from a first hop to an AS further out
  // (a route that went A → D → … → vantage, A being another route's first hop) is given to dagre the other way
  // round, which keeps A next to the vantage point; an edge between two first hops (a Tier-1 mesh) is left out of
  // dagre and drawn as an arc in the gap between the vantage point and its first hops (edgeRouting.ts). Further
  // out dagre ranks as before.
  const hops = hopsFromVantage(graph);
  const near = (id: string): number => Math.min(hops.get(id) ?? 2, 2);
  for (const e of graph.edges) {
    if (e.from === e.to) continue;
    const [a, b] = near(e.from) >= near(e.to) ? [e.from, e.to] : [e.to, e.from];
    if (near(a) === near(b) && near(a) < 2) continue;
    const w = (g.edge(a, b) as { weight?: number } | undefined)?.weight ?? 0;
    g.setEdge(a, b, { weight: w + e.routes.length });
  }
  dagre.layout(g, {
    customOrder: (inner, order) => {
      order(inner, { disableOptimalOrderHeuristic: true });
      reduceCrossings(inner);
    },
  });
  for (const n of graph.nodes) {
    const p = placeOf(g, n.id);
    n.x = Math.round(p.x);
    n.y = Math.round(p.y);
  }
  for (const e of graph.edges) e.points = [];
  const info = g.graph();
  // dagre gives -Infinity for a graph with no nodes (a paste with no routes), which JSON turns into null.
  const width = finiteSize(info.width);
  const height = finiteSize(info.height);
  const across = direction === 'RL' ? height : width;
  const dagrePoints = (e: GraphEdge): readonly { x: number; y: number }[] => g.edge(e.from, e.to)?.points ?? g.edge(e.to, e.from)?.points ?? [];
  const packed = packLeading(graph.nodes, graph.edges, dagrePoints, direction, { lo: MARGIN, hi: across - MARGIN });
  routeEdges(graph.nodes, graph.edges, packed.points, direction);
  graph.width = width + (direction === 'RL' ? packed.extra : 0);
  graph.height = height + (direction === 'BT' ? packed.extra : 0);
  graph.direction = direction;
}

/** Fewest hops from the vantage point to each node, over the graph's edges (which point towards the vantage point). */
function hopsFromVantage(graph: PathGraph): Map<string, number> {
  const behind = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = behind.get(e.to);
    if (list) list.push(e.from);
    else behind.set(e.to, [e.from]);
  }
  const hops = new Map<string, number>();
  const queue = graph.nodes.filter((n) => n.kind === 'vantage').map((n) => n.id);
  for (const id of queue) hops.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const next of behind.get(id) ?? []) {
      if (hops.has(next)) continue;
      hops.set(next, hops.get(id)! + 1);
      queue.push(next);
    }
  }
  return hops;
}

function finiteSize(v: number | undefined): number {
  return v !== undefined && Number.isFinite(v) && v > 0 ? Math.ceil(v) : 0;
}
