/**
 * End to end: real gobgpd, FRR, BIRD and OpenBGPD on loopback; every injected route must show up in
 * every captured output with the AS path (and OTC) that BGP's rules say the daemon holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labUnavailable, runLab } from './lab';
import { printedPath } from './printedPath';

/**
 * One block per listed prefix: from where the prefix is printed to where the next listed prefix is,
 * so a check on a block is a check on that route alone.
 */
function blocksByPrefix(text: string, prefixes: readonly string[]): Map<string, string> {
  const at: { prefix: string; index: number }[] = [];
  for (const p of prefixes) {
    const m = new RegExp(`(^|[\\s"])${p.replace(/[.]/g, '\\.')}(?=[\\s",])`, 'm').exec(text);
    if (m) at.push({ prefix: p, index: m.index });
  }
  at.sort((a, b) => a.index - b.index);
  const blocks = new Map<string, string>();
  at.forEach((a, i) => blocks.set(a.prefix, text.slice(a.index, at[i + 1]?.index ?? text.length)));
  return blocks;
}

test('BGP daemon lab: each daemon prints every injected route as BGP says it must', { timeout: 150_000 }, async (t) => {
  const why = await labUnavailable();
  if (why) {
    t.skip(`lab skipped: ${why}`);
    return;
  }
  const { outputs, groundTruth } = await runLab({ timeoutMs: 90_000 });
  assert.equal(outputs.length, groundTruth.fixtures.length);
  for (const fx of groundTruth.fixtures) {
    await t.test(fx.file, () => {
      const out = outputs.find((o) => o.file === fx.file);
      assert.ok(out, `no output captured for ${fx.file}`);
      const view = groundTruth.views[fx.view] ?? [];
      const blocks = blocksByPrefix(out.text, fx.prefixes);
      for (const prefix of fx.prefixes) {
        const block = blocks.get(prefix);
        assert.ok(block !== undefined, `${fx.file}: ${prefix} missing`);
        const route = view.find((r) => r.prefix === prefix);
        assert.ok(route, `${prefix} not in view ${fx.view}`);
        if (fx.fields.includes('asPath') && route.asPath.length > 0) {
          const p = printedPath(fx.daemon, route.asPath);
          assert.ok(block.includes(p), `${fx.file}: ${prefix} should show path ${p}:\n${block}`);
        }
        if (fx.fields.includes('otc') && route.otc !== undefined) {
          assert.match(block, new RegExp(`otc"?:? ?${route.otc}\\b`, 'i'), `${fx.file}: ${prefix} should show OTC ${route.otc}`);
        }
      }
    });
  }
  // The motivating case, verbatim as published.
  const cantv = '24482 52320 8048 8048 8048 8048 8048 8048 8048 8048 8048 6762 1299 269832 21980';
  for (const d of ['frr', 'bird', 'openbgpd'] as const) {
    assert.ok(groundTruth.views[d]?.some((r) => r.prefix === '200.74.226.0/24' && printedPath(d, r.asPath) === cantv), d);
  }
});
