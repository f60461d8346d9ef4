import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PathsPanel } from './pathsPanel';
import { registerRpkiStatus } from './rpkiStatus';

/** Everything the node and browser extensions share once their language client exists. */
export function activateCommon(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  registerRpkiStatus(context, client);
  context.subscriptions.push(
    vscode.commands.registerCommand('routelens.analyzePaths', async (uri?: vscode.Uri) => {
      PathsPanel.show(context, client, await initialPaste(uri));
    }),
    vscode.window.registerWebviewPanelSerializer(PathsPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        PathsPanel.revive(context, client, panel, state);
      },
    }),
  );
}

/** The selection, or the file the command was run on, or the active editor's text. */
async function initialPaste(uri?: vscode.Uri): Promise<string> {
  if (uri instanceof vscode.Uri) {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return new TextDecoder().decode(bytes);
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  return editor.selection.isEmpty ? editor.document.getText() : editor.document.getText(editor.selection);
}
