import type { Asn } from '../net/asn';
import { asnValue, parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { parseCommunityList } from './communities';
import { isChromeLine } from './lineClean';
import { splitRd } from './routeDistinguisher';
import { finishDraft, newDraft, originWord, uint, type LineParser, type RouteDraft, type RouteSink } from './lineParser';
import type { LgFormat } from './types';

/**
 * GoBGP `gobgp global rib` and `gobgp neighbor X adj-in`: `[*>] [ID] Network Next-Hop AS_PATH Age Attrs`.
 * A long path runs past the Age column, so the path is cut at the age token (`00:00:06`, `1d 02:03:04`)
 * found from the right, and the attributes are read from the `[{Origin: i} {Med: 0} …]` list.
 */
const HEADER = /^\s*(?:ID\s+)?Network\s+(?:Labels\s+)?Next Hop\s+AS_PATH\s+Age\s+Attrs/;
/**
 * A rib row: an RPKI state (`V`, `I`, `N`: GoBGP's docs on RPKI show it before the flags, glued to them
 * or to the prefix), the flags, an optional path ID, the prefix (RD-glued in VPN tables), the labels
 * of VPN tables (`[100]`) and the next hop. The flags may be empty and, once the front stage has taken
 * off the paste's common indentation, the row may start at column 0.
 */
const ROW = /^\s*(?:([VIN])(?=[*>\s]))?([*>sx]*)\s*(?:(\d+)\s+)?(\S+)\s+(?:\[[^\]]*\]\s+)?(\S+)\s+/;
const RPKI: Readonly<Record<string, RouteDraft['rpki']>> = { V: 'valid', I: 'invalid', N: 'not-found' };
const AGE = /\s(?:\d+d\s*)?\d{2}:\d{2}:\d{2}\s+\[/;
const ATTR = /\{(\w+): ([^{}]*)\}/g;

const ATTRS: Readonly<Record<string, (d: RouteDraft, v: string) => void>> = {
  Origin: (d, v) => {
    d.origin = originWord(v.trim());
  },
  Med: (d, v) => {
    const x = uint(v.trim());
    if (x !== undefined) d.med = x;
  },
  LocalPref: (d, v) => {
    const x = uint(v.trim());
    if (x !== undefined) d.localPref = x;
  },
  Communities: (d, v) => {
    d.communities.push(...parseCommunityList(v.replace(/,/g, ' ')).communities);
  },
  LargeCommunity: (d, v) => {
    d.communities.push(...parseCommunityList(v.replace(/[[\],]/g, ' ')).communities);
  },
  Extcomms: (d, v) => {
    for (const t of v.replace(/[[\]]/g, '').split(',')) if (t.trim() !== '') d.communities.push({ kind: 'extended', text: t.trim() });
  },
  Otc: (d, v) => {
    const a = asnValue(v.trim());
    if (a !== undefined) d.otc = a as Asn;
  },
  OnlyToCustomer: (d, v) => {
    const a = asnValue(v.trim());
    if (a !== undefined) d.otc = a as Asn;
  },
};

export class GobgpParser implements LineParser {
  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (HEADER.test(s) || isChromeLine(s) || /^Network not in table/.test(s)) return;
    const m = ROW.exec(s);
    const { rd, prefix } = splitRd(m?.[4] ?? '');
    const nh = m?.[5] ?? '';
    const age = AGE.exec(s);
    if (m === null || !isPrefixToken(prefix) || !(isAddress(nh) || nh === '-') || age === null) {
      this.sink.unparsed({ line: n, text: s, reason: 'not a gobgp rib line' });
      return;
    }
    const d = newDraft(prefix, n);
    d.rd = rd;
    if (m[1] !== undefined) d.rpki = RPKI[m[1]];
    const flags = m[2] ?? '';
    d.valid = flags.includes('*');
    d.best = flags.includes('>');
    if (nh !== '-') d.nextHop = nh;
    d.path = parseAsPathText(s, {}, m[0].length, age.index);
    d.pathLine = n;
    // Early GoBGP printed the whole AS_SEQUENCE with Go's slice brackets (`[65002]`); later ones print
    // an AS_CONFED_SET that way. The text alone cannot tell them apart.
    if (/^\[[^\]]*\]$/.test(d.path.text)) d.uncertain = 'GoBGP prints both a whole AS_SEQUENCE (early versions, Go slice format) and an AS_CONFED_SET in brackets; read as a confederation set';
    const attrs = s.slice(age.index);
    for (const a of attrs.matchAll(ATTR)) ATTRS[a[1] ?? '']?.(d, a[2] ?? '');
    this.sink.route(finishDraft(d));
  }

  end(): void {}
}
