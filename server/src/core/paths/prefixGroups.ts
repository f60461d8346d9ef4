import { formatPrefix, parsePrefix, type Prefix } from '../net/prefix';
import type { RouteAnalysis } from './model';
import type { GroupBy } from './groupBy';

/** Past this many routes shown, 'auto' lists one entry per path rather than one per route (a screen holds ~40 rows). */
export const GROUP_ROWS_ABOVE = 100;
/** A covering aggregate shorter than this says nothing an operator can use ("within 0.0.0.0/1"), so none is given. */
const MIN_AGGREGATE = { 4: 8, 6: 16 } as const;

/** The routes one table entry stands for. */
export interface RouteGroup {
  /** The route whose cells the entry shows and that a click selects (the selected one, if it is a member). */
  readonly route: number;
  /** Members in table order, `route` among them. */
  readonly routes: readonly number[];
  /** The shortest prefix covering every member's, when all are of one family and it is at least /8 (v4) or /16 (v6). */
  readonly aggregate?: string;
}

/**
 * Routes of many prefixes that share an AS path and every verdict (ASPA, valley-free, OTC, ROV, the findings)
 * are one entry with a prefix count: what an operator reading 1,000 routes scans for is which paths and which
 * problems, and a customer's 40 /24s behind one path are one answer. A route that differs in anything the table
 * shows (a ROV-invalid /24 among valid ones, a bogon) is an entry of its own, so grouping never hides a finding.
 * `findingCodes` gives each route's finding codes.
 */
export function groupRoutesByPath(
  routes: readonly RouteAnalysis[],
  shown: readonly number[],
  findingCodes: (route: number) => readonly string[],
  selected?: number,
): RouteGroup[] {
  const byKey = new Map<string, number[]>();
  for (const i of shown) {
    const r = routes[i]!;
    const key = [r.asPathText, r.verdict, r.rov ?? '', r.otc ? `${r.otc.value}:${r.otc.verdict}` : '', r.aspa?.downstream.verdict ?? '', r.aspa?.upstream.verdict ?? '', r.valley?.verdict ?? '', [...new Set(findingCodes(i))].sort().join(',')].join('\u0000');
    const members = byKey.get(key);
    if (members) members.push(i);
    else byKey.set(key, [i]);
  }
  return [...byKey.values()].map((members) => {
    const route = selected !== undefined && members.includes(selected) ? selected : members[0]!;
    const aggregate = members.length > 1 ? coveringPrefix(members.map((i) => routes[i]!.prefix)) : undefined;
    return { route, routes: members, ...(aggregate ? { aggregate } : {}) };
  });
}

/** Whether the table lists one entry per path: always for 'prefixes', for 'auto' past GROUP_ROWS_ABOVE routes shown. */
export function groupsRows(group: GroupBy, shown: number): boolean {
  return group === 'prefixes' || (group === 'auto' && shown > GROUP_ROWS_ABOVE);
}

/** The shortest prefix that covers them all (same family, at least MIN_AGGREGATE long), or undefined. */
export function coveringPrefix(texts: readonly string[]): string | undefined {
  let cover: Prefix | undefined;
  for (const t of texts) {
    const p = parsePrefix(t);
    if (!p.ok) return undefined;
    if (!cover) {
      cover = p.prefix;
      continue;
    }
    if (cover.afi !== p.prefix.afi) return undefined;
    cover = { afi: cover.afi, words: cover.words, length: Math.min(cover.length, p.prefix.length, commonBits(cover.words, p.prefix.words)) };
  }
  if (!cover || cover.length < MIN_AGGREGATE[cover.afi]) return undefined;
  return formatPrefix({ ...cover, words: cover.words.map((w, k) => (w & wordMask(cover.length - 32 * k)) >>> 0) });
}

/** Leading bits two addresses share. */
function commonBits(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    const x = (a[k]! ^ b[k]!) >>> 0;
    if (x !== 0) return 32 * k + Math.clz32(x);
  }
  return 32 * a.length;
}

/** The mask of a 32-bit word given how many of the prefix's bits fall in it (≤ 0: none, ≥ 32: all). */
function wordMask(bits: number): number {
  return bits <= 0 ? 0 : bits >= 32 ? -1 : ~(-1 >>> bits);
}
