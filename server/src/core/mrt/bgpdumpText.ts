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

/** RFC 8092 large communities, `global:local1:local2`. */
export function largeCommunityTexts(flat: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 < flat.length; i += 3) out.push(`${flat[i]!}:${flat[i + 1]!}:${flat[i + 2]!}`);
  return out;
}

/**
 * RFC 4360 extended communities: route targets and origins by their registered types (two-octet AS, IPv4 and
 * four-octet AS specific, RFC 5668), the rest as 16 hex digits since their meaning depends on the type registry.
 */
export function extendedCommunityText(b: Uint8Array): string {
  const type = b[0]! & 0xbf; // the transitive bit does not change the layout
  const sub = b[1]!;
  const name = sub === 2 ? 'rt' : sub === 3 ? 'soo' : undefined;
  const u16 = (i: number): number => (b[i]! << 8) | b[i + 1]!;
  const u32 = (i: number): number => u16(i) * 65536 + u16(i + 2);
  if (name !== undefined && type === 0x00) return `${name} ${u16(2)}:${u32(4)}`;
  if (name !== undefined && type === 0x01) return `${name} ${b[2]!}.${b[3]!}.${b[4]!}.${b[5]!}:${u16(6)}`;
  if (name !== undefined && type === 0x02) return `${name} ${u32(2)}:${u16(6)}`;
  return `0x${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;
}
