// `routelens scan` of a whole RIB dump on one core, with ASPA, ROV and valley-free checks. GENERATED data, not real:
// a TABLE_DUMP_V2 RIB shaped like a RIS collector's (1,000,000 prefixes, 90 % IPv4 /24 and 10 % IPv6 /48, each
// seen by 12 full-feed peers: 12 M RIB entries, ~640 MB uncompressed) over the synthetic Internet of
// bench/syntheticTable.ts (~13 prefixes per origin AS, as in the real table), with ASPAs for 30 % of the ASes, CAIDA-style relationships for all links, VRPs for 60 %
// of the prefixes (0.5 % naming another AS), and leaks injected in 0.1 % of the entries. The file is written once
// to the temp directory and reused. Its sharing is calibrated on the one real full RIB we hold (RIS rrc00,
// 2002-07-22, ../shared/corpora/mrt: its full-feed peer has 0.156 distinct AS paths and 0.177 distinct attribute
// sets per entry, and 39 % of its prefixes carry the same path as the prefix before): an origin's prefixes come in
// runs of neighbouring addresses, 15 % of them sent one of two other ways down (traffic engineering), and a peer
// tags a way's routes alike. The bench prints the generated ratios beside the real ones (`shape`). That 2002 table
// is the only real full RIB here; a modern peer's table may share less (more communities, more engineering). Budgets: >= 5 M entries per CPU second; peak RSS <= 500 MB and flat in the
// file's size (the quick run's figure beside the full one). The scan runs in a child process with the data loaded
// as the CLI loads it, under tsx and then as the esbuild bundle (bench/bundled.ts), both figures printed; the file is
// read uncompressed (gunzip is measured by bench/mrt.bench.ts).
// --quick: 100,000 prefixes (1.2 M entries).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { childRuntimes } from './bundled';
import { peakRssMb, quick, report } from './figure';
import { mulberry32 } from './prng';
import { realRibShape, ShapeCount, type RibShape } from './ribShape';
import { syntheticCollector, syntheticInternet } from './syntheticTable';

const PREFIXES = quick || process.argv.includes('--child-quick') ? 100_000 : 1_000_000;
const PEERS = 12;
const dir = tmpdir();
const stem = path.join(dir, `routelens-scan-bench-v4-${PREFIXES}`);
const files = { mrt: `${stem}.mrt`, aspa: `${stem}.aspa`, rels: `${stem}.as-rel2.txt`, vrps: `${stem}.vrps.csv`, truth: `${stem}.truth.json` };

/** A growable byte buffer flushed to a file in 4 MB writes. */
class Out {
  private buf = Buffer.alloc(1 << 22);
  private at = 0;
  constructor(private readonly fd: number) {}
  room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    writeSync(this.fd, this.buf, 0, this.at);
    this.at = 0;
    if (n > this.buf.length) this.buf = Buffer.alloc(n);
  }
  u8(v: number): void {
    this.buf[this.at++] = v & 255;
  }
  u16(v: number): void {
    this.buf.writeUInt16BE(v & 0xffff, this.at);
    this.at += 2;
  }
  u32(v: number): void {
    this.buf.writeUInt32BE(v >>> 0, this.at);
    this.at += 4;
  }
  /** Reserves a 32-bit length field; `fill` writes the bytes written since. */
  mark(): number {
    this.at += 4;
    return this.at;
  }
  fill(mark: number): void {
    this.buf.writeUInt32BE(this.at - mark, mark - 4);
  }
  close(): void {
    writeSync(this.fd, this.buf, 0, this.at);
  }
}

/** The shape's knobs, calibrated on the real RIB (see the head of this file): mean run of an origin's neighbouring prefixes, */
const RUN = 2.5;
/** the share of prefixes an origin sends another way, and how many other ways it has, */
const ENGINEERED = 0.15;
const ENGINEERED_WAYS = 2;
/** the share of routes with a community of their own; */
const OWN_TAG = 0.02;

/** A well-mixed 32-bit number of three, to give a (peer, origin, way) its tags without drawing from the PRNG. */
function mix(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ c;
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2d);
  return (h ^ (h >>> 16)) >>> 0;
}

function generate(): void {
  const rnd = mulberry32(0x5ca1ab1e);
  const net = syntheticInternet(rnd);
  const [tier1, , regional, stubs] = net.levels as [number[], number[], number[], number[]];
  // Collector peers: transit and regional networks with a full feed, each with its fixed way up.
  const { peers, upToTier1, leakers, pathInto, leaked } = syntheticCollector(net, rnd, PEERS);
  // About 13 prefixes per origin AS, as in the real table (~1 M prefixes from ~75k origins).
  const origins = [...stubs, ...regional].slice(0, Math.ceil(PREFIXES / 13));
  // Each origin's ways down from its Tier-1 (prepends included): the first for most of its prefixes, the others
  // for those it engineers (another provider, other prepends), the same for every peer.
  const originDowns = new Map<number, number[][]>();
  const shape = new ShapeCount();
  let invalid = 0;
  const fd = openSync(`${files.mrt}.part`, 'w');
  const out = new Out(fd);
  const T = 1767225600;
  // PEER_INDEX_TABLE
  out.room(64 + PEERS * 12);
  out.u32(T);
  out.u16(13);
  out.u16(1);
  let m = out.mark();
  out.u32(0xc0000201);
  out.u16(0);
  out.u16(PEERS);
  peers.forEach((asn, i) => {
    out.u8(2);
    out.u32(0x0a000001 + i);
    out.u32(0xc0000200 + 10 + i);
    out.u32(asn);
  });
  out.fill(m);
  const vrpLines = ['ASN,IP Prefix,Max Length,Trust Anchor'];
  const path = new Array<number>(32);
  const communities: number[] = [];
  let origin = 0;
  let runLeft = 0;
  for (let i = 0; i < PREFIXES; i++) {
    const v6 = i >= PREFIXES * 0.9;
    if (runLeft === 0) {
      // Address blocks: an origin's prefixes come in runs of neighbours (mean RUN), several runs per origin.
      origin = origins[Math.floor(rnd() * origins.length)]!;
      runLeft = 1 + Math.floor(-Math.log(1 - rnd()) * (RUN - 1));
    }
    runLeft--;
    let downs = originDowns.get(origin);
    if (downs === undefined) originDowns.set(origin, (downs = Array.from({ length: 1 + ENGINEERED_WAYS }, () => net.withPrepends(upToTier1(origin)).reverse())));
    const way = rnd() < ENGINEERED ? 1 + Math.floor(rnd() * ENGINEERED_WAYS) : 0;
    const down = downs[way]!;
    const k = v6 ? i - Math.ceil(PREFIXES * 0.9) : i;
    const text = v6 ? `2001:${(k >>> 16).toString(16)}:${(k & 0xffff).toString(16)}::/48` : `${1 + (k >>> 16)}.${(k >>> 8) & 255}.${k & 255}.0/24`;
    const r = rnd();
    if (r < 0.6) vrpLines.push(`AS${origin},${text},${v6 ? 48 : 24},bench`);
    else if (r < 0.605) {
      vrpLines.push(`AS${origin + 1},${text},${v6 ? 48 : 24},bench`);
      invalid += PEERS;
    }
    out.room(64 + PEERS * 300);
    out.u32(T);
    out.u16(13);
    out.u16(v6 ? 4 : 2);
    m = out.mark();
    out.u32(i);
    if (v6) {
      out.u8(48);
      out.u16(0x2001);
      out.u16(k >>> 16);
      out.u16(k & 0xffff);
    } else {
      out.u8(24);
      out.u8(1 + (k >>> 16));
      out.u8((k >>> 8) & 255);
      out.u8(k & 255);
    }
    out.u16(PEERS);
    for (let p = 0; p < PEERS; p++) {
      const n = pathInto(path, p, origin, down);
      // A peer tags the routes of one way alike (half carry 1–4 communities); a few carry a tag of their own.
      const tags = mix(p, origin, way);
      communities.length = 0;
      if ((tags & 7) >= 4) for (let c = 0; c <= (tags & 3); c++) communities.push(peers[p]! * 65536 + 100 * c);
      if (rnd() < OWN_TAG) communities.push(peers[p]! * 65536 + 1 + (i & 0x7fff));
      const community = communities.length;
      // Over the whole table of one peer, as the real figure is (every other attribute is the same for all of a
      // peer's routes of one family).
      if (p === 0) shape.add(p, path.slice(0, n).join(' '), communities.join(' '));
      const pathLen = 2 + 4 * n;
      const attrLen = 4 + 3 + pathLen + (v6 ? 20 : 7) + (community > 0 ? 3 + 4 * community : 0);
      out.u16(p);
      out.u32(T - 86400);
      out.u16(attrLen);
      out.u8(0x40); // ORIGIN
      out.u8(1);
      out.u8(1);
      out.u8(0);
      out.u8(0x40); // AS_PATH
      out.u8(2);
      out.u8(pathLen);
      out.u8(2);
      out.u8(n);
      for (let j = 0; j < n; j++) out.u32(path[j]!);
      if (v6) {
        out.u8(0x80); // MP_REACH_NLRI, abbreviated as RFC 6396 §4.3.4 has it in RIB entries
        out.u8(14);
        out.u8(17);
        out.u8(16);
        out.u32(0x20010db8);
        out.u32(0);
        out.u32(0);
        out.u32(10 + p);
      } else {
        out.u8(0x40); // NEXT_HOP
        out.u8(3);
        out.u8(4);
        out.u32(0xc0000200 + 10 + p);
      }
      if (community > 0) {
        out.u8(0xc0);
        out.u8(8);
        out.u8(4 * community);
        for (const c of communities) out.u32(c);
      }
    }
    out.fill(m);
  }
  out.close();
  closeSync(fd);
  const aspa: string[] = [];
  for (const [c, ps] of net.providers) if (rnd() < 0.3 || leakers.includes(c)) aspa.push(`AS${c} => ${ps.map((p) => `AS${p}`).join(', ')}`);
  for (const t of tier1) aspa.push(`AS${t} => AS0`);
  const rels: string[] = [];
  for (const [c, ps] of net.providers) for (const p of ps) rels.push(`${p}|${c}|-1|bench`);
  for (const a of tier1) for (const b of tier1) if (a < b) rels.push(`${a}|${b}|0|bench`);
  writeFileSync(files.aspa, `${aspa.join('\n')}\n`);
  writeFileSync(files.rels, `${rels.join('\n')}\n`);
  writeFileSync(files.vrps, `${vrpLines.join('\n')}\n`);
  writeFileSync(files.truth, JSON.stringify({ entries: PREFIXES * PEERS, leaked: leaked(), invalid, shape: shape.ratios() }));
  renameSync(`${files.mrt}.part`, files.mrt);
}

async function child(): Promise<void> {
  const { loadPathData } = await import('../server/src/core/paths/loadData');
  const { scanDataOf } = await import('../server/src/core/scan/classify');
  const { MrtScanner } = await import('../server/src/core/scan/scanner');
  const { readMrtFile } = await import('../server/src/core/mrt/node/readMrtFile');
  const c0 = process.cpuUsage();
  const data = await loadPathData({ aspaFiles: [files.aspa], vrpFiles: [files.vrps], relationshipFiles: [files.rels] }, async (p) => readFileSync(p, 'utf8'));
  const scanData = scanDataOf(data);
  const c1 = process.cpuUsage(c0);
  const rssData = process.memoryUsage().rss / 1048576;
  const scanner = new MrtScanner(scanData);
  const sink = scanner.file(files.mrt, 'rrc00');
  const c2 = process.cpuUsage();
  const t2 = performance.now();
  sink.done(await readMrtFile(files.mrt, sink));
  const c3 = process.cpuUsage(c2);
  const wall = (performance.now() - t2) / 1000;
  const result = scanner.result();
  const cpu = (c3.user + c3.system) / 1e6;
  process.stdout.write(
    JSON.stringify({ loadSeconds: (c1.user + c1.system) / 1e6, rssAfterData: rssData, cpu, wall, checked: result.routesChecked, flagged: result.routesFlagged, episodes: result.episodes.length, rov: result.episodes.filter((e) => e.kind === 'rov').reduce((n, e) => n + e.routes, 0), peakRss: peakRssMb() }),
  );
}

async function main(): Promise<void> {
  if (process.argv.includes('--child') || process.argv.includes('--child-quick')) return child();
  if (!existsSync(files.mrt)) {
    const t = performance.now();
    process.stderr.write(`scan: writing the generated RIB ${files.mrt} (once)…\n`);
    generate();
    process.stderr.write(`  written in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const truth = JSON.parse(readFileSync(files.truth, 'utf8')) as { entries: number; leaked: number; invalid: number; shape: RibShape };
  const real = await realRibShape();
  const shapeText = (r: RibShape): string => `${r.paths.toFixed(3)} distinct AS paths and ${r.attributeSets.toFixed(3)} attribute sets per entry, ${(100 * r.samePathAsPrevious).toFixed(0)} % same path as the prefix before`;
  process.stderr.write(
    `scan: shape of the generated RIB (its first peer's whole table): ${shapeText(truth.shape)}\n` +
      `      real RIS rrc00 2002-07-22, full-feed peer: ${real === undefined ? '(../shared/corpora/mrt not present)' : shapeText(real)}\n`,
  );
  for (const runtime of childRuntimes(__filename)) {
    const r = spawnSync(process.execPath, [...runtime.args, quick ? '--child-quick' : '--child'], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`the scan failed${runtime.label}: ${r.stderr}`);
    const f = JSON.parse(r.stdout) as { loadSeconds: number; rssAfterData: number; cpu: number; wall: number; checked: number; flagged: number; episodes: number; rov: number; peakRss: number };
    const size = (await import('node:fs')).statSync(files.mrt).size / 1048576;
    process.stderr.write(
      `scan${runtime.label}: generated RIB, ${PREFIXES} prefixes x ${PEERS} peers = ${truth.entries} entries, ${size.toFixed(0)} MB uncompressed; data loaded in ${f.loadSeconds.toFixed(2)} CPU s (RSS then ${f.rssAfterData.toFixed(0)} MB)\n` +
        `  checked ${f.checked}, flagged ${f.flagged} in ${f.episodes} episodes; injected: ${truth.leaked} leaked entries, ${truth.invalid} ROV Invalid entries (ROV episodes hold ${f.rov}); ${f.cpu.toFixed(2)} CPU s, ${f.wall.toFixed(2)} s wall\n`,
    );
    if (f.checked !== truth.entries) throw new Error(`checked ${f.checked} of ${truth.entries} entries`);
    if (f.rov !== truth.invalid) throw new Error(`ROV Invalid: found ${f.rov}, injected ${truth.invalid}`);
    report({ bench: 'scan', metric: `scan of a generated RIB (${(truth.entries / 1e6).toFixed(1)} M entries) with ASPA, ROV, valley-free: entries per CPU second${runtime.label}`, value: f.checked / f.cpu / 1e6, unit: 'M/s', budget: '>= 5 M/s', ok: f.checked / f.cpu >= 5e6 });
    report({ bench: 'scan', metric: `peak RSS of that scan (${size.toFixed(0)} MB file)${runtime.label}`, value: f.peakRss, unit: 'MB', budget: '<= 500 MB', ok: f.peakRss <= 500 });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`scan bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
