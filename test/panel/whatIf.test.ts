import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { whatIfSentence } from '../../media/src/whatIfWords';
import { analyzeLookingGlass } from '../../server/src/core/paths/analyze';
import { loadPathData } from '../../server/src/core/paths/loadData';
import { repoRoot } from '../support/lspClient';
import { FakeHost, launch, missing, serve, textsShown } from './harness';

const cantv = path.join(repoRoot, 'examples', 'cantv');

test('the what-if section says it in plain words first: CANTV paste, AS52320 focused, its ASPA in an open aspa.aspa', async () => {
  const text = await fs.readFile(path.join(cantv, 'aspa.aspa'), 'utf8');
  const data = await loadPathData({ aspaDocuments: [{ source: 'file:///work/examples/cantv/aspa.aspa', text }] }, (p) => fs.readFile(p, 'utf8'));
  const paste = await fs.readFile(path.join(cantv, 'cantv.lg'), 'utf8');
  const focused = analyzeLookingGlass(paste, data, { focus: 52320 });
  assert.ok(focused.whatIf);
  assert.equal(whatIfSentence(focused.whatIf), 'If AS52320 published the ASPA in aspa.aspa (AS3356): 8 routes become Invalid (leak at 8048→52320); other checks stay (8 Invalid).');
  const cantvItself = analyzeLookingGlass(paste, data, { focus: 8048 });
  assert.ok(cantvItself.whatIf);
  assert.equal(whatIfSentence(cantvItself.whatIf), 'If AS8048 published the ASPA in aspa.aspa (AS6762, AS23520, AS52320): no verdict changes among the 8 routes through AS8048.');
});

test('the what-if section in Chromium: shown when the focused AS has an ASPA in aspa.aspa, hidden otherwise, no CSP violation', { timeout: 120_000 }, async (t) => {
  const why = missing();
  if (why) return t.skip(why);
  const text = await fs.readFile(path.join(cantv, 'aspa.aspa'), 'utf8');
  const data = await loadPathData({ aspaDocuments: [{ source: 'file:///work/examples/cantv/aspa.aspa', text }] }, (p) => fs.readFile(p, 'utf8'));
  const paste = await fs.readFile(path.join(cantv, 'cantv.lg'), 'utf8');
  const served = await serve();
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const { violations, pageErrors } = await FakeHost.attach(page, data, paste);
    await page.goto(`${served.origin}/`);
    await page.waitForSelector('#graph [data-node="AS8048"]');
    assert.equal(await page.isHidden('#whatif'), true);

    await page.fill('#f-origin', 'AS52320');
    await page.waitForSelector('#whatif p');
    assert.equal(await page.textContent('#whatif p'), 'If AS52320 published the ASPA in aspa.aspa (AS3356): 8 routes become Invalid (leak at 8048→52320); other checks stay (8 Invalid).');
    await page.click('#whatif summary');
    const lines = await textsShown(page, '#whatif li');
    assert.equal(lines.length, 8);
    assert.equal(lines[0], '200.74.226.0/24 (learnt from a provider or peer): Unknown → Invalid, decided at 8048→52320');

    // An AS no document declares (AS24482, the vantage point's network): the section goes away.
    await page.fill('#f-origin', 'AS24482');
    await page.waitForSelector('#whatif', { state: 'hidden' });
    assert.deepEqual(violations, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser?.close().catch(() => undefined);
    await served.close();
  }
});
