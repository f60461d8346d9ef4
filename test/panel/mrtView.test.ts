/**
 * The MRT section of the path panel in headless Chromium (the built page under the extension's CSP): a real RIS
 * update file (updates.20071015.1505, RIPE RIS via bgpdump's test data) opened through the panel's core with two
 * leaks injected by relationship data — AS174 passing AS7473's routes to AS3741, AS7474 passing AS7473's to AS4608,
 * both valleys — gives two episodes; the progress bar moves, the prefix / origin / AS filter narrows the list, and
 * selecting an episode draws its routes (bgpdump -m lines) with the leak hop marked.
 */
import assert from 'node:assert/strict';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { bytesSource } from '../../server/src/core/mrtView/byteSource';
import type { MrtProgress } from '../../server/src/core/mrtView/model';
import { openMrt } from '../../server/src/core/mrtView/open';
import { loadPathData } from '../../server/src/core/paths/loadData';
import { scanDataOf } from '../../server/src/core/scan/classify';
import { repoRoot } from '../support/lspClient';
import { FakeHost, launch, missing, serve, textsShown } from './harness';

const FILE = path.join(repoRoot, 'test/fixtures/mrt/updates.20071015.1505.gz');
const RELS = '3741|174|-1|test\n7473|174|-1|test\n4608|7474|-1|test\n7473|7474|-1|test\n';

// The few browser globals the page callbacks use (this program has no DOM lib).
declare const document: { querySelector(selector: string): { dispatchEvent(e: unknown): boolean } | null };
declare class DataTransfer {
  setData(type: string, data: string): void;
}
declare class DragEvent {
  constructor(type: string, init: { dataTransfer: DataTransfer; bubbles: boolean; cancelable: boolean });
}

async function rowTexts(page: Page): Promise<string[]> {
  return textsShown(page, '#mrt tr.rl-episode');
}

test('MRT section in Chromium: progress, two real episodes, prefix/origin/AS filter, a selection drawn with its leak hop', { timeout: 120_000 }, async (t) => {
  const why = missing() ?? (existsSync(FILE) ? undefined : `${FILE} missing`);
  if (why) return t.skip(why);
  const relFile = path.join(await fs.mkdtemp(path.join((await import('node:os')).tmpdir(), 'rl-mrtview-')), 'rels.txt');
  await fs.writeFile(relFile, RELS);
  const data = await loadPathData({ relationshipFiles: [relFile] }, (p) => fs.readFile(p, 'utf8'));
  const progress: MrtProgress[] = [];
  const opened = await openMrt(bytesSource('updates.20071015.1505.gz', readFileSync(FILE), 8192), { session: 3, data: scanDataOf(data), progressMs: 0, onProgress: (p) => progress.push(p) });
  assert.ok('view' in opened, JSON.stringify(opened));
  const { view } = opened;
  assert.equal(view.episodeCount, 2);

  const served = await serve();
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const { host, violations, pageErrors } = await FakeHost.attach(page, data, '');
    await page.goto(`${served.origin}/`);
    await page.waitForSelector('.rl-empty');
    assert.equal(await page.isVisible('#mrt'), false, 'no MRT section before a file is opened');

    // Reading: the section appears with a progress bar that follows the host's figures.
    await host.post({ type: 'mrtStart', session: 3, file: view.file });
    const mid = progress[Math.floor(progress.length / 2)]!;
    await host.post({ type: 'mrtProgress', progress: mid });
    await page.waitForSelector('#mrt:not([hidden]) progress:not([hidden])');
    const share = Math.floor((mid.bytesRead / mid.totalBytes) * 100);
    assert.match((await page.textContent('#mrt .rl-mrt-progress')) ?? '', new RegExp(`^Reading: ${share} % .* ${mid.routes.toLocaleString('en-US')} routes$`));
    assert.equal(Number(await page.getAttribute('#mrt progress', 'value')).toFixed(3), (mid.bytesRead / mid.totalBytes).toFixed(3));
    // A late message of another file is not shown.
    await host.post({ type: 'mrtProgress', progress: { ...mid, session: 2, routes: 1 } });

    // Done: the episode list, in time order, and no data links (relationships were given, ASPA and VRPs not).
    await host.post({ type: 'mrtView', view });
    await page.waitForSelector('#mrt tr.rl-episode');
    assert.equal(await page.isVisible('#mrt progress'), false);
    assert.match((await page.textContent('#mrt .rl-mrt-progress')) ?? '', /10,496 routes, .* 759 flagged routes · 2 episodes/);
    const rows = await rowTexts(page);
    assert.equal(rows.length, 2);
    assert.ok(rows.some((r) => r.includes('AS7473 → AS174 → AS3741')), rows.join('\n'));
    assert.ok(rows.some((r) => r.includes('AS7473 → AS7474 → AS4608')), rows.join('\n'));
    assert.deepEqual(await textsShown(page, '#mrt .rl-mrt-note button'), ['ASPA file…', 'VRPs file…']);

    // Filters: AS on the hop, an origin of one episode only, a prefix of the other only, and one matching nothing.
    const e174 = view.episodes.find((e) => e.leaker === 174)!;
    const e7474 = view.episodes.find((e) => e.leaker === 7474)!;
    const originOnly174 = e174.origins.find((o) => !e7474.origins.includes(o))!;
    const prefixOnly7474 = e7474.prefixes.find((p) => !e174.prefixes.includes(p))!;
    const filter = async (field: string, value: string): Promise<string[]> => {
      await page.fill(`#mrt input[data-f="${field}"]`, value);
      return rowTexts(page);
    };
    assert.deepEqual((await filter('as', '7474')).map((r) => r.includes('AS7474')), [true]);
    assert.deepEqual(await filter('as', 'AS99999'), []);
    await filter('as', '');
    assert.deepEqual((await filter('origin', String(originOnly174))).map((r) => r.includes('AS174 → AS3741')), [true]);
    await filter('origin', '');
    assert.deepEqual((await filter('prefix', prefixOnly7474)).map((r) => r.includes('AS7474 → AS4608')), [true]);
    await filter('prefix', '');
    assert.equal((await rowTexts(page)).length, 2);

    // Selecting AS174's episode asks for its routes; drawn, they show the leak hop AS174 → AS3741.
    const asked = host.next('mrtSelect');
    await page.click('#mrt tr.rl-episode:has-text("AS174 → AS3741")');
    const select = await asked;
    assert.deepEqual(select, { type: 'mrtSelect', session: 3, episodes: [e174.id] });
    assert.equal(await page.getAttribute('#mrt tr.rl-episode:has-text("AS174 → AS3741")', 'aria-selected'), 'true');
    const drawn = opened.routes(select.episodes);
    assert.ok(drawn.routes > 10 && drawn.routes <= 1000, `${drawn.routes} routes`);
    await host.post({ type: 'init', text: drawn.text });
    const leak = page.locator('#graph [data-edge="AS174>AS3741"]');
    await leak.waitFor();
    assert.match((await leak.locator('path').getAttribute('class')) ?? '', /\bleak\b/);
    assert.equal(await page.locator('#graph [data-node="AS7474"]').count(), 0, 'the other episode is not drawn');

    // Ctrl-click adds the other episode.
    const both = host.next('mrtSelect');
    await page.click('#mrt tr.rl-episode:has-text("AS7474 → AS4608")', { modifiers: ['Control'] });
    assert.deepEqual([...(await both).episodes].sort((a, b) => a - b), [e174.id, e7474.id].sort((a, b) => a - b));

    // A failed read says why, in the section.
    await host.post({ type: 'mrtStart', session: 4, file: 'notes.gz' });
    await host.post({ type: 'mrtError', session: 4, message: 'notes.gz is not an MRT file' });
    await page.waitForSelector('#mrt .rl-error');
    assert.equal(await page.locator('#mrt tr.rl-episode').count(), 0);

    // A file dropped on the page (VS Code hands a webview the URIs of files dragged from the Explorer with Shift).
    const dropped = host.next('openMrt');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/uri-list', 'file:///data/rrc00/bview.20260102.0000.gz\r\n');
      document.querySelector('#graph')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    assert.deepEqual(await dropped, { type: 'openMrt', uri: 'file:///data/rrc00/bview.20260102.0000.gz' });

    assert.deepEqual(violations, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser?.close();
    await served.close();
  }
});
