import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairJson } from './jsonRepair';
import { decoratedNextHop } from './address';

test('jsonRepair: a line break a terminal put inside a string is taken out', () => {
  const r = repairJson('{"origin":"incomple\nte","path":"65002"}');
  assert.deepEqual(JSON.parse(r?.text ?? ''), { origin: 'incomplete', path: '65002' });
  assert.equal(r?.cutAt, undefined);
});

test('jsonRepair: a document cut short is read up to its last closed value, never a half string', () => {
  const text = '{"routes":{"a":[{"path":"1 2"}],"b":[{"path":"3 4';
  const r = repairJson(text);
  assert.deepEqual(JSON.parse(r?.text ?? ''), { routes: { a: [{ path: '1 2' }] } });
  assert.equal(r?.cutAt, text.indexOf(']') + 1);
});

test('jsonRepair: valid JSON and text that is no JSON are left alone', () => {
  assert.equal(repairJson('{"a":1}'), undefined);
  assert.equal(repairJson('{"a":[1}'), undefined);
  assert.equal(repairJson('not json'), undefined);
});

test('decoratedNextHop: FRR hostname, VRF id and announce-nh-self marks, link-local zones', () => {
  assert.equal(decoratedNextHop('10.0.0.2(pe1)'), '10.0.0.2');
  assert.equal(decoratedNextHop('10.0.0.7@0<'), '10.0.0.7');
  assert.equal(decoratedNextHop('0.0.0.0@9<'), '0.0.0.0');
  assert.equal(decoratedNextHop('fe80::1%Et1'), 'fe80::1');
  assert.equal(decoratedNextHop('10.0.0.2'), undefined);
  assert.equal(decoratedNextHop('65001(x)'), undefined);
  assert.equal(decoratedNextHop('swp51'), undefined);
});

test('jsonRepair: an elision line between two values is taken out', () => {
  const r = repairJson('[\n  {"a": 1},\n...\n  {"a": 2}\n]');
  assert.deepEqual(JSON.parse(r?.text ?? ''), [{ a: 1 }, { a: 2 }]);
});
