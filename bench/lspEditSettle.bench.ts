/**
 * The pause's own work, in this process: after one character typed into a realistic 20 MB dump, the index
 * frames again around the edit (`WorkspaceIndex.setText`), the cross-check cache re-checks what the edit
 * affected (`CrossCheckCache.update`) and places the findings (`diagnostics`), as the language server does
 * when typing pauses (server/src/lsp/documentDiagnostics.ts), on the editor's own document (its text joined
 * from pieces, its line table kept by each change). Each stage in CPU time, GC between edits (run
 * under --expose-gc: it re-runs itself so), the edits at bench/lspEdit's settle lines and then in each of the
 * largest aut-nums, with where each landed and how many objects it re-checked.
 *   node --import tsx bench/lspEditSettle.bench.ts [--quick] [--mb N] [--tsx] [--no-gc] [--profile FILE]
 * --profile writes a CPU profile (.cpuprofile) of the edits alone.
 * Data: generated (bench/rpslDump.ts generateRealisticDump seed 13, as bench/lspEdit: a registry's mix, GTT's policy lines).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { loadavg } from 'node:os';
import { runAsGcChild } from './bundled';
import { numberArg, quick, report } from './figure';
import { AS3257_PATH, generateRealisticDump } from './rpslDump';
import { LineIndex } from '../server/src/core/text/lineIndex';
import { documentPositions } from '../server/src/lsp/documentPositions';
import { EditorDocument } from '../server/src/lsp/editorDocument';
import { CrossCheckCache } from '../server/src/core/workspace/crossCheckCache';
import { WorkspaceIndex } from '../server/src/core/workspace/workspaceIndex';

runAsGcChild(__filename, ['--as3257', AS3257_PATH]);

const mb = numberArg('--mb', quick ? 5 : 20);
const gc = (globalThis as { gc?: () => void }).gc;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const runtime = process.argv.includes('--tsx') ? 'tsx' : 'esbuild bundle';
const { text, stats } = generateRealisticDump(readFileSync(process.argv[process.argv.indexOf('--as3257') + 1]!, 'utf8'), mb * 1e6, 13);
process.stderr.write(`realistic dump (generated, generateRealisticDump seed 13): ${(text.length / 1e6).toFixed(1)} MB, ${stats.objects} objects; ${runtime}\n`);

const uri = 'file:///bench/dump.rpsl';
const index = new WorkspaceIndex();
index.setText(uri, text);
const cache = new CrossCheckCache(index, uri);
let c = cpuMs();
cache.update();
cache.diagnostics(new LineIndex(text));
process.stderr.write(`  first check of the whole dump: ${(cpuMs() - c).toFixed(0)} ms CPU\n`);

/** The object around `at`: its class and length. */
function objectAt(s: string, at: number): string {
  const start = s.lastIndexOf('\n\n', at) + 2;
  let end = s.indexOf('\n\n', at);
  if (end < 0) end = s.length;
  return `${s.slice(start, s.indexOf(':', start))} of ${((end - start) / 1000).toFixed(1)} kB`;
}

// bench/lspEdit's settle edits (line (v*53 % 97)/97 of the file, character 16), then inside the largest aut-nums.
const lineStarts = [0];
for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
const places: number[] = [];
for (let v = 40; v < 45; v++) places.push(lineStarts[Math.floor((lineStarts.length * ((v * 53) % 97)) / 97)]! + 16);
const autNums: { start: number; length: number }[] = [];
for (let at = 0; at < text.length; ) {
  let end = text.indexOf('\n\n', at);
  if (end < 0) end = text.length;
  if (text.startsWith('aut-num:', at)) autNums.push({ start: at, length: end - at });
  at = end + 2;
}
autNums.sort((a, b) => b.length - a.length);
for (const a of autNums.slice(0, 5)) places.push(text.indexOf('\nexport:', a.start + (a.length >> 1)) + 12);

interface Timed {
  readonly where: string;
  readonly index: number;
  readonly check: number;
  readonly place: number;
  readonly checked: number;
}
const timed: Timed[] = [];
const editor = new EditorDocument(uri, 'rpsl', 1, text);
let current = text;
const profileTo = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : undefined;
const session = profileTo ? new Session() : undefined;
session?.connect();
session?.post('Profiler.enable');
session?.post('Profiler.start');
for (const at of places) {
  const where = objectAt(current, at);
  const version = editor.version + 1;
  const position = editor.positionAt(at);
  editor.update([{ range: { start: position, end: position }, text: 'y' }], version);
  const positions = documentPositions(editor, version)()!;
  gc?.();
  c = cpuMs();
  const next = editor.getText();
  index.setText(uri, next);
  const t1 = cpuMs();
  const u = cache.update();
  const t2 = cpuMs();
  cache.diagnostics(positions);
  const t3 = cpuMs();
  timed.push({ where, index: t1 - c, check: t2 - t1, place: t3 - t2, checked: u.checked });
  current = next;
}
session?.post('Profiler.stop', (err, r) => {
  if (!err && profileTo) writeFileSync(profileTo, JSON.stringify(r.profile));
});
const total = (t: Timed): number => t.index + t.check + t.place;
for (const t of timed)
  process.stderr.write(`  ${total(t).toFixed(0).padStart(4)} ms: index ${t.index.toFixed(0)}, re-check ${t.check.toFixed(0)} (${t.checked} objects), place ${t.place.toFixed(0)} — in a ${t.where}\n`);
const worst = Math.max(...timed.map(total));
process.stderr.write(`  (CPU, GC between; load average ${loadavg()[0]!.toFixed(1)})\n`);
report({ bench: 'lspEditSettle', metric: `${mb} MB realistic: pause → index + re-check + place, worst of ${timed.length} (CPU, in process)`, value: worst, unit: 'ms' });
