/**
 * Hostile inputs at full size through every CLI entry point, each command in its own process as a user runs it
 * (bench/lintProcess.ts: peak RSS and CPU from the process itself, output to a file), and the language server
 * with a hostile document open beside the one being typed in. Inputs are generated (test/support/hostileInputs.ts),
 * not realistic data: they are what people feed a tool by mistake.
 *   node --import tsx bench/hostile.bench.ts [--quick] [--case NAME,…]   (--quick: a tenth of the sizes; --case: those rows only,
 *   e.g. --case tiny-json; an unknown name lists them)
 * Bounds: peak RSS at most 6× the input + 150 MB (node itself ~50 MB); time linear (4× the input, at most 6× the time).
 */
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspSession } from '../test/support/lspClient';
import { deepNesting, randomBytes, randomText, rng, tinyObjects } from '../test/support/hostileInputs';
import { quick, report } from './figure';
import { commandCost, scratchFile } from './lintProcess';

const scale = quick ? 0.1 : 1;
const MB = 1e6;
const r = rng(14);

const rssBound = (inputMb: number): number => 6 * inputMb + 150;

function measure(label: string, args: readonly string[], inputBytes: number, stdinFile?: string): { cpuMs: number } {
  const c = commandCost(args, stdinFile);
  const inMb = inputBytes / MB;
  const ok = c.maxRssMb <= rssBound(inMb);
  process.stderr.write(
    `  ${label}: ${(inMb).toFixed(1)} MB in, ${(c.wallMs / 1000).toFixed(1)} s wall, ${(c.cpuMs / 1000).toFixed(1)} s CPU, peak RSS ${c.maxRssMb.toFixed(0)} MB, ` +
      `${(c.stdoutBytes / MB).toFixed(2)} MB out, exit ${c.exitCode}${c.stderr ? ` — ${c.stderr.split('\n')[0]}` : ''}\n`,
  );
  report({ bench: 'hostile', metric: `${label}: peak RSS MB (${inMb.toFixed(0)} MB in)`, value: c.maxRssMb, unit: 'MB', budget: `≤ ${rssBound(inMb).toFixed(0)}`, ok });
  return c;
}

function linear(label: string, small: { cpuMs: number }, big: { cpuMs: number }): void {
  const ratio = big.cpuMs / small.cpuMs;
  report({ bench: 'hostile', metric: `${label}: CPU time ×4 input`, value: ratio, unit: '×', budget: '≤ 6', ok: ratio <= 6 });
}

/** An input made once, when a case first needs it. */
function lazy<T>(make: () => T): () => T {
  let v: { value: T } | undefined;
  return () => (v ??= { value: make() }).value;
}

const text = lazy(() => {
  const t = randomText(r, 50 * MB * scale);
  process.stderr.write(`random printable text, lines of 0–150 characters: ${(t.length / MB).toFixed(1)} MB\n`);
  return t;
});
const textFile = lazy(() => scratchFile('random.rpsl', text()));
const quarterFile = lazy(() => scratchFile('random-quarter.rpsl', text().slice(0, text().length / 4)));
const lgFile = lazy(() => scratchFile('random.txt', text()));
const bytes = lazy(() => {
  const b = randomBytes(rng(15), 50 * MB * scale);
  process.stderr.write(`random bytes: ${(b.length / MB).toFixed(1)} MB\n`);
  return b;
});
const bytesFile = lazy(() => scratchFile('random-bytes.rpsl', bytes()));
const gz = lazy(() => gzipSync(Buffer.from(text())));
const line = lazy(() => {
  const l = `route:          192.0.2.0/24\ndescr:          ${'x'.repeat(50 * MB * scale)}\nsource:         TEST\n`;
  process.stderr.write(`one line of ${(l.length / MB).toFixed(1)} MB\n`);
  return l;
});
const tiny = lazy(() => {
  const t = tinyObjects(1_000_000 * scale);
  process.stderr.write(`${(1_000_000 * scale).toLocaleString('en-US')} tiny objects ("a: b"): ${(t.length / MB).toFixed(1)} MB\n`);
  return t;
});
const deep = lazy(() => deepNesting(100_000 * scale).rpsl.repeat(5));

/**
 * Every row by name, in the order they run; `--case NAME` (repeatable, or NAME,NAME) runs only those. A row
 * "×4 input" is printed when both its sizes ran.
 */
const CASES: Readonly<Record<string, () => Promise<{ cpuMs: number } | void> | { cpuMs: number } | void>> = {
  'text-lint': () => measure('lint text, random text', ['lint', textFile()], text().length),
  'text-json': () => measure('lint json, random text', ['lint', '--format', 'json', textFile()], text().length),
  'text-json-quarter': () => measure('lint json, random text ¼', ['lint', '--format', 'json', quarterFile()], text().length / 4),
  'text-sarif': () => measure('lint sarif, random text', ['lint', '--format', 'sarif', textFile()], text().length),
  'text-stdin': () => measure('lint - (stdin), random text', ['lint', '-'], text().length, textFile()),
  'text-paths': () => measure('paths text, random text', ['paths', lgFile()], text().length),
  'text-paths-json': () => measure('paths json, random text', ['paths', '--format', 'json', lgFile()], text().length),
  'bytes-lint': () => measure('lint, random bytes', ['lint', bytesFile()], bytes().length),
  'bytes-paths': () => measure('paths, random bytes', ['paths', bytesFile()], bytes().length),
  'bytes-aspa': () => measure('aspa verify, random bytes', ['aspa', 'verify', '--aspa', bytesFile(), '--path', '1 2 3'], bytes().length),
  'gzip-lint': () => measure('lint, gzip of the random text', ['lint', scratchFile('random.rpsl.gz', gz())], gz().length),
  'line-json': () => measure('lint json, one long line', ['lint', '--format', 'json', scratchFile('long-line.rpsl', line())], line().length),
  'line-paths': () => measure('paths, one long line', ['paths', scratchFile('long-line.txt', line())], line().length),
  'tiny-json': () => measure('lint json, tiny objects', ['lint', '--format', 'json', scratchFile('tiny.rpsl', tiny())], tiny().length),
  'tiny-json-quarter': () => measure('lint json, tiny objects ¼', ['lint', '--format', 'json', scratchFile('tiny-quarter.rpsl', tiny().slice(0, tiny().length / 4))], tiny().length / 4),
  'tiny-aspa': () => measure('aspa verify, tiny objects', ['aspa', 'verify', '--aspa', scratchFile('tiny.aspa', tiny()), '--path', '1 2 3'], tiny().length),
  'deep-json': () => measure('lint json, 100,000-deep nesting ×5', ['lint', '--format', 'json', scratchFile('deep.rpsl', deep())], deep().length),
  lsp: () => lspTwoDocuments(text().slice(0, 10 * MB * scale + 1000)),
};
/** Rows compared at ¼ and whole size for linear time. */
const LINEAR = [
  ['lint json, random text', 'text-json-quarter', 'text-json'],
  ['lint json, tiny objects', 'tiny-json-quarter', 'tiny-json'],
] as const;

/** The cases `--case` names (all when none). */
function chosenCases(): string[] {
  const named = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--case' ? a.split(',') : a.startsWith('--case=') ? a.slice(7).split(',') : []));
  const unknown = named.filter((n) => !Object.hasOwn(CASES, n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown case(s) ${unknown.join(', ')}; the cases are: ${Object.keys(CASES).join(' ')}\n`);
    process.exit(2);
  }
  return named.length > 0 ? Object.keys(CASES).filter((n) => named.includes(n)) : Object.keys(CASES);
}

async function main(): Promise<void> {
  const costs = new Map<string, { cpuMs: number }>();
  for (const name of chosenCases()) {
    const c = await CASES[name]!();
    if (c) costs.set(name, c);
  }
  for (const [label, small, big] of LINEAR) {
    const s = costs.get(small);
    const b = costs.get(big);
    if (s && b) linear(label, s, b);
  }
}

/** Keystrokes in a small document while a hostile one is open: time to its diagnostics (budget as bench/lspEdit). */
async function lspTwoDocuments(hostileText: string): Promise<void> {
  const lsp = new LspSession();
  try {
    await lsp.initialize([], { pull: true });
    const pull = async (uri: string): Promise<void> => {
      const res = await lsp.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      if (res.kind !== 'full') throw new Error('expected a full report');
    };
    const hostile = 'file:///bench/hostile.rpsl';
    await lsp.open(hostile, 'rpsl', hostileText);
    const t0 = performance.now();
    await pull(hostile);
    process.stderr.write(`  LSP: ${(hostileText.length / MB).toFixed(1)} MB of random text opened and pulled in ${(performance.now() - t0).toFixed(0)} ms\n`);
    const mine = 'file:///bench/mine.rpsl';
    await lsp.open(mine, 'rpsl', 'route:          192.0.2.0/24\norigin:         AS65000\nmnt-by:         MAINT-X\nsource:         TEST\n');
    await pull(mine);
    const times: number[] = [];
    for (let v = 2; v < 42; v++) {
      const t = performance.now();
      await lsp.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: mine, version: v },
        contentChanges: [{ range: { start: { line: 0, character: 24 }, end: { line: 0, character: 25 } }, text: v % 2 === 0 ? '1' : '0' }],
      });
      await pull(mine);
      times.push(performance.now() - t);
      // Typing speed: a keystroke every 100 ms, so the hostile document's work after a pause runs in between.
      await new Promise((res) => setTimeout(res, 100));
    }
    times.sort((a, b) => a - b);
    const p50 = times[times.length >> 1] ?? 0;
    const p90 = times[Math.floor(times.length * 0.9)] ?? 0;
    report({ bench: 'hostile', metric: 'LSP keystroke → diagnostics beside a hostile document, p50', value: p50, unit: 'ms', budget: '≤ 50', ok: p50 <= 50 });
    report({ bench: 'hostile', metric: 'LSP keystroke → diagnostics beside a hostile document, p90', value: p90, unit: 'ms' });
  } finally {
    await lsp.dispose();
  }
}

void main();
