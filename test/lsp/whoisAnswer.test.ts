import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { languageOfDocument } from '../../server/src/core/languages/detect';
import { sessionPerFile } from '../support/lspClient';

/**
 * A saved whois answer opened in VS Code: package.json's firstLine gives it the RPSL language by its first
 * line (a % remark, "[Querying …]", "Warning: …"), and the server checks the content agrees.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const server = sessionPerFile();

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { languages: { id: string; firstLine?: string }[] };
};
const firstLine = new RegExp(manifest.contributes.languages.find((l) => l.id === 'rpsl')!.firstLine!);

test("package.json firstLine takes a whois answer's first line, an object's class line, and no script", () => {
  for (const line of [
    '% This is the RIPE Database query service.',
    '% [whois.apnic.net]',
    '%',
    '# comment',
    'Warning: RIPE flags used with a traditional server.',
    '[Querying whois.ripe.net]',
    'route:          46.161.62.0/24',
    'aut-num:        AS3257',
  ])
    assert.ok(firstLine.test(line), line);
  for (const line of ['#!/bin/sh', 'NetRange:       17.0.0.0 - 17.255.255.255', '{"aspas": []}', 'hello']) assert.equal(firstLine.test(line), false, line);
});

test('languageOfDocument: RPSL by firstLine stays RPSL only when the content holds an object', () => {
  const answer = readFileSync(path.join(repoRoot, 'test/rpsl/real/ripe__whoisabuse-46-161-62-128.txt'), 'utf8');
  assert.equal(languageOfDocument('file:///x/AS50896.txt', 'rpsl', answer), 'rpsl');
  assert.equal(languageOfDocument('file:///x/notes', 'rpsl', '# a commented config\nkey = value\n'), 'plaintext');
  // A name that says RPSL, or a document a user is writing from a class line, is never second-guessed.
  assert.equal(languageOfDocument('file:///x/notes.rpsl', 'rpsl', '# a commented config\nkey = value\n'), 'rpsl');
  assert.equal(languageOfDocument('untitled:Untitled-1', 'rpsl', 'rout'), 'rpsl');
  assert.equal(languageOfDocument('file:///x/a.aspa', 'aspa', '% x'), 'aspa');
});

// The head of a real RIPE answer (ripe__whoisabuse-145-255-0-0.txt) with one route whose prefix has host bits.
const ANSWER = [
  '[Querying whois.ripe.net]',
  '[whois.ripe.net]',
  '% This is the RIPE Database query service.',
  '% The objects are in RPSL format.',
  '',
  'route:          145.255.0.1/23',
  'descr:          JSC "Ufanet", Ufa, Russia',
  'origin:         AS24955',
  'mnt-by:         UBN-MNT',
  'source:         RIPE',
  '',
].join('\n');

test('a saved whois answer opened as RPSL by its first line gets diagnostics', { skip: server.skip }, async () => {
  const uri = 'file:///lsp-test/whois/AS24955.txt';
  await server.lsp.open(uri, 'rpsl', ANSWER);
  const diags = await server.lsp.waitForDiagnostics(uri, (d) => d.length > 0);
  assert.deepEqual(
    diags.map((d) => [d.code, d.range.start.line]),
    [['rpsl/host-bits-set', 5]],
    'no framing errors for the client lines and remarks; the real finding on line 6',
  );
});

test('a "#" file that VS Code gave RPSL by its first line but holds no object gets none', { skip: server.skip }, async () => {
  const text = '# owners of this repository\n* @someone\n';
  const asRpsl = 'file:///lsp-test/whois/broken.rpsl';
  await server.lsp.open(asRpsl, 'rpsl', text);
  await server.lsp.waitForDiagnostics(asRpsl, (d) => d.some((x) => x.code === 'rpsl/not-an-attribute'));
  const uri = 'file:///lsp-test/whois/CODEOWNERS';
  await server.lsp.open(uri, 'rpsl', text);
  assert.deepEqual(await server.lsp.waitForDiagnostics(uri), []);
});
