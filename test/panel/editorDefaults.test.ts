import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/lspClient';

/**
 * Line-oriented files: Enter ends the line (Tab accepts a suggestion), and suggestions are the language
 * server's real values, never VS Code's list of words seen in the file (issue 17). Both are editor settings
 * the extension sets as defaults for its languages; a user may still change them.
 */
test('.aspa and .rpsl: Enter does not accept a suggestion, no word-based suggestions', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { configurationDefaults?: Record<string, Record<string, unknown>> } };
  for (const lang of ['[aspa]', '[rpsl]']) {
    const d = pkg.contributes.configurationDefaults?.[lang];
    assert.equal(d?.['editor.acceptSuggestionOnEnter'], 'off', lang);
    assert.equal(d?.['editor.wordBasedSuggestions'], 'off', lang);
    assert.equal(d?.['editor.suggest.showWords'], false, lang);
  }
});
