// How soon the ASPA code lens appears once the observed-path index is built (issue 19: within 200 ms of opening an
// .aspa file), through the real server (dist/server/node.js) over stdio. The path file is GENERATED: a TABLE_DUMP_V2
// RIB (bench/mrtWriter.ts; bgpdump reads it) of 10 full-feed peers whose paths follow a real RIS RIB's lengths
// (bench/realisticPaths.ts) — 10 M routes, 1 M with --quick. The server streams it (routelens.data.pathFiles); once
// a first .aspa file shows its observed-routes diagnostic (the index is built), each of several .aspa files, for
// ASes not asked about before, is opened and its code lens requested at once: the figure is the time from the
// didOpen to the lens, worst of them. Needs `npm run build`.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { peakRssMb, quick, report } from './figure';
import { MrtRibWriter } from './mrtWriter';
import { mulberry32 } from './prng';
import { prefixOf, realisticPaths } from './realisticPaths';
import { LspSession, serverModule } from '../test/support/lspClient';

const ROUTES = quick ? 1_000_000 : 10_000_000;
const PEERS = 10;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
/** The server's CPU time so far, in ms (utime + stime from /proc, in clock ticks of 10 ms). */
const serverCpuMs = (pid: number | undefined): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function main(): Promise<void> {
  if (!existsSync(serverModule)) {
    process.stderr.write('aspaLens: dist/server/node.js is not built (npm run build); skipped\n');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-aspa-lens-'));
  const file = path.join(dir, 'rib.mrt');
  try {
    const rnd = mulberry32(0x1e5);
    const { net, drawPath } = realisticPaths(rnd);
    const peers = Array.from({ length: PEERS }, (_, i) => ({ address: `192.0.2.${i + 1}`, asn: 64496 + i }));
    const writer = new MrtRibWriter(file, 1_700_000_000, peers);
    for (let p = 0; p < ROUTES / PEERS; p++) writer.rib(prefixOf(p), peers.map(() => drawPath()));
    writer.close();
    process.stderr.write(`  generated ${ROUTES.toLocaleString('en-US')} routes, ${(statSync(file).size / 1e6).toFixed(0)} MB of MRT; load ${load()}\n`);

    const session = new LspSession();
    try {
      session.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ data: { pathFiles: [file] } })));
      const t0 = performance.now();
      await session.initialize();
      // Transit networks that forget one provider: each declaration has observed routes it turns Invalid.
      const transits = net.levels[1]!.filter((a) => (net.providers.get(a)?.length ?? 0) >= 2);
      const doc = (i: number) => {
        const customer = transits[i]!;
        return `AS${customer} => ${net.providers.get(customer)!.slice(1).map((p) => `AS${p}`).join(', ')}\n`;
      };
      const first = 'file:///bench/first.aspa';
      await session.open(first, 'aspa', doc(0));
      await session.waitForDiagnostics(first, (d) => d.some((x) => x.code === 'aspa/observed-routes-invalidated'), 30 * 60_000);
      const loadSeconds = (performance.now() - t0) / 1000;
      report({ bench: 'aspaLens', metric: `server reads and indexes ${ROUTES.toLocaleString('en-US')} routes of MRT (wall)`, value: loadSeconds, unit: 's' });

      let worst = 0;
      let worstCpu = 0;
      const times: number[] = [];
      for (let i = 1; i <= 5; i++) {
        const uri = `file:///bench/declaration-${i}.aspa`;
        const opened = performance.now();
        const cpu0 = serverCpuMs(session.pid);
        await session.open(uri, 'aspa', doc(i));
        const lenses = await session.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
        const ms = performance.now() - opened;
        worstCpu = Math.max(worstCpu, serverCpuMs(session.pid) - cpu0);
        const title = lenses[0]?.command?.title ?? '';
        if (!/^with this ASPA: [\d,]+ observed routes? becomes? Invalid/.test(title)) throw new Error(`aspaLens: unexpected lens ${JSON.stringify(title)}`);
        if (i === 1) process.stderr.write(`  lens: ${title}\n`);
        times.push(ms);
        worst = Math.max(worst, ms);
      }
      process.stderr.write(`  open → lens, ms: ${times.map((t) => t.toFixed(0)).join(', ')}; load ${load()}\n`);
      report({ bench: 'aspaLens', metric: `code lens after opening an .aspa file, ${ROUTES.toLocaleString('en-US')} routes indexed (worst of 5, wall)`, value: worst, unit: 'ms', budget: '< 200', ok: worst < 200 });
      // On a shared machine the wall time is mostly waiting for a core: the server's own CPU time says what it did.
      report({ bench: 'aspaLens', metric: 'server CPU from the didOpen to the lens (worst of 5, 10 ms ticks)', value: worstCpu, unit: 'ms' });
    } finally {
      await session.dispose();
    }
    report({ bench: 'aspaLens', metric: 'peak RSS of the bench process (the server is another)', value: peakRssMb(), unit: 'MB' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
