import dagre, { type EdgeLabel, type Graph, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';

/**
 * dagre's graph with dagre's own label types. `new dagre.graphlib.Graph()` defaults its label types to `any`, so
 * every position read back after a layout (x, y, points, width) was `any` and the no-unsafe-* lint rules had to be
 * off for the whole tree.
 */
export type DagreGraph = Graph<GraphLabel, NodeLabel, EdgeLabel>;

export function newDagreGraph(options?: { readonly multigraph?: boolean }): DagreGraph {
  return new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>(options);
}

/** Where dagre.layout put node `id`: it sets x and y on every node it lays out; the label type leaves them optional. */
export function placeOf(g: DagreGraph, id: string): { readonly x: number; readonly y: number } {
  const n = g.node(id);
  return { x: n.x ?? 0, y: n.y ?? 0 };
}
