/**
 * Every custom message between the extension client, the language server and the webview, in one file
 * (as rust-analyzer's lsp_ext.ts). Plain types and method names only: this file imports nothing at runtime,
 * so the webview bundle can import it too.
 */

// ─── client ⇄ server: path analysis ────────────────────────────────────────────────────────────
export type { PathsModel } from './core/paths/model';
import type { PathsModel } from './core/paths/model';
import type { GroupBy } from './core/paths/groupBy';
export type { GroupBy } from './core/paths/groupBy';

export const AnalyzePathsRequest = 'routelens/analyzePaths' as const;

export interface AnalyzePathsParams {
  /** Raw looking-glass output as pasted. */
  readonly text: string;
  /** How a large table is grouped in the graph; absent: `auto`. */
  readonly group?: GroupBy;
  /** Draw only the routes through this AS, its neighbours kept and the rest merged when they are many. */
  readonly focus?: number;
}

/** The analysis, or null when the request was cancelled. */
export type AnalyzePathsResult = PathsModel | null;

// ─── server → client: file access where the server has none (VS Code for the web) ──────────────
/**
 * The browser server runs in a Web Worker without a file system: it asks the client, which reads through
 * `vscode.workspace.fs` (any scheme the workbench knows). The node server reads files itself.
 */
export const ReadFileRequest = 'routelens/readFile' as const;
export interface ReadFileParams {
  readonly uri: string;
}
export const FindFilesRequest = 'routelens/findFiles' as const;
export interface FindFilesParams {
  readonly folderUri: string;
  /** File name endings, lower case, with the dot: `.aspa`. */
  readonly suffixes: readonly string[];
}

// ─── client ⇄ webview ──────────────────────────────────────────────────────────────────────────
/** What the user can save from the panel; PNG comes as base64, the rest as text. */
export type ExportFormat = 'svg' | 'png' | 'dot' | 'md';

/** Messages the webview sends to the extension (the host checks them before use). */
export type WebviewToHost =
  | { readonly type: 'ready' }
  /** `seq` lets the page drop answers to pastes it has since replaced. */
  | { readonly type: 'analyze'; readonly text: string; readonly seq?: number; readonly group?: GroupBy; readonly focus?: number }
  | { readonly type: 'export'; readonly format: ExportFormat; readonly data: string }
  | { readonly type: 'copy'; readonly text: string }
  /** A "no … data" label was clicked: ask for a file and remember it in the settings. */
  | { readonly type: 'pickData'; readonly kind: DataKind }
  /** The first-run hint's link: paste the bundled CANTV example. */
  | { readonly type: 'openExample' };

/** The data sets of the panel's status line (PathsModel['data']). */
export type DataKind = 'aspa' | 'rov' | 'relationships' | 'names' | 'policy';

/** Messages the extension sends to the webview (the page checks them before use). */
export type HostToWebview =
  | { readonly type: 'init'; readonly text: string }
  | { readonly type: 'model'; readonly model: PathsModel; readonly seq?: number }
  | { readonly type: 'error'; readonly message: string; readonly seq?: number }
  | { readonly type: 'notice'; readonly message: string };

// ─── server → client: RPKI data status (server/src/lsp/rpkiFeatures.ts, client/src/common/rpkiStatus.ts) ───
export type { RpkiStatus, RpkiSourceStatus } from './core/rpki/store';
import type { RpkiStatus } from './core/rpki/store';

/** Pushed (debounced) whenever a source loads, the RTR session changes state or data, or a problem is met. */
export const RpkiStatusNotification = 'routelens/rpkiStatus' as const;
export type RpkiStatusParams = RpkiStatus;

/** `routelens.refreshRpki`: re-read the files, ask the RTR cache for news; answers the status after the files are read. */
export const RefreshRpkiRequest = 'routelens/refreshRpki' as const;
export type RefreshRpkiResult = RpkiStatus;
