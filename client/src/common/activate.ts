import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { choosePaste } from './firstPaste';
import { registerOpenExample } from './openExample';
import { PathsPanel } from './pathsPanel';
import { MrtProgressNotification } from '../../../server/src/protocol/lsp';
import { registerRpkiStatus } from './rpkiStatus';
import { decodeText, serveWorkspaceFiles } from './workspaceFiles';

/** Everything the node and browser extensions share once their language client exists. */
export function activateCommon(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  registerRpkiStatus(context, client);
  serveWorkspaceFiles(context, client);
  registerOpenExample(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('routelens.analyzePaths', async (uri?: vscode.Uri) => {
      const first = await initialPaste(uri);
      PathsPanel.show(context, client, first.text, first.fromSelection ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active);
    }),
    vscode.commands.registerCommand('routelens.openMrt', (uri?: vscode.Uri) => PathsPanel.openMrt(context, client, uri instanceof vscode.Uri ? uri : undefined)),
    client.onNotification(MrtProgressNotification, (p) => PathsPanel.mrtProgress(p)),
    vscode.window.registerWebviewPanelSerializer(PathsPanel.viewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        PathsPanel.revive(context, client, panel, state);
      },
    }),
  );
}

/** The file the command was run on (Explorer), or what `choosePaste` finds in the active editor. */
async function initialPaste(uri?: vscode.Uri): Promise<{ text: string; fromSelection: boolean }> {
  if (uri instanceof vscode.Uri) return { text: decodeText(await vscode.workspace.fs.readFile(uri)), fromSelection: false };
  const editor = vscode.window.activeTextEditor;
  return choosePaste(
    editor && {
      ...(editor.selection.isEmpty ? {} : { selection: editor.document.getText(editor.selection) }),
      languageId: editor.document.languageId,
      text: editor.document.getText(),
    },
  );
}
