import { isPathLine } from './aspathList';
import { VRP3_HEADER } from './huaweiOriginTable';
import { looksLikeXml } from './junosXml';
import { cleanLine, isChromeLine } from './lineClean';
import { ADVERTISEMENTS_HEADER } from './mikrotik';
import type { LgFormat } from './types';

/**
 * Which format a paste is in, by scoring signatures on its first lines. The signatures are data: a
 * line that matches adds the weight to its format; the best score wins. Formats that share a parser
 * (the `show ip bgp` table family) differ only in their legends, which is what the weights reflect.
 */
interface Signature {
  readonly format: LgFormat;
  readonly re: RegExp;
  readonly weight: number;
  /** The most this signature may add in total (route-line shapes repeat on every line). */
  readonly max?: number;
}

const SIGNATURES: readonly Signature[] = [
  // MRT one-line forms.
  { format: 'bgpdump', re: /^(?:TABLE_DUMP(?:2|_V2)?(?:_AP)?|BGP4MP(?:_ET|_AP)?)(?:\(\d+,\d+\))?\|\d+(?:\.\d+)?\|[ABW]\|/, weight: 10 },
  { format: 'bgpdump', re: /^[AW]\|\d+(?:\.\d+)?\|[0-9a-fA-F.:]+\|\d+\|/, weight: 10 },
  // BIRD.
  { format: 'bird', re: /^\s+(?:BGP\.as_path|bgp_path):/, weight: 8 },
  { format: 'bird', re: /^BIRD \d+\.\d+/, weight: 4 },
  { format: 'bird', re: /^\S+\s+(?:unicast|blackhole|unreachable)\s+\[/, weight: 4 },
  { format: 'bird', re: /^\S+\s+via\s+\S+\s+on\s+\S+\s+\[/, weight: 4 },
  { format: 'bird', re: /^\s+Type: BGP /, weight: 3 },
  { format: 'bird', re: /^Table \w+:\s*$/, weight: 2 },
  // Cisco IOS / IOS-XE table.
  { format: 'cisco-ios', re: /^\s*BGP table version is \d+, local router ID is [\d.]+\s*$/, weight: 3 },
  { format: 'cisco-ios', re: /^\s*Status codes: s suppressed, d damped, h history, \* valid, > best, i - internal/, weight: 3 },
  { format: 'cisco-ios', re: /^\s+Network\s+Next Hop\s+Metric LocPrf Weight Path\s*$/, weight: 2 },
  // A bare table line, for pastes without header or legend; capped so that any legend outweighs it.
  { format: 'cisco-ios', re: /^\s?[*>sdhirSmbfxact=VIN ]{1,5}\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?\s+\d{1,3}(?:\.\d{1,3}){3}\s.*\s[ie?]\s*$/, weight: 1, max: 2 },
  // FRR.
  { format: 'frr', re: /^Default local pref \d+, local AS \d+/, weight: 6 },
  { format: 'frr', re: /^Nexthop codes: @NNN/, weight: 6 },
  { format: 'frr', re: /, vrf id \d+\s*$/, weight: 3 },
  { format: 'frr', re: /\* valid, > best, = multipath,/, weight: 4 },
  // IOS-XR.
  { format: 'cisco-iosxr', re: /^BGP router identifier [\d.]+, local AS number/, weight: 4 },
  { format: 'cisco-iosxr', re: /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \w{3} +\d+ \d\d:\d\d:\d\d\.\d{3}/, weight: 3 },
  { format: 'cisco-iosxr', re: /N Nexthop-discard/, weight: 4 },
  { format: 'cisco-iosxr', re: /^Network\s+Next Hop\s+From\s+AS Path/, weight: 6 },
  { format: 'cisco-iosxr', re: /^BGP main routing table version/, weight: 4 },
  // NX-OS.
  { format: 'cisco-nxos', re: /^Status: s-suppressed, x-deleted/, weight: 6 },
  { format: 'cisco-nxos', re: /^Path type: i-internal, e-external/, weight: 4 },
  { format: 'cisco-nxos', re: /Network\s+Next Hop\s+Metric\s+LocPrf\s+Weight Path/, weight: 1 },
  { format: 'cisco-nxos-detail', re: /^\s+AS-Path: .*, path /, weight: 8 },
  { format: 'cisco-nxos-detail', re: /^\s+Path type: (?:internal|external|local|confed)/, weight: 6 },
  // Detail forms of IOS / FRR / Arista.
  { format: 'cisco-ios-detail', re: /^BGP routing table entry for \S+/, weight: 3 },
  { format: 'cisco-ios-detail', re: /^\s*Paths: \(\d+ available, (?:best|no best)/, weight: 3 },
  { format: 'cisco-ios-detail', re: /^\s+Origin (?:IGP|EGP|incomplete), /, weight: 2 },
  { format: 'frr-detail', re: /^\s*Paths: \(\d+ available, .*table \S+\)/, weight: 4 },
  { format: 'frr-detail', re: /^\s+Last update: /, weight: 2 },
  { format: 'arista-detail', re: /^ Paths: \d+ available/, weight: 6 },
  { format: 'arista-detail', re: /^\s+Rx SAFI: /, weight: 4 },
  // Arista table.
  { format: 'arista', re: /^Route status codes: s - suppressed, \* - valid, > - active/, weight: 6 },
  { format: 'arista', re: /^AS Path Attributes: Or-ID/, weight: 4 },
  { format: 'arista', re: /Next Hop\s+Metric\s+(?:AIGP\s+)?LocPref\s+Weight\s+Path/, weight: 3 },
  // Junos.
  { format: 'junos', re: /^[\w.:/-]+\.\d+: \d+ destinations, \d+ routes/, weight: 8 },
  { format: 'junos', re: /^\s+AS path: /, weight: 4 },
  { format: 'junos', re: /^\s+Protocol next hop: /, weight: 4 },
  { format: 'junos', re: /^\s+(?:Localpref|Local AS): \d+/, weight: 3 },
  { format: 'junos', re: /^A V Destination\s+P Prf/, weight: 8 },
  { format: 'junos', re: /^\s*Prefix\s+Nexthop\s+MED\s+Lclpref\s+AS path/, weight: 8 },
  { format: 'junos', re: /^\s*[*+-]?\s*\S+\s+\*?\[BGP\/\d+\]/, weight: 4 },
  // OpenBGPD.
  { format: 'openbgpd', re: /^flags: \* = Valid, > = Selected/, weight: 8 },
  { format: 'openbgpd', re: /^origin validation state: N = not-found/, weight: 6 },
  { format: 'openbgpd', re: /^flags\s+(?:vs\s+)?destination\s+gateway\s+lpref\s+med\s+aspath\s+origin/, weight: 8 },
  { format: 'openbgpd-detail', re: /^\s+Nexthop \S+ \(via .*\) Neighbor /, weight: 8 },
  { format: 'openbgpd-detail', re: /^BGP routing table entry for \S+\s*$/, weight: 1 },
  // GoBGP.
  { format: 'gobgp', re: /^\s+Network\s+Next Hop\s+AS_PATH\s+Age\s+Attrs/, weight: 10 },
  { format: 'gobgp', re: /\[\{Origin: [ie?]\}/, weight: 5 },
  // Nokia SR OS.
  { format: 'nokia-sros', re: /^BGP (?:VPN-)?IPv[46] Routes/, weight: 6 },
  { format: 'nokia-sros', re: /^Flag\s+Network\s+LocalPref\s+MED/, weight: 8 },
  { format: 'nokia-sros', re: /^\s+(?:As-Path|No As-Path)\b/, weight: 2 },
  { format: 'nokia-sros', re: /^ Legend -/, weight: 2 },
  { format: 'nokia-sros-state', re: /^\s*routes \S+ neighbor "[^"]*".*\{\s*$/, weight: 8 },
  { format: 'nokia-sros-state', re: /^\s*attr-set rib-(?:in|out) index \d+ \{\s*$/, weight: 8 },
  // Nokia SR Linux.
  { format: 'nokia-srlinux', re: /^\s*Show report for the BGP route table/, weight: 8 },
  { format: 'nokia-srlinux', re: /^\s*\|.*\bNetwork\b.*\bNext Hop\b.*\|\s*$/, weight: 6 },
  // Huawei.
  { format: 'huawei', re: /^\s*BGP Local router ID is /, weight: 5 },
  { format: 'huawei', re: /Network\s+NextHop\s+MED\s+LocPrf\s+PrefVal\s+Path\/Ogn/, weight: 8 },
  { format: 'huawei', re: /^\s*Total Number of Routes: \d+/, weight: 3 },
  { format: 'huawei-vrp3', re: VRP3_HEADER, weight: 10 },
  { format: 'huawei-detail', re: /^\s*BGP routing table (?:entry )?information of \S+:\s*$/, weight: 8 },
  { format: 'huawei-detail', re: /^\s*Original nexthop\s*:/, weight: 4 },
  { format: 'huawei-detail', re: /^\s*AS-path\s*(?::\s|\S.*,\s*origin\s)/, weight: 4 },
  // MikroTik.
  { format: 'mikrotik', re: /bgp-as-path=|bgp\.as-path=/, weight: 8 },
  { format: 'mikrotik', re: /dst-address=\S+/, weight: 2 },
  // v7 abbreviates `bgp.as-path=` to `.as-path=` after another `bgp.` key, and opens a route item with `afi=`.
  { format: 'mikrotik', re: /(?:^|\s)\.as-path="/, weight: 8 },
  { format: 'mikrotik', re: /^\s*[A-Za-z+]{1,5}(?:\s+\+)?\s+afi=(?:ip4|ip6|ip|ipv6|vpn4|vpn6|vpnv4|vpnv6)\s/, weight: 4 },
  { format: 'mikrotik', re: ADVERTISEMENTS_HEADER, weight: 8 },
];

/** How many lines of the start the detector reads. */
export const DETECT_LINES = 60;

export interface Detection {
  readonly format: LgFormat;
  /** The paste starts with `{` or `[`: one of the JSON forms, told apart by its keys once parsed. */
  readonly json: boolean;
  readonly scores: ReadonlyMap<LgFormat, number>;
  /** The winning score (0 when nothing spoke), to compare two readings of the same lines. */
  readonly score: number;
}

const DETAIL_ENTRY = /^\s*BGP routing table entry for \S/;
const DETAIL_FORMATS: ReadonlySet<LgFormat> = new Set<LgFormat>(['cisco-ios-detail', 'cisco-nxos-detail', 'arista-detail', 'frr-detail', 'openbgpd-detail']);

/** Signatures strong enough to say, on one line, that another output starts here (a header or legend). */
const STRONG = SIGNATURES.filter((sig) => sig.weight >= 6 && sig.max === undefined);

/**
 * The format a line not understood by the current parser announces, if it is the header or legend of
 * another output (a paste holding two commands without a prompt between them), else undefined.
 */
export function startsOtherFormat(s: string, current: LgFormat): LgFormat | undefined {
  if (/^\s*[{[]\s*(?:"|$)/.test(s)) return 'unknown';
  // A detail entry where a table parser reads: FRR's `advertised-routes detail` prints the table's
  // header and then detail entries. The new block is detected on its own lines.
  if (DETAIL_ENTRY.test(s) && !DETAIL_FORMATS.has(current)) return 'cisco-ios-detail';
  for (const sig of STRONG) if (sig.format !== current && sig.re.test(s)) return sig.format;
  return undefined;
}

/** Scores the signatures on the first lines; JSON is recognised by its first character. */
/** A line that opens a JSON document: `{` alone or before a key, `[` alone or before an object. */
export const JSON_START = /^\s*(?:\{\s*(?:"|$)|\[\s*(?:\{|$))/;

/** How many lines of banner (a script's title, rules) may stand before a JSON document. */
const JSON_PREAMBLE = 8;

/** `json: false`: the lines are known to hold no JSON or XML document (they followed one that could not be read). */
export function detectFormat(lines: readonly string[], opts: { readonly json?: boolean } = {}): Detection {
  const json = opts.json !== false;
  const scores = new Map<LgFormat, number>();
  const bySignature: number[] = [];
  let pathLines = 0;
  let seen = 0;
  let jsonLater = false;
  for (const raw of lines) {
    if (seen >= DETECT_LINES) break;
    // Junos `| display xml` before cleaning, which takes tags off as HTML.
    if (json && seen === 0 && looksLikeXml(raw)) return { format: 'junos-xml', json: true, scores, score: 0 };
    const s = cleanLine(raw);
    if (s.trim().length === 0) continue;
    if (json && seen === 0 && /^\s*(?:\{|\[\s*(?:[{"\]\d-]|$))/.test(s)) return { format: 'unknown', json: true, scores, score: 0 };
    if (json && seen <= JSON_PREAMBLE && JSON_START.test(s)) jsonLater = true;
    seen++;
    if (isPathLine(s)) pathLines++;
    if (isChromeLine(s)) continue;
    SIGNATURES.forEach((sig, k) => {
      if (!sig.re.test(s)) return;
      const used = bySignature[k] ?? 0;
      const add = sig.max !== undefined ? Math.min(sig.weight, sig.max - used) : sig.weight;
      if (add <= 0) return;
      bySignature[k] = used + add;
      scores.set(sig.format, (scores.get(sig.format) ?? 0) + add);
    });
  }
  // The table family shares its route lines: IOS wins ties only when nothing more specific spoke.
  let best: LgFormat = 'unknown';
  let bestScore = 0;
  for (const [f, v] of scores) {
    if (v > bestScore) {
      best = f;
      bestScore = v;
    }
  }
  if (pathLines > 0 && pathLines * 2 >= seen && bestScore < pathLines * 2) return { format: 'aspath-list', json: false, scores, score: pathLines * 2 };
  // Nothing spoke, but a JSON document opens after a few lines of banner: the document is the output.
  if (bestScore === 0 && jsonLater) return { format: 'unknown', json: true, scores, score: 0 };
  return { format: best, json: false, scores, score: bestScore };
}
