import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, formatRpsl } from './format';
import { frameRpsl } from './frame';

test('values align at column 16; continuation lines, + marks and comments are kept', () => {
  const text = 'route: 192.0.2.0/24   \ndescr:\tfirst # note\n   second\n+  third\n+\n# comment\norigin:AS1\nmnt-routes-that-is-long: X-MNT\nremarks:   \n';
  const out = applyEdits(text, formatRpsl(text));
  assert.equal(
    out,
    'route:          192.0.2.0/24\ndescr:          first # note\n                second\n+               third\n+\n# comment\norigin:         AS1\nmnt-routes-that-is-long: X-MNT\nremarks:\n',
  );
  assert.deepEqual(formatRpsl(out), [], 'formatting is idempotent');
});

const line = fc.oneof(
  fc.constantFrom('route: 192.0.2.0/24', 'descr:x', 'descr:\t a # b ', '  cont ', '+', '+ x', ' ', '\t', '', '#c', '%r', 'or', ': x', 'a b: c', 'x:', '\r'),
  fc.string({ maxLength: 10 }),
);

test('fuzz: formatting never changes what the objects mean, and is idempotent', () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
      const text = lines.join('\n');
      const out = applyEdits(text, formatRpsl(text));
      const meaning = (t: string) => {
        const r = frameRpsl(t);
        return { objects: r.objects.map((o) => o.attributes.map((a) => [a.rawName, a.value])), codes: r.diagnostics.map((d) => d.code) };
      };
      assert.deepEqual(meaning(out), meaning(text));
      assert.deepEqual(formatRpsl(out), []);
    }),
    { numRuns: 500 },
  );
});
