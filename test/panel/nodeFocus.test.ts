import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadPathData } from '../../server/src/core/paths/loadData';
import { repoRoot } from '../support/lspClient';
import { CANTV_ASPAS } from './cantvAspa';
import { FakeHost, launch, missing, nodesShown, serve } from './harness';

declare const document: { activeElement: { getAttribute(name: string): string | null } | null; querySelectorAll(s: string): { length: number } };

/**
 * A click on an AS box focuses that AS (issue 17: "focus on an AS … its paths only"), the keyboard does the same
 * (Tab to the graph's box, arrows, Enter), and Back / Backspace / Esc walk back out. The CANTV paste (examples/cantv):
 * eight leaked routes through AS8048, one clean route through Hurricane Electric's AS6939.
 */
test('clicking an AS box focuses it, keyboard too; Back, Backspace and Esc return; the prefix filter focuses on a block', { timeout: 120_000 }, async (t) => {
  const why = missing();
  if (why) return t.skip(why);
  const ex = path.join(repoRoot, 'examples', 'cantv');
  const text = await fs.readFile(path.join(ex, 'cantv.lg'), 'utf8');
  const data = await loadPathData({ relationshipFiles: [path.join(ex, 'cantv.as-rel2.txt')], aspaDocuments: [{ source: 'cantv.aspa', text: CANTV_ASPAS }] }, (p) => fs.readFile(p, 'utf8'));
  const served = await serve();
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const { pageErrors } = await FakeHost.attach(page, data, text);
    await page.goto(`${served.origin}/`);
    await page.waitForSelector('#graph [data-node="AS6939"]');
    const back = page.locator('#graph .rl-back');
    const rows = (): Promise<number> => page.locator('#table tr.rl-row').count();
    const active = (): Promise<string | null> => page.evaluate(() => document.activeElement?.getAttribute('data-node') ?? null);
    const drawn = (): Promise<string[]> => nodesShown(page).then((ids) => ids.sort());
    assert.equal(await back.isHidden(), true);
    assert.equal(await rows(), 9);

    // Click CANTV's box: its eight routes only (HE's AS6939 goes), the AS filter names it, Back leads to all routes.
    await page.click('#graph [data-node="AS8048"]');
    await page.waitForSelector('#graph [data-node="AS6939"]', { state: 'detached' });
    assert.equal(await page.inputValue('#f-origin'), 'AS8048');
    assert.equal(await rows(), 8);
    assert.deepEqual(await drawn(), ['AS1299', 'AS21980', 'AS24482', 'AS269832', 'AS52320', 'AS6762', 'AS8048', 'vantage']);
    assert.equal(await back.textContent(), '◀ Back to all routes');
    // The clicked box keeps the keyboard through the redraw (the server's model replaces the SVG).
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-node') === 'AS8048');

    // Keyboard: the arrow towards the origin (right, or down when this one path is laid out top-down) reaches Sparkle's AS6762; Enter focuses it.
    // Both boxes read in one go in the page (the server's model may replace the SVG between two reads from here).
    const sideways = await page.evaluate(() => {
      const box = (id: string): { x: number; y: number } => (globalThis as unknown as { document: { querySelector(s: string): { getBoundingClientRect(): { x: number; y: number } } } }).document.querySelector(`#graph [data-node="${id}"] rect.box`).getBoundingClientRect();
      const [from, to] = [box('AS8048'), box('AS6762')];
      return Math.abs(to.x - from.x) > Math.abs(to.y - from.y);
    });
    await page.keyboard.press(sideways ? 'ArrowRight' : 'ArrowDown');
    // (the server's model may redraw the graph meanwhile: the keyboard stays on the box it reached)
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-node') === 'AS6762');
    assert.equal(await active(), 'AS6762');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { value: string } } }).document.querySelector('#f-origin').value === 'AS6762');
    assert.equal(await back.textContent(), '◀ Back to AS8048');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-node') === 'AS6762');

    // Backspace steps back to AS8048; a selected route is cleared by the first Esc, the second leaves the focus.
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { value: string } } }).document.querySelector('#f-origin').value === 'AS8048');
    assert.equal(await back.textContent(), '◀ Back to all routes');
    await page.click('#table tr.rl-row');
    assert.equal(await page.locator('#table tr[aria-selected="true"]').count(), 1);
    await page.focus('#graph');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#table tr[aria-selected="true"]').count(), 0);
    assert.equal(await page.inputValue('#f-origin'), 'AS8048');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#graph [data-node="AS6939"]');
    assert.equal(await page.inputValue('#f-origin'), '');
    assert.equal(await back.isHidden(), true);
    assert.equal(await rows(), 9);

    // Tab from the graph pane lands on one box (the vantage point without a focus), and the Back button works by mouse.
    await page.focus('#graph');
    await page.keyboard.press('Tab');
    assert.equal(await active(), 'vantage');
    await page.click('#graph [data-node="AS52320"]');
    await page.waitForSelector('#graph [data-node="AS6939"]', { state: 'detached' });
    await back.click();
    await page.waitForSelector('#graph [data-node="AS6939"]');
    assert.equal(await page.inputValue('#f-origin'), '');
    assert.equal(await page.evaluate(() => document.querySelectorAll('#table tr.rl-row').length), 9);

    // The prefix filter is a prefix focus: the /20 keeps its more-specifics (all nine routes), a /23 its own path only.
    await page.fill('#f-prefix', '200.74.224.0/20');
    await page.waitForFunction(() => document.querySelectorAll('#table tr.rl-row').length === 9);
    await page.fill('#f-prefix', '200.74.228.0/23');
    await page.waitForSelector('#graph [data-node="AS6939"]', { state: 'detached' });
    assert.equal(await rows(), 1);
    await page.fill('#f-prefix', '');
    await page.waitForSelector('#graph [data-node="AS6939"]');
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser?.close().catch(() => undefined);
    await served.close();
  }
});
