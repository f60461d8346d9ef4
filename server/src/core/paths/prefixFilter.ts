import { parsePrefix, prefixCovers, type Prefix } from '../net/prefix';

/**
 * The panel's prefix filter, shared by the table (the webview) and the graph's prefix focus (graph.ts), so both
 * keep the same routes. A prefix (`200.74.224.0/20`) keeps itself and every more-specific: what an operator means
 * by "this block". Any other text (`200.74.`) keeps the routes whose prefix contains it. `undefined`: no filter.
 */
export function prefixFilter(text: string): ((routePrefix: string) => boolean) | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const block = parsePrefix(t);
  if (!block.ok) return (p) => p.includes(t);
  const outer = block.prefix;
  // A table repeats few distinct prefixes per keystroke's worth of routes; parse each once.
  const seen = new Map<string, boolean>();
  return (p) => {
    let hit = seen.get(p);
    if (hit === undefined) seen.set(p, (hit = p.includes(t) || covers(outer, p)));
    return hit;
  };
}

function covers(outer: Prefix, routePrefix: string): boolean {
  const inner = parsePrefix(routePrefix);
  return inner.ok && prefixCovers(outer, inner.prefix);
}
