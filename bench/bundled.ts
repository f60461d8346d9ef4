// How a bench runs its measured child twice: under tsx, as in development, and as the esbuild bundle the CLI ships
// (scripts/build.mjs: bundle, CommonJS, node, es2022). Under tsx every call into another module goes through an
// export getter (~4 % of a scan's profile), so the tsx figure understates production; the two are printed side by
// side, the bundle's labelled.
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
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

/**
 * Unless this is the child already, runs the bench `file` again as its own child with `--child` and `extra` after
 * its arguments, bundled (or under tsx with --tsx) and with --expose-gc (unless --no-gc), and exits with its status:
 * the editor benches collect garbage between edits, and the server ships as the bundle.
 */
export function runAsGcChild(file: string, extra: readonly string[]): void {
  if (process.argv.includes('--child')) return;
  const runtime = childRuntimes(file)[process.argv.includes('--tsx') ? 0 : 1]!;
  const gc = process.argv.includes('--no-gc') ? [] : ['--expose-gc'];
  const r = spawnSync(process.execPath, [...gc, ...runtime.args, '--child', ...process.argv.slice(2), ...extra], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
