/** A generated registry dump, shared by the RPSL and LSP benchmarks so both measure the same input. */

import { mulberry32 } from './prng';

const SOURCES = ['RADB', 'RADB', 'RADB', 'ALTDB', 'NTTCOM', 'RIPE'];

/** A dump shaped like RADB/RIPE exports: mostly routes, some aut-nums with policy, some as-sets. */
export function generateDump(objects: number, seed = 1): string {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const asn = (): number => 1000 + Math.floor(r() * 400000);
  const parts: string[] = [];
  for (let i = 0; i < objects; i++) {
    const k = r();
    const src = pick(SOURCES);
    const ripe = src === 'RIPE';
    const tail = `mnt-by:         MAINT-AS${asn()}\n${ripe ? 'created:        2020-01-31T12:00:00Z\nlast-modified:  2024-05-01T08:30:00Z\n' : 'changed:        noc@example.net 20240131\n'}source:         ${src}\n`;
    if (k < 0.6) {
      const len = 16 + Math.floor(r() * 9);
      const addr = (Math.floor(r() * 0xdfffffff) >>> (32 - len)) << (32 - len);
      parts.push(
        `route:          ${addr >>> 24}.${(addr >>> 16) & 255}.${(addr >>> 8) & 255}.${addr & 255}/${len}\ndescr:          Customer network ${i}\norigin:         AS${asn()}\n${r() < 0.2 ? `member-of:      AS${asn()}:RS-CUSTOMERS\n` : ''}${tail}`,
      );
    } else if (k < 0.8) {
      parts.push(
        `route6:         2001:db8:${Math.floor(r() * 65535).toString(16)}::/48\ndescr:          Customer network ${i}\norigin:         AS${asn()}\n${tail}`,
      );
    } else if (k < 0.92) {
      const me = asn();
      const lines = [`aut-num:        AS${me}`, `as-name:        NET-${me}`, 'descr:          Example network'];
      const peers = 2 + Math.floor(r() * 6);
      for (let p = 0; p < peers; p++) {
        const peer = asn();
        lines.push(`import:         from AS${peer} action pref=100; accept AS${peer}:AS-CUSTOMERS`);
        lines.push(`export:         to AS${peer} announce AS${me}:AS-CUSTOMERS`);
        if (r() < 0.3) lines.push(`mp-import:      afi ipv6.unicast from AS${peer} accept ANY`);
      }
      lines.push(`admin-c:        EXA${me}-${ripe ? 'RIPE' : 'RADB'}`, `tech-c:         EXA${me}-${ripe ? 'RIPE' : 'RADB'}`);
      if (ripe) lines.push('status:         ASSIGNED');
      parts.push(`${lines.join('\n')}\n${tail}`);
    } else {
      const me = asn();
      const members = Array.from({ length: 1 + Math.floor(r() * 8) }, () => `AS${asn()}`).join(', ');
      parts.push(
        `as-set:         AS${me}:AS-CUSTOMERS\ndescr:          Customers of AS${me}\nmembers:        ${members}\nmembers:        AS${me}:AS-DOWNSTREAM\n${ripe ? `admin-c:        EXA${me}-RIPE\ntech-c:         EXA${me}-RIPE\n` : ''}${tail}`,
      );
    }
  }
  return parts.join('\n');
}
