import type { Severity } from '../diagnostics/diagnostic';
import type { AsPathSegment, LgParseResult, LgRoute } from '../lg/types';
import type { Asn } from '../net/asn';
import { bogonReason } from './bogons';
import { pathCodes } from './codes';
import { buildGraph } from './graph';
import { layoutGraph } from './layout';
import type { AspaCheck, DataSetStatus, DataStatus, Hop, PathFinding, PathsModel, PolicyHopResult, RouteAnalysis, RouteVerdict } from './model';
import { PALETTE_SIZE } from './model';
import { checkOtc, otcWhatIf } from './otc';
import { pathShape } from './pathShape';
import type { Relationships } from './relationships';
import { checkValleyFree, propagationHops } from './valleyFree';

/**
 * The data the analysis may use. Each part is optional: a missing one leaves its column out of the
 * model. Verifiers from other areas are passed in already bound to their data, so this module does not
 * care where the ASPAs, VRPs or aut-nums came from.
 */
export interface PathData {
  /** ASPA verification (core/aspa) of the whole path in one direction. */
  readonly aspa?: (segments: readonly AsPathSegment[], direction: 'upstream' | 'downstream') => AspaCheck;
  /** Route-origin validation (core/rpki). */
  readonly rov?: (prefix: string, origin: Asn) => 'valid' | 'invalid' | 'not-found';
  readonly relationships?: Relationships;
  readonly names?: ReadonlyMap<number, string>;
  /** RPSL policy per hop (core/policy), vantage-side hops last. */
  readonly policy?: (prefix: string, hops: readonly Hop[]) => readonly PolicyHopResult[];
  /** What was loaded and what failed, shown by the panel as is. */
  readonly status?: Partial<DataStatus>;
}

const SEVERITY: ReadonlyMap<string, Severity> = new Map(pathCodes.map((c) => [c.code, c.severity]));
const LONG_PREPEND = 5;

export function analyzePaths(parse: LgParseResult, data: PathData = {}): PathsModel {
  const findings: PathFinding[] = [];
  const colors = new Map<string, number>();
  const analysed = parse.routes.map((r, i) => analyzeRoute(r, i, data, colors, findings));
  const { graph, nodeIds } = buildGraph(analysed, parse.routes, data);
  layoutGraph(graph);
  const routes = analysed.map((r, i) => ({ ...r, nodeIds: nodeIds[i] ?? [] }));
  return { version: 1, format: parse.format, routes, findings, unparsed: parse.unparsed, graph, data: dataStatus(data) };
}

function analyzeRoute(r: LgRoute, index: number, data: PathData, colors: Map<string, number>, findings: PathFinding[]): Omit<RouteAnalysis, 'nodeIds'> {
  const shape = pathShape(r.asPath);
  const line = r.lines.start;
  const add = (code: string, message: string, hop?: Hop): void => {
    findings.push({ code, severity: SEVERITY.get(code) ?? 'warning', message, route: index, line, ...(hop ? { hop } : {}) });
  };
  const origin = shape.asSets.length > 0 && r.asPath.at(-1)?.type === 'set' ? undefined : shape.hops.at(-1);
  const key = shape.hops.join(' ') + shape.asSets.map((s) => ` {${s.join(',')}}`).join('');
  if (!colors.has(key)) colors.set(key, colors.size % PALETTE_SIZE);

  for (const p of shape.prepends)
    if (p.count >= LONG_PREPEND) add('paths/long-prepend', `AS${p.asn} is prepended ×${p.count}; the path counts ${shape.length.raw} ASes but only ${shape.length.collapsed} distinct hops.`);
  for (const a of shape.loops) add('paths/loop', `AS${a} appears twice with other ASes between: a loop or a poisoned path.`);
  for (const s of shape.specialAsns) add('paths/reserved-asn', `AS${s.asn} is ${s.kind} (${s.rfc}) and must not appear in a public path; filter or strip it.`);
  if (shape.asSets.length > 0 || shape.confed) add('paths/as-set', 'The path carries an AS_SET or confederation segment, deprecated by RFC 9774; ROV and ASPA cannot verify it.');
  if (r.asPathTruncated) add('paths/truncated-path', 'The looking glass cut this path; checks cover only the part shown.');
  const bogon = bogonReason(r.prefix);
  if (bogon) add('paths/bogon-prefix', `${r.prefix} is ${bogon}; filter it on every eBGP session.`);

  const otc = r.otc === undefined ? undefined : checkOtc(shape.hops, r.otc, data.relationships);
  if (otc?.verdict === 'leak') add('paths/otc-leak', `${otc.reason}. The sender must not announce OTC routes to providers or peers.`, otc.leakHop);
  const whatIf = r.otc === undefined && data.relationships ? otcWhatIf(shape.hops, data.relationships) : undefined;

  const valley = data.relationships ? checkValleyFree(shape.hops, data.relationships) : undefined;
  if (valley?.verdict === 'valley') add('paths/valley', `${valley.reason} (inferred relationships; confirm with ASPA).`, valley.leakHop);

  const aspa = data.aspa ? { upstream: data.aspa(r.asPath, 'upstream'), downstream: data.aspa(r.asPath, 'downstream') } : undefined;
  if (aspa?.downstream.verdict === 'invalid') add('paths/aspa-invalid', `ASPA Invalid: ${aspa.downstream.reason}`, aspa.downstream.leakHop);
  else if (aspa?.upstream.verdict === 'invalid')
    add('paths/aspa-upstream-invalid', `ASPA upstream Invalid (a leak if the neighbour is a customer or peer): ${aspa.upstream.reason}`, aspa.upstream.leakHop);

  const rov = data.rov && origin !== undefined ? data.rov(r.prefix, origin as Asn) : undefined;
  if (rov === 'invalid') add('paths/rov-invalid', `ROV Invalid: no VRP allows ${r.prefix} from AS${origin}.`);

  const policy = data.policy && shape.hops.length > 1 ? data.policy(r.prefix, propagationHops(shape.hops)) : undefined;
  for (const p of policy ?? []) if (p.verdict === 'mismatch') add('paths/policy-mismatch', p.reason, p.hop);

  const mine = findings.filter((f) => f.route === index);
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
    ...(origin !== undefined ? { origin } : {}),
    ...(shape.hops[0] !== undefined ? { neighbor: shape.hops[0] } : {}),
    length: shape.length,
    prepends: shape.prepends,
    loops: shape.loops,
    specialAsns: shape.specialAsns,
    ...(bogon ? { bogon } : {}),
    asSets: shape.asSets,
    confed: shape.confed,
    ...(otc ? { otc } : {}),
    ...(whatIf ? { otcWhatIf: whatIf } : {}),
    ...(aspa ? { aspa } : {}),
    ...(valley ? { valley } : {}),
    ...(rov ? { rov } : {}),
    ...(policy ? { policy } : {}),
    color: colors.get(key) ?? 0,
    best: r.best ?? false,
    verdict,
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
