import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const casesDir = path.join(__dirname, 'cases');

/** Each grammar with the file ending of its cases; vscode-tmgrammar-test reads the scope from the case header. */
const GRAMMARS = [
  { grammar: 'syntaxes/rpsl.tmLanguage.json', ext: '.rpsl' },
  { grammar: 'syntaxes/aspa.tmLanguage.json', ext: '.aspa' },
];

for (const { grammar, ext } of GRAMMARS) {
  const cases = existsSync(casesDir) ? readdirSync(casesDir).filter((f) => f.endsWith(ext)) : [];
  test(`${grammar} scopes every grammar test case as asserted`, { skip: cases.length === 0 && `no ${ext} grammar cases yet` }, () => {
    assert.ok(existsSync(path.join(root, grammar)), `${grammar} is missing`);
    const r = spawnSync(
      process.execPath,
      [cli, '--compact', '-g', grammar, ...cases.map((c) => path.join('test', 'grammar', 'cases', c))],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  });
}
