import { ChunkedOutput, JsonArrayOutput } from './chunkedOutput';
import type { FileDiagnostic, FindingSink } from './findingSink';

/**
 * The JSON report: one array of {file, range, severity, code, message} rows, 0-based like LSP (the CLI's
 * contract: add fields, never rename them). Written row by row, one row a line.
 */
export function jsonFindings(write: (s: string) => void): FindingSink {
  const out = new ChunkedOutput(write);
  const rows = new JsonArrayOutput(out);
  return {
    add(d: FileDiagnostic) {
      rows.item({ file: d.file, range: d.range, severity: d.severity, code: d.code, message: d.message });
    },
    endFile() {},
    end() {
      rows.close();
      out.push('\n');
      out.flush();
    },
  };
}
