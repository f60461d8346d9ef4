import type { PathGraph } from './model';

/**
 * Measures of a drawn graph, for the benches that compare layouts (bench/panelCompare.ts) and the tests that keep
 * ours readable: how many times edges cross, and how many edge segments run through a box they do not end at.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Proper crossings between polylines: segments that cut each other, not counting shared end points. */
export function crossings(lines: readonly (readonly Point[])[]): number {
  const segs: { a: Point; b: Point; line: number; box: Box }[] = [];
  lines.forEach((pts, line) => {
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      segs.push({ a, b, line, box: { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) } });
    }
  });
  // Sorted by left edge, each segment is tested only against those whose x ranges overlap it.
  segs.sort((p, q) => p.box.x0 - q.box.x0);
  let n = 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    for (let j = i + 1; j < segs.length && segs[j]!.box.x0 <= s.box.x1; j++) {
      const t = segs[j]!;
      if (t.line === s.line || t.box.y0 > s.box.y1 || t.box.y1 < s.box.y0) continue;
      if (properlyCross(s.a, s.b, t.a, t.b)) n++;
    }
  }
  return n;
}

function orient(p: Point, q: Point, r: Point): number {
  return Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
}

function properlyCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Edge segments that pass through a node box other than the edge's own two ends (a line drawn under a label). */
export function edgesThroughNodes(graph: PathGraph): number {
  const boxes = graph.nodes.map((n) => ({ id: n.id, x0: n.x - n.width / 2, y0: n.y - n.height / 2, x1: n.x + n.width / 2, y1: n.y + n.height / 2 }));
  let n = 0;
  for (const e of graph.edges) {
    for (const b of boxes) {
      if (b.id === e.from || b.id === e.to) continue;
      for (let i = 1; i < e.points.length; i++) {
        if (segmentHitsBox(e.points[i - 1]!, e.points[i]!, b)) {
          n++;
          break;
        }
      }
    }
  }
  return n;
}

/** Liang–Barsky clipping: does the segment enter the box (shrunk by a pixel, so touching an edge is no hit)? */
function segmentHitsBox(a: Point, b: Point, box: Box): boolean {
  const x0 = box.x0 + 1;
  const y0 = box.y0 + 1;
  const x1 = box.x1 - 1;
  const y1 = box.y1 - 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, a.x - x0],
    [dx, x1 - a.x],
    [-dy, a.y - y0],
    [dy, y1 - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}
