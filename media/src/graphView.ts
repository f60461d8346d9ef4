import type { AspaHopEvidence, GraphEdge, GraphNode, PathsModel, RouteAnalysis } from '../../server/src/core/paths/model';
import { renderSvg } from '../../server/src/core/paths/svg';

/**
 * The graph pane: the core's SVG (VS Code theme variables), with hover details and click-to-select.
 * Routes hidden by the filter are dimmed rather than laid out again, so the picture stays stable.
 */
export class GraphView {
  private model: PathsModel | undefined;
  private readonly tip: HTMLElement;

  constructor(
    private readonly host: HTMLElement,
    private readonly onSelect: (route: number) => void,
  ) {
    this.tip = document.createElement('div');
    this.tip.className = 'rl-tip';
    this.tip.setAttribute('role', 'tooltip');
    this.tip.hidden = true;
    host.after(this.tip);
    host.addEventListener('mouseover', (e) => this.hover(e));
    host.addEventListener('mouseleave', () => (this.tip.hidden = true));
    host.addEventListener('click', (e) => this.click(e));
  }

  /** A sentence in place of the graph (no routes, a failure); the previous picture never stays behind it. */
  showMessage(title: string, detail: string): void {
    this.model = undefined;
    this.tip.hidden = true;
    const box = document.createElement('div');
    box.className = 'rl-empty';
    const strong = document.createElement('strong');
    strong.textContent = title;
    const p = document.createElement('p');
    p.textContent = detail;
    box.append(strong, p);
    this.host.replaceChildren(box);
  }

  render(model: PathsModel, selected: number | undefined, visible: ReadonlySet<number>): void {
    this.model = model;
    this.host.innerHTML = renderSvg(model, { theme: 'vscode', ...(selected !== undefined ? { selectedRoute: selected } : {}) });
    if (visible.size === model.routes.length) return;
    const shown = (routes: readonly number[]): boolean => routes.some((r) => visible.has(r));
    for (const n of model.graph.nodes) if (!shown(n.routes)) this.host.querySelector(`[data-node="${CSS.escape(n.id)}"]`)?.classList.add('dim');
    for (const e of model.graph.edges) if (!shown(e.routes)) this.host.querySelector(`[data-edge="${CSS.escape(e.id)}"] path`)?.classList.add('dim');
  }

  private target(e: Event): { node?: GraphNode; edge?: GraphEdge } {
    const el = (e.target as Element | null)?.closest('[data-node],[data-edge]');
    if (!el || !this.model) return {};
    const nodeId = el.getAttribute('data-node');
    const edgeId = el.getAttribute('data-edge');
    const node = nodeId === null ? undefined : this.model.graph.nodes.find((n) => n.id === nodeId);
    const edge = edgeId === null ? undefined : this.model.graph.edges.find((x) => x.id === edgeId);
    return { ...(node ? { node } : {}), ...(edge ? { edge } : {}) };
  }

  private hover(e: MouseEvent): void {
    const { node, edge } = this.target(e);
    const model = this.model;
    if (!model || (!node && !edge)) {
      this.tip.hidden = true;
      return;
    }
    const lines = node ? nodeDetails(node, model) : edgeDetails(edge!, model);
    this.tip.replaceChildren(
      ...lines.map((l, i) => {
        const p = document.createElement(i === 0 ? 'strong' : 'div');
        p.textContent = l.text;
        if (l.error) p.className = 'rl-error';
        return p;
      }),
    );
    this.tip.hidden = false;
    const box = this.host.getBoundingClientRect();
    this.tip.style.left = `${Math.min(e.clientX - box.left + 12, box.width - 280)}px`;
    this.tip.style.top = `${e.clientY - box.top + 12}px`;
  }

  private click(e: MouseEvent): void {
    const { node, edge } = this.target(e);
    const routes = node?.routes ?? edge?.routes;
    if (!routes || routes.length === 0 || !this.model) return;
    // Prefer a route with a finding: the one the user most likely wants to see.
    const pick = routes.find((r) => this.model!.routes[r]?.verdict === 'leak') ?? routes[0]!;
    this.onSelect(pick);
  }
}

interface Line {
  text: string;
  error?: boolean;
}

function nodeDetails(n: GraphNode, model: PathsModel): Line[] {
  const out: Line[] = [{ text: n.kind === 'as' ? `${n.label}${n.name ? ` — ${n.name}` : ''}` : n.label }];
  if (n.prepend > 1) out.push({ text: `prepended ×${n.prepend}` });
  if (n.origin) out.push({ text: 'origin AS' });
  if (n.special) out.push({ text: `${n.special} ASN: must not appear in a public path`, error: true });
  if (n.leaker) out.push({ text: 'sent the route over a leaking hop', error: true });
  out.push({ text: `${n.routes.length} route(s): ${summarise(n.routes.map((r) => model.routes[r]!))}` });
  return out;
}

function edgeDetails(e: GraphEdge, model: PathsModel): Line[] {
  const rel = e.rel ? ` (${REL_WORDS[e.rel]})` : model.data.relationships.loaded ? ' (relationship unknown)' : '';
  const out: Line[] = [{ text: `${e.from} → ${e.to}${rel}` }];
  for (const r of e.reasons) out.push({ text: r, error: e.verdict === 'leak' });
  const first = model.routes[e.routes[0]!];
  const on = (a: number, b: number): boolean => (`AS${a}` === e.from && `AS${b}` === e.to) || (`AS${b}` === e.from && `AS${a}` === e.to);
  for (const h of first?.aspa?.downstream.hops.filter((x) => on(x.customer, x.provider)) ?? []) out.push({ text: aspaHopText(h), error: h.result === 'not-provider+' });
  if (!model.data.aspa.loaded) out.push({ text: 'No ASPA data loaded' });
  for (const p of first?.policy ?? []) if (`AS${p.hop.from}` === e.from && `AS${p.hop.to}` === e.to) out.push({ text: `RPSL: ${p.reason}`, error: p.verdict === 'mismatch' });
  out.push({ text: `${e.routes.length} route(s): ${summarise(e.routes.map((r) => model.routes[r]!))}` });
  return out;
}

function aspaHopText(h: AspaHopEvidence): string {
  const what =
    h.result === 'provider+'
      ? `AS${h.customer}'s ASPA lists AS${h.provider} (Provider+)`
      : h.result === 'not-provider+'
        ? `AS${h.customer}'s ASPA does not list AS${h.provider} (Not Provider+)`
        : `AS${h.customer} has no ASPA (No Attestation)`;
  return `ASPA ${h.ramp} ramp: ${what}`;
}

const REL_WORDS = { c2p: 'customer → provider', p2c: 'provider → customer', p2p: 'peer ↔ peer' } as const;

function summarise(routes: readonly RouteAnalysis[]): string {
  const prefixes = routes.slice(0, 4).map((r) => r.prefix);
  return prefixes.join(', ') + (routes.length > 4 ? ` and ${routes.length - 4} more` : '');
}
