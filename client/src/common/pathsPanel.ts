import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  AnalyzePathsRequest,
  type AnalyzePathsParams,
  type AnalyzePathsResult,
  type ExportFormat,
  type HostToWebview,
  type WebviewToHost,
} from '../../../server/src/protocol';
import { panelHtml } from '../../../media/src/panelHtml';

const EXPORTS: Readonly<Record<ExportFormat, { label: string; ext: string; binary: boolean }>> = {
  svg: { label: 'SVG image', ext: 'svg', binary: false },
  png: { label: 'PNG image', ext: 'png', binary: true },
  dot: { label: 'Graphviz DOT', ext: 'dot', binary: false },
  md: { label: 'Markdown', ext: 'md', binary: false },
};

/**
 * Hosts the AS-path webview. The webview only draws: every model comes from the language server's
 * analysis, requested here and sent to the page by message after it says `ready`. The page keeps its
 * paste in `setState`, so a hidden or restored panel (see `revive`) comes back as it was.
 */
export class PathsPanel {
  static readonly viewType = 'routelens.paths';
  private static current: PathsPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  static show(context: vscode.ExtensionContext, client: BaseLanguageClient, text: string): void {
    if (PathsPanel.current) {
      PathsPanel.current.panel.reveal(vscode.ViewColumn.Beside);
      if (text) PathsPanel.current.setText(text);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PathsPanel.viewType, 'AS Paths', vscode.ViewColumn.Beside, webviewOptions(context));
    PathsPanel.current = new PathsPanel(context, client, panel, text);
  }

  static revive(context: vscode.ExtensionContext, client: BaseLanguageClient, panel: vscode.WebviewPanel, state: unknown): void {
    panel.webview.options = webviewOptions(context);
    const text = typeof (state as { text?: unknown } | undefined)?.text === 'string' ? (state as { text: string }).text : '';
    PathsPanel.current = new PathsPanel(context, client, panel, text);
  }

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: BaseLanguageClient,
    private readonly panel: vscode.WebviewPanel,
    private initialText: string,
  ) {
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isWebviewToHost(m)) void this.onMessage(m);
      }),
    );
  }

  private dispose(): void {
    if (PathsPanel.current === this) PathsPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private setText(text: string): void {
    this.initialText = text;
    // Before `ready` the page cannot listen yet; it asks for the text itself when it is.
    if (this.ready) this.post({ type: 'init', text });
  }

  private async onMessage(m: WebviewToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'init', text: this.initialText });
        return;
      case 'analyze': {
        this.initialText = m.text;
        const seq = m.seq;
        try {
          const params: AnalyzePathsParams = { text: m.text };
          const model = await this.client.sendRequest<AnalyzePathsResult>(AnalyzePathsRequest, params);
          // Every outcome reaches the page: a cancelled request (null) too, or it would wait for ever.
          if (model) this.post({ type: 'model', model, ...(seq !== undefined ? { seq } : {}) });
          else this.post({ type: 'error', message: 'The analysis was cancelled; edit the paste to run it again.', ...(seq !== undefined ? { seq } : {}) });
        } catch (e) {
          this.post({ type: 'error', message: `The analysis failed: ${e instanceof Error ? e.message : String(e)}`, ...(seq !== undefined ? { seq } : {}) });
        }
        return;
      }
      case 'export':
        await this.save(m.format, m.data);
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(m.text);
        this.post({ type: 'notice', message: 'Copied the analysis as Markdown.' });
        return;
    }
  }

  private async save(format: ExportFormat, data: string): Promise<void> {
    const info = EXPORTS[format];
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `as-paths.${info.ext}`) } : {}),
      filters: { [info.label]: [info.ext] },
    });
    if (!target) return;
    const bytes = info.binary ? base64ToBytes(data) : new TextEncoder().encode(data);
    try {
      await vscode.workspace.fs.writeFile(target, bytes);
      this.post({ type: 'notice', message: `Saved ${target.path.split('/').pop() ?? info.label}.` });
    } catch (e) {
      this.post({ type: 'error', message: `Could not save: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private post(message: HostToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = makeNonce();
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'media');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css'));
    const worker = webview.asWebviewUri(vscode.Uri.joinPath(media, 'editor.worker.js'));
    return panelHtml({ cspSource: webview.cspSource, nonce, script: script.toString(), style: style.toString(), worker: worker.toString() });
  }
}

/** The page may send anything; only well-formed messages reach the handlers. */
function isWebviewToHost(m: unknown): m is WebviewToHost {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready':
      return true;
    case 'analyze':
      return typeof o.text === 'string' && (o.seq === undefined || typeof o.seq === 'number');
    case 'export':
      return typeof o.format === 'string' && o.format in EXPORTS && typeof o.data === 'string';
    case 'copy':
      return typeof o.text === 'string';
    default:
      return false;
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'media')],
  };
}

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** 128 random bits, from the Web Crypto API that both the node and the browser extension host have. */
function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
