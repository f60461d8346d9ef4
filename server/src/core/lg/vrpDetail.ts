import { parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { parseCommunityList } from './communities';
import { isChromeLine } from './lineClean';
import { finishDraft, newDraft, originWord, uint, type LineParser, type RouteDraft, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/**
 * Huawei VRP and H3C/HPE Comware `display bgp routing-table <prefix>`: a `BGP routing table (entry)
 * information of 10.2.1.0/24:` header, then per path a block of `Key: value` lines started by `From:`
 * (a received path) or `Imported route.` (a local one). Comware prints `AS-path : 200` (`(null)` for an
 * empty path) with `Origin : igp` and `Attribute value : MED 0, pref-val 0, pre 0` on their own lines;
 * VRP prints `AS-path 200, origin igp, MED 0, localpref 100, pref-val 0, valid, external, best, …`
 * (`Nil` for an empty path).
 */
const ENTRY = /^\s*BGP routing table (?:entry )?information of (\S+?):?\s*$/;
const PATH_START = /^\s*(?:From\s*:\s*(\S+)|Imported route\.?\s*$)/;
/** VRP's one-line form: the path up to `, origin`. */
const VRP_PATH = /^\s*AS-path\s+(.*?),\s*origin\s+(\w+)(.*)$/;
const COMWARE_PATH = /^\s*AS-path\s*:\s*(.*?)\s*$/;
const NEXT_HOP = /^\s*Original nexthop\s*:\s*(\S+)/;
/** Header lines before the entries and attribute lines that carry nothing a route needs. */
const KNOWN = /^\s*(?:BGP local router ID|Local AS number|Paths\s*:|Route Duration|Direct Out-interface|Relay (?:IP )?Nexthop|Relay Tunnel|Qos information|OutLabel|Rely Nexthop|Advertised to such|Not advertised|Total Number|\S[\w -]*\s*:|\d+\.\d+\.\d+\.\d+\s*$)/i;

const NO_PATH = /^(?:\(null\)|Nil|none)$/i;

export class VrpDetailParser implements LineParser {
  private prefix: string | undefined;
  private cur: RouteDraft | undefined;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (isChromeLine(s)) return;
    const e = ENTRY.exec(s);
    if (e !== null && isPrefixToken(e[1] ?? '')) {
      this.flush();
      this.prefix = e[1];
      return;
    }
    const start = PATH_START.exec(s);
    if (start !== null && this.prefix !== undefined) {
      const d = this.start(n);
      if (isAddress(start[1] ?? '')) d.peerAddress = start[1];
      return;
    }
    const nh = NEXT_HOP.exec(s);
    if (nh !== null && this.prefix !== undefined) {
      // A path whose `From` line was not printed: the next hop starts it.
      const d = this.cur === undefined || this.cur.nextHop !== undefined ? this.start(n) : this.cur;
      if (isAddress(nh[1] ?? '')) d.nextHop = nh[1];
      d.end = n;
      return;
    }
    const d = this.cur;
    if (d !== undefined && this.attribute(d, s, n)) return;
    if (KNOWN.test(s)) {
      if (d !== undefined) d.end = n;
      return;
    }
    this.sink.unparsed({ line: n, text: s, reason: 'not part of a VRP/Comware BGP route' });
  }

  end(): void {
    this.flush();
  }

  private start(n: number): RouteDraft {
    this.flush();
    const d = newDraft(this.prefix ?? '', n);
    this.cur = d;
    return d;
  }

  private attribute(d: RouteDraft, s: string, n: number): boolean {
    const vrp = VRP_PATH.exec(s);
    if (vrp !== null) {
      this.path(d, vrp[1] ?? '', n);
      d.origin = originWord(vrp[2]);
      this.flags(d, vrp[3] ?? '');
      return true;
    }
    const cw = COMWARE_PATH.exec(s);
    if (cw !== null) {
      this.path(d, cw[1] ?? '', n);
      return true;
    }
    const kv = /^\s*(Origin|Attribute value|State|Community|Large-community)\s*:\s*(.*)$/i.exec(s);
    if (kv === null) return false;
    const key = (kv[1] ?? '').toLowerCase();
    const v = kv[2] ?? '';
    if (key === 'origin') d.origin = originWord(v.trim());
    else if (key === 'community' || key === 'large-community') d.communities.push(...parseCommunityList(v.replace(/[<>,]/g, ' ')).communities);
    else this.flags(d, v);
    d.end = n;
    return true;
  }

  private path(d: RouteDraft, text: string, n: number): void {
    d.path = NO_PATH.test(text.trim()) ? parseAsPathText('') : parseAsPathText(text);
    d.pathLine = n;
    d.end = n;
  }

  /** `MED 0, localpref 100, pref-val 0, valid, external, best, select, pre 255`. */
  private flags(d: RouteDraft, rest: string): void {
    for (const raw of rest.split(',')) {
      const part = raw.trim();
      const m = /^(MED|localpref|pref-val)\s+(\d+)/i.exec(part);
      if (m !== null) {
        const k = (m[1] ?? '').toLowerCase();
        if (k === 'med') d.med = uint(m[2]);
        else if (k === 'localpref') d.localPref = uint(m[2]);
        else d.weight = uint(m[2]);
      } else if (part === 'best') d.best = true;
      else if (part === 'valid') d.valid = true;
    }
  }

  private flush(): void {
    const d = this.cur;
    this.cur = undefined;
    if (d === undefined) return;
    // Never an empty path by default: a path block without its AS-path line is kept, flagged.
    if (d.path === undefined) d.uncertain = 'no AS-path line was printed for this path';
    this.sink.route(finishDraft(d));
  }
}
