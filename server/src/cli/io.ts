import type { FileContent } from './readText';

/** What a CLI command may touch; injected so commands are tested by calling them, not by spawning. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** The file's bytes, decoded by the command (decodeContent), so every command reads encodings alike. */
  readFile(path: string): Promise<FileContent>;
  readStdin(): Promise<FileContent>;
  /** The file's size in bytes and its bytes in pieces, for files too big to read whole (lint); hosts may lack them. */
  fileSize?(path: string): Promise<number>;
  readChunks?(path: string): AsyncIterable<Uint8Array>;
  writeFile(path: string, data: string): Promise<void>;
  /** Files below a directory (recursively), or the path itself for a file. */
  listFiles(path: string): Promise<string[]>;
}

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * A tiny argv reader: `--name value` or `--name=value`; a multi option is repeated (`--aspa a --aspa b`),
 * `--flag` booleans, the rest positional. `-` alone is positional (standard input).
 */
export function parseArgs(
  args: readonly string[],
  spec: { readonly values: readonly string[]; readonly multi?: readonly string[]; readonly flags?: readonly string[] },
): { values: Map<string, string[]>; flags: Set<string>; positional: string[] } | { error: string } {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-' || !a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq >= 0 ? a.slice(2, eq) : a.slice(2));
    if (spec.flags?.includes(name)) {
      flags.add(name);
      continue;
    }
    if (!spec.values.includes(name) && !spec.multi?.includes(name)) return { error: `unknown option --${name}` };
    const v: string | undefined = eq >= 0 ? a.slice(eq + 1) : args[++i];
    if (v === undefined) return { error: `--${name} needs a value` };
    if (values.has(name) && !spec.multi?.includes(name)) return { error: `--${name} given twice` };
    values.set(name, [...(values.get(name) ?? []), v]);
  }
  return { values, flags, positional };
}
