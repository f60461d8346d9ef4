import type { Asn } from '../net/asn';
import { asnValue, parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { parseCommunityList } from './communities';
import { isChromeLine } from './lineClean';
import { splitRd } from './routeDistinguisher';
import { finishDraft, newDraft, rpkiWord, uint, type LineParser, type RouteDraft, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/**
 * Junos `show route … detail|extensive` (a `PREFIX (N entries, M announced)` line, then per path a
 * `*BGP Preference:` line and `Key: value` lines, among them `AS path: [65161] 3356 I`) and
 * `show route … terse` (one line per path under an `A V Destination P Prf … AS path` header).
 * Junos prints origin codes in upper case and the local AS in brackets before the path.
 */
/** Any routing table: `inet.0`, `inet6.0`, `bgp.l3vpn.0`, `bgp.l3vpn-inet6.0`, `CUST.inet.0`. */
const TABLE = /^[\w.:/-]+\.\d+: \d+ destinations/;
/**
 * `10.0.0.0/8 (2 entries, 1 announced)`; the receive/advertising-protocol forms start it with the
 * active mark (`* 10.0.0.0/8 (1 entry, 1 announced)`), and IPv6 VPN tables print a blank before the
 * length (`1:1:2001:db8::1 /128`).
 */
const ENTRY = /^\s*(?:[*+-]\s+)?(\S+?)(?:\s(\/\d{1,3}))?\s+\((\d+) entr(?:y|ies), (\d+) announced\)/;
const PATH_START = /^\s{0,12}([*+-]?)\s*(BGP|Static|Direct|Local|OSPF|IS-IS|Aggregate|Access-internal|Access|Kernel)\s+Preference:/;
/**
 * The default `show route` form: `10.0.0.0/8  *[BGP/170] 2d 01:02:03, localpref 100, from 192.0.2.2`
 * (the prefix only on the first path of a destination, RD-glued in VPN tables), then `AS path: … I,
 * validation-state: valid` and `> to 192.0.2.1 via xe-0/0/0.0` lines.
 */
const BRIEF = /^(?:(\S+)\s+|\s+)?([*+-]?)\[([\w-]+)\/\d+\]\s*(.*)$/;
const HOP = /^\s*(>?)\s*to\s+(\S+)\s+via\s/;
const TERSE_HEADER = /^A\s+(?:V\s+)?Destination\s+P\s+Prf/;
/** `show route receive-protocol|advertising-protocol bgp X`. */
const RECEIVE_HEADER = /^\s*Prefix\s+Nexthop\s+MED\s+Lclpref\s+AS path/;

/** `Key: value` lines of a path and what they set. */
const FIELDS: readonly { readonly re: RegExp; readonly set: (d: RouteDraft, m: RegExpExecArray, s: string) => void }[] = [
  {
    re: /^\s*AS path:\s*(.*)$/,
    set: (d, m, s) => {
      // A second path line for one path: a path start above was not recognised, so this one may belong
      // to another path of the destination. Keep it, but say so.
      if (d.path !== undefined) d.uncertain ??= 'a second AS path line was printed for this path: a path start above it may not have been recognised';
      const start = (m.index ?? 0) + s.indexOf('AS path:') + 'AS path:'.length;
      // Notes such as `(Originator)` or `(Atomic)` follow the origin code.
      let end = s.length;
      const note = /\s\((?:Originator|Atomic|Aggregator)[^)]*\)/.exec(s);
      if (note !== null) end = note.index;
      const agg = s.indexOf(' Aggregator:');
      if (agg > start && agg < end) end = agg;
      d.path = parseAsPathText(s, { originCode: true, junos: true }, start, end);
      const v = /validation-state:\s*([\w-]+)/.exec(s);
      if (v !== null) d.rpki = rpkiWord(v[1]);
    },
  },
  {
    re: /^\s*Protocol next hop:\s*(\S+)/,
    set: (d, m) => {
      d.nextHop = m[1];
      d.viaHop = 'protocol';
    },
  },
  {
    // receive/advertising-protocol detail: `Nexthop: 192.0.2.1` or `Nexthop: Self`.
    re: /^\s*Nexthop:\s*(\S+)/,
    set: (d, m) => {
      if (isAddress(m[1] ?? '')) d.nextHop = m[1];
    },
  },
  {
    re: /^\s*Route Distinguisher:\s*(\S+)/,
    set: (d, m) => {
      d.rd ??= m[1];
    },
  },
  {
    re: /^\s*Next hop:\s*(\S+)/,
    set: (d, m) => {
      if (d.viaHop !== 'protocol' && (d.nextHop === undefined || /selected/.test(m.input))) d.nextHop = m[1];
    },
  },
  {
    re: /^\s*Source:\s*(\S+)/,
    set: (d, m) => {
      if (isAddress(m[1] ?? '')) d.peerAddress = m[1];
    },
  },
  {
    re: /Peer AS:\s*(\S+)/,
    set: (d, m) => {
      const a = asnValue(m[1] ?? '');
      if (a !== undefined) d.peerAsn = a as Asn;
    },
  },
  {
    re: /^\s*Localpref:\s*(\d+)/,
    set: (d, m) => {
      d.localPref = uint(m[1]);
    },
  },
  {
    re: /^\s*Metric:\s*(\d+)/,
    set: (d, m) => {
      d.med = uint(m[1]);
    },
  },
  {
    re: /^\s*Communities:\s*(.*)$/,
    set: (d, m) => {
      d.communities.push(...parseCommunityList(m[1] ?? '').communities);
    },
  },
  {
    re: /^\s*Validation State:\s*(\S+)/,
    set: (d, m) => {
      d.rpki = rpkiWord(m[1]);
    },
  },
  {
    re: /^\s*(?:Only to customer|OTC|Only-to-customer):\s*(\S+)/i,
    set: (d, m) => {
      const a = asnValue(m[1] ?? '');
      if (a !== undefined) d.otc = a as Asn;
    },
  },
];

/** Indented `Key: value` and flag lines of a path that carry nothing a route needs. */
const OTHER = /^\s*(?:[A-Z][\w /.-]*:|BGP group \S+ type|Accepted|Inactive|Announcement bits|Indirect next hops|Label|Router ID|Cluster list|Originator ID|Primary Routing Table|Secondary Tables|Protocol Nexthop|Indirect path forwarding|Session Id|State|Task|Age|AS path|Flags|\d+\.\d+\.\d+\.\d+ Metric|Nexthop|Next-hop|Multipath|Local AS|Preference|Route|Address|Kernel|Cluster|Localpref|Hidden reason|LongLived|Stale|Thread|Aggregator|Import Accepted|Import|Export|Validation|Prefixes bound|Route Label)/;

export class JunosParser implements LineParser {
  private prefix = '';
  private rd: string | undefined;
  private cur: RouteDraft | undefined;
  private curIsBgp = false;
  private terse: { dest: number; proto: number; path: number } | undefined;
  private receive: { nexthop: number; med: number; lclpref: number; path: number } | undefined;
  /**
   * The draft an entry line starts: receive/advertising-protocol detail prints the one path under its
   * entry with no `BGP Preference:` line. Dropped when a path line follows; a route only once its
   * `AS path:` line was read.
   */
  private entryDraft: RouteDraft | undefined;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (TABLE.test(s) || /^\s*[+*-] = /.test(s) || /^\s*Restart Complete/.test(s)) {
      this.flush();
      return;
    }
    if (TERSE_HEADER.test(s)) {
      this.flush();
      this.terse = { dest: s.indexOf('Destination'), proto: s.indexOf(' P ') + 1, path: s.indexOf('AS path') };
      return;
    }
    const rh = RECEIVE_HEADER.exec(s);
    if (rh !== null) {
      this.flush();
      this.terse = undefined;
      this.receive = { nexthop: s.indexOf('Nexthop'), med: s.indexOf('MED') + 2, lclpref: s.indexOf('Lclpref') + 6, path: s.indexOf('AS path') };
      return;
    }
    if (isChromeLine(s)) return;
    if (this.receive !== undefined) {
      if (this.receiveLine(s, n)) return;
      this.sink.unparsed({ line: n, text: s, reason: 'not a Junos receive/advertising-protocol route line' });
      return;
    }
    if (this.terse !== undefined) {
      if (this.terseLine(s, n)) return;
      this.sink.unparsed({ line: n, text: s, reason: 'not a Junos terse route line' });
      return;
    }
    const e = ENTRY.exec(s);
    const entry = e !== null ? splitRd((e[1] ?? '') + (e[2] ?? '')) : undefined;
    if (entry !== undefined && isPrefixToken(entry.prefix)) {
      this.flush();
      this.prefix = entry.prefix;
      this.rd = entry.rd;
      const d = newDraft(this.prefix, n);
      d.rd = this.rd;
      d.best = /^\s*[*+]/.test(s);
      this.cur = d;
      this.curIsBgp = true;
      this.entryDraft = d;
      return;
    }
    const p = PATH_START.exec(s);
    if (p !== null) {
      if (this.cur === this.entryDraft) this.cur = undefined;
      this.flush();
      const d = newDraft(this.prefix, n);
      d.rd = this.rd;
      const flag = p[1] ?? '';
      d.best = flag === '*' || flag === '+';
      this.cur = d;
      this.curIsBgp = p[2] === 'BGP';
      return;
    }
    const brief = BRIEF.exec(s);
    if (brief !== null && (brief[1] !== undefined ? isPrefixToken(splitRd(brief[1]).prefix) : this.prefix !== '')) {
      if (this.cur === this.entryDraft) this.cur = undefined;
      this.flush();
      if (brief[1] !== undefined) {
        const g = splitRd(brief[1]);
        this.prefix = g.prefix;
        this.rd = g.rd;
      }
      const d = newDraft(this.prefix, n);
      d.rd = this.rd;
      const flag = brief[2] ?? '';
      d.best = flag === '*' || flag === '+';
      this.briefAttributes(d, brief[4] ?? '');
      this.cur = d;
      this.curIsBgp = brief[3] === 'BGP';
      return;
    }
    const d = this.cur;
    if (d !== undefined) {
      if (/^\s*>?\s*(?:Local\s+|Receive\s+|Discard\s*$|Reject\s*$)?via\s/.test(s) || /^\s*(?:Discard|Reject|Receive)\s*$/.test(s)) {
        d.end = n;
        return;
      }
      const hop = HOP.exec(s);
      if (hop !== null) {
        // `> to 192.0.2.1 via xe-0/0/0.0`: the selected next hop (`>`), else the first one.
        if (hop[1] === '>' || d.nextHop === undefined) d.nextHop = hop[2];
        d.end = n;
        return;
      }
    }
    if (d !== undefined) {
      for (const f of FIELDS) {
        const m = f.re.exec(s);
        if (m !== null) {
          f.set(d, m, s);
          if (f.re.source.includes('AS path')) d.pathLine = n;
          d.end = n;
          if (!f.re.source.includes('Peer AS')) return;
        }
      }
      if (/Peer AS:/.test(s) || OTHER.test(s) || /^\s+\S+\s*$/.test(s)) {
        d.end = n;
        return;
      }
    }
    if (/^\s*(?:Restart|\{master|\{backup)/.test(s)) return;
    this.sink.unparsed({ line: n, text: s, reason: 'not part of a Junos route' });
  }

  end(): void {
    this.flush();
  }

  /** `2d 01:02:03, MED 0, localpref 100, from 10.0.0.14` after `*[BGP/170]`. */
  private briefAttributes(d: RouteDraft, rest: string): void {
    for (const part of rest.split(',')) {
      const m = /^\s*(MED|localpref|from)\s+(\S+)/.exec(part);
      if (m === null) continue;
      if (m[1] === 'MED') d.med = uint(m[2]);
      else if (m[1] === 'localpref') d.localPref = uint(m[2]);
      else if (isAddress(m[2] ?? '')) d.peerAddress = m[2];
    }
  }

  private flush(): void {
    const d = this.cur;
    this.cur = undefined;
    const implicit = d === this.entryDraft;
    this.entryDraft = undefined;
    if (d === undefined || !this.curIsBgp || (implicit && d.path === undefined)) return;

    this.sink.route(finishDraft(d));
  }

  /** `* 10.0.0.0/24   10.0.0.2   100   200   65002 65003 I`: MED and local pref by column, then the path. */
  private receiveLine(s: string, n: number): boolean {
    const r = this.receive;
    if (r === undefined) return false;
    // A prefix too long for its column (RD-glued) is printed alone; its row follows with the Prefix column blank.
    const alone = /^\s*[*+-]?\s*(\S+)\s*$/.exec(s);
    if (alone !== null) {
      const g = splitRd(alone[1] ?? '');
      if (!isPrefixToken(g.prefix)) return false;
      this.prefix = g.prefix;
      this.rd = g.rd;
      return true;
    }
    // Flag, prefix (blank under a prefix printed alone above), next hop; then the numbers and the path.
    const m = /^\s*([*+-]?)\s*(\S+)(?:\s+(\S+))?/.exec(s);
    if (m === null) return false;
    const firstAt = s.indexOf(m[2] ?? '', (m[1] ?? '').length);
    const continued = this.prefix !== '' && r.nexthop > 0 && firstAt >= r.nexthop - 1;
    const g = continued ? { prefix: this.prefix, rd: this.rd } : splitRd(m[2] ?? '');
    if (!isPrefixToken(g.prefix)) return false;
    const hop = continued ? m[2] : m[3];
    const hopEnd = continued ? firstAt + (m[2] ?? '').length : m[0].length;
    this.prefix = g.prefix;
    this.rd = g.rd;
    const d = newDraft(g.prefix, n);
    d.rd = g.rd;
    d.best = m[1] === '*' || m[1] === '+';
    if (isAddress(hop ?? '')) d.nextHop = hop;
    else if (hop !== 'Self') return false;
    const tok = /\S+/g;
    tok.lastIndex = hopEnd;
    let pathFrom = s.length;
    for (let t = tok.exec(s); t !== null; t = tok.exec(s)) {
      const end = t.index + t[0].length - 1;
      const v = uint(t[0]);
      if (v === undefined || t.index >= r.path - 1) {
        pathFrom = t.index;
        break;
      }
      if (end <= r.med + 1) d.med = v;
      else if (end <= r.lclpref + 1) d.localPref = v;
      else {
        pathFrom = t.index;
        break;
      }
    }
    d.path = parseAsPathText(s, { originCode: true, junos: true }, pathFrom, s.length);
    d.pathLine = n;
    this.sink.route(finishDraft(d));
    return true;
  }

  /** `* V 10.0.0.0/8  B 170  100  0 >192.0.2.1  65001 65002 I`; a blank destination repeats the one above. */
  private terseLine(s: string, n: number): boolean {
    const t = this.terse;
    if (t === undefined) return false;
    const flags = s.slice(0, t.dest);
    const dest = s.slice(t.dest, t.proto).trim().split(/\s+/)[0] ?? '';
    const proto = s.slice(t.proto, t.proto + 1);
    if (dest !== '') {
      if (!isPrefixToken(dest)) return false;
      this.prefix = dest;
    } else if (this.prefix === '') return false;
    if (proto === ' ' && dest === '') {
      // A further next hop of the path above: `>192.0.2.9`.
      return /^\s+>?\S+\s*$/.test(s);
    }
    if (proto !== 'B') return /^[A-Z]$/.test(proto);
    const d = newDraft(this.prefix, n);
    d.best = /[*+]/.test(flags.slice(0, 1));
    const v = flags.slice(1).trim();
    if (v !== '') d.rpki = v === 'V' ? 'valid' : v === 'I' ? 'invalid' : v === 'N' ? 'not-found' : 'unverified';
    // Next hop: the first token after the protocol that starts with `>` or is an address; the path follows it.
    let pathFrom = t.path;
    const tok = /\S+/g;
    tok.lastIndex = t.proto + 1;
    for (let m = tok.exec(s); m !== null; m = tok.exec(s)) {
      const text = m[0].startsWith('>') ? m[0].slice(1) : m[0];
      if (m[0].startsWith('>') || isAddress(text)) {
        if (isAddress(text)) d.nextHop = text;
        pathFrom = m.index + m[0].length;
        break;
      }
    }
    d.path = parseAsPathText(s, { originCode: true, junos: true }, Math.min(pathFrom, s.length), s.length);
    d.pathLine = n;
    this.sink.route(finishDraft(d));
    return true;
  }
}
