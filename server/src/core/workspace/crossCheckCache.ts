import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Range, Span } from '../text/range';
import { crossCheckEntry, newPass, placeFinding, type CrossFinding } from './crossCheck';
import type { IndexedObject, ReadToken, WorkspaceIndex } from './workspaceIndex';

interface Checked {
  readonly findings: readonly CrossFinding[];
  /** What the check looked up: a change to any of it makes the result stale. */
  readonly reads: ReadonlySet<ReadToken>;
}

/** Findings placed for the lines their object (and each related object) started on then. */
interface Placed {
  readonly checked: Checked;
  readonly line: number;
  readonly relatedLines: readonly number[];
  readonly list: readonly Diagnostic[];
}

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
  private readonly results = new Map<IndexedObject, Checked>();
  /** token → the objects whose findings read it. */
  private readonly dependants = new Map<ReadToken, Set<IndexedObject>>();
  private readonly stale = new Set<IndexedObject>();
  private readonly placed = new WeakMap<IndexedObject, Placed>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly index: WorkspaceIndex,
    readonly uri: string,
  ) {
    this.unsubscribe = index.onChange((t) => {
      const ds = this.dependants.get(t);
      if (ds) for (const e of ds) this.stale.add(e);
    });
  }

  /**
   * Brings the findings up to date with the index. With `shouldYield`, stops as soon as it says so (asked
   * before each object that needs checking) and reports `done: false`; the next call goes on from there.
   * The first check of a dump takes seconds, and a server must keep answering keystrokes meanwhile.
   */
  update(shouldYield?: () => boolean): CrossCheckUpdate {
    const pass = newPass(this.index);
    const entries = this.index.objectsIn(this.uri);
    let checked = 0;
    for (const e of entries) {
      const old = this.results.get(e);
      if (old && !this.stale.has(e)) continue;
      if (shouldYield?.()) return { checked, kept: entries.length - checked, done: false };
      if (old) this.forget(e, old);
      const { value, reads } = this.index.tracking(() => crossCheckEntry(pass, e));
      this.results.set(e, { findings: value, reads });
      this.stale.delete(e);
      for (const t of reads) {
        let set = this.dependants.get(t);
        if (!set) this.dependants.set(t, (set = new Set()));
        set.add(e);
      }
      checked++;
    }
    // Every object of the file now has its findings, so more results than objects means some are gone.
    if (this.results.size !== entries.length) {
      const live = new Set(entries);
      for (const [e, c] of this.results) {
        if (live.has(e)) continue;
        this.forget(e, c);
        this.results.delete(e);
      }
    }
    this.stale.clear();
    return { checked, kept: entries.length - checked, done: true };
  }

  private forget(e: IndexedObject, c: Checked): void {
    for (const t of c.reads) {
      const set = this.dependants.get(t);
      if (!set) continue;
      set.delete(e);
      if (set.size === 0) this.dependants.delete(t);
    }
  }

  /**
   * The findings, in document order, with where they are now (`range` maps offsets of this file). An
   * object's findings are placed again only when it, or an object they point at, starts on another line
   * than when they were last placed: typing within a line moves offsets, not lines.
   */
  diagnostics(range: (s: Span) => Range): Diagnostic[] {
    const out: Diagnostic[] = [];
    const lineOf = (e: IndexedObject): number =>
      e.uri === this.uri ? range({ start: e.span.start, end: e.span.start }).start.line : (this.index.lineIndexOf(e.uri)?.positionAt(e.span.start).line ?? 0);
    for (const e of this.index.objectsIn(this.uri)) {
      const c = this.results.get(e);
      if (!c || c.findings.length === 0) continue;
      const line = lineOf(e);
      const p = this.placed.get(e);
      if (p && p.checked === c && p.line === line && this.relatedLinesOf(c, lineOf).every((l, i) => l === p.relatedLines[i])) {
        for (const d of p.list) out.push(d);
        continue;
      }
      const list = c.findings.map((f) => placeFinding(this.index, e, f, range));
      this.placed.set(e, { checked: c, line, relatedLines: this.relatedLinesOf(c, lineOf), list });
      for (const d of list) out.push(d);
    }
    return out;
  }

  private relatedLinesOf(c: Checked, lineOf: (e: IndexedObject) => number): number[] {
    const lines: number[] = [];
    for (const f of c.findings) for (const r of f.related ?? []) lines.push(lineOf(r.target));
    return lines;
  }

  dispose(): void {
    this.unsubscribe();
    this.results.clear();
    this.dependants.clear();
  }
}
