import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from '../../../../bench/prng';
import { TextRevision, type TextEdit } from '../text/revision';
import { AuthoredSources, registriesNamedIn } from './authoredSources';
import { validateRpslText } from './validate';

const route = (src: string): string => `route:          192.0.2.0/24\norigin:         AS65530\ncolour:         red\nmnt-by:         EXAMPLE-MNT\nsource:         ${src}\n`;

test('registries named by source: lines: -NONAUTH goes to its registry, comments dropped, -GRS and RPKI copies are never the user’s', () => {
  assert.deepEqual([...registriesNamedIn(`${route('RADB')}\n${route('ripe-nonauth # Filtered')}\n${route('APNIC-GRS')}\n${route('RPKI  # Trust Anchor: apnic')}`)].sort(), ['RADB', 'RIPE']);
  // A continuation line or a remark that mentions source: is not an attribute.
  assert.deepEqual([...registriesNamedIn('remarks:        see\n source: NTTCOM\nremarks: source: LEVEL3\n')], []);
});

test('unset setting: the registries of the documents the user edits are theirs, the rest mirrors; the setting wins when it names some', () => {
  const a = new AuthoredSources();
  // Before any edit every source is the user's (the behaviour with the setting unset).
  assert.equal(a.effective(undefined), undefined);
  assert.equal(a.edited('file:///mine.rpsl', route('RADB')), true, 'the registries changed: diagnostics elsewhere change too');
  assert.deepEqual([...(a.effective(undefined) ?? [])], ['RADB']);
  assert.equal(a.edited('file:///mine.rpsl', route('RADB').replace('red', 'blue')), false, 'same registries: nothing to refresh');
  // What that means for an NTTCOM copy beside it: its finding is information; the user's RADB object keeps its error.
  const sev = (src: string): string[] => validateRpslText(route(src), 'auto', { authoritative: a.effective(undefined) }).map((d) => `${d.severity} ${d.code}`);
  assert.deepEqual(sev('RADB'), ['error rpsl/unknown-attribute']);
  assert.deepEqual(sev('NTTCOM'), ['information rpsl/unknown-attribute']);
  // A second edited document adds its registries; forgetting one removes them.
  assert.equal(a.edited('file:///other.rpsl', route('NTTCOM')), true);
  assert.deepEqual([...(a.effective(undefined) ?? [])].sort(), ['NTTCOM', 'RADB']);
  assert.equal(a.forget('file:///other.rpsl'), true);
  assert.equal(a.forget('file:///never-edited.rpsl'), false);
  // An edited document without source: names no registry: every source stays the user's.
  const b = new AuthoredSources();
  assert.equal(b.edited('file:///draft.rpsl', 'route: 192.0.2.0/24\norigin: AS1\n'), false);
  assert.equal(b.effective(undefined), undefined);
  // The setting, when it names registries, is used as it is.
  const setting = new Set(['RIPE']);
  assert.equal(a.effective(setting), setting);
});

test('after random edits the registries counted from the changed lines are those of the whole text', () => {
  const rnd = mulberry32(15);
  // Pieces that make and break source: lines: line ends of every kind, a line's start, a comment, a -GRS copy.
  const pieces = ['\n', '\r\n', '\r', '\u2028', 'source:', ' ', 'RADB', 'RIPE-NONAUTH', 'APNIC-GRS', '#', 'x', route('NTTCOM'), route('LEVEL3')];
  const a = new AuthoredSources();
  let text = `${route('RADB')}\n${route('RIPE')}`;
  // As an editor's document: the edits come with the text (one to three a version).
  let revision = new TextRevision(undefined, []);
  a.edited('file:///d.rpsl', text, revision);
  for (let step = 0; step < 3000; step++) {
    const edits: TextEdit[] = [];
    for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
      const at = Math.floor(rnd() * (text.length + 1));
      const cut = rnd() < 0.5 ? Math.floor(rnd() * 12) : 0;
      const insert = rnd() < 0.7 ? pieces[Math.floor(rnd() * pieces.length)]! : '';
      const end = Math.min(text.length, at + cut);
      text = text.slice(0, at) + insert + text.slice(end);
      edits.push({ start: at, end, text: insert });
    }
    // Some versions are never told (a pause skipped them): the next one tells their edits too.
    revision = new TextRevision(revision, edits);
    if (step % 7 === 3) continue;
    // And now and then without them (the texts are compared then).
    a.edited('file:///d.rpsl', text, step % 5 === 4 ? undefined : revision);
    const want = [...registriesNamedIn(text)].sort();
    assert.deepEqual([...(a.registries() ?? [])].sort(), want, `step ${step}: ${JSON.stringify(text)}`);
  }
});
