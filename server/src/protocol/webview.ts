/**
 * The messages between the extension and the path panel's page, with the guards each side runs on what
 * it receives (vscode-eslint keeps `X.is` beside `X`). Types and plain functions only: the webview bundle
 * imports this file, so it imports nothing at runtime.
 */
import { isGroupBy, type GroupBy } from '../core/paths/groupBy';
import type { PathsModel } from '../core/paths/model';
import type { MrtProgress, MrtView } from '../core/mrtView/model';

export type { GroupBy } from '../core/paths/groupBy';
export type { PathsModel } from '../core/paths/model';

/** What the user can save from the panel; PNG comes as base64, the rest as text. */
export const EXPORT_FORMATS = ['svg', 'png', 'dot', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The data sets of the panel's status line (PathsModel['data']). */
export const DATA_KINDS = ['aspa', 'rov', 'relationships', 'names', 'policy'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

// ─── webview → extension ───────────────────────────────────────────────────────────────────────
export type WebviewToHost =
  | { readonly type: 'ready' }
  /** `seq` lets the page drop answers to pastes it has since replaced. */
  | { readonly type: 'analyze'; readonly text: string; readonly seq?: number; readonly group?: GroupBy; readonly focus?: number; readonly prefix?: string }
  | { readonly type: 'export'; readonly format: ExportFormat; readonly data: string }
  | { readonly type: 'copy'; readonly text: string }
  /** A "no … data" label was clicked: ask for a file and remember it in the settings. */
  | { readonly type: 'pickData'; readonly kind: DataKind }
  /** The first-run hint's link: paste the bundled CANTV example. */
  | { readonly type: 'openExample' }
  /**
   * MRT: open a file (a URI dropped on the page, or none: ask with a dialog), stop reading, close the file, draw
   * episodes' routes. A file dropped from the operating system comes as `dropped`: the page holds it and hands its
   * bytes out by `readDropped` (with `uri` too when the drop named one, which the host reads instead if it can).
   */
  | { readonly type: 'openMrt'; readonly uri?: string; readonly dropped?: DroppedFile }
  | { readonly type: 'mrtCancel' }
  | { readonly type: 'mrtClose' }
  /** The bytes of a dropped file the host asked for (`readDropped`), or why they cannot be read. */
  | { readonly type: 'droppedBytes'; readonly req: number; readonly data: Uint8Array }
  | { readonly type: 'droppedBytes'; readonly req: number; readonly error: string }
  | { readonly type: 'mrtSelect'; readonly session: number; readonly episodes: readonly number[] };

/** A file the page holds (dropped from the operating system): the page's number for it, its name and size. */
export interface DroppedFile {
  readonly id: number;
  readonly name: string;
  readonly size: number;
}

/** The most the host asks of a dropped file at once (the server reads 4 MB slices). */
export const MAX_DROPPED_SLICE = 16 << 20;

const isDroppedFile = (v: unknown): v is DroppedFile => {
  const d = v as Partial<Record<keyof DroppedFile, unknown>> | null;
  return typeof d === 'object' && d !== null && typeof d.id === 'number' && Number.isInteger(d.id) && typeof d.name === 'string' && d.name.length < 1024 && typeof d.size === 'number' && Number.isSafeInteger(d.size) && d.size >= 0;
};

/** A prefix filter is a prefix or a few characters of one; anything longer is not typed by a person. */
const MAX_PREFIX_FILTER = 100;

function isAsNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
}

const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);

/** The page may send anything; only well-formed messages reach the extension's handlers. */
export function isWebviewToHost(m: unknown): m is WebviewToHost {
  if (typeof m !== 'object' || m === null) return false;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready':
      return true;
    case 'analyze':
      return typeof o.text === 'string' && (o.seq === undefined || typeof o.seq === 'number') && (o.group === undefined || isGroupBy(o.group)) && (o.focus === undefined || isAsNumber(o.focus)) && (o.prefix === undefined || (typeof o.prefix === 'string' && o.prefix.length <= MAX_PREFIX_FILTER));
    case 'export':
      return isOneOf(EXPORT_FORMATS, o.format) && typeof o.data === 'string';
    case 'copy':
      return typeof o.text === 'string';
    case 'pickData':
      return isOneOf(DATA_KINDS, o.kind);
    case 'openExample':
    case 'mrtCancel':
    case 'mrtClose':
      return true;
    case 'openMrt':
      return (o.uri === undefined || (typeof o.uri === 'string' && o.uri.length < 4096)) && (o.dropped === undefined || isDroppedFile(o.dropped));
    case 'droppedBytes':
      return typeof o.req === 'number' && ((o.data instanceof Uint8Array && o.data.length <= MAX_DROPPED_SLICE) || (o.data === undefined && typeof o.error === 'string'));
    case 'mrtSelect':
      return typeof o.session === 'number' && Array.isArray(o.episodes) && o.episodes.length <= 10_000 && o.episodes.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0);
    default:
      return false;
  }
}

// ─── extension → webview ───────────────────────────────────────────────────────────────────────
export type HostToWebview =
  | { readonly type: 'init'; readonly text: string }
  | { readonly type: 'model'; readonly model: PathsModel; readonly seq?: number }
  | { readonly type: 'error'; readonly message: string; readonly seq?: number }
  | { readonly type: 'notice'; readonly message: string }
  /**
   * MRT: a file began to be read (`uri` when the host can read it again after a window reload; a dropped file it
   * cannot), is being read, was read (its episode list), or could not be; and a slice of a dropped file is wanted.
   */
  | { readonly type: 'mrtStart'; readonly session: number; readonly file: string; readonly uri?: string }
  | { readonly type: 'mrtProgress'; readonly progress: MrtProgress }
  | { readonly type: 'mrtView'; readonly view: MrtView }
  | { readonly type: 'mrtError'; readonly session: number; readonly message: string }
  | { readonly type: 'readDropped'; readonly req: number; readonly id: number; readonly offset: number; readonly length: number };

/**
 * The page trusts nothing it receives: a message must have the shape the protocol declares before any
 * handler sees it. A foreign `postMessage` is dropped; a model that is malformed is not dropped silently
 * (that left the panel on "Analysing…" for ever): `checkHostToWebview` says what is wrong so the page can show it.
 */
export type Checked = { readonly ok: true; readonly message: HostToWebview } | { readonly ok: false; readonly type?: string; readonly reason: string };

export function checkHostToWebview(m: unknown): Checked {
  if (typeof m !== 'object' || m === null) return { ok: false, reason: 'not an object' };
  const o = m as Record<string, unknown>;
  const type = typeof o.type === 'string' ? o.type : undefined;
  const bad = (reason: string): Checked => ({ ok: false, ...(type ? { type } : {}), reason });
  if (o.seq !== undefined && typeof o.seq !== 'number') return bad('seq is not a number');
  switch (type) {
    case 'init':
      return typeof o.text === 'string' ? { ok: true, message: o as HostToWebview } : bad('text is not a string');
    case 'model': {
      const why = modelProblem(o.model);
      return why === undefined ? { ok: true, message: o as HostToWebview } : bad(why);
    }
    case 'error':
    case 'notice':
      return typeof o.message === 'string' ? { ok: true, message: o as HostToWebview } : bad('message is not a string');
    case 'mrtStart':
      return typeof o.session === 'number' && typeof o.file === 'string' && (o.uri === undefined || typeof o.uri === 'string') ? { ok: true, message: o as HostToWebview } : bad('no session or file');
    case 'readDropped':
      return [o.req, o.id, o.offset, o.length].every((x) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0) && (o.length as number) <= MAX_DROPPED_SLICE ? { ok: true, message: o as HostToWebview } : bad('no request, file, offset or length');
    case 'mrtProgress': {
      const p = o.progress as Partial<Record<keyof MrtProgress, unknown>> | undefined;
      return typeof p === 'object' && p !== null && typeof p.session === 'number' && typeof p.bytesRead === 'number' && typeof p.totalBytes === 'number' && typeof p.routes === 'number'
        ? { ok: true, message: o as HostToWebview }
        : bad('progress is malformed');
    }
    case 'mrtView': {
      const v = o.view as Partial<Record<keyof MrtView, unknown>> | undefined;
      if (typeof v !== 'object' || v === null || v.version !== 1) return bad('view is not version 1');
      return typeof v.session === 'number' && Array.isArray(v.episodes) && Array.isArray(v.diagnostics) ? { ok: true, message: o as HostToWebview } : bad('view has no session or episode list');
    }
    case 'mrtError':
      return typeof o.session === 'number' && typeof o.message === 'string' ? { ok: true, message: o as HostToWebview } : bad('no session or message');
    default:
      return bad(`unknown message type ${JSON.stringify(o.type)}`);
  }
}

export function isHostToWebview(m: unknown): m is HostToWebview {
  return checkHostToWebview(m).ok;
}

function modelProblem(m: unknown): string | undefined {
  if (typeof m !== 'object' || m === null) return 'no model';
  const o = m as Partial<Record<keyof PathsModel, unknown>>;
  if (o.version !== 1) return `model version ${JSON.stringify(o.version)}, this page reads version 1`;
  for (const k of ['routes', 'findings', 'unparsed'] as const) if (!Array.isArray(o[k])) return `model.${k} is not a list`;
  if (typeof o.data !== 'object' || o.data === null) return 'model.data is missing';
  const g = o.graph as Record<string, unknown> | undefined;
  if (typeof g !== 'object' || g === null) return 'model.graph is missing';
  if (!Array.isArray(g.nodes) || !Array.isArray(g.edges)) return 'model.graph has no node or edge list';
  for (const k of ['width', 'height'] as const) if (typeof g[k] !== 'number' || !Number.isFinite(g[k])) return `model.graph.${k} is ${JSON.stringify(g[k])}, not a size`;
  return undefined;
}
