/**
 * The scan of one or more MRT streams: an MrtSink that checks every RIB entry and announcement and feeds the
 * flagged ones to the episode builder. Withdrawals and state changes carry no path to check.
 */
import type { Asn } from '../net/asn';
import type { Prefix } from '../net/prefix';
import { decodeAsPath4, findPathAttributes, type PathAttributeSpans } from '../mrt/attributes';
import { segmentsText } from '../mrt/bgpdumpText';
import type { MrtDiagnostic, MrtRibEntry, MrtRoute, MrtSegment, MrtSink } from '../mrt/types';
import type { RovState } from '../rpki/rovIndex';
import { RouteClassifier, withRov, type LeakFlag, type PathVerdict, type ScanData } from './classify';
import { EpisodeBuilder } from './episodes';
import type { ScannedFile, ScanResult } from './model';
import { PathTable } from './pathTable';

export const DEFAULT_GAP_SECONDS = 3600;

/** What the RIB fast path keeps for AS_PATH bytes that do not decode (the entry is then decoded in full). */
const MALFORMED: PathVerdict = { flags: [], origin: undefined };
const NO_FLAGS: readonly LeakFlag[] = Object.freeze([]);

export class MrtScanner {
  private readonly classifier: RouteClassifier;
  private readonly builder: EpisodeBuilder;
  private readonly files: ScannedFile[] = [];
  private checked = 0;
  private flagged = 0;
  /**
   * RIB entries by their AS_PATH bytes (the fast path): the origin as the entry's number, and the verdict itself
   * only for paths with flags, without an origin (AS_SET) or whose bytes do not decode.
   */
  private readonly ribPaths = new PathTable<PathVerdict>();
  /** The same for the entries of collector peers whose routes get upstream ASPA verification (other verdicts). */
  private readonly ribPathsUpstream = new PathTable<PathVerdict>();
  private readonly spans: PathAttributeSpans = { asPathStart: 0, asPathEnd: 0, otc: -1 };
  /** The ROV verdict of the last RIB record and origin: the entries of one record share the prefix. */
  private rovOffset = -1;
  private rovOrigin = -1;
  private rovState: RovState = 'not-found';
  private readonly rovPrefix = { afi: 6 as Prefix['afi'], words: [0, 0, 0, 0], length: 0 };

  /** `observe`: told of every flagged route, decoded (the path panel keeps some to draw an episode's paths). */
  constructor(
    private readonly data: ScanData,
    gapSeconds = DEFAULT_GAP_SECONDS,
    private readonly observe?: (flags: readonly LeakFlag[], route: MrtRoute) => void,
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
        const flags = this.classifier.classify(r.prefix, a, r.peer.asn);
        if (flags.length > 0) this.sighted(flags, r.time, r.prefix, r.peer, collector, a.asPath, r);
      },
      ribEntry: (e: MrtRibEntry) => {
        if (first === undefined || e.time < first) first = e.time;
        if (last === undefined || e.time > last) last = e.time;
        const spans = this.spans;
        const upstream = this.data.upstreamPeers !== undefined && this.classifier.upstream(e.peer.asn);
        const paths = upstream ? this.ribPathsUpstream : this.ribPaths;
        let id = -1;
        if (findPathAttributes(e.bytes, e.attrStart, e.attrEnd, spans)) {
          id = paths.find(e.bytes, spans.asPathStart, spans.asPathEnd, spans.otc);
          if (id < 0) {
            const segments = decodeAsPath4(e.bytes, spans.asPathStart, spans.asPathEnd);
            const verdict = typeof segments === 'string' ? MALFORMED : this.classifier.pathVerdict(segments, spans.otc < 0 ? undefined : spans.otc, upstream);
            // Most paths are clean with an origin: the number alone says all, and no object is looked up for them.
            const plain = verdict !== MALFORMED && verdict.flags.length === 0 && verdict.origin !== undefined;
            id = paths.add(e.bytes, spans.asPathStart, spans.asPathEnd, spans.otc, verdict.origin ?? 0, plain ? undefined : verdict);
          }
        }
        const verdict = id < 0 ? MALFORMED : paths.value(id);
        if (verdict === MALFORMED) {
          // Something the fast path cannot vouch for: decode the entry in full (and report it if malformed).
          const r = e.route();
          if (r?.attributes === undefined) return;
          this.checked++;
          const flags = this.classifier.classify(r.prefix, r.attributes, r.peer.asn);
          if (flags.length > 0) this.sighted(flags, r.time, r.prefix, r.peer, collector, r.attributes.asPath, r);
          return;
        }
        this.checked++;
        let flags = verdict?.flags ?? NO_FLAGS;
        const origin = verdict === undefined ? paths.number(id) : verdict.origin;
        if (this.data.rov !== undefined && origin !== undefined && this.ribRov(e, origin) === 'invalid') flags = withRov(flags, e.prefix, origin);
        if (flags.length === 0) return;
        const segments = decodeAsPath4(e.bytes, spans.asPathStart, spans.asPathEnd);
        if (typeof segments !== 'string') this.sighted(flags, e.time, e.prefix, e.peer, collector, segments, e);
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

  private sighted(flags: readonly LeakFlag[], time: number, prefix: string, peer: { asn: number; address: string }, collector: string, path: readonly MrtSegment[], from: MrtRoute | MrtRibEntry): void {
    this.flagged++;
    const sighting = { time, prefix, peer: `AS${peer.asn} ${peer.address}`, collector, path: segmentsText(path) };
    for (const f of flags) this.builder.add(f, sighting);
    if (this.observe !== undefined) {
      const route = 'kind' in from ? from : from.route();
      if (route !== undefined) this.observe(flags, route);
    }
  }

  /** ROV of a RIB entry through the index's typed-array lookups, once per record and origin. */
  private ribRov(e: MrtRibEntry, origin: number): RovState {
    if (e.offset === this.rovOffset && origin === this.rovOrigin) return this.rovState;
    const rov = this.data.rov!;
    if (e.afi === 1) this.rovState = rov.originStateV4(e.words[0]!, e.length, origin);
    else {
      const p = this.rovPrefix;
      for (let k = 0; k < 4; k++) p.words[k] = e.words[k]!;
      p.length = e.length;
      this.rovState = rov.originState(p, origin as Asn);
    }
    this.rovOffset = e.offset;
    this.rovOrigin = origin;
    return this.rovState;
  }

  result(): ScanResult {
    return {
      version: 1,
      gapSeconds: this.builder.gap,
      data: {
        aspa: this.data.aspa !== undefined,
        rov: this.data.rov !== undefined,
        relationships: this.data.relationships !== undefined,
        ...(this.data.upstreamPeers !== undefined && this.data.upstreamPeers.size > 0 ? { upstreamPeers: [...this.data.upstreamPeers].sort((a, b) => a - b) } : {}),
      },
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
