import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { AS3257_PATH, generateRealisticDump } from '../../bench/rpslDump';
import { SourceDocument } from '../../server/src/core/document';
import { frameRpsl } from '../../server/src/core/rpsl/frame';
import { defaultSettings } from '../../server/src/core/settings';
import { AutNumFactsMemo } from '../../server/src/core/workspace/autNumFactsMemo';
import { crossCheckDocument } from '../../server/src/core/workspace/crossCheck';
import { CrossCheckCache } from '../../server/src/core/workspace/crossCheckCache';
import { autNumFacts } from '../../server/src/core/workspace/routePolicy';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { policyWord, realRpslTexts } from '../support/realRpsl';

// The editor reads a big aut-num's facts by runs of its policy lines (autNumFactsMemo.ts); the oracle is one
// walk over all its lines (routePolicy.ts autNumFacts), itself proved against the old walks (autNumFacts.test.ts).
// Runs are made short here (a line in 4 ends one, at most 6 lines) so that real aut-nums split into many.

const short = (): AutNumFactsMemo => new AutNumFactsMemo(3, 6, 0);

test('facts joined from runs of lines equal one walk: every aut-num of the real corpora, read twice through one memo', () => {
  let lines = 0;
  const memo = short();
  for (const t of realRpslTexts())
    for (const o of frameRpsl(t).objects) {
      if (o.className !== 'aut-num') continue;
      lines += o.attributes.filter((a) => /^(mp-)?(import|export)$/.test(a.name)).length;
      const want = autNumFacts(o);
      assert.deepEqual(memo.factsOf(o, t).facts, want, o.attributes[0]?.value);
      // The second time every run comes from the memo.
      assert.deepEqual(memo.factsOf(o, t).facts, want, o.attributes[0]?.value);
    }
  assert.ok(lines > 9000, `${lines} import/export lines`);
});

test('property: after random edits of an aut-num, facts from the memo equal one walk over the edited text', () => {
  // Random words (mostly lines that do not parse) and lines shaped as real policies are (most of a real aut-num).
  const asn = fc.constantFrom('AS1', 'AS2', 'AS174', 'AS65000', 'AS1 OR AS2');
  const filter = fc.constantFrom('ANY', 'AS-X', 'AS1:AS-Y', 'PeerAS', 'FLTR-Z', '{192.0.2.0/24}', 'AS-X AND NOT AS2');
  const shaped = fc.oneof(
    fc.tuple(fc.constant('import'), fc.tuple(asn, filter).map(([a, f]) => ['from', a, 'accept', f])),
    fc.tuple(fc.constant('export'), fc.tuple(asn, filter).map(([a, f]) => ['to', a, 'announce', f])),
    fc.tuple(fc.constant('mp-import'), fc.tuple(asn, filter).map(([a, f]) => ['afi', 'ipv6.unicast', 'from', a, 'accept', f])),
    fc.tuple(fc.constant('mp-export'), fc.tuple(asn, filter).map(([a, f]) => ['afi', 'any', 'to', a, 'announce', f])),
  );
  const line = fc.tuple(
    fc.oneof(fc.tuple(fc.constantFrom('import', 'export', 'mp-import', 'mp-export', 'default', 'remarks'), fc.array(policyWord, { maxLength: 10 })), shaped),
    fc.boolean(),
  ).map(([[name, words], wrap]): [string, string[], boolean] => [name, words, wrap]);
  const body = (lines: [string, string[], boolean][]): string =>
    lines.map(([name, words, wrap]) => `${name}: ${wrap && words.length > 2 ? `${words.slice(0, 2).join(' ')}\n  ${words.slice(2).join(' ')}` : words.join(' ')}`).join('\n');
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat(30), insert: fc.constantFrom('', 'x', ' AS2', '\n', '\nexport: to AS3 announce AS-X', '\n  AS4', '#c', 'import: from AS5 accept ANY\n') });
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 24 }), fc.array(edit, { maxLength: 8 }), fc.nat(40), (lines, edits, lead) => {
      const memo = short();
      // Other text before the aut-num: offsets in the facts count from the object's start.
      let text = `${'x'.repeat(lead)}\n\naut-num: AS1\n${body(lines)}\nsource: TEST\n`;
      for (let k = 0; k <= edits.length; k++) {
        const o = frameRpsl(text).objects.find((x) => x.className === 'aut-num');
        if (o) assert.deepEqual(memo.factsOf(o, text).facts, autNumFacts(o), text);
        const e = edits[k];
        if (!e) break;
        const from = lead + 2 + Math.floor(e.at * (text.length - lead - 2));
        text = text.slice(0, from) + e.insert + text.slice(Math.min(text.length, from + e.cut));
      }
    }),
    { numRuns: Number(process.env.FACTS_RUNS ?? 300) },
  );
});

test('a memo keeps only the runs of the aut-nums it holds', () => {
  const text = 'aut-num: AS1\nimport: from AS2 accept ANY\nexport: to AS2 announce AS1\nimport: from AS3 accept ANY\n';
  const ix = new WorkspaceIndex();
  ix.setText('file:///a.rpsl', text);
  const [aut] = ix.objectsIn('file:///a.rpsl');
  assert.ok(aut);
  const memo = new AutNumFactsMemo(0, 1, 0);
  assert.equal(memo.wants(aut), true);
  memo.note(aut, text);
  assert.equal(memo.wants(aut), false);
  assert.equal(memo.size, 3);
  memo.release(aut.id);
  assert.equal(memo.size, 0);
});

/**
 * The editor's path end to end: a realistic dump (real AS3257 policy lines, bench/rpslDump.ts) where the big
 * aut-nums go through the memo, edited inside them and around them; after each edit the cached cross-object
 * findings equal a fresh check of the same text (which reads every aut-num by one walk).
 */
test('cross-checks with big aut-nums read through the memo equal a fresh check after edits in them', (t) => {
  if (!existsSync(AS3257_PATH)) return t.skip('../shared not present');
  const uri = 'file:///dump.rpsl';
  let { text } = generateRealisticDump(readFileSync(AS3257_PATH, 'utf8'), 1e6, 5);
  const ix = new WorkspaceIndex();
  ix.setText(uri, text);
  const cache = new CrossCheckCache(ix, uri);
  cache.update();
  const autNums: number[] = [];
  for (let at = text.indexOf('\naut-num:'); at >= 0; at = text.indexOf('\naut-num:', at + 1)) autNums.push(at);
  assert.ok(autNums.length > 2);
  let seed = 7;
  const rand = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  const inserts = ['x', '\n', 'export: to AS174 announce AS-GTT\n', ' AS6762', '', 'import: from AS1299 accept ANY\n'];
  for (let step = 0; step < 8; step++) {
    // Somewhere in a policy line of an aut-num (deleting up to a line), or anywhere.
    const near = autNums[rand(autNums.length)]!;
    const line = text.indexOf('\nexport:', near + rand(20000));
    const at = step % 4 === 3 || line < 0 ? rand(text.length) : line + 1 + rand(30);
    text = text.slice(0, at) + inserts[rand(inserts.length)]! + text.slice(Math.min(text.length, at + rand(60)));
    ix.setText(uri, text);
    cache.update();
    const doc = new SourceDocument(uri, 'rpsl', step + 2, text);
    const kept = cache.diagnostics(doc.lineIndex).map((d) => JSON.stringify(d));
    const fresh = new WorkspaceIndex();
    fresh.setText(uri, text);
    const once = crossCheckDocument(doc, { settings: defaultSettings, workspace: fresh }).map((d) => JSON.stringify(d));
    assert.deepEqual(kept, once, `after step ${step}`);
  }
  cache.dispose();
});
