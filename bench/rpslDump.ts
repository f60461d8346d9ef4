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

/** The real aut-num the realistic dump's policies are cut from (see ../shared/corpora/rpsl/README.md). */
export const AS3257_PATH = `${__dirname}/../../shared/corpora/rpsl/AS3257.rpsl`;

/** What the realistic generator made, for the benchmark's description of its input. */
export interface DumpStats {
  readonly bytes: number;
  readonly objects: number;
  readonly byClass: Readonly<Record<string, number>>;
  /** import/export/mp-import/mp-export lines, and the share of the bytes they take. */
  readonly policyLines: number;
  readonly policyShare: number;
  /** The largest aut-num (policy lines) and as-set (members). */
  readonly largestAutNum: number;
  readonly largestAsSet: number;
}

/**
 * A dump with a real registry's mix and real policy text, of about `bytes` characters: by object count 68 %
 * route, 12 % route6, 8 % person, 5 % mntner, 4 % aut-num, 3 % as-set (RADB-like, with RIPE's contacts).
 * Aut-num policies are the real lines of `as3257` (GTT's aut-num from RIPE), grouped per peer as GTT writes
 * them (import, export, mp-import, mp-export) and renumbered into the dump's own AS numbers so peers,
 * origins and sets resolve as in a registry; sizes are heavy-tailed: 90 % of aut-nums have 1–8 peers, 9 %
 * 10–120, 1 % 500 peers to all of GTT's (the size of the real one). One as-set in twenty lists 1,000–5,000
 * members; sets nest as customer cones do (a set names small sets registered before it; policies may name
 * any set). References (mnt-by, admin-c, set names, origins) mostly resolve inside the dump; about one in
 * five names a set or contact the dump lacks, as in a registry's split files.
 */
export function generateRealisticDump(as3257: string, bytes: number, seed = 11): { text: string; stats: DumpStats } {
  const parts: string[] = [];
  const stats = realisticObjects(as3257, bytes, seed, (o) => void parts.push(o));
  const text = parts.join('\n');
  return { text, stats: { ...stats, bytes: text.length, policyShare: stats.policyBytes / text.length } };
}

/**
 * The objects of generateRealisticDump one by one (to be joined by an empty line), for dumps too big for
 * one string: `bytes` counts the text they make when so joined.
 */
export function realisticObjects(as3257: string, bytes: number, seed: number, emit: (object: string) => void): Omit<DumpStats, 'policyShare'> & { readonly policyBytes: number } {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  // GTT's policy, one group of lines per peer (in file order: imports, then exports, then the mp- pair).
  const groups = new Map<string, string[]>();
  for (const line of as3257.split('\n')) {
    const m = /^(import|export|mp-import|mp-export):\s+(?:afi \S+ )?(?:from|to) (AS\d+)/.exec(line);
    if (!m) continue;
    const g = groups.get(m[2]!) ?? [];
    g.push(line);
    groups.set(m[2]!, g);
  }
  const peerGroups = [...groups.values()];
  const header = as3257.slice(0, as3257.indexOf('\nimport:')).split('\n').slice(1); // as-name … org
  const trailer = as3257
    .split('\n')
    .filter((l) => /^(remarks|admin-c|tech-c|status|mnt-by):/.test(l) && !l.startsWith('mnt-by:         RIPE-NCC'));

  // The dump's own numbers: aut-nums exist for `autNums`; every AS named in GTT's text maps to one of them.
  const approxObjects = Math.max(100, Math.round(bytes / 260));
  const autNums = Array.from({ length: Math.max(8, Math.round(approxObjects * 0.04)) }, (_, i) => 20_000 + i * 7);
  const asnMap = new Map<string, number>();
  const mapAsn = (old: string): number => {
    let n = asnMap.get(old);
    if (n === undefined) asnMap.set(old, (n = r() < 0.85 ? pick(autNums) : 200_000 + Math.floor(r() * 100_000)));
    return n;
  };
  const setNames: string[] = [];
  const mntners: string[] = [];
  const persons: string[] = [];
  const mntnerOf = (): string => (mntners.length > 0 && r() < 0.85 ? pick(mntners) : `MAINT-AS${200_000 + Math.floor(r() * 100_000)}`);
  const personOf = (): string => (persons.length > 0 && r() < 0.8 ? pick(persons) : `XX${Math.floor(r() * 9999)}-RIPE`);
  const setOf = (): string => (setNames.length > 0 && r() < 0.8 ? pick(setNames) : `AS${200_000 + Math.floor(r() * 100_000)}:AS-CUSTOMERS`);
  const smallSets: string[] = [];
  const customerSetOf = (): string => (smallSets.length > 0 && r() < 0.8 ? pick(smallSets) : `AS${200_000 + Math.floor(r() * 100_000)}:AS-CUSTOMERS`);
  const renumber = (line: string): string =>
    line.replace(/\bAS-[A-Z0-9-]+(?::AS-[A-Z0-9-]+)?|\bAS\d+(?::AS-[A-Z0-9-]+)?/g, (w) => (w.includes('-') ? setOf() : `AS${mapAsn(w)}`));
  const tail = (src: string): string =>
    `mnt-by:         ${mntnerOf()}\n${src === 'RIPE' ? 'created:        2020-01-31T12:00:00Z\nlast-modified:  2024-05-01T08:30:00Z\n' : 'changed:        noc@example.net 20240131\n'}source:         ${src}\n`;

  let objects = 0;
  const byClass: Record<string, number> = {};
  let size = 0;
  let policyLines = 0;
  let policyBytes = 0;
  let largestAutNum = 0;
  let largestAsSet = 0;
  let nextAut = 0;
  const push = (cls: string, s: string): void => {
    emit(s);
    objects++;
    size += s.length + 1;
    byClass[cls] = (byClass[cls] ?? 0) + 1;
  };
  // Contacts and maintainers first, as registries export them, so references have targets.
  for (let i = 0; size < bytes; i++) {
    const k = r();
    const src = r() < 0.3 ? 'RIPE' : 'RADB';
    if (k < 0.08) {
      const h = `PN${i % 999_999 + 1}-RIPE`;
      persons.push(h);
      push('person', `person:         Person ${i}\naddress:        Street ${i}\naddress:        1000 City\naddress:        NL\nphone:          +31 20 555 ${String(i % 10000).padStart(4, '0')}\nnic-hdl:        ${h}\n${tail('RIPE')}`);
    } else if (k < 0.13) {
      const m = `MAINT-N${i}`;
      mntners.push(m);
      push('mntner', `mntner:         ${m}\ndescr:          Maintainer ${i}\nadmin-c:        ${personOf()}\nupd-to:         noc${i}@example.net\nauth:           PGPKEY-${(0x10000000 + i).toString(16).toUpperCase()}\n${tail(src).replace(/^mnt-by: .*/, `mnt-by:         ${m}`)}`);
    } else if (k < 0.17 && nextAut < autNums.length) {
      const me = autNums[nextAut++]!;
      const q = r();
      const peers = q < 0.9 ? 1 + Math.floor(r() * 8) : q < 0.99 ? 10 + Math.floor(r() * 110) : 500 + Math.floor(r() * (peerGroups.length - 500));
      const start = Math.floor(r() * peerGroups.length);
      const lines = [`aut-num:        AS${me}`, ...header.map((l) => (l.startsWith('as-name:') ? `as-name:        NET-${me}` : l))];
      const policy: string[] = [];
      for (let p = 0; p < peers; p++) for (const l of peerGroups[(start + p) % peerGroups.length]!) policy.push(renumber(l));
      policyLines += policy.length;
      policyBytes += policy.reduce((n, l) => n + l.length + 1, 0);
      largestAutNum = Math.max(largestAutNum, policy.length);
      lines.push(...policy, ...trailer.map((l) => (/^(admin-c|tech-c):/.test(l) ? `${l.slice(0, 16)}${personOf()}` : l)));
      push('aut-num', `${lines.join('\n')}\n${tail('RIPE')}`);
    } else if (k < 0.2) {
      const owner = r() < 0.9 ? pick(autNums) : 200_000 + Math.floor(r() * 100_000);
      const name = `AS${owner}:AS-C${i}`;
      setNames.push(name);
      const n = r() < 0.05 ? 1000 + Math.floor(r() * 4000) : 1 + Math.floor(r() * 20);
      largestAsSet = Math.max(largestAsSet, n);
      // Sets nest as customer cones do: a set names the (small) sets of customers registered before it.
      const members: string[] = [];
      for (let m = 0; m < n; m++) members.push(r() < 0.1 ? customerSetOf() : `AS${r() < 0.5 ? pick(autNums) : 1000 + Math.floor(r() * 400_000)}`);
      if (n <= 20) smallSets.push(name);
      const rows: string[] = [];
      for (let m = 0; m < members.length; m += 8) rows.push(`members:        ${members.slice(m, m + 8).join(', ')}`);
      push('as-set', `as-set:         ${name}\ndescr:          Customers of AS${owner}\n${rows.join('\n')}\ntech-c:         ${personOf()}\nadmin-c:        ${personOf()}\n${tail(src)}`);
    } else if (k < 0.32) {
      push('route6', `route6:         2001:db8:${Math.floor(r() * 65535).toString(16)}::/48\ndescr:          Customer network ${i}\norigin:         AS${r() < 0.6 ? pick(autNums) : 1000 + Math.floor(r() * 400_000)}\n${tail(src)}`);
    } else {
      const len = 16 + Math.floor(r() * 9);
      const addr = (Math.floor(r() * 0xdfffffff) >>> (32 - len)) << (32 - len);
      const origin = r() < 0.6 ? pick(autNums) : 1000 + Math.floor(r() * 400_000);
      push(
        'route',
        `route:          ${addr >>> 24}.${(addr >>> 16) & 255}.${(addr >>> 8) & 255}.${addr & 255}/${len}\ndescr:          Customer network ${i}\norigin:         AS${origin}\n${tail(src)}`,
      );
    }
  }
  return { bytes: size - 1, objects, byClass, policyLines, policyBytes, largestAutNum, largestAsSet };
}
