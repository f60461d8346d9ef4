import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { decodeTextOrThrow } from '../core/input/decode';
import { startServer } from '../lsp/server';
import type { Runtime } from '../lsp/context';
import { netConnector } from '../core/rpki/node/netConnector';
import { isMrtFile, readMrtFile } from '../core/mrt/node/readMrtFile';
import { fileSource } from '../core/mrtView/node/fileSource';
import { clientBytes } from '../lsp/clientBytes';
import { ReadBytesRequest } from '../protocol/lsp';

const runtime: Runtime = {
  timer: {
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
  rtrConnector: netConnector,
  // Files the editor has not opened (workspace RPSL, data files) are decoded as the CLI decodes them: by BOM, Latin-1
  // when not UTF-8; a compressed or binary file rejects with what it is, as a file that cannot be read does.
  readFile: async (uri) => decodeTextOrThrow(await fs.readFile(uri.startsWith('file:') ? fileURLToPath(uri) : uri)).text,
  async streamMrt(uri, sink) {
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    if (!(await isMrtFile(file))) return false;
    await readMrtFile(file, sink);
    return true;
  },
  // A file: URI or a path is read from disk; another scheme (a file dropped on the panel from the operating system,
  // whose bytes the page holds, or a remote file system's) through the client, as the web build reads every file.
  openBytes: (uri) =>
    uri.startsWith('file:') || !/^[a-z][\w+.-]+:/i.test(uri)
      ? fileSource(uri.startsWith('file:') ? fileURLToPath(uri) : uri)
      : clientBytes((p) => connection.sendRequest(ReadBytesRequest, p))(uri),
  async findFiles(folderUri, suffixes) {
    const out: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > 12) return;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p, depth + 1);
        else if (suffixes.some((s) => e.name.toLowerCase().endsWith(s))) out.push(pathToFileURL(p).toString());
      }
    };
    await walk(fileURLToPath(folderUri), 0);
    return out;
  },
};

// As the `routelens-lsp` command the server speaks over standard input and output unless told otherwise,
// so an editor's configuration can name the command alone.
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`)))) process.argv.push('--stdio');
const connection = createConnection(ProposedFeatures.all);
// The last line of defence: node ends the process on a rejection nobody handled, and an editor does not
// restart a language server forever. Every known one goes through ctx.background; log any other.
process.on('unhandledRejection', (err) => connection.console.error(`RouteLens: unhandled failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
startServer(connection, runtime);
