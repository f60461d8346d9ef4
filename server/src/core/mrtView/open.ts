/**
 * Opening an MRT file in the path panel: its bytes streamed through gunzip/bunzip2 and the MRT reader into the
 * scan (the same MrtScanner as `routelens scan`), with progress as the stored bytes go by; the result is the
 * episode list, and a sample of each episode's routes kept so a selection can be drawn. Memory holds one chunk,
 * one record, the scan's episodes and at most SAMPLES_PER_LEAK routes per leak hop, whatever the file's size.
 */
import { bgpdumpRouteLine, segmentsText } from '../mrt/bgpdumpText';
import { MrtReader } from '../mrt/reader';
import { looksLikeMrt, type Compression } from '../mrt/sniff';
import type { MrtRoute } from '../mrt/types';
import type { LeakFlag, ScanData } from '../scan/classify';
import type { Episode } from '../scan/model';
import { collectorOf, MrtScanner } from '../scan/scanner';
import type { ByteSource } from './byteSource';
import { decompressed, peek } from './decompress';
import { ROW_ORIGINS, ROW_PREFIXES, type EpisodeRow, type MrtProgress, type MrtRoutes, type MrtView } from './model';

/** Rows sent to the page; past this the page says how many more there are and the filter narrows them. */
export const MAX_ROWS = 2_000;
/** Distinct routes (peer, prefix, path) kept per leak hop for drawing; an episode's `example` is always the first. */
export const SAMPLES_PER_LEAK = 2_000;
/** Routes drawn for one selection: the panel's graph reads 1,000 routes (grouped), never a million nodes. */
export const MAX_DRAWN = 1_000;
const MAX_DIAGNOSTICS = 50;

export interface OpenOptions {
  readonly session: number;
  readonly data: ScanData;
  readonly gapSeconds?: number;
  readonly onProgress?: (p: MrtProgress) => void;
  /** How often progress is told (and the event loop let run, so the message leaves and a cancel can arrive). */
  readonly progressMs?: number;
  readonly isCancelled?: () => boolean;
}

/** An opened file: what the page lists, and the routes of a selection of its episodes. */
export interface MrtOpened {
  readonly view: MrtView;
  routes(episodeIds: readonly number[]): MrtRoutes;
}

export type OpenResult = MrtOpened | { readonly error: string } | { readonly cancelled: true };

/** The same key for a flag and for the episode it lands in: one leak hop, as EpisodeBuilder groups them. */
function leakKey(kind: Episode['kind'], leaker: number, sentTo: number | undefined): string {
  return `${kind}:${leaker}>${sentTo ?? ''}`;
}

interface Samples {
  readonly seen: Set<string>;
  readonly times: number[];
  readonly lines: string[];
}

/** A pause that lets the host's event loop run: progress messages go out, cancellation comes in. */
const breathe = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function openMrt(source: ByteSource, opts: OpenOptions): Promise<OpenResult> {
  const started = Date.now();
  let bytesRead = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source.chunks()) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  const samples = new Map<string, Samples>();
  const keep = (flags: readonly LeakFlag[], r: MrtRoute): void => {
    const path = r.attributes === undefined ? '' : segmentsText(r.attributes.asPath);
    const id = `${r.peer.address}|${r.prefix}|${path}`;
    for (const f of flags) {
      const key = leakKey(f.check === 'rov' ? 'rov' : 'leak', f.leaker, f.sentTo);
      let s = samples.get(key);
      if (s === undefined) samples.set(key, (s = { seen: new Set(), times: [], lines: [] }));
      if (s.lines.length >= SAMPLES_PER_LEAK || s.seen.has(id)) continue;
      s.seen.add(id);
      s.times.push(r.time);
      s.lines.push(bgpdumpRouteLine(r));
    }
  };
  const scanner = new MrtScanner(opts.data, opts.gapSeconds, keep);
  const sink = scanner.file(source.name, collectorOf(source.name));
  let routes = 0;
  const reader = new MrtReader({
    ...sink,
    route: (r) => {
      routes++;
      sink.route!(r);
    },
    ribRecord: (r) => {
      routes += r.count;
      sink.ribRecord!(r);
    },
  });
  /** A file cut short or corrupt in its compression: what was read before still counts, and the page says where it stopped. */
  let stopped: string | undefined;
  let decompressedBytes = 0;
  let compression: Compression | undefined;
  try {
    const opened = await decompressed(counted());
    compression = opened.compression;
    const { head, rest } = await peek(opened.chunks, 12);
    if (!looksLikeMrt(head)) {
      const what = compression === 'none' ? '' : ` after ${compression === 'gzip' ? 'gunzip' : 'bunzip2'}`;
      return { error: `${source.name} is not an MRT file: its first bytes${what} are no MRT record header (TABLE_DUMP, TABLE_DUMP_V2, BGP4MP or BGP4MP_ET).` };
    }
    const every = opts.progressMs ?? 200;
    let told = Date.now();
    const tell = (): void => opts.onProgress?.({ session: opts.session, file: source.name, bytesRead, totalBytes: source.size, routes });
    tell();
    for await (const chunk of rest) {
      reader.push(chunk);
      decompressedBytes += chunk.length;
      if (Date.now() - told >= every) {
        told = Date.now();
        tell();
        await breathe();
        if (opts.isCancelled?.()) return { cancelled: true };
      }
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (compression === undefined || decompressedBytes === 0) return { error: `${source.name} could not be read: ${why}` };
    stopped = `reading stopped after ${decompressedBytes} decompressed bytes (${bytesRead} of ${source.size} stored): ${why}; the routes before are listed`;
  }
  const summary = reader.end();
  sink.done(summary);
  const result = scanner.result();
  opts.onProgress?.({ session: opts.session, file: source.name, bytesRead, totalBytes: source.size, routes });
  const file = result.files[0];
  const diagnostics = [...(stopped !== undefined ? [{ code: 'mrt/decompress-failed', message: stopped, offset: decompressedBytes }] : []), ...(file?.diagnostics ?? [])];
  const episodes = result.episodes;
  const view: MrtView = {
    version: 1,
    session: opts.session,
    file: source.name,
    compression: compression ?? 'none',
    bytes: source.size,
    decompressedBytes,
    records: summary.records,
    routes: summary.routes,
    routesChecked: result.routesChecked,
    routesFlagged: result.routesFlagged,
    ...(file?.first !== undefined ? { first: file.first } : {}),
    ...(file?.last !== undefined ? { last: file.last } : {}),
    data: result.data,
    diagnostics: diagnostics.slice(0, MAX_DIAGNOSTICS),
    diagnosticCount: diagnostics.length,
    episodes: episodes.slice(0, MAX_ROWS).map(episodeRow),
    episodeCount: episodes.length,
    seconds: (Date.now() - started) / 1000,
  };
  return { view, routes: (ids) => routesOf(episodes, samples, ids) };
}

function episodeRow(e: Episode, id: number): EpisodeRow {
  return {
    id,
    kind: e.kind,
    leaker: e.leaker,
    ...(e.sentTo !== undefined ? { sentTo: e.sentTo } : {}),
    learnedFrom: e.learnedFrom,
    origins: e.origins.slice(0, ROW_ORIGINS),
    originCount: e.origins.length,
    checks: e.checks,
    first: e.first,
    last: e.last,
    prefixes: e.prefixes.slice(0, ROW_PREFIXES),
    prefixCount: e.prefixes.length,
    peerCount: e.peers.length,
    collectors: e.collectors,
    routes: e.routes,
    example: e.example,
  };
}

/** The kept routes of the episodes, each episode's within its own time span, distinct, at most MAX_DRAWN. */
function routesOf(episodes: readonly Episode[], samples: ReadonlyMap<string, Samples>, ids: readonly number[]): MrtRoutes {
  const lines: string[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const id of new Set(ids)) {
    const e = episodes[id];
    if (e === undefined) continue;
    total += e.routes;
    const s = samples.get(leakKey(e.kind, e.leaker, e.sentTo));
    if (s === undefined) continue;
    for (let i = 0; i < s.lines.length && lines.length < MAX_DRAWN; i++) {
      const t = s.times[i]!;
      if (t < e.first || t > e.last) continue;
      const line = s.lines[i]!;
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(line);
    }
  }
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', routes: lines.length, total };
}
