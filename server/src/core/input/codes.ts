import type { DiagnosticCodeInfo } from '../diagnostics/codeInfo';

/** What reading a file's bytes found before any parser saw them (decodeInput). */
export const inputCodes = [
  {
    code: 'input/compressed',
    severity: 'error',
    summary: 'The file is compressed (gzip, bzip2, xz, zstd) or a zip archive, not text.',
    description:
      'RouteLens reads text. Registry dumps and looking-glass captures are often shipped compressed (`ripe.db.route.gz`); read as text they ' +
      'would give thousands of meaningless findings, so the file is not read at all. Fix: decompress it first, e.g. ' +
      '`zcat ripe.db.route.gz | routelens lint -` or `gunzip` then name the `.rpsl` file.',
    example: 'routelens lint ripe.db.route.gz',
  },
  {
    code: 'input/mrt',
    severity: 'error',
    summary: 'The file is an MRT routing dump (RFC 6396), which this command does not read as text.',
    description:
      'MRT is the binary format of RIS and Route Views RIB dumps and update files, recognised by its record header (type TABLE_DUMP, ' +
      'TABLE_DUMP_V2 or BGP4MP with a plausible length). Fix: turn it into text with `bgpdump -m FILE` and give that output to ' +
      '`routelens paths`.',
    example: 'routelens paths rib.20260102.0000',
  },
  {
    code: 'input/binary',
    severity: 'error',
    summary: 'The file is binary (an image, a PDF, or bytes no text file holds), not text.',
    description:
      'The first bytes are a known binary signature (PNG, JPEG, PDF) or more than 1% of the first 64 KiB are NUL or control bytes that ' +
      'no text file holds (tab, line ends, form feed and escape do not count). The file is not read, rather than echoing raw bytes as ' +
      'findings. Fix: name the text file meant; a file saved as UTF-16 with a byte order mark is read as text.',
  },
  {
    code: 'input/not-utf8',
    severity: 'warning',
    summary: 'The file is not valid UTF-8; it was read as Latin-1 (ISO 8859-1).',
    description:
      'Without a byte order mark a file is read as UTF-8. When its bytes are not valid UTF-8 (a registry answer in Latin-1, a name ' +
      'typed on an old system) every byte is read as one Latin-1 character, so nothing is lost and positions stay right, but a file ' +
      'that mixes encodings will show some non-ASCII characters wrongly. The message names the first byte that is not UTF-8. Fix: ' +
      'save the file as UTF-8 (`iconv -f latin1 -t utf-8`).',
  },
  {
    code: 'input/utf16-no-bom',
    severity: 'warning',
    summary: 'The file looks like UTF-16 without a byte order mark; it was read as UTF-16.',
    description:
      'Every other byte of the start of the file is NUL, the layout of ASCII text in UTF-16, but no byte order mark says so. It was read ' +
      'as UTF-16 in the byte order the NUL bytes show. Fix: save the file as UTF-8, or as UTF-16 with a byte order mark.',
  },
  {
    code: 'input/invalid-utf16',
    severity: 'warning',
    summary: 'The UTF-16 file has an odd number of bytes or a broken surrogate pair.',
    description:
      'A UTF-16 file is made of 2-byte units, and a character outside the Basic Multilingual Plane is a pair of them. A file cut in ' +
      'the middle of a unit or a pair (a truncated download) cannot be read exactly; each broken unit is read as U+FFFD. Fix: get ' +
      'the whole file again, or save it as UTF-8.',
  },
] as const satisfies readonly DiagnosticCodeInfo[];

/** A code of this table: a typo in one is a type error where it is emitted. */
export type InputCode = (typeof inputCodes)[number]['code'];
