import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { main } from '../../server/src/cli/main';
import { sarifFindings } from '../../server/src/cli/sarif';
import type { Diagnostic } from '../../server/src/core/diagnostics/diagnostic';
import { memoryIo } from '../support/memoryIo';

/** Inputs the CLI contract meets in practice: BOMs, repeated paths, standard input, awkward file names. */

const ROUTE = 'route:          192.0.2.1/24\norigin:         AS65000\nmnt-by:         MAINT-EXAMPLE\nchanged:        noc@example.com\nsource:         RADB\n';

function fixtureDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-lint-inputs-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

interface Row {
  file: string;
  range: { start: { line: number; character: number } };
  code: string;
}

test('a UTF-8 byte order mark is not part of the first attribute name (editors hide it; Windows tools write it)', async () => {
  const dir = fixtureDir({ 'bom.rpsl': `\ufeff${ROUTE}` });
  const io = memoryIo();
  const code = await main(['lint', '--format', 'json', path.join(dir, 'bom.rpsl')], io);
  const rows = JSON.parse(io.out) as Row[];
  // Only the finding the text really has: host bits, at the column VS Code shows (after the invisible BOM).
  assert.deepEqual(
    rows.map((r) => [r.code, r.range.start.line, r.range.start.character]),
    [['rpsl/host-bits-set', 0, 16]],
  );
  assert.equal(code, 1);
});

test('a file named twice (or a file and its directory) is linted once', async () => {
  const dir = fixtureDir({ 'a.rpsl': ROUTE });
  const file = path.join(dir, 'a.rpsl');
  const once = memoryIo();
  await main(['lint', '--format', 'json', file], once);
  const twice = memoryIo();
  await main(['lint', '--format', 'json', file, dir, path.join(dir, '.', 'a.rpsl')], twice);
  assert.deepEqual(JSON.parse(twice.out), JSON.parse(once.out));
});

test('"-" lints standard input (as io.ts documents), named <stdin>', async () => {
  const io = memoryIo(ROUTE);
  const code = await main(['lint', '--format', 'json', '-'], io);
  const rows = JSON.parse(io.out) as Row[];
  assert.deepEqual(
    rows.map((r) => [r.file, r.code, r.range.start.line, r.range.start.character]),
    [['<stdin>', 'rpsl/host-bits-set', 0, 16]],
  );
  assert.equal(code, 1);
});

function diag(file: string): { file: string; d: Diagnostic } {
  return {
    file,
    d: {
    code: 'rpsl/host-bits-set',
    severity: 'error',
    message: 'm',
    range: { start: { line: 0, character: 16 }, end: { line: 0, character: 28 } },
    },
  };
}

interface SarifLog {
  runs: { columnKind: string; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

/** The SARIF document the streaming writer makes of these findings. */
function toSarif(findings: readonly { file: string; d: Diagnostic }[]): SarifLog {
  let out = '';
  const sink = sarifFindings((s) => void (out += s));
  for (const { file, d } of findings) sink.add(file, d);
  sink.end({ files: 1, counts: { error: findings.length, warning: 0, information: 0, hint: 0 } });
  return JSON.parse(out) as SarifLog;
}

function uriOf(file: string): string {
  return toSarif([diag(file)]).runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
}

test('SARIF artifact URIs are valid URI references (SARIF 2.1.0 §3.10.2): relative paths percent-encoded, absolute ones file: URIs', () => {
  // GitHub code scanning resolves relative URIs against the checkout; spaces, "#" and "%" must be encoded.
  assert.equal(uriOf('objects/my routes#2.rpsl'), 'objects/my%20routes%232.rpsl');
  assert.equal(uriOf('objects\\win.rpsl'), 'objects/win.rpsl');
  assert.equal(uriOf('100%.rpsl'), '100%25.rpsl');
  const abs = path.resolve(tmpdir(), 'dir with space', 'a.rpsl');
  assert.equal(uriOf(abs), pathToFileURL(abs).href);
  // Every URI reads back as the path it came from.
  for (const file of ['objects/my routes#2.rpsl', '100%.rpsl', 'ünïcode/ß.rpsl'])
    assert.equal(decodeURIComponent(new URL(uriOf(file), 'file:///repo/').pathname), `/repo/${file}`);
});

test('SARIF says its columns are UTF-16 code units, as the LSP characters they come from', () => {
  // An emoji before a finding counts 2 in LSP columns and 1 in code points: the run must say which.
  assert.equal(toSarif([diag('a.rpsl')]).runs[0]!.columnKind, 'utf16CodeUnits');
});

/** The real CLI process, with the file-system io of main.ts (memoryIo walks directories its own way). */
function cli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const repoRoot = path.resolve(__dirname, '..', '..');
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/cli/main.ts'), ...args], { cwd: repoRoot, encoding: 'utf8' });
}

test('directories: a symbolic link to a directory is followed once, a link back up the tree does not loop', () => {
  const dir = fixtureDir({});
  mkdirSync(path.join(dir, 'objects'));
  writeFileSync(path.join(dir, 'objects', 'a.rpsl'), ROUTE);
  symlinkSync(path.join(dir, 'objects'), path.join(dir, 'alias'), 'dir');
  symlinkSync(dir, path.join(dir, 'objects', 'up'), 'dir');
  const r = cli(['lint', '--format', 'json', dir]);
  assert.equal(r.status, 1, r.stderr);
  const rows = JSON.parse(r.stdout) as Row[];
  assert.deepEqual(
    rows.map((x) => [path.relative(dir, x.file), x.code]),
    [['objects/a.rpsl', 'rpsl/host-bits-set']],
  );
});

test('a file that cannot be read (a dangling link) is a usage error with its name, not an internal error', () => {
  const dir = fixtureDir({ 'a.rpsl': ROUTE });
  symlinkSync(path.join(dir, 'missing.rpsl'), path.join(dir, 'dangling.rpsl'));
  const r = cli(['lint', dir]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /cannot read .*dangling\.rpsl/);
});
