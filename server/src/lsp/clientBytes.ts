import { askedSource, type ByteSource } from '../core/mrtView/byteSource';
import { base64ToBytes } from '../core/text/base64';
import type { ReadBytesParams, ReadBytesResult } from '../protocol/lsp';

/** Opens a file through the client (`routelens/readBytes`, answered by client/src/common/workspaceFiles.ts). */
export function clientBytes(send: (p: ReadBytesParams) => Promise<ReadBytesResult>): (uri: string) => Promise<ByteSource> {
  return (uri) =>
    askedSource(uri, async (offset, length) => {
      const r = await send({ uri, offset, length });
      return { size: r.size, bytes: base64ToBytes(r.data) };
    });
}
