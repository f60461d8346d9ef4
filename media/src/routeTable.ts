import type { PathsModel, RouteAnalysis } from '../../server/src/core/paths/model';
import { VERDICT_WORDS } from './pasteEditor';

const MAX_ROWS = 2_000;

/**
 * The table is the accessible twin of the graph: one row per route, arrow keys move, Enter or click
 * selects (the path lights up in the graph and its lines in the editor).
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

  render(model: PathsModel, visible: readonly number[], selected: number | undefined): void {
    const table = document.createElement('table');
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-label', `Routes: ${visible.length} of ${model.routes.length} shown`);
    const head = table.createTHead().insertRow();
    for (const h of ['Prefix', 'AS path', 'Length', 'ASPA ↓ / ↑', 'OTC', 'Valley-free', 'ROV', 'Findings']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    // A full table has 100k routes; the DOM does not. Filters narrow it, the graph shows the whole.
    const shown = visible.length > MAX_ROWS ? [...visible.slice(0, MAX_ROWS - 1), ...(selected !== undefined && visible.includes(selected) ? [selected] : [])] : visible;
    this.rows = shown.map((i) => {
      const r = model.routes[i]!;
      const tr = body.insertRow();
      tr.dataset.route = String(i);
      tr.className = `rl-row rl-${r.verdict}`;
      tr.tabIndex = i === (selected ?? visible[0]) ? 0 : -1;
      tr.setAttribute('aria-selected', String(i === selected));
      const findings = model.findings.filter((f) => f.route === i);
      tr.setAttribute('aria-label', `${r.prefix}, path ${r.asPathText}, ${VERDICT_WORDS[r.verdict]}${findings.length ? `: ${findings.map((f) => f.message).join(' ')}` : ''}`);
      const cells = [
        r.prefix + (r.best ? ' ★' : ''),
        r.asPathText,
        `${r.length.raw}${r.length.raw !== r.length.collapsed ? ` (${r.length.collapsed})` : ''}${r.prepends.length ? ` · ${r.prepends.map((p) => `AS${p.asn}×${p.count}`).join(' ')}` : ''}`,
        r.aspa ? `${r.aspa.downstream.verdict} / ${r.aspa.upstream.verdict}` : 'no ASPA data',
        r.otc ? `${r.otc.value}: ${r.otc.verdict}` : '—',
        r.valley?.verdict ?? 'no data',
        r.rov ?? 'no VRPs',
        findings.map((f) => f.code.replace(/^paths\//, '')).join(', ') || '—',
      ];
      cells.forEach((text, k) => {
        const td = tr.insertCell();
        td.textContent = text;
        if (k === 1) td.className = 'rl-path';
        if (k === 3 && r.aspa?.downstream.verdict === 'invalid') td.classList.add('rl-error');
        if (k === 7 && r.verdict === 'leak') td.classList.add('rl-error');
      });
      return tr;
    });
    if (shown.length < visible.length) {
      const cell = body.insertRow().insertCell();
      cell.colSpan = 8;
      cell.className = 'rl-more';
      cell.textContent = `${visible.length - shown.length} more routes not listed: filter by prefix, origin or verdict to see them.`;
    }
    this.host.replaceChildren(table);
  }

  clear(): void {
    this.rows = [];
    this.host.replaceChildren();
  }

  /** Moves the roving tabindex to the selected route's row. */
  focus(route: number, move: boolean): void {
    for (const row of this.rows) {
      const on = Number(row.dataset.route) === route;
      row.tabIndex = on ? 0 : -1;
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

export function routeMatches(r: RouteAnalysis, f: { prefix: string; origin: string; verdict: string }): boolean {
  if (f.prefix && !r.prefix.includes(f.prefix.trim())) return false;
  const origin = f.origin.trim().replace(/^as/i, '');
  if (origin && String(r.origin ?? '') !== origin) return false;
  if (f.verdict === 'problems') return r.verdict === 'leak' || r.verdict === 'warning';
  if (f.verdict && f.verdict !== 'all' && r.verdict !== f.verdict) return false;
  return true;
}
