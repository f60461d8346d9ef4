import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { whatIfSentence } from '../../media/src/whatIfWords';
import { analyzeLookingGlass } from '../../server/src/core/paths/analyze';
import { loadPathData } from '../../server/src/core/paths/loadData';
import { repoRoot } from '../support/lspClient';

const cantv = path.join(repoRoot, 'examples', 'cantv');

test('the what-if section says it in plain words first: CANTV paste, AS52320 focused, its ASPA in an open aspa.aspa', async () => {
  const text = await fs.readFile(path.join(cantv, 'aspa.aspa'), 'utf8');
  const data = await loadPathData({ aspaDocuments: [{ source: 'file:///work/examples/cantv/aspa.aspa', text }] }, (p) => fs.readFile(p, 'utf8'));
  const paste = await fs.readFile(path.join(cantv, 'cantv.lg'), 'utf8');
  const focused = analyzeLookingGlass(paste, data, { focus: 52320 });
  assert.ok(focused.whatIf);
  assert.equal(whatIfSentence(focused.whatIf), 'If AS52320 published the ASPA in aspa.aspa (AS3356): 8 routes become Invalid (leak at 8048→52320); other checks stay (8 Invalid).');
  const cantvItself = analyzeLookingGlass(paste, data, { focus: 8048 });
  assert.ok(cantvItself.whatIf);
  assert.equal(whatIfSentence(cantvItself.whatIf), 'If AS8048 published the ASPA in aspa.aspa (AS6762, AS23520, AS52320): no verdict changes among the 8 routes through AS8048.');
});
