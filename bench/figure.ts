/** Prints one benchmark figure as the JSON line bench/run.ts collects (stdout), and a readable line (stderr). */
export function report(f: { bench: string; metric: string; value: number; unit: string; budget?: string; ok?: boolean }): void {
  process.stdout.write(`${JSON.stringify(f)}\n`);
  process.stderr.write(`  ${f.metric}: ${f.value.toFixed(2)} ${f.unit}${f.budget ? ` (budget ${f.budget}: ${f.ok ? 'ok' : 'OVER'})` : ''}\n`);
}

export const quick = process.argv.includes('--quick');

/** Peak resident set size so far, in MB (Linux reports maxRSS in KiB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
