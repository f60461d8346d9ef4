/**
 * The scanning half of `routelens scan`: load the data, read MRT files, return the result. Run in the command's own
 * thread, or once per group of files in worker threads whose results merge exactly as `--merge` merges parts.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData, type Worker } from 'node:worker_threads';
import { readMrtFile } from '../core/mrt/node/readMrtFile';
import { selfWorker } from '../core/node/selfWorker';
import { defaultBzip2Threads } from '../core/compress/node/bunzip2Threads';
import { loadPathData } from '../core/paths/loadData';
import { scanDataOf } from '../core/scan/classify';
import { mergeScans } from '../core/scan/episodes';
import type { ScanResult } from '../core/scan/model';
import { collectorOf, MrtScanner } from '../core/scan/scanner';
import type { CliIo } from './io';
import { readDataText } from './readText';

/** What one thread scans, with the data options as given. */
export interface ScanJob {
  readonly files: readonly string[];
  readonly aspa: readonly string[];
  readonly vrps?: string;
  readonly relationships?: string;
  /** Collector peers whose routes get upstream ASPA verification (`--peer-role`). */
  readonly upstreamPeers?: readonly number[];
  readonly gap: number;
}

type JobIo = Pick<CliIo, 'readFile' | 'stderr'>;

export async function scanJob(job: ScanJob, io: JobIo): Promise<ScanResult | { error: string }> {
  const data = await loadPathData(
    { aspaFiles: job.aspa, ...(job.vrps !== undefined ? { vrpFiles: [job.vrps] } : {}), ...(job.relationships !== undefined ? { relationshipFiles: [job.relationships] } : {}) },
    (p) => readDataText(() => io.readFile(p), p, io.stderr),
  );
  for (const set of Object.values(data.status ?? {})) for (const e of set?.errors ?? []) io.stderr(`routelens scan: ${e.source}: ${e.message}\n`);
  const scanData = scanDataOf(data);
  const scanner = new MrtScanner(job.upstreamPeers !== undefined ? { ...scanData, upstreamPeers: new Set(job.upstreamPeers) } : scanData, job.gap);
  for (const file of job.files) {
    const sink = scanner.file(file, collectorOf(file));
    try {
      // A thread of scanInThreads has its file's core already; the command's own thread lends bzip2 the others.
      sink.done(await readMrtFile(file, sink, { bzip2Threads: isMainThread ? defaultBzip2Threads() : 1 }));
    } catch (e) {
      return { error: `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return scanner.result();
}

/** Threads to use by default: one per file, at most one per processor. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(files, availableParallelism()));
}

/**
 * The files dealt out to `threads` worker threads (largest first, each to the least loaded thread, so one long RIB
 * does not wait behind a queue), each loading the data itself; their results merged. Data problems are reported
 * once (every thread loads the same files and meets the same ones).
 */
export async function scanInThreads(job: ScanJob, threads: number, sizes: readonly number[], io: Pick<CliIo, 'stderr'>): Promise<ScanResult | { error: string }> {
  const groups: { files: string[]; bytes: number }[] = Array.from({ length: threads }, () => ({ files: [], bytes: 0 }));
  const order = job.files.map((f, i) => ({ f, size: sizes[i] ?? 0 })).sort((a, b) => b.size - a.size);
  for (const { f, size } of order) {
    const g = groups.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    g.files.push(f);
    g.bytes += size;
  }
  const parts = await Promise.all(
    groups
      .filter((g) => g.files.length > 0)
      .map(
        (g, i) =>
          new Promise<{ result?: ScanResult; error?: string; stderr: string }>((resolve) => {
            const w = worker({ routelensScanJob: { ...job, files: g.files } });
            w.once('message', (m: { result?: ScanResult; error?: string; stderr: string }) => resolve(m));
            w.once('error', (e) => resolve({ error: `worker ${i}: ${e.message}`, stderr: '' }));
            w.once('exit', (code) => resolve({ error: `worker ${i} exited with ${code} before its result`, stderr: '' }));
          }),
      ),
  );
  io.stderr(parts[0]?.stderr ?? '');
  const failed = parts.find((p) => p.error !== undefined);
  if (failed?.error !== undefined) return { error: failed.error };
  return mergeScans(parts.map((p) => p.result!));
}

/** A worker running this file (see selfWorker). */
function worker(data: unknown): Worker {
  return selfWorker(__filename, data);
}

// In a worker thread started by scanInThreads (this file, or the bundled CLI that contains it): scan and answer.
const job = !isMainThread ? (workerData as { routelensScanJob?: ScanJob } | null)?.routelensScanJob : undefined;
if (job !== undefined && parentPort !== null) {
  const port = parentPort;
  let stderr = '';
  void scanJob(job, { readFile: (p) => readFile(p), stderr: (s) => void (stderr += s) }).then(
    (r) => port.postMessage('error' in r ? { error: r.error, stderr } : { result: r, stderr }),
    (e: unknown) => port.postMessage({ error: e instanceof Error ? e.message : String(e), stderr }),
  );
}
