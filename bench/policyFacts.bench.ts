/**
 * The policy part of indexing a registry dump, in this process, CPU time per phase (best of N runs): every
 * policy line parsed, the aut-nums' facts the cross-checks keep (noteAutNum: export facts and import peers),
 * and every object's references (forEachReference: list attributes and policy names). Input: a dump given
 * on the command line, by default the realistic 10 MB dump the lead generated (real policy lines of AS3257,
 * regrouped and renumbered: /work/coord/data/real10.rpsl) or, when absent, ../shared's AS3257.rpsl.
 * Under tsx every call into another module goes through an export getter; bundle it (esbuild, as the CLI ships)
 * for figures to compare.
 *   node --import tsx bench/policyFacts.bench.ts [FILE] [--runs N] [--only parse|facts|refs]
 */
import { existsSync, readFileSync } from 'node:fs';
import { numberArg, quick, report } from './figure';
import { AS3257_PATH } from './rpslDump';
import { frameRpslInto } from '../server/src/core/rpsl/frame';
import type { RpslObject } from '../server/src/core/rpsl/model';
import { parsePolicy, POLICY_ATTRIBUTES } from '../server/src/core/policy/parser';
import { autNumFacts } from '../server/src/core/workspace/routePolicy';
import { visitReferences, type ReferenceVisitor } from '../server/src/core/workspace/references';

const fileArg = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const file = fileArg ?? (existsSync('/work/coord/data/real10.rpsl') ? '/work/coord/data/real10.rpsl' : AS3257_PATH);
const runs = numberArg('--runs', quick ? 2 : 5);
if (!existsSync(file)) {
  process.stderr.write(`policyFacts: ${file} is absent (../shared not here): nothing to measure\n`);
  process.exit(0);
}
const text = readFileSync(file, 'utf8');
const objects: RpslObject[] = [];
frameRpslInto(text, { object: (o) => objects.push(o), diagnostic: () => undefined });
const autNums = objects.filter((o) => o.className === 'aut-num');
const policyLines = objects.flatMap((o) => o.attributes.filter((a) => POLICY_ATTRIBUTES[a.name]));
process.stderr.write(`${file}: ${(text.length / 1e6).toFixed(1)} MB, ${objects.length} objects, ${autNums.length} aut-nums, ${policyLines.length} policy lines\n`);

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
function cpuMs(work: () => void, name?: string): number {
  if (only !== undefined && name !== only) return NaN;
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    work();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

let sink = 0;
const parse = cpuMs(() => {
  for (const a of policyLines) sink += parsePolicy(a.name, a.value)?.problems.length ?? 0;
}, 'parse');
const facts = cpuMs(() => {
  // What noteAutNum keeps per indexed aut-num.
  for (const o of autNums) sink += autNumFacts(o).exports.rules;
}, 'facts');
const refs = cpuMs(() => {
  // As the index reads them: AS numbers as numbers.
  const visit: ReferenceVisitor = { named: (_k, _key, _a, s) => void (sink += s), asn: (asn, _a, s) => void (sink += asn + s) };
  for (const o of objects) visitReferences(o, visit);
}, 'refs');
void sink;
for (const [metric, ms] of [
  ['policy parse, every policy line', parse],
  ['aut-num facts (autNumFacts, what noteAutNum keeps; parse included)', facts],
  ['references of every object', refs],
] as const)
  if (!Number.isNaN(ms)) report({ bench: 'policyFacts', metric: `${metric}: CPU, best of ${runs}`, value: ms, unit: 'ms' });
