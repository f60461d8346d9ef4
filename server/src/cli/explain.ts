import { codeDocUrl } from '../core/diagnostics/docLink';
import { allDiagnosticCodes, diagnosticAreas } from '../core/diagnostics/registry';
import { type CliIo, EXIT, parseArgs } from './io';

const USAGE = 'usage: routelens explain <code>   (e.g. routelens explain rpsl/host-bits-set; routelens lint --list-codes lists them)';

/** `routelens explain CODE`: a code's documentation, the same text as its section of docs/diagnostics.md. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { values: [], flags: ['help'] });
  if ('error' in parsed) return usage(io, parsed.error);
  if (parsed.flags.has('help')) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  const [wanted, ...extra] = parsed.positional;
  if (wanted === undefined) return usage(io, 'no code given');
  if (extra.length > 0) return usage(io, 'one code at a time');
  const info = allDiagnosticCodes.get(wanted);
  if (!info) {
    const near = [...allDiagnosticCodes.keys()].filter((c) => c.includes(wanted) || wanted.includes(c.split('/')[1] ?? c));
    const hint = near.length > 0 ? ` Did you mean: ${near.slice(0, 8).join(', ')}?` : ' `routelens lint --list-codes` lists every code.';
    io.stderr(`routelens explain: no diagnostic code "${wanted}".${hint}\n`);
    return EXIT.usage;
  }
  const lines = [`${info.code} (${info.severity} by default)`, '', info.summary, '', info.description.trim(), ''];
  if (info.example) lines.push('Example:', '', ...info.example.replace(/\n+$/, '').split('\n').map((l) => `    ${l}`), '');
  lines.push(`Documentation: ${codeDocUrl(info.code)}`);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** `routelens lint --list-codes`: every code with its default severity and summary, grouped by area. */
export function listCodes(io: CliIo): number {
  const out: string[] = [];
  for (const area of diagnosticAreas) {
    if (area.codes.length === 0) continue;
    out.push(`${area.title}:`);
    const width = Math.max(...area.codes.map((c) => c.code.length));
    for (const c of area.codes) out.push(`  ${c.code.padEnd(width)}  ${c.severity.padEnd(11)}  ${c.summary}`);
    out.push('');
  }
  io.stdout(`${out.join('\n')}`);
  return EXIT.ok;
}

function usage(io: CliIo, problem: string): number {
  io.stderr(`routelens explain: ${problem}\n${USAGE}\n`);
  return EXIT.usage;
}
