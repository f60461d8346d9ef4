import dagre from '@dagrejs/dagre';
import { routeEdges } from './edgeRouting';
import { reduceCrossings } from './layerOrder';
import type { LayoutDirection, PathGraph } from './model';

const MARGIN = 16;

export type { LayoutDirection } from './model';

/**
 * Layered layout, done in the core so the panel, the SVG export and the CLI draw the same picture. Edges point
 * the way routes travelled (origin → vantage), hence rankdir RL (or BT: a narrow panel beside an editor lays
 * the same graph out again top-down, since a path of eight ASes does not fit 600 px across).
 */
export function layoutGraph(graph: PathGraph, direction: LayoutDirection = 'RL'): void {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  // tight-tree ranking (network-simplex costs more and ranks path graphs, nearly trees rooted at the vantage
  // point, the same). Crossings are cut by layerOrder.ts, not dagre's own heuristic: on the synthetic 100-route
  // table dagre's gave 1,077 crossings (2,512 without) for ~100 ms more CPU; layerOrder's sweeps give 735 for ~8 ms.
  g.setGraph({ rankdir: direction, nodesep: 18, ranksep: 56, marginx: MARGIN, marginy: MARGIN, ranker: 'tight-tree' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of graph.edges) if (e.from !== e.to) g.setEdge(e.from, e.to, { weight: e.routes.length });
  dagre.layout(g, {
    customOrder: (inner, order) => {
      order(inner, { disableOptimalOrderHeuristic: true });
      reduceCrossings(inner);
    },
  });
  for (const n of graph.nodes) {
    const p = g.node(n.id);
    n.x = Math.round(p.x);
    n.y = Math.round(p.y);
  }
  for (const e of graph.edges) e.points = [];
  routeEdges(graph.nodes, graph.edges, (e) => g.edge(e.from, e.to)?.points ?? [], direction);
  const info = g.graph();
  // dagre gives -Infinity for a graph with no nodes (a paste with no routes), which JSON turns into null.
  graph.width = finiteSize(info.width);
  graph.height = finiteSize(info.height);
  graph.direction = direction;
}

function finiteSize(v: number | undefined): number {
  return v !== undefined && Number.isFinite(v) && v > 0 ? Math.ceil(v) : 0;
}
