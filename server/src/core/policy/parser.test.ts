import { test } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { parsePolicy } from './parser';
import { policyCodes } from './codes';
import { rpslCodes } from '../rpsl/codes';
import type { Filter, PolicyAst, PolicyExpr } from './ast';

/** Problems as [code, the exact text the span covers]. */
function problems(attr: string, value: string): [string, string][] {
  const r = parsePolicy(attr, value);
  assert.ok(r, `${attr} is a policy attribute`);
  return r.problems.map((p) => [p.code, value.slice(p.span.start, p.span.end)]);
}

function ok(attr: string, value: string): PolicyAst {
  const r = parsePolicy(attr, value);
  assert.ok(r);
  assert.deepEqual(r.problems, [], `${attr}: ${value}`);
  return r.ast;
}

function firstFilter(ast: PolicyAst): Filter {
  assert.ok(ast.kind === 'import' || ast.kind === 'export');
  let e: PolicyExpr = ast.expr;
  while (e.kind !== 'term') e = e.left;
  const f = e.factors[0]?.filter;
  assert.ok(f);
  return f;
}

// RFC 2622 §6 and RFC 4012 examples, and the IRRd sample aut-num's policy lines.
const VALID: [string, string][] = [
  ['import', 'from AS3356 accept ANY'],
  ['import', 'from AS3356 accept ANY;'],
  ['export', 'to AS3356 announce AS-SETTEST'],
  ['export', 'to AS31117 announce AS-SETTEST AS-UAIX'],
  ['mp-import', 'afi ipv6.unicast from AS174 accept ANY'],
  ['mp-export', 'afi ipv6.unicast to AS174 announce AS-SETTEST'],
  ['import', 'from AS1 action pref = 1; accept { 128.9.0.0/16 }'],
  ['import', 'from AS2 7.7.7.2 at 7.7.7.1 action pref = 2; from AS2 action pref = 1; accept AS4'],
  ['import', 'from AS1 at 7.7.7.1 action pref = 1; accept { 128.9.0.0/16 }'],
  ['export', 'to AS2 action med = 5; community .= { 70 }; announce AS4'],
  ['import', 'protocol BGP4 into RIP from AS1 accept ANY'],
  ['import', 'from AS1 accept AS1 AND NOT {128.9.0.0/16}'],
  ['import', 'from AS1 accept <^AS1 AS2 AS3* (AS4|AS5)+ .? [AS6 AS7-AS9 AS-FOO]$>'],
  ['import', 'from AS1 accept <^AS8048~+ AS21980{1,3} [^AS1 AS2] .~{2,}$>'],
  ['import', 'from AS-ANY accept community(65000:1) AND community.contains(no_export, 65000:2:3)'],
  ['import', 'from AS1 accept community == { 65000:1, 65000:2 }'],
  ['import', 'from AS1 action aspath.prepend(AS1, AS1); community.append(65000:1); community.delete(65000:2); next-hop = 192.0.2.1; cost = 10; dpa = 200; accept ANY'],
  ['import', 'from AS1 action med = igp_cost; accept RS-FOO^+ OR AS65000:RS-BAR^24-32 OR fltr-bogons'],
  ['import', '{ from AS-ANY action pref = 1; accept community(3560:10); from AS-ANY action pref = 2; accept community(3560:20); } refine { from AS1 accept AS1; from AS2 accept AS2; }'],
  ['import', '{ from AS1 accept ANY; } except { from AS2 accept AS-FOO; }'],
  ['mp-import', 'afi ipv6.unicast from AS1 accept { 2001:db8::/32^+ } refine afi ipv6 from AS2 accept ANY'],
  ['mp-import', 'afi any.unicast, ipv4.multicast from AS1 accept ANY'],
  ['import', 'from AS1 AND AS2 OR AS3 EXCEPT AS4 accept PeerAS'],
  ['import', 'from (AS1 OR AS-FOO) rtrs-edge AND 192.0.2.1 at rtr1.example.net accept PeerAS^-'],
  ['import', 'from prng-bar accept ANY'],
  ['default', 'to AS1 action pref = 100; networks ANY'],
  ['mp-default', 'afi ipv6.unicast to AS1'],
  ['import-via', 'afi ipv6.unicast AS2 from AS3 accept { 2001:db8::/32 }'],
  ['export-via', 'afi ipv4.unicast AS2 to AS3 announce AS1'],
  ['filter', '{ 0.0.0.0/0^25-32, 10.0.0.0/8^+ }'],
  ['filter', 'NOT (AS1 OR AS-FOO) AND <^AS1 .*$>'],
  ['mp-filter', '{ 2001:db8::/32^48 }'],
  ['peering', 'AS1 OR AS2 at 192.0.2.1'],
  ['mp-peering', 'AS1 2001:db8::1 at 2001:db8::2'],
  ['inject', 'at 7.7.7.1 action dpa = 100; upon HAVE-COMPONENTS { 128.8.0.0/16, 128.9.0.0/16 } OR STATIC'],
  ['inject', 'upon EXCLUDE { 128.8.0.0/16 }'],
  ['components', 'ATOMIC protocol BGP4 { 128.8.0.0/16^+ } protocol OSPF AS1'],
  ['components', '{ 128.8.0.0/15^- }'],
  ['aggr-bndry', 'AS1 OR AS-FOO'],
  ['aggr-mtd', 'inbound'],
  ['aggr-mtd', 'outbound AS-ANY'],
  ['interface', '2001:db8::1 masklen 64 action community.append(65000:1); tunnel 192.0.2.9,GRE'],
  ['ifaddr', '192.0.2.1 masklen 30 action pref = 1;'],
  ['peer', 'BGP4 192.0.2.2 asno(AS65000), flap_damp()'],
  ['mp-peer', 'BGP4 2001:db8::2 asno(PeerAS)'],
];

for (const [attr, value] of VALID) {
  test(`valid ${attr}: ${value}`, () => {
    ok(attr, value);
  });
}

// Invalid: every case names the code and the exact text its range covers.
const INVALID: [string, string, [string, string][]][] = [
  ['import', 'to AS1 announce ANY', [['policy/direction-mismatch', 'to'], ['policy/direction-mismatch', 'announce']]],
  ['export', 'from AS1 accept ANY', [['policy/direction-mismatch', 'from'], ['policy/direction-mismatch', 'accept']]],
  ['default', 'from AS1', [['policy/direction-mismatch', 'from']]],
  ['import', 'from AS1 ANY', [['policy/missing-keyword', 'ANY']]],
  ['import', 'accept ANY', [['policy/unexpected-token', 'accept']]],
  ['import', 'from AS1 accept', [['policy/missing-keyword', '']]],
  ['import', '', [['policy/empty', '']]],
  ['import', 'from AS4294967296 accept ANY', [['policy/invalid-asn', 'AS4294967296']]],
  ['import', 'from 65000 accept ANY', [['policy/invalid-asn', '65000']]],
  ['import', 'from RS-FOO accept ANY', [['policy/invalid-as-expression', 'RS-FOO']]],
  ['import', 'from AS1 AS2 accept ANY', [['policy/unexpected-token', 'AS2']]],
  ['import', 'from AS1 accept { 192.0.2.1/24 }', [['rpsl/host-bits-set', '192.0.2.1/24']]],
  ['import', 'from AS1 accept { 192.0.2.0/24^16-24 }', [['policy/invalid-range-operator', '^16-24']]],
  ['import', 'from AS1 accept { 192.0.2.0/24^30-25 }', [['policy/invalid-range-operator', '^30-25']]],
  ['import', 'from AS1 accept { 192.0.2.0/24^33 }', [['policy/invalid-range-operator', '^33']]],
  ['import', 'from AS1 accept FLTR-FOO^+', [['policy/invalid-range-operator', '^+']]],
  ['import', 'from AS1 accept { 192.0.2.0/24', [['policy/unclosed', '{']]],
  ['import', 'from AS1 accept (AS1 OR AS2', [['policy/unclosed', '(']]],
  ['import', 'from AS1 accept <^AS1', [['policy/unclosed', '<']]],
  ['import', 'from AS1 accept <^AS1 [AS2 >', [['policy/invalid-regex', '[']]],
  ['import', 'from AS1 accept <^AS1 )>', [['policy/invalid-regex', ')']]],
  ['import', 'from AS1 accept <^65000$>', [['policy/invalid-asn', '65000']]],
  ['import', 'from AS1 accept <AS1{3,1}>', [['policy/invalid-regex', '{3,1}']]],
  ['import', 'from AS1 action community .= { 65536:1 }; accept ANY', [['policy/invalid-community', '65536:1']]],
  ['import', 'from AS1 action community.append(1:2:4294967296); accept ANY', [['policy/invalid-community', '1:2:4294967296']]],
  ['import', 'from AS1 accept community(no_such)', [['policy/invalid-community', 'no_such']]],
  ['import', 'from AS1 action pref = 70000; accept ANY', [['policy/action-value-out-of-range', '70000']]],
  ['import', 'from AS1 action med = 4294967296; accept ANY', [['policy/action-value-out-of-range', '4294967296']]],
  ['import', 'from AS1 action next-hop = me; accept ANY', [['policy/action-value-out-of-range', 'me']]],
  ['import', 'from AS1 action aspath.prepend(1); accept ANY', [['policy/action-value-out-of-range', '1']]],
  ['import', 'from AS1 action pref .= 10; accept ANY', [['policy/invalid-action', 'pref .= 10']]],
  ['import', 'from AS1 action aspath.append(AS1); accept ANY', [['policy/invalid-action', 'aspath.append(AS1)']]],
  ['import', 'from AS1 action local-pref = 100; accept ANY', [['policy/unknown-rp-attribute', 'local-pref']]],
  ['import', 'from AS1 action pref = 1 med = 2; accept ANY', [['policy/unexpected-token', 'med']]],
  ['import', 'afi ipv6.unicast from AS1 accept ANY', [['policy/afi-not-allowed', 'afi']]],
  ['mp-import', 'afi ipv5.unicast from AS1 accept ANY', [['policy/invalid-afi', 'ipv5.unicast']]],
  ['import', 'from AS1 accept { 2001:db8::/32 }', [['policy/afi-mismatch', '2001:db8::/32']]],
  ['mp-export', 'afi ipv4.unicast to AS1 announce { 2001:db8::/32 }', [['policy/afi-mismatch', '2001:db8::/32']]],
  ['import', 'from AS1 accept CUSTOMERS', [['policy/unknown-filter-term', 'CUSTOMERS']]],
  ['import', 'from AS1 accept 192.0.2.0/24', [['policy/unknown-filter-term', '192.0.2.0/24']]],
  ['import', 'from AS1 accept PRNG-FOO', [['policy/unknown-filter-term', 'PRNG-FOO']]],
  ['import', 'from AS1 accept ANY ANY )', [['policy/unexpected-token', ')']]],
  ['import', '{ from AS1 accept ANY from AS2 accept ANY }', [['policy/unexpected-token', 'from']]],
  ['import', '{ from AS1 accept ANY;', [['policy/unclosed', '{']]],
  ['import', 'protocol EIGRP from AS1 accept ANY', [['policy/unknown-protocol', 'EIGRP']]],
  ['peer', 'BGP4 192.0.2.2 asno(65000)', [['policy/invalid-asn', '65000']]],
  ['peer', 'BGP4 2001:db8::2 asno(AS1)', [['policy/afi-mismatch', '2001:db8::2']]],
  ['ifaddr', '192.0.2.1 masklen 33', [['policy/invalid-prefix', '33']]],
  ['interface', '192.0.2.1 30', [['policy/unexpected-token', '30'], ['policy/unexpected-token', '30']]],
  ['inject', 'upon SOMETIMES', [['policy/unexpected-token', 'SOMETIMES']]],
];

for (const [attr, value, want] of INVALID) {
  test(`invalid ${attr}: ${value}`, () => {
    assert.deepEqual(problems(attr, value), want);
  });
}

test('every code the parser emits has a row in the codes table', () => {
  // rpsl/… codes come from the RPSL value checkers the parser shares (host bits, asdot …): their table.
  const known = new Set<string>([...policyCodes, ...rpslCodes].map((c) => c.code));
  for (const [attr, value] of INVALID) {
    for (const [code] of problems(attr, value)) assert.ok(known.has(code), code);
  }
});

test('a filter keeps its structure: AND binds tighter than OR, juxtaposition is OR', () => {
  const f = firstFilter(ok('import', 'from AS1 accept AS1 AS2 AND NOT AS3'));
  assert.equal(f.kind, 'or');
  assert.ok(f.kind === 'or');
  assert.equal(f.left.kind, 'asn');
  assert.equal(f.right.kind, 'and');
  assert.ok(f.right.kind === 'and');
  assert.equal(f.right.right.kind, 'not');
});

test('prefix lists keep prefixes, per-item and list range operators', () => {
  const f = firstFilter(ok('import', 'from AS1 accept { 192.0.2.0/24^+, 198.51.100.0/22^24 }^-'));
  assert.ok(f.kind === 'prefixes');
  assert.equal(f.items.length, 2);
  assert.equal(f.items[0]?.range?.kind, 'plus');
  assert.deepEqual([f.items[1]?.range?.min, f.items[1]?.range?.max], [24, 24]);
  assert.equal(f.range?.kind, 'minus');
});

test('structured policies: refine and except build a tree with the right operands', () => {
  const ast = ok('import', '{ from AS1 accept ANY; from AS2 accept AS2; } refine { from AS-ANY action pref = 1; accept ANY; } except from AS3 accept AS3');
  assert.ok(ast.kind === 'import');
  assert.equal(ast.expr.kind, 'refine');
  assert.ok(ast.expr.kind === 'refine');
  assert.ok(ast.expr.left.kind === 'term');
  assert.equal(ast.expr.left.factors.length, 2);
  assert.equal(ast.expr.right.kind, 'except');
});

test('a peering keeps its router expressions and the spans point at the source', () => {
  const value = 'from AS2 7.7.7.2 at 7.7.7.1 accept AS4';
  const ast = ok('import', value);
  assert.ok(ast.kind === 'import' && ast.expr.kind === 'term');
  const p = ast.expr.factors[0]?.peerings[0]?.peering;
  assert.equal(p?.remoteRouter?.kind, 'address');
  assert.equal(p?.localRouter?.kind, 'address');
  assert.ok(p?.as);
  assert.equal(value.slice(p.as.span.start, p.as.span.end), 'AS2');
});

test('parsing never throws on arbitrary text', () => {
  const junk = ['{{{{', '<<<', 'from ( ( (', 'from AS1 action ; ; accept', '}{)(<>', 'from AS1 accept { , , }^', 'afi', 'from AS1 action community.append(', 'from AS1 accept community'];
  for (const attr of ['import', 'mp-export', 'filter', 'peering', 'inject', 'components', 'peer', 'interface', 'aggr-mtd', 'default', 'import-via']) {
    for (const j of junk) assert.doesNotThrow(() => parsePolicy(attr, j));
  }
});

test('property: any text in any policy attribute parses without throwing, with problem spans inside the value', () => {
  const alphabet = fc.constantFrom(...'from to accept announce action afi AS1 AS-FOO RS-BAR:AS2 { } ( ) < > ^ + - ; , = .= 192.0.2.0/24 2001:db8::/32 community pref ANY NOT AND OR EXCEPT refine except PeerAS ~* $ [ ] |'.split(' '), ' ', '^+', '.');
  fc.assert(
    fc.property(fc.constantFrom('import', 'mp-export', 'filter', 'peering', 'default', 'inject', 'components', 'interface', 'peer', 'aggr-mtd'), fc.array(alphabet, { maxLength: 30 }), (attr, parts) => {
      const value = parts.join(' ');
      const r = parsePolicy(attr, value);
      assert.ok(r);
      for (const p of r.problems) assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= value.length, JSON.stringify({ value, p }));
    }),
    { numRuns: 2000 },
  );
});

test('a "{" inside a prefix set is one policy/nested-braces on that brace, the rest of the value skipped (was one error per brace)', () => {
  // RFC 2622 §5.4: an address-prefix set is a flat list; `{{` is never valid, however deep it goes.
  for (const depth of [1, 50_000]) {
    const value = `afi ipv6.unicast from AS1 accept {${'{'.repeat(depth)}2001:db8::/32${'}'.repeat(depth)}} AND NOT AS2`;
    const found = parsePolicy('mp-import', value)?.problems ?? [];
    assert.deepEqual(found.map((p) => [p.code, p.span.start, p.span.end]), [['policy/nested-braces', 34, 35]], `depth ${depth}`);
    assert.match(found[0]?.message ?? '', /do not nest.*remove the inner/i);
  }
  assert.deepEqual(problems('filter', '{ 192.0.2.0/24, { 198.51.100.0/24 } }'), [['policy/nested-braces', '{']]);
  assert.deepEqual(problems('import', `from AS1 action community = {${'{'.repeat(50_000)} 64500:1 }; accept ANY`), [['policy/nested-braces', '{']]);
  // Other stray symbols in a set: the first is reported, not one error per symbol; the words around are still read.
  assert.deepEqual(problems('filter', `{ 192.0.2.0/24 ${'( '.repeat(50_000)} 10.0.0.1 }`), [
    ['policy/unexpected-token', '('],
    ['policy/invalid-prefix', '10.0.0.1'],
  ]);
});

test('nesting deeper than 100 levels is one policy/too-deep, not a stack overflow; 100 levels still parse', () => {
  for (const [open, close] of [['(', ')'], ['NOT ', '']] as const) {
    const deep = `from AS1 accept ${open.repeat(50_000)}AS2${close.repeat(50_000)}`;
    const found = problems('import', deep);
    assert.deepEqual(found.map(([code]) => code), ['policy/too-deep']);
    assert.equal(found[0]?.[1], open.trim());
  }
  ok('import', `from AS1 accept ${'('.repeat(100)}AS2${')'.repeat(100)}`);
  assert.deepEqual(problems('import', `from ${'('.repeat(200)}AS1${')'.repeat(200)} accept ANY`).map(([c]) => c), ['policy/too-deep']);
  assert.deepEqual(problems('import', `from AS1 accept <${'('.repeat(50_000)}AS2${')'.repeat(50_000)}>`).map(([c]) => c), ['policy/too-deep']);
  assert.deepEqual(problems('import', `${'from AS1 accept ANY refine '.repeat(50_000)}from AS1 accept ANY`).map(([c]) => c), ['policy/too-deep']);
});
