import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

// The repository's .pre-commit-hooks.yaml, run by a real pre-commit (Debian's package, scripts/apt-packages.txt)
// on a temporary Git repository, as a user who adds the hook to .pre-commit-config.yaml would run it.
const repoRoot = path.resolve(__dirname, '..', '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const skip = !hasPreCommit ? 'pre-commit is not installed (scripts/setup.sh installs it)' : !existsSync(cli) ? 'dist/cli.js not built' : false;

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.invalid',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, env, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
}

test('the pre-commit hook lints staged RPSL files and fails the commit on an error', { skip }, () => {
  const base = mkdtempSync(path.join(tmpdir(), 'routelens-precommit-'));
  // The hook repository: just the manifest, as pre-commit reads it from a tagged clone of ours.
  const hooks = path.join(base, 'hooks');
  mkdirSync(hooks);
  copyFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), path.join(hooks, '.pre-commit-hooks.yaml'));
  git(hooks, 'init', '-q');
  git(hooks, 'add', '.');
  git(hooks, 'commit', '-q', '-m', 'hooks');
  // `routelens` on PATH, as `npm install -g routelens` puts it there.
  const bin = path.join(base, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'routelens'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  chmodSync(path.join(bin, 'routelens'), 0o755);

  const work = path.join(base, 'work');
  mkdirSync(work);
  git(work, 'init', '-q');
  writeFileSync(path.join(work, 'README.md'), 'not RPSL\n');
  writeFileSync(path.join(work, 'route.rpsl'), 'route:          192.0.2.0/24\norigin:         AS64500\nthis is not an attribute\nsource:         RADB\n');
  git(work, 'add', '.');

  const run = () =>
    spawnSync('pre-commit', ['try-repo', hooks, 'routelens-lint', '--all-files', '--color', 'never'], {
      cwd: work,
      env: { ...env, PATH: `${bin}:${process.env.PATH ?? ''}`, PRE_COMMIT_HOME: path.join(base, 'cache') },
      encoding: 'utf8',
    });
  const failing = run();
  assert.equal(failing.status, 1, failing.stdout + failing.stderr);
  assert.match(failing.stdout, /routelens lint \(RPSL and ASPA\)\.+Failed/);
  assert.match(failing.stdout, /route\.rpsl:3:1: error rpsl\/not-an-attribute/);

  writeFileSync(path.join(work, 'route.rpsl'), 'route:          192.0.2.0/24\norigin:         AS64500\nmnt-by:         MAINT-EXAMPLE\nsource:         RADB\n');
  git(work, 'add', '.');
  const passing = run();
  assert.equal(passing.status, 0, passing.stdout + passing.stderr);
  assert.match(passing.stdout, /routelens lint \(RPSL and ASPA\)\.+Passed/);
});
