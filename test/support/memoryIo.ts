import { promises as fs } from 'node:fs';
import type { CliIo } from '../../server/src/cli/io';

/** A CLI io that reads the real file system and captures what the command prints. */
export function memoryIo(stdin: string | Uint8Array = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(s: string) {
      io.out += s;
    },
    stderr(s: string) {
      io.err += s;
    },
    readFile: (p: string) => fs.readFile(p),
    readStdin: async () => stdin,
    writeFile: (p: string, d: string) => fs.writeFile(p, d, 'utf8'),
    async listFiles(p: string): Promise<string[]> {
      const st = await fs.stat(p);
      if (!st.isDirectory()) return [p];
      const entries = await fs.readdir(p, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => `${e.parentPath}/${e.name}`)
        .sort();
    },
  };
  return io;
}
