/**
 * What a file that is not text looks like, from its first bytes: a small pure function any reader can call
 * before decoding (the CLI, the server reading files from disk, an MRT reader choosing its input).
 */
export type BinaryKind = 'gzip' | 'bzip2' | 'xz' | 'zstd' | 'zip' | 'mrt' | 'png' | 'jpeg' | 'pdf' | 'binary';

export interface BinaryFormat {
  readonly kind: BinaryKind;
  /** What the file looks like, for a message: "a gzip-compressed file". */
  readonly name: string;
  /** What to do instead, for a message. */
  readonly hint: string;
  /** Compressed formats hide text that can be read once decompressed. */
  readonly compressed: boolean;
}

interface Magic {
  readonly format: BinaryFormat;
  /** The file's first bytes; -1 matches any byte. */
  readonly bytes: readonly number[];
  /** Further bytes that must follow, one of these sequences (bzip2's block or end-of-stream magic). */
  readonly then?: readonly (readonly number[])[];
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

// File signatures as their formats define them (RFC 1952 §2.3.1, the bzip2 and xz file formats, RFC 8878 §3.1.1,
// PKWARE APPNOTE 4.3.7, PNG §5.2, JFIF SOI marker, ISO 32000 §7.5.2).
const MAGICS: readonly Magic[] = [
  { format: { kind: 'gzip', name: 'a gzip-compressed file', hint: 'decompress it first (gunzip, or zcat FILE | routelens … -)', compressed: true }, bytes: [0x1f, 0x8b] },
  {
    format: { kind: 'bzip2', name: 'a bzip2-compressed file', hint: 'decompress it first (bunzip2, or bzcat FILE | routelens … -)', compressed: true },
    bytes: [...ascii('BZh'), -1],
    then: [
      [0x31, 0x41, 0x59, 0x26, 0x53, 0x59],
      [0x17, 0x72, 0x45, 0x38, 0x50, 0x90],
    ],
  },
  { format: { kind: 'xz', name: 'an xz-compressed file', hint: 'decompress it first (unxz, or xzcat FILE | routelens … -)', compressed: true }, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { format: { kind: 'zstd', name: 'a zstd-compressed file', hint: 'decompress it first (unzstd, or zstdcat FILE | routelens … -)', compressed: true }, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { format: { kind: 'zip', name: 'a zip archive', hint: 'unzip it and name the files inside', compressed: true }, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: { kind: 'zip', name: 'a zip archive', hint: 'unzip it and name the files inside', compressed: true }, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { format: { kind: 'png', name: 'a PNG image', hint: 'an image holds no text to read', compressed: false }, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: { kind: 'jpeg', name: 'a JPEG image', hint: 'an image holds no text to read', compressed: false }, bytes: [0xff, 0xd8, 0xff] },
  { format: { kind: 'pdf', name: 'a PDF document', hint: 'copy the text out of the PDF into a text file', compressed: false }, bytes: ascii('%PDF-') },
];

export const MRT_FORMAT: BinaryFormat = {
  kind: 'mrt',
  name: 'an MRT routing dump (RFC 6396)',
  hint: 'turn it into text first (bgpdump -m FILE) and read that',
  compressed: false,
};

const OTHER_BINARY: BinaryFormat = { kind: 'binary', name: 'binary data (NUL or control bytes no text file holds)', hint: 'name a text file', compressed: false };

/** How much of a file the text/binary guess reads, as file(1) and git do. */
export const SNIFF_BYTES = 65536;

/**
 * The binary format of `bytes`, or undefined when they may be text (in any encoding decodeInput reads; UTF-16
 * text is full of NUL bytes, so callers that know a BOM or a UTF-16 layout skip the control-byte test).
 */
export function sniffBinary(bytes: Uint8Array, options: { controlBytesAreText?: boolean } = {}): BinaryFormat | undefined {
  for (const m of MAGICS) if (matches(bytes, m)) return m.format;
  if (looksLikeMrt(bytes)) return MRT_FORMAT;
  if (!options.controlBytesAreText && controlByteShare(bytes) > 0.01) return OTHER_BINARY;
  return undefined;
}

function matches(bytes: Uint8Array, m: Magic): boolean {
  if (bytes.length < m.bytes.length) return false;
  for (let i = 0; i < m.bytes.length; i++) if (m.bytes[i] !== -1 && bytes[i] !== m.bytes[i]) return false;
  if (!m.then) return true;
  return m.then.some((seq) => bytes.length >= m.bytes.length + seq.length && seq.every((b, i) => bytes[m.bytes.length + i] === b));
}

/**
 * RFC 6396 §2: every record starts with a 12-byte header — timestamp (4), type (2), subtype (2), length (4).
 * The known types with their subtype ranges (§4, RFC 8050 for the ADD-PATH subtypes). The first record must
 * be well formed and, when the sample holds it, so must the one after: two plausible headers in a row do not
 * happen in text (type and subtype start with NUL bytes).
 */
const MRT_SUBTYPES: ReadonlyMap<number, readonly [number, number]> = new Map([
  [11, [0, 0]], // OSPFv2
  [12, [1, 2]], // TABLE_DUMP: AFI_IPv4, AFI_IPv6
  [13, [1, 10]], // TABLE_DUMP_V2: PEER_INDEX_TABLE … RIB_GENERIC_ADDPATH
  [16, [0, 11]], // BGP4MP
  [17, [0, 11]], // BGP4MP_ET
  [32, [0, 0]], // ISIS
  [33, [0, 0]], // ISIS_ET
  [48, [0, 0]], // OSPFv3
  [49, [0, 0]], // OSPFv3_ET
]);
const MRT_MAX_RECORD = 16 << 20;

export function looksLikeMrt(bytes: Uint8Array): boolean {
  const first = mrtRecordLength(bytes, 0);
  if (first === undefined) return false;
  const next = 12 + first;
  return bytes.length < next + 12 || mrtRecordLength(bytes, next) !== undefined;
}

function mrtRecordLength(b: Uint8Array, at: number): number | undefined {
  if (b.length < at + 12) return undefined;
  const type = ((b[at + 4] ?? 0) << 8) | (b[at + 5] ?? 0);
  const subtype = ((b[at + 6] ?? 0) << 8) | (b[at + 7] ?? 0);
  const length = ((b[at + 8] ?? 0) * 2 ** 24) + (((b[at + 9] ?? 0) << 16) | ((b[at + 10] ?? 0) << 8) | (b[at + 11] ?? 0));
  const subtypes = MRT_SUBTYPES.get(type);
  if (subtypes === undefined || subtype < subtypes[0] || subtype > subtypes[1] || length > MRT_MAX_RECORD) return undefined;
  return length;
}

/**
 * The share of bytes in the sample that no text file holds: NUL and the C0 controls other than tab, line
 * feed, vertical tab, form feed, carriage return and escape (terminal captures keep their colour codes).
 */
export function controlByteShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return control / n;
}
