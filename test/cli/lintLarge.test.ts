import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { generateDump } from '../../bench/rpslDump';
import { run } from '../../server/src/cli/lint';
import { readTextParts } from '../../server/src/cli/lintLarge';
import { memoryIo } from '../support/memoryIo';

/**
 * A file too big for one string is linted as several texts (lintLarge.ts). Here the limits are made small, so a
 * few MB are cut into parts, and the report must be byte for byte the report of the file read whole.
 */
const SMALL = { fileBytes: 0, partChars: 400_000 };

/** The generated dump (references resolving nowhere, so cross-checks speak), with findings, non-ASCII and a stray blank line mixed in. */
function dump(): string {
  const objects = generateDump(6000, 5).split('\n\n');
  for (let i = 50; i < objects.length; i += 97) objects[i] = `${objects[i]}\nthis is not an attribute\nremarks:        Zoë, Ünal — 東京`;
  for (let i = 70; i < objects.length; i += 301) objects[i] = objects[i]!.replace('\norigin:', '\n\norigin:');
  return `${objects.join('\n\n')}\n`;
}

/** An io that hands a file out in pieces of `piece` bytes (cutting UTF-8 sequences), as a read stream does. */
function piecesIo(piece: number) {
  const io = memoryIo();
  return Object.assign(io, {
    fileSize: async (p: string) => readFileSync(p).length,
    async *readChunks(p: string) {
      const bytes = readFileSync(p);
      for (let i = 0; i < bytes.length; i += piece) yield bytes.subarray(i, i + piece);
    },
  });
}

function files(contents: Record<string, string | Uint8Array>): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-large-'));
  return Object.entries(contents).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  });
}

test('a large file read in parts is cut where the slices of a whole read end, and the parts make the text', async () => {
  const text = dump();
  const [file] = files({ 'dump.rpsl': text });
  const parts = await readTextParts(piecesIo(7919).readChunks(file!), 'file:///dump.rpsl', SMALL.partChars);
  assert.ok(parts && parts.length >= 3, `${parts?.length} parts`);
  assert.equal(parts.map((p) => p.text).join(''), text);
  let line = 0;
  for (const p of parts) {
    assert.equal(p.firstLine, line);
    assert.ok(p.text.endsWith('\n'));
    line += p.text.split('\n').length - 1;
  }
});

for (const format of ['json', 'sarif', 'text']) {
  test(`lint --format ${format} of a large file in parts reports what the whole file does`, async () => {
    const text = dump();
    // A second, small file naming objects of the dump: cross-file lookups reach into every part.
    const [big, small] = files({ 'dump.rpsl': text, 'mine.rpsl': 'as-set:         AS65000:AS-TEST\nmembers:        AS1000, AS65000:AS-CUSTOMERZ\nmnt-by:         MAINT-AS1000\nsource:         RADB\n' });
    const whole = memoryIo();
    const wholeCode = await run(['--format', format, big!, small!], whole);
    const inParts = piecesIo(65_537);
    const partsCode = await run(['--format', format, big!, small!], inParts, SMALL);
    assert.equal(partsCode, wholeCode);
    assert.ok(whole.out.length > 10_000, whole.out.slice(0, 200));
    assert.equal(inParts.out, whole.out);
  });
}

test('a large file that is not plain UTF-8 is read whole, as before, with the same report', async () => {
  const latin1 = Buffer.from(dump().replace(/Zoë/g, 'Zo\u00eb'), 'latin1');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(generateDump(300, 3), 'utf16le')]);
  for (const [name, bytes] of [['latin1.rpsl', latin1], ['utf16.rpsl', utf16]] as const) {
    const [file] = files({ [name]: bytes });
    const whole = memoryIo();
    await run(['--format', 'json', file!], whole);
    const inParts = piecesIo(4096);
    await run(['--format', 'json', file!], inParts, SMALL);
    assert.equal(inParts.out, whole.out, name);
    assert.equal(await readTextParts(inParts.readChunks(file!), 'file:///x', SMALL.partChars), undefined, name);
  }
});

test('UTF-8 sequences cut between the pieces a file is read in are decoded whole, and a bad or cut-off one reads the file whole', async () => {
  const text = `${Array.from({ length: 300 }, (_, i) => `remarks: ${i} é ü 東京 😀 — ok`).join('\n')}\n`;
  const [file, bad, cut] = files({ 'multi.rpsl': text, 'bad.rpsl': Buffer.concat([Buffer.from(text), Buffer.from([0xe6, 0x41, 0x0a])]), 'cut.rpsl': Buffer.from(text + '😀').subarray(0, -1) });
  // The first piece must hold a line end (a CR-only file is read whole); pieces of these sizes cut sequences at every place.
  for (const piece of [61, 67, 71, 73, 79, 83, 89, 97, 4096]) {
    const parts = await readTextParts(piecesIo(piece).readChunks(file!), 'file:///multi.rpsl', SMALL.partChars);
    assert.equal(parts?.map((p) => p.text).join(''), text, `pieces of ${piece} bytes`);
    assert.equal(await readTextParts(piecesIo(piece).readChunks(bad!), 'file:///bad.rpsl', SMALL.partChars), undefined);
    assert.equal(await readTextParts(piecesIo(piece).readChunks(cut!), 'file:///cut.rpsl', SMALL.partChars), undefined);
  }
});
