import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import { frameRpsl } from '../core/rpsl/frame';
import { changedEntries, dependantUris } from '../core/workspace/dependants';
import type { IndexedObject } from '../core/workspace/workspaceIndex';
import type { FeatureModule, ServerContext } from './context';
import { resolveInWorkspace } from './workspacePath';

/** File name endings indexed from workspace folders (the RPSL language's extensions). */
const RPSL_SUFFIXES = ['.rpsl', '.irr'];
/** Above this many files, indexing reports progress to the client. */
const PROGRESS_THRESHOLD = 20;
const REFRESH_DEBOUNCE_MS = 100;

/**
 * Keeps the workspace index in step with the files on disk: indexes the workspace folders (with progress)
 * and the extra files once settings are known, follows watched-file events, re-reads a file from disk when
 * its editor closes, and re-validates the open documents that depend on a changed file.
 */
export const workspaceFeatures: FeatureModule = (ctx: ServerContext) => {
  const index = ctx.serviceContext().workspace;
  const { connection, runtime } = ctx;
  /** What each URI held when last seen here, to find dependants of a change (before and after). */
  const lastSeen = new Map<string, readonly IndexedObject[]>();
  let extraFiles = new Set<string>();
  let started = false;
  let pendingRefresh: { dispose(): void } | undefined;

  const refreshSoon = (): void => {
    pendingRefresh?.dispose();
    pendingRefresh = runtime.timer.setTimeout(() => {
      pendingRefresh = undefined;
      ctx.refreshDiagnostics();
    }, REFRESH_DEBOUNCE_MS);
  };

  /** Re-validates open documents when one of them depends on what `uri` held before or holds now. */
  const changed = (uri: string): void => {
    const now = index.objectsIn(uri);
    const before = lastSeen.get(uri) ?? [];
    lastSeen.set(uri, now);
    // Nothing to re-validate when no other document is open (a dump alone: its 100k objects need no search).
    if (!ctx.documents.all().some((d) => d.uri !== uri)) return;
    const { removed, added } = changedEntries(before, now);
    for (const d of dependantUris(index, uri, removed, added)) {
      if (d !== uri && ctx.documents.get(d)) {
        refreshSoon();
        return;
      }
    }
  };

  const indexFromDisk = async (uri: string): Promise<void> => {
    if (!runtime.readFile || ctx.documents.get(uri)) return; // an open document is indexed from the editor
    try {
      const text = await runtime.readFile(uri);
      index.set(uri, frameRpsl(text).objects, text);
    } catch {
      index.remove(uri);
    }
    changed(uri);
  };

  const indexFolders = async (): Promise<void> => {
    if (!runtime.findFiles) return;
    const files: string[] = [];
    for (const folder of ctx.workspaceFolders) files.push(...(await runtime.findFiles(folder, RPSL_SUFFIXES).catch(() => [])));
    const progress = files.length > PROGRESS_THRESHOLD && ctx.clientCapabilities.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('RouteLens: indexing RPSL files', 0, `${files.length} files`);
    let done = 0;
    for (const uri of files) {
      await indexFromDisk(uri);
      done++;
      if (progress && done % 10 === 0) progress.report(Math.round((done / files.length) * 100), `${done}/${files.length}`);
    }
    progress?.done();
  };

  /** `routelens.workspace.extraFiles`: absolute paths or URIs, or paths relative to the first folder. */
  const applyExtraFiles = async (listed: readonly string[]): Promise<void> => {
    const next = new Set(listed.map((p) => resolveInWorkspace(p, ctx.workspaceFolders)));
    for (const uri of extraFiles) {
      if (next.has(uri)) continue;
      index.markRegistryDump(uri, false);
      if (!ctx.documents.get(uri)) index.remove(uri);
      changed(uri);
    }
    for (const uri of next) {
      if (extraFiles.has(uri)) continue;
      index.markRegistryDump(uri);
      await indexFromDisk(uri);
    }
    extraFiles = next;
  };

  ctx.onSettings((settings) => {
    void (async () => {
      if (!started) {
        started = true;
        // Ask for file events on RPSL files only where the client announced it can register them: a client
        // that did not (most editors other than VS Code) must not be sent the request at all.
        if (ctx.clientCapabilities.watchedFilesRegistration)
          await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{rpsl,irr}' }] }).catch(() => undefined);
        await indexFolders();
      }
      await applyExtraFiles(settings.extraFiles);
      ctx.refreshDiagnostics();
    })().catch((err: unknown) => connection.console.error(`RouteLens: workspace indexing failed: ${String(err)}`));
  });

  connection.onDidChangeWatchedFiles((params) => {
    ctx.background('watched-file indexing', (async () => {
      for (const c of params.changes) {
        if (ctx.documents.get(c.uri)) continue;
        if (c.type === FileChangeType.Deleted) {
          index.remove(c.uri);
          changed(c.uri);
        } else await indexFromDisk(c.uri);
      }
    })());
  });

  // Typing in one document can change the findings of another open one (a set defined here, used there).
  ctx.onDidIndex(changed);

  // A closed editor may have held unsaved text: the file on disk is what the workspace holds now.
  ctx.documents.onDidClose((e) => {
    const uri = e.document.uri;
    const inFolder = ctx.workspaceFolders.some((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)) && RPSL_SUFFIXES.some((s) => uri.toLowerCase().endsWith(s));
    if (!inFolder && !extraFiles.has(uri)) {
      index.remove(uri);
      changed(uri);
      return;
    }
    runtime.timer.setTimeout(() => void indexFromDisk(uri), 0);
  });
};
