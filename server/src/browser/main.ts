import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { FindFilesRequest, ReadBytesRequest, ReadFileRequest } from '../protocol/lsp';
import { slicedSource } from '../core/mrtView/byteSource';
import { base64ToBytes } from '../core/text/base64';

declare const self: DedicatedWorkerGlobalScope;

// In VS Code for the web the server runs in a Web Worker with no file system: files (data files of the
// settings, workspace .aspa files) are read by the client through vscode.workspace.fs, on request.
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, {
  timer: {
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
  readFile: (uri) => connection.sendRequest(ReadFileRequest, { uri }),
  findFiles: (folderUri, suffixes) => connection.sendRequest(FindFilesRequest, { folderUri, suffixes }),
  // MRT files for the panel come in 4 MB slices, one at a time, so the read streams here too.
  async openBytes(uri) {
    const { size } = await connection.sendRequest(ReadBytesRequest, { uri, offset: 0, length: 0 });
    const read = async (offset: number, length: number): Promise<Uint8Array> => base64ToBytes((await connection.sendRequest(ReadBytesRequest, { uri, offset, length })).data);
    return slicedSource(decodeURIComponent(uri.replace(/[?#].*$/, '').replace(/^.*\//, '')), size, read);
  },
});
