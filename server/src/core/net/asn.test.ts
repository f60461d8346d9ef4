import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyAsn, parseAsn } from './asn';

test('asplain with and without the AS prefix, case-insensitive', () => {
  assert.deepEqual(parseAsn('AS8048'), { ok: true, asn: 8048, notation: 'asplain', hadPrefix: true, leadingZeros: false });
  assert.deepEqual(parseAsn('as065537'), { ok: true, asn: 65537, notation: 'asplain', hadPrefix: true, leadingZeros: true });
  assert.deepEqual(parseAsn('4294967295'), { ok: true, asn: 4294967295, notation: 'asplain', hadPrefix: false, leadingZeros: false });
});

test('asdot per RFC 5396: 1.10 is 65546', () => {
  const r = parseAsn('AS1.10');
  assert.ok(r.ok);
  assert.equal(r.asn, 65546);
  assert.equal(r.notation, 'asdot');
  assert.deepEqual(parseAsn('65536.0'), { ok: false, reason: 'range' });
});

test('out of range and malformed numbers are told apart', () => {
  assert.deepEqual(parseAsn('AS4294967296'), { ok: false, reason: 'range' });
  assert.deepEqual(parseAsn('AS12345678901'), { ok: false, reason: 'range' });
  assert.deepEqual(parseAsn('AS-FOO'), { ok: false, reason: 'syntax' });
  assert.deepEqual(parseAsn(''), { ok: false, reason: 'syntax' });
  assert.deepEqual(parseAsn('AS'), { ok: false, reason: 'syntax' });
});

test('special-purpose ASNs by their RFCs', () => {
  assert.equal(classifyAsn(0)?.kind, 'as0');
  assert.equal(classifyAsn(23456)?.kind, 'as-trans');
  assert.equal(classifyAsn(64496)?.kind, 'documentation');
  assert.equal(classifyAsn(64511)?.kind, 'documentation');
  assert.equal(classifyAsn(64512)?.kind, 'private');
  assert.equal(classifyAsn(65535)?.kind, 'reserved');
  assert.equal(classifyAsn(65551)?.kind, 'documentation');
  assert.equal(classifyAsn(4200000000)?.kind, 'private');
  assert.equal(classifyAsn(4294967295)?.kind, 'reserved');
  for (const ordinary of [1, 8048, 6762, 1299, 269832, 21980, 64495, 131072, 4199999999]) assert.equal(classifyAsn(ordinary), undefined, `AS${ordinary}`);
});
