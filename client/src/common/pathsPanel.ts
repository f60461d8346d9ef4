import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { AnalyzePathsRequest, type AnalyzePathsParams, type MrtProgress } from '../../../server/src/protocol/lsp';
import { isWebviewToHost, type DataKind, type ExportFormat, type HostToWebview, type WebviewToHost } from '../../../server/src/protocol/webview';
import { panelHtml } from '../../../media/src/panelHtml';
import { base64ToBytes } from '../../../server/src/core/text/base64';
import { MrtHost } from './mrtHost';
import { decodeText } from './workspaceFiles';

const EXPORTS: Readonly<Record<ExportFormat, { label: string; ext: string; binary: boolean }>> = {
  svg: { label: 'SVG image', ext: 'svg', binary: false },
  png: { label: 'PNG image', ext: 'png', binary: true },
  dot: { label: 'Graphviz DOT', ext: 'dot', binary: false },
  md: { label: 'Markdown', ext: 'md', binary: false },
};

/** What each "no … data" label of the panel asks for, and the setting it fills. */
const DATA_FILES: Readonly<Record<DataKind, { label: string; setting: string; many: boolean; exts: string[] }>> = {
  aspa: { label: 'ASPA', setting: 'data.aspaFiles', many: true, exts: ['aspa', 'json', 'slurm'] },
  rov: { label: 'VRPs', setting: 'data.vrpFiles', many: true, exts: ['json', 'csv'] },
  relationships: { label: 'AS relationships', setting: 'data.relationshipFiles', many: true, exts: ['txt'] },
  names: { label: 'AS names', setting: 'data.asNamesFile', many: false, exts: ['txt', 'csv'] },
  policy: { label: 'RPSL objects', setting: 'workspace.extraFiles', many: true, exts: ['rpsl', 'irr', 'db', 'txt'] },
};
/** Time for the language server to take in changed settings before the page asks again. */
const RESETTLE_MS = 400;

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
  private readonly mrt: MrtHost;
  /** After a window reload: the MRT file the page showed, read again once the page is ready. */
  private mrtAgain: vscode.Uri | undefined;

  /**
   * `column`: beside the editor when the paste is a selection the user may go on editing; otherwise the panel
   * takes the editor's place, since beside an editor it has about 600 px (it reads at that width, but better wide).
   */
  static show(context: vscode.ExtensionContext, client: BaseLanguageClient, text: string, column: vscode.ViewColumn = vscode.ViewColumn.Active): void {
    if (PathsPanel.current) {
      PathsPanel.current.panel.reveal();
      if (text) PathsPanel.current.setText(text);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PathsPanel.viewType, 'AS Paths', column, webviewOptions(context));
    PathsPanel.current = new PathsPanel(context, client, panel, text);
  }

  /** "Open MRT File": the panel (opened if need be) reads the file and lists its episodes. */
  static openMrt(context: vscode.ExtensionContext, client: BaseLanguageClient, uri?: vscode.Uri): Promise<void> {
    PathsPanel.show(context, client, '');
    return PathsPanel.current!.mrt.open(uri);
  }

  /** Progress of the server's read, for the panel reading that file. */
  static mrtProgress(p: MrtProgress): void {
    PathsPanel.current?.mrt.progress(p);
  }

  /** The window was reloaded with the panel open: its paste comes back from the page's state, and its MRT file is read again. */
  static revive(context: vscode.ExtensionContext, client: BaseLanguageClient, panel: vscode.WebviewPanel, state: unknown): void {
    panel.webview.options = webviewOptions(context);
    const s = state as { text?: unknown; mrt?: { uri?: unknown } } | undefined;
    const text = typeof s?.text === 'string' ? s.text : '';
    const current = (PathsPanel.current = new PathsPanel(context, client, panel, text));
    if (typeof s?.mrt?.uri === 'string') {
      try {
        current.mrtAgain = vscode.Uri.parse(s.mrt.uri, true);
      } catch {
        // A state not written by this page: nothing to read again.
      }
    }
  }

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: BaseLanguageClient,
    private readonly panel: vscode.WebviewPanel,
    private initialText: string,
  ) {
    this.mrt = new MrtHost(client, (m) => this.post(m), (text) => this.setText(text));
    panel.webview.html = this.html();
    this.disposables.push(
      // Data settings changed (a file picked here, or edited by hand): analyse the paste again once the
      // server has read them; it learns of the change in the same event.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('routelens.data') || e.affectsConfiguration('routelens.workspace')) setTimeout(() => this.reanalyze(), RESETTLE_MS);
        if (e.affectsConfiguration('routelens.data')) setTimeout(() => this.mrt.reopen(), RESETTLE_MS);
      }),
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isWebviewToHost(m)) void this.onMessage(m);
      }),
    );
  }

  private dispose(): void {
    if (PathsPanel.current === this) PathsPanel.current = undefined;
    this.mrt.stop();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private setText(text: string): void {
    this.initialText = text;
    // Before `ready` the page cannot listen yet; it asks for the text itself when it is.
    if (this.ready) this.post({ type: 'init', text });
  }

  /** An empty `init` makes the page analyse what it has again. */
  private reanalyze(): void {
    if (this.ready) this.post({ type: 'init', text: '' });
  }

  private async onMessage(m: WebviewToHost): Promise<void> {
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        this.post({ type: 'init', text: this.initialText });
        // A page that reloaded (the panel was hidden, or the window reloaded) gets its MRT file back.
        const again = this.mrtAgain;
        this.mrtAgain = undefined;
        if (!this.mrt.replay() && again !== undefined) await this.mrt.open(again);
        return;
      }
      case 'openMrt':
        if (m.dropped !== undefined) await this.mrt.openDropped(m.dropped, m.uri);
        else await this.mrt.open(m.uri !== undefined ? vscode.Uri.parse(m.uri) : undefined);
        return;
      case 'mrtCancel':
        this.mrt.stop();
        return;
      case 'mrtClose':
        this.mrt.close();
        return;
      case 'droppedBytes':
        this.mrt.droppedBytes(m.req, 'data' in m ? m.data : undefined, 'error' in m ? m.error : undefined);
        return;
      case 'mrtSelect':
        await this.mrt.select(m.session, m.episodes);
        return;
      case 'analyze': {
        this.initialText = m.text;
        const seq = m.seq;
        try {
          const params: AnalyzePathsParams = { text: m.text, ...(m.group ? { group: m.group } : {}), ...(m.focus !== undefined ? { focus: m.focus } : {}), ...(m.prefix ? { prefix: m.prefix } : {}) };
          const model = await this.client.sendRequest(AnalyzePathsRequest, params);
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
      case 'pickData':
        await this.pickData(m.kind);
        return;
      case 'openExample':
        try {
          const uri = vscode.Uri.joinPath(this.context.extensionUri, 'examples', 'cantv', 'cantv.lg');
          this.setText(decodeText(await vscode.workspace.fs.readFile(uri)));
        } catch (e) {
          this.post({ type: 'error', message: `The example could not be read: ${e instanceof Error ? e.message : String(e)}` });
        }
        return;
    }
  }

  /** Asks for a data file and adds it to the matching `routelens.data.*` setting (workspace, else user). */
  private async pickData(kind: DataKind): Promise<void> {
    const info = DATA_FILES[kind];
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: info.many,
      openLabel: `Use for ${info.label}`,
      title: `RouteLens: choose ${info.label} file${info.many ? 's' : ''}`,
      ...(folder ? { defaultUri: folder } : {}),
      filters: { [info.label]: info.exts, 'All files': ['*'] },
    });
    if (!picked || picked.length === 0) return;
    const config = vscode.workspace.getConfiguration('routelens');
    const target = folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    // Inside the workspace a relative path keeps the setting portable; the server resolves it against the folder.
    const paths = picked.map((u) => (folder && u.toString().startsWith(`${folder.toString()}/`) ? vscode.workspace.asRelativePath(u, false) : u.scheme === 'file' ? u.fsPath : u.toString()));
    try {
      if (info.many) {
        const before = config.get<string[]>(info.setting) ?? [];
        await config.update(info.setting, [...new Set([...before, ...paths])], target);
      } else await config.update(info.setting, paths[0], target);
      this.post({ type: 'notice', message: `Using ${paths.join(', ')} for ${info.label} (setting routelens.${info.setting}).` });
    } catch (e) {
      this.post({ type: 'error', message: `Could not save the setting routelens.${info.setting}: ${e instanceof Error ? e.message : String(e)}` });
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
    // Before `ready` the page cannot listen; MrtHost.replay gives it the MRT file's state when it is.
    if (!this.ready && message.type.startsWith('mrt')) return;
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
