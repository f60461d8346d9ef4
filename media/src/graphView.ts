import type { AspaHopEvidence, GraphEdge, GraphNode, PathsModel, RouteAnalysis } from '../../server/src/core/paths/model';
import { focusGraph } from '../../server/src/core/paths/focus';
import { VANTAGE_ID } from '../../server/src/core/paths/graph';
import { layoutGraph, type LayoutDirection } from '../../server/src/core/paths/layout';
import { PACKED_GAP } from '../../server/src/core/paths/packLeading';
import { renderSvg } from '../../server/src/core/paths/svg';
import { plainFirst } from './words';

/**
 * The graph pane: the core's SVG (VS Code theme variables), with hover details and click-to-select.
 * Routes hidden by the filter are dimmed rather than laid out again, so the picture stays stable.
 */
/** Zoom limits. The SVG's smallest text is 11 px at 1: a first view between LABELS_FROM_SCALE and 1 is never chosen. */
const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
const MAX_FIT = 1.5;
/**
 * Below this scale the SVG's 11 px text would be under 5 px: unreadable, yet the most costly thing to raster
 * (a 1,000-AS graph is thousands of glyph runs). The labels are hidden until the user zooms back in; the boxes,
 * edges, colours and tooltips stay.
 */
const LABELS_FROM_SCALE = 0.45;
/** After this long without a wheel or drag the view is settled: the layer drops will-change and is drawn sharp at its scale. */
const SETTLE_MS = 180;
/** Below this pane width the graph is laid out top-down: eight ASes side by side need about 900 px. */
const NARROW_PX = 700;
/** Up to this many nodes both directions are tried and the one that reads larger is kept. */
const SMALL_GRAPH = 150;

interface View {
  s: number;
  x: number;
  y: number;
}

/**
 * The graph pane: the core's SVG (VS Code theme variables) on a canvas that pans (drag, wheel) and zooms
 * (ctrl+wheel or pinch, the − / + buttons, keys), with hover details, click-to-select, and a legend.
 * The first view of a paste is the largest that fits (up to MAX_FIT); what does not fit opens at 100 % at the
 * vantage point with its first hops, which the core packs beside it (packLeading.ts), so no first view draws a
 * label under 11 px. Fit shows a large graph whole, as an overview without labels below LABELS_FROM_SCALE (its
 * shape, colours and red leak hops; hover names a box, a double-click reads that part at 100 %).
 */
export class GraphView {
  private model: PathsModel | undefined;
  private readonly tip: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly tools: HTMLElement;
  private view: View = { s: 1, x: 0, y: 0 };
  /** The model the view was fitted to: a new paste fits again, a new selection keeps the view. */
  private fitted: PathsModel | undefined;
  private drag: { x: number; y: number; moved: boolean } | undefined;
  private last: { selected: number | undefined; visible: ReadonlySet<number> } = { selected: undefined, visible: new Set() };
  /** The model as given (the drawn `model` may be its focus on the filtered routes). */
  private full: PathsModel | undefined;
  private focus: { model: PathsModel; key: string; drawn: PathsModel } | undefined;
  private chosen: { graph: PathsModel['graph']; vw: number; vh: number; direction: LayoutDirection } | undefined;
  /**
   * Wheel and pointer moves come many times a frame (a trackpad sends 100+ a second): they only add up here, and
   * one animation frame applies the sum, so a frame costs one transform write whatever the input rate.
   */
  private pending: { dx: number; dy: number; zoom: number; clientX: number; clientY: number } | undefined;
  private frame = 0;
  private settle: ReturnType<typeof setTimeout> | undefined;
  private readonly back: HTMLButtonElement;
  private focusedAs: number | undefined;

  /**
   * `onFocusAs`: a click (or Enter) on an AS box asks to draw that AS's routes only; `onBack` undoes the last
   * focus (the Back button, Backspace, or Esc when nothing is selected).
   */
  constructor(
    private readonly host: HTMLElement,
    private readonly onSelect: (route: number | undefined) => void,
    private readonly onFocusAs: (asn: number) => void = () => undefined,
    private readonly onBack: () => void = () => undefined,
  ) {
    this.tip = document.createElement('div');
    this.tip.className = 'rl-tip';
    this.tip.setAttribute('role', 'tooltip');
    this.tip.hidden = true;
    this.canvas = document.createElement('div');
    this.canvas.className = 'rl-canvas';
    this.tools = document.createElement('div');
    this.tools.className = 'rl-graph-tools';
    this.tools.setAttribute('role', 'toolbar');
    this.tools.setAttribute('aria-label', 'Graph view');
    this.back = button('Back', 'Back (Backspace)', () => this.onBack(), 'rl-back');
    this.back.hidden = true;
    this.tools.append(
      this.back,
      button('−', 'Zoom out (−)', () => this.zoomBy(1 / 1.25)),
      button('+', 'Zoom in (+)', () => this.zoomBy(1.25)),
      button('Fit', 'Fit the whole graph in the pane (0)', () => this.fit(false)),
      button('100 %', 'Actual size (1)', () => this.zoomTo(1)),
      button('Clear selection', 'Show every route again (Esc)', () => this.onSelect(undefined), 'rl-clear'),
    );
    this.canvas.append(...host.childNodes); // "Analysing…" until the first model
    host.replaceChildren(this.canvas, this.tools, legend());
    host.tabIndex = 0;
    host.after(this.tip);
    host.addEventListener('mouseover', (e) => this.hover(e));
    host.addEventListener('mouseleave', () => (this.tip.hidden = true));
    host.addEventListener('click', (e) => this.click(e));
    host.addEventListener('dblclick', (e) => {
      // On a readable box the clicks focused it: a zoom as well would move the new picture under the pointer.
      if (!this.model || this.view.s >= 1 || (!this.far() && this.target(e).node)) return;
      const box = host.getBoundingClientRect();
      this.zoomTo(1, e.clientX - box.left, e.clientY - box.top);
    });
    host.addEventListener('wheel', (e) => this.wheel(e), { passive: false });
    host.addEventListener('pointerdown', (e) => this.pointerDown(e));
    host.addEventListener('pointermove', (e) => this.pointerMove(e));
    host.addEventListener('pointerup', () => void (this.drag && setTimeout(() => (this.drag = undefined))));
    host.addEventListener('keydown', (e) => this.key(e));
    new ResizeObserver(() => {
      const m = this.full;
      if (!m || !this.model) return;
      if (this.model.graph.direction !== this.direction()) {
        this.fitted = undefined;
        this.render(m, this.last.selected, this.last.visible);
      } else if (this.fitted === this.model) this.fit(true);
    }).observe(host);
  }

  /** A sentence in place of the graph (no routes, a failure); the previous picture never stays behind it. */
  showMessage(title: string, detail: string, link?: { text: string; run: () => void }): void {
    this.model = undefined;
    this.full = undefined;
    this.fitted = undefined;
    this.tip.hidden = true;
    this.host.classList.add('rl-message');
    const box = document.createElement('div');
    box.className = 'rl-empty';
    const strong = document.createElement('strong');
    strong.textContent = title;
    const p = document.createElement('p');
    p.textContent = detail;
    box.append(strong, p);
    if (link) {
      const a = document.createElement('button');
      a.type = 'button';
      a.className = 'rl-link';
      a.id = 'open-example';
      a.textContent = link.text;
      a.addEventListener('click', link.run);
      box.append(a);
    }
    this.canvas.replaceChildren(box);
    this.canvas.style.transform = '';
  }

  /**
   * The focused AS (its box keeps the keyboard's tab stop) and the Back button: hidden without a focus, else it
   * says where it goes ("Back to AS8048", "Back to all routes").
   */
  showFocus(focus: number | undefined, to: string): void {
    this.focusedAs = focus;
    this.back.hidden = focus === undefined;
    if (focus === undefined) return;
    this.back.textContent = `◀ Back to ${to}`;
    this.back.title = `Back to ${to} (Backspace)`;
    this.back.setAttribute('aria-label', this.back.title);
  }

  /**
   * Top-down in a narrow pane. Otherwise left to right, unless the graph is small and reads larger top-down
   * (one long path in a wide but short pane): then the direction whose fit shrinks it least.
   */
  private direction(): LayoutDirection {
    const vw = this.host.clientWidth;
    const vh = this.host.clientHeight;
    const g = this.full?.graph;
    // Narrow: top-down, unless the first hops side by side are wider than the pane and fit one above the other.
    if (vw > 0 && vw < NARROW_PX) return g && leadAcross(g, 'BT') > vw && leadAcross(g, 'RL') <= vh ? 'RL' : 'BT';
    if (!g || g.nodes.length > SMALL_GRAPH || vw === 0 || vh === 0) return 'RL';
    const cached = this.chosen;
    if (cached && cached.graph === g && cached.vw === vw && cached.vh === vh) return cached.direction;
    const fitOf = (w: number, h: number): number => Math.min(vw / Math.max(w, 1), vh / Math.max(h, 1));
    const other: LayoutDirection = (g.direction ?? 'RL') === 'RL' ? 'BT' : 'RL';
    const trial = focusGraph(g, new Set(g.nodes.flatMap((n) => n.routes)), other);
    const here = fitOf(g.width, g.height);
    const there = fitOf(trial.width, trial.height);
    const [rl, bt] = other === 'BT' ? [here, there] : [there, here];
    // Left to right unless top-down is clearly bigger: a near tie keeps the familiar reading order.
    const direction: LayoutDirection = bt > rl * 1.15 ? 'BT' : 'RL';
    this.chosen = { graph: g, vw, vh, direction };
    return direction;
  }

  /**
   * Draws `model`; when a filter leaves only some routes (`visible`), their own graph, laid out again (focus):
   * an AS or a prefix with its paths only, instead of a few lit lines in a dimmed hairball.
   */
  render(model: PathsModel, selected: number | undefined, visible: ReadonlySet<number>): void {
    this.full = model;
    this.last = { selected, visible };
    const direction = this.direction();
    if ((model.graph.direction ?? 'RL') !== direction) layoutGraph(model.graph, direction);
    if (visible.size === 0 && model.routes.length > 0) {
      this.showMessage('No route matches the filters.', 'Clear the prefix, AS or "Show" filter above to see the other routes.');
      this.full = model;
      return;
    }
    // A model focused by the server (an AS) draws only its routes: nothing to take out when those are the visible ones.
    const hidden = visible.size < model.routes.length && model.routes.some((r) => r.nodeIds.length > 0 && !visible.has(r.index));
    const drawn = hidden ? this.focused(model, visible, direction) : model;
    this.model = drawn;
    this.host.classList.remove('rl-message');
    this.host.classList.toggle('rl-has-selection', selected !== undefined);
    this.host.classList.toggle('rl-focused', drawn !== model);
    // The box the keyboard was on, if any: a redraw (the server's model after the page's own) must not move it.
    const onBox = this.canvas.contains(document.activeElement) ? (document.activeElement?.getAttribute('data-node') ?? '') : undefined;
    this.canvas.innerHTML = renderSvg(drawn, { theme: 'vscode', ...(selected !== undefined ? { selectedRoute: selected } : {}) });
    if (this.fitted !== drawn) {
      this.fitted = drawn;
      this.fit(true);
    } else this.apply();
    this.rove(onBox);
  }

  private focused(model: PathsModel, visible: ReadonlySet<number>, direction: LayoutDirection): PathsModel {
    const key = [...visible].join(',');
    const f = this.focus;
    if (f && f.model === model && f.key === key && f.drawn.graph.direction === direction) return f.drawn;
    const drawn: PathsModel = { ...model, graph: focusGraph(model.graph, visible, direction) };
    this.focus = { model, key, drawn };
    return drawn;
  }

  /**
   * `readable` (the first view of a paste): the largest scale that shows it all up to MAX_FIT, and never under 1:
   * what does not fit opens at 100 % at the vantage point, centred across on it and its first hops (which the
   * core packs into one block beside it, packLeading.ts), so the first view always reads, labels at 11 px or more.
   * Otherwise the whole graph whatever the scale (the Fit button, its overview without labels when large).
   */
  private fit(readable: boolean): void {
    const g = this.model?.graph;
    if (!g) return;
    const vw = this.host.clientWidth;
    const vh = this.host.clientHeight;
    const w = Math.max(g.width, 120);
    const h = Math.max(g.height, 60);
    const whole = Math.min(vw / w, vh / h, MAX_FIT);
    const v = g.nodes.find((n) => n.kind === 'vantage');
    const topDown = g.direction === 'BT';
    const lead = v ? leadingSpan(g, v, topDown) : undefined;
    const s = readable ? Math.max(1, whole) : Math.max(MIN_SCALE, whole);
    // What does not fit opens at the vantage point, where every path starts (left, or top when laid out top-down).
    const across = lead ? (lead.min + lead.max) / 2 : undefined;
    const along = (size: number, pane: number, at: number | undefined, layerAxis: boolean): number => {
      if (size * s <= pane) return (pane - size * s) / 2;
      const want = at === undefined ? 0 : layerAxis ? 0 : pane / 2 - at * s;
      return Math.min(0, Math.max(pane - size * s, want));
    };
    this.view = { s, x: along(w, vw, topDown ? (across ?? v?.x) : v?.x, !topDown), y: along(h, vh, topDown ? v?.y : (across ?? v?.y), topDown) };
    this.apply();
  }

  private zoomBy(f: number, cx = this.host.clientWidth / 2, cy = this.host.clientHeight / 2): void {
    this.zoomTo(this.view.s * f, cx, cy);
  }

  private zoomTo(s: number, cx = this.host.clientWidth / 2, cy = this.host.clientHeight / 2): void {
    this.view = zoomed(this.view, s, cx, cy);
    this.apply();
  }

  /**
   * Writes the view: one transform on the canvas, nothing laid out or rebuilt. `moving`: more frames are likely to
   * follow (wheel, drag), so the canvas stays a composited layer (will-change) that moves without repainting, and
   * is repainted sharp once the view has been still for SETTLE_MS; a single step (a button, a key, a fit) is drawn
   * sharp at once.
   */
  private apply(moving = false): void {
    const { s, x, y } = this.view;
    const c = this.canvas;
    c.style.transform = `translate(${x}px, ${y}px) scale(${s})`;
    this.host.classList.toggle('rl-far', s < LABELS_FROM_SCALE);
    this.host.dataset.scale = s.toFixed(3);
    if (this.settle !== undefined) clearTimeout(this.settle);
    this.settle = undefined;
    if (!moving) return void c.classList.remove('rl-moving');
    c.classList.add('rl-moving');
    this.settle = setTimeout(() => {
      this.settle = undefined;
      c.classList.remove('rl-moving');
    }, SETTLE_MS);
  }

  private wheel(e: WheelEvent): void {
    if (!this.model) return;
    e.preventDefault();
    // ctrl+wheel is also what a trackpad pinch sends; shift+wheel pans sideways.
    if (e.ctrlKey || e.metaKey) this.queue(0, 0, Math.exp(-e.deltaY * 0.0015), e);
    else this.queue(-(e.shiftKey ? e.deltaY : e.deltaX), e.shiftKey ? 0 : -e.deltaY, 1, e);
  }

  /** Adds a pan (px) and a zoom factor (about the pointer) to what the next animation frame applies. */
  private queue(dx: number, dy: number, zoom: number, at: { clientX: number; clientY: number }): void {
    const p = (this.pending ??= { dx: 0, dy: 0, zoom: 1, clientX: at.clientX, clientY: at.clientY });
    p.dx += dx;
    p.dy += dy;
    p.zoom *= zoom;
    p.clientX = at.clientX;
    p.clientY = at.clientY;
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.frame = 0;
    const p = this.pending;
    this.pending = undefined;
    if (!p || !this.model) return; // a message replaced the graph since
    let v = this.view;
    if (p.zoom !== 1) {
      // Read once a frame, before any write: the layout is clean here, so this forces nothing.
      const box = this.host.getBoundingClientRect();
      v = zoomed(v, v.s * p.zoom, p.clientX - box.left, p.clientY - box.top);
    }
    this.view = { s: v.s, x: v.x + p.dx, y: v.y + p.dy };
    this.apply(true);
  }

  private pointerDown(e: PointerEvent): void {
    if (!this.model || e.button !== 0 || (e.target as Element).closest('.rl-graph-tools, .rl-legend')) return;
    this.drag = { x: e.clientX, y: e.clientY, moved: false };
  }

  private pointerMove(e: PointerEvent): void {
    const d = this.drag;
    if (!d || (e.buttons & 1) === 0) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    if (!d.moved) this.host.setPointerCapture(e.pointerId);
    d.moved = true;
    d.x = e.clientX;
    d.y = e.clientY;
    this.queue(dx, dy, 1, e);
  }

  private key(e: KeyboardEvent): void {
    if ((e.target as Element).closest('input, select, textarea')) return;
    const box = (e.target as Element).closest('[data-node]');
    if (box && this.nodeKey(e, box)) return void e.preventDefault();
    const actions: Record<string, () => void> = {
      '+': () => this.zoomBy(1.25),
      '=': () => this.zoomBy(1.25),
      '-': () => this.zoomBy(1 / 1.25),
      '0': () => this.fit(false),
      '1': () => this.zoomTo(1),
      // Esc clears the selection first, then steps back out of the focus.
      Escape: () => (this.last.selected !== undefined ? this.onSelect(undefined) : this.onBack()),
      Backspace: () => this.onBack(),
    };
    const act = actions[e.key];
    if (!act) return;
    e.preventDefault();
    act();
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
    if (!model || (!node && !edge) || this.drag?.moved) {
      this.tip.hidden = true;
      return;
    }
    const lines = node ? nodeDetails(node, model) : edgeDetails(edge!, model);
    this.tip.replaceChildren(
      ...lines.map((l, i) => {
        const p = document.createElement(i === 0 ? 'strong' : 'div');
        p.textContent = l.text;
        if (l.error) p.className = 'rl-error';
        if (l.detail) p.classList.add('rl-formula');
        return p;
      }),
    );
    this.tip.hidden = false;
    const box = this.host.getBoundingClientRect();
    const parent = this.tip.offsetParent?.getBoundingClientRect() ?? box;
    this.tip.style.left = `${Math.max(0, Math.min(e.clientX - parent.left + 12, parent.width - 350))}px`;
    this.tip.style.top = `${e.clientY - parent.top + 12}px`;
  }

  private click(e: MouseEvent): void {
    if (this.drag?.moved) return;
    if ((e.target as Element).closest('.rl-graph-tools, .rl-legend')) return;
    const { node, edge } = this.target(e);
    if (!this.model) return;
    // A readable AS box focuses that AS (its routes only); in the label-less overview a click cannot know what it
    // hits, so it selects as an edge does, and a double-click zooms in to read.
    if (node && this.focusable(node) && !this.far()) return this.onFocusAs(node.asn!);
    const routes = node?.routes ?? edge?.routes;
    // A click on the background clears the selection.
    if (!routes || routes.length === 0) return void ((e.target as Element).closest('svg') && this.onSelect(undefined));
    // Prefer a route with a finding: the one the user most likely wants to see.
    const pick = routes.find((r) => this.model!.routes[r]?.verdict === 'leak') ?? routes[0]!;
    this.onSelect(pick);
  }

  /** An AS box that is not the focus already (the vantage point, group boxes and AS sets are not ASes to focus). */
  private focusable(n: GraphNode): boolean {
    return n.kind === 'as' && n.asn !== undefined && n.asn !== this.focusedAs;
  }

  private far(): boolean {
    return this.view.s < LABELS_FROM_SCALE;
  }

  private nodeEl(id: string): SVGGElement | null {
    return this.canvas.querySelector<SVGGElement>(`[data-node="${CSS.escape(id)}"]`);
  }

  /**
   * One box is in the tab order (roving tabindex): the focused AS when drawn, else the vantage point. Arrow keys
   * move between boxes, Enter focuses one. A redraw replaces the boxes: the keyboard stays on the same box if it is
   * still drawn, else on the new tab stop.
   */
  private rove(onBox: string | undefined): void {
    const stop = (onBox ? this.nodeEl(onBox) : null) ?? (this.focusedAs !== undefined ? this.nodeEl(`AS${this.focusedAs}`) : null) ?? this.nodeEl('vantage');
    if (!stop) return;
    stop.setAttribute('tabindex', '0');
    if (onBox !== undefined) {
      stop.focus({ preventScroll: true });
      this.reveal(stop.getAttribute('data-node')!);
    }
  }

  /** Keys on a box: arrows go to the nearest box that way, Enter or Space acts as a click. */
  private nodeKey(e: KeyboardEvent, el: Element): boolean {
    const node = this.model?.graph.nodes.find((n) => n.id === el.getAttribute('data-node'));
    if (!node || !this.model) return false;
    if (e.key === 'Enter' || e.key === ' ') {
      if (this.focusable(node)) this.onFocusAs(node.asn!);
      else {
        const pick = node.routes.find((r) => this.model!.routes[r]?.verdict === 'leak') ?? node.routes[0];
        if (pick !== undefined) this.onSelect(pick);
      }
      return true;
    }
    const way = ARROWS[e.key];
    if (!way) return false;
    const next = nearestTowards(this.model.graph.nodes, node, way);
    const target = next && this.nodeEl(next.id);
    if (!target) return true;
    el.setAttribute('tabindex', '-1');
    target.setAttribute('tabindex', '0');
    target.focus({ preventScroll: true });
    this.reveal(next.id);
    return true;
  }

  /** Pans (no zoom) so the box is inside the pane, with a margin: a box reached by keyboard is never off screen. */
  private reveal(id: string): void {
    const n = this.model?.graph.nodes.find((x) => x.id === id);
    if (!n) return;
    const { s } = this.view;
    const pad = 24;
    const shift = (lo: number, hi: number, pane: number): number => (lo < pad ? pad - lo : hi > pane - pad ? Math.max(pad - lo, pane - pad - hi) : 0);
    const dx = shift((n.x - n.width / 2) * s + this.view.x, (n.x + n.width / 2) * s + this.view.x, this.host.clientWidth);
    const dy = shift((n.y - n.height / 2) * s + this.view.y, (n.y + n.height / 2) * s + this.view.y, this.host.clientHeight);
    if (dx === 0 && dy === 0) return;
    this.view = { s, x: this.view.x + dx, y: this.view.y + dy };
    this.apply();
  }
}

const ARROWS: Readonly<Record<string, { x: number; y: number }>> = { ArrowLeft: { x: -1, y: 0 }, ArrowRight: { x: 1, y: 0 }, ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 } };

/** The box nearest to `from` in the direction `way` (a step sideways costs twice a step forward), if any. */
function nearestTowards(nodes: readonly GraphNode[], from: GraphNode, way: { x: number; y: number }): GraphNode | undefined {
  let best: GraphNode | undefined;
  let bestCost = Infinity;
  for (const n of nodes) {
    const dx = n.x - from.x;
    const dy = n.y - from.y;
    const ahead = dx * way.x + dy * way.y;
    if (n === from || ahead <= 0) continue;
    const cost = ahead + 2 * Math.abs(dx * way.y + dy * way.x);
    if (cost < bestCost) {
      bestCost = cost;
      best = n;
    }
  }
  return best;
}

/** The view at scale `s` (within the limits) that keeps the pane point (cx, cy) over the same spot of the graph. */
/** Across the layers, the extent of the vantage point and its first hops' boxes (the graph's leading layers). */
function leadingSpan(g: PathsModel['graph'], v: GraphNode, topDown: boolean): { min: number; max: number } {
  const first = new Set(g.edges.filter((e) => e.to === v.id).map((e) => e.from));
  const boxes = g.nodes.filter((n) => n === v || first.has(n.id));
  const lo = (n: GraphNode): number => (topDown ? n.x - n.width / 2 : n.y - n.height / 2);
  const hi = (n: GraphNode): number => (topDown ? n.x + n.width / 2 : n.y + n.height / 2);
  return { min: Math.min(...boxes.map(lo)) - 8, max: Math.max(...boxes.map(hi)) + 8 };
}

/** How long the packed block of the vantage point's first hops is across the layers (packLeading.ts), laid out `direction`. */
function leadAcross(g: PathsModel['graph'], direction: LayoutDirection): number {
  const first = new Set(g.edges.filter((e) => e.to === VANTAGE_ID).map((e) => e.from));
  const boxes = g.nodes.filter((n) => first.has(n.id));
  return boxes.reduce((sum, n) => sum + (direction === 'RL' ? n.height : n.width) + PACKED_GAP, 16);
}

function zoomed(v: View, s: number, cx: number, cy: number): View {
  const to = Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
  return { s: to, x: cx - ((cx - v.x) * to) / v.s, y: cy - ((cy - v.y) * to) / v.s };
}

function button(text: string, title: string, run: () => void, cls?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.title = title;
  b.setAttribute('aria-label', title);
  if (cls) b.className = cls;
  b.addEventListener('click', run);
  return b;
}

/** What the marks mean, in words (HTML, so it stays readable whatever the zoom). */
function legend(): HTMLElement {
  const d = document.createElement('details');
  d.className = 'rl-legend';
  d.innerHTML = `<summary>Legend</summary>
<ul>
<li><span class="rl-key rl-key-leak"></span>red, thick: the hop where the route leaked (ASPA, OTC or valley-free check)</li>
<li><span class="rl-key rl-key-path"></span>coloured lines: one colour per distinct AS path</li>
<li><span class="rl-key-badge">×9</span> the AS prepended itself 9 times</li>
<li><span class="rl-key rl-key-origin"></span>thick border: origin AS; red border: sent the leak</li>
<li><span class="rl-key rl-key-dotted"></span>dashed border: your vantage point; dotted red: reserved ASN</li>
<li><b>c2p</b> customer to provider · <b>p2c</b> provider to customer · <b>p2p</b> peers (relationship data)</li>
<li>Click an AS (or Tab to the graph, arrows, Enter) to show its routes only; Back or Backspace returns.</li>
<li>Drag or scroll to move, Ctrl+scroll to zoom, double-click to read a part at 100 %, click a background to clear the selection.</li>
</ul>`;
  return d;
}

interface Line {
  text: string;
  error?: boolean;
  /** The formula or code behind a plain sentence: shown after it, smaller. */
  detail?: boolean;
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
  const named = (id: string): string => {
    const n = model.graph.nodes.find((x) => x.id === id);
    return n?.name ? `${id} ${n.name}` : id;
  };
  const out: Line[] = [{ text: `${named(e.from)} → ${named(e.to)}${rel}` }];
  for (const r of e.reasons) {
    const p = plainFirst(r);
    out.push({ text: p.text, error: e.verdict === 'leak' });
    if (p.formula) out.push({ text: `(${p.formula})`, detail: true });
  }
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
