// Preloaded (node --require) into a process a benchmark measures: at exit, prints its own CPU time and peak
// resident set size as one JSON line on standard error, which the benchmark reads (see lintProcess.ts).
process.on('exit', () => {
  const cpu = process.cpuUsage();
  process.stderr.write(`\n@figures ${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
