/**
 * RPSL core budget, judged on a realistic registry dump (see generateRealisticDump: a registry's object mix
 * with the real policy text of GTT's aut-num), with the clean generated dump beside it for comparison:
 *   1. `routelens lint --format json` on each dump, as a user runs it (own process): MB/s and objects/s of
 *      CPU time, peak RSS against the input size;
 *   2. the per-object checks alone (frame + templates + values + policy), in this process;
 *   3. re-validation after a one-character edit in a 20 MB realistic dump (the editor's keystroke path).
 *   4. with --gb N only: `routelens lint --format json` on a realistic dump of N GB (written to a scratch file
 *      object by object and deleted after; needs N GB of disk), against the 1 GB budget (≤ 30 s, ≤ 3 GB).
 *   node --import tsx bench/rpsl.bench.ts [--quick] [--mb N] [--gb N]    (--mb: size of the lint inputs, default 52)
 */
import { closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { quick, report } from './figure';
import { commandCost, lintCost, scratch, scratchFile } from './lintProcess';
import { mulberry32 } from './prng';
import { AS3257_PATH, generateDump, generateRealisticDump, realisticObjects } from './rpslDump';
import { RpslIncrementalDocument } from '../server/src/core/rpsl/incremental';
import { validateRpslText } from '../server/src/core/rpsl/validate';

const mbArg = process.argv.indexOf('--mb');
const targetBytes = (mbArg > 0 ? Number(process.argv[mbArg + 1]) : quick ? 10 : 52) * 1e6;
const runs = quick ? 1 : 3;
const gbArg = process.argv.indexOf('--gb');

if (gbArg > 0) {
  gigabyteLint(Number(process.argv[gbArg + 1]));
  process.exit(0);
}

/** 4. A realistic dump too big for one string, linted as a user would; the file is written in pieces and deleted after. */
function gigabyteLint(gb: number): void {
  if (!existsSync(AS3257_PATH)) throw new Error(`${AS3257_PATH} is absent (../shared): no realistic dump`);
  const file = path.join(scratch, 'realistic-gb.rpsl');
  const fd = openSync(file, 'w');
  let pending: string[] = [];
  let size = 0;
  const stats = realisticObjects(readFileSync(AS3257_PATH, 'utf8'), gb * 1e9, 11, (o) => {
    pending.push(pending.length === 0 && size === 0 ? o : `\n${o}`);
    size += o.length + 1;
    if (pending.length >= 20_000) {
      writeSync(fd, pending.join(''));
      pending = [];
    }
  });
  writeSync(fd, pending.join(''));
  closeSync(fd);
  const bytes = statSync(file).size;
  process.stderr.write(`realistic dump of ${(bytes / 1e9).toFixed(2)} GB, ${stats.objects} objects, ${stats.policyLines} policy lines (generated, realisticObjects)\n`);
  try {
    const c = commandCost(['lint', '--format', 'json', file]);
    process.stderr.write(
      `  lint: ${(c.cpuMs / 1000).toFixed(1)} s CPU, ${(c.wallMs / 1000).toFixed(1)} s wall, peak RSS ${(c.maxRssMb / 1000).toFixed(2)} GB, ${(c.stdoutBytes / 1e6).toFixed(0)} MB of JSON, exit ${c.exitCode}${c.stderr ? ` — ${c.stderr.split('\n')[0]}` : ''}\n`,
    );
    report({ bench: 'rpsl', metric: `lint realistic ${(bytes / 1e9).toFixed(1)} GB: CPU time`, value: c.cpuMs / 1000, unit: 's', budget: '<= 30 s', ok: c.cpuMs <= 30_000 });
    report({ bench: 'rpsl', metric: `lint realistic ${(bytes / 1e9).toFixed(1)} GB: peak RSS`, value: c.maxRssMb / 1000, unit: 'GB', budget: '<= 3 GB', ok: c.maxRssMb <= 3000 });
  } finally {
    unlinkSync(file);
    // The report too: it is several hundred MB.
    if (existsSync(path.join(scratch, 'stdout'))) unlinkSync(path.join(scratch, 'stdout'));
  }
}

/** The clean generated dump of about `bytes` characters (small objects, no findings). */
function cleanDump(bytes: number, seed = 1): { text: string; objects: number } {
  const per = generateDump(2000, seed).length / 2000;
  const objects = Math.round(bytes / per);
  return { text: generateDump(objects, seed), objects };
}

const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const range = (xs: readonly number[], digits = 1): string =>
  xs.length === 1 ? xs[0]!.toFixed(digits) : `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

interface Input {
  readonly label: string;
  readonly text: string;
  readonly objects: number;
  readonly budgeted: boolean;
}

const inputs: Input[] = [];
{
  const c = cleanDump(targetBytes);
  inputs.push({ label: 'clean generated', text: c.text, objects: c.objects, budgeted: false });
  process.stderr.write(
    `clean generated dump: ${(c.text.length / 1e6).toFixed(1)} MB, ${c.objects} objects — bench/rpslDump.ts generateDump: 60 % route, 20 % route6, 12 % aut-num with 2–7 peers (2–3 policy lines each), 8 % as-set of 1–8 members; no per-object findings (its references resolve nowhere, so cross-checks report them)\n`,
  );
}
if (existsSync(AS3257_PATH)) {
  const { text, stats } = generateRealisticDump(readFileSync(AS3257_PATH, 'utf8'), targetBytes);
  inputs.push({ label: 'realistic', text, objects: stats.objects, budgeted: true });
  const mix = Object.entries(stats.byClass)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  process.stderr.write(
    `realistic dump: ${(text.length / 1e6).toFixed(1)} MB, ${stats.objects} objects (${mix}) — bench/rpslDump.ts generateRealisticDump: ` +
      `${stats.policyLines} real policy lines of AS3257 regrouped per peer and renumbered (${(stats.policyShare * 100).toFixed(0)} % of the bytes; largest aut-num ${stats.largestAutNum} lines), ` +
      `largest as-set ${stats.largestAsSet} members, references mostly resolving in the dump\n`,
  );
} else {
  process.stderr.write(`realistic dump: ${AS3257_PATH} is absent (../shared), so the budgets cannot be judged; only the clean dump is measured\n`);
}

// 1. The CLI, as a user runs it.
for (const input of inputs) {
  const mb = input.text.length / 1e6;
  const file = scratchFile(`${input.label.replace(/\W+/g, '-')}.rpsl`, input.text);
  const mbps: number[] = [];
  const ops: number[] = [];
  const rss: number[] = [];
  const wall: number[] = [];
  let out = 0;
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const c = lintCost(['--format', 'json', file]);
    mbps.push(mb / (c.cpuMs / 1000));
    ops.push(input.objects / (c.cpuMs / 1000));
    rss.push(c.maxRssMb / mb);
    wall.push(c.wallMs / 1000);
    out = c.stdoutBytes;
    findings = c.findings;
  }
  process.stderr.write(
    `  lint ${input.label} (${mb.toFixed(1)} MB, ${runs} run${runs > 1 ? 's' : ''}): ${range(mbps)} MB/s of CPU time, ${range(ops, 0)} objects/s, wall ${range(wall)} s, peak RSS ${range(rss, 2)}× the input, ${findings} findings (${(out / 1e6).toFixed(1)} MB of JSON)\n`,
  );
  const best = Math.max(...mbps);
  const worstRss = Math.max(...rss);
  report({
    bench: 'rpsl',
    metric: `lint ${input.label} ${mb.toFixed(0)} MB: throughput (CPU, best of ${runs})`,
    value: best,
    unit: 'MB/s',
    ...(input.budgeted ? { budget: '>= 50 MB/s', ok: best >= 50 } : {}),
  });
  report({ bench: 'rpsl', metric: `lint ${input.label} ${mb.toFixed(0)} MB: objects/s (CPU, best of ${runs})`, value: Math.max(...ops), unit: 'obj/s' });
  report({
    bench: 'rpsl',
    metric: `lint ${input.label} ${mb.toFixed(0)} MB: peak RSS / input (worst of ${runs})`,
    value: worstRss,
    unit: 'x',
    ...(input.budgeted ? { budget: '<= 4x', ok: worstRss <= 4 } : {}),
  });
}

// 2. The per-object checks alone, in this process (no index, no cross-object checks).
for (const input of inputs) {
  const mb = input.text.length / 1e6;
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const c = cpuNow();
    findings = validateRpslText(input.text, 'auto').length;
    times.push(cpuNow() - c);
  }
  const best = mb / (Math.min(...times) / 1000);
  process.stderr.write(`  per-object checks, ${input.label}: ${range(times.map((t) => mb / (t / 1000)))} MB/s of CPU time, ${findings} findings\n`);
  report({ bench: 'rpsl', metric: `per-object checks only, ${input.label} (CPU, best of ${runs})`, value: best, unit: 'MB/s' });
}

// 3. Incremental re-validation after a one-character edit in a 20 MB file (realistic when it can be).
const editBase = inputs[inputs.length - 1]!;
const bigBytes = quick ? 5e6 : 20e6;
const big = editBase.budgeted ? generateRealisticDump(readFileSync(AS3257_PATH, 'utf8'), bigBytes, 12).text : cleanDump(bigBytes, 2).text;
const bigMb = big.length / 1e6;
const t0 = performance.now();
const inc = new RpslIncrementalDocument(big, 'auto');
process.stderr.write(`  incremental document of the ${editBase.label} kind, ${bigMb.toFixed(1)} MB, built in ${(performance.now() - t0).toFixed(0)} ms (${inc.stats.chunks} chunks)\n`);
const r = mulberry32(7);
const editTimes: number[] = [];
const updateTimes: number[] = [];
let current = big;
for (let i = 0; i < 20; i++) {
  const at = Math.floor(r() * (current.length - 1));
  const ch = current[at] === '1' ? '2' : '1';
  // (a) The LSP's incremental change: offsets and the inserted text. CPU time, as everywhere here.
  let s = cpuNow();
  inc.applyEdit(at, at + 1, ch);
  inc.diagnostics();
  editTimes.push(cpuNow() - s);
  // (b) The whole new text, as a full-sync client sends it: the changed chunks are found by comparison.
  const reverted = current;
  s = cpuNow();
  inc.update(reverted);
  inc.diagnostics();
  updateTimes.push(cpuNow() - s);
  current = reverted;
}
const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
const p = (xs: number[], q: number): number => sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
process.stderr.write(
  `  edit: median ${p(editTimes, 0.5).toFixed(1)} ms, max ${Math.max(...editTimes).toFixed(1)} ms; full-text update: median ${p(updateTimes, 0.5).toFixed(1)} ms, max ${Math.max(...updateTimes).toFixed(1)} ms\n`,
);
const worst = Math.max(...editTimes, ...updateTimes);
report({
  bench: 'rpsl',
  metric: `re-validation after a 1-char edit in ${bigMb.toFixed(0)} MB ${editBase.label} (CPU, worst of 40)`,
  value: worst,
  unit: 'ms',
  budget: '< 50 ms',
  ok: worst < 50,
});
