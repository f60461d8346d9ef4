import type { Asn } from '../net/asn';
import { asnValue, parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { parseCommunityList } from './communities';
import { isChromeLine } from './lineClean';
import { finishDraft, newDraft, originWord, uint, type LineParser, type RouteDraft, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/**
 * MikroTik RouterOS `print detail` of routes: v6 `/ip route` (`bgp-as-path="…"`) and v7 `/routing route`
 * (`bgp.as-path=` or the abbreviated `.as-path=`). A v6 item starts with its index and flags
 * (` 0 ADb  dst-address=…`); v7 prints the flags alone (` Ab   afi=ip4 …`, `  b   afi=…`, ` Ab + afi=…`).
 * The item continues on lines of `key=value` pairs, indented by the router (a paste may have lost that).
 * The flags are at most two short tokens of letters and `+`, never holding `=`: that is what tells an
 * item from a continuation line, whose first token is already a pair.
 */
const ITEM = /^\s*(?:(\d+)\s+)?((?:[A-Za-z+]{1,5}\s+){0,2})(?=[\w.-]+=)/;
const PAIR = /([\w.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g;
/** A line of the flags legend (`c - connect, s - static, …`, `+ - ecmp, B - blackhole`, or one cut by the terminal). */
const LEGEND = /(?:^\s*|[,;]\s*)[A-Za-z+] - [a-z][\w-]*/;
/** v7 VPN routes print the RD after the prefix: `dst-address=111.16.0.0/24&1.1.1.1:111`. */
const RD_SUFFIX = /^([^&]+)&(\S+)$/;

/** Attribute keys of v6 and v7, without the `bgp-`/`bgp.`/`.` prefix, and what they set. */
const KEYS: Readonly<Record<string, (d: RouteDraft, v: string) => void>> = {
  'as-path': (d, v) => {
    d.path = parseAsPathText(pathText(v));
  },
  origin: (d, v) => {
    d.origin = originWord(v);
  },
  'local-pref': (d, v) => {
    d.localPref = uint(v);
  },
  med: (d, v) => {
    d.med = uint(v);
  },
  communities: (d, v) => {
    d.communities.push(...parseCommunityList(v.replace(/,/g, ' ')).communities);
  },
  'large-communities': (d, v) => {
    d.communities.push(...parseCommunityList(v.replace(/,/g, ' ')).communities);
  },
  otc: (d, v) => {
    const a = asnValue(v);
    if (a !== undefined) d.otc = a as Asn;
  },
  gateway: (d, v) => {
    const g = v.split(/[%,]/)[0] ?? '';
    if (isAddress(g)) d.nextHop = g;
  },
  nexthop: (d, v) => {
    if (isAddress(v)) d.nextHop = v;
  },
  'received-from': (d, v) => {
    if (isAddress(v)) d.peerAddress = v;
  },
};

/**
 * v6 `/routing bgp advertisements print`: a `PEER PREFIX NEXTHOP AS-PATH ORIGIN LOCAL-PREF` table (the
 * peer name cut with `...` when long). The path is the comma-separated list between the next hop and the
 * origin word, which ends it whatever the column widths.
 */
export const ADVERTISEMENTS_HEADER = /^\s*#?\s*PEER\s+PREFIX\s+NEXTHOP\s+AS-PATH\s+ORIGIN\b/;
const ADVERTISEMENT = /^\s*(?:\d+\s+)?\S+\s+(\S+)\s+(\S+)\s+([\d,{} ]*?)\s*\b(igp|egp|incomplete)\b(?:\s+(\d+))?\s*$/;

/** RouterOS separates ASNs with commas; commas inside `{…}` belong to an AS_SET. */
function pathText(v: string): string {
  let depth = 0;
  let text = '';
  for (const ch of v) {
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    text += ch === ',' && depth === 0 ? ' ' : ch;
  }
  return text;
}

/** Keys read outside the `bgp` group: the gateway of v6 and v7 items. */
const PLAIN_KEYS: ReadonlySet<string> = new Set(['gateway', 'received-from']);

export class MikrotikParser implements LineParser {
  private cur: RouteDraft | undefined;
  private isBgp = false;
  /**
   * The group of the last dotted key of the item: v7 prints `bgp.peer-cache-id=… .as-path=…` and
   * `ospf.metric=2 .tag=111`, a leading dot meaning "same group as before", across lines.
   */
  private group = '';
  /** The item is a v7 advertisement (` 0 peer=… dst=… as-path=…`), whose attributes are plain keys. */
  private advert = false;
  /** Under an advertisements table header. */
  private advertisements = false;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (isChromeLine(s) || /^\s*Flags:/.test(s) || /^\s*Columns:/.test(s) || (s.indexOf('=') < 0 && LEGEND.test(s))) return;
    if (ADVERTISEMENTS_HEADER.test(s)) {
      this.flush();
      this.advertisements = true;
      return;
    }
    if (this.advertisements) {
      const a = ADVERTISEMENT.exec(s);
      if (a !== null && isPrefixToken(a[1] ?? '') && isAddress(a[2] ?? '')) {
        const d = newDraft(a[1] ?? '', n);
        d.nextHop = a[2];
        d.path = parseAsPathText(pathText(a[3] ?? ''));
        d.pathLine = n;
        d.origin = originWord(a[4]);
        d.localPref = uint(a[5]);
        this.sink.route(finishDraft(d));
        return;
      }
    }
    const item = ITEM.exec(s);
    // An unnumbered line without flags continues the item; one that names a new destination starts one
    // anyway, so that two routes are never read as one when a paste lost the flags column.
    const starts = item !== null && (item[1] !== undefined || (item[2] ?? '') !== '' || (this.cur?.prefix !== '' && /(?:^|\s)dst-address=/.test(s)));
    if (item !== null && starts) {
      this.flush();
      const d = newDraft('', n);
      const flags = item[2] ?? '';
      d.best = /A/.test(flags);
      this.cur = d;
      this.isBgp = /b/.test(flags);
      this.group = '';
      this.advert = false;
      this.pairs(d, s.slice(item[0].length), n);
      return;
    }
    if (this.cur !== undefined && item !== null) {
      this.pairs(this.cur, s, n);
      return;
    }
    this.sink.unparsed({ line: n, text: s, reason: 'not part of a RouterOS route item' });
  }

  end(): void {
    this.flush();
  }

  private pairs(d: RouteDraft, text: string, n: number): void {
    for (const m of text.matchAll(PAIR)) {
      const rawKey = m[1] ?? '';
      let v = m[2] ?? '';
      if (v.startsWith('"')) v = v.slice(1, -1);
      if (rawKey === 'dst-address' || (rawKey === 'dst' && d.prefix === '')) {
        const rd = RD_SUFFIX.exec(v);
        const prefix = rd !== null ? (rd[1] ?? '') : v;
        if (isPrefixToken(prefix)) {
          d.prefix = prefix;
          if (rd !== null) d.rd = rd[2];
        }
        continue;
      }
      if (rawKey === 'routing-table' && v !== 'main' && v !== '') d.vrf = v;
      // v7 `/routing/bgp/advertisements print`: ` 0 peer=to-pe2-1 dst=10.1.1.0/24 local-pref=100 …`.
      if (rawKey === 'peer') this.isBgp = this.advert = true;
      let key = rawKey;
      if (rawKey.startsWith('.')) key = rawKey.slice(1);
      else if (rawKey.startsWith('bgp-')) {
        this.group = 'bgp';
        key = rawKey.slice(4);
      } else {
        const dot = rawKey.indexOf('.');
        this.group = dot > 0 ? rawKey.slice(0, dot) : '';
        key = dot > 0 ? rawKey.slice(dot + 1) : rawKey;
      }
      const attribute = this.group === 'bgp' || (this.group === '' && (this.advert || PLAIN_KEYS.has(key)));
      if (this.group === 'bgp') this.isBgp = true;
      const set = attribute ? KEYS[key] : undefined;
      if (set !== undefined) {
        set(d, v);
        if (key === 'as-path') d.pathLine = n;
      }
    }
    d.end = n;
  }

  private flush(): void {
    const d = this.cur;
    this.cur = undefined;
    if (d !== undefined && this.isBgp && d.prefix !== '') this.sink.route(finishDraft(d));
  }
}
