import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHostToWebview, isHostToWebview } from '../../server/src/protocol/webview';
import { analyzeLookingGlass, analyzePaths } from '../../server/src/core/paths/analyze';
import { parseOf, routeOf } from '../support/testRoutes';

test('the webview accepts only messages of the protocol’s shape', () => {
  const model = analyzePaths(parseOf([routeOf('200.74.226.0/24', '24482 52320 8048 6762 1299 269832 21980')]));
  // A real model, as it crosses the JSON boundary.
  assert.ok(isHostToWebview(JSON.parse(JSON.stringify({ type: 'model', model, seq: 3 }))));
  assert.ok(isHostToWebview({ type: 'init', text: '' }));
  assert.ok(isHostToWebview({ type: 'error', message: 'x' }));
  for (const bad of [
    null,
    'model',
    { type: 'model' },
    { type: 'model', model: { ...model, version: 2 } },
    { type: 'model', model: { ...model, graph: { nodes: [] } } },
    { type: 'model', model, seq: '3' },
    { type: 'init', text: 42 },
    { type: 'unknown' },
  ])
    assert.equal(isHostToWebview(bad), false, JSON.stringify(bad)?.slice(0, 60));
});

test('the model of an empty or unreadable paste crosses JSON and is accepted (its graph had width -Infinity → null)', () => {
  for (const text of ['', 'hello\nworld\n']) {
    const model = JSON.parse(JSON.stringify(analyzeLookingGlass(text))) as unknown;
    assert.deepEqual(checkHostToWebview({ type: 'model', model, seq: 1 }).ok, true, JSON.stringify(text));
  }
  const broken = checkHostToWebview({ type: 'model', model: { ...analyzePaths(parseOf([])), graph: { nodes: [], edges: [], width: null, height: 0 } } });
  assert.deepEqual(broken, { ok: false, type: 'model', reason: 'model.graph.width is null, not a size' });
});
