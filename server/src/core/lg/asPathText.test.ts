import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asnValue, parseAsPathText } from './asPathText';

const segs = (text: string, opts = {}) => parseAsPathText(text, opts).segments.map((s) => [s.type, [...s.asns]]);

test('AS_SET with commas and with spaces (RFC 4271 AS_SET)', () => {
  assert.deepEqual(segs('1 {2,3}'), [['sequence', [1]], ['set', [2, 3]]]);
  assert.deepEqual(segs('1 {2 3} 4'), [['sequence', [1]], ['set', [2, 3]], ['sequence', [4]]]);
});

test('confederation sequence (1 2) and confederation set [1,2] (RFC 5065)', () => {
  assert.deepEqual(segs('(65001 65002) [65003,65004] 3'), [
    ['confed-sequence', [65001, 65002]],
    ['confed-set', [65003, 65004]],
    ['sequence', [3]],
  ]);
});

test('asdot 1.10 is 65546 (RFC 5396)', () => {
  assert.equal(asnValue('1.10'), 65546);
  assert.deepEqual(segs('1.10 65535.65535'), [['sequence', [65546, 4294967295]]]);
});

test('Junos local AS in brackets and upper-case origin', () => {
  const p = parseAsPathText('[65161] 3356 174 I', { originCode: true, junos: true });
  assert.equal(p.localAs, 65161);
  assert.equal(p.origin, 'igp');
  assert.deepEqual(p.segments.map((s) => [...s.asns]), [[3356, 174]]);
  const only = parseAsPathText('[65161] I', { originCode: true, junos: true });
  assert.deepEqual(only.segments, []);
  assert.equal(only.origin, 'igp');
  assert.equal(parseAsPathText('65001 E', { originCode: true }).origin, 'egp');
});

test('origin letter glued to the last ASN', () => {
  const p = parseAsPathText('3222 65401i', { originCode: true });
  assert.equal(p.origin, 'igp');
  assert.deepEqual(p.segments.map((s) => [...s.asns]), [[3222, 65401]]);
  assert.equal(parseAsPathText('3222?', { originCode: true }).origin, 'incomplete');
  assert.equal(parseAsPathText('1 {2,3}e', { originCode: true }).origin, 'egp');
});

test('"no path" words give an empty path', () => {
  for (const w of ['Local', 'NONE', 'Nil', '', 'No As-Path', 'local']) assert.deepEqual(parseAsPathText(w).segments, [], w);
  assert.deepEqual(parseAsPathText('Local, (Received from a RR-client)').segments, []);
});

test('notes after the path split on the comma outside brackets only', () => {
  const p = parseAsPathText('65030 {1,2}, (Received from a RR-client)');
  assert.deepEqual(segs('65030 {1,2}, (Received from a RR-client)'), [['sequence', [65030]], ['set', [1, 2]]]);
  assert.equal(p.note, '(Received from a RR-client)');
  assert.equal(p.text, '65030 {1,2}');
  assert.deepEqual(segs('65111.1233 12345 , path sourced external to AS'), [['sequence', [65111 * 65536 + 1233, 12345]]]);
});

test('BIRD truncated path is flagged, not parsed as an ASN', () => {
  const p = parseAsPathText('174 3356 ...');
  assert.equal(p.truncated, true);
  assert.deepEqual(p.segments.map((s) => [...s.asns]), [[174, 3356]]);
  assert.deepEqual(p.invalid, []);
});

test('invalid ASNs are reported with their offset and left out', () => {
  const text = '6333 42669611124 65536.1 4266644366';
  const p = parseAsPathText(text);
  assert.deepEqual(p.segments.map((s) => [...s.asns]), [[6333, 4266644366]]);
  assert.deepEqual(p.invalid.map((x) => [x.text, x.offset]), [
    ['42669611124', 5],
    ['65536.1', 17],
  ]);
});

test('AS prefix on ASNs and offsets into a larger line', () => {
  const line = 'AS path: AS3356 AS174 I';
  const p = parseAsPathText(line, { originCode: true }, 9);
  assert.equal(p.textStart, 9);
  assert.equal(p.text, 'AS3356 AS174');
  assert.deepEqual(p.segments.map((s) => [...s.asns]), [[3356, 174]]);
});
