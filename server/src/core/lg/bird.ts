import type { Asn } from '../net/asn';
import { asnValue, parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { parseCommunityList } from './communities';
import { isChromeLine } from './lineClean';
import { finishDraft, newDraft, originWord, uint, type LineParser, type RouteDraft, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/**
 * BIRD 1, 2 and 3 `show route all`. A route starts with `PREFIX  unicast [proto time from X] * (100) [AS1i]`
 * (BIRD 2/3) or `PREFIX via NH on IF [proto …] * (100) [AS1i]` (BIRD 1); further paths of the same prefix
 * repeat that line without the prefix. Attribute lines follow, indented by a tab, named `BGP.as_path:`
 * (BIRD 1/2) or `bgp_path:` (BIRD 3); a line indented by two tabs continues the attribute above.
 */

/** The attribute names of BIRD 1/2 and BIRD 3, and what they fill in. */
const ATTRS: Readonly<Record<string, keyof typeof HANDLERS>> = {
  'BGP.as_path': 'path',
  bgp_path: 'path',
  'BGP.origin': 'origin',
  bgp_origin: 'origin',
  'BGP.next_hop': 'nextHop',
  bgp_next_hop: 'nextHop',
  'BGP.local_pref': 'localPref',
  bgp_local_pref: 'localPref',
  'BGP.med': 'med',
  bgp_med: 'med',
  'BGP.community': 'communities',
  bgp_community: 'communities',
  'BGP.large_community': 'communities',
  bgp_large_community: 'communities',
  'BGP.ext_community': 'communities',
  bgp_ext_community: 'communities',
  'BGP.otc': 'otc',
  bgp_otc: 'otc',
};

const HANDLERS = {
  path: (d: RouteDraft, v: string, s: string, at: number, n: number): void => {
    d.path = parseAsPathText(s, {}, at, s.length);
    d.pathLine = n;
    void v;
  },
  origin: (d: RouteDraft, v: string): void => {
    const o = originWord(v.trim());
    if (o !== undefined) d.origin = o;
  },
  nextHop: (d: RouteDraft, v: string): void => {
    // BIRD prints the global and the link-local next hop (`:: fe80::1888`); keep the first useful one.
    const hops = v.trim().split(/\s+/).filter((h) => h !== '' && h !== '::');
    if (hops[0] !== undefined) d.nextHop = hops[0];
  },
  localPref: (d: RouteDraft, v: string): void => {
    const x = uint(v.trim());
    if (x !== undefined) d.localPref = x;
  },
  med: (d: RouteDraft, v: string): void => {
    const x = uint(v.trim());
    if (x !== undefined) d.med = x;
  },
  communities: (d: RouteDraft, v: string): void => {
    d.communities.push(...parseCommunityList(v).communities);
  },
  otc: (d: RouteDraft, v: string): void => {
    const a = asnValue(v.trim());
    if (a !== undefined) d.otc = a as Asn;
  },
};

/** Attribute lines that are understood but not used. */
const KNOWN_OTHER =
  /^\s+(?:Type:|preference:|from:|source:|igp_metric:|Internal route handling|BGP\.|bgp_|ospf|OSPF|dev |onlink|via |mpls|hostentry|krt_|ifname|ifindex|weight:|gw:|\(|Table |Channel)/;

const ROUTE_WORDS = /^(?:unicast|via|blackhole|unreachable|prohibited|multipath|dev|\[)$/;

export class BirdParser implements LineParser {
  private cur: RouteDraft | undefined;
  private lastPrefix = '';
  /** The attribute a two-tab continuation line belongs to. */
  private lastAttr: ((d: RouteDraft, v: string, s: string, at: number, n: number) => void) | undefined;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (s.length === 0 || /^\s*$/.test(s)) return;
    if (/^\t\t/.test(s) || (/^\s{2,}\(/.test(s) && this.lastAttr !== undefined)) {
      // Continuation of the attribute above (long community lists wrap).
      if (this.cur !== undefined && this.lastAttr !== undefined) {
        this.lastAttr(this.cur, s, s, 0, n);
        this.cur.end = n;
        return;
      }
    }
    if (this.routeHeader(s, n)) return;
    if (s.charCodeAt(0) === 9 || s.charCodeAt(0) === 32) {
      const colon = s.indexOf(':');
      const name = colon > 0 ? s.slice(0, colon).trim() : '';
      const h = ATTRS[name];
      if (h !== undefined && this.cur !== undefined) {
        const fn = HANDLERS[h];
        fn(this.cur, s.slice(colon + 1), s, colon + 1, n);
        this.lastAttr = h === 'communities' ? fn : undefined;
        this.cur.end = n;
        return;
      }
      this.lastAttr = undefined;
      if (this.cur !== undefined && /^\s+via\s+(\S+)/.test(s)) {
        const via = /^\s+via\s+(\S+)/.exec(s)?.[1];
        if (via !== undefined && this.cur.nextHop === undefined && isAddress(via)) this.cur.viaHop = via;
        this.cur.end = n;
        return;
      }
      if (KNOWN_OTHER.test(s) && this.cur !== undefined) {
        this.cur.end = n;
        return;
      }
    }
    if (isChromeLine(s) || /^Table \S+:\s*$/.test(s) || /^\d{4} /.test(s) || /^Network not (?:found|in table)/.test(s)) return;
    this.sink.unparsed({ line: n, text: s, reason: 'not a BIRD route or attribute line' });
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    const d = this.cur;
    if (d === undefined) return;
    this.cur = undefined;
    if (d.nextHop === undefined && d.viaHop !== undefined) d.nextHop = d.viaHop;
    this.sink.route(finishDraft(d));
  }

  /** `PREFIX  unicast [...] * (100) [AS1i]`, or the same without PREFIX for another path. */
  private routeHeader(s: string, n: number): boolean {
    const m = /^(\S*)\s+(\S+)/.exec(s);
    if (m === null) return false;
    let prefix = m[1] ?? '';
    let word = m[2] ?? '';
    if (prefix === '' && !ROUTE_WORDS.test(word)) return false;
    if (prefix !== '') {
      if (!isPrefixToken(prefix) || !prefix.includes('/')) return false;
      if (!ROUTE_WORDS.test(word)) return false;
    } else {
      // A BIRD 1 alternative path line is indented with a tab and spaces: `\t   via fe80::2 on eth3 [...]`.
      if (!/\[[^\]]*\]/.test(s)) return false;
      prefix = this.lastPrefix;
      if (prefix === '') return false;
    }
    word = word.trim();
    this.flush();
    this.lastAttr = undefined;
    this.lastPrefix = prefix;
    const d = newDraft(prefix, n);
    const open = s.indexOf('[');
    const close = open >= 0 ? s.indexOf(']', open) : -1;
    const from = close > open ? /\sfrom\s+(\S+)$/.exec(s.slice(open + 1, close)) : null;
    if (from?.[1] !== undefined && isAddress(from[1])) d.peerAddress = from[1];
    const viaM = /\bvia\s+(\S+)/.exec(s);
    if (viaM?.[1] !== undefined && isAddress(viaM[1])) d.viaHop = viaM[1];
    // `] * (100)` marks the primary (best) route.
    d.best = /\]\s+\*\s+\(/.test(s);
    const asM = /\[(?:AS(\d+))?([ie?])\]\s*$/.exec(s);
    if (asM?.[2] !== undefined) d.origin = originWord(asM[2]);
    this.cur = d;
    return true;
  }
}
