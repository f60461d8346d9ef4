import { SNIFF_BYTES, sniffBinary } from '../core/input/binaryFormats';
import type { Diagnostic } from '../core/diagnostics/diagnostic';
import type { Range } from '../core/text/range';
import { LineIndex } from '../core/text/lineIndex';
import { TextParts } from '../core/workspace/streamCheck';

/**
 * Files bigger than this are read in pieces and linted as several texts (see readTextParts): V8 cannot
 * hold a string of more than about 512 M characters, and reading a file whole holds its bytes and its
 * text at once.
 */
export const LARGE_FILE_BYTES = 256 * 1024 * 1024;
/** About how many characters each text of a large file holds. */
export const PART_CHARS = 128 * 1024 * 1024;

/** One text of a large file: its characters, the URI it is indexed under, and its first line in the file. */
export interface TextPart {
  readonly uri: string;
  readonly text: string;
  readonly firstLine: number;
}

/**
 * A large file as texts of about `partChars` characters, cut where a check of each on its own gives what a
 * check of the whole would (TextParts). Only plain UTF-8 (with or without a byte order mark) that has LF line
 * ends is read so; anything else (UTF-16, NUL bytes, binary, bytes that are not UTF-8, CR-only line ends)
 * gives undefined, and the caller reads the file whole, as a small one, for the same answer as ever.
 */
export async function readTextParts(chunks: AsyncIterable<Uint8Array>, uri: string, partChars = PART_CHARS): Promise<TextPart[] | undefined> {
  const decoder = new Utf8Pieces();
  const parts = new TextParts(partChars);
  const out: TextPart[] = [];
  let firstLine = 0;
  const add = (text: string): void => {
    // Part URIs sort after the file's own and before any other file's (index order: WorkspaceIndex entryOrder).
    out.push({ uri: `${uri}\u0000${String(out.length).padStart(6, '0')}`, text, firstLine });
    // A part ends after a line end: the next one starts on the line after its last.
    firstLine += new LineIndex(text).lineCount - 1;
  };
  let first = true;
  try {
    for await (const chunk of chunks) {
      let bytes = chunk;
      if (first) {
        if (!plainUtf8(bytes)) return undefined;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      const text = decoder.decode(bytes);
      // Line ends are taken as they are only when there is an LF (a CR-only file gets LF: lineEnds.ts).
      if (first && !text.includes('\n')) return undefined;
      first = false;
      for (const p of parts.push(text)) add(p);
    }
    const last = parts.push(decoder.end()).concat(parts.end());
    for (const p of last) if (p !== '' || out.length === 0) add(p);
  } catch (err) {
    // Not UTF-8: read whole, which says so (and reads it as Latin-1) as for any file.
    if (err instanceof TypeError) return undefined;
    throw err;
  }
  return out;
}

/**
 * Strict UTF-8 decoding of bytes that come in pieces, a sequence cut between two pieces carried to the next.
 * Not TextDecoder's `stream` mode: in Node 20 it gives two-byte strings even for ASCII, so a 1 GB dump took
 * 2.1 GB as text; decoded whole, each piece is a one-byte string when it can be. Bytes that are not UTF-8,
 * or a sequence cut by the end, throw TypeError, as the streaming decoder did.
 */
class Utf8Pieces {
  private readonly strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private carry: Uint8Array = new Uint8Array(0);

  decode(piece: Uint8Array): string {
    const bytes = this.carry.length === 0 ? piece : concat(this.carry, piece);
    const end = completeEnd(bytes);
    this.carry = bytes.slice(end);
    return this.strict.decode(bytes.subarray(0, end));
  }

  end(): string {
    if (this.carry.length > 0) throw new TypeError('The input ends inside a UTF-8 sequence');
    return '';
  }
}

/** Where the last whole UTF-8 sequence of `bytes` ends: before a lead byte whose sequence the bytes cut short. */
function completeEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const length = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + length > bytes.length ? i : bytes.length;
  }
  return bytes.length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The start of a file that is UTF-8 text by decodeInput's rules: no UTF-16 BOM, no NUL (UTF-16 without BOM), not binary. */
function plainUtf8(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  const sniffed = head.subarray(0, SNIFF_BYTES);
  return !sniffed.includes(0) && sniffBinary(sniffed) === undefined;
}

/**
 * A finding of a part, placed in its file: its lines move down by the part's first line, and related places
 * in parts (of this file or another) are placed in their files alike.
 */
export function inFile(d: Diagnostic, firstLine: number, partOf: (uri: string) => TextPart | undefined): Diagnostic {
  const shift = (r: Range, by: number): Range =>
    by === 0 ? r : { start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } };
  return {
    ...d,
    range: shift(d.range, firstLine),
    ...(d.fixes ? { fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: shift(e.range, firstLine) })) })) } : {}),
    ...(d.related
      ? {
          related: d.related.map((r) => {
            const part = r.uri === undefined ? undefined : partOf(r.uri);
            return part ? { ...r, uri: fileOfPart(part.uri), range: shift(r.range, part.firstLine) } : r;
          }),
        }
      : {}),
  };
}

/** The URI of the file a part URI belongs to. */
export const fileOfPart = (uri: string): string => uri.slice(0, uri.indexOf('\u0000'));
