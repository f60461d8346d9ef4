import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { objectVerdict, valueVerdict } from './verdict';

/**
 * IRRd's own samples with IRRd strict verdicts (../shared/corpora/rpsl, from irrdnet/irrd, BSD-2-Clause):
 * in the irrd dialect our verdict (valid ⇔ no error) must be IRRd's, except for the cases listed below.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const corpus = path.join(path.resolve(repoRoot, '../shared'), 'corpora', 'rpsl');

/** Object cases outside what a syntax linter can decide, by the `ref` anchor of the case. */
const OUT_OF_SCOPE_OBJECTS: Readonly<Record<string, string>> = {
  // check: crypto — needs a PGP implementation to read the key in certif:
  test_parse_incorrect_object_name: 'crypto: the key-cert name must match the fingerprint of the PGP key in certif:',
  test_parse_invalid_key: 'crypto: the PGP key in certif: is corrupt',
  // check: semantic — IRRd's internal dummy-hash convention (our verdict happens to agree, through CRYPT-PW):
  test_parse_invalid_partial_dummy_hash: 'semantic: a mix of IRRd dummy and real password hashes is an IRRd-internal rule',
  // check: policy — a creation rule of IRRd's auth config, not syntax:
  test_clean_for_create: 'policy: IRRd refuses to *create* non-hierarchical set names under its default config',
  // check: config — valid only when CRYPT-PW is enabled; we apply IRRd's default config, which rejects it:
  SAMPLE_MNTNER: 'config: CRYPT-PW accepted only with crypt-pw enabled; we follow the default (legacy = rejected)',
};

/** Single values where we deliberately differ from IRRd, with why. */
const DEVIATIONS: readonly { value: string; attr: string; why: string }[] = [
  {
    attr: 'changed',
    value: 'foo.bar@example.com 20190701\n',
    why: 'a trailing newline cannot be part of a value in a framed document: the line simply ends there',
  },
];

interface ObjectCase {
  object: string;
  expect: 'valid' | 'invalid';
  why: string;
  ref: string;
  check?: string;
}
interface ValueCase {
  object_type: string;
  attr_type: string;
  value: string;
  expect: 'valid' | 'invalid';
  mode: string;
  config?: string;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

test('IRRd sample objects: same verdict as IRRd strict in the irrd dialect', (t) => {
  const file = path.join(corpus, 'objects.jsonl');
  if (!existsSync(file)) return t.skip('../shared not present');
  const cases = readJsonl<ObjectCase>(file);
  assert.ok(cases.length >= 40);
  let compared = 0;
  for (const c of cases) {
    const anchor = c.ref.split('#').pop() ?? '';
    if (OUT_OF_SCOPE_OBJECTS[anchor] !== undefined) continue;
    const r = objectVerdict(c.object);
    assert.equal(r.verdict, c.expect, `${c.ref} (${c.why}): got ${r.errors.map((e) => `${e.code}: ${e.message}`).join('; ') || 'no errors'}`);
    compared++;
  }
  assert.equal(compared, cases.length - Object.keys(OUT_OF_SCOPE_OBJECTS).length, 'every out-of-scope entry names a case that exists');
});

test('IRRd field values: same verdict as IRRd strict in the irrd dialect', (t) => {
  const file = path.join(corpus, 'attr_values.jsonl');
  if (!existsSync(file)) return t.skip('../shared not present');
  // Non-strict and non-default-config rows describe other IRRd modes than the one the irrd dialect follows.
  const cases = readJsonl<ValueCase>(file).filter((c) => c.mode === 'strict' && c.config === undefined);
  assert.ok(cases.length > 100);
  let deviated = 0;
  for (const c of cases) {
    const r = valueVerdict(c.object_type, c.attr_type, c.value);
    const dev = DEVIATIONS.find((d) => d.attr === c.attr_type && d.value === c.value);
    if (dev) {
      assert.notEqual(r.verdict, c.expect, `deviation no longer needed for ${JSON.stringify(c.value)}: ${dev.why}`);
      deviated++;
      continue;
    }
    assert.equal(r.verdict, c.expect, `${c.object_type} ${c.attr_type}: ${JSON.stringify(c.value)}: got ${r.errors.map((e) => `${e.code}: ${e.message}`).join('; ') || 'no errors'}`);
  }
  assert.equal(deviated, DEVIATIONS.length);
});
