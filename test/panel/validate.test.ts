import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHostToWebview } from '../../media/src/validate';
import { analyzePaths } from '../../server/src/core/paths/analyze';
import { parseOf, routeOf } from '../../server/src/core/paths/testRoutes';

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
