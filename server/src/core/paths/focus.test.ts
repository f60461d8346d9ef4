import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePaths } from './analyze';
import { focusGraph } from './focus';
import { parseOf, routeOf } from '../../../../test/support/testRoutes';

test('focus: only the nodes and edges of the kept routes, laid out again, the full graph untouched', () => {
  const m = analyzePaths(
    parseOf([routeOf('200.74.226.0/24', '24482 52320 8048 8048 6762 1299 269832 21980', 0), routeOf('200.74.226.0/24', '6939 1299 269832 21980', 1), routeOf('192.0.2.0/24', '3356 174 64500', 2)]),
  );
  const before = JSON.stringify(m.graph);
  const f = focusGraph(m.graph, new Set([1]));
  assert.deepEqual(f.nodes.map((n) => n.id).sort(), ['AS1299', 'AS21980', 'AS269832', 'AS6939', 'vantage']);
  assert.deepEqual(f.edges.map((e) => e.id).sort(), ['AS1299>AS6939', 'AS21980>AS269832', 'AS269832>AS1299', 'AS6939>vantage']);
  for (const n of f.nodes) assert.deepEqual(n.routes, [1]);
  assert.ok(f.width > 0 && f.width < m.graph.width, `${f.width} < ${m.graph.width}`);
  assert.ok(f.edges.every((e) => e.points.length >= 2));
  assert.equal(JSON.stringify(m.graph), before);
  assert.deepEqual(focusGraph(m.graph, new Set()).nodes, []);
});
