import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { syntheticTables } from '../../bench/panelTables';
import { analyzeLookingGlass } from '../../server/src/core/paths/analyze';
import { MAX_FOCUS_NODES } from '../../server/src/core/paths/graph';
import { groupRoutesByPath, groupsRows } from '../../server/src/core/paths/prefixGroups';
import { FakeHost, launch, missing, nodesShown, resultsDir, serve } from './harness';

declare const document: { querySelectorAll(s: string): { length: number }; querySelector(s: string): unknown };
declare function getComputedStyle(e: unknown): { display: string };
declare function requestAnimationFrame(cb: () => void): void;

/**
 * A large table in the panel (1,000 SYNTHETIC routes, bench/panelTables.ts, ≈ 1,150 ASes): grouped by its first hops by
 * default; the Group menu draws every AS or merges origins behind their upstream; focusing an AS the grouping hid
 * draws it with its neighbours, the rest merged; zooming out past reading hides the labels; wheel steps that
 * arrive within one frame are applied together.
 */
test('large table: grouping menu, focus on a hidden AS with neighbours collapsed, labels hidden when zoomed out, wheel steps summed per frame', { timeout: 300_000 }, async (t) => {
  const why = missing();
  if (why) return t.skip(why);
  const tables = syntheticTables(0x5eed);
  const paste = tables.paste(1_000);
  // A transit AS the default grouping does not draw, on many routes: the focus must bring it back.
  const model = analyzeLookingGlass(paste, tables.data);
  const drawn = new Set(model.graph.nodes.map((n) => n.asn));
  const through = new Map<number, number>();
  for (const r of model.routes) for (const a of r.hops.slice(1, -1)) if (!drawn.has(a)) through.set(a, (through.get(a) ?? 0) + 1);
  const [focus, routesThrough] = [...through].sort((a, b) => b[1] - a[1])[0]!;
  assert.ok(model.graph.aggregated?.by === 'first-hop' && routesThrough >= 5, `AS${focus} on ${routesThrough} routes`);
  // Table entries for some routes: one per route, or per path and verdicts when grouped (past 100 routes in 'auto').
  const entries = (routes: readonly number[], group: 'auto' | 'prefixes' = 'auto'): number =>
    groupsRows(group, routes.length) ? groupRoutesByPath(model.routes, routes, (i) => model.findings.filter((f) => f.route === i).map((f) => f.code)).length : routes.length;

  const served = await serve();
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const { pageErrors } = await FakeHost.attach(page, tables.data, paste);
    await page.goto(`${served.origin}/`);
    await page.waitForSelector('#graph [data-node]');
    const count = (sel: string): Promise<number> => page.locator(sel).count();
    assert.match((await page.textContent('#status')) ?? '', /large table: grouped (by first hop|behind the first \d hops)/);
    assert.equal(await count(`#graph [data-node="AS${focus}"]`), 0);

    // Focus on a hidden transit AS: it comes back, drawn with its routes' paths in full (they are few); only its routes in the table.
    await page.fill('#f-origin', `AS${focus}`);
    await page.waitForSelector(`#graph [data-node="AS${focus}"]`);
    assert.equal(await count('#table tr.rl-row'), entries(model.routes.filter((r) => r.hops.includes(focus)).map((r) => r.index)));
    const ases = new Set(model.routes.filter((r) => r.hops.includes(focus)).flatMap((r) => r.hops.map((a) => `AS${a}`)));
    assert.ok(ases.size <= MAX_FOCUS_NODES);
    assert.deepEqual((await nodesShown(page, '#graph [data-node^="AS"]')).sort(), [...ases].sort());

    // Focus on the first hop of a third of the table: its neighbours stay, what lies behind each is one box.
    const big = model.routes[0]!.hops[0]!;
    const bigRoutes = model.routes.filter((r) => r.hops.includes(big));
    await page.fill('#f-origin', String(big));
    await page.waitForSelector('#graph [data-node^="agg:far:"]');
    assert.equal(await count('#table tr.rl-row'), entries(bigRoutes.map((r) => r.index)));
    const neighbours = new Set(bigRoutes.map((r) => r.hops[r.hops.indexOf(big) + 1]).filter((a) => a !== undefined).map((a) => `AS${a}`));
    const drawnAses = await nodesShown(page, '#graph [data-node^="AS"]');
    assert.deepEqual(drawnAses.sort(), [`AS${big}`, ...neighbours].sort());
    assert.match((await page.textContent('#status')) ?? '', /only the focused AS, its neighbours/);
    await page.fill('#f-origin', '');
    await page.waitForFunction(() => document.querySelectorAll('#graph [data-node^="agg:far:"]').length === 0);

    // Grouping menu: origins merged behind their upstream, then every AS.
    await page.selectOption('#f-group', 'origin');
    await page.waitForSelector('#graph [data-node^="agg:up:"]');
    assert.match((await page.textContent('#status')) ?? '', /origins grouped behind their upstream/);
    // Prefixes by path: one row per path and verdicts, a shared path's prefixes counted in one cell.
    const all = model.routes.map((r) => r.index);
    const paths = entries(all, 'prefixes');
    assert.ok(paths < all.length, `${paths} entries for ${all.length} routes`);
    await page.selectOption('#f-group', 'prefixes');
    await page.waitForFunction((n) => document.querySelectorAll('#table tr.rl-row').length === n, paths);
    assert.match((await page.locator('#table tr.rl-row td:first-child', { hasText: /^\d+ prefixes/ }).first().textContent()) ?? '', /^\d+ prefixes( in \S+\/\d+)?$/);
    await page.selectOption('#f-group', 'none');
    await page.waitForFunction(() => document.querySelectorAll('#graph [data-node]').length > 1_000, undefined, { timeout: 60_000 });
    assert.doesNotMatch((await page.textContent('#status')) ?? '', /grouped/);

    // Zoomed out past reading, the labels go; back in, they return.
    const graph = page.locator('#graph');
    await graph.focus();
    const labelShown = (): Promise<string> => page.evaluate(() => getComputedStyle(document.querySelector('#graph svg [data-node] text')).display);
    await page.keyboard.press('1');
    assert.notEqual(await labelShown(), 'none');
    for (let i = 0; i < 4; i++) await page.keyboard.press('-');
    assert.ok(Number(await graph.getAttribute('data-scale')) < 0.45);
    assert.equal(await labelShown(), 'none');
    await page.screenshot({ path: path.join(resultsDir, 'panel-1000-routes-every-as-zoomed-out.png') });
    await page.keyboard.press('1');
    assert.notEqual(await labelShown(), 'none');

    // Five ctrl+wheel steps in one task move the view once, by their product, at the next frame.
    const scale = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const g = document.querySelector('#graph') as { getBoundingClientRect(): { left: number; top: number }; dispatchEvent(e: unknown): void; dataset: { scale: string } };
          const b = g.getBoundingClientRect();
          const W = (globalThis as unknown as { WheelEvent: new (t: string, o: object) => unknown }).WheelEvent;
          for (let i = 0; i < 5; i++) g.dispatchEvent(new W('wheel', { clientX: b.left + 50, clientY: b.top + 50, ctrlKey: true, deltaY: 100, bubbles: true, cancelable: true }));
          const before = Number(g.dataset.scale);
          requestAnimationFrame(() => resolve(before === 1 ? Number(g.dataset.scale) : Number.NaN));
        }),
    );
    assert.ok(Math.abs(scale - Math.exp(-5 * 100 * 0.0015)) < 0.002, `scale ${scale}`);
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser?.close().catch(() => undefined);
    await served.close();
  }
});
