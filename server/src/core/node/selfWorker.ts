/**
 * A worker thread that runs the module `file` (pass the caller's `__filename`): the module's top level sees
 * `workerData` and serves. Built, `__filename` is the bundle (dist/cli.js), which holds every module, so each
 * module's top level checks for its own key in `workerData`; from source (tests and benches under tsx) the worker
 * registers tsx first.
 */
import { Worker } from 'node:worker_threads';

export function selfWorker(file: string, data: unknown): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, { workerData: data });
  // A name the bundler leaves alone: the built CLI never takes this branch and has no tsx.
  const tsx = ['tsx', 'cjs'].join('/');
  return new Worker(`require(${JSON.stringify(require.resolve(tsx))}); require(${JSON.stringify(file)});`, { eval: true, workerData: data });
}
