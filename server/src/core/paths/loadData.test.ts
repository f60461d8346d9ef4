import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { loadAspaData } from '../aspa/loader';
import { loadPathData } from './loadData';

/**
 * loadPathData counts a file's ASPA errors as the parser finds them and keeps only the first (it kept every
 * diagnostic). What it says of a file must be what the kept list said: the number of errors and the first one.
 */

const root = path.join(__dirname, '..', '..', '..', '..');
const REAL_ASPA = ['examples/cantv/aspa.aspa', 'examples/cantv/aspa.rpki-client.json', 'test/grammar/cases/aspa-declarations.aspa'].map((f) => path.join(root, f));

/** The status line the kept diagnostics gave (the old loadPathData), or undefined when the file loads clean. */
function keptListSays(text: string, source: string): string | undefined {
  const load = loadAspaData(text, source);
  const errors = load.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return `${errors.length} error(s), first: ${errors[0]!.message}`;
  return load.db.size === 0 && load.filteredCustomers.length === 0 ? 'no ASPA records in this file' : undefined;
}

async function statusOf(text: string, source: string) {
  const aspa = (await loadPathData({ aspaFiles: [source] }, () => Promise.resolve(text))).status?.aspa;
  assert.ok(aspa, 'loadPathData always says how the ASPA files went');
  return { errors: aspa.errors.map((e) => e.message), count: aspa.count };
}

test('real ASPA files and every cut of them: the same error count, first error and record count as the kept diagnostics gave', async () => {
  for (const file of REAL_ASPA) {
    const text = readFileSync(file, 'utf8');
    const whole = await statusOf(text, file);
    const said = keptListSays(text, file);
    assert.deepEqual(whole.errors, said === undefined ? [] : [said], file);
    assert.ok(whole.count > 0, file);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: text.length }), fc.nat({ max: text.length }), async (a, b) => {
        const cut = text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b) + 1);
        const said = keptListSays(cut, file);
        const got = await statusOf(cut, file);
        assert.deepEqual(got.errors, said === undefined ? [] : [said]);
        assert.equal(got.count, loadAspaData(cut, file).db.size);
      }),
      { numRuns: 150 },
    );
  }
});

test('a file of 100,000 lines that are not ASPA: one status line with the count and the first error', async () => {
  const text = 'a: b\n\n'.repeat(100_000);
  const got = await statusOf(text, 'tiny.aspa');
  assert.deepEqual(got.errors, [keptListSays(text, 'tiny.aspa')]);
  assert.match(got.errors[0]!, /^\d{6} error\(s\), first: /);
});
