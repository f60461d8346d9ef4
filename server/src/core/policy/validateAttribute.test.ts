import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { frameRpsl } from '../rpsl/frame';
import { validatePolicyAttribute } from './validateAttribute';

const repoRoot = path.resolve(__dirname, '../../../..');

test('ranges map back to the document across continuation lines', () => {
  const text = 'aut-num: AS1\nimport: from AS2\n        accept { 192.0.2.1/24 }\n';
  const obj = frameRpsl(text).objects[0];
  const attr = obj?.attributes.find((a) => a.name === 'import');
  assert.ok(attr);
  const d = validatePolicyAttribute(attr, 'aut-num');
  assert.equal(d.length, 1);
  assert.equal(d[0]?.code, 'rpsl/host-bits-set');
  assert.equal(text.slice(d[0]?.span.start, d[0]?.span.end), '192.0.2.1/24');
  assert.equal(d[0]?.fixes?.[0]?.edits[0]?.newText, '192.0.2.0/24');
});

test('attributes that are not policy attributes are left alone', () => {
  const obj = frameRpsl('aut-num: AS1\nas-name: accept to from\n').objects[0];
  const attr = obj?.attributes[1];
  assert.ok(attr);
  assert.deepEqual(validatePolicyAttribute(attr, 'aut-num'), []);
});

test('the IRRd sample aut-num (rpsl_samples.py) has no policy problems', (t) => {
  const file = path.resolve(repoRoot, '../shared/corpora/rpsl/objects.jsonl');
  if (!fs.existsSync(file)) {
    t.skip('../shared not present');
    return;
  }
  const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { object: string; expect: string });
  const autnum = rows.find((r) => r.object.startsWith('aut-num') && r.expect === 'valid');
  assert.ok(autnum);
  const obj = frameRpsl(autnum.object).objects[0];
  assert.ok(obj);
  let policyLines = 0;
  for (const a of obj.attributes) {
    if (/^(mp-)?(import|export)$/.test(a.name)) policyLines++;
    assert.deepEqual(validatePolicyAttribute(a, 'aut-num'), [], `${a.name}: ${a.value}`);
  }
  assert.equal(policyLines, 30);
});
