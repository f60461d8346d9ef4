import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { type LspSession, unbuilt as skip, withSession } from '../support/lspClient';

// routelens.diagnostics.maxPerFile through the built server: the report keeps the errors nearest the last edit.
const LIMITED = { diagnostics: { maxPerFile: 5 } };

/**
 * 12 route objects with host bits set (one rpsl/host-bits-set error each, on their first line: lines 0, 6, …,
 * 54, 60, 67) and, in the 11th, a member-of with an empty item (one rpsl/empty-list-item warning, line 62):
 * 13 findings, as `routelens lint` lists them. Line 61 is the 11th object's descr, which the tests edit.
 */
const text = Array.from(
  { length: 12 },
  (_, i) =>
    `route:          192.0.${i}.1/24\ndescr:          net ${i}\n${i === 10 ? 'member-of:      AS64500:RS-A, , AS64500:RS-B\n' : ''}` +
    'origin:         AS64500\nmnt-by:         MAINT-EXAMPLE\nsource:         RADB\n',
).join('\n');
const EDITED_LINE = 61;
const edit = { range: { start: { line: EDITED_LINE, character: 20 }, end: { line: EDITED_LINE, character: 22 } }, text: 'ten' };

const lines = (ds: readonly Diagnostic[], code: string): number[] => ds.filter((d) => d.code === code).map((d) => d.range.start.line);

/** Four slots for findings: the errors nearest line 61 are at 60 (1 away), 67 (6), 54 (7), 48 (13); the warning at 62 waits behind them. */
function assertNearEdit(items: readonly Diagnostic[], uriPath: string): void {
  assert.equal(items.length, 5);
  assert.deepEqual(lines(items, 'rpsl/host-bits-set'), [48, 54, 60, 67]);
  const notice = items.find((d) => d.code === 'routelens/diagnostics-limited');
  assert.ok(notice, 'the notice is there');
  assert.equal(notice.severity, 3);
  assert.equal(notice.range.start.line, 0);
  const message = typeof notice.message === 'string' ? notice.message : notice.message.value;
  assert.match(message, /^Showing 4 of 13 findings: the most severe, nearest the last edit\./);
  assert.ok(message.includes('routelens.diagnostics.maxPerFile'));
  assert.ok(message.includes(`\`routelens lint ${uriPath}\``));
}

test('pull: over maxPerFile, the errors nearest the edited line and a notice with the counts', { skip }, async () => {
  // The server asks for a refresh once it has read the settings; open the document after that.
  let settingsRead!: Promise<void>;
  const awaitRefresh = (lsp: LspSession): void => {
    settingsRead = new Promise<void>((resolve) => lsp.connection.onRequest('workspace/diagnostic/refresh', () => (resolve(), null)));
  };
  await withSession({ pull: true, settings: LIMITED, prepare: awaitRefresh }, async (lsp) => {
    await settingsRead;
    const uri = 'file:///lsp-test/budget.rpsl';
    await lsp.open(uri, 'rpsl', text);
    // Before any edit the focus is the top of the file: what VS Code itself would keep.
    const before = await lsp.pull(uri);
    assert.equal(before.length, 5);
    assert.deepEqual(lines(before, 'rpsl/host-bits-set'), [0, 6, 12, 18]);

    await lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [edit] });
    assertNearEdit(await lsp.pull(uri), '/lsp-test/budget.rpsl');
  });
});

test('push: the same budget applies to published diagnostics; the default limit leaves a small file whole', { skip }, async () => {
  const uri = 'file:///lsp-test/budget-push.rpsl';
  await withSession({ settings: LIMITED }, async (limited) => {
    await limited.open(uri, 'rpsl', text);
    await limited.change(uri, text.replace('net 10\n', 'net ten\n'), 2);
    assertNearEdit(await limited.waitForDiagnostics(uri, (d) => d.length === 5 && lines(d, 'rpsl/host-bits-set').includes(67)), '/lsp-test/budget-push.rpsl');
  });
  await withSession({}, async (whole) => {
    await whole.open(uri, 'rpsl', text);
    const all = await whole.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal(all.length, 13);
    assert.deepEqual(lines(all, 'rpsl/host-bits-set'), [0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60, 67]);
    assert.deepEqual(lines(all, 'rpsl/empty-list-item'), [62]);
    assert.deepEqual(lines(all, 'routelens/diagnostics-limited'), []);
  });
});
