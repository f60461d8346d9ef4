import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { LspSession, serverModule } from '../support/lspClient';

// Speaks LSP to the built server over stdio, as VS Code does, and checks what comes back.
const built = existsSync(serverModule);
let lsp: LspSession;

before(async () => {
  if (!built) return;
  lsp = new LspSession();
  await lsp.initialize();
});
after(async () => {
  await lsp?.dispose();
});

test('initialize announces the language features', { skip: !built && 'dist/server/node.js not built (run npm run build)' }, async () => {
  const fresh = new LspSession();
  try {
    const result = await fresh.initialize();
    const caps = result.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.documentFormattingProvider, true);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.completionProvider);
  } finally {
    await fresh.dispose();
  }
});

test('a line that is neither attribute nor continuation is reported with its exact range', { skip: !built && 'not built' }, async () => {
  const uri = 'file:///lsp-test/broken.rpsl';
  await lsp.open(uri, 'rpsl', 'aut-num:        AS8048\nthis is not an attribute\nsource:         RADB\n');
  const diags = await lsp.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'rpsl/not-an-attribute'));
  const d = diags.find((x) => x.code === 'rpsl/not-an-attribute')!;
  assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 24 } });
  assert.equal(d.severity, 1);
  assert.equal(d.source, 'routelens');
});

test('fixing the line clears the diagnostic', { skip: !built && 'not built' }, async () => {
  const uri = 'file:///lsp-test/fixed.rpsl';
  await lsp.open(uri, 'rpsl', 'aut-num:        AS8048\nthis is not an attribute\n');
  await lsp.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'rpsl/not-an-attribute'));
  await lsp.change(uri, 'aut-num:        AS8048\nremarks:        this is an attribute\n', 2);
  const after = await lsp.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'rpsl/not-an-attribute'));
  assert.ok(!after.some((x) => x.code === 'rpsl/not-an-attribute'));
});

test('a malformed document never crashes the server', { skip: !built && 'not built' }, async () => {
  const uri = 'file:///lsp-test/garbage.rpsl';
  const garbage = ':\n+\n\t\n::::\n\u0000\u0001aut-num:\n' + 'x'.repeat(10000) + '\n%\n#\n';
  await lsp.open(uri, 'rpsl', garbage);
  const diags = await lsp.waitForDiagnostics(uri);
  assert.ok(diags.length > 0);
  // The server still answers requests afterwards.
  const symbols = await lsp.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(Array.isArray(symbols));
});
