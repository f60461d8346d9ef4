/**
 * Runs `routelens lint` as a user does — the bundled CLI in its own process, on a file — and reads back
 * what the process cost: CPU time (user + system, so the other helpers' load on a shared machine
 * colours it less than wall time), wall time and peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';

export interface LintCost {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly maxRssMb: number;
  readonly stdoutBytes: number;
  /** Findings in the JSON output (rows with a code). */
  readonly findings: number;
  readonly exitCode: number | null;
}

export const scratch = mkdtempSync(path.join(os.tmpdir(), 'routelens-bench-'));
let cli: string | undefined;

/** The CLI of this checkout, bundled once per benchmark run (what dist/cli.js would be after a build). */
function bundledCli(): string {
  if (cli) return cli;
  cli = path.join(scratch, 'cli.js');
  esbuild.buildSync({ entryPoints: [path.join(__dirname, '..', 'server', 'src', 'cli', 'main.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, logLevel: 'warning' });
  return cli;
}

/** Writes `text` to a scratch file and returns its path. */
export function scratchFile(name: string, text: string | Uint8Array): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

export function lintCost(args: readonly string[]): LintCost {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', path.join(__dirname, 'exitFigures.cjs'), bundledCli(), 'lint', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const wallMs = performance.now() - t;
  const f = exitFigures('lint', r.status, r.signal, r.stderr ?? '');
  return { ...f, wallMs, stdoutBytes: r.stdout.length, findings: r.stdout.split('"code":').length - 1, exitCode: r.status };
}

/** The figures exitFigures.cjs printed on standard error. */
function exitFigures(what: string, status: number | null, signal: string | null, stderr: string): { cpuMs: number; maxRssMb: number } {
  const line = /@figures (\{.*\})/.exec(stderr);
  if (!line) throw new Error(`${what} gave no figures (exit ${status ?? signal}): ${stderr.slice(0, 500)}`);
  return JSON.parse(line[1]!) as { cpuMs: number; maxRssMb: number };
}

export interface CommandCost {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly maxRssMb: number;
  readonly stdoutBytes: number;
  readonly exitCode: number | null;
  /** Standard error without the figures line, cut to 300 characters. */
  readonly stderr: string;
}

/**
 * Any routelens command in its own process, its output written to a file (so this process holds none of it),
 * standard input read from `stdinFile` when given.
 */
export function commandCost(args: readonly string[], stdinFile?: string): CommandCost {
  const outFile = path.join(scratch, 'stdout');
  const out = openSync(outFile, 'w');
  const input = stdinFile !== undefined ? openSync(stdinFile, 'r') : 'ignore';
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', path.join(__dirname, 'exitFigures.cjs'), bundledCli(), ...args], { stdio: [input, out, 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = performance.now() - t;
  closeSync(out);
  if (typeof input === 'number') closeSync(input);
  const f = exitFigures(args[0] ?? 'routelens', r.status, r.signal, r.stderr ?? '');
  const stderr = (r.stderr ?? '').replace(/\n?@figures .*\n?/, '').slice(0, 300);
  return { ...f, wallMs, stdoutBytes: statSync(outFile).size, exitCode: r.status, stderr };
}
