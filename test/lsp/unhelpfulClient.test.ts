import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspSession, serverModule } from '../support/lspClient';

const skip = !existsSync(serverModule) && 'dist/server/node.js not built (run npm run build)';

/**
 * A client may announce pull diagnostics and refresh support and still answer the refresh request with an
 * error (this one has no handler for it: JSON-RPC's MethodNotFound), or refuse a registration. The server
 * must log that and go on: a dropped promise that rejects ends a node process.
 */
test('a client that refuses the server’s requests does not take the server down', { skip }, async () => {
  const lsp = new LspSession();
  try {
    lsp.connection.onRequest('client/registerCapability', () => {
      throw new Error('no dynamic registration here');
    });
    await lsp.initialize([], { pull: true });
    const uri = 'file:///refuse.rpsl';
    await lsp.open(uri, 'rpsl', 'route:          192.0.2.1/24\norigin:         AS64500\n');
    // Settings are read after `initialized`, then the server asks for a refresh; give that time to fail.
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(lsp.alive, `the server exited: ${lsp.stderr.join('')}`);
    const report = await lsp.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.ok(report.kind === 'full' && report.items.some((d) => d.code === 'rpsl/host-bits-set'), JSON.stringify(report));
  } finally {
    await lsp.dispose();
  }
});
