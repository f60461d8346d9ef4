/**
 * bzip2 (RouteViews' compression) for the Node reader: the same decoder as the panel's (core/compress/bunzip2.ts,
 * pure JavaScript, no native build), as a Node stream; with `threads` > 1, its blocks decoded in worker threads
 * (bunzip2Threads.ts: only where the process's entry does nothing of its own in a worker, as the CLI's).
 */
import { Readable } from 'node:stream';
import { bunzip2 as decode } from '../../compress/bunzip2';
import { bunzip2Threads } from '../../compress/node/bunzip2Threads';

export function bunzip2(raw: Readable, threads = 1): Readable {
  return Readable.from(threads > 1 ? bunzip2Threads(raw, threads) : decode(raw), { objectMode: false, highWaterMark: 1 << 20 });
}
