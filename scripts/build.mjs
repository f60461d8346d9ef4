// One build for every entry: node and browser client, node and browser (Web Worker) server, the webview, the CLI.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  target: 'es2022',
};

/** @type {esbuild.BuildOptions[]} */
const entries = [
  { entryPoints: ['client/src/node/extension.ts'], outfile: 'dist/client/node.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { entryPoints: ['client/src/browser/extension.ts'], outfile: 'dist/client/browser.js', platform: 'browser', format: 'cjs', external: ['vscode'] },
  // Also the `routelens-lsp` command for editors other than VS Code, hence the shebang.
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server/node.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/server/browser.js', platform: 'browser', format: 'iife' },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    entryPoints: { panel: 'media/src/main.ts' },
    outdir: 'dist/media',
    platform: 'browser',
    format: 'iife',
    loader: { '.ttf': 'file', '.css': 'css' },
    entryNames: '[name]',
  },
];

if (existsSync(join(root, 'media/src/editorWorker.ts'))) {
  entries.push({ entryPoints: { 'editor.worker': 'media/src/editorWorker.ts' }, outdir: 'dist/media', platform: 'browser', format: 'iife' });
}

mkdirSync(join(root, 'dist/media'), { recursive: true });
if (watch) {
  for (const e of entries) (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
