/** Prints one benchmark figure as the JSON line bench/run.ts collects (stdout), and a readable line (stderr). */
export function report(f: { bench: string; metric: string; value: number; unit: string; budget?: string; ok?: boolean }): void {
  process.stdout.write(`${JSON.stringify(f)}\n`);
  process.stderr.write(`  ${f.metric}: ${f.value.toFixed(2)} ${f.unit}${f.budget ? ` (budget ${f.budget}: ${f.ok ? 'ok' : 'OVER'})` : ''}\n`);
}

/**
 * Smaller workloads, so `npm run bench` prints its table in minutes: `--quick` (`npm run bench -- --quick`),
 * `npm run bench --quick` (npm passes it as npm_config_quick) or BENCH_QUICK=1.
 */
export const quick = process.argv.includes('--quick') || process.env.npm_config_quick === 'true' || process.env.BENCH_QUICK === '1';

/** Peak resident set size so far, in MB (Linux reports maxRSS in KiB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A bench's numeric option `name N` from the command line, or `fallback` when it is not given. */
export function numberArg(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
