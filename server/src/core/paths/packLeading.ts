import type { GraphEdge, GraphNode, LayoutDirection } from './model';

interface Pt {
  x: number;
  y: number;
}

/** Space between two boxes of the packed layer; dagre's nodesep is 18, but here every pixel decides what the first view shows. */
export const PACKED_GAP = 8;
/** Room for a line that passes the packed layer between its boxes (an edge from further out to the vantage point). */
const PASS_SLOT = 6;
/** The gap after the packed layer grows by the largest move over this, up to MAX_EXTRA px: the fan reads as a fan, not a wall. */
const FAN_SLOPE = 6;
const MAX_EXTRA = 480;
/** Packed only when that saves something: the block must come out under this share of the layer's extent. */
const WORTH = 2 / 3;

/**
 * Packs the vantage point's first hops (the layer next to it) into one block around it, in dagre's order. dagre
 * places each first hop by the median of what lies behind it, so in a large table the twelve first hops sit
 * thousands of pixels apart and no first view at 100 % shows more than one; packed, they fit a pane. The order is
 * kept, so no crossing is added; the gap behind the layer widens with the fan, and lines from further out that
 * cross the layer get a slot of their own between the boxes.
 *
 * Moves `nodes` in place and returns the dagre points with the passing lines moved and the layers behind shifted,
 * and how much longer the graph got along the layers.
 */
export function packLeading(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  dagrePoints: (e: GraphEdge) => readonly Pt[],
  direction: LayoutDirection,
  bounds: { lo: number; hi: number },
): { points: (e: GraphEdge) => readonly Pt[]; extra: number } {
  const same = { points: dagrePoints, extra: 0 };
  const rl = direction === 'RL';
  const along = (p: Pt): number => (rl ? p.x : p.y);
  const across = (p: Pt): number => (rl ? p.y : p.x);
  const size = (n: GraphNode): number => (rl ? n.height : n.width);
  const vantage = nodes.find((n) => n.kind === 'vantage');
  if (!vantage) return same;
  // The vantage point is the sink of every path: the first layer along the axis (RL: left; BT: top).
  const at = Math.min(...nodes.filter((n) => along(n) > along(vantage)).map(along));
  if (!Number.isFinite(at)) return same;
  const byId = new Map(nodes.map((n) => [n.id, n]));

  type Item = { old: number; size: number; node?: GraphNode; edge?: GraphEdge };
  const items: Item[] = nodes.filter((n) => along(n) === at).map((n) => ({ old: across(n), size: size(n), node: n }));
  for (const e of edges) {
    const s = byId.get(e.from);
    const t = byId.get(e.to);
    // Any edge that crosses the layer, either way (one whose AS dagre ranked beside the vantage point too).
    if (!s || !t || (along(s) - at) * (along(t) - at) >= 0) continue;
    const near = dagrePoints(e).find((p) => Math.abs(along(p) - at) <= 1);
    const f = (at - along(s)) / (along(t) - along(s));
    items.push({ old: near ? across(near) : across(s) + f * (across(t) - across(s)), size: 0, edge: e });
  }
  items.sort((a, b) => a.old - b.old);
  const gapOf = (a: Item, b: Item): number => (a.node && b.node ? PACKED_GAP : PASS_SLOT);
  let total = items.reduce((sum, it) => sum + it.size, 0);
  for (let i = 1; i < items.length; i++) total += gapOf(items[i - 1]!, items[i]!);
  const lo = Math.min(...items.map((it) => it.old - it.size / 2));
  const hi = Math.max(...items.map((it) => it.old + it.size / 2));
  if (items.length < 2 || total >= (hi - lo) * WORTH) return same;

  // Centred on the vantage point, kept inside the drawing.
  const start = Math.max(bounds.lo, Math.min(across(vantage) - total / 2, bounds.hi - total));
  let cursor = start;
  const moved = new Map<GraphEdge, number>();
  let farthest = 0;
  items.forEach((it, i) => {
    if (i > 0) cursor += gapOf(items[i - 1]!, it);
    const c = Math.round(cursor + it.size / 2);
    farthest = Math.max(farthest, Math.abs(c - it.old));
    if (it.node) setAcross(it.node, c, rl);
    else moved.set(it.edge!, c);
    cursor += it.size;
  });
  setAcross(vantage, vantageSpot(vantage, Math.round(start + total / 2), nodes, edges, dagrePoints, along, across, size), rl);

  const extra = Math.round(Math.min(MAX_EXTRA, farthest / FAN_SLOPE));
  for (const n of nodes) if (along(n) > at) setAlong(n, along(n) + extra, rl);
  const points = (e: GraphEdge): readonly Pt[] =>
    dagrePoints(e).map((p) => {
      if (Math.abs(along(p) - at) <= 1) {
        const c = moved.get(e);
        return c === undefined ? p : rl ? { x: p.x, y: c } : { x: c, y: p.y };
      }
      return along(p) > at ? (rl ? { x: p.x + extra, y: p.y } : { x: p.x, y: p.y + extra }) : p;
    });
  return { points, extra };
}

/**
 * Where the vantage point goes: facing the packed block, unless that would put it on another box of its own layer
 * or on a line that passes the layer (an edge to an AS that dagre ranked on the far side of the vantage point, where a
 * loop left it); then the free place nearest to that. dagre's own place is free, so there always is one.
 */
function vantageSpot(
  vantage: GraphNode,
  wanted: number,
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  dagrePoints: (e: GraphEdge) => readonly Pt[],
  along: (p: Pt) => number,
  across: (p: Pt) => number,
  size: (n: GraphNode) => number,
): number {
  const at = along(vantage);
  const taken: { lo: number; hi: number }[] = [];
  for (const n of nodes) {
    if (n !== vantage && along(n) === at) taken.push({ lo: across(n) - size(n) / 2 - PACKED_GAP, hi: across(n) + size(n) / 2 + PACKED_GAP });
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of edges) {
    const s = byId.get(e.from);
    const t = byId.get(e.to);
    if (!s || !t || (along(s) - at) * (along(t) - at) >= 0) continue;
    const near = dagrePoints(e).find((p) => Math.abs(along(p) - at) <= 1);
    const c = near ? across(near) : across(s) + ((at - along(s)) / (along(t) - along(s))) * (across(t) - across(s));
    taken.push({ lo: c - PASS_SLOT, hi: c + PASS_SLOT });
  }
  const half = size(vantage) / 2;
  const free = (c: number): boolean => taken.every((r) => c + half <= r.lo || c - half >= r.hi);
  const candidates = [wanted, ...taken.flatMap((r) => [Math.floor(r.lo - half), Math.ceil(r.hi + half)])].filter(free);
  if (candidates.length === 0) return across(vantage);
  return candidates.reduce((best, c) => (Math.abs(c - wanted) < Math.abs(best - wanted) ? c : best));
}

function setAcross(n: GraphNode, v: number, rl: boolean): void {
  if (rl) n.y = v;
  else n.x = v;
}

function setAlong(n: GraphNode, v: number, rl: boolean): void {
  if (rl) n.x = v;
  else n.y = v;
}
