/**
 * Scoring of the parser against the real-output corpus in this folder: each `<platform>__<slug>.txt`
 * (raw text as published) has a sibling `.truth.json` whose routes were read by eye from the text.
 * The truth is never produced by our parser; this module only compares.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LgStreamParser } from '../../../server/src/core/lg/parse';
import { lgDiagnostics } from '../../support/lgDiagnostics';
import type { AsPathSegment, LgParseResult, LgRoute } from '../../../server/src/core/lg/types';

export const CORPUS_DIR = __dirname;

export interface TruthRoute {
  readonly prefix: string;
  /** Tokens as printed: `65001`, asdot `1.10`, AS_SET `{65001,65002}` or `{65001 65002}`, confederation `(65010 65020)`. */
  readonly as_path: readonly string[];
  readonly rd?: string;
  readonly vrf?: string;
  /** The source cut the path short (`...`): the printed part is all we know. */
  readonly truncated?: boolean;
  /**
   * Other readings the text honestly allows (Junos `[65000] I`: the path as stored, or as the eBGP peer
   * receives it with the bracketed local AS); a parser's path equal to one of them is right too.
   */
  readonly alt_paths?: readonly (readonly string[])[];
}

export interface Truth {
  readonly source: string;
  readonly licence?: string;
  readonly platform: string;
  readonly command: string;
  /** Set when the file was made from another corpus file by a documented transformation. */
  readonly derived_from?: string;
  readonly transformation?: string;
  /** Where the source itself cuts the output short: what is missing. */
  readonly truncated?: string;
  readonly routes: readonly TruthRoute[];
  /** Prefixes of non-BGP routes the output also prints (Junos Direct/Static …): a parser may report them with an empty path. */
  readonly non_bgp?: readonly string[];
  /** Rows at the start of an excerpt that continue a prefix printed before it: a parser may report them without a prefix. */
  readonly orphan_rows?: number;
  readonly notes: string;
}

export interface CorpusFile {
  readonly name: string;
  readonly platform: string;
  readonly text: string;
  readonly truth: Truth;
}

export function loadCorpus(dir = CORPUS_DIR): CorpusFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.txt'.length);
      const truth = JSON.parse(readFileSync(path.join(dir, `${name}.truth.json`), 'utf8')) as Truth;
      return { name, platform: name.split('__')[0] ?? '', text: readFileSync(path.join(dir, f), 'utf8'), truth };
    });
}

/**
 * Parses as `routelens paths` does (server/src/cli/paths.ts): the stream parser fed in 1 MiB chunks.
 */
export function parseAsCli(text: string): LgParseResult {
  const parser = new LgStreamParser({});
  const CHUNK = 1 << 20;
  for (let i = 0; i < text.length; i += CHUNK) parser.push(text.slice(i, i + CHUNK));
  return parser.end();
}

/** asplain value of a printed ASN (asplain or asdot), undefined when it is none. */
function asnOf(tok: string): number | undefined {
  const dot = /^(\d+)\.(\d+)$/.exec(tok);
  if (dot !== null) {
    const hi = Number(dot[1]);
    const lo = Number(dot[2]);
    return hi <= 65535 && lo <= 65535 ? hi * 65536 + lo : undefined;
  }
  if (!/^\d+$/.test(tok)) return undefined;
  const v = Number(tok);
  return v <= 4294967295 ? v : undefined;
}

const OPEN: Readonly<Record<string, { close: string; type: AsPathSegment['type'] }>> = {
  '{': { close: '}', type: 'set' },
  '(': { close: ')', type: 'confed-sequence' },
  '[': { close: ']', type: 'confed-set' },
};

/** The truth's tokens as one canonical string: `1 2 {3 4} (5)`. Throws on a token that is no ASN. */
export function canonicalTruthPath(tokens: readonly string[]): string {
  const text = tokens.join(' ').replace(/,/g, ' ');
  const out: string[] = [];
  const re = /([{([])|([})\]])|([^\s{}()[\]]+)/g;
  let open: { close: string; type: AsPathSegment['type'] } | undefined;
  let seg: number[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] !== undefined) {
      open = OPEN[m[1]];
      seg = [];
    } else if (m[2] !== undefined) {
      if (open === undefined || m[2] !== open.close) throw new Error(`unbalanced ${m[2]} in ${text}`);
      out.push(segmentText(open.type, seg));
      open = undefined;
    } else {
      const v = asnOf(m[3] as string);
      if (v === undefined) throw new Error(`truth token '${m[3]}' is no AS number`);
      if (open !== undefined) seg.push(v);
      else out.push(String(v));
    }
  }
  if (open !== undefined) throw new Error(`unclosed segment in ${text}`);
  return out.join(' ');
}

function segmentText(type: AsPathSegment['type'], asns: readonly number[]): string {
  const body = asns.join(' ');
  switch (type) {
    case 'sequence':
      return body;
    case 'set':
      return `{${body}}`;
    case 'confed-sequence':
      return `(${body})`;
    case 'confed-set':
      return `[${body}]`;
  }
}

export function canonicalRoutePath(r: LgRoute): string {
  return r.asPath
    .map((s) => segmentText(s.type, s.asns))
    .filter((s) => s !== '')
    .join(' ');
}

/** Fields the parser is adding for this issue (branch h12p); read loosely so this test builds before and after. */
type RouteExtras = LgRoute & { readonly pathUncertain?: string; readonly rd?: string; readonly vrf?: string };

/** A route the parser marked as read more than one way, on the route or by an `lg/uncertain-path` diagnostic on its lines. */
function uncertainRoutes(res: LgParseResult, text: string): Set<LgRoute> {
  const lines = lgDiagnostics(res, text)
    .filter((d) => d.code === 'lg/uncertain-path')
    .map((d) => d.range.start.line);
  const out = new Set<LgRoute>();
  for (const r of res.routes as RouteExtras[]) {
    if (r.pathUncertain !== undefined && r.pathUncertain !== '') out.add(r);
    else if (lines.some((l) => l >= r.lines.start && l <= r.lines.end)) out.add(r);
  }
  return out;
}

/** `65000:1:10.0.0.0/24` or `192.0.2.1:7:10.0.0.0/24` → `10.0.0.0/24`; anything else unchanged. */
function stripRd(prefix: string): string {
  return /^(?:\d+|\d+\.\d+\.\d+\.\d+):\d+:(.+\/\d+)$/.exec(prefix)?.[1] ?? prefix;
}

export function normPrefix(p: string): string {
  return p.trim().toLowerCase();
}

export type Outcome = 'right' | 'wrong' | 'flagged' | 'missed';

export interface RouteScore {
  readonly file: string;
  readonly index: number;
  readonly truth: TruthRoute;
  readonly outcome: Outcome;
  /** The parser's path when it found the route. */
  readonly got?: string;
  readonly want: string;
  /** The parser printed an RD/VRF that differs from the truth (an absent field is only counted). */
  readonly rdWrong?: boolean;
  readonly rdAbsent?: boolean;
}

export interface FileScore {
  readonly file: string;
  readonly platform: string;
  readonly routes: readonly RouteScore[];
  /** Routes the parser gave that pair with no truth route: phantom routes. */
  readonly extra: readonly { readonly prefix: string; readonly path: string }[];
  readonly format: string;
}

function pathMatches(truth: TruthRoute, want: string, got: string): boolean {
  const ok = [want, ...(truth.alt_paths ?? []).map(canonicalTruthPath)];
  if (truth.truncated !== true) return ok.includes(got);
  return ok.some((w) => got === w || got.startsWith(`${w} `));
}

/**
 * Pairs the parser's routes with the truth's by prefix (and RD when the truth has one): first the pairs whose
 * paths agree, then the rest in order. A truth route without a partner is missed; a parser route without one is extra.
 */
export function scoreFile(file: CorpusFile): FileScore {
  const res = parseAsCli(file.text);
  const uncertain = uncertainRoutes(res, file.text);
  const got = (res.routes as RouteExtras[]).map((r) => ({ r, key: normPrefix(r.prefix), path: canonicalRoutePath(r), used: false }));
  const want = file.truth.routes.map((t, i) => ({ t, i, key: normPrefix(t.prefix), path: canonicalTruthPath(t.as_path) }));
  const partner = new Map<number, (typeof got)[number]>();
  const rdOk = (t: TruthRoute, r: RouteExtras): boolean => t.rd === undefined || r.rd === undefined || r.rd === t.rd;
  for (const w of want) {
    const g = got.find((x) => !x.used && x.key === w.key && rdOk(w.t, x.r) && pathMatches(w.t, w.path, x.path));
    if (g !== undefined) {
      g.used = true;
      partner.set(w.i, g);
    }
  }
  for (const w of want) {
    if (partner.has(w.i)) continue;
    const g = got.find((x) => !x.used && x.key === w.key && rdOk(w.t, x.r));
    if (g !== undefined) {
      g.used = true;
      partner.set(w.i, g);
    }
  }
  // A VPN prefix printed with its RD glued on (65000:1:10.0.0.0/24) and kept that way is the right route
  // with a wrong prefix: paired, so that it counts as wrong rather than as one missed and one extra.
  const glued = new Set<(typeof got)[number]>();
  for (const w of want) {
    if (partner.has(w.i)) continue;
    const g = got.find((x) => !x.used && stripRd(x.key) === w.key);
    if (g !== undefined) {
      g.used = true;
      glued.add(g);
      partner.set(w.i, g);
    }
  }
  const routes: RouteScore[] = want.map((w) => {
    const g = partner.get(w.i);
    if (g === undefined) return { file: file.name, index: w.i, truth: w.t, outcome: 'missed', want: w.path };
    if (glued.has(g)) return { file: file.name, index: w.i, truth: w.t, outcome: uncertain.has(g.r) ? 'flagged' : 'wrong', got: `${g.r.prefix} ${g.path}`, want: w.path };
    const right = pathMatches(w.t, w.path, g.path);
    const outcome: Outcome = right ? 'right' : uncertain.has(g.r) ? 'flagged' : 'wrong';
    return {
      file: file.name,
      index: w.i,
      truth: w.t,
      outcome,
      got: g.path,
      want: w.path,
      ...(w.t.rd !== undefined && g.r.rd !== undefined && g.r.rd !== w.t.rd ? { rdWrong: true } : {}),
      ...(w.t.rd !== undefined && g.r.rd === undefined ? { rdAbsent: true } : {}),
    };
  });
  const nonBgp = new Set((file.truth.non_bgp ?? []).map(normPrefix));
  let orphans = file.truth.orphan_rows ?? 0;
  const extra = got
    .filter((x) => !x.used && !(nonBgp.has(x.key) && x.path === ''))
    .filter((x) => !(x.key === '' && orphans-- > 0))
    .map((x) => ({ prefix: x.r.prefix, path: x.path }));
  return { file: file.name, platform: file.platform, routes, extra, format: res.format };
}

/** Stable name of a route for the known-wrong list: file, prefix, index in the truth. */
export function routeKey(s: RouteScore): string {
  return `${s.file}#${s.index}:${s.truth.prefix}`;
}

export interface PlatformRow {
  files: number;
  routes: number;
  right: number;
  flagged: number;
  wrong: number;
  missed: number;
  extra: number;
}

export function table(scores: readonly FileScore[]): Map<string, PlatformRow> {
  const rows = new Map<string, PlatformRow>();
  for (const f of scores) {
    const row = rows.get(f.platform) ?? { files: 0, routes: 0, right: 0, flagged: 0, wrong: 0, missed: 0, extra: 0 };
    row.files++;
    row.routes += f.routes.length;
    for (const r of f.routes) row[r.outcome]++;
    row.extra += f.extra.length;
    rows.set(f.platform, row);
  }
  return new Map([...rows.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function formatTable(rows: ReadonlyMap<string, PlatformRow>): string {
  const head = ['platform', 'files', 'routes', 'right', 'wrong path', 'flagged', 'missed', 'extra'];
  const body = [...rows.entries()].map(([p, r]) => [p, r.files, r.routes, r.right, r.wrong, r.flagged, r.missed, r.extra].map(String));
  const total = [...rows.values()].reduce(
    (a, r) => ({ files: a.files + r.files, routes: a.routes + r.routes, right: a.right + r.right, flagged: a.flagged + r.flagged, wrong: a.wrong + r.wrong, missed: a.missed + r.missed, extra: a.extra + r.extra }),
    { files: 0, routes: 0, right: 0, flagged: 0, wrong: 0, missed: 0, extra: 0 },
  );
  body.push(['TOTAL', total.files, total.routes, total.right, total.wrong, total.flagged, total.missed, total.extra].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}
