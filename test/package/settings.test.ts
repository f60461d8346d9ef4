import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

// The Settings UI renders markdownDescription (links, code) and groups settings by the configuration sections'
// titles; the README's settings table is what users read first. All three must agree.
const repoRoot = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { configuration: { title: string; properties: Record<string, { markdownDescription?: string; description?: string; default?: unknown }> }[] };
};
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

test('settings are grouped under titles, described in Markdown, and listed in the README', () => {
  const groups = manifest.contributes.configuration;
  assert.ok(Array.isArray(groups) && groups.length > 1, 'configuration is a list of titled groups');
  const names: string[] = [];
  for (const g of groups) {
    assert.ok(g.title.trim() !== '', 'every group has a title');
    for (const [name, p] of Object.entries(g.properties)) {
      names.push(name);
      assert.ok(p.markdownDescription && p.markdownDescription.length > 10, `${name} has a markdownDescription`);
      assert.equal(p.description, undefined, `${name}: markdownDescription only, so the two cannot drift apart`);
    }
  }
  assert.equal(new Set(names).size, names.length, 'no setting is declared twice');
  const undocumented = names.filter((n) => n !== 'routelens.trace.server' && !readme.includes(`\`${n}\``));
  assert.deepEqual(undocumented, [], 'every setting has a row in the README');
});
