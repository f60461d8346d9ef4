import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSettings } from './settings';

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
