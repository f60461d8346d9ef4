import type { LgRoute } from '../lg/types';
import type { Asn } from '../net/asn';
import { AsnIds } from './asnIds';
import { ChunkedColumn } from './chunkedColumn';
import { ipv4PrefixText, packIPv4Prefix } from './packedPrefix';
import { PairIndex } from './pairIndex';

/**
 * One route someone observed (a looking glass, a collector peer, a router's table): the evidence ASPA
 * authoring rests on. The path is as printed — neighbour first, origin last — with prepends removed.
 */
export interface ObservedRoute {
  readonly prefix: string;
  readonly path: readonly Asn[];
  /** Who saw it: a collector peer, a router, a looking glass; routes of one vantage point count once per neighbour. */
  readonly vantage: string;
  /** The file it came from, for the user to find it again. */
  readonly source: string;
  /** 0-based line in `source`, where known. */
  readonly line?: number;
  /** Unix seconds (whole), where the input says (MRT, bgpdump). */
  readonly time?: number;
}

/** How often one AS was seen beside another, and by whom. */
export interface NeighbourEvidence {
  /** Routes with the two ASes adjacent. */
  readonly paths: number;
  /** Distinct vantage points among those routes. */
  readonly vantages: number;
  /**
   * Routes where the left AS passed the route on to yet another AS (it was not the path's first AS):
   * what a transit provider does with its customer's routes, and a peer does not do with its peer's.
   */
  readonly propagated: number;
  /** Routes whose origin is the right AS (its own prefixes). */
  readonly ownPrefixes: number;
}

/** Unix time 0 is never an observation's time: it stands for "not given". */
const NO_TIME = 0;
const NO_LINE = 0xffffffff;

/** Strings (prefixes, vantage points, file names) as dense ids, each string kept once. */
class StringIds {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(s, id);
      this.values.push(s);
    }
    return id;
  }
}

/** Route numbers by AS id: those of id a are `routes[start[a] … start[a + 1])`. */
interface Postings {
  readonly start: Uint32Array;
  readonly routes: Uint32Array;
}

/** Per adjacency: counts in one array, STATS entries each (no object per adjacency). */
const PATHS = 0;
const VANTAGES = 1;
const PROPAGATED = 2;
const OWN_PREFIXES = 3;
/** While counting: a bit per vantage point of the current group of 32, and that group's number + 1. */
const MASK = 4;
const GROUP = 5;
const STATS = 6;

/** The adjacencies (left id, right id), counted in one pass over the routes grouped by vantage point. */
interface Adjacency {
  readonly pairs: PairIndex;
  readonly stats: Uint32Array;
  /** The adjacencies grouped by right id: those of right id r are `byRight[rightStart[r] … rightStart[r + 1])`. */
  readonly rightStart: Uint32Array;
  readonly byRight: Uint32Array;
}

/**
 * Observed routes indexed by adjacency: for each AS, the ASes seen immediately to its left (those it sent
 * routes to, the direction of a provider on the way up) and to its right (those it received them from).
 *
 * Sized for full tables from many vantage points (10 M routes and more): no object per route. AS numbers are
 * interned to dense ids and every path is stored once, as a run of ids in one chunked column of integers;
 * prefixes, vantage points and files are interned too, and a route is a handful of integers in columns. The
 * adjacency counts are built on the first question after routes were added, in one pass.
 */
export class PathEvidence {
  private readonly asnIds = new AsnIds();
  /** Each path as [length + 1, ids…]; a 0 where a header would be ends a chunk's data (no path straddles two chunks). */
  private readonly store: ChunkedColumn;
  private end = 0;
  /** Per route: where its path starts in `store`, its prefix, its observer (vantage point and file), line, time. */
  private readonly offsets: ChunkedColumn;
  /** An IPv4 prefix as its address and length + 1 (no string per route); other prefixes as 0 and a text id. */
  private readonly prefixWords: ChunkedColumn;
  private readonly prefixLengths: ChunkedColumn;
  private readonly packed = new Uint32Array(2);
  private readonly observerIds: ChunkedColumn;
  private readonly lines: ChunkedColumn;
  private readonly times: ChunkedColumn;
  private readonly prefixTexts = new StringIds();
  private readonly vantages = new StringIds();
  private readonly sources = new StringIds();
  /** (vantage id, source id) → observer id. */
  private readonly observers = new PairIndex(64);
  private count = 0;
  private adjacency: Adjacency | undefined;
  /** The routes through each AS, built on first use (the editor asks on every keystroke in an .aspa file). */
  private postings: Postings | undefined;

  /** `chunkBits`: 2^bits entries per chunk of every column; tests make it small to cross chunk boundaries often. */
  constructor(options: { readonly chunkBits?: number } = {}) {
    const bits = options.chunkBits ?? 16;
    this.store = new ChunkedColumn(0, bits);
    this.offsets = new ChunkedColumn(0, bits);
    this.prefixWords = new ChunkedColumn(0, bits);
    this.prefixLengths = new ChunkedColumn(0, bits);
    this.observerIds = new ChunkedColumn(0, bits);
    this.lines = new ChunkedColumn(NO_LINE, bits);
    this.times = new ChunkedColumn(NO_TIME, bits);
  }

  /** An index of the given routes. */
  static of(routes: Iterable<ObservedRoute>): PathEvidence {
    const e = new PathEvidence();
    for (const r of routes) e.add(r);
    return e;
  }

  /** The number of routes. */
  get size(): number {
    return this.count;
  }

  add(route: ObservedRoute): void {
    const p = route.path;
    const size = this.store.chunkSize;
    if (p.length + 1 > size) throw new RangeError(`an AS path of ${p.length} ASes does not fit a chunk of ${size}`);
    let at = this.end;
    if ((at % size) + p.length + 1 > size) at = (Math.floor(at / size) + 1) * size;
    const chunk = this.store.chunk(Math.floor(at / size));
    let o = at % size;
    chunk[o++] = p.length + 1;
    for (const a of p) chunk[o++] = this.asnIds.intern(a);
    this.end = at + p.length + 1;
    const r = this.count++;
    this.offsets.set(r, at);
    if (packIPv4Prefix(route.prefix, this.packed)) {
      this.prefixWords.set(r, this.packed[0]!);
      this.prefixLengths.set(r, this.packed[1]! + 1);
    } else this.prefixWords.set(r, this.prefixTexts.id(route.prefix));
    this.observerIds.set(r, this.observers.intern(this.vantages.id(route.vantage), this.sources.id(route.source)));
    if (route.line !== undefined) this.lines.set(r, route.line);
    if (route.time !== undefined) this.times.set(r, route.time);
    this.adjacency = undefined;
    this.postings = undefined;
  }

  /** Route `i` (0 ≤ i < size), as it was added. */
  route(i: number): ObservedRoute {
    const observer = this.observerIds.get(i);
    const line = this.lines.get(i);
    const time = this.times.get(i);
    return {
      prefix: this.prefixOf(i),
      path: this.pathOf(i),
      vantage: this.vantages.values[this.observers.first(observer)]!,
      source: this.sources.values[this.observers.second(observer)]!,
      ...(line !== NO_LINE ? { line } : {}),
      ...(time !== NO_TIME ? { time } : {}),
    };
  }

  private prefixOf(i: number): string {
    const length = this.prefixLengths.get(i);
    const word = this.prefixWords.get(i);
    return length === 0 ? this.prefixTexts.values[word]! : ipv4PrefixText(word, length - 1);
  }

  *routes(): IterableIterator<ObservedRoute> {
    for (let i = 0; i < this.count; i++) yield this.route(i);
  }

  /** The path of route `i`, in a new array. */
  pathOf(i: number): Asn[] {
    const size = this.store.chunkSize;
    const at = this.offsets.get(i);
    const chunk = this.store.chunk(Math.floor(at / size));
    return this.asnsAt(chunk, (at % size) + 1, chunk[at % size]! - 1, []);
  }

  /** The ASNs of the ids `chunk[o … o + n)`, written into `into` (returned). */
  private asnsAt(chunk: Uint32Array, o: number, n: number, into: Asn[]): Asn[] {
    if (into.length !== n) into.length = n;
    for (let k = 0; k < n; k++) into[k] = this.asnIds.asn(chunk[o + k]!) as Asn;
    return into;
  }

  /**
   * Calls `visit` with each route whose path holds one of `asns` — among `within` (route numbers, ascending)
   * when given, else among all — and its path, in a scratch array that is only valid during the call.
   * Returns the number of routes looked at.
   */
  forEachThrough(asns: Iterable<Asn>, visit: (route: number, path: readonly Asn[]) => void, within?: ArrayLike<number>): number {
    const flags = new Uint8Array(this.asnIds.size);
    let any = false;
    for (const a of asns) {
      const id = this.asnIds.find(a);
      if (id < 0) continue;
      flags[id] = 1;
      any = true;
    }
    const looked = within ? within.length : this.count;
    if (!any) return looked;
    // One scratch array per path length, so none is resized.
    const scratch: Asn[][] = [];
    const size = this.store.chunkSize;
    const visitIfHit = (r: number, chunk: Uint32Array, o: number, n: number) => {
      for (let k = o; k < o + n; k++) {
        if (flags[chunk[k]!] === 1) {
          visit(r, this.asnsAt(chunk, o, n, (scratch[n] ??= [])));
          return;
        }
      }
    };
    if (!within) this.walk(visitIfHit);
    else {
      for (let j = 0; j < within.length; j++) {
        const r = within[j]!;
        const at = this.offsets.get(r);
        const chunk = this.store.chunk(Math.floor(at / size));
        const o = at % size;
        visitIfHit(r, chunk, o + 1, chunk[o]! - 1);
      }
    }
    return looked;
  }

  /**
   * Every route in order with its path's ids (`chunk[o … o + n)`): the store read straight through, chunk by
   * chunk, without the offsets column.
   */
  private walk(each: (route: number, chunk: Uint32Array, o: number, n: number) => void): void {
    const size = this.store.chunkSize;
    let r = 0;
    for (let c = 0; r < this.count; c++) {
      const chunk = this.store.chunk(c);
      for (let o = 0; o < size && chunk[o] !== 0; r++) {
        const n = chunk[o]! - 1;
        each(r, chunk, o + 1, n);
        o += n + 1;
      }
    }
  }

  /** The observed routes whose path holds `asn`, as route numbers, ascending. */
  routesThrough(asn: Asn): Uint32Array {
    const id = this.asnIds.find(asn);
    if (id < 0) return new Uint32Array(0);
    const p = this.routesByAsn();
    return p.routes.subarray(p.start[id], p.start[id + 1]);
  }

  /**
   * Every AS's routes, ascending, one list after the other (4 bytes per AS of every path): scanning 10 M paths for
   * one AS takes longer than the editor may wait for a code lens.
   */
  private routesByAsn(): Postings {
    if (this.postings) return this.postings;
    const start = new Uint32Array(this.asnIds.size + 1);
    // A path holding an AS twice (not adjacent: prepends are gone) lists its route once.
    const last = new Int32Array(this.asnIds.size).fill(-1);
    this.walk((r, chunk, o, n) => {
      for (let k = o; k < o + n; k++) {
        const id = chunk[k]!;
        if (last[id] === r) continue;
        last[id] = r;
        start[id + 1]!++;
      }
    });
    for (let a = 1; a < start.length; a++) start[a]! += start[a - 1]!;
    const routes = new Uint32Array(start[start.length - 1]!);
    const fill = start.slice(0, -1);
    last.fill(-1);
    this.walk((r, chunk, o, n) => {
      for (let k = o; k < o + n; k++) {
        const id = chunk[k]!;
        if (last[id] === r) continue;
        last[id] = r;
        routes[fill[id]!++] = r;
      }
    });
    this.postings = { start, routes };
    return this.postings;
  }

  /** The ASes `asn` sent routes to (seen immediately left of it), with the evidence for each. */
  sentTo(asn: Asn): ReadonlyMap<Asn, NeighbourEvidence> {
    const id = this.asnIds.find(asn);
    if (id < 0) return EMPTY;
    const adj = this.adjacencies();
    const out = new Map<Asn, NeighbourEvidence>();
    for (let k = adj.rightStart[id]!; k < adj.rightStart[id + 1]!; k++) {
      const pair = adj.byRight[k]!;
      out.set(this.asnIds.asn(adj.pairs.first(pair)) as Asn, evidenceOf(adj, pair));
    }
    return out;
  }

  /** Evidence that `left` received routes from `right` (was seen immediately left of it). */
  seen(left: Asn, right: Asn): NeighbourEvidence | undefined {
    const l = this.asnIds.find(left);
    const r = this.asnIds.find(right);
    if (l < 0 || r < 0) return undefined;
    const adj = this.adjacencies();
    const pair = adj.pairs.find(l, r);
    return pair < 0 ? undefined : evidenceOf(adj, pair);
  }

  /** Builds the adjacency counts and the routes by AS now, rather than on the first question (for a host that has time to spare after loading). */
  prepare(): void {
    this.adjacencies();
    this.routesByAsn();
  }

  /** The adjacency counts, built when routes were added since the last question. */
  private adjacencies(): Adjacency {
    if (this.adjacency) return this.adjacency;
    const vantageOfObserver = Uint32Array.from({ length: this.observers.size }, (_, o) => this.observers.first(o));
    const pairs = new PairIndex();
    let stats = new Uint32Array(1024 * STATS);
    // A vantage point counts once per adjacency: each adjacency keeps a bit per vantage point, 32 at a time —
    // one pass over the routes in order per 32 vantage points, counting only their routes, so nothing is
    // sorted and no set is kept per adjacency. A bit set is counted when a later group first touches the
    // adjacency, and at the end.
    const groups = Math.ceil(this.vantages.values.length / 32);
    for (let group = 0; group < groups; group++) {
      this.walk((r, chunk, o, n) => {
        const v = vantageOfObserver[this.observerIds.get(r)]!;
        if (v >>> 5 !== group) return;
        const bit = 1 << (v & 31);
        const origin = chunk[o + n - 1]!;
        for (let i = 0; i + 1 < n; i++) {
          const left = chunk[o + i]!;
          const right = chunk[o + i + 1]!;
          if (left === right) continue;
          const at = pairs.intern(left, right) * STATS;
          if (at >= stats.length) {
            const grown = new Uint32Array(stats.length * 2);
            grown.set(stats);
            stats = grown;
          }
          stats[at + PATHS]!++;
          if (i > 0) stats[at + PROPAGATED]!++;
          if (right === origin) stats[at + OWN_PREFIXES]!++;
          if (stats[at + GROUP] !== group + 1) {
            stats[at + VANTAGES]! += bitCount(stats[at + MASK]!);
            stats[at + MASK] = 0;
            stats[at + GROUP] = group + 1;
          }
          stats[at + MASK]! |= bit;
        }
      });
    }
    for (let at = 0; at < pairs.size * STATS; at += STATS) stats[at + VANTAGES]! += bitCount(stats[at + MASK]!);
    const rightStart = new Uint32Array(this.asnIds.size + 1);
    for (let p = 0; p < pairs.size; p++) rightStart[pairs.second(p) + 1]!++;
    for (let a = 1; a < rightStart.length; a++) rightStart[a]! += rightStart[a - 1]!;
    const byRight = new Uint32Array(pairs.size);
    const fill = rightStart.slice(0, -1);
    for (let p = 0; p < pairs.size; p++) byRight[fill[pairs.second(p)]!++] = p;
    this.adjacency = { pairs, stats, rightStart, byRight };
    return this.adjacency;
  }
}

/** Set bits of a 32-bit word. */
function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function evidenceOf(adj: Adjacency, pair: number): NeighbourEvidence {
  const at = pair * STATS;
  const s = adj.stats;
  return { paths: s[at + PATHS]!, vantages: s[at + VANTAGES]!, propagated: s[at + PROPAGATED]!, ownPrefixes: s[at + OWN_PREFIXES]! };
}

const EMPTY: ReadonlyMap<Asn, NeighbourEvidence> = new Map();


/** A path segment as either reader gives it (looking glass or MRT). */
interface Segment {
  readonly type: string;
  readonly asns: readonly number[];
}

/**
 * One route as evidence, or undefined when it cannot be: only a plain AS sequence of at least two ASes
 * (AS_SETs and confederations say nothing about who is whose provider); prepends are removed.
 */
export function observedRoute(prefix: string, segments: readonly Segment[], at: Omit<ObservedRoute, 'prefix' | 'path'>): ObservedRoute | undefined {
  if (segments.length !== 1 || segments[0]!.type !== 'sequence') return undefined;
  const path: Asn[] = [];
  for (const a of segments[0]!.asns) if (path[path.length - 1] !== a) path.push(a as Asn);
  return path.length < 2 ? undefined : { prefix, path, ...at };
}

/**
 * The routes of a parsed looking-glass output or collector dump that can be evidence (see `observedRoute`;
 * paths cut short are left out too). The vantage point is the route's peer where the output names it,
 * otherwise the file itself.
 */
export function observedRoutes(routes: Iterable<LgRoute>, source: string): ObservedRoute[] {
  const out: ObservedRoute[] = [];
  for (const r of routes) {
    if (r.asPathTruncated) continue;
    const vantage = r.peer?.address ?? (r.peer?.asn !== undefined ? `AS${r.peer.asn}` : source);
    const o = observedRoute(r.prefix, r.asPath, { vantage, source, line: r.lines.start });
    if (o) out.push(o);
  }
  return out;
}
