import { layoutGraph, type LayoutDirection } from './layout';
import type { GraphEdge, GraphNode, PathGraph } from './model';

/**
 * The graph of some routes only (a filter on an AS, a prefix or a verdict): the nodes and edges they use,
 * each with only those routes, laid out again so the focus reads as a small graph of its own rather than a
 * few lit lines in a dimmed hairball. The full graph is not changed.
 */
export function focusGraph(graph: PathGraph, keep: ReadonlySet<number>, direction: LayoutDirection = graph.direction ?? 'RL'): PathGraph {
  const only = (routes: readonly number[]): number[] => routes.filter((r) => keep.has(r));
  const nodes: GraphNode[] = [];
  for (const n of graph.nodes) {
    const routes = only(n.routes);
    if (routes.length > 0) nodes.push({ ...n, routes, x: 0, y: 0 });
  }
  const edges: GraphEdge[] = [];
  for (const e of graph.edges) {
    const routes = only(e.routes);
    if (routes.length > 0) edges.push({ ...e, routes, points: [] });
  }
  const focused: PathGraph = { nodes, edges, width: 0, height: 0, ...(graph.aggregated ? { aggregated: graph.aggregated } : {}) };
  layoutGraph(focused, direction);
  return focused;
}
