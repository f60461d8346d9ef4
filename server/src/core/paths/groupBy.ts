/**
 * How a large table is drawn: `auto` groups by first hop past MAX_GRAPH_NODES ASes (graph.ts); `none` draws
 * every AS; `first-hop` keeps each neighbour and merges what lies behind it ("what each neighbour sends");
 * `origin` keeps the transit path and merges the origins behind each last transit AS ("who reaches the edge
 * through whom"); `prefixes` draws the graph as `auto` and lists one table entry per AS path and verdicts
 * (a prefix count, the covering aggregate: prefixGroups.ts), which `auto` also does past 100 routes. Leaking
 * routes are drawn in full whatever the grouping. A module of its own, with no
 * imports, so the client and the webview can check a value without bundling the graph code.
 */
export type GroupBy = 'auto' | 'none' | 'first-hop' | 'origin' | 'prefixes';
export const GROUP_BY: readonly GroupBy[] = ['auto', 'none', 'first-hop', 'origin', 'prefixes'];

export function isGroupBy(v: unknown): v is GroupBy {
  return typeof v === 'string' && (GROUP_BY as readonly string[]).includes(v);
}
