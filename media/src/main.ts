import './panel.css';
import { renderDot } from '../../server/src/core/paths/dot';
import { renderMarkdown } from '../../server/src/core/paths/markdown';
import type { DataSetStatus, PathsModel } from '../../server/src/core/paths/model';
import { renderSvg } from '../../server/src/core/paths/svg';
import { isGroupBy } from '../../server/src/core/paths/groupBy';
import { groupsRows } from '../../server/src/core/paths/prefixGroups';
import { checkHostToWebview, type DataKind, type ExportFormat, type GroupBy, type WebviewToHost } from '../../server/src/protocol/webview';
import { GraphView } from './graphView';
import { createMonacoEditor, createTextareaEditor, type PasteEditor } from './pasteEditor';
import { svgToPngBase64 } from './png';
import { focusAsn, RouteTable, routeFilter } from './routeTable';
import { renderWhatIf } from './whatIfView';
import { isMrtSaved, MrtViewSection, type MrtSaved } from './mrtView';

declare function acquireVsCodeApi(): { postMessage(m: WebviewToHost): void; getState(): unknown; setState(s: unknown): void };

/** What survives hiding the panel and reloading the window (the serializer hands `text` back to the host). */
interface PanelState {
  text: string;
  filter: { prefix: string; origin: string; verdict: string };
  group: GroupBy;
  selected?: number;
  /** The MRT file shown, which the host reads again after a window reload (PathsPanel.revive). */
  mrt?: MrtSaved;
}

const ANALYZE_DELAY_MS = 250;
const vscode = acquireVsCodeApi();
const saved = vscode.getState() as Partial<PanelState> | undefined;
const state: PanelState = {
  text: typeof saved?.text === 'string' ? saved.text : '',
  filter: { prefix: '', origin: '', verdict: 'all', ...(typeof saved?.filter === 'object' ? saved.filter : {}) },
  group: isGroupBy(saved?.group) ? saved.group : 'auto',
  ...(typeof saved?.selected === 'number' ? { selected: saved.selected } : {}),
  ...(isMrtSaved(saved?.mrt) ? { mrt: saved.mrt } : {}),
};
const save = (): void => vscode.setState(state);

const app = document.getElementById('app')!;
app.innerHTML = `
<header class="rl-toolbar" role="toolbar" aria-label="Filters and export">
  <label title="Show only the routes of a prefix and its more-specifics (200.74.224.0/20), or those whose prefix contains this text (200.74.); the graph draws their paths only">Prefix <input id="f-prefix" type="search" spellcheck="false" placeholder="200.74." size="12"></label>
  <label title="Show only routes whose path goes through this AS">AS <input id="f-origin" type="search" spellcheck="false" placeholder="8048" size="8"></label>
  <label>Show <select id="f-verdict">
    <option value="all">all routes</option><option value="problems">errors and warnings</option>
    <option value="leak">errors</option><option value="warning">warnings</option><option value="notice">notes</option><option value="ok">clean routes</option>
  </select></label>
  <label title="How a large table is shown: every AS, or the ASes behind each neighbour or each last transit AS merged into one box (routes with a leak are always drawn in full); prefixes sharing a path and its verdicts listed as one row (when large: past 100 routes)">Group <select id="f-group">
    <option value="auto">when large</option><option value="none">never (every AS)</option>
    <option value="first-hop">by first hop</option><option value="origin">origins by upstream</option>
    <option value="prefixes">prefixes by path</option>
  </select></label>
  <span class="rl-spacer"></span>
  <span class="rl-exports" role="group" aria-label="Export">Export
  <button type="button" data-export="svg" title="Save the graph as SVG">SVG</button>
  <button type="button" data-export="png" title="Save the graph as PNG">PNG</button>
  <button type="button" data-export="dot" title="Save the graph as Graphviz DOT">DOT</button>
  <button type="button" id="copy-md" title="Copy the analysis as Markdown">Copy Markdown</button></span>
</header>
<div class="rl-status" id="status" role="status" aria-live="polite"></div>
<section class="rl-mrt" id="mrt" aria-label="MRT file" hidden></section>
<section class="rl-whatif" id="whatif" aria-label="What if the focused AS published its ASPA" hidden></section>
<main class="rl-main">
  <section class="rl-editor" id="editor" aria-label="Looking-glass paste"></section>
  <section class="rl-graph" id="graph" aria-label="AS path graph"><p class="rl-empty">Analysing…</p></section>
</main>
<section class="rl-table" id="table" aria-label="Routes"></section>`;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const prefixInput = $<HTMLInputElement>('f-prefix');
const originInput = $<HTMLInputElement>('f-origin');
const verdictSelect = $<HTMLSelectElement>('f-verdict');
const groupSelect = $<HTMLSelectElement>('f-group');
groupSelect.value = state.group;
prefixInput.value = state.filter.prefix;
originInput.value = state.filter.origin;
verdictSelect.value = state.filter.verdict;

let model: PathsModel | undefined;
let editor: PasteEditor | undefined;
let seq = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let notice = '';
const graph = new GraphView(
  $('graph'),
  (r) => select(r, false),
  (asn) => focusOn(asn),
  () => focusBack(),
);
const table = new RouteTable($('table'), (r) => select(r, true));
const mrt = new MrtViewSection($('mrt'), (m) => vscode.postMessage(m), state.mrt, (s) => {
  if (s === undefined) delete state.mrt;
  else state.mrt = s;
  save();
});

function analyzeSoon(text: string): void {
  // A new paste starts with nothing selected (the old index would pick an unrelated route).
  if (text !== state.text) delete state.selected;
  state.text = text;
  save();
  if (timer !== undefined) clearTimeout(timer);
  const focus = focusAsn(state.filter.origin);
  const prefix = state.filter.prefix.trim();
  const view = { ...(state.group !== 'auto' ? { group: state.group } : {}), ...(focus !== undefined ? { focus } : {}), ...(prefix ? { prefix } : {}) };
  timer = setTimeout(() => vscode.postMessage({ type: 'analyze', text, seq: ++seq, ...view }), ANALYZE_DELAY_MS);
}

function visibleRoutes(m: PathsModel): number[] {
  return m.routes.filter(routeFilter(state.filter)).map((r) => r.index);
}

function render(): void {
  showFocus();
  if (!model) return;
  renderWhatIf($('whatif'), model);
  if (model.routes.length === 0) {
    const [title, detail, link] = emptyMessage(model);
    graph.showMessage(title, detail, link);
    table.clear();
    renderStatus(model);
    return;
  }
  const visible = visibleRoutes(model);
  if (state.selected !== undefined && !model.routes[state.selected]) delete state.selected;
  graph.render(model, state.selected, new Set(visible));
  table.render(model, visible, state.selected, groupsRows(state.group, visible.length));
  renderStatus(model);
}

/** `undefined` clears the selection: every route is drawn at full strength again. */
function select(route: number | undefined, fromTable: boolean): void {
  if (!model) return;
  const r = route === undefined ? undefined : model.routes[route];
  if (route !== undefined && !r) return;
  if (r) state.selected = r.index;
  else delete state.selected;
  save();
  graph.render(model, state.selected, new Set(visibleRoutes(model)));
  table.focus(state.selected, fromTable);
  if (r) editor?.selectLines(r.lines.start, r.lines.end);
}

/** What the graph pane says when a paste gave no route: an empty box, or text that is not looking-glass output. */
function emptyMessage(m: PathsModel): [string, string, { text: string; run: () => void }?] {
  if (state.text.trim() === '')
    return [
      'Nothing pasted yet.',
      'Paste looking-glass output into the box: show ip bgp, show route all (BIRD), show route (Junos), bgpdump -m, or plain AS paths one per line.',
      { text: 'Open the CANTV route-leak example', run: () => vscode.postMessage({ type: 'openExample' }) },
    ];
  const n = m.unparsed.length;
  const first = m.unparsed.find((u) => u.text.trim() !== '');
  return [
    `No routes found: ${n} line${n === 1 ? '' : 's'} not understood.`,
    `${first ? `The first is line ${first.line + 1}: “${first.text.trim().slice(0, 80)}”${first.reason ? ` (${first.reason})` : ''}. ` : ''}The panel reads show ip bgp and show bgp tables and details (Cisco, Arista, FRR, Junos, Nokia, OpenBGPD, GoBGP), BIRD show route all, bgpdump -m, and plain AS paths.`,
  ];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

function renderStatus(m: PathsModel): void {
  const el = $('status');
  const leaks = m.routes.filter((r) => r.verdict === 'leak').length;
  const summary = [plural(m.routes.length, 'route'), ...(m.routes.length > 0 ? [m.format, `${leaks.toLocaleString()} with errors`] : []), ...(m.unparsed.length ? [`${plural(m.unparsed.length, 'line')} not understood`] : [])];
  const parts: HTMLElement[] = [span(summary.join(' · '), m.routes.length === 0 && m.unparsed.length > 0)];
  for (const [key, label] of Object.entries(DATA_LABELS) as [DataKind, string][]) parts.push(dataStatus(key, label, m.data[key]));
  for (const [key, label] of Object.entries(DATA_LABELS) as [DataKind, string][])
    for (const e of m.data[key].errors) parts.push(span(`${label}: ${e.source}: ${e.message}`, true));
  const agg = m.graph.aggregated;
  const how = agg?.depth ? `grouped behind the first ${agg.depth} hops` : agg ? GROUP_WORDS[agg.by] : '';
  if (agg) parts.push(span(`${state.group === 'auto' ? 'large table: ' : ''}${how}, ${plural(agg.hiddenNodes, 'AS')} not drawn (leaking paths are drawn in full)`));
  if (notice) parts.push(span(notice));
  el.replaceChildren(...parts);
}

const GROUP_WORDS: Readonly<Record<NonNullable<PathsModel['graph']['aggregated']>['by'], string>> = {
  'first-hop': 'grouped by first hop',
  origin: 'origins grouped behind their upstream',
  neighbours: 'only the focused AS, its neighbours and the first hops drawn; the ASes between and behind grouped',
  prefix: "only the first hops and each origin with its upstream drawn; the ASes between grouped",
};

const DATA_LABELS: Readonly<Record<DataKind, string>> = { aspa: 'ASPA', rov: 'VRPs', relationships: 'AS relationships', names: 'AS names', policy: 'RPSL policy' };
const DATA_HINTS: Readonly<Record<DataKind, string>> = {
  aspa: 'ASPA records (an .aspa file, rpki-client or Routinator JSON): verify each path for leaks',
  rov: 'VRPs (rpki-client or Routinator JSON, CSV): route-origin validation of each prefix',
  relationships: 'CAIDA AS-relationship file: the valley-free check and c2p/p2p labels',
  names: 'a file of "ASN name" lines: names on every AS (aut-nums in the workspace name theirs already)',
  policy: 'RPSL files with aut-nums and routes: check each hop against the registered policy',
};

/** Loaded: "VRPs: 512". Not loaded: a link that asks for a file, so every "no data" says how to get some. */
function dataStatus(kind: DataKind, label: string, s: DataSetStatus): HTMLElement {
  if (s.loaded) {
    const el = span(`${label}: ${s.count.toLocaleString()}`, s.errors.length > 0);
    el.title = s.sources.join('\n');
    return el;
  }
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'rl-link';
  b.dataset.pick = kind;
  b.textContent = `no ${label} data — choose file…`;
  b.title = `Choose ${DATA_HINTS[kind]}`;
  b.addEventListener('click', () => vscode.postMessage({ type: 'pickData', kind }));
  return b;
}

function span(text: string, error = false): HTMLElement {
  const s = document.createElement('span');
  s.textContent = text;
  if (error) s.className = 'rl-error';
  return s;
}

function showNotice(text: string, error = false): void {
  notice = text;
  if (model) renderStatus(model);
  else $('status').replaceChildren(span(text, error));
}

async function exportAs(format: ExportFormat): Promise<void> {
  if (!model) return;
  const theme = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast') ? 'dark' : 'light';
  const svg = renderSvg(model, { theme });
  const data = format === 'svg' ? svg : format === 'png' ? await svgToPngBase64(svg, model.graph.width, model.graph.height) : format === 'dot' ? renderDot(model) : renderMarkdown(model);
  vscode.postMessage({ type: 'export', format, data });
}

for (const [input, key] of [
  [prefixInput, 'prefix'],
  [originInput, 'origin'],
  [verdictSelect, 'verdict'],
] as const) {
  input.addEventListener('input', () => {
    // Typed by hand: the Back button's trail of clicked ASes no longer describes how the user got here.
    if (key === 'origin') focusTrail.length = 0;
    setFilter(key, input.value);
  });
}

function setFilter(key: keyof PanelState['filter'], value: string): void {
  const focus = focusAsn(state.filter.origin);
  const prefix = state.filter.prefix.trim();
  state.filter[key] = value;
  save();
  render();
  // The graph of an AS's or a prefix's routes comes from the server, which has every path (a large table's model
  // has its groups) and collapses the neighbours when they are many.
  if (focusAsn(state.filter.origin) !== focus || state.filter.prefix.trim() !== prefix) analyzeSoon(state.text);
}

/** What the AS filter said before each click on an AS box, latest last: the Back button walks it back. */
const focusTrail: string[] = [];

/** A click on an AS box: only its routes, drawn by the server (neighbours collapsed when many); the AS filter shows it. */
function focusOn(asn: number): void {
  focusTrail.push(state.filter.origin);
  // The selected route stays selected only if it goes through the AS.
  if (state.selected !== undefined && !model?.routes[state.selected]?.hops.includes(asn)) delete state.selected;
  originInput.value = `AS${asn}`;
  setFilter('origin', originInput.value);
}

function focusBack(): void {
  if (focusTrail.length === 0 && !state.filter.origin.trim()) return;
  originInput.value = focusTrail.pop() ?? '';
  setFilter('origin', originInput.value);
}

function showFocus(): void {
  const before = focusTrail.at(-1)?.trim() ?? '';
  const asn = focusAsn(before);
  graph.showFocus(focusAsn(state.filter.origin), asn !== undefined ? `AS${asn}` : before || 'all routes');
}

groupSelect.addEventListener('change', () => {
  if (!isGroupBy(groupSelect.value)) return;
  state.group = groupSelect.value;
  analyzeSoon(state.text);
});
for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
  b.addEventListener('click', () => {
    exportAs(b.dataset.export as ExportFormat).catch((e: unknown) => showNotice(`Export failed: ${e instanceof Error ? e.message : String(e)}`, true));
  });
}
$('copy-md').addEventListener('click', () => {
  if (model) vscode.postMessage({ type: 'copy', text: renderMarkdown(model) });
});

/** Analysis failed or could not be read: say so where the graph was, so no stale picture stays beside new text. */
function showFailure(text: string): void {
  model = undefined;
  notice = '';
  graph.showMessage('The analysis did not complete.', text);
  table.clear();
  showNotice(text, true);
}

const OUR_TYPES = new Set(['init', 'model', 'error', 'notice', 'mrtStart', 'mrtProgress', 'mrtView', 'mrtError', 'readDropped']);

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  const checked = checkHostToWebview(e.data);
  if (!checked.ok) {
    // Other scripts (monaco) post to the window too; only a broken message of our own is worth a word.
    if (checked.type !== undefined && OUR_TYPES.has(checked.type)) showFailure(`The panel received a ${checked.type} message it cannot read: ${checked.reason}.`);
    return;
  }
  const m = checked.message;
  switch (m.type) {
    case 'init':
      // The host's text wins (a new selection or file); an empty one keeps what the page had.
      if (m.text) editor?.setText(m.text);
      analyzeSoon(m.text || (editor?.getText() ?? state.text));
      return;
    case 'model':
      if (m.seq !== undefined && m.seq !== seq) return; // an answer to an older paste
      model = m.model;
      notice = '';
      editor?.showModel(model);
      render();
      return;
    case 'error':
      if (m.seq === undefined) showNotice(m.message, true);
      else if (m.seq === seq) showFailure(m.message);
      return;
    case 'notice':
      showNotice(m.message);
      return;
    case 'mrtStart':
    case 'mrtProgress':
    case 'mrtView':
    case 'mrtError':
    case 'readDropped':
      mrt.receive(m);
      return;
  }
});

async function start(): Promise<void> {
  const host = $('editor');
  try {
    editor = await createMonacoEditor(host, app.dataset.worker ?? '', state.text);
  } catch (e) {
    editor = createTextareaEditor(host, state.text);
    showNotice(`The editor could not load (${e instanceof Error ? e.message : String(e)}); using a plain text area.`, true);
  }
  editor.onChange((text) => analyzeSoon(text));
  editor.onCursorLine((line) => {
    const r = model?.routes.find((x) => line >= x.lines.start && line <= x.lines.end);
    if (r && r.index !== state.selected) {
      state.selected = r.index;
      save();
      graph.render(model!, r.index, new Set(visibleRoutes(model!)));
      table.focus(r.index, false);
    }
  });
  vscode.postMessage({ type: 'ready' });
}

void start();
