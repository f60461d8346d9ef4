import type { Diagnostic, Severity } from '../core/diagnostics/diagnostic';
import { ChunkedOutput } from './chunkedOutput';
import type { FindingSink, LintSummary } from './findingSink';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): each finding becomes an annotation on
 * the pull request's diff. Values are escaped as the Actions toolkit does (`%`, CR and LF in the message; also
 * `:` and `,` in properties), so a message can never end the command early.
 */
export function githubFindings(write: (s: string) => void): FindingSink {
  const out = new ChunkedOutput(write);
  return {
    add(file: string, d: Diagnostic) {
      const { start, end } = d.range;
      const props = [
        `file=${property(file)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${property(d.code)}`,
      ];
      out.push(`::${COMMAND[d.severity]} ${props.join(',')}::${data(d.message)}\n`);
    },
    endFile() {},
    end({ files, counts }: LintSummary) {
      out.push(`${files} file(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information + counts.hint} note(s)\n`);
      out.flush();
    },
  };
}

function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
