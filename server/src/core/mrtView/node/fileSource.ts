/** Node side of the panel's reader: a file on disk as a ByteSource, streamed in 1 MB reads. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource } from '../byteSource';

export async function fileSource(path: string): Promise<ByteSource> {
  const size = (await stat(path)).size;
  return {
    name: basename(path),
    size,
    async *chunks() {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Uint8Array;
    },
  };
}
