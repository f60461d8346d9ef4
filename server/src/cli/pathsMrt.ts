/**
 * `routelens paths` over MRT files: recognised by content (after gunzip/bunzip2), read streaming, and printed in the
 * JSON schema of looking-glass input plus `kind`, `peer` and `time`; `--aspa`, `--relationships` and `--vrps` add
 * each route's verdicts. Text inputs go to the looking-glass command unchanged.
 */
import { communityText, extendedCommunityText, largeCommunityTexts, segmentsText } from '../core/mrt/bgpdumpText';
import { defaultBzip2Threads } from '../core/compress/node/bunzip2Threads';
import { isMrtFile, readMrtFile } from '../core/mrt/node/readMrtFile';
import type { MrtRoute } from '../core/mrt/types';
import type { AsPathSegment } from '../core/lg/types';
import { loadPathData } from '../core/paths/loadData';
import { RouteClassifier, scanDataOf } from '../core/scan/classify';
import { isoTime } from '../core/scan/render';
import { type CliIo, EXIT, parseArgs } from './io';
import { PATHS_OPTIONS, run as runLookingGlass } from './paths';
import { readDataText } from './readText';

type PathsIo = Pick<CliIo, 'stdout' | 'stderr' | 'readFile' | 'readStdin'>;

/** One MRT route in `routelens paths --format json`: the looking-glass route fields, then where it came from. */
export interface MrtPathsRoute {
  readonly prefix: string;
  readonly asPath: readonly { readonly type: AsPathSegment['type']; readonly asns: readonly number[] }[];
  readonly asPathText: string;
  readonly nextHop?: string;
  readonly origin?: string;
  readonly localPref?: number;
  readonly med?: number;
  readonly communities: readonly string[];
  readonly otc?: number;
  readonly kind: MrtRoute['kind'];
  readonly peer: { readonly address: string; readonly as: number };
  /** Unix seconds (with microseconds from BGP4MP_ET). */
  readonly time: number;
  readonly pathId?: number;
  readonly file: string;
  /** Byte offset of the MRT record in the decompressed file. */
  readonly offset: number;
  /** With --aspa/--relationships/--vrps: what flagged the route (empty when clean). */
  readonly flags?: readonly { readonly check: string; readonly leaker: number; readonly sentTo?: number; readonly reason: string }[];
}

export function mrtPathsRoute(r: MrtRoute, file: string): MrtPathsRoute {
  const a = r.attributes;
  return {
    prefix: r.prefix,
    asPath: a?.asPath.map((s) => ({ type: s.type, asns: [...s.asns] })) ?? [],
    asPathText: a ? segmentsText(a.asPath) : '',
    ...(r.nextHop !== undefined ? { nextHop: r.nextHop } : {}),
    ...(a?.origin !== undefined ? { origin: a.origin } : {}),
    ...(a?.localPref !== undefined ? { localPref: a.localPref } : {}),
    ...(a?.med !== undefined ? { med: a.med } : {}),
    communities: a ? [...a.communities.map(communityText), ...largeCommunityTexts(a.largeCommunities), ...a.extendedCommunities.map(extendedCommunityText)] : [],
    ...(a?.otc !== undefined ? { otc: a.otc } : {}),
    kind: r.kind,
    peer: { address: r.peer.address, as: r.peer.asn },
    time: r.time,
    ...(r.pathId !== undefined ? { pathId: r.pathId } : {}),
    file,
    offset: r.offset,
  };
}

function textLine(x: MrtPathsRoute): string {
  const extra = [x.nextHop !== undefined ? `via ${x.nextHop}` : '', x.otc !== undefined ? `otc ${x.otc}` : '', ...(x.flags ?? []).map((f) => `${f.check.toUpperCase()} leak by AS${f.leaker}${f.sentTo !== undefined ? ` → AS${f.sentTo}` : ''}`)].filter((s) => s !== '');
  const path = x.kind === 'withdraw' ? 'withdrawn' : x.asPathText || '(empty)';
  return `${isoTime(x.time)}  ${x.kind.padEnd(8)}  AS${x.peer.as} ${x.peer.address}  ${x.prefix}  ${path}${extra.length > 0 ? `  ${extra.join(', ')}` : ''}`;
}

/** `routelens paths`: MRT files here, everything else to the looking-glass command. */
export async function run(args: readonly string[], io: PathsIo): Promise<number> {
  const parsed = parseArgs(args, PATHS_OPTIONS);
  if ('error' in parsed || parsed.flags.has('help') || parsed.positional.length === 0 || parsed.positional.includes('-')) return runLookingGlass(args, io);
  const mrt = await Promise.all(parsed.positional.map(isMrtFile));
  if (!mrt.some(Boolean)) return runLookingGlass(args, io);
  if (!mrt.every(Boolean)) {
    const text = parsed.positional.filter((_, i) => !mrt[i]);
    io.stderr(`routelens paths: ${text.join(', ')} ${text.length === 1 ? 'is' : 'are'} not MRT, the other files are: give MRT files and looking-glass text in separate runs\n`);
    return EXIT.usage;
  }
  const format = parsed.values.get('format')?.[0] ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr(`routelens paths: --format ${format} is for looking-glass input; for MRT files use text or json here, or \`routelens scan --format html\` for a report\n`);
    return EXIT.usage;
  }
  const vrps = parsed.values.get('vrps')?.[0];
  const rels = parsed.values.get('relationships')?.[0];
  const aspaFiles = parsed.values.get('aspa') ?? [];
  let classifier: RouteClassifier | undefined;
  if (aspaFiles.length > 0 || vrps !== undefined || rels !== undefined) {
    const data = await loadPathData({ aspaFiles, ...(vrps !== undefined ? { vrpFiles: [vrps] } : {}), ...(rels !== undefined ? { relationshipFiles: [rels] } : {}) }, (p) => readDataText(() => io.readFile(p), p, io.stderr));
    for (const set of Object.values(data.status ?? {})) for (const e of set?.errors ?? []) io.stderr(`routelens paths: ${e.source}: ${e.message}\n`);
    classifier = new RouteClassifier(scanDataOf(data));
  }
  let flagged = 0;
  let count = 0;
  const diagnostics: { file: string; code: string; severity: string; message: string; offset: number }[] = [];
  // Output goes out route by route in blocks: a RIB dump has millions of routes, never all in memory at once.
  let block: string[] = [];
  const flush = (): void => {
    if (block.length > 0) io.stdout(block.join(''));
    block = [];
  };
  if (format === 'json') io.stdout('{\n  "format": "mrt",\n  "routes": [');
  for (const file of parsed.positional) {
    await readMrtFile(file, {
      route: (r) => {
        let x = mrtPathsRoute(r, file);
        if (classifier !== undefined && r.attributes !== undefined) {
          const flags = classifier.classify(r.prefix, r.attributes, r.peer.asn);
          if (flags.length > 0) flagged++;
          x = { ...x, flags: flags.map((f) => ({ check: f.check, leaker: f.leaker, ...(f.sentTo !== undefined ? { sentTo: f.sentTo } : {}), reason: f.reason })) };
        }
        block.push(format === 'json' ? `${count === 0 ? '' : ','}\n    ${JSON.stringify(x)}` : `${textLine(x)}\n`);
        count++;
        if (block.length >= 4096) flush();
      },
      diagnostic: (d) => {
        diagnostics.push({ file, code: d.code, severity: d.severity, message: d.message, offset: d.offset });
      },
    }, { bzip2Threads: defaultBzip2Threads() });
  }
  flush();
  if (format === 'json') io.stdout(`\n  ],\n  "unparsed": [],\n  "diagnostics": ${JSON.stringify(diagnostics)}\n}\n`);
  else {
    io.stdout(`format: mrt, ${count} route${count === 1 ? '' : 's'}${classifier !== undefined ? `, ${flagged} flagged` : ''}\n`);
    for (const d of diagnostics) io.stdout(`${d.file}: byte ${d.offset}: ${d.severity}: ${d.message} [${d.code}]\n`);
  }
  return flagged > 0 || diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.ok;
}
