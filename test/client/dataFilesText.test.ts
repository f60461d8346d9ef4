import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataFilesText } from '../../client/src/common/dataFilesText';

const none = { relationships: [], names: [], paths: [] };

test('the tooltip says what is loaded, not merely what is set', () => {
  const text = dataFilesText(
    { relationships: ['rels.txt', 'gone.txt'], names: ['names.txt'], paths: ['lg.txt'] },
    {
      relationships: { loaded: true, count: 12345, sources: ['/w/rels.txt'], errors: [{ source: '/w/gone.txt', message: 'ENOENT: no such file' }] },
      names: { loaded: false, count: 0, sources: [], errors: [{ source: '/w/names.txt', message: '3 line(s) are not "ASN name"' }] },
    },
  );
  assert.match(text, /AS relationships: `rels\.txt`, `gone\.txt` — 12,345 links loaded from 1 file; \$\(warning\) `gone\.txt`: ENOENT: no such file/);
  assert.match(text, /AS names: `names\.txt` — nothing loaded; \$\(warning\) `names\.txt`: 3 line\(s\) are not "ASN name"/);
  // The server has not spoken of the observed paths yet.
  assert.match(text, /observed paths: `lg\.txt` — not read yet/);
});

test('kinds the settings leave empty say "none set" whatever the server said before', () => {
  const text = dataFilesText(none, { paths: { loaded: true, count: 3, sources: ['/w/a'], errors: [] } });
  assert.equal((text.match(/none set/g) ?? []).length, 3);
});

test('markdown in an error message is escaped so it cannot break the tooltip', () => {
  const text = dataFilesText({ ...none, names: ['n.txt'] }, { names: { loaded: false, count: 0, sources: [], errors: [{ source: 'n.txt', message: 'bad *line* [x](y)' }] } });
  assert.match(text, /bad \\\*line\\\* \\\[x\\\]\(y\)/);
});
