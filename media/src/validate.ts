import type { HostToWebview, PathsModel } from '../../server/src/protocol';

/**
 * The page trusts nothing it receives: a message must have the shape the protocol declares before any
 * handler sees it (a stale or foreign `postMessage` is dropped).
 */
export function isHostToWebview(m: unknown): m is HostToWebview {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  const seqOk = o.seq === undefined || typeof o.seq === 'number';
  switch (o.type) {
    case 'init':
      return typeof o.text === 'string';
    case 'model':
      return seqOk && isModel(o.model);
    case 'error':
    case 'notice':
      return typeof o.message === 'string' && seqOk;
    default:
      return false;
  }
}

function isModel(m: unknown): m is PathsModel {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Partial<Record<keyof PathsModel, unknown>>;
  const g = o.graph as Record<string, unknown> | undefined;
  return (
    o.version === 1 &&
    Array.isArray(o.routes) &&
    Array.isArray(o.findings) &&
    Array.isArray(o.unparsed) &&
    typeof o.data === 'object' &&
    o.data !== null &&
    typeof g === 'object' &&
    g !== null &&
    Array.isArray(g.nodes) &&
    Array.isArray(g.edges) &&
    typeof g.width === 'number' &&
    typeof g.height === 'number'
  );
}
