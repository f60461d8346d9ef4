// Zoom and pan of the AS-path panel in headless Chromium (Debian's, through playwright-core, as the panel tests):
// frame times while the graph pane zooms (ctrl+wheel at the pointer) and pans (wheel) one step per frame.
// Budget: 60 fps, i.e. at most one frame in twenty dropped (an interval over 1.5 × 16.7 ms; headless Chromium
// paces frames at 60 Hz, so intervals come in multiples of 16.7 ms). Median and p95 intervals go to stderr. SYNTHETIC tables
// (bench/panelTables.ts): 100 routes (≈ 190 ASes drawn) and 1,000 routes; graphs over 300 ASes are drawn
// aggregated by first hop, so the 1,000-route figure is for what the panel draws, not 1,000 nodes.
// Software rendering (--disable-gpu): slower than a desktop with a GPU, so the figure is on the safe side.
import type { Browser } from 'playwright-core';
import { FakeHost, launch, missing, serve } from '../test/panel/harness';
import { quick, report } from './figure';
import { syntheticTables } from './panelTables';

declare const document: unknown;
declare function requestAnimationFrame(cb: (t: number) => void): void;

interface Frames {
  zoom: number[];
  pan: number[];
  nodes: number;
}

/** In the page: one wheel event per animation frame, the frame intervals recorded. */
async function measure(steps: number): Promise<Frames> {
  const d = document as { querySelector(s: string): { getBoundingClientRect(): { left: number; top: number; width: number; height: number }; dispatchEvent(e: unknown): void } | null; querySelectorAll(s: string): { length: number } };
  const graph = d.querySelector('#graph')!;
  const box = graph.getBoundingClientRect();
  const run = (event: (i: number) => unknown): Promise<number[]> =>
    new Promise((resolve) => {
      const times: number[] = [];
      let i = 0;
      const frame = (t: number): void => {
        times.push(t);
        if (i++ >= steps) return resolve(times.slice(1).map((x, k) => x - times[k]!));
        graph.dispatchEvent(event(i));
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  const W = (globalThis as unknown as { WheelEvent: new (t: string, o: object) => unknown }).WheelEvent;
  const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true };
  const zoom = await run((i) => new W('wheel', { ...at, ctrlKey: true, deltaY: i % 60 < 30 ? -40 : 40 }));
  const pan = await run((i) => new W('wheel', { ...at, deltaX: i % 60 < 30 ? 25 : -25, deltaY: i % 40 < 20 ? 15 : -15 }));
  return { zoom, pan, nodes: d.querySelectorAll('#graph [data-node]').length };
}

const FRAME_MS = 1000 / 60;

function quantile(a: number[], q: number): number {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
}

async function main(): Promise<void> {
  const why = missing();
  if (why) return void process.stderr.write(`panelFrames: skipped, ${why}\n`);
  const served = await serve();
  let browser: Browser | undefined;
  try {
    browser = await launch();
    // Frame pacing is what the machine's other work leaves over: say how busy it was.
    const { loadavg, cpus } = await import('node:os');
    process.stderr.write(`  (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)\n`);
    const t = syntheticTables(0x9a7b);
    for (const routes of [100, 1_000]) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await FakeHost.attach(page, t.data, t.paste(routes));
      await page.goto(`${served.origin}/`);
      await page.waitForSelector('#graph [data-node]');
      await page.waitForTimeout(300);
      const f = await page.evaluate(measure, quick ? 60 : 240);
      for (const [what, times] of [['zoom', f.zoom], ['pan', f.pan]] as const) {
        const dropped = (100 * times.filter((x) => x > 1.5 * FRAME_MS).length) / times.length;
        process.stderr.write(`  (${what}, ${routes} routes: median ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms over ${times.length} frames)\n`);
        report({ bench: 'panelFrames', metric: `${what}, ${routes} routes (${f.nodes} nodes drawn), frames dropped`, value: dropped, unit: '%', budget: '≤ 5 % (60 fps)', ok: dropped <= 5 });
      }
      await page.close();
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await served.close();
  }
}

void main();
