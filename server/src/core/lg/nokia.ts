import { parseAsPathText } from './asPathText';
import { isAddress, isPrefixToken } from './address';
import { isChromeLine } from './lineClean';
import { splitRd } from './routeDistinguisher';
import { parseCommunityList } from './communities';
import { finishDraft, newDraft, rpkiWord, uint, type LineParser, type RouteDraft, type RouteSink } from './lineParser';
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
  /^Routes : \d+/,
];

/**
 * The detail form (`show router bgp routes <prefix> detail`): `Key : value` lines, two columns wide,
 * starting with `Network :`. A path's attributes come as `Original Attributes` and, when an import
 * policy changed them, again as `Modified Attributes`; the route keeps the original (received) path.
 */
const DETAIL_KEY = /^([A-Z][\w.() -]*?)\s*:\s?(.*)$/;
/** The second column of a two-column detail line: `MED            : None` after the first value. */
const SECOND_COLUMN = /\s{2,}([A-Z][\w.() -]*?)\s*:\s?(.*)$/;

const DETAIL_FIELDS: Readonly<Record<string, (d: RouteDraft, v: string, n: number) => void>> = {
  Nexthop: (d, v) => {
    if (isAddress(v)) d.nextHop = v;
  },
  From: (d, v) => {
    if (isAddress(v)) d.peerAddress = v;
  },
  'Local Pref.': (d, v) => {
    d.localPref = uint(v);
  },
  MED: (d, v) => {
    d.med = uint(v);
  },
  'AS-Path': (d, v, n) => {
    d.path = /^No As-Path$/i.test(v.trim()) ? parseAsPathText('') : parseAsPathText(v, { originCode: true });
    d.pathLine = n;
  },
  Community: (d, v) => {
    d.communities.push(...parseCommunityList(v).communities);
  },
  Flags: (d, v) => {
    d.valid = /\bValid\b/.test(v);
    d.best = /\bBest\b/.test(v);
  },
  'Orig Validation': (d, v) => {
    d.rpki = rpkiWord(v.trim());
  },
};

/**
 * A VPN table's path line ends with the route's label under the `Label` header (`No As-Path   524286`): the
 * last word, set apart by blanks and starting near that column, is the label. A path that runs into the
 * column with no gap cannot be told from the label: the route keeps the path and says so.
 */
function withoutLabel(s: string, labelColumn: number | undefined): { text: string; uncertain?: string } {
  if (labelColumn === undefined) return { text: s };
  const m = /^(.*\S)(\s{2,})(\d+)\s*$/.exec(s);
  const path = m?.[1] ?? '';
  // Right-aligned labels may start a little before the header word.
  if (m !== null && path.length < labelColumn && path.length + (m[2] ?? '').length >= labelColumn - 8) return { text: path };
  return s.trimEnd().length > labelColumn ? { text: s, uncertain: 'the AS path reaches into the Label column: its last number may be the label' } : { text: s };
}

export class NokiaParser implements LineParser {
  private cur: RouteDraft | undefined;
  /** Which line of the three the next indented line is. */
  private part = 0;
  /**
   * Where the header's third row puts the `Label` column (VPN tables: `As-Path … Label`): the label is printed
   * at the end of the path line and is not an AS. Undefined for tables without it.
   */
  private labelColumn: number | undefined;
  /** Reading a detail entry; `modified` while in its `Modified Attributes` block. */
  private detail: { modified: boolean } | undefined;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (isChromeLine(s)) return;
    for (const re of KNOWN) if (re.test(s)) return;
    const pathHeader = /^\s+As-Path(?:\s+(Label))?\s*$/.exec(s);
    if (pathHeader !== null) {
      this.labelColumn = pathHeader[1] !== undefined ? s.lastIndexOf('Label') : undefined;
      return;
    }
    if (this.detailLine(s, n)) return;
    const head = /^([usx*>ilbdhp?]+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(s);
    if (head !== null) {
      const { rd, prefix: net } = splitRd(head[2] ?? '');
      if (isPrefixToken(net)) {
        this.flush();
        const d = newDraft(net, n);
        if (rd !== undefined) d.rd = rd;
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
        const { text, uncertain } = withoutLabel(s, this.labelColumn);
        if (uncertain) d.uncertain = uncertain;
        d.path = /^\s*No As-Path\s*$/.test(text) ? parseAsPathText('') : parseAsPathText(text, { originCode: true });
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

  private detailLine(s: string, n: number): boolean {
    if (/^(?:Original|Modified) Attributes\s*$/.test(s)) {
      this.detail = { modified: s.startsWith('Modified') };
      return true;
    }
    const m = DETAIL_KEY.exec(s);
    if (m === null) return false;
    const key = (m[1] ?? '').trim();
    const value = (m[2] ?? '').trim();
    if (key === 'Network' && isPrefixToken(value.replace(/^\d+(?:\.\d+){0,3}:\d+:/, ''))) {
      if (this.detail?.modified === true && this.cur?.prefix === value) return true;
      this.flush();
      this.cur = newDraft(value.replace(/^\d+(?:\.\d+){0,3}:\d+:/, ''), n);
      this.detail = { modified: false };
      return true;
    }
    const d = this.cur;
    if (this.detail === undefined || d === undefined) return false;
    if (this.detail.modified) return true;
    const second = SECOND_COLUMN.exec(value);
    const first = second !== null ? value.slice(0, second.index).trim() : value;
    DETAIL_FIELDS[key]?.(d, first, n);
    if (second !== null) DETAIL_FIELDS[second[1] ?? '']?.(d, (second[2] ?? '').trim(), n);
    d.end = n;
    return true;
  }

  private flush(): void {
    if (this.cur !== undefined) this.sink.route(finishDraft(this.cur));
    this.cur = undefined;
    this.part = 0;
    this.detail = undefined;
  }
}
