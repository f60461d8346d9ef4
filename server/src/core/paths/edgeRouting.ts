import type { GraphEdge, GraphNode, LayoutDirection } from './model';

interface Pt {
  x: number;
  y: number;
}

/** A layer of the layout: every node of a rank has its centre on `at` (along the rank axis) and spans lo..hi. */
interface Column {
  readonly at: number;
  readonly lo: number;
  readonly hi: number;
}

/** Arcs between two boxes of one layer: the first this far from the layer, the next ARC_STEP further, in ARC_LANES lanes (within dagre's 56 px gap). */
const ARC_FIRST = 8;
const ARC_STEP = 5;
const ARC_LANES = 8;

/** Points per S-curve across a channel: enough for a smooth line at 100 % and a small model. */
const CURVE_STEPS = 8;

/**
 * Edge routes between the layers of a layered layout. dagre's own points end with a straight line from the last
 * bend to the target's border, steep enough to cut through the target's neighbours in its layer (600 segments
 * over boxes in a 100-route table). Here every edge leaves its source horizontally (along the rank axis) inside
 * its own row, crosses each gap between two layers as an S-curve whose control points stay inside the gap, goes
 * through each layer it spans along dagre's dummy position there (which dagre keeps clear of that layer's
 * boxes), and enters the target horizontally. A gap holds no box, a row holds one box per layer, so no line runs
 * through a box it does not end at; bundles fan out in the gap instead of converging on a point.
 */
export function routeEdges(nodes: readonly GraphNode[], edges: readonly GraphEdge[], dagrePoints: (e: GraphEdge) => readonly Pt[], direction: LayoutDirection): void {
  const rl = direction === 'RL';
  const along = (p: Pt): number => (rl ? p.x : p.y);
  const across = (p: Pt): number => (rl ? p.y : p.x);
  const pt = (a: number, c: number): Pt => (rl ? { x: Math.round(a), y: Math.round(c) } : { x: Math.round(c), y: Math.round(a) });
  const half = (n: GraphNode): number => (rl ? n.width : n.height) / 2;

  const byAt = new Map<number, { lo: number; hi: number }>();
  for (const n of nodes) {
    const c = byAt.get(along(n));
    const lo = along(n) - half(n);
    const hi = along(n) + half(n);
    if (!c) byAt.set(along(n), { lo, hi });
    else {
      c.lo = Math.min(c.lo, lo);
      c.hi = Math.max(c.hi, hi);
    }
  }
  const columns: Column[] = [...byAt].map(([at, c]) => ({ at, ...c })).sort((a, b) => a.at - b.at);
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const arcs = new Map<number, number>();
  for (const e of edges) {
    const s = byId.get(e.from);
    const t = byId.get(e.to);
    if (!s || !t || s === t) continue;
    if (along(s) === along(t)) {
      // Two ASes of one layer (layout.ts): out of the vantage side of each box, along the gap between the layer and
      // the one nearer the vantage point (which holds no box, and fewer lines than the fan behind), and back in.
      // Each arc of a layer runs a little further from it, so two never share a line.
      const column = byAt.get(along(s))!;
      const k = arcs.get(along(s)) ?? 0;
      arcs.set(along(s), k + 1);
      const out = column.lo - ARC_FIRST - ARC_STEP * (k % ARC_LANES);
      e.points = [pt(along(s) - half(s), across(s)), pt(out, across(s)), pt(out, across(t)), pt(along(t) - half(t), across(t))];
      continue;
    }
    const dir = Math.sign(along(t) - along(s));
    const raw = dagrePoints(e);
    // The layers the edge passes, source's first, and where it crosses each: dagre's dummy there, else interpolated.
    const passed = columns.filter((c) => (c.at - along(s)) * dir >= 0 && (along(t) - c.at) * dir >= 0).sort((a, b) => (a.at - b.at) * dir);
    const cross = passed.map((c, i) => {
      if (i === 0) return across(s);
      if (i === passed.length - 1) return across(t);
      const near = raw.find((p) => Math.abs(along(p) - c.at) <= 1);
      if (near) return across(near);
      const f = (c.at - along(s)) / (along(t) - along(s));
      return across(s) + f * (across(t) - across(s));
    });
    const out: Pt[] = [pt(along(s) + dir * half(s), across(s))];
    const push = (p: Pt): void => {
      const last = out.at(-1)!;
      if (last.x !== p.x || last.y !== p.y) out.push(p);
    };
    for (let i = 0; i + 1 < passed.length; i++) {
      const from = passed[i]!;
      const to = passed[i + 1]!;
      const exit = dir > 0 ? from.hi : from.lo;
      const entry = dir > 0 ? to.lo : to.hi;
      push(pt(exit, cross[i]!));
      const mid = (exit + entry) / 2;
      for (let k = 1; k <= CURVE_STEPS; k++) {
        const u = k / CURVE_STEPS;
        // Cubic Bézier with horizontal tangents: (exit, c0) (mid, c0) (mid, c1) (entry, c1).
        const a = (1 - u) ** 3 * exit + 3 * (1 - u) ** 2 * u * mid + 3 * (1 - u) * u ** 2 * mid + u ** 3 * entry;
        const b = cross[i]! + (3 * (1 - u) * u ** 2 + u ** 3) * (cross[i + 1]! - cross[i]!);
        push(pt(a, b));
      }
    }
    push(pt(along(t) - dir * half(t), across(t)));
    e.points = out;
  }
}
