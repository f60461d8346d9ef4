import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { choosePaste } from '../../client/src/common/firstPaste';
import { repoRoot } from '../support/lspClient';

const example = (name: string): Promise<string> => fs.readFile(path.join(repoRoot, 'examples', 'cantv', name), 'utf8');

test('"Analyze AS Paths" takes the selection, or a looking-glass file, and never an .aspa or .rpsl file', async () => {
  const lg = await example('cantv.lg');
  const aspa = await example('aspa.aspa');
  assert.deepEqual(choosePaste(undefined), { text: '', fromSelection: false });
  assert.deepEqual(choosePaste({ selection: '24482 52320 8048', languageId: 'aspa', text: aspa }), { text: '24482 52320 8048', fromSelection: true });
  assert.deepEqual(choosePaste({ languageId: 'plaintext', text: lg }), { text: lg, fromSelection: false });
  assert.deepEqual(choosePaste({ languageId: 'plaintext', text: await example('cantv-route-views.txt') }).text.length > 0, true);
  // Before: the .aspa file in the editor filled the paste box (its "AS8048 => AS6762" lines read as paths).
  assert.deepEqual(choosePaste({ languageId: 'aspa', text: aspa }), { text: '', fromSelection: false });
  assert.deepEqual(choosePaste({ languageId: 'rpsl', text: await example('cantv.rpsl') }), { text: '', fromSelection: false });
  assert.deepEqual(choosePaste({ languageId: 'markdown', text: '# Notes\n\nNothing about routes here.\n' }), { text: '', fromSelection: false });
});
