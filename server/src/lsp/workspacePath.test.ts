import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { resolveInWorkspace } from './workspacePath';

const folders = ['file:///home/noc/irr'];

test('settings paths become the URIs documents are keyed by', () => {
  assert.equal(resolveInWorkspace('dumps/radb.db', folders), 'file:///home/noc/irr/dumps/radb.db');
  assert.equal(resolveInWorkspace('/var/lib/rpki/out.json', folders), 'file:///var/lib/rpki/out.json');
  assert.equal(resolveInWorkspace('file:///x/y.rpsl', folders), 'file:///x/y.rpsl');
  assert.equal(resolveInWorkspace('untitled:Untitled-1', folders), 'untitled:Untitled-1');
  assert.equal(resolveInWorkspace('C:\\data\\vrps.csv', folders), 'file:///C%3A/data/vrps.csv');
});

test('characters that mean something in a URI are encoded, and the URI reads back as the same file', () => {
  const uri = resolveInWorkspace('/srv/my dumps/#1?.rpsl', folders);
  assert.equal(uri, 'file:///srv/my%20dumps/%231%3F.rpsl');
  assert.equal(fileURLToPath(uri), '/srv/my dumps/#1?.rpsl');
});
