import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPrefix } from '../net/prefix';
import { toAspaDb } from './aspaDb';
import { loadVrpFile } from './vrpFile';
import type { Vrp } from './types';

const show = (vs: readonly Vrp[]): string[] => vs.map((v) => `${formatPrefix(v.prefix)}-${v.maxLength} AS${v.asn}${v.ta ? ` ${v.ta}` : ''}`);

test('rpki-client JSON: roas with numeric ASNs and aspas with customer_asid/providers', () => {
  const text = JSON.stringify({
    metadata: { buildmachine: 'rpki', buildtime: '2026-01-02T00:00:00Z', vrps: 2, aspas: 1 },
    roas: [
      { asn: 13335, prefix: '1.0.0.0/24', maxLength: 24, ta: 'apnic', expires: 1767225600 },
      { asn: 21980, prefix: '2803:f800::/32', maxLength: 48, ta: 'lacnic', expires: 1767225600 },
    ],
    aspas: [{ customer_asid: 15562, expires: 1767225600, providers: [2914, 8283, 51088, 206238] }],
  });
  const got = loadVrpFile(text, 'vrps.json');
  assert.equal(got.format, 'rpki-client-json');
  assert.deepEqual(show(got.vrps), ['1.0.0.0/24-24 AS13335 apnic', '2803:f800::/32-48 AS21980 lacnic']);
  assert.deepEqual(got.aspas, [{ customer: 15562, providers: [2914, 8283, 51088, 206238] }]);
  assert.deepEqual(got.issues, []);
});

test('Routinator jsonext: "AS…" strings, source arrays, aspas with customer/providers', () => {
  const text = JSON.stringify({
    metadata: { generated: 1767225600, generatedTime: '2026-01-01T00:00:00Z' },
    roas: [{ asn: 'AS13335', prefix: '1.1.1.0/24', maxLength: 24, source: [{ type: 'roa', uri: 'rsync://x/y.roa', tal: 'apnic' }] }],
    routerKeys: [],
    aspas: [{ customer: 'AS64500', providers: ['AS64501', 'AS0'], source: [] }],
  });
  const got = loadVrpFile(text, 'routinator.json');
  assert.equal(got.format, 'routinator-jsonext');
  assert.deepEqual(show(got.vrps), ['1.1.1.0/24-24 AS13335']);
  assert.deepEqual(got.aspas, [{ customer: 64500, providers: [64501, 0] }]);
  // AS0 beside a real provider is dropped when folded into the AspaDb; AS0 alone is the empty set.
  const db = toAspaDb([...got.aspas, { customer: 64510 as never, providers: [0 as never] }]);
  assert.deepEqual([...(db.get(64500 as never) ?? [])], [64501]);
  assert.equal(db.get(64510 as never)?.size, 0);
});

test('stayrtr provider_authorizations: per-family ASPA lists', () => {
  const text = JSON.stringify({
    roas: [],
    provider_authorizations: { ipv4: [{ customer_asid: 64500, providers: [64501] }], ipv6: [{ customer_asid: 64500, providers: [64502] }] },
  });
  const got = loadVrpFile(text, 'cache.json');
  assert.equal(got.format, 'stayrtr-json');
  assert.deepEqual(got.aspas, [
    { customer: 64500, providers: [64501], afi: 4 },
    { customer: 64500, providers: [64502], afi: 6 },
  ]);
  assert.deepEqual([...(toAspaDb(got.aspas).get(64500 as never) ?? [])], [64501, 64502]);
});

test('VRP CSV as rpki-client and Routinator write it, header-driven', () => {
  const csv = 'ASN,IP Prefix,Max Length,Trust Anchor\nAS13335,1.0.0.0/24,24,apnic\nAS64496,2001:db8::/32,48,ripe\n\n';
  const got = loadVrpFile(csv, 'vrps.csv');
  assert.equal(got.format, 'csv');
  assert.deepEqual(show(got.vrps), ['1.0.0.0/24-24 AS13335 apnic', '2001:db8::/32-48 AS64496 ripe']);
  // Routinator csvext puts the URI first.
  const ext = 'URI,ASN,IP Prefix,Max Length,Not Before,Not After\nrsync://a/b.roa,AS64496,192.0.2.0/24,24,2026-01-01 00:00:00,2026-02-01 00:00:00\n';
  assert.deepEqual(show(loadVrpFile(ext, 'x.csv').vrps), ['192.0.2.0/24-24 AS64496']);
});

test('bad entries are skipped with a line and a reason; broken JSON is one error, never a throw', () => {
  const csv = 'ASN,IP Prefix,Max Length,Trust Anchor\nAS1,192.0.2.0/24,16,x\nASx,192.0.2.0/24,24,x\nAS2,198.51.100.0/24,24,x\n';
  const got = loadVrpFile(csv, 'v.csv');
  assert.deepEqual(show(got.vrps), ['198.51.100.0/24-24 AS2 x']);
  assert.deepEqual(got.issues.map((i) => [i.code, i.line]), [
    ['rpki/file-entry-skipped', 1],
    ['rpki/file-entry-skipped', 2],
  ]);
  assert.match(got.issues[0]!.message, /maxLength/);
  const broken = loadVrpFile('{"roas": [', 'v.json');
  assert.deepEqual(broken.vrps, []);
  assert.equal(broken.issues[0]?.code, 'rpki/file-load-failed');
  const empty = loadVrpFile('{"metadata": {}}', 'v.json');
  assert.equal(empty.issues[0]?.code, 'rpki/file-load-failed');
});
