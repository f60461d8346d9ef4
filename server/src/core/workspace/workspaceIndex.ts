import type { RpslObject } from '../rpsl/model';

export interface IndexedObject {
  readonly uri: string;
  readonly object: RpslObject;
  /** Lower-cased class and upper-cased primary key, e.g. `aut-num` / `AS8048`. */
  readonly className: string;
  readonly key: string;
}

/**
 * Every RPSL object of the open folders (and of files named in settings), by class and key. The
 * policy/workspace area owns this; it starts as a plain store the language services can already query.
 */
export class WorkspaceIndex {
  private readonly byUri = new Map<string, readonly IndexedObject[]>();
  private readonly byKey = new Map<string, IndexedObject[]>();

  /** Replace everything indexed for `uri`. */
  set(uri: string, objects: readonly RpslObject[]): void {
    this.remove(uri);
    const entries = objects.map((object) => ({ uri, object, className: object.className, key: primaryKey(object) }));
    this.byUri.set(uri, entries);
    for (const e of entries) {
      const k = `${e.className}\u0000${e.key}`;
      const list = this.byKey.get(k);
      if (list) list.push(e);
      else this.byKey.set(k, [e]);
    }
  }

  remove(uri: string): void {
    const old = this.byUri.get(uri);
    if (!old) return;
    this.byUri.delete(uri);
    for (const e of old) {
      const k = `${e.className}\u0000${e.key}`;
      const list = this.byKey.get(k)?.filter((x) => x !== e);
      if (list && list.length > 0) this.byKey.set(k, list);
      else this.byKey.delete(k);
    }
  }

  lookup(className: string, key: string): readonly IndexedObject[] {
    return this.byKey.get(`${className.toLowerCase()}\u0000${key.toUpperCase()}`) ?? [];
  }

  *all(): Iterable<IndexedObject> {
    for (const list of this.byUri.values()) yield* list;
  }

  uris(): Iterable<string> {
    return this.byUri.keys();
  }
}

/** The primary key as IRRd forms it: the class attribute's value, upper-cased, route keys with origin. */
export function primaryKey(obj: RpslObject): string {
  const first = obj.attributes[0];
  const base = (first?.value ?? '').split(/\s+/)[0]?.toUpperCase() ?? '';
  if (obj.className === 'route' || obj.className === 'route6') {
    const origin = obj.attributes.find((a) => a.name === 'origin')?.value.trim().toUpperCase();
    return origin ? `${base}${origin}` : base;
  }
  return base;
}
