/**
 * The quick fuzz form over every entry point (the heavy sizes are in bench/hostile.bench.ts): lint, paths and
 * aspa verify as the CLI runs them, the language services an editor calls (validate, hover and completion at
 * any position, symbols, folding, formatting) and the panel's model path. Each hostile input must give an
 * answer — a report, a usage error that says why — and never a throw; a bad part must not hide the rest.
 *   FUZZ_SEED=n node --import tsx --test test/fuzz/entryPoints.test.ts   (another seed, other fixtures and cuts)
 *   FUZZ_ALL=1 …                                                        (every fixture, not a sample of 30)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { checkHostToWebview } from '../../server/src/protocol/webview';
import { run as aspa } from '../../server/src/cli/aspa';
import type { CliIo } from '../../server/src/cli/io';
import { main } from '../../server/src/cli/main';
import { run as paths } from '../../server/src/cli/paths';
import { SourceDocument } from '../../server/src/core/document';
import { decodeInput } from '../../server/src/core/input/decode';
import { languageServices } from '../../server/src/core/languages/services';
import { analyzeLookingGlass } from '../../server/src/core/paths/analyze';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { defaultSettings } from '../../server/src/core/settings';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { deepNesting, fixtureFiles, repoRoot, longLine, mixedEncodings, randomBytes, randomText, rng, tinyObjects, truncated, withControls } from '../support/hostileInputs';

const SEED = Number(process.env.FUZZ_SEED ?? 14);
const r = rng(SEED);

/** The hostile inputs of the issue, small enough for `npm test`. */
function hostile(): [string, Uint8Array | string][] {
  const nest = deepNesting(5000);
  const cases: [string, Uint8Array | string][] = [
    ['empty', ''],
    ['random bytes', randomBytes(r, 65536)],
    ['random text', randomText(r, 200_000)],
    ['NUL and controls', withControls(r, randomText(r, 20_000), 0.01)],
    ['a 1 MB line', longLine(1_000_000)],
    ['deep nesting (RPSL)', nest.rpsl],
    ['deep nesting (JSON)', nest.json],
    ['20,000 tiny objects', tinyObjects(20_000)],
    ['mixed encodings', mixedEncodings()],
    ['only line ends', '\r\n\r\r\n\n\r'.repeat(1000)],
    ['UTF-16 random', new Uint8Array([0xff, 0xfe, ...randomBytes(r, 4097)])],
  ];
  // The repository's fixtures, cut at a random point; the seed picks the files and the points.
  const all = fixtureFiles();
  const picked = process.env.FUZZ_ALL ? all : Array.from({ length: 30 }, () => all[Math.floor(r() * all.length)] ?? '');
  for (const f of new Set(picked)) cases.push([`${path.relative(repoRoot, f)} cut`, truncated(r, f)]);
  return cases;
}

/** A CLI io over in-memory files: what the command prints is kept, nothing touches the disk. */
function io(files: ReadonlyMap<string, Uint8Array | string>): CliIo & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    stdout: (s: string) => void (o.out += s),
    stderr: (s: string) => void (o.err += s),
    readFile: async (p: string) => files.get(p) ?? Promise.reject(new Error(`ENOENT: ${p}`)),
    readStdin: async () => files.get('-') ?? '',
    writeFile: async () => undefined,
    listFiles: async (p: string) => (files.has(p) ? [p] : Promise.reject(new Error(`ENOENT: ${p}`))),
  };
  return o;
}

const CASES = hostile();

test(`lint, paths and aspa verify answer every hostile input (seed ${SEED}, ${CASES.length} inputs)`, async () => {
  for (const [name, content] of CASES) {
    const t0 = performance.now();
    const files = new Map([['/in/input.rpsl', content], ['/in/input.aspa', content], ['/in/input.txt', content]]);
    // The three writers on the synthetic inputs; JSON on the fixture cuts.
    for (const format of name.endsWith(' cut') ? ['json'] : ['json', 'sarif', 'text']) {
      const o = io(files);
      const code = await main(['lint', '--format', format, '/in/input.rpsl', '/in/input.aspa'], o);
      assert.ok(code === 0 || code === 1, `${name} lint ${format}: exit ${code} ${o.err.slice(0, 200)}`);
      if (format === 'text') assert.match(o.out, /\d+ file\(s\): \d+ error\(s\), \d+ warning\(s\), \d+ note\(s\)\n$/, name);
      else {
        const doc = JSON.parse(o.out) as unknown;
        const rows = format === 'json' ? (doc as { range: { start: { line: number } } }[]) : ((doc as { runs: { results: unknown[] }[] }).runs[0]?.results ?? []);
        assert.ok(Array.isArray(rows), name);
      }
    }
    const p = io(files);
    const pathsCode = await paths(['/in/input.txt'], p);
    if (pathsCode === 2) {
      assert.equal(p.out, '', `${name}: paths said no and printed nothing`);
      assert.match(p.err, /input\/(binary|compressed|mrt)/, name);
    } else {
      assert.equal(pathsCode, 0, name);
      assert.match(p.out, /^format: [\w-]+, \d+ routes?, \d+ lines? not understood\n/, name);
      assert.ok(p.out.length < 50_000, `${name}: paths text output stays short (${p.out.length})`);
    }
    const a = io(files);
    const aspaCode = await aspa(['verify', '--aspa', '/in/input.aspa', '--path', '24482 52320 8048 6762 1299 269832 21980'], a);
    if (aspaCode === 0) assert.match(a.out.split('\n')[0] ?? '', /^(valid|invalid|unknown)$/, name);
    else {
      assert.equal(aspaCode, 2, name);
      assert.equal(a.out, '', `${name}: no verdict from part of the data`);
    }
    if (process.env.FUZZ_TIMES) process.stderr.write(`${(performance.now() - t0).toFixed(0)} ms ${name}\n`);
  }
});

test('the language services answer validate, hover, completion, symbols, folding and formatting on every hostile input', () => {
  const positions = rng(SEED + 1);
  for (const [name, content] of CASES) {
    const decoded = decodeInput(typeof content === 'string' ? Buffer.from(content) : content);
    if (decoded.kind === 'binary') continue; // the editor does not open it as RPSL; the CLI says what it is
    for (const [languageId, service] of languageServices) {
      const doc = new SourceDocument(`file:///fuzz/input.${languageId}`, languageId, 1, decoded.text);
      const workspace = new WorkspaceIndex();
      const ctx = { settings: defaultSettings, workspace };
      const ds = service.validate(doc, ctx);
      for (const d of ds) assert.ok(d.range.start.line >= 0 && d.range.end.line < doc.lineIndex.lineCount + 1, `${name}: range in the document`);
      service.documentSymbols?.(doc, ctx);
      service.foldingRanges?.(doc);
      service.format?.(doc, { tabSize: 2, insertSpaces: true }, ctx);
      for (let i = 0; i < 10; i++) {
        const line = Math.floor(positions() * (doc.lineIndex.lineCount + 2)) - 1;
        const pos = { line, character: Math.floor(positions() * 200) - 5 };
        service.hover?.(doc, pos, ctx);
        service.complete?.(doc, pos, ctx);
        service.definition?.(doc, pos, ctx);
      }
    }
  }
});

test("the panel's model path gives a model the webview accepts for every hostile paste", () => {
  for (const [name, content] of CASES) {
    const decoded = decodeInput(typeof content === 'string' ? Buffer.from(content) : content);
    if (decoded.kind === 'binary') continue;
    const model = analyzeLookingGlass(decoded.text);
    // As the model crosses the JSON boundary: no -Infinity/NaN turned into null, nothing the webview rejects.
    const crossed = JSON.parse(JSON.stringify({ type: 'model', model, seq: 1 })) as unknown;
    const checked = checkHostToWebview(crossed);
    assert.ok(checked.ok, `${name}: ${checked.ok ? '' : checked.reason}`);
  }
});

test('after a bad part the rest of a file is still checked (lint) and read (paths)', async () => {
  const lg = readFileSync(path.join(repoRoot, 'examples', 'cantv', 'cantv.lg'), 'utf8');
  const good = 'route:          192.0.2.1/24\norigin:         AS65000\nmnt-by:         MAINT-EXAMPLE\nsource:         RADB\n';
  // A generator of its own: drawn from `r`, these inputs changed whenever a fixture file was added (hostile() draws
  // one cut per fixture it picks), so an unrelated commit could hand this test other text. (FUZZ_SEED=101 drew a
  // line `["N0JZ) …` that hid the routes after it; parse.ts reads them now.)
  const own = rng(SEED + 2);
  const bads: [string, string][] = [
    ['random text', randomText(own, 30_000)],
    ['NUL and controls', withControls(own, randomText(own, 5_000), 0.05)],
    ['a long line', 'x'.repeat(500_000)],
    ['deep nesting', deepNesting(3000).rpsl],
    ['tiny objects', tinyObjects(10_000)],
  ];
  for (const [name, bad] of bads) {
    const text = `${bad}\n\n${good}`;
    const goodLine = new LineIndex(text).positionAt(text.lastIndexOf('route:')).line;
    const o = io(new Map([['/in/x.rpsl', text]]));
    await main(['lint', '--format', 'json', '--no-cross-checks', '/in/x.rpsl'], o);
    const rows = JSON.parse(o.out) as { code: string; range: { start: { line: number } } }[];
    assert.ok(
      rows.some((x) => x.code === 'rpsl/host-bits-set' && x.range.start.line === goodLine),
      `${name}: the route after it still has its finding on line ${goodLine + 1}`,
    );
    // A BIRD session, the bad part, and the session again: the routes after it are read as those before.
    const p = io(new Map([['/in/lg.txt', `${lg}\n${bad}\n${lg}`]]));
    await paths(['--format', 'json', '/in/lg.txt'], p);
    const j = JSON.parse(p.out) as { routes: { prefix: string }[] };
    assert.equal(j.routes.length, 18, `${name}: the 9 routes after it are still read`);
  }
});
