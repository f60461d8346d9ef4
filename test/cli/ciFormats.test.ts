import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { memoryIo } from '../support/memoryIo';

function fixtureDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-ci-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

// Two errors of one kind (the same message twice) and one of another, in one file.
const BROKEN = 'aut-num:        AS8048\nthis is not an attribute\nthis is not an attribute\nmnt-by:         M\nsource:         RADB\nroute:          192.0.2.1/24\norigin:         AS8048\nmnt-by:         M\nsource:         RADB\n';

interface JsonRow {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

async function lint(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(['lint', ...args], io);
  return { code, out: io.out, err: io.err };
}

interface CodeClimateIssue {
  type: string;
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; positions: { begin: { line: number; column: number }; end: { line: number; column: number } } };
}

test('--format codeclimate: the fields GitLab Code Quality reads, one issue per finding, fingerprints stable when lines move', async () => {
  const dir = fixtureDir({ 'broken.rpsl': BROKEN });
  const file = path.join(dir, 'broken.rpsl');
  const json = JSON.parse((await lint(['--format', 'json', file])).out) as JsonRow[];
  const run = await lint(['--format', 'codeclimate', file]);
  assert.equal(run.code, 1);
  const issues = JSON.parse(run.out) as CodeClimateIssue[];
  assert.equal(issues.length, json.length);
  assert.ok(issues.length >= 3);
  for (const [i, issue] of issues.entries()) {
    const row = json[i]!;
    assert.equal(issue.type, 'issue');
    assert.equal(issue.description, row.message);
    assert.equal(issue.check_name, row.code);
    assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
    assert.equal(issue.severity, row.severity === 'error' ? 'major' : row.severity === 'warning' ? 'minor' : 'info');
    // Relative to the working directory, forward slashes: what GitLab matches against the repository.
    assert.equal(issue.location.path, path.relative(process.cwd(), file).split(path.sep).join('/'));
    assert.deepEqual(issue.location.positions.begin, { line: row.range.start.line + 1, column: row.range.start.character + 1 });
  }
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'the same message twice still gets two fingerprints');

  // A remark added at the top moves every line; the findings keep their fingerprints.
  writeFileSync(file, `remarks:        moved\n\n${BROKEN}`);
  const moved = JSON.parse((await lint(['--format', 'codeclimate', file])).out) as CodeClimateIssue[];
  const before = new Set(issues.map((i) => i.fingerprint));
  const kept = moved.filter((i) => before.has(i.fingerprint));
  assert.equal(kept.length, issues.length, 'every earlier finding is recognised after the move');
  assert.ok(kept.every((k) => k.location.positions.begin.line > 2));
});

test('--format github: one workflow command per finding, values escaped so a message cannot end the command', async () => {
  const dir = fixtureDir({ 'a,b:c.rpsl': BROKEN });
  const file = path.join(dir, 'a,b:c.rpsl');
  const json = JSON.parse((await lint(['--format', 'json', file])).out) as JsonRow[];
  const run = await lint(['--format', 'github', file]);
  assert.equal(run.code, 1);
  const commands = run.out.split('\n').filter((l) => l.startsWith('::'));
  assert.equal(commands.length, json.length);
  for (const [i, line] of commands.entries()) {
    const row = json[i]!;
    const m = /^::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]*)::(.*)$/.exec(line);
    assert.ok(m, line);
    assert.equal(m[1], row.severity === 'error' ? 'error' : row.severity === 'warning' ? 'warning' : 'notice');
    assert.equal(decodeURIComponent(m[2]!), file, 'the , and : of the file name are escaped');
    assert.equal(Number(m[3]), row.range.start.line + 1);
    assert.equal(Number(m[4]), row.range.start.character + 1);
    assert.equal(decodeURIComponent(m[7]!), row.code);
    assert.equal(decodeURIComponent(m[8]!), row.message);
  }
  assert.match(run.out, /1 file\(s\): \d+ error\(s\)/);
});

test('--max-warnings N: more warnings than N fail the run, as in ESLint; errors fail it anyway', async () => {
  // Warnings only: documentation and private-use ASNs in an ASPA (aspa/special-asn).
  const dir = fixtureDir({ 'warn.aspa': 'AS64500 => AS65001, AS65002\n' });
  const plain = await lint(['--format', 'json', dir]);
  const rows = JSON.parse(plain.out) as JsonRow[];
  const warnings = rows.filter((r) => r.severity === 'warning').length;
  assert.ok(warnings >= 1 && rows.every((r) => r.severity !== 'error'), plain.out);
  assert.equal(plain.code, 0);
  assert.equal((await lint(['--max-warnings', String(warnings), dir])).code, 0);
  const over = await lint(['--max-warnings', String(warnings - 1), dir]);
  assert.equal(over.code, 1);
  assert.match(over.err, new RegExp(`${warnings} warning\\(s\\), more than --max-warnings ${warnings - 1} allows`));
  assert.equal((await lint(['--max-warnings', 'many', dir])).code, 2);
});
