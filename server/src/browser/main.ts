import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { FindFilesRequest, ReadFileRequest, type FindFilesParams, type ReadFileParams } from '../protocol';

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
  readFile: (uri) => connection.sendRequest<string>(ReadFileRequest, { uri } satisfies ReadFileParams),
  findFiles: (folderUri, suffixes) => connection.sendRequest<string[]>(FindFilesRequest, { folderUri, suffixes } satisfies FindFilesParams),
});
