/**
 * Workspace index budget: index a generated workspace of 200k RPSL objects across 1,000 files in < 5 s and
 * < 1 GB, and re-check the dependants of a one-file edit in < 100 ms. `--quick` shrinks it tenfold.
 * Run: node --import tsx bench/workspace.bench.ts [--quick]
 */
import { SourceDocument } from '../server/src/core/document';
import { frameRpsl } from '../server/src/core/rpsl/frame';
import { defaultSettings } from '../server/src/core/settings';
import { crossCheckDocument } from '../server/src/core/workspace/crossCheck';
import { dependantUris } from '../server/src/core/workspace/dependants';
import { WorkspaceIndex } from '../server/src/core/workspace/workspaceIndex';

const quick = process.argv.includes('--quick');
const FILES = quick ? 100 : 1000;
const PER_FILE = 200;
const TOTAL = FILES * PER_FILE;

/** Deterministic pseudo-random numbers, so every run indexes the same workspace. */
let seed = 42;
function rnd(n: number): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}

/** One file: 20 aut-nums with policy, 20 as-sets, 10 route-sets, 130 routes, 10 mntners, 10 persons. */
function generateFile(f: number): string {
  const parts: string[] = [];
  const asnOf = (i: number): number => 64512 + f * 20 + i;
  for (let i = 0; i < 20; i++) {
    const a = asnOf(i);
    const peer = 64512 + rnd(FILES * 20);
    parts.push(
      `aut-num: AS${a}\nas-name: NET-${a}\nimport: from AS${peer} action pref = 100; accept ANY\nimport: from AS${peer + 1} accept AS${a}:AS-SET${i}\n` +
        `mp-import: afi ipv6.unicast from AS${peer} accept ANY\nexport: to AS${peer} announce AS${a}:AS-SET${i}\nexport: to AS${peer + 1} announce ANY\n` +
        `mnt-by: MNT-${f}-${i % 10}\nadmin-c: P${f}-${i % 10}-TEST\nsource: BENCH\n`,
    );
  }
  // Customer cones: a set includes, half the time, a set of an earlier file (a DAG, depth ~ log n, as real cones).
  for (let i = 0; i < 20; i++) {
    const other = f > 0 && rnd(2) === 0 ? rnd(f * 20) : -1;
    const nested = other >= 0 ? `, AS${64512 + other}:AS-SET${other % 20}` : '';
    parts.push(`as-set: AS${asnOf(i)}:AS-SET${i}\nmembers: AS${asnOf(i)}, AS${64512 + rnd(FILES * 20)}${nested}\nmnt-by: MNT-${f}-${i % 10}\nsource: BENCH\n`);
  }
  for (let i = 0; i < 10; i++) parts.push(`route-set: RS-F${f}-${i}\nmembers: 10.${f % 256}.${i}.0/24^+${f > 0 ? `, RS-F${rnd(f)}-${i}` : ''}\nmnt-by: MNT-${f}-${i}\nsource: BENCH\n`);
  for (let i = 0; i < 130; i++) {
    const n = f * 130 + i;
    parts.push(`route: ${(n >> 16) & 255 || 1}.${(n >> 8) & 255}.${n & 255}.0/24\norigin: AS${asnOf(i % 20)}\nmnt-by: MNT-${f}-${i % 10}\nsource: BENCH\n`);
  }
  for (let i = 0; i < 10; i++) parts.push(`mntner: MNT-${f}-${i}\nauth: CRYPT-PW x\nsource: BENCH\n`);
  for (let i = 0; i < 10; i++) parts.push(`person: Person ${f} ${i}\nnic-hdl: P${f}-${i}-TEST\nsource: BENCH\n`);
  return parts.join('\n');
}

function emit(metric: string, value: number, unit: string, budget: string, ok: boolean): void {
  process.stdout.write(`${JSON.stringify({ bench: 'workspace', metric, value: Math.round(value * 100) / 100, unit, budget, ok })}\n`);
}

const texts = Array.from({ length: FILES }, (_, f) => generateFile(f));
const global_ = globalThis as { gc?: () => void };
global_.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const index = new WorkspaceIndex();
const c0 = process.cpuUsage();
const t0 = performance.now();
for (let f = 0; f < FILES; f++) {
  const text = texts[f] ?? '';
  index.set(`file:///bench/f${f}.rpsl`, frameRpsl(text).objects, text);
}
const indexMs = performance.now() - t0;
const cpu = process.cpuUsage(c0);
const indexCpuMs = (cpu.user + cpu.system) / 1000;
global_.gc?.();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
const rssMb = process.memoryUsage().rss / 1048576;
process.stderr.write(`indexed ${index.size} objects in ${FILES} files: ${indexMs.toFixed(0)} ms wall, ${indexCpuMs.toFixed(0)} ms cpu, heap +${heapMb.toFixed(0)} MB, rss ${rssMb.toFixed(0)} MB\n`);
const scale = TOTAL / 200000;
emit('index-200k-objects', indexMs / scale, 'ms', '< 5000 ms', indexMs / scale < 5000);
emit('index-memory', heapMb / scale, 'MB', '< 1024 MB', heapMb / scale < 1024);

// One-file edit: re-index it, find its dependants, re-run the cross-checks of those open in the editor
// (the server re-validates open documents only: closed files show no diagnostics). The figure for every
// dependant, open or not, is printed too, as information.
const ctx = { settings: defaultSettings, workspace: index };
const OPEN = 20;
const open = new Set(Array.from({ length: OPEN }, () => `file:///bench/f${rnd(FILES)}.rpsl`));
const docs = new Map<string, SourceDocument>();
const docOf = (uri: string): SourceDocument => {
  let d = docs.get(uri);
  if (!d) docs.set(uri, (d = new SourceDocument(uri, 'rpsl', 1, index.textOf(uri) ?? '')));
  return d;
};
// Open documents have their parse and line index already, as in the server.
for (const u of open) void docOf(u).lineIndex.lineCount;

function edit(k: number, all: boolean): { wall: number; cpu: number; deps: number } {
  const f = rnd(FILES);
  const uri = `file:///bench/f${f}.rpsl`;
  const text = (texts[f] ?? '').replace('members: ', `members: AS${64496 + k}, `);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const before = index.objectsIn(uri);
  const doc = new SourceDocument(uri, 'rpsl', 2 + k, text);
  docs.set(uri, doc);
  index.set(uri, frameRpsl(text).objects, text);
  const deps = dependantUris(index, uri, before);
  let n = 0;
  for (const d of deps) {
    if (!all && d !== uri && !open.has(d)) continue;
    crossCheckDocument(docOf(d), ctx);
    n++;
  }
  const c = process.cpuUsage(c1);
  return { wall: performance.now() - t1, cpu: (c.user + c.system) / 1000, deps: n };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const all of [false, true]) {
  const runs = Array.from({ length: 15 }, (_, k) => edit(k, all));
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  const deps = runs.reduce((s, r) => s + r.deps, 0) / runs.length;
  process.stderr.write(`edit + re-check of ${all ? 'all' : 'open'} dependants (${deps.toFixed(1)} files): median ${wall.toFixed(1)} ms wall, ${cpu.toFixed(1)} ms cpu\n`);
  if (all) emit('edit-recheck-all-dependants', wall, 'ms', '(information)', true);
  else emit('edit-recheck-open-dependants', wall, 'ms', '< 100 ms', wall < 100);
}
