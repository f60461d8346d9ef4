import { stat } from 'node:fs/promises';
import { isMrtFile } from '../core/mrt/node/readMrtFile';
import { COLLECTOR_PEER_ROLES, upstreamRole, type CollectorPeerRole } from '../core/scan/classify';
import { mergeScans } from '../core/scan/episodes';
import type { ScanResult } from '../core/scan/model';
import { renderScan, type ScanFormat } from '../core/scan/render';
import { DEFAULT_GAP_SECONDS } from '../core/scan/scanner';
import { type CliIo, EXIT, parseArgs } from './io';
import { readDataText } from './readText';
import { defaultJobs, scanInThreads, scanJob, type ScanJob } from './scanJob';

type ScanIo = Pick<CliIo, 'stdout' | 'stderr' | 'readFile' | 'writeFile'>;

const USAGE = `usage: routelens scan [options] <mrt file>…
       routelens scan --merge <part.json>… [--format …]

Reads MRT files (RIB dumps and BGP updates of RIPE RIS, RouteViews, PCH or any BGP daemon; plain, gzip or
bzip2) and reports every route that ASPA, RFC 9234 OTC, valley-free relationships or ROV flag, grouped into
episodes per leaker, leak hop and origin, with a summary per leaking AS.

options:
  --aspa <file>            ASPA data (repeatable): flags routes whose path is ASPA Invalid (downstream
                           verification, which holds whatever the collector peer's role)
  --peer-role <as>=<role>  (repeatable) the role collector peer AS <as> plays towards the collector, in RFC 9234's
                           words: provider (it sends its full table; the default assumption), peer or customer (it
                           sends only its own and its customers' routes), rs, rs-client. Routes from a peer, customer,
                           rs or rs-client get the stricter upstream ASPA verification (draft-ietf-sidrops-aspa-
                           verification §6: upstream for routes from customers, lateral peers and route servers)
  --relationships <file>   CAIDA AS relationships: valley-free check and OTC hop checks
  --vrps <file>            VRPs: flags ROV Invalid routes (the origin is then the "leaker")
  --gap <seconds>          sightings of one leak further apart start a new episode (default ${DEFAULT_GAP_SECONDS})
  --format text|json|markdown|html   output (default text); json is what --merge reads
  --output <file>          write there instead of standard output
  --jobs <n>               worker threads reading files in parallel (default: one per file, at most one per
                           processor; each loads the data itself); the result is the same as with one
  --merge                  the files are JSON results of earlier scans: merge them exactly

Results of separate files merge exactly, so a long period can be split across processes or machines:
  routelens scan --format json --aspa a.json rrc00/updates.20260102.* > part1.json
  routelens scan --merge part1.json part2.json --format html --output report.html
Exit 0 when no route is flagged, 1 when some are, 2 on a usage error.
`;

const FORMATS: readonly ScanFormat[] = ['text', 'json', 'markdown', 'html'];

export async function run(args: readonly string[], io: ScanIo): Promise<number> {
  const parsed = parseArgs(args, { values: ['format', 'relationships', 'vrps', 'gap', 'output', 'jobs'], multi: ['aspa', 'peer-role'], flags: ['help', 'merge'] });
  if ('error' in parsed) {
    io.stderr(`routelens scan: ${parsed.error}\n${USAGE}`);
    return EXIT.usage;
  }
  if (parsed.flags.has('help')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const format = (parsed.values.get('format')?.[0] ?? 'text') as ScanFormat;
  if (!FORMATS.includes(format)) {
    io.stderr(`routelens scan: --format ${format} is not one of ${FORMATS.join(', ')}\n`);
    return EXIT.usage;
  }
  const gapText = parsed.values.get('gap')?.[0];
  const gap = gapText === undefined ? DEFAULT_GAP_SECONDS : Number(gapText);
  if (!Number.isFinite(gap) || gap < 0) {
    io.stderr(`routelens scan: --gap wants a number of seconds, got ${gapText ?? ''}\n`);
    return EXIT.usage;
  }
  const upstreamPeers: number[] = [];
  for (const text of parsed.values.get('peer-role') ?? []) {
    const m = /^(?:AS)?(\d+)=([a-z-]+)$/i.exec(text.trim());
    const asn = m ? Number(m[1]) : NaN;
    const role = m?.[2]?.toLowerCase() as CollectorPeerRole | undefined;
    if (!m || asn > 0xffffffff || role === undefined || !COLLECTOR_PEER_ROLES.includes(role)) {
      io.stderr(`routelens scan: --peer-role wants <as>=<role> with a role of ${COLLECTOR_PEER_ROLES.join(', ')}, got ${text}\n`);
      return EXIT.usage;
    }
    if (upstreamRole(role)) upstreamPeers.push(asn);
  }
  if (parsed.positional.length === 0) {
    io.stderr(USAGE);
    return EXIT.usage;
  }
  let result: ScanResult;
  if (parsed.flags.has('merge')) {
    const parts: ScanResult[] = [];
    for (const p of parsed.positional) {
      try {
        parts.push(JSON.parse(await readDataText(() => io.readFile(p), p, io.stderr)) as ScanResult);
      } catch (e) {
        io.stderr(`routelens scan: cannot read ${p}: ${e instanceof Error ? e.message : String(e)}\n`);
        return EXIT.usage;
      }
    }
    const merged = mergeScans(parts);
    if ('error' in merged) {
      io.stderr(`routelens scan: ${merged.error}\n`);
      return EXIT.usage;
    }
    result = merged;
  } else {
    const notMrt: string[] = [];
    for (const file of parsed.positional) if (!(await isMrtFile(file))) notMrt.push(file);
    if (notMrt.length > 0) {
      io.stderr(`routelens scan: not MRT (after gunzip/bunzip2, the first bytes are no MRT record header): ${notMrt.join(', ')}${notMrt.some((f) => f.endsWith('.json')) ? ' (a scan result? use --merge)' : ''}\n`);
      return EXIT.usage;
    }
    const vrps = parsed.values.get('vrps')?.[0];
    const rels = parsed.values.get('relationships')?.[0];
    const job: ScanJob = {
      files: parsed.positional,
      aspa: parsed.values.get('aspa') ?? [],
      ...(vrps !== undefined ? { vrps } : {}),
      ...(rels !== undefined ? { relationships: rels } : {}),
      ...(upstreamPeers.length > 0 ? { upstreamPeers } : {}),
      gap,
    };
    const jobsText = parsed.values.get('jobs')?.[0];
    const jobs = jobsText === undefined ? defaultJobs(job.files.length) : Number(jobsText);
    if (!Number.isInteger(jobs) || jobs < 1) {
      io.stderr(`routelens scan: --jobs wants a whole number of threads, got ${jobsText ?? ''}\n`);
      return EXIT.usage;
    }
    const threads = Math.min(jobs, job.files.length);
    const scanned =
      threads > 1
        ? await scanInThreads(job, threads, await Promise.all(job.files.map(async (f) => (await stat(f)).size)), io)
        : await scanJob(job, { readFile: (p) => io.readFile(p), stderr: io.stderr });
    if ('error' in scanned) {
      io.stderr(`routelens scan: ${scanned.error}\n`);
      return EXIT.usage;
    }
    result = scanned;
  }
  const out = renderScan(result, format);
  const output = parsed.values.get('output')?.[0];
  if (output !== undefined) await io.writeFile(output, out);
  else io.stdout(out);
  return result.episodes.length > 0 ? EXIT.findings : EXIT.ok;
}
