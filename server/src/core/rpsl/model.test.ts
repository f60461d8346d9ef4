import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { frameRpsl } from './frame';
import { valueOffsetToDocument } from './model';

test('valueOffsetToDocument: bisection over many segments agrees with the plain walk', () => {
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-z0-9 ]{0,6}$/), { minLength: 1, maxLength: 40 }), (parts) => {
      const text = 'members: ' + parts.join('\n  ') + '\n';
      const attr = frameRpsl(text).objects[0]!.attributes[0]!;
      // The plain walk, as the model defines the mapping.
      const walk = (o: number): number => {
        let pos = 0;
        for (const seg of attr.segments) {
          if (o <= pos + seg.text.length) return seg.offset + (o - pos);
          pos += seg.text.length + 1;
        }
        return attr.valueSpan.end;
      };
      for (let o = 0; o <= attr.value.length + 1; o++) assert.equal(valueOffsetToDocument(attr, o), walk(o), `offset ${o}`);
      // Every character of the joined value maps to the same character in the document.
      for (let o = 0; o < attr.value.length; o++) if (attr.value[o] !== ' ') assert.equal(text[valueOffsetToDocument(attr, o)], attr.value[o]);
    }),
    { numRuns: 300 },
  );
});
