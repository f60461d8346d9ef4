import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionPerFile, withSession } from '../support/lspClient';

// Speaks LSP to the built server over stdio, as VS Code does, and checks what comes back.
const server = sessionPerFile();

test('initialize announces the language features', { skip: server.skip }, async () => {
  await withSession({}, async (_fresh, result) => {
    const caps = result.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.documentFormattingProvider, true);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.completionProvider);
  });
});

test('a line that is neither attribute nor continuation is reported with its exact range', { skip: server.skip }, async () => {
  const uri = 'file:///lsp-test/broken.rpsl';
  await server.lsp.open(uri, 'rpsl', 'aut-num:        AS8048\nthis is not an attribute\nsource:         RADB\n');
  const diags = await server.lsp.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'rpsl/not-an-attribute'));
  const d = diags.find((x) => x.code === 'rpsl/not-an-attribute')!;
  assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 24 } });
  assert.equal(d.severity, 1);
  assert.equal(d.source, 'routelens');
});

test('fixing the line clears the diagnostic', { skip: server.skip }, async () => {
  const uri = 'file:///lsp-test/fixed.rpsl';
  await server.lsp.open(uri, 'rpsl', 'aut-num:        AS8048\nthis is not an attribute\n');
  await server.lsp.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'rpsl/not-an-attribute'));
  await server.lsp.change(uri, 'aut-num:        AS8048\nremarks:        this is an attribute\n', 2);
  const after = await server.lsp.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'rpsl/not-an-attribute'));
  assert.ok(!after.some((x) => x.code === 'rpsl/not-an-attribute'));
});

test('a malformed document never crashes the server', { skip: server.skip }, async () => {
  const uri = 'file:///lsp-test/garbage.rpsl';
  const garbage = ':\n+\n\t\n::::\n\u0000\u0001aut-num:\n' + 'x'.repeat(10000) + '\n%\n#\n';
  await server.lsp.open(uri, 'rpsl', garbage);
  const diags = await server.lsp.waitForDiagnostics(uri);
  assert.ok(diags.length > 0);
  // The server still answers requests afterwards.
  const symbols = await server.lsp.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(Array.isArray(symbols));
});
