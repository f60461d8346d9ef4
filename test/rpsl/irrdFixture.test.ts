import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IRRD_OBJECTS, IRRD_VALUES } from './fixtures/irrdSamples';
import { objectVerdict, valueVerdict } from './verdict';

// The in-repo copy of representative IRRd cases (see fixtures/irrdSamples.ts): runs without ../shared.

test('in-repo IRRd sample objects get IRRd strict verdicts', () => {
  for (const c of IRRD_OBJECTS) {
    const r = objectVerdict(c.object);
    assert.equal(r.verdict, c.expect, `${c.ref} (${c.why}): ${r.errors.map((e) => e.code).join(', ')}`);
  }
});

test('in-repo IRRd field values get IRRd strict verdicts', () => {
  for (const c of IRRD_VALUES) {
    const r = valueVerdict(c.object_type, c.attr_type, c.value);
    assert.equal(r.verdict, c.expect, `${c.object_type} ${c.attr_type}: ${JSON.stringify(c.value)}: ${r.errors.map((e) => e.message).join('; ')}`);
  }
});

/** Where RouteLens is deliberately stricter than IRRd, and why. */
const STRICTER_THAN_IRRD: readonly { objectType: string; attr: string; value: string; code: string; why: string }[] = [
  {
    objectType: 'route-set',
    attr: 'members',
    value: '192.0.2.0/24^33',
    code: 'rpsl/invalid-range-operator',
    why: 'IRRd accepts range operators beyond /32 (IPv4) or /128 (IPv6); no route can match them, so it is an error here',
  },
  {
    objectType: 'route-set',
    attr: 'mp-members',
    value: '2001:db8::/32^129',
    code: 'rpsl/invalid-range-operator',
    why: 'as above, for IPv6',
  },
];

test('deliberate deviations: stricter than IRRd where IRRd is lax', () => {
  for (const d of STRICTER_THAN_IRRD) {
    const r = valueVerdict(d.objectType, d.attr, d.value);
    assert.deepEqual(
      r.errors.map((e) => e.code),
      [d.code],
      `${d.value}: ${d.why}`,
    );
  }
});
