import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { allDiagnosticCodes } from '../../server/src/core/diagnostics/registry';
import { memoryIo } from '../support/memoryIo';

const docs = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'diagnostics.md'), 'utf8');

test('explain prints the documentation of a code, with the address of its section in docs/diagnostics.md', async () => {
  const io = memoryIo();
  assert.equal(await main(['explain', 'rpsl/host-bits-set'], io), 0, io.err);
  const info = allDiagnosticCodes.get('rpsl/host-bits-set')!;
  assert.match(io.out, /^rpsl\/host-bits-set \((error|warning|information|hint) by default\)\n/);
  assert.ok(io.out.includes(info.summary));
  assert.ok(io.out.includes(info.description.trim().split('\n')[0]!));
  const url = /Documentation: (\S+)#(\S+)/.exec(io.out);
  assert.ok(url, io.out);
  // The anchor is the one the generated document's heading gets.
  assert.ok(docs.includes(`](#${url[2]})`), `docs/diagnostics.md links #${url[2]}`);
  assert.ok(docs.includes('### rpsl/host-bits-set'));
});

test('explain of an unknown code is a usage error that suggests the near codes', async () => {
  const io = memoryIo();
  assert.equal(await main(['explain', 'host-bits'], io), 2);
  assert.equal(io.out, '');
  assert.match(io.err, /no diagnostic code "host-bits"\. Did you mean: .*rpsl\/host-bits-set/);
  const none = memoryIo();
  assert.equal(await main(['explain'], none), 2);
  assert.match(none.err, /no code given/);
});

test('lint --list-codes lists every code once, with its default severity', async () => {
  const io = memoryIo();
  assert.equal(await main(['lint', '--list-codes'], io), 0, io.err);
  const listed = io.out.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(/\s+/));
  assert.equal(listed.length, allDiagnosticCodes.size);
  for (const [code, severity] of listed) assert.equal(allDiagnosticCodes.get(code!)?.severity, severity, code);
});
