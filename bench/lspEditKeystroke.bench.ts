/**
 * The keystroke's own work, in this process and many times over: one character typed into a realistic dump,
 * then the RPSL re-validation of what it touched and the whole document's diagnostics, as the language
 * server runs them for each pull (`RpslIncrementalDocument.applyEdit` + `diagnostics()`, the path of an
 * editor's incremental change). Each edit is timed in CPU time with a full GC before it (run with
 * --expose-gc), so one keystroke is not charged for the garbage of the ones before; the worst edits are
 * printed with where they landed (the object class and size), to tell a slow object from a noisy machine.
 *   node --import tsx bench/lspEditKeystroke.bench.ts [--quick] [--mb N] [--edits N] [--full-text] [--tsx]
 * It runs itself again as the esbuild bundle (as the server ships: under tsx every call into another module
 * goes through an export getter, a third of this profile) with --expose-gc; --tsx runs it under tsx instead.
 * --full-text also times the full-sync path (`update` with the whole new text), which bench/rpsl mixes in.
 * Data: generated (bench/rpslDump.ts generateRealisticDump: a registry's object mix, GTT's real policy lines).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { runAsGcChild } from './bundled';
import { numberArg, quick, report } from './figure';
import { mulberry32 } from './prng';
import { AS3257_PATH, generateRealisticDump } from './rpslDump';
import { RpslIncrementalDocument } from '../server/src/core/rpsl/incremental';

runAsGcChild(__filename, ['--as3257', AS3257_PATH]);

const mb = numberArg('--mb', 5);
const edits = numberArg('--edits', quick ? 100 : 400);
const fullText = process.argv.includes('--full-text');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) process.stderr.write('lspEditKeystroke: run with node --expose-gc for steadier figures (no GC between edits now)\n');

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const runtime = process.argv.includes('--tsx') ? 'tsx' : 'esbuild bundle';
const { text, stats } = generateRealisticDump(readFileSync(process.argv[process.argv.indexOf('--as3257') + 1]!, 'utf8'), mb * 1e6, 12);
process.stderr.write(`realistic dump (generated, generateRealisticDump seed 12): ${(text.length / 1e6).toFixed(1)} MB, ${stats.objects} objects, largest aut-num ${stats.largestAutNum} policy lines\n`);
const inc = new RpslIncrementalDocument(text, 'auto');

/** The object around `at` in `s`: its class (first attribute) and length. */
function objectAt(s: string, at: number): string {
  const start = s.lastIndexOf('\n\n', at) + 2;
  let end = s.indexOf('\n\n', at);
  if (end < 0) end = s.length;
  const cls = s.slice(start, s.indexOf(':', start));
  return `${cls} of ${((end - start) / 1000).toFixed(1)} kB`;
}

interface Timed {
  readonly ms: number;
  readonly where: string;
  readonly reparsed: number;
}
const r = mulberry32(7);
const timed: Timed[] = [];
const fullTimed: Timed[] = [];
let current = text;
for (let i = 0; i < edits; i++) {
  const at = Math.floor(r() * (current.length - 1));
  const ch = current[at] === '1' ? '2' : '1';
  const where = objectAt(current, at);
  gc?.();
  let c = cpuMs();
  inc.applyEdit(at, at + 1, ch);
  inc.diagnostics();
  timed.push({ ms: cpuMs() - c, where, reparsed: inc.stats.reparsed });
  // Undo by the full text (a full-sync client), so the document stays the same size and shape.
  const before = current;
  if (fullText) {
    gc?.();
    c = cpuMs();
    inc.update(before);
    inc.diagnostics();
    fullTimed.push({ ms: cpuMs() - c, where, reparsed: inc.stats.reparsed });
  } else inc.applyEdit(at, at + 1, before[at]!);
  current = before;
}

const sorted = (xs: readonly Timed[]): Timed[] => [...xs].sort((a, b) => a.ms - b.ms);
const q = (xs: readonly Timed[], p: number): number => sorted(xs)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.ms;
const summary = (label: string, xs: readonly Timed[]): void => {
  process.stderr.write(
    `  ${label}: median ${q(xs, 0.5).toFixed(1)} ms, p90 ${q(xs, 0.9).toFixed(1)}, p99 ${q(xs, 0.99).toFixed(1)}, worst ${q(xs, 1).toFixed(1)} ms (CPU, ${xs.length} edits, GC between: ${gc ? 'yes' : 'no'}; ${runtime}; load average ${loadavg()[0]!.toFixed(1)})\n`,
  );
  for (const t of sorted(xs).slice(-5).reverse()) process.stderr.write(`    ${t.ms.toFixed(1)} ms: in a ${t.where}, ${t.reparsed} chunks re-validated\n`);
  report({ bench: 'lspEditKeystroke', metric: `${label}, ${mb} MB realistic: median (CPU)`, value: q(xs, 0.5), unit: 'ms' });
  report({ bench: 'lspEditKeystroke', metric: `${label}, ${mb} MB realistic: p99 (CPU)`, value: q(xs, 0.99), unit: 'ms' });
  report({ bench: 'lspEditKeystroke', metric: `${label}, ${mb} MB realistic: worst of ${xs.length} (CPU)`, value: q(xs, 1), unit: 'ms', budget: '< 50 ms', ok: q(xs, 1) < 50 });
};
summary('1-char edit → re-validated', timed);
if (fullText) summary('full-text update → re-validated', fullTimed);
