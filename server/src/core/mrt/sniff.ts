/**
 * Recognising an MRT file by content: compression by magic number, MRT by the sanity of its first record header
 * (a known type and subtype, a plausible timestamp and length). File names are not trusted: collectors and users
 * name them anything.
 */
export type Compression = 'gzip' | 'bzip2' | 'none';

export function sniffCompression(head: Uint8Array): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  // "BZh" then the block size digit 1–9.
  if (head.length >= 4 && head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68 && head[3]! >= 0x31 && head[3]! <= 0x39) return 'bzip2';
  return 'none';
}

/** Subtypes each route-carrying MRT type defines (RFC 6396 §4, RFC 8050 §4). */
const SUBTYPES: Readonly<Record<number, number>> = { 12: 2, 13: 12, 16: 11, 17: 11 };

/**
 * Whether decompressed bytes start like an MRT file: the first header names TABLE_DUMP, TABLE_DUMP_V2, BGP4MP or
 * BGP4MP_ET with a defined subtype, a length below 64 MiB, and a timestamp after 1995 (the first MRT dumps).
 * Text never passes: its first bytes would give an absurd type.
 */
export function looksLikeMrt(head: Uint8Array): boolean {
  if (head.length < 12) return false;
  const time = ((head[0]! << 24) >>> 0) + ((head[1]! << 16) | (head[2]! << 8) | head[3]!);
  const type = (head[4]! << 8) | head[5]!;
  const subtype = (head[6]! << 8) | head[7]!;
  const length = ((head[8]! << 24) >>> 0) + ((head[9]! << 16) | (head[10]! << 8) | head[11]!);
  const maxSub = SUBTYPES[type];
  return maxSub !== undefined && subtype <= maxSub && length < 1 << 26 && time >= 788918400;
}
