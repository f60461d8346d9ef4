import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { memoryIo } from '../support/memoryIo';

// The `$routelens` problem matcher (package.json) must read every finding `routelens lint` prints in its text
// format, so a VS Code task running the CLI fills the Problems panel with the same findings as --format json.
const repoRoot = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { problemMatchers: { name: string; severity: string; pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number } }[] };
};

test('the $routelens problem matcher reads every finding of the text output, as JSON gives them', async () => {
  const matcher = pkg.contributes.problemMatchers.find((m) => m.name === 'routelens');
  assert.ok(matcher, 'package.json contributes a problem matcher named routelens');
  // VS Code reads "error" and "warning" from the line and takes the matcher's own severity for anything else.
  assert.equal(matcher.severity, 'info');
  const re = new RegExp(matcher.pattern.regexp);
  const target = path.join(repoRoot, 'examples');

  const text = memoryIo();
  await main(['lint', target], text);
  const json = memoryIo();
  await main(['lint', '--format', 'json', target], json);
  const rows = JSON.parse(json.out) as { file: string; range: { start: { line: number; character: number } }; severity: string; code: string; message: string }[];
  assert.ok(rows.length > 0, 'the examples give findings to match');

  const matched = text.out
    .split('\n')
    .map((l) => re.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      file: m[matcher.pattern.file],
      line: Number(m[matcher.pattern.line]) - 1,
      character: Number(m[matcher.pattern.column]) - 1,
      severity: m[matcher.pattern.severity],
      code: m[matcher.pattern.code],
      message: m[matcher.pattern.message],
    }));
  assert.deepEqual(
    matched,
    rows.map((r) => ({ file: r.file, line: r.range.start.line, character: r.range.start.character, severity: r.severity, code: r.code, message: r.message })),
  );
});

