import { ChunkedOutput } from './chunkedOutput';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import type { FindingSink, LintSummary } from './findingSink';

/** Findings of one code shown per file in the text report; the JSON and SARIF reports list them all. */
export const DEFAULT_MAX_PER_CODE = 100;

/**
 * The text report, `file:line:col: severity code: message` per finding. A file with more than `maxPerCode`
 * findings of one code (a dump that is not RPSL gives 600,000 `rpsl/not-an-attribute`) shows the first ones
 * and then says how many more there are and where to find them all.
 */
export function textFindings(write: (s: string) => void, maxPerCode = DEFAULT_MAX_PER_CODE): FindingSink {
  const out = new ChunkedOutput(write);
  const perCode = new Map<string, number>();
  return {
    add(file: string, d: Diagnostic) {
      const n = (perCode.get(d.code) ?? 0) + 1;
      perCode.set(d.code, n);
      if (maxPerCode > 0 && n > maxPerCode) return;
      out.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}\n`);
    },
    endFile(file: string) {
      for (const [code, n] of perCode) {
        if (maxPerCode > 0 && n > maxPerCode) out.push(`${file}: … and ${(n - maxPerCode).toLocaleString('en-US')} more of ${code}; use --format json for all\n`);
      }
      perCode.clear();
    },
    end({ files, counts }: LintSummary) {
      out.push(`${files} file(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information + counts.hint} note(s)\n`);
      out.flush();
    },
  };
}
