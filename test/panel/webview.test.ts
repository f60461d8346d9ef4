import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { panelHtml } from '../../media/src/panelHtml';
import { analyzeLookingGlass, type PathData } from '../../server/src/core/paths/analyze';
import { loadPathData } from '../../server/src/core/paths/loadData';
import type { HostToWebview, WebviewToHost } from '../../server/src/protocol';
import { repoRoot } from '../support/lspClient';
import { CANTV_ASPAS } from './cantvAspa';

// The few browser globals the page callbacks below use (this program has no DOM lib); module-scoped.
declare const window: { postMessage(message: unknown, targetOrigin: string): void };
declare const document: {
  body: { classList: { replace(from: string, to: string): boolean } };
  querySelector(selector: string): unknown;
  addEventListener(type: string, listener: (e: { violatedDirective: string; blockedURI: string }) => void): void;
};
declare const DOMParser: new () => {
  parseFromString(text: string, type: string): {
    querySelector(selector: string): { textContent: string | null } | null;
    querySelectorAll(selector: string): { length: number };
    documentElement: { nodeName: string };
  };
};
declare function getComputedStyle(element: unknown): { backgroundColor: string };

const CHROMIUM = '/usr/bin/chromium';
const media = path.join(repoRoot, 'dist', 'media');
const resultsDir = path.join(repoRoot, 'test-results');
const STEP = 20_000;

/** Stand-in for VS Code: acquireVsCodeApi posts to the test; state lives in sessionStorage so it survives reload. */
const STUB = `window.acquireVsCodeApi = () => ({
  postMessage: (m) => { void window.__rlHost(m); },
  getState: () => JSON.parse(sessionStorage.getItem('rl-state') || 'null') ?? undefined,
  setState: (s) => sessionStorage.setItem('rl-state', JSON.stringify(s)),
});`;

/** The theme variables VS Code injects into every webview (a subset), for light and dark. */
const THEME_CSS = `
body.vscode-light { --vscode-foreground:#3b3b3b; --vscode-editor-background:#ffffff; --vscode-editor-foreground:#3b3b3b; --vscode-errorForeground:#e51400;
  --vscode-descriptionForeground:#717171; --vscode-editorWidget-background:#f8f8f8; --vscode-editorWidget-border:#c8c8c8; --vscode-badge-background:#005fb8;
  --vscode-badge-foreground:#ffffff; --vscode-focusBorder:#005fb8; --vscode-input-background:#ffffff; --vscode-input-foreground:#3b3b3b; --vscode-input-border:#cecece;
  --vscode-editorHoverWidget-background:#f8f8f8; --vscode-editorHoverWidget-border:#c8c8c8; --vscode-list-activeSelectionBackground:#e8e8e8;
  --vscode-list-hoverBackground:#f2f2f2; --vscode-editorWarning-foreground:#bf8803; --vscode-editorInfo-foreground:#1a85ff; --vscode-testing-iconPassed:#388a34;
  --vscode-button-secondaryBackground:#e5e5e5; --vscode-button-secondaryForeground:#3b3b3b; --vscode-panel-border:#e5e5e5;
  --vscode-font-family:system-ui,sans-serif; --vscode-font-size:13px; --vscode-editor-font-family:monospace; --vscode-editor-font-size:13px; }
body.vscode-dark { --vscode-foreground:#cccccc; --vscode-editor-background:#1f1f1f; --vscode-editor-foreground:#cccccc; --vscode-errorForeground:#f85149;
  --vscode-descriptionForeground:#9d9d9d; --vscode-editorWidget-background:#202020; --vscode-editorWidget-border:#454545; --vscode-badge-background:#616161;
  --vscode-badge-foreground:#f8f8f8; --vscode-focusBorder:#0078d4; --vscode-input-background:#313131; --vscode-input-foreground:#cccccc; --vscode-input-border:#3c3c3c;
  --vscode-editorHoverWidget-background:#202020; --vscode-editorHoverWidget-border:#454545; --vscode-list-activeSelectionBackground:#04395e;
  --vscode-list-hoverBackground:#2a2d2e; --vscode-editorWarning-foreground:#cca700; --vscode-editorInfo-foreground:#3794ff; --vscode-testing-iconPassed:#73c991;
  --vscode-button-secondaryBackground:#313131; --vscode-button-secondaryForeground:#cccccc; --vscode-panel-border:#2b2b2b;
  --vscode-font-family:system-ui,sans-serif; --vscode-font-size:13px; --vscode-editor-font-family:monospace; --vscode-editor-font-size:13px; }`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };

/** Serves the built page under the extension's own CSP; the stub and theme come from the same origin. */
async function serve(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (url.pathname === '/') {
        const nonce = randomBytes(16).toString('hex');
        const html = panelHtml({ cspSource: origin, nonce, script: `${origin}/panel.js`, style: `${origin}/panel.css`, worker: `${origin}/editor.worker.js` })
          .replace('<body>', `<body class="vscode-light">`)
          .replace('</head>', `<link rel="stylesheet" href="${origin}/theme.css">\n</head>`)
          .replace(`<script nonce="${nonce}"`, `<script nonce="${nonce}" src="${origin}/stub.js"></script>\n<script nonce="${nonce}"`);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        return;
      }
      if (url.pathname === '/stub.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(STUB);
      if (url.pathname === '/theme.css') return void res.writeHead(200, { 'content-type': 'text/css' }).end(THEME_CSS);
      const file = path.join(media, path.basename(url.pathname));
      try {
        const body = await fs.readFile(file);
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The extension host's part: answers `analyze` with the real core, records exports and copies. */
class FakeHost {
  readonly received: WebviewToHost[] = [];
  private readonly waiters: { pred: (m: WebviewToHost) => boolean; resolve: (m: WebviewToHost) => void }[] = [];
  initText: string;

  constructor(
    private readonly page: Page,
    private readonly data: PathData,
    text: string,
  ) {
    this.initText = text;
  }

  async handle(m: WebviewToHost): Promise<void> {
    this.received.push(m);
    for (const w of [...this.waiters]) {
      if (!w.pred(m)) continue;
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(m);
    }
    if (m.type === 'ready') await this.post({ type: 'init', text: this.initText });
    if (m.type === 'analyze') await this.post({ type: 'model', model: analyzeLookingGlass(m.text, this.data), ...(m.seq !== undefined ? { seq: m.seq } : {}) });
  }

  next<T extends WebviewToHost['type']>(type: T): Promise<Extract<WebviewToHost, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" message from the page within ${STEP} ms`)), STEP);
      this.waiters.push({ pred: (m) => m.type === type, resolve: (m) => (clearTimeout(timer), resolve(m as Extract<WebviewToHost, { type: T }>)) });
    });
  }

  private post(m: HostToWebview): Promise<void> {
    return this.page.evaluate((msg) => window.postMessage(msg, '*'), m);
  }
}

test('AS-path webview in Chromium: CANTV paste → one node per AS, ×9, leak hop with ASPA evidence, exports, no CSP violation', { timeout: 120_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) return t.skip(`${CHROMIUM} not present (Debian package chromium)`);
  if (!existsSync(path.join(media, 'panel.js'))) return t.skip('dist/media not built (node scripts/build.mjs)');
  mkdirSync(resultsDir, { recursive: true });
  const text = await fs.readFile(path.join(repoRoot, 'examples', 'cantv', 'cantv.lg'), 'utf8');
  const data = await loadPathData(
    { relationshipFiles: [path.join(repoRoot, 'examples', 'cantv', 'cantv.as-rel2.txt')], aspaDocuments: [{ source: 'cantv.aspa', text: CANTV_ASPAS }] },
    (p) => fs.readFile(p, 'utf8'),
  );
  const { server, origin } = await serve();
  let browser: Browser | undefined;
  const violations: string[] = [];
  const pageErrors: string[] = [];
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(STEP);
    const host = new FakeHost(page, data, text);
    await page.exposeFunction('__rlHost', (m: WebviewToHost) => host.handle(m));
    // Injected over CDP, so it runs under any CSP and sees every violation from the first script on.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on('console', (m) => {
      if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${origin}/`);
    await page.waitForSelector('#graph [data-node="AS8048"]');
    await page.waitForSelector('.monaco-editor .view-lines');

    // One node per AS, whatever the number of routes through it.
    const nodeIds = await page.$$eval('#graph [data-node^="AS"]', (els) => els.map((e) => e.getAttribute('data-node')));
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

    // Monaco shows the findings: error squiggles on the path lines, a verdict bar per route.
    await page.waitForSelector('.monaco-editor .squiggly-error');
    assert.ok((await page.locator('.monaco-editor .rl-verdict-leak').count()) > 0);

    // Click the leaking AS: the route is selected in the table; arrow keys move through the table.
    await page.click('#graph [data-node="AS8048"]');
    const selectedRow = page.locator('#table tr[aria-selected="true"]');
    assert.match((await selectedRow.getAttribute('aria-label')) ?? '', /^200\.74\.226\.0\/24, path 24482 52320 8048/);
    await selectedRow.focus();
    await page.keyboard.press('ArrowDown');
    assert.match((await page.locator('#table tr[aria-selected="true"]').getAttribute('aria-label')) ?? '', /^200\.74\.226\.0\/24, path 6939 1299/);

    // Filter by verdict: only the eight leaked routes remain.
    await page.selectOption('#f-verdict', 'leak');
    assert.equal(await page.locator('#table tbody tr').count(), 8);
    await page.selectOption('#f-verdict', 'all');

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
    await new Promise((resolve) => server.close(resolve));
  }
});
