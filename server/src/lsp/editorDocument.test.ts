import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditorDocument } from './editorDocument';

// Text built from line breaks of every kind and their neighbours, so edits join and part CR and LF.
const bits = fc.constantFrom('a', 'bc', 'route: 192.0.2.0/24', '\n', '\r', '\r\n', '\n\n', ' ', 'é', '\u{1F600}');
const text = fc.array(bits, { maxLength: 12 }).map((p) => p.join(''));
/** A change as a client sends it, by line and character (possibly past a line's end, reversed, or beyond the text). */
const change = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(fc.nat(8), fc.nat(12), fc.nat(8), fc.nat(12), text).map(([l1, c1, l2, c2, t]) => ({ range: { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } }, text: t })) },
  { weight: 1, arbitrary: text.map((t) => ({ text: t })) },
);

/**
 * Every answer of `ours` equals that of the library's document, which VS Code's language servers use. (The
 * library's own line offsets go wrong after a change whose range names lines past the end of the text, so the
 * changes are applied to library documents made afresh: the answers of a document made from the text are the truth.)
 */
function sameAsLibrary(ours: EditorDocument, changed: TextDocument): void {
  const t = changed.getText();
  assert.equal(ours.getText(), t);
  assert.equal(ours.version, changed.version);
  const theirs = TextDocument.create(changed.uri, changed.languageId, changed.version, t);
  assert.equal(ours.lineCount, theirs.lineCount);
  for (let o = -1; o <= t.length + 1; o++) assert.deepEqual(ours.positionAt(o), theirs.positionAt(o), `positionAt(${o})`);
  for (let line = -1; line <= theirs.lineCount; line++) {
    for (let character = -1; character < 8; character++) assert.equal(ours.offsetAt({ line, character }), theirs.offsetAt({ line, character }), `offsetAt(${line}:${character})`);
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `getEOLCharacters(${line})`);
  }
  const range = { start: { line: 0, character: 1 }, end: { line: 2, character: 1 } };
  assert.equal(ours.getText(range), theirs.getText(range));
}

test('EditorDocument answers as vscode-languageserver-textdocument after any sequence of changes', () => {
  fc.assert(
    fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), fc.boolean(), (initial, versions, readBetween) => {
      const ours = new EditorDocument('file:///x.rpsl', 'rpsl', 1, initial);
      let theirs = TextDocument.create('file:///x.rpsl', 'rpsl', 1, initial);
      // Line offsets made before the changes are updated by them; made after, they are counted afresh.
      if (readBetween) sameAsLibrary(ours, theirs);
      let v = 1;
      for (const changes of versions) {
        v++;
        ours.update(changes, v);
        // Each change applied to a library document made afresh from the text so far (see sameAsLibrary).
        for (const c of changes) theirs = TextDocument.update(TextDocument.create(theirs.uri, theirs.languageId, v, theirs.getText()), [c], v);
        if (readBetween) sameAsLibrary(ours, theirs);
      }
      sameAsLibrary(ours, theirs);
    }),
    { numRuns: 400 },
  );
});

test('each snapshot keeps its text, and its revision tells the edits since any earlier snapshot', () => {
  fc.assert(
    fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (initial, versions) => {
      const doc = new EditorDocument('file:///x.rpsl', 'rpsl', 1, initial);
      const snaps = [doc.snapshot()];
      const texts = [initial];
      let v = 1;
      for (const changes of versions) {
        doc.update(changes, ++v);
        snaps.push(doc.snapshot());
        texts.push(doc.getText());
      }
      for (let k = 0; k < snaps.length; k++) {
        assert.equal(snaps[k]!.text.read(), texts[k]);
        assert.equal(snaps[k]!.text.length, texts[k]!.length);
        for (let j = 0; j <= k; j++) {
          const edits = snaps[k]!.revision.editsSince(snaps[j]!.revision);
          // A whole-text change in between cuts the history; otherwise the edits rebuild the later text.
          const wholeBetween = versions.slice(j, k).some((cs) => cs.some((c) => !('range' in c)));
          if (wholeBetween) {
            assert.equal(edits, undefined);
            continue;
          }
          assert.ok(edits);
          let t = texts[j]!;
          for (const e of edits) t = t.slice(0, e.start) + e.text + t.slice(e.end);
          assert.equal(t, texts[k]);
        }
      }
    }),
    { numRuns: 300 },
  );
});
