// `npm run bench`: runs every bench/*.bench.ts in its own process (so one's memory does not colour another's)
// and prints one table of the figures they report. Quick mode (--quick, `npm run bench --quick` or
// BENCH_QUICK=1) shrinks every workload; see bench/figure.ts.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

interface Figure {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  budget?: string;
  ok?: boolean;
}

const dir = __dirname;
const passThrough = process.argv.slice(2);
const only = passThrough.filter((a) => !a.startsWith('--'));
const flags = passThrough.filter((a) => a.startsWith('--'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const figures: Figure[] = [];
const failures: string[] = [];
for (const f of files) {
  process.stderr.write(`── ${f}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', path.join(dir, f), ...flags], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      figures.push(JSON.parse(line) as Figure);
    } catch {
      // a stray line of output, not a figure
    }
  }
  if (r.status !== 0) failures.push(`${f} exited ${r.status ?? r.signal}`);
}

const rows = figures.map((x) => [x.bench, x.metric, formatValue(x.value), x.unit, x.budget ?? '', x.ok === undefined ? '' : x.ok ? 'ok' : 'OVER']);
const head = ['bench', 'metric', 'value', 'unit', 'budget', 'verdict'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const fmt = (r: string[]) => r.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
process.stdout.write(`${fmt(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(fmt).join('\n')}\n`);
for (const f of failures) process.stdout.write(`FAILED: ${f}\n`);
process.exitCode = failures.length > 0 ? 1 : 0;

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  return v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2);
}
