/**
 * Node side of the MRT reader: streams a file from disk through gunzip or bunzip2 (chosen by content, not by name)
 * into an MrtReader. Memory stays at one chunk plus one record whatever the file's size.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { MrtReader, type MrtReadSummary } from '../reader';
import { looksLikeMrt, sniffCompression, type Compression } from '../sniff';
import type { MrtSink } from '../types';

export async function fileHead(path: string, n = 64): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** How a file is read: `bzip2Threads` > 1 decodes bzip2 blocks in that many worker threads (CLI only: see bunzip2Threads.ts). */
export interface ReadOptions {
  readonly bzip2Threads?: number;
}

/** The file's bytes after decompression, as a stream of chunks. */
export async function decompressedStream(path: string, options: ReadOptions = {}): Promise<{ compression: Compression; stream: Readable }> {
  const compression = sniffCompression(await fileHead(path, 4));
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (compression === 'gzip') return { compression, stream: raw.pipe(createGunzip({ chunkSize: 1 << 18 })) };
  if (compression === 'bzip2') {
    const { bunzip2 } = await import('./bunzip2');
    return { compression, stream: bunzip2(raw, options.bzip2Threads) };
  }
  return { compression, stream: raw };
}

export async function readMrtFile(path: string, sink: MrtSink, options: ReadOptions = {}): Promise<MrtReadSummary & { compression: Compression }> {
  const { compression, stream } = await decompressedStream(path, options);
  const reader = new MrtReader(sink);
  for await (const chunk of stream) reader.push(chunk as Uint8Array);
  return { ...reader.end(), compression };
}

/** Whether the file is MRT by content, after gunzip or bunzip2 if it is compressed (its name is not looked at). */
export async function isMrtFile(path: string): Promise<boolean> {
  let stream: Readable | undefined;
  try {
    const opened = await decompressedStream(path);
    stream = opened.stream;
    const parts: Uint8Array[] = [];
    let n = 0;
    for await (const chunk of stream) {
      parts.push(chunk as Uint8Array);
      n += (chunk as Uint8Array).length;
      if (n >= 12) break;
    }
    const head = new Uint8Array(n);
    let at = 0;
    for (const p of parts) {
      head.set(p, at);
      at += p.length;
    }
    return looksLikeMrt(head);
  } catch {
    return false;
  } finally {
    stream?.destroy();
  }
}
