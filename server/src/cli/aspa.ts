import { parseAsPathArg } from '../core/aspa/pathArg';
import type { Direction } from '../core/aspa/types';
import { type AspaVerification, verifyAspaPath } from '../core/aspa/verify';
import { parseAsn } from '../core/net/asn';
import { type CliIo, EXIT, parseArgs } from './io';
import { loadAspaFiles } from './aspaFiles';
import { run as authoring } from './aspaAuthoring';

type AspaIo = Pick<CliIo, 'stdout' | 'stderr' | 'readFile'>;

const USAGE = `usage: routelens aspa verify --aspa <file>… --path "<AS path as printed>" [options]
       routelens aspa suggest <AS>… --paths <file>… [options]     (routelens aspa suggest --help)
       routelens aspa impact --aspa <new>… --paths <file>… [options]  (routelens aspa impact --help)

Verifies an AS path with ASPA (draft-ietf-sidrops-aspa-verification). The path is written as routers
print it: leftmost = the neighbour AS, rightmost = the origin; {1 2} or {1,2} is an AS_SET.

options:
  --aspa <file>            ASPA data: .aspa (Krill text), rpki-client/Routinator JSON, SLURM, BIRD or
                           OpenBGPD config; repeat it or list more files after the options
  --path "<asns>"          the AS path, e.g. "24482 52320 8048 6762 1299 269832 21980"
  --direction <d>          upstream (from a customer, peer or route server; default) or downstream (from a provider)
  --neighbor <asn>         the BGP neighbour's AS: the leftmost AS must be it
  --transparent-rs         we are a client of a transparent route server (skips the neighbour check)
  --format text|json       output (default text)

The first line printed is the verdict: valid, invalid or unknown. Exit 0 when verified, 2 on a usage error
or when an ASPA file cannot be read whole (binary, truncated, not ASPA): no verdict from half the data.
`;

export async function run(args: readonly string[], io: AspaIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === 'help') {
    (sub === undefined ? io.stderr : io.stdout)(USAGE);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  if (sub === 'suggest' || sub === 'impact') return authoring(sub, rest, io);
  if (sub !== 'verify') return usage(io, `unknown aspa command \`${sub}\` (verify, suggest or impact)`);
  const parsed = parseArgs(rest, {
    values: ['path', 'direction', 'neighbor', 'neighbour', 'format'],
    multi: ['aspa'],
    flags: ['transparent-rs', 'help'],
  });
  if ('error' in parsed) return usage(io, parsed.error);
  if (parsed.flags.has('help')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const one = (k: string) => parsed.values.get(k)?.[0];
  const files = [...(parsed.values.get('aspa') ?? []), ...parsed.positional];
  const pathText = one('path');
  if (pathText === undefined) return usage(io, '--path is required');
  const direction = (one('direction') ?? 'upstream') as Direction;
  if (direction !== 'upstream' && direction !== 'downstream') return usage(io, `--direction must be upstream or downstream, not \`${String(direction)}\``);
  const format = one('format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(io, `--format must be text or json, not \`${format}\``);
  const neighborText = one('neighbor') ?? one('neighbour');
  const neighbor = neighborText === undefined ? undefined : parseAsn(neighborText);
  if (neighbor && !neighbor.ok) return usage(io, `--neighbor \`${neighborText}\` is not an AS number`);
  const path = parseAsPathArg(pathText);
  if ('error' in path) return usage(io, path.error);

  const db = await loadAspaFiles(files, io, 'aspa');
  if (db === undefined) return EXIT.usage;
  if (files.length === 0) io.stderr('routelens aspa: no --aspa file given: every hop is No Attestation\n');

  const r = verifyAspaPath(path.segments, db, {
    direction,
    ...(neighbor?.ok ? { neighborAs: neighbor.asn } : {}),
    ...(parsed.flags.has('transparent-rs') ? { transparentRsClient: true } : {}),
  });
  io.stdout(format === 'json' ? `${JSON.stringify(toJson(r), null, 2)}\n` : toText(r));
  return EXIT.ok;
}

function usage(io: AspaIo, message: string): number {
  io.stderr(`routelens aspa: ${message}\n\n${USAGE}`);
  return EXIT.usage;
}

/** The JSON shape is part of the CLI's contract: add fields, never rename them. */
function toJson(r: AspaVerification) {
  return {
    verdict: r.verdict,
    direction: r.direction,
    reason: r.reason,
    path: r.path,
    hops: r.hops.map((h) => ({ from: h.from, to: h.to, result: h.result, ramp: h.ramp })),
    ...(r.ramps ? { ramps: r.ramps } : {}),
    ...(r.leakHop
      ? {
          leakHop: {
            from: r.leakHop.from,
            to: r.leakHop.to,
            result: r.leakHop.result,
            ramp: r.leakHop.ramp,
            leaker: r.leakHop.leaker,
            ...(r.leakHop.sentTo !== undefined ? { sentTo: r.leakHop.sentTo } : {}),
            explanation: r.leakHop.explanation,
          },
        }
      : {}),
    ...(r.whatIf
      ? { whatIf: { text: r.whatIf.text, suggestions: r.whatIf.suggestions.map((s) => ({ asn: s.asn, kind: s.kind, hop: { from: s.hop.from, to: s.hop.to }, because: s.because })) } }
      : {}),
  };
}

function toText(r: AspaVerification): string {
  const lines = [r.verdict, `  path (${r.direction}, neighbour first): ${r.path.join(' ')}`, `  reason: ${r.reason}`];
  if (r.hops.length > 0) {
    lines.push('  hops (is the right AS a provider of the left one?):');
    const width = Math.max(...r.hops.map((h) => `AS${h.from} -> AS${h.to}`.length));
    for (const h of r.hops) {
      const mark = r.leakHop && h.from === r.leakHop.from && h.to === r.leakHop.to ? '  <- leak' : '';
      lines.push(`    ${h.ramp === 'up' ? 'up  ' : 'down'}  ${`AS${h.from} -> AS${h.to}`.padEnd(width)}  ${h.result}${mark}`);
    }
  }
  if (r.leakHop) {
    const l = r.leakHop;
    lines.push(`  leaker: AS${l.leaker}${l.sentTo !== undefined ? ` (sent it to AS${l.sentTo})` : ' (sent it to us)'}`);
    lines.push(`  evidence: ${l.ramp} hop AS${l.from} -> AS${l.to} is ${l.result}`);
  }
  if (r.whatIf) {
    lines.push(`  what-if: ${r.whatIf.text}`);
    for (const s of r.whatIf.suggestions) lines.push(`    AS${s.asn}: ${s.because}`);
  }
  return `${lines.join('\n')}\n`;
}
