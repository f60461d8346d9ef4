/**
 * Routes and state changes as `bgpdump -m` prints them (one line each, `|`-separated), so a RouteLens read can be
 * compared field for field with Debian's bgpdump and piped into tools written for its output. IPv6 addresses
 * follow RFC 5952, where bgpdump also compresses a single zero group (`2001:7f8:30::2:1:0:8447`).
 */
import type { MrtRoute, MrtSegment, MrtStateChange } from './types';

const WELL_KNOWN: ReadonlyMap<number, string> = new Map([
  [0xffffff01, 'no-export'],
  [0xffffff02, 'no-advertise'],
  [0xffffff03, 'local-AS'],
]);

export function segmentsText(path: readonly MrtSegment[]): string {
  let out = '';
  for (const s of path) {
    if (out !== '') out += ' ';
    switch (s.type) {
      case 'sequence':
        out += s.asns.join(' ');
        break;
      case 'set':
        out += `{${s.asns.join(',')}}`;
        break;
      case 'confed-sequence':
        out += `(${s.asns.join(' ')})`;
        break;
      case 'confed-set':
        out += `[${s.asns.join(',')}]`;
        break;
    }
  }
  return out;
}

/** RFC 1997 community as text: `AS:value`, or the RFC's name for the well-known ones. */
export function communityText(c: number): string {
  return WELL_KNOWN.get(c) ?? `${Math.floor(c / 65536)}:${c & 0xffff}`;
}

function timeText(t: number, source: MrtRoute['source']): string {
  return source === 'BGP4MP_ET' ? t.toFixed(6) : String(t);
}

export function bgpdumpRouteLine(r: MrtRoute): string {
  const head = `${r.source}${r.pathId !== undefined && r.source === 'TABLE_DUMP2' ? '_AP' : ''}|${timeText(r.time, r.source)}`;
  const peer = `${r.peer.address}|${r.peer.asn}`;
  const a = r.attributes;
  if (r.kind === 'withdraw' || a === undefined) return `${head}|W|${peer}|${r.prefix}`;
  return [
    `${head}|${r.kind === 'rib' ? 'B' : 'A'}|${peer}|${r.prefix}`,
    ...(r.pathId !== undefined ? [String(r.pathId)] : []),
    segmentsText(a.asPath),
    // bgpdump's placeholders for a missing ORIGIN and next hop.
    a.origin?.toUpperCase() ?? 'INCOMPLETE',
    r.nextHop ?? '255.255.255.255',
    String(a.localPref ?? 0),
    String(a.med ?? 0),
    // bgpdump -m (1.6) prints RFC 1997 communities only; large and extended ones are left out.
    a.communities.map(communityText).join(' '),
    a.atomicAggregate ? 'AG' : 'NAG',
    a.aggregator !== undefined ? `${a.aggregator.asn} ${a.aggregator.address}` : '',
    '',
  ].join('|');
}

export function bgpdumpStateLine(s: MrtStateChange): string {
  return `${s.source}|${timeText(s.time, s.source)}|STATE|${s.peer.address}|${s.peer.asn}|${s.oldState}|${s.newState}`;
}
