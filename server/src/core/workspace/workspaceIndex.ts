import { parseAsn, type Asn } from '../net/asn';
import { parsePrefix, type Prefix } from '../net/prefix';
import { firstValue, type RpslObject } from '../rpsl/model';
import { LineIndex } from '../text/lineIndex';
import { MultiMap } from './multiMap';
import { objectReferences, TARGET_CLASSES, type ObjectReference, type TargetKind } from './references';

export interface IndexedObject {
  readonly uri: string;
  readonly object: RpslObject;
  /** Lower-cased class and upper-cased primary key, e.g. `aut-num` / `AS8048`. */
  readonly className: string;
  readonly key: string;
  /** References this object makes (computed once, when the file is indexed). */
  readonly refs: readonly ObjectReference[];
  /** For route/route6: the prefix and origin. */
  readonly route?: { readonly prefix: Prefix; readonly normalized: string; readonly origin: Asn };
}

/** A cheap map key for a prefix (formatting addresses is what made lookups slow). */
function prefixKey(p: Prefix): string {
  return p.afi === 4 ? `${p.words[0] ?? 0}/${p.length}` : `${p.words.join(',')}/${p.length}`;
}

/** Where a reference stands: the referring object and the reference. */
export interface ReferenceSite {
  readonly from: IndexedObject;
  readonly ref: ObjectReference;
}

/** A file with at least this many objects is taken for a registry dump (see `hasRegistryDump`). */
export const DUMP_OBJECT_THRESHOLD = 1000;

function bucket<K, V extends object>(map: Map<K, MultiMap<string, V>>, k: K): MultiMap<string, V> {
  let b = map.get(k);
  if (!b) map.set(k, (b = new MultiMap()));
  return b;
}

const CLASS_TO_TARGET: Readonly<Record<string, TargetKind>> = Object.fromEntries(
  Object.entries(TARGET_CLASSES).flatMap(([kind, classes]) => classes.map((c) => [c, kind as TargetKind])),
);

/**
 * Every RPSL object of the open folders (and of files named in settings), by class and key, with reverse
 * maps (who references a name, routes by prefix and origin). `set`/`remove` per URI touch only that file's
 * entries, so a file change costs what the file holds, not what the workspace holds.
 */
export class WorkspaceIndex {
  private readonly byUri = new Map<string, readonly IndexedObject[]>();
  /** class → key → objects; nested maps, since building `class+key` strings for every lookup was costly. */
  private readonly byKey = new Map<string, MultiMap<string, IndexedObject>>();
  /** target kind → name → where it is referenced. */
  private readonly refsTo = new Map<TargetKind, MultiMap<string, ReferenceSite>>();
  private readonly sitesByUri = new Map<string, ReferenceSite[]>();
  private readonly routesByPrefix = new MultiMap<string, IndexedObject>();
  private readonly routesByOrigin = new MultiMap<number, IndexedObject>();
  private readonly classCounts = new Map<string, number>();
  /** Route prefix lengths in use per address family, with counts: covering lookups try only these. */
  private readonly lengths = { 4: new Map<number, number>(), 6: new Map<number, number>() };
  private readonly texts = new Map<string, { text: string; index?: LineIndex }>();
  private readonly dumps = new Set<string>();
  private gen = 0;

  /** Bumped on every change: caches of derived data (set expansions) key on it. */
  get generation(): number {
    return this.gen;
  }

  /**
   * Replace everything indexed for `uri`. Pass the text when you have it: locations in other files need it
   * to turn offsets into line/character (without it they point at the file's start).
   */
  set(uri: string, objects: readonly RpslObject[], text?: string): void {
    this.remove(uri);
    this.gen++;
    if (text !== undefined) this.texts.set(uri, { text });
    const entries: IndexedObject[] = [];
    const sites: ReferenceSite[] = [];
    for (const object of objects) {
      const className = object.className;
      const route = className === 'route' || className === 'route6' ? routeOf(object) : undefined;
      const key = route ? `${route.normalized.toUpperCase()}AS${route.origin}` : primaryKey(object);
      const e: IndexedObject = { uri, object, className, key, refs: objectReferences(object), ...(route ? { route } : {}) };
      entries.push(e);
      bucket(this.byKey, className).add(key, e);
      this.classCounts.set(className, (this.classCounts.get(className) ?? 0) + 1);
      if (route) {
        this.routesByPrefix.add(prefixKey(route.prefix), e);
        this.routesByOrigin.add(route.origin, e);
        const l = this.lengths[route.prefix.afi];
        l.set(route.prefix.length, (l.get(route.prefix.length) ?? 0) + 1);
      }
      for (const ref of e.refs) {
        const site = { from: e, ref };
        sites.push(site);
        bucket(this.refsTo, ref.kind).add(ref.key, site);
      }
    }
    this.byUri.set(uri, entries);
    this.sitesByUri.set(uri, sites);
  }

  remove(uri: string): void {
    const old = this.byUri.get(uri);
    this.texts.delete(uri);
    if (!old) return;
    this.gen++;
    this.byUri.delete(uri);
    for (const e of old) {
      this.byKey.get(e.className)?.deleteWhere(e.key, (x) => x === e);
      const n = (this.classCounts.get(e.className) ?? 1) - 1;
      if (n > 0) this.classCounts.set(e.className, n);
      else this.classCounts.delete(e.className);
      if (e.route) {
        this.routesByPrefix.deleteWhere(prefixKey(e.route.prefix), (x) => x === e);
        this.routesByOrigin.deleteWhere(e.route.origin, (x) => x === e);
        const l = this.lengths[e.route.prefix.afi];
        const c = (l.get(e.route.prefix.length) ?? 1) - 1;
        if (c > 0) l.set(e.route.prefix.length, c);
        else l.delete(e.route.prefix.length);
      }
    }
    const touched = new Set<string>();
    for (const { ref } of this.sitesByUri.get(uri) ?? []) {
      const tk = `${ref.kind}\u0000${ref.key}`;
      if (touched.has(tk)) continue;
      touched.add(tk);
      this.refsTo.get(ref.kind)?.deleteWhere(ref.key, (s) => s.from.uri === uri);
    }
    this.sitesByUri.delete(uri);
  }

  /** Marks (or unmarks) `uri` as a registry dump, e.g. a file from `routelens.workspace.extraFiles`. */
  markRegistryDump(uri: string, isDump = true): void {
    if (isDump) this.dumps.add(uri);
    else this.dumps.delete(uri);
    this.gen++;
  }

  /**
   * True when the workspace holds a registry dump: a marked file, or a file of at least
   * DUMP_OBJECT_THRESHOLD objects. Only then does an unresolved reference say something.
   */
  hasRegistryDump(): boolean {
    for (const u of this.dumps) if (this.byUri.has(u)) return true;
    for (const list of this.byUri.values()) if (list.length >= DUMP_OBJECT_THRESHOLD) return true;
    return false;
  }

  lookup(className: string, key: string): readonly IndexedObject[] {
    const exact = this.byKey.get(className)?.get(key);
    if (exact && exact.length > 0) return exact;
    const cls = className.toLowerCase();
    let k = key.toUpperCase();
    if (cls === 'aut-num') {
      const a = parseAsn(k);
      if (a.ok) k = `AS${a.asn}`;
    }
    return this.byKey.get(cls)?.get(k) ?? [];
  }

  /** The objects a reference target resolves to (a contact may be a person or a role). */
  resolve(kind: TargetKind, key: string): readonly IndexedObject[] {
    const out: IndexedObject[] = [];
    for (const cls of TARGET_CLASSES[kind]) out.push(...this.lookup(cls, key));
    return out;
  }

  /** Every place that references `kind`/`key`. */
  referencesTo(kind: TargetKind, key: string): readonly ReferenceSite[] {
    return [...(this.refsTo.get(kind)?.get(key.toUpperCase()) ?? [])];
  }

  /** The reference kind an object is the target of (as-set → as-set, person → contact …). */
  targetKindOf(className: string): TargetKind | undefined {
    return CLASS_TO_TARGET[className];
  }

  /** Route objects for exactly `p`. */
  routesFor(p: Prefix): readonly IndexedObject[] {
    return [...this.routesByPrefix.get(prefixKey(p))];
  }

  /** Route objects whose prefix covers `p` (or equals it). */
  coveringRoutes(p: Prefix): IndexedObject[] {
    const out: IndexedObject[] = [];
    for (const len of this.lengths[p.afi].keys()) {
      if (len > p.length) continue;
      for (const r of this.routesByPrefix.get(prefixKey(len === p.length ? p : maskPrefix(p, len)))) out.push(r);
    }
    return out;
  }

  /** How many route objects `origin` has, without copying them. */
  routeCountOf(origin: Asn): number {
    return this.routesByOrigin.count(origin);
  }

  routesOriginatedBy(origin: Asn): readonly IndexedObject[] {
    return [...this.routesByOrigin.get(origin)];
  }

  autNum(a: Asn): IndexedObject | undefined {
    return this.lookup('aut-num', `AS${a}`)[0];
  }

  /** The keys defined for `className`. */
  keysOf(className: string): Iterable<string> {
    return this.byKey.get(className)?.keys() ?? [];
  }

  countOf(className: string): number {
    return this.classCounts.get(className) ?? 0;
  }

  objectsIn(uri: string): readonly IndexedObject[] {
    return this.byUri.get(uri) ?? [];
  }

  /** The text `uri` was indexed with, if given. */
  textOf(uri: string): string | undefined {
    return this.texts.get(uri)?.text;
  }

  /** Line/character mapping for a file indexed with its text. */
  lineIndexOf(uri: string): LineIndex | undefined {
    const t = this.texts.get(uri);
    if (!t) return undefined;
    return (t.index ??= new LineIndex(t.text));
  }

  *all(): Iterable<IndexedObject> {
    for (const list of this.byUri.values()) yield* list;
  }

  uris(): Iterable<string> {
    return this.byUri.keys();
  }

  get size(): number {
    let n = 0;
    for (const l of this.byUri.values()) n += l.length;
    return n;
  }
}

function routeOf(obj: RpslObject): { prefix: Prefix; normalized: string; origin: Asn } | undefined {
  const p = parsePrefix((obj.attributes[0]?.value ?? '').trim().split(/\s+/)[0] ?? '');
  const o = parseAsn((firstValue(obj, 'origin')?.value ?? '').trim());
  if (!p.ok || !o.ok) return undefined;
  return { prefix: p.prefix, normalized: p.normalized, origin: o.asn };
}

/** The primary key as IRRd forms it: the class attribute's value, upper-cased, route keys with origin. */
export function primaryKey(obj: RpslObject): string {
  if (obj.className === 'person' || obj.className === 'role') {
    const handle = firstValue(obj, 'nic-hdl')?.value.trim();
    if (handle) return handle.toUpperCase();
  }
  const first = obj.attributes[0];
  const base = (first?.value ?? '').split(/\s+/)[0]?.toUpperCase() ?? '';
  if (obj.className === 'aut-num') {
    const a = parseAsn(base);
    return a.ok ? `AS${a.asn}` : base;
  }
  if (obj.className === 'route' || obj.className === 'route6') {
    const p = parsePrefix(base);
    const prefix = p.ok ? p.normalized.toUpperCase() : base;
    const originText = firstValue(obj, 'origin')?.value.trim() ?? '';
    const o = parseAsn(originText);
    const origin = o.ok ? `AS${o.asn}` : originText.toUpperCase();
    return origin ? `${prefix}${origin}` : prefix;
  }
  return base;
}

/** `p` cut to its first `len` bits. */
function maskPrefix(p: Prefix, len: number): Prefix {
  const words = p.words.map((w, i) => {
    const bits = Math.max(0, Math.min(32, len - i * 32));
    return bits === 0 ? 0 : bits === 32 ? w >>> 0 : (w & (~0 << (32 - bits))) >>> 0;
  });
  return { afi: p.afi, words, length: len };
}
