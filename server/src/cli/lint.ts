import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceDocument } from '../core/document';
import { languageOfContent, languageOfFile, languageOfName } from '../core/languages/detect';
import { languageServices } from '../core/languages/services';
import { firstContentLine } from '../core/rpsl/whoisText';
import { defaultSettings, parseSourceList } from '../core/settings';
import { DIALECT_SETTINGS, isDialectSetting } from '../core/rpsl/dialects';
import { RpslStreamCheck } from '../core/workspace/streamCheck';
import { DUMP_OBJECT_THRESHOLD } from '../core/workspace/workspaceIndex';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import { inFile, LARGE_FILE_BYTES, PART_CHARS, readTextParts, type TextPart } from './lintLarge';
import type { InputProblem } from '../core/input/decode';
import { codeClimateFindings } from './codeClimateFindings';
import { listCodes } from './explain';
import { type FindingSink, SeverityTally } from './findingSink';
import { githubFindings } from './githubFindings';
import { type CliIo, EXIT, parseArgs } from './io';
import { jsonFindings } from './jsonFindings';
import { readDecoded } from './readText';
import { sarifFindings } from './sarif';
import { DEFAULT_MAX_PER_CODE, textFindings } from './textFindings';

const USAGE =
  `usage: routelens lint [--dialect ${DIALECT_SETTINGS.join('|')}] [--authoritative SOURCE,…] [--format text|json|sarif|codeclimate|github] [--max-per-code N] [--max-warnings N]\n` +
  '                      [--no-cross-checks] [--list-codes] <files, dirs or - for standard input…>\n' +
  `  --max-per-code N   text format: show at most N findings of one code per file, then a count (default ${DEFAULT_MAX_PER_CODE}; 0 shows all)\n` +
  '  --max-warnings N   exit 1 also when there are more than N warnings (as ESLint does)';
/** Report writers by --format: each takes findings as they come and never holds the report whole. */
const SINKS = {
  text: (write: (s: string) => void, maxPerCode: number) => textFindings(write, maxPerCode),
  json: jsonFindings,
  sarif: sarifFindings,
  codeclimate: (write: (s: string) => void) => codeClimateFindings(write),
  github: githubFindings,
} as const satisfies Record<string, (write: (s: string) => void, maxPerCode: number) => FindingSink>;
type Format = keyof typeof SINKS;
const isFormat = (f: string): f is Format => Object.hasOwn(SINKS, f);

/**
 * `routelens lint`: the same services and diagnostics as the editor. All RPSL files named are indexed
 * first, as a workspace, so cross-object checks see every object, as they would in VS Code.
 */
export async function run(args: readonly string[], io: CliIo, large: { readonly fileBytes: number; readonly partChars: number } = { fileBytes: LARGE_FILE_BYTES, partChars: PART_CHARS }): Promise<number> {
  const parsed = parseArgs(args, { values: ['dialect', 'format', 'max-per-code', 'max-warnings'], multi: ['authoritative'], flags: ['no-cross-checks', 'help', 'list-codes'] });
  if ('error' in parsed) return usage(io, parsed.error);
  if (parsed.flags.has('help')) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (parsed.flags.has('list-codes')) return listCodes(io);
  const dialect = parsed.values.get('dialect')?.[0] ?? 'auto';
  const format = parsed.values.get('format')?.[0] ?? 'text';
  if (!isDialectSetting(dialect)) return usage(io, `unknown dialect "${dialect}"`);
  const rpslDialect = dialect;
  if (!isFormat(format)) return usage(io, `unknown format "${format}"`);
  const maxText = parsed.values.get('max-per-code')?.[0];
  const maxPerCode = maxText === undefined ? DEFAULT_MAX_PER_CODE : /^\d+$/.test(maxText) ? Number(maxText) : undefined;
  if (maxPerCode === undefined) return usage(io, `--max-per-code must be a whole number, not "${maxText}"`);
  const maxWarningsText = parsed.values.get('max-warnings')?.[0];
  const maxWarnings = maxWarningsText === undefined ? Infinity : /^\d+$/.test(maxWarningsText) ? Number(maxWarningsText) : undefined;
  if (maxWarnings === undefined) return usage(io, `--max-warnings must be a whole number, not "${maxWarningsText}"`);
  if (parsed.positional.length === 0) return usage(io, 'no files given');

  const files: { file: string; doc: SourceDocument }[] = [];
  /** Large RPSL files, read as several texts (lintLarge.ts), by file: linted in the files' order like the others. */
  const partsOf = new Map<string, readonly TextPart[]>();
  // What reading found (an encoding guessed, a file that is not text), reported with the file's findings.
  const inputProblems = new Map<string, InputProblem[]>();
  /** Files met in directory walks that are neither RPSL nor ASPA, by directory named: said, never silent. */
  const skipped = new Map<string, string[]>();
  // A file named twice, or named and inside a directory named too, is linted once.
  const seen = new Set<string>();
  for (const p of parsed.positional) {
    if (p === '-') {
      if (seen.has(STDIN)) continue;
      seen.add(STDIN);
      const decoded = await readDecoded(() => io.readStdin());
      if (decoded.kind === 'binary') {
        inputProblems.set(STDIN, [decoded.problem]);
        continue;
      }
      if (decoded.problems.length > 0) inputProblems.set(STDIN, [...decoded.problems]);
      const text = decoded.text;
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
      const fileUri = pathToFileURL(key).toString();
      let decoded;
      try {
        const parts = await readLarge(io, file, fileUri, named, large);
        if (parts) {
          partsOf.set(file, parts);
          files.push({ file, doc: new SourceDocument(fileUri, 'rpsl', 1, '') });
          continue;
        }
        decoded = await readDecoded(() => io.readFile(file));
      } catch (err) {
        return cannotRead(io, file, err);
      }
      if (decoded.kind === 'binary') {
        // Said for a file named, or one whose name says RPSL or ASPA; other binary files in a directory are not ours.
        if (named || languageOfName(file)) inputProblems.set(file, [decoded.problem]);
        else skipped.set(p, [...(skipped.get(p) ?? []), file]);
        continue;
      }
      const text = decoded.text;
      // A file named on the command line is read by its content whatever its name (a saved whois answer
      // is often "AS3257.txt" or has no extension); in a directory walk the name decides first.
      const languageId = named ? (languageOfName(file) ?? languageOfContent(text)) : languageOfFile(file, text);
      if (!languageId) {
        if (named) io.stderr(`routelens lint: ${p}: skipped, neither RPSL nor ASPA by its content (${contentHint(text)})\n`);
        else skipped.set(p, [...(skipped.get(p) ?? []), file]);
        continue;
      }
      if (decoded.problems.length > 0) inputProblems.set(file, [...decoded.problems]);
      files.push({ file, doc: new SourceDocument(fileUri, languageId, 1, text) });
    }
  }
  for (const [dir, list] of skipped)
    io.stderr(
      `routelens lint: ${dir}: skipped ${list.length} file(s), neither RPSL nor ASPA by name or content (e.g. ${list
        .slice(0, 3)
        .map((f) => path.relative(dir, f) || f)
        .join(', ')})\n`,
    );
  const linted = new Set(files.map((f) => f.file));
  const unreadable = [...inputProblems].filter(([file]) => !linted.has(file));
  if (files.length === 0 && unreadable.length === 0) {
    io.stderr(`routelens lint: nothing linted: no RPSL or ASPA input among ${parsed.positional.join(' ')}\n`);
    return EXIT.usage;
  }

  // RPSL files are indexed as compact facts first, then checked one by one as a stream (objects validated
  // as framed, then the cross-object checks); other languages through their service, with that index.
  // Sources the user writes to; objects of the others are checked as their mirror (findings are information).
  const authoritativeSources = parseSourceList(parsed.values.get('authoritative') ?? []);
  const settings = { ...defaultSettings, rpslDialect, authoritativeSources, crossChecks: !parsed.flags.has('no-cross-checks') };
  const rpsl = new RpslStreamCheck(settings);
  const partByUri = new Map<string, TextPart>();
  for (const { file, doc } of files) {
    const parts = partsOf.get(file);
    if (!parts) {
      if (doc.languageId === 'rpsl') rpsl.index(doc.uri, doc.text);
      continue;
    }
    let objects = 0;
    for (const part of parts) {
      rpsl.index(part.uri, part.text);
      partByUri.set(part.uri, part);
      objects += rpsl.workspace.objectCountIn(part.uri);
    }
    // A file is a dump by its own object count, as when it is read whole.
    if (objects >= DUMP_OBJECT_THRESHOLD) for (const part of parts) rpsl.workspace.markRegistryDump(part.uri);
  }
  const ctx = { settings, workspace: rpsl.workspace };

  const tally = new SeverityTally();
  const sink = tally.wrap(SINKS[format](io.stdout, maxPerCode));
  // A file that could not be read as text has its one finding, first.
  for (const [file, problems] of unreadable) reportFile(sink, file, problems, []);
  const partOf = (uri: string): TextPart | undefined => partByUri.get(uri);
  for (const { file, doc } of files) {
    const parts = partsOf.get(file);
    const service = doc.languageId === 'rpsl' ? undefined : languageServices.get(doc.languageId);
    // RPSL findings are handed on as they are found (never held a slice at a time: RpslStreamCheck.eachOwnFinding).
    const findings: Findings = parts
      ? (emit) => partFindings(rpsl, parts, partOf, emit)
      : doc.languageId === 'rpsl'
        ? (emit) => rpsl.eachFinding(doc.uri, emit)
        : service
          ? service.validate(doc, ctx)
          : [];
    reportFile(sink, file, inputProblems.get(file) ?? [], findings);
  }
  sink.end({ files: files.length + unreadable.length, counts: tally.counts });
  if (tally.counts.error > 0) return EXIT.findings;
  if (tally.counts.warning > maxWarnings) {
    io.stderr(`routelens lint: ${tally.counts.warning} warning(s), more than --max-warnings ${maxWarnings} allows\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** A file's findings: a list, or a producer that hands each to `emit` as it finds it. */
type Findings = Iterable<Diagnostic> | ((emit: (d: Diagnostic) => void) => void);

function reportFile(sink: FindingSink, file: string, problems: readonly InputProblem[], findings: Findings): void {
  for (const p of problems) sink.add(file, { code: p.code, severity: p.severity, message: p.message, range: { start: p.position, end: p.position } });
  const add = (d: Diagnostic): void => sink.add(file, d);
  if (typeof findings === 'function') findings(add);
  else for (const d of findings) add(d);
  sink.endFile(file);
}

/**
 * A file too big to read whole, as texts (lintLarge.ts) when it is RPSL: by its name, or by the content of its
 * first text for a file named on the command line. Undefined: read it whole.
 */
async function readLarge(io: CliIo, file: string, uri: string, named: boolean, large: { readonly fileBytes: number; readonly partChars: number }): Promise<readonly TextPart[] | undefined> {
  if (!io.fileSize || !io.readChunks || (await io.fileSize(file)) <= large.fileBytes) return undefined;
  const byName = languageOfName(file);
  if (byName !== undefined && byName !== 'rpsl') return undefined;
  const parts = await readTextParts(io.readChunks(file), uri, large.partChars);
  const head = parts?.[0]?.text ?? '';
  const languageId = byName ?? (named ? languageOfContent(head) : languageOfFile(file, head));
  return languageId === 'rpsl' ? parts : undefined;
}

/** A large file's findings in the order of a file read whole: every part's own findings, then the cross-object ones. */
function partFindings(rpsl: RpslStreamCheck, parts: readonly TextPart[], partOf: (uri: string) => TextPart | undefined, emit: (d: Diagnostic) => void): void {
  for (const part of parts) rpsl.eachOwnFinding(part.uri, (d) => emit(inFile(d, part.firstLine, partOf)));
  for (const part of parts) for (const d of rpsl.crossFindings(part.uri)) emit(inFile(d, part.firstLine, partOf));
}

/** The name standard input is reported under. */
const STDIN = '<stdin>';

/** What a skipped file starts with, to say why it was not taken for RPSL. */
function contentHint(text: string): string {
  const line = firstContentLine(text, 50);
  if (line === undefined) return text.trim() === '' ? 'it is empty' : 'it holds only remarks';
  return `it starts with "${line.length > 40 ? `${line.slice(0, 40)}…` : line}"`;
}

function cannotRead(io: CliIo, p: string, err: unknown): number {
  io.stderr(`routelens lint: cannot read ${p}: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT.usage;
}

function usage(io: CliIo, why: string): number {
  io.stderr(`routelens lint: ${why}\n${USAGE}\n`);
  return EXIT.usage;
}
