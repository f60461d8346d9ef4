/**
 * bzip2 (RouteViews' compression) for the Node reader: the same decoder as the panel's (core/compress/bunzip2.ts,
 * pure JavaScript, no native build), as a Node stream.
 */
import { Readable } from 'node:stream';
import { bunzip2 as decode } from '../../compress/bunzip2';

export function bunzip2(raw: Readable): Readable {
  return Readable.from(decode(raw), { objectMode: false, highWaterMark: 1 << 20 });
}
