import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Position, Range, Span } from '../text/range';
import { crossCheckEntry, newPass, placeFinding, rangeIn, type CrossCheckPass, type CrossFinding } from './crossCheck';
import type { TextPositions } from '../text/lineIndex';
import { AutNumFactsMemo } from './autNumFactsMemo';
import type { IndexedObject, ReadToken, WorkspaceIndex } from './workspaceIndex';

interface Checked {
  readonly findings: readonly CrossFinding[];
  /** What the check looked up: a change to any of it makes the result stale. */
  readonly reads: ReadonlySet<ReadToken>;
  /** The findings as `diagnostics` last placed them (a new check is a new Checked: placed again). */
  placed?: Placed;
}

/** Findings placed for the lines their object (and each related object) started on then. */
interface Placed {
  readonly line: number;
  /** The line of each related object, in the order of the findings' related information. */
  readonly relatedLines: readonly number[];
  readonly list: readonly Diagnostic[];
  /**
   * Every span lies within its object (or related object), and each of those started a line: an object's
   * text is the same as long as the object is (an edit makes new ones), so when it moves by whole lines its
   * ranges move by as many lines, characters unchanged.
   */
  readonly shiftable: boolean;
}

const CR = 13;

export interface CrossCheckUpdate {
  /** Objects checked by this update (new, or stale because something they looked up changed). */
  readonly checked: number;
  /** Objects whose earlier findings still hold (when it yielded: also those it has not reached yet). */
  readonly kept: number;
  /** False when `update` stopped early because it was asked to yield. */
  readonly done: boolean;
}

/**
 * The cross-object findings of one file, kept per object with the lookups each came from. After the index
 * changes, only objects that are new, or whose lookups the change touched, are checked again: an edit in a
 * registry dump costs the objects it affects, not the 100k objects of the file. Findings are anchored at
 * their objects, which keep their identity while edits move them, so kept findings need no adjusting.
 */
export class CrossCheckCache {
  /** By object id (an object keeps its id while an edit does not touch it; see IndexedObject). */
  private readonly results = new Map<number, Checked>();
  /** token → the ids of the objects whose findings read it. */
  private readonly dependants = new Map<ReadToken, Set<number>>();
  /** Objects to check: new in the file, or stale because something they read changed. */
  private readonly pending = new Set<number>();
  /** The file's ids as `update` last saw them: the next one compares instead of looking every object up. */
  private known: Int32Array = new Int32Array(0);
  /**
   * Kept from one update to the next (did-you-mean searches are costly: thousands of unresolved names in a
   * dump), minus the searches whose lookups a change touched: `bumped` collects the tokens in between.
   */
  private readonly pass: CrossCheckPass;
  /** What the kept searches read (a handful of class tokens): a change reports millions of others on a first load. */
  private searchReads = new Set<ReadToken>();
  private readonly bumped = new Set<ReadToken>();
  private readonly unsubscribe: () => void;
  /** Big aut-nums' facts by runs of policy lines: a pause after an edit in one parses only the runs it changed. */
  private readonly autNumFacts = new AutNumFactsMemo();
  /** Objects gone from the file since the last update: their aut-num runs are released once their successors are noted. */
  private readonly gone: number[] = [];

  constructor(
    private readonly index: WorkspaceIndex,
    readonly uri: string,
  ) {
    this.pass = newPass(index);
    this.unsubscribe = index.onChange((t) => {
      const ds = this.dependants.get(t);
      if (ds) for (const e of ds) this.pending.add(e);
      if (this.searchReads.has(t)) this.bumped.add(t);
    });
  }

  /**
   * Brings the findings up to date with the index. With `shouldYield`, stops as soon as it says so (asked
   * before each object that needs checking) and reports `done: false`; the next call goes on from there.
   * The first check of a dump takes seconds, and a server must keep answering keystrokes meanwhile.
   */
  update(shouldYield?: () => boolean): CrossCheckUpdate {
    this.catchUp();
    this.forgetStaleSearches();
    const total = this.known.length;
    let checked = 0;
    // Before any check reads them (a route reads its origin's exports): the edited aut-num's runs are still held by its old entry.
    const text = this.index.textOf(this.uri);
    if (text !== undefined)
      for (const id of this.pending) {
        const e = this.index.objectOf(id);
        if (!this.autNumFacts.wants(e)) continue;
        if (shouldYield?.()) {
          this.noteSearchReads();
          return { checked, kept: total, done: false };
        }
        this.autNumFacts.note(e, text);
      }
    for (const id of this.gone) this.autNumFacts.release(id);
    this.gone.length = 0;
    for (const id of this.pending) {
      if (shouldYield?.()) {
        this.noteSearchReads();
        return { checked, kept: total - checked, done: false };
      }
      const e = this.index.objectOf(id);
      const { value, reads } = this.index.tracking(() => crossCheckEntry(this.pass, e));
      // An aut-num reads thousands of tokens, mostly the same ones again: only the difference is booked.
      const old = this.results.get(id);
      if (old) this.forget(id, old, reads);
      this.results.set(id, { findings: value, reads });
      this.pending.delete(id);
      for (const t of reads) {
        if (old?.reads.has(t)) continue;
        let set = this.dependants.get(t);
        if (!set) this.dependants.set(t, (set = new Set()));
        set.add(id);
      }
      checked++;
    }
    this.noteSearchReads();
    return { checked, kept: total - checked, done: true };
  }

  private noteSearchReads(): void {
    const reads = new Set<ReadToken>();
    for (const names of this.pass.near.values()) for (const hit of names.values()) if (hit.reads) for (const t of hit.reads) reads.add(t);
    this.searchReads = reads;
  }

  /**
   * Takes in the file's objects as the index now holds them. The index keeps the entries an edit did not
   * touch, in order, so the objects before the first difference and after the last are the same ones:
   * what lies between is new (to check) or gone (to forget). A comparison of ids, not a lookup each.
   */
  private catchUp(): void {
    const now = this.index.idsIn(this.uri);
    const was = this.known;
    if (now === was) return;
    let head = 0;
    const max = Math.min(now.length, was.length);
    while (head < max && now[head] === was[head]) head++;
    let tail = 0;
    while (tail < max - head && now[now.length - 1 - tail] === was[was.length - 1 - tail]) tail++;
    const kept = new Set(now.subarray(head, now.length - tail));
    for (let i = head; i < was.length - tail; i++) {
      const id = was[i]!;
      if (kept.has(id)) continue;
      const c = this.results.get(id);
      if (c) this.forget(id, c);
      this.results.delete(id);
      this.pending.delete(id);
      this.gone.push(id);
    }
    for (const e of kept) if (!this.results.has(e)) this.pending.add(e);
    this.known = now;
  }

  /** Drops the kept did-you-mean searches whose lookups changed since the last update. */
  private forgetStaleSearches(): void {
    if (this.bumped.size === 0) return;
    for (const names of this.pass.near.values()) {
      for (const [k, hit] of names) {
        // A search made outside tracking has no reads to tell it by: it cannot be kept.
        if (!hit.reads || [...hit.reads].some((t) => this.bumped.has(t))) names.delete(k);
      }
    }
    this.bumped.clear();
  }

  /** Removes `e` from the dependants of what `c` read (except of the tokens in `still`, which it reads again). */
  private forget(id: number, c: Checked, still?: ReadonlySet<ReadToken>): void {
    for (const t of c.reads) {
      if (still?.has(t)) continue;
      const set = this.dependants.get(t);
      if (!set) continue;
      set.delete(id);
      if (set.size === 0) this.dependants.delete(t);
    }
  }

  /**
   * The findings, in document order, with where they are now (`positions` maps offsets of this file, as the
   * index holds it). An object's findings are placed again only when it was checked again; when it, or an
   * object they point at, starts on another line than when they were last placed, its ranges are moved by
   * the lines it moved (an edit that adds a line moves every finding after it: placing them all again made
   * 36k findings' positions per pause in a dump).
   */
  diagnostics(positions: Pick<TextPositions, 'positionAt' | 'range'>): Diagnostic[] {
    const out: Diagnostic[] = [];
    const range = (s: Span): Range => positions.range(s);
    // Related information in this file lands by the same positions (the index's own line table of a 20 MB
    // text would be built again after every edit).
    const rangeOf = (uri: string, s: Span): Range => (uri === this.uri ? positions.range(s) : rangeIn(this.index, uri, s));
    const startOf = (e: IndexedObject): Position | undefined => (e.uri === this.uri ? positions.positionAt(e.span.start) : this.index.lineIndexOf(e.uri)?.positionAt(e.span.start));
    // Related objects are found once each: most are a few aut-nums that thousands of routes' findings point at.
    const relatedAt = new Map<number, Position | undefined>();
    const relatedStartOf = (e: IndexedObject): Position | undefined => {
      let at = relatedAt.get(e.id);
      if (at === undefined && !relatedAt.has(e.id)) relatedAt.set(e.id, (at = startOf(e)));
      return at;
    };
    for (const id of this.index.idsIn(this.uri)) {
      const c = this.results.get(id);
      if (!c || c.findings.length === 0) continue;
      const e = this.index.objectOf(id);
      const at = startOf(e);
      const line = at?.line ?? 0;
      const p = c.placed;
      let list: readonly Diagnostic[];
      if (p && p.line === line && relatedUnmoved(c, p.relatedLines, relatedStartOf)) list = p.list;
      else if (p?.shiftable && at?.character === 0) {
        const starts = relatedStarts(c, relatedStartOf);
        if (starts.every((s) => s?.character === 0)) {
          const relatedLines = starts.map((s) => s!.line);
          list = shiftedList(p.list, line - p.line, relatedLines, p.relatedLines);
          c.placed = { line, relatedLines, list, shiftable: true };
        } else list = this.place(e, c, at, range, rangeOf, relatedStartOf);
      } else list = this.place(e, c, at, range, rangeOf, relatedStartOf);
      for (const d of list) out.push(d);
    }
    return out;
  }

  /** Places `c`'s findings afresh (and keeps them on `c`). */
  private place(
    e: IndexedObject,
    c: Checked,
    at: Position | undefined,
    range: (s: Span) => Range,
    rangeOf: (uri: string, s: Span) => Range,
    startOf: (e: IndexedObject) => Position | undefined,
  ): readonly Diagnostic[] {
    const list = c.findings.map((f) => placeFinding(this.index, e, f, range, rangeOf));
    const starts = relatedStarts(c, startOf);
    const shiftable = at?.character === 0 && starts.every((s) => s?.character === 0) && this.spansWithin(e, c);
    c.placed = { line: at?.line ?? 0, relatedLines: starts.map((s) => s?.line ?? 0), list, shiftable };
    return list;
  }

  /**
   * Whether every span of `c` lies within its object: then its position depends only on the object's text
   * and the line it starts. An offset at the very end depends on the character after it when the object
   * ends in a CR (a CRLF split across the end), so that one does not count as within.
   */
  private spansWithin(e: IndexedObject, c: Checked): boolean {
    const within = (target: IndexedObject, s: Span): boolean => {
      const length = target.span.end - target.span.start;
      if (s.start < 0 || s.end < s.start || s.end > length) return false;
      if (s.end < length) return true;
      const text = this.index.textOf(target.uri);
      return text !== undefined && text.charCodeAt(target.span.end - 1) !== CR;
    };
    for (const f of c.findings) {
      if (!within(e, f.span)) return false;
      for (const r of f.related ?? []) if (!within(r.target, r.span)) return false;
      for (const x of f.fixes ?? []) for (const ed of x.edits) if (!within(e, ed.span)) return false;
    }
    return true;
  }

  dispose(): void {
    this.unsubscribe();
    this.results.clear();
    this.dependants.clear();
    this.pending.clear();
    this.pass.near.clear();
    this.autNumFacts.clear();
  }
}

/** Whether each related object of `c` starts on the line it did when placed (no array made: most findings have none). */
function relatedUnmoved(c: Checked, lines: readonly number[], startOf: (e: IndexedObject) => Position | undefined): boolean {
  if (lines.length === 0) return true;
  let k = 0;
  for (const f of c.findings) for (const r of f.related ?? []) if ((startOf(r.target)?.line ?? 0) !== lines[k++]) return false;
  return true;
}

function relatedStarts(c: Checked, startOf: (e: IndexedObject) => Position | undefined): (Position | undefined)[] {
  const out: (Position | undefined)[] = [];
  for (const f of c.findings) for (const r of f.related ?? []) out.push(startOf(r.target));
  return out;
}

/**
 * `list` with its ranges `by` lines further, and its related ranges by as many lines as their objects moved
 * (`then` → `now`, numbered over the whole list in order, as relatedStarts numbers them).
 */
function shiftedList(list: readonly Diagnostic[], by: number, now: readonly number[], then: readonly number[]): Diagnostic[] {
  const move = (r: Range, n: number): Range => (n === 0 ? r : { start: { line: r.start.line + n, character: r.start.character }, end: { line: r.end.line + n, character: r.end.character } });
  let k = 0;
  return list.map((d) => {
    const related = d.related?.map((r) => {
      const n = now[k]! - then[k]!;
      k++;
      return n === 0 ? r : { ...r, range: move(r.range, n) };
    });
    return {
      ...d,
      range: move(d.range, by),
      ...(related ? { related } : {}),
      ...(d.fixes ? { fixes: d.fixes.map((x) => ({ ...x, edits: x.edits.map((ed) => ({ ...ed, range: move(ed.range, by) })) })) } : {}),
    };
  });
}
