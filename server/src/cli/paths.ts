import { LgStreamParser } from '../core/lg/parse';
import type { AsPathSegment, LgFormat, LgParseResult, LgRoute } from '../core/lg/types';
import { ChunkedOutput, JsonArrayOutput } from './chunkedOutput';
import { EXIT, parseArgs } from './io';
import { decodeContent, type FileContent, problemLine } from './readText';

/** What `routelens paths` may touch; tests pass their own. */
export interface PathsIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readFile(p: string): Promise<FileContent>;
  readStdin(): Promise<FileContent>;
}

const USAGE = `usage: routelens paths [--format text|json] [--aspa FILE…] [--relationships FILE] [--vrps FILE] <file|->

Reads looking-glass or router output (Cisco, Junos, Arista, BIRD, FRR, OpenBGPD, GoBGP, Nokia, Huawei,
bgpdump -m, RIPEstat/Alice-LG JSON, or AS paths one per line), detects its format and prints the routes.
'-' reads standard input.

options:
  --format text|json       output (default text); html and svg when path analysis is available
  --input-format <format>  skip detection (cisco-ios, junos, bird, bgpdump, aspath-list, …)
  --aspa <file>            ASPA data for the path analysis (repeatable)
  --relationships <file>   CAIDA AS relationships for the path analysis
  --vrps <file>            VRPs for the path analysis
`;

/** The parsed input and the options, as the analysis hook receives them. */
export interface PathsAnalysisRequest {
  readonly text: string;
  readonly result: LgParseResult;
  readonly format: string;
  readonly aspaFiles: readonly string[];
  readonly relationshipsFile?: string;
  readonly vrpsFile?: string;
  readonly io: PathsIo;
}

/**
 * EXTENSION POINT for the path analysis (ASPA, valley-free, OTC, RPKI) and `--format html|svg`.
 * Register one hook; it gets every run. It returns the exit code when it wrote the output itself, or
 * undefined to let this command print the parsed routes (text/json) as it does without analysis.
 */
export type PathsAnalysisHook = (req: PathsAnalysisRequest) => Promise<number | undefined>;

let analysisHook: PathsAnalysisHook | undefined;

export function registerPathsAnalysis(hook: PathsAnalysisHook | undefined): void {
  analysisHook = hook;
}

/** JSON output: one object per route, 0-based lines. */
export interface PathsJson {
  readonly format: LgFormat;
  readonly routes: readonly {
    readonly prefix: string;
    readonly asPath: readonly { readonly type: AsPathSegment['type']; readonly asns: readonly number[] }[];
    readonly asPathText: string;
    readonly nextHop?: string;
    readonly origin?: string;
    readonly best?: boolean;
    readonly communities: readonly string[];
    readonly otc?: number;
    readonly rd?: string;
    readonly vrf?: string;
    /** Why the path may not be what the router printed (lg/uncertain-path); absent when the parse is sure. */
    readonly pathUncertain?: string;
    readonly line: number;
  }[];
  readonly unparsed: readonly { readonly line: number; readonly text: string }[];
  /** Prompts, command echoes, timestamps and log lines set aside before parsing. */
  readonly skipped: readonly { readonly line: number; readonly kind: string }[];
}

function communityText(c: LgRoute['communities'][number]): string {
  switch (c.kind) {
    case 'standard':
      return `${c.asn}:${c.value}`;
    case 'large':
      return `${c.global}:${c.local1}:${c.local2}`;
    case 'well-known':
      return c.name;
    case 'extended':
      return c.text;
  }
}

function routeJson(x: LgRoute): PathsJson['routes'][number] {
  return {
    prefix: x.prefix,
    asPath: x.asPath.map((s) => ({ type: s.type, asns: [...s.asns] })),
    asPathText: x.asPathText,
    ...(x.nextHop !== undefined ? { nextHop: x.nextHop } : {}),
    ...(x.origin !== undefined ? { origin: x.origin } : {}),
    ...(x.best !== undefined ? { best: x.best } : {}),
    communities: x.communities.map(communityText),
    ...(x.otc !== undefined ? { otc: x.otc } : {}),
    ...(x.rd !== undefined ? { rd: x.rd } : {}),
    ...(x.vrf !== undefined ? { vrf: x.vrf } : {}),
    ...(x.pathUncertain !== undefined ? { pathUncertain: x.pathUncertain } : {}),
    line: x.lines.start,
  };
}

/** The PathsJson document written a route and a line at a time, so the output is never held whole. */
function writeJson(r: LgParseResult, write: (s: string) => void): void {
  const out = new ChunkedOutput(write);
  out.push(`{\n  "format": ${JSON.stringify(r.format)},\n  "routes": `);
  const routes = new JsonArrayOutput(out, '  ');
  for (const x of r.routes) routes.item(routeJson(x));
  routes.close();
  out.push(',\n  "unparsed": ');
  const unparsed = new JsonArrayOutput(out, '  ');
  for (const u of r.unparsed) unparsed.item({ line: u.line, text: u.text });
  unparsed.close();
  out.push(',\n  "skipped": ');
  const skipped = new JsonArrayOutput(out, '  ');
  for (const k of r.skipped ?? []) skipped.item({ line: k.line, kind: k.kind });
  skipped.close();
  out.push('\n}\n');
  out.flush();
}

const BRACKETS: Readonly<Record<AsPathSegment['type'], [string, string]>> = {
  sequence: ['', ''],
  set: ['{', '}'],
  'confed-sequence': ['(', ')'],
  'confed-set': ['[', ']'],
};

function pathText(r: LgRoute): string {
  const p = r.asPath.map((s) => {
    const [o, c] = BRACKETS[s.type];
    return `${o}${s.asns.join(' ')}${c}`;
  });
  if (r.asPathTruncated === true) p.push('...');
  return p.length > 0 ? p.join(' ') : '(empty)';
}

/** Lines not understood that the text output lists; JSON lists them all. */
const MAX_UNPARSED_SHOWN = 20;
/** Characters of a line not understood that the text output echoes. */
const MAX_ECHO = 160;

function writeText(r: LgParseResult, write: (s: string) => void): void {
  const out = new ChunkedOutput(write);
  out.push(`format: ${r.format}, ${r.routes.length} route${r.routes.length === 1 ? '' : 's'}, ${r.unparsed.length} line${r.unparsed.length === 1 ? '' : 's'} not understood\n`);
  for (const x of r.routes) {
    const extra = [
      x.nextHop !== undefined ? `via ${x.nextHop}` : '',
      x.origin !== undefined ? `origin ${x.origin}` : '',
      x.best === true ? 'best' : '',
      x.otc !== undefined ? `otc ${x.otc}` : '',
      x.vrf !== undefined ? `vrf ${x.vrf}` : '',
      x.rd !== undefined ? `rd ${x.rd}` : '',
      x.pathUncertain !== undefined ? `PATH UNCERTAIN: ${x.pathUncertain}` : '',
    ].filter((s) => s !== '');
    out.push(`${x.prefix || '-'}  ${pathText(x)}${extra.length > 0 ? `  ${extra.join(', ')}` : ''}  (line ${x.lines.start + 1})\n`);
  }
  // Input that is mostly not looking-glass output would be echoed whole: the first lines say enough.
  for (const u of r.unparsed.slice(0, MAX_UNPARSED_SHOWN)) {
    const text = u.text.length > MAX_ECHO ? `${u.text.slice(0, MAX_ECHO)}… (${u.text.length.toLocaleString('en-US')} characters)` : u.text;
    out.push(`line ${u.line + 1}: not understood: ${text}\n`);
  }
  const more = r.unparsed.length - MAX_UNPARSED_SHOWN;
  if (more > 0) out.push(`… and ${more.toLocaleString('en-US')} more line${more === 1 ? '' : 's'} not understood; use --format json for all\n`);
  out.flush();
}

/** The options of `routelens paths`, for looking-glass text and MRT files alike (pathsMrt.ts reads them first). */
export const PATHS_OPTIONS = { values: ['format', 'input-format', 'relationships', 'vrps'], multi: ['aspa'], flags: ['help'] } as const;

export async function run(args: readonly string[], io: PathsIo): Promise<number> {
  const parsed = parseArgs(args, PATHS_OPTIONS);
  if ('error' in parsed) {
    io.stderr(`routelens paths: ${parsed.error}\n${USAGE}`);
    return EXIT.usage;
  }
  if (parsed.flags.has('help')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const format = parsed.values.get('format')?.[0] ?? 'text';
  const formats = analysisHook !== undefined ? ['text', 'json', 'html', 'svg'] : ['text', 'json'];
  if (!formats.includes(format)) {
    io.stderr(`routelens paths: --format ${format} is not available (${formats.join(', ')})\n`);
    return EXIT.usage;
  }
  const input = parsed.positional[0];
  if (input === undefined || parsed.positional.length > 1) {
    io.stderr(USAGE);
    return EXIT.usage;
  }
  let content: FileContent;
  try {
    content = input === '-' ? await io.readStdin() : await io.readFile(input);
  } catch (e) {
    io.stderr(`routelens paths: cannot read ${input}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.usage;
  }
  const decoded = decodeContent(content);
  const name = input === '-' ? '<stdin>' : input;
  if (decoded.kind === 'binary') {
    // Raw bytes read as lines would be echoed back as megabytes of "not understood": say what the file is instead.
    io.stderr(problemLine(name, decoded.problem));
    return EXIT.usage;
  }
  for (const p of decoded.problems) io.stderr(problemLine(name, p));
  const text = decoded.text;
  const inputFormat = parsed.values.get('input-format')?.[0] as LgFormat | undefined;
  const parser = new LgStreamParser(inputFormat !== undefined ? { format: inputFormat } : {});
  // Chunks keep memory flat on big files: the parser holds only the current line and route.
  const CHUNK = 1 << 20;
  for (let i = 0; i < text.length; i += CHUNK) parser.push(text.slice(i, i + CHUNK));
  const result = parser.end();

  if (analysisHook !== undefined) {
    const code = await analysisHook({
      text,
      result,
      format,
      aspaFiles: parsed.values.get('aspa') ?? [],
      ...(parsed.values.get('relationships')?.[0] !== undefined ? { relationshipsFile: parsed.values.get('relationships')?.[0] } : {}),
      ...(parsed.values.get('vrps')?.[0] !== undefined ? { vrpsFile: parsed.values.get('vrps')?.[0] } : {}),
      io,
    });
    if (code !== undefined) return code;
  }
  if (format === 'json') writeJson(result, io.stdout);
  else writeText(result, io.stdout);
  return EXIT.ok;
}
