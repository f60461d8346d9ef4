import type { Asn } from '../net/asn';
import type { AsPathParse } from './asPathText';
import type { Community, LgFormat, LgRoute, Origin, UnparsedLine } from './types';

/** Where format parsers put what they find; the stream parser either collects or forwards it. */
export interface RouteSink {
  route(r: LgRoute): void;
  unparsed(u: UnparsedLine): void;
  /** Counts units of work (lines, tokens); the linearity test compares it across input sizes. */
  step(n: number): void;
}

/** One format family, fed one cleaned line at a time (0-based line numbers), then `end()`. */
export interface LineParser {
  readonly format: LgFormat;
  line(text: string, n: number): void;
  /**
   * Optional fast path for the common row of a big table: the raw line is `text.slice(from, to)`, not
   * cut out nor cleaned, and `bytes[i]` is `text.charCodeAt(i)` (the text is ASCII). Returns true when
   * it parsed the line; false, having changed nothing, when the line is not of the common form (or holds
   * anything `cleanLine` would change), which then goes to `line`.
   */
  fast?(text: string, bytes: Uint8Array, from: number, to: number, n: number): boolean;
  end(): void;
}

export type ParserFactory = (sink: RouteSink, format: LgFormat) => LineParser;

/** A route being assembled across lines; `finish` turns it into the immutable LgRoute. */
export interface RouteDraft {
  prefix: string;
  path?: AsPathParse;
  pathLine?: number;
  nextHop?: string;
  origin?: Origin;
  localPref?: number;
  med?: number;
  weight?: number;
  communities: Community[];
  otc?: Asn;
  best?: boolean;
  valid?: boolean;
  multipath?: boolean;
  rpki?: LgRoute['rpki'];
  aspa?: LgRoute['aspa'];
  peerAsn?: Asn;
  peerAddress?: string;
  /** BIRD's `via` gateway, used as next hop when there is no BGP.next_hop. */
  viaHop?: string;
  /** Why the path may not be what was printed (see LgRoute.pathUncertain). */
  uncertain?: string;
  rd?: string;
  vrf?: string;
  start: number;
  end: number;
}

/** Every field present from the start, so all drafts share one object shape (the full-table path is hot). */
export function newDraft(prefix: string, line: number): RouteDraft {
  return {
    prefix,
    path: undefined,
    pathLine: undefined,
    nextHop: undefined,
    origin: undefined,
    localPref: undefined,
    med: undefined,
    weight: undefined,
    communities: [],
    otc: undefined,
    best: undefined,
    valid: undefined,
    multipath: undefined,
    rpki: undefined,
    aspa: undefined,
    peerAsn: undefined,
    peerAddress: undefined,
    viaHop: undefined,
    uncertain: undefined,
    rd: undefined,
    vrf: undefined,
    start: line,
    end: line,
  };
}

/**
 * The immutable route. Every key is present (undefined when the output does not show it) so that all
 * routes share one object shape: a full table makes a million of them.
 */
export function finishDraft(d: RouteDraft): LgRoute {
  const p = d.path;
  const peer =
    d.peerAsn !== undefined || d.peerAddress !== undefined
      ? d.peerAsn !== undefined && d.peerAddress !== undefined
        ? { asn: d.peerAsn, address: d.peerAddress }
        : d.peerAsn !== undefined
          ? { asn: d.peerAsn }
          : { address: d.peerAddress }
      : undefined;
  const line = d.pathLine ?? d.start;
  return {
    prefix: d.prefix,
    asPath: p?.segments ?? [],
    asPathText: p?.text ?? '',
    asPathTruncated: p?.truncated === true ? true : undefined,
    asPathLine: d.pathLine !== undefined && d.pathLine !== d.start ? d.pathLine : undefined,
    nextHop: d.nextHop,
    origin: d.origin ?? p?.origin,
    localPref: d.localPref,
    med: d.med,
    weight: d.weight,
    communities: d.communities,
    otc: d.otc,
    best: d.best,
    valid: d.valid,
    multipath: d.multipath,
    rpki: d.rpki,
    aspa: d.aspa,
    peer,
    lines: { start: d.start, end: d.end },
    invalidAsns: p !== undefined && p.invalid.length > 0 ? p.invalid.map((x) => ({ text: x.text, line })) : undefined,
    pathUncertain: d.uncertain,
    rd: d.rd,
    vrf: d.vrf,
  };
}

/** Parses an unsigned decimal field; undefined for `-`, empty or anything else. */
export function uint(t: string | undefined): number | undefined {
  if (t === undefined || t.length === 0 || t.length > 10) return undefined;
  let v = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    v = v * 10 + (c - 48);
  }
  return v;
}

const ORIGINS: Readonly<Record<string, Origin>> = {
  igp: 'igp',
  i: 'igp',
  egp: 'egp',
  e: 'egp',
  incomplete: 'incomplete',
  '?': 'incomplete',
};
export function originWord(t: string | undefined): Origin | undefined {
  return t === undefined ? undefined : ORIGINS[t.toLowerCase()];
}

const RPKI: Readonly<Record<string, NonNullable<LgRoute['rpki']>>> = {
  valid: 'valid',
  v: 'valid',
  invalid: 'invalid',
  i: 'invalid',
  'not-found': 'not-found',
  notfound: 'not-found',
  'not found': 'not-found',
  unknown: 'not-found',
  n: 'not-found',
  unverified: 'unverified',
};
export function rpkiWord(t: string | undefined): LgRoute['rpki'] {
  return t === undefined ? undefined : RPKI[t.toLowerCase()];
}
