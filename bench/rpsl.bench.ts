/**
 * RPSL core budget: parse + fully validate a realistic registry dump (route/route6/aut-num/as-set mix with
 * import/export lines), its peak heap against the input size, and incremental re-validation after a
 * one-character edit in a 20 MB file.
 *   node --import tsx bench/rpsl.bench.ts [--quick]
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import { quick, report } from './figure';
import { mulberry32 } from './prng';
import { generateDump } from './rpslDump';
import type { SpanDiagnostic } from '../server/src/core/diagnostics/diagnostic';
import { dialectOf } from '../server/src/core/rpsl/dialects';
import { frameRpslInto } from '../server/src/core/rpsl/frame';
import { RpslIncrementalDocument } from '../server/src/core/rpsl/incremental';
import { validateObject, validateRpslText } from '../server/src/core/rpsl/validate';
import { validatePolicyAttribute } from '../server/src/core/policy/validateAttribute';

const POLICY: ReadonlySet<string> = new Set(['import', 'export', 'mp-import', 'mp-export']);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;


const objects = quick ? 20_000 : 120_000;
const text = generateDump(objects);
const mb = text.length / 1e6;
process.stderr.write(`rpsl: ${objects} objects, ${mb.toFixed(1)} MB\n`);

// 1. Throughput: the streaming validator (frame + templates + values + policy), best of a few runs.
let best = Infinity;
let findings = 0;
for (let run = 0; run < (quick ? 2 : 4); run++) {
  const t0 = performance.now();
  findings = validateRpslText(text, 'auto').length;
  best = Math.min(best, performance.now() - t0);
}
const mbps = mb / (best / 1000);
process.stderr.write(`  ${findings} findings (the generated dump is clean)\n`);
// Where the time goes: framing alone, and the policy parser (policy area) on the policy attributes alone.
{
  let t = performance.now();
  frameRpslInto(text, { object: () => undefined, diagnostic: () => undefined });
  const frameMs = performance.now() - t;
  t = performance.now();
  frameRpslInto(text, {
    object: (o) => {
      for (const a of o.attributes) if (POLICY.has(a.name)) validatePolicyAttribute(a, o.className);
    },
    diagnostic: () => undefined,
  });
  const policyMs = performance.now() - t - frameMs;
  process.stderr.write(
    `  of ${best.toFixed(0)} ms: framing ~${frameMs.toFixed(0)} ms (${(mb / (frameMs / 1000)).toFixed(0)} MB/s), policy parser (policy area) ~${policyMs.toFixed(0)} ms, templates and values the rest\n`,
  );
}
report({ bench: 'rpsl', metric: 'parse+validate throughput', value: mbps, unit: 'MB/s', budget: '>= 50 MB/s', ok: mbps >= 50 });

// 2. Peak heap while validating, sampled every 5000 objects, relative to the input (ASCII: one byte a char).
gc();
const baseline = process.memoryUsage().heapUsed - text.length; // the text is already on the heap
let peak = 0;
let seen = 0;
const out: SpanDiagnostic[] = [];
frameRpslInto(text, {
  object(o) {
    validateObject(o, dialectOf(o, 'auto'), out);
    if (++seen % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  },
  diagnostic: (d) => out.push(d),
});
peak = Math.max(peak, process.memoryUsage().heapUsed);
const ratio = (peak - baseline) / text.length;
report({ bench: 'rpsl', metric: 'peak heap / input size', value: ratio, unit: 'x', budget: '<= 4x', ok: ratio <= 4 });

// 3. Incremental re-validation after a one-character edit in a 20 MB file.
const bigObjects = quick ? Math.round(objects / 4) : Math.round((objects * 20) / mb);
const big = quick ? text.slice(0, Math.round(text.length / 4)) : generateDump(bigObjects, 2);
const bigMb = big.length / 1e6;
const t0 = performance.now();
const inc = new RpslIncrementalDocument(big, 'auto');
process.stderr.write(`  incremental document of ${bigMb.toFixed(1)} MB built in ${(performance.now() - t0).toFixed(0)} ms (${inc.stats.chunks} chunks)\n`);
const r = mulberry32(7);
const editTimes: number[] = [];
const updateTimes: number[] = [];
let current = big;
for (let i = 0; i < 20; i++) {
  const at = Math.floor(r() * (current.length - 1));
  const ch = current[at] === '1' ? '2' : '1';
  // (a) The LSP's incremental change: offsets and the inserted text.
  let s = performance.now();
  inc.applyEdit(at, at + 1, ch);
  inc.diagnostics();
  editTimes.push(performance.now() - s);
  // (b) The whole new text, as a full-sync client sends it: the changed chunks are found by comparison.
  const before = current;
  current = current.slice(0, at) + ch + current.slice(at + 1);
  const reverted = before;
  s = performance.now();
  inc.update(reverted);
  inc.diagnostics();
  updateTimes.push(performance.now() - s);
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
  metric: `re-validation after a 1-char edit in ${bigMb.toFixed(0)} MB (worst of 40)`,
  value: worst,
  unit: 'ms',
  budget: '< 50 ms',
  ok: worst < 50,
});
