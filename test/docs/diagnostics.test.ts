import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { diagnosticAreas } from '../../server/src/core/diagnostics/registry';
import { renderDiagnosticsDoc } from '../../scripts/diagnosticsDoc';

const root = path.resolve(__dirname, '..', '..');

test('docs/diagnostics.md is generated from the code tables and up to date', () => {
  const onDisk = readFileSync(path.join(root, 'docs', 'diagnostics.md'), 'utf8');
  assert.equal(onDisk, renderDiagnosticsDoc(diagnosticAreas), 'run `npm run docs:diagnostics` and commit docs/diagnostics.md');
});

test('diagnostic codes are unique, namespaced by their area, and documented', () => {
  const seen = new Set<string>();
  for (const area of diagnosticAreas) {
    for (const c of area.codes) {
      assert.ok(!seen.has(c.code), `duplicate code ${c.code}`);
      seen.add(c.code);
      assert.match(c.code, new RegExp(`^${area.area}/[a-z0-9]+(-[a-z0-9]+)*$`), `${c.code} is not ${area.area}/kebab-case`);
      assert.ok(c.summary.length > 0 && c.description.length > 0, `${c.code} needs a summary and a description`);
    }
  }
});

/**
 * Every code a source file names must have a row: a code without docs is a bug. Any quoted code counts, in an
 * object (`code: '…'`) or as an argument (`cx.report('rpsl/…', …)`, `problem('policy/…', …)`); the code unions
 * of the tables make the compiler check the same at the typed call sites.
 */
test('every code used in the core sources has a row in its table', () => {
  const out = execFileSync('grep', ['-rhoE', '--exclude=*.test.ts', "'(rpsl|policy|workspace|aspa|lg|paths|rpki|input|mrt|routelens)/[a-z0-9]+(-[a-z0-9]+)*'", 'server/src'], {
    cwd: root,
    encoding: 'utf8',
  });
  const documented = new Set(diagnosticAreas.flatMap((a) => a.codes.map((c) => c.code)));
  const used = new Set([...out.matchAll(/'([^']+)'/g)].map((m) => m[1]!));
  const missing = [...used].filter((c) => !documented.has(c)).sort();
  assert.deepEqual(missing, [], `codes without a row in their area's codes.ts: ${missing.join(', ')}`);
});
