/**
 * Framing and the per-object checks on a realistic registry dump, apart from the policy parser (another part of
 * issue 15's budget): what `routelens lint` spends before the index and the cross-object checks. Run as the CLI
 * ships (the esbuild bundle, in a child: under tsx every call into another module goes through an export getter,
 * which halves these figures). CPU time, best of the runs:
 *   1. framing alone, each object handed over as offsets (frameRpslViews, what the linter's validation reads);
 *   2. framing to objects (frameRpslInto: an object per attribute, what the editor and the index take);
 *   3. framing + per-object checks with every policy value taken as known clean (no policy parse): budget >= 150 MB/s;
 *   4. framing + per-object checks, policy values parsed (validateRpslText as it is).
 *   node --import tsx bench/rpslFrame.bench.ts [--quick] [--mb N] [--file PATH]   (--file: a dump of your own instead)
 */
import { existsSync, readFileSync } from 'node:fs';
import { runAsGcChild } from './bundled';
import { numberArg, quick, report } from './figure';
import { AS3257_PATH, generateRealisticDump } from './rpslDump';
import { frameRpslInto, frameRpslViews } from '../server/src/core/rpsl/frame';
import { PolicyMemo } from '../server/src/core/rpsl/policyMemo';
import { validateRpslText } from '../server/src/core/rpsl/validate';

runAsGcChild(__filename, ['--no-gc']);

/** Knows every policy value clean: the checks run, the policy parser does not. */
class EveryPolicyClean extends PolicyMemo {
  override knows(): boolean {
    return true;
  }
}

const fileAt = process.argv.indexOf('--file');
const file = fileAt > 0 ? process.argv[fileAt + 1] : undefined;
let text: string;
let label: string;
if (file) {
  text = readFileSync(file, 'utf8');
  label = file.slice(file.lastIndexOf('/') + 1);
  process.stderr.write(`${label}: ${(text.length / 1e6).toFixed(1)} MB (given with --file)\n`);
} else if (existsSync(AS3257_PATH)) {
  const dump = generateRealisticDump(readFileSync(AS3257_PATH, 'utf8'), numberArg('--mb', quick ? 10 : 52) * 1e6);
  text = dump.text;
  label = 'realistic';
  process.stderr.write(`realistic dump: ${(text.length / 1e6).toFixed(1)} MB, ${dump.stats.objects} objects (generated: bench/rpslDump.ts generateRealisticDump)\n`);
} else {
  process.stderr.write(`${AS3257_PATH} is absent (../shared): no realistic dump; give one with --file\n`);
  process.exit(0);
}

const mb = text.length / 1e6;
const runs = quick ? 3 : 6;
const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** MB/s of CPU time, best of `runs` (the first runs include compiling). */
function measure(what: string, work: () => void, budget?: number): void {
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = cpuMs();
    work();
    rates.push(mb / ((cpuMs() - t) / 1000));
  }
  const best = Math.max(...rates);
  report({
    bench: 'rpslFrame',
    metric: `${what}, ${label} ${mb.toFixed(0)} MB (CPU, best of ${runs}, bundle)`,
    value: best,
    unit: 'MB/s',
    ...(budget !== undefined ? { budget: `>= ${budget} MB/s`, ok: best >= budget } : {}),
  });
}

const none = (): undefined => undefined;
measure('framing to views', () => void frameRpslViews(text, { framed: none, diagnostic: none }));
measure('framing to objects', () => void frameRpslInto(text, { object: none, diagnostic: none }));
let findings = 0;
measure('framing + per-object checks, policy values not parsed', () => void (findings = validateRpslText(text, 'auto', { policyMemo: new EveryPolicyClean() }).length), 150);
process.stderr.write(`    (${findings} findings)\n`);
measure('framing + per-object checks, policy values parsed', () => void (findings = validateRpslText(text, 'auto').length));
process.stderr.write(`    (${findings} findings)\n`);
