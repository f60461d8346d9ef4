/**
 * Every custom message between the extension client and the language server, as values that carry their
 * method name and their types (rust-analyzer's lsp_ext.ts): a call site names the message, never a type.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { GroupBy } from '../core/paths/groupBy';
import type { DataSetStatus, PathsModel } from '../core/paths/model';
import type { RpkiStatus } from '../core/rpki/store';
import type { MrtProgress, MrtRoutes, MrtView } from '../core/mrtView/model';

// ─── client → server: path analysis ────────────────────────────────────────────────────────────
export interface AnalyzePathsParams {
  /** Raw looking-glass output as pasted. */
  readonly text: string;
  /** How a large table is grouped in the graph; absent: `auto`. */
  readonly group?: GroupBy;
  /** Draw only the routes through this AS, its neighbours kept and the rest merged when they are many. */
  readonly focus?: number;
  /** Draw only the routes of this prefix filter (a prefix and its more-specifics, or text in the prefix): core/paths/prefixFilter.ts. */
  readonly prefix?: string;
}

/** The analysis, or null when the request was cancelled. */
export type AnalyzePathsResult = PathsModel | null;

export const AnalyzePathsRequest = new RequestType<AnalyzePathsParams, AnalyzePathsResult, void>('routelens/analyzePaths');

// ─── server → client: file access where the server has none (VS Code for the web) ──────────────
// The browser server runs in a Web Worker without a file system: it asks the client, which reads through
// `vscode.workspace.fs` (any scheme the workbench knows). The node server reads files itself.
export interface ReadFileParams {
  readonly uri: string;
}
/** The file's text, decoded as the CLI decodes it. */
export const ReadFileRequest = new RequestType<ReadFileParams, string, void>('routelens/readFile');

export interface FindFilesParams {
  readonly folderUri: string;
  /** File name endings, lower case, with the dot: `.aspa`. */
  readonly suffixes: readonly string[];
}
/** The URIs of the files below the folder whose names end with one of the suffixes. */
export const FindFilesRequest = new RequestType<FindFilesParams, string[], void>('routelens/findFiles');

// ─── server → client: RPKI data status (server/src/lsp/rpkiFeatures.ts, client/src/common/rpkiStatus.ts) ───
export type { RpkiStatus, RpkiSourceStatus } from '../core/rpki/store';

/** Pushed (debounced) whenever a source loads, the RTR session changes state or data, or a problem is met. */
export const RpkiStatusNotification = new NotificationType<RpkiStatus>('routelens/rpkiStatus');

/** `routelens.refreshRpki`: re-read the files, ask the RTR cache for news; answers the status after the files are read. */
export const RefreshRpkiRequest = new RequestType0<RpkiStatus, void>('routelens/refreshRpki');

// ─── server → client: the other data files the settings name (client/src/common/rpkiStatus.ts) ───
export type { DataSetStatus };

/** The settings' data files beside RPKI, as the status bar names them. */
export type DataFileKind = 'relationships' | 'names' | 'paths';

/**
 * Sent when a data file named by `routelens.data.relationshipFiles`, `asNamesFile` or `pathFiles` has been read
 * (or failed to be), and after a settings change leaves one unset: the status bar then says what is *loaded*,
 * with counts and errors, not merely what is set. A kind absent from a message is unchanged.
 */
export type DataFilesStatus = Partial<Record<DataFileKind, DataSetStatus>>;
export const DataFilesStatusNotification = new NotificationType<DataFilesStatus>('routelens/dataFilesStatus');

// ─── client → server: the path panel opens an MRT file (server/src/lsp/mrtViewFeatures.ts) ──────
export type { MrtProgress, MrtRoutes, MrtView } from '../core/mrtView/model';

export interface OpenMrtParams {
  readonly uri: string;
  /** The client's number for this open; progress and route requests name it. */
  readonly session: number;
}
/** The episode list, or why the file could not be read; null when cancelled. */
export type OpenMrtResult = { readonly view: MrtView } | { readonly error: string } | null;
export const OpenMrtRequest = new RequestType<OpenMrtParams, OpenMrtResult, void>('routelens/openMrt');

/** Sent while an MRT file is read, a few times a second. */
export const MrtProgressNotification = new NotificationType<MrtProgress>('routelens/mrtProgress');

export interface MrtRoutesParams {
  readonly session: number;
  readonly episodes: readonly number[];
}
/** The kept routes of the selected episodes as `bgpdump -m` lines; null when the session is no longer held. */
export const MrtRoutesRequest = new RequestType<MrtRoutesParams, MrtRoutes | null, void>('routelens/mrtRoutes');

// ─── server → client: a file's bytes where the server cannot read them (VS Code for the web) ─────
export interface ReadBytesParams {
  readonly uri: string;
  readonly offset: number;
  readonly length: number;
}
/** `size` is the file's; `data` the bytes from `offset` (at most `length`), base64 since messages are JSON. */
export interface ReadBytesResult {
  readonly size: number;
  readonly data: string;
}
export const ReadBytesRequest = new RequestType<ReadBytesParams, ReadBytesResult, void>('routelens/readBytes');
