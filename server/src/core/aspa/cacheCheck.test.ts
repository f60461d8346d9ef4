import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceDocument } from '../document';
import { defaultSettings } from '../settings';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { aspaDbFrom } from './verify';
import { aspaService } from '../languages/aspa';

const ctx = (db?: Map<number, number[]>) => ({
  settings: { ...defaultSettings, crossChecks: false },
  workspace: new WorkspaceIndex(),
  ...(db ? { cachedAspas: { label: 'RTR cache 127.0.0.1:3323', db: aspaDbFrom(db) } } : {}),
});

const doc = (text: string) => new SourceDocument('file:///t.aspa', 'aspa', 1, text);

test('a declaration that differs from the cache is reported on its customer, naming both sides', () => {
  const d = aspaService.validate(doc('AS8048 => AS6762\nAS21980 => AS269832\n'), ctx(new Map([[8048, [6762, 52320]], [21980, [269832]]])));
  const diff = d.filter((x) => x.code === 'aspa/differs-from-cache');
  assert.equal(diff.length, 1);
  assert.deepEqual(diff[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
  assert.match(diff[0]!.message, /the cache also has AS52320/);
  assert.match(diff[0]!.message, /RTR cache 127\.0\.0\.1:3323/);
});

test('declarations of one customer are united before comparing; AS0 means none', () => {
  const same = aspaService.validate(doc('AS8048 => AS6762\nAS8048 => AS52320\nAS1299 => AS0\n'), ctx(new Map([[8048, [6762, 52320]], [1299, []]])));
  assert.deepEqual(same.filter((x) => x.code === 'aspa/differs-from-cache'), []);
  const added = aspaService.validate(doc('AS1299 => AS174\n'), ctx(new Map([[1299, []]])));
  assert.match(added.find((x) => x.code === 'aspa/differs-from-cache')!.message, /this file adds AS174.*Cached providers: none \(AS0\)/);
});

test('without cache data, or for customers the cache does not know, nothing is said', () => {
  assert.deepEqual(aspaService.validate(doc('AS8048 => AS6762\n'), ctx()).filter((x) => x.code === 'aspa/differs-from-cache'), []);
  assert.deepEqual(aspaService.validate(doc('AS8048 => AS6762\n'), ctx(new Map([[1299, []]]))).filter((x) => x.code === 'aspa/differs-from-cache'), []);
});
