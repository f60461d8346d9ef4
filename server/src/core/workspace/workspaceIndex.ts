import { parseAsn, type Asn } from '../net/asn';
import { formatPrefix, parsePrefix, type Prefix } from '../net/prefix';
import { frameRpslInto } from '../rpsl/frame';
import { freshAt, lineStartBefore, mayHoldForeignAnswer } from '../rpsl/freshAt';
import { firstValue, type RpslObject } from '../rpsl/model';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/range';
import { commonLength } from '../text/commonLength';
import { detached } from '../text/detach';
import { Int32Column } from './idColumn';
import { MultiMap } from './multiMap';
import { asnKey, visitReferences, TARGET_CLASSES, type ObjectReference, type Strength, type TargetKind } from './references';

/** The attributes that carry an aut-num's routing policy. */
const POLICY_ATTRIBUTES: ReadonlySet<string> = new Set(['import', 'export', 'mp-import', 'mp-export', 'default', 'mp-default', 'import-via', 'export-via']);

/**
 * An indexed object, as a view of the index's columns: lookups make a new view each time, so two views of one
 * object are different JavaScript objects. `id` is the object's identity: an object an edit did not touch
 * keeps its id (and its place moves); compare ids, and key caches by id (EntryMemo), never by the view.
 */
export interface IndexedObject {
  /** Unique within its index, kept while the object is unchanged; never given to another object. */
  readonly id: number;
  readonly uri: string;
  /** The framed object (kept, or framed again from the file's text when the index was given it object by object). */
  readonly object: RpslObject;
  /** Where the object is in its file (what `object.span` is, without framing it). */
  readonly span: Span;
  /** The class attribute's value (the object's name), or the object's span when it has none. */
  readonly nameSpan: Span;
  /** Lower-cased class and upper-cased primary key, e.g. `aut-num` / `AS8048`. */
  readonly className: string;
  readonly key: string;
  /** References this object makes (computed once, when the file is indexed). */
  readonly refs: readonly ObjectReference[];
  /**
   * The same references one at a time: `refAt` makes one, the others read one part of it without making
   * it. An aut-num of a dump has thousands, nearly all AS numbers the cross-checks skip at once.
   */
  readonly refCount: number;
  refAt(i: number): ObjectReference;
  refKindAt(i: number): TargetKind;
  refKeyAt(i: number): string;
  refAttributeAt(i: number): string;
  /**
   * Reference `i`'s name as a number, for tables indexed by name: for an aut-num its AS number, for any other
   * kind the index's number for the name (the same name has the same number throughout the index while it lasts).
   */
  refNameAt(i: number): number;
  /** For route/route6: the prefix and origin. */
  readonly route?: { readonly prefix: Prefix; readonly normalized: string; readonly origin: Asn };
}

/**
 * A cheap map key for a prefix (formatting addresses is what made lookups slow): for IPv4 a number (address
 * and length; a dump has millions of routes, and a number costs half a string), for IPv6 a string.
 */
type PrefixKey = number | string;
function prefixKey(p: Prefix): PrefixKey {
  return p.afi === 4 ? ((p.words[0] ?? 0) >>> 0) * 64 + p.length : `${p.words.join(',')}/${p.length}`;
}

/** Where a reference stands: the referring object and the reference. */
export interface ReferenceSite {
  readonly from: IndexedObject;
  readonly ref: ObjectReference;
}

/** Reference kinds, strengths and attribute names as small numbers, for the packed reference tables. */
const KINDS: readonly TargetKind[] = ['as-set', 'route-set', 'rtr-set', 'filter-set', 'peering-set', 'mntner', 'contact', 'aut-num', 'inet-rtr'];
/** The index of `kind` in KINDS (a switch: this runs for every reference of a dump). */
function kindId(kind: TargetKind): number {
  switch (kind) {
    case 'as-set':
      return 0;
    case 'route-set':
      return 1;
    case 'rtr-set':
      return 2;
    case 'filter-set':
      return 3;
    case 'peering-set':
      return 4;
    case 'mntner':
      return 5;
    case 'contact':
      return 6;
    case 'aut-num':
      return 7;
    case 'inet-rtr':
      return 8;
  }
}
/** In the order of the 2-bit codes the packed table stores. */
const STRENGTHS: readonly Strength[] = ['strong', 'weak', 'policy'];
const attributeNames: string[] = [];
const attributeIds = new Map<string, number>();

function attributeId(name: string): number {
  let id = attributeIds.get(name);
  if (id === undefined) {
    attributeIds.set(name, (id = attributeNames.length));
    attributeNames.push(name);
  }
  return id;
}

/**
 * The text a file was indexed from, read by its entries (through their file number) when they frame their
 * object again: replaced when the file is, and given the new text by `setText`, so its entries move with the edit.
 */
interface FileText {
  readonly uri: string;
  text: string;
  index?: LineIndex;
  /** The text may hold another server's answer, which empty lines do not end: setText then frames it whole. */
  foreign?: boolean;
}

/** Numbers per page of a FactStore once past its first, smaller pages (4 MB). */
const PAGE = 1 << 20;

/**
 * Where an index keeps its entries' references, packed: Int32Array pages with every entry's name span and
 * references, and one table of the names keys and references use (each name once, by number). A dump has
 * millions of entries and tens of millions of references; an object, a typed array (about 200 bytes with its
 * buffer) or a string per entry or reference is what made the index many times the size of the text it came from.
 * Pages are never grown or copied (see Int32Column).
 *
 * An entry's slot, at `slotAt` in page `slotPage`: name start and end (offsets from the object's start), the
 * number of references n, then per reference: kind | strength << 4 | attribute << 8, name number (for an
 * aut-num, the AS number itself: a dump's policies name hundreds of thousands of them), start, end. A slot
 * never spans two pages (a slot bigger than a page has a page of its own).
 * Removed entries leave their slots behind; `compact` copies the live ones once half the space is dead.
 */
class FactStore {
  /** Page 0 holds the empty slot that removed entries read once compacted away. */
  pages: Int32Array[] = [new Int32Array(3)];
  private next = 0;
  /** Numbers given out, and those of removed entries' slots (for `compact`). */
  used = 0;
  dead = 0;
  /** Every name a reference or a key has used, by number; `ids` the other way. */
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The number of `s`, given one when new (kept detached: a name must not keep its document alive). */
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      const own = detached(s);
      this.ids.set(own, (id = this.names.length));
      this.names.push(own);
    }
    return id;
  }

  /** Room for `n` numbers: where they go in the last page (`pages.length - 1`, read after the call). */
  alloc(n: number): number {
    const page = this.pages[this.pages.length - 1]!;
    if (this.pages.length === 1 || this.next + n > page.length) {
      // Pages double up to PAGE, so a small workspace keeps a small store.
      this.pages.push(new Int32Array(Math.max(n, Math.min(PAGE, this.pages.length === 1 ? 1 << 16 : page.length * 2))));
      this.next = 0;
    }
    const at = this.next;
    this.next += n;
    this.used += n;
    return at;
  }

  /** Starts again with no slots: `compact` then copies the live ones back. */
  restart(): Int32Array[] {
    const old = this.pages;
    this.pages = [old[0]!];
    this.next = 0;
    this.used = 0;
    this.dead = 0;
    return old;
  }
}

/** The index's columns: what every indexed object is, by id (IndexedObject is a view of one id). */
class EntryTable {
  readonly store = new FactStore();
  /** The file an id is in (its number in `files`); bitwise-not once the entry is removed. */
  readonly file = new Int32Column();
  readonly start = new Int32Column();
  readonly end = new Int32Column();
  readonly slotPage = new Int32Column();
  readonly slotAt = new Int32Column();
  /** Class and key, as numbers of the store's names. */
  readonly cls = new Int32Column();
  readonly key = new Int32Column();
  /** A route's row in the route columns, plus one (0: not a route). */
  readonly route = new Int32Column();
  /** Per route row: the prefix's words, afi << 8 | length, and the origin. */
  readonly routeWords = [new Int32Column(), new Int32Column(), new Int32Column(), new Int32Column()];
  readonly routeShape = new Int32Column();
  readonly routeOrigin = new Int32Column();
  routes = 0;
  /** Ids given out so far (ids are never given again). */
  size = 0;
  readonly files: FileText[] = [];
  readonly fileNumbers = new Map<string, number>();
  /** The framed object of an entry that keeps it (a document open in the editor keeps it anyway). */
  readonly held = new Map<number, RpslObject>();
  /** The object an entry last framed again, per id (most recent last); see `Entry.object`. */
  readonly reframed = new Map<number, RpslObject>();
  /** The maps of every EntryMemo holding facts of this table's ids: an id's facts go when it is removed. */
  readonly memos: Map<number, unknown>[] = [];

  fileNumber(uri: string): number {
    let n = this.fileNumbers.get(uri);
    if (n === undefined) {
      this.fileNumbers.set(uri, (n = this.files.length));
      this.files.push({ uri, text: '' });
    }
    return n;
  }

  fileOf(id: number): FileText {
    const f = this.file.get(id);
    return this.files[f < 0 ? ~f : f]!;
  }

  isLive(id: number): boolean {
    return this.file.get(id) >= 0;
  }

  /** The page holding `id`'s slot. */
  page(id: number): Int32Array {
    return this.store.pages[this.slotPage.get(id)]!;
  }

  /** A new id for `object` of `file`, with its references packed in the store. */
  add(file: number, object: RpslObject, cls: number, key: number, route: { prefix: Prefix; origin: Asn } | undefined): number {
    const id = this.size++;
    const start = object.span.start;
    this.file.set(id, file);
    this.start.set(id, start);
    this.end.set(id, object.span.end);
    this.cls.set(id, cls);
    this.key.set(id, key);
    if (route) {
      const row = this.routes++;
      for (let w = 0; w < route.prefix.words.length; w++) this.routeWords[w]!.set(row, route.prefix.words[w]! | 0);
      this.routeShape.set(row, (route.prefix.afi << 8) | route.prefix.length);
      this.routeOrigin.set(row, route.origin | 0);
      this.route.set(id, row + 1);
    } else this.route.set(id, 0);
    const store = this.store;
    const name = object.attributes[0]?.valueSpan ?? object.span;
    // Collected in a scratch buffer, then copied at its size: no reference objects on the way.
    let n = 0;
    // References come in runs of one attribute: its id is looked up once per run.
    let lastAttribute = '';
    let lastAttributeId = 0;
    const put = (kind: TargetKind, code: number, attribute: string, s: number, e: number, strength: Strength): void => {
      if (3 + n * 4 + 4 > scratch.length) {
        const grown = new Int32Array(scratch.length * 2);
        grown.set(scratch);
        scratch = grown;
      }
      if (attribute !== lastAttribute) {
        lastAttribute = attribute;
        lastAttributeId = attributeId(attribute);
      }
      const at = 3 + n * 4;
      scratch[at] = kindId(kind) | ((strength === 'strong' ? 0 : strength === 'weak' ? 1 : 2) << 4) | (lastAttributeId << 8);
      scratch[at + 1] = code;
      scratch[at + 2] = s - start;
      scratch[at + 3] = e - start;
      n++;
    };
    // AS numbers come as numbers (no `AS<n>` string to parse back), names as the store's ids.
    visitReferences(object, {
      named: (kind, k, attribute, s, e, strength) => put(kind, store.id(k), attribute, s, e, strength),
      asn: (asn, attribute, s, e, strength) => put('aut-num', asn | 0, attribute, s, e, strength),
    });
    scratch[0] = name.start - start;
    scratch[1] = name.end - start;
    scratch[2] = n;
    const at = store.alloc(3 + n * 4);
    this.slotPage.set(id, store.pages.length - 1);
    this.slotAt.set(id, at);
    store.pages[store.pages.length - 1]!.set(scratch.subarray(0, 3 + n * 4), at);
    return id;
  }

  /** Marks `id` removed: its facts go, its columns stay (a view kept past the removal reads what it was). */
  remove(id: number): void {
    this.file.set(id, ~this.file.get(id));
    this.store.dead += 3 + 4 * this.page(id)[this.slotAt.get(id) + 2]!;
    this.held.delete(id);
    this.reframed.delete(id);
    for (const m of this.memos) m.delete(id);
  }

  /** Copies the slots of the live ids into new pages, in order, dropping the dead ones (they read the empty slot). */
  compact(): void {
    const old = this.store.restart();
    for (let id = 0; id < this.size; id++) {
      if (!this.isLive(id)) {
        this.slotPage.set(id, 0);
        this.slotAt.set(id, 0);
        continue;
      }
      const from = old[this.slotPage.get(id)]!;
      const at0 = this.slotAt.get(id);
      const n = 3 + 4 * from[at0 + 2]!;
      const at = this.store.alloc(n);
      const page = this.store.pages[this.store.pages.length - 1]!;
      page.set(from.subarray(at0, at0 + n), at);
      this.slotPage.set(id, this.store.pages.length - 1);
      this.slotAt.set(id, at);
    }
  }

  /**
   * The primary key of `id`. A route's is made from its prefix and origin: each route has its own, and a
   * million of them in the names table (a string and a map slot each, beside byKey's) cost more than making one
   * when a message needs it.
   */
  keyOf(id: number): string {
    const k = this.key.get(id);
    return k >= 0 ? this.store.names[k]! : routeKey(this.routeOf(this.route.get(id) - 1));
  }

  /** A route row's prefix and origin. */
  routeOf(row: number): RouteFact {
    const shape = this.routeShape.get(row);
    const afi = (shape >>> 8) as 4 | 6;
    const words = afi === 4 ? [this.routeWords[0]!.get(row) >>> 0] : this.routeWords.map((c) => c.get(row) >>> 0);
    return new RouteFact({ afi, words, length: shape & 255 }, (this.routeOrigin.get(row) >>> 0) as Asn);
  }

  /** `a` before `b` in file and document order (see entryOrder). */
  readonly order = (a: number, b: number): number => {
    const fa = this.file.get(a);
    const fb = this.file.get(b);
    if (fa === fb) return this.start.get(a) - this.start.get(b);
    const ua = this.files[fa < 0 ? ~fa : fa]!.uri;
    const ub = this.files[fb < 0 ? ~fb : fb]!.uri;
    return ua === ub ? this.start.get(a) - this.start.get(b) : ua < ub ? -1 : 1;
  };
}

/** Ids in the order they came: a first id and a count while they are consecutive, else a list. */
class IdRun {
  private first = 0;
  private count = 0;
  private list: number[] | undefined;

  push(id: number): void {
    if (this.list) this.list.push(id);
    else if (this.count === 0 || id === this.first + this.count) {
      if (this.count++ === 0) this.first = id;
    } else {
      this.list = Array.from(this.toArray());
      this.list.push(id);
    }
  }

  toArray(): Int32Array {
    if (this.list) return Int32Array.from(this.list);
    const out = new Int32Array(this.count);
    for (let i = 0; i < out.length; i++) out[i] = this.first + i;
    return out;
  }
}

const REFRAMED_KEPT = 64;

/**
 * The index's view of one object (see IndexedObject): its table and id, read from the table's columns when
 * asked. What a dump's object costs the index is its columns (some 40 bytes) and its packed references; a view
 * is made when a lookup or a check needs one and dies with it.
 */
class Entry implements IndexedObject {
  constructor(
    readonly table: EntryTable,
    readonly id: number,
  ) {}

  get uri(): string {
    return this.table.fileOf(this.id).uri;
  }

  get className(): string {
    return this.table.store.names[this.table.cls.get(this.id)]!;
  }

  get key(): string {
    return this.table.keyOf(this.id);
  }

  get start(): number {
    return this.table.start.get(this.id);
  }

  get end(): number {
    return this.table.end.get(this.id);
  }

  /** Made on the first read of this view (a check reads a route's prefix and origin several times). */
  private routeFact: RouteFact | null | undefined;

  get route(): RouteFact | undefined {
    if (this.routeFact === undefined) {
      const row = this.table.route.get(this.id);
      this.routeFact = row === 0 ? null : this.table.routeOf(row - 1);
    }
    return this.routeFact ?? undefined;
  }

  get object(): RpslObject {
    const t = this.table;
    const held = t.held.get(this.id);
    if (held) return held;
    let o = t.reframed.get(this.id);
    if (o) {
      t.reframed.delete(this.id);
    } else {
      const span = this.span;
      frameRpslInto(t.fileOf(this.id).text, { object: (x) => (o ??= x), diagnostic: () => undefined }, { from: span.start, to: span.end, afterBlank: true });
      o ??= { className: this.className, attributes: [], span };
      if (t.reframed.size >= REFRAMED_KEPT) for (const k of t.reframed.keys()) {
        t.reframed.delete(k);
        break;
      }
    }
    t.reframed.set(this.id, o);
    return o;
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get nameSpan(): Span {
    const d = this.table.page(this.id);
    const at = this.table.slotAt.get(this.id);
    const start = this.start;
    return { start: start + d[at]!, end: start + d[at + 1]! };
  }

  get refCount(): number {
    return this.table.page(this.id)[this.table.slotAt.get(this.id) + 2]!;
  }

  /** Where reference `i` starts in the entry's page. */
  private refSlot(i: number): number {
    return this.table.slotAt.get(this.id) + 3 + i * 4;
  }

  refAt(i: number): ObjectReference {
    const data = this.table.page(this.id);
    const names = this.table.store.names;
    const at = this.refSlot(i);
    const m = data[at]!;
    const start = this.start;
    return {
      kind: KINDS[m & 15]!,
      key: keyOf(m, data[at + 1]!, names),
      attribute: attributeNames[m >>> 8]!,
      span: { start: start + data[at + 2]!, end: start + data[at + 3]! },
      strength: STRENGTHS[(m >>> 4) & 15]!,
    };
  }

  refKindAt(i: number): TargetKind {
    return KINDS[this.table.page(this.id)[this.refSlot(i)]! & 15]!;
  }

  refKeyAt(i: number): string {
    const data = this.table.page(this.id);
    const at = this.refSlot(i);
    return keyOf(data[at]!, data[at + 1]!, this.table.store.names);
  }

  refAttributeAt(i: number): string {
    return attributeNames[this.table.page(this.id)[this.refSlot(i)]! >>> 8]!;
  }

  refNameAt(i: number): number {
    const data = this.table.page(this.id);
    const at = this.refSlot(i);
    return (data[at]! & 15) === AUT_NUM ? data[at + 1]! >>> 0 : data[at + 1]!;
  }

  /** Does reference `i` name `kind`/`key`? (Without making its object.) */
  refIs(i: number, kind: TargetKind, key: string): boolean {
    const data = this.table.page(this.id);
    const at = this.refSlot(i);
    return KINDS[data[at]! & 15] === kind && keyOf(data[at]!, data[at + 1]!, this.table.store.names) === key;
  }

  /** The references, made on each call (they are kept packed). */
  get refs(): readonly ObjectReference[] {
    const out: ObjectReference[] = new Array<ObjectReference>(this.refCount);
    for (let i = 0; i < out.length; i++) out[i] = this.refAt(i);
    return out;
  }
}

/** Each reference's kind and key of `id`, repeats included (the reverse maps add an entry once per name). */
function refTargets(t: EntryTable, id: number, visit: (kind: TargetKind, key: string) => void): void {
  const data = t.page(id);
  const names = t.store.names;
  const at0 = t.slotAt.get(id);
  const n = data[at0 + 2]!;
  for (let i = 0, at = at0 + 3; i < n; i++, at += 4) visit(KINDS[data[at]! & 15]!, keyOf(data[at]!, data[at + 1]!, names));
}

/** A route object's prefix and origin; the prefix's text is made when a message needs it, not kept per route. */
class RouteFact {
  constructor(
    readonly prefix: Prefix,
    readonly origin: Asn,
  ) {}

  get normalized(): string {
    return formatPrefix(this.prefix);
  }
}

/** A route's primary key: its prefix (upper-cased, as IRRd forms keys) and origin. */
function routeKey(route: { readonly normalized: string; readonly origin: Asn }): string {
  return `${route.normalized.toUpperCase()}AS${route.origin}`;
}

/** A packed reference's key: `AS<n>` for an aut-num (stored as its number), else the name by its number. */
function keyOf(meta: number, key: number, names: readonly string[]): string {
  return (meta & 15) === AUT_NUM ? asnKey(key >>> 0) : names[key]!;
}
const AUT_NUM = kindId('aut-num');

let scratch = new Int32Array(4 * 1024);

/** A site reads its reference through the entry, so it follows the entry when the entry moves. */
class Site implements ReferenceSite {
  constructor(
    readonly from: Entry,
    readonly i: number,
  ) {}

  get ref(): ObjectReference {
    return this.from.refAt(this.i);
  }
}

/**
 * Facts about indexed objects, kept by id and dropped when the object leaves its index: what a WeakMap keyed
 * by the object was when every object had one JavaScript object for its lifetime (views are made per lookup).
 */
export class EntryMemo<T> {
  private readonly byTable = new WeakMap<EntryTable, Map<number, T>>();

  get(e: IndexedObject): T | undefined {
    const v = view(e);
    return this.byTable.get(v.table)?.get(v.id);
  }

  has(e: IndexedObject): boolean {
    return this.get(e) !== undefined;
  }

  set(e: IndexedObject, value: T): void {
    const v = view(e);
    if (!v.table.isLive(v.id)) return;
    let m = this.byTable.get(v.table);
    if (!m) {
      m = new Map<number, T>();
      this.byTable.set(v.table, m);
      v.table.memos.push(m);
    }
    m.set(v.id, value);
  }
}

function view(e: IndexedObject): Entry {
  if (!(e instanceof Entry)) throw new TypeError('not an object of a WorkspaceIndex');
  return e;
}

/** Whether `a` and `b` are views of the same indexed object. */
export function sameEntry(a: IndexedObject, b: IndexedObject): boolean {
  return a === b || (a.id === b.id && view(a).table === view(b).table);
}

/**
 * What a lookup read, as a token: `k` class+key, `c` a class's set of keys, `p` routes of one prefix, `o`
 * routes of one origin, `L` the prefix lengths in use, `r` references to a name, `d` whether a dump is
 * present. A change to the index bumps the tokens of what it touched, so a result computed from lookups
 * stays valid until one of its tokens is bumped (see `tracking` and `onChange`).
 */
export type ReadToken = string;
const token = {
  key: (cls: string, key: string): ReadToken => `k\u0000${cls}\u0000${key}`,
  /** The set of keys of a class (not how many objects share them). */
  cls: (cls: string): ReadToken => `c\u0000${cls}`,
  count: (cls: string): ReadToken => `n\u0000${cls}`,
  prefix: (pk: PrefixKey): ReadToken => `p\u0000${pk}`,
  origin: (a: Asn): ReadToken => `o\u0000${a}`,
  lengths: (afi: 4 | 6): ReadToken => `L${afi}`,
  refs: (kind: TargetKind, key: string): ReadToken => `r\u0000${kind}\u0000${key}`,
  dump: 'd' as ReadToken,
};

const NO_IDS = new Int32Array(0);

/** A file with at least this many objects is taken for a registry dump (see `hasRegistryDump`). */
export const DUMP_OBJECT_THRESHOLD = 1000;

function bucket<K>(map: Map<K, MultiMap<string>>, k: K): MultiMap<string> {
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
  /** The objects' columns (IndexedObject views read them by id), their packed references and the names table. */
  private readonly table = new EntryTable();
  /** Each file's ids, in document order. */
  private readonly byUri = new Map<string, Int32Array>();
  /** class → key → ids; nested maps, since building `class+key` strings for every lookup was costly. */
  private readonly byKey = new Map<string, MultiMap<string>>();
  /**
   * target kind → name → the objects that reference it (each once; `referencesTo` finds the places). A kind's
   * map is built when it is first asked for and kept up to date from then on: a dump's references are mostly
   * AS numbers in policies, which the cross-object checks never look up backwards (only navigation does).
   */
  private readonly refsTo = new Map<TargetKind, MultiMap<string>>();
  private readonly routesByPrefix = new MultiMap<PrefixKey>();
  private readonly routesByOrigin = new MultiMap<number>();
  private readonly classCounts = new Map<string, number>();
  /** Route prefix lengths in use per address family, with counts: covering lookups try only these. */
  private readonly lengths = { 4: new Map<number, number>(), 6: new Map<number, number>() };
  private readonly texts = new Map<string, FileText>();
  private readonly dumps = new Set<string>();
  private gen = 0;
  /** Files opened (openFile) and not closed yet: their entries are in no list until then. */
  private opening = 0;
  private hadDump = false;
  /** The tokens read since `tracking` began, innermost first; empty when nobody is tracking. */
  private readonly readers: Set<ReadToken>[] = [];
  private readonly changeListeners = new Set<(t: ReadToken) => void>();
  /**
   * Keys that appeared in or vanished from a class during the change under way, with whether each was
   * there before it: an object edited in place is removed and added again under the same key, which must
   * not tell every reader of the class's names that they changed.
   */
  private readonly keyPresence = new Map<string, Map<string, boolean>>();
  /** The class of the object added last, and its number in the names table. */
  private lastClass = '';
  private lastClassId = -1;

  /** Bumped on every change: caches of derived data (set expansions) key on it. */
  get generation(): number {
    return this.gen;
  }

  /**
   * Runs `run` and returns what it computed with the tokens of every lookup it made (nested calls add
   * theirs to the enclosing ones too). A result stays valid until `onChange` reports one of them.
   */
  tracking<T>(run: () => T): { value: T; reads: Set<ReadToken> } {
    const reads = new Set<ReadToken>();
    this.readers.push(reads);
    try {
      const value = run();
      return { value, reads };
    } finally {
      this.readers.pop();
      this.noteReads(reads);
    }
  }

  /** True inside `tracking`: caches of lookups must then keep (or replay) what their results read. */
  get isTracking(): boolean {
    return this.readers.length > 0;
  }

  /** Adds tokens to the enclosing `tracking` calls: for caches that skip the lookups a result came from. */
  noteReads(tokens: Iterable<ReadToken>): void {
    const outer = this.readers[this.readers.length - 1];
    if (outer) for (const t of tokens) outer.add(t);
  }

  /** Calls `listener` with each token a change bumps; returns the unsubscribe function. */
  onChange(listener: (t: ReadToken) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private read(t: ReadToken): void {
    this.readers[this.readers.length - 1]?.add(t);
  }

  private bump(t: ReadToken): void {
    for (const l of this.changeListeners) l(t);
  }

  /**
   * Replace everything indexed for `uri`. Pass the text when you have it: locations in other files need it
   * to turn offsets into line/character (without it they point at the file's start). When the file was
   * indexed with its text before, only the objects an edit touched are replaced: the others keep their
   * ids, and those after the edit move by its length (a registry dump re-indexes in milliseconds).
   */
  set(uri: string, objects: readonly RpslObject[], text?: string): void {
    this.compactIfDue();
    const old = this.byUri.get(uri);
    const oldText = this.texts.get(uri)?.text;
    if (old && text !== undefined && oldText === text) return;
    const t = this.table;
    if (!old || oldText === undefined || text === undefined) {
      this.remove(uri);
      const file = this.box(uri, text ?? '');
      if (text !== undefined) this.texts.set(uri, t.files[file]!);
      this.byUri.set(uri, Int32Array.from(objects, (o) => this.add(file, o, o)));
      this.gen++;
      this.settle();
      return;
    }
    // The edit: text[prefix, text.length - suffix) replaced oldText[prefix, oldText.length - suffix).
    const max = Math.min(oldText.length, text.length);
    const prefix = commonLength(oldText, text, max, false);
    const suffix = commonLength(oldText, text, max - prefix, true);
    const delta = text.length - oldText.length;
    const oldEditEnd = oldText.length - suffix;
    // Objects wholly before the edit are unchanged where they are; those wholly after it are unchanged but
    // moved. An object touching the edit (or framed differently, e.g. merged by a removed blank line) is new.
    let head = 0;
    while (head < old.length && head < objects.length) {
      const id = old[head]!;
      const n = objects[head]!.span;
      const s = t.start.get(id);
      const e = t.end.get(id);
      if (e >= prefix || n.start !== s || n.end !== e) break;
      head++;
    }
    let tail = 0;
    while (tail < old.length - head && tail < objects.length - head) {
      const id = old[old.length - 1 - tail]!;
      const n = objects[objects.length - 1 - tail]!.span;
      const s = t.start.get(id);
      const e = t.end.get(id);
      if (s < oldEditEnd || s === 0 || n.start !== s + delta || n.end !== e + delta) break;
      tail++;
    }
    this.gen++;
    for (let i = head; i < old.length - tail; i++) this.removeEntry(old[i]!);
    // The file's entries read the new text (one text per file: an object keeps the text it was cut from
    // alive, and the index should hold one version of a document, not one per edit). Kept entries take the
    // new parse's objects (same text, same spans before the edit).
    const file = this.box(uri, text);
    this.texts.set(uri, t.files[file]!);
    const ids: number[] = [];
    for (let i = 0; i < head; i++) {
      ids.push(old[i]!);
      t.held.set(old[i]!, objects[i]!);
    }
    // Entries after the edit move first, so new entries are placed among them by their new offsets.
    // References are kept as offsets from the object's start: moving the object moves them.
    for (let i = 0; i < tail; i++) {
      const id = old[old.length - tail + i]!;
      const o = objects[objects.length - tail + i]!;
      t.held.set(id, o);
      t.start.set(id, o.span.start);
      t.end.set(id, o.span.end);
    }
    for (let i = head; i < objects.length - tail; i++) ids.push(this.add(file, objects[i]!, objects[i]));
    for (let i = old.length - tail; i < old.length; i++) ids.push(old[i]!);
    this.byUri.set(uri, Int32Array.from(ids));
    this.settle();
  }

  /**
   * Replaces what is indexed for `uri` object by object, as a caller frames `text` (in document order):
   * the entries keep what cross-object checks need and no framed object, so a registry dump costs the
   * index its text and compact facts, not its objects. `close` makes the file visible to lookups.
   */
  openFile(uri: string, text: string, lines?: LineIndex): { add(object: RpslObject): IndexedObject; close(): void } {
    this.compactIfDue();
    this.remove(uri);
    const file = this.box(uri, text, lines);
    // A file's ids are consecutive unless another file is opened at the same time: a run, until they are not
    // (a list of a dump's million ids, grown by copying, was as much garbage as the index itself).
    const run = new IdRun();
    this.opening++;
    return {
      add: (object) => {
        const id = this.add(file, object, undefined);
        run.push(id);
        return new Entry(this.table, id);
      },
      close: () => {
        this.opening--;
        this.texts.set(uri, this.table.files[file]!);
        this.byUri.set(uri, run.toArray());
        this.gen++;
        this.settle();
      },
    };
  }

  /**
   * Brings `uri` to `text`, framing only around what changed since the version indexed last: from the last
   * place before the edit where the framer starts afresh to the first one after it where the old text's
   * framing did too (see freshAt). Objects outside keep their ids (those after the edit move by its
   * length); the entries keep no framed object and frame again from the text when asked, as with openFile.
   * This is the editor's pause in typing: a 20 MB dump is not framed again whole for a keystroke.
   */
  setText(uri: string, text: string): void {
    this.compactIfDue();
    const old = this.byUri.get(uri);
    const box = this.texts.get(uri);
    const oldText = box?.text;
    if (old && oldText === text) return;
    const max = Math.min(oldText?.length ?? 0, text.length);
    const prefix = oldText === undefined ? 0 : commonLength(oldText, text, max, false);
    const suffix = oldText === undefined ? 0 : commonLength(oldText, text, max - prefix, true);
    // Whether the file may hold a foreign answer is read whole once, then only in the lines each edit writes.
    const written = text.slice(lineStartAt(text, prefix), lineEndAfter(text, text.length - suffix));
    if (!old || !box || oldText === undefined || box.foreign !== false || mayHoldForeignAnswer(written)) {
      const file = this.openFile(uri, text);
      frameRpslInto(text, { object: (o) => file.add(o), diagnostic: () => undefined });
      file.close();
      const opened = this.texts.get(uri);
      if (opened) opened.foreign = mayHoldForeignAnswer(text);
      return;
    }
    const t = this.table;
    const delta = text.length - oldText.length;
    // From: a line start at or before the edit (the text before it is the same in both versions).
    let from = lineStartAt(text, prefix);
    while (from > 0 && !freshAt(text, from)) from = lineStartBefore(text, from);
    // To: a line start at or after the edit where both versions start afresh (the text after it is the same).
    let to = text.length - suffix;
    if (to > from && text.charCodeAt(to - 1) !== 10) to = lineEndAfter(text, to);
    while (to < text.length && !(freshAt(text, to) && freshAt(oldText, to - delta))) to = lineEndAfter(text, to);
    let head = 0;
    while (head < old.length && t.start.get(old[head]!) < from) head++;
    let tail = old.length;
    while (tail > head && t.start.get(old[tail - 1]!) >= to - delta) tail--;
    this.gen++;
    for (let i = head; i < tail; i++) this.removeEntry(old[i]!);
    // One text per file, which every entry of it reads: kept entries frame again from the new text.
    box.text = text;
    box.index = undefined;
    t.reframed.clear();
    const ids: number[] = [];
    for (let i = 0; i < head; i++) {
      ids.push(old[i]!);
      t.held.delete(old[i]!);
    }
    for (let i = tail; i < old.length; i++) {
      const id = old[i]!;
      t.held.delete(id);
      t.start.set(id, t.start.get(id) + delta);
      t.end.set(id, t.end.get(id) + delta);
    }
    const file = t.fileNumber(uri);
    frameRpslInto(text, { object: (o) => void ids.push(this.add(file, o, undefined)), diagnostic: () => undefined }, { from, to, afterBlank: from > 0 });
    for (let i = tail; i < old.length; i++) ids.push(old[i]!);
    this.byUri.set(uri, Int32Array.from(ids));
    this.settle();
  }

  /**
   * Copies the live entries' references into new pages once half the store is removed entries'. Done as a
   * change begins, not as one ends, so views of the objects a change removed still read their references
   * until the next change (the editor compares a file's objects before and after an edit to find the files
   * that depend on them), and never while a file is being opened (its entries are in no list yet).
   */
  private compactIfDue(): void {
    const store = this.table.store;
    if (this.opening === 0 && store.dead > 1 << 16 && store.dead * 2 > store.used) this.table.compact();
  }

  private notePresence(cls: string, key: string, before: boolean): void {
    let m = this.keyPresence.get(cls);
    if (!m) this.keyPresence.set(cls, (m = new Map<string, boolean>()));
    if (!m.has(key)) m.set(key, before);
  }

  /** Ends a change: tells the readers of a class's names if the names changed, and of the dump flag. */
  private settle(): void {
    for (const [cls, m] of this.keyPresence) {
      const keys = this.byKey.get(cls);
      for (const [key, before] of m) {
        if ((keys?.count(key) ?? 0) > 0 !== before) {
          this.bump(token.cls(cls));
          break;
        }
      }
    }
    this.keyPresence.clear();
    const now = this.computeHasDump();
    if (now !== this.hadDump) this.bump(token.dump);
    this.hadDump = now;
  }

  /** The file number of `uri`, its text box now holding `text`: the file's entries (kept ones too) read it. */
  private box(uri: string, text: string, index?: LineIndex): number {
    const n = this.table.fileNumber(uri);
    this.table.files[n] = index ? { uri, text, index } : { uri, text };
    this.table.reframed.clear();
    return n;
  }

  private add(file: number, object: RpslObject, held: RpslObject | undefined): number {
    const t = this.table;
    const className = object.className;
    const route = className === 'route' || className === 'route6' ? routeOf(object) : undefined;
    // A route's key is its own (prefix and origin); other keys are names that references share.
    const key = route ? detached(routeKey(route)) : primaryKey(object);
    const keyId = route ? -1 : t.store.id(key);
    // Objects come in runs of one class: its number is looked up once per run.
    if (this.lastClassId < 0 || className !== this.lastClass) this.lastClassId = t.store.id((this.lastClass = className));
    const id = t.add(file, object, this.lastClassId, keyId, route);
    if (held) t.held.set(id, held);
    const keys = bucket(this.byKey, className);
    // Tokens are built only when someone listens: a first load of a dump has nobody to tell.
    const notify = this.changeListeners.size > 0;
    if (notify) {
      if (keys.count(key) === 0) this.notePresence(className, key, false);
      this.bump(token.key(className, key));
      this.bump(token.count(className));
    }
    keys.addInOrder(route ? key : t.store.names[keyId]!, id, t.order);
    this.classCounts.set(className, (this.classCounts.get(className) ?? 0) + 1);
    if (route) {
      const pk = prefixKey(route.prefix);
      this.routesByPrefix.addInOrder(pk, id, t.order);
      this.routesByOrigin.addInOrder(route.origin, id, t.order);
      if (notify) {
        this.bump(token.prefix(pk));
        this.bump(token.origin(route.origin));
      }
      const l = this.lengths[route.prefix.afi];
      const n = l.get(route.prefix.length) ?? 0;
      l.set(route.prefix.length, n + 1);
      if (n === 0 && notify) this.bump(token.lengths(route.prefix.afi));
    }
    if (notify || this.refsTo.size > 0) {
      let lastKind: TargetKind | undefined;
      let refs: MultiMap<string> | undefined;
      refTargets(t, id, (kind, k) => {
        if (kind !== lastKind) refs = this.refsTo.get((lastKind = kind));
        refs?.addInOrderOnce(k, id, t.order);
        if (notify) this.bump(token.refs(kind, k));
      });
    }
    return id;
  }

  /** The reverse map of `kind`, built from every entry the first time it is asked for. */
  private referrers(kind: TargetKind): MultiMap<string> {
    let refs = this.refsTo.get(kind);
    if (refs) return refs;
    this.refsTo.set(kind, (refs = new MultiMap()));
    const t = this.table;
    for (const ids of this.byUri.values())
      for (const id of ids)
        refTargets(t, id, (k, key) => {
          if (k === kind) refs.addInOrderOnce(key, id, t.order);
        });
    return refs;
  }

  private removeEntry(id: number): void {
    const t = this.table;
    const notify = this.changeListeners.size > 0;
    const className = t.store.names[t.cls.get(id)]!;
    const key = t.keyOf(id);
    const keys = this.byKey.get(className);
    keys?.delete(key, id);
    if (notify) {
      if (keys?.count(key) === 0) this.notePresence(className, key, true);
      this.bump(token.key(className, key));
      this.bump(token.count(className));
    }
    const n = (this.classCounts.get(className) ?? 1) - 1;
    if (n > 0) this.classCounts.set(className, n);
    else this.classCounts.delete(className);
    const row = t.route.get(id);
    if (row !== 0) {
      const route = t.routeOf(row - 1);
      const pk = prefixKey(route.prefix);
      this.routesByPrefix.delete(pk, id);
      this.routesByOrigin.delete(route.origin, id);
      if (notify) {
        this.bump(token.prefix(pk));
        this.bump(token.origin(route.origin));
      }
      const l = this.lengths[route.prefix.afi];
      const c = (l.get(route.prefix.length) ?? 1) - 1;
      if (c > 0) l.set(route.prefix.length, c);
      else {
        l.delete(route.prefix.length);
        if (notify) this.bump(token.lengths(route.prefix.afi));
      }
    }
    if (notify || this.refsTo.size > 0) {
      // Each name once: an aut-num of a dump names the same peer in thousands of its references.
      const done = new Set<string>();
      refTargets(t, id, (kind, k) => {
        const name = `${kind}\u0000${k}`;
        if (done.has(name)) return;
        done.add(name);
        this.refsTo.get(kind)?.delete(k, id);
        if (notify) this.bump(token.refs(kind, k));
      });
    }
    t.remove(id);
  }

  remove(uri: string): void {
    const old = this.byUri.get(uri);
    this.texts.delete(uri);
    if (!old) return;
    this.gen++;
    this.byUri.delete(uri);
    for (const id of old) this.removeEntry(id);
    this.settle();
  }

  /** Marks (or unmarks) `uri` as a registry dump, e.g. a file from `routelens.workspace.extraFiles`. */
  markRegistryDump(uri: string, isDump = true): void {
    if (isDump) this.dumps.add(uri);
    else this.dumps.delete(uri);
    this.gen++;
    this.settle();
  }

  private computeHasDump(): boolean {
    for (const u of this.dumps) if (this.byUri.has(u)) return true;
    for (const list of this.byUri.values()) if (list.length >= DUMP_OBJECT_THRESHOLD) return true;
    return false;
  }

  /**
   * True when the workspace holds a registry dump: a marked file, or a file of at least
   * DUMP_OBJECT_THRESHOLD objects. Only then does an unresolved reference say something.
   */
  hasRegistryDump(): boolean {
    this.read(token.dump);
    return this.hadDump;
  }

  /** Views of `ids` (as a MultiMap stores them). */
  private views(ids: number | ArrayLike<number> | undefined): Entry[] {
    if (ids === undefined) return [];
    if (typeof ids === 'number') return [new Entry(this.table, ids)];
    const out = new Array<Entry>(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = new Entry(this.table, ids[i]!);
    return out;
  }

  lookup(className: string, key: string): readonly IndexedObject[] {
    // One map read when the key is given as stored (the cross-checks' keys are); else normalised like IRRd.
    const exact = this.byKey.get(className)?.peek(key);
    if (exact !== undefined) {
      if (this.readers.length > 0) this.read(token.key(className, key));
      return this.views(exact);
    }
    const cls = className.toLowerCase();
    let k = key.toUpperCase();
    if (cls === 'aut-num') {
      const a = parseAsn(k);
      if (a.ok) k = `AS${a.asn}`;
    }
    if (this.readers.length > 0) this.read(token.key(cls, k));
    return cls === className && k === key ? [] : this.views(this.byKey.get(cls)?.peek(k));
  }

  /** The objects a reference target resolves to (a contact may be a person or a role). */
  resolve(kind: TargetKind, key: string): readonly IndexedObject[] {
    const classes = TARGET_CLASSES[kind];
    if (classes.length === 1) return this.lookup(classes[0]!, key);
    const out: IndexedObject[] = [];
    for (const cls of classes) out.push(...this.lookup(cls, key));
    return out;
  }

  /** Every place that references `kind`/`key`. */
  referencesTo(kind: TargetKind, key: string): readonly ReferenceSite[] {
    const k = key.toUpperCase();
    if (this.readers.length > 0) this.read(token.refs(kind, k));
    const out: ReferenceSite[] = [];
    this.referrers(kind).forEach(k, (id) => {
      const e = new Entry(this.table, id);
      for (let i = 0; i < e.refCount; i++) if (e.refIs(i, kind, k)) out.push(new Site(e, i));
    });
    return out;
  }

  /** The objects that reference `kind`/`key`, each once (referencesTo without making each place). */
  referringObjects(kind: TargetKind, key: string): readonly IndexedObject[] {
    const k = key.toUpperCase();
    if (this.readers.length > 0) this.read(token.refs(kind, k));
    return this.views(this.referrers(kind).peek(k));
  }

  /** The reference kind an object is the target of (as-set → as-set, person → contact …). */
  targetKindOf(className: string): TargetKind | undefined {
    return CLASS_TO_TARGET[className];
  }

  /** Route objects for exactly `p`. */
  routesFor(p: Prefix): readonly IndexedObject[] {
    const pk = prefixKey(p);
    if (this.readers.length > 0) this.read(token.prefix(pk));
    return this.views(this.routesByPrefix.peek(pk));
  }

  /** Route objects whose prefix covers `p` (or equals it). */
  coveringRoutes(p: Prefix): IndexedObject[] {
    const out: IndexedObject[] = [];
    const tracked = this.readers.length > 0;
    if (tracked) this.read(token.lengths(p.afi));
    for (const len of this.lengths[p.afi].keys()) {
      if (len > p.length) continue;
      const pk = prefixKey(len === p.length ? p : maskPrefix(p, len));
      if (tracked) this.read(token.prefix(pk));
      this.routesByPrefix.forEach(pk, (id) => void out.push(new Entry(this.table, id)));
    }
    return out;
  }

  /** How many route objects `origin` has, without copying them. */
  routeCountOf(origin: Asn): number {
    if (this.readers.length > 0) this.read(token.origin(origin));
    return this.routesByOrigin.count(origin);
  }

  routesOriginatedBy(origin: Asn): readonly IndexedObject[] {
    if (this.readers.length > 0) this.read(token.origin(origin));
    return this.views(this.routesByOrigin.peek(origin));
  }

  /**
   * The aut-num of `a`. When several registries hold one (a stub in NTTCOM, the full policy in ARIN), the copy
   * with the most policy lines: the one that describes the AS's routing (the others are framed only then).
   */
  autNum(a: Asn): IndexedObject | undefined {
    const copies = this.lookup('aut-num', `AS${a}`);
    if (copies.length < 2) return copies[0];
    let best = copies[0];
    let most = -1;
    for (const c of copies) {
      let n = 0;
      for (const attr of c.object.attributes) if (POLICY_ATTRIBUTES.has(attr.name)) n++;
      if (n > most) {
        most = n;
        best = c;
      }
    }
    return best;
  }

  /** The keys defined for `className`. */
  keysOf(className: string): Iterable<string> {
    if (this.readers.length > 0) this.read(token.cls(className));
    return this.byKey.get(className)?.keys() ?? [];
  }

  /** How many different keys `className` has (objects sharing a key count once). */
  keyCountOf(className: string): number {
    if (this.readers.length > 0) this.read(token.cls(className));
    return this.byKey.get(className)?.size ?? 0;
  }

  countOf(className: string): number {
    if (this.readers.length > 0) this.read(token.count(className));
    return this.classCounts.get(className) ?? 0;
  }

  /** The objects of `uri`, in document order (a view of each, made now). */
  objectsIn(uri: string): readonly IndexedObject[] {
    const ids = this.byUri.get(uri);
    return ids ? this.views(ids) : [];
  }

  /**
   * The ids of `uri`'s objects, in document order: the same array until the file changes (a change makes a
   * new one), so a caller can tell at once whether the file changed since it last looked.
   */
  idsIn(uri: string): Int32Array {
    return this.byUri.get(uri) ?? NO_IDS;
  }

  /** A view of the object `id` (an id of idsIn). */
  objectOf(id: number): IndexedObject {
    return new Entry(this.table, id);
  }

  /** How many objects `uri` holds, without making them. */
  objectCountIn(uri: string): number {
    return this.byUri.get(uri)?.length ?? 0;
  }

  /** The objects of `uri` one at a time, each view made when reached: a dump's million objects are never all made at once. */
  *eachObjectIn(uri: string): Generator<IndexedObject> {
    const ids = this.byUri.get(uri);
    if (ids) for (const id of ids) yield new Entry(this.table, id);
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
    for (const uri of this.byUri.keys()) yield* this.eachObjectIn(uri);
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


/** The start of the line `pos` is on (lastIndexOf with -1 looks at offset 0: a line break inserted at the very start was taken for the one before the edit). */
function lineStartAt(text: string, pos: number): number {
  return pos <= 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
}

/** The start of the line after the one `pos` is in (or the text's length). */
function lineEndAfter(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
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
