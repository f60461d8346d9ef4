import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DIALECT_PROFILES } from '../rpsl/dialects';
import { frameRpsl } from '../rpsl/frame';
import { parsePolicy, POLICY_ATTRIBUTES } from './parser';
import { policyTree, primedProblems, primePolicyParses, releasePolicyParses, releasePolicyTrees } from './sharedParses';

// What sharedParses.ts rests on: a policy's tree is the same whatever the dialect profile; only problems differ.

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const PROFILES = Object.values(DIALECT_PROFILES);
const NAMES = Object.keys(POLICY_ATTRIBUTES);

function assertTreeIndependentOfProfile(name: string, value: string): void {
  const rfc = parsePolicy(name, value, DIALECT_PROFILES.rfc)?.ast;
  for (const profile of PROFILES) assert.deepEqual(parsePolicy(name, value, profile)?.ast, rfc, `${name}: ${value} (${profile.id})`);
}

/** The policy attributes of real and hand-written RPSL text in this repository and ../shared. */
function realPolicyLines(): { name: string; value: string }[] {
  const texts: string[] = [];
  const add = (file: string): void => void (existsSync(file) && texts.push(readFileSync(file, 'utf8')));
  add(path.join(ROOT, '..', 'shared', 'corpora', 'rpsl', 'AS3257.rpsl'));
  const real = path.join(ROOT, 'test', 'rpsl', 'real');
  for (const f of readdirSync(real)) if (f.endsWith('.txt')) add(path.join(real, f));
  for (const f of ['examples/rpsl/mistakes.rpsl', 'examples/cantv/cantv.rpsl', 'test/grammar/cases/rpsl-policy.rpsl']) add(path.join(ROOT, f));
  const irrd = path.join(ROOT, '..', 'shared', 'corpora', 'rpsl', 'objects.jsonl');
  if (existsSync(irrd))
    for (const l of readFileSync(irrd, 'utf8').split('\n')) if (l.trim() !== '') texts.push((JSON.parse(l) as { object: string }).object);
  const out: { name: string; value: string }[] = [];
  for (const t of texts) for (const o of frameRpsl(t).objects) for (const a of o.attributes) if (a.name in POLICY_ATTRIBUTES) out.push({ name: a.name, value: a.value });
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
  // The words policies are made of, the profiles' rules among them: set names of many components (IRRd: at
  // most 5), prefixes with host bits set (accepted in filters by IRRd only), IPv6 and range operators.
  const word = fc.constantFrom(
    'from', 'to', 'accept', 'announce', 'action', 'at', 'except', 'refine', 'and', 'or', 'not', 'afi', 'any', 'ANY', 'PeerAS',
    'ipv4.unicast', 'ipv6.unicast', 'any.unicast', 'ipv4', 'ipv6.multicast', 'protocol', 'into', 'BGP4', 'OSPF', 'networks', 'aggregate', 'upon',
    'AS1', 'AS65000', 'AS4200000000', 'AS1.10', 'AS-FOO', 'AS1:AS-BAR', 'AS1:AS-A:AS-B:AS-C:AS-D:AS-E', 'RS-X', 'AS1:RS-Y', 'FLTR-Z', 'AS1:FLTR-A:FLTR-B:FLTR-C:FLTR-D:FLTR-E', 'PRNG-P', 'RTRS-R',
    '192.0.2.0/24', '192.0.2.1/24', '10/8', '010.0.0.0/8', '192.0.2.0/24^+', '192.0.2.0/24^-', '192.0.2.0/24^24-32', '192.0.2.0/24^33',
    '2001:db8::/32', '2001:DB8::1/32', '2001:db8::/32^48-64', '::/0', '192.0.2.1', '2001:db8::1',
    '{', '}', '(', ')', ';', ',', '<', '>', '<^AS1 .* AS2$>', '<AS-FOO+>', '<[AS1 AS2]*>', 'pref', '=', '100', 'med', 'community', '.=', '.append(65000:1)',
    'community(65000:1)', 'aspath.prepend(AS1,AS1);', '^+', 'x', '', 'AS', '@', 'inbound', 'outbound', 'with', 'exclude', 'static', 'attr',
  );
  fc.assert(
    fc.property(fc.constantFrom(...NAMES), fc.array(word, { maxLength: 24 }), fc.constantFrom(' ', '  ', '\t'), (name, words, sep) => {
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
