import { type DecodedInput, decodeInput, type InputProblem, NotTextError, normalizeText } from '../core/input/decode';

/** What an io hands back for a file: its bytes, or a string when the host has decoded it already (tests). */
export type FileContent = string | Uint8Array;

export function decodeContent(content: FileContent): DecodedInput {
  return typeof content === 'string' ? { kind: 'text', text: normalizeText(content), encoding: 'utf-8', problems: [] } : decodeInput(content);
}

/**
 * Reads and decodes in a frame of its own: the caller's async frame would otherwise keep the bytes alive in a
 * register for as long as it runs (V8 scans a suspended or running function's whole register file), and a
 * lint run keeps its frame to the end: that was the file's size again in memory, for the whole run.
 */
export async function readDecoded(read: () => Promise<FileContent>): Promise<DecodedInput> {
  return decodeContent(await read());
}

/** An input problem as a line of the text report: `file:line:col: severity code: message`. */
export function problemLine(file: string, p: InputProblem): string {
  return `${file}:${p.position.line + 1}:${p.position.character + 1}: ${p.severity} ${p.code}: ${p.message}\n`;
}

/**
 * A data file (ASPA, relationships, VRPs) as text, for loaders that take a string: warnings about its encoding
 * go to `warn`, a binary file rejects with what it looks like, as a file that cannot be read does.
 */
export async function readDataText(read: () => Promise<FileContent>, file: string, warn: (line: string) => void): Promise<string> {
  const decoded = await readDecoded(read);
  if (decoded.kind === 'binary') throw new NotTextError(decoded.problem);
  for (const p of decoded.problems) warn(problemLine(file, p));
  return decoded.text;
}
