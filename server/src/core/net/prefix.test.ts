import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAddress, parseIPv6, parsePrefix, prefixCovers } from './prefix';

function ok(text: string) {
  const r = parsePrefix(text);
  assert.ok(r.ok, `${text}: ${r.ok ? '' : r.reason}`);
  return r;
}

test('IPv4 prefixes, host bits and the normalised form', () => {
  assert.equal(ok('192.0.2.0/24').hostBitsSet, false);
  const r = ok('192.0.2.1/24');
  assert.equal(r.hostBitsSet, true);
  assert.equal(r.normalized, '192.0.2.0/24');
  assert.equal(ok('0.0.0.0/0').normalized, '0.0.0.0/0');
  assert.equal(ok('200.74.226.0/24').prefix.words[0], (200 * 2 ** 24 + 74 * 2 ** 16 + 226 * 256) >>> 0);
});

test('IPv4 short forms and leading zeros are flagged, not rejected', () => {
  const s = ok('192.0.2/24');
  assert.equal(s.shortForm, true);
  assert.equal(s.normalized, '192.0.2.0/24');
  const z = ok('192.00.02.0/25');
  assert.equal(z.leadingZeros, true);
  assert.equal(z.normalized, '192.0.2.0/25');
});

test('IPv6 prefixes, RFC 5952 text form', () => {
  assert.equal(ok('2001:DB8::/32').normalized, '2001:db8::/32');
  assert.equal(ok('2001:db8:0:0:1:0:0:1/128').normalized, '2001:db8::1:0:0:1/128');
  assert.equal(ok('2001:db8::1/48').hostBitsSet, true);
  assert.equal(ok('::/0').normalized, '::/0');
  assert.equal(ok('::ffff:192.0.2.1/128').normalized, '::ffff:c000:201/128');
  assert.equal(formatAddress(6, parseIPv6('2001:0:0:1:0:0:0:1')!), '2001:0:0:1::1');
});

test('malformed prefixes are rejected with a reason', () => {
  for (const bad of ['192.0.2.0', '192.0.2.0/33', '256.0.0.0/8', '2001:db8::/129', '2001:db8:::/32', '1:2:3:4:5:6:7:8:9/64', 'a.b.c.d/8', '192.0.2.0/']) {
    const r = parsePrefix(bad);
    assert.equal(r.ok, false, bad);
  }
});

test('coverage', () => {
  assert.ok(prefixCovers(ok('200.74.224.0/20').prefix, ok('200.74.226.0/24').prefix));
  assert.ok(!prefixCovers(ok('200.74.226.0/24').prefix, ok('200.74.224.0/20').prefix));
  assert.ok(!prefixCovers(ok('2001:db8::/32').prefix, ok('200.74.226.0/24').prefix));
  assert.ok(prefixCovers(ok('2001:db8::/32').prefix, ok('2001:db8:1::/48').prefix));
});
