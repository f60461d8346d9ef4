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
  start: number;
  end: number;
}

export function newDraft(prefix: string, line: number): RouteDraft {
  return { prefix, communities: [], start: line, end: line };
}

export function finishDraft(d: RouteDraft): LgRoute {
  const p = d.path;
  const r: {
    -readonly [K in keyof LgRoute]: LgRoute[K];
  } = {
    prefix: d.prefix,
    asPath: p?.segments ?? [],
    asPathText: p?.text ?? '',
    communities: d.communities,
    lines: { start: d.start, end: d.end },
  };
  if (p?.truncated) r.asPathTruncated = true;
  if (d.pathLine !== undefined && d.pathLine !== d.start) r.asPathLine = d.pathLine;
  if (d.nextHop !== undefined) r.nextHop = d.nextHop;
  const origin = d.origin ?? p?.origin;
  if (origin !== undefined) r.origin = origin;
  if (d.localPref !== undefined) r.localPref = d.localPref;
  if (d.med !== undefined) r.med = d.med;
  if (d.weight !== undefined) r.weight = d.weight;
  if (d.otc !== undefined) r.otc = d.otc;
  if (d.best !== undefined) r.best = d.best;
  if (d.valid !== undefined) r.valid = d.valid;
  if (d.multipath !== undefined) r.multipath = d.multipath;
  if (d.rpki !== undefined) r.rpki = d.rpki;
  if (d.aspa !== undefined) r.aspa = d.aspa;
  if (d.peerAsn !== undefined || d.peerAddress !== undefined) {
    r.peer = d.peerAsn !== undefined && d.peerAddress !== undefined ? { asn: d.peerAsn, address: d.peerAddress } : d.peerAsn !== undefined ? { asn: d.peerAsn } : { address: d.peerAddress };
  }
  if (p !== undefined && p.invalid.length > 0) {
    const line = d.pathLine ?? d.start;
    r.invalidAsns = p.invalid.map((x) => ({ text: x.text, line }));
  }
  return r;
}

/** Parses an unsigned decimal field; undefined for `-`, empty or anything else. */
export function uint(t: string | undefined): number | undefined {
  if (t === undefined || !/^[0-9]{1,10}$/.test(t)) return undefined;
  return Number(t);
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
