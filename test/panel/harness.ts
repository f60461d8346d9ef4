import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { panelHtml } from '../../media/src/panelHtml';
import { analyzeLookingGlass, type PathData } from '../../server/src/core/paths/analyze';
import type { HostToWebview, WebviewToHost } from '../../server/src/protocol/webview';
import { repoRoot } from '../support/lspClient';

/**
 * The panel's page in headless Chromium, as VS Code hosts it: the built bundle under the extension's own CSP,
 * a stand-in for acquireVsCodeApi, VS Code's theme variables, and a host that answers with the real core.
 */

// The few browser globals the page callbacks use (this program has no DOM lib).
declare const window: { postMessage(message: unknown, targetOrigin: string): void };
declare const document: {
  body: { className: string };
  addEventListener(type: string, listener: (e: { violatedDirective: string; blockedURI: string }) => void): void;
};

export const CHROMIUM = '/usr/bin/chromium';
export const media = path.join(repoRoot, 'dist', 'media');
export const resultsDir = path.join(repoRoot, 'test-results');
export const STEP = 20_000;

/** Why a Chromium test cannot run here, if it cannot. */
export function missing(): string | undefined {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not present (Debian package chromium)`;
  if (!existsSync(path.join(media, 'panel.js'))) return 'dist/media not built (node scripts/build.mjs)';
  mkdirSync(resultsDir, { recursive: true });
  return undefined;
}

/** Stand-in for VS Code: acquireVsCodeApi posts to the test; state lives in sessionStorage so it survives reload. */
const STUB = `window.acquireVsCodeApi = () => ({
  postMessage: (m) => { void window.__rlHost(m); },
  getState: () => JSON.parse(sessionStorage.getItem('rl-state') || 'null') ?? undefined,
  setState: (s) => sessionStorage.setItem('rl-state', JSON.stringify(s)),
});`;

export type Theme = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast';
export const THEMES: readonly Theme[] = ['vscode-light', 'vscode-dark', 'vscode-high-contrast'];

/** The theme variables VS Code injects into every webview (a subset), values from its Light+, Dark+ and High Contrast themes. */
const THEME_CSS = `
body.vscode-light { --vscode-foreground:#3b3b3b; --vscode-editor-background:#ffffff; --vscode-editor-foreground:#3b3b3b; --vscode-errorForeground:#e51400;
  --vscode-descriptionForeground:#717171; --vscode-editorWidget-background:#f8f8f8; --vscode-editorWidget-border:#c8c8c8; --vscode-badge-background:#005fb8;
  --vscode-badge-foreground:#ffffff; --vscode-focusBorder:#005fb8; --vscode-input-background:#ffffff; --vscode-input-foreground:#3b3b3b; --vscode-input-border:#cecece;
  --vscode-editorHoverWidget-background:#f8f8f8; --vscode-editorHoverWidget-border:#c8c8c8; --vscode-list-activeSelectionBackground:#e8e8e8;
  --vscode-list-hoverBackground:#f2f2f2; --vscode-editorWarning-foreground:#bf8803; --vscode-editorInfo-foreground:#1a85ff; --vscode-testing-iconPassed:#388a34;
  --vscode-button-secondaryBackground:#e5e5e5; --vscode-button-secondaryForeground:#3b3b3b; --vscode-panel-border:#e5e5e5; --vscode-textLink-foreground:#005fb8;
  --vscode-font-family:system-ui,sans-serif; --vscode-font-size:13px; --vscode-editor-font-family:monospace; --vscode-editor-font-size:13px; }
body.vscode-dark { --vscode-foreground:#cccccc; --vscode-editor-background:#1f1f1f; --vscode-editor-foreground:#cccccc; --vscode-errorForeground:#f85149;
  --vscode-descriptionForeground:#9d9d9d; --vscode-editorWidget-background:#202020; --vscode-editorWidget-border:#454545; --vscode-badge-background:#616161;
  --vscode-badge-foreground:#f8f8f8; --vscode-focusBorder:#0078d4; --vscode-input-background:#313131; --vscode-input-foreground:#cccccc; --vscode-input-border:#3c3c3c;
  --vscode-editorHoverWidget-background:#202020; --vscode-editorHoverWidget-border:#454545; --vscode-list-activeSelectionBackground:#04395e;
  --vscode-list-hoverBackground:#2a2d2e; --vscode-editorWarning-foreground:#cca700; --vscode-editorInfo-foreground:#3794ff; --vscode-testing-iconPassed:#73c991;
  --vscode-button-secondaryBackground:#313131; --vscode-button-secondaryForeground:#cccccc; --vscode-panel-border:#2b2b2b; --vscode-textLink-foreground:#4daafc;
  --vscode-font-family:system-ui,sans-serif; --vscode-font-size:13px; --vscode-editor-font-family:monospace; --vscode-editor-font-size:13px; }
body.vscode-high-contrast { --vscode-foreground:#ffffff; --vscode-editor-background:#000000; --vscode-editor-foreground:#ffffff; --vscode-errorForeground:#f48771;
  --vscode-descriptionForeground:#ffffff; --vscode-editorWidget-background:#0c141f; --vscode-editorWidget-border:#6fc3df; --vscode-contrastBorder:#6fc3df; --vscode-contrastActiveBorder:#f38518;
  --vscode-badge-background:#000000; --vscode-badge-foreground:#ffffff; --vscode-focusBorder:#f38518; --vscode-input-background:#000000; --vscode-input-foreground:#ffffff; --vscode-input-border:#6fc3df;
  --vscode-editorHoverWidget-background:#0c141f; --vscode-editorHoverWidget-border:#6fc3df; --vscode-list-activeSelectionBackground:#000000;
  --vscode-list-hoverBackground:#000000; --vscode-editorWarning-foreground:#ffd370; --vscode-editorInfo-foreground:#3794ff; --vscode-testing-iconPassed:#73c991;
  --vscode-button-secondaryBackground:#000000; --vscode-button-secondaryForeground:#ffffff; --vscode-button-border:#6fc3df; --vscode-panel-border:#6fc3df; --vscode-textLink-foreground:#21a6ff;
  --vscode-font-family:system-ui,sans-serif; --vscode-font-size:13px; --vscode-editor-font-family:monospace; --vscode-editor-font-size:13px; }`;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };

/** Serves the built page under the extension's own CSP; the stub and theme come from the same origin. */
export async function serve(): Promise<{ server: Server; origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (url.pathname === '/') {
        const nonce = randomBytes(16).toString('hex');
        const theme = url.searchParams.get('theme') ?? 'vscode-light';
        const html = panelHtml({ cspSource: origin, nonce, script: `${origin}/panel.js`, style: `${origin}/panel.css`, worker: `${origin}/editor.worker.js` })
          .replace('<body>', `<body class="${theme.replace(/[^\w-]/g, '')}">`)
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
  return {
    server,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * What the page shows, read through typed callbacks: this program has no DOM lib, so Playwright's `Element` does
 * not resolve and an untyped callback would read `any`.
 */
type Shown = { getAttribute(name: string): string | null; textContent: string | null };

/** The `data-node` of every box `selector` matches (it must select by `[data-node…]`), in document order. */
export function nodesShown(page: Page, selector = '#graph [data-node]'): Promise<string[]> {
  return page.$$eval(selector, (els: Shown[]) => els.map((e) => e.getAttribute('data-node') ?? ''));
}

/** The text of every element `selector` matches, in document order. */
export function textsShown(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els: Shown[]) => els.map((e) => e.textContent ?? ''));
}

/**
 * The extension host's part: answers `analyze` with the real core and records what the page sends. The model
 * goes through JSON as it does over the LSP connection (that is where -Infinity became null).
 */
export class FakeHost {
  readonly received: WebviewToHost[] = [];
  private readonly waiters: { pred: (m: WebviewToHost) => boolean; resolve: (m: WebviewToHost) => void }[] = [];
  initText: string;
  /** When set, `analyze` of a text it matches is answered with an error, as a failing server request is. */
  failOn: RegExp | undefined;

  constructor(
    private readonly page: Page,
    private readonly data: PathData,
    text: string,
  ) {
    this.initText = text;
  }

  /** Wires the host to a page (before its first navigation) and records CSP violations and page errors. */
  static async attach(page: Page, data: PathData, text: string): Promise<{ host: FakeHost; violations: string[]; pageErrors: string[] }> {
    const host = new FakeHost(page, data, text);
    const violations: string[] = [];
    const pageErrors: string[] = [];
    page.setDefaultTimeout(STEP);
    await page.exposeFunction('__rlHost', (m: WebviewToHost) => host.handle(m));
    // tsx compiles with keepNames: callbacks given to page.evaluate call esbuild's __name helper, absent in the page.
    await page.addInitScript('window.__name = (f) => f;');
    // Injected over CDP, so it runs under any CSP and sees every violation from the first script on.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on('console', (m) => {
      if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return { host, violations, pageErrors };
  }

  async handle(m: WebviewToHost): Promise<void> {
    this.received.push(m);
    for (const w of [...this.waiters]) {
      if (!w.pred(m)) continue;
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(m);
    }
    if (m.type === 'ready') await this.post({ type: 'init', text: this.initText });
    if (m.type === 'analyze') {
      const seq = m.seq !== undefined ? { seq: m.seq } : {};
      if (this.failOn?.test(m.text)) return this.post({ type: 'error', message: 'The analysis failed: Request routelens/analyzePaths failed (test).', ...seq });
      const model: unknown = JSON.parse(JSON.stringify(analyzeLookingGlass(m.text, this.data, { ...(m.group ? { group: m.group } : {}), ...(m.focus !== undefined ? { focus: m.focus } : {}), ...(m.prefix ? { prefix: m.prefix } : {}) })));
      await this.post({ type: 'model', model, ...seq } as HostToWebview);
    }
  }

  next<T extends WebviewToHost['type']>(type: T): Promise<Extract<WebviewToHost, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" message from the page within ${STEP} ms`)), STEP);
      this.waiters.push({ pred: (m) => m.type === type, resolve: (m) => (clearTimeout(timer), resolve(m as Extract<WebviewToHost, { type: T }>)) });
    });
  }

  post(m: HostToWebview): Promise<void> {
    return this.page.evaluate((msg) => window.postMessage(msg, '*'), m);
  }
}
