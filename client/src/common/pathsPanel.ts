import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { AnalyzePathsRequest, type HostToWebview, type WebviewToHost } from '../../../server/src/protocol';

/**
 * Hosts the AS-path webview. The webview only draws: every model comes from the language server's
 * analysis, requested here and sent to the page by message after it says `ready`.
 */
export class PathsPanel {
  static readonly viewType = 'routelens.paths';
  private static current: PathsPanel | undefined;

  static show(context: vscode.ExtensionContext, client: BaseLanguageClient, text: string): void {
    if (PathsPanel.current) {
      PathsPanel.current.panel.reveal(vscode.ViewColumn.Beside);
      if (text) PathsPanel.current.post({ type: 'init', text });
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
    panel.onDidDispose(() => {
      if (PathsPanel.current === this) PathsPanel.current = undefined;
    });
    panel.webview.onDidReceiveMessage((m: WebviewToHost) => void this.onMessage(m));
  }

  private async onMessage(m: WebviewToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.post({ type: 'init', text: this.initialText });
        return;
      case 'analyze': {
        this.initialText = m.text;
        const model: unknown = await this.client.sendRequest(AnalyzePathsRequest, { text: m.text });
        this.post({ type: 'model', model });
        return;
      }
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
    // monaco needs inline styles and blob: workers; nothing else is relaxed, and nothing remote loads.
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data: blob:`,
      `font-src ${webview.cspSource}`,
      `style-src ${webview.cspSource} 'unsafe-inline'`,
      `script-src 'nonce-${nonce}'`,
      'worker-src blob:',
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>AS Paths</title>
</head>
<body>
<div id="app" data-nonce="${nonce}"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'media')],
  };
}

/** 128 random bits, from the Web Crypto API that both the node and the browser extension host have. */
function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
