import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { MrtRoutesRequest, OpenMrtRequest, type MrtProgress } from '../../../server/src/protocol/lsp';
import type { DroppedFile, HostToWebview } from '../../../server/src/protocol/webview';
import { servedFiles } from './workspaceFiles';

/** What the panel's Open dialog offers: RIS and RouteViews name their dumps `.gz` / `.bz2`, daemons `.mrt` or `.dump`. */
export const MRT_EXTENSIONS = ['mrt', 'gz', 'bz2', 'dump'];

let sessions = 0;

/** The URI scheme under which the server reads a file dropped from the operating system (its page holds it). */
export const DROPPED_SCHEME = 'routelens-dropped';

/** What the panel shows: a file it can read again by URI, or one dropped on the page (which the page holds). */
type Source = { readonly uri: vscode.Uri } | { readonly dropped: DroppedFile };

/**
 * The path panel's MRT side in the extension: asks the server to read a file (it streams it and scans it; in the
 * web build it takes the bytes from this client, see workspaceFiles.ts), passes progress and the episode list to
 * the page, and turns a selection of episodes into `bgpdump -m` text that the panel draws as any paste.
 */
export class MrtHost {
  private session = 0;
  private cancel: vscode.CancellationTokenSource | undefined;
  private source: Source | undefined;
  /** The messages that put the page where it is (the start, then the view or error), for a page that reloads. */
  private shown: HostToWebview[] = [];
  private readonly asked = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  private asks = 0;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly post: (m: HostToWebview) => void,
    private readonly draw: (text: string) => void,
  ) {}

  /** Reads `uri` (or the file the user picks) into the page, stopping a read still going. */
  async open(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? (await pick());
    if (target) await this.read({ uri: target });
  }

  /**
   * A file dropped on the page from the operating system. When the drop also named a URI that this VS Code can
   * read (a local file in the desktop build), the server reads that; else the page hands the bytes over in slices.
   */
  async openDropped(dropped: DroppedFile, uri?: string): Promise<void> {
    if (uri !== undefined) {
      try {
        const target = vscode.Uri.parse(uri, true);
        await vscode.workspace.fs.stat(target);
        return await this.read({ uri: target });
      } catch {
        // Not readable here (VS Code for the web is given the user's local path): the page's copy is.
      }
    }
    await this.read({ dropped });
  }

  private async read(source: Source): Promise<void> {
    this.stop();
    this.source = source;
    const session = (this.session = ++sessions);
    const cancel = (this.cancel = new vscode.CancellationTokenSource());
    const target = 'uri' in source ? source.uri : vscode.Uri.from({ scheme: DROPPED_SCHEME, path: `/${session}/${source.dropped.name}` });
    const file = 'uri' in source ? decodeURIComponent(target.path.split('/').pop() ?? target.toString()) : source.dropped.name;
    this.shown = [];
    this.show({ type: 'mrtStart', session, file, ...('uri' in source ? { uri: target.toString() } : {}) });
    if ('dropped' in source) {
      const id = source.dropped.id;
      servedFiles.set(target.toString(), { size: source.dropped.size, read: (offset, length) => this.askPage(id, offset, length) });
    }
    try {
      const r = await this.client.sendRequest(OpenMrtRequest, { uri: target.toString(), session }, cancel.token);
      if (session !== this.session) return;
      if (r === null) this.show({ type: 'mrtError', session, message: `Reading ${file} was stopped.` });
      else if ('error' in r) this.show({ type: 'mrtError', session, message: r.error });
      else this.show({ type: 'mrtView', view: r.view });
    } catch (e) {
      if (session === this.session) this.show({ type: 'mrtError', session, message: cancel.token.isCancellationRequested ? `Reading ${file} was stopped.` : `${file} could not be read: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      servedFiles.delete(target.toString());
      cancel.dispose();
      if (this.cancel === cancel) this.cancel = undefined;
    }
  }

  private show(m: HostToWebview): void {
    this.shown.push(m);
    this.post(m);
  }

  /**
   * The page (re)loaded: it is given the open file's start and outcome again, and progress goes on. False when no
   * file is open in this window's life (after a window reload the panel reads its saved URI again instead).
   */
  replay(): boolean {
    // Slices asked of a page that has since reloaded will never come: it no longer holds the file.
    for (const [req, a] of this.asked) {
      this.asked.delete(req);
      a.reject(new Error('the panel was reloaded while the dropped file was read; drop it again'));
    }
    for (const m of this.shown) this.post(m);
    return this.shown.length > 0;
  }

  /** The data settings changed: the episodes depend on them, so the open file is read again. */
  reopen(): void {
    if (this.source) void this.read(this.source);
  }

  stop(): void {
    this.cancel?.cancel();
  }

  /** The user closed the file: nothing to show again. */
  close(): void {
    this.stop();
    this.source = undefined;
    this.shown = [];
  }

  private askPage(id: number, offset: number, length: number): Promise<Uint8Array> {
    const req = ++this.asks;
    return new Promise((resolve, reject) => {
      this.asked.set(req, { resolve, reject });
      this.post({ type: 'readDropped', req, id, offset, length });
    });
  }

  /** The page's answer to `readDropped`. */
  droppedBytes(req: number, bytes: Uint8Array | undefined, error: string | undefined): void {
    const a = this.asked.get(req);
    if (a === undefined) return;
    this.asked.delete(req);
    if (bytes !== undefined) a.resolve(bytes);
    else a.reject(new Error(error ?? 'no bytes'));
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
