import type { Severity } from '../diagnostics/diagnostic';
import type { Position } from '../text/range';
import { type BinaryFormat, SNIFF_BYTES, sniffBinary } from './binaryFormats';
import type { InputCode } from './codes';
import { normalizeLineEnds } from './lineEnds';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'latin-1';

/** A problem found while reading bytes as text; `position` is in the decoded text. */
export interface InputProblem {
  readonly code: InputCode;
  readonly severity: Severity;
  readonly message: string;
  readonly position: Position;
}

export type DecodedInput =
  /** Text without its byte order mark, line ends as in the file (CR-only files get LF: lineEnds.ts). */
  | { readonly kind: 'text'; readonly text: string; readonly encoding: TextEncoding; readonly problems: readonly InputProblem[] }
  /** Not text: nothing was decoded, and the one problem says what the bytes look like. */
  | { readonly kind: 'binary'; readonly format: BinaryFormat; readonly problem: InputProblem };

const START: Position = { line: 0, character: 0 };

/**
 * Bytes → text, as editors open a file: by byte order mark (UTF-8, UTF-16 LE/BE), else UTF-8, else Latin-1 with
 * a warning. Compressed, MRT and other binary files are recognised and not decoded at all. Never throws.
 */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  const bom = byteOrderMark(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return decodeUtf16(bytes.subarray(2), bom, []);
  const body = bom === 'utf-8-bom' ? bytes.subarray(3) : bytes;
  const layout = utf16Layout(body);
  if (layout !== undefined) {
    const order = layout === 'utf-16le' ? 'little' : 'big';
    return decodeUtf16(body, layout, [
      { code: 'input/utf16-no-bom', severity: 'warning', message: `This file looks like UTF-16 (${order}-endian) without a byte order mark and was read so; save it as UTF-8.`, position: START },
    ]);
  }
  const format = sniffBinary(body);
  if (format) {
    const code: InputCode = format.kind === 'mrt' ? 'input/mrt' : format.compressed ? 'input/compressed' : 'input/binary';
    return { kind: 'binary', format, problem: { code, severity: 'error', message: `This is ${format.name}, not text: ${format.hint}.`, position: START } };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { kind: 'text', text: normalizeLineEnds(text), encoding: bom ?? 'utf-8', problems: [] };
  } catch {
    // Not UTF-8: one byte, one character, so nothing is lost and columns are byte columns.
    const text = new TextDecoder('latin1').decode(body);
    const bad = firstInvalidUtf8(body);
    const byte = (body[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    const position = positionOf(text, bad);
    return {
      kind: 'text',
      text: normalizeLineEnds(text),
      encoding: 'latin-1',
      problems: [
        {
          code: 'input/not-utf8',
          severity: 'warning',
          message: `This file is not valid UTF-8 (byte 0x${byte} at line ${position.line + 1}, column ${position.character + 1}); it was read as Latin-1 (ISO 8859-1), so characters outside ASCII may be wrong if it mixes encodings. Save it as UTF-8.`,
          position,
        },
      ],
    };
  }
}

/** Text that is already a string (standard input read by a host that decodes, a test): the same BOM and line-end rules. */
export function normalizeText(text: string): string {
  return normalizeLineEnds(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function byteOrderMark(b: Uint8Array): TextEncoding | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8-bom';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', problems: InputProblem[]): DecodedInput {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    const at = text.indexOf('\ufffd');
    problems.push({
      code: 'input/invalid-utf16',
      severity: 'warning',
      message: `This UTF-16 file ${body.length % 2 === 1 ? 'has an odd number of bytes (cut short?)' : 'has a broken surrogate pair'}; what could not be read shows as U+FFFD.`,
      position: positionOf(text, at < 0 ? text.length : at),
    });
  }
  return { kind: 'text', text: normalizeLineEnds(text), encoding, problems };
}

/**
 * UTF-16 without a BOM: ASCII text in UTF-16 has a NUL in every other byte, on the odd bytes for little-endian
 * and the even ones for big-endian. Requires a clear majority, so binary files with scattered NULs stay binary.
 */
function utf16Layout(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(b.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.6 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/** RFC 3629 §4: lead bytes, how many continuation bytes follow, and the narrower second-byte ranges that exclude overlongs and surrogates. */
const UTF8_LEAD: readonly { from: number; to: number; continuation: number; secondMin?: ReadonlyMap<number, number>; secondMax?: ReadonlyMap<number, number> }[] = [
  { from: 0xc2, to: 0xdf, continuation: 1 },
  { from: 0xe0, to: 0xef, continuation: 2, secondMin: new Map([[0xe0, 0xa0]]), secondMax: new Map([[0xed, 0x9f]]) },
  { from: 0xf0, to: 0xf4, continuation: 3, secondMin: new Map([[0xf0, 0x90]]), secondMax: new Map([[0xf4, 0x8f]]) },
];

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629 §4), or b.length. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    const rule = UTF8_LEAD.find((r) => c >= r.from && c <= r.to);
    if (!rule) return i;
    const need = rule.continuation;
    const min = rule.secondMin?.get(c) ?? 0x80;
    const max = rule.secondMax?.get(c) ?? 0xbf;
    const second = b[i + 1];
    if (second === undefined || second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const cont = b[i + k];
      if (cont === undefined || cont < 0x80 || cont > 0xbf) return i;
    }
    i += need + 1;
  }
  return b.length;
}

/** Line and column of `offset`, counting LF, CRLF and CR as line ends as LineIndex does, without indexing every line. */
function positionOf(text: string, offset: number): Position {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

/** A file that is not text, thrown by readers that take a string (loaders, the server's file access). */
export class NotTextError extends Error {
  constructor(readonly problem: InputProblem) {
    super(problem.message);
    this.name = 'NotTextError';
  }
}

/** decodeInput for hosts that need a string: the text and its encoding problems, or NotTextError. */
export function decodeTextOrThrow(bytes: Uint8Array): { readonly text: string; readonly problems: readonly InputProblem[] } {
  const decoded = decodeInput(bytes);
  if (decoded.kind === 'binary') throw new NotTextError(decoded.problem);
  return decoded;
}
