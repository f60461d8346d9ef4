import type { LgRoute } from '../lg/types';
import type { AsNames } from './asNames';
import { classifyAsn } from '../net/asn';
import type { GraphEdge, GraphNode, Hop, NodeKind, PathGraph, RouteAnalysis } from './model';
import type { Relationships } from './relationships';

/** Beyond this many ASes a full table is unreadable and slow to lay out: routes are grouped by first hop. */
export const MAX_GRAPH_NODES = 300;
/** Routes with errors or a leak hop are drawn in full, up to this many, even in an aggregated graph. */
const MAX_FULL_LEAKS = 30;

export const VANTAGE_ID = 'vantage';

type Analysed = Omit<RouteAnalysis, 'nodeIds'>;

interface GraphInput {
  readonly names?: AsNames;
  readonly relationships?: Relationships;
}

/**
 * One node per AS (never per route), one edge per AS pair; every route is a walk through them. Routes with
 * the same path share one id array, which keeps a full table's model small.
 */
export function buildGraph(routes: readonly Analysed[], full: readonly (readonly string[])[], data: GraphInput): { graph: PathGraph; nodeIds: (readonly string[])[] } {
  const distinct = new Set<string>();
  for (const path of new Set(full)) for (const id of path) distinct.add(id);
  if (distinct.size <= MAX_GRAPH_NODES) return { graph: assemble(routes, full, data), nodeIds: [...full] };
  let leaks = 0;
  const grouped = new Map<string, readonly string[]>();
  const shown = routes.map((r, i) => {
    const path = full[i]!;
    if ((r.verdict === 'leak' || leakReasons(r).some((l) => l.leak)) && leaks < MAX_FULL_LEAKS) {
      leaks++;
      return path;
    }
    const first = path[1];
    if (first === undefined) return path;
    let g = grouped.get(first);
    if (!g) grouped.set(first, (g = [VANTAGE_ID, first, `agg:${first}`]));
    return g;
  });
  const graph = assemble(routes, shown, data);
  return { graph: { ...graph, aggregated: { by: 'first-hop', hiddenNodes: distinct.size - graph.nodes.length } }, nodeIds: shown };
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

function assemble(routes: readonly Analysed[], paths: readonly (readonly string[])[], data: GraphInput): PathGraph {
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
      n.kind === 'vantage' ? 'vantage point' : n.kind === 'aggregate' ? `${count(agg?.routes ?? 0, 'route')}, ${count(agg?.origins.size ?? 0, 'origin')}` : n.kind === 'as-set' ? `{${members!.join(', ')}}` : id;
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

function count(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}
