import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceDocument } from '../../server/src/core/document';
import { frameRpsl } from '../../server/src/core/rpsl/frame';
import { defaultSettings } from '../../server/src/core/settings';
import { crossCheckDocument } from '../../server/src/core/workspace/crossCheck';
import { CrossCheckCache } from '../../server/src/core/workspace/crossCheckCache';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';

const DUMP = 'file:///dump.db';
const SIDE = 'file:///side.rpsl';

/** A small registry with every kind of cross-object finding: unresolved names, loops, duplicates, policy gaps. */
function dump(): string {
  const out: string[] = [];
  for (let i = 0; i < 40; i++) {
    out.push(`route: 192.0.${i % 30}.0/24\norigin: AS${64500 + (i % 7)}\nmember-of: RS-SET${i % 3}\nmnt-by: MNT-${i % 5}`);
    out.push(`as-set: AS-S${i}\nmembers: AS${64500 + i}, AS-S${(i + 1) % 41}\nmnt-by: MNT-${i % 4}`);
    if (i % 4 === 0) out.push(`aut-num: AS${64500 + (i % 7)}\nimport: from AS${64501 + (i % 7)} accept AS-S${i}\nexport: to AS${64501 + (i % 7)} announce AS-S${i}\nmnt-by: MNT-1`);
  }
  out.push('route-set: RS-SET0\nmbrs-by-ref: MNT-0\nmnt-by: MNT-0');
  return out.join('\n\n') + '\n';
}

function placed(cache: CrossCheckCache, doc: SourceDocument): string[] {
  return cache
    .diagnostics(doc.lineIndex)
    .map((d) => JSON.stringify(d))
    .sort();
}

function fresh(texts: Record<string, string>, dumpDoc: SourceDocument): string[] {
  const ix = new WorkspaceIndex();
  for (const [u, t] of Object.entries(texts)) ix.set(u, frameRpsl(t).objects, t);
  ix.markRegistryDump(DUMP);
  return crossCheckDocument(dumpDoc, { settings: defaultSettings, workspace: ix })
    .map((d) => JSON.stringify(d))
    .sort();
}

type Reindex = (ix: WorkspaceIndex, uri: string, text: string) => void;
const byObjects: Reindex = (ix, uri, text) => ix.set(uri, frameRpsl(text).objects, text);
/** As the language server indexes an open document: framed again only around the edit. */
const byText: Reindex = (ix, uri, text) => ix.setText(uri, text);

test('cached cross-checks equal a fresh full check after every edit, in the file and in another one, and re-check only what an edit affects', () => {
  cachedEqualsFresh(byObjects);
});

test('the same when the edited file is indexed by setText, as the language server does', () => {
  cachedEqualsFresh(byText);
});

function cachedEqualsFresh(reindex: Reindex): void {
  const texts: Record<string, string> = { [DUMP]: dump(), [SIDE]: 'mntner: MNT-9\n' };
  const ix = new WorkspaceIndex();
  for (const [u, t] of Object.entries(texts)) reindex(ix, u, t);
  ix.markRegistryDump(DUMP);
  const cache = new CrossCheckCache(ix, DUMP);
  const first = cache.update();
  const objects = ix.objectsIn(DUMP).length;
  assert.equal(first.checked, objects);

  let seed = 11;
  const rand = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
  // Edits that rename, re-origin, break and join objects; and side-file changes that define missing names.
  const dumpEdits = ['x', '', '\n\n', '1', ', AS-S3', '\nmnt-by: MNT-9'];
  const sideTexts = ['mntner: MNT-9\n', 'mntner: MNT-0\n\nmntner: MNT-1\n', 'as-set: AS-S40\nmembers: AS-S0\n', 'route: 192.0.1.0/24\norigin: AS64501\n', ''];
  let checked = 0;
  const edit = (step: number): void => {
    if (step % 3 === 2) {
      texts[SIDE] = sideTexts[rand(sideTexts.length)]!;
      ix.set(SIDE, frameRpsl(texts[SIDE]).objects, texts[SIDE]);
    } else {
      const t = texts[DUMP]!;
      const at = rand(t.length + 1);
      texts[DUMP] = t.slice(0, at) + dumpEdits[rand(dumpEdits.length)]! + t.slice(Math.min(t.length, at + rand(3)));
      reindex(ix, DUMP, texts[DUMP]);
    }
  };
  for (let step = 0; step < 60; step++) {
    edit(step);
    // Every other step, an update that yields after two objects, and another edit before it goes on.
    if (step % 2 === 1) {
      let budget = 2;
      checked += cache.update(() => budget-- <= 0).checked;
      edit(step + 1);
    }
    const u = cache.update();
    assert.ok(u.done);
    checked += u.checked;
    const doc = new SourceDocument(DUMP, 'rpsl', step + 2, texts[DUMP]!);
    assert.deepEqual(placed(cache, doc), fresh(texts, doc), `after step ${step}`);
  }
  // 60 full re-checks would be 60 × objects; the cache re-checks a fraction of that.
  assert.ok(checked < 60 * objects * 0.5, `re-checked ${checked} objects over 60 edits of a file of ${objects}`);
}

/**
 * Placing: a pause moves the kept findings by the lines their objects moved instead of placing them again.
 * Random edits (line breaks added and removed, LF and CRLF texts, a CR left at an object's end, edits in the
 * empty lines between objects, a side file the findings point at changing): what the cache places equals a
 * fresh check of the same texts placed from scratch, in the same order, after every edit.
 */
test('placed findings kept across edits equal freshly placed ones (random edits, LF and CRLF)', async () => {
  const fc = (await import('fast-check')).default;
  const { EditorDocument } = await import('../../server/src/lsp/editorDocument');
  const { documentPositions } = await import('../../server/src/lsp/documentPositions');
  const { LineIndex } = await import('../../server/src/core/text/lineIndex');
  const positions = (doc: InstanceType<typeof EditorDocument>) => documentPositions(doc, doc.version)()!;
  const inserts = ['\n', '\r\n', '\n\n', '\r', 'x', '', 'remarks: moved\n', '\nmnt-by: MNT-9', '\n\nroute: 192.0.7.0/24\norigin: AS64509\n', 'AS-S3, ', 'import: from AS64501 accept AS-S999\n'];
  const sides = ['mntner: MNT-9\n', 'mntner: MNT-0\n\nmntner: MNT-1\n', '\n\n\nas-set: AS-S40\nmembers: AS-S0\n', 'route: 192.0.1.0/24\norigin: AS64501\n', ''];
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat(4), insert: fc.constantFrom(...inserts), side: fc.option(fc.constantFrom(...sides), { freq: 6 }) });
  fc.assert(
    fc.property(fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 12 }), (crlf, edits) => {
      const texts: Record<string, string> = { [DUMP]: crlf ? dump().replace(/\n/g, '\r\n') : dump(), [SIDE]: 'mntner: MNT-9\n' };
      const ix = new WorkspaceIndex();
      ix.setText(DUMP, texts[DUMP]!);
      ix.set(SIDE, frameRpsl(texts[SIDE]!).objects, texts[SIDE]);
      ix.markRegistryDump(DUMP);
      const cache = new CrossCheckCache(ix, DUMP);
      const editor = new EditorDocument(DUMP, 'rpsl', 1, texts[DUMP]!);
      cache.update();
      cache.diagnostics(positions(editor));
      for (const e of edits) {
        if (e.side !== null) {
          texts[SIDE] = e.side;
          ix.set(SIDE, frameRpsl(e.side).objects, e.side);
        }
        const length = editor.getText().length;
        const start = Math.floor(e.at * length);
        const end = Math.min(length, start + e.cut);
        editor.update([{ range: { start: editor.positionAt(start), end: editor.positionAt(end) }, text: e.insert }], editor.version + 1);
        texts[DUMP] = editor.getText();
        ix.setText(DUMP, texts[DUMP]);
        cache.update();
        const kept = cache.diagnostics(positions(editor));

        const fresh = new WorkspaceIndex();
        fresh.setText(DUMP, texts[DUMP]);
        fresh.set(SIDE, frameRpsl(texts[SIDE]!).objects, texts[SIDE]);
        fresh.markRegistryDump(DUMP);
        const once = new CrossCheckCache(fresh, DUMP);
        once.update();
        assert.deepEqual(kept, once.diagnostics(new LineIndex(texts[DUMP])));
        once.dispose();
      }
      cache.dispose();
    }),
    { numRuns: Number(process.env.PLACED_RUNS ?? 40) },
  );
});
