/**
 * Runs `routelens lint` as a user does — the bundled CLI in its own process, on a file — and reads back
 * what the process cost: CPU time (user + system, so the other helpers' load on a shared machine
 * colours it less than wall time), wall time and peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
export function scratchFile(name: string, text: string): string {
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
  const line = /@figures (\{.*\})/.exec(r.stderr ?? '');
  if (!line) throw new Error(`lint gave no figures (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').slice(0, 500)}`);
  const f = JSON.parse(line[1]!) as { cpuMs: number; maxRssMb: number };
  return { ...f, wallMs, stdoutBytes: r.stdout.length, findings: r.stdout.split('"code":').length - 1, exitCode: r.status };
}
