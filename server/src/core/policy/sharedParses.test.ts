import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECT_PROFILES } from '../rpsl/dialects';
import { frameRpsl } from '../rpsl/frame';
import { parsePolicy, POLICY_ATTRIBUTES } from './parser';
import { policyWord, realRpslTexts } from '../../../../test/support/realRpsl';
import { policyTree, primedProblems, primePolicyParses, releasePolicyParses, releasePolicyTrees } from './sharedParses';

// What sharedParses.ts rests on: a policy's tree is the same whatever the dialect profile; only problems differ.

const PROFILES = Object.values(DIALECT_PROFILES);
const NAMES = Object.keys(POLICY_ATTRIBUTES);

function assertTreeIndependentOfProfile(name: string, value: string): void {
  const rfc = parsePolicy(name, value, DIALECT_PROFILES.rfc)?.ast;
  for (const profile of PROFILES) assert.deepEqual(parsePolicy(name, value, profile)?.ast, rfc, `${name}: ${value} (${profile.id})`);
}

/** The policy attributes of real and hand-written RPSL text in this repository and ../shared. */
function realPolicyLines(): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const t of realRpslTexts()) for (const o of frameRpsl(t).objects) for (const a of o.attributes) if (a.name in POLICY_ATTRIBUTES) out.push({ name: a.name, value: a.value });
  return out;
}

test('a policy tree is the same in every dialect profile: the real policy lines', () => {
  const lines = realPolicyLines();
  assert.ok(lines.length > 100, `${lines.length} real policy lines`);
  // Each line also as every other policy attribute: RPSL and RPSLng forms, and the problems of a wrong shape.
  for (const { name, value } of lines) assertTreeIndependentOfProfile(name, value);
  for (const { value } of lines.slice(0, 2000)) for (const name of NAMES) assertTreeIndependentOfProfile(name, value);
});

test('property: a policy tree is the same in every dialect profile, RPSL and RPSLng', () => {
  fc.assert(
    fc.property(fc.constantFrom(...NAMES), fc.array(policyWord, { maxLength: 24 }), fc.constantFrom(' ', '  ', '\t'), (name, words, sep) => {
      assertTreeIndependentOfProfile(name, words.join(sep));
    }),
    { numRuns: 1500 },
  );
});

test("while the index reads a primed aut-num, its lines' problems are kept for the validator, in that profile only", () => {
  const text = 'aut-num: AS1\nimport: from AS2 accept { 192.0.2.1/24 }\nexport: to AS2 announce AS1\nsource: RIPE\n';
  const [o] = frameRpsl(text).objects;
  assert.ok(o);
  const [, imp, exp] = o.attributes;
  assert.ok(imp && exp);
  // Not primed: a tree, nothing kept.
  assert.deepEqual(policyTree(imp), parsePolicy('import', imp.value)?.ast);
  assert.equal(primedProblems(imp, DIALECT_PROFILES.rfc), undefined);
  primePolicyParses(DIALECT_PROFILES.ripe);
  assert.deepEqual(policyTree(imp), parsePolicy('import', imp.value)?.ast);
  releasePolicyTrees();
  // Parsed after the index is done: not kept.
  assert.deepEqual(policyTree(exp), parsePolicy('export', exp.value)?.ast);
  assert.equal(primedProblems(exp, DIALECT_PROFILES.ripe), undefined);
  // The problems, only in the profile they were found in: host bits in a filter are RIPE's to accept, not IRRd's.
  assert.deepEqual(primedProblems(imp, DIALECT_PROFILES.ripe), []);
  assert.equal(primedProblems(imp, DIALECT_PROFILES.irrd), undefined);
  assert.ok((parsePolicy('import', imp.value, DIALECT_PROFILES.irrd)?.problems.length ?? 0) > 0);
  primePolicyParses(DIALECT_PROFILES.irrd);
  assert.equal(primedProblems(imp, DIALECT_PROFILES.ripe), undefined, 'the next aut-num lets the previous one go');
  assert.deepEqual(policyTree(imp), parsePolicy('import', imp.value)?.ast);
  assert.deepEqual(primedProblems(imp, DIALECT_PROFILES.irrd), parsePolicy('import', imp.value, DIALECT_PROFILES.irrd)?.problems);
  releasePolicyParses();
  assert.equal(primedProblems(imp, DIALECT_PROFILES.irrd), undefined);
});
