import type { Asn } from '../net/asn';
import { asnValue, parseAsPathText } from './asPathText';
import { parseCommunityList } from './communities';
import { isChromeLine } from './lineClean';
import { finishDraft, newDraft, originWord, uint, type LineParser, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/**
 * Field positions of the pipe-separated one-line forms, by their first field. `bgpdump -m` prints
 * `TYPE|time|A/B/W|peer|peer-as|prefix|path|origin|next-hop|local-pref|med|communities|atomic|aggregator|`;
 * the add-path dumps put a path id after the prefix; bgpkit drops the TYPE column.
 */
interface Layout {
  readonly kind: number;
  readonly peer: number;
  readonly peerAs: number;
  readonly prefix: number;
  readonly path: number;
}
const WITH_TYPE: Layout = { kind: 2, peer: 3, peerAs: 4, prefix: 5, path: 6 };
const WITH_TYPE_AP: Layout = { kind: 2, peer: 3, peerAs: 4, prefix: 5, path: 7 };
const BGPKIT: Layout = { kind: 0, peer: 2, peerAs: 3, prefix: 4, path: 5 };

function layoutOf(printed: string): Layout | undefined {
  // Some builds print the MRT subtype after the type: `TABLE_DUMP_V2(2,1)`.
  const first = printed.replace(/\(\d+,\d+\)$/, '');
  if (first === 'TABLE_DUMP' || first === 'TABLE_DUMP2' || first === 'TABLE_DUMP_V2' || first === 'BGP4MP' || first === 'BGP4MP_ET') return WITH_TYPE;
  if (first === 'TABLE_DUMP2_AP' || first === 'TABLE_DUMP_V2_AP' || first === 'BGP4MP_AP') return WITH_TYPE_AP;
  if (first === 'A' || first === 'W') return BGPKIT;
  return undefined;
}

export class BgpdumpParser implements LineParser {
  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (isChromeLine(s)) return;
    const f = s.split('|');
    this.sink.step(f.length);
    const layout = layoutOf(f[0] ?? '');
    if (layout === undefined || f.length < layout.prefix + 1) {
      this.sink.unparsed({ line: n, text: s, reason: 'not a bgpdump -m / bgpkit line' });
      return;
    }
    const kind = f[layout.kind] ?? '';
    // Withdrawals and session state changes carry no path: understood, not routes.
    if (kind === 'W' || kind === 'STATE') return;
    if (kind !== 'A' && kind !== 'B') {
      this.sink.unparsed({ line: n, text: s, reason: `unknown record kind ${kind}` });
      return;
    }
    const d = newDraft(f[layout.prefix] ?? '', n);
    const at = (k: number): string => f[layout.path + k] ?? '';
    const pathText = at(0);
    const offset = s.split('|', layout.path).join('|').length + 1;
    d.path = parseAsPathText(s, {}, offset, offset + pathText.length);
    d.pathLine = n;
    const origin = originWord(at(1));
    if (origin !== undefined) d.origin = origin;
    if (at(2) !== '') d.nextHop = at(2);
    const lp = uint(at(3));
    if (lp !== undefined) d.localPref = lp;
    const med = uint(at(4));
    if (med !== undefined) d.med = med;
    if (at(5) !== '') d.communities = parseCommunityList(at(5)).communities;
    const peerAs = asnValue(f[layout.peerAs] ?? '');
    if (peerAs !== undefined) d.peerAsn = peerAs as Asn;
    if ((f[layout.peer] ?? '') !== '') d.peerAddress = f[layout.peer];
    this.sink.route(finishDraft(d));
  }

  end(): void {}
}
