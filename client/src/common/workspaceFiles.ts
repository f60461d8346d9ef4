import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FindFilesRequest, ReadBytesRequest, ReadFileRequest } from '../../../server/src/protocol/lsp';
import { bytesToBase64 } from '../../../server/src/core/text/base64';

/** A file whose bytes come from elsewhere than workspace.fs: one dropped on the panel, which its page holds. */
export interface ServedFile {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Files served by URI to the server's `routelens/readBytes` before workspace.fs is asked (MrtHost registers them). */
export const servedFiles = new Map<string, ServedFile>();

/** Reads files for a server that cannot (VS Code for the web): any scheme the workbench's file system knows. */
export function serveWorkspaceFiles(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    client.onRequest(ReadFileRequest, async (p) => decodeText(await vscode.workspace.fs.readFile(vscode.Uri.parse(p.uri)))),
    client.onRequest(FindFilesRequest, async (p) => {
      const folder = vscode.Uri.parse(p.folderUri);
      const exts = p.suffixes.map((s) => s.replace(/^\./, '')).filter((s) => /^[\w-]+$/.test(s));
      if (exts.length === 0) return [];
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/*.{${exts.join(',')}}`), '**/node_modules/**', 2_000);
      return found.map((u) => u.toString());
    }),
    client.onRequest(ReadBytesRequest, async (p) => {
      const served = servedFiles.get(p.uri);
      if (served !== undefined) {
        const length = Math.max(0, Math.min(p.length, served.size - p.offset));
        return { size: served.size, data: bytesToBase64(length > 0 ? await served.read(p.offset, length) : new Uint8Array(0)) };
      }
      // workspace.fs reads whole files only: the file is held while the server takes it slice by slice.
      if (held?.uri !== p.uri) held = { uri: p.uri, bytes: vscode.workspace.fs.readFile(vscode.Uri.parse(p.uri)) };
      const h = held;
      const bytes = await h.bytes;
      clearTimeout(h.timer);
      const end = Math.min(bytes.length, p.offset + p.length);
      if (p.length > 0 && end >= bytes.length) held = undefined;
      else h.timer = setTimeout(() => held === h && (held = undefined), HOLD_MS);
      return { size: bytes.length, data: bytesToBase64(bytes.subarray(p.offset, end)) };
    }),
  );
}

/** A file being read in slices by the server, dropped after its last slice or when no slice was asked for a while. */
let held: { uri: string; bytes: Thenable<Uint8Array>; timer?: ReturnType<typeof setTimeout> } | undefined;
const HOLD_MS = 60_000;

/** UTF-8 (a BOM dropped), or UTF-16 when a BOM says so, as PowerShell 5.1 writes by default. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}
