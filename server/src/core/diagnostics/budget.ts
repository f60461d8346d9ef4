import type { Range } from '../text/range';
import type { Diagnostic, Severity } from './diagnostic';

/**
 * A per-file diagnostics budget. An editor keeps a bounded number of markers per file (VS Code: 1000, the
 * first errors of the file, then warnings…), so on a registry dump with 100,000+ findings it would show the
 * top of the file and never the place being edited, after the server encoded and sent all of them. The
 * server sends at most `limit` instead: the most severe findings nearest the focus line (the last edit),
 * and a notice saying how many are hidden and how to see them all.
 */

export const DIAGNOSTICS_LIMITED = 'routelens/diagnostics-limited';

/** The setting that raises the budget (package.json `contributes.configuration`). */
export const MAX_PER_FILE_SETTING = 'routelens.diagnostics.maxPerFile';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface BudgetOptions {
  /** The 0-based line the user is looking at: where they last edited. */
  readonly focusLine: number;
  /** At most this many diagnostics come back, the notice included; at least 1. */
  readonly limit: number;
  /** The document, so the notice can name the `routelens lint` command line that lists everything. */
  readonly uri?: string;
}

/**
 * The document's findings within the budget: all of them, unchanged, when they fit; otherwise `limit - 1`
 * findings chosen by `selectNearest` (in document order), then the notice.
 */
export function applyBudget(diagnostics: readonly Diagnostic[], options: BudgetOptions): readonly Diagnostic[] {
  const limit = Math.max(1, Math.floor(options.limit));
  if (diagnostics.length <= limit) return diagnostics;
  const shown = selectNearest(diagnostics, (d) => SEVERITY_RANK[d.severity], options.focusLine, limit - 1);
  return [...shown, budgetNotice(shown.length, diagnostics.length, options)];
}

/**
 * `applyBudget([...first, ...rest], options)` where `rest` is a PreparedBudget: the same diagnostics in the same
 * order. Of `rest` only the `limit - 1` it would show alone can be shown with `first` (choosing is taking the
 * first ones in one total order: severity, distance to the focus, document position, place in the list), so
 * a pull in a dump with 36,000 cross-object findings looks at about a thousand of them, not all.
 */
export function applyBudgetWith(first: readonly Diagnostic[], rest: PreparedBudget<Diagnostic>, options: BudgetOptions): readonly Diagnostic[] {
  const limit = Math.max(1, Math.floor(options.limit));
  const total = first.length + rest.size;
  if (total <= limit) return [...first, ...rest.items];
  const candidates = [...first, ...rest.select(options.focusLine, limit - 1)];
  const shown = selectNearest(candidates, (d) => SEVERITY_RANK[d.severity], options.focusLine, limit - 1);
  return [...shown, budgetNotice(shown.length, total, options)];
}

/**
 * A list that is budgeted again and again against other focus lines (a dump's cross-object findings, the same
 * from one pause in typing to the next): sorted once by severity and document position, after which
 * `select` costs about the count it returns instead of a pass over the whole list.
 */
export class PreparedBudget<T extends { readonly range: Range }> {
  /** Per rank, most severe first: the positions of its items in `items`, in document order. */
  private readonly byRank: { readonly rank: number; readonly at: readonly number[]; readonly sorted: readonly T[] }[];

  constructor(
    readonly items: readonly T[],
    rank: (d: T) => number,
  ) {
    const groups = new Map<number, number[]>();
    for (let i = 0; i < items.length; i++) {
      const r = rank(items[i]!);
      let g = groups.get(r);
      if (!g) groups.set(r, (g = []));
      g.push(i);
    }
    this.byRank = [...groups]
      .sort((a, b) => a[0] - b[0])
      .map(([r, at]) => {
        // Findings mostly come in document order already: sorted only when they do not.
        const ordered = inOrder(items, at) ? at : documentOrder(items, at);
        return { rank: r, at: ordered, sorted: ordered.map((i) => items[i]!) };
      });
  }

  get size(): number {
    return this.items.length;
  }

  /** What `selectNearest(items, rank, focusLine, count)` returns, in the same order. */
  select(focusLine: number, count: number): T[] {
    if (count <= 0) return [];
    if (count >= this.items.length) return inDocumentOrder(this.items, this.items.map((_, i) => i));
    const taken: number[] = [];
    let left = count;
    for (const { at, sorted } of this.byRank) {
      if (at.length <= left) {
        for (const i of at) taken.push(i);
        left -= at.length;
        continue;
      }
      // The rank that does not fit: its nearest, by a walk out from the focus over its items in line order.
      for (const j of nearest(sorted, () => true, true, focusLine, left)) taken.push(at[j]!);
      break;
    }
    return inDocumentOrder(this.items, taken);
  }
}

/**
 * `count` of `items`: whole severities, most severe first, while they fit; within the severity that does not
 * fit, the ones whose line is nearest `focusLine` (equal distance: document order). Returned in document
 * order (line, character, then input order). `rank` is a number (not NaN), smaller is more severe; generic
 * so that other diagnostic forms (the LSP's numbering, Error = 1 … Hint = 4) can be budgeted too.
 *
 * Cost: findings mostly come in line order, so one pass counts the severities and checks that order, a
 * binary search finds the focus line, and a walk outward one line distance at a time takes the nearest —
 * O(n) for the pass, no allocation per finding, no sort of them. Findings in a few ordered runs (per-object
 * findings followed by cross-object ones) get a walk per run; in no order at all, a sort of that severity.
 */
export function selectNearest<T extends { readonly range: Range }>(items: readonly T[], rank: (d: T) => number, focusLine: number, count: number): T[] {
  if (count <= 0) return [];
  if (count >= items.length) return inDocumentOrder(items, items.map((_, i) => i));

  const ranks = new Float64Array(items.length);
  const rankValues: number[] = [];
  const rankCounts: number[] = [];
  let inLineOrder = true;
  let previousLine = -Infinity;
  for (let i = 0; i < items.length; i++) {
    const d = items[i]!;
    const r = (ranks[i] = rank(d));
    let k = rankValues.indexOf(r);
    if (k < 0) {
      k = rankValues.push(r) - 1;
      rankCounts.push(0);
    }
    rankCounts[k] = rankCounts[k]! + 1;
    const line = d.range.start.line;
    if (line < previousLine) inLineOrder = false;
    previousLine = line;
  }
  // The rank whose findings do not all fit: those above it are all taken, those below none.
  let left = count;
  let cut = Infinity;
  for (const [r, n] of rankValues.map((r, k) => [r, rankCounts[k]!] as const).sort((a, b) => a[0] - b[0])) {
    if (n > left) {
      cut = r;
      break;
    }
    left -= n;
  }
  const taken: number[] = [];
  if (left < count) for (let i = 0; i < items.length; i++) if (ranks[i]! < cut) taken.push(i);
  if (left > 0) for (const i of nearest(items, (i) => ranks[i] === cut, inLineOrder, focusLine, left)) taken.push(i);
  return inDocumentOrder(items, taken);
}

/** More ordered runs than this and the candidates are sorted: the outward walk costs count × runs. */
const MAX_RUNS = 16;

/**
 * The `k` items for which `wanted` holds whose lines are nearest `focus`; equal distance: document order.
 * `inLineOrder`: all items come in non-decreasing line order, so the walk can run over them directly.
 */
function nearest<T extends { readonly range: Range }>(items: readonly T[], wanted: (i: number) => boolean, inLineOrder: boolean, focus: number, k: number): number[] {
  const line = (i: number): number => items[i]!.range.start.line;
  let runs: Run[];
  if (inLineOrder) runs = [{ at: undefined, length: items.length, below: 0, above: 0 }];
  else {
    const candidates: number[] = [];
    for (let i = 0; i < items.length; i++) if (wanted(i)) candidates.push(i);
    runs = orderedRuns(candidates, line);
    if (runs.length > MAX_RUNS) {
      const sorted = candidates.sort((a, b) => line(a) - line(b) || a - b);
      runs = [{ at: sorted, length: sorted.length, below: 0, above: 0 }];
    }
  }
  const lineAt = (run: Run, j: number): number => line(itemAt(run, j));
  // Moves a run's cursors past the items not wanted (only a walk over all items meets any).
  const skip = (run: Run): void => {
    while (run.below >= 0 && !wanted(itemAt(run, run.below))) run.below--;
    while (run.above < run.length && !wanted(itemAt(run, run.above))) run.above++;
  };
  for (const run of runs) {
    run.above = lowerBound(run, focus, lineAt);
    run.below = run.above - 1;
    skip(run);
  }
  const chosen: number[] = [];
  while (chosen.length < k) {
    // The next distance any run offers, then every candidate at that distance on either side of the focus.
    let d = Infinity;
    for (const run of runs) {
      if (run.below >= 0) d = Math.min(d, focus - lineAt(run, run.below));
      if (run.above < run.length) d = Math.min(d, lineAt(run, run.above) - focus);
    }
    if (d === Infinity) break;
    const level: number[] = [];
    for (const run of runs) {
      while (run.below >= 0 && focus - lineAt(run, run.below) === d) {
        level.push(itemAt(run, run.below--));
        skip(run);
      }
      while (run.above < run.length && lineAt(run, run.above) - focus === d) {
        level.push(itemAt(run, run.above++));
        skip(run);
      }
    }
    const need = k - chosen.length;
    // A loop, not push(...): with a large limit a level can hold more indices than a call takes arguments.
    for (const i of level.length <= need ? level : documentOrder(items, level).slice(0, need)) chosen.push(i);
  }
  return chosen;
}

interface Run {
  /** Item indices whose lines never decrease; undefined: the items themselves, all in line order. */
  readonly at: readonly number[] | undefined;
  readonly length: number;
  /** The walk's cursors: the next position to take below the focus line, and at or above it. */
  below: number;
  above: number;
}

const itemAt = (run: Run, j: number): number => (run.at === undefined ? j : run.at[j]!);

/** Splits `indices` into maximal stretches of non-decreasing line. */
function orderedRuns(indices: readonly number[], line: (i: number) => number): Run[] {
  const runs: Run[] = [];
  let start = 0;
  for (let j = 1; j <= indices.length; j++) {
    if (j === indices.length || line(indices[j]!) < line(indices[j - 1]!)) {
      runs.push({ at: indices.slice(start, j), length: j - start, below: 0, above: 0 });
      start = j;
    }
  }
  return runs;
}

/** The first position of `run` whose line is >= `focus`. */
function lowerBound(run: Run, focus: number, lineAt: (run: Run, j: number) => number): number {
  let lo = 0;
  let hi = run.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineAt(run, mid) < focus) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `indices` (ascending) already are in document order. */
function inOrder<T extends { readonly range: Range }>(items: readonly T[], indices: readonly number[]): boolean {
  for (let k = 1; k < indices.length; k++) {
    const x = items[indices[k - 1]!]!.range.start;
    const y = items[indices[k]!]!.range.start;
    if (y.line < x.line || (y.line === x.line && y.character < x.character)) return false;
  }
  return true;
}

/** `indices` sorted by their items' start positions, then input order. */
function documentOrder<T extends { readonly range: Range }>(items: readonly T[], indices: readonly number[]): number[] {
  return [...indices].sort((a, b) => {
    const x = items[a]!.range.start;
    const y = items[b]!.range.start;
    return x.line - y.line || x.character - y.character || a - b;
  });
}

function inDocumentOrder<T extends { readonly range: Range }>(items: readonly T[], indices: readonly number[]): T[] {
  return documentOrder(items, indices).map((i) => items[i]!);
}

/** The information diagnostic at the top of the document that takes the budget's last slot. */
export function budgetNotice(shown: number, total: number, options: Pick<BudgetOptions, 'uri'> = {}): Diagnostic {
  const n = (x: number): string => x.toLocaleString('en-US');
  return {
    code: DIAGNOSTICS_LIMITED,
    severity: 'information',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message:
      `Showing ${n(shown)} of ${n(total)} findings: the most severe, nearest the last edit. ` +
      `Raise the setting ${MAX_PER_FILE_SETTING} to show more, or run \`routelens lint ${lintArgument(options.uri)}\` to list them all.`,
  };
}

/** A file: URI as the path the CLI takes (quoted when it has spaces); `<file>` for anything else. */
function lintArgument(uri: string | undefined): string {
  if (!uri?.startsWith('file://')) return '<file>';
  let p: string;
  try {
    p = decodeURIComponent(uri.slice('file://'.length));
  } catch {
    return '<file>';
  }
  if (/^\/[a-z]:\//i.test(p)) p = p.slice(1);
  return /\s/.test(p) ? `"${p}"` : p;
}
