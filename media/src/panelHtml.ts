/**
 * The panel's page, used by the extension host and by the Chromium test so both run under the same
 * policy. monaco needs inline styles and blob: workers; nothing else is relaxed and nothing remote loads.
 * The editor worker is fetched from the extension's own files (connect-src) and started from a blob: URL,
 * since a webview resource cannot be a worker script directly.
 */
export interface PanelPage {
  /** The webview's `cspSource` (its resource origin). */
  readonly cspSource: string;
  readonly nonce: string;
  readonly script: string;
  readonly style: string;
  readonly worker: string;
}

export function panelCsp(p: Pick<PanelPage, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `img-src ${p.cspSource} data: blob:`,
    `font-src ${p.cspSource}`,
    `style-src ${p.cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${p.nonce}'`,
    `connect-src ${p.cspSource}`,
    'worker-src blob:',
  ].join('; ');
}

export function panelHtml(p: PanelPage): string {
  const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(panelCsp(p))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(p.style)}">
<title>AS Paths</title>
</head>
<body>
<div id="app" data-worker="${attr(p.worker)}"></div>
<script nonce="${attr(p.nonce)}" src="${attr(p.script)}"></script>
</body>
</html>`;
}
