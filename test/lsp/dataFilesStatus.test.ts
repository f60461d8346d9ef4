import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { DataFilesStatus } from '../../server/src/protocol/lsp';
import { type LspSession, repoRoot, unbuilt, withSession } from '../support/lspClient';

const cantv = path.join(repoRoot, 'examples', 'cantv');
const missing = path.join(repoRoot, 'examples', 'cantv', 'no-such-file.txt');
/** The server names files by URI. */
const uri = (file: string): string => pathToFileURL(file).href;

/** Data lines of a file: neither empty nor a `#` comment. */
function dataLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

/** Collects what the server says of the data files until it has spoken of every kind (or 30 s pass). */
function statusesOf(session: LspSession): { heard: DataFilesStatus; all: Promise<void> } {
  const heard: DataFilesStatus = {};
  const all = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only heard ${JSON.stringify(heard)}`)), 30_000);
    session.connection.onNotification('routelens/dataFilesStatus', (s: DataFilesStatus) => {
      Object.assign(heard, s);
      if (heard.relationships && heard.names && heard.paths) resolve(clearTimeout(timer));
    });
  });
  return { heard, all };
}

test('the server says which data files loaded, with counts and the files it could not read (status bar, issue 20)', { skip: unbuilt }, async () => {
  const settings = {
    data: {
      relationshipFiles: [path.join(cantv, 'cantv.as-rel2.txt'), missing],
      asNamesFile: path.join(cantv, 'as-names.txt'),
      pathFiles: [path.join(cantv, 'cantv-route-views.txt'), missing],
    },
  };
  let statuses!: ReturnType<typeof statusesOf>;
  await withSession({ settings, prepare: (s) => (statuses = statusesOf(s)) }, async (session) => {
    const { heard, all } = statuses;
    await all;

    // Truth read off the files: one link per `a|b|rel` line, one name per `ASN name` line.
    const rels = heard.relationships!;
    assert.equal(rels.loaded, true);
    assert.equal(rels.count, dataLines(path.join(cantv, 'cantv.as-rel2.txt')).length);
    assert.deepEqual(rels.sources, [uri(path.join(cantv, 'cantv.as-rel2.txt'))]);
    assert.deepEqual(rels.errors.map((e) => e.source), [uri(missing)]);
    assert.match(rels.errors[0]!.message, /ENOENT|no such file/i);

    const names = heard.names!;
    assert.equal(names.loaded, true);
    assert.equal(names.count, dataLines(path.join(cantv, 'as-names.txt')).length);
    assert.deepEqual(names.errors, []);

    const paths = heard.paths!;
    assert.equal(paths.loaded, true);
    assert.ok(paths.count > 0, JSON.stringify(paths));
    assert.equal(paths.sources.length, 1);
    assert.deepEqual(paths.errors.map((e) => e.source), [uri(missing)]);

    // Any change of routelens.data makes the client forget what it was told; unchanged files are told again.
    const again = new Promise<DataFilesStatus>((resolve) => session.connection.onNotification('routelens/dataFilesStatus', (s: DataFilesStatus) => s.paths && resolve(s)));
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const retold = await Promise.race([again, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('paths status not told again')), 15_000))]);
    assert.deepEqual(retold.paths, paths);
  });
});

test('with no data files set the server says so for each kind, so the status bar never shows stale counts', { skip: unbuilt }, async () => {
  let statuses!: ReturnType<typeof statusesOf>;
  await withSession({ prepare: (s) => (statuses = statusesOf(s)) }, async () => {
    const { heard, all } = statuses;
    await all;
    for (const kind of ['relationships', 'names', 'paths'] as const) {
      assert.deepEqual(heard[kind], { loaded: false, count: 0, sources: [], errors: [] }, kind);
    }
  });
});
