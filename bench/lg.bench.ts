/**
 * Looking-glass parser budget: a generated ~110 MB Cisco `show ip bgp` full table (~1 M prefixes,
 * 1–3 paths each, realistic path lengths with prepends and the odd AS_SET, long prefixes wrapped onto
 * the next line) parsed streaming from a file in < 2 s on one core with peak RSS < 1 GB. Then TextFSM
 * (Debian python3-textfsm) runs our own template (bench/textfsm/cisco_ios_show_ip_bgp.textfsm) on a
 * 200k-line slice of the same input, and the lines/s ratio is reported (aim >= 20x); both sides parse
 * the slice from memory, CPU time only, best of several runs.
 *   node --import tsx bench/lg.bench.ts [--quick]
 * Set LG_BENCH_KEEP=1 to keep the generated table in the temp directory for profiling.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, openSync, closeSync, writeSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { peakRssMb, quick, report } from './figure';
import { mulberry32 } from './prng';
import { LgStreamParser } from '../server/src/core/lg/parse';

const PREFIXES = quick ? 50_000 : 1_000_000;
const TEXTFSM_LINES = quick ? 20_000 : 200_000;

const rnd = mulberry32(0x1a55);
const int = (n: number): number => Math.floor(rnd() * n);

const TIER1 = [174, 701, 1299, 2914, 3257, 3320, 3356, 3491, 5511, 6453, 6461, 6762, 6830, 7018, 12956];
const UPSTREAMS = ['192.0.2.1', '192.0.2.65', '198.51.100.7', '203.0.113.9'];
const UPSTREAM_AS = [24482, 6939, 9002];

function path_(): string {
  const hops: string[] = [String(UPSTREAM_AS[int(UPSTREAM_AS.length)])];
  hops.push(String(TIER1[int(TIER1.length)]));
  const len = 1 + int(5);
  for (let i = 0; i < len; i++) hops.push(String(1000 + int(400_000)));
  if (rnd() < 0.08) {
    const last = hops[hops.length - 1] ?? '1';
    for (let i = 0, n = 1 + int(4); i < n; i++) hops.push(last);
  }
  if (rnd() < 0.003) hops.push(`{${10_000 + int(50_000)},${10_000 + int(50_000)}}`);
  return hops.join(' ');
}

/** Right-aligns like IOS: `%10s` metric, `%7s` local pref, `%7s` weight. */
const pad = (s: string, w: number): string => (s.length >= w ? s : ' '.repeat(w - s.length) + s);

const HEADER = [
  'BGP table version is 81234567, local router ID is 192.0.2.254',
  'Status codes: s suppressed, d damped, h history, * valid, > best, i - internal,',
  '              r RIB-failure, S Stale, m multipath, b backup-path, f RT-Filter,',
  '              x best-external, a additional-path, c RIB-compressed,',
  'Origin codes: i - IGP, e - EGP, ? - incomplete',
  'RPKI validation codes: V valid, I invalid, N Not found',
  '',
  '     Network          Next Hop            Metric LocPrf Weight Path',
];

function generate(file: string): { bytes: number; lines: number; paths: number } {
  const fd = openSync(file, 'w');
  let buf: string[] = [...HEADER];
  let lines = HEADER.length;
  let bytes = 0;
  let paths = 0;
  const flush = (): void => {
    const s = `${buf.join('\n')}\n`;
    bytes += Buffer.byteLength(s);
    writeSync(fd, s);
    buf = [];
  };
  for (let p = 0; p < PREFIXES; p++) {
    // Prefixes longer than the Network column (16 characters) wrap onto the next line, as IOS prints them.
    const a = 1 + int(222);
    const len = 16 + int(9);
    const prefix = rnd() < 0.03 ? `${100 + int(123)}.${100 + int(156)}.${100 + int(156)}.128/25` : `${a}.${int(256)}.${int(256)}.0/${len}`;
    const n = 1 + (rnd() < 0.12 ? 1 + int(2) : 0);
    const best = int(n);
    for (let k = 0; k < n; k++) {
      const status = k === best ? ' *> ' : ' *  ';
      const nh = UPSTREAMS[int(UPSTREAMS.length)] ?? '192.0.2.1';
      const metric = rnd() < 0.5 ? '0' : rnd() < 0.5 ? '' : String(int(5000));
      const lp = rnd() < 0.3 ? String(50 + int(200)) : '';
      const origin = rnd() < 0.9 ? 'i' : '?';
      const attrs = `${pad(metric, 10)}${pad(lp, 7)}${pad('0', 7)} ${path_()} ${origin}`;
      if (k === 0) {
        if (prefix.length > 16) {
          buf.push(`${status} ${prefix}`);
          buf.push(`${' '.repeat(22)}${nh.padEnd(16)}${attrs}`);
          lines += 2;
        } else {
          buf.push(`${status} ${prefix.padEnd(16)} ${nh.padEnd(16)}${attrs}`);
          lines++;
        }
      } else {
        buf.push(`${status}${' '.repeat(18)}${nh.padEnd(16)}${attrs}`);
        lines++;
      }
      paths++;
    }
    if (buf.length > 20_000) flush();
  }
  buf.push('', `Total number of prefixes ${PREFIXES}`);
  lines += 2;
  flush();
  closeSync(fd);
  return { bytes, lines, paths };
}

async function parseFile(file: string): Promise<{ routes: number; unparsed: number; seconds: number; cpuSeconds: number }> {
  let routes = 0;
  const parser = new LgStreamParser({ format: 'cisco-ios', onRoute: () => routes++ });
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) parser.push(chunk as string);
  const res = parser.end();
  const cpu = process.cpuUsage(cpu0);
  return { routes, unparsed: res.unparsed.length, seconds: (performance.now() - start) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function pythonWithTextfsm(): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import textfsm'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lg-bench-'));
  const file = path.join(dir, 'show-ip-bgp.txt');
  try {
    const g = generate(file);
    const mb = statSync(file).size / 1e6;
    process.stderr.write(`  generated ${mb.toFixed(1)} MB, ${g.lines} lines, ${g.paths} paths (${PREFIXES} prefixes)\n`);

    const r = await parseFile(file);
    if (r.routes !== g.paths || r.unparsed !== 0) throw new Error(`parse mismatch: ${r.routes} routes of ${g.paths}, ${r.unparsed} unparsed`);
    // The budget is for one core: CPU time (user + system) of this process, which a loaded machine does
    // not inflate the way it inflates wall time. Wall time is reported too.
    const linesPerSec = g.lines / r.cpuSeconds;
    // --quick is a smoke run: a 1/20 table is dominated by JIT warm-up, so budgets apply to the full run only.
    const budget = (text: string, ok: boolean): { budget?: string; ok?: boolean } => (quick ? {} : { budget: text, ok });
    report({ bench: 'lg', metric: 'cisco full table parse CPU time', value: r.cpuSeconds, unit: 's', ...budget('< 2 s', r.cpuSeconds < 2) });
    report({ bench: 'lg', metric: 'cisco full table parse wall time', value: r.seconds, unit: 's' });
    report({ bench: 'lg', metric: 'cisco table throughput', value: mb / r.cpuSeconds, unit: 'MB/s', ...budget('>= 55 MB/s', mb / r.cpuSeconds >= 55) });
    report({ bench: 'lg', metric: 'cisco table lines/s', value: linesPerSec, unit: 'lines/s' });
    const rss = peakRssMb();
    report({ bench: 'lg', metric: 'peak RSS', value: rss, unit: 'MB', ...budget('< 1024 MB', rss < 1024) });

    const py = pythonWithTextfsm();
    if (py === undefined) {
      process.stderr.write('  python3-textfsm is not installed: TextFSM comparison skipped\n');
      return;
    }
    // The same input, cut after a whole route so TextFSM and we see the same lines.
    const all = readFileSync(file, 'utf8');
    let cut = 0;
    for (let i = 0; i < TEXTFSM_LINES && cut >= 0; i++) cut = all.indexOf('\n', cut + 1);
    while (cut > 0 && all.startsWith('                      ', cut + 1)) cut = all.indexOf('\n', cut + 1);
    const slice = path.join(dir, 'slice.txt');
    writeFileSync(slice, all.slice(0, cut + 1));
    const tpl = path.join(__dirname, 'textfsm', 'cisco_ios_show_ip_bgp.textfsm');
    const t = spawnSync(py, [path.join(__dirname, 'textfsm', 'run_textfsm.py'), tpl, slice, quick ? '1' : '5'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (t.status !== 0) {
      process.stderr.write(`  TextFSM failed: ${t.stderr.slice(0, 400)}\n`);
      return;
    }
    const tf = JSON.parse(t.stdout.trim().split('\n').pop() ?? '{}') as { lines: number; records: number; seconds: number };
    // Ours on the same slice, streaming as the CLI does (routes handed on, not kept), best of five runs.
    // The text is in memory for both, as TextFSM reads it before its clock starts; ours arrives in 1 MB
    // chunks decoded from bytes, as a file stream delivers them (flat strings, not slices of one string).
    const sliceBytes = readFileSync(slice);
    const chunks: string[] = [];
    for (let i = 0; i < sliceBytes.length; i += 1 << 20) chunks.push(sliceBytes.toString('utf8', i, Math.min(sliceBytes.length, i + (1 << 20))));
    let sliceSec = Infinity;
    let mine = 0;
    for (let run = 0; run < 5; run++) {
      let count = 0;
      const ours = new LgStreamParser({ format: 'cisco-ios', onRoute: () => count++ });
      const s0 = process.cpuUsage();
      for (const chunk of chunks) ours.push(chunk);
      ours.end();
      const su = process.cpuUsage(s0);
      sliceSec = Math.min(sliceSec, (su.user + su.system) / 1e6);
      mine = count;
    }
    if (tf.records !== mine) process.stderr.write(`  note: TextFSM ${tf.records} records, parser ${mine} routes on the slice\n`);
    // TextFSM's CPU time is measured around ParseText inside Python (process_time, best of five), ours
    // around the parse; neither includes process start-up or reading the file.
    const tfRate = tf.lines / tf.seconds;
    const ourRate = tf.lines / sliceSec;
    report({ bench: 'lg', metric: 'TextFSM lines/s (same slice)', value: tfRate, unit: 'lines/s' });
    report({ bench: 'lg', metric: 'parser lines/s (same slice)', value: ourRate, unit: 'lines/s' });
    report({ bench: 'lg', metric: 'speed-up over TextFSM', value: ourRate / tfRate, unit: 'x', ...budget('>= 20x', ourRate / tfRate >= 20) });
  } finally {
    if (existsSync(dir) && process.env.LG_BENCH_KEEP === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
