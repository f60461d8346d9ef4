import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceDocument } from '../core/document';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { languageOfContent, languageOfFile, languageOfName, languageServices } from '../core/languages';
import { firstContentLine } from '../core/rpsl/whoisText';
import { parseRpslDocument } from '../core/rpsl/service';
import type { RpslDialectSetting } from '../core/settings';
import { defaultSettings } from '../core/settings';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { type CliIo, EXIT, parseArgs } from './io';
import { toSarif } from './sarif';
import { listCodes } from './explain';

export interface FileDiagnostic extends Diagnostic {
  readonly file: string;
}

const USAGE = 'usage: routelens lint [--dialect auto|rfc|irrd|ripe] [--format text|json|sarif] [--no-cross-checks] [--list-codes] <files, dirs or - for standard input…>';
const DIALECTS: readonly RpslDialectSetting[] = ['auto', 'rfc', 'irrd', 'ripe'];
const FORMATS = ['text', 'json', 'sarif'] as const;

/**
 * `routelens lint`: the same services and diagnostics as the editor. All RPSL files named are indexed
 * first, as a workspace, so cross-object checks see every object, as they would in VS Code.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { values: ['dialect', 'format'], flags: ['no-cross-checks', 'help', 'list-codes'] });
  if ('error' in parsed) return usage(io, parsed.error);
  if (parsed.flags.has('help')) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (parsed.flags.has('list-codes')) return listCodes(io);
  const dialect = parsed.values.get('dialect')?.[0] ?? 'auto';
  const format = parsed.values.get('format')?.[0] ?? 'text';
  const rpslDialect = DIALECTS.find((d) => d === dialect);
  if (!rpslDialect) return usage(io, `unknown dialect "${dialect}"`);
  if (!FORMATS.some((f) => f === format)) return usage(io, `unknown format "${format}"`);
  if (parsed.positional.length === 0) return usage(io, 'no files given');

  const files: { file: string; doc: SourceDocument }[] = [];
  /** Files met in directory walks that are neither RPSL nor ASPA, by directory named: said, never silent. */
  const skipped = new Map<string, string[]>();
  // A file named twice, or named and inside a directory named too, is linted once.
  const seen = new Set<string>();
  for (const p of parsed.positional) {
    if (p === '-') {
      if (seen.has(STDIN)) continue;
      seen.add(STDIN);
      const text = withoutBom(await io.readStdin());
      // Piped text has no name to go by: its content decides, and RPSL is what a whois query prints.
      const languageId = languageOfContent(text) ?? 'rpsl';
      files.push({ file: STDIN, doc: new SourceDocument('untitled:stdin', languageId, 1, text) });
      continue;
    }
    let listed: string[];
    try {
      listed = await io.listFiles(p);
    } catch (err) {
      return cannotRead(io, p, err);
    }
    const named = listed.length === 1 && listed[0] === p;
    for (const file of listed) {
      const key = path.resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      let text: string;
      try {
        text = withoutBom(await io.readFile(file));
      } catch (err) {
        return cannotRead(io, file, err);
      }
      // A file named on the command line is read by its content whatever its name (a saved whois answer
      // is often "AS3257.txt" or has no extension); in a directory walk the name decides first.
      const languageId = named ? (languageOfName(file) ?? languageOfContent(text)) : languageOfFile(file, text);
      if (!languageId) {
        if (named) io.stderr(`routelens lint: ${p}: skipped, neither RPSL nor ASPA by its content (${contentHint(text)})\n`);
        else skipped.set(p, [...(skipped.get(p) ?? []), file]);
        continue;
      }
      files.push({ file, doc: new SourceDocument(pathToFileURL(key).toString(), languageId, 1, text) });
    }
  }
  for (const [dir, list] of skipped)
    io.stderr(
      `routelens lint: ${dir}: skipped ${list.length} file(s), neither RPSL nor ASPA by name or content (e.g. ${list
        .slice(0, 3)
        .map((f) => path.relative(dir, f) || f)
        .join(', ')})\n`,
    );
  if (files.length === 0) {
    io.stderr(`routelens lint: nothing linted: no RPSL or ASPA input among ${parsed.positional.join(' ')}\n`);
    return EXIT.usage;
  }

  const workspace = new WorkspaceIndex();
  for (const { doc } of files) if (doc.languageId === 'rpsl') workspace.set(doc.uri, parseRpslDocument(doc).objects, doc.text);
  const ctx = { settings: { ...defaultSettings, rpslDialect, crossChecks: !parsed.flags.has('no-cross-checks') }, workspace };

  const results: FileDiagnostic[] = [];
  for (const { file, doc } of files) {
    const service = languageServices.get(doc.languageId);
    if (!service) continue;
    for (const d of service.validate(doc, ctx)) results.push({ ...d, file });
  }

  if (format === 'json') io.stdout(`${JSON.stringify(results.map(jsonRow))}\n`);
  else if (format === 'sarif') io.stdout(`${JSON.stringify(toSarif(results), null, 2)}\n`);
  else io.stdout(textReport(results, files.length));
  return results.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.ok;
}

/** The name standard input is reported under. */
const STDIN = '<stdin>';

/** What a skipped file starts with, to say why it was not taken for RPSL. */
function contentHint(text: string): string {
  const line = firstContentLine(text, 50);
  if (line === undefined) return text.trim() === '' ? 'it is empty' : 'it holds only remarks';
  return `it starts with "${line.length > 40 ? `${line.slice(0, 40)}…` : line}"`;
}

/** Editors hide a UTF-8 byte order mark and count columns after it; so does the linter. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function cannotRead(io: CliIo, p: string, err: unknown): number {
  io.stderr(`routelens lint: cannot read ${p}: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT.usage;
}

function usage(io: CliIo, why: string): number {
  io.stderr(`routelens lint: ${why}\n${USAGE}\n`);
  return EXIT.usage;
}

/** The JSON contract: {file, range, severity, code, message}, 0-based like LSP. */
function jsonRow(d: FileDiagnostic) {
  return { file: d.file, range: d.range, severity: d.severity, code: d.code, message: d.message };
}

function textReport(results: readonly FileDiagnostic[], fileCount: number): string {
  const lines = results.map(
    (d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`,
  );
  const count = (s: string) => results.filter((d) => d.severity === s).length;
  lines.push(`${fileCount} file(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)`);
  return `${lines.join('\n')}\n`;
}
