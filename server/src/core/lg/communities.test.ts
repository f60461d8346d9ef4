import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommunity, parseCommunityList } from './communities';

test('standard, large, BIRD tuples and well-known names (RFC 1997, RFC 8092, RFC 7999)', () => {
  assert.deepEqual(parseCommunity('65000:1'), { kind: 'standard', asn: 65000, value: 1 });
  assert.deepEqual(parseCommunity('(65000,1)'), { kind: 'standard', asn: 65000, value: 1 });
  assert.deepEqual(parseCommunity('4200000001:4294967295:0'), { kind: 'large', global: 4200000001, local1: 4294967295, local2: 0 });
  assert.deepEqual(parseCommunity('(9033, 65666, 12)'), { kind: 'large', global: 9033, local1: 65666, local2: 12 });
  assert.deepEqual(parseCommunity('no-export'), { kind: 'well-known', name: 'no-export', asn: 65535, value: 65281 });
  assert.deepEqual(parseCommunity('65535:666'), { kind: 'well-known', name: 'blackhole', asn: 65535, value: 666 });
  assert.deepEqual(parseCommunity('(rt, 42, 1234)'), { kind: 'extended', text: '(rt, 42, 1234)' });
  assert.equal(parseCommunity('65536:1'), undefined);
  assert.deepEqual(parseCommunity('large:6762:0:1'), { kind: 'large', global: 6762, local1: 0, local2: 1 });
  assert.deepEqual(parseCommunity('target:65000:1'), { kind: 'extended', text: 'target:65000:1' });
});

test('a list keeps BIRD tuples whole and reports unknown tokens', () => {
  const r = parseCommunityList('(0,5464) (9033, 65666, 12) 65001:12 community-1');
  assert.equal(r.communities.length, 3);
  assert.deepEqual(r.unknown, ['community-1']);
});
