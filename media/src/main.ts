import './panel.css';
import type { HostToWebview, WebviewToHost } from '../../server/src/protocol';

// First cut of the panel page: a paste area and the model as text. The path-panel area replaces it.
declare function acquireVsCodeApi(): { postMessage(m: WebviewToHost): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();
const app = document.getElementById('app');
if (app) {
  const input = document.createElement('textarea');
  input.setAttribute('aria-label', 'Looking-glass output');
  const output = document.createElement('pre');
  app.append(input, output);
  input.addEventListener('input', () => vscode.postMessage({ type: 'analyze', text: input.value }));
  window.addEventListener('message', (e: MessageEvent<HostToWebview>) => {
    const m = e.data;
    if (m.type === 'init') {
      input.value = m.text;
      vscode.postMessage({ type: 'analyze', text: m.text });
    } else if (m.type === 'model') output.textContent = JSON.stringify(m.model, null, 2);
  });
  vscode.postMessage({ type: 'ready' });
}
