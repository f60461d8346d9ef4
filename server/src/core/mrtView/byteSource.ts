/**
 * A file's raw (possibly compressed) bytes as the panel's reader takes them: its size for the progress bar, and its
 * chunks in order. Node streams them from disk; VS Code for the web's server, which has no file system, gets them
 * from the client in slices (lsp/mrtViewFeatures.ts).
 */
export interface ByteSource {
  /** A name for messages (the file's base name). */
  readonly name: string;
  /** Bytes in the file, for the progress: known before reading. */
  readonly size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

/** A source over bytes already in memory, handed out in slices so progress moves as with a file. */
export function bytesSource(name: string, bytes: Uint8Array, slice = 1 << 20): ByteSource {
  return {
    name,
    size: bytes.length,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += slice) yield bytes.subarray(at, Math.min(bytes.length, at + slice));
    },
  };
}

/** A source whose slices are fetched one at a time by `read(offset, length)`, never more than one ahead. */
export function slicedSource(name: string, size: number, read: (offset: number, length: number) => Promise<Uint8Array>, slice = 4 << 20): ByteSource {
  return {
    name,
    size,
    async *chunks() {
      for (let at = 0; at < size; ) {
        const part = await read(at, Math.min(slice, size - at));
        if (part.length === 0) throw new Error(`${name}: the file ended at byte ${at} of ${size}`);
        yield part;
        at += part.length;
      }
    },
  };
}

/** The file name at the end of a URI, for messages and the collector's name (rrc00 in …/rrc00/updates…). */
export function uriBaseName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').replace(/^.*\//, '');
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * A file the language server cannot open itself, read through its client slice by slice: any file in VS Code for
 * the web, and in Node a URI of another scheme than file: (a file dropped on the panel from the operating system,
 * whose bytes the panel's page holds). `ask(0, 0)` gives the size.
 */
export async function askedSource(uri: string, ask: (offset: number, length: number) => Promise<{ readonly size: number; readonly bytes: Uint8Array }>): Promise<ByteSource> {
  const { size } = await ask(0, 0);
  return slicedSource(uriBaseName(uri), size, async (offset, length) => (await ask(offset, length)).bytes);
}
