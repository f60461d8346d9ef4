import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { MrtRoutesRequest, OpenMrtRequest, type MrtProgress } from '../../../server/src/protocol/lsp';
import type { HostToWebview } from '../../../server/src/protocol/webview';

/** What the panel's Open dialog offers: RIS and RouteViews name their dumps `.gz` / `.bz2`, daemons `.mrt` or `.dump`. */
export const MRT_EXTENSIONS = ['mrt', 'gz', 'bz2', 'dump'];

let sessions = 0;

/**
 * The path panel's MRT side in the extension: asks the server to read a file (it streams it and scans it; in the
 * web build it takes the bytes from this client, see workspaceFiles.ts), passes progress and the episode list to
 * the page, and turns a selection of episodes into `bgpdump -m` text that the panel draws as any paste.
 */
export class MrtHost {
  private session = 0;
  private cancel: vscode.CancellationTokenSource | undefined;
  private uri: vscode.Uri | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly post: (m: HostToWebview) => void,
    private readonly draw: (text: string) => void,
  ) {}

  /** Reads `uri` (or the file the user picks) into the page, stopping a read still going. */
  async open(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? (await pick());
    if (!target) return;
    this.stop();
    this.uri = target;
    const session = (this.session = ++sessions);
    const cancel = (this.cancel = new vscode.CancellationTokenSource());
    const file = decodeURIComponent(target.path.split('/').pop() ?? target.toString());
    this.post({ type: 'mrtStart', session, file });
    try {
      const r = await this.client.sendRequest(OpenMrtRequest, { uri: target.toString(), session }, cancel.token);
      if (session !== this.session) return;
      if (r === null) this.post({ type: 'mrtError', session, message: `Reading ${file} was stopped.` });
      else if ('error' in r) this.post({ type: 'mrtError', session, message: r.error });
      else this.post({ type: 'mrtView', view: r.view });
    } catch (e) {
      if (session === this.session) this.post({ type: 'mrtError', session, message: cancel.token.isCancellationRequested ? `Reading ${file} was stopped.` : `${file} could not be read: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      cancel.dispose();
      if (this.cancel === cancel) this.cancel = undefined;
    }
  }

  /** The data settings changed: the episodes depend on them, so the open file is read again. */
  reopen(): void {
    if (this.uri) void this.open(this.uri);
  }

  stop(): void {
    this.cancel?.cancel();
  }

  progress(p: MrtProgress): void {
    if (p.session === this.session) this.post({ type: 'mrtProgress', progress: p });
  }

  async select(session: number, episodes: readonly number[]): Promise<void> {
    if (episodes.length === 0) return;
    const r = await this.client.sendRequest(MrtRoutesRequest, { session, episodes });
    if (r === null) {
      this.post({ type: 'notice', message: 'That file is no longer held by the server; open it again to draw its episodes.' });
      return;
    }
    this.draw(r.text);
    const kept = r.routes < r.total ? ` (${r.routes.toLocaleString('en-US')} distinct routes kept of ${r.total.toLocaleString('en-US')} seen)` : '';
    this.post({ type: 'notice', message: `Drawing ${episodes.length === 1 ? 'the episode' : `${episodes.length} episodes`}: ${r.routes.toLocaleString('en-US')} route${r.routes === 1 ? '' : 's'}${kept}.` });
  }
}

async function pick(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Open MRT file',
    title: 'RouteLens: open an MRT file (RIB dump or updates; plain, gzip or bzip2)',
    ...(folder ? { defaultUri: folder } : {}),
    filters: { 'MRT files': MRT_EXTENSIONS, 'All files': ['*'] },
  });
  return picked?.[0];
}
