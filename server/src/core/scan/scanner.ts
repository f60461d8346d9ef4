/**
 * The scan of one or more MRT streams: an MrtSink that checks every RIB entry and announcement and feeds the
 * flagged ones to the episode builder. Withdrawals and state changes carry no path to check.
 */
import { segmentsText } from '../mrt/bgpdumpText';
import type { MrtDiagnostic, MrtRoute, MrtSink } from '../mrt/types';
import { RouteClassifier, type ScanData } from './classify';
import { EpisodeBuilder } from './episodes';
import type { ScannedFile, ScanResult } from './model';

export const DEFAULT_GAP_SECONDS = 3600;

export class MrtScanner {
  private readonly classifier: RouteClassifier;
  private readonly builder: EpisodeBuilder;
  private readonly files: ScannedFile[] = [];
  private checked = 0;
  private flagged = 0;

  constructor(
    private readonly data: ScanData,
    gapSeconds = DEFAULT_GAP_SECONDS,
  ) {
    this.classifier = new RouteClassifier(data);
    this.builder = new EpisodeBuilder(gapSeconds);
  }

  /** A sink for the reader of one file; call `done` with the reader's summary when the file ends. */
  file(path: string, collector: string): MrtSink & { done(summary: { records: number; routes: number }): void } {
    let first: number | undefined;
    let last: number | undefined;
    const diagnostics: { code: string; message: string; offset: number }[] = [];
    return {
      route: (r: MrtRoute) => {
        if (first === undefined || r.time < first) first = r.time;
        if (last === undefined || r.time > last) last = r.time;
        const a = r.attributes;
        if (a === undefined) return;
        this.checked++;
        const flags = this.classifier.classify(r.prefix, a);
        if (flags.length === 0) return;
        this.flagged++;
        const sighting = { time: r.time, prefix: r.prefix, peer: `AS${r.peer.asn} ${r.peer.address}`, collector, path: segmentsText(a.asPath) };
        for (const f of flags) this.builder.add(f, sighting);
      },
      diagnostic: (d: MrtDiagnostic) => void diagnostics.push({ code: d.code, message: d.message, offset: d.offset }),
      done: (summary) =>
        void this.files.push({
          path,
          collector,
          records: summary.records,
          routes: summary.routes,
          ...(first !== undefined ? { first } : {}),
          ...(last !== undefined ? { last } : {}),
          diagnostics,
        }),
    };
  }

  result(): ScanResult {
    return {
      version: 1,
      gapSeconds: this.builder.gap,
      data: { aspa: this.data.aspa !== undefined, rov: this.data.rov !== undefined, relationships: this.data.relationships !== undefined },
      files: [...this.files].sort((x, y) => (x.first ?? 0) - (y.first ?? 0) || x.path.localeCompare(y.path)),
      routesChecked: this.checked,
      routesFlagged: this.flagged,
      episodes: this.builder.episodes(),
    };
  }
}

/**
 * A collector's name from a file path as RIS and RouteViews lay out their archives (`rrc00/…`,
 * `route-views.amsix/…`, `route-views2/…`); else the file's own name.
 */
export function collectorOf(path: string): string {
  const m = /(rrc\d\d|route-views[\w.-]*)/i.exec(path);
  if (m) return m[1]!.replace(/[./-]+$/, '');
  const base = path.split(/[\\/]/).pop() ?? path;
  return base;
}
