import { parseAsn, type Asn } from '../net/asn';
import { formatPrefix, parsePrefix, type Prefix } from '../net/prefix';
import { frameRpslInto } from '../rpsl/frame';
import { freshAt, lineStartBefore, mayHoldForeignAnswer } from '../rpsl/freshAt';
import { firstValue, type RpslObject } from '../rpsl/model';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/range';
import { commonLength } from '../text/commonLength';
import { detached } from '../text/detach';
import { MultiMap } from './multiMap';
import { asnKey, visitReferences, TARGET_CLASSES, type ObjectReference, type Strength, type TargetKind } from './references';

/** The attributes that carry an aut-num's routing policy. */
const POLICY_ATTRIBUTES: ReadonlySet<string> = new Set(['import', 'export', 'mp-import', 'mp-export', 'default', 'mp-default', 'import-via', 'export-via']);

export interface IndexedObject {
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
 * The text a file was indexed from, shared by its entries: replaced on a new version, except by `setText`,
 * which gives it the new text (its entries then move with the edit).
 */
interface FileText {
  readonly uri: string;
  text: string;
  index?: LineIndex;
  /** The text may hold another server's answer, which empty lines do not end: setText then frames it whole. */
  foreign?: boolean;
  readonly store: FactStore;
}

/** Numbers per page of a FactStore once past its first, smaller pages (4 MB). */
const PAGE = 1 << 20;

/**
 * Where an index keeps its entries' small facts, packed: Int32Array pages for every entry's name span and
 * references, and one table of the names references use (each name once, by number). A dump has millions
 * of entries and tens of millions of references; an object, a typed array (about 200 bytes with its buffer)
 * or a string per entry or reference is what made the index many times the size of the text it came from.
 * Pages are never grown or copied: one array grown by doubling held its old copies until the next full
 * garbage collection (an ArrayBuffer that lived a while goes only then), so a 52 MB dump's index briefly
 * took three times its size, and a 1 GB dump's needed one array of 2 GB beside the old one of 1 GB.
 *
 * An entry's slot, at `Entry.at` in `Entry.page`: name start and end (offsets from the object's start), the
 * number of references n, then per reference: kind | strength << 4 | attribute << 8, name number (for an
 * aut-num, the AS number itself: a dump's policies name hundreds of thousands of them), start, end. A slot
 * never spans two pages (a slot bigger than a page has a page of its own).
 * Removed entries leave their slots behind; `compact` copies the live ones once half the space is dead.
 */
class FactStore {
  /** The page slots are given from; `alloc` may start a new one. */
  page = new Int32Array(1 << 16);
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

  /** One string per name: the table's own copy of `s`. */
  intern(s: string): string {
    return this.names[this.id(s)]!;
  }

  /** Room for `n` numbers: where they go in `this.page` (read it after the call: it may be a new page). */
  alloc(n: number): number {
    if (this.next + n > this.page.length) {
      // Pages double up to PAGE, so a small workspace keeps a small store.
      this.page = new Int32Array(Math.max(n, Math.min(PAGE, this.page.length * 2)));
      this.next = 0;
    }
    const at = this.next;
    this.next += n;
    this.used += n;
    return at;
  }

  /** Copies the slots of `live` (every entry that still has one) into new pages, in order, dropping the dead ones. */
  compact(live: Iterable<Entry>): void {
    this.page = new Int32Array(1 << 16);
    this.next = 0;
    this.used = 0;
    this.dead = 0;
    for (const e of live) {
      const n = 3 + 4 * e.page[e.at + 2]!;
      const at = this.alloc(n);
      this.page.set(e.page.subarray(e.at, e.at + n), at);
      e.page = this.page;
      e.at = at;
    }
  }
}

/** The object an entry last framed again, per entry (most recent last); see `Entry.object`. */
const reframed = new Map<Entry, RpslObject>();
const REFRAMED_KEPT = 64;

/**
 * The index's own view of an object. When a file is re-indexed, an object whose text did not change keeps
 * its entry, and so every map slot that points at it; only its place moves (`start`, `end`, `held`).
 *
 * What it holds is compact, since a dump's entries live as long as the index: its name span and references
 * packed in the index's FactStore (names by number), class and key shared through the store's name table
 * and, for a file indexed object by object, no framed object at all — `object` frames it again from the
 * file's text when a check needs its attributes.
 */
class Entry implements IndexedObject {
  /**
   * A route's prefix and origin (RouteEntry), and the framed object when the index keeps it (a document open in
   * the editor keeps it anyway): properties of those entries only, not a slot in every entry of a dump (an
   * entry is some 90 bytes, and a dump has millions).
   */
  declare readonly route?: RouteFact;
  declare held?: RpslObject;
  /** The FactStore page that holds the entry's slot, and where in it the slot starts. */
  page: Int32Array;
  at: number;

  constructor(
    /** The file's text (see setText: one per file, its text replaced on edits), read when `object` frames it again. */
    public file: FileText,
    readonly className: string,
    readonly key: string,
    object: RpslObject,
    public start: number,
    public end: number,
    held: RpslObject | undefined,
  ) {
    if (held) this.held = held;
    const store = file.store;
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
    this.at = store.alloc(3 + n * 4);
    this.page = store.page;
    this.page.set(scratch.subarray(0, 3 + n * 4), this.at);
  }

  get uri(): string {
    return this.file.uri;
  }

  get object(): RpslObject {
    if (this.held) return this.held;
    let o = reframed.get(this);
    if (o) {
      reframed.delete(this);
    } else {
      frameRpslInto(this.file.text, { object: (x) => (o ??= x), diagnostic: () => undefined }, { from: this.start, to: this.end, afterBlank: true });
      o ??= { className: this.className, attributes: [], span: this.span };
      if (reframed.size >= REFRAMED_KEPT) for (const k of reframed.keys()) {
        reframed.delete(k);
        break;
      }
    }
    reframed.set(this, o);
    return o;
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get nameSpan(): Span {
    const d = this.page;
    return { start: this.start + d[this.at]!, end: this.start + d[this.at + 1]! };
  }

  get refCount(): number {
    return this.page[this.at + 2]!;
  }

  refAt(i: number): ObjectReference {
    const data = this.page;
    const names = this.file.store.names;
    const at = this.at + 3 + i * 4;
    const m = data[at]!;
    return {
      kind: KINDS[m & 15]!,
      key: keyOf(m, data[at + 1]!, names),
      attribute: attributeNames[m >>> 8]!,
      span: { start: this.start + data[at + 2]!, end: this.start + data[at + 3]! },
      strength: STRENGTHS[(m >>> 4) & 15]!,
    };
  }

  refKindAt(i: number): TargetKind {
    return KINDS[this.page[this.at + 3 + i * 4]! & 15]!;
  }

  refKeyAt(i: number): string {
    const data = this.page;
    const names = this.file.store.names;
    const at = this.at + 3 + i * 4;
    return keyOf(data[at]!, data[at + 1]!, names);
  }

  refAttributeAt(i: number): string {
    return attributeNames[this.page[this.at + 3 + i * 4]! >>> 8]!;
  }

  /** Does reference `i` name `kind`/`key`? (Without making its object.) */
  refIs(i: number, kind: TargetKind, key: string): boolean {
    const data = this.page;
    const names = this.file.store.names;
    const at = this.at + 3 + i * 4;
    return KINDS[data[at]! & 15] === kind && keyOf(data[at]!, data[at + 1]!, names) === key;
  }

  /** The references, made on each call (they are kept packed). */
  get refs(): readonly ObjectReference[] {
    const out: ObjectReference[] = new Array<ObjectReference>(this.refCount);
    for (let i = 0; i < out.length; i++) out[i] = this.refAt(i);
    return out;
  }

  /** Each reference's kind and key, repeats included (the reverse maps add an entry once per name). */
  refTargets(visit: (kind: TargetKind, key: string) => void): void {
    const data = this.page;
    const names = this.file.store.names;
    const n = data[this.at + 2]!;
    for (let i = 0, at = this.at + 3; i < n; i++, at += 4) visit(KINDS[data[at]! & 15]!, keyOf(data[at]!, data[at + 1]!, names));
  }
}

/** The entry of a route or route6 object: the one kind with a route. */
class RouteEntry extends Entry {
  constructor(
    file: FileText,
    className: string,
    key: string,
    object: RpslObject,
    start: number,
    end: number,
    held: RpslObject | undefined,
    override readonly route: RouteFact,
  ) {
    super(file, className, key, object, start, end, held);
  }
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
 * Objects sharing a key (duplicates, a prefix's routes, a name's referrers) are kept in file and document
 * order, so which one comes first does not depend on the order files were indexed or edited in.
 */
function entryOrder(a: Entry, b: Entry): number {
  return a.uri === b.uri ? a.start - b.start : a.uri < b.uri ? -1 : 1;
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
  private readonly byUri = new Map<string, readonly Entry[]>();
  /** class → key → objects; nested maps, since building `class+key` strings for every lookup was costly. */
  private readonly byKey = new Map<string, MultiMap<string, Entry>>();
  /**
   * target kind → name → the objects that reference it (each once; `referencesTo` finds the places). A kind's
   * map is built when it is first asked for and kept up to date from then on: a dump's references are mostly
   * AS numbers in policies, which the cross-object checks never look up backwards (only navigation does).
   */
  private readonly refsTo = new Map<TargetKind, MultiMap<string, Entry>>();
  /** Entries' packed facts and one string per name: a dump names the same few thousand sets and ASNs millions of times. */
  private readonly store = new FactStore();
  private readonly routesByPrefix = new MultiMap<PrefixKey, Entry>();
  private readonly routesByOrigin = new MultiMap<number, Entry>();
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
   * entries, and those after the edit move by its length (a registry dump re-indexes in milliseconds).
   */
  set(uri: string, objects: readonly RpslObject[], text?: string): void {
    const old = this.byUri.get(uri);
    const oldText = this.texts.get(uri)?.text;
    if (old && text !== undefined && oldText === text) return;
    if (!old || oldText === undefined || text === undefined) {
      this.remove(uri);
      const box = this.box(uri, text ?? '');
      if (text !== undefined) this.texts.set(uri, box);
      this.byUri.set(uri, objects.map((o) => this.add(box, o, o)));
      this.gen++;
      this.settle();
      return;
    }
    const box = this.box(uri, text);
    this.texts.set(uri, box);
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
      const o = old[head]!.span;
      const n = objects[head]!.span;
      if (o.end >= prefix || n.start !== o.start || n.end !== o.end) break;
      head++;
    }
    let tail = 0;
    while (tail < old.length - head && tail < objects.length - head) {
      const o = old[old.length - 1 - tail]!.span;
      const n = objects[objects.length - 1 - tail]!.span;
      if (o.start < oldEditEnd || o.start === 0 || n.start !== o.start + delta || n.end !== o.end + delta) break;
      tail++;
    }
    this.gen++;
    for (let i = head; i < old.length - tail; i++) this.removeEntry(old[i]!);
    // Kept entries take the new parse's objects (same text, same spans before the edit): an object keeps the
    // text it was cut from alive, and the index should hold one version of a document, not one per edit.
    const entries: Entry[] = old.slice(0, head);
    for (let i = 0; i < head; i++) {
      entries[i]!.held = objects[i]!;
      entries[i]!.file = box;
    }
    // Entries after the edit move first, so new entries are placed among them by their new offsets.
    // References are kept as offsets from the object's start: moving the object moves them.
    const moved = old.slice(old.length - tail);
    moved.forEach((e, i) => {
      const o = objects[objects.length - tail + i]!;
      e.held = o;
      e.file = box;
      e.start = o.span.start;
      e.end = o.span.end;
    });
    for (let i = head; i < objects.length - tail; i++) entries.push(this.add(box, objects[i]!, objects[i]));
    entries.push(...moved);
    this.byUri.set(uri, entries);
    this.settle();
  }

  /**
   * Replaces what is indexed for `uri` object by object, as a caller frames `text` (in document order):
   * the entries keep what cross-object checks need and no framed object, so a registry dump costs the
   * index its text and compact facts, not its objects. `close` makes the file visible to lookups.
   */
  openFile(uri: string, text: string, lines?: LineIndex): { add(object: RpslObject): IndexedObject; close(): void } {
    this.remove(uri);
    const source = this.box(uri, text, lines);
    const entries: Entry[] = [];
    this.opening++;
    return {
      add: (object) => {
        const entry = this.add(source, object, undefined);
        entries.push(entry);
        return entry;
      },
      close: () => {
        this.opening--;
        this.texts.set(uri, source);
        this.byUri.set(uri, entries);
        this.gen++;
        this.settle();
      },
    };
  }

  /**
   * Brings `uri` to `text`, framing only around what changed since the version indexed last: from the last
   * place before the edit where the framer starts afresh to the first one after it where the old text's
   * framing did too (see freshAt). Objects outside keep their entries (those after the edit move by its
   * length); the entries keep no framed object and frame again from the text when asked, as with openFile.
   * This is the editor's pause in typing: a 20 MB dump is not framed again whole for a keystroke.
   */
  setText(uri: string, text: string): void {
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
    const delta = text.length - oldText.length;
    // From: a line start at or before the edit (the text before it is the same in both versions).
    let from = lineStartAt(text, prefix);
    while (from > 0 && !freshAt(text, from)) from = lineStartBefore(text, from);
    // To: a line start at or after the edit where both versions start afresh (the text after it is the same).
    let to = text.length - suffix;
    if (to > from && text.charCodeAt(to - 1) !== 10) to = lineEndAfter(text, to);
    while (to < text.length && !(freshAt(text, to) && freshAt(oldText, to - delta))) to = lineEndAfter(text, to);
    let head = 0;
    while (head < old.length && old[head]!.start < from) head++;
    let tail = old.length;
    while (tail > head && old[tail - 1]!.start >= to - delta) tail--;
    this.gen++;
    for (let i = head; i < tail; i++) this.removeEntry(old[i]!);
    // One text per file, which every entry of it reads: kept entries frame again from the new text.
    box.text = text;
    box.index = undefined;
    reframed.clear();
    const entries: Entry[] = old.slice(0, head);
    for (const e of entries) {
      e.held = undefined;
      e.file = box;
    }
    const moved = old.slice(tail);
    for (const e of moved) {
      e.held = undefined;
      e.file = box;
      e.start += delta;
      e.end += delta;
    }
    frameRpslInto(text, { object: (o) => void entries.push(this.add(box, o, undefined)), diagnostic: () => undefined }, { from, to, afterBlank: from > 0 });
    for (const e of moved) entries.push(e);
    this.byUri.set(uri, entries);
    this.settle();
  }

  private notePresence(cls: string, key: string, before: boolean): void {
    let m = this.keyPresence.get(cls);
    if (!m) this.keyPresence.set(cls, (m = new Map<string, boolean>()));
    if (!m.has(key)) m.set(key, before);
  }

  /** Ends a change: tells the readers of a class's names if the names changed, and of the dump flag. */
  private settle(): void {
    // The store is compacted between changes, when every entry is in byUri (none of a file being opened).
    if (this.opening === 0 && this.store.dead > 1 << 16 && this.store.dead * 2 > this.store.used) this.store.compact(this.all() as Iterable<Entry>);
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

  /** A file's text box, sharing the index's store. */
  private box(uri: string, text: string, index?: LineIndex): FileText {
    return index ? { uri, text, index, store: this.store } : { uri, text, store: this.store };
  }

  private add(file: FileText, object: RpslObject, held: RpslObject | undefined): Entry {
    const className = object.className;
    const route = className === 'route' || className === 'route6' ? routeOf(object) : undefined;
    // Keys outlive the text they were cut from (see `detached`).
    // A route's key is its own (prefix and origin); other keys are names that references share.
    const key = route ? detached(`${route.normalized.toUpperCase()}AS${route.origin}`) : this.store.intern(primaryKey(object));
    const cls = this.store.intern(className);
    const { start, end } = object.span;
    const e = route ? new RouteEntry(file, cls, key, object, start, end, held, new RouteFact(route.prefix, route.origin)) : new Entry(file, cls, key, object, start, end, held);
    const keys = bucket(this.byKey, className);
    // Tokens are built only when someone listens: a first load of a dump has nobody to tell.
    const notify = this.changeListeners.size > 0;
    if (notify) {
      if (keys.count(key) === 0) this.notePresence(className, key, false);
      this.bump(token.key(className, key));
      this.bump(token.count(className));
    }
    keys.addInOrder(key, e, entryOrder);
    this.classCounts.set(className, (this.classCounts.get(className) ?? 0) + 1);
    if (route) {
      const pk = prefixKey(route.prefix);
      this.routesByPrefix.addInOrder(pk, e, entryOrder);
      this.routesByOrigin.addInOrder(route.origin, e, entryOrder);
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
      let refs: MultiMap<string, Entry> | undefined;
      e.refTargets((kind, k) => {
        if (kind !== lastKind) refs = this.refsTo.get((lastKind = kind));
        refs?.addInOrderOnce(k, e, entryOrder);
        if (notify) this.bump(token.refs(kind, k));
      });
    }
    return e;
  }

  /** The reverse map of `kind`, built from every entry the first time it is asked for. */
  private referrers(kind: TargetKind): MultiMap<string, Entry> {
    let refs = this.refsTo.get(kind);
    if (refs) return refs;
    this.refsTo.set(kind, (refs = new MultiMap()));
    for (const list of this.byUri.values())
      for (const e of list)
        e.refTargets((k, key) => {
          if (k === kind) refs.addInOrderOnce(key, e, entryOrder);
        });
    return refs;
  }

  private removeEntry(e: Entry): void {
    this.store.dead += 3 + 4 * e.refCount;
    const notify = this.changeListeners.size > 0;
    const keys = this.byKey.get(e.className);
    keys?.deleteWhere(e.key, (x) => x === e);
    if (notify) {
      if (keys?.count(e.key) === 0) this.notePresence(e.className, e.key, true);
      this.bump(token.key(e.className, e.key));
      this.bump(token.count(e.className));
    }
    const n = (this.classCounts.get(e.className) ?? 1) - 1;
    if (n > 0) this.classCounts.set(e.className, n);
    else this.classCounts.delete(e.className);
    if (e.route) {
      const pk = prefixKey(e.route.prefix);
      this.routesByPrefix.deleteWhere(pk, (x) => x === e);
      this.routesByOrigin.deleteWhere(e.route.origin, (x) => x === e);
      if (notify) {
        this.bump(token.prefix(pk));
        this.bump(token.origin(e.route.origin));
      }
      const l = this.lengths[e.route.prefix.afi];
      const c = (l.get(e.route.prefix.length) ?? 1) - 1;
      if (c > 0) l.set(e.route.prefix.length, c);
      else {
        l.delete(e.route.prefix.length);
        if (notify) this.bump(token.lengths(e.route.prefix.afi));
      }
    }
    if (!notify && this.refsTo.size === 0) return;
    // Each name once: an aut-num of a dump names the same peer in thousands of its references.
    const done = new Set<string>();
    e.refTargets((kind, k) => {
      const id = `${kind}\u0000${k}`;
      if (done.has(id)) return;
      done.add(id);
      this.refsTo.get(kind)?.deleteWhere(k, (x) => x === e);
      if (notify) this.bump(token.refs(kind, k));
    });
  }

  remove(uri: string): void {
    const old = this.byUri.get(uri);
    this.texts.delete(uri);
    if (!old) return;
    this.gen++;
    this.byUri.delete(uri);
    for (const e of old) this.removeEntry(e);
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

  lookup(className: string, key: string): readonly IndexedObject[] {
    const exact = this.byKey.get(className)?.get(key);
    if (exact && exact.length > 0) {
      if (this.readers.length > 0) this.read(token.key(className, key));
      return exact;
    }
    const cls = className.toLowerCase();
    let k = key.toUpperCase();
    if (cls === 'aut-num') {
      const a = parseAsn(k);
      if (a.ok) k = `AS${a.asn}`;
    }
    if (this.readers.length > 0) this.read(token.key(cls, k));
    return this.byKey.get(cls)?.get(k) ?? [];
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
    for (const e of this.referrers(kind).get(k)) for (let i = 0; i < e.refCount; i++) if (e.refIs(i, kind, k)) out.push(new Site(e, i));
    return out;
  }

  /** The objects that reference `kind`/`key`, each once (referencesTo without making each place). */
  referringObjects(kind: TargetKind, key: string): readonly IndexedObject[] {
    const k = key.toUpperCase();
    if (this.readers.length > 0) this.read(token.refs(kind, k));
    return this.referrers(kind).get(k);
  }

  /** The reference kind an object is the target of (as-set → as-set, person → contact …). */
  targetKindOf(className: string): TargetKind | undefined {
    return CLASS_TO_TARGET[className];
  }

  /** Route objects for exactly `p`. */
  routesFor(p: Prefix): readonly IndexedObject[] {
    const pk = prefixKey(p);
    if (this.readers.length > 0) this.read(token.prefix(pk));
    return [...this.routesByPrefix.get(pk)];
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
      for (const r of this.routesByPrefix.get(pk)) out.push(r);
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
    return [...this.routesByOrigin.get(origin)];
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
