import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../support/lspClient';
import { FakeHost, launch, missing, serve } from './harness';

/**
 * Every outcome of a paste reaches the user (issue 14): an empty paste, text that is not looking-glass output,
 * and a failed analysis each replace the previous picture with a sentence; none leaves "Analysing…" or a stale graph.
 */

async function replaceText(page: Page, text: string): Promise<void> {
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.insertText(text);
}

test('panel outcomes: empty paste, 0 routes with lines not understood, a failed analysis, then a good paste again', { timeout: 120_000 }, async (t) => {
  const why = missing();
  if (why) return t.skip(why);
  const cantv = await fs.readFile(path.join(repoRoot, 'examples', 'cantv', 'cantv.lg'), 'utf8');
  const served = await serve();
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });

    // A first run with nothing to paste: the page opens empty and says what to do.
    const { host, pageErrors } = await FakeHost.attach(page, {}, '');
    await page.goto(`${served.origin}/`);
    await page.waitForSelector('.monaco-editor .view-lines');
    await page.waitForFunction(() => /Nothing pasted yet/.test(document.querySelector('#graph')?.textContent ?? ''));
    assert.match((await page.textContent('#status')) ?? '', /0 routes/);
    // The hint's link asks the host for the bundled example; every "no … data" label asks for a file.
    const example = host.next('openExample');
    await page.click('#open-example');
    await example;
    for (const kind of ['aspa', 'rov', 'relationships', 'names', 'policy'] as const) {
      const pick = host.next('pickData');
      await page.click(`#status [data-pick="${kind}"]`);
      assert.equal((await pick).kind, kind);
    }
    assert.match((await page.textContent('#status [data-pick="rov"]')) ?? '', /^no VRPs data — choose file…$/);

    // A good paste draws the graph. Select a route, then paste again: the new paste starts with nothing selected.
    await replaceText(page, cantv);
    await page.waitForSelector('#graph [data-node="AS8048"]');
    await page.click('#table tr.rl-row');
    assert.equal(await page.locator('#table tr[aria-selected="true"]').count(), 1);
    await replaceText(page, cantv.replace('200.74.226.0/24', '200.74.227.0/24'));
    await page.waitForFunction(() => /200\.74\.227\.0\/24/.test(document.querySelector('#table')?.textContent ?? ''));
    assert.equal(await page.locator('#table tr[aria-selected="true"]').count(), 0);
    assert.equal(await page.locator('#graph .dim').count(), 0);

    // Emptied: the graph and table go, the page says nothing is pasted (it used to keep the graph or say "Analysing…").
    await replaceText(page, '');
    await page.waitForFunction(() => /Nothing pasted yet/.test(document.querySelector('#graph')?.textContent ?? ''));
    assert.equal(await page.locator('#graph [data-node]').count(), 0);
    assert.equal(await page.locator('#table tr').count(), 0);

    // Twelve lines that are not looking-glass output: "0 routes · 12 lines not understood", and the first of them quoted.
    const junk = Array.from({ length: 12 }, (_, i) => `hello world ${i + 1}`).join('\n');
    await replaceText(page, junk);
    await page.waitForFunction(() => /12 lines not understood/.test(document.querySelector('#status')?.textContent ?? ''));
    assert.match((await page.textContent('#status')) ?? '', /^0 routes · 12 lines not understood/);
    assert.match((await page.textContent('#graph')) ?? '', /No routes found: 12 lines not understood\..*line 1: “hello world 1”/);

    // The server fails: the error replaces the picture (no stale graph beside new text).
    await replaceText(page, cantv);
    await page.waitForSelector('#graph [data-node="AS8048"]');
    host.failOn = /52320/;
    await replaceText(page, cantv.replace('6939 1299', '6939 1299 52320'));
    await page.waitForFunction(() => /did not complete/.test(document.querySelector('#graph')?.textContent ?? ''));
    assert.equal(await page.locator('#graph [data-node]').count(), 0);
    assert.match((await page.textContent('#status')) ?? '', /The analysis failed: Request routelens\/analyzePaths failed/);

    // A message of ours that is malformed is reported, not dropped.
    await host.post({ type: 'model', model: { version: 1 } } as never);
    await page.waitForFunction(() => /cannot read: model\.routes is not a list/.test(document.querySelector('#status')?.textContent ?? ''));

    // And the next good paste recovers.
    host.failOn = undefined;
    await replaceText(page, cantv);
    await page.waitForSelector('#graph [data-node="AS8048"]');
    assert.doesNotMatch((await page.textContent('#status')) ?? '', /failed|cannot read/);
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser?.close().catch(() => undefined);
    await served.close();
  }
});

declare const document: { querySelector(selector: string): { textContent: string | null } | null };
