// How a bench runs its measured child twice: under tsx, as in development, and as the esbuild bundle the CLI ships
// (scripts/build.mjs: bundle, CommonJS, node, es2022). Under tsx every call into another module goes through an
// export getter (~4 % of a scan's profile), so the tsx figure understates production; the two are printed side by
// side, the bundle's labelled.
import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';

export interface ChildRuntime {
  /** Appended to the metric of a figure taken on this runtime ('' under tsx, so its figures keep their names). */
  readonly label: string;
  /** node's arguments before the bench's own: the loader and the script. */
  readonly args: readonly string[];
}

/**
 * The bench file `file` (in bench/) under tsx, then bundled (built on each call) into node_modules/.cache, where the
 * bundle still finds the packages left external, as dist/ does.
 */
export function childRuntimes(file: string): ChildRuntime[] {
  const dir = path.join(path.dirname(file), '..', 'node_modules', '.cache', 'routelens-bench');
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${path.basename(file, '.ts')}.cjs`);
  buildSync({ entryPoints: [file], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'es2022', external: ['esbuild'], logLevel: 'warning' });
  return [
    { label: '', args: ['--import', 'tsx', file] },
    { label: ' [esbuild bundle, as the CLI ships]', args: [out] },
  ];
}

/** The label a child was started with (`--runtime-label <text>`), '' when none. */
export function runtimeLabel(): string {
  const at = process.argv.indexOf('--runtime-label');
  return at >= 0 ? (process.argv[at + 1] ?? '') : '';
}
