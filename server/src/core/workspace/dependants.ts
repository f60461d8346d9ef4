import type { IndexedObject, WorkspaceIndex } from './workspaceIndex';

/**
 * The files whose cross-object findings may change when `uri` changes from `before` to what the index now
 * holds: files that reference any object defined there (before or after), files with routes for the same
 * prefixes, and files defining the sets it references (a loop is reported on every set of the cycle).
 * The LSP layer re-validates these after an edit instead of the whole workspace.
 */
export function dependantUris(index: WorkspaceIndex, uri: string, before: readonly IndexedObject[] = []): Set<string> {
  const out = new Set<string>([uri]);
  const visit = (e: IndexedObject): void => {
    const kind = index.targetKindOf(e.className);
    if (kind) for (const site of index.referencesTo(kind, e.key)) out.add(site.from.uri);
    if (e.route) for (const r of index.routesFor(e.route.prefix)) out.add(r.uri);
    for (const ref of e.refs) {
      if (ref.kind === 'as-set' || ref.kind === 'route-set' || ref.kind === 'aut-num') for (const d of index.resolve(ref.kind, ref.key)) out.add(d.uri);
    }
  };
  for (const e of before) visit(e);
  for (const e of index.objectsIn(uri)) visit(e);
  return out;
}
