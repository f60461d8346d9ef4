import type * as Monaco from 'monaco-editor/editor/editor.api.js';
import type { PathsModel, RouteVerdict } from '../../server/src/core/paths/model';
import { LG_LANGUAGE, lgMonarch, TOKEN_RULES } from './lgLanguage';
import { wordsThenFormula } from './words';

/** The paste area as the rest of the page sees it: monaco when it loads, a textarea if it cannot. */
export interface PasteEditor {
  getText(): string;
  setText(text: string): void;
  onChange(listener: (text: string) => void): void;
  /** Squiggles for unparsed lines and findings, a verdict bar beside each route's lines. */
  showModel(model: PathsModel): void;
  selectLines(start: number, end: number): void;
  /** 0-based line of the cursor, when the user moves it. */
  onCursorLine(listener: (line: number) => void): void;
}

type ThemeBase = 'vs' | 'vs-dark' | 'hc-black' | 'hc-light';

/** Loads monaco (the editor API only, no bundled languages) and wires it to the page. */
export async function createMonacoEditor(host: HTMLElement, workerUrl: string, initial: string): Promise<PasteEditor> {
  installWorker(workerUrl);
  const monaco = await import('monaco-editor/editor/editor.api.js');
  monaco.languages.register({ id: LG_LANGUAGE });
  monaco.languages.setMonarchTokensProvider(LG_LANGUAGE, lgMonarch);
  applyTheme(monaco);
  new MutationObserver(() => applyTheme(monaco)).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  const model = monaco.editor.createModel(initial, LG_LANGUAGE);
  const editor = monaco.editor.create(host, {
    model,
    theme: 'routelens',
    automaticLayout: true,
    minimap: { enabled: false },
    wordWrap: 'off',
    lineNumbers: 'on',
    glyphMargin: false,
    lineDecorationsWidth: 8,
    scrollBeyondLastLine: false,
    renderWhitespace: 'none',
    fontFamily: cssVar('--vscode-editor-font-family') || undefined,
    fontSize: Number.parseFloat(cssVar('--vscode-editor-font-size')) || 13,
    ariaLabel: 'Looking-glass output: paste show route or show ip bgp output here',
    placeholder: 'Paste looking-glass output (show ip bgp, show route all, AS paths…)',
  });
  const decorations = editor.createDecorationsCollection();
  // After a paste the cursor sits at the end of the last line, and monaco scrolls right to show it: the
  // paste then looks cut at the left. A paste (several lines at once) or a new text goes back to column 1.
  const toLeft = (): void => void requestAnimationFrame(() => editor.setScrollLeft(0));
  model.onDidChangeContent((e) => {
    if (e.changes.some((c) => c.text.includes('\n'))) toLeft();
  });
  return {
    getText: () => model.getValue(),
    setText: (text) => {
      if (text !== model.getValue()) model.setValue(text);
      toLeft();
    },
    onChange: (listener) => void model.onDidChangeContent(() => listener(model.getValue())),
    onCursorLine: (listener) =>
      void editor.onDidChangeCursorPosition((e) => {
        if (e.source !== 'api') listener(e.position.lineNumber - 1);
      }),
    selectLines: (start, end) => {
      const last = Math.min(end + 1, model.getLineCount());
      const range = new monaco.Range(start + 1, 1, last, model.getLineMaxColumn(last));
      editor.setSelection(range);
      editor.revealRangeInCenterIfOutsideViewport(range);
    },
    showModel: (paths) => {
      const lines = model.getLineCount();
      const lineRange = (l: number): Monaco.IRange => ({ startLineNumber: l + 1, startColumn: 1, endLineNumber: l + 1, endColumn: model.getLineMaxColumn(l + 1) });
      const markers: Monaco.editor.IMarkerData[] = [];
      for (const u of paths.unparsed) {
        if (u.line >= lines) continue;
        markers.push({ ...lineRange(u.line), severity: monaco.MarkerSeverity.Warning, message: `Not understood${u.reason ? `: ${u.reason}` : ''}`, source: 'routelens' });
      }
      const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, information: monaco.MarkerSeverity.Info, hint: monaco.MarkerSeverity.Hint };
      for (const f of paths.findings) {
        const route = paths.routes[f.route];
        const line = pathLine(model, route?.lines ?? { start: f.line, end: f.line }, route?.asPathText);
        if (line >= lines) continue;
        const text = model.getLineContent(line + 1);
        const at = route ? text.indexOf(route.asPathText) : -1;
        const range = at >= 0 ? { startLineNumber: line + 1, startColumn: at + 1, endLineNumber: line + 1, endColumn: at + 1 + route!.asPathText.length } : lineRange(line);
        markers.push({ ...range, severity: severity[f.severity], message: wordsThenFormula(f.message), code: f.code, source: 'routelens' });
      }
      monaco.editor.setModelMarkers(model, 'routelens', markers);
      decorations.set(
        paths.routes
          .filter((r) => r.lines.start < lines)
          .map((r) => ({
            range: new monaco.Range(r.lines.start + 1, 1, Math.min(r.lines.end + 1, lines), 1),
            options: {
              isWholeLine: true,
              linesDecorationsClassName: `rl-verdict rl-verdict-${r.verdict}`,
              linesDecorationsTooltip: `${r.prefix}: ${VERDICT_WORDS[r.verdict]}`,
              ...(r.verdict === 'leak' ? { overviewRuler: { color: cssVar('--vscode-errorForeground') || '#f14c4c', position: monaco.editor.OverviewRulerLane.Left } } : {}),
            },
          })),
      );
    },
  };
}

export const VERDICT_WORDS: Readonly<Record<RouteVerdict, string>> = { ok: 'no findings', notice: 'notes only', warning: 'warnings', leak: 'errors (leak or invalid)' };

/** The line inside a route's block that prints its AS path (BIRD and detail formats span several lines). */
function pathLine(model: Monaco.editor.ITextModel, lines: { start: number; end: number }, asPathText: string | undefined): number {
  if (asPathText) for (let l = lines.start; l <= lines.end && l < model.getLineCount(); l++) if (model.getLineContent(l + 1).includes(asPathText)) return l;
  return lines.start;
}

/** monaco starts its worker through this hook; the script is fetched and run from a blob: URL (CSP worker-src blob:). */
function installWorker(workerUrl: string): void {
  let source: Promise<string> | undefined;
  (self as unknown as { MonacoEnvironment: Monaco.Environment }).MonacoEnvironment = {
    getWorker: async () => {
      source ??= fetch(workerUrl).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`worker: HTTP ${r.status}`))));
      const url = URL.createObjectURL(new Blob([await source], { type: 'text/javascript' }));
      return new Worker(url, { name: 'editorWorker' });
    },
  };
}

function themeBase(): ThemeBase {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'hc-light';
  if (c.contains('vscode-high-contrast')) return 'hc-black';
  if (c.contains('vscode-dark')) return 'vs-dark';
  return 'vs';
}

/** monaco wants hex colours; VS Code gives CSS variables. The canvas normalises any CSS colour. */
function applyTheme(monaco: typeof Monaco): void {
  const base = themeBase();
  const colors: Record<string, string> = {};
  const map: Record<string, string> = {
    'editor.background': '--vscode-editor-background',
    'editor.foreground': '--vscode-editor-foreground',
    'editorLineNumber.foreground': '--vscode-editorLineNumber-foreground',
    'editorLineNumber.activeForeground': '--vscode-editorLineNumber-activeForeground',
    'editor.selectionBackground': '--vscode-editor-selectionBackground',
    'editor.lineHighlightBackground': '--vscode-editor-lineHighlightBackground',
    'editorCursor.foreground': '--vscode-editorCursor-foreground',
    'editorError.foreground': '--vscode-editorError-foreground',
    'editorWarning.foreground': '--vscode-editorWarning-foreground',
    'editorInfo.foreground': '--vscode-editorInfo-foreground',
    'editorWidget.background': '--vscode-editorWidget-background',
    'editorHoverWidget.background': '--vscode-editorHoverWidget-background',
    'editorHoverWidget.border': '--vscode-editorHoverWidget-border',
  };
  for (const [key, v] of Object.entries(map)) {
    const hex = toHex(cssVar(v));
    if (hex) colors[key] = hex;
  }
  monaco.editor.defineTheme('routelens', { base, inherit: true, rules: TOKEN_RULES[base], colors });
  monaco.editor.setTheme('routelens');
}

export function cssVar(name: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim();
}

let probe: CanvasRenderingContext2D | null | undefined;
function toHex(color: string): string | undefined {
  if (!color) return undefined;
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return undefined;
  probe.fillStyle = '#000000';
  probe.fillStyle = color;
  const v = String(probe.fillStyle);
  if (v.startsWith('#')) return v;
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(v);
  if (!m) return undefined;
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  const alpha = m[4] === undefined ? '' : hex(Math.round(Number(m[4]) * 255));
  return `#${hex(Number(m[1]))}${hex(Number(m[2]))}${hex(Number(m[3]))}${alpha}`;
}

/** Without monaco (it failed to load), a plain textarea keeps the panel usable. */
export function createTextareaEditor(host: HTMLElement, initial: string): PasteEditor {
  const area = document.createElement('textarea');
  area.className = 'rl-fallback';
  area.value = initial;
  area.spellcheck = false;
  area.setAttribute('aria-label', 'Looking-glass output');
  host.replaceChildren(area);
  return {
    getText: () => area.value,
    setText: (t) => void (area.value = t),
    onChange: (l) => area.addEventListener('input', () => l(area.value)),
    showModel: () => undefined,
    selectLines: (start, end) => {
      const lines = area.value.split('\n');
      const from = lines.slice(0, start).reduce((n, l) => n + l.length + 1, 0);
      const to = lines.slice(0, end + 1).reduce((n, l) => n + l.length + 1, 0) - 1;
      area.focus();
      area.setSelectionRange(from, Math.max(from, to));
    },
    onCursorLine: () => undefined,
  };
}
