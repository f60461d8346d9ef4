import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionPerFile } from '../support/lspClient';

/**
 * routelens.rpsl.authoritativeSources unset (this client answers every configuration request with {}): the
 * registries the user writes to are those of the documents the user edits (issue 13). Opening a document is
 * not editing it: a saved NTTCOM answer next to the user's RADB objects is checked strictly until the user
 * edits the RADB file, then as a mirror copy (information); closing the edited file gives every source back.
 */
const server = sessionPerFile();

/** Routes of different prefixes: the same route in two registries would add a duplicate-route note. */
const route = (src: string, prefix: string, descr: string): string =>
  `route:          ${prefix}\ndescr:          ${descr}\norigin:         AS65530\ncolour:         red\nmnt-by:         EXAMPLE-MNT\nsource:         ${src}\n`;
const severities = (d: { severity?: number; code?: string | number }[]): string[] => d.map((x) => `${x.severity} ${String(x.code)}`);

test('unset authoritative sources: the sources of the documents the user edits are theirs, the others mirrors', { skip: server.skip }, async () => {
  const mine = 'file:///lsp-test/authored/mine.rpsl';
  const copy = 'file:///lsp-test/authored/nttcom-answer.txt';
  await server.lsp.open(copy, 'rpsl', route('NTTCOM', '198.51.100.0/24', 'a saved answer'));
  // 1 = Error: before any edit every source is the user's.
  assert.deepEqual(severities(await server.lsp.waitForDiagnostics(copy, (d) => d.length > 0)), ['1 rpsl/unknown-attribute']);
  await server.lsp.open(mine, 'rpsl', route('RADB', '192.0.2.0/24', 'mine'));
  await server.lsp.waitForDiagnostics(mine, (d) => d.length > 0);
  // Opening is not editing: the NTTCOM copy is unchanged until the user edits mine.rpsl.
  await server.lsp.change(mine, route('RADB', '192.0.2.0/24', 'mine, edited'), 2);
  // 3 = Information: RADB is now the user's registry, NTTCOM a mirror; the user's own finding stays an error.
  assert.deepEqual(severities(await server.lsp.waitForDiagnostics(copy, (d) => d[0]?.severity === 3)), ['3 rpsl/unknown-attribute']);
  const message = (await server.lsp.waitForDiagnostics(copy, (d) => d.length > 0))[0]!.message;
  assert.match(typeof message === 'string' ? message : message.value, /mirrored from NTTCOM, not a registry you write to/);
  assert.deepEqual(severities(await server.lsp.waitForDiagnostics(mine, (d) => d.length > 0)), ['1 rpsl/unknown-attribute']);
  // Closing the edited document: no registry named by an edit, every source is the user's again.
  await server.lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri: mine } });
  assert.deepEqual(severities(await server.lsp.waitForDiagnostics(copy, (d) => d[0]?.severity === 1)), ['1 rpsl/unknown-attribute']);
});
