// The path panel opening an MRT file, through the built language server (dist/server/node.js, as VS Code starts
// it): from the `routelens/openMrt` request to the episode list, with the progress notifications the page shows.
// GENERATED data, not real: a TABLE_DUMP_V2 RIB shaped like a RIS collector's (IPv4 /24s each seen by 16 full-feed
// peers with communities and MEDs, paths over bench/syntheticTable.ts's Internet, 0.1 % of entries leaked by a
// regional network between two of its providers), with the data a user would have set: ASPAs for 30 % of the ASes
// (and every leaker), relationships for every link, VRPs for 60 % of the prefixes. Two files, both "100 MB" as
// stored: one plain, one gzip (as RIS publishes; it holds several times the routes); and the plain one compressed
// with bzip2 -9 (as RouteViews publishes; the same routes in about a fifth of the bytes, since 100 MB stored as bzip2
// would be ~450 MB of MRT), with the decoder's own speed beside it. Written once to the temp directory. Budget: < 10 s to the episode list, with progress shown. The data is loaded before the clock starts
// (the server reads routelens.data.* when the settings come; its time is printed apart).
// --quick: 20 MB files.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { LspSession, repoRoot } from '../test/support/lspClient';
import { bunzip2 } from '../server/src/core/compress/bunzip2';
import { bunzip2Threads, defaultBzip2Threads } from '../server/src/core/compress/node/bunzip2Threads';
import { quick, report } from './figure';
import { mulberry32 } from './prng';
import { syntheticCollector, syntheticInternet } from './syntheticTable';

const TARGET = (quick ? 20 : 100) * 1_000_000;
const PEERS = 16;
const T = 1767225600;
const stem = path.join(tmpdir(), `routelens-mrtpanel-bench-v1-${TARGET / 1e6}MB`);
const files = { plain: `${stem}.mrt`, gzip: `${stem}.mrt.gz`, bzip2: `${stem}.mrt.bz2`, aspa: `${stem}.aspa`, rels: `${stem}.as-rel2.txt`, vrps: `${stem}.vrps.csv`, truth: `${stem}.truth.json` };

/** Writes records to a stream (plain file or gzip) until `written()` reaches the target. */
async function writeRib(out: NodeJS.WritableStream, written: () => number, rnd: () => number, net: ReturnType<typeof syntheticInternet>, vrps: string[]): Promise<{ prefixes: number; entries: number; leaked: number }> {
  const { peers, upToTier1, pathInto, leaked } = syntheticCollector(net, rnd, PEERS);
  const origins = [...net.levels[3]!, ...net.levels[2]!];
  const downs = new Map<number, number[]>();
  let buf = Buffer.alloc(1 << 22);
  let at = 0;
  const flush = async (): Promise<void> => {
    if (!out.write(buf.subarray(0, at))) await once(out, 'drain');
    buf = Buffer.alloc(1 << 22);
    at = 0;
  };
  const record = (subtype: number, fill: (o: number) => number): void => {
    buf.writeUInt32BE(T, at);
    buf.writeUInt16BE(13, at + 4);
    buf.writeUInt16BE(subtype, at + 6);
    const end = fill(at + 12);
    buf.writeUInt32BE(end - at - 12, at + 8);
    at = end;
  };
  record(1, (o) => {
    o = buf.writeUInt32BE(0xc0000201, o);
    o = buf.writeUInt16BE(0, o);
    o = buf.writeUInt16BE(PEERS, o);
    peers.forEach((asn, i) => {
      o = buf.writeUInt8(2, o);
      o = buf.writeUInt32BE(0x0a000001 + i, o);
      o = buf.writeUInt32BE(0xc0000210 + i, o);
      o = buf.writeUInt32BE(asn, o);
    });
    return o;
  });
  let prefixes = 0;
  const p = new Array<number>(40);
  while (written() < TARGET) {
    if (at > buf.length - 40_000) await flush();
    const origin = origins[Math.floor(rnd() * origins.length)]!;
    let down = downs.get(origin);
    if (down === undefined) downs.set(origin, (down = net.withPrepends(upToTier1(origin)).reverse()));
    const k = prefixes++;
    const text = `${1 + (k >>> 16)}.${(k >>> 8) & 255}.${k & 255}.0/24`;
    if (rnd() < 0.6) vrps.push(`AS${origin},${text},24,bench`);
    record(2, (o) => {
      o = buf.writeUInt32BE(k, o);
      o = buf.writeUInt8(24, o);
      o = buf.writeUInt8(1 + (k >>> 16), o);
      o = buf.writeUInt8((k >>> 8) & 255, o);
      o = buf.writeUInt8(k & 255, o);
      o = buf.writeUInt16BE(PEERS, o);
      for (let i = 0; i < PEERS; i++) {
        const n = pathInto(p, i, origin, down);
        const communities = Math.floor(rnd() * 5);
        const med = rnd() < 0.3;
        o = buf.writeUInt16BE(i, o);
        o = buf.writeUInt32BE(T - Math.floor(rnd() * 86400 * 30), o);
        const lenAt = o;
        o += 2;
        o = buf.writeUInt8(0x40, o); // ORIGIN IGP
        o = buf.writeUInt8(1, o);
        o = buf.writeUInt8(1, o);
        o = buf.writeUInt8(0, o);
        o = buf.writeUInt8(0x40, o); // AS_PATH, one AS_SEQUENCE of 4-byte ASNs
        o = buf.writeUInt8(2, o);
        o = buf.writeUInt8(2 + 4 * n, o);
        o = buf.writeUInt8(2, o);
        o = buf.writeUInt8(n, o);
        for (let j = 0; j < n; j++) o = buf.writeUInt32BE(p[j]!, o);
        o = buf.writeUInt8(0x40, o); // NEXT_HOP
        o = buf.writeUInt8(3, o);
        o = buf.writeUInt8(4, o);
        o = buf.writeUInt32BE(0xc0000210 + i, o);
        if (med) {
          o = buf.writeUInt8(0x80, o);
          o = buf.writeUInt8(4, o);
          o = buf.writeUInt8(4, o);
          o = buf.writeUInt32BE(Math.floor(rnd() * 1000), o);
        }
        if (communities > 0) {
          o = buf.writeUInt8(0xc0, o);
          o = buf.writeUInt8(8, o);
          o = buf.writeUInt8(4 * communities, o);
          for (let c = 0; c < communities; c++) o = buf.writeUInt32BE((peers[i]! & 0xffff) * 65536 + Math.floor(rnd() * 3000), o);
        }
        buf.writeUInt16BE(o - lenAt - 2, lenAt);
      }
      return o;
    });
  }
  await flush();
  return { prefixes, entries: prefixes * PEERS, leaked: leaked() };
}

type Kind = 'plain' | 'gzip' | 'bzip2';

async function generate(kind: Kind, truth: Record<string, Made>): Promise<Made> {
  if (kind === 'bzip2') {
    const r = spawnSync('bash', ['-c', 'bzip2 -9 -c "$1" > "$2"', 'bench', files.plain, `${files.bzip2}.part`]);
    if (r.status !== 0) throw new Error(`bzip2 -9 ${files.plain}: ${r.stderr.toString()}`);
    renameSync(`${files.bzip2}.part`, files.bzip2);
    return truth.plain!;
  }
  // The same seed for both: the plain file is the first 100 MB of the gzip file's table, so one set of data files
  // (written with the larger) describes both.
  const rnd = mulberry32(0x6d72);
  const net = syntheticInternet(rnd);
  const vrps: string[] = [];
  const file = createWriteStream(`${files[kind]}.part`);
  let made;
  if (kind === 'plain') {
    made = await writeRib(file, () => file.bytesWritten + file.writableLength, rnd, net, vrps);
    file.end();
  } else {
    const gz = createGzip();
    gz.pipe(file);
    made = await writeRib(gz, () => file.bytesWritten + file.writableLength, rnd, net, vrps);
    gz.end();
  }
  await once(file, 'close');
  renameSync(`${files[kind]}.part`, files[kind]);
  if (kind === 'gzip') {
    const aspa: string[] = [];
    for (const [c, ps] of net.providers) if (rnd() < 0.3 || ps.length >= 2) aspa.push(`AS${c} => ${ps.map((x) => `AS${x}`).join(', ')}`);
    for (const t of net.levels[0]!) aspa.push(`AS${t} => AS0`);
    const rels: string[] = [];
    for (const [c, ps] of net.providers) for (const x of ps) rels.push(`${x}|${c}|-1|bench`);
    for (const a of net.levels[0]!) for (const b of net.levels[0]!) if (a < b) rels.push(`${a}|${b}|0|bench`);
    writeFileSync(files.aspa, `${aspa.join('\n')}\n`);
    writeFileSync(files.rels, `${rels.join('\n')}\n`);
    writeFileSync(files.vrps, `ASN,IP Prefix,Max Length,Trust Anchor\n${vrps.join('\n')}\n`);
  }
  return made;
}

type Made = { prefixes: number; entries: number; leaked: number };

/**
 * The panel's bzip2 decoder alone, in this process (or, with `threads`, the CLI's, its blocks in that many worker
 * threads): decompressed MB, CPU seconds of every thread, wall seconds.
 */
async function bzip2Speed(file: string, threads?: number): Promise<{ mb: number; cpu: number; wall: number }> {
  const bytes = readFileSync(file);
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += 4 << 20) yield bytes.subarray(at, at + (4 << 20));
  }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  for await (const part of threads === undefined ? bunzip2(chunks()) : bunzip2Threads(chunks(), threads)) n += part.length;
  const c = process.cpuUsage(c0);
  return { mb: n / 1e6, cpu: (c.user + c.system) / 1e6, wall: (performance.now() - t0) / 1000 };
}

/** utime + stime of a process in seconds (Linux /proc; clock ticks are 100 per second there). */
function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

async function open(session: LspSession, file: string, id: number): Promise<{ wall: number; cpu: number; progress: number; firstProgress: number; view: { routes: number; routesFlagged: number; episodeCount: number; compression: string } }> {
  let progress = 0;
  let firstProgress = -1;
  const t0 = performance.now();
  const c0 = cpuSeconds(session.pid!);
  session.connection.onNotification('routelens/mrtProgress', (p: { session: number }) => {
    if (p.session !== id) return;
    progress++;
    if (firstProgress < 0) firstProgress = (performance.now() - t0) / 1000;
  });
  const r = await session.connection.sendRequest<{ view?: { routes: number; routesFlagged: number; episodeCount: number; compression: string }; error?: string } | null>('routelens/openMrt', { uri: pathToFileURL(file).toString(), session: id });
  const wall = (performance.now() - t0) / 1000;
  if (!r?.view) throw new Error(`open ${file}: ${JSON.stringify(r)}`);
  return { wall, cpu: cpuSeconds(session.pid!) - c0, progress, firstProgress, view: r.view };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(repoRoot, 'dist/server/node.js'))) throw new Error('build first: npm run build');
  const truth: Record<string, Made> = existsSync(files.truth) ? (JSON.parse(readFileSync(files.truth, 'utf8')) as Record<string, Made>) : {};
  const haveBzip2 = spawnSync('bzip2', ['--help']).error === undefined;
  if (!haveBzip2) process.stderr.write('mrtPanel: bzip2(1) is not installed (scripts/apt-packages.txt): no bzip2 row\n');
  const kinds: Kind[] = haveBzip2 ? ['plain', 'gzip', 'bzip2'] : ['plain', 'gzip'];
  for (const kind of kinds) {
    if (existsSync(files[kind]) && truth[kind] && existsSync(files.aspa)) continue;
    process.stderr.write(`mrtPanel: writing the generated ${kind} RIB ${files[kind]} (once)…\n`);
    truth[kind] = await generate(kind, truth);
    writeFileSync(files.truth, JSON.stringify(truth));
  }
  const session = new LspSession();
  const settings = { data: { aspaFiles: [files.aspa], relationshipFiles: [files.rels], vrpFiles: [files.vrps] } };
  session.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'routelens' ? settings : {})));
  try {
    await session.initialize();
    // The data loads when the settings come (and again once the RPKI store has read the same VRP and ASPA files); a
    // small file opened until it opens at once waits for that, as the panel's first use after start-up would.
    const small = path.join(repoRoot, 'test/fixtures/mrt/updates.20071015.1505.gz');
    const l0 = performance.now();
    let id = 1;
    for (let wall = Infinity; wall > 1; ) {
      wall = (await open(session, small, id++)).wall;
      await new Promise((r) => setTimeout(r, 1000));
    }
    process.stderr.write(`mrtPanel: data (ASPA, relationships, VRPs) loaded in ${((performance.now() - l0) / 1000).toFixed(1)} s (before the clock)\n`);
    for (const kind of kinds) {
      const t = truth[kind]!;
      const size = statSync(files[kind]).size / 1e6;
      const r = await open(session, files[kind], id++);
      if (r.view.routes !== t.entries) throw new Error(`${kind}: ${r.view.routes} routes read, ${t.entries} written`);
      // No VRP names another origin and every other path is valley-free and ASPA Valid: the leaks are all it flags.
      if (r.view.routesFlagged !== t.leaked) throw new Error(`${kind}: ${r.view.routesFlagged} routes flagged, ${t.leaked} leaked`);
      process.stderr.write(
        `mrtPanel: ${kind} ${size.toFixed(0)} MB (generated; ${(t.entries / 1e6).toFixed(2)} M RIB entries, ${t.prefixes.toLocaleString('en-US')} prefixes x ${PEERS} peers, ${t.leaked} leaked): ` +
          `${r.view.routesFlagged.toLocaleString('en-US')} flagged in ${r.view.episodeCount} episodes; ${r.wall.toFixed(2)} s wall, server ${r.cpu.toFixed(2)} CPU s (load average ${loadavg()[0]!.toFixed(1)}); ${r.progress} progress messages, the first after ${r.firstProgress.toFixed(2)} s\n`,
      );
      report({ bench: 'mrtPanel', metric: `panel: a ${size.toFixed(0)} MB ${kind} MRT RIB (generated, ${(t.entries / 1e6).toFixed(1)} M entries) to its episode list, wall`, value: r.wall, unit: 's', budget: '< 10 s with progress', ok: r.wall < 10 && r.progress > 0 });
      // The wall time is the budget; on a machine shared by other work the server's CPU time says what a quiet one would see.
      report({ bench: 'mrtPanel', metric: `  the same, server CPU time`, value: r.cpu, unit: 's' });
    }
    if (haveBzip2) {
      const d = await bzip2Speed(files.bzip2);
      report({ bench: 'mrtPanel', metric: `  bzip2 decoding alone (core/compress/bunzip2.ts, ${d.mb.toFixed(0)} MB out, in this process)`, value: d.mb / d.cpu, unit: 'MB/CPU s' });
      // The CLI's decoder: what it buys is wall time where cores are free; its CPU time is every thread's.
      const threads = defaultBzip2Threads();
      const t = await bzip2Speed(files.bzip2, threads);
      process.stderr.write(`  bzip2 in ${threads} worker threads (the CLI's): ${t.wall.toFixed(2)} s wall, ${t.cpu.toFixed(2)} CPU s in all threads; alone ${d.wall.toFixed(2)} s wall, ${d.cpu.toFixed(2)} CPU s (load average ${loadavg()[0]!.toFixed(1)})\n`);
      report({ bench: 'mrtPanel', metric: `  bzip2 decoding in ${threads} worker threads (compress/node/bunzip2Threads.ts, the CLI's), per wall second`, value: t.mb / t.wall, unit: 'MB/s' });
    }
  } finally {
    await session.dispose();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`mrtPanel bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
