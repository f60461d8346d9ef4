import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { memoryIo } from '../support/memoryIo';

/** Which files `routelens lint` reads, and what it says about the rest (issue 13: no silent false pass). */

const repoRoot = path.resolve(__dirname, '..', '..');
/** A real RIPE answer as the Linux whois client saved it ([Querying …] lines, % remarks, CRLF). */
const RIPE_ANSWER = path.join(repoRoot, 'test/rpsl/real/ripe__whoisabuse-46-161-62-128.txt');
const ARIN_NON_RPSL = '#\n# ARIN WHOIS data and services are subject to the Terms of Use\n#\n\nNetRange:       17.0.0.0 - 17.255.255.255\nCIDR:           17.0.0.0/8\n';

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-discovery-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

interface Row {
  file: string;
  code: string;
}

test('a whois answer named explicitly is linted by its content, whatever its name (.txt, none)', async () => {
  const dir = dirWith({});
  for (const name of ['AS50896.txt', 'answer']) {
    const file = path.join(dir, name);
    copyFileSync(RIPE_ANSWER, file);
    const io = memoryIo();
    const code = await main(['lint', '--format', 'json', file], io);
    assert.equal(io.err, '', name);
    assert.equal(code, 0, `${name}: a clean RIPE route, no error`);
    assert.deepEqual(JSON.parse(io.out), [], name);
    const text = memoryIo();
    await main(['lint', file], text);
    assert.match(text.out, /^1 file\(s\): 0 error\(s\)/m, name);
  }
});

test('a directory walk lints whois answers by content and says how many files it skipped and why', async () => {
  const dir = dirWith({ 'notes.md': '# notes\n', 'arin.txt': ARIN_NON_RPSL, 'route.rpsl': 'route: 192.0.2.1/24\norigin: AS65000\n' });
  copyFileSync(RIPE_ANSWER, path.join(dir, 'ripe-answer.txt'));
  const io = memoryIo();
  const code = await main(['lint', '--format', 'json', dir], io);
  const files = new Set((JSON.parse(io.out) as Row[]).map((r) => path.basename(r.file)));
  assert.deepEqual([...files], ['route.rpsl'], 'only route.rpsl has findings (host bits); the RIPE answer is linted and clean');
  assert.equal(code, 1);
  assert.match(io.err, /skipped 2 file\(s\), neither RPSL nor ASPA by name or content \(e\.g\. arin\.txt, notes\.md\)/);
  const text = memoryIo();
  await main(['lint', dir], text);
  assert.match(text.out, /^2 file\(s\):/m, 'route.rpsl and ripe-answer.txt');
});

test('lint exits 2 when it linted nothing: an empty directory, only other files, a named file that is not RPSL', async () => {
  const empty = dirWith({});
  const other = dirWith({ 'arin.txt': ARIN_NON_RPSL, 'readme.md': '# x\n' });
  for (const args of [[empty], [other], [path.join(other, 'arin.txt')]]) {
    const io = memoryIo();
    const code = await main(['lint', ...args], io);
    assert.equal(code, 2, args.join(' '));
    assert.match(io.err, /nothing linted/, args.join(' '));
    assert.equal(io.out, '', 'no report claiming "0 file(s): 0 error(s)"');
  }
  const named = memoryIo();
  await main(['lint', path.join(other, 'arin.txt')], named);
  assert.match(named.err, /arin\.txt: skipped, neither RPSL nor ASPA by its content \(it starts with "NetRange: /);
});
