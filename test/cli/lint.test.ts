import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { memoryIo } from '../support/memoryIo';

const repoRoot = path.resolve(__dirname, '..', '..');

function fixtureDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-lint-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const BROKEN = 'aut-num:        AS8048\nthis is not an attribute\nsource:         RADB\n';

test('lint --format json prints the documented rows with 0-based LSP ranges, exit 1 on errors', async () => {
  const dir = fixtureDir({ 'broken.rpsl': BROKEN, 'notes.md': '# not RPSL\n' });
  const io = memoryIo();
  const code = await main(['lint', '--format', 'json', dir], io);
  assert.equal(code, 1);
  const rows = JSON.parse(io.out) as { file: string; range: unknown; severity: string; code: string; message: string }[];
  const row = rows.find((r) => r.code === 'rpsl/not-an-attribute');
  assert.ok(row, io.out);
  assert.equal(row.file, path.join(dir, 'broken.rpsl'));
  assert.deepEqual(row.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 24 } });
  assert.equal(row.severity, 'error');
  assert.deepEqual(Object.keys(row).sort(), ['code', 'file', 'message', 'range', 'severity']);
  // The Markdown file is not RPSL: nothing is reported for it.
  assert.ok(rows.every((r) => r.file.endsWith('.rpsl')));
});

test('lint --format sarif is SARIF 2.1.0 with 1-based regions and a rule per code', async () => {
  const dir = fixtureDir({ 'broken.rpsl': BROKEN });
  const io = memoryIo();
  await main(['lint', '--format', 'sarif', dir], io);
  const sarif = JSON.parse(io.out) as {
    version: string;
    runs: {
      results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { region: unknown } }[] }[];
      tool: { driver: { rules: { id: string }[] } };
    }[];
  };
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0]!;
  const result = run.results.find((r) => r.ruleId === 'rpsl/not-an-attribute')!;
  assert.equal(result.level, 'error');
  assert.deepEqual(result.locations[0]!.physicalLocation.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 25 });
  assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, 'rpsl/not-an-attribute');
});

test('the CANTV example objects have no errors (exit 0); usage mistakes exit 2', async () => {
  const io = memoryIo();
  const code = await main(['lint', '--format', 'json', path.join(repoRoot, 'examples', 'cantv', 'cantv.rpsl')], io);
  assert.equal(code, 0, io.out);
  const dir = fixtureDir({ 'broken.rpsl': BROKEN });
  assert.equal(await main(['lint', '--format', 'yaml', dir], memoryIo()), 2);
  // arin is a registry profile now (ARIN's IRR); a registry that is an IRRd instance is not a dialect of its own.
  assert.equal(await main(['lint', '--dialect', 'radb', dir], memoryIo()), 2);
  assert.equal(await main(['lint'], memoryIo()), 2);
  assert.equal(await main(['nonsense'], memoryIo()), 2);
  assert.equal(await main(['lint', path.join(dir, 'does-not-exist')], memoryIo()), 2);
});

test('the built routelens binary runs the same command', { skip: !existsSync(path.join(repoRoot, 'dist/cli.js')) && 'dist/cli.js not built' }, () => {
  const dir = fixtureDir({ 'broken.rpsl': BROKEN });
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'lint', dir], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /broken\.rpsl:2:1: error rpsl\/not-an-attribute: /);
});

test('--authoritative names the registries the user writes to: findings in other sources are information', async () => {
  const dir = fixtureDir({ 'mirror.rpsl': 'route:          192.0.2.0/24\norigin:         AS65530\ncolour:         red\nmnt-by:         MAINT-EXAMPLE\nsource:         NTTCOM\n' });
  const own = memoryIo();
  assert.equal(await main(['lint', '--format', 'json', dir], own), 1, own.out);
  const mirrored = memoryIo();
  assert.equal(await main(['lint', '--format', 'json', '--authoritative', 'RADB,ripe', dir], mirrored), 0, mirrored.out);
  assert.match(mirrored.out, /"severity":\s*"information"/);
  assert.match(mirrored.out, /mirrored from NTTCOM/);
});
