import { parseAsPathText } from './asPathText';
import { addressStartsAt, decoratedNextHop, isAddress, isInterfaceName, isPrefixToken, withClassfulLength } from './address';
import { isChromeLine } from './lineClean';
import { rdLine, vrfLine } from './routeDistinguisher';
import { finishDraft, newDraft, type LineParser, type RouteDraft, type RouteSink } from './lineParser';
import type { Asn } from '../net/asn';
import type { Community, LgFormat, LgRoute, Origin } from './types';

/**
 * The `show ip bgp` table family: Cisco IOS/IOS-XE, IOS-XR, NX-OS, FRR/Quagga, Arista EOS and Huawei
 * print the same columns (Network, Next Hop, Metric, LocPrf, Weight, Path) with small differences kept
 * in PLATFORMS below. Numeric columns are optional, so they are assigned by column position read from
 * the header (or a default layout relative to the next hop), and an overflowing value shifts the rest of
 * the line; the path is everything after the weight, read from the right for its origin code.
 */

interface Platform {
  /** Values sit under the left edge of their header word (Arista, Huawei) rather than the right. */
  readonly leftAligned: boolean;
  /** The first character may be an RPKI state (`V*>`, `I*`, `N*>`). */
  readonly rpkiColumn: boolean;
  /** Numbers end exactly under the end of their header word (IOS's fixed-width `%6s` fields). */
  readonly endAligned: boolean;
}

const PLATFORMS: Readonly<Partial<Record<LgFormat, Platform>>> = {
  'cisco-ios': { leftAligned: false, rpkiColumn: true, endAligned: true },
  'cisco-iosxr': { leftAligned: false, rpkiColumn: true, endAligned: false },
  'cisco-nxos': { leftAligned: false, rpkiColumn: false, endAligned: false },
  frr: { leftAligned: false, rpkiColumn: true, endAligned: true },
  arista: { leftAligned: true, rpkiColumn: false, endAligned: false },
  huawei: { leftAligned: true, rpkiColumn: false, endAligned: false },
};

type FieldName = 'metric' | 'aigp' | 'locprf' | 'weight' | 'from';

/** Column names as messages print them. */
const COLUMN_NAMES: Readonly<Record<FieldName, string>> = { metric: 'Metric', aigp: 'AIGP', locprf: 'LocPrf', weight: 'Weight', from: 'From' };

/** Header words per column; the first match in a header line names the column. */
const HEADER_WORDS: readonly { readonly field: FieldName | 'path' | 'nexthop'; readonly words: readonly string[] }[] = [
  { field: 'nexthop', words: ['Next Hop', 'NextHop', 'Nexthop', 'Next-hop', 'Next-Hop'] },
  { field: 'metric', words: ['Metric', 'MED'] },
  // Arista prints AIGP between Metric and LocPref (`-` when absent); read so it is never a path.
  { field: 'aigp', words: ['AIGP'] },
  { field: 'locprf', words: ['LocPrf', 'LocPref', 'Locprf'] },
  { field: 'weight', words: ['Weight', 'PrefVal'] },
  { field: 'from', words: ['From'] },
  { field: 'path', words: ['Path/Ogn', 'AS Path', 'Path'] },
];

interface Column {
  readonly field: FieldName;
  /** First and last column of the header word. */
  readonly start: number;
  readonly end: number;
}

interface Layout {
  readonly nextHop: number;
  readonly columns: readonly Column[];
  readonly path: number;
  /** The paste lost its column alignment (runs of spaces squeezed to one): fall back to value heuristics. */
  readonly collapsed: boolean;
}

/** Status and legend lines that belong to the table family and carry no route. */
const LEGEND: readonly RegExp[] = [
  /^\s*BGP (?:table version|routing table(?! entry)|router identifier|generic scan|scan interval|main routing|NSR|table state|local router)/i,
  /^\s*(?:Status codes|Status:|Path type|Origin codes|Origin validation|RPKI (?:Origin )?[Vv]alidation codes|Route status codes|AS Path Attributes|Nexthop codes|Default local pref|Router identifier|Non-stop routing|Table ID|Local router ID|Peer \S+ routes for|Total [Nn]umber of|Processed \d+ prefixes|Displayed\s+\d+|Route Distinguisher|VRF:?\s|BGP Local RIB|Local AS)/,
  /^\s*(?:-{3,}|={3,})\s*$/,
  /^\s*(?:Origin\s*:|Info:|Total Number of Routes|BGP Local router ID|Local AS number|Dampening enabled|Can't find neighbor|No BGP prefixes|% )/,
];

/** One item of a legend continuation line: `r RIB-failure`, `x best-external`, `& - backup`. */
const LEGEND_ITEM = /^[a-zA-Z*>#=&|?@<]{1,4}\s*-?\s+[A-Za-z][\w -]*$/;

function isLegend(s: string): boolean {
  for (const re of LEGEND) if (re.test(s)) return true;
  // Continuation of a legend, `   r RIB-failure, S Stale, m multipath,`: checked item by item, so no
  // nested quantifier can backtrack.
  if (!/^\s/.test(s)) return false;
  const items = s.split(',').map((x) => x.trim()).filter((x) => x !== '');
  return items.length > 0 && items.every((x) => LEGEND_ITEM.test(x));
}

function readHeader(s: string): Layout | undefined {
  if (!/\bNetwork\b/.test(s) || !/Path/.test(s)) return undefined;
  let nextHop = -1;
  let path = -1;
  const columns: Column[] = [];
  for (const h of HEADER_WORDS) {
    for (const w of h.words) {
      const at = s.indexOf(w);
      if (at < 0) continue;
      if (h.field === 'nexthop') nextHop = at;
      else if (h.field === 'path') path = at;
      else columns.push({ field: h.field, start: at, end: at + w.length - 1 });
      break;
    }
  }
  if (nextHop < 0 || path < 0) return undefined;
  columns.sort((a, b) => a.start - b.start);
  const kept = columns.filter((c) => c.start > nextHop && c.start < path);
  const collapsed = /Next[ -]?[Hh]op \S/.test(s) && kept.every((c, i) => i === 0 || c.start - (kept[i - 1] as Column).end <= 2);
  return { nextHop, columns: kept, path, collapsed };
}

/** IOS's layout relative to where the next hop starts, for tables pasted without their header. */
function defaultLayout(nextHop: number): Layout {
  return {
    nextHop,
    columns: [
      { field: 'metric', start: nextHop + 20, end: nextHop + 25 },
      { field: 'locprf', start: nextHop + 27, end: nextHop + 32 },
      { field: 'weight', start: nextHop + 34, end: nextHop + 39 },
    ],
    path: nextHop + 41,
    collapsed: false,
  };
}

/** IOS-XR right-aligns LocPrf four columns further right than its header word says. */
function xrLayout(nextHop: number): Layout {
  return {
    nextHop,
    columns: [
      { field: 'metric', start: nextHop + 20, end: nextHop + 25 },
      { field: 'locprf', start: nextHop + 27, end: nextHop + 36 },
      { field: 'weight', start: nextHop + 38, end: nextHop + 43 },
    ],
    path: nextHop + 45,
    collapsed: false,
  };
}

/**
 * The first tokens of the line being parsed, as start/end (exclusive) offsets: numbers are read in
 * place and only the prefix and next hop become strings. Shared by all instances: a line is parsed to
 * the end before the next one starts.
 */
const TS = new Int32Array(10);
const TE = new Int32Array(10);

/** Fills TS/TE with up to `max` whitespace-separated tokens from `from`; returns how many. */
function tokenize(s: string, from: number, max: number): number {
  let i = from;
  let k = 0;
  const n = s.length;
  while (i < n && k < max) {
    let c = s.charCodeAt(i);
    while (c === 32 || c === 9) c = s.charCodeAt(++i);
    if (i >= n) break;
    TS[k] = i;
    while (i < n && c !== 32 && c !== 9) c = s.charCodeAt(++i);
    TE[k++] = i;
  }
  return k;
}

/** End of a dotted-quad IPv4 address starting at `i` (octets of 1–3 digits), or -1. */
function dottedQuadEnd(u: Uint8Array, i: number, b: number): number {
  let dots = 0;
  let digits = 0;
  for (; i < b; i++) {
    const c = u[i] as number;
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return -1;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return -1;
      digits = 0;
    } else break;
  }
  return dots === 3 && digits > 0 ? i : -1;
}

const tokText = (s: string, k: number): string => s.slice(TS[k], TE[k]);

/** The token as an unsigned number, -1 for `-` (a blank column on Arista), -2 when it is no number. */
function tokNumber(s: string, k: number): number {
  const a = TS[k] ?? 0;
  const b = TE[k] ?? 0;
  if (b - a === 1 && s.charCodeAt(a) === 45) return -1;
  if (b - a > 10 || b <= a) return -2;
  let v = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -2;
    v = v * 10 + (c - 48);
  }
  return v;
}

const WITH_ORIGIN = { originCode: true } as const;

const VALID = 1;
const BEST = 2;
const MULTIPATH = 4;
const ECMP = 8;
const RPKI_V = 16;
const RPKI_I = 32;
const RPKI_N = 64;

/**
 * The status column `s[from..end)` as bits: `*` valid, `>` best, `m`/`=` multipath, `E`/`e` Arista ECMP,
 * and an RPKI state (`V`, `I`, `N`) when it is the first mark and a status mark or blank follows it.
 */
function statusFlags(s: string, from: number, end: number): number {
  let f = 0;
  let first = true;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) continue;
    if (first) {
      first = false;
      const next = s.charCodeAt(i + 1);
      if ((c === 86 || c === 73 || c === 78) && (next === 42 || next === 32 || next === 62)) {
        f |= c === 86 ? RPKI_V : c === 73 ? RPKI_I : RPKI_N;
        continue;
      }
    }
    if (c === 42) f |= VALID;
    else if (c === 62) f |= BEST;
    else if (c === 109 || c === 61) f |= MULTIPATH;
    else if (c === 69 || c === 101) f |= ECMP;
  }
  return f;
}

/**
 * Status marks the fast path accepts before the prefix: a subset of STATUS_CHARS with no mark that
 * needs the general code (Arista's `E`, path types). Any other character sends the line the general way.
 */
const FAST_STATUS = new Uint8Array(128);
for (const ch of 'sdh*>irSmbfxac=VIN') FAST_STATUS[ch.charCodeAt(0)] = 1;

/** Shared by every route of a table row (rows print no communities); frozen so no consumer can add to it. */
const NO_COMMUNITIES: readonly Community[] = Object.freeze([]);

const MAX_ASN = 4294967295;

/** Status, path-type and RPKI flag characters, as a char-code table. */
const STATUS_CHARS = new Uint8Array(128);
for (const ch of 'sdh*>irSmbfxacte=RVIN&|#ElupLq~') STATUS_CHARS[ch.charCodeAt(0)] = 1;

export class CiscoTableParser implements LineParser {
  private layout: Layout | undefined;
  private readonly platform: Platform;
  /** A route whose prefix (and maybe next hop) is on an earlier line, waiting for its path. */
  private pending: RouteDraft | undefined;
  /** The lines the pending route spans, reported if it never gets its path. */
  private pendingLines: string[] = [];
  private lastPrefix: string | undefined;
  /** The VPN section (`Route Distinguisher: …`) and VRF (`Instance BLUE:`) the rows below belong to. */
  private rd: string | undefined;
  private vrf: string | undefined;
  /** The layout the fast path was prepared for, and its numeric columns (undefined: no fast path). */
  private fastLayout: Layout | undefined;
  private fastCols: readonly Column[] | undefined;

  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {
    this.platform = PLATFORMS[format] ?? { leftAligned: false, rpkiColumn: true, endAligned: false };
  }

  line(s: string, n: number): void {
    this.sink.step(1);
    // Route lines first: they are nearly every line of a full table.
    if (this.routeLine(s, n)) return;
    const header = readHeader(s);
    if (header !== undefined) {
      this.layout = header;
      return;
    }
    const rd = rdLine(s);
    if (rd !== undefined) {
      this.dropPending();
      this.rd = rd.rd;
      if (rd.vrf !== undefined) this.vrf = rd.vrf;
      return;
    }
    const vrf = vrfLine(s);
    if (vrf !== undefined) {
      this.dropPending();
      this.vrf = vrf.vrf;
      this.rd = undefined;
      return;
    }
    if (isChromeLine(s)) return;
    if (isLegend(s)) return;
    this.sink.unparsed({ line: n, text: s, reason: 'not a route line of this table' });
  }

  /** A route of the current VPN/VRF section. */
  private newRoute(prefix: string, n: number): RouteDraft {
    const d = newDraft(prefix, n);
    d.rd = this.rd;
    d.vrf = this.vrf;
    return d;
  }

  end(): void {
    this.dropPending();
  }

  /**
   * The row nearly every line of a full table is: status marks, an IPv4 prefix with its length (or a
   * blank Network column for another path of the prefix above), an IPv4 next hop, the numeric columns,
   * plain ASNs and an origin code. Read in one pass over the raw bytes `u` (the ASCII text `t`, byte for
   * character: indexing bytes is several times cheaper than charCodeAt), with no token strings but the
   * three kept; the result is exactly what `line` would make of it. Anything else returns false before
   * any state changes: prefix-only lines, IPv6, AS_SETs, asdot, notes, glued flags, blank columns (`-`),
   * tabs, escapes, tags, entities and CRs (which `cleanLine` would change) all go the general way.
   */
  fast(t: string, u: Uint8Array, a: number, b: number, n: number): boolean {
    const layout = this.layout;
    if (layout === undefined || this.rd !== undefined || this.vrf !== undefined) return false;
    if (layout !== this.fastLayout) this.prepareFast(layout);
    const cols = this.fastCols;
    if (cols === undefined) return false;
    // Status marks, within the first 7 columns as in routeLine.
    let i = a;
    while (i < b && i - a < 7) {
      const c = u[i] as number;
      if (c === 32) i++;
      else if (c >= 48 && c <= 57) break;
      else if (c < 128 && FAST_STATUS[c] === 1) i++;
      else return false;
    }
    const statusEnd = i;
    while (i < b && (u[i] as number) === 32) i++;
    // First token: a dotted quad, with `/len` for a prefix.
    const firstStart = i;
    let slash = -1;
    i = dottedQuadEnd(u, i, b);
    if (i < 0) return false;
    if (i < b && (u[i] as number) === 47) {
      slash = i;
      i++;
      const ls = i;
      while (i < b && (u[i] as number) >= 48 && (u[i] as number) <= 57) i++;
      if (i === ls || i - ls > 3) return false;
    }
    if (i < b && (u[i] as number) !== 32) return false;
    const firstEnd = i;
    const threshold = Math.max(8, layout.nextHop - 4);
    const p = this.pending;
    let nhStart: number;
    let nhEnd: number;
    let tokens: number;
    if (firstStart - a < threshold) {
      // A classful network without its length needs withClassfulLength: general way.
      if (slash < 0) return false;
      while (i < b && (u[i] as number) === 32) i++;
      nhStart = i;
      nhEnd = dottedQuadEnd(u, i, b);
      if (nhEnd < 0 || (nhEnd < b && (u[nhEnd] as number) !== 32)) return false;
      tokens = 2;
    } else {
      // Another path for the prefix above, or the rest of a route whose prefix wrapped (held as pending).
      if (slash >= 0 || (this.lastPrefix === undefined && p === undefined)) return false;
      nhStart = firstStart;
      nhEnd = firstEnd;
      tokens = 1;
    }
    // Numeric columns, assigned by position exactly as `attributes` does.
    let shift = 0;
    const firstCol = cols[0];
    if (nhStart - a >= layout.nextHop - 6) {
      shift = nhStart - a - layout.nextHop;
      if (firstCol !== undefined) {
        const metricFieldStart = firstCol.end - 9;
        if (nhEnd - a + 1 - shift > metricFieldStart) shift = nhEnd - a + 1 - metricFieldStart;
      }
    }
    let med: number | undefined;
    let localPref: number | undefined;
    let weight: number | undefined;
    let c = 0;
    i = nhEnd;
    while (i < b && (u[i] as number) === 32) i++;
    while (c < cols.length && i < b) {
      const ts = i;
      let v = 0;
      let numeric = true;
      for (; i < b; i++) {
        const d = u[i] as number;
        if (d === 32) break;
        if (d >= 48 && d <= 57) v = v * 10 + (d - 48);
        else numeric = false;
      }
      if (i - ts === 1 && (u[ts] as number) === 45) return false;
      if (!numeric || i - ts > 10) {
        i = ts;
        break;
      }
      let at = -1;
      for (let j = c; j < cols.length; j++) {
        if (ts - a - shift <= (cols[j] as Column).end) {
          at = j;
          break;
        }
      }
      if (at < 0) {
        i = ts;
        break;
      }
      const target = cols[at] as Column;
      // A value not under its column: the general code flags the row as uncertain.
      if (this.offColumn(ts - a - shift, i - 1 - a - shift, target)) return false;
      if (target.field === 'metric') med = v;
      else if (target.field === 'locprf') localPref = v;
      else if (target.field === 'weight') weight = v;
      if (i - 1 - a - shift > target.end) shift = i - 1 - a - target.end;
      c = at + 1;
      tokens++;
      while (i < b && (u[i] as number) === 32) i++;
    }
    // The path: plain ASNs, then an origin code; a row without a path goes the general way, and so
    // does a row whose first AS stands left of the Path column while a column is still empty.
    const pathStart = i;
    if (c < cols.length && pathStart < b && (u[pathStart] as number) >= 48 && (u[pathStart] as number) <= 57) {
      let pe = pathStart;
      while (pe < b && (u[pe] as number) !== 32) pe++;
      if (pe - a - shift < layout.path - 1) return false;
    }
    let end = b;
    while (end > pathStart && (u[end - 1] as number) === 32) end--;
    if (end === pathStart) return false;
    let origin: Origin | undefined;
    const lc = u[end - 1] as number;
    if (end - 1 === pathStart || (u[end - 2] as number) === 32) {
      origin = lc === 105 || lc === 73 ? 'igp' : lc === 101 || lc === 69 ? 'egp' : lc === 63 ? 'incomplete' : undefined;
      if (origin !== undefined) {
        end--;
        tokens++;
        while (end > pathStart && (u[end - 1] as number) === 32) end--;
        if (end === pathStart) return false;
      }
    }
    const asns: Asn[] = [];
    i = pathStart;
    while (i < end) {
      const ts = i;
      let v = 0;
      for (; i < end; i++) {
        const d = u[i] as number;
        if (d === 32) break;
        if (d < 48 || d > 57) return false;
        v = v * 10 + (d - 48);
      }
      if (i - ts > 10 || v > MAX_ASN) return false;
      asns.push(v as Asn);
      tokens++;
      while (i < end && (u[i] as number) === 32) i++;
    }

    // Committed: from here on the line is a route.
    this.sink.step(1 + Math.min(tokens, 8));
    const flags = statusFlags(t, a, statusEnd);
    if (slash < 0 && p !== undefined && p.nextHop === undefined) {
      // The prefix wrapped onto the line above (rare): complete the held draft as routeLine does.
      this.pending = undefined;
      this.pendingLines = [];
      p.end = n;
      if (flags !== 0) this.applyStatus(p, flags);
      p.nextHop = t.slice(nhStart, nhEnd);
      if (med !== undefined) p.med = med;
      if (localPref !== undefined) p.localPref = localPref;
      if (weight !== undefined) p.weight = weight;
      const text = t.slice(pathStart, end);
      p.path = { segments: [{ type: 'sequence', asns }], text, textStart: pathStart - a, origin, truncated: false, invalid: [] };
      p.pathLine = n;
      this.sink.route(finishDraft(p));
      return true;
    }
    this.dropPending();
    if (slash >= 0) this.lastPrefix = t.slice(firstStart, firstEnd);
    const prefix = this.lastPrefix as string;
    let rpki: LgRoute['rpki'];
    if (this.platform.rpkiColumn) {
      if ((flags & RPKI_V) !== 0) rpki = 'valid';
      else if ((flags & RPKI_I) !== 0) rpki = 'invalid';
      else if ((flags & RPKI_N) !== 0) rpki = 'not-found';
    }
    // Same keys in the same order as finishDraft, so both kinds of route share one object shape.
    const route: LgRoute = {
      prefix,
      asPath: [{ type: 'sequence', asns }],
      asPathText: t.slice(pathStart, end),
      asPathTruncated: undefined,
      asPathLine: undefined,
      nextHop: t.slice(nhStart, nhEnd),
      origin,
      localPref,
      med,
      weight,
      communities: NO_COMMUNITIES,
      otc: undefined,
      best: (flags & BEST) !== 0,
      valid: (flags & VALID) !== 0,
      multipath: (flags & MULTIPATH) !== 0 ? true : undefined,
      rpki,
      aspa: undefined,
      peer: undefined,
      lines: { start: n, end: n },
      invalidAsns: undefined,
      pathUncertain: undefined,
      rd: undefined,
      vrf: undefined,
    };
    this.sink.route(route);
    return true;
  }

  /** The numeric columns the fast path reads for this layout, or none when it has a From column or is not right-aligned. */
  private prepareFast(layout: Layout): void {
    this.fastLayout = layout;
    this.fastCols = undefined;
    if (layout.collapsed || this.platform.leftAligned) return;
    const cols = this.format === 'cisco-iosxr' && layout.columns.length === 3 ? xrLayout(layout.nextHop).columns : layout.columns;
    if (cols.some((col) => col.field === 'from')) return;
    this.fastCols = cols;
  }

  private dropPending(): void {
    const p = this.pending;
    if (p === undefined) return;
    this.pending = undefined;
    this.pendingLines.forEach((text, k) => this.sink.unparsed({ line: p.start + k, text, reason: 'route without a path' }));
    if (this.pendingLines.length > 0) this.pendingLines = [];
  }

  private routeLine(line: string, n: number): boolean {
    const s = this.withoutNote(line);
    // Status flags: a few characters before the prefix, possibly glued to it (`*>i10.0.0.0/8`).
    let i = 0;
    const len = s.length;
    while (i < len && i < 7) {
      const c = s.charCodeAt(i);
      if (c === 32) {
        i++;
        continue;
      }
      if ((c >= 48 && c <= 57) || c >= 128 || STATUS_CHARS[c] !== 1 || addressStartsAt(s, i)) break;
      i++;
    }
    const status = statusFlags(s, 0, i);
    while (i < len && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
    if (i >= len) return false;
    // Prefix, next hop, up to four numbers (or From) and the first path token are all the columns there are.
    const count = tokenize(s, i, 8);
    if (count === 0) return false;
    this.sink.step(count);
    const nhThreshold = this.layout === undefined ? 16 : this.layout.collapsed ? 1000 : Math.max(8, this.layout.nextHop - 4);

    let k = 0;
    let draft: RouteDraft;
    const p = this.pending;
    const first = tokText(s, 0);
    const firstStart = TS[0] ?? 0;
    const firstIsNextHop =
      this.layout?.collapsed === true
        ? isAddress(first) && !(count > 1 && isAddress(tokText(s, 1)))
        : firstStart >= nhThreshold && (isAddress(first) || first === '-' || this.nextHopAt(first, firstStart) !== undefined);
    if (!firstIsNextHop && (firstStart < nhThreshold || this.layout?.collapsed === true) && isPrefixToken(first)) {
      this.dropPending();
      draft = this.newRoute(withClassfulLength(first), n);
      this.applyStatus(draft, status);
      this.lastPrefix = draft.prefix;
      k = 1;
    } else if (firstIsNextHop && p !== undefined && p.nextHop === undefined) {
      // The prefix was too long and wrapped; this line carries the rest.
      draft = p;
      this.pendingLines.push(s);
      draft.end = n;
      if (status !== 0) this.applyStatus(draft, status);
      this.pending = undefined;
      // It may still lack its path (an IPv6 next hop alone on the line): `hold` keeps the lines.
    } else if (firstIsNextHop && this.lastPrefix !== undefined && (p === undefined || p.nextHop !== undefined)) {
      // Another path for the prefix above: the Network column is blank.
      this.dropPending();
      draft = this.newRoute(this.lastPrefix, n);
      this.applyStatus(draft, status);
    } else if (p !== undefined && p.nextHop !== undefined && firstStart >= nhThreshold && !isAddress(first)) {
      // A long (IPv6) next hop pushed the attributes onto this line.
      draft = p;
      this.pendingLines.push(s);
      draft.end = n;
      this.pending = undefined;
      return this.attributes(draft, s, count, 0, n);
    } else return false;

    if (k >= count) {
      this.hold(draft, s);
      return true;
    }
    const nh = tokText(s, k);
    const nhStart = TS[k] ?? 0;
    const hop = isAddress(nh) || nh === '-' ? nh : this.nextHopAt(nh, nhStart);
    if (hop !== undefined) {
      if (hop !== '-') draft.nextHop = hop;
      k++;
    } else if (!(this.layout !== undefined && nhStart >= this.layout.path)) return this.reject(draft, n);
    if (k >= count) {
      this.hold(draft, s);
      return true;
    }
    if (this.layout === undefined) this.layout = defaultLayout(nhStart);
    return this.attributes(draft, s, count, k, n);
  }

  /**
   * A next hop as FRR prints it besides a plain address: decorated (`10.0.0.2(pe1)`, `10.0.0.7@0<`), or
   * the interface of an unnumbered session (`swp51`), which is taken only where the header's Next Hop
   * column starts, so that no word elsewhere on a row is read as one.
   */
  private nextHopAt(t: string, start: number): string | undefined {
    const d = decoratedNextHop(t);
    if (d !== undefined) return d;
    const l = this.layout;
    return l !== undefined && !l.collapsed && Math.abs(start - l.nextHop) <= 1 && isInterfaceName(t) ? t : undefined;
  }

  /**
   * FRR may print why a path was chosen in the Network column (`10.0.0.0/24 (First path received)`, or
   * `(Weight)` in place of the prefix on a further path): blanked, keeping every column where it was.
   */
  private withoutNote(s: string): string {
    const l = this.layout;
    if (l === undefined || l.collapsed) return s;
    const open = s.indexOf('(');
    if (open < 0 || open >= l.nextHop) return s;
    const close = s.indexOf(')', open);
    if (close < 0 || close >= l.nextHop) return s;
    return s.slice(0, open) + ' '.repeat(close + 1 - open) + s.slice(close + 1);
  }

  /** Keeps a route whose line ended before its path; the next line continues it. */
  private hold(draft: RouteDraft, s: string): void {
    // A continued route already has its earlier lines (and this one) in pendingLines.
    if (this.pendingLines.length === 0) this.pendingLines.push(s);
    this.pending = draft;
  }

  private reject(draft: RouteDraft, n: number): boolean {
    if (draft.start !== n) {
      // Lines of an earlier wrapped route were held; report them too.
      this.pendingLines.slice(0, -1).forEach((text, j) => this.sink.unparsed({ line: draft.start + j, text, reason: 'route without a path' }));
    }
    if (this.pendingLines.length > 0) this.pendingLines = [];
    return false;
  }

  private attributes(draft: RouteDraft, s: string, count: number, k: number, n: number): boolean {
    let layout = this.layout ?? defaultLayout(k < count ? (TS[k] ?? 20) : 20);
    if (this.format === 'cisco-iosxr' && layout.columns.length === 3) layout = xrLayout(layout.nextHop);
    if (layout.collapsed) return this.collapsed(draft, s, count, k, n);
    const cols = layout.columns;
    let shift = 0;
    const firstCol = cols[0];
    if (k > 0 && (draft.nextHop !== undefined || tokText(s, k - 1) === '-') && (TS[k - 1] ?? 0) >= layout.nextHop - 6) {
      // Rows may sit a few columns off their header (IOS prints the RPKI column in the header only):
      // measure columns from where this row's next hop starts.
      const prevStart = TS[k - 1] ?? 0;
      const prevEnd = (TE[k - 1] ?? 0) - 1;
      shift = prevStart - layout.nextHop;
      if (firstCol !== undefined && !this.platform.leftAligned) {
        // A next hop longer than its column pushes every later column right.
        const metricFieldStart = firstCol.end - 9;
        if (prevEnd + 2 - shift > metricFieldStart) shift = prevEnd + 2 - metricFieldStart;
      } else if (firstCol !== undefined && prevEnd + 1 - shift >= firstCol.start) {
        // Left-aligned (EOS): a next hop running into the first value column (`fe80::…%Et1 0       -`)
        // pushes every later column right by as much, one blank after it.
        shift = prevEnd + 2 - firstCol.start;
      }
    }
    let c = 0;
    let off: string | undefined;
    while (k < count && c < cols.length) {
      const col = cols[c] as Column;
      const tStart = TS[k] ?? 0;
      const tEnd = (TE[k] ?? 0) - 1;
      if (col.field === 'from') {
        const t = tokText(s, k);
        if (isAddress(t)) draft.peerAddress = t;
        else if (t !== 'Local') break;
        k++;
        c++;
        continue;
      }
      const v = tokNumber(s, k);
      if (v === -2) break;
      let at = -1;
      if (this.platform.leftAligned) {
        // Left-aligned: the last column starting at or before the token; at the Path column the path begins.
        const adj = tStart - shift;
        if (adj >= layout.path - 1) break;
        at = c;
        for (let j = c; j < cols.length; j++) if ((cols[j] as Column).start <= adj + 1) at = j;
      } else {
        for (let j = c; j < cols.length; j++) {
          if (tStart - shift <= (cols[j] as Column).end) {
            at = j;
            break;
          }
        }
      }
      if (at < 0) break;
      const target = cols[at] as Column;
      const value = v >= 0 ? v : undefined;
      if (off === undefined && this.layout !== undefined && this.offColumn(tStart - shift, tEnd - shift, target)) {
        off = `the value ${tokText(s, k)} does not sit under the ${COLUMN_NAMES[target.field]} column of the header, so the numbers before the path may be read wrongly (one of them may be its first AS)`;
      }
      if (target.field === 'metric') draft.med = value;
      else if (target.field === 'locprf') draft.localPref = value;
      else if (target.field === 'weight') draft.weight = value;
      if (!this.platform.leftAligned && tEnd - shift > target.end) shift = tEnd - target.end;
      k++;
      c = at + 1;
    }
    // A row off the header's grid is still read right when the weight came out as a router prints it
    // for a received or local route (0, 32768); any other weight may be the path's first AS.
    if (off !== undefined && draft.weight !== 0 && draft.weight !== 32768) draft.uncertain ??= off;
    const from = k < count ? (TS[k] ?? s.length) : s.length;
    if (this.layout !== undefined && k < count && (TE[k] ?? 0) - shift < layout.path - 1 && c < cols.length && tokNumber(s, k) >= 0) {
      // A number left of the Path column that no column took: a value of a column the header does
      // not name, or the path's first AS printed early. Either reading may be wrong.
      draft.uncertain ??= `the number ${tokText(s, k)} stands left of the header's Path column; it was read as the first AS but may be a weight or metric`;
    }
    draft.path = parseAsPathText(s, WITH_ORIGIN, from, s.length);
    draft.pathLine = n;
    if (draft.path.origin === undefined && draft.path.segments.length === 0 && draft.path.text !== '') return this.reject(draft, n);
    draft.end = n;
    if (this.pendingLines.length > 0) this.pendingLines = [];
    this.sink.route(finishDraft(draft));
    return true;
  }

  /**
   * A value that is not under its header word at all: it ends before the word begins (right-aligned
   * columns grow leftwards from the word's end, so they always reach into it), or, left-aligned, starts
   * after the word ends. Values a few columns off (a long next hop, a column the header lacks) still
   * overlap their word; a row that does not match the header does not.
   */
  private offColumn(start: number, end: number, col: Column): boolean {
    if (this.platform.leftAligned) return start > col.end + 1 || end < col.start - 1;
    return end < col.start - 1 || (this.platform.endAligned && (end < col.end - 1 || end > col.end + 1));
  }

  /**
   * Columns lost: the weight is the last of the first three numbers that reads 0 or 32768 (what IOS,
   * NX-OS and XR print for received and local routes), the numbers before it are metric and local pref.
   */
  private collapsed(draft: RouteDraft, s: string, count: number, k: number, n: number): boolean {
    let w = -1;
    const nums: number[] = [];
    for (let j = 0; j < 3 && k + j < count; j++) {
      const v = tokNumber(s, k + j);
      if (v < 0) break;
      nums.push(v);
      if (v === 0 || v === 32768) w = j;
    }
    if (w >= 0) {
      draft.weight = nums[w];
      if (w >= 1) draft.med = nums[0];
      if (w === 2) draft.localPref = nums[1];
      k += w + 1;
    }
    const from = k < count ? (TS[k] ?? s.length) : s.length;
    draft.path = parseAsPathText(s, WITH_ORIGIN, from, s.length);
    draft.pathLine = n;
    draft.end = n;
    if (this.pendingLines.length > 0) this.pendingLines = [];
    this.sink.route(finishDraft(draft));
    return true;
  }

  private applyStatus(d: RouteDraft, flags: number): void {
    if (this.platform.rpkiColumn) {
      if ((flags & RPKI_V) !== 0) d.rpki = 'valid';
      else if ((flags & RPKI_I) !== 0) d.rpki = 'invalid';
      else if ((flags & RPKI_N) !== 0) d.rpki = 'not-found';
    }
    d.valid = (flags & VALID) !== 0;
    d.best = (flags & BEST) !== 0;
    if ((flags & MULTIPATH) !== 0 || (this.format === 'arista' && (flags & ECMP) !== 0)) d.multipath = true;
  }

}
