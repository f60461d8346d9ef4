import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameRpsl } from '../rpsl/frame';
import { validateRpslText } from '../rpsl/validate';
import { validatePolicyAttribute } from './validateAttribute';

/**
 * Values inside policy text get the checks the same values get in ordinary attributes (valueTypes.ts):
 * same codes, messages, fixes, and the dialect's severities.
 */

type Dialect = 'auto' | 'rfc' | 'irrd' | 'ripe';

const autNum = (line: string, source: string): string =>
  `aut-num:        AS65000\nas-name:        AUDIT\nadmin-c:        AUD1-TEST\ntech-c:         AUD1-TEST\n${line}\nmnt-by:         MAINT-AUDIT\nchanged:        noc@example.com\nsource:         ${source}\n`;

/** Every finding as "severity code covered-text". */
const all = (text: string, d: Dialect = 'auto'): string[] => validateRpslText(text, d).map((x) => `${x.severity} ${x.code} ${text.slice(x.span.start, x.span.end)}`);
const errs = (text: string, d: Dialect = 'auto'): string[] =>
  validateRpslText(text, d)
    .filter((x) => x.severity === 'error')
    .map((x) => `${x.code} ${text.slice(x.span.start, x.span.end)}`);

/** The findings of the one policy attribute `name` of `text`'s first object, with the text each covers. */
function policyFindings(text: string, name: string): { code: string; text: string; fix: string | undefined }[] {
  const attr = frameRpsl(text).objects[0]?.attributes.find((a) => a.name === name);
  assert.ok(attr, name);
  return validatePolicyAttribute(attr, 'aut-num').map((d) => ({ code: d.code, text: text.slice(d.span.start, d.span.end), fix: d.fixes?.[0]?.edits[0]?.newText }));
}

// RFC 5396 allows asdot; IRRd and RIPE store and accept asplain only, as aut-num: AS1.10 already says.
test('asdot in a peering and in a filter is rpsl/asdot: an error where the registry wants asplain, a warning in rfc', () => {
  assert.deepEqual(errs(autNum('import:         from AS1.10 accept ANY', 'RADB')), ['rpsl/asdot AS1.10']);
  assert.deepEqual(errs(autNum('import:         from AS1.10 accept ANY', 'RIPE')), ['rpsl/asdot AS1.10']);
  assert.ok(all(autNum('import:         from AS1.10 accept ANY', 'TEST'), 'rfc').includes('warning rpsl/asdot AS1.10'));
  assert.deepEqual(errs(autNum('import:         from AS1 accept AS1.10^+', 'RADB')), ['rpsl/asdot AS1.10']);
  assert.deepEqual(errs(autNum('mp-export:      to AS1 AND AS0.65 announce AS65000', 'RADB')), ['rpsl/asdot AS0.65']);
  // The same finding as the ordinary attribute's, fix included.
  const plain = validateRpslText('aut-num: AS1.10\n', 'irrd').find((d) => d.code === 'rpsl/asdot');
  assert.ok(plain);
  const text = autNum('import:         from AS1.10 accept ANY', 'RADB');
  const inPolicy = validateRpslText(text, 'auto').find((d) => d.code === 'rpsl/asdot');
  assert.equal(inPolicy?.message, plain.message);
  assert.equal(inPolicy?.fixes?.[0]?.edits[0]?.newText, 'AS65546');
  assert.deepEqual(errs(autNum('import:         from AS65546 accept AS65546', 'RADB')), []);
});

test('an asdot fix on a continuation line replaces exactly the AS number', () => {
  const text = 'aut-num: AS1\nimport: from AS2\n        accept AS1.10\n';
  assert.deepEqual(policyFindings(text, 'import'), [{ code: 'rpsl/asdot', text: 'AS1.10', fix: 'AS65546' }]);
});

// RFC 2622 §2: a prefix is a full dotted quad and a length; the registries store it with no host bits and
// without leading zeros. The same verdicts and fixes as in route: (valueTypes.ts checkPrefix).
test('a prefix in a filter written short, with host bits or with leading zeros gets the finding and fix it gets in route:', () => {
  assert.deepEqual(errs(autNum('import:         from AS1 accept {192.0.2/24}', 'RADB')), ['rpsl/short-prefix 192.0.2/24']);
  assert.ok(all(autNum('import:         from AS1 accept {010.0.0.0/8}', 'RADB')).includes('information rpsl/non-canonical 010.0.0.0/8'));
  assert.deepEqual(errs(autNum('import:         from AS1 accept {192.0.2.1/24}', 'RADB')), ['rpsl/host-bits-set 192.0.2.1/24']);
  assert.deepEqual(errs(autNum('mp-import:      from AS1 accept {2001:db8::1/32^+}', 'RADB')), ['rpsl/host-bits-set 2001:db8::1/32']);
  assert.deepEqual(all(autNum('import:         from AS1 accept {192.0.2.0/24^+, 198.51.100.0/24}', 'RADB')), []);
  for (const [prefix, fix, code] of [
    ['192.0.2/24', '192.0.2.0/24', 'rpsl/short-prefix'],
    ['010.0.0.0/8', '10.0.0.0/8', 'rpsl/non-canonical'],
    ['192.0.2.1/24', '192.0.2.0/24', 'rpsl/host-bits-set'],
  ] as const) {
    // The route's own finding on its prefix (a bare route: also lacks its mandatory attributes, which are not the point).
    const routeText = `route: ${prefix}\n`;
    const route = validateRpslText(routeText, 'irrd').find((d) => routeText.slice(d.span.start, d.span.end) === prefix);
    assert.equal(route?.code, code, prefix);
    const text = autNum(`import:         from AS1 accept { ${prefix}^24-32 }`, 'RADB');
    const inFilter = validateRpslText(text, 'auto').filter((d) => d.code === route?.code);
    assert.equal(inFilter.length, 1, prefix);
    assert.equal(inFilter[0]?.message, route?.message, prefix);
    assert.equal(text.slice(inFilter[0]?.span.start, inFilter[0]?.span.end), prefix);
    assert.equal(inFilter[0]?.fixes?.[0]?.edits[0]?.newText, fix, prefix);
  }
});

test('a prefix finding on a continuation line covers exactly the prefix, and its fix replaces only it', () => {
  const text = 'aut-num: AS1\nimport: from AS2 accept {\n        192.0.2.0/24, 192.0.2/24^+,\n+       010.0.0.0/8 }\n';
  assert.deepEqual(policyFindings(text, 'import'), [
    { code: 'rpsl/short-prefix', text: '192.0.2/24', fix: '192.0.2.0/24' },
    { code: 'rpsl/non-canonical', text: '010.0.0.0/8', fix: '10.0.0.0/8' },
  ]);
});

// RFC 2622 §5: AS-ANY, RS-ANY … are reserved and cannot be a component of a hierarchical name; IRRd and
// RIPE allow at most 5 components. The same verdicts as in members:.
test('a set name in a filter, a peering or a router expression gets the set-name rules of members:', () => {
  assert.deepEqual(errs(autNum('import:         from AS1 accept AS-ANY:AS-X', 'RADB')), ['rpsl/set-name-reserved AS-ANY:AS-X']);
  assert.deepEqual(errs(autNum('import:         from AS1 accept AS1:AS2:AS3:AS4:AS5:AS-X', 'RADB')), ['rpsl/set-name-too-many-components AS1:AS2:AS3:AS4:AS5:AS-X']);
  assert.deepEqual(errs(autNum('import:         from AS1 accept RS-ANY:RS-X^+', 'RADB')), ['rpsl/set-name-reserved RS-ANY:RS-X']);
  assert.deepEqual(errs(autNum('import:         from AS1 accept NOT FLTR-ANY:FLTR-X', 'RADB')), ['rpsl/set-name-reserved FLTR-ANY:FLTR-X']);
  assert.deepEqual(errs(autNum('import:         from AS-ANY:AS-X accept ANY', 'RADB')), ['rpsl/set-name-reserved AS-ANY:AS-X']);
  assert.deepEqual(errs(autNum('import:         from PRNG-ANY:PRNG-X accept ANY', 'RADB')), ['rpsl/set-name-reserved PRNG-ANY:PRNG-X']);
  assert.deepEqual(errs(autNum('import:         from AS1 RTRS-ANY:RTRS-X accept ANY', 'RADB')), ['rpsl/set-name-reserved RTRS-ANY:RTRS-X']);
  assert.deepEqual(errs(autNum('import:         from AS1 accept FOO:AS-X', 'RADB')).map((e) => e.split(' ')[0]), ['rpsl/invalid-set-name']);
  // Well-formed names, the reserved names alone and five components pass, as in members:.
  assert.deepEqual(errs(autNum('import:         from AS1:AS-PEERS accept AS1:AS2:AS3:AS4:AS-X AND RS-ANY AND AS-ANY', 'RADB')), []);
  const members = validateRpslText('as-set: AS1:AS-SET\nmembers: AS-ANY:AS-X\n', 'irrd').find((d) => d.code === 'rpsl/set-name-reserved');
  assert.ok(members);
  const text = autNum('import:         from AS1 accept AS-ANY:AS-X', 'RADB');
  assert.equal(validateRpslText(text, 'auto').find((d) => d.code === 'rpsl/set-name-reserved')?.message, members.message);
});
