/** FRR's bgpd alone (no zebra: nothing reaches the kernel), with its vty socket in the lab's dir. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Capture, LabDaemon } from './daemon';
import { runCmd } from './processes';
import { GOBGP, INJECTED, RECEIVERS, prefixesIn, receivedFromGobgp, type Route } from './routes';

const BGPD = '/usr/lib/frr/bgpd';
const me = RECEIVERS.frr;

/** Prefixes whose per-prefix detail (text and json) is captured: one of each kind of injected route. */
const DETAIL_PREFIXES = ['200.74.226.0/24', '203.0.113.0/24', '203.0.113.128/25', '198.18.0.0/24', '198.18.1.0/24', '198.18.2.0/24', '198.18.3.0/24'];
const JSON_DETAIL_PREFIXES = ['200.74.226.0/24', '203.0.113.0/24', '198.18.2.0/24'];
const DETAIL_PREFIXES6 = ['2001:db8:100::/48'];

export function frrDaemon(port: number): LabDaemon {
  let dir = '';
  const own = me.originates!;
  const vtysh = (cmd: string): Promise<{ code: number; stdout: string }> => runCmd('vtysh', ['--vty_socket', dir, '-c', cmd]);

  const table: Route[] = [
    ...INJECTED.map((r) => receivedFromGobgp('frr', r)),
    // Its own `network`, as its own table shows it: no path, next hop 0.0.0.0, metric 0; the
    // community and next hop are set only on the way out to gobgpd.
    { ...own, nextHop: '0.0.0.0', communities: [], largeCommunities: [], extCommunities: [] },
  ];

  const config = (): string =>
    [
      'hostname lab-frr',
      'log stdout informational',
      '!',
      `ip prefix-list OWN seq 5 permit ${own.prefix}`,
      '!',
      // gobgpd (like FRR) drops 127/8 next hops, so its own route leaves with a documentation next hop.
      'route-map TO-GOBGP permit 10',
      ' match ip address prefix-list OWN',
      ` set ip next-hop ${own.nextHop}`,
      ` set community ${own.communities.map(([a, v]) => `${a}:${v}`).join(' ')}`,
      ` set large-community ${own.largeCommunities.map((c) => c.join(':')).join(' ')}`,
      'route-map TO-GOBGP deny 20',
      '!',
      `router bgp ${me.asn}`,
      ` bgp router-id ${me.address}`,
      ' no bgp ebgp-requires-policy',
      ' no bgp network import-check',
      ` neighbor ${GOBGP.address} remote-as ${GOBGP.asn}`,
      ` neighbor ${GOBGP.address} passive`,
      ` neighbor ${GOBGP.address} timers 3 9`,
      // RFC 9234: we are gobgpd's customer, so every route from it gets OTC = 24482 on ingress.
      ` neighbor ${GOBGP.address} local-role ${me.role}`,
      ' address-family ipv4 unicast',
      `  network ${own.prefix}`,
      `  neighbor ${GOBGP.address} route-map TO-GOBGP out`,
      ' exit-address-family',
      ' address-family ipv6 unicast',
      `  neighbor ${GOBGP.address} activate`,
      `  neighbor ${GOBGP.address} route-map TO-GOBGP out`,
      ' exit-address-family',
      '!',
      '',
    ].join('\n');

  return {
    name: 'frr',
    binaries: [BGPD, 'vtysh'],
    async start(labDir, group) {
      dir = path.join(labDir, 'frr');
      const conf = path.join(dir, 'bgpd.conf');
      await writeFile(conf, config());
      // -Z: no zebra; -S: stay root (the frrvty group is not ours to join); -P 0: no TCP vty.
      group.start(
        BGPD,
        ['-f', conf, '-i', path.join(dir, 'bgpd.pid'), '--vty_socket', dir, '-Z', '-S', '-P', '0', '-p', String(port), '-l', me.address],
        path.join(dir, 'bgpd.log'),
        dir,
      );
    },
    views: () => ({ frr: table }),
    async ready() {
      const have = new Set<string>();
      for (const cmd of ['show bgp ipv4 unicast json', 'show bgp ipv6 unicast json']) {
        const r = await vtysh(cmd);
        if (r.code !== 0) return undefined;
        try {
          for (const p of Object.keys((JSON.parse(r.stdout) as { routes?: object }).routes ?? {})) have.add(p);
        } catch {
          return undefined;
        }
      }
      return table.every((t) => have.has(t.prefix)) ? `${table.length} routes` : undefined;
    },
    captures(): Capture[] {
      const argv = (command: string): string[] => ['vtysh', '--vty_socket', dir, '-c', command];
      const cap = (command: string, c: Omit<Capture, 'command' | 'argv' | 'view'>): Capture => ({ command, argv: argv(command), view: 'frr', ...c });
      const all = ['asPath', 'nextHop', 'origin', 'med', 'communities', 'largeCommunities', 'extCommunities', 'otc'] as const;
      return [
        // The table prints neither communities nor OTC; its Metric column is the MED.
        cap('show ip bgp', { prefixes: prefixesIn(table, 4), fields: ['asPath', 'nextHop', 'origin', 'med'] }),
        cap('show ip bgp json', { prefixes: prefixesIn(table, 4), fields: ['asPath', 'nextHop', 'origin', 'med'] }),
        cap('show bgp ipv6 unicast', { prefixes: prefixesIn(table, 6), fields: ['asPath', 'nextHop', 'origin', 'med'] }),
        cap('show bgp ipv6 unicast json', { prefixes: prefixesIn(table, 6), fields: ['asPath', 'nextHop', 'origin', 'med'] }),
        ...DETAIL_PREFIXES.map((p) => cap(`show bgp ipv4 unicast ${p}`, { prefixes: [p], fields: all })),
        ...JSON_DETAIL_PREFIXES.map((p) => cap(`show bgp ipv4 unicast ${p} json`, { prefixes: [p], fields: all })),
        ...DETAIL_PREFIXES6.map((p) => cap(`show bgp ipv6 unicast ${p}`, { prefixes: [p], fields: all })),
        ...DETAIL_PREFIXES6.map((p) => cap(`show bgp ipv6 unicast ${p} json`, { prefixes: [p], fields: all })),
      ];
    },
    async version() {
      const r = await runCmd(BGPD, ['--version']);
      return r.stdout.split('\n')[0]?.trim() ?? '';
    },
  };
}
