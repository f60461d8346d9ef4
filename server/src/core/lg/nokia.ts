import { parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { isChromeLine } from './lineClean';
import { finishDraft, newDraft, uint, type LineParser, type RouteDraft, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/**
 * Nokia SR OS `show router bgp routes`: three lines per path (flags + network + local-pref + MED,
 * next hop + path id + label, AS path), framed by `===`/`---` rules and a legend. VPN routes print the
 * route distinguisher before the prefix (`65500:11:192.0.2.4/32`); it is dropped from the prefix.
 */
const KNOWN = [
  /^\s*(?:={5,}|-{5,})\s*$/,
  /^\s*BGP Router ID:/,
  /^\s*Legend -/,
  /^\s*(?:Status codes|Origin codes)\s*:/,
  /^\s+[a-z*>?] - /,
  /^BGP (?:VPN-)?IPv[46] Routes/,
  /^Flag\s+Network/,
  /^\s+Nexthop \(Router\)/,
  /^\s+As-Path\s*$/,
  /^Routes : \d+/,
];

export class NokiaParser implements LineParser {
  private cur: RouteDraft | undefined;
  /** Which line of the three the next indented line is. */
  private part = 0;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (isChromeLine(s)) return;
    for (const re of KNOWN) if (re.test(s)) return;
    const head = /^([usx*>ilbdhp?]+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(s);
    if (head !== null) {
      const net = (head[2] ?? '').replace(/^(?:\d+(?:\.\d+){0,3}:\d+:)/, '');
      if (isPrefixToken(net)) {
        this.flush();
        const d = newDraft(net, n);
        const flags = head[1] ?? '';
        d.valid = flags.includes('*');
        d.best = flags.includes('>');
        const lp = uint(head[3]);
        if (lp !== undefined) d.localPref = lp;
        const med = uint(head[4]);
        if (med !== undefined) d.med = med;
        this.cur = d;
        this.part = 1;
        return;
      }
    }
    const d = this.cur;
    if (d !== undefined && /^\s/.test(s)) {
      const first = s.trim().split(/\s+/)[0] ?? '';
      if (this.part === 1 && isAddress(first)) {
        d.nextHop = first;
        d.end = n;
        this.part = 2;
        return;
      }
      if (this.part === 2) {
        d.path = /^\s*No As-Path\s*$/.test(s) ? parseAsPathText('') : parseAsPathText(s, { originCode: true });
        d.pathLine = n;
        d.end = n;
        this.part = 3;
        return;
      }
    }
    this.sink.unparsed({ line: n, text: s, reason: 'not part of an SR OS BGP route' });
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.cur !== undefined) this.sink.route(finishDraft(this.cur));
    this.cur = undefined;
    this.part = 0;
  }
}
