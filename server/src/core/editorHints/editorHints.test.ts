import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { SourceDocument } from '../document';
import { parseRpslDocument } from '../rpsl/document';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import { asNameHints } from './asNameHints';
import { resolveSetSizeLens, setSizeLenses } from './setSizeLenses';

const example = path.resolve(__dirname, '..', '..', '..', '..', 'examples', 'cantv');
const rpslText = readFileSync(path.join(example, 'cantv.rpsl'), 'utf8');
const rpsl = new SourceDocument('file:///cantv.rpsl', 'rpsl', 1, rpslText);
const workspace = new WorkspaceIndex();
workspace.set(rpsl.uri, parseRpslDocument(rpsl).objects, rpsl.text);
const everything = (doc: SourceDocument) => ({ start: { line: 0, character: 0 }, end: doc.lineIndex.positionAt(doc.text.length) });

/** The text each hint follows, with its label: `AS6762 SPARKLE`. */
function shown(doc: SourceDocument, hints: ReturnType<typeof asNameHints>): string[] {
  return hints.map((h) => {
    const end = doc.lineIndex.offsetAt(h.position);
    const start = doc.text.lastIndexOf('AS', end);
    return `${doc.text.slice(start, end)} ${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`;
  });
}

test('AS names follow AS numbers in policy lines, from the workspace aut-nums, not in set names or keys', () => {
  const hints = asNameHints(rpsl, everything(rpsl), workspace);
  const lines = hints.map((h) => h.position.line);
  const on = (attr: string) => rpslText.split('\n').findIndex((l) => l.startsWith(attr));
  const labels = shown(rpsl, hints);
  // import: from AS6762 accept ANY — in CANTV's aut-num.
  assert.ok(lines.includes(on('import:         from AS6762')), labels.join('; '));
  assert.ok(labels.includes('AS6762 SPARKLE'));
  assert.ok(labels.includes('AS52320 GLOBENET'));
  // The aut-num: key itself and AS8048:AS-CUSTOMERS (a set name) get none.
  assert.ok(!lines.includes(on('aut-num:        AS8048')));
  assert.ok(!lines.includes(on('import:         from AS8048:AS-CUSTOMERS')));
  // members: AS8048 in the customer set.
  assert.ok(lines.includes(on('members:        AS8048')));
  // An AS without an aut-num in the workspace gets no hint (AS1299 has none in this example).
  assert.ok(!labels.some((l) => l.startsWith('AS1299 ')));
});

test('ASPA declarations get names on both sides; comments are skipped; only the range asked for is scanned', () => {
  const text = '# AS8048 in a comment\nAS8048 => AS6762, AS52320 # CANTV\nAS21980 => AS269832\n';
  const aspa = new SourceDocument('file:///x.aspa', 'aspa', 1, text);
  assert.deepEqual(shown(aspa, asNameHints(aspa, everything(aspa), workspace)), [
    'AS8048 CANTV',
    'AS6762 SPARKLE',
    'AS52320 GLOBENET',
    'AS21980 DAYCO-TELECOM',
    'AS269832 EXAMPLE-TRANSIT-269832',
  ]);
  const lineTwo = { start: { line: 2, character: 0 }, end: { line: 2, character: 100 } };
  assert.deepEqual(shown(aspa, asNameHints(aspa, lineTwo, workspace)), ['AS21980 DAYCO-TELECOM', 'AS269832 EXAMPLE-TRANSIT-269832']);
  // Names the workspace lacks come from the names file.
  const arelion = new SourceDocument('file:///y.aspa', 'aspa', 1, 'AS1299 => AS0\n');
  const fromFile = (a: number) => (a === 1299 ? 'ARELION' : undefined);
  assert.deepEqual(shown(arelion, asNameHints(arelion, everything(arelion), workspace, fromFile)), ['AS1299 ARELION']);
});

test('a lens above each as-set tells its size after expansion through the workspace', () => {
  const text = `${rpslText}\nas-set:         AS-OUTER\nmembers:        AS8048:AS-CUSTOMERS, AS6762, AS-NOT-HERE\nsource:         RADB\n`;
  const doc = new SourceDocument('file:///sets.rpsl', 'rpsl', 1, text);
  const index = new WorkspaceIndex();
  index.set(doc.uri, parseRpslDocument(doc).objects, doc.text);
  const lenses = setSizeLenses(doc);
  assert.equal(lenses.length, 2);
  const titles = lenses.map((l) => resolveSetSizeLens(l, index).command?.title);
  assert.equal(titles[0], '1 AS after expansion, depth 1');
  // AS8048 (through the customer set) and AS6762; AS-NOT-HERE is not in the workspace.
  assert.equal(titles[1], '2 ASes after expansion, depth 2 · 1 set not in the workspace');
  assert.equal(lenses[1]!.range.start.line, text.split('\n').indexOf('as-set:         AS-OUTER'));
});
