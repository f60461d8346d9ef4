import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FindFilesRequest, ReadFileRequest } from '../../../server/src/protocol/lsp';

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
  );
}

/** UTF-8 (a BOM dropped), or UTF-16 when a BOM says so, as PowerShell 5.1 writes by default. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}
