import * as vscode from 'vscode';
import { decodeText } from './workspaceFiles';

/** The CANTV example as it ships in the extension: the objects, the ASPAs, and a looking-glass paste. */
const EXAMPLE = [
  { file: 'cantv.rpsl', language: 'rpsl', column: vscode.ViewColumn.One },
  { file: 'aspa.aspa', language: 'aspa', column: vscode.ViewColumn.Beside },
] as const;

/**
 * "RouteLens: Open Example": the CANTV leak of 2026-01-02 as untitled documents — its aut-nums and route
 * objects, and the ASPAs that would have made the leaked path Invalid — so a first look needs no files of
 * one's own, in the desktop and the web build alike (the files are read from the extension through
 * vscode.workspace.fs).
 */
export function registerOpenExample(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('routelens.openExample', async () => {
      for (const e of EXAMPLE) {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'examples', 'cantv', e.file));
        const doc = await vscode.workspace.openTextDocument({ language: e.language, content: decodeText(bytes) });
        await vscode.window.showTextDocument(doc, { viewColumn: e.column, preview: false });
      }
    }),
  );
}
