import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PieceText } from './pieceText';
import { TextRevision, firstEditedOffset, unchangedEnds } from './revision';

const piece = fc.oneof(fc.constantFrom('', 'a', '\n', 'route: 192.0.2.0/24\n', 'é\u{1F600}'), fc.string({ maxLength: 40 }), fc.constant('x'.repeat(5000)));

test('PieceText: any sequence of replacements reads as the same operations on a string', () => {
  fc.assert(
    fc.property(piece, fc.array(fc.tuple(fc.integer({ min: -2, max: 12_000 }), fc.integer({ min: -2, max: 12_000 }), piece), { maxLength: 80 }), (initial, edits) => {
      let p = PieceText.of(initial);
      let s = initial;
      for (const [a, b, t] of edits) {
        const start = Math.max(0, Math.min(a, s.length));
        const end = Math.max(start, Math.min(b, s.length));
        p = p.replace(a, b, t);
        s = s.slice(0, start) + t + s.slice(end);
        assert.equal(p.length, s.length);
        for (const o of [-1, 0, start - 1, start, end, s.length - 1, s.length]) assert.deepEqual(p.charCodeAt(o), s.charCodeAt(o));
        assert.equal(p.slice(start - 3, start + t.length + 3), s.slice(Math.max(0, start - 3), start + t.length + 3));
      }
      assert.equal(p.toString(), s);
      assert.equal(p.slice(-5, s.length + 5), s);
    }),
    { numRuns: 300 },
  );
});

test('PieceText: an earlier text is not changed by replacements made from it', () => {
  const a = PieceText.of('route: 192.0.2.0/24\norigin: AS1\n');
  const b = a.replace(7, 7, 'x');
  assert.equal(a.toString(), 'route: 192.0.2.0/24\norigin: AS1\n');
  assert.equal(b.toString(), 'route: x192.0.2.0/24\norigin: AS1\n');
});

test('TextRevision: edits since an ancestor in order, none for itself, undefined for a stranger or beyond the kept history', () => {
  const r0 = new TextRevision(undefined, []);
  const r1 = new TextRevision(r0, [{ start: 5, end: 5, text: 'a' }]);
  const r2 = new TextRevision(r1, [{ start: 2, end: 3, text: '' }]);
  assert.deepEqual(r2.editsSince(r0), [
    { start: 5, end: 5, text: 'a' },
    { start: 2, end: 3, text: '' },
  ]);
  assert.deepEqual(r2.editsSince(r2), []);
  assert.equal(r0.editsSince(r2), undefined);
  assert.equal(r2.editsSince(new TextRevision(undefined, [])), undefined);
  let r = r0;
  for (let k = 0; k < 100; k++) r = new TextRevision(r, [{ start: k, end: k, text: 'y' }]);
  assert.equal(r.editsSince(r0), undefined);
  assert.equal(firstEditedOffset(r2.editsSince(r0)!), 2);
  assert.equal(firstEditedOffset([{ start: 4, end: 4, text: '' }]), undefined);
});

test('unchangedEnds: never more than the texts share at either end, and never overlapping', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 30 }), fc.array(fc.tuple(fc.nat(40), fc.nat(6), fc.string({ maxLength: 4 })), { maxLength: 5 }), (initial, raw) => {
      let text = initial;
      const edits = raw.map(([at, cut, insert]) => {
        const start = Math.min(at, text.length);
        const end = Math.min(text.length, start + cut);
        text = text.slice(0, start) + insert + text.slice(end);
        return { start, end, text: insert };
      });
      const { prefix, suffix } = unchangedEnds(edits, text.length);
      assert.ok(prefix + suffix <= Math.min(initial.length, text.length));
      assert.equal(text.slice(0, prefix), initial.slice(0, prefix));
      assert.equal(text.slice(text.length - suffix), initial.slice(initial.length - suffix));
    }),
    { numRuns: 500 },
  );
});
