import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from './lineIndex';

test('positions across LF, CRLF and CR line ends', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const idx = new LineIndex(text);
  assert.equal(idx.lineCount, 4);
  assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(idx.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(idx.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(idx.positionAt(10), { line: 3, character: 0 });
  assert.deepEqual(idx.positionAt(999), { line: 3, character: 2 });
});

test('offsetAt inverts positionAt for every offset of any text', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' ', 'é') }), (text) => {
      const idx = new LineIndex(text);
      for (let o = 0; o <= text.length; o++) {
        // Inside a CRLF the position is the end of the line, which maps back before the CR.
        if (text[o - 1] === '\r' && text[o] === '\n') continue;
        assert.equal(idx.offsetAt(idx.positionAt(o)), o);
      }
    }),
  );
});
