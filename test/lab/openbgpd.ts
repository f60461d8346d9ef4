/** OpenBGPD (portable) in the foreground (-d) with its own control socket and `fib-update no`. */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mrtDumpFile, type Capture, type LabDaemon, type MrtDump } from './daemon';
import { settledFile } from './mrtFiles';
import { runCmd, waitFor } from './processes';
import { CANTV_PREFIXES, GOBGP, INJECTED, RECEIVERS, receivedFromGobgp, type Route } from './routes';

const me = RECEIVERS.openbgpd;
/** bgpd's engines chroot to the home of its user; systemd would create it (RuntimeDirectory), so we do. */
const CHROOT = '/run/openbgpd';

/** Its three RIB dump formats (bgpd.conf(5) `dump`): TABLE_DUMP, BGP4MP_ENTRY records, TABLE_DUMP_V2. */
const TABLE_FORMATS = ['table', 'table-mp', 'table-v2'] as const;

export function openbgpdDaemon(port: number, mrt = false): LabDaemon {
  let dir = '';
  const sock = (): string => path.join(dir, 'bgpd.sock');
  const bgpctl = (...args: string[]) => runCmd('bgpctl', ['-s', sock(), ...args]);
  const own = me.originates!;
  // bgpctl prints a missing MED as `metric 0`, and (7.7) no OTC at all, though the role applies it.
  const table: Route[] = [
    ...INJECTED.map((r) => ({ ...receivedFromGobgp('openbgpd', r), med: r.med ?? 0 })),
    // Its own network as its own RIB shows it: no path, the set next hop and community, metric 0.
    { ...own, med: 0 },
  ];

  const allInFile = (): string => path.join(dir, 'bgpd-all-in.mrt');
  // strftime(3) expands %s to the Unix second, so each periodic dump is a file of its own.
  const tableFile = (format: string, second: number | string = '%s'): string => path.join(dir, `bgpd-${format}-${second}.mrt`);
  const conf = (): string => path.join(dir, 'bgpd.conf');

  // A reload would start the message dump afresh (an empty file), so the RIB dumps are periodic from the start
  // (at startup, then every second) and the lab keeps the first one begun after every route was in.
  const mrtConfig = (): string =>
    [
      '# Every message received and every state change, as BGP4MP.',
      `dump all in "${allInFile()}"`,
      ...TABLE_FORMATS.map((f) => `dump ${f} "${tableFile(f)}" 1`),
      '',
    ].join('\n');

  const config = (): string => `AS ${me.asn}
router-id ${me.address}
fib-update no
listen on ${me.address} port ${port}
socket "${sock()}"
reject as-set no
holdtime 9
${mrt ? mrtConfig() : ''}neighbor ${GOBGP.address} {
  remote-as ${GOBGP.asn}
  local-address ${me.address}
  passive
  announce policy ${me.role}
  announce IPv6 unicast
  # gobgpd rejects 127/8 next hops; only a multihop session sends a set next hop unchanged.
  multihop 2
  set nexthop no-modify
}
network ${own.prefix} set { community ${own.communities.map(([a, v]) => `${a}:${v}`).join(' community ')} nexthop ${own.nextHop} }
allow from any
deny to any
allow to ${GOBGP.address} prefix ${own.prefix}
`;

  return {
    name: 'openbgpd',
    binaries: ['bgpd', 'bgpctl'],
    async start(labDir, group) {
      dir = path.join(labDir, 'openbgpd');
      await writeFile(conf(), config(), { mode: 0o600 });
      await mkdir(CHROOT, { recursive: true, mode: 0o755 });
      group.start('bgpd', ['-d', '-f', conf()], path.join(dir, 'bgpd.log'), dir);
    },
    views: () => ({ openbgpd: table }),
    async ready() {
      const r = await bgpctl('-j', 'show', 'rib');
      if (r.code !== 0) return undefined;
      try {
        const rib = (JSON.parse(r.stdout) as { rib?: { prefix: string }[] }).rib ?? [];
        const got = new Set(rib.map((e) => e.prefix));
        return table.every((t) => got.has(t.prefix)) ? `${table.length} routes` : undefined;
      } catch {
        return undefined;
      }
    },
    captures(): Capture[] {
      const cap = (command: string, fields: Capture['fields'], prefixes?: readonly string[]): Capture => ({
        command,
        argv: ['bgpctl', '-s', sock(), ...command.split(' ')],
        view: 'openbgpd',
        fields,
        ...(prefixes ? { prefixes } : {}),
      });
      const detail = ['asPath', 'nextHop', 'origin', 'med', 'communities', 'largeCommunities', 'extCommunities'] as const;
      return [
        cap('show rib', ['asPath', 'nextHop', 'origin', 'med']),
        cap('show rib detail', detail),
        // bgplgd's `as` filter: every route with 8048 anywhere in its path, i.e. the leaked CANTV prefixes.
        cap('show rib as 8048', ['asPath', 'nextHop', 'origin', 'med'], CANTV_PREFIXES),
        cap('-j show rib', ['asPath', 'nextHop', 'origin', 'med']),
        cap('-j show rib detail', detail),
      ];
    },
    async version() {
      const r = await runCmd('bgpd', ['-V']);
      return (r.stdout + r.stderr).trim();
    },
    async dumpMrt(): Promise<MrtDump[]> {
      const after = Math.ceil(Date.now() / 1000) + 1;
      const dumps: MrtDump[] = [];
      for (const f of TABLE_FORMATS) {
        const second = await waitFor(
          `a bgpd ${f} dump begun at ${after} or later`,
          async () => {
            const seconds = (await readdir(dir)).map((n) => new RegExp(`^bgpd-${f}-(\\d+)\\.mrt$`).exec(n)?.[1]).filter((x) => x !== undefined);
            return seconds.map(Number).filter((x) => x >= after).sort((a, b) => a - b)[0];
          },
          15_000,
          200,
        );
        await settledFile(tableFile(f, second));
        dumps.push({ daemon: 'openbgpd', how: `dump ${f} FILE 1`, kind: 'rib', path: tableFile(f, second), file: mrtDumpFile('openbgpd', `dump ${f}`) });
      }
      await settledFile(allInFile());
      return [
        ...dumps,
        { daemon: 'openbgpd', how: 'dump all in FILE', kind: 'updates', path: allInFile(), file: mrtDumpFile('openbgpd', 'dump all in') },
      ];
    },
  };
}
