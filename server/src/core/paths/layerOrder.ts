/**
 * Crossing reduction for dagre's `customOrder` hook: the layer-by-layer barycentre sweeps of Sugiyama's method,
 * on plain arrays. dagre's own heuristic does the same sweeps through graphlib graphs built anew for every layer
 * and every pass, and spent two thirds of the layout's time on the 100-route table; here the layers and
 * adjacency are read once, and a pass is a sort per layer and a crossing count per layer pair.
 */

/** The part of dagre's internal graph the ordering reads and writes (its nodes carry `rank` and `order`). */
export interface LayeredGraph {
  nodes(): string[];
  node(id: string): { rank?: number; order?: number };
  edges(): { v: string; w: string }[];
  edge(e: { v: string; w: string }): { weight?: number } | undefined;
}

/** Passes without a better count before the search stops (dagre stops after 4), and a bound on all passes. */
const PATIENCE = 4;
const MAX_PASSES = 24;

interface Layers {
  /** Node indices per rank, in the current order. */
  readonly layers: number[][];
  /** Per node: neighbours one rank up and one rank down, with edge weights. */
  readonly up: { n: number; w: number }[][];
  readonly down: { n: number; w: number }[][];
}

/**
 * Reorders the nodes within each rank to cut weighted edge crossings, starting from the order already on the
 * nodes (dagre's depth-first initial order), and writes the best order found back to `order`.
 */
export function reduceCrossings(g: LayeredGraph): void {
  const ids = g.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const { layers, up, down } = readLayers(g, ids, index);
  const pos = new Int32Array(ids.length);
  const place = (): void => {
    for (const layer of layers) layer.forEach((n, i) => (pos[n] = i));
  };
  place();
  let best = layers.map((l) => l.slice());
  let bestCount = countAll(layers, down, pos);
  for (let pass = 0, stale = 0; stale < PATIENCE && pass < MAX_PASSES; pass++, stale++) {
    // alternate direction each pass; every other pair of passes breaks ties the other way (as dagre's biasRight)
    const downward = pass % 2 === 0;
    const bias = pass % 4 >= 2;
    const order = downward ? layers.keys() : [...layers.keys()].reverse();
    for (const r of order) {
      const fixed = downward ? up : down;
      if (downward ? r === 0 : r === layers.length - 1) continue;
      sortByBarycentre(layers[r]!, fixed, pos, bias);
      layers[r]!.forEach((n, i) => (pos[n] = i));
    }
    const count = countAll(layers, down, pos);
    if (count < bestCount) {
      bestCount = count;
      best = layers.map((l) => l.slice());
      stale = -1;
    }
  }
  for (const layer of best) layer.forEach((n, i) => (g.node(ids[n]!).order = i));
}

function readLayers(g: LayeredGraph, ids: readonly string[], index: ReadonlyMap<string, number>): Layers {
  const layers: number[][] = [];
  ids.forEach((id, i) => {
    const rank = g.node(id).rank ?? 0;
    (layers[rank] ??= []).push(i);
  });
  for (let r = 0; r < layers.length; r++) layers[r] ??= [];
  for (const layer of layers) layer.sort((a, b) => (g.node(ids[a]!).order ?? 0) - (g.node(ids[b]!).order ?? 0));
  const up = ids.map((): { n: number; w: number }[] => []);
  const down = ids.map((): { n: number; w: number }[] => []);
  for (const e of g.edges()) {
    const a = index.get(e.v)!;
    const b = index.get(e.w)!;
    const ra = g.node(e.v).rank ?? 0;
    const rb = g.node(e.w).rank ?? 0;
    // dagre has split every longer edge into one-rank steps by now; anything else does not take part
    if (Math.abs(ra - rb) !== 1) continue;
    const w = g.edge(e)?.weight ?? 1;
    const [hi, lo] = ra < rb ? [a, b] : [b, a];
    down[hi]!.push({ n: lo, w });
    up[lo]!.push({ n: hi, w });
  }
  return { layers, up, down };
}

/** Stable sort by the weighted mean position of the neighbours in the fixed layer; a node with none keeps its place. */
function sortByBarycentre(layer: number[], fixed: readonly { n: number; w: number }[][], pos: Int32Array, bias: boolean): void {
  const key = new Map<number, number>();
  for (const n of layer) {
    let sum = 0;
    let weight = 0;
    for (const { n: m, w } of fixed[n]!) {
      sum += pos[m]! * w;
      weight += w;
    }
    key.set(n, weight > 0 ? sum / weight : pos[n]!);
  }
  layer.sort((a, b) => key.get(a)! - key.get(b)! || (bias ? pos[b]! - pos[a]! : pos[a]! - pos[b]!));
}

function countAll(layers: readonly number[][], down: readonly { n: number; w: number }[][], pos: Int32Array): number {
  let total = 0;
  for (let r = 0; r + 1 < layers.length; r++) total += countPair(layers[r]!, down, pos, layers[r + 1]!.length);
  return total;
}

/**
 * Weighted crossings between two adjacent layers: edges in the order of their upper ends (then lower), and the
 * crossings are the inversions of their lower ends, summed in an accumulator tree (Barth, Jünger and Mutzel 2002).
 */
function countPair(upper: readonly number[], down: readonly { n: number; w: number }[][], pos: Int32Array, lowerSize: number): number {
  let first = 1;
  while (first < lowerSize) first *= 2;
  const tree = new Float64Array(2 * first - 1);
  let total = 0;
  for (const u of upper) {
    const ends = down[u]!.map((e) => ({ p: pos[e.n]!, w: e.w })).sort((a, b) => a.p - b.p);
    for (const { p, w } of ends) {
      let i = p + first - 1;
      tree[i]! += w;
      let over = 0;
      while (i > 0) {
        if (i % 2 === 1) over += tree[i + 1]!; // a left child: what is already to its right crosses
        i = (i - 1) >> 1;
        tree[i]! += w;
      }
      total += w * over;
    }
  }
  return total;
}
