/**
 * The scan of one or more MRT streams: an MrtSink that checks every RIB entry and announcement and feeds the
 * flagged ones to the episode builder. Withdrawals and state changes carry no path to check.
 */
import type { Asn } from '../net/asn';
import type { Prefix } from '../net/prefix';
import { decodeAsPath4, findPathAttributes, type PathAttributeSpans } from '../mrt/attributes';
import { segmentsText } from '../mrt/bgpdumpText';
import type { MrtDiagnostic, MrtRibEntry, MrtRibRecord, MrtRoute, MrtSegment, MrtSink } from '../mrt/types';
import type { RovState } from '../rpki/rovIndex';
import { RouteClassifier, withRov, type LeakFlag, type PathVerdict, type ScanData } from './classify';
import { EpisodeBuilder } from './episodes';
import type { ScannedFile, ScanResult } from './model';
import { PathTable } from './pathTable';
import { FULL_CHECK, PlainPathCheck } from './plainPath';

export const DEFAULT_GAP_SECONDS = 3600;

/** What the RIB fast path keeps for AS_PATH bytes that do not decode (the entry is then decoded in full). */
const MALFORMED: PathVerdict = { flags: [], origin: undefined };
const NO_FLAGS: readonly LeakFlag[] = Object.freeze([]);

export class MrtScanner {
  private readonly classifier: RouteClassifier;
  private readonly plain: PlainPathCheck;
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
    this.plain = new PlainPathCheck(data);
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
      ribRecord: (r: MrtRibRecord) => {
        if (first === undefined || r.time < first) first = r.time;
        if (last === undefined || r.time > last) last = r.time;
        this.ribRecord(r, collector);
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

  /**
   * The entries of a RIB record in two passes: first each entry's AS_PATH is located and hashed and its place in the
   * path table touched, all entries in a row (their cache misses overlap); then each is looked up and checked in
   * order, as one at a time would.
   */
  private ribRecord(r: MrtRibRecord, collector: string): void {
    const n = r.count;
    if (this.spanStart.length < n) this.growSpans(n);
    const { spanStart, spanEnd, spanOtc, spanHash } = this;
    const spans = this.spans;
    const b = r.bytes;
    const split = this.data.upstreamPeers !== undefined;
    let upstreamTouch = false;
    for (let i = 0; i < n; i++) {
      if (!findPathAttributes(b, r.attrStarts[i]!, r.attrEnds[i]!, spans)) {
        spanStart[i] = -1;
        continue;
      }
      spanStart[i] = spans.asPathStart;
      spanEnd[i] = spans.asPathEnd;
      spanOtc[i] = spans.otc;
      const h = this.ribPaths.hash(b, spans.asPathStart, spans.asPathEnd, spans.otc);
      spanHash[i] = h;
      if (split && this.classifier.upstream(r.peers[i]!.asn)) upstreamTouch = true;
    }
    this.touched = this.ribPaths.touch(spanHash, n, this.spanIds) ^ (upstreamTouch ? this.ribPathsUpstream.touch(spanHash, n, this.spanIds) : 0);
    for (let i = 0; i < n; i++) {
      const e = r.at(i);
      const upstream = split && this.classifier.upstream(e.peer.asn);
      const paths = upstream ? this.ribPathsUpstream : this.ribPaths;
      let id = -1;
      const start = spanStart[i]!;
      if (start >= 0) {
        const end = spanEnd[i]!;
        const otc = spanOtc[i]!;
        id = paths.findHashed(spanHash[i]!, b, start, end, otc);
        if (id < 0) id = this.addPath(paths, spanHash[i]!, b, start, end, otc, upstream);
      }
      const verdict = id < 0 ? MALFORMED : paths.value(id);
      if (verdict === MALFORMED) {
        // Something the fast path cannot vouch for: decode the entry in full (and report it if malformed).
        const route = e.route();
        if (route?.attributes === undefined) continue;
        this.checked++;
        const flags = this.classifier.classify(route.prefix, route.attributes, route.peer.asn);
        if (flags.length > 0) this.sighted(flags, route.time, route.prefix, route.peer, collector, route.attributes.asPath, route);
        continue;
      }
      this.checked++;
      let flags = verdict?.flags ?? NO_FLAGS;
      const origin = verdict === undefined ? paths.number(id) : verdict.origin;
      if (this.data.rov !== undefined && origin !== undefined && this.ribRov(e, origin) === 'invalid') flags = withRov(flags, e.prefix, origin);
      if (flags.length === 0) continue;
      const segments = decodeAsPath4(b, start, spanEnd[i]!);
      if (typeof segments !== 'string') this.sighted(flags, e.time, e.prefix, e.peer, collector, segments, e);
    }
  }

  /** A path not in the table yet: checked once, then kept (most as their origin alone). Its id, or -1. */
  private addPath(paths: PathTable<PathVerdict>, h: number, b: Uint8Array, start: number, end: number, otc: number, upstream: boolean): number {
    const origin = this.plain.originIfClean(b, start, end, otc, upstream);
    if (origin !== FULL_CHECK) return paths.addHashed(h, b, start, end, otc, origin);
    const segments = decodeAsPath4(b, start, end);
    const verdict = typeof segments === 'string' ? MALFORMED : this.classifier.pathVerdict(segments, otc < 0 ? undefined : otc, upstream);
    // Most paths are clean with an origin: the number alone says all, and no object is looked up for them.
    const plain = verdict !== MALFORMED && verdict.flags.length === 0 && verdict.origin !== undefined;
    return paths.addHashed(h, b, start, end, otc, verdict.origin ?? 0, plain ? undefined : verdict);
  }

  /** Per entry of the record being scanned: AS_PATH start (-1: not on the fast path), end, OTC, key hash. */
  private spanStart = new Int32Array(0);
  private spanEnd = new Int32Array(0);
  private spanOtc = new Float64Array(0);
  private spanHash = new Int32Array(0);
  private spanIds = new Int32Array(0);
  /** What the touches read, kept so that no compiler can leave the reads out. */
  touched = 0;

  private growSpans(n: number): void {
    const size = Math.max(64, 2 * n);
    this.spanStart = new Int32Array(size);
    this.spanEnd = new Int32Array(size);
    this.spanOtc = new Float64Array(size);
    this.spanHash = new Int32Array(size);
    this.spanIds = new Int32Array(size);
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
