import type { GraphEdge, GraphNode, PathsModel } from './model';

export type SvgTheme = 'light' | 'dark' | 'vscode';

export interface SvgOptions {
  /** `vscode` draws with the `--vscode-*` variables (the webview); light/dark give a standalone file. */
  readonly theme?: SvgTheme;
  /** Route whose path is drawn emphasised. */
  readonly selectedRoute?: number;
}

interface Colors {
  fg: string;
  bg: string;
  node: string;
  border: string;
  muted: string;
  error: string;
  badge: string;
  badgeFg: string;
  focus: string;
}

const THEMES: Record<SvgTheme, Colors> = {
  light: { fg: '#1f2328', bg: '#ffffff', node: '#f6f8fa', border: '#8c959f', muted: '#6e7781', error: '#cf222e', badge: '#0969da', badgeFg: '#ffffff', focus: '#0969da' },
  dark: { fg: '#e6edf3', bg: '#0d1117', node: '#161b22', border: '#6e7681', muted: '#8b949e', error: '#f85149', badge: '#388bfd', badgeFg: '#ffffff', focus: '#58a6ff' },
  vscode: {
    fg: 'var(--vscode-editor-foreground)',
    bg: 'var(--vscode-editor-background)',
    node: 'var(--vscode-editorWidget-background)',
    border: 'var(--vscode-editorWidget-border, var(--vscode-contrastBorder, currentColor))',
    muted: 'var(--vscode-descriptionForeground)',
    error: 'var(--vscode-errorForeground)',
    badge: 'var(--vscode-badge-background)',
    badgeFg: 'var(--vscode-badge-foreground)',
    focus: 'var(--vscode-focusBorder)',
  },
};

/** One colour per distinct path; Okabe–Ito, readable for the common colour-vision deficiencies. */
export const PATH_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7f7f7f', '#b8a800'] as const;

/**
 * The graph as a standalone SVG string (no DOM): the webview shows it, the export saves it, the CLI
 * writes it. Everything interactive hangs off `data-node` / `data-edge` attributes.
 */
export function renderSvg(model: PathsModel, options: SvgOptions = {}): string {
  const c = THEMES[options.theme ?? 'light'];
  const g = model.graph;
  const selected = options.selectedRoute === undefined ? undefined : new Set(model.routes[options.selectedRoute]?.nodeIds ?? []);
  const onSelected = (e: GraphEdge): boolean => options.selectedRoute !== undefined && e.routes.includes(options.selectedRoute);
  const w = Math.max(g.width, 120);
  const h = Math.max(g.height, 60);
  const leaks = model.routes.filter((r) => r.verdict === 'leak').length;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="rl-title rl-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title id="rl-title">AS paths: ${model.routes.length} route(s), ${g.nodes.filter((n) => n.kind === 'as').length} AS(es)</title>`,
    `<desc id="rl-desc">${esc(`${leaks} route(s) with errors. Leaking hops: ${g.edges.filter((e) => e.verdict === 'leak').map((e) => `${e.from} to ${e.to}`).join(', ') || 'none'}.`)}</desc>`,
    `<style>${css(c)}</style>`,
    '<defs>',
    `<marker id="rl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow"/></marker>`,
    `<marker id="rl-arrow-leak" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow-leak"/></marker>`,
    '</defs>',
    `<rect class="bg" x="0" y="0" width="${w}" height="${h}"/>`,
  ];
  const labels = new LabelSpace(g.nodes);
  // Leak labels claim their place first: they matter more than a relationship abbreviation.
  const ordered = [...g.edges.filter((e) => e.verdict === 'leak'), ...g.edges.filter((e) => e.verdict !== 'leak')];
  for (const e of ordered) out.push(edgeSvg(e, onSelected(e), options.selectedRoute !== undefined, labels, g.direction === 'BT'));
  for (const n of g.nodes) out.push(nodeSvg(n, selected?.has(n.id) ?? false, selected !== undefined));
  out.push('</svg>');
  return out.join('\n');
}

function css(c: Colors): string {
  return [
    `.bg{fill:${c.bg}}`,
    `text{fill:${c.fg}}`,
    `.node rect.box{fill:${c.node};stroke:${c.border};stroke-width:1}`,
    `.node.origin rect.box{stroke-width:2}`,
    `.node.vantage rect.box{stroke-dasharray:4 3}`,
    `.node.leaker rect.box{stroke:${c.error};stroke-width:2.5}`,
    `.node.special rect.box{stroke:${c.error};stroke-dasharray:2 2}`,
    `.node.selected rect.box{stroke:${c.focus};stroke-width:2.5}`,
    `.node .name{fill:${c.muted};font-size:${SMALL}px}`,
    `.badge rect{fill:${c.badge}}`,
    `.badge text{fill:${c.badgeFg};font-size:${SMALL}px;font-weight:600}`,
    `.edge{fill:none;stroke-width:1.6}`,
    `.edge.leak{stroke:${c.error};stroke-width:3}`,
    `.edge.dim,.node.dim{opacity:.35}`,
    `.edge.selected{stroke-width:3}`,
    `.rel{fill:${c.muted};font-size:${SMALL}px}`,
    `.leak-label{fill:${c.error};font-size:${SMALL}px;font-weight:600}`,
    `.arrow{fill:${c.border}}`,
    `.arrow-leak{fill:${c.error}}`,
  ].join('');
}

/** The smallest text drawn, in px at 100 %: below 11 px labels stop being readable (issue 17). */
export const SMALL = 11;
/** Average advance of the 11 px label font, a little generous so estimates err towards dropping a label. */
const CHAR_W = 6.6;

type Anchor = 'start' | 'middle' | 'end';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Where edge labels may go: a label is drawn only where it overlaps no node and no label already placed.
 * A dropped label loses nothing: the edge's tooltip and the legend say the same.
 */
class LabelSpace {
  private readonly taken: Box[];

  constructor(nodes: readonly GraphNode[]) {
    this.taken = nodes.map((n) => ({ x0: n.x - n.width / 2, y0: n.y - n.height / 2, x1: n.x + n.width / 2, y1: n.y + n.height / 2 }));
  }

  /** Claims the box of `text` anchored at x with its baseline at y; false when it would overlap. */
  claim(text: string, x: number, y: number, anchor: Anchor): boolean {
    const w = text.length * CHAR_W;
    const left = anchor === 'middle' ? x - w / 2 : anchor === 'start' ? x : x - w;
    const b = { x0: left - 1, y0: y - SMALL, x1: left + w + 1, y1: y + 3 };
    if (this.taken.some((t) => b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1)) return false;
    this.taken.push(b);
    return true;
  }
}

function edgeSvg(e: GraphEdge, selected: boolean, anySelected: boolean, labels: LabelSpace, vertical: boolean): string {
  if (e.points.length === 0) return '';
  const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  const leak = e.verdict === 'leak';
  const color = e.colors.length === 1 ? PATH_COLORS[e.colors[0]! % PATH_COLORS.length] : undefined;
  const cls = ['edge', leak ? 'leak' : '', selected ? 'selected' : anySelected ? 'dim' : ''].filter(Boolean).join(' ');
  const stroke = leak ? '' : ` stroke="${color ?? '#8c959f'}"`;
  const mid = halfway(e.points);
  const title = [`${e.from} → ${e.to}${e.rel ? ` (${e.rel})` : ''}`, ...e.reasons].join('\n');
  const parts = [
    `<g data-edge="${esc(e.id)}" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    `<path class="${cls}"${stroke} d="${d}" marker-end="url(#${leak ? 'rl-arrow-leak' : 'rl-arrow'})"/>`,
  ];
  // Beside a vertical edge (leak on the left, relationship on the right), above and below a horizontal one.
  const at = (below: boolean): { x: number; y: number; anchor: Anchor } =>
    vertical ? { x: mid.x + (below ? -6 : 6), y: mid.y + 4, anchor: below ? 'end' : 'start' } : { x: mid.x, y: mid.y + (below ? 14 : -4), anchor: 'middle' };
  const label = (cls: string, text: string, below: boolean): void => {
    const p = at(below);
    if (labels.claim(text, p.x, p.y, p.anchor)) parts.push(`<text class="${cls}" x="${p.x}" y="${p.y}" text-anchor="${p.anchor}">${text}</text>`);
  };
  if (leak) label('leak-label', 'leak', true);
  if (e.rel) label('rel', e.rel, false);
  parts.push('</g>');
  return parts.join('');
}

function nodeSvg(n: GraphNode, selected: boolean, anySelected: boolean): string {
  const x = n.x - n.width / 2;
  const y = n.y - n.height / 2;
  const cls = ['node', n.kind, n.origin ? 'origin' : '', n.leaker ? 'leaker' : '', n.special ? 'special' : '', selected ? 'selected' : anySelected ? 'dim' : '']
    .filter(Boolean)
    .join(' ');
  const badge = n.prepend > 1;
  const textX = n.x - (badge ? 15 : 0);
  const title = [
    n.kind === 'as' ? `${n.label}${n.name ? ` ${n.name}` : ''}` : n.label,
    badge ? `prepended ×${n.prepend}` : '',
    n.origin ? 'origin' : '',
    n.leaker ? 'sent a leaking hop' : '',
    n.special ? `${n.special} ASN` : '',
    `${n.routes.length} route(s)`,
  ]
    .filter(Boolean)
    .join('\n');
  const parts = [
    `<g class="${cls}" data-node="${esc(n.id)}" tabindex="-1" aria-label="${esc(title.replace(/\n/g, ', '))}">`,
    `<title>${esc(title)}</title>`,
    `<rect class="box" x="${x}" y="${y}" width="${n.width}" height="${n.height}" rx="6"/>`,
    `<text x="${textX}" y="${n.name ? n.y - 3 : n.y + 4}" text-anchor="middle" font-weight="600">${esc(n.label)}</text>`,
  ];
  if (n.name) parts.push(`<text class="name" x="${textX}" y="${n.y + 12}" text-anchor="middle">${esc(n.name)}</text>`);
  if (badge) {
    const bx = x + n.width - 30;
    parts.push(
      `<g class="badge"><rect x="${bx}" y="${n.y - 9}" width="26" height="18" rx="9"/><text x="${bx + 13}" y="${n.y + 4}" text-anchor="middle">×${n.prepend}</text></g>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

/** The point half way along a polyline (a middle vertex can sit at an end, under the arrowhead). */
function halfway(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let left = total / 2;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const d = Math.hypot(b.x - a.x, b.y - a.y);
    if (d >= left && d > 0) return { x: Math.round(a.x + ((b.x - a.x) * left) / d), y: Math.round(a.y + ((b.y - a.y) * left) / d) };
    left -= d;
  }
  return points[0]!;
}

/** Escapes text and attribute values for XML and HTML. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
