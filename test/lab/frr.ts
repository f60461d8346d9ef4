/** FRR's bgpd alone (no zebra: nothing reaches the kernel), with its vty socket in the lab's dir. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mrtDumpFile, type Capture, type LabDaemon, type MrtDump } from './daemon';
import { settledFile } from './mrtFiles';
import { runCmd } from './processes';
import { GOBGP, INJECTED, RECEIVERS, VPN_INJECTED, VPN_RT, isIpv6, prefixesIn, receivedFromGobgp, type Route } from './routes';

const BGPD = '/usr/lib/frr/bgpd';
const me = RECEIVERS.frr;

/** Prefixes whose per-prefix detail (text and json) is captured: one of each kind of injected route. */
const DETAIL_PREFIXES = ['200.74.226.0/24', '203.0.113.0/24', '203.0.113.128/25', '198.18.0.0/24', '198.18.1.0/24', '198.18.2.0/24', '198.18.3.0/24', '198.18.4.0/24'];
const JSON_DETAIL_PREFIXES = ['200.74.226.0/24', '203.0.113.0/24', '198.18.2.0/24'];
const DETAIL_PREFIXES6 = ['2001:db8:100::/48'];
/** A VRF without zebra has no kernel device ("vrf id -"), but BGP still runs in it and exports to the VPN table. */
const VRF = 'BLUE';
const VRF_RD = '65010:1';
const VRF_NETWORK = '10.20.0.0/24';

export function frrDaemon(port: number, mrt = false): LabDaemon {
  let dir = '';
  const own = me.originates!;
  const vtysh = (cmd: string): Promise<{ code: number; stdout: string }> => runCmd('vtysh', ['--vty_socket', dir, '-c', cmd]);

  const table: Route[] = [
    ...INJECTED.map((r) => receivedFromGobgp('frr', r)),
    // Its own `network`, as its own table shows it: no path, next hop 0.0.0.0, metric 0; the
    // community and next hop are set only on the way out to gobgpd.
    { ...own, nextHop: '0.0.0.0', communities: [], largeCommunities: [], extCommunities: [] },
  ];
  const rt = `${VPN_RT[0]}:${VPN_RT[1]}`;
  // VRF BLUE's own network, exported to the VPN table under RD 65010:1 with the route target.
  const vrfOwn: Route = { prefix: VRF_NETWORK, asPath: [], origin: 'igp', nextHop: '0.0.0.0', med: 0, communities: [], largeCommunities: [], extCommunities: [] };
  const vpn: Route[] = [...VPN_INJECTED.map((r) => receivedFromGobgp('frr', r)), { ...vrfOwn, rd: VRF_RD, extCommunities: [VPN_RT] }];
  const vrf: Route[] = [{ ...vrfOwn, vrf: VRF }];

  const updatesFile = (): string => path.join(dir, 'frr-all-et.mrt');
  const ribFile = (): string => path.join(dir, 'frr-routes.mrt');

  const config = (): string =>
    [
      'hostname lab-frr',
      'log stdout informational',
      // Every message and state change, with the extended (microsecond) timestamp: BGP4MP_ET.
      ...(mrt ? [`dump bgp all-et ${updatesFile()}`] : []),
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
      `vrf ${VRF}`,
      'exit-vrf',
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
      // gobgpd's VPN routes come in here; nothing VPN goes back (TO-GOBGP passes only the unicast network).
      ' address-family ipv4 vpn',
      `  neighbor ${GOBGP.address} activate`,
      `  neighbor ${GOBGP.address} route-map TO-GOBGP out`,
      ' exit-address-family',
      '!',
      `router bgp ${me.asn} vrf ${VRF}`,
      ` bgp router-id ${me.address}`,
      ' no bgp network import-check',
      ' address-family ipv4 unicast',
      `  network ${VRF_NETWORK}`,
      `  rd vpn export ${VRF_RD}`,
      `  rt vpn both ${rt}`,
      '  export vpn',
      '  import vpn',
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
    views: () => ({
      frr: table,
      'frr-vpn': vpn,
      [`frr-vrf-${VRF}`]: vrf,
      // `show bgp vrf all` prints each instance under "Instance <name>:"; the default one's routes are
      // those of no VRF (as in `show ip bgp`), so only BLUE's carry a VRF name.
      'frr-all-vrfs': [...table.filter((r) => !isIpv6(r.prefix)), ...vrf],
    }),
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
      const r = await vtysh('show bgp ipv4 vpn json');
      if (r.code !== 0) return undefined;
      try {
        const rds = (JSON.parse(r.stdout) as { routes?: { routeDistinguishers?: Record<string, object> } }).routes?.routeDistinguishers ?? {};
        for (const [rd, routes] of Object.entries(rds)) for (const p of Object.keys(routes)) have.add(`${rd}:${p}`);
      } catch {
        return undefined;
      }
      const all = [...table, ...vpn.map((v) => ({ prefix: `${v.rd ?? ''}:${v.prefix}` }))];
      return all.every((t) => have.has(t.prefix)) ? `${table.length} unicast and ${vpn.length} VPN routes` : undefined;
    },
    captures(): Capture[] {
      const argv = (command: string): string[] => ['vtysh', '--vty_socket', dir, '-c', command];
      const cap = (command: string, c: Omit<Capture, 'command' | 'argv' | 'view'> & { view?: string }): Capture => ({ command, argv: argv(command), view: 'frr', ...c });
      const vpnCap = (command: string, fields: Capture['fields'], prefixes?: readonly string[]): Capture =>
        cap(command, { view: 'frr-vpn', fields, ...(prefixes ? { prefixes } : {}) });
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
        // Every route in detail, as JSON (8.4 has no text form that names the prefixes: `show ip bgp detail`
        // prints the paths without their "BGP routing table entry for" lines).
        cap('show ip bgp json detail', { prefixes: prefixesIn(table, 4), fields: all }),
        // A terminal 80 columns wide, copied: rows longer than that go on on the next line, cut anywhere.
        cap('show ip bgp', { prefixes: prefixesIn(table, 4), fields: ['asPath', 'nextHop', 'origin', 'med'], wrapAt: 80 }),
        // VPN: RD sections (the same prefix under two RDs), JSON by routeDistinguishers, a prefix's detail.
        vpnCap('show bgp ipv4 vpn', ['asPath', 'nextHop', 'origin', 'med', 'rd']),
        vpnCap('show bgp ipv4 vpn json', ['asPath', 'nextHop', 'origin', 'med', 'rd']),
        vpnCap('show bgp ipv4 vpn 10.10.0.0/24', ['asPath', 'nextHop', 'origin', 'med', 'extCommunities', 'rd'], ['10.10.0.0/24']),
        // A VRF's table, alone and among all VRFs.
        cap(`show bgp vrf ${VRF} ipv4 unicast`, { view: `frr-vrf-${VRF}`, fields: ['asPath', 'nextHop', 'origin', 'med'] }),
        cap('show bgp vrf all ipv4 unicast', { view: 'frr-all-vrfs', fields: ['asPath', 'nextHop', 'origin', 'med', 'vrf'] }),
        cap('show bgp vrf all ipv4 unicast json', { view: 'frr-all-vrfs', fields: ['asPath', 'nextHop', 'origin', 'med', 'vrf'] }),
      ];
    },
    async version() {
      const r = await runCmd(BGPD, ['--version']);
      return r.stdout.split('\n')[0]?.trim() ?? '';
    },
    async dumpMrt(): Promise<MrtDump[]> {
      // Without an interval FRR dumps the table once, now (TABLE_DUMP_V2).
      const r = await runCmd('vtysh', ['--vty_socket', dir, '-c', 'configure terminal', '-c', `dump bgp routes-mrt ${ribFile()}`]);
      if (r.code !== 0) throw new Error(`lab: vtysh dump bgp routes-mrt: ${r.stdout}${r.stderr}`);
      await settledFile(ribFile());
      await settledFile(updatesFile());
      return [
        { daemon: 'frr', how: 'dump bgp routes-mrt FILE', kind: 'rib', path: ribFile(), file: mrtDumpFile('frr', 'dump bgp routes-mrt') },
        { daemon: 'frr', how: 'dump bgp all-et FILE', kind: 'updates', path: updatesFile(), file: mrtDumpFile('frr', 'dump bgp all-et') },
      ];
    },
  };
}
