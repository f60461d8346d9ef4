/**
 * gobgpd is the hub: AS 24482, it actively connects to every receiver and injects the routes of
 * routes.ts through its CLI. Its API listens on a unix socket in the lab's dir, not on TCP 50051.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mrtDumpFile, type Capture, type LabDaemon, type MrtDump } from './daemon';
import { settledFile } from './mrtFiles';
import { delay, runCmd, waitFor } from './processes';
import { GOBGP, INJECTED, RECEIVERS, VPN_INJECTED, isIpv6, pathText, prefixesIn, receivedByGobgp, type Receiver, type Route } from './routes';

export interface GobgpPeer {
  readonly receiver: Receiver;
  readonly port: number;
}

/**
 * gobgpd dumps its global RIB every this many seconds into the same file; 60 is its minimum ("use minimum mrt
 * dump interval" in its log), and it has no on-demand dump, so only `--update-mrt-fixtures` waits for one.
 */
const TABLE_DUMP_INTERVAL = 60;

export function gobgpDaemon(peers: readonly GobgpPeer[], mrt = false): LabDaemon {
  let dir = '';
  const target = (): string[] => ['--target', `unix://${path.join(dir, 'gobgp.sock')}`];
  const gobgp = (...args: string[]) => runCmd('gobgp', [...target(), ...args]);

  const adjIn: Partial<Record<Receiver, Route[]>> = {};
  for (const p of peers) {
    const own = RECEIVERS[p.receiver].originates;
    if (own) adjIn[p.receiver] = [receivedByGobgp(p.receiver, own)];
  }
  const views: Record<string, readonly Route[]> = { gobgp: [...INJECTED, ...Object.values(adjIn).flat()] };
  // VPN routes go to FRR alone (the only receiver with a VPN table here).
  const vpnPeer = peers.some((p) => p.receiver === 'frr');
  if (vpnPeer) views['gobgp-vpn'] = VPN_INJECTED;
  for (const [r, routes] of Object.entries(adjIn)) views[`gobgp-adj-in-${r}`] = routes;

  // gobgpd runs in `dir` and takes the file names relative to it: it reads an updates dump's name as a Go time
  // layout (for its rotation), so a temp dir named like routelens-lab-15iR0H would become …-22iR0H (the hour).
  const UPDATES = 'gobgp-updates.mrt';
  const TABLE = 'gobgp-table.mrt';
  const updatesFile = (): string => path.join(dir, UPDATES);
  const tableFile = (): string => path.join(dir, TABLE);
  let started = 0;
  const config = (): string => {
    const mrtLines = [
      '[[mrt-dump]]',
      '  [mrt-dump.config]',
      '    dump-type = "updates"',
      `    file-name = "${UPDATES}"`,
      '[[mrt-dump]]',
      '  [mrt-dump.config]',
      '    dump-type = "table"',
      `    file-name = "${TABLE}"`,
      `    dump-interval = ${TABLE_DUMP_INTERVAL}`,
    ];
    const lines = [
      ...(mrt ? mrtLines : []),
      '[global.config]',
      `  as = ${GOBGP.asn}`,
      `  router-id = "${GOBGP.address}"`,
      '  port = -1', // never listens: it dials every receiver
      // Only its own routes go out; a learned route would leave with a 127/8 next hop, which receivers reject.
      '[global.apply-policy.config]',
      '  export-policy-list = ["only-local"]',
      '  default-export-policy = "reject-route"',
      '[[policy-definitions]]',
      '  name = "only-local"',
      '  [[policy-definitions.statements]]',
      '    name = "local"',
      '    [policy-definitions.statements.conditions.bgp-conditions]',
      '      route-type = "local"',
      '    [policy-definitions.statements.actions]',
      '      route-disposition = "accept-route"',
    ];
    for (const p of peers) {
      const r = RECEIVERS[p.receiver];
      lines.push(
        '[[neighbors]]',
        '  [neighbors.config]',
        `    neighbor-address = "${r.address}"`,
        `    peer-as = ${r.asn}`,
        '  [neighbors.transport.config]',
        `    local-address = "${GOBGP.address}"`,
        `    remote-port = ${p.port}`,
        '  [neighbors.timers.config]',
        '    connect-retry = 1',
        '    hold-time = 9',
        '    keepalive-interval = 3',
        ...['ipv4-unicast', 'ipv6-unicast', ...(p.receiver === 'frr' ? ['l3vpn-ipv4-unicast'] : [])].flatMap((afi) => [
          '  [[neighbors.afi-safis]]',
          '    [neighbors.afi-safis.config]',
          `      afi-safi-name = "${afi}"`,
        ]),
      );
    }
    return lines.join('\n') + '\n';
  };

  const ribPrefixes = async (...args: string[]): Promise<Set<string> | undefined> => {
    const r = await gobgp('-j', ...args);
    if (r.code !== 0) return undefined;
    try {
      return new Set(Object.keys(JSON.parse(r.stdout) as object));
    } catch {
      return undefined;
    }
  };

  return {
    name: 'gobgp',
    binaries: ['gobgpd', 'gobgp'],
    async start(labDir, group) {
      dir = path.join(labDir, 'gobgp');
      const conf = path.join(dir, 'gobgpd.toml');
      await writeFile(conf, config());
      group.start(
        'gobgpd',
        ['-f', conf, '--api-hosts', `unix://${path.join(dir, 'gobgp.sock')}`, '--pprof-disable', '-p'],
        path.join(dir, 'gobgpd.log'),
        dir,
      );
      started = Date.now();
      await waitFor('gobgpd API', async () => ((await gobgp('global')).code === 0 ? true : undefined), 15_000);
      for (const r of INJECTED) {
        const args = ['global', 'rib', ...(isIpv6(r.prefix) ? ['-a', 'ipv6'] : []), 'add', r.prefix, 'aspath', pathText(r.asPath), 'nexthop', r.nextHop, 'origin', r.origin];
        if (r.med !== undefined) args.push('med', String(r.med));
        if (r.communities.length > 0) args.push('community', r.communities.map(([a, v]) => `${a}:${v}`).join(','));
        if (r.largeCommunities.length > 0) args.push('large-community', r.largeCommunities.map((c) => c.join(':')).join(','));
        for (const [a, v] of r.extCommunities) args.push('rt', `${a}:${v}`);
        const res = await gobgp(...args);
        if (res.code !== 0) throw new Error(`lab: gobgp ${args.join(' ')} failed: ${res.stderr || res.stdout}`);
      }
      for (const r of vpnPeer ? VPN_INJECTED : []) {
        const args = ['global', 'rib', '-a', 'vpnv4', 'add', r.prefix, 'label', '100', 'rd', r.rd, 'rt', ...r.extCommunities.map(([a, v]) => `${a}:${v}`)];
        args.push('aspath', pathText(r.asPath), 'nexthop', r.nextHop, 'origin', r.origin);
        if (r.med !== undefined) args.push('med', String(r.med));
        const res = await gobgp(...args);
        if (res.code !== 0) throw new Error(`lab: gobgp ${args.join(' ')} failed: ${res.stderr || res.stdout}`);
      }
    },
    views: () => views,
    async ready() {
      if (vpnPeer) {
        // gobgp keys its VPN rib by the RD glued to the prefix.
        const got = await ribPrefixes('global', 'rib', '-a', 'vpnv4');
        if (!got || VPN_INJECTED.some((r) => !got.has(`${r.rd}:${r.prefix}`))) return undefined;
      }
      for (const [view, routes] of Object.entries(views)) {
        if (view === 'gobgp-vpn') continue;
        const from = view.replace(/^gobgp-adj-in-/, '') as Receiver;
        const table = view === 'gobgp' ? ['global', 'rib'] : ['neighbor', RECEIVERS[from].address, 'adj-in'];
        const got4 = await ribPrefixes(...table);
        const got6 = await ribPrefixes(...table, '-a', 'ipv6');
        if (!got4 || !got6 || routes.some((r) => !got4.has(r.prefix) && !got6.has(r.prefix))) return undefined;
      }
      return `${views.gobgp?.length ?? 0} routes in its RIB`;
    },
    captures(): Capture[] {
      const all = ['asPath', 'nextHop', 'origin', 'med', 'communities', 'largeCommunities', 'extCommunities'] as const;
      const v = views.gobgp ?? [];
      const caps: Capture[] = [
        { command: 'global rib', argv: ['gobgp', ...target(), 'global', 'rib'], view: 'gobgp', prefixes: prefixesIn(v, 4), fields: all },
        { command: 'global rib -a ipv6', argv: ['gobgp', ...target(), 'global', 'rib', '-a', 'ipv6'], view: 'gobgp', prefixes: prefixesIn(v, 6), fields: all },
      ];
      if (vpnPeer) {
        caps.push({ command: 'global rib -a vpnv4', argv: ['gobgp', ...target(), 'global', 'rib', '-a', 'vpnv4'], view: 'gobgp-vpn', fields: all });
      }
      for (const from of Object.keys(adjIn) as Receiver[]) {
        const addr = RECEIVERS[from].address;
        caps.push({
          command: `neighbor ${addr} adj-in`,
          argv: ['gobgp', ...target(), 'neighbor', addr, 'adj-in'],
          view: `gobgp-adj-in-${from}`,
          prefixes: prefixesIn(adjIn[from] ?? [], 4),
          fields: all,
        });
      }
      return caps;
    },
    async version() {
      const r = await runCmd('gobgpd', ['--version']);
      return r.stdout.trim();
    },
    async dumpMrt({ slow }): Promise<MrtDump[]> {
      await settledFile(updatesFile());
      const updates: MrtDump = { daemon: 'gobgp', how: '[[mrt-dump]] dump-type = "updates"', kind: 'updates', path: updatesFile(), file: mrtDumpFile('gobgp', 'mrt-dump updates') };
      if (!slow) return [updates];
      // Its first table dump comes an interval after it started, when every route has long been in.
      await delay(Math.max(0, started + 1000 * TABLE_DUMP_INTERVAL - Date.now()));
      await settledFile(tableFile(), 30_000);
      return [{ daemon: 'gobgp', how: '[[mrt-dump]] dump-type = "table"', kind: 'rib', path: tableFile(), file: mrtDumpFile('gobgp', 'mrt-dump table') }, updates];
    },
  };
}
