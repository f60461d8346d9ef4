import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Position } from 'vscode-languageserver-types';
import type { SourceDocument } from '../../server/src/core/document';
import { workspaceDefinition, workspaceHover, workspaceReferences, workspaceRename, workspaceSymbols } from '../../server/src/core/workspace/navigation';
import { CANTV, workspaceOf } from './fixtures';

/** The position of the `nth` occurrence of `needle` in the document, `offset` characters into it. */
function at(doc: SourceDocument, needle: string, offset = 1, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = doc.text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return doc.lineIndex.positionAt(i + offset);
}

const FILES = {
  ...CANTV,
  'file:///ws/contacts.rpsl': 'mntner: MAINT-CANTV\nauth: CRYPT-PW xxx\n\nperson: Ana Perez\nnic-hdl: AP1-TEST\n',
  'file:///ws/admin.rpsl': 'as-set: AS-EXTRA\nmembers: AS8048:AS-CUSTOMERS, AS64500\nadmin-c: AP1-TEST\nmnt-by: MAINT-CANTV\n',
};

test('definition of a set, a mntner, a contact and an AS, from a reference in another file', () => {
  const { ctx, docs } = workspaceOf(FILES);
  const admin = docs['file:///ws/admin.rpsl'];
  assert.ok(admin);
  const set = workspaceDefinition(admin, at(admin, 'AS8048:AS-CUSTOMERS', 3), ctx);
  assert.deepEqual(set.map((l) => [l.uri, l.range.start.line]), [['file:///ws/as8048.rpsl', 9]]);
  assert.deepEqual(workspaceDefinition(admin, at(admin, 'AP1-TEST'), ctx).map((l) => [l.uri, l.range.start.line]), [['file:///ws/contacts.rpsl', 4]]);
  assert.deepEqual(workspaceDefinition(admin, at(admin, 'MAINT-CANTV'), ctx).map((l) => l.uri), ['file:///ws/contacts.rpsl']);
  const a6762 = docs['file:///ws/as6762.rpsl'];
  assert.ok(a6762);
  assert.deepEqual(workspaceDefinition(a6762, at(a6762, 'AS8048'), ctx).map((l) => [l.uri, l.range.start.line, l.range.start.character]), [['file:///ws/as8048.rpsl', 0, 16]]);
});

test('references of a set across files, with and without the declaration', () => {
  const { ctx, docs } = workspaceOf(FILES);
  const own = docs['file:///ws/as8048.rpsl'];
  assert.ok(own);
  const pos = at(own, 'AS8048:AS-CUSTOMERS', 2, 1);
  const refs = workspaceReferences(own, pos, ctx, false).map((l) => l.uri).sort();
  assert.deepEqual(refs, ['file:///ws/admin.rpsl', 'file:///ws/as6762.rpsl', 'file:///ws/as6762.rpsl', 'file:///ws/as8048.rpsl']);
  assert.equal(workspaceReferences(own, pos, ctx, true).length, 5);
});

test('hover on a set lists its expanded members and where each came from', () => {
  const { ctx, docs } = workspaceOf(FILES);
  const admin = docs['file:///ws/admin.rpsl'];
  assert.ok(admin);
  const h = workspaceHover(admin, at(admin, 'AS-EXTRA'), ctx);
  const text = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  assert.match(text, /\*\*AS-EXTRA\*\*/);
  assert.match(text, /3 members after expansion \(depth 2\)/);
  assert.match(text, /- AS8048 — via AS8048:AS-CUSTOMERS/);
  assert.match(text, /- AS64500$/);
});

test('rename of a set edits the definition and every reference; a new name of another class is refused', () => {
  const { ctx, docs } = workspaceOf(FILES);
  const admin = docs['file:///ws/admin.rpsl'];
  assert.ok(admin);
  const pos = at(admin, 'AS8048:AS-CUSTOMERS', 8);
  const edit = workspaceRename(admin, pos, 'AS8048:AS-DOWNSTREAM', ctx);
  assert.ok(edit?.changes);
  const count = Object.fromEntries(Object.entries(edit.changes).map(([u, es]) => [u, es.length]));
  assert.deepEqual(count, { 'file:///ws/as8048.rpsl': 2, 'file:///ws/as6762.rpsl': 2, 'file:///ws/admin.rpsl': 1 });
  const e = edit.changes['file:///ws/as8048.rpsl']?.[0];
  const doc8048 = docs['file:///ws/as8048.rpsl'];
  assert.ok(e && doc8048);
  assert.equal(doc8048.text.slice(doc8048.lineIndex.offsetAt(e.range.start), doc8048.lineIndex.offsetAt(e.range.end)), 'AS8048:AS-CUSTOMERS');
  assert.equal(workspaceRename(admin, pos, 'RS-FOO', ctx), null);
});

test('workspace symbols by substring', () => {
  const { ctx } = workspaceOf(FILES);
  assert.deepEqual(workspaceSymbols('customers', ctx).map((s) => [s.name, s.containerName]), [['AS8048:AS-CUSTOMERS', 'as-set']]);
  assert.ok(workspaceSymbols('', ctx).length >= 9);
  assert.deepEqual(workspaceSymbols('ap1', ctx).map((s) => s.name), ['AP1-TEST']);
});

test('hover on a peer AS inside an aut-num shows the peer’s rules toward this AS', () => {
  const { ctx, docs } = workspaceOf(FILES);
  const own = docs['file:///ws/as8048.rpsl'];
  assert.ok(own);
  const h = workspaceHover(own, at(own, 'from AS6762', 7), ctx);
  const text = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  assert.match(text, /\*\*AS6762\*\* \(aut-num\)/);
  assert.match(text, /AS6762 toward AS8048:/);
  assert.match(text, /import: from AS8048 accept <\^AS8048\+ AS8048:AS-CUSTOMERS\*\$> AND AS8048:AS-CUSTOMERS/);
  assert.match(text, /export: to AS8048 announce ANY/);
  assert.doesNotMatch(text, /AS1299/);
});

test('completion offers the workspace names that fit the attribute', async () => {
  const { workspaceCompletions } = await import('../../server/src/core/workspace/completion');
  const text = 'aut-num: AS64500\nimport: from AS6762 accept AS8048:AS-\nmnt-by: MAI\nadmin-c: A\n';
  const { ctx, docs } = workspaceOf({ ...FILES, 'file:///ws/new.rpsl': text });
  const doc = docs['file:///ws/new.rpsl'];
  assert.ok(doc);
  const end = (needle: string): Position => doc.lineIndex.positionAt(doc.text.indexOf(needle) + needle.length);
  assert.deepEqual(workspaceCompletions(doc, end('accept AS8048:AS-'), ctx).map((c) => c.label), ['AS8048:AS-CUSTOMERS']);
  assert.deepEqual(workspaceCompletions(doc, end('mnt-by: MAI'), ctx).map((c) => c.label), ['MAINT-CANTV']);
  assert.deepEqual(workspaceCompletions(doc, end('admin-c: A'), ctx).map((c) => [c.label, c.detail]), [['AP1-TEST', 'person']]);
  const item = workspaceCompletions(doc, end('mnt-by: MAI'), ctx)[0];
  assert.ok(item?.textEdit && 'range' in item.textEdit);
  assert.equal(item.textEdit.range.start.character, 8);
});
