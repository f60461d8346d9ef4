import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { SpanDiagnostic } from '../diagnostics/diagnostic';
import type { AspaDb } from './types';
import { aspaCodes } from './codes';
import { loadAspaData } from './loader';

const dbOf = (db: AspaDb) => Object.fromEntries([...db].map(([c, ps]) => [c, [...ps].sort((a, b) => a - b)]));
const codes = (ds: readonly SpanDiagnostic[]) => ds.map((d) => d.code).sort();
const at = (text: string, d: SpanDiagnostic | undefined) => (d ? text.slice(d.span.start, d.span.end) : undefined);
const applyFix = (text: string, d: SpanDiagnostic | undefined, i = 0) => {
  const f = d?.fixes?.[i];
  assert.ok(f, 'a fix is offered');
  let out = text;
  for (const e of [...f.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
};

test('krill text: declarations, comments, AS0, <none>, with exact spans', () => {
  const text = '# CANTV example\nAS65000 => AS65001, AS65002  # two upstreams\r\nAS65010 => AS0\nAS65020 => <none>\n';
  const r = loadAspaData(text, 'x.aspa');
  assert.equal(r.format, 'krill');
  assert.deepEqual(dbOf(r.db), { 65000: [65001, 65002], 65010: [], 65020: [] });
  // Private-use ASNs as in every example: each is reported, and nothing else but the empty list.
  assert.deepEqual(codes(r.diagnostics.filter((d) => d.code !== 'aspa/special-asn')), ['aspa/empty-providers']);
  const empty = r.diagnostics.find((d) => d.code === 'aspa/empty-providers');
  assert.equal(at(text, empty), '<none>');
  assert.equal(applyFix(text, empty).includes('AS65020 => AS0'), true);
  const d0 = r.declarations[0]!;
  assert.equal(text.slice(d0.customer.span.start, d0.customer.span.end), 'AS65000');
  assert.equal(text.slice(d0.providers[1]!.span.start, d0.providers[1]!.span.end), 'AS65002');
  assert.equal(text.slice(d0.span.start, d0.span.end), 'AS65000 => AS65001, AS65002');
});

test('krill text: syntax errors are located and the rest of the file is still read', () => {
  const text = 'AS65000 AS65001\nAS65001 => AS65002,, AS4294967296\nfoo => AS1\nAS65003 => AS65004 AS65005\nAS65006 =>\n';
  const r = loadAspaData(text);
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, at(text, d)]),
    [
      ['aspa/syntax', 'AS65000 AS65001'],
      ['aspa/syntax', ','],
      ['aspa/invalid-asn', 'AS4294967296'],
      ['aspa/invalid-asn', 'foo'],
      ['aspa/syntax', 'AS65004 AS65005'],
      ['aspa/syntax', '=>'],
    ],
  );
  assert.deepEqual(dbOf(r.db), { 65001: [65002], 65003: [65004, 65005], 65006: [] });
});

test('semantic checks: self-provider, duplicates, AS0 mixes, AS0 customer, special ASNs, duplicate customer, unsorted', () => {
  const text = [
    'AS3356 => AS3356, AS174', // customer-is-provider + unsorted
    'AS8048 => AS6762, AS6762', // duplicate-provider
    'AS21980 => AS0, AS269832', // as0-with-providers
    'AS0 => AS1299', // as0-customer
    'AS64512 => AS23456', // special customer and provider
    'AS8048 => AS52320', // duplicate-customer
  ].join('\n');
  const r = loadAspaData(text);
  const byCode = new Map(r.diagnostics.map((d) => [d.code, d]));
  assert.deepEqual(codes(r.diagnostics), [
    'aspa/as0-customer',
    'aspa/as0-with-providers',
    'aspa/customer-is-provider',
    'aspa/duplicate-customer',
    'aspa/duplicate-provider',
    'aspa/providers-unsorted',
    'aspa/special-asn',
    'aspa/special-asn',
  ]);
  assert.equal(at(text, byCode.get('aspa/customer-is-provider')), 'AS3356');
  assert.equal(applyFix(text, byCode.get('aspa/customer-is-provider')).split('\n')[0], 'AS3356 => AS174');
  assert.equal(applyFix(text, byCode.get('aspa/providers-unsorted')).split('\n')[0], 'AS3356 => AS174, AS3356');
  assert.equal(applyFix(text, byCode.get('aspa/duplicate-provider')).split('\n')[1], 'AS8048 => AS6762');
  assert.equal(applyFix(text, byCode.get('aspa/as0-with-providers')).split('\n')[2], 'AS21980 => AS269832');
  assert.equal(byCode.get('aspa/duplicate-customer')?.related?.[0]?.span.start, text.indexOf('AS8048'));
  // The two declarations of AS8048 unite; AS0 is dropped beside real providers.
  assert.deepEqual(dbOf(r.db)[8048], [6762, 52320]);
  assert.deepEqual(dbOf(r.db)[21980], [269832]);
  assert.equal(r.db.has(0 as never), false);
});

test('rpki-client ≥ 8.5 JSON', () => {
  const text = '{"metadata":{"buildtime":"2025-01-01T00:00:00Z"},"aspas":[{"customer_asid":15562,"expires":1700000000,"providers":[2914,8283,51088,206238]},{"customer_asid":64496,"providers":[64498,64497]}]}';
  const r = loadAspaData(text, 'rpki.json');
  assert.equal(r.format, 'rpki-client');
  assert.deepEqual(dbOf(r.db)[15562], [2914, 8283, 51088, 206238]);
  const unsorted = r.diagnostics.find((d) => d.code === 'aspa/providers-unsorted');
  assert.equal(at(text, unsorted), '64498,64497');
  assert.ok(applyFix(text, unsorted).includes('"providers":[64497, 64498]'));
});

test('rpki-client 8.0–8.4 JSON: both families united, deprecation warning on the key', () => {
  const text = '{"provider_authorizations":{"ipv4":[{"customer_asid":65000,"providers":[65001]}],"ipv6":[{"customer_asid":65000,"providers":[65002]}]}}';
  const r = loadAspaData(text, 'old.json');
  assert.equal(r.format, 'rpki-client-legacy');
  assert.deepEqual(dbOf(r.db), { 65000: [65001, 65002] });
  assert.deepEqual(codes(r.diagnostics), ['aspa/legacy-format', 'aspa/special-asn', 'aspa/special-asn', 'aspa/special-asn', 'aspa/special-asn']);
  assert.equal(at(text, r.diagnostics.find((d) => d.code === 'aspa/legacy-format')), '"provider_authorizations"');
});

test('Routinator json/jsonext', () => {
  const text = '{"metadata":{},"aspas":[{"customer":"AS8048","providers":["AS52320","AS6762"],"source":[{"type":"roa"}]}]}';
  const r = loadAspaData(text, 'routinator.json');
  assert.equal(r.format, 'routinator');
  assert.deepEqual(dbOf(r.db), { 8048: [6762, 52320] });
  const unsorted = r.diagnostics.find((d) => d.code === 'aspa/providers-unsorted');
  assert.ok(applyFix(text, unsorted).includes('"providers":["AS6762", "AS52320"]'));
});

test('SLURM ASPA extension: assertions, filters, key variants', () => {
  const text = JSON.stringify({
    slurmVersion: 2,
    validationOutputFilters: { prefixFilters: [], aspaFilters: [{ customerAsid: 8048, comment: 'drop' }] },
    locallyAddedAssertions: {
      aspaAssertions: [
        { customerAsid: 21980, providers: [269832] },
        { customerAsn: 269832, providerAsns: [{ providerAsn: 1299 }, { providerAsn: 6762, addressFamily: 1 }] },
      ],
    },
  });
  const r = loadAspaData(text, 'slurm.json');
  assert.equal(r.format, 'slurm');
  assert.deepEqual(dbOf(r.db), { 21980: [269832], 269832: [1299, 6762] });
  assert.deepEqual(r.filteredCustomers, [8048]);
  const variants = r.diagnostics.filter((d) => d.code === 'aspa/nonstandard-key');
  assert.deepEqual(variants.map((d) => at(text, d)), ['"customerAsn"', '"providerAsns"']);
  assert.ok(applyFix(text, variants[0]).includes('"customerAsid":269832'));
});

test('JSON syntax errors keep offsets and do not stop the reader', () => {
  const text = '{"aspas":[{"customer_asid":65000,"providers":[65001,]},{"customer_asid":"ASx","providers":[1]}';
  const r = loadAspaData(text, 'broken.json');
  assert.ok(r.diagnostics.some((d) => d.code === 'aspa/syntax' && d.message.includes('Trailing comma')));
  assert.ok(r.diagnostics.some((d) => d.code === 'aspa/invalid-asn' && at(text, d) === '"ASx"'));
  assert.ok(r.diagnostics.some((d) => d.code === 'aspa/syntax' && /Unclosed/.test(d.message)));
  assert.deepEqual(dbOf(r.db)[65000], [65001]);
});

test('BIRD 2.16 route aspa statements', () => {
  const text = 'aspa table at;\nprotocol static {\n  aspa;\n  route aspa 65540 providers 65549, 65544;\n  route aspa 65544 transit;\n}\n';
  const r = loadAspaData(text, 'bird.conf');
  assert.equal(r.format, 'bird');
  assert.deepEqual(dbOf(r.db), { 65540: [65544, 65549], 65544: [] });
  const unsorted = r.diagnostics.find((d) => d.code === 'aspa/providers-unsorted');
  assert.ok(applyFix(text, unsorted).includes('route aspa 65540 providers 65544, 65549;'));
  assert.ok(!r.diagnostics.some((d) => d.code === 'aspa/empty-providers'), '`transit` is an AS0 declaration, not an empty list');
});

test('OpenBGPD aspa-set, with expires and the old allow inet/inet6', () => {
  const text = 'aspa-set {\n\tcustomer-as 4608 expires 1707071381 provider-as { 1, 3, 2 }\n\tcustomer-as 8048 provider-as { 6762 allow inet6 52320 }\n}\n';
  const r = loadAspaData(text, 'bgpd.conf');
  assert.equal(r.format, 'openbgpd');
  assert.deepEqual(dbOf(r.db), { 4608: [1, 2, 3], 8048: [6762, 52320] });
  const afi = r.diagnostics.find((d) => d.code === 'aspa/afi-limit-deprecated');
  assert.equal(at(text, afi), 'allow inet6');
  assert.ok(applyFix(text, afi).includes('{ 6762 52320 }'));
  const unsorted = r.diagnostics.find((d) => d.code === 'aspa/providers-unsorted');
  assert.ok(applyFix(text, unsorted).includes('provider-as { 1, 2, 3 }'));
});

test('every emitted code has a row in codes.ts', () => {
  const known = new Set<string>(aspaCodes.map((c) => c.code));
  const samples = [
    'AS1 AS2\nAS0 => AS1\nAS5 => AS5, AS0, AS3, AS3\nAS7 => <none>\nAS8 => AS9(v4)\nAS8 => AS64512',
    '{"provider_authorizations":{"ipv4":[{"customer_asid":1,"providers":[2]}]}}',
    '{"slurmVersion":2,"locallyAddedAssertions":{"aspaAssertions":[{"customerAsn":1,"providers":[2]}]}}',
    '{"roas":[]}',
  ];
  for (const s of samples) for (const d of loadAspaData(s).diagnostics) assert.ok(known.has(d.code), d.code);
});

test('property: the loader never throws and every span lies inside the text', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.constantFrom('{"aspas":[', 'AS1 => ', 'route aspa 1 providers', 'aspa-set { customer-as')).chain((p) => fc.string().map((s) => p + s)), (text) => {
      const r = loadAspaData(text);
      for (const d of r.diagnostics) assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end, JSON.stringify(d));
    }),
  );
});
