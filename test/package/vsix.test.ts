import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { zipEntries } from './zipEntries';

const repoRoot = path.resolve(__dirname, '..', '..');
const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

interface Manifest {
  main: string;
  icon: string;
  browser: string;
  contributes: { languages: { configuration?: string }[]; grammars: { path: string }[] };
}

/** `./dist/client/node.js` → `extension/dist/client/node.js`, the path inside the vsix. */
const inVsix = (manifestPath: string): string => path.posix.join('extension', manifestPath);

// Packages the build that is already in dist/ (the test script builds first) into a temporary file, so it neither
// rebuilds dist/ under other running tests nor races `npm run package` for dist/routelens.vsix. The allow-list
// .vscodeignore is what is under test, so a development build (with source maps beside every bundle) is the harder case.
test('the vsix holds the manifest, the bundles and the language files, and nothing else', async () => {
  assert.ok(existsSync(path.join(repoRoot, 'dist', 'client', 'browser.js')), 'dist/ is not built: run `node scripts/build.mjs` first');
  const out = mkdtempSync(path.join(tmpdir(), 'routelens-vsix-'));
  try {
    const vsix = path.join(out, 'routelens.vsix');
    // stdin closed and a timeout: if vsce ever wants to ask something (missing LICENSE or repository), it fails, not hangs.
    await promisify(execFile)(process.execPath, [vsce, 'package', '--no-dependencies', '-o', vsix], {
      cwd: repoRoot,
      timeout: 60_000,
      env: { ...process.env, CI: 'true' },
    });
    const entries = zipEntries(vsix);
    const files = entries.filter((e) => e.startsWith('extension/'));

    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
    const required = [
      'extension/package.json',
      'extension/LICENSE.txt',
      'extension/dist/client/node.js',
      'extension/dist/client/browser.js',
      'extension/dist/server/node.js',
      'extension/dist/server/browser.js',
      'extension/dist/media/panel.js',
      'extension/dist/cli.js',
      inVsix(manifest.main),
      inVsix(manifest.icon),
      // The walkthrough's example and pages.
      'extension/examples/cantv/cantv.rpsl',
      'extension/examples/cantv/aspa.aspa',
      'extension/media/walkthrough/example.md',
      inVsix(manifest.browser),
      ...manifest.contributes.languages.flatMap((l) => (l.configuration ? [inVsix(l.configuration)] : [])),
      // Grammars are contributed by path; each one that exists in the repository must travel with the extension.
      ...manifest.contributes.grammars.filter((g) => existsSync(path.join(repoRoot, g.path))).map((g) => inVsix(g.path)),
    ];
    for (const r of required) assert.ok(files.includes(r), `${r} missing from the vsix:\n${files.join('\n')}`);

    const forbidden = files.filter(
      (f) =>
        f.endsWith('.map') ||
        f.endsWith('.ts') ||
        /^extension\/(server|client|media)\/src\//.test(f) ||
        f.includes('/node_modules/') ||
        /^extension\/(test|bench|scripts|docs|\.ci)\//.test(f) ||
        f.startsWith('extension/dist/test/') ||
        f.startsWith('extension/.'),
    );
    assert.deepEqual(forbidden, [], 'files that do not belong in the vsix');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
