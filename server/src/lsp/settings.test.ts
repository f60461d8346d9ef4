import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readServerSettings, readSettings } from './settings';

test('routelens.diagnostics.maxPerFile: default 1000, a number is taken (at least 1, whole), anything else is the default', () => {
  assert.equal(readSettings(undefined).maxDiagnosticsPerFile, 1000);
  assert.equal(readSettings({ diagnostics: { maxPerFile: 5 } }).maxDiagnosticsPerFile, 5);
  assert.equal(readSettings({ diagnostics: { maxPerFile: 2.7 } }).maxDiagnosticsPerFile, 2);
  assert.equal(readSettings({ diagnostics: { maxPerFile: 0 } }).maxDiagnosticsPerFile, 1);
  assert.equal(readSettings({ diagnostics: { maxPerFile: Infinity } }).maxDiagnosticsPerFile, Infinity);
  assert.equal(readSettings({ diagnostics: { maxPerFile: '5' } }).maxDiagnosticsPerFile, 1000);
  assert.equal(readSettings({ diagnostics: { maxPerFile: NaN } }).maxDiagnosticsPerFile, 1000);
  // The other settings are unaffected.
  assert.deepEqual(readSettings({ diagnostics: { maxPerFile: 5 }, crossChecks: { enabled: false } }), {
    rpslDialect: 'auto',
    crossChecks: false,
    maxDiagnosticsPerFile: 5,
    authoritativeSources: undefined,
    inlayAsNames: false,
    setSizeLenses: true,
  });
});

test('editor hints: AS-name inlay hints off and set-size lenses on unless set, wrong types fall back', () => {
  assert.equal(readSettings({ inlayHints: { asNames: true } }).inlayAsNames, true);
  assert.equal(readSettings({ inlayHints: { asNames: 'yes' } }).inlayAsNames, false);
  assert.equal(readSettings({ codeLens: { setSizes: false } }).setSizeLenses, false);
  assert.equal(readSettings(undefined).setSizeLenses, true);
});

test('the whole section is read once: file lists keep non-empty strings, RTR falls back per field, a blank names file is none', () => {
  const s = readServerSettings({
    rtr: { enabled: true, host: ' cache.example ', port: 70000 },
    data: { vrpFiles: ['a.json', '', 3], aspaFiles: 'b.json', relationshipFiles: ['rel.txt'], asNamesFile: '  ', pathFiles: ['lg.txt', ' '] },
    workspace: { extraFiles: ['radb.db', null] },
    rpsl: { dialect: 'ripe' },
  });
  assert.deepEqual(s.rpki, { rtr: { enabled: true, host: 'cache.example', port: 323 }, vrpFiles: ['a.json'], aspaFiles: [] });
  assert.deepEqual(s.pathData, { aspaFiles: [], vrpFiles: ['a.json'], relationshipFiles: ['rel.txt'] });
  assert.deepEqual(s.pathFiles, ['lg.txt']);
  assert.deepEqual(s.extraFiles, ['radb.db']);
  assert.equal(s.core.rpslDialect, 'ripe');
  assert.equal(readServerSettings({ rpsl: { dialect: 'RIPE' } }).core.rpslDialect, 'auto');
});
