import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mulberry32 } from '../../../../bench/prng';
import { looksLikeMrt, sniffBinary } from './binaryFormats';
import { decodeInput, firstInvalidUtf8 } from './decode';

const ROUTE = 'route:  192.0.2.0/24\r\norigin: AS64500\r\n';

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'be') le.swap16();
  return new Uint8Array([...(bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []), ...le]);
}

function text(bytes: Uint8Array) {
  const d = decodeInput(bytes);
  assert.equal(d.kind, 'text', d.kind === 'binary' ? d.problem.message : '');
  return d.kind === 'text' ? d : assert.fail();
}

test('UTF-16 with a byte order mark (what Windows PowerShell 5.1 writes) reads as the text it holds', () => {
  for (const order of ['le', 'be'] as const) {
    const d = text(utf16(ROUTE, order, true));
    assert.equal(d.text, ROUTE);
    assert.equal(d.encoding, `utf-16${order}`);
    assert.deepEqual(d.problems, []);
  }
});

test('UTF-8 with and without a BOM; a CR-only file gets LF, line ends of other files stay as they are', () => {
  const d = text(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('person: Zoë\r\nnic-hdl: ZZ1-TEST\r\r\nsource: TEST\n')]));
  assert.equal(d.encoding, 'utf-8-bom');
  assert.equal(d.text, 'person: Zoë\r\nnic-hdl: ZZ1-TEST\r\r\nsource: TEST\n');
  assert.equal(text(Buffer.from('person: Zoë\rnic-hdl: ZZ1-TEST\r')).text, 'person: Zoë\nnic-hdl: ZZ1-TEST\n');
  assert.equal(text(Buffer.from('a\nb')).encoding, 'utf-8');
});

test('a file that is not UTF-8 is read as Latin-1, and the warning names the first bad byte and where it is', () => {
  // "Müller" in ISO 8859-1: ü is the single byte 0xFC.
  const d = text(new Uint8Array([...Buffer.from('person: Hans\nremarks: M'), 0xfc, ...Buffer.from('ller\n')]));
  assert.equal(d.encoding, 'latin-1');
  assert.equal(d.text, 'person: Hans\nremarks: Müller\n');
  assert.equal(d.problems.length, 1);
  assert.equal(d.problems[0]?.code, 'input/not-utf8');
  assert.deepEqual(d.problems[0]?.position, { line: 1, character: 10 });
  assert.match(d.problems[0]?.message ?? '', /0xFC at line 2, column 11.*Latin-1/);
});

test('firstInvalidUtf8 follows RFC 3629: overlongs, surrogates and cut sequences are invalid', () => {
  assert.equal(firstInvalidUtf8(Buffer.from('añ€😀')), Buffer.from('añ€😀').length);
  assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80])), 1); // overlong NUL
  assert.equal(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])), 0); // UTF-16 surrogate
  assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x82])), 1); // cut short
  assert.equal(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80])), 0); // above U+10FFFF
});

test('UTF-16 without a BOM is recognised by its NUL bytes and read with a warning; a cut UTF-16 file is read with one', () => {
  const d = text(utf16(ROUTE, 'le', false));
  assert.equal(d.text, ROUTE);
  assert.deepEqual(d.problems.map((p) => p.code), ['input/utf16-no-bom']);
  const cut = utf16(ROUTE, 'be', true).subarray(0, 21);
  assert.deepEqual(text(cut).problems.map((p) => p.code), ['input/invalid-utf16']);
});

test('compressed files, images, PDFs say what they are, by their signatures', () => {
  const cases: [number[], string, string][] = [
    [[0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3], 'input/compressed', 'gzip'],
    [[...Buffer.from('BZh9'), 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 1, 2], 'input/compressed', 'bzip2'],
    [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 4], 'input/compressed', 'xz'],
    [[0x28, 0xb5, 0x2f, 0xfd, 0x24, 0x05], 'input/compressed', 'zstd'],
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0], 'input/compressed', 'zip'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'input/binary', 'PNG'],
    [[0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'input/binary', 'JPEG'],
    [[...Buffer.from('%PDF-1.7\n%\xe2\xe3\n')], 'input/binary', 'PDF'],
  ];
  for (const [bytes, code, name] of cases) {
    const d = decodeInput(new Uint8Array(bytes));
    assert.equal(d.kind, 'binary', name);
    if (d.kind !== 'binary') continue;
    assert.equal(d.problem.code, code, name);
    assert.match(d.problem.message, new RegExp(name), name);
  }
  // Text that merely starts like a signature is text.
  assert.equal(decodeInput(Buffer.from('BZh9 is not a bzip2 header\n')).kind, 'text');
  assert.equal(decodeInput(Buffer.from('PK is a prefix, not a zip\n')).kind, 'text');
});

/** An MRT record header (RFC 6396 §2): timestamp, type, subtype, length, then `length` bytes of body. */
function mrtRecord(type: number, subtype: number, body: number[]): number[] {
  const h = Buffer.alloc(12);
  h.writeUInt32BE(1767312000, 0); // 2026-01-02 00:00 UTC
  h.writeUInt16BE(type, 4);
  h.writeUInt16BE(subtype, 6);
  h.writeUInt32BE(body.length, 8);
  return [...h, ...body];
}

test('an MRT dump is recognised by two record headers in a row (TABLE_DUMP_V2, BGP4MP), and says so', () => {
  // PEER_INDEX_TABLE (13/1): collector BGP ID 192.0.2.1, empty view name, no peers; then a RIB_IPV4_UNICAST (13/2) entry.
  const rib = new Uint8Array([...mrtRecord(13, 1, [192, 0, 2, 1, 0, 0, 0, 0]), ...mrtRecord(13, 2, [0, 0, 0, 1, 24, 192, 0, 2, 0, 0])]);
  assert.ok(looksLikeMrt(rib));
  const d = decodeInput(rib);
  assert.equal(d.kind, 'binary');
  if (d.kind === 'binary') {
    assert.equal(d.format.kind, 'mrt');
    assert.equal(d.problem.code, 'input/mrt');
    assert.match(d.problem.message, /MRT routing dump.*bgpdump -m/);
  }
  // BGP4MP_MESSAGE_AS4 (16/4) updates.
  assert.equal(sniffBinary(new Uint8Array([...mrtRecord(16, 4, [1, 2, 3]), ...mrtRecord(16, 4, [4])]))?.kind, 'mrt');
  // A header whose follower is not one is not MRT by header (it is still binary).
  assert.ok(!looksLikeMrt(new Uint8Array([...mrtRecord(13, 1, [1]), ...Buffer.from('hello world!')])));
});

test('random bytes are binary; text with a stray NUL or colour escapes is text', () => {
  const rnd = mulberry32(14);
  const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(rnd() * 256));
  assert.equal(decodeInput(bytes).kind, 'binary');
  assert.equal(decodeInput(Buffer.from(`${'route: 192.0.2.0/24\n'.repeat(20)}\0\n`)).kind, 'text');
  assert.equal(decodeInput(Buffer.from('\x1b[1mBGP routing table\x1b[0m\n')).kind, 'text');
  assert.equal(decodeInput(new Uint8Array()).kind, 'text');
});
