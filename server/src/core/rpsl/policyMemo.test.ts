import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { RpslIncrementalDocument } from './incremental';
import { PolicyMemo } from './policyMemo';
import { validateRpslText } from './validate';

// Objects whose policy lines parse clean or not, in dialects that read some of them differently (source:
// picks the profile), split and joined by edits: a memo must never hide a finding a fresh parse would give.
const pieces = fc.constantFrom(
  'aut-num: AS1\n',
  'aut-num: AS2\nas-name: X\nmnt-by: TEST-MNT\n',
  'import: from AS2 accept ANY\n',
  'import: from AS2 accept\n',
  'export: to AS2 announce AS-X\n',
  'export: to AS2 announce AS1:AS-CUST\n',
  'export: to AS2 anounce AS1\n',
  // Host bits in a filter: RIPE's grammar takes them, the other dialects report them.
  'import: from AS2 accept { 192.0.2.1/24 }\n',
  'mp-import: afi ipv6.unicast from AS3 accept ANY\n',
  'mp-export: afi ipv6.unicast to AS3 announce AS1\n',
  'mp-export: afi ipv9 to AS3 announce AS1\n',
  'import: from AS2 action pref=10; accept ANY\n',
  'import: from AS2 action community.append(1:2); accept <^AS2+$>\n',
  '  accept ANY\n',
  '+ AS-Y\n',
  'route: 192.0.2.0/24\n',
  'origin: AS65000\n',
  'source: RADB\n',
  'source: RIPE\n',
  'source: NTTCOM\n',
  '\n',
  '\n\n',
  '# c\n',
  ' ',
  'x',
  ';',
);
/** Mostly whole objects (a class line, then attributes), with stray pieces between, as typing leaves them. */
const object = fc
  .tuple(fc.constantFrom('aut-num: AS1\n', 'aut-num: AS2\nas-name: X\nmnt-by: TEST-MNT\n', 'route: 192.0.2.0/24\norigin: AS1\n'), fc.array(pieces, { maxLength: 8 }), fc.constantFrom('source: RIPE\n', 'source: RADB\n', 'source: NTTCOM\n', ''))
  .map(([head, body, tail]) => `${head}${body.join('')}${tail}\n`);
const doc = fc.array(fc.oneof({ arbitrary: object, weight: 3 }, { arbitrary: pieces, weight: 1 }), { maxLength: 12 }).map((p) => p.join(''));
const edit = fc.tuple(fc.nat(), fc.nat(12), fc.oneof(pieces, fc.constant('')));

test('a policy memo filled by other texts: validation with it gives exactly the diagnostics of one without', () => {
  let policyFindings = 0;
  fc.assert(
    fc.property(fc.array(doc, { minLength: 1, maxLength: 4 }), doc, (others, text) => {
      const policyMemo = new PolicyMemo();
      for (const o of others) validateRpslText(o, 'auto', { policyMemo });
      // And a memo that only looks up an earlier one, as an edited chunk's does.
      const next = new PolicyMemo([policyMemo]);
      const fresh = validateRpslText(text, 'auto');
      policyFindings += fresh.filter((d) => d.code.startsWith('policy/')).length;
      assert.deepEqual(validateRpslText(text, 'auto', { policyMemo }), fresh);
      assert.deepEqual(validateRpslText(text, 'auto', { policyMemo: next }), fresh);
    }),
    { numRuns: 300 },
  );
  // The property says something only if policy findings were among those compared.
  assert.ok(policyFindings > 100, `${policyFindings} policy findings`);
});

test('an edited document whose chunks keep memos gives exactly the diagnostics of a full re-validation', () => {
  fc.assert(
    fc.property(doc, fc.array(edit, { maxLength: 8 }), fc.constantFrom(0, 40, 200), (text, edits, memoFrom) => {
      const inc = new RpslIncrementalDocument(text, 'auto', undefined, memoFrom);
      let cur = text;
      for (const [at, len, ins] of edits) {
        const s = cur.length ? at % (cur.length + 1) : 0;
        const e = Math.min(cur.length, s + len);
        cur = cur.slice(0, s) + ins + cur.slice(e);
        inc.applyEdit(s, e, ins);
        assert.deepEqual(inc.diagnostics(), validateRpslText(cur, 'auto'));
      }
    }),
    { numRuns: 300 },
  );
});

test("a memo holds only the policy values of its chunk's text: an edited line's old value is not kept", () => {
  const lines = Array.from({ length: 50 }, (_, i) => `import: from AS${i + 2} accept ANY\n`);
  const text = `aut-num: AS1\n${lines.join('')}source: RIPE\n`;
  const inc = new RpslIncrementalDocument(text, 'auto', undefined, 0);
  const memo = (): PolicyMemo => (inc as unknown as { chunks: { policyMemo?: PolicyMemo }[] }).chunks[0]!.policyMemo!;
  assert.equal(memo().values, 50);
  const at = text.indexOf('AS7 ');
  inc.applyEdit(at + 2, at + 3, '77'); // AS7 → AS77: one value replaced
  assert.equal(memo().values, 50);
  inc.applyEdit(at, at + 5, 'AS177 accept ANY\nimport: from AS199 '); // one line becomes two
  assert.equal(memo().values, 51);
  assert.deepEqual(inc.diagnostics(), validateRpslText(inc.text, 'auto'));
});
