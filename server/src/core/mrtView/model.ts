/**
 * What the path panel shows of an MRT file: the scan's episodes as rows (their long lists cut to what a row can
 * show, with the full counts), the file's figures, and the progress while it is read. Plain JSON: it crosses the
 * language server, the extension and the webview.
 */
import type { Compression } from '../mrt/sniff';
import type { LeakCheck } from '../scan/classify';
import type { Episode } from '../scan/model';

/** Prefixes and origins a row carries; the rest are counted (a full-table leak has ~1 M prefixes). */
export const ROW_PREFIXES = 100;
export const ROW_ORIGINS = 50;

export interface EpisodeRow {
  /** Index of the episode in the file's scan (what the page asks routes for). */
  readonly id: number;
  readonly kind: Episode['kind'];
  readonly leaker: number;
  readonly sentTo?: number;
  readonly learnedFrom: readonly number[];
  readonly origins: readonly number[];
  readonly originCount: number;
  readonly checks: readonly LeakCheck[];
  readonly first: number;
  readonly last: number;
  readonly prefixes: readonly string[];
  readonly prefixCount: number;
  readonly peerCount: number;
  readonly collectors: readonly string[];
  readonly routes: number;
  readonly example: Episode['example'];
}

export interface MrtViewDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly offset: number;
}

export interface MrtView {
  readonly version: 1;
  /** Which open of a file this is; progress and route requests name it. */
  readonly session: number;
  readonly file: string;
  readonly compression: Compression;
  /** Bytes in the file as stored (compressed) and after decompression. */
  readonly bytes: number;
  readonly decompressedBytes: number;
  readonly records: number;
  readonly routes: number;
  readonly routesChecked: number;
  readonly routesFlagged: number;
  readonly first?: number;
  readonly last?: number;
  /** The data the checks had; with none, nothing can be flagged and the page says which file to add. */
  readonly data: { readonly aspa: boolean; readonly rov: boolean; readonly relationships: boolean };
  readonly diagnostics: readonly MrtViewDiagnostic[];
  readonly diagnosticCount: number;
  /** Episodes in time order; at most MAX_ROWS, `episodeCount` says how many there are. */
  readonly episodes: readonly EpisodeRow[];
  readonly episodeCount: number;
  /** Wall-clock seconds from the first byte to the episode list. */
  readonly seconds: number;
}

export interface MrtProgress {
  readonly session: number;
  readonly file: string;
  /** Bytes of the stored file read so far, of `totalBytes`. */
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly routes: number;
}

/** The routes the page draws for the episodes it selected, as `bgpdump -m` lines the path panel reads. */
export interface MrtRoutes {
  readonly text: string;
  readonly routes: number;
  /** Routes the episodes carried in all; more than `routes` when only a sample was kept or the cap was reached. */
  readonly total: number;
}
