/**
 * End to end: real gobgpd, FRR, BIRD and OpenBGPD on loopback; every injected route must show up in
 * every captured output with the AS path (and OTC) that BGP's rules say the daemon holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labUnavailable, runLab } from './lab';
import { printedPath } from './printedPath';

/**
 * One block per route: from where its prefix is printed (after its RD, for a VPN route) to where the next
 * route's is, so a check on a block is a check on that route alone.
 */
function blocksByRoute<R extends { prefix: string; rd?: string }>(text: string, routes: readonly R[]): Map<R, string> {
  const at: { route: R; index: number }[] = [];
  for (const r of routes) {
    const re = new RegExp(`(^|[\\s":])${r.prefix.replace(/[.]/g, '\\.')}(?=[\\s",])`, 'mg');
    re.lastIndex = r.rd !== undefined ? Math.max(0, text.indexOf(r.rd)) : 0;
    const m = re.exec(text);
    if (m) at.push({ route: r, index: m.index });
  }
  at.sort((a, b) => a.index - b.index);
  const blocks = new Map<R, string>();
  at.forEach((a, i) => blocks.set(a.route, text.slice(a.index, at[i + 1]?.index ?? text.length)));
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
      for (const prefix of fx.prefixes) assert.ok(view.some((r) => r.prefix === prefix), `${prefix} not in view ${fx.view}`);
      const routes = view.filter((r) => fx.prefixes.includes(r.prefix));
      // A terminal's wrap cuts lines anywhere; the text it wrapped is the same once the cuts are joined.
      const text = fx.wrapAt !== undefined ? out.text.replace(/\n/g, '') : out.text;
      if (fx.wrapAt !== undefined) assert.ok(out.text.split('\n').every((l) => l.length <= fx.wrapAt!), `${fx.file}: a line wider than ${fx.wrapAt}`);
      const blocks = blocksByRoute(text, routes);
      for (const route of routes) {
        const name = `${route.rd !== undefined ? `${route.rd}:` : ''}${route.prefix}`;
        const block = blocks.get(route);
        assert.ok(block !== undefined, `${fx.file}: ${name} missing`);
        if (fx.fields.includes('asPath') && route.asPath.length > 0) {
          const p = printedPath(fx.daemon, route.asPath);
          assert.ok(block.includes(p), `${fx.file}: ${name} should show path ${p}:\n${block}`);
        }
        if (fx.fields.includes('otc') && route.otc !== undefined) {
          assert.match(block, new RegExp(`otc"?:? ?${route.otc}\\b`, 'i'), `${fx.file}: ${name} should show OTC ${route.otc}`);
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
