/**
 * bzip2 (RouteViews' compression) through `unbzip2-stream` (MIT, pure JavaScript, no native build). Its stream is
 * an old-style `through` stream, so it is piped into a PassThrough to read like any Node stream (`for await`).
 */
import { PassThrough, type Readable } from 'node:stream';
import unbzip2 from 'unbzip2-stream';

export function bunzip2(raw: Readable): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const inner = unbzip2();
  const fail = (e: Error): void => void out.destroy(e);
  raw.on('error', fail);
  inner.on('error', fail);
  raw.pipe(inner).pipe(out);
  return out;
}
