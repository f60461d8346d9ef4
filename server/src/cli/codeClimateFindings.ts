import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Diagnostic, Severity } from '../core/diagnostics/diagnostic';
import { ChunkedOutput, JsonArrayOutput } from './chunkedOutput';
import type { FindingSink } from './findingSink';

/** GitLab Code Quality's severities (info, minor, major, critical, blocker), as ESLint's GitLab formatters map them. */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

/**
 * The Code Climate report GitLab Code Quality reads (`artifacts: reports: codequality:`): a JSON array of
 * {description, check_name, fingerprint, severity, location: {path, positions}}, written as findings come.
 * Paths are relative to the working directory (the repository root in a CI job), as GitLab matches them to
 * the merge request's files. The fingerprint leaves out the line, so a finding keeps its identity when lines
 * above it move; repeats of one message in one file are told apart by their order.
 */
export function codeClimateFindings(write: (s: string) => void, cwd = process.cwd()): FindingSink {
  const out = new ChunkedOutput(write);
  const rows = new JsonArrayOutput(out);
  const seen = new Map<string, number>();
  return {
    add(name: string, d: Diagnostic) {
      const file = reportPath(name, cwd);
      const key = `${file}\0${d.code}\0${d.message}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      rows.item({
        type: 'issue',
        description: d.message,
        check_name: d.code,
        fingerprint: createHash('sha256').update(`${key}\0${n}`).digest('hex'),
        severity: SEVERITY[d.severity],
        location: {
          path: file,
          positions: {
            begin: { line: d.range.start.line + 1, column: d.range.start.character + 1 },
            end: { line: d.range.end.line + 1, column: d.range.end.character + 1 },
          },
        },
      });
    },
    endFile() {
      seen.clear();
    },
    end() {
      rows.close();
      out.push('\n');
      out.flush();
    },
  };
}

function reportPath(file: string, cwd: string): string {
  const relative = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return relative.split(path.sep).join('/');
}
