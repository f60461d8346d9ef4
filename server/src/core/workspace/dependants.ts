import type { IndexedObject, WorkspaceIndex } from './workspaceIndex';

/**
 * The files whose cross-object findings may change when `uri` changes from `before` to what the index now
 * holds: files that reference any object defined there (before or after), files with routes for the same
 * prefixes, and files defining the sets it references (a loop is reported on every set of the cycle).
 * The LSP layer re-validates these after an edit instead of the whole workspace. `before` and `after` may
 * be just the objects that changed (see `changedEntries`): the others reference and define what they did.
 */
export function dependantUris(index: WorkspaceIndex, uri: string, before: readonly IndexedObject[] = [], after: readonly IndexedObject[] = index.objectsIn(uri)): Set<string> {
  const out = new Set<string>([uri]);
  const visit = (e: IndexedObject): void => {
    const kind = index.targetKindOf(e.className);
    if (kind) for (const from of index.referringObjects(kind, e.key)) out.add(from.uri);
    if (e.route) for (const r of index.routesFor(e.route.prefix)) out.add(r.uri);
    for (const ref of e.refs) {
      if (ref.kind === 'as-set' || ref.kind === 'route-set' || ref.kind === 'aut-num') for (const d of index.resolve(ref.kind, ref.key)) out.add(d.uri);
    }
  };
  for (const e of before) visit(e);
  for (const e of after) visit(e);
  return out;
}

/**
 * The entries of `before` that are gone from `after` and those new in it (by id). The index keeps the id of an
 * object an edit did not touch, so after an edit in a registry dump these are the few objects it touched.
 */
export function changedEntries(before: readonly IndexedObject[], after: readonly IndexedObject[]): { removed: IndexedObject[]; added: IndexedObject[] } {
  const had = new Set(before.map((e) => e.id));
  const has = new Set(after.map((e) => e.id));
  return { removed: before.filter((e) => !has.has(e.id)), added: after.filter((e) => !had.has(e.id)) };
}
