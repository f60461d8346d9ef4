import type { Asn } from '../net/asn';
import { asnValue, parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { parseCommunityList } from './communities';
import { isChromeLine } from './lineClean';
import { finishDraft, newDraft, originWord, uint, type LineParser, type RouteDraft, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/**
 * MikroTik RouterOS `print detail` of routes: v6 `/ip route` (`bgp-as-path="…"`) and v7 `/routing route`
 * (`bgp.as-path=` or the abbreviated `.as-path=`). An item starts with its index and flags
 * (` 0 ADb  dst-address=…`) and continues on indented lines of `key=value` pairs.
 */
const ITEM = /^\s*(\d+)\s+([A-Za-z+]*)\s+(?=\S+=)/;
const PAIR = /([\w.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g;

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

function keyOf(raw: string): string {
  return raw.replace(/^(?:bgp-|bgp\.|\.)/, '');
}

export class MikrotikParser implements LineParser {
  private cur: RouteDraft | undefined;
  private isBgp = false;
  /** Under an advertisements table header. */
  private advertisements = false;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (isChromeLine(s) || /^\s*Flags:/.test(s) || /^\s*[A-Za-z] - [A-Za-z]/.test(s) || /^\s*Columns:/.test(s)) return;
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
    if (item !== null) {
      this.flush();
      const d = newDraft('', n);
      d.best = /A/.test(item[2] ?? '');
      this.cur = d;
      this.isBgp = /b/.test(item[2] ?? '');
      this.pairs(d, s.slice(item[0].length), n);
      return;
    }
    if (this.cur !== undefined && /^\s+\S+=/.test(s)) {
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
      if (rawKey === 'dst-address') {
        if (isPrefixToken(v)) d.prefix = v;
        continue;
      }
      if (/^(?:bgp-|bgp\.|\.)/.test(rawKey)) this.isBgp = true;
      const set = KEYS[keyOf(rawKey)];
      if (set !== undefined) {
        set(d, v);
        if (keyOf(rawKey) === 'as-path') d.pathLine = n;
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
