/** OpenBGPD (portable) in the foreground (-d) with its own control socket and `fib-update no`. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Capture, LabDaemon } from './daemon';
import { runCmd } from './processes';
import { CANTV_PREFIXES, GOBGP, INJECTED, RECEIVERS, receivedFromGobgp, type Route } from './routes';

const me = RECEIVERS.openbgpd;
/** bgpd's engines chroot to the home of its user; systemd would create it (RuntimeDirectory), so we do. */
const CHROOT = '/run/openbgpd';

export function openbgpdDaemon(port: number): LabDaemon {
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

  const config = (): string => `AS ${me.asn}
router-id ${me.address}
fib-update no
listen on ${me.address} port ${port}
socket "${sock()}"
reject as-set no
holdtime 9
neighbor ${GOBGP.address} {
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
      const conf = path.join(dir, 'bgpd.conf');
      await writeFile(conf, config(), { mode: 0o600 });
      await mkdir(CHROOT, { recursive: true, mode: 0o755 });
      group.start('bgpd', ['-d', '-f', conf], path.join(dir, 'bgpd.log'), dir);
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
  };
}
