import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { ChunkedOutput, JsonArrayOutput } from './chunkedOutput';
import type { FindingSink } from './findingSink';

/**
 * The JSON report: one array of {file, range, severity, code, message} rows, 0-based like LSP (the CLI's
 * contract: add fields, never rename them). Written row by row, one row a line.
 */
export function jsonFindings(write: (s: string) => void): FindingSink {
  const out = new ChunkedOutput(write);
  const rows = new JsonArrayOutput(out);
  // Findings come a file at a time: its name is quoted once.
  let file = '';
  let fileJson = '""';
  return {
    add(name: string, d: Diagnostic) {
      if (name !== file) fileJson = JSON.stringify((file = name));
      rows.itemJson(jsonRow(fileJson, d));
    },
    endFile() {},
    end() {
      rows.close();
      out.push('\n');
      out.flush();
    },
  };
}

/**
 * One row of the report, `fileJson` being the file's name as a JSON string: the text JSON.stringify gives for
 * `{ file, range, severity, code, message }` (test/cli/jsonFindings.test.ts holds it to that), without
 * building that object and its range's copies. Strings go through JSON.stringify one by one: V8 quotes a
 * string that needs no escape faster than a regular expression can say so.
 */
export function jsonRow(fileJson: string, d: Diagnostic): string {
  const { start, end } = d.range;
  return (
    `{"file":${fileJson},"range":{"start":{"line":${start.line},"character":${start.character}},"end":{"line":${end.line},"character":${end.character}}},` +
    `"severity":"${d.severity}","code":${JSON.stringify(d.code)},"message":${JSON.stringify(d.message)}}`
  );
}
