import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { build } from 'esbuild';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const runner = path.join(repoRoot, 'dist', 'test', 'electron', 'index.js');
const BAD_RPSL = 'aut-num:        AS8048\nthis is not an attribute\nsource:         RADB\n';

test('desktop VS Code: the RPSL error is reported and "RouteLens: Analyze AS Paths" opens its panel', { timeout: 600_000 }, async (t) => {
  const vscode = await locateVsCode();
  if ('skip' in vscode) return t.skip(vscode.skip);
  assert.ok(existsSync(path.join(repoRoot, 'dist', 'client', 'node.js')), 'dist/client/node.js missing: run `node scripts/build.mjs` first');

  // The in-host suite (./suite/index.ts) is bundled here, not by the main build: it ships in no vsix.
  await build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
    outfile: runner,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });

  const workspace = mkdtempSync(path.join(tmpdir(), 'routelens-electron-ws-'));
  // A fresh profile each run, so no "AS Paths" panel is restored from an earlier one before the command runs.
  const profile = mkdtempSync(path.join(tmpdir(), 'routelens-electron-profile-'));
  writeFileSync(path.join(workspace, 'bad.rpsl'), BAD_RPSL);
  try {
    // Resolves on exit code 0, rejects with TestRunFailedError otherwise; the suite's own waits are bounded.
    await runTests({
      vscodeExecutablePath: vscode.path,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: runner,
      launchArgs: [
        workspace,
        '--disable-extensions',
        `--user-data-dir=${path.join(profile, 'user-data')}`,
        `--extensions-dir=${path.join(profile, 'extensions')}`,
      ],
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
});

/**
 * A VS Code desktop binary: `VSCODE_EXECUTABLE`, else a download into .vscode-test/ when that can work. Never
 * attempts one in CI or offline, and says in one line why the suite did not run.
 */
async function locateVsCode(): Promise<{ path: string } | { skip: string }> {
  const configured = process.env.VSCODE_EXECUTABLE;
  if (configured && !existsSync(configured)) return { skip: `VSCODE_EXECUTABLE=${configured} does not exist` };
  if (!configured && process.env.CI) return { skip: 'no VS Code binary: set VSCODE_EXECUTABLE (no download is attempted in CI)' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { skip: 'no X or Wayland display for desktop VS Code (run under xvfb-run)' };
  }
  if (configured) return { path: configured };
  if (!(await reachable('https://update.code.visualstudio.com/api/releases/stable'))) {
    return { skip: 'no VS Code binary: VSCODE_EXECUTABLE is unset and update.code.visualstudio.com is unreachable' };
  }
  return { path: await downloadAndUnzipVSCode({ version: 'stable', cachePath: path.join(repoRoot, '.vscode-test'), timeout: 30_000 }) };
}

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(3_000) })).ok;
  } catch {
    return false;
  }
}
