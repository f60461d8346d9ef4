import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { syntheticTables } from '../../bench/panelTables';
import type { PathData } from '../../server/src/core/paths/analyze';
import { loadPathData } from '../../server/src/core/paths/loadData';
import { repoRoot } from '../support/lspClient';
import { CANTV_ASPAS } from './cantvAspa';
import { FakeHost, launch, missing, resultsDir, serve, THEMES } from './harness';

/**
 * The panel lays itself out for the width it has (issue 17): beside an editor (600 px), half a screen (1000 px)
 * and a full screen (1600 px), with one route (the CANTV leak), 100 and 1,000 routes (synthetic tables, see
 * bench/panelTables.ts). Measured from the DOM and SVG boxes of the first view: no text under 11 px, no two labels
 * overlapping, one line per route row from 1000 px, the paste box not scrolled right. Screenshots of each width,
 * size and theme go to test-results/ for a person to look at.
 */

const WIDTHS = [600, 1000, 1600] as const;
const CANTV_PATH = '24482 52320 8048 8048 8048 8048 8048 8048 8048 8048 8048 6762 1299 269832 21980';

interface Measure {
  smallest: { px: number; text: string };
  /** SVG labels drawn in the pane (an overview hides them all: nothing to read, nothing measured). */
  labels: number;
  overlaps: string[];
  rowHeights: number[];
  scrollLeft: number;
  scale: number;
  nodes: number;
  /** The vantage point and its first hops (the graph's leading layers), and how many of them the first view shows whole. */
  leading: { total: number; shown: number };
}

/** Runs in the page: every visible text's rendered size, overlapping SVG labels, row heights. */
function measure(): Measure {
  type El = { textContent: string | null; getBoundingClientRect(): { left: number; right: number; top: number; bottom: number; width: number; height: number }; getClientRects(): { length: number }; closest(s: string): El | null };
  const d = document as { querySelectorAll(s: string): Iterable<El & { getBBox(): { width: number }; childNodes: Iterable<{ nodeType: number; textContent: string | null }> }>; querySelector(s: string): El | null };
  const style = (e: El): { fontSize: string; visibility: string; display: string; opacity: string } => (globalThis as unknown as { getComputedStyle(e: El): { fontSize: string; visibility: string; display: string; opacity: string } }).getComputedStyle(e);
  const graph = d.querySelector('#graph')!.getBoundingClientRect();
  const inGraph = (r: { left: number; right: number; top: number; bottom: number }): boolean => r.right > graph.left && r.left < graph.right && r.bottom > graph.top && r.top < graph.bottom;
  let smallest = { px: Infinity, text: '' };
  const svgTexts: { box: ReturnType<El['getBoundingClientRect']>; text: string }[] = [];
  for (const t of d.querySelectorAll('#graph svg text')) {
    const box = t.getBoundingClientRect();
    if (!inGraph(box) || !(t.textContent ?? '').trim() || style(t).display === 'none') continue;
    const user = t.getBBox().width;
    const px = user > 0 ? (Number.parseFloat(style(t).fontSize) * box.width) / user : Infinity;
    if (px < smallest.px) smallest = { px, text: t.textContent ?? '' };
    svgTexts.push({ box, text: t.textContent ?? '' });
  }
  // HTML text outside monaco (its hidden input area is 1 px by design and never read).
  for (const e of d.querySelectorAll('#app *')) {
    if (e.closest('.monaco-editor, svg')) continue;
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
    const s = style(e);
    if (!own || e.getClientRects().length === 0 || s.visibility === 'hidden' || s.opacity === '0') continue;
    const px = Number.parseFloat(s.fontSize);
    if (px < smallest.px) smallest = { px, text: e.textContent ?? '' };
  }
  const overlaps: string[] = [];
  for (let i = 0; i < svgTexts.length; i++)
    for (let j = i + 1; j < svgTexts.length; j++) {
      const a = svgTexts[i]!.box;
      const b = svgTexts[j]!.box;
      const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (ox > 1 && oy > 1) overlaps.push(`${svgTexts[i]!.text} × ${svgTexts[j]!.text}`);
    }
  const rowHeights = [...d.querySelectorAll('#table tr.rl-row')].slice(0, 200).map((r) => r.getBoundingClientRect().height);
  const slider = d.querySelector('.monaco-editor .scrollbar.horizontal .slider');
  const scrollLeft = slider ? slider.getBoundingClientRect().left - d.querySelector('.monaco-editor .scrollbar.horizontal')!.getBoundingClientRect().left : 0;
  const scale = Number((d.querySelector('#graph') as unknown as { dataset: { scale?: string } }).dataset.scale ?? 'NaN');
  const attr = (e: El, name: string): string => (e as unknown as { getAttribute(n: string): string | null }).getAttribute(name) ?? '';
  const leadIds = ['vantage', ...[...d.querySelectorAll('#graph [data-edge$=">vantage"]')].map((e) => attr(e, 'data-edge').split('>')[0]!)];
  const whole = (r: { left: number; right: number; top: number; bottom: number }): boolean => r.left >= graph.left - 2 && r.right <= graph.right + 2 && r.top >= graph.top - 2 && r.bottom <= graph.bottom + 2;
  const leadShown = leadIds.filter((id) => [...d.querySelectorAll(`#graph [data-node="${id}"] rect`)].some((r) => whole(r.getBoundingClientRect()))).length;
  return { smallest, labels: svgTexts.length, overlaps: overlaps.slice(0, 10), rowHeights, scrollLeft, scale, nodes: [...d.querySelectorAll('#graph [data-node]')].length, leading: { total: leadIds.length, shown: leadShown } };
}

async function cases(): Promise<{ name: string; text: string; data: PathData }[]> {
  const ex = (f: string): string => path.join(repoRoot, 'examples', 'cantv', f);
  const cantv = await loadPathData(
    { relationshipFiles: [ex('cantv.as-rel2.txt')], asNamesFile: ex('as-names.txt'), aspaDocuments: [{ source: 'cantv.aspa', text: CANTV_ASPAS }] },
    (p) => fs.readFile(p, 'utf8'),
  );
  const synthetic = syntheticTables(0x9a7b);
  return [
    { name: '1-route', text: `${CANTV_PATH}\n`, data: cantv },
    { name: '100-routes', text: synthetic.paste(100), data: synthetic.data },
    { name: '1000-routes', text: synthetic.paste(1_000), data: synthetic.data },
  ];
}

test('panel layout at 600, 1000 and 1600 px with 1, 100 and 1,000 routes: text ≥ 11 px, no label overlaps, one-line rows from 1000 px', { timeout: 600_000 }, async (t) => {
  const why = missing();
  if (why) return t.skip(why);
  const served = await serve();
  let browser: Browser | undefined;
  try {
    browser = await launch();
    for (const c of await cases()) {
      for (const width of WIDTHS) {
        const page: Page = await browser.newPage({ viewport: { width, height: 900 } });
        const { pageErrors } = await FakeHost.attach(page, c.data, c.text);
        await page.goto(`${served.origin}/`);
        await page.waitForSelector('#graph [data-node]');
        await page.waitForSelector('#table tr.rl-row');
        await page.waitForSelector('.monaco-editor .view-lines');
        await page.waitForTimeout(150); // one frame for the paste box's scroll reset
        const m = await page.evaluate(measure);
        const where = `${c.name} at ${width} px`;
        assert.ok(m.smallest.px >= 10.95, `${where}: text of ${m.smallest.px.toFixed(1)} px: ${JSON.stringify(m.smallest.text.slice(0, 60))} (scale ${m.scale})`);
        assert.deepEqual(m.overlaps, [], `${where}: overlapping labels`);
        // The first view reads at 100 % or more: labels drawn (no label-less overview) …
        assert.ok(m.scale >= 1 && m.labels > 0, `${where}: first view at scale ${m.scale} with ${m.labels} labels drawn`);
        // … and shows where every path starts, the vantage point and each first hop whole (their layer packed
        // beside the vantage point, packLeading.ts; before, the 12 first hops of these tables spanned 4,500 px).
        assert.equal(m.leading.shown, m.leading.total, `${where}: ${m.leading.shown} of the vantage point and its ${m.leading.total - 1} first hops in the first view (scale ${m.scale})`);
        console.log(`# ${where}: scale ${m.scale}, ${m.labels} labels, smallest ${m.smallest.px.toFixed(1)} px, ${m.leading.total - 1} first hops shown whole`);
        if (width >= 1000) {
          const min = Math.min(...m.rowHeights);
          assert.ok(Math.max(...m.rowHeights) <= Math.max(min * 1.2, 1) && min < 28, `${where}: rows of ${min}–${Math.max(...m.rowHeights)} px, not one line each`);
        }
        assert.ok(m.scrollLeft <= 1, `${where}: the paste box is scrolled ${m.scrollLeft} px to the right`);
        for (const theme of THEMES) {
          await page.evaluate((cls) => void ((document as { body: { className: string } }).body.className = cls), theme);
          await page.screenshot({ path: path.join(resultsDir, `panel-${c.name}-${width}-${theme.replace('vscode-', '')}.png`) });
        }
        assert.deepEqual(pageErrors, []);
        await page.close();
      }
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await served.close();
  }
});

declare const document: unknown;
