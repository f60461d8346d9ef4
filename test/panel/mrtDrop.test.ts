/**
 * An MRT file dropped on the panel from the operating system, in headless Chromium: the drop is Chromium's own
 * (DevTools' Input.dispatchDragEvent with a file path, the way a drag from a file manager arrives, so the page gets
 * a real File), and the host here plays the extension's part: it asks the page for the bytes slice by slice, as
 * MrtHost does for the language server, and reads them with the panel's core (core/mrtView/open.ts). The real RIS
 * updates of 2007 (updates.20071015.1505.gz) with two leaks injected by relationship data must list their two
 * episodes. Then the page's state across a reload: the file's URI, filter and selection come back with the same
 * file's episodes; a dropped file, which no URI can bring back, leaves nothing to read again.
 */
import assert from 'node:assert/strict';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { slicedSource } from '../../server/src/core/mrtView/byteSource';
import type { MrtView } from '../../server/src/core/mrtView/model';
import { openMrt } from '../../server/src/core/mrtView/open';
import { loadPathData } from '../../server/src/core/paths/loadData';
import { scanDataOf, type ScanData } from '../../server/src/core/scan/classify';
import { repoRoot } from '../support/lspClient';
import { FakeHost, launch, missing, serve, textsShown } from './harness';

const FILE = path.join(repoRoot, 'test/fixtures/mrt/updates.20071015.1505.gz');
const RELS = '3741|174|-1|test\n7473|174|-1|test\n4608|7474|-1|test\n7473|7474|-1|test\n';
/** Small slices, so the file crosses the page in many (the extension asks 4 MB at a time). */
const SLICE = 16_384;

declare const sessionStorage: { getItem(k: string): string | null };

async function rowTexts(page: Page): Promise<string[]> {
  return textsShown(page, '#mrt tr.rl-episode');
}

/** Drops the file at the middle of `selector` as the browser does for a drag from the desktop. */
async function dropFile(page: Page, selector: string, file: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [file], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x, y, data });
  await cdp.detach();
}

/** The extension's part for a dropped file: the bytes come from the page (`readDropped`), then the core reads them. */
async function readDropped(host: FakeHost, session: number, data: ScanData): Promise<{ view: MrtView; slices: number }> {
  const open = await host.next('openMrt');
  assert.ok(open.dropped !== undefined, `the page sends the file it holds: ${JSON.stringify(open)}`);
  assert.equal(open.dropped.name, path.basename(FILE));
  assert.equal(open.dropped.size, readFileSync(FILE).length);
  let req = 0;
  let slices = 0;
  const source = slicedSource(
    open.dropped.name,
    open.dropped.size,
    async (offset, length) => {
      const mine = ++req;
      const answer = host.next('droppedBytes');
      await host.post({ type: 'readDropped', req: mine, id: open.dropped!.id, offset, length });
      const m = await answer;
      assert.equal(m.req, mine);
      if ('error' in m) throw new Error(m.error);
      slices++;
      // Playwright carries a Uint8Array from the page as one; the extension host's webview messaging does too.
      assert.ok(m.data instanceof Uint8Array, typeof m.data);
      return m.data;
    },
    SLICE,
  );
  await host.post({ type: 'mrtStart', session, file: open.dropped.name });
  const r = await openMrt(source, { session, data, progressMs: 0, onProgress: (progress) => void host.post({ type: 'mrtProgress', progress }) });
  assert.ok('view' in r, JSON.stringify(r));
  await host.post({ type: 'mrtView', view: r.view });
  return { view: r.view, slices };
}

test('MRT file dropped from the operating system: read from the page in slices, episode list shown; state across a reload', { timeout: 180_000 }, async (t) => {
  const why = missing() ?? (existsSync(FILE) ? undefined : `${FILE} missing`);
  if (why) return t.skip(why);
  const relFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'rl-mrtdrop-')), 'rels.txt');
  await fs.writeFile(relFile, RELS);
  const pathData = await loadPathData({ relationshipFiles: [relFile] }, (p) => fs.readFile(p, 'utf8'));
  const data = scanDataOf(pathData);

  const served = await serve();
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const { host, violations, pageErrors } = await FakeHost.attach(page, pathData, '');
    await page.goto(`${served.origin}/`);
    await page.waitForSelector('.rl-empty');

    // The drop: the page keeps the File and hands it out a slice at a time.
    const reading = readDropped(host, 7, data);
    await dropFile(page, '#graph', FILE);
    const { view, slices } = await reading;
    assert.equal(slices, Math.ceil(readFileSync(FILE).length / SLICE));
    assert.equal(view.episodeCount, 2);
    await page.waitForSelector('#mrt tr.rl-episode');
    const rows = await rowTexts(page);
    assert.equal(rows.length, 2);
    assert.ok(rows.some((r) => r.includes('AS7473 → AS174 → AS3741')), rows.join('\n'));
    assert.ok(rows.some((r) => r.includes('AS7473 → AS7474 → AS4608')), rows.join('\n'));
    assert.match((await page.textContent('#mrt .rl-mrt-progress')) ?? '', /10,496 routes, .*gzip · 759 flagged routes · 2 episodes/);
    assert.equal(await page.textContent('#mrt .rl-mrt-file'), path.basename(FILE));
    // A dropped file has no URI to read again after a reload: the saved state names none.
    assert.equal((JSON.parse((await page.evaluate(() => sessionStorage.getItem('rl-state'))) ?? '{}') as { mrt?: unknown }).mrt, undefined);

    // A slice of a file the page no longer holds is refused with the reason, not left unanswered.
    const refused = host.next('droppedBytes');
    await host.post({ type: 'readDropped', req: 99, id: 12345, offset: 0, length: 10 });
    assert.match(((await refused) as { error?: string }).error ?? '', /no longer holds the dropped file/);

    // A file opened by URI: its URI, the filter and the selection are kept in the page's state ...
    const uri = 'file:///data/rrc00/updates.20071015.1505.gz';
    await host.post({ type: 'mrtStart', session: 8, file: view.file, uri });
    await host.post({ type: 'mrtView', view: { ...view, session: 8 } });
    await page.waitForSelector('#mrt tr.rl-episode');
    const e174 = view.episodes.find((e) => e.leaker === 174)!;
    const e7474 = view.episodes.find((e) => e.leaker === 7474)!;
    const origin = String(e174.origins.find((o) => !e7474.origins.includes(o))!);
    await page.fill('#mrt input[data-f="origin"]', origin);
    assert.deepEqual((await rowTexts(page)).map((r) => r.includes('AS174 → AS3741')), [true]);
    const asked = host.next('mrtSelect');
    await page.click('#mrt tr.rl-episode:has-text("AS174 → AS3741")');
    assert.deepEqual((await asked).episodes, [e174.id]);
    const saved = JSON.parse((await page.evaluate(() => sessionStorage.getItem('rl-state'))) ?? '{}') as { mrt?: { uri: string; filter: { origin: string }; selected: { id: number }[] } };
    assert.equal(saved.mrt?.uri, uri);
    assert.equal(saved.mrt?.filter.origin, origin);
    assert.deepEqual(saved.mrt?.selected.map((s) => s.id), [e174.id]);

    // ... and after a reload, when the host reads that URI again (a new session), they come back with its episodes.
    await page.reload();
    await page.waitForSelector('.rl-empty, #graph svg');
    assert.equal(await page.isVisible('#mrt'), false, 'the page shows no list of its own: the host reads the file again');
    await host.post({ type: 'mrtStart', session: 9, file: view.file, uri });
    await host.post({ type: 'mrtView', view: { ...view, session: 9 } });
    await page.waitForSelector('#mrt tr.rl-episode');
    assert.equal(await page.inputValue('#mrt input[data-f="origin"]'), origin);
    assert.deepEqual((await rowTexts(page)).map((r) => r.includes('AS174 → AS3741')), [true]);
    assert.equal(await page.getAttribute('#mrt tr.rl-episode:has-text("AS174 → AS3741")', 'aria-selected'), 'true');

    // Another file: the old filter does not carry over.
    await host.post({ type: 'mrtStart', session: 10, file: 'other.gz', uri: 'file:///data/other.gz' });
    await host.post({ type: 'mrtView', view: { ...view, session: 10, file: 'other.gz' } });
    await page.waitForSelector('#mrt tr.rl-episode');
    assert.equal(await page.inputValue('#mrt input[data-f="origin"]'), '');
    assert.equal((await rowTexts(page)).length, 2);
    assert.equal(await page.locator('#mrt tr.rl-episode[aria-selected="true"]').count(), 0);

    assert.deepEqual(violations, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser?.close();
    await served.close();
  }
});
