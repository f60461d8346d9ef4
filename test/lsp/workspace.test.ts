import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { unbuilt as skip, withSession } from '../support/lspClient';

// The workspace index over LSP: a set defined in one file resolves a reference in another, whether the
// defining file is open in the editor or only on disk in a workspace folder.
const UNRESOLVED = 'workspace/unresolved-weak-reference';
const has = (ds: Diagnostic[]): boolean => ds.some((d) => d.code === UNRESOLVED);

const USER = 'aut-num:        AS8048\nas-name:        CANTV\nimport:         from AS6762 accept AS8048:AS-NEW\nmnt-by:         MAINT-CANTV\nsource:         TEST\n';
const SET = 'as-set:         AS8048:AS-NEW\nmembers:        AS21980\nmnt-by:         MAINT-CANTV\nsource:         TEST\n';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('a reference to a set defined in another open file: reported, then cleared when the set is added', { skip }, async () => {
  await withSession({}, async (lsp) => {
    const a = 'file:///lsp-ws/user.rpsl';
    const b = 'file:///lsp-ws/sets.rpsl';
    await lsp.open(a, 'rpsl', USER);
    await lsp.open(b, 'rpsl', 'as-set:         AS8048:AS-OLD\nmembers:        AS1\nmnt-by:         MAINT-CANTV\nsource:         TEST\n');
    const before = await lsp.waitForDiagnostics(a, has);
    const d = before.find((x) => x.code === UNRESOLVED);
    assert.deepEqual(d?.range, { start: { line: 2, character: 35 }, end: { line: 2, character: 48 } });
    await lsp.change(b, SET, 2);
    const afterAdd = await lsp.waitForDiagnostics(a, (ds) => !has(ds));
    assert.ok(!has(afterAdd));
  });
});

test('a set in a workspace folder file is indexed from disk, and a watched-file deletion brings the finding back', { skip }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-ws-'));
  dirs.push(dir);
  const setFile = path.join(dir, 'sets.rpsl');
  writeFileSync(setFile, SET);
  const folder = pathToFileURL(dir).toString();
  await withSession({ folders: [{ uri: folder, name: 'ws' }] }, async (lsp) => {
    const a = `${folder}/user.rpsl`;
    await lsp.open(a, 'rpsl', USER);
    await lsp.waitForDiagnostics(a, (ds) => !has(ds));
    rmSync(setFile);
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(setFile).toString(), type: 3 }] });
    const back = await lsp.waitForDiagnostics(a, has);
    assert.ok(has(back));
  });
});
