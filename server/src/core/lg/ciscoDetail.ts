import type { Asn } from '../net/asn';
import { isPathLine } from './aspathList';
import { asnValue, parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken, withClassfulLength } from './address';
import { parseCommunityList } from './communities';
import { isChromeLine } from './lineClean';
import { rdLine, splitRd, vrfLine } from './routeDistinguisher';
import { finishDraft, newDraft, originWord, rpkiWord, uint, type LineParser, type RouteDraft, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/**
 * The per-prefix detail form shared, with variations, by Cisco IOS `show ip bgp <prefix>`, FRR
 * `show bgp <prefix>`, Arista `show ip bgp <prefix> detail`, NX-OS `show bgp … detail` and OpenBGPD
 * `bgpctl show rib detail`: an entry line with the prefix, then per path an AS-path line, a next-hop
 * line, an `Origin …, localpref …, valid, best` line and attribute lines.
 */

/** (The `B` is optional: Cumulus Linux documents FRR output as `GP routing table entry for …`, the first letter lost to the terminal.) */
const ENTRY = /^\s*B?GP routing table entry for (\S+?)(?:,|\s|$)/;
/** NX-OS starts each path with its type and says whether it is the best. */
const NXOS_PATH = /^\s+Path type: ([^,]+),(.*)$/;
const NXOS_ASPATH = /^\s+AS-Path: (.*)$/;
const NEXT_HOP = /^\s+(\S+)(?: \(metric \d+\))?(?: \(inaccessible\))? from (\S+) \(([^)]*)\)/;
const OPENBGPD_NEXT_HOP = /^\s+Nexthop (\S+) \(via ([^)]*)\) (?:Neighbor|from) (\S+)/;
const ORIGIN = /^\s+Origin (\w+)(.*)$/;
const COMMUNITY = /^\s+(Community|Communities|Large Community|Large Communities|Extended Community|Ext\. Communities|Extended Communities|Extcommunity|Ext Community):\s*(.*)$/;
const OTC = /^\s+(?:OTC|Only to Customer|Only-to-Customer|OnlyToCustomer):?\s*(\S+)/i;
const ADVERTISED = /^\s*(?:Advertised to|Not advertised to|Path-id \d+ advertised to|Path-id \d+ not advertised)/;

/** Indented lines of the detail form that carry nothing a route needs. */
const KNOWN = [
  /^\s*Paths: /,
  // FRR's second next-hop line: the link-local address of an IPv6 next hop, `(fe80::1) (used)`.
  /^\s+\([0-9A-Fa-f:.]+\)(?:\s+\(used\))?\s*$/,
  /^\s*Total number of prefixes \d+/,
  /^\s*Flags: /,
  /^\s+(?:Refresh Epoch|rx pathid|Last update|Rx SAFI|Advertised path-id|AddPath ID|Originator|Cluster list|Cluster List|Atomic|Aggregator|AS-path|Local label|mpls labels|Extended community|Connector Attribute|Tunnel|Received (?:Path ID|label)|Path identifier|Remote label|Updated on|Local|Imported|Receive|Import|Origin-validation|Rpki|Path not|Aggregator|Update|Multipath|Tx SAFI|Not advertised|Label|Received|Rx path id|Aggregated by|Path-id|VRF|Nexthop|Next-?hop|Gateway)/i,
  /^\s+\d+ Contributing routes?:/,
  /^\s+\S+\s+Proto: /,
  /^\s*BGP routing table information for /,
  /^\s*Router identifier /,
  /^\s+Path type: /,
  // IOS-XR's entry header.
  /^\s*(?:Versions:|Last Modified:|Path #\d+:)/,
  /^\s+(?:Process\s+bRIB|Speaker\s+\d)/,
];

/** FRR's list of peers a path was advertised to: addresses or `hostname(interface)` names, never a path's ASNs. */
function isPeerList(body: string): boolean {
  return body.split(/\s+/).every((t) => isAddress(t) || /^[\w.-]+\([\w.:/-]+\)$/.test(t));
}

/** Where a note such as ` (aggregated by 65001 192.0.2.1)` starts at the end of a path line, else -1. */
function trailingNote(s: string): number {
  const open = s.lastIndexOf('(');
  if (open < 0 || !/^\([A-Za-z][^()]*\)\s*$/.test(s.slice(open))) return -1;
  let i = open;
  while (i > 0 && (s.charCodeAt(i - 1) === 32 || s.charCodeAt(i - 1) === 9)) i--;
  return i;
}

export class CiscoDetailParser implements LineParser {
  private prefix: string | undefined;
  private rd: string | undefined;
  private vrf: string | undefined;
  private cur: RouteDraft | undefined;
  private advertised = false;
  private contributing = false;
  /**
   * A line that reads as an AS path but was not taken as one (indented unlike a path line, or right
   * after a list of peers): if the next path then starts without a path line, this is most likely its
   * path, which the route gets with its doubt said, never silently an empty one.
   */
  private maybePath: { readonly text: string; readonly line: number; readonly indent: number } | undefined;
  /** Inside an entry that is no IP route (EVPN, flowspec). */
  private foreign = false;
  /** The last community line read, which the next line may continue. */
  private communityLine: { kind: string; indent: number; line: number } | undefined;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    const entry = ENTRY.exec(s);
    if (entry !== null) {
      this.flush();
      const glued = splitRd((entry[1] ?? '').replace(/,$/, ''));
      const p = glued.prefix;
      // An entry of another address family (an EVPN `[5]:[0]:[0]:[24]:[192.0.2.0]/224`, a flowspec
      // rule) is no IP route: its lines are passed over up to the next entry.
      this.foreign = !isPrefixToken(p);
      this.prefix = this.foreign ? undefined : withClassfulLength(p);
      if (glued.rd !== undefined) this.rd = glued.rd;
      this.advertised = false;
      this.contributing = false;
      return;
    }
    const rd = rdLine(s);
    if (rd !== undefined) {
      this.flush();
      this.rd = rd.rd;
      if (rd.vrf !== undefined) this.vrf = rd.vrf;
      this.foreign = false;
      return;
    }
    const vrf = vrfLine(s);
    if (vrf !== undefined) {
      this.flush();
      this.vrf = vrf.vrf;
      this.rd = undefined;
      this.foreign = false;
      return;
    }
    if (isChromeLine(s) || this.foreign) return;
    if (this.prefix !== undefined && this.routeLine(s, n)) return;
    for (const re of KNOWN) {
      if (!re.test(s)) continue;
      // Attribute lines extend the path they follow; `Refresh Epoch` already belongs to the next one.
      if (this.cur !== undefined && /^\s/.test(s) && !/^\s*(?:Refresh Epoch|Paths:)/.test(s)) this.cur.end = n;
      return;
    }
    this.sink.unparsed({ line: n, text: s, reason: 'not part of a BGP detail entry' });
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    const d = this.cur;
    if (d === undefined) return;
    this.cur = undefined;
    this.sink.route(finishDraft(d));
  }

  /** The AS path printed on line `s` from column `indent`, a trailing note such as `(received-only)` left out. */
  private readPath(d: RouteDraft, s: string, n: number, indent: number): void {
    const note = trailingNote(s);
    d.path = parseAsPathText(s, {}, indent, note >= 0 ? note : s.length);
    d.pathLine = n;
  }

  private start(n: number): RouteDraft {
    this.flush();
    this.maybePath = undefined;
    const d = newDraft(this.prefix ?? '', n);
    d.rd = this.rd;
    d.vrf = this.vrf;
    this.cur = d;
    this.contributing = false;
    return d;
  }

  private routeLine(s: string, n: number): boolean {
    if (ADVERTISED.test(s)) {
      // Only 'Advertised to …:' is followed by a list (peers, update-group numbers); after 'Not advertised
      // to any peer' the next bare number is the AS path, however a paste indented it.
      this.advertised = !/^\s*(?:Not advertised|Path-id \d+ not advertised)/.test(s);
      return true;
    }
    const nxType = NXOS_PATH.exec(s);
    if (nxType !== null) {
      const d = this.start(n);
      const rest = nxType[2] ?? '';
      d.best = /\bis best path\b/.test(rest);
      d.valid = /\bpath is valid\b/.test(rest);
      if (/\bmultipath\b/.test(rest)) d.multipath = true;
      this.advertised = false;
      return true;
    }
    const nxPath = NXOS_ASPATH.exec(s);
    if (nxPath !== null) {
      const d = this.cur ?? this.start(n);
      const at = s.indexOf('AS-Path:') + 'AS-Path:'.length;
      d.path = parseAsPathText(s, {}, at, s.length);
      d.pathLine = n;
      d.end = n;
      return true;
    }
    const indent = s.length - s.trimStart().length;
    const body = s.trim();
    if (this.advertised && ((indent >= 3 && /^[\d\s.:a-fA-F]+$/.test(body)) || (indent >= 2 && isPeerList(body)))) {
      if (body.split(/\s+/).every((t) => /^\d+$/.test(t)) && this.isPath(body)) this.maybePath = { text: s, line: n, indent };
      return true;
    }
    if (this.format !== 'cisco-nxos-detail' && indent >= 1 && indent <= 4 && this.isPath(body)) {
      this.advertised = false;
      const d = this.start(n);
      this.readPath(d, s, n, indent);
      return true;
    }
    if (this.format !== 'cisco-nxos-detail' && indent > 4 && /^\d/.test(body) && this.isPath(body)) {
      this.maybePath = { text: s, line: n, indent };
      return true;
    }
    const nhLine = NEXT_HOP.exec(s) ?? OPENBGPD_NEXT_HOP.exec(s);
    if (nhLine !== null && (this.cur === undefined || this.cur.nextHop !== undefined)) {
      // A locally originated path prints no AS-path line: its next-hop line starts it.
      const maybe = this.maybePath;
      const d = this.start(n);
      if (maybe !== undefined) {
        this.readPath(d, maybe.text, maybe.line, maybe.indent);
        d.start = maybe.line;
        d.uncertain = `line ${maybe.line + 1} ('${maybe.text.trim()}') was read as this path's AS path, but it is indented unlike a path line or follows a list of peers: the path may be another`;
      }
    }
    const d = this.cur;
    if (d === undefined) return false;
    if (this.contributing) {
      // Arista lists the routes an aggregate was built from; their lines are not this path's attributes.
      if (/^\s{6,}/.test(s)) {
        d.end = n;
        return true;
      }
    }
    const nh = NEXT_HOP.exec(s) ?? null;
    if (nh !== null && (isAddress(nh[1] ?? '') || nh[1] === '::')) {
      d.nextHop = nh[1];
      if (isAddress(nh[2] ?? '')) d.peerAddress = nh[2];
      d.end = n;
      return true;
    }
    const ob = OPENBGPD_NEXT_HOP.exec(s);
    if (ob !== null) {
      d.nextHop = ob[1];
      if (isAddress(ob[3] ?? '')) d.peerAddress = ob[3];
      d.end = n;
      return true;
    }
    const o = ORIGIN.exec(s);
    if (o !== null) {
      d.origin = originWord(o[1]);
      this.attributes(d, o[2] ?? '');
      d.end = n;
      return true;
    }
    const c = COMMUNITY.exec(s);
    const more = c === null ? this.communityContinuation(s, n) : undefined;
    if (c !== null || more !== undefined) {
      const kind = c !== null ? (c[1] ?? '') : (more?.kind ?? '');
      const list = c !== null ? (c[2] ?? '') : s.trim();
      if (kind.startsWith('Ext')) {
        // Extended communities keep their printed form, one per token (`RT:65000:1`, `rt 65000:1`).
        for (const tok of list.split(/\s+(?=[A-Za-z])/)) if (tok.trim() !== '') d.communities.push({ kind: 'extended', text: tok.trim() });
      } else d.communities.push(...parseCommunityList(list).communities);
      this.communityLine = { kind, indent: c !== null ? s.length - s.trimStart().length : (more?.indent ?? 0), line: n };
      d.end = n;
      return true;
    }
    const rov = /^\s+Origin-AS validity:\s*(\S+)/.exec(s);
    if (rov !== null) {
      d.rpki = rpkiWord(rov[1]);
      d.end = n;
      return true;
    }
    const otc = OTC.exec(s);
    if (otc !== null) {
      const a = asnValue(otc[1] ?? '');
      if (a !== undefined) d.otc = a as Asn;
      d.end = n;
      return true;
    }
    if (/^\s+\d+ Contributing routes?:/.test(s)) {
      this.contributing = true;
      d.end = n;
      return true;
    }
    return false;
  }

  /**
   * A line that goes on with the community list above it: IOS-XR (and public looking glasses printing
   * it) wraps a long `Community:` list onto lines indented further, holding only communities.
   */
  private communityContinuation(s: string, n: number): { kind: string; indent: number } | undefined {
    const prev = this.communityLine;
    if (prev === undefined || prev.line !== n - 1) return undefined;
    const indent = s.length - s.trimStart().length;
    if (indent <= prev.indent) return undefined;
    const toks = s.trim().split(/\s+/);
    const ok = toks.every((t) => /^(?:\d+(?:\.\d+)?:\d+(?::\d+)?|(?:RT|SoO|rt|soo|target|origin):[\d.:]+|no-export|no-advertise|local-AS|no-peer|internet|graceful-shutdown|blackhole)$/.test(t));
    return ok ? prev : undefined;
  }

  private isPath(body: string): boolean {
    const comma = body.indexOf(',');
    const noComma = comma >= 0 ? body.slice(0, comma) : body;
    const note = trailingNote(noComma);
    const stripped = (note >= 0 ? noComma.slice(0, note) : noComma).trim();
    if (/^(?:Local|local|none|NONE|Nil)$/.test(stripped)) return true;
    return isPathLine(stripped);
  }

  /** `, metric 0, localpref 100, weight 0, valid, external, best` and OpenBGPD's `ovs valid, avs unknown`. */
  private attributes(d: RouteDraft, rest: string): void {
    for (const raw of rest.split(',')) {
      const part = raw.trim();
      const m = /^(metric|MED|localpref|weight|ovs|avs|otc|rpki validation-state:|validation-state:)\s+(\S+)/i.exec(part);
      if (m !== null) {
        const key = (m[1] ?? '').toLowerCase();
        const v = m[2] ?? '';
        if (key === 'metric' || key === 'med') d.med = uint(v);
        else if (key === 'localpref') d.localPref = uint(v);
        else if (key === 'weight') d.weight = uint(v);
        else if (key === 'otc') {
          const a = asnValue(v);
          if (a !== undefined) d.otc = a as Asn;
        } else if (key === 'avs') d.aspa = v === 'valid' || v === 'invalid' || v === 'unknown' ? v : undefined;
        else d.rpki = rpkiWord(v);
        continue;
      }
      const word = part.replace(/\s*\(.*$/, '');
      if (word === 'best') d.best = true;
      else if (word === 'valid') d.valid = true;
      else if (word === 'multipath') d.multipath = true;
    }
    if (d.best === undefined) d.best = false;
  }
}
