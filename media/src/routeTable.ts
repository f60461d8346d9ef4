import type { PathFinding, PathsModel, RouteAnalysis } from '../../server/src/core/paths/model';
import { prefixFilter } from '../../server/src/core/paths/prefixFilter';
import { groupRoutesByPath, type RouteGroup } from '../../server/src/core/paths/prefixGroups';
import { VERDICT_WORDS } from './pasteEditor';
import { ASPA_HEADER_TITLE, aspaWords, collapsedPath, findingWords, plainFirst } from './words';

const MAX_ROWS = 2_000;
const SEVERITY_RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/** Header, its longer explanation, and a class (narrow panels hide the `rl-opt` columns). */
const COLUMNS: readonly (readonly [string, string | undefined, string | undefined])[] = [
  ['Prefix', undefined, undefined],
  ['AS path', 'Nearest AS first, origin last; ×N = the AS appears N times in a row (prepending)', 'rl-path'],
  ['Findings', 'What the checks found, in short; hover a cell for the full sentences', 'rl-findings'],
  ['Hops', 'ASes in the path as printed (without prepends)', 'rl-opt'],
  ['ASPA', ASPA_HEADER_TITLE, undefined],
  ['ROV', 'Route-origin validation of the prefix and origin AS against the VRPs', undefined],
  ['Valley-free', 'Whether the path goes up, across at most one peering, then down, by the AS-relationship data', 'rl-opt'],
  ['OTC', 'RFC 9234 Only-to-Customer attribute on the route, if the looking glass shows it', 'rl-opt'],
];

/** Prefixes named in a grouped entry's tooltip; the rest are counted. */
const TITLE_PREFIXES = 40;

/**
 * The table is the accessible twin of the graph: one row per route, or per AS path when `grouped` (prefixes
 * sharing a path and every verdict in one entry with a prefix count, prefixGroups.ts); arrow keys move, Enter
 * or click selects (the path lights up in the graph and its lines in the editor).
 */
export class RouteTable {
  private rows: HTMLTableRowElement[] = [];

  constructor(
    private readonly host: HTMLElement,
    private readonly onSelect: (route: number) => void,
  ) {
    host.addEventListener('keydown', (e) => this.key(e));
    host.addEventListener('click', (e) => {
      const row = (e.target as Element | null)?.closest('tr[data-route]');
      if (row) this.onSelect(Number(row.getAttribute('data-route')));
    });
  }

  render(model: PathsModel, visible: readonly number[], selected: number | undefined, grouped = false): void {
    const table = document.createElement('table');
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-label', `Routes: ${visible.length} of ${model.routes.length} shown`);
    const head = table.createTHead().insertRow();
    for (const [h, title, cls] of COLUMNS) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      if (title) th.title = title;
      if (cls) th.className = cls;
      head.append(th);
    }
    const body = table.createTBody();
    const findingsOf = new Map<number, PathFinding[]>();
    for (const f of model.findings) {
      const list = findingsOf.get(f.route);
      if (list) list.push(f);
      else findingsOf.set(f.route, [f]);
    }
    const entries: RouteGroup[] = grouped
      ? groupRoutesByPath(model.routes, visible, (i) => (findingsOf.get(i) ?? []).map((f) => f.code), selected)
      : visible.map((i) => ({ route: i, routes: [i] }));
    // A full table has 100k routes; the DOM does not. Filters narrow it, the graph shows the whole.
    const shown = entries.length > MAX_ROWS ? [...entries.slice(0, MAX_ROWS - 1), ...entries.slice(MAX_ROWS - 1).filter((g) => g.route === selected)] : entries;
    this.rows = shown.map((g) => {
      const i = g.route;
      const r = model.routes[i]!;
      const tr = body.insertRow();
      tr.dataset.route = String(i);
      tr.className = `rl-row rl-${r.verdict}`;
      tr.tabIndex = i === (selected ?? shown[0]?.route) ? 0 : -1;
      tr.setAttribute('aria-selected', String(i === selected));
      const findings = findingsOf.get(i) ?? [];
      const prefix = prefixCell(model, g);
      tr.setAttribute('aria-label', `${g.routes.length > 1 ? prefix[0] : r.prefix}, path ${r.asPathText}, ${VERDICT_WORDS[r.verdict]}${findings.length ? `: ${findings.map((f) => f.message).join(' ')}` : ''}`);
      // Errors first: a leak must not hide behind the ellipsis of a long-prepend note.
      const words = [...new Set([...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]).map((f) => findingWords(f.code)))];
      const cells: [string, string?][] = [
        prefix,
        [collapsedPath(r.asPathText), r.asPathText],
        [words.join(', ') || 'no findings', findings.map((f) => plainFirst(f.message).text).join('\n') || undefined],
        [`${r.length.raw}${r.length.raw !== r.length.collapsed ? ` (${r.length.collapsed})` : ''}`, r.length.raw !== r.length.collapsed ? `${r.length.raw} ASes as printed, ${r.length.collapsed} without prepends` : undefined],
        [r.aspa ? aspaWords(r.aspa) : 'no data', r.aspa ? plainFirst(r.aspa.downstream.reason).text : 'No ASPA data: open an .aspa file or set routelens.data.aspaFiles'],
        [r.rov ?? 'no data', r.rov ? undefined : 'No VRPs: set routelens.data.vrpFiles'],
        [r.valley?.verdict ?? 'no data', r.valley?.reason],
        [r.otc ? `${r.otc.value}: ${r.otc.verdict}` : '—', r.otc?.reason],
      ];
      cells.forEach(([text, title], k) => {
        const td = tr.insertCell();
        td.textContent = text;
        if (title) td.title = title;
        const cls = COLUMNS[k]![2];
        if (cls) td.className = cls;
        if (k === 4 && r.aspa?.downstream.verdict === 'invalid') td.classList.add('rl-error');
        if (k === 2 && r.verdict === 'leak') td.classList.add('rl-error');
      });
      return tr;
    });
    if (shown.length < entries.length) {
      const cell = body.insertRow().insertCell();
      cell.colSpan = COLUMNS.length;
      cell.className = 'rl-more';
      cell.textContent = `${entries.length - shown.length} more ${grouped ? 'paths' : 'routes'} not listed: filter by prefix, origin or verdict to see them.`;
    }
    this.host.replaceChildren(table);
  }

  clear(): void {
    this.rows = [];
    this.host.replaceChildren();
  }

  /** Moves the roving tabindex to the selected route's row. */
  focus(route: number | undefined, move: boolean): void {
    const first = this.rows[0];
    for (const row of this.rows) {
      const on = Number(row.dataset.route) === route;
      // Without a selection the first row keeps the tab stop, so the table stays reachable by keyboard.
      row.tabIndex = on || (route === undefined && row === first) ? 0 : -1;
      row.setAttribute('aria-selected', String(on));
      if (on) {
        row.scrollIntoView({ block: 'nearest' });
        if (move) row.focus();
      }
    }
  }

  private key(e: KeyboardEvent): void {
    const row = (e.target as Element | null)?.closest('tr[data-route]') as HTMLTableRowElement | null;
    if (!row) return;
    const k = this.rows.indexOf(row);
    const to = { ArrowDown: k + 1, ArrowUp: k - 1, Home: 0, End: this.rows.length - 1 }[e.key];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.onSelect(Number(row.dataset.route));
      return;
    }
    if (to === undefined) return;
    e.preventDefault();
    const next = this.rows[Math.max(0, Math.min(this.rows.length - 1, to))];
    if (next) this.onSelect(Number(next.dataset.route));
  }
}

/** The prefix cell: the route's own, or for a group its count and covering aggregate, the prefixes in the tooltip. */
function prefixCell(model: PathsModel, g: RouteGroup): [string, string?] {
  const r = model.routes[g.route]!;
  if (g.routes.length === 1) return [r.prefix + (r.best ? ' ★' : ''), r.best ? 'best route' : undefined];
  const names = g.routes.slice(0, TITLE_PREFIXES).map((i) => model.routes[i]!.prefix);
  const more = g.routes.length - names.length;
  const title = `${g.routes.length} prefixes with this path and these verdicts:\n${names.join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`;
  return [`${g.routes.length} prefixes${g.aggregate ? ` in ${g.aggregate}` : ''}`, title];
}

/** The AS number the AS filter names ("8048", "AS8048"), if it names one. */
export function focusAsn(text: string): number | undefined {
  const t = text.trim().replace(/^as/i, '');
  const n = Number(t);
  return t !== '' && Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n : undefined;
}

/** The routes the filters keep (prefix: prefixFilter.ts; AS: every route through it; verdict). */
export function routeFilter(f: { prefix: string; origin: string; verdict: string }): (r: RouteAnalysis) => boolean {
  const keep = prefixFilter(f.prefix);
  // The AS filter focuses on one AS: every route through it, wherever it sits on the path.
  const as = focusAsn(f.origin);
  const anyAs = f.origin.trim() === '';
  return (r) => {
    if (keep && !keep(r.prefix)) return false;
    if (!anyAs && !(as !== undefined && r.hops.includes(as))) return false;
    if (f.verdict === 'problems') return r.verdict === 'leak' || r.verdict === 'warning';
    if (f.verdict && f.verdict !== 'all' && r.verdict !== f.verdict) return false;
    return true;
  };
}
