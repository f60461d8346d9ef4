/** BIRD 2 in the foreground with its own control socket; no kernel protocol, so nothing reaches the kernel. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mrtDumpFile, type Capture, type LabDaemon, type MrtDump } from './daemon';
import { settledFile } from './mrtFiles';
import { runCmd } from './processes';
import { CANTV_PREFIXES, GOBGP, INJECT_NEXT_HOP, INJECT_NEXT_HOP6, INJECTED, RECEIVERS, receivedFromGobgp } from './routes';

const me = RECEIVERS.bird;

export function birdDaemon(port: number, mrt = false): LabDaemon {
  let dir = '';
  const sock = (): string => path.join(dir, 'bird.ctl');
  const birdc = (cmd: string) => runCmd('birdc', ['-s', sock(), ...cmd.split(' ')]);
  const table = INJECTED.map((r) => receivedFromGobgp('bird', r));

  const updatesFile = (): string => path.join(dir, 'bird-bgp4mp.mrt');
  const ribFile = (): string => path.join(dir, 'bird-rib.mrt');

  const config = (): string => `router id ${me.address};
log stderr all;
${mrt ? `# Every BGP message of the session, as BGP4MP (the protocol's \`mrtdump\` option says which).\nmrtdump "${updatesFile()}";\n` : ''}ipv4 table igp4;
ipv6 table igp6;
protocol device { }
# gobgpd's next hops resolve recursively through this table; it is kept apart from master4 so that
# \`show route all\` lists only BGP routes, and no kernel protocol exports anything.
protocol static resolve4 {
  ipv4 { table igp4; };
  route ${INJECT_NEXT_HOP.replace(/\.\d+$/, '.0')}/24 via "lo";
}
protocol static resolve6 {
  ipv6 { table igp6; };
  route ${INJECT_NEXT_HOP6.replace(/::1$/, '::')}/64 via "lo";
}
protocol bgp gobgp {
  local ${me.address} port ${port} as ${me.asn};
  neighbor ${GOBGP.address} as ${GOBGP.asn};
  passive on;
  multihop;
  hold time 9;
  # RFC 9234: we are gobgpd's customer, so every route from it gets BGP.otc = ${GOBGP.asn} on ingress.
  local role ${me.role};
${mrt ? '  mrtdump all;\n' : ''}  ipv4 { import all; export none; gateway recursive; igp table igp4; };
  ipv6 { import all; export none; gateway recursive; igp table igp6; };
}
`;

  return {
    name: 'bird',
    binaries: ['bird', 'birdc'],
    async start(labDir, group) {
      dir = path.join(labDir, 'bird');
      const conf = path.join(dir, 'bird.conf');
      await writeFile(conf, config());
      group.start('bird', ['-f', '-c', conf, '-s', sock(), '-P', path.join(dir, 'bird.pid')], path.join(dir, 'bird.log'), dir);
    },
    views: () => ({ bird: table }),
    async ready() {
      const r = await birdc('show route protocol gobgp');
      if (r.code !== 0) return undefined;
      const missing = table.filter((t) => !r.stdout.includes(`${t.prefix} `));
      return missing.length === 0 ? `${table.length} routes` : undefined;
    },
    captures(): Capture[] {
      const cap = (command: string, fields: Capture['fields'], prefixes?: readonly string[]): Capture => ({
        command,
        argv: ['birdc', '-s', sock(), ...command.split(' ')],
        view: 'bird',
        fields,
        ...(prefixes ? { prefixes } : {}),
      });
      const all = ['asPath', 'nextHop', 'origin', 'med', 'communities', 'largeCommunities', 'extCommunities', 'otc'] as const;
      return [
        cap('show route all', all),
        // What bird-lg style looking glasses run for one prefix.
        cap(`show route for ${CANTV_PREFIXES[0]} all`, all, [CANTV_PREFIXES[0]!]),
        // The short form prints only the origin AS and origin code (`[AS21980i]`), no path and no BGP next hop.
        cap('show route', ['origin']),
      ];
    },
    async version() {
      const r = await runCmd('bird', ['--version']);
      return (r.stdout + r.stderr).trim();
    },
    async dumpMrt(): Promise<MrtDump[]> {
      // The MRT protocol's on-demand form: both master tables, TABLE_DUMP_V2, one PEER_INDEX_TABLE each.
      const how = 'mrt dump table "master*" to FILE';
      const r = await birdc(`mrt dump table "master*" to "${ribFile()}"`);
      if (r.code !== 0) throw new Error(`lab: birdc ${how}: ${r.stdout}${r.stderr}`);
      await settledFile(ribFile());
      await settledFile(updatesFile());
      return [
        { daemon: 'bird', how, kind: 'rib', path: ribFile(), file: mrtDumpFile('bird', 'mrt dump table') },
        { daemon: 'bird', how: 'mrtdump FILE; protocol bgp { mrtdump all; }', kind: 'updates', path: updatesFile(), file: mrtDumpFile('bird', 'mrtdump all') },
      ];
    },
  };
}
