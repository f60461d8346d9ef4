import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { run as aspa } from '../../server/src/cli/aspa';
import { main } from '../../server/src/cli/main';
import { run as paths } from '../../server/src/cli/paths';
import { deepNesting } from '../support/hostileInputs';
import { memoryIo } from '../support/memoryIo';

/** The day-one inputs at the CLI: encodings, binary files, huge reports, closed pipes, usage. */

const repoRoot = path.resolve(__dirname, '..', '..');
const ROUTE = 'route:          192.0.2.1/24\r\norigin:         AS65000\r\nmnt-by:         MAINT-EXAMPLE\r\nsource:         RADB\r\n';

function file(name: string, bytes: Uint8Array | string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'routelens-hostile-'));
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

interface Row {
  code: string;
  severity: string;
  range: { start: { line: number; character: number } };
}

async function lintJson(p: string): Promise<{ code: number; rows: Row[]; err: string }> {
  const io = memoryIo();
  const code = await main(['lint', '--format', 'json', '--no-cross-checks', p], io);
  return { code, rows: JSON.parse(io.out) as Row[], err: io.err };
}

const codes = (rows: Row[]) => rows.map((r) => r.code).sort();

test('a UTF-16 file with a BOM (PowerShell 5.1) lints as its UTF-8 twin does, not as " r o u t e "', async () => {
  const utf8 = await lintJson(file('route.rpsl', ROUTE));
  assert.deepEqual(codes(utf8.rows), ['rpsl/host-bits-set']);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROUTE, 'utf16le')]);
  const be = Buffer.from(le).swap16();
  for (const bytes of [le, be]) {
    const r = await lintJson(file('route.rpsl', bytes));
    assert.deepEqual(r.rows, utf8.rows.map((x) => ({ ...x, file: (r.rows[0] as Row & { file: string }).file })));
  }
  const bom8 = await lintJson(file('route.rpsl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROUTE)])));
  assert.deepEqual(codes(bom8.rows), ['rpsl/host-bits-set']);
});

test('a Latin-1 file is linted whole, with one warning saying it is not UTF-8 and where', async () => {
  const bytes = Buffer.concat([Buffer.from('person:         J'), Buffer.from([0xfc]), Buffer.from('rgen M\nnic-hdl:        JM1-TEST\nsource:         TEST\nthis is not an attribute\n')]);
  const r = await lintJson(file('person.rpsl', bytes));
  const notUtf8 = r.rows.find((x) => x.code === 'input/not-utf8');
  assert.deepEqual(notUtf8?.range.start, { line: 0, character: 17 });
  assert.equal(notUtf8?.severity, 'warning');
  // The rest of the file is still checked.
  assert.ok(r.rows.some((x) => x.code === 'rpsl/not-an-attribute'), JSON.stringify(r.rows));
});

const GZIP = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x2b, 0xca, 0x2f, 0x2d, 0x49, 0xb5, 0x02, 0x00]);

test('lint of a gzip file says it is compressed and how to read it, with no findings from its bytes', async () => {
  const r = await lintJson(file('ripe.db.route.rpsl', GZIP));
  assert.equal(r.code, 1);
  assert.deepEqual(codes(r.rows), ['input/compressed']);
  const io = memoryIo();
  await main(['lint', file('dump.gz', GZIP)], io);
  assert.match(io.out, /error input\/compressed: This is a gzip-compressed file, not text: decompress it first/);
});

/** An MRT TABLE_DUMP_V2 start: PEER_INDEX_TABLE then RIB_IPV4_UNICAST headers (RFC 6396 §2, §4.3), then random-ish bytes. */
function mrt(): Buffer {
  const rec = (subtype: number, body: number[]) => {
    const h = Buffer.alloc(12);
    h.writeUInt32BE(1767312000, 0);
    h.writeUInt16BE(13, 4);
    h.writeUInt16BE(subtype, 6);
    h.writeUInt32BE(body.length, 8);
    return Buffer.concat([h, Buffer.from(body)]);
  };
  return Buffer.concat([rec(1, [192, 0, 2, 1, 0, 0, 0, 0]), rec(2, [0, 0, 0, 1, 24, 192, 0, 2, 0, 0]), Buffer.alloc(200_000, 0x41)]);
}

test('paths on an MRT dump or a gzip archive says what it is and echoes no bytes (exit 2)', async () => {
  for (const [bytes, what] of [
    [mrt(), /input\/mrt: This is an MRT routing dump \(RFC 6396\), not text: turn it into text first \(bgpdump -m FILE\)/],
    [GZIP, /input\/compressed: This is a gzip-compressed file/],
  ] as const) {
    const io = memoryIo();
    const p = file('rib.20260102.0000', bytes);
    assert.equal(await paths([p], io), 2);
    assert.equal(io.out, '');
    assert.match(io.err, what);
  }
});

test('paths lists at most 20 lines not understood, each cut to 160 characters; json has them all', async () => {
  const junk = Array.from({ length: 500 }, (_, i) => `junk line ${i} ${'x'.repeat(i === 0 ? 5000 : 10)}`).join('\n');
  const p = file('junk.txt', `3356 6762 8048 21980\n${junk}\n`);
  const io = memoryIo();
  assert.equal(await paths(['--input-format', 'aspath-list', p], io), 0);
  assert.match(io.out, /^format: aspath-list, 1 route, 500 lines not understood\n/);
  assert.equal(io.out.match(/not understood: /g)?.length, 20);
  assert.match(io.out, /line 2: not understood: junk line 0 x{148}… \(5,012 characters\)\n/);
  assert.match(io.out, /… and 480 more lines not understood; use --format json for all\n$/);
  const json = memoryIo();
  await paths(['--format', 'json', '--input-format', 'aspath-list', p], json);
  assert.equal((JSON.parse(json.out) as { unparsed: unknown[] }).unparsed.length, 500);
});

test('text output caps each code per file with a count; json and --max-per-code 0 list every finding', async () => {
  const p = file('noise.rpsl', `aut-num: AS64500\n${Array.from({ length: 1234 }, (_, i) => `noise ${i}`).join('\n')}\n`);
  const io = memoryIo();
  assert.equal(await main(['lint', '--no-cross-checks', p], io), 1);
  const lines = io.out.trimEnd().split('\n');
  assert.equal(lines.filter((l) => l.includes('rpsl/not-an-attribute:')).length, 100);
  assert.ok(lines.includes(`${p}: … and 1,134 more of rpsl/not-an-attribute; use --format json for all`), lines.slice(-4).join('\n'));
  // The summary counts them all.
  assert.match(lines.at(-1) ?? '', /^1 file\(s\): 12\d\d error\(s\)/);
  const all = memoryIo();
  await main(['lint', '--no-cross-checks', '--max-per-code', '0', p], all);
  assert.equal(all.out.split('\n').filter((l) => l.includes('rpsl/not-an-attribute:')).length, 1234);
  const json = await lintJson(p);
  assert.equal(json.rows.filter((r) => r.code === 'rpsl/not-an-attribute').length, 1234);
  assert.equal(await main(['lint', '--max-per-code', 'lots', p], memoryIo()), 2);
});

test('json and sarif reports are written as they are made, in chunks, not as one string at the end', async () => {
  const p = file('noise.rpsl', `aut-num: AS64500\n${Array.from({ length: 5000 }, (_, i) => `noise ${i}`).join('\n')}\n`);
  for (const format of ['json', 'sarif']) {
    const writes: number[] = [];
    const io = memoryIo();
    const spy = { ...io, stdout: (s: string) => (writes.push(s.length), io.stdout(s)) };
    await main(['lint', '--no-cross-checks', '--format', format, p], spy);
    assert.ok(writes.length > 5, `${format}: ${writes.length} writes`);
    assert.ok(Math.max(...writes) < 80_000, `${format}: largest write ${Math.max(...writes)}`);
    const parsed = JSON.parse(io.out) as unknown;
    const n = format === 'json' ? (parsed as unknown[]).length : (parsed as { runs: { results: unknown[] }[] }).runs[0]?.results.length;
    assert.ok((n ?? 0) >= 5000, `${format}: ${n}`);
  }
});

test('aspa verify with a truncated or binary ASPA file exits 2 and prints no verdict', async () => {
  const good = readFileSync(path.join(repoRoot, 'examples', 'cantv', 'aspa.rpki-client.json'), 'utf8');
  const cases: [string, Uint8Array | string, RegExp][] = [
    ['truncated.json', good.slice(0, Math.floor(good.length / 2)), /aspa\/syntax/],
    ['cut.aspa', 'AS8048 => AS6762, AS52320\nAS52320 => AS1\nAS21980 =', /aspa\/syntax/],
    ['aspa.json.gz', GZIP, /input\/compressed/],
    ['random.aspa', Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256), /input\/binary/],
  ];
  for (const [name, bytes, why] of cases) {
    const io = memoryIo();
    const code = await aspa(['verify', '--aspa', file(name, bytes), '--path', '24482 52320 8048 6762 1299 269832 21980'], io);
    assert.equal(code, 2, `${name}: ${io.out}`);
    assert.equal(io.out, '', name);
    assert.match(io.err, why, name);
    assert.match(io.err, /could not be read whole/, name);
  }
});

test('--version prints the version; no command or an unknown one is a usage error on stderr (exit 2)', async () => {
  const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const v = memoryIo();
  assert.equal(await main(['--version'], v), 0);
  assert.equal(v.out, `routelens ${version}\n`);
  for (const argv of [[], ['frobnicate'], ['aspa', 'impact'], ['lint', '--bogus']]) {
    const io = memoryIo();
    assert.equal(await main(argv, io), 2, argv.join(' '));
    assert.equal(io.out, '', argv.join(' '));
    assert.match(io.err, /usage: routelens/, argv.join(' '));
  }
  const help = memoryIo();
  assert.equal(await main(['--help'], help), 0);
  assert.match(help.out, /usage: routelens <command>/);
});

test('a reader that stops early (| head) ends the command quietly with status 0, no EPIPE trace', async () => {
  const p = file('noise.rpsl', `${Array.from({ length: 200_000 }, (_, i) => `noise ${i}`).join('\n')}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/cli/main.ts'), 'lint', '--max-per-code', '0', p], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  // Read the first chunk, then close the pipe, as head does after its lines.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  assert.equal(err, '');
  assert.equal(status, 0);
  // And through a real shell pipe into head.
  const sh = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" --import tsx server/src/cli/main.ts lint --max-per-code 0 "${p}" | head -1`], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(sh.stderr, '');
  assert.equal(sh.status, 0);
  assert.equal(sh.stdout.split('\n').length, 2);
});

test('aspa verify on a file that is not ASPA prints its first 20 errors and a count, not one line per line of the file', async () => {
  const io = memoryIo();
  const f = file('notes.aspa', 'a: b\n\n'.repeat(5000));
  assert.equal(await aspa(['verify', '--aspa', f, '--path', '1 2 3'], io), 2);
  assert.equal(io.err.split('\n').filter((l) => l.includes('error aspa/syntax')).length, 20);
  assert.match(io.err, /… and 4,980 more error\(s\); routelens lint .*notes\.aspa lists them all/);
});

test('deep nesting is one finding per policy attribute, not one per bracket, and the object after it is still checked', async () => {
  const r = await lintJson(file('deep.rpsl', `${deepNesting(5000).rpsl}\n${ROUTE}`));
  const policy = r.rows.filter((x) => x.code.startsWith('policy/'));
  // import ( … ), import < … >, import … refine …, mp-import { { … } }: four attributes, four findings.
  assert.deepEqual(policy.map((x) => [x.code, x.range.start.line]), [
    ['policy/too-deep', 2],
    ['policy/too-deep', 3],
    ['policy/too-deep', 4],
    ['policy/nested-braces', 5],
  ]);
  assert.ok(r.rows.some((x) => x.code === 'rpsl/host-bits-set'), 'the route after it still has its finding');
});
