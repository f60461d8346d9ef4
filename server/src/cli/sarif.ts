import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeDocUrl } from '../core/diagnostics/docLink';
import { allDiagnosticCodes } from '../core/diagnostics/registry';
import type { Diagnostic, Severity } from '../core/diagnostics/diagnostic';
import { ChunkedOutput, JsonArrayOutput } from './chunkedOutput';
import type { FindingSink } from './findingSink';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * SARIF 2.1.0, the shape GitHub code scanning reads: one run, a rule per code used, 1-based regions. Results
 * are written as they come; the rules, known only at the end, follow them (JSON members have no order), each
 * at the index of its code's first result, so `ruleIndex` is known when a result is written.
 */
export function sarifFindings(write: (s: string) => void): FindingSink {
  const out = new ChunkedOutput(write);
  const ruleIndex = new Map<string, number>();
  out.push(
    `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n` +
      // LSP characters are UTF-16 code units; saying so keeps consumers from assuming code points (§3.14.21).
      `      "columnKind": "utf16CodeUnits",\n      "results": `,
  );
  const results = new JsonArrayOutput(out, '      ');
  return {
    add(file: string, d: Diagnostic) {
      let index = ruleIndex.get(d.code);
      if (index === undefined) ruleIndex.set(d.code, (index = ruleIndex.size));
      results.item(sarifResult(file, d, index));
    },
    endFile() {},
    end() {
      const rules = [...ruleIndex.keys()].map(sarifRule);
      const tool = JSON.stringify({ driver: { name: 'RouteLens', rules } }, null, 2).replace(/\n/g, '\n      ');
      results.close();
      out.push(`,\n      "tool": ${tool}\n    }\n  ]\n}\n`);
      out.flush();
    },
  };
}

function sarifRule(id: string) {
  const info = allDiagnosticCodes.get(id);
  return {
    id,
    shortDescription: { text: info?.summary ?? id },
    ...(info ? { fullDescription: { text: info.description } } : {}),
    defaultConfiguration: { level: LEVEL[info?.severity ?? 'warning'] },
    helpUri: codeDocUrl(id),
  };
}

function sarifResult(file: string, r: Diagnostic, ruleIndex: number) {
  return {
    ruleId: r.code,
    ruleIndex,
    level: LEVEL[r.severity],
    message: { text: r.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(file) },
          region: {
            startLine: r.range.start.line + 1,
            startColumn: r.range.start.character + 1,
            endLine: r.range.end.line + 1,
            endColumn: r.range.end.character + 1,
          },
        },
      },
    ],
  };
}

/**
 * SARIF 2.1.0 §3.10.2: `uri` is a URI reference. A relative path stays relative (GitHub code scanning
 * resolves it against the checkout), one segment percent-encoded at a time; an absolute path becomes a
 * file: URI. `<stdin>` and the like are encoded the same way.
 */
function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
