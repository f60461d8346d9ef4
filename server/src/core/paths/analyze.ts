import type { RovIndex } from '../rpki/rovIndex';
import type { AsNames } from './asNames';
import { parseLookingGlass } from '../lg/parse';
import type { AsPathSegment, LgFormat, LgParseResult, LgRoute, UnparsedLine } from '../lg/types';
import type { Asn } from '../net/asn';
import { aspaWhatIf, type AspaDeclarations } from './aspaWhatIf';
import { bogonReason } from './bogons';
import { severityOf } from '../diagnostics/registry';
import type { PathCode } from './codes';
import { buildGraph, PathIds, type GraphOptions } from './graph';
import { layoutGraph } from './layout';
import type { AspaCheck, DataSetStatus, DataStatus, Hop, PathFinding, PathsModel, PolicyHopResult, RouteAnalysis, RouteVerdict } from './model';
import { PALETTE_SIZE } from './model';
import { checkOtc, otcWhatIf, type OtcCheck } from './otc';
import { pathShape, type PathShape } from './pathShape';
import type { Relationships } from './relationships';
import { checkValleyFree } from './valleyFree';

/**
 * The data the analysis may use. Each part is optional: a missing one leaves its column out of the
 * model. Verifiers from other areas are passed in already bound to their data, so this module does not
 * care where the ASPAs, VRPs or aut-nums came from.
 */
export interface PathData {
  /** ASPA verification (core/aspa, see aspaChecker) of the whole path in one direction; `detail` false may omit evidence. */
  readonly aspa?: (segments: readonly AsPathSegment[], direction: 'upstream' | 'downstream', detail?: boolean) => AspaCheck;
  /** `aspa`'s verdict alone for a plain path (ASNs as printed, no AS_SET), over the same data: what a scan asks first. */
  readonly aspaVerdict?: (path: ArrayLike<number>, direction: 'upstream' | 'downstream') => 'valid' | 'invalid' | 'unknown';
  /** Route-origin validation (core/rpki). */
  readonly rov?: (prefix: string, origin: Asn) => 'valid' | 'invalid' | 'not-found';
  /** The index behind `rov` when the VRPs came from files: its typed-array lookups are what a scan of an MRT RIB calls. */
  readonly rovIndex?: RovIndex;
  readonly relationships?: Relationships;
  readonly names?: AsNames;
  /** RPSL policy per AS pair (core/workspace, see policyChecker); `path` as printed, prepends collapsed. */
  readonly policy?: (prefix: string, path: readonly number[]) => readonly PolicyHopResult[];
  /** The ASPAs split into published and `.aspa` documents, for the what-if of a focused AS (aspaWhatIf). */
  readonly aspaDeclarations?: AspaDeclarations;
  /** What was loaded and what failed, shown by the panel as is. */
  readonly status?: Partial<DataStatus>;
}

const LONG_PREPEND = 5;

/** Analyses a parse result (routes already collected). */
export function analyzePaths(parse: LgParseResult, data: PathData = {}, view: GraphOptions = {}): PathsModel {
  const analyzer = new PathsAnalyzer(data, view);
  for (const r of parse.routes) analyzer.add(r);
  return analyzer.finish(parse.format, parse.unparsed);
}

/**
 * Parses and analyses a paste in one pass: each route is analysed as the parser emits it and then dropped,
 * so a full table never holds the parse tree and the model at once. What the panel, the CLI and the bench call.
 */
export function analyzeLookingGlass(text: string, data: PathData = {}, view: GraphOptions = {}): PathsModel {
  const analyzer = new PathsAnalyzer(data, view);
  const parse = parseLookingGlass(text, { onRoute: (r) => analyzer.add(r) });
  return analyzer.finish(parse.format, parse.unparsed);
}

/** Route by route analysis; `finish` builds and lays out the graph. */
export class PathsAnalyzer {
  private readonly findings: PathFinding[] = [];
  private readonly cache: PathCache = { paths: new Map(), colors: new Map() };
  private readonly routes: RouteDraft[] = [];
  private readonly ids = new PathIds();
  private readonly paths: (readonly string[])[] = [];

  constructor(
    private readonly data: PathData = {},
    /** Grouping and focus of the graph (graph.ts); by default a large table is grouped by first hop. */
    private readonly view: GraphOptions = {},
  ) {}

  add(r: LgRoute): void {
    const key = pathKey(r);
    this.routes.push(analyzeRoute(r, this.routes.length, key, this.data, this.cache, this.findings));
    this.paths.push(this.ids.of(r, key));
  }

  finish(format: LgFormat, unparsed: readonly UnparsedLine[]): PathsModel {
    const { graph, nodeIds } = buildGraph(this.routes, this.paths, this.data, this.view);
    layoutGraph(graph);
    // Filled in place: a copy of every route would double the model of a full table at its peak.
    this.routes.forEach((r, i) => (r.nodeIds = nodeIds[i] ?? []));
    const routes: readonly RouteAnalysis[] = this.routes;
    const { focus } = this.view;
    const whatIf = focus !== undefined && this.data.aspaDeclarations ? aspaWhatIf(routes, focus, this.data.aspaDeclarations) : undefined;
    return { version: 1, format, routes, findings: this.findings, unparsed, graph, data: dataStatus(this.data), ...(whatIf ? { whatIf } : {}) };
  }
}

/** Identity of a path for the caches: segment types and ASNs, OTC and truncation. */
function pathKey(r: LgRoute): string {
  return `${r.pathUncertain !== undefined ? '?' : ''}${r.otc ?? ''}|${r.asPathTruncated ? '…' : ''}|${r.asPath.map((s) => `${s.type[0]}${s.asns.join(' ')}`).join('|')}`;
}

type Finding = Pick<PathFinding, 'message' | 'hop'> & { readonly code: PathCode };

/**
 * Everything that depends on the AS path alone (and its OTC), computed once per distinct path: a table
 * repeats the same path for many prefixes, and sharing the results keeps a 100k-route paste small.
 */
interface PathLevel {
  readonly shape: PathShape;
  readonly origin?: number;
  readonly color: number;
  readonly findings: readonly Finding[];
  readonly otc?: OtcCheck;
  readonly otcWhatIf?: string;
  readonly valley?: RouteAnalysis['valley'];
  readonly aspa?: RouteAnalysis['aspa'];
  readonly unverified?: RouteAnalysis['unverified'];
}

/** Why a route gets no ASPA, OTC or valley verdict: it never crossed an AS boundary, or its path is a guess. */
function unverifiedOf(r: LgRoute): RouteAnalysis['unverified'] {
  if (r.pathUncertain !== undefined) return 'uncertain';
  return r.asPath.length === 0 && r.asPathTruncated !== true ? 'local' : undefined;
}

const UNVERIFIED_REASON: Readonly<Record<NonNullable<RouteAnalysis['unverified']>, string>> = {
  local:
    'Not verified (locally originated): the AS path is empty, so this router or its own AS originated the route; ASPA verification applies to routes received from a neighbouring AS.',
  uncertain: 'Not verified: the looking-glass parser could read this path more than one way (lg/uncertain-path), so no verdict is drawn from it.',
};

function unverifiedAspa(why: NonNullable<RouteAnalysis['unverified']>): NonNullable<RouteAnalysis['aspa']> {
  const c: AspaCheck = { verdict: 'unverified', reason: UNVERIFIED_REASON[why], hops: [] };
  return { upstream: c, downstream: c };
}

interface PathCache {
  readonly paths: Map<string, PathLevel>;
  /** One colour per distinct collapsed path (OTC and truncation aside). */
  readonly colors: Map<string, number>;
}

function pathLevel(r: LgRoute, key: string, data: PathData, { paths, colors }: PathCache): PathLevel {
  const known = paths.get(key);
  if (known) return known;
  const shape = pathShape(r.asPath);
  const found: Finding[] = [];
  const add = (code: PathCode, message: string, hop?: Hop): void => void found.push({ code, message, ...(hop ? { hop } : {}) });
  const unverified = unverifiedOf(r);
  const verify = unverified === undefined;
  if (unverified === 'uncertain') add('paths/unverified-path', `${UNVERIFIED_REASON.uncertain} Why: ${r.pathUncertain ?? ''}.`);
  for (const p of shape.prepends)
    if (p.count >= LONG_PREPEND) add('paths/long-prepend', `AS${p.asn} is prepended ×${p.count}; the path counts ${shape.length.raw} ASes but only ${shape.length.collapsed} distinct hops.`);
  // A misread column (a weight taken for AS0, a wrapped ASN cut in two) must not become an error.
  if (verify) {
    for (const a of shape.loops) add('paths/loop', `AS${a} appears twice with other ASes between: a loop or a poisoned path.`);
    for (const s of shape.specialAsns) add('paths/reserved-asn', `AS${s.asn} is ${s.kind} (${s.rfc}) and must not appear in a public path; filter or strip it.`);
    if (shape.asSets.length > 0 || shape.confed) add('paths/as-set', 'The path carries an AS_SET or confederation segment, deprecated by RFC 9774; ROV and ASPA cannot verify it.');
  }
  if (r.asPathTruncated) add('paths/truncated-path', 'The looking glass cut this path; checks cover only the part shown.');

  const otc = r.otc === undefined || !verify ? undefined : checkOtc(shape.hops, r.otc, data.relationships);
  if (otc?.verdict === 'leak') add('paths/otc-leak', `${otc.reason}. The sender must not announce OTC routes to providers or peers.`, otc.leakHop);
  const whatIf = r.otc === undefined && verify && data.relationships ? otcWhatIf(shape.hops, data.relationships) : undefined;

  const valley = data.relationships && verify ? checkValleyFree(shape.hops, data.relationships) : undefined;
  if (valley?.verdict === 'valley') add('paths/valley', `${valley.reason} (inferred relationships; confirm with ASPA).`, valley.leakHop);

  const aspa = data.aspa ? (unverified !== undefined ? unverifiedAspa(unverified) : aspaBoth(data.aspa, r.asPath, paths.size)) : undefined;
  if (aspa?.downstream.verdict === 'invalid') add('paths/aspa-invalid', `ASPA Invalid: ${aspa.downstream.reason}`, aspa.downstream.leakHop);
  else if (aspa?.upstream.verdict === 'invalid')
    add('paths/aspa-upstream-invalid', `ASPA upstream Invalid (a leak if the neighbour is a customer or peer): ${aspa.upstream.reason}`, aspa.upstream.leakHop);

  const origin = shape.asSets.length > 0 && r.asPath.at(-1)?.type === 'set' ? undefined : shape.hops.at(-1);
  const colorKey = shape.hops.join(' ') + shape.asSets.map((x) => ` {${x.join(',')}}`).join('');
  let color = colors.get(colorKey);
  if (color === undefined) colors.set(colorKey, (color = colors.size % PALETTE_SIZE));
  const level: PathLevel = {
    shape,
    ...(origin !== undefined ? { origin } : {}),
    color,
    findings: found,
    ...(otc ? { otc } : {}),
    ...(whatIf ? { otcWhatIf: whatIf } : {}),
    ...(valley ? { valley } : {}),
    ...(aspa ? { aspa } : {}),
    ...(unverified ? { unverified } : {}),
  };
  paths.set(key, level);
  return level;
}

/** Per-hop ASPA evidence is kept for every Invalid path, and for all paths up to this many. */
const EVIDENCE_PATHS = 5_000;

/**
 * Both directions. The upstream hops are exactly the downstream's up-ramp hops, so they are not kept twice;
 * on a full table the evidence of paths that are not Invalid is dropped after EVIDENCE_PATHS distinct paths
 * (verdict and reason stay): it would be most of the model's memory, and the graph is aggregated by then.
 */
function aspaBoth(check: NonNullable<PathData['aspa']>, segments: LgRoute['asPath'], seen: number): NonNullable<RouteAnalysis['aspa']> {
  const detail = seen < EVIDENCE_PATHS;
  const upstream = check(segments, 'upstream', detail);
  const downstream = check(segments, 'downstream', detail);
  return { upstream: upstream.hops.length > 0 ? { ...upstream, hops: [] } : upstream, downstream };
}

/** A route before the graph gives it its node ids. */
type RouteDraft = Omit<RouteAnalysis, 'nodeIds'> & { nodeIds: readonly string[] };

/**
 * Every key is always present (undefined when absent, which JSON drops), so all routes share one object
 * shape and stay compact in a 100k-route model.
 */
function analyzeRoute(r: LgRoute, index: number, key: string, data: PathData, cache: PathCache, findings: PathFinding[]): RouteDraft {
  const p = pathLevel(r, key, data, cache);
  const { shape, origin } = p;
  const line = r.lines.start;
  const first = findings.length;
  const add = (f: Finding): void => void findings.push({ ...f, severity: severityOf(f.code), route: index, line });
  p.findings.forEach(add);
  // The router's own networks (empty path) are often private space: a bogon only matters when received.
  const bogon = p.unverified === 'local' ? undefined : bogonReason(r.prefix);
  if (bogon) add({ code: 'paths/bogon-prefix', message: `${r.prefix} is ${bogon}; filter it on every eBGP session.` });
  const rov = data.rov && origin !== undefined ? data.rov(r.prefix, origin as Asn) : undefined;
  if (rov === 'invalid') add({ code: 'paths/rov-invalid', message: `ROV Invalid: no VRP allows ${r.prefix} from AS${origin}.` });
  const checked = data.policy && shape.hops.length > 1 ? data.policy(r.prefix, shape.hops) : undefined;
  const policy = checked && checked.length > 0 ? checked : undefined;
  for (const x of policy ?? []) if (x.verdict === 'mismatch') add({ code: 'paths/policy-mismatch', message: x.reason, hop: x.hop });

  const mine = findings.slice(first);
  const verdict: RouteVerdict = mine.some((f) => f.severity === 'error')
    ? 'leak'
    : mine.some((f) => f.severity === 'warning')
      ? 'warning'
      : mine.length > 0
        ? 'notice'
        : 'ok';
  return {
    index,
    prefix: r.prefix,
    lines: r.lines,
    asPathText: r.asPathText,
    truncated: r.asPathTruncated ?? false,
    hops: shape.hops,
    origin,
    neighbor: shape.hops[0],
    length: shape.length,
    prepends: shape.prepends,
    loops: shape.loops,
    specialAsns: shape.specialAsns,
    bogon,
    asSets: shape.asSets,
    confed: shape.confed,
    otc: p.otc,
    otcWhatIf: p.otcWhatIf,
    aspa: p.aspa,
    valley: p.valley,
    rov,
    policy,
    color: p.color,
    best: r.best ?? false,
    verdict,
    unverified: p.unverified,
    nodeIds: [],
  };
}

const ABSENT: DataSetStatus = { loaded: false, count: 0, sources: [], errors: [] };

function dataStatus(data: PathData): DataStatus {
  const s = data.status ?? {};
  const present = (has: boolean, count: number, given: DataSetStatus | undefined): DataSetStatus =>
    given ?? (has ? { loaded: true, count, sources: [], errors: [] } : ABSENT);
  return {
    aspa: present(data.aspa !== undefined, 0, s.aspa),
    rov: present(data.rov !== undefined, 0, s.rov),
    relationships: present(data.relationships !== undefined, data.relationships?.size ?? 0, s.relationships),
    names: present(data.names !== undefined, data.names?.size ?? 0, s.names),
    policy: present(data.policy !== undefined, 0, s.policy),
  };
}
