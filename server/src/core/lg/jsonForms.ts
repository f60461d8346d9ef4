import type { Asn } from '../net/asn';
import { asnValue, parseAsPathText, segmentsText } from './asPathText';
import { parseCommunity, parseCommunityList } from './communities';
import { repairJson } from './jsonRepair';
import { junosXmlToJson, looksLikeXml } from './junosXml';
import { finishDraft, newDraft, originWord, rpkiWord, type RouteDraft, type RouteSink } from './lineParser';
import type { AsPathSegment, Community, LgFormat } from './types';

/**
 * The JSON forms: RIPEstat looking-glass, Alice-LG and birdwatcher, OpenBGPD `bgpctl -j`, FRR `json`,
 * Arista `| json`, Junos `| display json` and GoBGP `-j`. Each is recognised by its top-level keys
 * (FORMS below, tried in order); routes are located in the text by their prefix to give line ranges.
 */

type Json = unknown;
function obj(x: Json): Record<string, Json> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, Json>) : undefined;
}
function arr(x: Json): Json[] {
  return Array.isArray(x) ? x : [];
}
function str(x: Json): string | undefined {
  return typeof x === 'string' ? x : typeof x === 'number' ? String(x) : undefined;
}
function num(x: Json): number | undefined {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  if (typeof x === 'string' && /^\d+$/.test(x)) return Number(x);
  return undefined;
}
/** Junos JSON wraps every value as `[{"data": "…"}]`. */
function jdata(x: Json): string | undefined {
  const first = arr(x)[0];
  return str(obj(first)?.data);
}

/** Finds the line of each route by searching for its prefix after the previous one. */
class Locator {
  private pos = 0;
  private line = 0;
  /** `xml`: values stand between tags (`>10.0.0.0/8<`), not in quotes. */
  constructor(
    private readonly text: string,
    private readonly xml = false,
  ) {}
  at(needle: string): number {
    const i = needle === '' ? -1 : this.text.indexOf(this.xml ? `>${needle}<` : `"${needle}"`, this.pos);
    if (i < 0) return this.line;
    for (let k = this.pos; k < i; k++) if (this.text.charCodeAt(k) === 10) this.line++;
    this.pos = i;
    return this.line;
  }
}

interface Ctx {
  readonly sink: RouteSink;
  readonly loc: Locator;
}

function emit(ctx: Ctx, d: RouteDraft): void {
  ctx.sink.step(1);
  ctx.sink.route(finishDraft(d));
}

function pathFromText(d: RouteDraft, text: string, originCode = false): void {
  d.path = parseAsPathText(text, { originCode, junos: originCode });
}

function pathFromNumbers(d: RouteDraft, asns: Json[]): void {
  const text = asns.map((a) => str(a) ?? '').join(' ');
  d.path = parseAsPathText(text);
}

function communitiesFrom(list: Json[]): Community[] {
  const out: Community[] = [];
  for (const c of list) {
    if (Array.isArray(c)) {
      const parsed = parseCommunity(c.map((x) => str(x) ?? '').join(':'));
      if (parsed !== undefined) out.push(parsed);
    } else if (typeof c === 'string') {
      const parsed = parseCommunity(c);
      out.push(parsed ?? { kind: 'extended', text: c });
    }
  }
  return out;
}

function ripestat(root: Record<string, Json>, ctx: Ctx): boolean {
  if (obj(root.data) === undefined || obj(root.data)?.rrcs === undefined) return false;
  ripestatRrcs(arr(obj(root.data)?.rrcs), ctx);
  return true;
}

/** RIPEstat's `data.rrcs`: also what scripts print of its answer, the list alone. */
function isRipestatRrcs(root: Json): boolean {
  const list = arr(root);
  return list.length > 0 && list.every((r) => typeof obj(r)?.rrc === 'string' && Array.isArray(obj(r)?.peers));
}

function ripestatRrcs(rrcs: Json[], ctx: Ctx): void {
  for (const rrc of rrcs) {
    for (const p of arr(obj(rrc)?.peers)) {
      const o = obj(p);
      if (o === undefined) continue;
      const prefix = str(o.prefix) ?? '';
      const d = newDraft(prefix, ctx.loc.at(prefix));
      pathFromText(d, str(o.as_path) ?? '');
      d.nextHop = str(o.next_hop);
      d.peerAddress = str(o.peer);
      d.origin = originWord(str(o.origin));
      d.communities = parseCommunityList(str(o.community) ?? '').communities;
      emit(ctx, d);
    }
  }
}

/** Alice-LG API responses and birdwatcher: arrays of `{network, gateway, bgp: {as_path, …}, primary}`. */
function alice(root: Record<string, Json>, ctx: Ctx): boolean {
  const keys = ['imported', 'filtered', 'not_exported', 'routes', 'routes_imported', 'routes_filtered', 'routes_not_exported'];
  const lists = keys.filter((k) => Array.isArray(root[k]));
  if (lists.length === 0) return false;
  const first = obj(arr(root[lists[0] ?? ''])[0]);
  if (first !== undefined && first.network === undefined) return false;
  for (const k of lists) {
    for (const r of arr(root[k])) {
      const o = obj(r);
      if (o === undefined) continue;
      const bgp = obj(o.bgp) ?? {};
      const prefix = str(o.network) ?? '';
      const d = newDraft(prefix, ctx.loc.at(prefix));
      const ap = bgp.as_path;
      if (Array.isArray(ap)) pathFromNumbers(d, ap);
      else pathFromText(d, str(ap) ?? '');
      d.nextHop = str(bgp.next_hop) ?? str(o.gateway);
      d.origin = originWord(str(bgp.origin));
      d.localPref = num(bgp.local_pref);
      d.med = num(bgp.med);
      d.communities = [...communitiesFrom(arr(bgp.communities)), ...communitiesFrom(arr(bgp.large_communities)), ...communitiesFrom(arr(bgp.ext_communities))];
      if (typeof o.primary === 'boolean') d.best = o.primary;
      const otc = asnValue(str(bgp.otc) ?? '');
      if (otc !== undefined) d.otc = otc as Asn;
      emit(ctx, d);
    }
  }
  return true;
}

function openbgpd(root: Record<string, Json>, ctx: Ctx): boolean {
  if (!Array.isArray(root.rib)) return false;
  for (const r of arr(root.rib)) {
    const o = obj(r);
    if (o === undefined) continue;
    const prefix = str(o.prefix) ?? '';
    const d = newDraft(prefix, ctx.loc.at(prefix));
    pathFromText(d, str(o.aspath) ?? '');
    d.nextHop = str(o.exit_nexthop) ?? str(o.true_nexthop);
    d.peerAddress = str(obj(o.neighbor)?.remote_addr);
    d.origin = originWord(str(o.origin));
    d.localPref = num(o.localpref);
    d.med = num(o.metric);
    d.weight = num(o.weight);
    if (typeof o.valid === 'boolean') d.valid = o.valid;
    if (typeof o.best === 'boolean') d.best = o.best;
    d.rpki = rpkiWord(str(o.ovs));
    const avs = str(o.avs);
    if (avs === 'valid' || avs === 'invalid' || avs === 'unknown') d.aspa = avs;
    const otc = asnValue(str(o.otc) ?? '');
    if (otc !== undefined) d.otc = otc as Asn;
    d.communities = [...communitiesFrom(arr(o.communities)), ...communitiesFrom(arr(o.large_communities)), ...communitiesFrom(arr(o.extended_communities))];
    emit(ctx, d);
  }
  return true;
}

/** FRR: `show bgp json` (`routes: {prefix: [path]}`) and `show bgp <prefix> json` (`prefix`, `paths`). */
function frrPath(ctx: Ctx, prefix: string, p: Record<string, Json>, where: FrrWhere): void {
  const d = newDraft(prefix, ctx.loc.at(prefix));
  d.rd = where.rd;
  d.vrf = where.vrf;
  const ap = p.aspath ?? p.path;
  pathFromText(d, str(obj(ap)?.string) ?? str(ap) ?? '');
  const nh = obj(arr(p.nexthops)[0]);
  d.nextHop = str(nh?.ip) ?? str(p.nexthop);
  d.origin = originWord(str(p.origin));
  d.localPref = num(p.locPrf) ?? num(p.localpref);
  d.med = num(p.metric) ?? num(p.med);
  d.weight = num(p.weight);
  if (typeof p.valid === 'boolean') d.valid = p.valid;
  const best = p.bestpath;
  d.best = best === true || obj(best)?.overall === true;
  if (p.multipath === true) d.multipath = true;
  d.peerAddress = str(p.peerId) ?? str(obj(p.peer)?.peerId);
  d.communities = [
    ...parseCommunityList(str(obj(p.community)?.string) ?? '').communities,
    ...parseCommunityList(str(obj(p.largeCommunity)?.string) ?? '').communities,
    ...(str(obj(p.extendedCommunity)?.string) ?? '')
      .split(/\s+/)
      .filter((t) => t !== '')
      .map((text) => ({ kind: 'extended' as const, text })),
  ];
  const otc = num(p.otc);
  if (otc !== undefined) d.otc = otc as Asn;
  emit(ctx, d);
}

interface FrrWhere {
  readonly rd?: string;
  readonly vrf?: string;
}

/**
 * A route's paths: an array (`show bgp json`), or `{prefix, paths: [...]}` (`json detail` of one VRF).
 * `show ip bgp json detail` heads the array with the prefix's own `{prefix, version, advertisedTo}`,
 * which is no path.
 */
function frrPaths(x: Json): Record<string, Json>[] {
  const list = Array.isArray(x) ? x : arr(obj(x)?.paths);
  const out: Record<string, Json>[] = [];
  for (const p of list) {
    const o = obj(p);
    if (o !== undefined && (o.aspath !== undefined || o.path !== undefined || o.nexthops !== undefined || o.nexthop !== undefined)) out.push(o);
  }
  return out;
}

/** `routes: {prefix: paths}`, or for VPN tables `routes: {routeDistinguishers: {rd: {prefix: paths}}}`. */
function frrRoutes(ctx: Ctx, routes: Record<string, Json>, vrf: string | undefined): void {
  const byRd = obj(routes.routeDistinguishers);
  if (byRd !== undefined) {
    for (const [rd, table] of Object.entries(byRd)) {
      for (const [prefix, paths] of Object.entries(obj(table) ?? {})) for (const p of frrPaths(paths)) frrPath(ctx, prefix, p, { rd, vrf });
    }
    return;
  }
  for (const [prefix, paths] of Object.entries(routes)) for (const p of frrPaths(paths)) frrPath(ctx, prefix, p, { vrf });
}

function frr(root: Record<string, Json>, ctx: Ctx): boolean {
  if (frrVrf(root, ctx)) return true;
  // `show bgp vrf all … json`: one such object per VRF name.
  const vrfs = Object.values(root).map(obj);
  if (vrfs.length === 0 || !vrfs.every((v) => v !== undefined && typeof v.vrfName === 'string' && obj(v.routes) !== undefined)) return false;
  for (const v of vrfs) if (v !== undefined) frrVrf(v, ctx);
  return true;
}

function frrVrf(root: Record<string, Json>, ctx: Ctx): boolean {
  const routes = obj(root.routes);
  const vrfName = str(root.vrfName);
  const vrf = vrfName !== undefined && vrfName !== 'default' ? vrfName : undefined;
  if (routes !== undefined) {
    frrRoutes(ctx, routes, vrf);
    return true;
  }
  if (typeof root.prefix === 'string' && Array.isArray(root.paths)) {
    for (const p of frrPaths(root.paths)) frrPath(ctx, root.prefix, p, { vrf });
    return true;
  }
  return false;
}

function arista(root: Record<string, Json>, ctx: Ctx): boolean {
  const vrfs = obj(root.vrfs);
  if (vrfs === undefined) return false;
  for (const vrf of Object.values(vrfs)) {
    const entries = obj(obj(vrf)?.bgpRouteEntries) ?? {};
    for (const [prefix, e] of Object.entries(entries)) {
      for (const p of arr(obj(e)?.bgpRoutePaths)) {
        const o = obj(p) ?? {};
        const d = newDraft(prefix, ctx.loc.at(prefix));
        pathFromText(d, str(obj(o.asPathEntry)?.asPath) ?? '', true);
        d.nextHop = str(o.nextHop);
        const rt = obj(o.routeType) ?? {};
        if (typeof rt.active === 'boolean') d.best = rt.active;
        if (typeof rt.valid === 'boolean') d.valid = rt.valid;
        if (rt.ecmp === true) d.multipath = true;
        d.localPref = num(o.localPreference);
        d.med = num(o.med);
        d.weight = num(o.weight);
        d.communities = parseCommunityList(arr(obj(o.routeDetail)?.communityList).map((c) => str(c) ?? '').join(' ')).communities;
        emit(ctx, d);
      }
    }
  }
  return true;
}

function junos(root: Record<string, Json>, ctx: Ctx): boolean {
  const ri = root['route-information'];
  if (ri === undefined) return false;
  for (const info of arr(ri)) {
    for (const table of arr(obj(info)?.['route-table'])) {
      for (const rt of arr(obj(table)?.rt)) {
        const o = obj(rt) ?? {};
        const prefix = jdata(o['rt-destination']) ?? '';
        const plen = jdata(o['rt-prefix-length']);
        const full = plen !== undefined && !prefix.includes('/') ? `${prefix}/${plen}` : prefix;
        for (const e of arr(o['rt-entry'])) {
          const x = obj(e) ?? {};
          const proto = jdata(x['protocol-name']);
          if (proto !== undefined && proto !== 'BGP') continue;
          const d = newDraft(full, ctx.loc.at(prefix));
          pathFromText(d, (jdata(x['as-path']) ?? '').trim().replace(/^AS path:\s*/, ''), true);
          const nh = obj(arr(x.nh)[0]);
          d.nextHop = jdata(nh?.to) ?? jdata(x['protocol-nh']);
          d.best = jdata(x['active-tag']) === '*' || x['current-active'] !== undefined;
          d.localPref = num(jdata(x['local-preference']));
          d.med = num(jdata(x.med));
          const comms = arr(obj(arr(x.communities)[0])?.community).map((c) => str(obj(c)?.data) ?? '');
          d.communities = parseCommunityList(comms.join(' ')).communities;
          const peerAs = asnValue(jdata(x['peer-as']) ?? '');
          if (peerAs !== undefined) d.peerAsn = peerAs as Asn;
          emit(ctx, d);
        }
      }
    }
  }
  return true;
}

/** GoBGP `-j`: `{prefix: [{nlri, best, attrs: [{type: 2, as_paths: [...]}, {type: 3, nexthop}]}]}` or an array of those. */
const GOBGP_SEGMENT: Readonly<Record<number, AsPathSegment['type']>> = { 1: 'set', 2: 'sequence', 3: 'confed-sequence', 4: 'confed-set' };
function gobgpPath(ctx: Ctx, prefix: string, p: Record<string, Json>): void {
  const d = newDraft(prefix, ctx.loc.at(prefix));
  let text = '';
  for (const a of arr(p.attrs)) {
    const o = obj(a) ?? {};
    const type = num(o.type);
    if (type === 1) d.origin = (['igp', 'egp', 'incomplete'] as const)[num(o.value) ?? -1];
    else if (type === 2) {
      text = segmentsText(
        arr(o.as_paths).map((s) => {
          const seg = obj(s) ?? {};
          return { type: GOBGP_SEGMENT[num(seg.segment_type) ?? 2] ?? 'sequence', asns: arr(seg.asns).map((x) => str(x) ?? '') };
        }),
      );
    } else if (type === 3) d.nextHop = str(o.nexthop);
    else if (type === 4) d.med = num(o.metric);
    else if (type === 5) d.localPref = num(o.value);
    else if (type === 8) d.communities.push(...communitiesFrom(arr(o.communities).map((c) => (typeof c === 'number' ? `${Math.floor(c / 65536)}:${c % 65536}` : c))));
    else if (type === 35) {
      const v = num(o.value);
      if (v !== undefined) d.otc = v as Asn;
    } else if (type === 14) d.nextHop ??= str(arr(o.nexthop)[0]) ?? str(o.nexthop);
  }
  d.path = parseAsPathText(text);
  if (typeof p.best === 'boolean') d.best = p.best;
  d.peerAddress = str(p['neighbor-ip']);
  emit(ctx, d);
}

function gobgp(root: Json, ctx: Ctx): boolean {
  const o = obj(root);
  const entries: [string, Json][] = o !== undefined ? Object.entries(o) : arr(root).map((x) => [str(obj(obj(x)?.nlri)?.prefix) ?? '', [x]]);
  const looks = entries.some(([, v]) => arr(v).some((p) => Array.isArray(obj(p)?.attrs)));
  if (!looks) return false;
  for (const [prefix, paths] of entries) {
    for (const p of arr(paths)) {
      const po = obj(p) ?? {};
      gobgpPath(ctx, prefix || str(obj(po.nlri)?.prefix) || '', po);
    }
  }
  return true;
}

/** Tried in order; the first whose keys match reads the document. */
const FORMS: readonly { readonly format: LgFormat; readonly read: (root: Record<string, Json>, ctx: Ctx) => boolean }[] = [
  { format: 'ripestat-json', read: ripestat },
  { format: 'openbgpd-json', read: openbgpd },
  { format: 'alice-json', read: alice },
  { format: 'frr-json', read: frr },
  { format: 'arista-json', read: arista },
  { format: 'junos-json', read: junos },
  { format: 'gobgp-json', read: gobgp },
];

/**
 * Junos `| display xml`, read in the shape Junos gives it as `| display json`. A paste may hold several
 * replies (`| display xml rpc` first, then the output; two commands): each `rpc-reply` is read.
 */
function parseJunosXml(text: string, sink: RouteSink): LgFormat {
  const doc = junosXmlToJson(text);
  const replies: Record<string, Json>[] = [];
  for (const r of arr(doc?.['rpc-reply'])) {
    const o = obj(r);
    if (o !== undefined) replies.push(o);
  }
  const roots: Record<string, Json>[] = replies.length > 0 ? replies : doc !== undefined ? [doc] : [];
  const ctx: Ctx = { sink, loc: new Locator(text, true) };
  let read = false;
  for (const root of roots) if (junos(root, ctx)) read = true;
  if (!read) {
    sink.unparsed({ line: 0, text: text.slice(0, 200), reason: doc === undefined ? 'XML whose tags do not nest' : 'XML of an unknown looking-glass format' });
    return 'unknown';
  }
  return 'junos-xml';
}

/** The document, repaired when a terminal wrapped it or the paste cut it short (jsonRepair.ts); throws when it cannot be read. */
function readJson(text: string, sink: RouteSink): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    const fixed = repairJson(text);
    if (fixed === undefined) throw e;
    const root = JSON.parse(fixed.text) as Json;
    if (fixed.cutAt !== undefined) {
      let line = 0;
      let from = 0;
      for (let i = text.indexOf('\n'); i >= 0 && i < fixed.cutAt; i = text.indexOf('\n', i + 1)) {
        line++;
        from = i + 1;
      }
      const to = text.indexOf('\n', from);
      sink.unparsed({ line, text: text.slice(from, to < 0 ? text.length : to).slice(0, 200), reason: 'the JSON document ends before its brackets close: read up to the last value closed on this line' });
    }
    return root;
  }
}

/** Reads a JSON paste; returns the format it was, or 'unknown' (with the document reported unparsed). Throws only on invalid JSON. */
export function parseJsonLg(text: string, sink: RouteSink, format?: LgFormat): LgFormat {
  if (looksLikeXml(text)) return parseJunosXml(text, sink);
  const root = readJson(text, sink);
  const ctx: Ctx = { sink, loc: new Locator(text) };
  const o = obj(root);
  if (o === undefined) {
    if (isRipestatRrcs(root)) {
      ripestatRrcs(arr(root), ctx);
      return 'ripestat-json';
    }
    if (gobgp(root, ctx)) return 'gobgp-json';
    sink.unparsed({ line: 0, text: text.slice(0, 200), reason: 'JSON of an unknown looking-glass format' });
    return 'unknown';
  }
  const forms = format !== undefined ? FORMS.filter((f) => f.format === format || (format === 'birdwatcher-json' && f.format === 'alice-json')) : FORMS;
  for (const f of forms) {
    if (f.read(o, ctx)) {
      // Alice-LG answers carry `api.version` and split routes into imported/filtered; birdwatcher has `routes`.
      if (f.format === 'alice-json' && obj(o.api)?.version === undefined && Array.isArray(o.routes)) return 'birdwatcher-json';
      return f.format;
    }
  }
  sink.unparsed({ line: 0, text: text.slice(0, 200), reason: 'JSON of an unknown looking-glass format' });
  return 'unknown';
}
