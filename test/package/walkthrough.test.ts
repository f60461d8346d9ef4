import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

// The Getting Started walkthrough: every step's link runs a command that exists, its media file ships, and its
// completion event can happen. (The web end-to-end test runs the extension's own commands in VS Code for the web.)
const repoRoot = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, unknown> }[];
    walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }[] }[];
  };
};
const ours = new Set(manifest.contributes.commands.map((c) => c.command));
const settings = new Set(manifest.contributes.configuration.flatMap((g) => Object.keys(g.properties)));
// Built-in commands a step may link to; each is a stable VS Code command id.
const BUILT_IN = new Set(['workbench.actions.view.problems', 'workbench.action.openSettings']);
const vscodeignore = readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n');

test('the walkthrough opens the example, shows a quick fix, takes a paste and sets data files, with commands that exist', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  assert.ok(walkthrough);
  assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openExample', 'quickFix', 'paste', 'dataFiles']);
  for (const step of walkthrough.steps) {
    const links = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!);
    assert.ok(links.length > 0, `${step.id} links to a command`);
    for (const c of links) assert.ok(ours.has(c) || BUILT_IN.has(c), `${step.id}: command ${c} is contributed or built in`);
    const media = step.media.markdown ?? step.media.image;
    assert.ok(media && existsSync(path.join(repoRoot, media)), `${step.id}: media ${media} exists`);
    assert.ok(vscodeignore.includes(`!${media}`) || vscodeignore.includes(`!${path.posix.dirname(media)}/*.md`), `${step.id}: ${media} ships in the vsix`);
    for (const e of step.completionEvents ?? []) {
      const [kind, arg] = e.split(':') as [string, string];
      if (kind === 'onCommand') assert.ok(ours.has(arg) || BUILT_IN.has(arg), `${e}: a command that exists`);
      else if (kind === 'onSettingChanged') assert.ok(settings.has(arg), `${e}: a setting that exists`);
      else assert.fail(`${step.id}: unexpected completion event ${e}`);
    }
  }
  // The example the first step opens ships with the extension.
  for (const f of ['cantv.rpsl', 'aspa.aspa']) assert.ok(vscodeignore.includes(`!examples/cantv/${f}`), `examples/cantv/${f} ships in the vsix`);
});
