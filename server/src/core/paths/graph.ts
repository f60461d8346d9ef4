import type { LgRoute } from '../lg/types';
import type { AsNames } from './asNames';
import { classifyAsn } from '../net/asn';
import type { GraphEdge, GraphNode, Hop, NodeKind, PathGraph, RouteAnalysis } from './model';
import type { GroupBy } from './groupBy';
import { prefixFilter } from './prefixFilter';
import type { Relationships } from './relationships';

/** Beyond this many ASes a full table is unreadable and slow to lay out: routes are grouped behind their first hops. */
export const MAX_GRAPH_NODES = 300;
/** Routes with errors or a leak hop are drawn in full, up to this many, even in an aggregated graph. */
const MAX_FULL_LEAKS = 30;

export const VANTAGE_ID = 'vantage';

type Analysed = Omit<RouteAnalysis, 'nodeIds'>;

interface GraphInput {
  readonly names?: AsNames;
  readonly relationships?: Relationships;
}

/** Focused on one AS, past this many ASes everything but the AS, its neighbours and the first hop is merged. */
export const MAX_FOCUS_NODES = 60;

export interface GraphOptions {
  readonly group?: GroupBy;
  /**
   * Only the routes through this AS are drawn (the others walk no node). When they are many, each keeps the
   * vantage point, its first hop, the AS's own neighbours on the path and the AS; the ASes between the first
   * hop and the upstream neighbour, and those behind the downstream neighbour, are merged into one box each.
   */
  readonly focus?: number;
  /**
   * Only the routes whose prefix this filter text keeps (prefixFilter.ts: a prefix and its more-specifics, or a
   * substring). When they are many, each keeps the vantage point, its first hop, the origin and the origin's
   * upstream; the ASes between are merged into one box per upstream. With `focus` too, the AS's shape wins.
   */
  readonly prefix?: string;
}

type Shape = Exclude<GroupBy, 'auto' | 'none' | 'prefixes'> | 'neighbours' | 'prefix';

/**
 * One node per AS (never per route), one edge per AS pair; every route is a walk through them. Routes with
 * the same path share one id array, which keeps a full table's model small.
 */
export function buildGraph(
  routes: readonly Analysed[],
  full: readonly (readonly string[])[],
  data: GraphInput,
  options: GraphOptions = {},
): { graph: PathGraph; nodeIds: (readonly string[])[] } {
  const focus = options.focus === undefined ? undefined : `AS${options.focus}`;
  const keepPrefix = prefixFilter(options.prefix ?? '');
  const drawn = focus === undefined && !keepPrefix ? undefined : full.map((p, i) => (focus === undefined || p.includes(focus)) && (!keepPrefix || keepPrefix(routes[i]!.prefix)));
  const paths = new Set(drawn ? full.filter((_, i) => drawn[i]) : full);
  const distinct = new Set<string>();
  for (const path of paths) for (const id of path) distinct.add(id);
  // 'prefixes' groups the table's rows (prefixGroups.ts); the graph is drawn as 'auto'.
  const group = options.group === undefined || options.group === 'prefixes' ? 'auto' : options.group;
  const focused: Shape | undefined = focus !== undefined ? 'neighbours' : keepPrefix ? 'prefix' : undefined;
  let by: Shape | 'none' =
    focused !== undefined ? (distinct.size > MAX_FOCUS_NODES ? focused : 'none') : group === 'auto' ? (distinct.size <= MAX_GRAPH_NODES ? 'none' : 'first-hop') : group;
  // Grouped on its own, a table keeps as many hops from the vantage point as fit (all paths may enter by a dozen neighbours).
  let depth = group === 'auto' && by === 'first-hop' ? deepestCut(paths) : 1;
  const shape = (by: Shape | 'none', depth: number): { shown: (readonly string[])[]; hidden: Map<string, Set<string>> } => {
    const hidden = new Map<string, Set<string>>();
    let leaks = 0;
    // Paths are interned (PathIds): one shaped array per distinct path.
    const shaped = new Map<readonly string[], readonly string[]>();
    const shown = routes.map((r, i): readonly string[] => {
      const path = full[i]!;
      if (drawn && !drawn[i]) return NOT_DRAWN;
      if (by === 'none') return path;
      if ((r.verdict === 'leak' || leakReasons(r).some((l) => l.leak)) && leaks < MAX_FULL_LEAKS) {
        leaks++;
        return path;
      }
      let s = shaped.get(path);
      if (!s) shaped.set(path, (s = SHAPES[by](path, { focus: focus ?? '', depth, hidden })));
      return s;
    });
    return { shown, hidden };
  };
  let { shown, hidden } = shape(by, depth);
  if (by === 'prefix' && boxes(shown) > MAX_GRAPH_NODES) {
    // A block of many origins (a /8) keeps too many boxes even so: grouped behind its first hops, as a large table is.
    by = 'first-hop';
    depth = deepestCut(paths);
    ({ shown, hidden } = shape(by, depth));
  }
  const graph = assemble(routes, shown, data, hidden);
  if (by === 'none') return { graph, nodeIds: shown };
  const kept = new Set(graph.nodes.map((n) => n.id));
  let hiddenNodes = 0;
  for (const id of distinct) if (!kept.has(id)) hiddenNodes++;
  return { graph: { ...graph, aggregated: { by, hiddenNodes, ...(depth > 1 ? { depth } : {}) } }, nodeIds: shown };
}

/** Distinct ids the routes walk (their arrays are shared per path: each is read once). */
function boxes(shown: readonly (readonly string[])[]): number {
  const ids = new Set<string>();
  for (const p of new Set(shown)) for (const id of p) ids.add(id);
  return ids.size;
}

/** Hops after the vantage point a grouped drawing can keep: the deepest cut (up to 4) within MAX_GRAPH_NODES boxes. */
function deepestCut(paths: ReadonlySet<readonly string[]>): number {
  for (let k = 4; k > 1; k--) {
    const ids = new Set<string>();
    for (const p of paths) {
      for (const id of p.slice(0, k + 1)) ids.add(id);
      if (p.length > k + 1) ids.add(`agg:${p[k]!}`);
      if (ids.size > MAX_GRAPH_NODES) break;
    }
    if (ids.size <= MAX_GRAPH_NODES) return k;
  }
  return 1;
}

const NOT_DRAWN: readonly string[] = [];

/** How a route is drawn in a grouped graph: the ids it keeps and the group box that stands for the rest. */
interface ShapeContext {
  readonly focus: string;
  /** Hops kept after the vantage point when grouping by hop (1: the first hop). */
  readonly depth: number;
  readonly hidden: Map<string, Set<string>>;
}

const SHAPES: Readonly<Record<Shape, (path: readonly string[], c: ShapeContext) => readonly string[]>> = {
  // vantage, the first `depth` hops, what the last of them sends
  'first-hop': (p, { depth }) => (p.length <= depth + 1 ? p : [...p.slice(0, depth + 1), `agg:${p[depth]!}`]),
  // the path to the last transit AS, then the origins behind it
  origin: (p) => (p.length <= 2 ? p : [...p.slice(0, -1), `agg:up:${p.at(-2)!}`]),
  neighbours: (p, c) => aroundAs(p, c.focus, c.hidden),
  // a prefix's paths: first hop, the ASes between (one box), the origin's upstream and the origin
  prefix: (p, { hidden }) => aroundAs(p, p.at(-1)!, hidden),
};

/**
 * The path around `focus`: vantage, first hop, one box for the ASes between, the upstream neighbour, the AS, its
 * downstream neighbour, one box for the rest.
 */
function aroundAs(p: readonly string[], focus: string, hidden: Map<string, Set<string>>): readonly string[] {
  const k = p.indexOf(focus);
  if (k < 1) return p; // a local route (the vantage point alone) has nothing to merge
  const out = [p[0]!];
  if (k >= 2) {
    // first hop, the ASes between it and the upstream neighbour (one box), the upstream neighbour
    if (k - 1 > 1) out.push(p[1]!);
    if (k - 1 > 2) {
      const box = `agg:near:${p[k - 1]!}`;
      out.push(box);
      const members = hidden.get(box) ?? new Set<string>();
      for (const id of p.slice(2, k - 1)) members.add(id);
      hidden.set(box, members);
    }
    out.push(p[k - 1]!);
  }
  out.push(focus);
  if (k + 1 < p.length) out.push(p[k + 1]!);
  if (k + 2 < p.length) out.push(`agg:far:${p[k + 1]!}`);
  return out;
}

/** Node ids of a route in printed order, vantage first; sets become one cluster node. Interned per path key. */
export class PathIds {
  private readonly byPath = new Map<string, readonly string[]>();
  private readonly asIds = new Map<number, string>();

  of(r: LgRoute, key: string): readonly string[] {
    let ids = this.byPath.get(key);
    if (ids) return ids;
    const out = [VANTAGE_ID];
    for (const seg of r.asPath) {
      if (seg.type === 'set' || seg.type === 'confed-set') {
        out.push(`set:${[...seg.asns].sort((a, b) => a - b).join(',')}`);
        continue;
      }
      for (const a of seg.asns) {
        const id = this.asId(a);
        if (out.at(-1) !== id) out.push(id);
      }
    }
    this.byPath.set(key, (ids = out));
    return ids;
  }

  private asId(a: number): string {
    let id = this.asIds.get(a);
    if (id === undefined) this.asIds.set(a, (id = `AS${a}`));
    return id;
  }
}

/** `between`: group boxes that stand for ASes between two drawn ones (focus), labelled with how many. */
function assemble(routes: readonly Analysed[], paths: readonly (readonly string[])[], data: GraphInput, between: ReadonlyMap<string, ReadonlySet<string>> = new Map()): PathGraph {
  const nodes = new Map<string, { kind: NodeKind; prepend: number; origin: boolean; leaker: boolean; routes: number[] }>();
  const edges = new Map<string, { from: string; to: string; leak: boolean; reasons: Set<string>; routes: number[]; colors: Set<number> }>();
  const aggCounts = new Map<string, { routes: number; origins: Set<number> }>();
  paths.forEach((ids, i) => {
    const r = routes[i]!;
    const leakHops = leakReasons(r);
    ids.forEach((id, k) => {
      let n = nodes.get(id);
      if (!n) nodes.set(id, (n = { kind: kindOf(id), prepend: 1, origin: false, leaker: false, routes: [] }));
      n.routes.push(i);
      const a = asnOf(id);
      const p = a === undefined ? undefined : r.prepends.find((x) => x.asn === a);
      if (p) n.prepend = Math.max(n.prepend, p.count);
      if (k === ids.length - 1 && n.kind !== 'aggregate' && k > 0) n.origin = true;
      if (n.kind === 'aggregate') {
        const c = aggCounts.get(id) ?? { routes: 0, origins: new Set<number>() };
        c.routes++;
        if (r.origin !== undefined) c.origins.add(r.origin);
        aggCounts.set(id, c);
      }
      if (k === 0) return;
      const from = id;
      const to = ids[k - 1]!;
      const key = `${from}>${to}`;
      let e = edges.get(key);
      if (!e) edges.set(key, (e = { from, to, leak: false, reasons: new Set(), routes: [], colors: new Set() }));
      e.routes.push(i);
      e.colors.add(r.color);
      for (const l of leakHops) {
        if (`AS${l.hop.from}` !== from || `AS${l.hop.to}` !== to) continue;
        e.reasons.add(l.reason);
        if (l.leak) {
          e.leak = true;
          n.leaker = true; // n is `from`: the AS that sent on the leak hop
        }
      }
    });
  });
  const graphNodes: GraphNode[] = [...nodes].map(([id, n]) => {
    const asn = asnOf(id);
    const name = asn === undefined ? undefined : data.names?.get(asn);
    const members = id.startsWith('set:') ? id.slice(4).split(',').map(Number) : undefined;
    const agg = aggCounts.get(id);
    const label =
      n.kind === 'vantage'
        ? 'vantage point'
        : n.kind === 'aggregate'
          ? between.has(id)
            ? `${count(between.get(id)!.size, 'AS', 'ASes')} between`
            : `${count(agg?.routes ?? 0, 'route')}, ${count(agg?.origins.size ?? 0, 'origin')}`
          : n.kind === 'as-set'
            ? `{${members!.join(', ')}}`
            : id;
    const special = asn === undefined ? undefined : classifyAsn(asn)?.kind;
    const chars = Math.max(label.length, Math.min(name?.length ?? 0, 28));
    return {
      id,
      kind: n.kind,
      label,
      ...(asn !== undefined ? { asn } : {}),
      ...(name ? { name: name.length > 28 ? `${name.slice(0, 27)}…` : name } : {}),
      ...(members ? { members } : {}),
      prepend: n.prepend,
      origin: n.origin,
      leaker: n.leaker,
      ...(special ? { special } : {}),
      routes: n.routes,
      x: 0,
      y: 0,
      width: Math.round(chars * 7.4 + 24 + (n.prepend > 1 ? 30 : 0)),
      height: name ? 44 : 30,
    };
  });
  const graphEdges: GraphEdge[] = [...edges].map(([id, e]) => {
    const fa = asnOf(e.from);
    const ta = asnOf(e.to);
    const rel = fa !== undefined && ta !== undefined ? data.relationships?.get(fa, ta) : undefined;
    return {
      id,
      from: e.from,
      to: e.to,
      ...(rel ? { rel } : {}),
      verdict: e.leak ? 'leak' : rel ? 'ok' : 'unknown',
      reasons: [...e.reasons],
      routes: e.routes,
      colors: [...e.colors].sort((a, b) => a - b),
      points: [],
    };
  });
  return { nodes: graphNodes, edges: graphEdges, width: 0, height: 0 };
}

/** Every hop a check flagged on this route, with a reason; `leak` for those that make the edge red. */
function leakReasons(r: Analysed): { hop: Hop; reason: string; leak: boolean }[] {
  const out: { hop: Hop; reason: string; leak: boolean }[] = [];
  const aspa = r.aspa;
  if (aspa?.downstream.verdict === 'invalid' && aspa.downstream.leakHop) out.push({ hop: aspa.downstream.leakHop, reason: `ASPA Invalid: ${aspa.downstream.reason}`, leak: true });
  if (aspa?.upstream.verdict === 'invalid' && aspa.upstream.leakHop && aspa.downstream.verdict !== 'invalid')
    out.push({ hop: aspa.upstream.leakHop, reason: `ASPA upstream Invalid (if learnt from a customer or peer): ${aspa.upstream.reason}`, leak: false });
  if (r.otc?.verdict === 'leak' && r.otc.leakHop) out.push({ hop: r.otc.leakHop, reason: `OTC leak: ${r.otc.reason}`, leak: true });
  if (r.valley?.verdict === 'valley' && r.valley.leakHop) out.push({ hop: r.valley.leakHop, reason: `Not valley-free: ${r.valley.reason}`, leak: true });
  return out;
}

function kindOf(id: string): NodeKind {
  if (id === VANTAGE_ID) return 'vantage';
  if (id.startsWith('set:')) return 'as-set';
  if (id.startsWith('agg:')) return 'aggregate';
  return 'as';
}

function asnOf(id: string): number | undefined {
  return id.startsWith('AS') ? Number(id.slice(2)) : undefined;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
