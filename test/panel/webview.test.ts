import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadPathData } from '../../server/src/core/paths/loadData';
import { repoRoot } from '../support/lspClient';
import { CANTV_ASPAS } from './cantvAspa';
import { FakeHost, launch, missing, nodesShown, resultsDir, serve } from './harness';

// The few browser globals the page callbacks below use (this program has no DOM lib); module-scoped.
declare const document: {
  body: { classList: { replace(from: string, to: string): boolean } };
  querySelector(selector: string): unknown;
};
declare const DOMParser: new () => {
  parseFromString(text: string, type: string): {
    querySelector(selector: string): { textContent: string | null } | null;
    querySelectorAll(selector: string): { length: number };
    documentElement: { nodeName: string };
  };
};
declare function getComputedStyle(element: unknown): { backgroundColor: string };

test('AS-path webview in Chromium: CANTV paste → one node per AS, ×9, leak hop with ASPA evidence, exports, no CSP violation', { timeout: 120_000 }, async (t) => {
  const why = missing();
  if (why) return t.skip(why);
  const text = await fs.readFile(path.join(repoRoot, 'examples', 'cantv', 'cantv.lg'), 'utf8');
  const data = await loadPathData(
    { relationshipFiles: [path.join(repoRoot, 'examples', 'cantv', 'cantv.as-rel2.txt')], aspaDocuments: [{ source: 'cantv.aspa', text: CANTV_ASPAS }] },
    (p) => fs.readFile(p, 'utf8'),
  );
  const served = await serve();
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const { host, violations, pageErrors } = await FakeHost.attach(page, data, text);

    await page.goto(`${served.origin}/`);
    await page.waitForSelector('#graph [data-node="AS8048"]');
    await page.waitForSelector('.monaco-editor .view-lines');

    // One node per AS, whatever the number of routes through it.
    const nodeIds = await nodesShown(page, '#graph [data-node^="AS"]');
    assert.deepEqual([...nodeIds].sort(), ['AS1299', 'AS21980', 'AS24482', 'AS269832', 'AS52320', 'AS6762', 'AS6939', 'AS8048']);
    assert.equal(await page.textContent('#graph [data-node="AS8048"] .badge text'), '×9');

    // The leak hop is drawn as such and its hover names the ASPA evidence.
    const leak = page.locator('#graph [data-edge="AS8048>AS52320"]');
    assert.match((await leak.locator('path').getAttribute('class')) ?? '', /\bleak\b/);
    assert.match((await leak.locator('title').textContent()) ?? '', /ASPA Invalid: .*AS8048 leaked it/);
    await leak.dispatchEvent('mouseover', { bubbles: true, clientX: 400, clientY: 300 });
    const tip = page.locator('.rl-tip');
    await tip.waitFor({ state: 'visible' });
    assert.match((await tip.textContent()) ?? '', /ASPA down ramp: AS52320's ASPA does not list AS8048 \(Not Provider\+\)/);
    // Words first, the draft's formula after (it used to lead: "ASPA Invalid: max_up_ramp 3 + max_down_ramp 2 < N 7: …").
    const tipLines = await tip.locator(':scope > *').allTextContents();
    assert.match(tipLines[1] ?? '', /^ASPA Invalid: AS8048 got the route from a non-customer/);
    assert.match(tipLines[2] ?? '', /^\(max_up_ramp \d+ \+ max_down_ramp \d+ < N \d+\)$/);

    // Monaco shows the findings: error squiggles on the path lines, a verdict bar per route.
    await page.waitForSelector('.monaco-editor .squiggly-error');
    assert.ok((await page.locator('.monaco-editor .rl-verdict-leak').count()) > 0);

    // Click the leak hop: a leaking route is selected in the table; arrow keys move through the table. (A click on an AS box focuses it: nodeFocus.test.ts.)
    await leak.locator('path').dispatchEvent('click');
    const selectedRow = page.locator('#table tr[aria-selected="true"]');
    assert.match((await selectedRow.getAttribute('aria-label')) ?? '', /^200\.74\.226\.0\/24, path 24482 52320 8048/);
    await selectedRow.focus();
    await page.keyboard.press('ArrowDown');
    assert.match((await page.locator('#table tr[aria-selected="true"]').getAttribute('aria-label')) ?? '', /^200\.74\.226\.0\/24, path 6939 1299/);

    // Filter by verdict: only the eight leaked routes remain.
    await page.selectOption('#f-verdict', 'leak');
    assert.equal(await page.locator('#table tbody tr').count(), 8);
    // The graph focuses on them: laid out again without the clean HE path's AS6939.
    assert.equal(await page.locator('#graph [data-node="AS6939"]').count(), 0);
    await page.selectOption('#f-verdict', 'all');
    assert.equal(await page.locator('#graph [data-node="AS6939"]').count(), 1);

    // Focus on an AS: its paths only.
    await page.fill('#f-origin', 'AS6939');
    await page.waitForFunction(() => (document as unknown as { querySelectorAll(s: string): { length: number } }).querySelectorAll('#graph [data-node]').length === 5);
    const focused = await nodesShown(page);
    assert.deepEqual([...focused].sort(), ['AS1299', 'AS21980', 'AS269832', 'AS6939', 'vantage']);
    await page.fill('#f-origin', '');

    // Exports: a parseable SVG, a PNG, DOT, and Markdown for the clipboard.
    const svgMsg = host.next('export');
    await page.click('button[data-export="svg"]');
    const svg = (await svgMsg).data;
    const parsed = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, nodes: doc.querySelectorAll('[data-node]').length };
    }, svg);
    assert.deepEqual(parsed, { error: null, root: 'svg', nodes: 9 });
    const pngMsg = host.next('export');
    await page.click('button[data-export="png"]');
    const png = await pngMsg;
    assert.equal(png.format, 'png');
    assert.ok(Buffer.from(png.data, 'base64').subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])));
    const dotMsg = host.next('export');
    await page.click('button[data-export="dot"]');
    assert.match((await dotMsg).data, /"AS8048" -> "AS52320" \[label="c2p leak"/);
    const copyMsg = host.next('copy');
    await page.click('#copy-md');
    assert.match((await copyMsg).text, /\*\*AS8048 → AS52320\*\*/);

    await page.screenshot({ path: path.join(resultsDir, 'panel-light.png') });
    await page.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark'));
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.monaco-editor .monaco-editor-background')).backgroundColor === 'rgb(31, 31, 31)');
    await page.screenshot({ path: path.join(resultsDir, 'panel-dark.png') });

    // State survives a reload: the host has no text this time, the page restores its own.
    host.initText = '';
    await page.reload();
    await page.waitForSelector('#graph [data-node="AS8048"]');
    assert.equal(await page.inputValue('#f-verdict'), 'all');

    assert.deepEqual(violations, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser?.close().catch(() => undefined);
    await served.close();
  }
});
