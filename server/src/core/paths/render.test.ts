import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePaths } from './analyze';
import { renderDot } from './dot';
import { renderMarkdown } from './markdown';
import { parseRelationships } from './relationships';
import { renderSvg } from './svg';
import { parseOf, routeOf } from '../../../../test/support/testRoutes';

const CANTV = '24482 52320 8048 8048 8048 8048 8048 8048 8048 8048 8048 6762 1299 269832 21980';
const RELS = parseRelationships('6762|8048|-1\n52320|8048|-1\n1299|6762|0\n1299|269832|-1\n269832|21980|-1\n24482|52320|0\n').relationships;
const model = analyzePaths(parseOf([routeOf('200.74.226.0/24', CANTV, 0), routeOf('200.74.228.0/23', CANTV, 1), routeOf('200.74.240.0/24', '6762 1299 269832 21980 & <x>', 2)]), {
  relationships: RELS,
  names: new Map([[8048, 'CANTV Servicios, Venezuela']]),
});

/** Well-formedness: every tag closes in order and only the five XML entities or numeric references are used. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const tags = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (const m of xml.matchAll(tags)) {
    const between = xml.slice(last, m.index);
    assert.ok(!/[<>]/.test(between), `stray angle bracket near ${JSON.stringify(between.slice(0, 40))}`);
    assert.ok(!/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(between), 'bare ampersand');
    last = m.index + m[0].length;
    if (m[4]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `</${m[2]}> closes the wrong element`);
    else stack.push(m[2]!);
  }
  assert.equal(xml.slice(last).trim(), '');
  assert.deepEqual(stack, []);
}

test('SVG: well-formed, one group per AS, ×9 badge, the leak hop drawn with its reason', () => {
  for (const theme of ['light', 'dark', 'vscode'] as const) {
    const svg = renderSvg(model, { theme, selectedRoute: 0 });
    assertWellFormed(svg);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    for (const a of [24482, 52320, 8048, 6762, 1299, 269832, 21980]) assert.equal(svg.split(`data-node="AS${a}"`).length, 2, `AS${a} once`);
    assert.match(svg, /<text [^>]*>×9<\/text>/);
    assert.match(svg, /data-edge="AS8048&#62;AS52320"[^>]*><title>AS8048 → AS52320 \(c2p\)\nNot valley-free: AS8048 passed/);
    assert.match(svg, /class="edge leak selected"/);
  }
  assert.match(renderSvg(model, { theme: 'vscode' }), /var\(--vscode-errorForeground\)/);
});

test('DOT and Markdown carry the same graph and findings', () => {
  const dot = renderDot(model);
  assert.match(dot, /^digraph as_paths \{/);
  assert.match(dot, /"AS8048" \[label="AS8048 ×9\\nCANTV Servicios, Venezuela", color=red/);
  assert.match(dot, /"AS8048" -> "AS52320" \[label="c2p leak", color=red/);
  assert.equal(dot.match(/->/g)?.length, model.graph.edges.length);
  const md = renderMarkdown(model);
  assert.match(md, /- \*\*AS8048 → AS52320\*\* \(c2p\): Not valley-free/);
  assert.match(md, /\| 200\.74\.226\.0\/24 \| `24482 52320 8048/);
  assert.match(md, /15 \(7 collapsed; AS8048 ×9\)/);
  assert.match(md, /- aspa: not loaded/);
  assert.match(md, /OTC=1299 would have been attached on AS1299→AS6762/);
});
