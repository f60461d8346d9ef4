// Zoom and pan of the AS-path panel in headless Chromium (Debian's, through playwright-core, as the panel tests):
// the graph pane zooms (ctrl+wheel at the pointer) and pans (wheel), one wheel step per animation frame.
// Three figures per run:
// - frames dropped: intervals over 1.5 × 16.7 ms (headless Chromium paces frames at 60 Hz). Budget ≤ 5 % (60 fps).
//   This is what a user sees, and on a shared machine it measures the neighbours as much as the panel.
// - CPU per frame of the page's main thread (/proc, the renderer's main thread): what the code controls.
//   Budget < 8 ms, half a frame, so a frame fits even with another program on the same core.
// - CPU per frame of all Chromium processes (CDP SystemInfo: browser, renderer with its raster threads, GPU
//   process doing software compositing): under 16.7 ms means one core keeps up at 60 fps.
// Load average goes with every line. SYNTHETIC tables (bench/panelTables.ts): 100 routes (190 ASes), 1,000 routes
// as drawn by default (grouped by first hop past 300 ASes: 25 boxes) and with grouping off (about 1,150 ASes drawn).
// Software rendering (--disable-gpu): slower than a desktop with a GPU, so the figures are on the safe side.
import { readFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import type { Browser, CDPSession } from 'playwright-core';
import { FakeHost, launch, missing, serve } from '../test/panel/harness';
import { quick, report } from './figure';
import { syntheticTables } from './panelTables';

declare const document: unknown;
declare function requestAnimationFrame(cb: (t: number) => void): void;

interface Run {
  /** Intervals between animation frames (ms): what the user sees. */
  intervals: number[];
  /** Main-thread work of each frame (ms): from the frame's start to the end of its rendering (event, style, layout, paint, commit). */
  work: number[];
}

/**
 * In the page: one wheel event per animation frame, the frame intervals recorded, and each frame's own wall time:
 * a message posted from the frame's callback is delivered after the frame's rendering steps.
 */
async function measure(arg: { kind: 'zoom' | 'pan'; steps: number }): Promise<Run> {
  const d = document as { querySelector(s: string): { getBoundingClientRect(): { left: number; top: number; width: number; height: number }; dispatchEvent(e: unknown): void } | null };
  const graph = d.querySelector('#graph')!;
  const box = graph.getBoundingClientRect();
  const now = (): number => (globalThis as unknown as { performance: { now(): number } }).performance.now();
  const Channel = (globalThis as unknown as { MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(m: unknown): void } } }).MessageChannel;
  const W = (globalThis as unknown as { WheelEvent: new (t: string, o: object) => unknown }).WheelEvent;
  const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true };
  const event = (i: number): unknown =>
    arg.kind === 'zoom' ? new W('wheel', { ...at, ctrlKey: true, deltaY: i % 60 < 30 ? -40 : 40 }) : new W('wheel', { ...at, deltaX: i % 60 < 30 ? 25 : -25, deltaY: i % 40 < 20 ? 15 : -15 });
  return new Promise((resolve) => {
    const times: number[] = [];
    const work: number[] = [];
    const channel = new Channel();
    let started = 0;
    channel.port1.onmessage = () => void work.push(now() - started);
    let i = 0;
    const frame = (t: number): void => {
      times.push(t);
      if (i++ >= arg.steps) return resolve({ intervals: times.slice(1).map((x, k) => x - times[k]!), work: work.slice(1) });
      started = now();
      graph.dispatchEvent(event(i));
      channel.port2.postMessage(0);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** CPU seconds so far: each Chromium process (CDP), and the main thread of each renderer (/proc, where its tid is its pid). */
async function cpuNow(cdp: CDPSession): Promise<{ all: number; mains: Map<number, number> }> {
  const info = await cdp.send('SystemInfo.getProcessInfo');
  const mains = new Map<number, number>();
  for (const p of info.processInfo.filter((x) => x.type === 'renderer')) {
    try {
      // Fields 14 and 15 (utime, stime) in clock ticks of 10 ms, after the parenthesised command name.
      const f = readFileSync(`/proc/${p.id}/task/${p.id}/stat`, 'utf8').split(') ')[1]!.split(' ');
      mains.set(p.id, (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // a renderer that has gone
    }
  }
  return { all: info.processInfo.reduce((t, p) => t + p.cpuTime, 0), mains };
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
    process.stderr.write(`  (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)\n`);
    const t = syntheticTables(0x9a7b);
    // The table as the panel draws it by default (grouped past 300 ASes), and every AS of 1,000 routes drawn.
    const cdp = await browser.newBrowserCDPSession();
    for (const [routes, group] of [[100, 'auto'], [1_000, 'auto'], [1_000, 'none']] as const) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await FakeHost.attach(page, t.data, t.paste(routes));
      await page.goto(`${served.origin}/`);
      await page.waitForSelector('#graph [data-node]');
      if (group !== 'auto') {
        await page.selectOption('#f-group', group);
        await page.waitForFunction(() => (document as { querySelectorAll(s: string): { length: number } }).querySelectorAll('#graph [data-node]').length > 500, undefined, { timeout: 60_000 });
      }
      await page.waitForTimeout(300);
      const nodes = await page.locator('#graph [data-node]').count();
      for (const kind of ['zoom', 'pan'] as const) {
        const before = await cpuNow(cdp);
        const run = await page.evaluate(measure, { kind, steps: quick ? 60 : 240 });
        const after = await cpuNow(cdp);
        const frames = run.intervals.length;
        // The page's renderer is the one whose main thread worked the most during the run.
        const main = Math.max(...[...after.mains].map(([id, t]) => t - (before.mains.get(id) ?? t)));
        const mainMs = (1000 * main) / frames;
        const allMs = (1000 * (after.all - before.all)) / frames;
        const times = run.intervals;
        const dropped = (100 * times.filter((x) => x > 1.5 * FRAME_MS).length) / times.length;
        const ms = (a: number[], q: number): string => quantile(a, q).toFixed(1);
        const what = `${kind}, ${routes} routes (${nodes} boxes drawn${group === 'none' ? ', grouping off' : ''})`;
        process.stderr.write(
          `  (${what}, load ${loadavg()[0]!.toFixed(1)}: interval p50 ${ms(times, 0.5)} / p95 ${ms(times, 0.95)} ms; frame wall time p50 ${ms(run.work, 0.5)} / p95 ${ms(run.work, 0.95)} ms; over ${frames} frames)\n`,
        );
        report({ bench: 'panelFrames', metric: `${what}, frames dropped`, value: dropped, unit: '%', budget: '≤ 5 % (60 fps)', ok: dropped <= 5 });
        report({ bench: 'panelFrames', metric: `${what}, main-thread CPU per frame`, value: mainMs, unit: 'ms', budget: '< 8 ms', ok: mainMs < 8 });
        report({ bench: 'panelFrames', metric: `${what}, all-process CPU per frame`, value: allMs, unit: 'ms', budget: '< 16.7 ms', ok: allMs < FRAME_MS });
      }
      await page.close();
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await served.close();
  }
}

void main();
