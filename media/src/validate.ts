import type { HostToWebview, PathsModel } from '../../server/src/protocol';

/**
 * The page trusts nothing it receives: a message must have the shape the protocol declares before any
 * handler sees it. A foreign `postMessage` is dropped; a model that is malformed is not dropped silently
 * (that left the panel on "Analysing…" for ever): `checkHostToWebview` says what is wrong so the page can show it.
 */
export type Checked = { readonly ok: true; readonly message: HostToWebview } | { readonly ok: false; readonly type?: string; readonly reason: string };

export function checkHostToWebview(m: unknown): Checked {
  if (typeof m !== 'object' || m === null) return { ok: false, reason: 'not an object' };
  const o = m as Record<string, unknown>;
  const type = typeof o.type === 'string' ? o.type : undefined;
  const bad = (reason: string): Checked => ({ ok: false, ...(type ? { type } : {}), reason });
  if (o.seq !== undefined && typeof o.seq !== 'number') return bad('seq is not a number');
  switch (type) {
    case 'init':
      return typeof o.text === 'string' ? { ok: true, message: o as HostToWebview } : bad('text is not a string');
    case 'model': {
      const why = modelProblem(o.model);
      return why === undefined ? { ok: true, message: o as HostToWebview } : bad(why);
    }
    case 'error':
    case 'notice':
      return typeof o.message === 'string' ? { ok: true, message: o as HostToWebview } : bad('message is not a string');
    default:
      return bad(`unknown message type ${JSON.stringify(o.type)}`);
  }
}

export function isHostToWebview(m: unknown): m is HostToWebview {
  return checkHostToWebview(m).ok;
}

function modelProblem(m: unknown): string | undefined {
  if (typeof m !== 'object' || m === null) return 'no model';
  const o = m as Partial<Record<keyof PathsModel, unknown>>;
  if (o.version !== 1) return `model version ${JSON.stringify(o.version)}, this page reads version 1`;
  for (const k of ['routes', 'findings', 'unparsed'] as const) if (!Array.isArray(o[k])) return `model.${k} is not a list`;
  if (typeof o.data !== 'object' || o.data === null) return 'model.data is missing';
  const g = o.graph as Record<string, unknown> | undefined;
  if (typeof g !== 'object' || g === null) return 'model.graph is missing';
  if (!Array.isArray(g.nodes) || !Array.isArray(g.edges)) return 'model.graph has no node or edge list';
  for (const k of ['width', 'height'] as const) if (typeof g[k] !== 'number' || !Number.isFinite(g[k])) return `model.graph.${k} is ${JSON.stringify(g[k])}, not a size`;
  return undefined;
}
