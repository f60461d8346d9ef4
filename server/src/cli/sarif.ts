import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allDiagnosticCodes } from '../core/diagnostics/registry';
import type { Severity } from '../core/diagnostics/diagnostic';
import type { FileDiagnostic } from './lint';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, the shape GitHub code scanning reads: one run, a rule per code used, 1-based regions. */
export function toSarif(results: readonly FileDiagnostic[]) {
  const codes = [...new Set(results.map((r) => r.code))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'RouteLens',
            rules: codes.map((id) => {
              const info = allDiagnosticCodes.get(id);
              return {
                id,
                shortDescription: { text: info?.summary ?? id },
                ...(info ? { fullDescription: { text: info.description } } : {}),
                defaultConfiguration: { level: LEVEL[info?.severity ?? 'warning'] },
                helpUri: `https://github.com/routelens/routelens/blob/main/docs/diagnostics.md#${id.replace(/[^a-z0-9-]/g, '')}`,
              };
            }),
          },
        },
        // LSP characters are UTF-16 code units; saying so keeps consumers from assuming code points (§3.14.21).
        columnKind: 'utf16CodeUnits',
        results: results.map((r) => ({
          ruleId: r.code,
          ruleIndex: codes.indexOf(r.code),
          level: LEVEL[r.severity],
          message: { text: r.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(r.file) },
                region: {
                  startLine: r.range.start.line + 1,
                  startColumn: r.range.start.character + 1,
                  endLine: r.range.end.line + 1,
                  endColumn: r.range.end.character + 1,
                },
              },
            },
          ],
        })),
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
