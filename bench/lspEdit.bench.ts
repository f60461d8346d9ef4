/**
 * The editor's view of the RPSL edit budget: the real language server over stdio, a 20 MB document, a
 * one-character incremental edit, then the time until the server answers a diagnostic pull for it —
 * JSON-RPC, the document update, the RPSL re-validation and the range conversion all included.
 *   node --import tsx bench/lspEdit.bench.ts [--quick]
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspSession, serverModule } from '../test/support/lspClient';
import { quick, report } from './figure';
import { AS3257_PATH, generateDump, generateRealisticDump } from './rpslDump';

const BUDGET_MS = 50;
/** The server's pause before whole-document work on large documents (server/src/lsp/server.ts SETTLE_MS). */
const SETTLE_MS = 750;

async function main(): Promise<void> {
  if (!existsSync(serverModule)) {
    process.stderr.write('lspEdit: dist/server/node.js is not built (npm run build); skipped\n');
    return;
  }
  const bytes = quick ? 2e6 : 20e6;
  let clean = '';
  for (let n = 20_000; clean.length < bytes; n *= 2) clean = generateDump(n, 3);
  clean = clean.slice(0, clean.lastIndexOf('\n\n', bytes) + 2);
  process.stderr.write(`clean generated dump (bench/rpslDump.ts generateDump): ${(clean.length / 1e6).toFixed(1)} MB\n`);
  await session('clean generated', clean, false);
  if (!existsSync(AS3257_PATH)) {
    process.stderr.write(`realistic dump: ${AS3257_PATH} is absent (../shared); budgets not judged\n`);
    return;
  }
  const { text, stats } = generateRealisticDump(readFileSync(AS3257_PATH, 'utf8'), bytes, 13);
  process.stderr.write(
    `realistic dump (bench/rpslDump.ts generateRealisticDump, real AS3257 policy lines, ${(stats.policyShare * 100).toFixed(0)} % policy): ${(text.length / 1e6).toFixed(1)} MB, ${stats.objects} objects\n`,
  );
  await session('realistic', text, true);
}

/** One editor session on `text`: open, type, pause. Budgets are judged on the realistic dump. */
async function session(label: string, text: string, budgeted: boolean): Promise<void> {
  const uri = 'file:///bench/dump.rpsl';
  const lsp = new LspSession();
  // --no-cross-checks: only the per-object RPSL checks, the figure issue 3's budget is about.
  const noCross = process.argv.includes('--no-cross-checks');
  if (noCross) lsp.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ crossChecks: { enabled: false } })));
  try {
    // Pull diagnostics, as VS Code: keystrokes are answered by pulls, a pause by a refresh request.
    await lsp.initialize([], { pull: true });
    await lsp.open(uri, 'rpsl', text);
    const pull = async (): Promise<number> => {
      const t = performance.now();
      const r = await lsp.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      if (r.kind !== 'full') throw new Error('expected a full report');
      return performance.now() - t;
    };
    const first = await pull();
    const times: number[] = [];
    const lines = text.split('\n').length;
    for (let v = 2; v < 32; v++) {
      // Type one character into a value somewhere in the file: a descr line keeps the document valid.
      const line = Math.floor((lines * (v * 37 % 97)) / 97);
      await lsp.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        // One change, as VS Code sends for a keystroke: each change costs the server a copy of the 20 MB text
        // (vscode-languageserver-textdocument joins the pieces and reads a character of the result).
        contentChanges: [{ range: { start: { line, character: 16 }, end: { line, character: 16 } }, text: 'x' }],
      });
      times.push(await pull());
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length / 2)]!;
    const p90 = times[Math.floor(times.length * 0.9)]!;
    // After typing pauses the server re-indexes the document and brings its cross-object findings up to
    // date, then asks the client to pull again: the time past the pause is that work.
    const settles: number[] = [];
    if (!noCross) {
      let settled: (() => void) | undefined;
      lsp.connection.onRequest('workspace/diagnostic/refresh', () => {
        settled?.();
        return null;
      });
      for (let v = 40; v < 45; v++) {
        const line = Math.floor((lines * ((v * 53) % 97)) / 97);
        const done = new Promise<void>((resolve) => (settled = resolve));
        const t = performance.now();
        await lsp.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: v },
          contentChanges: [{ range: { start: { line, character: 16 }, end: { line, character: 16 } }, text: 'y' }],
        });
        await done;
        settles.push(performance.now() - t - SETTLE_MS);
        await pull();
      }
      settles.sort((a, b) => a - b);
    }
    const judged = budgeted && !quick;
    const size = `${label} ${(text.length / 1e6).toFixed(0)} MB`;
    report({ bench: 'lspEdit', metric: `${size}: first full validation`, value: first, unit: 'ms' });
    report({ bench: 'lspEdit', metric: `${size}: edit → diagnostics, median${noCross ? ' (no cross-checks)' : ''}`, value: p50, unit: 'ms' });
    report({ bench: 'lspEdit', metric: `${size}: edit → diagnostics, p90${noCross ? ' (no cross-checks)' : ''}`, value: p90, unit: 'ms', ...(judged ? { budget: `< ${BUDGET_MS} ms`, ok: p90 < BUDGET_MS } : {}) });
    if (settles.length > 0) {
      report({ bench: 'lspEdit', metric: `${size}: pause → cross-checks settled (re-index + re-check), median of 5`, value: settles[2]!, unit: 'ms' });
      report({ bench: 'lspEdit', metric: `${size}: pause → cross-checks settled, worst of 5`, value: settles[4]!, unit: 'ms', ...(judged ? { budget: '<= 300 ms', ok: settles[4]! <= 300 } : {}) });
    }
  } finally {
    await lsp.dispose();
  }
}

void main();
