/**
 * A file's bytes after gunzip or bunzip2, chosen by content (sniff.ts), with web APIs only so the browser build's
 * server (a Web Worker) reads the same way as Node: gzip through DecompressionStream, which both have, bzip2 through
 * bunzip2.ts.
 */
import { sniffCompression, type Compression } from '../mrt/sniff';
import { bunzip2 } from '../compress/bunzip2';

/** Takes the first `n` bytes off an async stream of chunks, and gives back a stream that still starts with them. */
export async function peek(input: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const it = input[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let have = 0;
  let done = false;
  while (have < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    seen.push(r.value);
    have += r.value.length;
  }
  const head = new Uint8Array(Math.min(n, have));
  let at = 0;
  for (const s of seen) {
    if (at >= head.length) break;
    const part = s.subarray(0, head.length - at);
    head.set(part, at);
    at += part.length;
  }
  async function* rest(): AsyncGenerator<Uint8Array> {
    yield* seen;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  return { head, rest: rest() };
}

async function* gunzip(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const ds = new DecompressionStream('gzip');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let failed: Error | undefined;
  // Written while read: DecompressionStream applies backpressure, so writing all first would stall.
  const pump = (async () => {
    try {
      // Uint8Array<ArrayBuffer>: the WebWorker typings (server/src/browser) refuse a view that might be on a
      // SharedArrayBuffer, which ours never are; Node's accept either.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
      for await (const chunk of input) await writer.write(chunk as Uint8Array<ArrayBuffer>);
      await writer.close();
    } catch (e) {
      failed = e instanceof Error ? e : new Error(String(e));
      await writer.abort(e).catch(() => undefined);
    }
  })();
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      yield r.value;
    }
  } catch (e) {
    throw failed ?? new Error(`gzip: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await reader.cancel().catch(() => undefined);
    await pump;
  }
  if (failed !== undefined) throw failed;
}

/** The decompressed chunks, and which compression the first bytes named. */
export async function decompressed(input: AsyncIterable<Uint8Array>): Promise<{ compression: Compression; chunks: AsyncIterable<Uint8Array> }> {
  const { head, rest } = await peek(input, 4);
  const compression = sniffCompression(head);
  return { compression, chunks: compression === 'gzip' ? gunzip(rest) : compression === 'bzip2' ? bunzip2(rest) : rest };
}
