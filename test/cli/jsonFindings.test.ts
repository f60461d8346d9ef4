import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { AS3257_PATH, generateRealisticDump } from '../../bench/rpslDump';
import { jsonRow } from '../../server/src/cli/jsonFindings';
import type { Diagnostic } from '../../server/src/core/diagnostics/diagnostic';
import { defaultSettings } from '../../server/src/core/settings';
import { RpslStreamCheck } from '../../server/src/core/workspace/streamCheck';

/**
 * The JSON report writes its rows as text (jsonFindings.ts) instead of JSON.stringify of an object: each row
 * must be, character for character, what JSON.stringify gave for `{ file, range, severity, code, message }`.
 */

const root = path.join(__dirname, '..', '..');
const REAL_INPUTS = [
  ...readdirSync(path.join(root, 'test', 'rpsl', 'real'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(root, 'test', 'rpsl', 'real', f)),
  path.join(root, 'examples', 'rpsl', 'mistakes.rpsl'),
  path.join(root, 'examples', 'cantv', 'cantv.rpsl'),
  path.join(root, '..', 'shared', 'corpora', 'rpsl', 'AS3257.rpsl'),
];

const oldRow = (file: string, d: Diagnostic): string => JSON.stringify({ file, range: d.range, severity: d.severity, code: d.code, message: d.message });

/** Every finding of a lint of these texts (by file name) must be written as JSON.stringify wrote its row. */
function assertRowsAsBefore(texts: readonly { file: string; text: string }[]): { rows: number; codes: number } {
  const check = new RpslStreamCheck({ ...defaultSettings, rpslDialect: 'auto', crossChecks: true });
  const uris = texts.map(({ file, text }, i) => {
    const uri = `file:///lint/${i}/${encodeURIComponent(path.basename(file))}`;
    check.index(uri, text);
    return { uri, file };
  });
  let rows = 0;
  const codes = new Set<string>();
  for (const { uri, file } of uris)
    check.eachFinding(uri, (d) => {
      rows++;
      codes.add(d.code);
      assert.equal(jsonRow(JSON.stringify(file), d), oldRow(file, d));
    });
  return { rows, codes: codes.size };
}

test('every finding on real inputs (registry answers, the examples, AS3257) is written as JSON.stringify wrote it', () => {
  const { rows, codes } = assertRowsAsBefore(REAL_INPUTS.map((file) => ({ file, text: readFileSync(file, 'utf8') })));
  // Enough to mean something: findings of many codes (quoted names in messages included).
  assert.ok(rows > 100 && codes > 20, `${rows} findings of ${codes} codes`);
});

test('every finding on a generated dump with real policies (bench/rpslDump, 2 MB) is written as JSON.stringify wrote it', () => {
  const { text } = generateRealisticDump(readFileSync(AS3257_PATH, 'utf8'), 2e6);
  const { rows } = assertRowsAsBefore([{ file: 'dir with space/"quoted" dump.rpsl', text }]);
  assert.ok(rows > 1000, `${rows} findings`);
});

test('rows with any file name, message, code and position equal JSON.stringify of the row object', () => {
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\u0000', '\ud800', '\udc00', 'é', '…'), fc.string({ minLength: 1, maxLength: 1 })) });
  const position = fc.record({ line: fc.nat(), character: fc.nat() });
  fc.assert(
    fc.property(text, text, text, position, position, fc.constantFrom('error', 'warning', 'information', 'hint'), (file, code, message, start, end, severity) => {
      const d: Diagnostic = { code, severity, message, range: { start, end } };
      return jsonRow(JSON.stringify(file), d) === oldRow(file, d);
    }),
    { numRuns: 1000 },
  );
});
