import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { FindFilesRequest, ReadBytesRequest, ReadFileRequest } from '../protocol/lsp';
import { clientBytes } from '../lsp/clientBytes';

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
  openBytes: clientBytes((p) => connection.sendRequest(ReadBytesRequest, p)),
});
