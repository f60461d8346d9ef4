import { type DecodedInput, decodeInput, type InputProblem, NotTextError, normalizeText } from '../core/input/decode';

/** What an io hands back for a file: its bytes, or a string when the host has decoded it already (tests). */
export type FileContent = string | Uint8Array;

export function decodeContent(content: FileContent): DecodedInput {
  return typeof content === 'string' ? { kind: 'text', text: normalizeText(content), encoding: 'utf-8', problems: [] } : decodeInput(content);
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
  const decoded = decodeContent(await read());
  if (decoded.kind === 'binary') throw new NotTextError(decoded.problem);
  for (const p of decoded.problems) warn(problemLine(file, p));
  return decoded.text;
}
