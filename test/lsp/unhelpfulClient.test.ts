import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { type LspSession, unbuilt as skip, withSession } from '../support/lspClient';

/**
 * A client may announce pull diagnostics and refresh support and still answer the refresh request with an
 * error (JSON-RPC's MethodNotFound, as a client with no handler for it does), or refuse a registration. The
 * server must log that and go on: a dropped promise that rejects ends a node process.
 */
test('a client that refuses the server’s requests does not take the server down', { skip, timeout: 60_000 }, async () => {
  // Both refusals are awaited (not slept on): under load a fixed pause could end before the server asked.
  let refused!: Promise<unknown>;
  const refuse = (lsp: LspSession): void => {
    const asked = (method: string): Promise<void> =>
      new Promise((resolve) =>
        lsp.connection.onRequest(method, () => {
          resolve();
          throw method === 'workspace/diagnostic/refresh' ? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`) : new Error('no dynamic registration here');
        }),
      );
    refused = Promise.all([asked('client/registerCapability'), asked('workspace/diagnostic/refresh')]);
  };
  await withSession({ pull: true, prepare: refuse }, async (lsp) => {
    const uri = 'file:///refuse.rpsl';
    await lsp.open(uri, 'rpsl', 'route:          192.0.2.1/24\norigin:         AS64500\n');
    // Settings are read after `initialized`, then the server asks for a refresh.
    await refused;
    // The server reads messages in order: by this pull it has had both refusals, and a rejection it dropped has ended it.
    const items = await lsp.pull(uri);
    assert.ok(items.some((d) => d.code === 'rpsl/host-bits-set'), JSON.stringify(items));
    assert.ok(lsp.alive, `the server exited: ${lsp.stderr.join('')}`);
  });
});
